"""A question whose detail the text contradicts (another ordinal, year or place of the same kind of
event) reads a clash in the sentence that tells the true event (qa.answer.types, invented text)."""

from __future__ import annotations

from qa.answer.events import numbered_alike
from qa.answer.needs import event_needs
from qa.answer.types import type_features

WG_TITLE = "Skarn holds the second working group activity on harbour safety"


def test_a_sentence_naming_another_ordinal_clashes_even_under_a_title_naming_the_asked_one():
    question = "When did the second working group activity take place?"
    ahead = "Looking ahead, the third WG activity is expected to take place from 14 to 18 April 2025."
    f = type_features(question, ahead, WG_TITLE, None, False)
    assert f["clash"] == 1.0 and f["event"] == 0.0
    # the page's own sentence about the second activity is still its match
    held = "The activity took place in Skarn from 3 to 7 June 2024."
    f = type_features(question, held, WG_TITLE, None, False)
    assert f["clash"] == 0.0 and f["event"] == 1.0
    # "for the first time" names no other activity of the series
    text = "For the first time, harbour pilots from Wenlow took part in the activity."
    assert type_features(question, text, WG_TITLE, None, False)["clash"] == 0.0


def test_a_sentence_naming_another_year_clashes_under_an_item_dated_the_asked_one():
    question = "How many ferries did the Tarrow company add in 2023?"
    text = "In 2019 the Tarrow company added four ferries to its fleet."
    f = type_features(question, text, "Tarrow ferry news", "2023-04-02", False)
    assert f["clash"] == 1.0
    # a year that only bounds a period is no other event ("since 2019")
    text = "Since 2019 the Tarrow company has added four ferries to its fleet."
    assert type_features(question, text, "Tarrow ferry news", "2023-04-02", False)["clash"] == 0.0
    # a sentence naming both years still matches the asked one
    text = "The company added four ferries in 2023 compared to two in 2019."
    assert type_features(question, text, "Tarrow ferry news", None, False)["clash"] == 0.0


def test_a_question_set_in_another_place_than_the_sentence_and_its_title_clashes():
    question = "When did the Wenlow harbour master meet the ferry operators in Brussels?"
    assert event_needs(question).places
    text = "On 3 May 2024 the Wenlow harbour master met the ferry operators in Madrid."
    assert type_features(question, text, "Harbour master visits Spain", None, False)["clash"] == 1.0
    # a sentence whose context holds the asked place does not clash
    text = "On 3 May 2024 the harbour master met the ferry operators at the Skarn Line office."
    # the item's title sets the meeting in Brussels: the office is in it
    title = "Wenlow harbour master meets ferry operators in Brussels"
    assert type_features(question, text, title, None, False)["clash"] == 0.0
    # and a sentence that names no place at all is no clash
    assert type_features(question, "The operators met the harbour master on 3 May.", "News", None,
                         False)["clash"] == 0.0
    # a place in a question about no event is a scope, not a setting: "in Tarrow" bounds what is
    # counted, and a sentence about a town inside it is no swap
    question = "What share of the ferries in Tarrow are electric?"
    text = "In Wenlow harbour, half of the ferries are electric."
    assert type_features(question, text, "Ferries", None, False)["clash"] == 0.0


def test_inaugural_is_the_first_of_a_series():
    question = "When was the second Skarn harbour workshop held?"
    text = "The inaugural Skarn harbour workshop was held on 3 May 2024."
    assert event_needs("When was the inaugural Skarn harbour workshop held?").ordinals == {"1"}
    assert type_features(question, text, "Skarn harbour workshop", None, False)["clash"] == 1.0


def test_russian_ordinals_are_read_as_english_ones():
    assert event_needs("Когда прошло второе заседание рабочей группы?").ordinals == {"2"}
    f = type_features("Когда прошло второе заседание рабочей группы?",
                      "Третье заседание рабочей группы прошло 5 мая 2024 года.", "Новости", None, False, "ru")
    assert f["clash"] == 1.0
    f = type_features("When was the second meeting of the working group held?",
                      "Второе заседание рабочей группы прошло 5 мая 2024 года.", "Новости", None, False, "ru")
    assert f["clash"] == 0.0 and f["event"] == 1.0
    # "3-го мая" is a date, not the third of a series
    f = type_features("Когда прошло второе заседание рабочей группы?", "Заседание рабочей группы прошло 3-го мая.",
                      "Новости", None, False, "ru")
    assert f["clash"] == 0.0


def test_a_place_named_by_its_adjective_is_the_same_place():
    question = "When was the harbour pilots' workshop held in Africa?"
    text = "The harbour pilots' workshop was held in African ports in May 2024."
    assert type_features(question, text, "Harbour pilots", None, False)["clash"] == 0.0
    text = "The harbour pilots' workshop was held in Asian ports in May 2024."
    assert type_features(question, text, "Harbour pilots", None, False)["clash"] == 1.0
    # and the other way round: the question names the adjective, the title the place
    question = "When was the workshop held at the Japanese coast guard academy?"
    text = "The workshop was held in Skarn harbour in May 2024."
    assert type_features(question, text, "Coast guard academy in Japan", None, False)["clash"] == 0.0


def test_a_sentence_naming_another_number_of_the_asked_series_clashes():
    question = "What did the council agree with the HARP 8 programme in Skarn?"
    assert event_needs(question).series == {("harp", "8")}
    f = type_features(question, "The council and the HARP 7 programme met in Skarn.", "Council news", None, False)
    assert f["clash"] == 1.0 and f["event"] == 0.0
    f = type_features(question, "The council and the HARP 8 programme met in Skarn.", "Council news", None, False)
    assert f["clash"] == 0.0 and f["event"] == 1.0
    # a sentence that numbers nothing reads its item's title
    assert type_features(question, "The council met in Skarn.", "HARP 7 in Skarn", None, False)["clash"] == 1.0
    assert type_features(question, "The council met in Skarn.", "Council news", None, False)["clash"] == 0.0


def test_a_numbered_name_and_an_ordinal_before_it_are_one_place_in_the_series():
    # "WG3", "WG-3" and "the third WG" name the same activity
    question = "Where is WG3 expected to be held?"
    ahead = "Looking ahead, the third WG activity will take place in Tbilisi."
    assert type_features(question, ahead, WG_TITLE, None, False)["clash"] == 0.0
    held = "The WG-2 activity was held in Astana, just like WG1."
    assert type_features(question, held, WG_TITLE, None, False)["clash"] == 1.0


def test_a_numbered_name_is_held_by_a_text_that_numbers_it_alike_in_any_form():
    ahead = "Looking ahead, the third WG activity and the seventh CADAP programme will start in Tbilisi."
    assert numbered_alike("Where is WG3 expected to be held?", ahead) == {"wg3"}
    assert numbered_alike("Where is WG-3 expected to be held?", ahead) == {"wg-3"}
    assert numbered_alike("When does CADAP 7 start?", ahead) == {"cadap 7"}
    assert numbered_alike("When does CADAP 8 start?", ahead) == set()  # another of the series
    assert numbered_alike("Where is the third WG expected to be held?", ahead) == set()  # its words are the text's


def test_a_number_after_a_stop_word_a_month_or_a_hedge_numbers_no_name():
    for question in ("How many ferries sailed in 2019?", "What happened at 10:30 on May 5?",
                     "Were there about 30 or nearly 40 boats?", "Did prices rise by 5.5% or 12 %?"):
        assert event_needs(question).series == frozenset(), question


def test_a_dated_item_s_lead_says_which_year_its_sentences_speak_of():
    # the press conference of January 2025 "on the results of 2024": its breakdown names no year, its date 2025
    question = "How much hashish did the harbour office seize in 2024?"
    text = "Heroin accounted for 356 kg and hashish for 2,830 kg."
    lead = "The harbour office held its annual press conference on the results of 2024."
    assert type_features(question, text, "New director's first press conference", "2025-01-30", False)["clash"] == 1.0
    f = type_features(question, text, "New director's first press conference", "2025-01-30", False, about=lead)
    assert f["clash"] == 0.0 and f["event"] == 1.0
    # read beside the date, not instead of it: "Since 2019, …" does not say an item of 2024 is not about 2024
    since = type_features(question, text, "Harbour news", "2024-03-02", False, about="Since 2019, the office has …")
    assert since["clash"] == 0.0
    # an undated item's lead gives it no year to clash with
    assert type_features(question, text, "Harbour news", None, False, about="In 2019, the office …")["clash"] == 0.0
