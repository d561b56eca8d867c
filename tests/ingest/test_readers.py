"""The reader registry: a new format is one reader plus one registration, and every part that
lists supported types (walking, loading, the build, uploads) follows it."""

from __future__ import annotations

import pytest

from qa.app.uploads import UploadError, sanitize_name, upload_suffixes
from qa.ingest import DocumentError, iter_corpus_files, load_corpus, load_document, readers
from qa.ingest.readers import Extracted, Reader, describe_types, kind_of, reader_for, register


@pytest.fixture
def registry(monkeypatch):
    """A private copy of the registry, so a test's registrations vanish with it."""
    monkeypatch.setattr(readers, "_READERS", list(readers._READERS))


def _shout(data: bytes) -> Extracted:
    return Extracted(data.decode("utf-8").split(":", 1)[1].upper())


def test_the_built_in_types():
    assert readers.supported_suffixes() == (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
    assert describe_types() == ".txt, .md, .html, .pdf or .docx"
    assert [kind_of(n) for n in ("a.TXT", "b.md", "c.markdown", "d.htm", "e.PDF", "f.docx")] == [
        "txt", "md", "md", "html", "pdf", "docx"]


def test_pdf_and_word_are_recognised_by_content(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.7 fake")
    with pytest.raises(DocumentError, match="damaged or truncated PDF"):
        load_document(tmp_path / "a.pdf", tmp_path)
    assert reader_for("notes.txt", b"%PDF-1.4\n...").kind == "pdf"
    assert reader_for("x.bin", b"PK\x03\x04....[Content_Types].xml").kind == "docx"
    (tmp_path / "setup.pdf").write_bytes(b"MZ\x90\x00 a program")
    with pytest.raises(DocumentError, match="not a PDF file"):
        load_document(tmp_path / "setup.pdf", tmp_path)
    assert sanitize_name("a.pdf") == "a.pdf" and sanitize_name("b.DOCX") == "b.docx"
    with pytest.raises(UploadError):
        sanitize_name("a.doc")


def test_a_registered_reader_is_used_everywhere(tmp_path, registry):
    register(Reader("shout", (".shout",), _shout))
    (tmp_path / "memo.shout").write_text("SHOUT:the quarry at vell opens on mondays.\n")
    (tmp_path / "other.txt").write_text("Plain memo.\n\nNothing to shout about here.\n")
    assert [p.name for p in iter_corpus_files(tmp_path)] == ["memo.shout", "other.txt"]
    docs, skipped = load_corpus(tmp_path)
    assert skipped == []
    assert "THE QUARRY AT VELL OPENS ON MONDAYS." in {d.path: d.text for d in docs}["memo.shout"]
    assert ".shout" in upload_suffixes() and sanitize_name("memo.SHOUT") == "memo.shout"
    assert ".shout" in describe_types()


def test_a_sniffing_reader_claims_files_by_content_whatever_their_name(tmp_path, registry):
    register(Reader("shout", (".shout",), _shout, sniff=lambda head: head.startswith(b"SHOUT:")))
    (tmp_path / "disguised.txt").write_text("SHOUT:hidden in a text file.\n")
    assert reader_for("disguised.txt", b"SHOUT:x").kind == "shout"
    assert load_document(tmp_path / "disguised.txt", tmp_path).text.startswith("HIDDEN IN A TEXT FILE.")
    assert reader_for("plain.txt", b"just text").kind == "txt"
