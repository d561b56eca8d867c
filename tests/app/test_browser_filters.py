"""In headless Chromium: set a date range, ask, and get an answer from the range, with the filter
shown as chips, a reading above the reply and a timeline."""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import free_port
from test_browser import ARGS, CHROMIUM, OUT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def app_url(real_service, tmp_path_factory):
    from qa.app.service import QAService
    from qa.app.web import start

    base = tmp_path_factory.mktemp("browser-filters")
    index = base / "index"
    shutil.copytree(real_service.settings.index_dir, index)
    settings = real_service.settings.with_(index_dir=index)
    demo, url = start(settings, QAService(settings, embedder=real_service.embedder), port=free_port())
    yield url
    demo.close()


# ms to wait for a filter chip: playwright's default 5 s was too short with two test suites sharing 2 cores
CHIP_WAIT = 30_000


@pytest.fixture
def page(tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1400, "height": 1100},
        )
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        yield page
        ctx.close()


def test_set_a_range_and_ask(page, app_url):
    from playwright.sync_api import expect

    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    page.fill("#qa-since input, #qa-since textarea", "2022-07")
    page.press("#qa-since input, #qa-since textarea", "Tab")
    page.fill("#qa-until input, #qa-until textarea", "2022-08")
    page.press("#qa-until input, #qa-until textarea", "Tab")
    # the active filters appear as chips (a server round trip per field: slow on a busy machine)
    expect(page.locator("#qa-active-filters")).to_contain_text("from 2022-07", timeout=CHIP_WAIT)
    expect(page.locator("#qa-active-filters")).to_contain_text("to 2022-08", timeout=CHIP_WAIT)

    page.fill("#qa-question textarea", "What meetings did CARICC hold?")
    page.click("#qa-ask")
    page.wait_for_function("document.querySelectorAll('#qa-chat .qa-reply, #qa-chat .qa-error').length >= 1")
    reply = page.locator("#qa-chat .qa-reply").first
    expect(reply.locator(".qa-scope")).to_contain_text("Searched items dated Jul 2022 – Aug 2022")
    expect(reply.locator(".qa-answer")).to_be_visible()
    # every cited source is dated July or August 2022
    cites = reply.locator(".qa-cites li").all_inner_texts() + [reply.locator(".qa-conf").inner_text()]
    # each source's label shows its date in words; its ISO date is the label's tooltip (title)
    dates = [e.get_attribute("title") for e in reply.locator(".qa-cites .qa-title, .qa-conf .qa-title").all()]
    assert dates and all(d and d[:7] in ("2022-07", "2022-08") for d in dates), cites
    expect(page.locator("#qa-timeline")).to_be_visible()
    page.screenshot(path=str(OUT / "filters-range.png"))

    # removing the "to" chip clears the To box; the chip of the other bound stays
    page.locator("#qa-active-filters").get_by_text("to 2022-08").locator("xpath=..").locator(
        "[role=button], .token-remove, button").first.click()
    expect(page.locator("#qa-until input, #qa-until textarea")).to_have_value("")
    expect(page.locator("#qa-active-filters")).to_contain_text("from 2022-07", timeout=CHIP_WAIT)
    page.fill("#qa-until input, #qa-until textarea", "2022-08")
    page.press("#qa-until input, #qa-until textarea", "Tab")

    # the corpus panel shows only the documents the range matches
    page.get_by_role("tab", name="Corpus").click()
    expect(page.locator("#qa-corpus .qa-corpus-matched")).to_contain_text("items dated Jul 2022 – Aug 2022")
    expect(page.locator("#qa-corpus")).not_to_contain_text("000_48933f6eaf3e6675.txt")
