"""Everything the page says after a reply is in the language of the question: a Russian question gets its scope line
("Искали: материалы с датой март 2024"), the notes of a filtered search, the citation view ("Источник [1]",
"цитируемый фрагмент"), the citations' labels, the errors ("no index yet") and the controls' labels in Russian, with no
English word of the page left; an English question keeps every English word it had."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from qa import lang
from qa.app.chat import ChatService, Conversation
from qa.app.page_words import CONTROLS, control_words
from qa.app.service import QAService
from qa.contracts import Filters
from test_label_language import EN_NEWS, RU_NEWS  # a Russian and an English news page of the same two events

RU_QUESTION = "Сколько гашиша нашли в тайнике?"
EN_QUESTION = "How much hashish was found in the cache?"
MARCH = Filters("2024-03", "2024-03")


@pytest.fixture
def chat(chat_over):
    return chat_over({"novosti.txt": RU_NEWS, "news.txt": EN_NEWS})


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def page_english() -> set[str]:
    """The English words the page frames a reply with (the reply's words, its scope line, notes, errors, sources
    panel, controls), less the words the invented documents and their file names hold."""
    en = lang.reply_words("en")
    texts = [getattr(en, f) for f in ("not_found", "sources", "related", "confidence", "low", "searched_for",
                                      "read_with", "note", "show_source", "otherwise")]
    texts += [*en.ui.values(), *en.more.values(), *en.undated_left_out.values()]
    words = {w.lower() for t in texts for w in re.findall(r"[A-Za-z]{3,}", t)}
    return words - {w.lower() for w in re.findall(r"[A-Za-z]+", EN_NEWS + " news.txt novosti.txt")}


def english_in(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)} & page_english()


def russian_reply_text(chat, turn, conv) -> str:
    """The reply, without the passages and labels that come from the English document (a citation of news.txt)."""
    shown = text_of(turn.reply_html)
    for c in turn.citations:
        if c.doc == "news.txt":
            shown = shown.replace(c.text, "")
            shown = shown.replace(text_of(c.label()).split("] ", 1)[1].rsplit(" · ", 1)[0], "")
    return shown


def test_a_filtered_russian_questions_reply_and_scope_line_have_no_english_page_word(chat):
    conv = Conversation()
    turn = chat.ask(conv, RU_QUESTION, 3, filters=MARCH)
    assert turn.answer is not None and turn.answer.doc == "novosti.txt"
    assert "Искали: материалы с датой март 2024" in text_of(turn.reply_html)
    assert not english_in(russian_reply_text(chat, turn, conv))


def test_a_date_in_a_russian_question_is_said_in_russian(chat):
    turn = chat.ask(Conversation(), "Сколько гашиша нашли в тайнике в марте 2024 года?", 3)
    assert "Искали: материалы с датой март 2024" in text_of(turn.reply_html)
    turn = chat.ask(Conversation(), "Сколько гашиша нашли в тайнике в 2019 году?", 3)
    assert "Искали: все материалы; материалов с датой 2019 нет" in text_of(turn.reply_html)
    assert not english_in(russian_reply_text(chat, turn, Conversation()))


def test_a_russian_questions_empty_range_and_unknown_source_notes_are_russian(chat):
    turn = chat.ask(Conversation(), RU_QUESTION, 3, filters=Filters("2030", None))
    reply = text_of(turn.reply_html)
    assert "В индексе ничего нет: материалы с датой 2030 и позже (даты материалов в нём: 12 марта 2024 – " in reply
    assert not english_in(reply)
    turn = chat.ask(Conversation(), RU_QUESTION, 3, filters=Filters(None, None, ("nosuch*", "novosti.txt")))
    assert "не подходит под источник 'nosuch*'" in text_of(turn.reply_html)
    assert "Искали: материалы из nosuch*, novosti.txt" in text_of(turn.reply_html)
    assert not english_in(russian_reply_text(chat, turn, Conversation()))


def test_an_english_questions_scope_line_and_notes_are_unchanged(chat):
    turn = chat.ask(Conversation(), EN_QUESTION, 3, filters=MARCH)
    assert "Searched items dated Mar 2024" in text_of(turn.reply_html)
    turn = chat.ask(Conversation(), EN_QUESTION, 3, filters=Filters("2030", None))
    assert ("Note: No items dated since 2030 in the index (its dated items run from 12 Mar 2024 to 3 Apr 2024)."
            in text_of(turn.reply_html))
    turn = chat.ask(Conversation(), EN_QUESTION, 3, filters=Filters(None, None, ("nosuch*", "news.txt")))
    assert "no indexed document matches the source 'nosuch*'" in text_of(turn.reply_html)


def test_a_russian_replys_citation_view_and_labels_are_russian(chat):
    conv = Conversation()
    turn = chat.ask(conv, RU_QUESTION, 3, filters=MARCH)
    view = text_of(chat.source_html(conv, 0, turn.answer.passage_rank))
    assert "Источник [1]" in view and "цитируемый фрагмент" in view and "символы" in view
    assert not english_in(view)
    gone = text_of(chat.source_html(conv, 0, 99))
    assert gone.strip() == "Этот источник больше недоступен."
    # and an English reply's view is as it was
    conv = Conversation()
    turn = chat.ask(conv, EN_QUESTION, 3, filters=MARCH)
    view = text_of(chat.source_html(conv, 0, turn.answer.passage_rank))
    assert "Source [1]" in view and "cited passage" in view and "characters" in view


def test_a_russian_question_without_an_index_is_told_so_in_russian(tmp_path, settings_for, hash_embedder):
    (tmp_path / "corpus").mkdir()
    chat = ChatService(QAService(settings_for(tmp_path / "corpus"), embedder=hash_embedder))
    ru = chat.ask(Conversation(), RU_QUESTION, 3)
    # naming the Corpus tab's button and the tab as a Russian page labels them
    assert ru.error is not None and "нет индекса" in ru.error
    assert "«Переиндексировать» на вкладке «Документы»" in ru.error
    # the folder, the command and the button and tab it names aside
    said = re.sub(r"`[^`]*`|«[^»]*»", "", ru.error.replace(str(chat.settings.index_dir), ""))
    assert not english_in(said)
    en = chat.ask(Conversation(), EN_QUESTION, 3)
    assert en.error.startswith("no index in ") and en.error.endswith(
        ": run `qa index` first (or click Re-index in the Corpus tab)")


def test_a_russian_orphan_follow_up_gets_its_hint_in_russian(chat):
    turn = chat.ask(Conversation(), "Кто его открыл?", 3)
    assert "Этот вопрос, похоже, опирается на предыдущий" in text_of(turn.reply_html)
    assert "This question seems to refer" not in turn.reply_html


def test_the_controls_are_relabelled_in_the_language_most_questions_were_asked_in(chat):
    """The page's own relabelling step (qa.app.web.on_relabel) sets every control of page_words.CONTROLS."""
    from qa.app.web import build_app

    demo = build_app(chat.settings, chat.service)
    step = next(f for f in demo.fns.values() if getattr(f.fn, "__name__", "") == "on_relabel")
    assert len(step.outputs) == len(CONTROLS)
    conv = Conversation()
    chat.ask(conv, RU_QUESTION, 3)
    ru = step.fn(conv, "2024-03", "", [])
    assert {"__type__": "update", "value": "Спросить"} in ru
    # the heading and the Corpus tab too: only the browser tab's title stays English
    assert {"__type__": "update", "label": "Документы"} in ru
    assert any(str(u.get("value", "")).startswith("### Вопросы к документам") for u in ru)
    assert {"__type__": "update", "placeholder": "Задайте вопрос о документах…"} in ru
    # the controls inside the Corpus tab too; the upload box keeps its file types and size limit
    assert {"__type__": "update", "value": "Переиндексировать"} in ru
    assert {"__type__": "update", "value": "Обновить"} in ru
    assert {"__type__": "update", "label": "Отчёт о переиндексации"} in ru
    assert any(re.fullmatch(r"Добавить документы \(\.txt, .*; до \d+ МБ каждый\)", str(u.get("label", "")))
               for u in ru)
    assert {"__type__": "update", "label": "Активные фильтры (удалите, чтобы снять)", "choices": ["с 2024-03"],
            "value": ["с 2024-03"]} in ru
    said = " ".join(str(v) for u in ru for k, v in u.items() if k != "__type__")
    assert not english_in(re.sub(r"Markdown|CSV|\.\w+", "", said))  # the file types aside
    # one English question after it: the page stays Russian (a tie goes to the earlier); a second one turns it over
    chat.ask(conv, EN_QUESTION, 3)
    assert {"__type__": "update", "value": "Спросить"} in step.fn(conv, "2024-03", "", [])
    chat.ask(conv, EN_QUESTION, 3)
    assert {"__type__": "update", "value": "Ask"} in step.fn(conv, "2024-03", "", [])


def test_every_language_words_every_control():
    for language in lang.registered():
        words = control_words(language.code, types=".txt, .pdf", mb="50")
        assert words.keys() == CONTROLS.keys() and all(all(v for v in w.values()) for w in words.values())


def test_the_active_filters_chips_are_worded_and_read_back_in_the_conversations_language():
    from qa.app import filter_controls as fc

    f = Filters("2024-03", "2024-04", ("novosti.txt",))
    assert fc.chips(f) == ["from 2024-03", "to 2024-04", "source novosti.txt"]
    assert fc.chips(f, "ru") == ["с 2024-03", "по 2024-04", "источник novosti.txt"]
    assert fc.after_chips(["с 2024-03", "источник novosti.txt"], f, "ru") == Filters("2024-03", None, ("novosti.txt",))


def test_the_note_of_undated_items_left_out_agrees_with_its_number_in_russian():
    from qa.contracts import undated_note

    assert undated_note(1, ("Новости · novosti.txt",), "ru") == "1 материал без даты не учтён (Новости · novosti.txt)"
    assert [undated_note(n, (), "ru") for n in (3, 5)] == [
        "3 материала без даты не учтены", "5 материалов без даты не учтены"]
    assert [undated_note(n) for n in (1, 2)] == [
        "1 item without a date was left out", "2 items without a date were left out"]


def test_the_corpus_panel_is_drawn_in_the_language_of_the_conversation(chat):
    """The Corpus tab's panel, drawn again after a reply and on Refresh (qa.app.web.on_corpus), in its language."""
    from qa.app.web import build_app

    demo = build_app(chat.settings, chat.service)
    step = next(f for f in demo.fns.values() if getattr(f.fn, "__name__", "") == "on_corpus")
    (Path(chat.settings.corpus_dir) / "new.txt").write_text("Новый документ.\n")  # not indexed yet
    conv = Conversation()
    chat.ask(conv, RU_QUESTION, 3)
    panel = text_of(step.fn("2024-03", "2024-03", [], conv))
    assert "Документов: 2 · материалов: " in panel and "Последняя индексация: " in panel
    assert "Документ Материалы Фрагменты Страницы Размер" in " ".join(panel.split())
    assert "Подходят документы: 2; материалы с датой март 2024: 2" in panel and "1 из 2" in panel
    assert "симв." in panel and "Ещё не проиндексированы (нажмите «Переиндексировать»):" in panel
    # numbers, file names and dates as they are; no English word of the page
    assert "novosti.txt" in panel and "new.txt" in panel
    assert not english_in(re.sub(r"\S+\.txt|gen-\d+", "", panel))
    chat.ask(conv, EN_QUESTION, 3)  # two English questions after it: English, as most of the conversation
    chat.ask(conv, EN_QUESTION, 3)
    assert "2 documents with 2 items dated Mar 2024" in text_of(step.fn("2024-03", "2024-03", [], conv))
    assert "Not indexed yet (click Re-index):" in text_of(step.fn("", "", [], Conversation()))


def test_a_new_conversation_begins_in_the_language_the_page_speaks(chat):
    """After a Russian conversation, "New conversation" and one English question leave the page Russian; a second
    English question turns it over, as within one conversation."""
    from qa.app.web import build_app

    demo = build_app(chat.settings, chat.service)
    relabel = next(f for f in demo.fns.values() if getattr(f.fn, "__name__", "") == "on_relabel")
    clear = next(f for f in demo.fns.values() if getattr(f.fn, "__name__", "") == "on_clear")
    conv = Conversation()
    chat.ask(conv, RU_QUESTION, 3)
    new = clear.fn(conv)[1]
    assert new.turns == [] and {"__type__": "update", "value": "Спросить"} in relabel.fn(new, "", "", [])
    chat.ask(new, EN_QUESTION, 3)
    assert {"__type__": "update", "value": "Спросить"} in relabel.fn(new, "", "", [])
    chat.ask(new, EN_QUESTION, 3)
    assert {"__type__": "update", "value": "Ask"} in relabel.fn(new, "", "", [])
    # a first page, with no conversation before it, speaks English until asked otherwise
    assert {"__type__": "update", "value": "Ask"} in relabel.fn(clear.fn(Conversation())[1], "", "", [])
