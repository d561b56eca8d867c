"""A follow-up that refers back to the person the previous answer named ("What is his position?",
"What is her title?") is asked, inside that answer's news item, with the person's name; a follow-up
about someone or something else of the same event ("Who else spoke?", "Who organised it?") keeps
its own words. Small invented news, the fast test embedder."""

from __future__ import annotations

import html

import pytest

from qa.app.chat import Conversation
from qa.app.followups import Context, focus, people_after, referent

NEWS = (
    "Harbour news\n\n"
    "Port Ellery holds its first fishing fair\n\n"
    "The first fishing fair of Port Ellery took place on the old quay from 3 to 5 May. "
    "The fair opened with welcome remarks from Mr. Tomas VELLER, Chief Inspector of the Harbour Board. "
    "The fair holds a strong position in the calendar of the coast. "
    "Ms. Ilse MARROW, Director of the Skarn Fish Market, also spoke at the fair. "
    "The fair was organised by the Port Ellery Fishermen's Union.\n\n"
    "Wenlow opens a ferry office\n\n"
    "The Tarrow ferry company opened a ticket office in Wenlow. The office sells tickets for "
    "all crossings to the outer islands.\n"
)


@pytest.fixture
def chat(chat_over):
    return chat_over(NEWS)


def test_his_position_after_an_answer_naming_him_gets_the_sentence_with_his_position(chat):
    conv = Conversation()
    first = chat.ask(conv, "Who opened the first fishing fair of Port Ellery with welcome remarks?", k=3)
    assert first.answer is not None and "Tomas VELLER" in first.answer.text
    turn = chat.ask(conv, "What is his position?", k=3)
    assert "(in: Port Ellery holds its first fishing fair)" in html.unescape(turn.reply_html)  # inside the item
    assert turn.answer is not None and "Chief Inspector of the Harbour Board" in turn.answer.text, turn.reply_html
    # someone else of the same event: not pulled back to the sentence about him
    other = chat.ask(conv, "Who else spoke?", k=3)
    assert other.answer is not None and "Ilse MARROW" in other.answer.text, other.reply_html
    assert "VELLER" not in other.answer.text


def test_her_title_means_the_woman_the_answer_named():
    ctx = Context("Who spoke at the fishing fair?", people=("Mr. Tomas VELLER", "Ms. Ilse MARROW"))
    assert focus("What is her title?", ctx, "en") == "What is her title Ms. Ilse MARROW?"
    assert focus("What is his title?", ctx, "en") == "What is his title Mr. Tomas VELLER?"


def test_who_else_or_who_organised_it_is_not_dragged_back_to_the_person_named():
    ctx = Context("Who opened the fishing fair?", people=("Mr. Tomas VELLER",))
    assert focus("Who else spoke?", ctx, "en") == "Who else spoke?"
    assert "VELLER" not in focus("Who organised it?", ctx, "en")
    assert referent("Who organised it?", ctx.people, "en") is None


def test_the_person_is_the_one_the_answer_named_not_the_one_the_question_named():
    answer = "Mr. Tomas VELLER met Ms. Ilse MARROW, Director of the Skarn Fish Market, on the quay."
    asked = "Whom did Mr. Veller meet on the quay?"
    people = people_after(asked, asked, answer, None)
    assert people == ("Ms. Ilse MARROW",)
    # "he" in the next question still means the man before it, whatever its own answer named
    assert people_after("Where did he meet her?", "Where did he meet her?", answer, None, ("Mr. Tomas VELLER",)) == (
        "Mr. Tomas VELLER",
    )
    # an answer that names nobody with a title gives no one to stand for "his"
    assert people_after("Who organised the fair?", "Who organised the fair?",
                        "The fair was organised by the Port Ellery Fishermen's Union.", None) == ()


def test_in_russian_his_position_names_the_man_and_hers_the_woman():
    answer = "Форум открыл г-н Иван Петров, директор таможенного департамента. Также выступила г-жа Анна Смирнова."
    people = people_after("Кто открыл форум?", "Кто открыл форум?", answer, None)
    ctx = Context("Кто открыл форум?", people=people)
    assert focus("Какова его должность?", ctx) == "Какова его должность г-н Иван Петров?"
    assert "Анна Смирнова" in focus("Какова её должность?", ctx)
