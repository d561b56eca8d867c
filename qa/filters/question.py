"""Dates named in a question: "in August 2022", "on 13 October 2021", "since 2020", "last year",
"before the Vienna meeting" -> a date range, with the words it came from and a human reading.

Rules find the date expressions (so that "2020 participants" or "the 2021 strategy's budget" are
never read as dates: a bare year counts only after a preposition that makes it a time, like "in"
or "since") and read the forms they find, with their precision (day, month or year), in English
and Russian. dateparser reads whatever else an expression holds; it is not the first choice because
one call takes 1-30 ms (a question's whole answer takes ~12 ms) and its own search_dates reads
"2020 participants" as a date. Relative expressions ("last year", "the past 6 months") resolve against the
newest item date in the corpus, not today's date: a corpus is a snapshot, and "last year" in a
2022 archive means 2021. Event references ("before the Vienna meeting") are handed to a resolver
(the service searches the corpus for the event and returns its item's date).

A question with two separate dates ("in 2021 compared with 2020") has no single reading and gets
none. What the reading is then used for (a hard filter or a ranking signal) is the caller's choice.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass
from typing import Callable

from qa.filters.core import Bound, DateRange, parse_bound
from qa.filters.mentions import MAX_YEARS
from qa.lang import detect, get, reply_words
from qa.lang.detection import script_of
from qa.lang.year_parts import PART_OF_YEAR, months_of

EN_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_RU_MONTHS = (
    r"(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
# English month names must be capitalised ("may" the verb, "march" the verb are never months)
MONTH = rf"(?:{EN_MONTHS}|(?i:{_RU_MONTHS}))"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"
_DASH = r"\s*(?:-|–|—|to|and|till|until|through|по)\s*"
_PART = r"(?:(?:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+)?"

_DAY_EXPR = (
    rf"(?<![\d.])(?P<d1>{DAY})(?:{_DASH}{DAY})?(?:\s+of)?\s+(?P<m1>{MONTH}),?\s+(?P<y1>{YEAR})(?:\s*(?:г\.|года))?"
    rf"|(?P<m2>{MONTH})\s+(?P<d2>{DAY})(?:{_DASH}(?:{MONTH}\s+)?{DAY})?,?\s+(?P<y2>{YEAR})"
    rf"|(?P<iso>{YEAR}-(?:0[1-9]|1[0-2])-(?:3[01]|[12]\d|0[1-9]))"
    rf"|(?P<dotted>(?:3[01]|[12]\d|0?[1-9])\.(?:1[0-2]|0?[1-9])\.{YEAR})"
)
# "January–June 2024", "from March to May 2023", "between January and June 2024", "январь–июнь 2024 года": a
# span of months of one year. "and" only after "between": "in March and June 2024" names two months, not a span.
_MONTH_RANGE_EXPR = (rf"(?:(?P<between>(?i:between))\s+)?(?P<ma>{MONTH})\s*"
                     rf"(?(between)(?:and|-|–|—)|(?:-|–|—|to|till|until|through|по))\s*(?P<mb>{MONTH})"
                     rf"(?:,|\s+of)?\s+(?P<ym>{YEAR})(?:\s*(?:г\.|года))?")
_MONTH_EXPR = (rf"{_PART}(?P<m3>{MONTH})(?:,|\s+of)?\s+(?P<y3>{YEAR})(?:\s*(?:г\.|года))?"
               rf"|(?P<isom>{YEAR}-(?:0[1-9]|1[0-2]))")
# A bare year is a time only after one of these words (what keeps "2020 participants" out).
_YEAR_CUE = r"(?i:in|during|since|after|before|until|till|from|between|throughout|prior\s+to|в|во|с|до|после)"
_YEAR_EXPR = rf"(?P<y4>{YEAR})(?:{_DASH}(?P<y5>{YEAR}))?"

# Every date expression holds a year; a question without one never needs the long pattern below.
_ANY_YEAR_RE = re.compile(YEAR)
_DATE = (
    rf"(?P<part>(?i:{PART_OF_YEAR}))|(?P<months>{_MONTH_RANGE_EXPR})|(?P<day>{_DAY_EXPR})|(?P<month>{_MONTH_EXPR})|(?<=\b)(?P<cue>{_YEAR_CUE})\s+(?:the\s+year\s+)?(?P<year>{_YEAR_EXPR})(?![\d'’]|\s*%|\s*[-–]\s*\d)"
)
_RELATION_RE = re.compile(
    r"(?i:\b(?P<rel>since|after|following|from|before|prior\s+to|until|till|up\s+to|through|by|between|"
    r"in|during|on|at|of|throughout|с|до|после|в|во)\s+(?P<the>the\s+(?:year\s+|month\s+of\s+)?)?)$"
)
# "after the March 2022 delivery": the date names an event (an adjective before a noun), and the
# question is about that event, so its items are the ones dated then, whatever the preposition.
_NOUN_AFTER_RE = re.compile(r"^\s+[A-Za-z][\w-]*")
_BETWEEN_RE = re.compile(r"(?i:\b(?:between|from)\s+)$")
_AND_RE = re.compile(r"^\s*(?:and|to|till|until|through|-|–|—|и|по)\s*$", re.I)

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "twelve": 12, "a": 1}
_RELATIVE_RE = re.compile(
    r"(?i)\b(?:(?P<this>this|last|previous|past)\s+(?P<unit>year|month)\b(?!s)"
    r"|(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:(?P<n>\d+|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|twelve)\s+)?(?P<units>years?|months?)\b)"
)
# Russian: "в этом / прошлом году", "в прошлом месяце", "за последний год", "за последние 3 года"; the words are
# read as English's (_RU_RELATIVE_WORDS)
_RU_RELATIVE_RE = re.compile(
    r"(?i)\b(?:в|за)\s+(?P<this>этом|этот|текущем|текущий|прошлом|прошлый|прошедшем|прошедший|минувшем|минувший"
    r"|последний)\s+(?P<unit>году|год|месяце|месяц)\b"
    r"|\bза\s+последние\s+(?:(?P<n>\d+|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двенадцать)\s+)?"
    r"(?P<units>года|лет|месяца|месяцев)\b"
)
_RU_RELATIVE_WORDS = {
    **dict.fromkeys(("этом", "этот", "текущем", "текущий"), "this"),
    **dict.fromkeys(("прошлом", "прошлый", "прошедшем", "прошедший", "минувшем", "минувший"), "last"),
    "последний": "past", "году": "year", "год": "year", "месяце": "month", "месяц": "month",
    "года": "years", "лет": "years", "месяца": "months", "месяцев": "months",
    "два": "two", "две": "two", "три": "three", "четыре": "four", "пять": "five", "шесть": "six", "семь": "seven",
    "восемь": "eight", "девять": "nine", "десять": "ten", "двенадцать": "twelve",
}
_EVENT_NOUNS = (
    r"meeting|conference|workshop|seminar|visit|forum|training|course|session|summit|briefing|"
    r"de-?briefing|operation|exercise|mission|talks|consultations|event|launch|signing|festival|ceremony|"
    r"election|congress|assembly|plenary"
)
_EVENT = (
    rf"(?i)\b(?P<rel>before|prior\s+to|after|since|following)\s+(?P<event>(?:the\s+|a\s+|an\s+)?"
    rf"(?:[\w'’-]+\s+){{0,5}}?(?:{_EVENT_NOUNS})(?:\s+(?:in|of|on|at)\s+[A-Z][\w-]+)?)\b"
)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """The long patterns (_DATE, _EVENT, the day ranges: ~45 ms to compile together) are compiled
    on first use: `qa ask` answers one question per process, and most questions name no date."""
    return re.compile(pattern)


# words before a relative date that already say how it bounds the period ("since last year")
_PREPOSITIONS = {"since", "before", "after", "until", "till", "from", "by", "to"}


@dataclass(frozen=True)
class QuestionDates:
    """A date reading of a question."""

    since: str | None  # ISO at its precision, inclusive
    until: str | None
    text: str  # the words of the question it was read from ("in August 2022")
    start: int
    end: int
    relative_to: str | None = None  # the newest corpus date a relative expression resolved against
    event: str | None = None  # the event a reference was resolved from ("the Vienna meeting")
    event_date: str | None = None

    @property
    def range(self) -> DateRange:
        return DateRange.parse(self.since, self.until)

    def reading(self, mentioning: bool = False, language: str = "en") -> str:
        """"items dated Aug 2022" and, when it matters, how it was resolved; `mentioning`: items
        that name the period in their text were searched too ("items dated or mentioning 2023"). Worded in
        `language`: "материалы с датой август 2022"."""
        return reply_words(language).say("items", which=self.which(mentioning, language))

    def which(self, mentioning: bool = False, language: str = "en") -> str:
        """The reading without its "items": "dated Aug 2022", "с датой август 2022"."""
        words, span = reply_words(language), self.range
        if mentioning and span.since is None and span.until is not None:
            # open before: the later items searched name a year of its end (qa.filters.mentions.period_terms)
            years = f"{span.until.year - MAX_YEARS + 1}–{span.until.year}"
            which = words.say("dated_or_mentioning_years", range=span.human(language), years=years)
        else:
            which = words.say("dated_or_mentioning" if mentioning else "dated", range=span.human(language))
        return which + self.resolved(language)

    def written_out(self, question: str) -> str:
        """`question` with its relative date written as the period it was counted to: "… seize last year?" ->
        "… seize in 2023?". The answer step reads the period's own words, as a text reporting it writes
        them ("In 2023, operations … seized 6.3 tonnes"); "last year" matches none of them. Unchanged when
        the date is not relative, or is a Russian one other than a year."""
        if not self.relative_to or question[self.start:self.end] != self.text:
            return question
        span = self.range
        before = (question[:self.start].split() or [""])[-1].lower()
        if script_of(self.text) == "cyrillic":
            if not (span.since and span.until and span.since == span.until and span.since.month is None):
                return question
            words = f"в {span.since.year} году"
        else:
            human = span.human()
            if before in _PREPOSITIONS:  # "since last year": "since 2023"
                words = human
            elif "–" in human:  # "Jun 2022 – May 2024", "2022–2023"
                first, last = (x.strip() for x in human.split("–", 1))
                words = f"between {first} and {last}"
            else:
                words = f"in {human}"
        return question[:self.start] + words + question[self.end:]

    def resolved(self, language: str = "en") -> str:
        """How the range was resolved, when it was: from an event's date or from the newest item's ("" else)."""
        if self.event:
            return reply_words(language).say("resolved.event", event=self.event,
                                             date=parse_bound(self.event_date).human(language))
        if self.relative_to:
            return reply_words(language).say("resolved.relative", words=self.text.strip(),
                                             date=parse_bound(self.relative_to).human(language))
        return ""


@functools.cache
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en", "ru"], settings={"PREFER_DAY_OF_MONTH": "first"})


_DMY_RANGE = rf"^(?P<a>{DAY}){_DASH}(?P<b>{DAY})(?P<rest>(?:\s+of)?\s+{MONTH},?\s+{YEAR})$"
_MDY_RANGE = rf"^(?P<m>{MONTH})\s+(?P<a>{DAY}){_DASH}(?P<m2>{MONTH}\s+)?(?P<b>{DAY}),?\s+(?P<y>{YEAR})$"


def _to_span(expr: str) -> tuple[Bound, Bound] | None:
    """A date expression -> (first, last) Bound; equal except for day ranges ("7-8 October 2021")."""
    expr = re.sub(r"(?i)^(?:early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+", "", expr.strip())
    expr = re.sub(r"\s*(?:г\.|года)$", "", expr)
    if m := _compiled(_DMY_RANGE).match(expr):
        a, b = _to_bound(m["a"] + m["rest"]), _to_bound(m["b"] + m["rest"])
    elif m := _compiled(_MDY_RANGE).match(expr):
        a = _to_bound(f"{m['m']} {m['a']}, {m['y']}")
        b = _to_bound(f"{m['m2'] or m['m']} {m['b']}, {m['y']}")
    else:
        a = b = _to_bound(expr)
    if a is None or b is None or a.first > b.last:
        return None
    return a, b


_EN_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_DMY_RE = re.compile(rf"(\d{{1,2}})(?:\s+of)?\s+({EN_MONTHS}),?\s+({YEAR})")
_MDY_RE = re.compile(rf"({EN_MONTHS})\s+(\d{{1,2}}),?\s+({YEAR})")
_MY_RE = re.compile(rf"({EN_MONTHS})(?:,|\s+of)?\s+({YEAR})")
_DOTTED_RE = re.compile(rf"(\d{{1,2}})\.(\d{{1,2}})\.({YEAR})")


def _bound(year: int, month: int | None = None, day: int | None = None) -> Bound | None:
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return Bound(year, month, day)


def _en_month(word: str) -> int:
    return _EN_MONTH_NUMBER[word[:3].lower()]


@functools.lru_cache(maxsize=4096)
def _to_bound(expr: str) -> Bound | None:
    """One date expression -> Bound at its precision (day, month, year). The forms the rules find
    are read here directly (dateparser takes ~30 ms a call on a busy machine); dateparser reads
    what is left, Russian inflections last."""
    expr = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", expr)
    if re.fullmatch(YEAR, expr):
        return Bound(int(expr))
    if m := re.fullmatch(rf"({YEAR})-(\d\d)(?:-(\d\d))?", expr):
        return _bound(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    if m := _DMY_RE.fullmatch(expr):
        return _bound(int(m[3]), _en_month(m[2]), int(m[1]))
    if m := _MDY_RE.fullmatch(expr):
        return _bound(int(m[3]), _en_month(m[1]), int(m[2]))
    if m := _MY_RE.fullmatch(expr):
        return _bound(int(m[2]), _en_month(m[1]))
    if m := _DOTTED_RE.fullmatch(expr):
        return _bound(int(m[3]), int(m[2]), int(m[1]))
    if bound := _ru_month(expr):
        return bound
    data = _parser().get_date_data(expr)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj
    if data.period == "year":
        return Bound(d.year)
    if data.period == "month":
        return Bound(d.year, d.month)
    return Bound(d.year, d.month, d.day)


_RU_STEMS = ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр")


def _ru_month(expr: str) -> Bound | None:
    """Russian month names in cases dateparser does not read ("в августе 2022")."""
    m = re.fullmatch(rf"(?:({DAY})\s+)?([а-яё]+)\s+({YEAR})", expr.strip().lower())
    if not m:
        return None
    word = m[2]
    month = next((i + 1 for i, st in sorted(enumerate(_RU_STEMS), key=lambda x: -len(x[1])) if word.startswith(st)),
                 None)
    if month is None:
        return None
    day = int(re.sub(r"\D", "", m[1])) if m[1] else None
    try:
        _dt.date(int(m[3]), month, day or 1)
    except ValueError:
        return None
    return Bound(int(m[3]), month, day)


def _after(b: Bound) -> Bound:
    """The first period after b, at b's precision."""
    if b.day is not None:
        n = _dt.date(b.year, b.month, b.day) + _dt.timedelta(days=1)
        return Bound(n.year, n.month, n.day)
    if b.month is not None:
        return Bound(b.year + (b.month == 12), b.month % 12 + 1)
    return Bound(b.year + 1)


def _before(b: Bound) -> Bound:
    """The last period before b, at b's precision."""
    if b.day is not None:
        p = _dt.date(b.year, b.month, b.day) - _dt.timedelta(days=1)
        return Bound(p.year, p.month, p.day)
    if b.month is not None:
        return Bound(b.year - (b.month == 1), (b.month - 2) % 12 + 1)
    return Bound(b.year - 1)


def _apply(rel: str | None, b: Bound, last: Bound | None = None) -> tuple[Bound | None, Bound | None]:
    """(since, until) for a relation word and a date (or span b .. last)."""
    last = b if last is None else last
    rel = (rel or "").lower().split()[0] if rel else ""
    if rel in ("from", "с") and last is not b:  # "from 2020 to 2022", "from July 19 to 21, 2022"
        return b, last
    if rel in ("since", "from", "с"):
        return b, None
    if rel in ("after", "following", "после"):
        return _after(last), None
    if rel in ("before", "prior", "до"):
        return None, _before(b)
    if rel in ("until", "till", "up", "through", "by"):
        return None, last
    return b, last


def _expressions(q: str) -> list[tuple[int, int, Bound, Bound | None]]:
    """(start, end, bound, end bound of a year range) of every date expression."""
    out = []
    if not _ANY_YEAR_RE.search(q):
        return out
    for m in _compiled(_DATE).finditer(q):
        if m["part"]:  # "the second half of 2022": its months
            if part := months_of(m["part"]):
                year, first, last = part
                out.append((m.start(), m.end(), Bound(year, first), Bound(year, last)))
        elif m["months"]:
            first, last = _to_bound(f"{m['ma']} {m['ym']}"), _to_bound(f"{m['mb']} {m['ym']}")
            if first and last and first.month and last.month and first.first < last.first:
                out.append((m.start(), m.end(), first, last))
        elif m["day"] or m["month"]:
            span = _to_span(m["day"] or m["month"])
            if span:
                out.append((m.start(), m.end(), span[0], span[1] if span[1] != span[0] else None))
        elif m["year"]:
            y1 = Bound(int(m["y4"]))
            y2 = Bound(int(m["y5"])) if m["y5"] else None
            if y2 and y2.year < y1.year:
                y2 = None
            out.append((m.start("year"), m.end(), y1, y2))
    return out


def asks_ahead(question: str) -> bool:
    """Whether a question asks about a plan or what is to come (Language.plan_question): "How many officers will take
    part in the March 2025 course?" is answered by the January announcement."""
    pattern = get(detect(question)).plan_question
    return pattern is not None and pattern.search(question) is not None


def parse_question_dates(
    question: str,
    newest: str | None = None,
    resolve_event: Callable[[str], str | None] | None = None,
) -> QuestionDates | None:
    """The date reading of a question, or None when it names no time (or names two)."""
    q = question
    exprs = _expressions(q)
    # a year outside every expression ("... in 2021 compared with 2020") makes the reading unsure
    rest = "".join(ch if not any(s <= i < e for s, e, *_ in exprs) else " " for i, ch in enumerate(q))
    if re.search(rf"(?<![\d.,])\b{YEAR}\b(?![\d.,]\d)", rest) and exprs:
        return None
    if len(exprs) == 2:
        (s1, e1, b1, r1), (s2, e2, b2, r2) = exprs
        if _BETWEEN_RE.search(q[:s1]) and _AND_RE.match(q[e1:s2]) and r1 is None and r2 is None:
            lo, hi = b1, b2
            start = _BETWEEN_RE.search(q[:s1]).start()
            if lo.first <= hi.last:
                return QuestionDates(lo.iso, hi.iso, q[start:e2], start, e2)
        return None
    if len(exprs) > 2:
        return None
    if len(exprs) == 1:
        s, e, b, b2 = exprs[0]
        rel_m = _RELATION_RE.search(q[:s])
        rel = rel_m["rel"] if rel_m else None
        start = rel_m.start() if rel_m else s
        if rel_m and rel_m["the"] and _NOUN_AFTER_RE.match(q[e:]):
            rel, start = None, s
        lo, hi = _apply(rel, b, b2)
        return QuestionDates(lo.iso if lo else None, hi.iso if hi else None, q[start:e], start, e)
    if newest and (m := _RELATIVE_RE.search(q) or _RU_RELATIVE_RE.search(q)):
        return _relative(q, m, newest)
    if resolve_event and (m := _compiled(_EVENT).search(q)):
        when = resolve_event(m["event"])
        b = parse_bound(when) if when else None
        if b is not None:
            lo, hi = _apply(m["rel"], b)
            return QuestionDates(
                lo.iso if lo else None, hi.iso if hi else None, m.group(), m.start(), m.end(),
                event=m["event"], event_date=b.iso,
            )
    return None


def _word(m: re.Match, group: str) -> str | None:
    """A group of a relative expression in English's words ("прошлом" -> "last", "лет" -> "years")."""
    w = m[group]
    return None if w is None else _RU_RELATIVE_WORDS.get(w.lower(), w.lower())


def _relative(q: str, m: re.Match, newest: str) -> QuestionDates | None:
    ref = parse_bound(newest)
    if ref is None:
        return None
    if m["unit"]:
        which = _word(m, "this")
        if _word(m, "unit") == "year":
            year = ref.year if which == "this" else ref.year - 1
            if which == "past":  # "the past year": the twelve months up to the newest item
                return _rolling(q, m, ref, months=12)
            lo = hi = Bound(year)
        else:
            if ref.month is None:
                return None
            if which == "past":
                return _rolling(q, m, ref, months=1)
            mb = Bound(ref.year, ref.month) if which == "this" else _before(Bound(ref.year, ref.month))
            lo = hi = mb
        return QuestionDates(lo.iso, hi.iso, m.group(), m.start(), m.end(), relative_to=ref.iso)
    n = _word(m, "n")
    count = int(n) if n and n.isdigit() else _NUMBERS.get(n or "one", 1)
    months = count * (12 if _word(m, "units").startswith("year") else 1)
    return _rolling(q, m, ref, months)


def _rolling(q: str, m: re.Match, ref: Bound, months: int) -> QuestionDates:
    """The `months` months that end with the newest item's date (its month, at month precision)."""
    end_y, end_m = ref.year, ref.month or 12
    total = end_y * 12 + (end_m - 1) - (months - 1)
    lo = Bound(total // 12, total % 12 + 1)
    return QuestionDates(lo.iso, Bound(end_y, end_m).iso, m.group(), m.start(), m.end(), relative_to=ref.iso)
