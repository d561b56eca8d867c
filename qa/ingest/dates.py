"""Dates stated in text (English and Russian month names, ISO, dotted), as ISO strings."""

from __future__ import annotations

import datetime as _dt
import re

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
# a programme's day is no day of a month: "Day 1 — 22 October 2024" is 22 October, not 1-22 October
_DMY = (rf"(?<!\d)(?<![Dd]ay )(?<![Дд]ень ){_DAY}(?:\s+(?:of\s+)?{_MONTH_G})?(?:{_RANGE}{_DAY})?(?:\s+of)?"
        rf"\s+{_MONTH_G},?\s+{_YEAR}")
_MDY = rf"\b{_MONTH_G}\s+{_DAY}(?:{_RANGE}(?:{_MONTH_G}\s+)?{_DAY})?,?\s+{_YEAR}"
_ISO = r"(?<!\d)(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:3[01]|[12]\d|0[1-9])(?!\d)"
_DOTTED = r"(?<![\d.])(?:3[01]|[12]\d|0?[1-9])\.(?:1[0-2]|0?[1-9])\.(?:19|20)\d\d(?![\d.]\d)"
FULL_DATE_RE = re.compile(rf"{_DMY}|{_MDY}|{_ISO}|{_DOTTED}")
_MONTH_YEAR_RE = re.compile(rf"\b{_MONTH_G},?\s+{_YEAR}")
_YEAR_ONLY_RE = re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Вв])\s+({_YEAR})\b(?!\s*[-–]\s*\d)")
_MONTH_TOKEN_RE = re.compile(_MONTH)
_DAY_TOKEN_RE = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")
_YEAR_TOKEN_RE = re.compile(r"(?:19|20)\d\d")
_ISO_PARTS_RE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_DOTTED_PARTS_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def month_number(token: str) -> int | None:
    """The month (1-12) an English or Russian month name or its abbreviation opens with, else None."""
    low = token.lower().rstrip(".")
    for stem in sorted(_MONTHS, key=len, reverse=True):  # longest stem first: "март" before "ма"
        if low.startswith(stem):
            return _MONTHS[stem]
    return None


# A month named alone, as a sentence or a table's header names it: English full or abbreviated and capitalised ("may"
# the verb is none), Russian in any case ("в марте", "мая", "Май")
MONTH_NAMED_RE = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
    r"|(?<![а-яёА-ЯЁ])(?:(?:[Яя]нвар|[Фф]еврал|[Аа]прел|[Ии]юн|[Ии]юл|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|[Дд]екабр)"
    r"(?:ь|я|е|ю|ём|ем)|(?:[Мм]арт|[Аа]вгуст)(?:а|е|у|ом)?|[Мм]а[йяюе]|[Мм]аем)(?![а-яё])"
)


def months_named(text: str) -> set[int]:
    """The months (1-12) `text` names by their names, with or without a year: "June was the month …", a header
    "Country | Jan | Feb | Mar", "в мае"."""
    return {n for m in MONTH_NAMED_RE.finditer(text) if (n := month_number(m.group()))}


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
    month = month_number(month_m.group())
    return _iso(int(years[-1]), month, int(day_m[1])) if month else None


# A date right after one of these is what the text compares with, not when its story happened:
# "11% more than in 2022", "compared with March 2022", "чем в 2022 году", "по сравнению с 2022 г.".
_COMPARED_BEFORE_RE = re.compile(
    r"(?:\bthan|\bcompared\s+(?:with|to)|\bcomparison\s+(?:with|to)|\bversus|\bvs\.?|\b(?:up|down)\s+from"
    r"|\brelative\s+to|(?<!\w)чем|(?<!\w)сравнени[юи]\s+со?|(?<!\w)сравнительно\s+со?|(?<!\w)против)"
    r"\s+(?:(?:in|on|during|в|во|на|за)\s+)?$",
    re.IGNORECASE,
)
_COMPARED_WINDOW = 40


def _compared(text: str, start: int) -> bool:
    """Is the date at ``start`` a point of comparison ("than in 2022", "чем в 2022 году")?"""
    return _COMPARED_BEFORE_RE.search(text, max(0, start - _COMPARED_WINDOW), start) is not None


def find_date(text: str) -> str | None:
    """The first date stated in ``text`` as ISO: a full date, else month + year, else "in YYYY";
    a date the text compares with ("than in 2022", "по сравнению с 2022 годом") is not one."""
    for m in FULL_DATE_RE.finditer(text):
        if not _compared(text, m.start()) and (iso := _full_date_iso(m.group())):
            return iso
    for m in _MONTH_YEAR_RE.finditer(text):
        month = month_number(_MONTH_TOKEN_RE.search(m.group()).group())
        year = int(_YEAR_TOKEN_RE.findall(m.group())[-1])
        if not _compared(text, m.start()) and month and (iso := _iso(year, month)):
            return iso
    for m in _YEAR_ONLY_RE.finditer(text):
        if not _compared(text, m.start()):
            return _iso(int(m[1]))
    return None


def heading_date(text: str, head: int = 300) -> str | None:
    """The date a document's top states: find_date(), unless a month and year stands in its first `head` characters
    before any full date ("Выпуск № 2, июль 2025 г." above a bulletin's first story of "14 апреля 2025 года"): an
    issue's month is the date of the whole, the day below it the date of one story."""
    full = next((m for m in FULL_DATE_RE.finditer(text) if not _compared(text, m.start())), None)
    for m in _MONTH_YEAR_RE.finditer(text, 0, head):
        if full is not None and m.start() >= full.start():
            break
        if _compared(text, m.start()) or (full is not None and m.end() > full.start()):
            continue
        month = month_number(_MONTH_TOKEN_RE.search(m.group()).group())
        if month and (iso := _iso(int(_YEAR_TOKEN_RE.findall(m.group())[-1]), month)):
            return iso
    return find_date(text)


def starting_date(text: str) -> str | None:
    """The date ``text`` starts with, as ISO: a full date or a month and year ("12 May 2024 — Visit
    to Osh", "May 2024: field visits", "12.05.2024"), else None (also for a date later in the text)."""
    for pattern in (FULL_DATE_RE, _MONTH_YEAR_RE):
        if (m := pattern.match(text)) and (iso := find_date(m.group())):
            return iso
    return None


def russian_month(iso: str | None) -> str:
    """The month of an ISO date as a Russian date names it ("2024-03-14" -> "марта"); "" without a month."""
    from qa import lang  # the names are the Russian record's (a citation's label writes them too)

    names = lang.get("ru").news_titles.day_month_names
    parts = (iso or "").split("-")
    return names[int(parts[1]) - 1] if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12 else ""
