"""A very long text in the corpus: refused up front with a one-line reason that says what to do,
the rest indexed and what was indexed before kept; a long one that fits shows its texts' progress."""

from __future__ import annotations

import time

import pytest

from qa.app.service import QAService
from qa.build import build_index
from qa import config
from qa.ingest import DocumentError
from qa.ingest.files import parse_bytes

PARAGRAPH = ("On {d} March the customs post at Kordon-{n} checked {m} lorries and seized {k} kg of "
             "precursors. Officers of shift {n} wrote {m} reports for the regional centre.")


def long_text(chars: int) -> str:
    """Invented report paragraphs, each with its own figures, until `chars` characters."""
    out, size, i = [], 0, 0
    while size < chars:
        p = PARAGRAPH.format(d=i % 28 + 1, n=i, m=i * 7 % 997, k=i * 13 % 331)
        out.append(p)
        size += len(p) + 2
        i += 1
    return "\n\n".join(out)


def test_the_default_limit_refuses_a_longer_text_before_parsing_it():
    text = long_text(config.MAX_TEXT_CHARS + 1000).encode()
    t0 = time.process_time()
    with pytest.raises(DocumentError, match="split it into smaller files"):
        parse_bytes("crawl-dump.txt", text)
    assert time.process_time() - t0 < 5  # decoded and measured, never split into items


def test_a_text_too_long_to_index_is_skipped_with_what_to_do_and_the_rest_indexed(corpus, settings_for, hash_embedder):
    settings = settings_for(corpus, max_text_chars=50_000)  # the default's 10 million, scaled down
    build_index(settings, hash_embedder)
    (corpus / "crawl-dump.txt").write_text(long_text(60_000))
    (corpus / "note.txt").write_text("Depot notes\n\nThe Varrow depot stores 412 spare tyres for the border lorries.\n")
    report = build_index(settings, hash_embedder)
    assert report.added == ["note.txt"]
    [skip] = report.skipped
    assert skip["path"] == "crawl-dump.txt"
    assert "too long to index" in skip["reason"] and "split it into smaller files" in skip["reason"]
    assert "\n" not in skip["reason"] and len(skip["reason"]) < 120
    assert "skipped crawl-dump.txt: too long to index" in report.summary()
    service = QAService(settings, hash_embedder)
    assert service.ask("How many spare tyres does the Varrow depot store?").answer.doc == "note.txt"
    assert "crawl-dump.txt" not in {d["doc"] for d in service.index().documents()}


def test_a_long_document_reports_its_texts_while_they_are_embedded(corpus, settings_for, hash_embedder):
    (corpus / "long-report.txt").write_text(long_text(200_000))
    seen: list[tuple[str, int, int]] = []
    build_index(settings_for(corpus), hash_embedder, progress=lambda *p: seen.append(p))
    reading = [p for p in seen if p[0] == "Reading the corpus" and p[2]]
    assert reading and reading[-1][1] == reading[-1][2] == 3  # files read, of all files
    texts = [p for p in seen if p[0] == "Embedding texts of long-report.txt"]
    assert texts[0][1] == 0 and texts[-1][1] == texts[-1][2] >= 256
    assert seen[-1][0] == "Embedding new files" and seen[-1][1] == seen[-1][2] == 3


def test_a_small_corpus_has_no_texts_bar(corpus, settings_for, hash_embedder):
    seen: list[tuple[str, int, int]] = []
    build_index(settings_for(corpus), hash_embedder, progress=lambda *p: seen.append(p))
    assert not [p for p in seen if p[0].startswith("Embedding texts of ")]
