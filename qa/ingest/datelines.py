"""Datelines: the "PLACE, date —" that opens a news story, on its own line or at the start of the lead.

A dateline says where and when a story was filed ("ALMATY, 12 October 2022 —", "Astana,
Kazakhstan —", "BISHKEK (Reuters) -", "12.10.2022, Almaty"). It dates the item, but it is not a
sentence of the story: it must be neither an answer nor the item's title. The rules are about
the shape of the text, never about particular places:

* a *dateline prefix* is a short head at the very start of a paragraph, made only of place
  names (capitalised words, comma-separated), at most one date, and at most one news-agency
  name in brackets, ended by a dash that is followed by the story's first capitalised word.
  A single place name alone is not enough ("Kazakhstan — the largest ...", "UNODC — The office
  ..."): the head needs a date, an agency or a "City, Country" pair;
* a *dateline line* is a whole short line of that shape that holds a date (with or without the
  trailing dash), e.g. "ALMATY, 12 October 2022".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from qa.ingest import wording
from qa.ingest.dates import FULL_DATE_RE, find_date

_HEAD_MAX = 90  # characters before the dash: datelines are short
_LINE_MAX = 90
# A capitalised place word: "Almaty", "Nur-Sultan", "ALMATY", "St.", "O'Hare"; up to 3 of them
# ("New York", "Kuala Lumpur", "Nur-Sultan City").
_WORD = r"[A-ZА-ЯЁ][\w'’.-]*"
_PLACE_RE = re.compile(rf"{_WORD}(?:\s+{_WORD}){{0,2}}")


@functools.cache
def _words() -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """Every language's month-and-day form ("Oct. 12", "12 мая"; case-sensitive, so "may" the
    verb is no month), the words a date may carry ("г.", "года", "Monday") and the capitalised
    words that open a sentence rather than name a place ("The", "В"), from qa.lang."""
    filler = re.compile(rf"(?:{wording.field('date_filler')})\W*", re.IGNORECASE)
    return re.compile(wording.field("short_date")), filler, wording.not_places()


_AGENCY_RE = re.compile(r"\s*\(\s*[A-ZА-ЯЁ][\w&.'’/ -]{0,30}\)\s*$")  # "(Reuters)", "(AP)", "(OSCE/UNODC)"
# The dash that ends a dateline: an em or en dash (spaces optional), or a spaced hyphen / "--".
_DASH_RE = re.compile(r"\s*[—–]\s*|\s+-{1,2}\s+")
_STOP_RE = re.compile(r"[.:]\s+")
_BODY_START_RE = re.compile(r"[\"'“‘«(]?[A-ZА-ЯЁ0-9]")
_DATE_MARK = "\x00"


@dataclass(frozen=True)
class Dateline:
    """A dateline found at the start of a paragraph."""

    body: int  # offset into the paragraph where the story's own text starts
    date: str | None  # ISO date of the dateline, when it holds a full date


def _parse_head(head: str) -> tuple[bool, str | None] | None:
    """(is strong, ISO date) if ``head`` is only places + one date + one agency; else None.

    Strong: it holds a date or an agency, or two places ("City, Country"); only a strong head
    is a dateline."""
    head = head.strip()
    if not head or len(head) > _HEAD_MAX:
        return None
    agency = False
    if m := _AGENCY_RE.search(head):
        agency, head = True, head[: m.start()]
    short_date_re, filler_re, not_places = _words()
    date = None
    if m := FULL_DATE_RE.search(head):
        date = find_date(m.group())
        head = head[: m.start()] + _DATE_MARK + head[m.end() :]
    elif m := short_date_re.search(head):
        head = head[: m.start()] + _DATE_MARK + head[m.end() :]
    # "ALMATY (12 October 2022)", "Dushanbe, Tajikistan: 16 October 2022": the date in brackets
    # or after a colon is one more part of the head
    head = re.sub(rf"\s*\(\s*{_DATE_MARK}\s*\)", f", {_DATE_MARK}", head)
    head = re.sub(r":(?=\s)", ",", head)
    # the words after a date go with it: "12 мая 2023 года", "12 мая 2023 г."
    parts = []
    for part in head.split(","):
        words = part.split()
        if words[:1] == [_DATE_MARK] and all(filler_re.fullmatch(w) for w in words[1:]):
            parts.append(_DATE_MARK)
        else:
            parts.append(part.strip())
    places = [p for p in parts if p != _DATE_MARK]
    dated = len(places) < len(parts)
    if not places or len(parts) - len(places) > 1 or len(places) > 3:
        return None
    if not all(_PLACE_RE.fullmatch(p) and p.split()[0].lower() not in not_places for p in places):
        return None
    # A single place alone ("ALMATY —") is too often an organisation's acronym ("UNODC — The
    # office ...") or a subject ("Kazakhstan — the largest ...") to count without a date or agency.
    strong = dated or agency or len(places) >= 2
    return strong, date


def dateline_prefix(para: str) -> Dateline | None:
    """The dateline that opens ``para`` ("ALMATY, 12 October 2022 — The ..."), or None."""
    m = _DASH_RE.search(para, 0, _HEAD_MAX + 4)
    if m is not None and m.start() > 0:
        parsed = _parse_head(para[: m.start()])  # only the first dash: a dateline has one
        if parsed is not None and parsed[0] and _BODY_START_RE.match(para, m.end()):
            return Dateline(m.end(), parsed[1])
    # "BISHKEK, 15 October 2022. The agency ...", "ALMATY, 12 October 2022: Officials ...": a
    # full stop or a colon ends a dateline only after a full date (a head of places alone is too
    # often the start of a sentence)
    for m in _STOP_RE.finditer(para, 0, _HEAD_MAX + 2):
        head = para[: m.start()]
        date = FULL_DATE_RE.search(head)
        if date is None or head[date.end() :].strip(" ,") and not head.rstrip().endswith(")"):
            continue  # the full date ends the head: "BISHKEK, 15 October 2022." (not "On 2 May 2005, Rep.")
        parsed = _parse_head(head)
        if parsed is not None and parsed[1] is not None and _BODY_START_RE.match(para, m.end()):
            return Dateline(m.end(), parsed[1])
    return None


def is_dateline_line(line: str) -> bool:
    """A whole short line that is a dateline with a date: "ALMATY, 12 October 2022 —"."""
    line = line.strip()
    if len(line) > _LINE_MAX:
        return False
    line = re.sub(r"\s*(?:[—–]|-{1,2})\s*$", "", line)
    parsed = _parse_head(line)
    return parsed is not None and FULL_DATE_RE.search(line) is not None


_DATE_ONLY_MAX = 60


@functools.cache
def _date_filler_re() -> re.Pattern:
    """Words a date-only line may hold besides the date, in every language ("Monday", "posted",
    "г."), and a time of day."""
    words = wording.field("date_filler")
    return re.compile(rf"(?:{words}|\d{{1,2}}:\d\d(?:\s*[ap]m)?)\W*", re.IGNORECASE)


# a page's counter of views after its date line's separator: "02.09.2025 | Просмотров: 1 284", "12 May 2024 · 1,284
# views", "Views: 57"; it says how often the story was read, not what it is
_COUNTER_RE = re.compile(
    r"\s*[|·•]\s*(?:(?:views?|просмотр\w*|hits|reads)\s*:?\s*\d[\d\s.,\u00a0\u202f]*"
    r"|\d[\d\s.,\u00a0\u202f]*\s*(?:views?|просмотр\w*))\s*$",
    re.IGNORECASE,
)


def is_date_only_line(line: str) -> bool:
    """A line that is only a date ("4 March 2024", "Monday, 04.03.2024 10:30", "Published: 20 May 2024"), maybe with
    its page's count of views ("02.09.2025 | Просмотров: 1 284")."""
    line = _COUNTER_RE.sub("", line)
    if len(line) > _DATE_ONLY_MAX:
        return False
    m = FULL_DATE_RE.search(line)
    if not m:
        return False
    rest = (line[: m.start()] + " " + line[m.end() :]).split()
    filler = _date_filler_re()
    return not [w for w in rest if not filler.fullmatch(w) and re.search(r"\w", w)]


_BYLINE_MAX = 140
_BYLINE_FIELD_WORDS = 6


def is_byline_line(line: str) -> bool:
    """A line of short fields ending in a full date, which says what the text is, whose and where, and dates it:
    "*Announcement, WCO Regional Training Centre, Almaty, 20 January 2025*", "Пресс-релиз, Региональный центр,
    Алматы, 20 января 2025 г.". Each field before the date opens with a capital and is a few words long: a sentence
    that ends in a date ("The course will be held in Almaty, 14 April 2025") has a longer clause."""
    line = line.strip().strip("*_ ").rstrip(".")
    if len(line) > _BYLINE_MAX:
        return False
    dates = list(FULL_DATE_RE.finditer(line))
    date = dates[-1] if dates else None  # the last: it ends the line
    if date is None or line[date.end():].strip(" .,") not in ("", "г", "года"):
        return False
    fields = [f.strip() for f in line[:date.start()].rstrip(" ,").split(",")]
    return len(fields) >= 2 and all(
        f[:1].isupper() and len(f.split()) <= _BYLINE_FIELD_WORDS and "." not in f.rstrip(".") for f in fields)


def is_date_line(line: str) -> bool:
    """A line that only dates a story: a date alone (with a "Published:" or a weekday), a dateline, or a byline of
    what the text is and whose, ending in its date."""
    return is_date_only_line(line) or is_dateline_line(line) or is_byline_line(line)


# the words of a letter's reference and date line besides its date and numbers: "Исх. № 02-14/387 от 12 ноября 2025 г.",
# "Our ref.: UNODC/ROCA/2024/17, dated 3 May 2024", "Date: 8 August 2025", "Дата: 12.11.2025"
_REFERENCE_WORDS_RE = re.compile(
    r"(?i)^(?:исх\w*|вх\w*|№|no|nr|ref(?:erence)?|our|your|our\s+ref|от|г|года|дата|date|dated|of)\.?:?,?$"
)
_REFERENCE_MAX = 120


def reference_date(para: str) -> str | None:
    """The date of a short paragraph that only gives a letter's reference number and date, or its date alone ("Исх.
    № 02-14/387 / от 12 ноября 2025 г."): the date the letter was written. None for anything else."""
    if len(para) > _REFERENCE_MAX:
        return None
    m = FULL_DATE_RE.search(para)
    if m is None:
        return None
    rest = (para[: m.start()] + " " + para[m.end():]).split()
    if any(re.search(r"[^\W\d_]", w) and not _REFERENCE_WORDS_RE.match(w) and not re.search(r"\d", w) for w in rest):
        return None
    return find_date(m.group())
