"""What a question asks for (its answer type) and the short span in a sentence that answers it."""

from __future__ import annotations

import re

import pytest

from qa.answer.question import question_type, typed_span

# the sentence of corpus/003_62543a975d45d663.txt that answers the product's headline question
CARICC = "As a result, 740 kg of drugs (heroin, mephedrone, MDMA, cannabis) were seized."


def words(question: str) -> set[str]:
    return set(re.findall(r"\w+", question.lower()))


def span(text: str, question: str, qtype: str | None = None) -> str | None:
    found = typed_span(text, qtype or question_type(question), words(question))
    return None if found is None else text[found[0]:found[1]]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many officers were trained?", "number"),
        ("How much did the CARICC-coordinated operations seize?", "number"),
        ("What percentage of seizures were heroin?", "number"),
        ("How long did the course last?", "number"),
        ("When did the workshop take place?", "date"),
        ("In what year was CARICC founded?", "date"),
        ("Since when has the office been open?", "date"),
        # a deadline is a date
        ("What is the deadline for nominations to the course?", "date"),
        ("By when must the forms be sent?", "date"),
        ("Каков крайний срок подачи заявок?", "date"),
        ("Which month was the forum held in?", "date"),
        ("On which day in March was the delivery carried out?", "date"),
        ("What is the total budget of the programme?", "number"),
        ("What was the cost of the new border post?", "number"),
        ("What was the average street price of heroin?", "number"),
        # "cost" as the verb asks for an amount; the noun in another question does not
        ("What will the new filter hall cost?", "number"),
        ("What did the border post cost?", "number"),
        ("What did the costs include?", None),
        ("What did the cost of the project cover?", None),
        ("Who delivered the opening remarks?", "person"),
        ("Whom did the Director meet?", "person"),
        ("Which ambassador attended?", "person"),
        ("Where was the conference held?", "place"),
        ("In which city did the forum meet?", "place"),
        ("Which country chaired the forum?", "place"),
        ("What was the title of the June 2022 conference in Istanbul?", "title"),
        ("Under what title did the expert present?", "title"),
        ("What is the theme of this year's forum?", "title"),
        ("Which title did the envoy hold?", None),  # a rank, not the title of a work or an event
        ("What is the long-term goal of the programme?", None),
        ("Why are virtual assets a concern?", None),
        ("What did the participants discuss?", None),
    ],
)
def test_question_type(question, kind):
    assert question_type(question) == kind


def test_question_type_ignores_case_and_leading_space():
    assert question_type("  WHEN did it start?") == "date"
    assert question_type("who spoke first") == "person"


def test_the_caricc_seizure_amount_is_found_as_a_number_span():
    q = "How much did the CARICC-coordinated operations seize?"
    assert span(CARICC, q) == "740 kg of drugs"


def test_a_number_that_repeats_the_question_is_skipped():
    """'7' is in the question, so the span must be the amount asked for, not the 7 operations."""
    text = "The 7 operations coordinated by CARICC seized 740 kg of drugs."
    assert span(text, "How much did the 7 operations seize?") == "740 kg of drugs"


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        ("On October 14, 2021, a meeting took place in Tashkent.", "When did the meeting take place?",
         "October 14, 2021"),
        ("The course was held on 14-15 October 2021 in Tashkent.", "When was the course held?", "14-15 October 2021"),
        ("The strategy was adopted in March 2022 by the government.", "When was the strategy adopted?", "March 2022"),
        ("The office has operated since 2009.", "Since when has the office operated?", "2009"),
    ],
)
def test_dates_are_found(text, question, expected):
    assert span(text, question) == expected


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        (
            "H.E. Yasumasa IIJIMA, Ambassador Extraordinary and Plenipotentiary of Japan, delivered opening remarks.",
            "Who delivered opening remarks?",
            "H.E. Yasumasa IIJIMA",
        ),
        ("Andrew Reynolds met Jane Smith in Astana.", "Who did Andrew Reynolds meet?", "Jane Smith"),
        ("The delegation was led by Mr. Rustam Aziz Miralizoda.", "Who led the delegation?",
         "Mr. Rustam Aziz Miralizoda"),
    ],
)
def test_names_are_found(text, question, expected):
    assert span(text, question) == expected


def test_a_span_that_only_repeats_the_question_is_never_returned():
    text = "Andrew Reynolds met Andrew Reynolds."
    assert span(text, "Who did Andrew Reynolds meet?") is None
    assert span("The 2021 plan.", "What was the 2021 plan?", "date") is None


def test_an_honorific_does_not_make_the_questions_own_name_an_answer():
    text = "Mr. Andrew Reynolds met Ms. Jane Smith in Astana."
    assert span(text, "Who did Andrew Reynolds meet?") in ("Ms. Jane Smith", "Jane Smith")


def test_a_name_with_joined_initials_is_found_whole():
    text = "Mr. R.A. Miralizoda has greeted the Turkmen side."
    assert span(text, "Who greeted the Turkmen side?") in ("Mr. R.A. Miralizoda", "R.A. Miralizoda")


def test_a_one_word_place_is_found():
    assert span("The conference took place in Vienna.", "Where did the conference take place?") == "Vienna"


def test_no_span_for_questions_without_a_type():
    assert typed_span(CARICC, "other", words("What happened?")) is None
