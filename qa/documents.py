"""Corpus files -> documents -> news items, with exact character offsets.

A *document* is one file. Its ``text`` is the decoded file content, byte-for-byte decoded and
never newline-translated or stripped (a leading byte-order mark is the one thing dropped), so
every offset a later step cites points into exactly what the user has on disk. HTML is the
exception: its ``text`` is the plain text extracted from the page, and offsets refer to that.

Scraped news pages carry page furniture (cookie banners, rating widgets, pagination, share
bars, photo-caption names) and often hold several stories. ``parse_text`` drops the furniture
and cuts the rest into *items* (one news story each), every item a list of *blocks*
(paragraphs) whose offsets are exact. The rules are general, never tied to one site:

* a run of separator furniture (rating widget, "Read more", pagination ...) after some prose
  ends the current item;
* a headline-like line (short, no closing period) after some prose starts a new item;
* in a page without separators that carries at least ``_MIN_DATED_LEADS`` dated leads
  ("On 28-29 October 2021, ..."), every dated lead starts a new item.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from qa.config import SUPPORTED_SUFFIXES

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_SUFFIXES = (".html", ".htm")
_TITLE_MAX = 90
_MIN_DATED_LEADS = 3  # fewer dated leads than this look like one article that mentions dates
_LEAD_DATE_WINDOW = 100  # a date this close to the paragraph start is "the lead's date"
_FIRST_SENTENCE_MAX = 400


class DocumentError(Exception):
    """A file that cannot be read as a document; str(e) is a one-line reason for the user."""


@dataclass(frozen=True)
class Block:
    """One paragraph of real content: ``Document.text[start:end]``, whitespace-trimmed."""

    start: int
    end: int


@dataclass
class Item:
    """One news item (a whole single-article page is one item)."""

    index: int
    title: str
    date: str | None  # ISO "YYYY-MM-DD" / "YYYY-MM" / "YYYY" of the heading's or lead's first date
    start: int
    end: int
    blocks: list[Block]


@dataclass
class Document:
    """One corpus file. For HTML, ``text`` is the extracted plain text; offsets refer to it."""

    path: str
    text: str
    sha256: str
    items: list[Item]


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


# --------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # Russian, nominative and genitive ("10 августа 2022 года"): common in this domain.
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
# English month names are capitalised so that "may" the verb is never a month.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
    r"|(?:январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?"
    r"|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])"
)
_MONTH_G = rf"(?:{_MONTH})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_RANGE = r"\s*(?:-|–|—|\bto\b|\btill\b|\buntil\b|\bthrough\b|\band\b|&|по|-го)\s*"
_DMY = rf"(?<!\d){_DAY}(?:\s+(?:of\s+)?{_MONTH_G})?(?:{_RANGE}{_DAY})?(?:\s+of)?\s+{_MONTH_G},?\s+{_YEAR}"
_MDY = rf"\b{_MONTH_G}\s+{_DAY}(?:{_RANGE}(?:{_MONTH_G}\s+)?{_DAY})?,?\s+{_YEAR}"
_ISO = r"(?<!\d)(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:3[01]|[12]\d|0[1-9])(?!\d)"
_DOTTED = r"(?<![\d.])(?:3[01]|[12]\d|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:19|20)\d\d(?![\d.]\d)"
_FULL_DATE_RE = re.compile(rf"{_DMY}|{_MDY}|{_ISO}|{_DOTTED}")
_MONTH_YEAR_RE = re.compile(rf"\b{_MONTH_G},?\s+{_YEAR}")
_YEAR_ONLY_RE = re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Вв])\s+({_YEAR})\b(?!\s*[-–]\s*\d)")
_MONTH_TOKEN_RE = re.compile(_MONTH)
_DAY_TOKEN_RE = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_YEAR_TOKEN_RE = re.compile(r"(?:19|20)\d\d")
_ISO_PARTS_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_DOTTED_PARTS_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def _month_number(token: str) -> int | None:
    low = token.lower().rstrip(".")
    for stem in sorted(_MONTHS, key=len, reverse=True):  # longest stem first: "март" before "ма"
        if low.startswith(stem):
            return _MONTHS[stem]
    return None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text for a (partial) date, or None when it is not a real calendar date."""
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _full_date_iso(matched: str) -> str | None:
    """A matched full date (possibly a range) -> ISO of its first day."""
    if m := _ISO_PARTS_RE.fullmatch(matched):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _DOTTED_PARTS_RE.fullmatch(matched):
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    # Ranges name the first day first and the first month first, whatever the order:
    # "From 3 to 7 February 2025", "February 26 to March 1, 2024", "28-29 October 2021".
    month_m = _MONTH_TOKEN_RE.search(matched)
    years = _YEAR_TOKEN_RE.findall(matched)
    without_year = _YEAR_TOKEN_RE.sub(" ", matched)
    day_m = _DAY_TOKEN_RE.search(without_year)
    if not (month_m and years and day_m):
        return None
    month = _month_number(month_m.group())
    return _iso(int(years[-1]), month, int(day_m[1])) if month else None


def find_date(text: str) -> str | None:
    """The first date stated in ``text`` as ISO: a full date, else month + year, else "in YYYY"."""
    if m := _FULL_DATE_RE.search(text):
        if iso := _full_date_iso(m.group()):
            return iso
    if m := _MONTH_YEAR_RE.search(text):
        month = _month_number(_MONTH_TOKEN_RE.search(m.group()).group())
        year = int(_YEAR_TOKEN_RE.findall(m.group())[-1])
        if month and (iso := _iso(year, month)):
            return iso
    if m := _YEAR_ONLY_RE.search(text):
        return _iso(int(m[1]))
    return None


# --------------------------------------------------------------------------------------------
# Sentences

_SENTENCE_END_RE = re.compile(r"[.!?…](?=[\"'”’»)\]]*\s+[\"'“‘«(\[]?[A-ZА-ЯЁ0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos gen col lt maj sgt capt rev jr sr inc ltd co corp vs etc "
    "e.g i.e u.s u.k u.n approx art para fig dept govt jan feb mar apr jun jul aug sep sept "
    "oct nov dec g г ул".split()
)
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_INITIALS_RE = re.compile(r"(?:[A-ZА-ЯЁ]\.)*[A-ZА-ЯЁ]")


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (abbreviations and initials like "R.A." do not end it)."""
    head = text[: _FIRST_SENTENCE_MAX * 2]
    for m in _SENTENCE_END_RE.finditer(head):
        if m.group() == ".":
            word_m = _WORD_BEFORE_RE.search(head, 0, m.start())
            word = word_m.group(1) if word_m else ""
            # An initial ("R.", "R.A.") or a known abbreviation ("Mr.") does not end a sentence.
            if word.lower() in _ABBREVIATIONS or _INITIALS_RE.fullmatch(word):
                continue
        return head[: m.end()]
    return head


def _cut_title(text: str) -> str:
    """The lead as a title: its first sentence, cut at a word boundary to ``_TITLE_MAX`` chars."""
    sentence = " ".join(first_sentence(text).split())
    if len(sentence) <= _TITLE_MAX:
        return sentence
    cut = sentence[: _TITLE_MAX - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


# --------------------------------------------------------------------------------------------
# Furniture: page chrome that is not content

_SEP, _NOSEP = True, False
# (pattern, does a run of it separate items?) Whole-line matches on short lines.
_FURNITURE_LINES = [
    (r"rate this (?:item|article|post|page)|\(?\d+ votes?\)?|rating:?\s*[\d.]+\s*(?:/\s*\d+)?", _SEP),
    # "Page 13 of 38"; "« Start Prev 1 2 ... Next End »" (a bare number alone stays: it may be data)
    (r"page \d+ of \d+|(?=.*(?:[«»‹›]|\bprev|\bnext\b))(?:[«»‹›<>|…]|\.\.\.|\d+|start|first"
     r"|prev(?:ious)?|next|end|last|\s)+", _SEP),
    (r"read (?:more|full (?:story|article))\W*|continue reading\W*|more\W*", _SEP),
    (r"(?:share|print|e-?mail|tweet|facebook|twitter|linkedin|whatsapp|telegram|vk)"
     r"(?:\s*(?:this|article|page|on \w+))?\W*", _SEP),
    (r"other news in\b.*|(?:related|more|latest|recent|top) (?:news|articles|posts|stories)\W*"
     r"|see also\W*|back to (?:top|list)\W*", _SEP),
    (r"[\w ]{1,40}\(\d+\)", _SEP),  # counters: "Breaking news (456)", "Comments (3)"
    (r"(?:source|photo|photos|image|credit|credits|tags|author|posted by)\s*:.{0,80}", _SEP),
    (r"(?:[-=*_~]\s*){3,}", _SEP),  # horizontal rules
    (r"i got it\W*|got it\W*|ok\W*|accept(?: all)?(?: cookies)?\W*|reject all\W*|decline\W*"
     r"|(?:manage )?(?:cookie )?(?:settings|preferences)\W*|(?:cookie|privacy) (?:policy|notice)\W*",
     _NOSEP),
    (r"wrapper|advertisement|sponsored|menu|home|search|log ?in|sign ?in|sign up|subscribe"
     r"|skip to (?:main )?content|close|toggle navigation|all rights reserved\W*"
     r"|(?:©|\(c\)|copyright).{0,80}", _NOSEP),
]  # fmt: skip
_FURNITURE_RES = [(re.compile(p, re.IGNORECASE), sep) for p, sep in _FURNITURE_LINES]
_COOKIE_RE = re.compile(
    r"\b(?:we|this (?:web)?site) uses? cookies\b|\bcookie (?:policy|settings|consent)\b"
    r"|\bby continuing to (?:use|browse)\b",
    re.IGNORECASE,
)
_MENU_SEP_RE = re.compile(r"\s[|•·]\s")
_SHORT_LINE = 80
_REPEAT_MAX = 40  # short lines repeated this short or shorter are page chrome
_NAME_RE = re.compile(r"(?:[A-ZА-ЯЁ][\w'’-]*\.?\s+){1,2}[A-ZА-ЯЁ][\w'’-]*")
_HAS_DIGIT_RE = re.compile(r"\d")


def _furniture_kind(line: str) -> bool | None:
    """None if ``line`` is not furniture; else whether a run of it separates items."""
    if len(line) <= 400 and _COOKIE_RE.search(line):
        return _NOSEP
    if len(line) > _SHORT_LINE:
        return None
    for regex, separates in _FURNITURE_RES:
        if regex.fullmatch(line):
            return separates
    parts = _MENU_SEP_RE.split(line)
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return _NOSEP  # "Home | About | Contact"
    return None


def _is_name_line(line: str) -> bool:
    """2-3 capitalised words and nothing else: a byline or a photo-caption name."""
    return len(line) <= 60 and not _HAS_DIGIT_RE.search(line) and bool(_NAME_RE.fullmatch(line))


# --------------------------------------------------------------------------------------------
# Paragraph kinds

_PROSE, _FURNITURE, _NAME, _DATELINE, _HEADLINE, _HEADING = (
    "prose", "furniture", "name", "dateline", "headline", "heading",
)  # fmt: skip
_MD_HEADING_RE = re.compile(r"(#{1,6})\s+(.*?)(?:\s+#+)?")
_BULLET_RE = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")
_CLOSERS = "\"'”’»)]"
_HEADLINE_WORDS = (4, 30)
_HEADLINE_MAX_CHARS = 250
_DATELINE_MAX_CHARS = 60
_DATELINE_FILLER_RE = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|posted|published|updated"
    r"|date|on|at|\d{1,2}:\d\d(?:\s*[ap]m)?)\W*",
    re.IGNORECASE,
)
_CONTINUATION_RE = re.compile(
    r"(?:Besides|Also|In addition|Additionally|Furthermore|Moreover|Meanwhile|Looking ahead"
    r"|Similarly|Likewise|However|Then|Later|Subsequently|Next|Finally|Earlier|Previously"
    r"|Following (?:this|that)|After (?:that|this)|At the same time|In turn|As a result"
    r"|Prior to (?:this|that))\b"
)
# A date late in a long first sentence is still the lead's date when the main verb owns it:
# "The meeting of ... was held on October 13, 2021 in Almaty."
_EVENT_VERB_BEFORE_RE = re.compile(
    r"\b(?:held|took place|take place|takes place|met|opened|organi[sz]ed|conducted|hosted"
    r"|launched|started|began|convened|visited|attended|signed)\s+(?:on|from|between)?\s*$"
)


@dataclass
class _Para:
    start: int
    end: int
    kind: str
    separates: bool = False  # furniture only
    level: int = 0  # markdown headings only
    title: str = ""  # markdown headings only
    dated_lead: bool = False


def _lines(text: str) -> list[tuple[int, int, bool]]:
    """Non-blank lines as (start, end, blank_line_before), trimmed of surrounding whitespace."""
    out: list[tuple[int, int, bool]] = []
    prev_end = 0
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = start + len(stripped)
        gap = text[prev_end:start]
        blank_before = (gap.count("\n") or gap.count("\r")) >= 2
        out.append((start, end, blank_before))
        prev_end = end
    return out


def _looks_hard_wrapped(text: str, lines: list[tuple[int, int, bool]]) -> bool:
    """Blank-line paragraphs whose lines are wrapped at a fixed width (e.g. hand-written .md)."""
    if not any(blank for _, _, blank in lines):
        return False  # one paragraph per line, as scraped pages are
    inner = [text[s:e] for (s, e, _), (_, _, blank) in zip(lines, lines[1:]) if not blank and e - s >= 30]
    if len(inner) < 3:
        return False
    open_ended = sum(1 for ln in inner if ln.rstrip(_CLOSERS)[-1:] not in ".!?:;")
    lengths = sorted(len(ln) for ln in inner)
    return open_ended / len(inner) >= 0.5 and lengths[len(lengths) // 2] >= 40


def _is_headline_like(line: str) -> bool:
    if len(line) > _HEADLINE_MAX_CHARS:
        return False
    if not (_HEADLINE_WORDS[0] <= len(line.split()) <= _HEADLINE_WORDS[1]):
        return False
    first = line.lstrip(_CLOSERS + "“‘«(")[:1]
    return first.isupper() and line.rstrip(_CLOSERS)[-1:] not in ".,;:" and any(c.islower() for c in line)


def _is_dateline(line: str) -> bool:
    """A line that is only a date ("4 March 2024", "Monday, 04.03.2024 10:30")."""
    if len(line) > _DATELINE_MAX_CHARS:
        return False
    m = _FULL_DATE_RE.search(line)
    if not m:
        return False
    rest = (line[: m.start()] + " " + line[m.end() :]).split()
    rest = [w for w in rest if not _DATELINE_FILLER_RE.fullmatch(w) and re.search(r"\w", w)]
    return len(rest) == 0


def is_dated_lead(para: str) -> bool:
    """Does the paragraph open with the date of its event (the way a news item starts)?"""
    if _CONTINUATION_RE.match(para):
        return False
    sentence = first_sentence(para[: _FIRST_SENTENCE_MAX * 2])[:_FIRST_SENTENCE_MAX]
    for m in _FULL_DATE_RE.finditer(sentence):
        if m.start() <= _LEAD_DATE_WINDOW:
            return True
        if _EVENT_VERB_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start()):
            return True
    return False


def _classify(text: str, lines: list[tuple[int, int, bool]], markdown: bool) -> list[_Para]:
    """One _Para per line (or per wrapped paragraph), with its kind."""
    short_counts = Counter(
        text[s:e] for s, e, _ in lines if e - s <= _REPEAT_MAX
    )
    paras: list[_Para] = []
    wrapped = _looks_hard_wrapped(text, lines)
    for start, end, blank_before in lines:
        line = text[start:end]
        para = _classify_line(line, start, end, markdown, short_counts)
        prev = paras[-1] if paras else None
        if (
            wrapped and prev is not None and not blank_before
            and prev.kind in (_PROSE, _HEADLINE) and para.kind in (_PROSE, _HEADLINE)
            and not _BULLET_RE.match(line)
        ):
            prev.end = end  # a wrapped continuation line joins its paragraph
            prev.kind = _PROSE
            continue
        paras.append(para)
    for p in paras:
        if p.kind == _PROSE:
            p.dated_lead = is_dated_lead(text[p.start : p.end])
    # A headline-like line is a headline only if content follows it; else it is prose.
    for i, p in enumerate(paras):
        if p.kind == _HEADLINE and not any(q.kind in (_PROSE, _HEADLINE) for q in paras[i + 1 : i + 4]):
            p.kind = _PROSE
    return paras


def _classify_line(line: str, start: int, end: int, markdown: bool, short_counts: Counter) -> _Para:
    if markdown and (m := _MD_HEADING_RE.fullmatch(line)):
        return _Para(start, end, _HEADING, level=len(m[1]), title=m[2].strip())
    separates = _furniture_kind(line)
    if separates is not None:
        return _Para(start, end, _FURNITURE, separates=separates)
    if _is_dateline(line):
        return _Para(start, end, _DATELINE)
    if len(line) <= _REPEAT_MAX and short_counts[line] >= 2 and not line.rstrip(_CLOSERS).endswith("."):
        return _Para(start, end, _FURNITURE, separates=True)  # per-item widget text
    if _is_name_line(line):
        return _Para(start, end, _NAME)
    if _is_headline_like(line):
        return _Para(start, end, _HEADLINE)
    return _Para(start, end, _PROSE)


# --------------------------------------------------------------------------------------------
# Items


@dataclass
class _Draft:
    paras: list[_Para] = field(default_factory=list)
    title: str | None = None
    has_prose: bool = False
    has_dated_lead: bool = False


def _assemble(paras: list[_Para], split_on_dates: bool) -> tuple[list[_Draft], int]:
    """Group paragraphs into item drafts; also returns how many splits separators caused."""
    drafts = [_Draft()]
    separator_splits = 0
    pending_separator = False
    prev_kind = None
    for i, p in enumerate(paras):
        cur = drafts[-1]
        if p.kind == _FURNITURE:
            pending_separator |= p.separates and cur.has_prose
            prev_kind = p.kind
            continue
        kind = p.kind
        if kind == _NAME:
            next_kind = paras[i + 1].kind if i + 1 < len(paras) else None
            if not cur.has_prose or _NAME in (prev_kind, next_kind):
                prev_kind = kind
                continue  # caption names / bylines before the body
            kind = _PROSE  # a short capitalised line inside an article: keep it
        starts_item = cur.has_prose and (
            pending_separator
            or kind in (_DATELINE, _HEADLINE)
            or (kind == _HEADING and p.level <= 2)
            # Prose before the first dated lead is that item's preamble, not an item of its own.
            or (split_on_dates and p.dated_lead and (cur.has_dated_lead or len(drafts) > 1))
        )
        if starts_item:
            separator_splits += pending_separator
            drafts.append(_Draft())
            cur = drafts[-1]
        pending_separator = False
        if kind == _HEADING:
            cur.title = cur.title or p.title
        else:
            cur.paras.append(_Para(p.start, p.end, kind, dated_lead=p.dated_lead))
        cur.has_prose |= kind == _PROSE
        cur.has_dated_lead |= p.dated_lead
        prev_kind = kind
    return drafts, separator_splits


def _merge_proseless(drafts: list[_Draft]) -> list[_Draft]:
    """A draft without prose (a stray dateline or headline) joins the item before it."""
    out: list[_Draft] = []
    for d in drafts:
        if not d.paras:
            continue
        if not d.has_prose and out:
            out[-1].paras.extend(d.paras)
            continue
        out.append(d)
    return out


def _finish(text: str, drafts: list[_Draft]) -> list[Item]:
    items: list[Item] = []
    for d in drafts:
        blocks = [Block(p.start, p.end) for p in d.paras]
        if not blocks:
            continue
        header = []  # datelines and headlines before the first prose paragraph
        lead = None
        for p in d.paras:
            if p.kind == _PROSE:
                lead = text[p.start : p.end]
                break
            header.append(p)
        title = d.title
        if title is None:
            headlines = [text[p.start : p.end] for p in header if p.kind == _HEADLINE]
            title = " ".join(headlines[0].split()) if headlines else None
        if title is None:
            title = _cut_title(lead if lead is not None else text[blocks[0].start : blocks[0].end])
        date = None
        for source in [text[p.start : p.end] for p in header] + [d.title or "", (lead or "")[:2000]]:
            if source and (date := find_date(source)):
                break
        items.append(Item(len(items), title, date, blocks[0].start, blocks[-1].end, blocks))
    return items


def parse_text(text: str, *, markdown: bool = False) -> list[Item]:
    """The pure part: furniture removal + item splitting + titles + dates over decoded text.

    With ``markdown=True``, ``#`` headings become item titles (not blocks) and ``#``/``##``
    headings after some prose start a new item.
    """
    paras = _classify(text, _lines(text), markdown)
    drafts, separator_splits = _assemble(paras, split_on_dates=False)
    # Pages with no separators may still list several stories, each opening with its date.
    if separator_splits == 0 and sum(p.dated_lead for p in paras) >= _MIN_DATED_LEADS:
        drafts, _ = _assemble(paras, split_on_dates=True)
    return _finish(text, _merge_proseless(drafts))


# --------------------------------------------------------------------------------------------
# Bytes -> text

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}
# File signatures of common binary formats that can hide behind a .txt name.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ",
    b"\x1f\x8b", b"BZh", b"7z\xbc\xaf", b"Rar!", b"\xd0\xcf\x11\xe0", b"RIFF", b"OggS", b"ID3",
    b"SQLite format 3",
)  # fmt: skip
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_CONTROL_MAX_RATIO = 0.02
_SAMPLE = 1 << 20


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return bool(sample) and len(_CONTROL_RE.findall(sample)) / len(sample) > _CONTROL_MAX_RATIO


def _letter_ratio(text: str) -> float:
    """Share of non-ASCII characters that are letters: mis-decoded text is full of symbols."""
    non_ascii = [c for c in text[:_SAMPLE] if ord(c) > 127]
    return sum(c.isalpha() for c in non_ascii) / len(non_ascii) if non_ascii else 1.0


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split(" ", 1)[0]  # "CYRILLIC", "LATIN", "CJK", "HALFWIDTH" ...
    except ValueError:
        return "?"



def _readability(text: str) -> float:
    """How much a decoding reads like real text (higher is better), from its non-ASCII part:
    the share of letters, times the share of letters in the dominant script (mis-decoded bytes
    scatter over scripts: "崹ﾉﾗﾅﾔ"), less the share of words that flip from lower to upper case
    mid-word (KOI8-R read as cp1251: "рТЙЧЕФ") or mix Latin with another script ("Kцln", "K闤n")."""
    sample = text[: 1 << 16]
    letters = [c for c in sample if ord(c) > 127 and c.isalpha()]
    if not letters:
        return _letter_ratio(sample)
    scripts = Counter(_script(c) for c in letters)
    coherence = scripts.most_common(1)[0][1] / len(letters)
    words = [w for w in re.findall(r"[^\W\d_]{2,}", sample) if not w.isascii()]
    odd = 0
    for w in words:
        flips = any(a.islower() and b.isupper() for a, b in zip(w, w[1:]))
        mixed = any(c.isascii() for c in w) and any(not c.isascii() and _script(c) != "LATIN" for c in w)
        odd += flips or mixed
    return _letter_ratio(sample) * coherence - (odd / len(words) if words else 0.0)


_MAX_BAD_UTF8 = 0.01  # invalid bytes per non-ASCII byte that still make "UTF-8 with a few bad bytes"


def _decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few invalid bytes (a truncated download, one bad byte in a long text): the
    text with U+FFFD for the bad bytes, or None if the bytes do not look like UTF-8 at all."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if multibyte == 0:
        return None  # ASCII plus stray high bytes: a legacy single-byte encoding reads it better
    high = sum(1 for b in data if b > 127)
    return text if bad <= max(1, _MAX_BAD_UTF8 * high) else None


def decode(data: bytes) -> str:
    """Bytes -> text: UTF-8 (a leading BOM is dropped; a few invalid bytes in otherwise valid
    UTF-8 become U+FFFD), UTF-16 with BOM, else a detected legacy encoding (charset-normalizer,
    cp1251, KOI8-R or cp1252, whichever reads best: short Russian texts are often mistaken for other
    code pages). Raises DocumentError for binary."""
    binary = DocumentError("binary file (not text)")
    for bom, codec in _UTF16_BOMS.items():
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError:
                raise binary from None
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM) :]
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data[:_SAMPLE]:
        raise binary
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_mostly_utf8(data)
        if text is None:
            text = _decode_legacy(data)
    if _looks_binary(text):
        raise binary
    return text


_LEGACY_FALLBACKS = ("cp1251", "koi8_r", "cp1252")


def _decode_legacy(data: bytes) -> str:
    import charset_normalizer  # imported lazily: only non-UTF-8 files need it

    best = charset_normalizer.from_bytes(data[: 4 * _SAMPLE]).best()
    candidates = []
    if best is not None:
        try:
            candidates.append(data.decode(best.encoding))
        except (UnicodeDecodeError, LookupError):
            candidates.append(str(best))
    for codec in _LEGACY_FALLBACKS:
        try:
            candidates.append(data.decode(codec))
        except UnicodeDecodeError:
            pass
    if not candidates:
        raise DocumentError("binary file (not text)")
    # max() keeps the first of equals: charset-normalizer's answer wins unless another reads better.
    return max(candidates, key=_readability)


# --------------------------------------------------------------------------------------------
# HTML -> text


class _TextCollector(HTMLParser):
    """Fallback extractor: visible text, one line per block element."""

    _SKIP = {"script", "style", "noscript", "template", "head", "svg"}
    _BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
              "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "title"}  # fmt: skip

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _strip_tags(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _html_title(html: str) -> str | None:
    """The page's <h1>, else its <title>."""
    for pattern in (r"<h1\b[^>]*>(.*?)</h1\s*>", r"<title\b[^>]*>(.*?)</title\s*>"):
        if m := re.search(pattern, html, re.IGNORECASE | re.DOTALL):
            title = " ".join(_strip_tags(m.group(1)).split())
            if title:
                return title
    return None


def html_to_text(html: str) -> tuple[str, str | None]:
    """Main text of an HTML page (trafilatura, else plain tag stripping) and its title."""
    text = None
    try:
        import trafilatura

        text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    except Exception:  # noqa: BLE001 - a page trafilatura chokes on still has tag-strippable text
        text = None
    if not text or not text.strip():
        text = _strip_tags(html)
    return text, _html_title(html)


# --------------------------------------------------------------------------------------------
# Files


def _human_size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" or n >= 10 else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.0f} GB"  # pragma: no cover


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def load_document(path: Path, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file (raises DocumentError with a one-line reason)."""
    path, root = Path(path), Path(root)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(f"unsupported type {suffix or '(no extension)'}")
    try:
        try:
            st = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                raise DocumentError("broken symbolic link (its target does not exist)") from None
            raise DocumentError("the file disappeared while indexing") from None
        if not stat.S_ISREG(st.st_mode):  # a FIFO or device named .txt would block or never end
            raise DocumentError("not a regular file")
        size = st.st_size
        if size > max_bytes:
            raise DocumentError(f"too large ({_human_size(size)} > {_human_size(max_bytes)} limit)")
        with open(path, "rb") as fh:  # bytes, never text mode: offsets must match the file
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError("the file disappeared while indexing") from None
    except OSError as e:
        raise DocumentError(f"unreadable: {(e.strerror or str(e)).lower()}") from None
    if len(data) > max_bytes:  # the file grew after stat()
        raise DocumentError(f"too large (> {_human_size(max_bytes)} limit)")
    if not data.strip():
        raise DocumentError("empty file")
    text = decode(data)
    if not text.strip():
        raise DocumentError("empty file")
    title = None
    if suffix in _HTML_SUFFIXES:
        text, title = html_to_text(text)
    items = parse_text(text, markdown=suffix in _MARKDOWN_SUFFIXES)
    if not items:
        raise DocumentError("no text content (only page furniture)")
    if title and len(items) == 1:
        items[0].title = title
        items[0].date = items[0].date or find_date(title)
    return Document(_relative(path, root), text, hashlib.sha256(data).hexdigest(), items)


def _walk(root: Path) -> list[Path]:
    """Every non-hidden file under root, sorted; symlinked directories are not followed (no loops)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / f for f in filenames if not f.startswith("."))
    return sorted(found, key=lambda p: _relative(p, root))


def iter_corpus_files(root: Path) -> list[Path]:
    """Supported files under root, recursively, sorted; hidden files/dirs skipped, loop-safe."""
    return [p for p in _walk(Path(root)) if p.suffix.lower() in SUPPORTED_SUFFIXES]


def load_corpus(root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Document], list[Skipped]]:
    """All documents under root; unusable files (unsupported ones too) come back as Skipped."""
    root = Path(root)
    if not root.is_dir():
        raise DocumentError(f"corpus folder not found: {root}")
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for path in _walk(root):
        try:
            docs.append(load_document(path, root, max_bytes))
        except DocumentError as e:
            skipped.append(Skipped(_relative(path, root), str(e)))
        except Exception as e:  # noqa: BLE001 - one bad file must never stop the whole corpus
            skipped.append(Skipped(_relative(path, root), f"unreadable: {type(e).__name__}: {e}".splitlines()[0]))
    return docs, skipped
