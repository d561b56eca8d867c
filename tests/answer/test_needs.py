"""What a question asks for: its counted noun, its event words, money, the kind a "which <noun>" asks for (invented
text; qa.answer.needs)."""

from __future__ import annotations

import pytest

from qa.answer.needs import needs
from qa.answer.types import unit_match
from qa.lang import analyze


def test_a_how_many_question_names_the_noun_it_counts():
    n = needs("How many volunteers planted trees on Skarn Island?")
    assert n.qtype == "number"
    assert "volunt" in n.units


def test_a_change_in_a_price_or_a_count_of_grants_is_no_question_about_money():
    # "how much did the price rise" wants a rate, "how many grants" counts grants
    assert not needs("From 1947 to 1967, how much did the price of honey increase?").money
    assert not needs("How many grants did the Wenlow council give?").money
    assert not needs("Сколько грантов выдал совет?").money
    assert needs("How many dollars did the repair cost?").money  # counts money itself
    assert not needs("How much honey did the Skarn stalls sell?").money
    assert needs("How much cash may a traveller carry across the Skarn border without a declaration?").money


def test_who_is_such_and_such_asks_what_it_is_not_for_a_name():
    assert needs("Кто такой «глотатель» в терминологии бюро?").wants is None
    assert needs("Кто такие наркокурьеры?").wants is None
    assert needs("Кто возглавляет службу?").wants == "person"
    assert needs("Кто такая Айгерим Сатова?").wants == "person"  # who she is


def test_first_as_an_adverb_is_not_an_event_marker():
    assert needs("Who first described the Wenlow pear?").ordinals == frozenset()


def test_a_year_that_bounds_a_period_does_not_single_out_an_event():
    assert needs("How much grain did the cooperative store in total since 2019?").years == frozenset()
    assert needs("How much grain did the cooperative store before 2019?").years == frozenset()
    assert needs("How much grain did the cooperative store in 2019?").years == {"2019"}


def test_which_questions_ask_for_a_person_or_a_place_by_their_noun():
    assert needs("Which Skarn official opened the harbour?").wants == "person"
    assert needs("At which venue in Skarn was the forum held?").wants == "place"
    # the head is the last noun before the verb: member *states*
    assert needs("Which member states sent ferries to Skarn?").wants == "place"
    assert needs("What is the purpose of the Skarn ferry?").wants is None
    assert needs("What is the budget of the Skarn ferry?").wants == "number"  # an amount


# The counted noun is the plural head of the phrase after "how many" (qa.answer.needs.plural_head):
# a verb the question goes on with, a coordinated or hyphenated modifier, a partitive "of the" and
# an acronym that spells a stop word are not it.


def test_the_counted_noun_is_not_the_verb_that_follows_it():
    assert needs("How many buoys drift past the Skarn lighthouse each winter?").units == frozenset(analyze("buoys"))
    assert needs("How many storms hit Wenlow harbour last year?").units == frozenset(analyze("storms"))


def test_coordinated_and_hyphenated_modifiers_do_not_hide_the_head():
    n = needs("How many harbour-safety and fire-drill exercises did the Wenlow crews run?")
    assert n.units == frozenset(analyze("exercises"))
    assert needs("How many extended cargo-handling cranes stand in Skarn port?").units == frozenset(analyze("cranes"))


def test_a_plural_modifier_coordinated_with_another_does_not_hide_the_head():
    # "customs" reads as a plural: "640 customs and border officers" counts officers, not customs
    assert needs("How many customs and border officers did the Wenlow project train?").units == frozenset(
        analyze("officers"))
    n = needs("How many officers did the Wenlow project train in 2023?")
    assert unit_match("In 2023 the project trained 640 customs and border officers, 22 per cent of them women.",
                      n) == 1.0
    # a number after "and" opens a count of its own
    assert unit_match("The patrol had 200 horses and 30 officers.", n) == 1.0
    assert unit_match("The patrol had 200 officers and 30 horses.",
                      needs("How many horses did the patrol have?")) == 1.0


def test_a_partitive_or_an_acronym_before_the_noun_still_names_it():
    assert needs("How many of the Skarn pilots retired in 2020?").units == frozenset(analyze("pilots"))
    assert needs("How many US ferries docked at Skarn?").units == frozenset(analyze("ferries"))


@pytest.mark.parametrize(("question", "wants"), [
    ("Каков общий бюджет проекта?", "number"),
    ("Каков окончательный объём изъятий по итогам операции?", "number"),
    ("What is the number of the customs hotline for reporting smuggling?", "phone"),
    ("What was the number of hotline calls in 2023?", None),
    ("What budget did the Council approve for the Secretariat for 2025?", "number"),
    ("What budget line covers travel?", None),
])
def test_what_a_question_asks_for_through_its_noun(question, wants):
    assert needs(question).wants == wants
