"""PDF and Word files in a corpus: indexed with their pages, bad ones skipped with a reason each,
answers verbatim from the stored extracted text, extraction cached by content."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import docgen
import pytest
from click.testing import CliRunner
from conftest import HARBOUR

from qa.app.cli import main
from qa.app.service import QAService
from qa.build import build_index
from qa.config import Settings
from qa.ingest import readers as registry
from qa.ingest.extract_cache import EXTRACT_CACHE_DIR
from qa.ingest.pdf import read_pdf
from qa.lang import analyze

BAD = {
    "locked.pdf": "password-protected",
    "scan.pdf": "scanned, no text layer: OCR is not supported",
    "broken.pdf": "damaged or truncated PDF (cannot be opened)",
    "garbage.pdf": "damaged or truncated PDF (cannot be opened)",
    "photos.docx": "no text: images only",
    "archive.docx": "not a Word document (a zip file of something else)",
    "setup.pdf": "not a PDF file",
}


@pytest.fixture
def settings(tmp_path):
    corpus = tmp_path / "corpus"
    docgen.write_all(corpus)
    (corpus / "setup.pdf").write_bytes(b"MZ\x90\x00 a program renamed to .pdf " * 20)
    (corpus / "harbour.txt").write_text(HARBOUR)
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index")


def test_bad_files_are_skipped_with_their_reason_and_the_rest_is_indexed(settings, hash_embedder):
    report = build_index(settings, hash_embedder)
    assert {s["path"]: s["reason"] for s in report.skipped} == BAD
    service = QAService(settings, hash_embedder)
    docs = {d["doc"]: d for d in service.index().documents()}
    assert set(docs) == {"harbour.txt", "report.pdf", "minutes.docx"}
    assert docs["report.pdf"]["pages"] == 5 and docs["minutes.docx"]["pages"] is None


def test_passages_and_answers_carry_their_page_and_are_verbatim(settings, hash_embedder):
    build_index(settings, hash_embedder)
    service = QAService(settings, hash_embedder)
    index = service.index()
    text = index.document_text("report.pdf")
    pages = index.document_pages("report.pdf")
    result = service.ask("Who is the chief engineer of the board?", k=10)
    out = result.to_json()
    seen = [p for p in out["passages"] if p["doc"] == "report.pdf"]
    assert seen, "the report should be among the passages"
    for p in seen:
        assert p["text"] == text[p["start"]:p["end"]]
        assert p["page"] == sum(1 for s in pages if s <= p["start"])
    for p in out["passages"]:
        if p["doc"] != "report.pdf":
            assert p["page"] is None
    if out["answer"] and out["answer"]["doc"] == "report.pdf":
        a = out["answer"]
        assert a["text"] == text[a["start"]:a["end"]] and a["page"] == 2


def test_hyphenated_word_is_found_and_answer_keeps_the_printed_text(settings, hash_embedder):
    build_index(settings, hash_embedder)
    service = QAService(settings, hash_embedder)
    index = service.index()
    text = index.document_text("report.pdf")
    assert "embank-\nment" in text
    # the word's second half is not a word of the index: the search text has "embankment"
    assert index.lexical.scores(analyze("ment"), None).max() == 0
    assert index.lexical.scores(analyze("embankment"), None).max() > 0
    result = service.ask("embankment raised", k=3)
    top = result.passages[0]
    assert top.doc == "report.pdf" and top.page == 2
    assert "embank-\nment" in top.chunk.text  # what a passage shows is the extracted text


def test_qa_text_prints_the_stored_text_exactly(settings, hash_embedder):
    build_index(settings, hash_embedder)
    runner = CliRunner()
    res = runner.invoke(main, ["text", "report.pdf", "--index", str(settings.index_dir)])
    assert res.exit_code == 0
    index = QAService(settings, hash_embedder).index()
    assert res.output == index.document_text("report.pdf")
    res = runner.invoke(main, ["text", "report.pdf", "--json", "--index", str(settings.index_dir)])
    assert json.loads(res.output)["pages"] == list(index.document_pages("report.pdf"))
    res = runner.invoke(main, ["text", "nope.pdf", "--index", str(settings.index_dir)])
    assert res.exit_code == 1 and res.output.startswith("Error: no document 'nope.pdf'")
    # the file's path, as a shell completes it from outside the corpus folder, names it too
    path = str(settings.corpus_dir / "report.pdf")
    res = runner.invoke(main, ["text", path, "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir)])
    assert res.exit_code == 0 and res.output == index.document_text("report.pdf")


def test_a_full_rebuild_does_not_parse_an_unchanged_pdf_again(settings, hash_embedder, monkeypatch):
    calls = []
    originals = registry.readers()
    patched = []
    for r in originals:
        if r.kind == "pdf":
            def counting(data, on_page=None, _read=r.read):
                calls.append(len(data))
                return _read(data, on_page)
            r = dataclasses.replace(r, read=counting)
        patched.append(r)
    monkeypatch.setattr(registry, "_READERS", patched)
    build_index(settings, hash_embedder)
    first = len(calls)
    assert first == 6  # report, locked, scan, broken, garbage, setup
    build_index(settings, hash_embedder, rebuild=True)
    assert len(calls) == first  # every PDF, failures too, came from the cache
    # the cache holds only what the corpus still has
    (settings.corpus_dir / "scan.pdf").unlink()
    build_index(settings, hash_embedder)
    names = sorted(p.name for p in (settings.index_dir / EXTRACT_CACHE_DIR).iterdir())
    gone = hashlib.sha256(docgen.scanned_pdf()).hexdigest()
    assert len(names) == 6 + 3 - 1 and not any(gone in n for n in names)


def test_a_renamed_pdf_is_carried_forward_with_its_pages_and_a_deleted_one_disappears(settings, hash_embedder):
    build_index(settings, hash_embedder)
    (settings.corpus_dir / "report.pdf").rename(settings.corpus_dir / "annual.pdf")
    report = build_index(settings, hash_embedder)
    assert report.renamed == [["report.pdf", "annual.pdf"]] and report.chunks_embedded == 0
    service = QAService(settings, hash_embedder)
    index = service.index()
    assert index.document_pages("annual.pdf") == tuple(read_pdf(docgen.report_pdf()).pages)
    hit = service.ask("embankment raised", k=3).passages[0]
    assert (hit.doc, hit.page) == ("annual.pdf", 2)
    (settings.corpus_dir / "annual.pdf").unlink()
    report = build_index(settings, hash_embedder)
    assert report.removed == ["annual.pdf"]
    assert "annual.pdf" not in {d["doc"] for d in QAService(settings, hash_embedder).index().documents()}
