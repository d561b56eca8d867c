"""The whole page in headless Chromium: ask, open a citation, follow up, upload, re-index, ask again.

Screenshots go to test-output/browser/ (look at them); needs /usr/bin/chromium (Debian package).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-output" / "browser"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
FIRST = "How much did the CARICC-coordinated operations seize?"
FOLLOW_UP = "And who coordinated them?"
NEW_DOC = (
    "Quellton ferry news\n\n"
    "The Zorbulak river ferry carried 4321 passengers during the spring festival of Quellton in 2024.\n"
    "The ferry is run by the Quellton Harbour Board, which also maintains its two piers.\n"
)
NEW_QUESTION = "How many passengers did the Zorbulak river ferry carry?"


@pytest.fixture(scope="module")
def app_url(real_service, tmp_path_factory):
    """The app with the real model over a writable copy of the corpus (and of its built index)."""
    from qa.app.service import QAService
    from qa.app.web import start

    base = tmp_path_factory.mktemp("browser-app")
    corpus = base / "corpus"
    shutil.copytree(real_service.settings.corpus_dir, corpus)
    index = base / "index"
    shutil.copytree(real_service.settings.index_dir, index)  # same files: re-index reuses everything
    settings = real_service.settings.with_(corpus_dir=corpus, index_dir=index)
    service = QAService(settings, embedder=real_service.embedder)
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
        # a fresh profile every run (Playwright passes it to Chromium as --user-data-dir)
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        yield page
        ctx.close()


def ask(page, question: str, n_replies: int) -> object:
    page.fill("#qa-question textarea", question)
    page.click("#qa-ask")
    page.wait_for_function(
        "n => document.querySelectorAll('#qa-chat .qa-reply, #qa-chat .qa-error').length >= n", arg=n_replies
    )
    reply = page.locator("#qa-chat .qa-reply").nth(n_replies - 1)
    reply.scroll_into_view_if_needed()
    return reply


def test_chat_cite_followup_upload_reindex(page, app_url, tmp_path):
    from playwright.sync_api import expect

    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")

    # 1. a question from the corpus: answer span, confidence, citations
    reply = ask(page, FIRST, 1)
    # the answer sentence (a short answer is marked inside it only when the model is nearly sure)
    expect(reply.locator(".qa-answer")).to_contain_text("740 kg")
    expect(reply).to_contain_text("Confidence")
    expect(reply.locator("a.qa-cite").first).to_be_visible()
    # the side panel already shows the answer's source, highlighted
    # a short answer marked inside the sentence splits its highlight in pieces: find the piece holding it
    expect(page.locator("#qa-source-view .qa-source-body mark.qa-hl-answer", has_text="740 kg")).to_be_visible()
    page.screenshot(path=str(OUT / "1-answer.png"))

    # 2. open another citation: its passage is highlighted in its item, with document name and title
    cites = reply.locator(".qa-cites a.qa-cite")
    assert cites.count() >= 2
    other = cites.nth(1)
    n = other.inner_text().strip("[]")  # sources are grouped by news item, so not necessarily [2]
    assert n != "1"
    other.click()
    expect(page.locator("#qa-source-view .qa-source-n")).to_contain_text(f"Source [{n}]")
    expect(page.locator("#qa-source-view .qa-source-body mark.qa-hl-passage").first).to_be_visible()
    expect(page.locator("#qa-source-view .qa-source-meta")).to_contain_text(".txt")
    page.screenshot(path=str(OUT / "2-citation.png"))
    # and back to the answer's own citation by clicking the [n] after the answer
    reply.locator(".qa-answer a.qa-cite").click()
    expect(page.locator("#qa-source-view .qa-source-body mark.qa-hl-answer", has_text="740 kg")).to_be_visible()

    # 3. a follow-up leaning on the previous turn
    follow = ask(page, FOLLOW_UP, 2)
    expect(follow.locator(".qa-searched")).to_contain_text("CARICC")
    expect(follow.locator("a.qa-cite").first).to_be_visible()
    page.screenshot(path=str(OUT / "3-follow-up.png"))

    # 4. upload a new document, re-index, ask what only it answers
    doc = tmp_path / "quellton ferry.txt"
    doc.write_text(NEW_DOC)
    page.get_by_role("tab", name="Corpus").click()
    page.set_input_files("#qa-upload input[type=file]", str(doc))
    expect(page.locator("#qa-upload-status textarea")).to_have_value(
        __import__("re").compile("Added to the corpus: quellton ferry.txt")
    )
    expect(page.locator("#qa-corpus")).to_contain_text("Not indexed yet")
    page.click("#qa-reindex")
    expect(page.locator("#qa-report textarea")).to_have_value(__import__("re").compile("added 1"), timeout=60_000)
    expect(page.locator("#qa-corpus")).to_contain_text("quellton ferry.txt")
    expect(page.locator("#qa-corpus")).not_to_contain_text("Not indexed yet")
    page.screenshot(path=str(OUT / "4-reindexed.png"))

    new = ask(page, NEW_QUESTION, 3)
    expect(new.locator(".qa-answer")).to_contain_text("4321")
    expect(new.locator(".qa-conf")).to_contain_text("quellton ferry.txt")
    page.get_by_role("tab", name="Sources").click()
    expect(page.locator("#qa-source-view .qa-source-body mark.qa-hl-answer", has_text="4321")).to_be_visible()
    page.screenshot(path=str(OUT / "5-new-document.png"))


def test_page_escapes_document_markup(page, app_url):
    """A question with markup is shown as typed, never run or rendered."""
    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    page.evaluate("window.__xss = 0")
    ask(page, "<img src=x onerror='window.__xss=1'> [link](http://example.com) who hosted **the** workshop?", 1)
    user = page.locator("#qa-chat .qa-q").first
    assert "<img" in user.inner_text() and "[link](http://example.com)" in user.inner_text()
    assert page.locator("#qa-chat img[src=x]").count() == 0
    assert page.locator("#qa-chat a[href='http://example.com']").count() == 0
    assert page.evaluate("window.__xss") == 0


def test_a_not_found_says_what_the_documents_lack(page, app_url):
    """The bundled news never gives a length: the reply says "not found" and why, under the verdict."""
    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    reply = ask(page, "How long is the border between Kazakhstan and Uzbekistan?", 1)
    verdict = reply.locator(".qa-none")
    assert verdict.inner_text() == "Not found in the documents. The best passage states no length or duration."
    assert reply.locator(".qa-why").is_visible()
    page.screenshot(path=str(OUT / "not-found-why.png"))
