"""The gate's antonym evidence (qa.answer.evidence.antonym_swap), on invented sentences and end to end.

SQuAD 2.0's unanswerable questions were often written from an answerable one by swapping a word for
its opposite ("the *smallest* harvest" where the text says the largest): the chosen sentence then
matches every other word of the question, and only this evidence tells the two apart."""

from __future__ import annotations

import pytest

from qa.answer.evidence import antonym_swap
from qa.lang import analyze

HARVEST = "Pickers from three villages gathered 120 tonnes of pears, the largest harvest since the orchard was planted."


def stems(text: str) -> set[str]:
    return set(analyze(text))


def test_a_question_that_swaps_a_word_for_its_opposite_is_flagged():
    assert antonym_swap(stems("What was the smallest harvest since the orchard was planted?"), stems(HARVEST)) == 1.0


def test_its_answerable_twin_is_not():
    assert antonym_swap(stems("What was the largest harvest since the orchard was planted?"), stems(HARVEST)) == 0.0


def test_inflected_opposites_pair_through_their_stems():
    assert antonym_swap(stems("When did ferry traffic decrease?"), stems("Ferry traffic increased in 2019.")) == 1.0


def test_a_sentence_that_states_the_asked_word_too_is_no_swap():
    sentence = "Tides at Port Ellery range from the highest in March to the lowest in June."
    assert antonym_swap(stems("When is the lowest tide at Port Ellery?"), stems(sentence)) == 0.0


def test_a_question_that_names_both_opposites_is_no_swap():
    # it asks to choose between them, and the sentence answers with one
    assert antonym_swap(stems("Was the harvest large or small?"), stems(HARVEST)) == 0.0


def test_a_word_whose_stem_has_another_sense_is_no_opposite():
    # "important" stems to "import", which must not read as the opposite of "export"
    assert antonym_swap(stems("What important goods leave the harbour?"), stems("The harbour exports wool.")) == 0.0


ORCHARD = (
    "Orchard report\n\n"
    "Wenlow orchard harvest\n\n"
    "On 9 October 2022 the Wenlow orchard finished its pear harvest. Pickers from three villages "
    "gathered 120 tonnes of pears, the largest harvest since the orchard was planted in 1871.\n"
)
NOTES = (
    "Regional notes\n\n"
    "Tarrow ferry timetable changes\n\n"
    "On 2 April 2023 the Tarrow ferry company announced a new summer timetable with two extra "
    "crossings on Saturdays.\n\n"
    "Lighthouse trust elects new board\n\n"
    "On 18 May 2023 the lighthouse trust of Port Ellery elected a new board of seven members.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"orchard.txt": ORCHARD, "notes.txt": NOTES})


@pytest.mark.slow
def test_an_antonym_swapped_question_gets_not_found_and_its_twin_an_answer(service):
    assert service.ask("How many tonnes of pears made the smallest harvest at the Wenlow orchard?").answer is None
    answer = service.ask("How many tonnes of pears made the largest harvest at the Wenlow orchard?").answer
    assert answer is not None and "120 tonnes" in answer.text
