"""What a question is searched within: the query's filters, and a date the question names.

* The filters of a ``contracts.Query`` (``--since/--until/--source``, the web app's controls)
  are hard: only allowed rows are searched, before either retriever takes its top n. A date range
  without items gives a reply saying so, not an error; sources that name no indexed document are
  an error when nothing else is left, a note otherwise.
* A date the question names ("in August 2022", "last year", "before the Vienna meeting") is tried
  as a filter *first*, and dropped when nothing in its range answers: a news item about a March
  2022 operation may be dated in June, or not at all. The filter keeps the items dated in the range
  and those whose text names it (qa.filters.mentions: the January 2024 report on 2023; one
  published before the range only for a question about a plan, qa.filters.question.asks_ahead:
  the January call for a March course), and an answer from the latter must be one that names it
  (in_period). Measured on the date questions of the dev
  sets and on benchmarks/data/date_questions.jsonl (benchmarks/question_dates.py,
  docs/filters.md), this is never worse than ignoring the date and better on one set, where a
  hard filter lost a third of the answers and a score bonus changed none.
  An explicit date filter wins over a date in the question.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable

import numpy as np

from qa.contracts import Answer, Filters, Scope
from qa.filters.core import Bound, DateRange, FilterError, Selection, clean_sources, describe
from qa.filters.mentions import (YEAR_RE, edge_of, names_month_of, names_period, other_part, other_years,
                                 without_compared_years, year_of_part)
from qa.filters.question import QuestionDates, asks_ahead, parse_question_dates
from qa.filters.year_spans import spans_years
from qa.ingest.dates import find_date
from qa.lang import detect, reply_words
from qa.lang.year_parts import parts_alone

# Words that name the kind of event, not which one: an event's passage must hold the other words.
_GENERIC = {"meet", "meeting", "confer", "conference", "workshop", "seminar", "visit", "forum", "train",
            "training", "cours", "course", "session", "summit", "brief", "briefing", "debrief",
            "oper", "operation", "event", "the", "a", "an"}


@dataclass(frozen=True)
class Plan:
    """How to search one question: the mask to try first, and the one to fall back to."""

    filters: Filters  # the explicit ones, cleaned
    first: Selection | None  # with the question's date (if any) and the explicit filters
    fallback: Selection | None  # the explicit filters alone (None = everything)
    reading: QuestionDates | None  # the date read from the question, if used
    empty_message: str | None = None  # the explicit filters allow nothing: say this instead
    undated: QuestionDates | None = None  # a date read from the question that no item is dated in
    # `first` without the items it holds only for naming the question's period in their text (None: it
    # holds none such, or no item is dated in the period)
    dated: Selection | None = None
    # `first` without the items it holds only for perhaps reporting the period in other words (its year named apart
    # from its months, a date right after a period open before: qa.filters.mentions.items_reporting); None: the same
    named: Selection | None = None


def clean_filters(filters: Filters | None) -> Filters:
    """Filters with blank ends as None and sources cleaned; bad dates raise FilterError."""
    if filters is None:
        return Filters()
    since = str(filters.since).strip() if filters.since is not None else None
    until = str(filters.until).strip() if filters.until is not None else None
    since, until = since or None, until or None
    DateRange.parse(since, until)  # raises with a clear message
    sources = filters.sources
    if not isinstance(sources, str):
        sources = [str(x) for x in (sources or ())]
    return Filters(since, until, clean_sources(sources))


def plan(index, question: str, filters: Filters | None, resolve_event: Callable[[str], str | None] | None,
         use_question_dates: bool = True) -> Plan:
    """Decide the masks for a question. Raises FilterError for filters that cannot be used."""
    filters = clean_filters(filters)
    explicit = index.select(filters) if not filters.empty else None
    if explicit is not None and filters.sources and set(explicit.unknown_sources) == set(filters.sources):
        names = ", ".join(repr(p) for p in explicit.unknown_sources)
        raise FilterError(f"no indexed document matches the source {names} (sources are file globs or "
                          f"folders relative to the corpus, e.g. \"003_*\" or \"news/\")")
    if explicit is not None and explicit.empty:
        return Plan(filters, explicit, None, None,
                    empty_message=_nothing_in(index, filters, explicit, detect(question)))
    reading = undated = dated = named = None
    first = explicit
    facts = index.row_facts()
    if use_question_dates and not (filters.since or filters.until) and mostly_dated(facts):
        reading = parse_question_dates(question, newest=facts.newest(), resolve_event=resolve_event)
        if reading is not None:
            asked = Filters(reading.since, reading.until, filters.sources)
            ahead = asks_ahead(question)  # "how many will take part in the March 2025 course": its announcement answers
            sel = index.select(asked, mentioning=True, ahead=ahead)
            wide = index.select(asked, reporting=True, ahead=ahead)
            if sel.empty:
                # nothing dated then: search as if the date were not there, and say so
                reading, undated = None, reading
            else:
                first = sel
                if wide.n_items > sel.n_items:
                    # the items that may report the period in other words compete with those that name it; when
                    # their answer does not name it, those that name it answer (service.ask)
                    first, named = wide, sel
                if first.mentioning:
                    dated = index.select(asked, titled=True)  # a report titled by the period is dated in it
                    dated = None if dated.empty else dated
    return Plan(filters, first, explicit if reading is not None else None, reading, undated=undated, dated=dated,
                named=named)


def in_period(answer: Answer, p: Plan, holder: bool = False) -> bool:
    """Whether an answer found in `p.first` is one about the question's period: its item is dated in it, or
    the answer names it (an item kept for mentioning the period elsewhere is not about it here). Never a table's row
    that names only other years (_other_years_row). `holder`: a who-question, whose answer names the period by a span
    of years through it ("Director | … | 2016-2021" was Director in 2018)."""
    if p.reading is None:
        return True
    lo, hi = p.reading.range.since, p.reading.range.until
    if holder and lo is not None and hi is not None and spans_years(answer.text, lo.year, hi.year):
        return True
    if _other_years_row(answer, p.reading.range) or _titled_other(answer, p.reading.range):
        return False
    if not p.first.mentioning:
        return True
    span, text = p.reading.range, _read_with_header(answer)
    if _dated_in(answer, span) or names_period(text, span):
        return True
    # a report titled by the period ("CARICC Annual Report 2023", published in March 2024) is about it: a sentence of
    # it naming no other year, or another only as what a figure is compared with ("38 % more than in 2022"), answers
    if answer.title and names_period(answer.title, span) and not other_years(answer.title, span) \
            and not other_years(without_compared_years(text), span):
        return True
    if _part_of_titled_year(answer, span):
        return True
    # an item that may report the period in other words (qa.filters.mentions.items_reporting): dated right after a
    # period open before its end, or an answer naming one of its months with no other year
    edge = edge_of(span)
    return (edge is not None and edge.keeps(answer.date)) or names_month_of(text, span)


def _dated_or_naming(answer: Answer, p: Plan) -> bool:
    """Whether an answer is from an item dated in the question's period or names it (in_period without the items
    that may report it in other words)."""
    span = p.reading.range if p.reading is not None else None
    return span is None or _dated_in(answer, span) or names_period(_read_with_header(answer), span)


def _other_years_row(answer: Answer, span: DateRange) -> bool:
    """Whether the answer is a table's row whose heading, header and cells name years, none of them asked: the
    figures of another year ("## Seizures by country, 2023 (kg)" for "… in 2024?"), whenever the table was published
    (the annual report on 2023 is dated 2024); or a row dated by a cell of its own in another year only: the
    course "18–22 ноября 2024 г." of a list titled "… 2022–2024 гг." is no course of 2023."""
    return bool(answer.header) and bool(other_years(_read_with_header(answer), span) or _row_years(answer, span))


def _row_years(answer: Answer, span: DateRange) -> tuple[int, ...]:
    """The other years a table's row is dated in by a cell of its own (a day or a month with its year), when it
    names none asked; () for any other answer."""
    if not answer.header or not any(len(d) >= 7 for d in _cell_dates(answer.text)):
        return ()
    return other_years(answer.text, span)


def _cell_dates(text: str) -> list[str]:
    return [d for cell in text.split("|") if (d := find_date(cell))]


def _part_of_titled_year(answer: Answer, span: DateRange) -> bool:
    """Whether the answer names the asked half or quarter with no year ("Число возбуждённых уголовных дел во втором
    полугодии составило 552.") and no other year, in an item whose title names that year alone ("Статистический
    бюллетень за 2024 год", published in January 2025)."""
    year = year_of_part(span)
    if year is None or (span.since.month or 1, span.until.month or 12) not in parts_alone(answer.text):
        return False
    if other_years(answer.text, span):
        return False
    titles = " ".join(t for t in (answer.title, answer.doc_title) if t)
    named = {int(y) for y in YEAR_RE.findall(titles)}
    return named == {year}


def _titled_other(answer: Answer, span: DateRange) -> bool:
    """Whether the answer names no year of `span` and its item's title names only other years: the report on 2023,
    published in March 2024 ("CARICC Annual Report 2023"), says "The unit prepared 46 analytical products." and
    "… 14 operations in 2023" of 2023, not of 2024."""
    if not answer.title or not other_years(answer.title, span):
        return False
    text = _read_with_header(answer).replace(answer.title, " ")
    return not YEAR_RE.search(text) or bool(other_years(text, span))



def _names_range(answer: Answer, span: DateRange) -> bool:
    """Whether the answer, its table's header or its item's title names the period `span`, or a span of years
    through it."""
    lo, hi = span.since, span.until
    return names_period(_read_with_header(answer), span) or (
        lo is not None and hi is not None and spans_years(answer.text, lo.year, hi.year))


def _dated_in(answer: Answer, span: DateRange) -> bool:
    """Whether the answer's item is dated in `span` and the answer is not a row of another year's table, nor a
    sentence of a report its title says is on another year (_titled_other)."""
    return span.keeps(answer.date) and not _other_years_row(answer, span) and not _titled_other(answer, span)


def _read_with_header(answer: Answer) -> str:
    """The answer's text, and for a table's row its item's title and its header row: the header says which year a
    column gives ("Officers (2025)", "Показатель | 2020 | 2021 | 2022 | 2023"), a row alone names none or another
    ("| 2020 |" under "Established"), and the heading the table stands under says which year the whole table gives
    ("## Seizures by country, 2023 (kg)")."""
    if not answer.header:
        return answer.text
    return "\n".join(x for x in (answer.title, answer.header, answer.text) if x)


def about_other_years(answer: Answer, p: Plan, fell_back: bool, question: str = "", figure: bool = False
                      ) -> str | None:
    """Why an answer found with the question's date dropped is no answer, else None: its item is not dated in the
    question's period and it names only other years ("Its approved budget for 2024 was …" for "What was the
    budget in 2023?", once nothing dated or mentioning 2023 answered), worded in `question`'s language. An answer
    that names no year may still be about the period (a news item is dated by its publication, not by what it
    reports), and is kept. A `figure` (the question asks how much or how many) is not of a year it is only compared
    with ("1,042 kg, 11 % less than in January-June 2023" in the report on 2024)."""
    reading = p.reading if fell_back else p.undated if p.reading is None else None
    if reading is None or _dated_in(answer, reading.range):
        return None
    compared = ()
    if figure and (text := without_compared_years(answer.text, figured=True)) != answer.text:
        # named only as what the figure is compared with, the period asked is not the figure's; an item dated in
        # another year gives that year's
        compared = (int(answer.date[:4]),) if answer.date and not YEAR_RE.search(text) else ()
        answer = dataclasses.replace(answer, text=text)
    years = other_years(_read_with_header(answer), reading.range) or _row_years(answer, reading.range) or compared
    if not years and _titled_other(answer, reading.range):
        years = other_years(answer.title, reading.range)
    if not years:
        return None
    named = ", ".join(str(y) for y in years[:3])
    language = detect(question)
    return reply_words(language).reason("other_years", named=named, asked=reading.range.human(language))


def unmentioned_period(answer: Answer, p: Plan, searched: bool, question: str = "", figure: bool = True) -> str | None:
    """Why an answer found once the question's date was dropped is no answer, else None: its item is dated in
    another year and was not `searched` with the date (it neither is dated in the period nor names it anywhere). A
    story of February 2024 that never names 2023 ("Обучение прошли 11 кинологов") says nothing of 2023
    (about_other_years keeps an answer naming no year: its item may name the period elsewhere, and then it was
    searched). An undated item is kept (a book's paragraph names no year it is about). Only a `figure` (the question
    asks how much or how many) is so tied to its period."""
    if not figure:  # who held a post in 2022 may be read from a list of 2024 that names them in it still
        return None
    reading = p.reading
    # a date the question gives relative to the corpus ("in the past year") or by an event is read, not written: an
    # item may speak of it so too ("Over the past year, …")
    if reading is None or reading.relative_to is not None or reading.event is not None:
        return None
    if searched or answer.date is None or _dated_in(answer, reading.range):
        return None
    year = int(answer.date[:4])
    lo, hi = reading.range.since, reading.range.until
    if lo is None or hi is None or lo.year <= year <= hi.year:
        return None
    if any(lo.year <= int(y) <= hi.year for y in YEAR_RE.findall(_read_with_header(answer))):
        return None  # it names the year itself: a table's row "2023 | 1 430 kg" in a list of years dated by its first
    language = detect(question)
    return reply_words(language).reason("other_years", named=str(year), asked=reading.range.human(language))


def titled_period(answer: Answer, p: Plan) -> bool:
    """Whether the answer's document or item title names the question's period: "When was the report for January–June
    2024 published?" names the report by its period, and its "Published: 29 August 2024" is the answer, not a date
    of another period."""
    reading = p.reading or p.undated
    titles = " ".join(t for t in (answer.title, answer.doc_title) if t)
    return reading is not None and bool(titles) and names_period(titles, reading.range)


def about_other_part(answer: Answer, p: Plan, question: str = "", figure: bool = False) -> str | None:
    """Why an answer is no answer to a question about a part of a year, else None: it names only other parts of
    that year ("В первом полугодии 2023 года … изъято 1 146 кг" for "… в июле 2023 года?"), whatever its item's
    date (a bulletin on the first half is dated in July), worded in `question`'s language
    (qa.filters.mentions.other_part; `figure`: the question asks how much or how many)."""
    reading = p.reading or p.undated
    if reading is None:
        return None
    part = other_part(_read_with_header(answer), reading.range, answer.date, figure)
    if part is None:
        return None
    year, language = reading.range.since.year, detect(question)
    named = DateRange(Bound(year, part[0]), Bound(year, part[1])).human(language)
    return reply_words(language).reason("other_part", named=named, asked=reading.range.human(language))


def mostly_dated(facts) -> bool:
    """Whether most items carry a date: a collection of dated items (news), where a date the
    question names can say which items to read. In a corpus of mostly undated texts (reference
    articles, where a few items are dated only because their first sentence opens with a date),
    the year a question names is what it asks about, not when its answer was published: narrowing
    to the few dated items answered 8 of 612 XQuAD Russian questions ("... in 2015?") from the one
    paragraph that opens "Since 8 October 2015", while the answer was in an undated one."""
    dated = sum(1 for d in facts.item_dates if d)
    return 2 * dated > len(facts.item_dates)


def _nothing_in(index, filters: Filters, sel: Selection, language: str = "en") -> str:
    """"No items dated 2015 in the index (its dated items run from 7 Oct 2021 to 8 Jul 2025).", in `language`."""
    words = reply_words(language)
    lo, hi = index.row_facts().date_span(language)
    where = describe(DateRange.parse(filters.since, filters.until), filters.sources, language)
    msg = words.say("nothing_in", where=where or words.say("items.word"))
    if filters.since or filters.until:
        msg += words.say("nothing_in.span", lo=lo, hi=hi) if lo else words.say("nothing_in.undated")
    return msg + "."


def scope_of(p: Plan, used: Selection | None, fell_back: bool, total_items: int = 0,
             language: str = "en", answer: Answer | None = None) -> Scope | None:
    """What the reply says it searched (total_items: the index's, for an unfiltered fallback; `answer`: the one
    found), worded in `language`, the question's: "Searched items dated Aug 2022", "Искали: материалы с датой август
    2022". The items that may report the period in other words (Plan.named) are said to be searched only when one
    of them answered: else the reply reads as the items dated in or naming the period did."""
    words = reply_words(language)
    if p.named is not None and used is p.first and (answer is None or _dated_or_naming(answer, p)):
        used = p.named
    if used is None and p.reading is None:
        if p.undated is None:
            return None
        # an answer from any date must not read as one from the date asked ("What happened in April 2024?")
        text = words.say("scope.undated", range=p.undated.range.human(language), resolved=p.undated.resolved(language))
        return Scope(since=None, until=None, sources=p.filters.sources, items=total_items, undated_left_out=0,
                     reading=text, from_question=False, question_words=p.undated.text)
    reading = p.reading
    source = used if used is not None else p.first
    if fell_back:
        # said as what was searched, like every other reading: "Nothing dated 2023 answered this" above an
        # answer read as if nothing had
        first = p.named if p.named is not None else p.first
        named = reading.which(mentioning=first is not None and bool(first.mentioning), language=language)
        searched = (words.say("items.word") if p.filters.empty
                    else describe(DateRange(), p.filters.sources, language))
        text = words.say("scope.fell_back", what=searched, which=named)
        if answer is not None and reading.relative_to is None and reading.event is None \
                and _names_range(answer, reading.range):
            # the answer found names the period itself (a row under "2023", "Director | … | 2016-2021" for 2018):
            # "none … answers this" above it would read as a contradiction (a date read relative to the corpus or an
            # event keeps saying what it was counted from)
            text = words.say("scope.all", what=searched)
    elif reading is not None and used is not None and (used is p.first or used is p.dated or used is p.named):
        what = reading.reading(mentioning=bool(used.mentioning), language=language)
        if p.filters.sources:
            what += " " + words.say("from_sources", sources=", ".join(p.filters.sources))
        text = words.say("scope.searched", what=what)
    else:
        # what the filters selected (Selection.reading, worded here in the question's language)
        what = (describe(DateRange.parse(p.filters.since, p.filters.until), p.filters.sources, language)
                if source is not None else "")
        text = words.say("scope.searched", what=what or words.say("all_items"))
    since, until = ((reading.since, reading.until) if reading is not None and not fell_back
                    else (p.filters.since, p.filters.until))
    return Scope(
        since=since,
        until=until,
        sources=p.filters.sources,
        reading=text,
        from_question=reading is not None and not fell_back,
        question_words=reading.text if reading is not None else None,
        items=source.n_items if source is not None and not (fell_back and used is None) else total_items,
        undated_left_out=source.undated_left_out if source is not None and not fell_back else 0,
        months=source.months if source is not None and not (fell_back and used is None) else (),
        unknown_sources=source.unknown_sources if source is not None else (),
        undated_named=source.undated_named if source is not None and not fell_back else (),
    )


def event_resolver(index, encode: Callable[[str], np.ndarray], analyze: Callable[[str], list[str]],
                   retrieve: Callable) -> Callable[[str], str | None]:
    """"the Vienna meeting" -> the date of the item whose passage best matches it and holds its
    distinctive words ("vienna"), or None."""

    def resolve(phrase: str) -> str | None:
        key = set(analyze(phrase)) - _GENERIC
        if not key:
            return None
        for p in retrieve(index, encode(phrase), analyze(phrase), 3):
            if p.item is not None and p.item.date and key <= set(analyze(p.chunk.text + " " + p.item.title)):
                return p.item.date
        return None

    return resolve
