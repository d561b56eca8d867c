"""In headless Chromium: set a date range, ask, and get an answer from the range, with the filter
shown as chips, a reading above the reply and a timeline."""

from __future__ import annotations

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
    _type_range(page, "2022-07", "2022-08")
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


def _type_range(page, since: str, until: str) -> None:
    """Type the range into From and To, leaving each with Tab as a person would."""
    for box, value in (("#qa-since", since), ("#qa-until", until)):
        page.fill(f"{box} input, {box} textarea", value)
        page.press(f"{box} input, {box} textarea", "Tab")


def _ask_within(page, since: str, until: str, question: str = "What meetings were held?") -> None:
    from playwright.sync_api import expect

    _type_range(page, since, until)
    expect(page.locator("#qa-active-filters")).to_contain_text(f"to {until}", timeout=CHIP_WAIT)
    page.get_by_role("button", name="New conversation").click()  # the same question again is not a follow-up
    page.fill("#qa-question textarea", question)
    page.click("#qa-ask")


def _timeline(page, months: list[str]) -> tuple[list[str], list[float]]:
    """The timeline's y-axis tick labels and its bars' heights in px, once it shows these months, in order."""
    x_axis = "#qa-timeline svg g.role-axis[aria-label^='X-axis'] g.role-axis-label text"
    shown = f"[...document.querySelectorAll({x_axis!r})].map(t => t.textContent).join() === {','.join(months)!r}"
    page.wait_for_function(shown, timeout=CHIP_WAIT)
    page.wait_for_timeout(1000)  # the reply's y-axis follows its bars (qa.app.web, on_timeline_axis)
    y_axis = "#qa-timeline svg g.role-axis[aria-label^='Y-axis'] g.role-axis-label text"
    ticks = page.eval_on_selector_all(y_axis, "ts => ts.map(t => t.textContent)")  # SVG text: no innerText
    heights = page.eval_on_selector_all("#qa-timeline svg g.role-mark path", "ps => ps.map(p => p.getBBox().height)")
    return ticks, heights


def test_the_timeline_shows_every_month_with_items_on_an_axis_from_zero_in_whole_items(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("#qa-question textarea")
    # the bundled corpus has one item in March 2024: one month, at the lowest (and only) count
    _ask_within(page, "2024-03", "2024-03")
    ticks, heights = _timeline(page, ["2024-03"])
    page.locator("#qa-timeline").screenshot(path=str(OUT / "timeline-one-month.png"))
    assert ticks == ["0", "1", "2", "3", "4"] and heights[0] > 10
    # 2021 to 2025 next, on the same page: eight months in order, four of them with 1 item, one with 7
    _ask_within(page, "2021", "2025")
    ticks, heights = _timeline(page, ["2021-10", "2021-11", "2022-06", "2022-07", "2022-08", "2024-03", "2025-02",
                                      "2025-07"])
    page.locator("#qa-timeline").screenshot(path=str(OUT / "timeline-five-years.png"))
    assert ticks[0] == "0" and all(t.isdigit() for t in ticks), ticks
    assert min(heights) > 10 and max(heights) == pytest.approx(7 * min(heights), rel=0.05), heights
    # the month labels show inside the plot's box in a narrow window too (a label that wrapped, "Matching items per
    # month (Searched items dated 2021–2025)", cut them off)
    page.set_viewport_size({"width": 900, "height": 1000})
    page.wait_for_timeout(1000)
    page.locator("#qa-timeline").screenshot(path=str(OUT / "timeline-narrow.png"))
    cut = page.evaluate("""() => {
        const box = document.querySelector('#qa-timeline').getBoundingClientRect();
        const axis = "#qa-timeline svg g.role-axis[aria-label^='X-axis'] g.role-axis-label text";
        const labels = document.querySelectorAll(axis);
        return [...labels].filter(t => t.getBoundingClientRect().bottom > box.bottom).map(t => t.textContent);
    }""")
    assert cut == []



def test_both_bounds_stay_chips_when_the_first_is_answered_late(page, real_service, tmp_path):
    # on a busy server the reply to "From" changed may come after the one to "To": the chips must show both
    import time

    from playwright.sync_api import expect

    from qa.app.service import QAService
    from qa.app.web import start

    index = tmp_path / "index"
    shutil.copytree(real_service.settings.index_dir, index)
    settings = real_service.settings.with_(index_dir=index)
    demo, url = start(settings, QAService(settings, embedder=real_service.embedder), port=free_port())
    chat, calls = demo.chat_service, []
    listing = chat.corpus_html

    def slow_first(filters=None, language="en"):
        calls.append(filters)
        if len(calls) == 1 and filters is not None and filters.since and not filters.until:
            time.sleep(3)
        return listing(filters, language)

    chat.corpus_html = slow_first
    try:
        page.goto(url)
        page.wait_for_selector("#qa-question textarea")
        _type_range(page, "2022-07", "2022-08")
        time.sleep(4)  # past the slow reply
        expect(page.locator("#qa-active-filters")).to_contain_text("from 2022-07", timeout=CHIP_WAIT)
        expect(page.locator("#qa-active-filters")).to_contain_text("to 2022-08", timeout=CHIP_WAIT)
    finally:
        demo.close()
