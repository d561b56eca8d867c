"""A PDF passage's excerpt beside an answer (the CLI's "Passages:", the web reply's sources) reads a sentence printed
over a page break as the one sentence it is, without the page's footer and the next page's header between its
halves, as the answer does (docs/pdf.md); the JSON keeps the verbatim text and says where that furniture is."""

from __future__ import annotations

import html
import re

import pytest

from qa.config import Settings

QUESTION = "By when should the mentoring programme be extended to the office in Ayvadj?"
SENTENCE = "extended to the office in Ayvadj by the end of 2024, together with a common template"
PRINTED = "by the\nPage 1 of 5\n\f\nBorder Liaison Office Review 2023\nend of 2024"


@pytest.fixture
def service(tmp_path, hash_embedder):
    import docgen

    from qa.app.service import QAService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "review.pdf").write_bytes(docgen.broken_pages_pdf())
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=hash_embedder)
    service.build()
    return service


def test_a_pdf_passages_excerpt_in_the_shell_leaves_the_page_furniture_out(service):
    from qa.app.cli import render_text

    result = service.ask(QUESTION, 3)
    cited = [p for p in result.passages if PRINTED in p.chunk.text]
    assert cited, "the passage holds the sentence over the page break"
    passages = render_text(result, excerpt_chars=2000).split("Passages:", 1)[1]
    excerpts = " ".join(" ".join(line.split()) for line in passages.splitlines())
    assert SENTENCE in excerpts
    assert "Page 1 of 5" not in excerpts and "Border Liaison Office Review 2023 end" not in excerpts


def test_a_pdf_passages_json_keeps_its_verbatim_text_and_names_the_furniture(service):
    result = service.ask(QUESTION, 3)
    text = service.index().document_text("review.pdf")
    (p,) = [p for p in result.to_json()["passages"] if PRINTED in p["text"]]
    assert p["text"] == text[p["start"]:p["end"]]  # verbatim, as before
    assert [text[s:e] for s, e in p["furniture"]] == ["Page 1 of 5", "Border Liaison Office Review 2023"]
    assert result.to_json()["answer"]["furniture"] == p["furniture"]


def test_a_pdf_passages_excerpt_on_the_web_leaves_the_page_furniture_out(service):
    from qa.app.chat import ChatService

    out = ChatService(service).ask_api(QUESTION, 3)
    sources = out["reply_html"].split('class="qa-cites-head"', 1)[1]
    excerpts = " ".join(html.unescape(re.sub(r"<[^>]+>", "", e))
                        for e in re.findall(r'<div class="qa-excerpt">(.*?)</div>', sources))
    assert SENTENCE in excerpts and "Page 1 of 5" not in excerpts
    (cited,) = [c for c in out["citations"] if PRINTED in c["text"]]
    assert cited["furniture"] and cited["text"] == (
        service.index().document_text("review.pdf")[cited["start"]:cited["end"]])


def test_the_source_view_reads_a_pdf_sentence_over_a_page_break_as_one(service):
    from qa.app.chat import ChatService, Conversation

    chat = ChatService(service)
    conv = Conversation()
    turn = chat.ask(conv, QUESTION, 3)
    (n,) = [c.n for c in turn.citations if PRINTED in c.text]
    body = chat.source_html(conv, 0, n).split('class="qa-source-body">', 1)[1]
    shown = html.unescape(re.sub(r"<[^>]+>", "", body))
    assert "in Ayvadj by the end of 2024, together with" in shown and "Page 1 of 5" not in shown
