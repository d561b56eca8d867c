"""The web page's filter controls and the chat's filters, without a browser."""

from __future__ import annotations

import shutil
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest

from qa.app import filter_controls as fc
from qa.app.chat import ChatService, Conversation
from qa.app.service import QAService
from qa.contracts import Filters

FIXTURES = Path(__file__).parent.parent / "fixtures" / "filters"


def test_controls_to_filters_and_chips_and_back():
    f = fc.filters_of(" 2021-08 ", "", ["harbour/", " "])
    assert f == Filters("2021-08", None, ("harbour/",))
    assert fc.chips(f) == ["from 2021-08", "source harbour/"]
    # removing the date chip clears the date and keeps the source
    assert fc.after_chips(["source harbour/"], f) == Filters(None, None, ("harbour/",))
    assert fc.after_chips([], f) == Filters()


def test_source_choices_offer_folders_then_documents():
    assert fc.source_choices(["b.txt", "news/a.txt", "news/x/c.txt"]) == [
        "news/", "news/x/", "b.txt", "news/a.txt", "news/x/c.txt"]


@pytest.fixture
def chat(tmp_path, settings_for, hash_embedder):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    service = QAService(settings_for(corpus, chunk_tokens=25, overlap_sentences=0), embedder=hash_embedder)
    service.build()
    return ChatService(service)


def test_a_filtered_reply_says_what_it_searched_and_has_a_timeline(chat):
    conv = Conversation()
    turn = chat.ask(conv, "Who did the board meet?", 3, filters=Filters(since="2019", until="2021"))
    assert "Searched items dated 2019–2021" in turn.reply_html
    assert all(c.date[:4] in ("2019", "2020", "2021") for c in turn.citations)
    frame = fc.timeline(turn.scope)
    assert list(frame["month"]) == ["2019-03", "2019-07", "2021-08"] and list(frame["items"]) == [1, 1, 2]


def test_the_timeline_counts_from_zero_in_whole_items(chat):
    # Gradio's bar plot starts its y-axis at the lowest count unless told: months of 1 item got no bar
    turn = chat.ask(Conversation(), "Who did the board meet?", 3, filters=Filters(since="2019", until="2021"))
    assert fc.timeline_y_lim(fc.timeline(turn.scope)) == [0, 4]  # 1, 1 and 2 items: ticks 0, 1, 2, 3, 4
    alone = chat.ask(Conversation(), "Who did the board meet?", 3, filters=Filters(since="2021-08", until="2021-08"))
    assert fc.timeline_y_lim(fc.timeline(alone.scope)) == [0, 4]
    busy = fc.timeline(replace(turn.scope, months=(("2019-03", 1), ("2019-07", 12))))
    assert fc.timeline_y_lim(busy) == [0, 12]


def test_follow_ups_keep_the_conversations_filters(chat):
    conv = Conversation()
    chat.ask(conv, "Who did the board meet?", 3, filters=Filters(sources=("ferries.md",)))
    turn = chat.ask(conv, "And when?", 3)  # no filters given: the conversation's
    assert turn.citations and {c.doc for c in turn.citations} == {"ferries.md"}
    turn = chat.ask(conv, "And who else?", 3, filters=Filters())  # cleared in the page
    assert turn.scope is None


def test_a_bad_date_in_the_controls_is_an_error_in_the_chat(chat):
    turn = chat.ask(Conversation(), "Who did the board meet?", 3, filters=Filters(since="2021-13"))
    assert turn.error and "2021-13" in turn.error


def test_the_api_takes_the_same_filters(chat):
    out = chat.ask_api("Who did the board meet?", 3, since="2022", until="2022", sources="ferries.md")
    assert out["filters"]["since"] == "2022" and out["filters"]["sources"] == ["ferries.md"]
    assert out["citations"] and all(c["doc"] == "ferries.md" for c in out["citations"])


def test_the_corpus_panel_filters_by_the_same_fields(chat):
    html = chat.corpus_html(Filters(since="2021-08", until="2021-08"))
    table = html[html.index("<table"):]
    assert "harbour/board.txt" in table and "ferries.md" not in table and "orchard.txt" not in table
    assert "1 documents with 2 items dated Aug 2021" in html and "2 of 4" in html
    assert "1 item without a date was left out (Orchard report · orchard.txt)" in unescape(html)
    assert "ferries.md" in chat.corpus_html()
