"""HTML -> main text (trafilatura, else plain tag stripping) and the page's title."""

from __future__ import annotations

import bisect
import re
from html.parser import HTMLParser

from qa.ingest.datelines import is_date_line
from qa.ingest.readers import Extracted
from qa.ingest.text import decode_text
from qa.ingest.titles import html_titles

_SOURCE_BREAK_RE = re.compile(r"[ \t]*[\r\n]+\s*")
_SOURCE_BREAK = "\ue000"  # a private-use character, no white space: where the page's source broke a line


class _TextCollector(HTMLParser):
    """Fallback extractor: visible text, one line per block element."""

    _SKIP = {"script", "style", "noscript", "template", "head", "svg"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "title", "dl", "dt",
              "dd"}  # fmt: skip

    def __init__(self, source_break: str = " ") -> None:
        super().__init__(convert_charrefs=True)
        self.source_break = source_break
        self.parts: list[str] = []
        self._skipping = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        self._pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")
        if tag == "pre":
            self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            # A line break in the page's source is a space, as a browser shows it (a <p> wrapped at 120
            # characters is one paragraph); only block elements and <br> break lines, and <pre> keeps its own.
            self.parts.append(data if self._pre else _SOURCE_BREAK_RE.sub(self.source_break, data))


def _strip_tags(html: str, source_break: str = " ") -> str:
    """The page's visible text, a line per block element or <br>; the source's own line breaks as `source_break`."""
    collector = _TextCollector(source_break)
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    if source_break.strip():  # one mark per break inside a line's text, none at its ends nor between blocks
        mark = re.escape(source_break)
        lines = (re.sub(rf"\s*{mark}[\s{mark}]*", source_break, line).strip(f"{source_break} ") for line in lines)
    return "\n".join(line for line in lines if line)


def _element_text(html: str, tag: str) -> str | None:
    """The text of the page's first `<tag>`, as the tag stripper writes it; None when it has none."""
    if m := re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}\s*>", html, re.IGNORECASE | re.DOTALL):
        return " ".join(_strip_tags(m.group(1)).split()) or None
    return None


def _html_title(html: str) -> str | None:
    """The page's <h1>, else its <title>."""
    return _element_text(html, "h1") or _element_text(html, "title")


# a definition list's term and its definition: "<dt>Swallower</dt><dd>A courier who …</dd>" (a closing tag may be
# left out: "<dt>Swallower<dd>A courier …")
_DEFINED = re.compile(r"<dt\b[^>]*>(?P<term>(?:(?!<d[dtl]\b|</dl\s*>).)*?)(?:</dt\s*>)?\s*"
                      r"<dd\b[^>]*>(?P<said>(?:(?!<d[dtl]\b|</dl\s*>).)*?)(?:</dd\s*>)?(?=\s*(?:<d[dt]\b|</dl\s*>))",
                      re.IGNORECASE | re.DOTALL)


def _defined_inline(html: str) -> str:
    """`html` with each term of a definition list written on its definition's line ("Swallower — A courier who …"):
    apart, the term is a line that says nothing and the definition one that does not say what it defines, and
    "What is a swallower?" found the term alone."""
    return _DEFINED.sub(lambda m: f"<dt>{m['term'].strip()} — {m['said'].strip()}</dt>", html)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text of an HTML page (trafilatura, else plain tag stripping) and its title."""
    text = None
    html = _defined_inline(html)
    try:
        import trafilatura

        options = dict(include_comments=False, include_tables=True, favor_recall=True)
        text = trafilatura.extract(html, **options)
        if text:
            page = _strip_tags(html, _SOURCE_BREAK)  # the page's blocks, read once for both rules below
            text = _without_source_breaks(text, page)
            text = _with_lost_head(text, trafilatura.extract(html, fast=True, **options) or "")
            text = _with_lost_dates(text, page.replace(_SOURCE_BREAK, " "))
            headed = _with_lost_headings(text, page.replace(_SOURCE_BREAK, " "), _headings(html))
            if headed != text and (h1 := _element_text(html, "h1")) and h1 not in headed:
                # a page cut in parts by its headings opens with its own <h1>, which names the first part
                headed = f"{h1}\n{headed}"
            text = headed
    except Exception:  # noqa: BLE001 - a page trafilatura chokes on still has tag-strippable text
        text = None
    if not text or not text.strip():
        text = _strip_tags(html)
    return text, _html_title(html)


def _without_source_breaks(text: str, page: str) -> str:
    """`text` with the line breaks it kept from the page's source joined: two lines that stand next to each other in
    one block of the page, a line break of the source between them (a `<p>` wrapped in its source, which a browser
    shows as one paragraph), are one line; a block's inline parts that trafilatura set apart ("<a>Title</a>
    <span>Teaser</span>") stay apart. Weighing its extractors, trafilatura may take one that keeps the source's line
    breaks ("… наибольшая партия гашиша" / "(640 кг) была обнаружена …"), and each line would be read as a paragraph of
    its own: the first a story's headline. A <br>'s line break is the page's own and stays. `page`: the page's text,
    a line per block, its source's line breaks marked (`_strip_tags(html, _SOURCE_BREAK)`)."""
    kept = text.splitlines()
    if _SOURCE_BREAK not in page:
        return text  # no line break in the source's text: nothing to join
    known = set(page.replace(_SOURCE_BREAK, " ").splitlines())
    if all(" ".join(line.split()) in known for line in kept if line.strip()):
        return text  # the usual case: every line is a block of the page
    # each source break inside a block: the block's text before it and after it, by the first word after it
    breaks: dict[str, list[tuple[str, str]]] = {}
    for block in page.splitlines():
        parts = block.split(_SOURCE_BREAK)
        for k in range(1, len(parts)):
            breaks.setdefault(parts[k].split(" ", 1)[0], []).append((" ".join(parts[:k]), " ".join(parts[k:])))
    out = kept[:1]
    for line in kept[1:]:
        before, this = " ".join(out[-1].split()), " ".join(line.split())
        # a line that is a whole block of the page has nothing of that block after it
        if before and this and before not in known and any(
            head.endswith(before) and rest.startswith(this) for head, rest in breaks.get(this.split(" ", 1)[0], ())
        ):
            out[-1] = f"{out[-1].rstrip()} {line.lstrip()}"
        else:
            out.append(line)
    return "\n".join(out)


# what a lost head is at most: a headline, a date, a caption
_LOST_HEAD_LINES = 5
_LOST_HEAD_CHARS = 300


def _with_lost_head(text: str, fast: str) -> str:
    """`text` with the lines trafilatura's own pass (`fast`, without the other extractors it weighs against) read
    before text's first line: weighing them, it may start the page at the first story's first paragraph and lose
    that story's headline and date ("New canine centre opens in Dushanbe" / "15 January 2024"), which name and
    date the story's item."""
    lines = text.splitlines()
    first = lines[0].strip() if lines else ""
    head = []
    for line in fast.splitlines():
        if line.strip() == first:
            # more is another reading of the page, not a lost head
            if len(head) > _LOST_HEAD_LINES or any(len(h) > _LOST_HEAD_CHARS for h in head):
                return text
            return "\n".join([*head, text]) if head else text
        head.append(line)
    return text


def _with_lost_dates(text: str, page_text: str) -> str:
    """`text` with the date lines trafilatura dropped put back where they stood in the page. It keeps a bare
    `<div>`'s text only while the page has little `<p>` text, so on a real page it drops each story's
    `<div class="date">12 October 2023</div>` and "Published: 20 May 2024" line, the date that dates the
    story (the story was dated by an event in its text, or not at all). A lost date line comes back only
    between two lines the text kept, among a few short lost lines (a date, a caption): not the page's header
    or footer ("Monday, 6 December 2026", "Last updated ..."), nor a sidebar's list of dated links. `page_text`:
    the page read by the tag stripper (`_strip_tags`)."""
    return _with_lost_lines(text, page_text, is_date_line, lambda line: line)


def _headings(html: str) -> frozenset[str]:
    """The text of each `<h2>`-`<h6>` of a page, as the tag stripper writes its line."""
    return frozenset(" ".join(_strip_tags(m.group(1)).split())
                     for m in re.finditer(r"<h[2-6]\b[^>]*>(.*?)</h[2-6]\s*>", html, re.IGNORECASE | re.DOTALL))


def _line_key(line: str) -> str:
    """A line's words without the spaces and marks between them (a table's row as either side writes it)."""
    return re.sub(r"[\W_]+", "", line)


def _with_lost_headings(text: str, page_text: str, headings: frozenset[str]) -> str:
    """`text` with the section headings trafilatura dropped put back where they stood in the page: it drops a
    heading right above a table ("Session 2: Border control" over a programme's rows), and with it what the table
    is of and where it starts. Lines are matched by their words alone (_line_key): the text writes a table's row as
    a Markdown row ("| 09:00 | Lunch |"), the tag stripper with its cells run together, and a Markdown row's "|---|"
    line is no line of the page. A heading that dates its part ("Day 2, 4 June 2025") dates the items that part is
    read as (qa.ingest.items): a programme's sessions are cited with their day. A bare date line is left to
    _with_lost_dates."""
    keep = {h for h in headings if h and not is_date_line(h)}
    if not keep:
        return text
    return _with_lost_lines(text, page_text, keep.__contains__, _line_key)


def _with_lost_lines(text: str, page_text: str, lost_kind, key) -> str:
    """`text` with the page's lines of `lost_kind` that trafilatura dropped put back where they stood, each between
    two lines the text kept, among a few short lost lines; lines are matched by `key`."""
    kept = [" ".join(line.split()) for line in text.splitlines()]
    page = page_text.splitlines()
    known = {key(line) for line in kept}
    if not any(key(line) not in known and lost_kind(line) for line in page):
        return text  # the usual case, decided without aligning the two
    # The page's lines in order, each matched to the next kept line that equals it: the lines between two
    # matched ones are what trafilatura dropped there (linear; difflib took 40 ms on a page of 63 stories).
    at: dict[str, list[int]] = {}
    for j, line in enumerate(kept):
        if k := key(line):
            at.setdefault(k, []).append(j)
    inserts: list[tuple[int, list[str]]] = []
    lost: list[str] = []
    nxt, matched = 0, False
    for line in page:
        found = at.get(key(line), ())
        k = bisect.bisect_left(found, nxt)
        if k == len(found):
            lost.append(line)
            continue
        j = found[k]
        back = [lost_line for lost_line in lost if lost_kind(lost_line)]
        if matched and back and len(lost) <= _LOST_HEAD_LINES and all(len(x) <= _LOST_HEAD_CHARS for x in lost):
            inserts.append((j, back))
        lost, nxt, matched = [], j + 1, True
    out = text.splitlines()
    for j, back in reversed(inserts):
        out[j:j] = back
    return "\n".join(out)


def read_html(data: bytes) -> Extracted:
    """The HTML reader: the page's main text (offsets refer to it), its <h1> or <title> (a
    one-story page's title), and its <title> without the site's name plus that name."""
    html = decode_text(data).lstrip("\ufeff")  # offsets index the extracted text, not the file
    text, title = html_to_text(html)
    page_title, site = html_titles(html)
    if page_title and not re.search(r"<h1\b", html, re.IGNORECASE):
        title = page_title  # the <title> without "| Site" when there is no <h1>
    return Extracted(text, title, site=site, doc_title=page_title)
