"""A question about one drug or precursor answered by a sentence about another, or by a total of them all.

"How much cocaine was seized at the Dostuk checkpoint in March 2023?" was answered at 0.74, with a short answer,
by "Officers ... seized 412 kilograms of heroin ... at the Dostuk checkpoint on 14 March 2023.": every other word
of the question is there, so nothing the gate reads tells it apart from a right answer, and an answer about the
wrong substance looks right. When the question names a controlled substance or a precursor (qa.lang.substances,
English and Russian, in any inflection, across languages) and the answer names one or more others and neither the
asked one nor a class that holds it, the answer is "not found" (qa.answer.evidence.rule_that_holds, "substituted").

What is read, and why:
- the answer: the sentence (a table's row read with its header: the header's columns say what its figures count),
  and the sentence before it when the answer is shown with it (it refers back: qa.answer.shown);
- what may say the sentence is about the asked substance after all, though it does not name it: the item's title
  ("Cocaine found in a banana shipment" over "Officers found 300 kg in the crates, and 2 kg of cannabis") and the
  sentence before it ("Acetic anhydride is the main precursor of heroin. Traffickers ship it in ..."). These count
  only for the asked substance, never as what the answer names instead: a title covers its whole item, which may
  list many substances, and a sentence that names none is left to the gate, as a sentence that names only "drugs"
  or "narcotics" is (those words are in no list: they name no one substance). "Narcotic drugs" is a class of every
  drug: it answers a question about heroin no worse than "opiates" does, and none about a precursor.

A total answers no question about one substance its passage leaves out (whole_of_others): "How much cocaine was
seized during Steppe Barrier 2023?" got "… seized 940 kg of drugs during Steppe Barrier 2023 …" at 0.75, while the
same item breaks the total down as "655 kg of hashish, 212 kg of heroin and 73 kg of synthetic drugs". When the answer
names no substance but a class holding the asked one (or none at all), and its passage names at least two other
substances and never the asked one (nor its item's title), the documents give no figure for it: "not found", with the
reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from qa.answer.features import behind
from qa.answer.needs import needs
from qa.answer.shown import refers_back
from qa.lang.substances import Named, asks_which, identities, named

if TYPE_CHECKING:
    from qa.answer.features import Candidate

# a sentence end in the passage text before the answer sentence
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")


@dataclass(frozen=True)
class Swap:
    """What the question names and what the answer names instead (qa.lang.substances.Named)."""

    asked: tuple[Named, ...]
    told: tuple[Named, ...]


def sentence_before(passage_before: str) -> str:
    """The last sentence of `passage_before` (the passage's text before the answer sentence), "" when none."""
    pieces = [p for p in _SENTENCE_END.split(passage_before.strip()) if p.strip()]
    return pieces[-1] if pieces else ""


def answer_text(sentence: str, passage_before: str) -> str:
    """What the answer shows of its substances: `sentence` (a table's row read with its header), after the sentence
    before it when it refers back to it."""
    if refers_back(sentence):
        before = sentence_before(passage_before)
        if before:
            return f"{before} {sentence}"
    return sentence


def swapped(question: str, sentence: str, passage_before: str = "", title: str = "") -> Swap | None:
    """What the question names and the answer (`sentence`, with `passage_before`: its passage's text before it)
    names instead, when the question names a substance or class of them (its own identities, qa.lang.substances),
    the answer names one or more and none of them is of those identities, and neither the sentence before it nor
    the item's `title` names one of them; else None. A question that asks which substance ("Which drug replaced
    heroin …?") is answered by another one, and is never a swap."""
    asked = named(question)
    if not asked or asks_which(question):  # "Which drug replaced heroin?" is answered by another drug
        return None
    kinds = frozenset(k for what in asked for k in what.kinds)
    told = named(answer_text(sentence, passage_before))
    # a class the answer lists its members of ("2.4 tonnes of narcotic drugs, including 512 kg of heroin and 1,640 kg
    # of hashish") is those members: it says nothing of methamphetamine. A member may itself be a class ("…, including
    # 558 kg of synthetic drugs"): only a class holding another one named is the one listed
    members = [what for what in told if not any(other.kinds < what.kinds for other in told)]
    if not told or any(what.kinds & kinds for what in members):
        return None
    # a title or the sentence before that names the asked substance may say what the sentence's figure is of
    if identities(f"{title}\n{sentence_before(passage_before)}") & kinds:
        return None
    return Swap(tuple(asked), tuple(told))


def candidate_swap(question: str, best: Candidate) -> Swap | None:
    """swapped() of an answer candidate (qa.answer.features.Candidate): its text, its passage's text before it, its
    item's title."""
    item = best.passage.item
    return swapped(question, best.text, best.before, item.title if item is not None else "")


# the best sentence, when it speaks of another substance than asked, gives way to one of the best SUBSTANCE_TOP that
# names the asked one, when the sentence model scores it within SUBSTANCE_MARGIN of the best (0: never); as the person
# near tie does (qa.answer.neighbours: PERSON_TOP, PERSON_MARGIN), with twice its margin: the best is sure to be "not
# found" (the "substituted" rule), where a person near tie takes over from an answer that may be right. An invented
# item with a heroin seizure and, a sentence later, a cocaine one at the same checkpoint ranked the two 0.63 apart
# for "How much cocaine was seized at the Wenlow checkpoint in March 2023?" (tests/answer/test_substances.py)
SUBSTANCE_TOP = 3
SUBSTANCE_MARGIN = 1.0


def prefer_asked_substance(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with a near tie that names the asked substance first, when the best speaks of another
    (candidate_swap()): "How much cocaine ...?" over an item that reports a heroin seizure and, a sentence later, a
    cocaine one. The two swap scores, so the confidence reads the winner with the margin the model gave the pair."""
    if SUBSTANCE_MARGIN <= 0 or len(ranked) < 2:
        return ranked
    if candidate_swap(question, ranked[0]) is None:
        return _member_of_whole(question, ranked)
    kinds = identities(question)
    for i in range(1, min(SUBSTANCE_TOP, len(ranked))):
        c = ranked[i]
        if behind(ranked[0], c) > SUBSTANCE_MARGIN:
            continue
        if identities(c.text) & kinds:
            top = ranked[0]
            return [replace(c, score=top.score), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]
    return ranked


# how many other substances a passage must name for its total to be a breakdown that leaves the asked one out
OTHERS_MIN = 2


def whole_of_others(question: str, best: Candidate) -> tuple[Named, ...]:
    """The substances a how-much question asks about when the answer `best` is a total that names none of them (only
    a class holding them, or no substance) and its passage breaks it down into OTHERS_MIN or more others, naming the
    asked ones nowhere, nor in its item's title (the module docstring); else ()."""
    asked = named(question)
    if not asked or asks_which(question) or needs(question).wants != "number":
        return ()
    kinds = frozenset(k for what in asked for k in what.kinds)
    if any(not (kinds < what.kinds) for what in named(best.text)):
        return ()  # the answer names the asked substance, or another (the swap reads that)
    item = best.passage.item
    around = f"{item.title if item is not None else ''}\n{best.passage.chunk.text}"
    said = named(around)
    others = [what for what in said if not what.kinds & kinds and not kinds < what.kinds]
    if any(what.kinds & kinds and not kinds < what.kinds for what in said) or len(others) < OTHERS_MIN:
        return ()
    return tuple(asked)


def _member_of_whole(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with a near tie of the best's own document that states a quantity of the asked substance first, when
    the question asks of one substance and the best states the whole of a class holding it ("В 2024 году изъято
    3 977 кг наркотических средств …") or names none: the report's next sentence breaks the total down ("Героина
    изъято 356 кг, опия-сырца — 515 кг, гашиша — 2 830 кг."), and a question about hashish is answered by that one."""
    asked = named(question)
    if not asked or asks_which(question):
        return ranked
    kinds = frozenset(k for what in asked for k in what.kinds)
    best = ranked[0]
    told = named(best.text)
    if any(not (kinds < what.kinds) for what in told):
        return ranked  # the best names the asked substance itself, or another one (the swap above reads that)
    for i in range(1, min(SUBSTANCE_TOP, len(ranked))):
        c = ranked[i]
        if behind(best, c) > SUBSTANCE_MARGIN:
            continue
        if c.sentence.doc == best.sentence.doc and c.features.get("unit") == 1.0 \
                and any(what.kinds <= kinds for what in named(c.text)):
            return [replace(c, score=best.score), *ranked[1:i], replace(best, score=c.score), *ranked[i + 1:]]
    return ranked
