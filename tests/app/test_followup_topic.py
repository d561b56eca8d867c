"""A short question after an answer is a follow-up only when it may be about that answer's news item: one
that names something the item does not speak of starts a new topic and is searched as typed (a user asked
"Who opened the library?" after an answer from a water report, and got the report's chief engineer).
Small invented documents, the fast test embedder."""

from __future__ import annotations

import pytest

from qa.app.chat import Conversation
from qa.app.followups import is_followup, orphan_hint

REPORT = (
    "Northbridge Water Authority: Annual Report 2023\n\n"
    "The new pipeline from Redmond to Ashford is 37 kilometres long. The pipeline cost 12.4 million pounds and "
    "was completed on 2 October 2023. The project was led by the Chief Engineer, Dr. Helen Marsh.\n"
)
LIBRARY = (
    "Harbor City opens new central library\n\n"
    "Mayor Grace Mbeki opened the new central library on Elm Street on Tuesday. The building cost 18 million "
    "dollars and holds 250,000 books.\n"
)


def test_a_short_question_about_something_the_item_never_mentions_is_no_followup():
    seen = "How much did the pipeline cost? The pipeline cost 12.4 million pounds and was completed in 2023."
    assert is_followup("Who opened the library?", seen=seen)  # short and nameless: it may lean on the talk
    assert not is_followup("Who opened the library?", seen=seen, about=REPORT)  # but the report has no library
    assert is_followup("Who opened the library?", seen=seen, about=LIBRARY)
    # one of its new words in the item is not enough: the event "opened with" remarks, but held no library
    assert not is_followup("Who opened the library?", seen=seen, about="The event opened with welcome remarks.")
    # after a "not found" (the chat passes an empty item) a new word starts a new topic too
    assert not is_followup("Who gave the remarks?", seen="Who opened the harbour museum?", about="")
    assert is_followup("Who opened it?", seen="Who opened the harbour museum?", about="")
    # a question that says it leans back does, whatever the item holds
    assert is_followup("Who opened it?", seen=seen, about=REPORT)
    assert is_followup("And the library?", seen=seen, about=REPORT)


def test_only_a_question_that_points_back_gets_the_no_earlier_turn_hint():
    assert orphan_hint("Who organised it?") is not None
    assert orphan_hint("When?") is not None
    assert orphan_hint("How much did the pipeline cost?") is None  # short, but whole


@pytest.fixture
def chat(chat_over):
    return chat_over({"report.txt": REPORT, "library.txt": LIBRARY})


def test_a_new_topic_after_an_answer_is_searched_as_typed_in_every_document(chat):
    conv = Conversation()
    first = chat.ask(conv, "How much did the pipeline cost?", k=3)
    assert first.answer is not None and first.answer.doc == "report.txt"
    turn = chat.ask(conv, "Who opened the library?", k=3)
    assert turn.searched == "Who opened the library?"  # no words of the pipeline question added
    assert "(in: " not in turn.reply_html  # not confined to the report
    # a real follow-up still leans on the answer before it
    chat.ask(conv, "How much did the pipeline cost?", k=3)
    again = chat.ask(conv, "When was it completed?", k=3)
    assert again.searched != "When was it completed?"


@pytest.mark.parametrize(("question", "lang"), [
    ("Кто председательствовал?", "ru"),
    ("Кто подписал?", "ru"),
    ("Who chaired?", "en"),
])
def test_a_lone_verb_asks_about_the_event_answered_whatever_section_answered(question, lang):
    # the answer came from the minutes' last section ("Next meeting"), which names no chair: the question is still
    # about that meeting, not a new topic searched as typed
    about = "Следующее заседание Совета состоится в октябре 2025 года в г. Ашхабаде."
    seen = "Где пройдёт шестнадцатое заседание Координационного совета? " + about
    assert is_followup(question, lang, seen, about)
    # a new noun still starts a new topic
    assert not is_followup("Кто открыл библиотеку?", "ru", seen, about)
