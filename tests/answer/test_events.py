"""Which event a question or a sentence speaks of: its ordinal, its year, the place it is held in (invented text;
qa.answer.events)."""

from __future__ import annotations

import pytest

from qa.answer.events import asked_place, event_features, misplaced
from qa.answer.needs import event_needs, needs


def test_ordinals_and_years_that_single_out_an_event_must_match():
    n = needs("Where was the fifth Harbour Forum held in 2021?")
    assert n.ordinals == {"5"} and n.years == {"2021"}
    match, clash = event_features("The 5th Harbour Forum met in Skarn in 2021.", n)
    assert match == 1.0 and clash == 0.0
    match, clash = event_features("The third Harbour Forum met in Skarn in 2019.", n)
    assert match == 0.0 and clash == 1.0
    # a sentence naming neither is not a clash, only not a match
    assert event_features("The forum met in Skarn.", n) == (0.0, 0.0)


def test_a_year_a_figure_is_only_compared_with_is_not_the_figure_s_year():
    # "11 % less than in January-June 2030" is the figure of the report's own half-year, not of 2030
    n = event_needs("How much heroin was seized in the Skarn region in January-June 2030?")
    text = "- Heroin: 1,042 kg, 11 % less than in January-June 2030"
    assert event_features(f"Half-Year Report, January-June 2031 {text}", n, text) == (0.0, 1.0)
    # unless the sentence gives that year's figure too
    n = event_needs("Сколько наркотиков изъято в Скарне в 2030 году?")
    text = "По сравнению с 2030 годом, когда было изъято 5 842 кг, объём изъятий увеличился на 11,6 %."
    assert event_features(f"Обзор за 2031 год {text}", n, text) == (1.0, 0.0)
    text = "Изъято 14 286 кг, что на 9,4 % больше, чем в 2030 году (13 058 кг)."
    assert event_features(f"Обзор за 2031 год {text}", n, text) == (1.0, 0.0)
    # "from 2020 to the present" opens a span, it compares nothing: its figure is of no single year asked
    n = event_needs("How much heroin was seized in Skarn in 2023?")
    text = "From 2020 to the present, seven operations seized 740 kg of drugs."
    assert event_features(text, n, text) == (0.0, 1.0)


def test_a_holder_s_span_of_years_names_each_of_its_years_for_a_who_question():
    n = event_needs("Who was Director of the Skarn Bureau in 2018?")
    text = "Director | Ilse Marr | Velania | 2016-2021"
    assert event_features(text, n, text) == (1.0, 0.0)
    # a figure of a span of years is no figure of one of them
    n = event_needs("How much heroin did the Skarn Bureau seize in 2018?")
    text = "From 2016 to 2021 the Bureau seized 4,120 kg of heroin."
    assert event_features(text, n, text)[1] == 1.0


# A question that sets its event in a place the documents do not (qa.answer.events.misplaced): the chosen sentence
# names no place, and the first sentence of its item holds the same kind of gathering elsewhere.
COUNCIL_LEAD = "On 14 March 2023, in Dunmore, the spring meeting of the beekeepers' council was held in the library."
CHAIRED = "The meeting was chaired by Mrs Edith Carrow, the council's secretary."


def test_a_question_that_holds_the_event_elsewhere_than_the_item_is_misplaced():
    question = "Who chaired the beekeepers' meeting in Tarrow?"
    assert misplaced(question, CHAIRED, COUNCIL_LEAD, "Spring meeting", CHAIRED)
    assert asked_place(question) == "Tarrow"


@pytest.mark.parametrize(("question", "sentence", "lead", "passage"), [
    # the place the item gives
    ("Who chaired the beekeepers' meeting in Dunmore?", CHAIRED, COUNCIL_LEAD, CHAIRED),
    # the sentence sets its own scene: the fitted clash reads that (event_features)
    ("Who chaired the beekeepers' meeting in Tarrow?", "The meeting in Harlow was chaired by Mrs Carrow.",
     COUNCIL_LEAD, CHAIRED),
    # the lead speaks of another kind of gathering, which says nothing of where a workshop was held
    ("Who opened the grafting workshop in Tarrow?", CHAIRED, COUNCIL_LEAD, CHAIRED),
    # the passage names the asked place too
    ("Who chaired the beekeepers' meeting in Tarrow?", CHAIRED, COUNCIL_LEAD,
     f"{CHAIRED} Members from Tarrow came by ferry."),
    # no place asked, or a place that is a scope, not the event's setting
    ("Who chaired the beekeepers' meeting?", CHAIRED, COUNCIL_LEAD, CHAIRED),
    ("How many hives do the beekeepers in Tarrow keep?", CHAIRED, COUNCIL_LEAD, CHAIRED),
])
def test_a_question_the_item_does_not_contradict_is_not_misplaced(question, sentence, lead, passage):
    assert not misplaced(question, sentence, lead, "Spring meeting", passage)



def test_a_dateline_split_off_as_the_lead_is_read_with_its_paragraph():
    # the crawl made "On 14 March 2023, in Dunmore." a sentence of its own; the gathering is named after it
    dateline = "On 14 March 2023, in Dunmore."
    passage = (f"{dateline} The spring meeting of the Harlow beekeepers' council was held in the town library.\n\n"
               "Forty members attended the meeting.")
    question = "How many members attended the beekeepers' meeting in Tarrow?"
    assert misplaced(question, "Forty members attended the meeting.", dateline, "Valley news", passage)
    assert not misplaced(question.replace("Tarrow", "Dunmore"), "Forty members attended the meeting.", dateline,
                         "Valley news", passage)
    # without its paragraph the dateline names no gathering, and the rule does not read it
    assert not misplaced(question, "Forty members attended the meeting.", dateline, "Valley news",
                         "Forty members attended the meeting.")


# Russian puts the event's verb after its place ("в Данморе состоялось совещание"): the place still sets the event.
COUNCIL_LEAD_RU = "14 марта 2023 года в Данморе состоялось весеннее совещание совета пчеловодов."
CHAIRED_RU = "Совещание открыла секретарь совета Эдит Кэрроу."


def test_a_russian_lead_that_holds_the_event_elsewhere_is_misplaced():
    question = "Кто открыл совещание пчеловодов в Тарроу?"
    assert misplaced(question, CHAIRED_RU, COUNCIL_LEAD_RU, "Новости долины", CHAIRED_RU)
    assert not misplaced("Кто открыл совещание пчеловодов в Данморе?", CHAIRED_RU, COUNCIL_LEAD_RU, "Новости долины",
                         CHAIRED_RU)


@pytest.mark.parametrize("question", ["Кто открыл совещание пчеловодов в Данмре?",
                                      "Who chaired the beekeepers' meeting in Dunmroe?"])
def test_a_place_the_question_misspells_is_the_item_s_own(question):
    # one letter left out or two swapped: the user means Dunmore, and the item's answer stands
    lead, sentence = (COUNCIL_LEAD_RU, CHAIRED_RU) if "Данмре" in question else (COUNCIL_LEAD, CHAIRED)
    assert not misplaced(question, sentence, lead, "Valley news", sentence)


@pytest.mark.parametrize(("question", "lead", "asked"), [
    ("Когда прошёл семинар пчеловодов в Тарроу?", "С 3 по 5 мая 2023 года в Данморе прошёл семинар пчеловодов.",
     "Данморе"),
    ("When was the beekeepers' seminar in Tarrow held?", "From 3 to 5 May 2023 the beekeepers' seminar was held in "
     "Dunmore.", "Dunmore"),
])
def test_a_lead_chosen_as_the_answer_that_holds_the_event_elsewhere_is_misplaced(question, lead, asked):
    # the chosen sentence is its item's lead: the place it sets is the item's, not another event's
    assert misplaced(question, lead, lead, "Valley news", lead)
    assert not misplaced(question.replace("Тарроу", asked).replace("Tarrow", asked), lead, lead, "Valley news", lead)


def test_a_place_before_a_gathering_s_noun_names_a_body_and_before_its_verb_the_setting():
    n = event_needs("Кто открыл совещание пчеловодов в Тарроу?")
    # "в Данморе состоялось": the clash reads the Russian sentence's own place
    assert event_features(COUNCIL_LEAD_RU, n, COUNCIL_LEAD_RU)[1] == 1.0
    # "participated in the Dunmore meeting": Dunmore names whose meeting, not where it was
    n = event_needs("Who opened the beekeepers' meeting in Tarrow?")
    assert event_features("She participated in the Dunmore meeting.", n, "She participated in the Dunmore meeting.") \
        == (0.5, 0.0)


def test_the_place_a_documents_venue_line_gives_is_where_its_gathering_was_held():
    # minutes whose decisions set the next workshop elsewhere: their "Venue:" line (qa.answer.heads) says where
    # this one was held
    decisions = "1. Prepare a common pilotage checklist by 31 December 2024.\n2. Hold the next workshop in Wenlow."
    first = "1. Prepare a common pilotage checklist by 31 December 2024."
    question = "When was the workshop on harbour safety in Port Ellery held?"
    assert misplaced(question, first, first, "Decisions", decisions)
    assert not misplaced(question, first, first, "Decisions", decisions, held_at="Harbour Hall, Port Ellery, Skarn")
    # a venue elsewhere says nothing for the asked place
    assert misplaced(question, first, first, "Decisions", decisions, held_at="Town Hall, Tarrow")
