"""What a person sees, at a desktop width (1400 px) and a phone width (420 px), in headless Chromium.

After a question the answer is on screen without scrolling; nothing covers anything else (the
citation drop-down's arrow, the source panel's header, the upload label); a blank question and a
refused upload each say so; the conversation downloads as Markdown and CSV.
Screenshots: test-output/browser/layout-<width>-*.png (look at them).
"""

from __future__ import annotations

import csv
import io
import re
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
QUESTION = "How much did the CARICC-coordinated operations seize?"
RECT = "s => { const e = document.querySelector(s); if (!e) return null; const r = e.getBoundingClientRect(); " \
       "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; }"


@pytest.fixture(scope="module")
def app_url(real_service, tmp_path_factory):
    from qa.app.service import QAService
    from qa.app.web import start

    base = tmp_path_factory.mktemp("layout-app")
    shutil.copytree(real_service.settings.corpus_dir, base / "corpus")
    shutil.copytree(real_service.settings.index_dir, base / "index")
    settings = real_service.settings.with_(corpus_dir=base / "corpus", index_dir=base / "index")
    demo, url = start(settings, QAService(settings, embedder=real_service.embedder), port=free_port())
    yield url
    demo.close()


@pytest.fixture(params=[1400, 420], ids=["1400px", "420px"])
def page(request, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make browser-deps)")
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": request.param, "height": 900}, accept_downloads=True,
        )
        pg = ctx.new_page()
        pg.set_default_timeout(30_000)
        pg.width = request.param
        yield pg
        ctx.close()


def _ask(page, question: str, n: int) -> None:
    page.fill("#qa-question textarea", question)
    page.click("#qa-ask")
    page.wait_for_function("n => document.querySelectorAll('#qa-chat .qa-reply').length >= n", arg=n)
    page.wait_for_timeout(600)  # the page scrolls the chat to the new reply after it renders


def _inside(inner: dict, outer: dict, slack: float = 1.0) -> bool:
    return inner["top"] >= outer["top"] - slack and inner["bottom"] <= outer["bottom"] + slack


def test_answer_is_visible_without_scrolling(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    _ask(page, QUESTION, 1)
    assert page.evaluate("window.scrollY") == 0  # nothing scrolled the page itself
    answer = page.evaluate(RECT, "#qa-chat .qa-reply .qa-answer")
    chat = page.evaluate(RECT, "#qa-chat .bubble-wrap")
    viewport = {"top": 0, "bottom": page.viewport_size["height"]}
    page.screenshot(path=str(OUT / f"layout-{page.width}-answer.png"))
    assert _inside(answer, chat) and _inside(answer, viewport), (answer, chat)
    # a second question: its answer, not the first one's sources, is what is on screen
    _ask(page, "Who hosted the CCASP workshop in Astana?", 2)
    second = page.evaluate("() => { const a = document.querySelectorAll('#qa-chat .qa-reply'); "
                           "const r = a[a.length - 1].getBoundingClientRect(); "
                           "return {top: r.top, bottom: r.top + 40}; }")
    assert _inside(second, page.evaluate(RECT, "#qa-chat .bubble-wrap"))
    page.screenshot(path=str(OUT / f"layout-{page.width}-second.png"))


def test_nothing_covers_text(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    _ask(page, QUESTION, 1)
    # the drop-down's text stops before its arrow
    box = page.evaluate(
        "() => { const i = document.querySelector('#qa-sources input'); const r = i.getBoundingClientRect(); "
        "return r.right - parseFloat(getComputedStyle(i).paddingRight); }"
    )
    arrow = page.evaluate(RECT, "#qa-sources .icon-wrap")
    assert box <= arrow["left"] + 1
    # the source panel's header never lies over the passage text
    head = page.evaluate(RECT, "#qa-source-view .qa-source-head")
    body = page.evaluate(RECT, "#qa-source-view .qa-source-body")
    assert head["bottom"] <= body["top"] + 1
    focus = page.evaluate(RECT, "#qa-source-view #qa-focus")
    assert focus["top"] >= body["top"] - 1  # the highlighted passage starts in view, not under anything
    page.screenshot(path=str(OUT / f"layout-{page.width}-sources.png"))
    # the upload box's label does not cover its icon
    page.get_by_role("tab", name="Corpus").click()
    label = page.evaluate(RECT, "#qa-upload [data-testid=block-label]")
    icon = page.evaluate(RECT, "#qa-upload [data-testid=upload-icon]")
    assert label["bottom"] <= icon["top"] or label["top"] >= icon["bottom"]
    page.screenshot(path=str(OUT / f"layout-{page.width}-corpus.png"))


def test_blank_question_and_refused_upload_say_so(page, app_url, tmp_path):
    from playwright.sync_api import expect

    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    page.click("#qa-ask")
    expect(page.locator("body")).to_contain_text("Type a question")
    assert page.locator("#qa-chat .qa-reply").count() == 0

    page.get_by_role("tab", name="Corpus").click()
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    page.set_input_files("#qa-upload input[type=file]", str(empty))
    expect(page.locator("#qa-upload-status textarea")).to_have_value(re.compile("empty.txt.*empty"))
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    page.set_input_files("#qa-upload input[type=file]", str(binary))
    # the old message is replaced, not left standing next to a new file
    expect(page.locator("#qa-upload-status textarea")).to_have_value(re.compile("picture.png"))
    assert "empty.txt" not in page.locator("#qa-upload-status textarea").input_value()


def test_conversation_downloads_as_markdown_and_csv(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    _ask(page, QUESTION, 1)
    with page.expect_download() as md:
        page.click("#qa-export-md")
    text = Path(md.value.path()).read_text(encoding="utf-8")
    assert QUESTION in text and "740 kg" in text and "#char=" in text
    with page.expect_download() as c:
        page.click("#qa-export-csv")
    rows = list(csv.reader(io.StringIO(Path(c.value.path()).read_text(encoding="utf-8"))))
    assert rows[0][:3] == ["Question", "Answer", "Quoted sentence"] and rows[1][0] == QUESTION
    assert "740 kg" in rows[1][1]
