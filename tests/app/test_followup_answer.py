"""A follow-up answered inside the previous answer's news item (QAService.ask_within) shows its answer
the way every answer is shown (qa.answer.shown through qa.answer.pick.sentence_answer): a sentence
that opens by referring back ("For this purpose, ...") comes with the sentence it refers to, as one
verbatim slice of the document. Small invented news, the fast test embedder."""

from __future__ import annotations

import html

import pytest

from qa.answer.pick import Picked
from qa.app import service as service_mod
from qa.app.chat import Conversation

NEWS = (
    "Harbour news\n\n"
    "Skarn council keeps the lighthouse\n\n"
    "The Skarn council voted on Friday to keep the old lighthouse of Port Ellery running. "
    "For this purpose, the council set aside 40,000 crowns from the harbour fund. "
    "The lighthouse trust will report to the council every spring.\n\n"
    "Wenlow opens a ferry office\n\n"
    "The Tarrow ferry company opened a ticket office in Wenlow. The office sells tickets for "
    "all crossings to the outer islands.\n"
)
BEFORE = "The Skarn council voted on Friday to keep the old lighthouse of Port Ellery running."
ANSWER = "For this purpose, the council set aside 40,000 crowns from the harbour fund."


@pytest.fixture
def chat(chat_over):
    return chat_over(NEWS)


def test_a_followup_answered_by_its_typed_sentence_shows_the_sentence_it_refers_to(chat, monkeypatch):
    conv = Conversation()
    first = chat.ask(conv, "Why did the Skarn council keep the lighthouse of Port Ellery?", k=3)
    assert first.answer is not None and first.answer.title == "Skarn council keeps the lighthouse"
    # the answer step finds nothing: within the item, the sentence holding a figure answers "how much"
    monkeypatch.setattr(service_mod, "pick_answer", lambda q, v, t, passages, index, model: Picked(None, passages))
    turn = chat.ask(conv, "How much did it set aside?", k=3)
    a = turn.answer
    assert a is not None, turn.reply_html
    assert "(in: Skarn council keeps the lighthouse)" in html.unescape(turn.reply_html)  # inside the item
    assert a.text == BEFORE + " " + ANSWER and a.text == NEWS[a.start:a.end]
    assert a.sentence_text == ANSWER and a.start + NEWS[a.start:].index(ANSWER) == a.sentence_start
    assert a.span_text.startswith("40,000") and a.sentence_start <= a.span[0]
    cited = conv.citation(1, a.passage_rank)
    assert cited.start <= a.start and a.end <= cited.end  # the cited passage holds both sentences


def test_a_followup_whose_typed_sentence_stands_alone_is_shown_alone(chat, monkeypatch):
    conv = Conversation()
    chat.ask(conv, "Which office did the Tarrow ferry company open in Wenlow?", k=3)
    monkeypatch.setattr(service_mod, "pick_answer", lambda q, v, t, passages, index, model: Picked(None, passages))
    turn = chat.ask(conv, "Where did it open the office?", k=3)
    a = turn.answer
    assert a is not None, turn.reply_html
    assert a.text == "The Tarrow ferry company opened a ticket office in Wenlow." and a.sentence_start is None


def test_a_followup_about_the_gathering_itself_is_asked_of_the_whole_document():
    from qa.app.followups import item_asked

    # minutes give who chaired, where and how many attended in other sections than the "Date:" line answered before
    assert item_asked("Who chaired it? workshop harbour safety Port Ellery", 0) is None
    assert item_asked("How many participants attended it? workshop harbour safety", 0) is None
    # anything else is asked of the previous answer's item first
    assert item_asked("How much did it set aside? Skarn council lighthouse", 3) == 3


def test_who_chaired_it_after_when_the_workshop_was_held(invented_service):
    # the "Date:" line answered; "Who chaired it?" was then asked of that line's section (the minutes' head) and got
    # the "Organisers:" line
    import docgen

    from qa.app.chat import ChatService

    service = invented_service({"minutes.docx": docgen.harbour_workshop_docx()})
    chat, conv = ChatService(service), Conversation()
    first = chat.ask(conv, "When was the workshop on harbour safety in Port Ellery held?")
    assert first.answer is not None and first.answer.text == "Date: 4-5 June 2024"
    turn = chat.ask(conv, "Who chaired it?")
    assert turn.answer is not None and turn.answer.text == "• Edwin Marlow, Harbour Master of Port Ellery (Chair)"
    assert f"(in: {docgen.HARBOUR_WORKSHOP_TITLE})" in html.unescape(turn.reply_html)
