"""Spans of years a text names ("2016–2020", "from 2016 to 2020", "с 2016 по 2020 год", "In 2016 … until August
2021"): a holder's time in a post, read by the tenure rules (qa.answer.tenures), the year clash (qa.answer.events)
and whether a who-answer is of the question's period (qa.filters.scope)."""

from __future__ import annotations

import datetime
import re

from qa.filters.question import parse_question_dates

# a span of years: "2016–2020", "from 2016 to 2020", "between 2016 and 2020", "с 2016 по 2020 год", "2016-20"
_SPAN = re.compile(
    r"(?<![\d.,])(?P<a>(?:19|20)\d\d)\s*(?:[-–—]|\bto\b|\buntil\b|\bthrough\b|\band\b|\bпо\b|\bдо\b)\s*"
    r"(?P<b>(?:19|20)\d\d|\d\d)(?![\d]|[.,]\d)", re.I)


# a span written apart, its start and its end in one clause: "In 2016 he was appointed Head of the Secretariat, a post
# he held until August 2021", "с 2016 года возглавлял секретариат до августа 2021 года"
_SPAN_APART = re.compile(
    r"(?<!\w)(?:in|since|from|в|с)\s+(?P<a>(?:19|20)\d\d)(?!\d)(?:(?<!\w)(?:Mr|Ms|Mrs|Dr|Lt|Col|Gen|г)\.|[^.;]){0,120}?"
    r"(?<!\w)(?:until|till|to|по|до)\s+"
    r"(?:[^\W\d]+\s+)?(?P<b>(?:19|20)\d\d)(?!\d)", re.I)


# a span open to this day: "2021-present", "с 2021 года по настоящее время", "2021 – н. в.", "since 2021"
_TO_PRESENT = re.compile(
    r"(?<![\d.,])(?P<a>(?:19|20)\d\d)(?:\s*(?:года?|г\.))?\s*(?:[-–—]|\bto\b|\bпо\b|\bдо\b)\s*"
    r"(?:the\s+)?(?:present|now|today|date|настоящее\s+время|наст\.\s*вр\w*\.?|н\.\s*в\.)"
    # or from a year on with no end written: "headed the unit since 2019", "возглавляла отдел с 2019 года"
    r"|(?<!\w)(?:since|с)\s+(?P<since>(?:19|20)\d\d)(?!\d)(?!(?:\s*(?:года?|г\.))?\s*(?:[-–—]|\bto\b|\bпо\b|\bдо\b))",
    re.I)


def spans_year(text: str, year: int) -> bool:
    """Whether `text` names a span of years through `year` ("from 2016 to 2020" holds 2018, and so does "In 2016 he
    was appointed …, a post he held until August 2021", and "2021-present" every year since)."""
    for m in (*_SPAN.finditer(text), *_SPAN_APART.finditer(text)):
        first, last = int(m["a"]), m["b"]
        end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if first < end and first <= year <= end:
            return True
    for m in _TO_PRESENT.finditer(text):
        first, end = int(m["a"] or m["since"]), datetime.date.today().year
        if m["since"]:
            # "since 1966" runs to the time the sentence speaks of ("In February 1986, Murphy, who had been serving as
            # CEO since 1966, …"), not to this day; with no later year named, to this day ("возглавляла отдел с 2019
            # года и переходит …")
            later = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text) if int(y) > first]
            end = max(later, default=end)
        if first <= year <= end:
            return True
    return False


def spans_years(text: str, first: int, last: int) -> bool:
    """Whether `text` names a span of years through each year from `first` to `last`."""
    return all(spans_year(text, y) for y in range(first, last + 1))


def names_span_of_years(text: str) -> bool:
    """Whether `text` names a span of years ("2012-2018", "с 2016 по 2020 год", "2021-present")."""
    return _SPAN.search(text) is not None or _TO_PRESENT.search(text) is not None


def names_span(text: str, first: int, last: int) -> bool:
    """Whether `text` names the span of years `first`-`last` itself ("2011–2016 — офицер связи")."""
    for m in _SPAN.finditer(text):
        a, b = int(m["a"]), m["b"]
        if (a, int(b) if len(b) == 4 else a // 100 * 100 + int(b)) == (first, last):
            return True
    return False


def asked_year(question: str) -> int | None:
    """The one whole year a question asks about ("in 2018", "в 2018 году"), else None."""
    dates = parse_question_dates(question)
    if dates is None or not dates.since or dates.since != dates.until or len(dates.since) != 4:
        return None
    return int(dates.since)
