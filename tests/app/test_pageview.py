"""The sources panel's page picture and download copy for PDF and Word citations."""

from __future__ import annotations

import hashlib

import docgen

from qa.app import pageview
from qa.app.render import Citation, cite_text, render_corpus, render_source
from qa.ingest.pdf import read_pdf


def _setup(tmp_path):
    data = docgen.report_pdf()
    (tmp_path / "report.pdf").write_bytes(data)
    return data, hashlib.sha256(data).hexdigest(), read_pdf(data)


def test_page_html_outlines_each_printed_line_of_the_answer(tmp_path):
    data, sha, x = _setup(tmp_path)
    start = x.text.index("The chief engineer")
    end = x.text.index("2019.") + 5
    html = pageview.page_html(tmp_path, "report.pdf", sha, x.pages, 2, (start, end), 10**8)
    assert html.count('class="qa-page-outline"') == 2
    assert 'src="data:image/png;base64,' in html and "report.pdf, p. 2 of 5" in html


def test_a_passage_cited_for_no_answer_is_outlined_as_a_passage_and_labelled_related(tmp_path):
    # a "not found" reply's page was outlined in the answer's red and labelled "cited passage": it looked answered
    data, sha, x = _setup(tmp_path)
    start = x.text.index("The chief engineer")
    end = x.text.index("2019.") + 5
    html = pageview.page_html(tmp_path, "report.pdf", sha, x.pages, 2, (start, end), 10**8, answer=False)
    assert html.count('class="qa-page-outline qa-page-passage"') == 2 and 'class="qa-page-outline"' not in html
    related = Citation(n=1, doc="report.pdf", title="Annual report", date=None, item=1, start=5, end=9,
                       text="abcd", score=1.0, page=2, related=True)
    view = render_source(related, "xxxxabcdxx", 1)
    assert "possibly related passage" in view and "cited passage" not in view


def test_no_picture_when_the_file_changed_since_indexing(tmp_path):
    data, sha, x = _setup(tmp_path)
    (tmp_path / "report.pdf").write_bytes(docgen.minutes_docx())
    assert pageview.page_html(tmp_path, "report.pdf", sha, x.pages, 2, (0, 5), 10**8) is None
    assert pageview.download_copy(tmp_path, "report.pdf", sha, tmp_path / "dl", 10**8) is None


def test_download_copy_is_the_indexed_file_outside_the_corpus(tmp_path):
    data, sha, _ = _setup(tmp_path)
    copy = pageview.download_copy(tmp_path, "report.pdf", sha, tmp_path / "dl", 10**8)
    assert copy.startswith(str(tmp_path / "dl")) and open(copy, "rb").read() == data
    (tmp_path / "notes.txt").write_text("plain")
    assert pageview.download_copy(tmp_path, "notes.txt", hashlib.sha256(b"plain").hexdigest(),
                                  tmp_path / "dl", 10**8) is None  # its text is the file itself


def test_citations_name_the_page_and_the_source_shows_picture_next_to_text():
    # the title first (issue 17), the file and its page after it
    assert cite_text("report.pdf", "Annual report", None, 12) == "Annual report · report.pdf, p. 12"
    assert cite_text("notes.txt", "Notes", "2024-01-02") == "Notes (2 Jan 2024) · notes.txt"
    c = Citation(n=1, doc="report.pdf", title="Annual report", date=None, item=1, start=5, end=9,
                 text="abcd", score=1.0, page=2)
    assert c.label() == "[1] Annual report · report.pdf, p. 2"
    html = render_source(c, "xxxxabcdxx", 1, picture='<figure class="qa-page"></figure>', download=True)
    assert '<div class="qa-source-cols"><figure class="qa-page">' in html and "page 2" in html


def test_corpus_panel_shows_page_counts():
    html = render_corpus({"documents": [
        {"doc": "report.pdf", "items": 5, "chunks": 7, "chars": 1200, "pages": 5},
        {"doc": "notes.txt", "items": 1, "chunks": 1, "chars": 30, "pages": None}]})
    assert "<th>Pages</th>" in html and "<td>5</td>" in html and "<td>—</td>" in html
