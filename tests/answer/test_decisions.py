"""What a gathering decided, read from the decisions of its minutes (qa.answer.decisions)."""

from __future__ import annotations

import pytest

from qa.answer.decisions import (
    asks_decided,
    decision_candidate,
    decisions_heading,
    is_decisions_heading,
    is_field_line,
)

TITLE = "Regional Workshop on Harbour Safety: Programme and Minutes 4-5 June 2024 Harbour Hall, Port Ellery, Skarn"


@pytest.mark.parametrize("text, heads", [
    ("Decisions", True),
    ("3. Decisions", True),
    ("Decisions taken", True),
    ("Decisions:", True),
    ("Решили:", True),
    ("Постановили", True),
    ("Принятые решения", True),
    ("Summary of discussions", False),
    ("Participants", False),
    ("The Council decided to hold the next meeting in Bergen.", False),
])
def test_a_decisions_heading_or_label(text, heads):
    assert is_decisions_heading(text) is heads


@pytest.mark.parametrize("question, asks", [
    ("What was decided at the workshop on harbour safety?", True),
    ("What did the Harbour Council decide?", True),
    ("Which decisions were taken at the meeting?", True),
    ("Что решили на заседании рабочей группы?", True),
    ("Какие решения были приняты на заседании?", True),
    ("When was it decided to hold the workshop?", False),  # a date is asked
    ("Who decided to close the harbour?", False),  # a person is asked
    ("What was decided at the previous meeting?", False),  # another gathering's minutes
    ("What is the capital of Skarn?", False),
    ("Why is it difficult to resolve disputes at the meeting?", False),
])
def test_a_question_asking_what_a_gathering_decided(question, asks):
    assert asks_decided(question) is asks


def test_the_lines_of_the_decisions_are_read_back_to_their_label_or_section():
    before = ["1. Подготовить общий перечень прекурсоров.", "Решили:"]  # nearest first
    assert decisions_heading("2. Провести следующее заседание в Ташкенте.", before, "Протокол") == "Решили:"
    assert decisions_heading("Решили: одобрить план работы.", [], "Протокол") == "Решили: одобрить план работы."
    assert decisions_heading("2. Hold the next workshop in Wenlow.", ["1. Prepare a checklist."], "Decisions")
    # prose between the line and the label ends the list
    assert decisions_heading("Members reported 4,200 litres seized at the borders.",
                             ["The chair opened the meeting and thanked the hosts for their warm welcome.",
                              "Decisions:"], "Minutes") is None


def test_a_what_was_decided_question_gets_the_decisions_never_a_field_line():
    question = "What was decided at the workshop on harbour safety in Port Ellery?"
    texts = ["Venue: Harbour Hall, Port Ellery, Skarn", "Decisions", "2. Hold the next workshop in Wenlow in May 2025.",
             "1. Prepare a common pilotage checklist by 31 December 2024."]
    headings = [None, "Decisions", "Decisions", "Decisions"]
    titles = [TITLE] * 4
    order = [("m.docx", 0, 10), ("m.docx", 3, 500), ("m.docx", 3, 580), ("m.docx", 3, 520)]
    assert is_field_line(texts[0]) and not is_field_line(texts[3])
    # nothing but the gathering is named: the first of its decisions
    assert decision_candidate(question, texts, headings, titles, order) == 3
    # something is: the best-ranked decision
    assert decision_candidate("What was decided about the next workshop on harbour safety?", texts, headings,
                              titles, order) == 2
    # a workshop elsewhere: these minutes decide nothing for it
    assert decision_candidate("What was decided at the workshop on harbour safety in Wenlow?", texts, headings,
                              titles, order) is None
