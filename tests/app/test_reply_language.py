"""The web reply frames an answer in the language of the question: a Russian question gets "Уверенность",
"Источники" and "В документах не найдено.", an English one "Confidence", "Sources" and "Not found in the documents.",
and a follow-up that shows no language ("А в 2023?" is Russian, "2023?" is not) keeps the conversation's."""

from __future__ import annotations

import html
import re

import pytest

from qa.app.chat import Conversation
from qa.app.render import disagreement_line
from qa.lang import reply_words
from test_label_language import EN_NEWS, RU_NEWS  # a Russian and an English news page of the same two events


@pytest.fixture
def chat(chat_over):
    return chat_over({"novosti.txt": RU_NEWS, "news.txt": EN_NEWS})


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_a_russian_question_gets_a_russian_frame(chat):
    turn = chat.ask(Conversation(), "Сколько гашиша нашли в тайнике на посту «Айвадж»?", 3)
    assert turn.answer is not None and turn.answer.doc == "novosti.txt"
    reply = text_of(turn.reply_html)
    assert "Уверенность" in reply and "Источники:" in reply
    assert "Confidence" not in reply and "Sources" not in reply
    assert 'title="Показать источник 1"' in turn.reply_html or 'title="Показать источник' in turn.reply_html


def test_an_english_question_keeps_the_english_frame(chat):
    turn = chat.ask(Conversation(), "How much hashish was found in the cache at the Aivaj post?", 3)
    assert turn.answer is not None
    reply = text_of(turn.reply_html)
    assert "Confidence" in reply and "Sources:" in reply and "Уверенность" not in reply


def test_a_russian_not_found_says_so_in_russian(chat):
    turn = chat.ask(Conversation(), "Какова численность населения Луны?", 3)
    assert turn.answer is None
    reply = text_of(turn.reply_html)
    assert "В документах не найдено." in reply and "Not found in the documents." not in reply
    # and why, when the answer step says, in Russian too
    assert "The best passage" not in reply and "None of the" not in reply


def test_a_russian_questions_reason_is_worded_in_russian():
    from qa.answer.not_found import not_found_note

    assert not_found_note("unpriced", "Сколько стоил грузовой автомобиль?") == (
        "Ни один из лучших фрагментов не называет денежную сумму.")
    assert not_found_note("unpriced", "What did the truck cost?") == (
        "None of the best passages states an amount of money.")


def test_a_follow_up_without_words_keeps_the_conversations_language(chat):
    conv = Conversation()
    chat.ask(conv, "Сколько гашиша нашли в тайнике на посту «Айвадж»?", 3)
    turn = chat.ask(conv, "2024?", 3)
    assert turn.language == "ru"
    assert "Confidence" not in text_of(turn.reply_html) and "Not found in the documents." not in text_of(
        turn.reply_html)
    # and an English question after it is answered in English again
    assert chat.ask(conv, "Who opened the meeting in Almaty?", 3).language == "en"


def test_the_count_of_passages_left_out_agrees_with_its_number():
    words = reply_words("ru")
    assert words.more_passages(1, "ru").startswith("Ещё 1 фрагмент,")
    assert words.more_passages(3, "ru").startswith("Ещё 3 фрагмента,")
    assert words.more_passages(5, "ru").startswith("Ещё 5 фрагментов,")
    assert words.more_passages(21, "ru").startswith("Ещё 21 фрагмент,")
    english = reply_words("en")
    assert english.more_passages(1, "en").startswith("1 more passage,")
    assert english.more_passages(4, "en").startswith("4 more passages,")


def test_another_documents_value_is_worded_and_dated_in_the_questions_language():
    from types import SimpleNamespace

    answer = SimpleNamespace(date="2022-06-15", disagreement=SimpleNamespace(
        value="июнь 2025", date="2024-05-20", newer="other"))
    assert disagreement_line(answer, "ru") == (
        "В другом документе сказано иначе: июнь 2025 (20 мая 2024, позже, чем в ответе: 15 июня 2022)")
    assert disagreement_line(answer) == (
        "Another document says otherwise: июнь 2025 (20 May 2024, newer than the answer's 15 Jun 2022)")
