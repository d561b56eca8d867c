"""Who held a post in a year that a span of years holds ("Who was Deputy Director in 2018?").

A career is written as spans ("who served as Deputy Director from 2016 to 2020", "2016–2020 — заместитель директора
КАРИКЦ"), and no item is dated or names the year asked; the search falls back to every item, and the present
holder's line ("Ms. Saule Ermekova, Deputy Director") outranks the span that holds the year. Among the best
TENURE_TOP within TENURE_MARGIN of the best, the first whose text holds a span of years through the asked one wins
when the best names neither that year nor such a span, for a who-question only: it must name someone (its "typed"
feature) and the post or act asked (qa.answer.asked_marks: "liaison officer from 2011 to 2016" does not answer who was
Deputy Director in 2014). A question about a span of years ("What post did he hold between 2011 and 2016?") is
answered by the near tie naming that very span ("2011–2016 — офицер связи …"), whatever it asks. The two swap scores,
as the other near-tie rules do (qa.answer.roles.prefer_holder).
"""

from __future__ import annotations

from qa.answer.asked_marks import asked_marks, names_all_asked
from qa.answer.features import Candidate, prefer_near_tie
from qa.answer.needs import needs
from qa.answer.roles import miscast
from qa.filters.mentions import YEAR_RE
from qa.filters.question import parse_question_dates
from qa.filters.year_spans import asked_year, names_span, spans_year

TENURE_TOP = 8
TENURE_MARGIN = 5.0

def _names_year(text: str, year: int) -> bool:
    return any(int(m.group()) == year for m in YEAR_RE.finditer(text)) or spans_year(text, year)


def asked_span(question: str) -> tuple[int, int] | None:
    """The span of whole years a question asks about ("between 2011 and 2016", "с 2011 по 2016 год"), else None."""
    dates = parse_question_dates(question)
    if dates is None or not dates.since or not dates.until or len(dates.since) != 4 or len(dates.until) != 4:
        return None
    first, last = int(dates.since), int(dates.until)
    return (first, last) if first < last else None


def _prefer_span_named(question: str, ranked: list[Candidate], span: tuple[int, int]) -> list[Candidate]:
    """A question about a span of years ("What post did he hold between 2011 and 2016?"): the near tie naming that
    very span wins over a best that names other years (a career's other line, "from 2016 to 2020"), whatever is
    asked. A best that names no year keeps its place: "Всего за три года обучение прошли 177 сотрудников." answers
    "… в 2022–2024 годах?" in its list of those years, not the list's opening line that names them."""
    if names_span(ranked[0].text, *span) or not YEAR_RE.search(ranked[0].text):
        return ranked
    return prefer_near_tie(ranked, TENURE_TOP, TENURE_MARGIN, lambda c: names_span(c.text, *span))


def prefer_span_of_year(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with the first near tie holding a span of years through the asked year first, when the
    best names neither (the module docstring); for a question about a span of years, the near tie naming that span."""
    if len(ranked) < 2:
        return ranked
    if (span := asked_span(question)) is not None:
        return _prefer_span_named(question, ranked, span)
    year = asked_year(question)
    if year is None or needs(question).wants != "person":
        return ranked  # "between 1992 and 2008" holds no figure of 2008 itself: only a holder's time is a span
    best = ranked[0]
    # a best naming the year keeps its place, unless it gives someone another post then ("… moved to the Secretariat
    # as Deputy Head …, a post she held until 2021" for who was Head in 2018)
    if _names_year(best.text, year) and miscast(question, best.text, best.sentence.lang) is None:
        return ranked
    asked = asked_marks(question)
    return prefer_near_tie(ranked, TENURE_TOP, TENURE_MARGIN, lambda c: spans_year(c.text, year)
                           and c.features.get("typed") == 1.0 and names_all_asked(asked, c.text))
