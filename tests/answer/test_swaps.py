"""Swapped details (qa.answer.swaps), on invented sentences.

SQuAD 2.0's unanswerable questions were often written from an answerable one by swapping a word for
its opposite ("the *smallest* harvest" where the text says the largest) or one name for another ("in
*Tarrow's* orchards" where the text says Wenlow's): the chosen sentence then matches every other word
of the question, and only this evidence tells the two apart."""

from __future__ import annotations

import pytest

from qa.answer.swaps import antonym_swap, name_swap
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


@pytest.mark.parametrize(("question", "sentence"), [
    ("When did the Tarrow guild suffer unnatural losses?", "The Tarrow guild suffered natural losses in 1902."),
    ("Which ferry sailings were irregular?", "The Wenlow ferry sailings were regular until 1950."),
    ("Who called the toll illegitimate?", "The harbour board called the toll legitimate."),
    ("What had an indirect effect on the harvest?", "The frost had a direct effect on the harvest."),
    ("What made the bridge safe?", "The storm made the bridge unsafe."),
])
def test_a_word_made_its_opposite_by_a_prefix_is_a_swap(question, sentence):
    assert antonym_swap(stems(question), stems(sentence)) == 1.0


@pytest.mark.parametrize(("question", "sentence"), [
    ("Where did the income of the guild go?", "The guild's money went to the harbour."),  # "in-come" is no negation
    ("How did the board improve the pier?", "The board had to prove the pier was safe."),  # nor "im-prove"
    ("Were the losses natural or unnatural?", "The guild suffered natural losses."),  # both asked: a choice
])
def test_a_prefix_that_negates_nothing_is_no_swap(question, sentence):
    assert antonym_swap(stems(question), stems(sentence)) == 0.0


def test_a_word_whose_stem_has_another_sense_is_no_opposite():
    # "important" stems to "import", which must not read as the opposite of "export"
    assert antonym_swap(stems("What important goods leave the harbour?"), stems("The harbour exports wool.")) == 0.0


PICKERS = "In Wenlow's orchards, pickers from three villages gathered 120 tonnes of pears."


@pytest.mark.parametrize("question", [
    "In Tarrow's orchards, how many tonnes of pears did the pickers gather?",  # beside the word after it
    "How many tonnes of pears did the pickers of the Tarrow orchards gather?",  # beside the word before it
    "How many tonnes did the Tarrow Valley orchards yield?",  # a name of two words
])
def test_a_question_that_swaps_a_name_for_another_is_flagged(question):
    assert name_swap(question, PICKERS) == 1.0


@pytest.mark.parametrize("question", [
    "In Wenlow's orchards, how many tonnes of pears did the pickers gather?",  # the answerable twin
    "How many tonnes of pears did the Wenlow pickers gather?",  # the name is there, elsewhere
    "How many tonnes of pears did pickers gather in the Tarrow district?",  # nothing stands beside "district"
    "What did Tarrow say about the harvest?",  # "say" is no word of the sentence
])
def test_a_name_the_sentence_holds_or_nothing_stands_in_for_is_no_swap(question):
    assert name_swap(question, PICKERS) == 0.0


UPPER = "The Upper Tarrow orchards yielded 120 tonnes of pears in 2021."


def test_a_name_with_one_of_its_words_swapped_is_flagged():
    # "Lower" stands where the sentence has "Upper", beside the same words
    assert name_swap("How many tonnes of pears did the Lower Tarrow orchards yield?", UPPER) == 1.0
    assert name_swap("How many tonnes of pears did the Upper Tarrow orchards yield?", UPPER) == 0.0
    # a typo or a name written without its accent is the same name
    assert name_swap("How many tonnes of pears did the Upper Tarow orchards yield?", UPPER) == 0.0
    assert name_swap("How many tonnes did the Ölund Tarrow farms grow?", "The Olund Tarrow farms grow pears.") == 0.0


@pytest.mark.parametrize("question, sentence", [
    # the same place by its adjective, the same name in another form, an acronym and its expansion
    ("How much of Wenlow's farmland grows pears?", "Wenlovian farmland grows pears and plums."),
    ("Which orchards did the Normans plant?", "The Norman orchards were planted in 1871."),
    ("What does the WOC teach?", "The Wenlow Orchard College teaches grafting."),
    # a capital at the start of a sentence is no name standing in for the asked one
    ("Which Tarrow farms grow pears?", "Farms grow pears in every valley."),
])
def test_another_form_of_the_same_name_is_no_swap(question, sentence):
    assert name_swap(question, sentence) == 0.0
