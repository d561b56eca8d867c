"""Text extracted from paged (PDF) and structured (Word) files, and the rules that clean it.

A reader turns a file into an ``Extracted`` (``qa.ingest.readers``): the *extracted text* (what the project stores and
what every ``start``/``end`` indexes: ``qa text DOC`` prints it), the offset where each page
starts, and *sections* (an item each: a PDF page, a Word heading's part) whose *blocks* are the
content paragraphs. What a block leaves out stays in the text but is never indexed: repeated
page headers and footers and page numbers, found by general rules (``furniture_lines``).

Words hyphenated across a line break ("embank-\\nment") stay as they are in the extracted text
and are joined in the *search text* (``search_text``), a string of the same length in which
"embank-\\nment was" reads "embankment   was". Sentences, chunks, vectors and BM25 use the
search text; because both strings have the same length, every offset found in one is the same
offset in the other, so answers are still sliced from the extracted text.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from qa.ingest.dates import FULL_DATE_RE, find_date, heading_date
from qa.ingest.labels import published_date
from qa.ingest.readers import CELL_SEPARATOR, Extracted, Section

PAGE_BREAK = "\n\f\n"  # between pages in the extracted text: `qa text` shows pages like pdftotext


def page_of(page_starts: tuple[int, ...] | list[int] | None, offset: int) -> int | None:
    """The 1-based page holding text offset ``offset`` (None for unpaged documents)."""
    if not page_starts:
        return None
    return max(1, bisect.bisect_right(page_starts, offset))


# ---------------------------------------------------------------------------- hyphenation

# A letter, a hyphen at the end of a line, the rest of the word on the next line (lower case:
# "Anglo-\nSaxon" keeps its hyphen as a real compound would), or on the next page: the footer and header between
# are blank lines by then (_without_furniture).
_HYPHEN_BREAK_RE = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]*(?=[a-zа-яё])")
_WORD_REST_RE = re.compile(r"[^\W_]*")


@functools.lru_cache(maxsize=2)  # a build reads one document's search text five times over, one after the other
def search_text(text: str) -> str:
    """``text`` read as prose, at the same length: words hyphenated across a line break joined,
    and line breaks as spaces (a PDF breaks lines where the page is full, not where a sentence
    ends; paragraphs are kept apart by the blocks, not by the text).

    The removed hyphen and line break move behind the joined word as spaces, so text outside
    such words keeps its offsets, and a word's first character stays where it was.

    A paged text's furniture (``furniture_lines``) and its page breaks are blanks: a paragraph that goes on over a
    page break (``from_pages``) reads on from one half to the other, without the page's footer and the next page's
    header between them. No other block holds furniture, so nothing else reads differently."""
    return _join_hyphens(_without_furniture(text)).replace("\r", " ").replace("\n", " ")


def _without_furniture(text: str) -> str:
    """A paged text with its furniture lines as spaces and its page breaks as blank lines, at the same length."""
    if PAGE_BREAK not in text:
        return text
    pages = text.split(PAGE_BREAK)
    out: list[str] = []
    for page, drop in zip(pages, furniture_lines(pages)):
        at = 0
        for s, e in (span for i, span in enumerate(page_lines(page)) if i in drop):
            out += [page[at:s], " " * (e - s)]
            at = e
        out += [page[at:], "\n \n"]
    return "".join(out)[: len(text)]


def _join_hyphens(text: str) -> str:
    if "-" not in text:
        return text
    out: list[str] = []
    pos = 0
    for m in _HYPHEN_BREAK_RE.finditer(text):
        if m.start() < pos:
            continue  # inside a word joined already
        rest = _WORD_REST_RE.match(text, m.end())
        out.append(text[pos : m.start()])
        out.append(rest.group())
        out.append(" " * (m.end() - m.start()))
        pos = rest.end()
    out.append(text[pos:])
    joined = "".join(out)
    assert len(joined) == len(text)
    return joined


# ---------------------------------------------------------------------------- page furniture

EDGE_LINES = 3  # lines looked at from each edge of a page for headers, footers and numbers
_FURNITURE_MAX_CHARS = 150  # running headers are short; a repeated paragraph is content
_REPEAT_SHARE = 0.5  # a line repeated at the same edge of this share of pages is furniture
# Roman numerals only in lower case ("iv"), so that a word like "Civil" is never a number.
_PAGE_NUMBER_RE = re.compile(
    r"[-–—\s]*(?:(?i:page|p\.|pg\.?|стр\.?|страница|seite|página)\s*)?"
    r"(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?i:of|/|из|von|de)\s*\d{1,4})?[-–—\s]*"
)
_DIGITS_RE = re.compile(r"\d+")


def _norm(line: str) -> str:
    """Page-independent form of an edge line: "Page 3 of 12" and "Page 4 of 12" are one."""
    return " ".join(_DIGITS_RE.sub("#", line).casefold().split())


def page_lines(page: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of a page, trimmed."""
    out = []
    for m in re.finditer(r"[^\n]+", page):
        line = m.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            out.append((m.start() + lead, m.start() + lead + len(line.strip())))
    return out


def furniture_lines(pages: list[str]) -> list[set[int]]:
    """For each page, the indexes (into ``page_lines(page)``) of its header/footer lines.

    General rules, never tied to one producer: at either edge of a page, a line that reads the
    same (numbers aside) in the same place at that edge of at least half of the pages (two at least), or a line
    that is only a page number ("12", "- 12 -", "Page 3 of 40", "стр. 5"). Lines are taken from
    the edge inwards and the first content line stops the walk. A table's row is content: the rows
    "Site 31 | 403 litres" and "Site 64 | 832 litres" atop two pages read the same numbers aside, and a
    header row repeated atop each page of its table is what the rows there are read against."""
    lines = [page_lines(p) for p in pages]
    # keyed by (edge, place from the edge, normalised text): a running header sits in the same
    # place on every page, a sentence that happens to repeat does not
    seen: Counter[tuple[str, int, str]] = Counter()
    for p, ls in zip(pages, lines):
        for n, (s, e) in enumerate(ls[:EDGE_LINES]):
            seen[("top", n, _norm(p[s:e]))] += 1
        for n, (s, e) in enumerate(reversed(ls[-EDGE_LINES:])):
            seen[("bottom", n, _norm(p[s:e]))] += 1
    need = max(2, _REPEAT_SHARE * len(pages))
    out: list[set[int]] = []
    for p, ls in zip(pages, lines):
        drop: set[int] = set()
        for edge, order in (("top", range(len(ls))), ("bottom", range(len(ls) - 1, -1, -1))):
            for n, i in enumerate(order):
                if n >= EDGE_LINES:
                    break
                s, e = ls[i]
                text = p[s:e]
                if CELL_SEPARATOR in text:
                    break  # a table's row: a long table's first and last rows of each page look alike
                repeated = e - s <= _FURNITURE_MAX_CHARS and seen[(edge, n, _norm(text))] >= need
                if repeated or _PAGE_NUMBER_RE.fullmatch(text):
                    drop.add(i)
                else:
                    break
        out.append(drop)
    return out


# ---------------------------------------------------------------------------- paragraphs

_SENTENCE_END = tuple(".!?:;…\"'”’»)")
_HEADING_MAX_WORDS = 10


def _is_heading(line: str, full: float, after_sentence_end: bool) -> bool:
    """A short line without closing punctuation, after a finished sentence: a heading."""
    return (
        after_sentence_end
        and len(line.split()) <= _HEADING_MAX_WORDS
        and len(line) < 0.6 * full
        and not line.endswith(_SENTENCE_END)
        and line[:1].isalnum()
    )


# A line this share of the page's full line width or longer, its cells not parted, is wrapped prose: a writer
# breaks a paragraph's lines where the next word no longer fits, so they run (nearly) full. A table's rows run
# short and ragged, or have their cells parted (CELL_SEPARATOR) when a reader found the table.
_FILLED = 0.8
# A line break its writer made, not the page: the next word would have fitted within this share of a full line.
_FITS = 0.9
# leader dots (". . . . 12", "....... 12") make a line a row of a contents or an index, however long
_LEADER_DOTS = re.compile(r"(?:\. ?){5}")
# A list item's first line: a bullet glyph, a number of one or two digits closed by "." or ")" before a capital
# ("1. Kazakhstan will host …", "2) The budget …"), or a dash. Wrapped prose seldom goes on with one: a number opens an
# item only where the list's count goes on (1, then 2, …) or after a closed sentence ("LEN !=" / "0. With this …"
# is prose), a dash only after a closed sentence or clause ("… as follows:" / "– training of …").
_BULLET_RE = re.compile(r"[•●▪◦‣■□►▸∙]\s")
_NUMBER_ITEM_RE = re.compile(r"\(?(\d{1,2})[.)]\s+[A-ZА-ЯЁ]")
_DASH_ITEM_RE = re.compile(r"[-–—]\s+\w")


def full_width(lines: list[tuple[int, int]]) -> float:
    """The length of a page's full line: the median of its lines at least half as long as its longest (a
    paragraph's last line, a list, a heading or a table run short, and a page may hold more of them than of
    full lines)."""
    lengths = sorted(e - s for s, e in lines)
    if not lengths:
        return 0.0
    long = [n for n in lengths if n >= lengths[-1] / 2]
    return float(long[len(long) // 2])


def row_lines(text: str, lines: list[tuple[int, int]], full: float = 0.0) -> set[int]:
    """Lines that look like table rows: lines whose cells a reader parted (CELL_SEPARATOR), and runs of
    at least three lines, none ending a sentence, each followed by a line starting with a capital or a
    digit (wrapped prose goes on in lower case far more often than that).

    With ``full``, the page's full_width(), a line running (nearly) that full is wrapped prose and in no run:
    a paragraph whose lines go on with a name or a figure ("… representatives of UNODC, the" / "United States,
    the Kingdom of the Netherlands, …") is no table. Without it, any such run is a place to look for a table."""
    rows: set[int] = set()
    run: list[int] = []
    filled = _FILLED * full if full else float("inf")
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if CELL_SEPARATOR in line:
            rows.add(i)
        nxt = text[lines[i + 1][0]] if i + 1 < len(lines) else ""
        open_ended = not line.endswith(_SENTENCE_END) and (
            CELL_SEPARATOR in line or e - s < filled or _LEADER_DOTS.search(line) is not None
        )
        if open_ended and (nxt[:1].isupper() or nxt[:1].isdigit() or (run and not nxt)):
            run.append(i)
            continue
        if run and open_ended:
            run.append(i)
        if len(run) >= 3:
            rows.update(run)
        run = []
    if len(run) >= 3:
        rows.update(run)
    return rows


def paragraph_blocks(text: str, lines: list[tuple[int, int]], opened: bool = False) -> list[tuple[int, int]]:
    """Content lines of a page -> paragraphs as (start, end) in ``text``.

    PDF text has a line break at every printed line and no blank line between paragraphs, so
    paragraphs are rebuilt: a heading is a block of its own (it must not run into the next
    sentence), and a paragraph ends at a line that falls short of the page's full line width and closes a
    sentence, or could have held the next line's first word. With ``opened``, the page opens in the middle of a
    sentence (the page before left it open: ``from_pages``), so its first line is no heading."""
    return [(s, e) for s, e, _ in _paragraphs(text, lines, opened)]


def _paragraphs(text: str, lines: list[tuple[int, int]], opened: bool = False) -> list[tuple[int, int, bool]]:
    """paragraph_blocks, each with whether it is prose (not a heading, not a table's row): only prose goes on over
    a page break."""
    if not lines:
        return []
    full = full_width(lines)
    rows = row_lines(text, lines, full)
    blocks: list[tuple[int, int, bool]] = []
    cur: tuple[int, int] | None = None
    prev_ended = not opened
    counted = 0  # the number of the list's last numbered item
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        item, counted = _list_item(line, prev_ended, counted)
        blank_before = cur is not None and (text.count("\n", cur[1], s) >= 2 or item)
        if i in rows or _is_heading(line, full, prev_ended or blank_before):
            if cur:
                blocks.append((*cur, True))
            blocks.append((s, e, False))
            cur, prev_ended = None, True
            continue
        if cur is None or blank_before:
            if cur:
                blocks.append((*cur, True))
            cur = (s, e)
        else:
            cur = (cur[0], e)
        prev_ended = line.endswith(_SENTENCE_END)
        short = (e - s) < _FILLED * full
        if short and (prev_ended or _broken_by_writer(e - s, text, lines, i, full)):
            blocks.append((*cur, True))
            cur = None
    if cur:
        blocks.append((*cur, True))
    return blocks


def _going_on(text: str, before: tuple[int, int], ran_full: bool, lines: list[tuple[int, int]],
              paras: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]] | None:
    """A page's paragraphs read as opening in the sentence the page before left open (its last paragraph,
    ``before``, is prose that closes no sentence: ``ran_full``, its last line ran the page's full width), when the
    page's first paragraph goes on with it; else None. It goes on when it starts in lower case ("… with a
    handover" / "period of at least two weeks …"), or, being prose when read as a page of its own (no heading, no
    table's row, no list's item), when it starts with a capital or a figure after a word that cannot end a
    sentence ("… from 28 to" / "34 offices.") or after a full line that is no list's item ("… amounted to USD" /
    "4.2 million")."""
    first = text[slice(*lines[0])]
    if first[:1].islower():
        opened = _paragraphs(text, lines, opened=True)
        return opened if opened[0][2] else None
    if not first[:1].isalnum() or not paras[0][2] or _list_item(first, True, 0)[0]:
        return None
    paragraph = text[before[0]:before[1]]
    # a list's item often runs a full line with no full stop: only a word that cannot end it says it goes on
    if _dangles(paragraph) or ran_full and not _list_item(paragraph, True, 0)[0]:
        return paras
    return None


def _open_end(text: str, n: int, last: tuple[int, int, bool], lines: list[tuple[int, int]]) -> tuple[int, bool] | None:
    """(n, whether its last line ran full) when page n's last paragraph is prose that closes no sentence, else None."""
    s, e, prose = last
    line = text[max(s, text.rfind("\n", s, e) + 1):e]
    if not prose or line.endswith(_SENTENCE_END):
        return None
    return n, len(line) >= _FILLED * full_width(lines)


def _dangles(paragraph: str) -> bool:
    """Whether a paragraph stops on a word after which a sentence must go on: a comma, a dash, or a stop word
    ("the", "of", "to", "и", "в")."""
    from qa.lang import stopwords

    words = paragraph.split()
    if not words:
        return False
    last = words[-1]
    return last.endswith((",", "-", "–", "—")) or last.lower() in stopwords("en") | stopwords("ru")


def _list_item(line: str, after_sentence_end: bool, counted: int) -> tuple[bool, int]:
    """Whether a line starts an item of a bulleted or numbered list, which is a paragraph of its own (an item whose
    last line ran long, or closed without a full stop, ran into the next one: "… starting in April 2024" / "• The
    next meeting …", and a list into the sentence that introduced it), and the list's count after it."""
    if (m := _NUMBER_ITEM_RE.match(line)) and (after_sentence_end or int(m.group(1)) == counted + 1):
        return True, int(m.group(1))
    opens = _BULLET_RE.match(line) is not None or (after_sentence_end and _DASH_ITEM_RE.match(line) is not None)
    return opens, counted


def _broken_by_writer(length: int, text: str, lines: list[tuple[int, int]], i: int, full: float) -> bool:
    """Whether a short line ends where its writer broke it (a headline, a caption, a line of an address) rather
    than where the page was full: the next line's first word would have fitted on it, and does not go on in lower
    case (a sentence broken by hand, "verbatim copies" / "of this license document", stays one). Wrapped prose
    moves a word to the next line only when it does not fit. Counted in characters, so with a margin (a line of
    capitals is wider than its count says)."""
    if i + 1 >= len(lines):
        return False
    s, e = lines[i + 1]
    word = text[s:e].split(" ", 1)[0]
    return not word[:1].islower() and length + 1 + len(word) < _FITS * full


# ---------------------------------------------------------------------------- assembling pages

_TITLE_MAX = 90


def _short(title: str) -> str:
    title = " ".join(title.split())
    if len(title) <= _TITLE_MAX:
        return title
    cut = title[: _TITLE_MAX - 1]
    return (cut[: cut.rindex(" ")] if " " in cut else cut).rstrip(" ,;:-") + "…"


def _running_title(pages: list[str], drops: list[set[int]]) -> tuple[str, int] | None:
    """A running header that is not a page number ("Annual Report 2025"), and the first page it heads."""
    for n, (page, drop) in enumerate(zip(pages, drops)):
        for i, (s, e) in enumerate(page_lines(page)):
            if i not in drop:
                break
            line = page[s:e]
            if not _PAGE_NUMBER_RE.fullmatch(line) and sum(c.isalpha() for c in line) >= 3:
                return line, n
    return None


def _document_title(pages: list[str], drops: list[set[int]], wrapped: dict[int, set[int]]) -> str | None:
    """What names a document without a title of its own: a running header, unless the first page with text has none
    and opens with a title of the same words (a report's first page prints its full title, the pages after it a
    short form: "Review of Border Liaison Offices on the Tajik-Afghan and Uzbek-Afghan Borders, 2021-2023" over
    "UNODC … Border Liaison Office Review 2023"; a first page opening on "Executive summary" keeps the header's);
    else the first page's heading."""
    running = _running_title(pages, drops)
    first = _first_heading(pages, drops, wrapped)
    if running is None:
        return first
    first_text = next((n for n, page in enumerate(pages) if page.strip()), 0)
    if first is not None and running[1] > first_text and _words_of(first) & _words_of(running[0]):
        return first
    if first is not None and _DOCUMENT_KIND.search(first) and not _DOCUMENT_KIND.search(running[0]):
        # a header naming its publisher on every page ("Агентство по контролю за наркотиками …") over the first
        # page's "ОБЗОР НАРКОСИТУАЦИИ … ЗА 2023 ГОД": the heading names the document, and the period it is about
        return first
    return running[0]


# the words that name a kind of document: a report's heading says what it is, its publisher's name does not
_DOCUMENT_KIND = re.compile(
    r"(?<!\w)(?:report|review|bulletin|survey|assessment|overview|yearbook|digest|statistics|minutes|programme|"
    r"program|agenda|plan|strategy|memorandum|agreement|decision|resolution|regulations?|statement|newsletter|"
    r"brief|briefing|factsheet|handbook|manual|guide|proceedings|summary|study|"
    r"доклад|отч[её]т|обзор|бюллетен|сводк|справк|протокол|программ|повестк|план|стратеги|меморандум|соглашени|"
    r"решени|постановлени|положени|заявлени|статистик|итог|ежегодник|дайджест|анализ)\w*", re.IGNORECASE)


def _words_of(line: str) -> set[str]:
    """The words of a title that may name its subject: of four letters or more, in lower case."""
    return {w for w in re.findall(r"[^\W\d_]{4,}", line.lower())}


_TITLE_WORDS = (2, 20)
_TITLE_MAX_CHARS = 150


def _first_heading(pages: list[str], drops: list[set[int]], wrapped: dict[int, set[int]]) -> str | None:
    """The first line of the first page with content, with the lines it wraps onto (``wrapped``: page -> indexes
    into page_lines(page), as the reader measured them), when it reads as a title: a report's name ("Northbridge
    Water Authority: Annual Report 2023") on a file with no title of its own and no running header. The page's
    only line is no title: it is the content."""
    for n, (page, drop) in enumerate(zip(pages, drops)):
        lines = [(i, ln) for i, (s, e) in enumerate(page_lines(page)) if i not in drop and (ln := page[s:e].strip())]
        if lines:
            return _heading_at_top(lines, wrapped.get(n, set()))
    return None


def _heading_at_top(lines: list[tuple[int, str]], wrapped: set[int]) -> str | None:
    """The top line of a page and the lines right below it that go on with it (a title too long for one line:
    "… через Центральную" / "Азию за 2023 год"), as one title when they read as one and more of the page follows.
    A wrapped line of prose at the top is no title: its paragraph, read whole, closes a sentence."""
    k = 1
    while k < len(lines) and lines[k][0] in wrapped and lines[k][0] == lines[k - 1][0] + 1:
        k += 1
    title = " ".join(ln for _, ln in lines[:k])
    return title if k < len(lines) and reads_as_title(title) else None


_CLOSERS = "\"'”’»)]"


def reads_as_title(line: str) -> bool:
    """A short line with a capital first and no closing punctuation that is not a date alone. A closing quote or
    bracket ends a title when no stop comes before it: "Бюллетень «Наркоситуация в Центральной Азии»",
    "… Monitoring Initiative (PECMI)", not "… said: «We are ready.»"."""
    bare = line.rstrip(_CLOSERS)
    return (_TITLE_WORDS[0] <= len(line.split()) <= _TITLE_WORDS[1] and len(line) <= _TITLE_MAX_CHARS
            and line[:1].isupper() and bool(bare) and not bare.endswith(_SENTENCE_END + (",",))
            and sum(c.isalpha() for c in line) >= 5 and not _mostly_date(line))


def _mostly_date(line: str) -> bool:
    """A date with at most one other word ("14 March 2024", "Updated 14 March 2024")."""
    m = FULL_DATE_RE.search(line)
    return m is not None and len((line[: m.start()] + " " + line[m.end():]).split()) <= 1


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_HEAD_BLOCKS = 8  # a report's publication line stands under its title, among the first page's first paragraphs


def _document_date(title: str | None, text: str, per_page: list) -> str | None:
    """A dated title; else a day or a month on the first page with content ("March 2025"; an issue's month at its
    top before the day of its first story: qa.ingest.dates.heading_date), not a
    bare year there ("since 1987" is history, not the report's date) nor in a table's row (what the
    row is about: "3 to 21 April 2023" under "Period"); else a year in the title. A publication line on the first
    page ("Published: 29 August 2024") says it before all of them: the title's "January–June 2024" is the period
    the report covers."""
    if per_page and (date := published_date([text[s:e] for s, e in per_page[0][1][:_HEAD_BLOCKS]])):
        return date
    date = find_date(title or "")
    if date is None and per_page:
        blocks = [text[s:e] for s, e in per_page[0][1]]
        found = heading_date("\n".join(b for b in blocks if CELL_SEPARATOR not in b)[:2000])
        date = found if found and len(found) >= 7 else None
    if date is None and title and (m := _YEAR_RE.search(title)):
        date = m.group()
    return date


def from_pages(pages: list[str], title: str | None, wrapped: dict[int, set[int]] | None = None) -> Extracted:
    """Page texts -> the extracted text with page offsets, furniture left out of the blocks,
    one section per page that has content. ``title`` (the file's own) else a running header, else the
    first page's heading (its lines the reader found ``wrapped`` read whole) names every section; with none,
    the caller names them after the file."""
    text_parts: list[str] = []
    starts: list[int] = []
    pos = 0
    for i, page in enumerate(pages):
        if i:
            text_parts.append(PAGE_BREAK)
            pos += len(PAGE_BREAK)
        starts.append(pos)
        text_parts.append(page)
        pos += len(page)
    text = "".join(text_parts)
    drops = furniture_lines(pages)
    per_page: list[tuple[int, list[tuple[int, int]]]] = []
    open_end: tuple[int, bool] | None = None  # (page, its last line ran full) when its last paragraph goes on
    for n, (page, start, drop) in enumerate(zip(pages, starts, drops), 1):
        lines = [(start + s, start + e) for i, (s, e) in enumerate(page_lines(page)) if i not in drop]
        paras = _paragraphs(text, lines)
        if open_end is not None and open_end[0] == n - 1 and paras:
            if (opened := _going_on(text, per_page[-1][1][-1], open_end[1], lines, paras)) is not None:
                # the sentence goes on from the page before: its paragraph takes this page's first one, and the
                # section it is in (the page where it starts) cites it
                joined = per_page[-1][1][-1] = (per_page[-1][1][-1][0], opened[0][1])
                paras = opened[1:]
                if not paras:  # the page held only the sentence's end: its paragraph may go on further still
                    open_end = _open_end(text, n, (*joined, True), lines)
        if paras:
            per_page.append((n, [(s, e) for s, e, _ in paras]))
            open_end = _open_end(text, n, paras[-1], lines)
    if not title:
        title = _document_title(pages, drops, wrapped or {})
    title = _short(title) if title else None
    # The date of a report is on its first page; a date deeper in is what a table or a sentence
    # talks about, so every page carries the first page's.
    date = _document_date(title, text, per_page)
    sections = tuple(
        Section(title or "", blocks[0][0], blocks[-1][1], tuple(blocks), page=n, date=date)
        for n, blocks in per_page
    )
    return Extracted(text, title, pages=tuple(starts), sections=sections)
