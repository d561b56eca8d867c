"""Follow-ups about one meeting of a series on a page of dated stories: "And who chaired it?" after "Where was the
fifth meeting held?" is asked of the fifth meeting's story, not of the whole page (whose next story chaired the
sixth); "What about the sixth?" asks the same of the sixth meeting; and a follow-up searched with the topic words of
the question before it shows the two questions, not the bag of words searched."""

from __future__ import annotations

import html
import re

import pytest

from qa.app.chat import Conversation
from qa.app.followups import Context, month_swapped, rewrite

COUNCIL = (
    "Source: Council of Harbour Masters\n\n"
    "On 14 November 2023 the harbour masters of the five coastal towns met in Dunmore for the fifth meeting of the "
    "Council. The meeting, chaired by the Port Authority of Skarn, adopted new rules for pilot boats.\n\n"
    "On 9 October 2024 the sixth meeting of the Council of Harbour Masters took place in Tarrow, chaired by the "
    "Wenlow Harbour Board. The members agreed a joint plan for winter storms.\n"
)


@pytest.fixture
def chat(chat_over):
    return chat_over(COUNCIL)


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_who_chaired_it_is_asked_of_the_meeting_answered_not_of_the_whole_page(chat):
    conv = Conversation()
    first = chat.ask(conv, "Where did the Council of Harbour Masters hold its fifth meeting?", 3)
    assert first.answer is not None and "fifth meeting" in first.answer.text
    turn = chat.ask(conv, "And who chaired it?", 3)
    assert turn.answer is not None and "Port Authority of Skarn" in turn.answer.text, turn.reply_html
    assert turn.answer.date == "2023-11-14"  # the fifth meeting's story


def test_what_about_the_sixth_asks_the_same_of_the_sixth_meeting(chat):
    conv = Conversation()
    chat.ask(conv, "Where did the Council of Harbour Masters hold its fifth meeting?", 3)
    turn = chat.ask(conv, "What about the sixth?", 3)
    assert turn.searched == "Where did the Council of Harbour Masters hold its sixth meeting?"
    assert turn.answer is not None and "Tarrow" in turn.answer.text, turn.reply_html


def test_a_followup_searched_with_topic_words_shows_the_question_it_leans_on(chat, monkeypatch):
    conv = Conversation()
    chat.ask(conv, "Where did the Council of Harbour Masters hold its fifth meeting?", 3)
    # the meeting's story does not answer it: the follow-up is searched in every document, with topic words added
    monkeypatch.setattr(chat.service, "ask_within", lambda *a, **k: None)
    turn = chat.ask(conv, "And the winter plan?", 3)
    assert turn.searched != "And the winter plan?"  # searched with the words of the question before
    shown = text_of(turn.reply_html)
    assert ("And the winter plan? (read with the question before: Where did the Council of Harbour Masters hold its "
            "fifth meeting?)") in shown
    assert turn.searched not in shown


def test_an_ordinal_replaces_the_ordinal_of_the_question_before():
    ctx = Context("Who chaired the fourth meeting of the council?")
    assert rewrite("What about the fifth?", ctx) == "Who chaired the fifth meeting of the council?"
    ctx = Context("Где прошло четвёртое заседание Совета?")
    assert rewrite("А как насчёт пятого?", ctx, "ru") == "Где прошло пятое заседание Совета?"


def test_and_the_sixth_asks_the_same_of_the_sixth_meeting(chat):
    conv = Conversation()
    chat.ask(conv, "Where did the Council of Harbour Masters hold its fifth meeting?", 3)
    turn = chat.ask(conv, "And the sixth?", 3)
    assert turn.searched == "Where did the Council of Harbour Masters hold its sixth meeting?"
    assert turn.answer is not None and "Tarrow" in turn.answer.text, turn.reply_html


@pytest.mark.parametrize(("followup", "searched"), [
    # an opener and an ordinal alone: "what about" in other words, in the case of the ordinal it replaces
    ("А шестое?", "Где прошло шестое заседание Совета капитанов портов?"),
    ("А что насчёт шестого?", "Где прошло шестое заседание Совета капитанов портов?"),
    ("А третье заседание?", "Где прошло третье заседание Совета капитанов портов?"),
    ("И в 2021?", "Где прошло пятое заседание Совета капитанов портов в 2021?"),
])
def test_a_russian_followup_naming_another_ordinal_asks_the_question_before_of_it(followup, searched):
    before = Context(searched="Где прошло пятое заседание Совета капитанов портов?")
    assert rewrite(followup, before) == searched


def test_an_ordinal_takes_the_gender_and_case_of_the_one_it_replaces():
    assert rewrite("А седьмой?", Context(searched="Кто был пятым председателем Совета?")) == (
        "Кто был седьмым председателем Совета?")
    assert rewrite("А третий?", Context(searched="Когда прошёл шестой этап операции?")) == (
        "Когда прошёл третий этап операции?")
    assert rewrite("А шестой?", Context(searched="Когда прошёл третий этап операции?")) == (
        "Когда прошёл шестой этап операции?")


def test_the_question_before_is_shown_as_it_was_read_when_it_was_a_whole_one(chat, monkeypatch):
    conv = Conversation()
    chat.ask(conv, "Where did the Council of Harbour Masters hold its fifth meeting?", 3)
    chat.ask(conv, "And the sixth?", 3)
    monkeypatch.setattr(chat.service, "ask_within", lambda *a, **k: None)
    turn = chat.ask(conv, "And the winter plan?", 3)
    assert ("(read with the question before: Where did the Council of Harbour Masters hold its sixth meeting?)"
            in text_of(turn.reply_html))


@pytest.mark.parametrize(("question", "previous", "searched"), [
    ("And the year before?", "How much did Wenlow contribute to the harbour fund in 2023?",
     "How much did Wenlow contribute to the harbour fund in 2022?"),
    ("What about the following year?", "Where did the Council meet in 2023?", "Where did the Council meet in 2024?"),
    ("А в прошлом году?", "Где прошло заседание совета капитанов портов в 2024 году?",
     "Где прошло заседание совета капитанов портов в 2023 году?"),
    ("А годом позже?", "Сколько лоцманов обучили в 2022 году?", "Сколько лоцманов обучили в 2023 году?"),
])
def test_a_year_named_by_its_distance_from_the_one_asked_before_is_that_year(question, previous, searched):
    # "в прошлом году" was searched as words inside the answered item, and its reply looked like an answer
    assert rewrite(question, Context(searched=previous)) == searched


def test_a_relative_year_with_no_year_asked_before_is_left_as_typed():
    assert "2023" not in rewrite("And the year before?", Context(searched="Who chairs the Council?"))


def test_the_meeting_of_the_year_before_is_the_one_answered(chat):
    conv = Conversation()
    first = chat.ask(conv, "Where did the Council of Harbour Masters meet in 2024?", 3)
    assert first.answer is not None and "Tarrow" in first.answer.text
    turn = chat.ask(conv, "And the year before?", 3)
    assert turn.answer is not None and "Dunmore" in turn.answer.text, turn.reply_html
    # the reply says which question was asked: the one before, of the year before
    assert "Where did the Council of Harbour Masters meet in 2023?" in text_of(turn.reply_html)


@pytest.mark.parametrize(("question", "previous", "searched"), [
    ("And in April?", "How many pilot boats were inspected in March 2025?",
     "How many pilot boats were inspected in April 2025?"),
    ("What about the month before?", "How many pilot boats were inspected in March 2025?",
     "How many pilot boats were inspected in February 2025?"),
    ("And the following month?", "How many pilot boats were inspected in December 2024?",
     "How many pilot boats were inspected in January 2025?"),
    ("А в марте?", "Сколько лоцманских судов проверено в апреле 2025 года?",
     "Сколько лоцманских судов проверено в марте 2025 года?"),
    ("А в прошлом месяце?", "Сколько лоцманских судов проверено в апреле 2025 года?",
     "Сколько лоцманских судов проверено в марте 2025 года?"),
    ("А за май?", "Сколько лоцманов обучено за апрель 2025 года?", "Сколько лоцманов обучено за май 2025 года?"),
])
def test_a_month_named_alone_or_by_its_distance_is_the_question_before_asked_of_that_month(question, previous,
                                                                                          searched):
    # "and in April?" was searched inside the March bulletin, and its reply was that bulletin's publication line
    assert rewrite(question, Context(searched=previous)) == searched


def test_a_follow_up_saying_more_than_a_month_is_no_month_swap():
    assert "pilot" not in rewrite("And who chaired it in April?", Context(searched="Who spoke in March 2025?"))
    assert month_swapped("And in April?", "Who chairs the Council?") is None  # no month asked before


BULLETINS = {
    "march.txt": "Harbour inspections bulletin No. 3\n\nSkarn, 10 April 2025\n\nIn March 2025 the harbour wardens "
                 "inspected 214 pilot boats in the five coastal towns.\n",
    "april.txt": "Harbour inspections bulletin No. 4\n\nSkarn, 12 May 2025\n\nIn April 2025 the harbour wardens "
                 "inspected 197 pilot boats in the five coastal towns.\n",
}


def test_and_in_april_is_answered_by_the_april_bulletin(chat_over):
    chat = chat_over(BULLETINS)
    conv = Conversation()
    first = chat.ask(conv, "How many pilot boats did the harbour wardens inspect in March 2025?", 3)
    assert first.answer is not None and "214" in first.answer.text
    turn = chat.ask(conv, "And in April?", 3)
    assert turn.answer is not None and "197" in turn.answer.text, turn.reply_html
    assert "How many pilot boats did the harbour wardens inspect in April 2025?" in text_of(turn.reply_html)
