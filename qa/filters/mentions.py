"""Which items state a period a question names. "How many deliveries did CARICC support in 2023?" is
answered by the press release of 25 January 2024 on the results of 2023: news is dated by its own
publication, not by the period it reports, so the items a question's date scopes are those dated in it
*and* those whose text names it.

Read from the lexical index's terms (a year; a month's name beside its year), a few BM25 posting lookups
rather than a scan of the text. Only a closed range of a few years or months is read so, or the last few
years before a range's end ("before June 2024": a later report states who ran a programme "from 2019 to May
2024"); "since 2015" would take in most items that mention any year, and a text published before a period
does not report it."""

from __future__ import annotations

import datetime as _dt
import re
import weakref

import numpy as np

from qa.filters.core import UNDATED, Bound, DateRange
from qa.ingest.dates import MONTH_NAMED_RE, month_number, months_named
from qa.lang import analyze
from qa.lang.year_parts import PART_OF_YEAR, months_of, part_names

MAX_YEARS = 3  # a closed range of whole years read from the text: 2021-2023, not 2000-2023
MAX_MONTHS = 12  # a closed range of months (or days: read as their months)

# each month as the documents write it, English and Russian, analysed as the lexical index analyses text
_MONTH_WORDS = (
    "January Jan январь января", "February Feb февраль февраля", "March Mar март марта",
    "April Apr апрель апреля", "May май мая", "June Jun июнь июня", "July Jul июль июля",
    "August Aug август августа", "September Sep Sept сентябрь сентября", "October Oct октябрь октября",
    "November Nov ноябрь ноября", "December Dec декабрь декабря",
)  # fmt: skip


def _month_terms(month: int) -> frozenset[str]:
    # each name read as a date writes it ("1 May": "may" alone is the verb, a stop word)
    words = _MONTH_WORDS[month - 1].split()
    return frozenset(t for w in words for t in analyze(f"1 {w}", "ru" if w[0] > "z" else "en")) - {"1"}


def period_terms(dates: DateRange) -> list[list[frozenset[str]]]:
    """The terms that name `dates` in a text: alternatives (any one will do), each a list of groups a
    row must all hold, one term of each. [[{"2023"}]] for 2023; [[{"march", "mar", "март"}, {"2022"}],
    …] for March-April 2022; the last MAX_YEARS years up to its end for a range open before ("before June
    2024": 2022, 2023 or 2024). [] for a range open after, or one too long to be named (MAX_YEARS, MAX_MONTHS)."""
    lo, hi = dates.since, dates.until
    if hi is None:
        return []
    if lo is None:
        # "before June 2024": a text published later states what was so then ("coordinated it from 2019 to May
        # 2024"), and names a year of the period's end; a start bound needs no such reading (a text does not
        # report what happened after it was published)
        return [[frozenset({str(y)})] for y in range(hi.year - MAX_YEARS + 1, hi.year + 1)]
    if lo.month is None and hi.month is None:
        if hi.year - lo.year + 1 > MAX_YEARS:
            return []
        return [[frozenset({str(y)})] for y in range(lo.year, hi.year + 1)]
    first, last = lo.year * 12 + (lo.month or 1) - 1, hi.year * 12 + (hi.month or 12) - 1
    if last - first + 1 > MAX_MONTHS:
        return []
    months = [[_month_terms(m % 12 + 1), frozenset({str(m // 12)})] for m in range(first, last + 1)]
    if lo.year != hi.year or lo.day is not None or hi.day is not None:
        return months
    # a half or a quarter, as texts name it: "Q4 2023 | 190 | …", "в IV квартале 2023 года"
    named = [[_terms(words) for words in groups] + [frozenset({str(lo.year)})]
             for groups in part_names(lo.month or 1, hi.month or 12)]
    return months + [groups for groups in named if all(groups)]


def _terms(words: tuple[str, ...]) -> frozenset[str]:
    """The lexical index's terms of `words`, each analysed in its own script's language."""
    return frozenset(t for w in words for t in analyze(w, "ru" if w[0] > "z" else "en"))


def year_of_part(dates: DateRange) -> int | None:
    """The year of a closed period shorter than a year and within one (a month, a quarter, a half, some days),
    else None: a text reporting such a period may name its months and its year apart ("Methamphetamine seizures,
    January-June 2025" above a table whose columns are "Jan | … | May | Jun")."""
    lo, hi = dates.since, dates.until
    if lo is None or hi is None or lo.year != hi.year or (lo.month is None and hi.month is None):
        return None
    return lo.year


def edge_of(dates: DateRange) -> DateRange | None:
    """The month right after a period open before its end, when the end is a month or a day ("before March 2025",
    "до марта 2025 года", "until February 2025": March 2025), else None. A text dated then may report the change that
    ended what was so before ("X was appointed secretary. He succeeded Y, who had held the post since 2021."); a
    year's end ("before 2024") is no such edge: a whole year of items would join."""
    hi = dates.until
    if dates.since is not None or hi is None or hi.month is None:
        return None
    if hi.day is not None:  # "before 14 March 2025": the rest of March
        nxt = _dt.date(hi.year, hi.month, hi.day) + _dt.timedelta(days=1)
        return DateRange(Bound(nxt.year, nxt.month, nxt.day), Bound(nxt.year, nxt.month))
    year, month = (hi.year + 1, 1) if hi.month == 12 else (hi.year, hi.month + 1)
    return DateRange(Bound(year, month), Bound(year, month))


def enclosing_terms(dates: DateRange) -> list[list[frozenset[str]]]:
    """The terms that name the quarter and the half of a year that hold a shorter period (period_terms()'s form):
    "the first half of 2025", "H1 2025", "Q2 2025", "во втором квартале 2025 года" for May 2025. A memo on "the first
    half of 2025" whose table has a "May" column reports May without naming it beside its year. [] for a period that
    is no part of one year (year_of_part()), or as long as a half."""
    year = year_of_part(dates)
    if year is None:
        return []
    first, last = dates.since.month or 1, dates.until.month or 12
    out: list[list[frozenset[str]]] = []
    for size in (3, 6):
        start = (first - 1) // size * size + 1
        if start + size - 1 < last or size <= last - first + 1:
            continue  # no single part holds it, or it is that part (period_terms() reads it)
        parts = part_names(start, start + size - 1)
        named = [[_terms(words) for words in groups] + [frozenset({str(year)})] for groups in parts]
        out += [groups for groups in named if all(groups)]
    return out


def items_reporting(index, dates: DateRange) -> np.ndarray | None:
    """items_mentioning(), and the items that may report the period in other words: for a month or a quarter, those
    that name the quarter or the half of the year that holds it (enclosing_terms()); for a period open before a
    month, those dated in the month right after it (edge_of()). Their answer must still name the period
    (scope.in_period). None when neither applies."""
    named = items_mentioning(index, dates)
    enclosing, edge = enclosing_terms(dates), edge_of(dates)
    if not enclosing and edge is None:
        return named
    facts = index.row_facts()
    out = np.zeros(len(facts.item_doc), dtype=bool) if named is None else named.copy()
    if enclosing:
        out |= _items_holding(index, enclosing)
    if edge is not None:
        out |= (facts.item_lo != UNDATED) & (facts.item_lo >= edge.lo) & (facts.item_hi <= edge.hi)
    return out


def names_month_of(text: str, dates: DateRange) -> bool:
    """Whether `text` names a month of a period shorter than a year (year_of_part()) by its name alone and no other
    year than the period's: "June was the month with the highest seizures" for "the first half of 2025"; a row under
    "Country | Jan | … | May | Jun" for "May 2025"."""
    year = year_of_part(dates)
    if year is None:
        return False
    lo, hi = dates.since, dates.until
    wanted = set(range(lo.month or 1, (hi.month or 12) + 1))
    return bool(months_named(text) & wanted) and not other_years(text, DateRange(Bound(year), Bound(year)))


def items_mentioning(index, dates: DateRange) -> np.ndarray | None:
    """One bool per item of `index` (its RowFacts' items): whether one of its passages names the period
    `dates` (period_terms()). None when the period cannot be read from text."""
    alternatives = period_terms(dates)
    return _items_holding(index, alternatives) if alternatives else None


def _items_holding(index, alternatives: list[list[frozenset[str]]]) -> np.ndarray:
    """One bool per item of `index`: whether one of its passages, read with its item's title, holds one of the
    `alternatives` (each a list of groups of terms, one term of each group). A section's heading names the period its
    table gives ("## Seizures by country, 2023 (kg)" over rows that name no year), a headline what its story reports,
    a report's title the year of the month a row names."""
    facts = index.row_facts()
    titled = _titles_holding(facts)
    n_items = len(facts.item_doc)
    holding: dict[frozenset[str], np.ndarray] = {}  # a year is a group of every month of it: looked up once
    rows = np.zeros(facts.n, dtype=bool)
    for groups in alternatives:
        hit = np.ones(facts.n, dtype=bool)
        for terms in groups:
            if terms not in holding:
                # a BM25 score is positive exactly where a row holds one of the terms (its idf is never 0); a group
                # the item's title holds holds for each of its rows: a report titled "… январь–июнь 2025 г." names the
                # year its row "| Май | 164 | 611 |" leaves out
                in_title = np.zeros(n_items, dtype=bool)
                in_title[sorted(set().union(*(titled.get(t, ()) for t in terms)))] = True
                holding[terms] = (index.lexical.scores(sorted(terms)) > 0) | in_title[facts.row_item]
            hit &= holding[terms]
        rows |= hit
    items = _titled_items(facts, titled, alternatives)  # an item whose title alone names it (a section with no row)
    items[facts.row_item[rows]] = True
    return items


def _titled_items(facts, titled: dict[str, set[int]], alternatives: list[list[frozenset[str]]]) -> np.ndarray:
    """One bool per item: whether its title holds one of the `alternatives`."""
    items = np.zeros(len(facts.item_doc), dtype=bool)
    for groups in alternatives:
        hit = None
        for terms in groups:
            ids = set().union(*(titled.get(t, ()) for t in terms))
            hit = ids if hit is None else hit & ids
        items[sorted(hit or ())] = True
    return items


def items_titled(index, dates: DateRange) -> np.ndarray | None:
    """One bool per item of `index`: whether its title names the period `dates` ("Half-Year Report …, January–June
    2024", published in August): it is about that period, whatever its date. None when the period cannot be read."""
    alternatives = period_terms(dates)
    if not alternatives:
        return None
    facts = index.row_facts()
    return _titled_items(facts, _titles_holding(facts), alternatives)


# each title term's items, by the RowFacts of an index generation (read once: a generation never changes)
_TITLE_ITEMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _titles_holding(facts) -> dict[str, set[int]]:
    """The items whose title holds each lexical term (as the index's analyser reads text: _terms)."""
    if facts not in _TITLE_ITEMS:
        out: dict[str, set[int]] = {}
        for i in range(len(facts.item_doc)):
            for term in _terms(tuple(re.findall(r"\w+", facts.title_of(i) or ""))):
                out.setdefault(term, set()).add(i)
        _TITLE_ITEMS[facts] = out
    return _TITLE_ITEMS[facts]


def names_period(text: str, dates: DateRange) -> bool:
    """Whether `text` names the period `dates` (period_terms()): an answer taken from an item that is in a
    question's period only by mentioning it must be the part that does ("In 2023, … seized 6.3 tonnes", not
    "… 14 deliveries, against 9 in 2022" for a question about 2023)."""
    words = set(analyze(text))
    if any(all(terms & words for terms in groups) for groups in period_terms(dates)):
        return True
    # a half or a quarter by its Roman numeral ("I полугодие 2024 года"): the analyser drops "I" as a small word
    lo, hi = dates.since, dates.until
    return (lo is not None and hi is not None and lo.year == hi.year
            and any(months_of(m.group()) == (lo.year, lo.month or 1, hi.month or 12) for m in _PART_RE.finditer(text)))


# a year, not inside a longer number ("1,2023", "2023.5")
YEAR_RE = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d]|[.,]\d)")
# a year, or a span of years ("2024-2026", "2024–26", "from 2016 to 2020", "с 2016 по 2020 год"), not inside a
# longer number ("1,2023", "2023.5")
_YEARS = re.compile(r"(?<![\d.,])((?:19|20)\d\d)(?:(?:\s*[-–—]\s*|\s+(?:to|until|through|по|до)\s+)"
                    r"((?:19|20)\d\d|\d\d)(?!\d))?(?![\d]|[.,]\d)")


def other_years(text: str, dates: DateRange) -> tuple[int, ...]:
    """The years `text` names when it names none in the closed range `dates` (a span of years counts for each of
    its years), else (): "Its approved budget for 2024 was USD 14.6 million" names 2024 and is no answer about
    2023. () for an open range."""
    lo, hi = dates.since, dates.until
    if lo is None or hi is None:
        return ()
    named: set[int] = set()
    for m in _YEARS.finditer(text):
        first = int(m.group(1))
        last = (first if m.group(2) is None else int(m.group(2)) if len(m.group(2)) == 4
                else first // 100 * 100 + int(m.group(2)))
        years = range(first, max(first, min(last, first + 20)) + 1)
        if any(lo.year <= y <= hi.year for y in years):
            return ()
        named.update(years)
    return tuple(sorted(named))


# a year named only as what a figure is compared with: "38 % more than in 2022", "up from 900 kg in 2022", "по сравнению
# с 2022 годом", "против 1 146 кг в 2022 году"
_COMPARED_YEAR = re.compile(
    r"\b(?:than|compared\s+(?:with|to)|against|versus|vs\.?|up\s+from|down\s+from|from)\s+"
    r"(?:[^\W\d_]+(?:-[^\W\d_]+)*\s+){0,3}?"
    r"(?:[\d\s.,]+\s*(?:%|per\s*cent|kg|tonnes?|t)?\s+)?(?:in\s+)?(?:19|20)\d\d\b"
    r"|(?<!\w)(?:чем|против|по\s+сравнению\s+с|относительно)\s+(?:[^\W\d_]+(?:-[^\W\d_]+)*\s+){0,3}?"
    r"(?:[\d\s.,]+\s*(?:%|кг|т)?\s+)?(?:в\s+)?(?:19|20)\d\d(?!\d)",
    re.I)
# a year that opens a span ("from 2020 to the present", "с 2020 по 2023 год") is no year compared with
_SPAN_GOES_ON = re.compile(r"(?:\s*(?:года?|г\.))?\s*(?:[-–—]|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bпо\b|\bдо\b)",
                           re.I)
# a compared year given its own figure: "по сравнению с 2022 годом, когда было изъято 5 842 кг", "than in 2022
# (13 058 kg)": the sentence states that year's figure too
_OWN_FIGURE = re.compile(r"(?:\s*(?:годом|году|года|г\.))?\s*(?:,\s*(?:когда|when)\b[^.;()]{0,40}?\d|\(\s*\d)", re.I)


def without_compared_years(text: str, figured: bool = False) -> str:
    """`text` without the years it names only to compare a figure with ("… rose to 1 265 kg, 38 % more than in
    2022"): such a sentence of a report on 2023 is about 2023. `figured`: a compared year given its own figure stays
    ("…, 9,4 % больше, чем в 2022 году (13 058 кг)" says what was seized in 2022)."""
    if not figured:
        return _COMPARED_YEAR.sub(" ", text)

    def kept(m: re.Match) -> str:
        return m.group() if _OWN_FIGURE.match(text, m.end()) or _SPAN_GOES_ON.match(text, m.end()) else " "

    return _COMPARED_YEAR.sub(kept, text)


_PART_RE = re.compile(PART_OF_YEAR, re.I)
_MONTH = MONTH_NAMED_RE.pattern
# a month named beside its year: "9 марта 2023 года", "March 2023", "March 9, 2023", "в июле 2023 г."
_MONTH_YEAR_RE = re.compile(rf"(?P<month>{_MONTH})\s*(?:\d{{1,2}}(?!\d),?\s+)?(?P<year>(?:19|20)\d\d)(?!\d)")
# a span of months: "January-June 2023", "from 1 March to 31 August 2024", "с марта по сентябрь", "between May and July"
_MONTH_SPAN_RE = re.compile(
    rf"(?:(?P<a>{_MONTH})\s*(?:\d{{1,2}}(?!\d)\s*)?(?:[-–—]|\bto\b|\bthrough\b|\buntil\b|\bпо\b|\bдо\b)"
    rf"|\b(?:between|между)\s+(?P<a2>{_MONTH})\s*(?:\d{{1,2}}(?!\d)\s*)?(?:and|и)\b)"
    rf"\s*(?:\d{{1,2}}\s+)?(?P<b>{_MONTH})"
    rf"(?:\s*\d{{1,2}}(?!\d),?)?(?:\s+(?P<year>(?:19|20)\d\d)(?!\d))?",
    re.I,
)


def parts_named(text: str, year: int, spans: list[tuple[tuple[int, int], int | None]]) -> list[tuple[int, int]]:
    """The months (first, last) of each part of `year` that `text` names with the year: a half or a quarter ("в
    первом полугодии 2023 года", "Q1 2023"), a month ("9 марта 2023 года", "March 2023") and a span of its months
    (`spans`: month_spans(text))."""
    out = [(first, last) for m in _PART_RE.finditer(text) if (part := months_of(m.group())) and part[0] == year
           for first, last in [part[1:]]]
    out += [(n, n) for m in _MONTH_YEAR_RE.finditer(text)
            if int(m["year"]) == year and (n := month_number(m["month"]))]
    # a span of months runs through those between ("January-June 2023", "с марта по сентябрь 2023 года")
    out += [span for span, of in spans if of == year]
    return out


def month_spans(text: str) -> list[tuple[tuple[int, int], int | None]]:
    """Each span of months `text` names ("January-June 2023", "from March to September", "между мартом и маем"):
    its first and last month, and the year written after it (None when none is)."""
    out = []
    for m in _MONTH_SPAN_RE.finditer(text):
        a, b = month_number(m["a"] or m["a2"]), month_number(m["b"])
        if a and b:
            out.append(((min(a, b), max(a, b)), int(m["year"]) if m["year"] else None))
    return out


def _whole_year(text: str, year: int) -> bool:
    """Whether `text` names `year` as a whole: "in 2024", "за 2024 год", "Total 2024", not as part of an event's name
    ("Steppe Shield 2024", "Kanal-2024") nor of a span ("2023–2024")."""
    before = r"(?:\b(?:in|for|of|during|throughout|total|year)\s+|(?<!\w)(?:за|в|во|итого)\s+)"
    return re.search(rf"{before}{year}(?![\d–—-])", text, re.I) is not None


def other_part(text: str, dates: DateRange, published: str | None = None,
               figure: bool = False) -> tuple[int, int] | None:
    """The part of the year (first and last month) that `text` names when it names only parts of the year of a
    question's part-of-a-year period (year_of_part()) that lie outside it: "В первом полугодии 2023 года … изъято
    1 146 кг" is no answer about July 2023, nor "… 412 кг гашиша, … 9 марта 2023 года" about the second half of
    2023, even from a bulletin dated in July. None when it names a part within the period, a month of it by name
    alone ("in July"), or no part of that year. A part that ends after the text's `published` date (ISO) is a plan
    or a deadline ("to set up the list by June 2024" in minutes of March), not what the text reports: not read.
    With `figure` (the question asks how much or how many), the whole year named and no part of it is another
    period too: "Всего за 2024 год изъято 17 690 кг" is the year's figure, not the second quarter's; what happened
    "in 2024" may still have happened in its second quarter."""
    year = year_of_part(dates)
    if year is None:
        return None
    first, last = dates.since.month or 1, dates.until.month or 12
    spans = month_spans(text)
    named = parts_named(text, year, spans)
    if published and published[:4].isdigit():
        until = (int(published[:4]), int(published[5:7]) if published[5:7].isdigit() else 12)
        named = [(a, b) for a, b in named if (year, b) <= until]
    unyeared = [span for span, of in spans if of is None]  # a span with no year may be of the asked one
    if figure and not named and not unyeared and not months_named(text) and _whole_year(text, year):
        return 1, 12
    if not named or any(a <= last and b >= first for a, b in named + unyeared):
        return None
    if any(first <= n <= last for n in months_named(text)):
        return None
    return min(a for a, _ in named), max(b for _, b in named)
