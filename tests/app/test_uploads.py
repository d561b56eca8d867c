"""Uploads: allowed types only, size cap, safe names, never a silent overwrite."""

from __future__ import annotations

import pytest

from qa.app.uploads import MAX_NAME_CHARS, UploadError, sanitize_name, save_upload, save_uploads


@pytest.mark.parametrize(
    "given, expected",
    [
        ("notes.txt", "notes.txt"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\evil.md", "evil.md"),
        ("/abs/path/Report.HTML", "Report.html"),
        ("a\x00b\x1fc.txt", "abc.txt"),
        (".hidden.txt", "hidden.txt"),
        ("--- .txt", "upload.txt"),
        ("we<i>rd|na*me?.md", "we_i_rd_na_me.md"),
        ("spaced   out  name .txt", "spaced out name.txt"),
        ("résumé.txt", "résumé.txt"),
        ("a..b.txt", "a.b.txt"),
    ],
)
def test_sanitize_name(given, expected):
    assert sanitize_name(given) == expected


def test_sanitize_name_limits_length():
    name = sanitize_name("x" * 500 + ".txt")
    assert name.endswith(".txt") and len(name) == MAX_NAME_CHARS + 4


@pytest.mark.parametrize("bad", ["evil.exe", "doc.doc", "archive.tar.gz", "noext", "script.txt.sh", "", "...txt",
                                 "../.txt"])
def test_sanitize_name_refuses_other_types(bad):
    with pytest.raises(UploadError, match="can be added"):
        sanitize_name(bad)


def test_save_refuses_oversize_empty_and_binary(tmp_path):
    with pytest.raises(UploadError, match="limit"):
        save_upload(tmp_path, "big.txt", b"x" * 101, max_bytes=100)
    with pytest.raises(UploadError, match="empty"):
        save_upload(tmp_path, "e.txt", b"  \n")
    with pytest.raises(UploadError, match="binary"):
        save_upload(tmp_path, "b.txt", b"abc\x00\x01\x02")
    assert list(tmp_path.iterdir()) == []


def test_never_overwrites_an_existing_document(tmp_path):
    (tmp_path / "notes.txt").write_text("original")
    assert save_upload(tmp_path, "notes.txt", b"new content") == "notes-2.txt"
    assert save_upload(tmp_path, "notes.txt", b"newer content") == "notes-3.txt"
    assert (tmp_path / "notes.txt").read_text() == "original"
    assert (tmp_path / "notes-2.txt").read_bytes() == b"new content"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_identical_content_is_not_added_twice(tmp_path):
    (tmp_path / "a.txt").write_text("same text")
    with pytest.raises(UploadError, match="already in the corpus as a.txt"):
        save_upload(tmp_path, "b.txt", b"same text")


def test_save_uploads_reports_each_file(tmp_path):
    src = tmp_path / "src.txt"
    src.write_text("hello there")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "taken.md").write_text("old")
    report = save_uploads(corpus, [("src.txt", src), ("x.exe", b"MZ"), ("taken.md", b"# new")])
    assert report.saved == ["src.txt", "taken-2.md"]
    assert report.refused[0][0] == "x.exe"
    assert ("taken.md", "taken-2.md") in report.renamed
    msg = report.message()
    assert "Re-index" in msg and "x.exe" in msg and "taken-2.md" in msg


def test_pdf_and_word_uploads_are_checked_by_content(tmp_path):
    import docgen

    report = save_uploads(tmp_path, [
        ("report.pdf", docgen.report_pdf()),
        ("minutes.docx", docgen.minutes_docx()),
        ("setup.pdf", b"MZ\x90\x00\x03 a program renamed to .pdf" + b"\x00" * 64),
        ("locked.pdf", docgen.encrypted_pdf()),
        ("scan.pdf", docgen.scanned_pdf()),
        ("archive.docx", docgen.fake_docx()),
    ])
    assert report.saved == ["report.pdf", "minutes.docx"]
    assert dict(report.refused) == {
        "setup.pdf": "not a PDF file",
        "locked.pdf": "password-protected",
        "scan.pdf": "scanned, no text layer: OCR is not supported",
        "archive.docx": "not a Word document (a zip file of something else)",
    }
    assert "report.pdf (5 pages)" in report.message()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.docx", "report.pdf"]
