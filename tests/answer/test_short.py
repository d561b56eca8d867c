"""The short answer marked in bold (issue 13): its candidates, its features, and when it is shown."""

from __future__ import annotations

from qa.answer.weights import MINILM
from qa.answer.short import candidates, pick, span_features

WEIGHTS = MINILM


def _texts(text: str, question: str) -> list[str]:
    return [text[a:b] for a, b in candidates(text, question)]


def test_a_what_year_question_gets_the_year_of_a_full_date_as_a_candidate():
    text = "The Wenlow bridge opened on 12 March 1998 after four years of work."
    found = _texts(text, "In what year did the Wenlow bridge open?")
    assert "1998" in found and "12 March 1998" in found
    feats = dict(zip(found, span_features(text, "In what year did the Wenlow bridge open?",
                                          candidates(text, "In what year did the Wenlow bridge open?"), 0.5, 0.5)))
    assert feats["1998"]["gran"] == 1.0 and feats["12 March 1998"]["gran"] == 0.0
    # a when-question takes the whole date: no year split off
    assert "1998" not in _texts(text, "When did the Wenlow bridge open?")


def test_a_range_is_one_candidate():
    text = "The Skarn guild flourished between 1845 and 1902, when the harbour silted up."
    assert "between 1845 and 1902" in _texts(text, "When did the Skarn guild flourish?")
    text = "Each pear tree in the Wenlow orchard holds 8–15 hives."
    assert "8–15" in _texts(text, "How many hives does each pear tree hold?")


def test_the_day_of_a_date_is_not_a_count():
    text = "On 14 March 2023 the Skarn ferry carried 310 passengers."
    found = _texts(text, "How many passengers did the Skarn ferry carry?")
    assert "310" in " ".join(found)
    assert "14" not in found


def test_person_candidates_are_names_not_dates_titles_or_openers():
    text = "On June 3 the analyst of the Skarn Office Mr. Edvin Larsk spoke, and Ambassador Extraordinary Tove Brann listened."
    found = _texts(text, "Who spoke at the meeting?")
    assert "Edvin Larsk" in found
    assert not any(f.startswith("On") or "June" in f or f == "Skarn" for f in found)
    feats = span_features(text, "Who spoke at the meeting?", candidates(text, "Who spoke at the meeting?"), 0.5, 0.5)
    by_text = dict(zip(found, feats))
    assert by_text["Edvin Larsk"]["role"] == 0.0 and by_text["Edvin Larsk"]["org"] == 0.0
    text = "The prize went to Mr. Edvin Larsk of Skarn."
    assert "Mr. Edvin Larsk" in _texts(text, "Who won the prize?")
    assert any(f["role"] == 1.0 for t, f in by_text.items() if "Ambassador" in t)


def test_a_question_without_an_answer_type_gets_no_short_answer():
    text = "The Skarn Harbour Forum discussed ferry safety with 40 delegates in 2022."
    assert candidates(text, "What did the Skarn Harbour Forum discuss?") == []
    assert pick(text, "What did the Skarn Harbour Forum discuss?", 0.9, 0.9, WEIGHTS.span, WEIGHTS.span_bias,
                WEIGHTS.span_threshold) == (None, 0.0)


def test_of_two_figures_the_one_counting_the_asked_unit_is_picked():
    # the shipped weights: of two figures, the one that counts the asked noun is preferred
    text = "The Wenlow orchard employed 35 pickers and harvested 120 tonnes of pears in 2021."
    question = "How many tonnes of pears did the Wenlow orchard harvest?"
    found, p = pick(text, question, 0.6, 0.6, WEIGHTS.span, WEIGHTS.span_bias, 0.0)
    assert found is not None and text[found[0]:found[1]].startswith("120")


def test_a_weak_answer_shows_no_short_answer():
    # the same sentence answered with little confidence: the span is withheld
    text = "The Wenlow orchard employed 35 pickers and harvested 120 tonnes of pears in 2021."
    question = "How many tonnes of pears did the Wenlow orchard harvest?"
    found, p = pick(text, question, 0.02, 0.05, WEIGHTS.span, WEIGHTS.span_bias, WEIGHTS.span_threshold)
    assert found is None and p < WEIGHTS.span_threshold


def test_old_weights_with_features_this_version_lacks_do_not_break_picking():
    text = "The Wenlow orchard harvested 120 tonnes of pears in 2021."
    found, _ = pick(text, "How many tonnes of pears?", 0.6, 0.6, {"conf": 1.0, "gone": 3.0}, 0.0, 0.0)
    assert found is not None


def test_a_quantity_keeps_its_whole_unit_and_counts_as_naming_the_asked_unit():
    text = "Pickers from three villages gathered 120 tonnes of pears in the Wenlow orchard."
    question = "How many tonnes of pears did the Wenlow orchard gather?"
    found = candidates(text, question)
    spans = [text[a:b] for a, b in found]
    assert "120 tonnes of pears" in spans  # not "120 ton"
    feats = dict(zip(spans, span_features(text, question, found, 0.5, 0.5)))
    assert feats["120 tonnes of pears"]["unit"] == 1.0 and feats["three"]["unit"] == 0.0
