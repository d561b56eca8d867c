"""Answer-type consistency: what a question needs, and whether a sentence has it (invented text)."""

from __future__ import annotations

from qa.answer.short import spans
from qa.answer.trim import MAX_ANSWER_CHARS, trim
from qa.answer.types import event_features, needs, type_features, unit_match
from qa.lang import analyze


def test_a_how_many_question_names_the_noun_it_counts():
    n = needs("How many volunteers planted trees on Skarn Island?")
    assert n.qtype == "number"
    assert "volunt" in n.units


def test_a_count_of_the_asked_noun_matches_and_a_count_of_something_else_does_not():
    n = needs("How many volunteers planted trees on Skarn Island?")
    assert unit_match("Some 340 volunteers planted trees on the island.", n) == 1.0
    # same event, a number, but not a count of volunteers
    assert unit_match("The planting on Skarn Island took 3 days in May.", n) == 0.0
    assert unit_match("Volunteers planted trees on Skarn Island.", n) == 0.0


def test_a_how_much_question_without_a_noun_wants_a_quantity_with_a_unit():
    n = needs("How much grain did the Wenlow cooperative store?")
    assert unit_match("The Wenlow cooperative stored 1,200 tonnes last year.", n) == 1.0 or "grain" in n.units
    n = needs("How much did the Wenlow cooperative store?")
    assert unit_match("The cooperative stored 1,200 tonnes of grain.", n) == 1.0
    assert unit_match("The cooperative was founded by 12 farmers.", n) == 0.0


def test_questions_that_ask_for_no_quantity_are_neutral():
    assert unit_match("Anything at all.", needs("Who keeps the Port Ellery light?")) == 0.5


def test_ordinals_and_years_that_single_out_an_event_must_match():
    n = needs("Where was the fifth Harbour Forum held in 2021?")
    assert n.ordinals == {"5"} and n.years == {"2021"}
    match, clash = event_features("The 5th Harbour Forum met in Skarn in 2021.", n)
    assert match == 1.0 and clash == 0.0
    match, clash = event_features("The third Harbour Forum met in Skarn in 2019.", n)
    assert match == 0.0 and clash == 1.0
    # a sentence naming neither is not a clash, only not a match
    assert event_features("The forum met in Skarn.", n) == (0.0, 0.0)


def test_first_as_an_adverb_is_not_an_event_marker():
    assert needs("Who first described the Wenlow pear?").ordinals == frozenset()


def test_a_dated_lead_answers_a_when_question():
    f = type_features("When did the Harbour Forum meet?", "On 3 May 2022, the Harbour Forum met in Skarn.",
                      "Harbour Forum", "2022-05-03", news_lead=True)
    assert f["date_lead"] == 1.0
    f = type_features("Who chaired the Harbour Forum?", "On 3 May 2022, the Harbour Forum met in Skarn.",
                      "Harbour Forum", "2022-05-03", news_lead=True)
    assert f["date_lead"] == 0.0


def test_short_answer_candidates_skip_spans_that_repeat_the_question():
    text = "In 2021 the Skarn ferry carried 57,000 people, up from 210 in 1998."
    found = [text[a:b] for a, b in spans(text, "How many people did the Skarn ferry carry in 2021?")]
    assert "2021" not in found
    assert any("57,000" in s for s in found)
    assert spans(text, "Why does the ferry run?") == []


def test_a_long_sentence_keeps_the_answer_of_the_asked_type():
    # the question's words sit at the start, the date it asks for at the far end
    filler = ", ".join(f"after a delegation from district {i} had praised the committee at length" for i in range(9))
    sentence = "The mayor of Port Ellery opened the Harbour Forum, " + filler + ", on 14 March 1998."
    assert len(sentence) > 1.5 * MAX_ANSWER_CHARS
    q = "When was the Harbour Forum opened by the mayor of Port Ellery?"
    a, b = trim(sentence, q, analyze(q))
    assert b - a <= MAX_ANSWER_CHARS
    assert "14 March 1998" in sentence[a:b]
    assert sentence[a:b] == sentence[a:b].strip()


def test_a_sentence_that_fits_is_shown_whole():
    s = "The ferry to Skarn Island leaves every Tuesday at noon."
    assert trim(s, "When does the ferry leave?", ["ferri"]) == (0, len(s))
