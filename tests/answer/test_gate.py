"""The gate's count rule (qa.answer.evidence.uncounted / abstain_gate), on invented sentences.

A how-many question whose counted noun the documents name but never count is "not found": the
issue's pattern 1 ("a sentence about the same event with no count of that thing")."""

from __future__ import annotations

from dataclasses import replace

from qa.answer.evidence import abstain_gate, uncounted
from qa.answer.types import needs, typed_match
from qa.answer.weights import MINILM
from qa.lang import analyze

PASSAGE = set(analyze("Island news. The harbour forum discussed ferry safety and the repair of the breakwater."))
QUESTION = "How many ferries were inspected at the harbour forum?"


def test_a_noun_the_passage_names_but_no_candidate_counts_is_uncounted():
    assert uncounted(QUESTION, [0.0, 0.0, 0.0], PASSAGE) == 1.0


def test_a_candidate_that_counts_the_noun_clears_the_rule():
    assert uncounted(QUESTION, [0.0, 1.0, 0.0], PASSAGE) == 0.0


def test_a_noun_the_passage_never_names_is_left_to_the_fitted_gate():
    # nothing says the documents speak of the asked thing at all: no rule, the model decides
    assert uncounted("How many lighthouses were repainted at the harbour forum?", [0.0, 0.0], PASSAGE) == 0.0


def test_questions_that_count_no_noun_are_not_ruled():
    assert uncounted("How much did the harbour forum cost?", [0.0, 0.0], PASSAGE) == 0.0
    assert uncounted("When did the harbour forum discuss ferry safety?", [0.0, 0.0], PASSAGE) == 0.0


def test_the_rule_abstains_only_where_the_fit_switched_it_on():
    stump = {"features": ["share"], "bias": 2.0, "trees": []}  # P(answerable) ~ 0.88 for everyone
    on = replace(MINILM, abstain_trees=stump, count_veto=True)
    off = replace(MINILM, abstain_trees=stump, count_veto=False)
    facts = {"share": 0.9, "uncounted": 1.0}
    assert abstain_gate(facts, on, 0.5) == 0.0
    assert abstain_gate(facts, off, 0.5) > 0.8
    assert abstain_gate({**facts, "uncounted": 0.0}, on, 0.5) > 0.8


def _kinds(question: str, sentences: list[str]) -> list[float]:
    """typed_match of each candidate, as qa.answer.evidence reads it from the candidates' features."""
    n = needs(question)
    return [typed_match(s, question, n) for s in sentences]


def test_a_count_of_the_asked_noun_after_a_verb_the_question_goes_on_with_clears_the_rule():
    # the counted noun is "storms", not the verb "hit" nor "harbour" further on: a passage that
    # counts the storms answers the question, one that only names them does not
    question = "How many storms hit Wenlow harbour last year?"
    answered = ["Wenlow harbour was hit by eleven storms last year.", "The harbour wall was repaired in May."]
    own = set(analyze(" ".join(answered)))
    assert uncounted(question, _kinds(question, answered), own) == 0.0
    unanswered = ["Storms hit Wenlow harbour last year.", "The harbour lost 40 boats in the floods."]
    own = set(analyze(" ".join(unanswered)))
    assert uncounted(question, _kinds(question, unanswered), own) == 1.0
