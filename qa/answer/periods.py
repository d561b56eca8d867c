"""The period a table row's label names and the period a question asks for, as months of a year.

A report's table often gives a figure per quarter or month and a row for the whole year: "Q1 2023 | 455 | 1,240",
..., "Total 2023 | 1,230 | 4,610". A question naming the year ("How much hashish was seized in 2023?") is answered
by the year's row, one naming a quarter ("… in the fourth quarter of 2023?") by that quarter's. The question's
words rarely name the row's label ("fourth quarter" / "Q4"), so both are read as a period here: a year and its first
and last month (`Period`), and the rows are compared by it (qa.answer.rows.prefer_asked_period).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.filters.question import MONTH, parse_question_dates
from qa.ingest.dates import month_number


@dataclass(frozen=True)
class Period:
    """Months `first` to `last` of `year`; a year of None is any (a label "Q1" in a table of one year's quarters)."""

    year: int | None
    first: int
    last: int

    def _years_agree(self, other: Period) -> bool:
        return self.year is None or other.year is None or self.year == other.year

    def same(self, other: Period) -> bool:
        """Whether the two are the same months (of the same year, when both name one)."""
        return self._years_agree(other) and (self.first, self.last) == (other.first, other.last)

    def within(self, other: Period) -> bool:
        """Whether this is a part of `other` and not the whole of it: a quarter or a month of the year asked."""
        return (self._years_agree(other) and other.first <= self.first and self.last <= other.last
                and not self.same(other))


@dataclass(frozen=True)
class Label:
    """What a row's label says of its period: the period (None for a total naming none: "Total", "Итого"), and
    whether the row is a total ("Total 2023", "Year total", "Итого за 2023 год")."""

    period: Period | None
    total: bool


_EN_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_RU_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_QUARTER = re.compile(
    r"(?i:\bq(?P<q1>[1-4])\b|\b(?P<q2>[1-4])\s*q\b|\b(?P<q3>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b"
    r"|\bquarter\s+(?P<q4>[1-4])\b|(?<!\w)(?P<q5>iv|i{1,3}|[1-4])(?:-?(?:й|ый|ой|ий|м|ом))?\s+квартал\w*"
    r"|(?<!\w)(?P<q6>перв|втор|трет|четв[её]рт)\w*\s+квартал\w*)")
_HALF = re.compile(
    r"(?i:\bh(?P<h1>[12])\b|\b(?P<h2>first|second|1st|2nd)\s+half\b"
    r"|(?<!\w)(?P<h3>ii|i|[12])(?:-?(?:е|ое|м|ом))?\s+полугоди\w*|(?<!\w)(?P<h4>перв|втор)\w*\s+полугоди\w*)")
_MONTH = re.compile(rf"(?<!\w){MONTH}(?!\w)")
_YEAR = re.compile(r"(?<![\d.,])(?:FY\s?)?(?P<year>(?:19|20)\d\d)(?![\d.,]\d|\d)")
# the words a row's label may hold besides its period: "Total 2023", "Year total", "Итого за 2023 год"
_TOTAL = re.compile(r"(?i:\b(?:total|totals|annual|yearly)\b|(?<!\w)(?:итого|всего)(?!\w))")
_FILLER = re.compile(r"(?i:\b(?:grand|full|year|for|the|of|in)\b|(?<!\w)(?:за|год|года|году|г\.?)(?!\w))")


def _ordinal(m: re.Match, groups: tuple[str, ...]) -> int:
    """The number of the quarter or half a match names, whichever group holds it."""
    word = next(m[g] for g in groups if m[g]).lower()
    if word.isdigit():
        return int(word)
    if word in _EN_ORDINALS:
        return _EN_ORDINALS[word]
    if word in _ROMAN:
        return _ROMAN[word]
    return _RU_ORDINALS[word[:4].replace("ё", "е")]


def part_of(text: str) -> tuple[re.Match, int, int] | None:
    """The first quarter, half or month `text` names, with its first and last month."""
    found = []
    if m := _QUARTER.search(text):
        n = _ordinal(m, ("q1", "q2", "q3", "q4", "q5", "q6"))
        found.append((m, 3 * n - 2, 3 * n))
    if m := _HALF.search(text):
        n = _ordinal(m, ("h1", "h2", "h3", "h4"))
        found.append((m, 6 * n - 5, 6 * n))
    if (m := _MONTH.search(text)) and (month := month_number(m.group())):
        found.append((m, month, month))
    return min(found, key=lambda f: f[0].start()) if found else None


def names_part(text: str) -> bool:
    """Whether `text` names a quarter, a half or a month anywhere: a period shorter than a year."""
    return bool(_QUARTER.search(text) or _HALF.search(text) or _MONTH.search(text))


def row_label(cell: str) -> Label | None:
    """The period a table row's label cell names ("Q4 2023", "March 2023", "2023", "Total 2023", "Total", "H1",
    "IV квартал 2023 г.", "Итого за 2023 год"), or None when the cell holds anything more (a date's day, a place,
    a figure): the whole cell must be the label."""
    rest, part, year = cell, part_of(cell), None
    if part is not None:
        rest = rest[:part[0].start()] + " " + rest[part[0].end():]
    if m := _YEAR.search(rest):
        year = int(m["year"])
        rest = rest[:m.start()] + " " + rest[m.end():]
    total = _TOTAL.search(rest) is not None
    rest = _FILLER.sub(" ", _TOTAL.sub(" ", rest))
    if re.search(r"\w", rest) or (part is None and year is None and not total):
        return None
    if part is not None:
        return Label(Period(year, part[1], part[2]), total)
    return Label(None if year is None else Period(year, 1, 12), total)


def asked_period(question: str) -> Period | None:
    """The period a question asks about: a quarter, a half or a month ("in the fourth quarter of 2023", "in Q3 2023",
    "в IV квартале 2023 года", "in March 2023") or a year ("in 2023"); None when it names none, or a span of
    years. A quarter's year is the one written after it, else the question's year."""
    dates = parse_question_dates(question)
    if dates is not None and len(dates.since or "") > 7:  # a day: no row of months or quarters is that period
        return None
    if part := part_of(question):
        after = _YEAR.match(re.sub(r"^(?:\s|,|of\b|года\b|г\.)*", "", question[part[0].end():]))
        year = int(after["year"]) if after else _single_year(dates)
        if not _MONTH.fullmatch(part[0].group()) or after:  # a month alone is read by the date rules below
            return Period(year, part[1], part[2])
    if dates is None or not dates.since or dates.since != dates.until:
        return None
    year, _, month = dates.since.partition("-")
    return Period(int(year), int(month), int(month)) if month else Period(int(year), 1, 12)


def _single_year(dates) -> int | None:
    """The year of a question's date reading, when it reads one year."""
    if dates is None or not dates.since or dates.since[:4] != (dates.until or "")[:4]:
        return None
    return int(dates.since[:4])
