"""A question about a closed period answered by a figure for part of it, or by an early report of it.

"How many tonnes of drugs did CARICC-coordinated operations seize in 2023?" was answered by an October 2023 story's
"… in the first nine months of 2023, operations coordinated by CARICC seized over 5.1 tonnes of narcotic drugs", 1.9
ahead of the press release of 25 January 2024: "In 2023, international operations coordinated by CARICC resulted in
the seizure of 6.3 tonnes …". Both name 2023 and state a quantity; the story words the question more closely. News
reports a period while it runs and again once it has ended, and the question asks for the period.

So, among near ties (the sentence model's scores within PERIOD_MARGIN, among the best PERIOD_TOP) that state a
quantity of the asked kind (qa.answer.types' "typed"), for a question whose date (qa.filters.question) is a closed
period a text can name (a year or a month, or up to 3 years or 12 months: qa.filters.mentions.period_terms):
- a sentence that says its figure covers part of a period (Language.partial_period, every registered language's
  words: "in the first nine months of", "so far this year", "as of 30 September", "за девять месяцев", "в первом
  полугодии") gives way to one that reports the asked period as a whole and says no such thing;
- of two that report the period as a whole, the one from an item dated within it gives way to one from an item
  dated after it ended: what is reported when a period is over is all of it ("In 2023, …" in a December 2023 story,
  against the results of 2023 published in January 2024).
A sentence reports the period as a whole when it names it other than inside a finer date (reports_whole): "In
2023, …" does, "on 14 March 2023, officers seized 412 kg" names a day of 2023 and of March 2023, and is an event's
figure, not the period's, whenever it was published.
Never when the question itself asks for part of a period ("in the first nine months of 2023"): then the partial
figure is the answer.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answer.features import behind, prefer_near_tie
from qa.answer.needs import needs
from qa.answer.periods import part_of
from qa.filters.core import UNDATED, DateRange, item_span
from qa.filters.mentions import names_period, other_part, other_years, period_terms, year_of_part
from qa.filters.question import DAY, MONTH, YEAR, parse_question_dates
from qa.lang import registered

if TYPE_CHECKING:
    from qa.answer.features import Candidate

# the best sentence, when it reports part of the asked period (or is an earlier report of it), gives way to one of
# the best PERIOD_TOP that reports the whole, when the sentence model scores it within PERIOD_MARGIN of the best (0:
# never): a near tie, as the substance rule's (qa.answer.substances: SUBSTANCE_TOP, SUBSTANCE_MARGIN). Twice its
# margin: a figure for nine months of a year is no answer about the year, as one about heroin is none about cocaine,
# and the two reports word one fact differently by nature ("seized over 5.1 tonnes" while the year runs, "resulted
# in the seizure of 6.3 tonnes" when it is over), which is what the model's scores read. docs/quality.md has how
# often the rule fires, at this margin and at wider ones.
PERIOD_TOP = 3
PERIOD_MARGIN = 2.0


def partial(text: str) -> bool:
    """Whether `text` says a figure covers part of a period (any registered language's Language.partial_period)."""
    return any(lang.partial_period is not None and lang.partial_period.search(text) for lang in registered())


def asked_period(question: str) -> DateRange | None:
    """The closed period `question` asks about, when a text can name it (a year, a few months) and the question
    does not ask for part of it; else None. A relative date is read as the service writes it before answering
    ("last year" -> "in 2023": qa.filters.question.QuestionDates.written_out)."""
    reading = parse_question_dates(question)
    if reading is None or reading.since is None or reading.until is None or partial(question):
        return None
    dates = reading.range
    return dates if period_terms(dates) else None


# the dates finer than a year ("14 March 2023", "March 2023", "March 14, 2023", "14 марта 2023 года", "2023-03-14",
# "14.03.2023") and than a month (the same, less "March 2023"): a sentence that names a period only inside one of them
# reports a day or a month of it, not the whole ("on 14 March 2023, officers seized 412 kg" is no total for 2023)
_WITHIN_YEAR = re.compile(rf"(?:(?<![\d.]){DAY}(?:\s*[-–]\s*{DAY})?\s+(?:of\s+)?)?{MONTH}(?:\s+{DAY})?,?\s+{YEAR}"
                          rf"|{YEAR}-(?:0[1-9]|1[0-2])(?:-\d\d)?|(?<![\d.])\d{{1,2}}\.\d{{1,2}}\.{YEAR}")
_WITHIN_MONTH = re.compile(rf"(?<![\d.]){DAY}(?:\s*[-–]\s*{DAY})?\s+(?:of\s+)?{MONTH},?\s+{YEAR}"
                           rf"|{MONTH}\s+{DAY},?\s+{YEAR}"
                           rf"|{YEAR}-\d\d-\d\d|(?<![\d.])\d{{1,2}}\.\d{{1,2}}\.{YEAR}")


def reports_whole(text: str, dates: DateRange) -> bool:
    """Whether `text` names the period `dates` as a whole (qa.filters.mentions.names_period), not only inside a
    finer date: "In 2023, …" reports 2023; "on 14 March 2023" names a day of it."""
    by_months = dates.since is not None and dates.since.month is not None
    rest = (_WITHIN_MONTH if by_months else _WITHIN_YEAR).sub(" ", text)
    return names_period(rest, dates)


def _dated_after(c: Candidate, dates: DateRange) -> bool:
    first, _ = item_span(c.passage.item.date if c.passage.item is not None else None)
    return first != UNDATED and first > dates.hi


def _dated_within(c: Candidate, dates: DateRange) -> bool:
    return dates.keeps(c.passage.item.date if c.passage.item is not None else None)


def prefer_whole_period(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with a near tie that reports the whole asked period first, when the best reports part
    of it or is an earlier report of it (the module docstring). The two swap scores, so the confidence reads the
    winner with the margin the model gave the pair."""
    if PERIOD_MARGIN <= 0 or len(ranked) < 2 or ranked[0].features.get("typed") != 1.0:
        return ranked
    if needs(question).wants != "number":
        return ranked
    dates = asked_period(question)
    if dates is None:
        return ranked
    top = ranked[0]
    top_partial = partial(top.text)
    if not top_partial and not (reports_whole(top.text, dates) and _dated_within(top, dates)):
        return ranked
    for i in range(1, min(PERIOD_TOP, len(ranked))):
        c = ranked[i]
        if behind(top, c) > PERIOD_MARGIN:
            continue
        if c.features.get("typed") != 1.0 or partial(c.text) or not reports_whole(c.text, dates):
            continue
        if top_partial or _dated_after(c, dates):
            return [replace(c, score=top.score), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]
    return ranked


def _names_part(text: str, dates: DateRange) -> bool:
    """Whether `text` names the part of a year `dates` is ("во втором полугодии", "in the third quarter of 2024") and
    no other year: the year is often left to the report's title."""
    part = part_of(text)
    if part is None or (part[1], part[2]) != (dates.since.month or 1, dates.until.month or 12):
        return False
    return not other_years(text, dates)


def prefer_asked_part(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """The mirror of prefer_whole_period: a how-many question about part of a year ("in the second half of 2024")
    whose best sentence gives another period's figure (the year's total, another quarter's:
    qa.filters.mentions.other_part) gives way to a near tie that names the asked part and states a figure ("Число
    возбуждённых уголовных дел во втором полугодии составило 552." under "Всего за 2024 год изъято 17 690 кг")."""
    if PERIOD_MARGIN <= 0 or len(ranked) < 2 or needs(question).wants != "number":
        return ranked
    reading = parse_question_dates(question)
    if reading is None or reading.since is None or reading.until is None:
        return ranked
    dates = reading.range
    if year_of_part(dates) is None or other_part(ranked[0].text, dates, figure=True) is None:
        return ranked
    return prefer_near_tie(ranked, PERIOD_TOP, PERIOD_MARGIN,
                           lambda c: bool(_DIGIT.search(c.text)) and _names_part(c.text, dates))


_DIGIT = re.compile(r"\d")
