"""A PDF citation in headless Chromium: the cited page as a picture with the answer's lines
outlined, next to the page text with its highlight, and the original file to download.

Screenshots go to test-output/browser/ (look at them); needs /usr/bin/chromium (Debian package).
"""

from __future__ import annotations

from pathlib import Path

import docgen
import pytest
from conftest import HARBOUR, free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-output" / "browser"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
QUESTION = "Who is the chief engineer of the Harrow Valley Water Board?"


@pytest.fixture(scope="module")
def app_url(real_embedder, tmp_path_factory):
    from qa.app.service import QAService
    from qa.app.web import start
    from qa.config import Settings

    base = tmp_path_factory.mktemp("browser-pdf")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR)
    (corpus / "report.pdf").write_bytes(docgen.report_pdf())
    (corpus / "minutes.docx").write_bytes(docgen.minutes_docx())
    (corpus / "operations.pdf").write_bytes(docgen.wrapped_table_pdf())
    (corpus / "crossings.pdf").write_bytes(docgen.crossings_pdf())
    (corpus / "locked.pdf").write_bytes(docgen.encrypted_pdf())
    settings = Settings().with_(corpus_dir=corpus, index_dir=base / "index")
    service = QAService(settings, embedder=real_embedder)
    service.build()
    demo, url = start(settings, service, port=free_port())
    yield url
    demo.close()


@pytest.fixture
def page(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1400, "height": 1000}, accept_downloads=True,
        )
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        yield page
        ctx.close()


def test_pdf_citation_shows_the_page_with_the_answer_outlined(page, app_url, tmp_path):
    from playwright.sync_api import expect

    page.goto(app_url)
    page.fill("#qa-question textarea", QUESTION)
    page.click("#qa-ask")
    page.wait_for_selector("#qa-chat .qa-reply")
    reply = page.locator("#qa-chat .qa-reply").first
    expect(reply.locator(".qa-answer")).to_contain_text("Tomasz Wendell")
    expect(reply.locator(".qa-conf")).to_contain_text("report.pdf, p. 2")

    view = page.locator("#qa-source-view")
    picture = view.locator("img.qa-page-img")
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.complete && img.naturalWidth") > 300  # a real, decoded picture
    outlines = view.locator(".qa-page-outline")
    assert outlines.count() == 2  # the answer sentence is printed on two lines of the page
    page.wait_for_timeout(500)  # the panel scrolls to the outline after the reply
    expect(outlines.first).to_be_in_viewport()
    # each outline sits on the picture, in its upper right quarter (the right column of page 2)
    pic_box = picture.bounding_box()
    for i in range(outlines.count()):
        box = outlines.nth(i).bounding_box()
        assert box["width"] > 20 and box["height"] > 5
        assert pic_box["x"] + pic_box["width"] * 0.4 < box["x"] < pic_box["x"] + pic_box["width"]
        assert pic_box["y"] < box["y"] < pic_box["y"] + pic_box["height"] * 0.3
    expect(view.locator(".qa-page figcaption")).to_contain_text("report.pdf, p. 2 of 5")
    page.screenshot(path=str(OUT / "pdf-1-page-outlined.png"))
    # next to it, the page text with the answer sentence highlighted (the short answer in bold)
    expect(view.locator(".qa-source-body mark.qa-hl-answer", has_text="Tomasz Wendell")).to_be_visible()
    expect(view.locator(".qa-source-meta")).to_contain_text("page 2")

    # the original file, as indexed, downloads from the button under the panel
    button = page.locator("#qa-download")
    expect(button).to_be_visible()
    with page.expect_download() as info:
        button.click()
    saved = tmp_path / "got.pdf"
    info.value.save_as(saved)
    assert info.value.suggested_filename == "report.pdf"
    assert saved.read_bytes() == docgen.report_pdf()

    # the corpus panel: page counts, and the encrypted PDF's reason
    page.get_by_role("tab", name="Corpus").click()
    corpus = page.locator("#qa-corpus")
    expect(corpus.locator("tr", has_text="report.pdf")).to_contain_text("5")
    expect(corpus.locator(".qa-skipped")).to_contain_text("locked.pdf: password-protected")
    page.screenshot(path=str(OUT / "pdf-2-corpus.png"))


def _ask(page, app_url: str, question: str):
    """The reply to `question`, asked on a fresh page."""
    page.goto(app_url)
    page.fill("#qa-question textarea", question)
    page.click("#qa-ask")
    page.wait_for_selector("#qa-chat .qa-reply")
    return page.locator("#qa-chat .qa-reply").first


def test_a_table_row_answer_shows_under_its_header_and_its_cells_are_outlined_on_the_page(page, app_url):
    from playwright.sync_api import expect

    reply = _ask(page, app_url, "What is the output per day of the Osgate station?")
    expect(reply.locator(".qa-short")).to_have_text("5,100 cubic metres")
    table = reply.locator("table.qa-row")
    expect(table.locator("th")).to_have_text(["Station", "Output per day", "Staff"])
    expect(table.locator("td")).to_have_text(["Osgate", "5,100 cubic metres", "9"])
    expect(table.locator("td mark")).to_have_text("5,100 cubic metres")
    expect(reply.locator(".qa-conf")).to_contain_text("report.pdf, p. 3")
    # on the page picture, one outline per cell of the row: the separators are not printed
    outlines = page.locator("#qa-source-view .qa-page-outline")
    expect(outlines).to_have_count(3)
    page.screenshot(path=str(OUT / "pdf-3-table-row.png"))


# (question, header row, the row's cells, short answer, citation, screenshot): rows whose cells wrap, in a table
# ruled around every cell (docgen.WRAPPED_TABLE) and in one without any rule (docgen.CROSSINGS_TABLE)
WRAPPED_ROWS = [
    ("Which agencies took part in operation Northern Route?", ["Operation", "Agencies taking part", "Seized"],
     ["Northern Route", "Drug control agencies of Kazakhstan and Uzbekistan", "86 kg of synthetic drugs"],
     "Drug control agencies of Kazakhstan and Uzbekistan", "operations.pdf, p. 1", "pdf-4-wrapped-row.png"),
    ("How much did the works at the Kordai crossing cost?", ["Crossing point", "Works completed", "Cost"],
     ["Kordai", "New passenger hall with eight inspection lanes and a waiting room", "EUR 2.4 million"],
     "EUR 2.4 million", "crossings.pdf, p. 1", "pdf-5-row-without-rules.png"),
]


@pytest.mark.parametrize("question, header, cells, short, cited, shot", WRAPPED_ROWS)
def test_a_row_whose_cells_wrap_is_shown_whole_and_outlined_line_by_line(page, app_url, question, header, cells,
                                                                           short, cited, shot):
    from playwright.sync_api import expect

    reply = _ask(page, app_url, question)
    table = reply.locator("table.qa-row")
    expect(table.locator("th")).to_have_text(header)
    expect(table.locator("td")).to_have_text(cells)
    expect(reply.locator(".qa-short")).to_have_text(short)
    expect(reply.locator(".qa-conf")).to_contain_text(cited)
    # the row's cells are printed on four lines (one cell on two): one outline each, all in one row
    outlines = page.locator("#qa-source-view .qa-page-outline")
    expect(outlines).to_have_count(4)
    boxes = [outlines.nth(i).bounding_box() for i in range(4)]
    tops, bottoms = [b["y"] for b in boxes], [b["y"] + b["height"] for b in boxes]
    assert max(tops) < min(bottoms) + 20  # within one row's height of each other
    page.screenshot(path=str(OUT / shot))
