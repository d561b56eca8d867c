"""What a query filter means: a date range and a set of sources, and the chunk rows they allow.

Dates. Each end of a range has year, month or day precision and is inclusive at that precision:
``since="2022-01", until="2022-08-31"`` keeps 2022-01-01 .. 2022-08-31, ``until="2022-08"``
keeps everything up to 2022-08-31. An item's own date also has a precision (``"2022"``,
``"2022-08"``, ``"2022-08-10"``) and stands for the whole period it names; an item is kept only
when that whole period lies inside the range, so every passage a filtered search returns is
*certainly* dated in the range (an item dated just "2022" is not kept by a July-August 2022
filter). Items without a date are left out of any date-filtered search and counted, so the UI can
say so.

Sources. Each pattern is a file glob or a folder, relative to the corpus folder (``"003_*"``,
``"news/"``, ``"news/**/*.html"``, ``"report.txt"``). A pattern without a ``/`` also matches file
names in any folder, the way .gitignore patterns do. A pattern that matches no indexed document is
reported back (``unknown``) rather than silently ignored.

Dates are compared as integers ``YYYYMMDD``; the end of a month is written as day 31 whatever the
month, which orders correctly against every real date.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import fnmatch
import functools
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

import numpy as np

from qa.contracts import UNDATED_NAMED, undated_note

UNDATED = -1  # the lo/hi of an item without a date: outside every date range

_ISO_RE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class FilterError(ValueError):
    """A filter the user gave cannot be used as given; the message says what to type instead."""


@dataclass(frozen=True)
class Bound:
    """One end of a date range as the user gave it: year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def first(self) -> int:
        """The first day it names, as YYYYMMDD."""
        return self.year * 10000 + (self.month or 1) * 100 + (self.day or 1)

    @property
    def last(self) -> int:
        """The last day it names, as YYYYMMDD (month ends written as day 31: orders correctly)."""
        return self.year * 10000 + (self.month or 12) * 100 + (self.day or 31)

    @property
    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self, language: str = "en") -> str:
        """"2022", "Aug 2022", "13 Oct 2021" ("август 2022", "13 октября 2021" in Russian: qa.lang.written_date)."""
        if language != "en":
            from qa.lang import written_date

            return written_date(self.iso, language)
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTH_ABBR[self.month - 1]} {self.year}"
        return f"{self.day} {_MONTH_ABBR[self.month - 1]} {self.year}"


def parse_bound(text: str | None, what: str = "date") -> Bound | None:
    """``"2022"``, ``"2022-08"`` or ``"2022-08-31"`` (``/`` or ``.`` separators too) -> Bound;
    empty -> None. Anything else, or a day that does not exist, raises FilterError."""
    if text is None:
        return None
    s = str(text).strip()
    if not s:
        return None
    m = _ISO_RE.fullmatch(s)
    if m is None:
        raise FilterError(f"{what} {s!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2022-08)")
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        raise FilterError(f"{what} {s!r} is not a real date: use YYYY, YYYY-MM or YYYY-MM-DD") from None
    if not 1000 <= year <= 9999:
        raise FilterError(f"{what} {s!r} is not a date: the year needs four digits")
    return Bound(year, month or None, day or None)


@functools.lru_cache(maxsize=65536)  # a corpus has far fewer distinct dates than items
def item_span(date: str | None) -> tuple[int, int]:
    """The (first, last) day an item's stored date stands for, or (UNDATED, UNDATED)."""
    if not date:
        return UNDATED, UNDATED
    try:
        b = parse_bound(date)
    except FilterError:
        return UNDATED, UNDATED  # an unreadable stored date counts as none
    return (b.first, b.last) if b else (UNDATED, UNDATED)


@dataclass(frozen=True)
class DateRange:
    """Inclusive range; either end may be open."""

    since: Bound | None = None
    until: Bound | None = None

    @classmethod
    def parse(cls, since: str | None, until: str | None) -> "DateRange":
        # named as the page's fields and the command's options both read ("From", --since)
        lo, hi = parse_bound(since, "from (since)"), parse_bound(until, "to (until)")
        if lo and hi and lo.first > hi.last:
            raise FilterError(f"the range starts ({lo.iso}) after it ends ({hi.iso}): swap the two dates")
        return cls(lo, hi)

    @property
    def active(self) -> bool:
        return self.since is not None or self.until is not None

    @property
    def lo(self) -> int:
        return self.since.first if self.since else 0

    @property
    def hi(self) -> int:
        return self.until.last if self.until else 99991231

    def keeps(self, date: str | None) -> bool:
        """Whether an item with this stored date is inside the range (always, when inactive)."""
        if not self.active:
            return True
        first, last = item_span(date)
        return first != UNDATED and self.lo <= first and last <= self.hi

    def human(self, language: str = "en") -> str:
        """"Aug 2022", "Jul 2022 – Aug 2022", "since 2020", "up to 13 Oct 2021", "", worded in `language`
        ("2020 и позже")."""
        s, u = _coarsest(self.since, start=True), _coarsest(self.until, start=False)
        if s and u and s.month is None and u.month is not None and (u.month, u.day) != (12, None):
            s = Bound(s.year, 1)  # "2022 – Aug 2022" reads oddly: "Jan 2022 – Aug 2022"
        if s and u and u.month is None and s.month is not None:
            u = Bound(u.year, 12)
        if s and u and s.day is None and u.day is not None:
            s = Bound(s.year, s.month or 1, 1)
        if s and u and u.day is None and s.day is not None:
            u = Bound(u.year, u.month or 12, calendar.monthrange(u.year, u.month or 12)[1])
        if s and u:
            if s == u:
                return s.human(language)
            if s.month is None and u.month is None:
                return f"{s.year}–{u.year}"
            return f"{s.human(language)} – {u.human(language)}"
        if s:
            return _words(language).say("range.since", date=s.human(language))
        if u:
            return _words(language).say("range.until", date=u.human(language))
        return ""


def _words(language: str):
    """The reply's words in `language` (qa.lang.ReplyWords), imported when first needed."""
    from qa.lang import reply_words

    return reply_words(language)


def _coarsest(b: Bound | None, start: bool) -> Bound | None:
    """The same days at the coarsest precision: 2022-08-01 as a start is "Aug 2022" when the
    other end closes the month; 2022-08-31 as an end is Aug 2022; 2022-01 .. as a start is 2022."""
    if b is None:
        return None
    day, month = b.day, b.month
    if day is not None and month is not None:
        edge = 1 if start else calendar.monthrange(b.year, month)[1]
        if day != edge:
            return b
        day = None
    if month is not None and day is None and month == (1 if start else 12):
        month = None
    return Bound(b.year, month, day)


# ----------------------------------------------------------------------------- sources
def _norm_pattern(p: str) -> str:
    p = str(p).strip().replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def source_matches(pattern: str, doc: str) -> bool:
    """Does a source pattern (glob or folder, relative to the corpus) name this document path?"""
    return _matcher(_norm_pattern(pattern))(doc)


@functools.lru_cache(maxsize=256)
def _matcher(p: str):
    """A compiled test for one pattern (fnmatch's rules, case-sensitive, "*" crossing "/")."""
    if not p:
        return lambda doc: False
    if p.endswith("/"):
        return lambda doc: doc.startswith(p)
    whole = re.compile(fnmatch.translate(p)).match
    name = re.compile(fnmatch.translate(p)).match if "/" not in p else None
    deep = re.compile(fnmatch.translate(p[3:])).match if p.startswith("**/") else None

    def test(doc: str) -> bool:
        if doc == p or doc.startswith(p + "/") or whole(doc):  # the file, a folder without "/", a glob
            return True
        if name is not None:  # a bare name or glob: the file name in any folder
            return bool(name(doc.rsplit("/", 1)[-1]))
        return bool(deep and deep(doc))

    return test


def match_sources(patterns: Iterable[str], docs: Iterable[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(the documents any pattern names, the patterns that name none)."""
    docs = list(docs)
    hit: set[str] = set()
    unknown = []
    for p in patterns:
        if not _norm_pattern(p):
            continue
        test = _matcher(_norm_pattern(p))
        found = [d for d in docs if test(d)]
        if not found:
            unknown.append(p)
        hit.update(found)
    return frozenset(hit), tuple(unknown)


def clean_sources(sources: Iterable[str] | str | None) -> tuple[str, ...]:
    """Patterns from a list, or from one string separated by commas or newlines; blanks dropped."""
    if sources is None:
        return ()
    if isinstance(sources, str):
        sources = re.split(r"[,\n]", sources)
    out = []
    for s in sources:
        s = _norm_pattern(s)
        if s and s not in out:
            out.append(s)
    return tuple(out)


# ----------------------------------------------------------------------------- rows
@dataclass(frozen=True)
class Selection:
    """What a filter selects from one index generation."""

    rows: np.ndarray | None  # bool per chunk row; None = no filter (every row)
    n_rows: int
    n_items: int
    undated_left_out: int  # items the date filter dropped for having no date (sources applied)
    unknown_sources: tuple[str, ...]
    reading: str  # "items dated Aug 2022 from 003_*" ("" when unfiltered)
    months: tuple[tuple[str, int], ...] = field(default=())  # ("2022-08", n items) in order
    doc_items: tuple[tuple[str, int], ...] = field(default=())  # (document, items it allows)
    mentioning: int = 0  # items kept for naming the period in their text, not for their date (qa.filters.mentions)
    undated_named: tuple[str, ...] = ()  # "title · document" of each undated item left out, when they are few
    undated_rows: np.ndarray | None = None  # bool per chunk row: the rows of the undated items left out

    @property
    def empty(self) -> bool:
        return self.rows is not None and self.n_rows == 0

    def notes(self, language: str = "en") -> list[str]:
        out = []
        if self.undated_left_out:
            out.append(undated_note(self.undated_left_out, self.undated_named, language))
        for p in self.unknown_sources:
            out.append(_words(language).say("unknown_source", source=repr(p)))
        return out


def describe(dates: DateRange, sources: Sequence[str], language: str = "en") -> str:
    """The human reading of a filter: "items dated Aug 2022 from 003_*", worded in `language`
    ("материалы с датой август 2022 из 003_*")."""
    words = _words(language)
    parts = []
    if dates.active:
        parts.append(words.say("dated", range=dates.human(language)))
    if sources:
        parts.append(words.say("from_sources", sources=", ".join(sources)))
    return words.say("items", which=" ".join(parts)) if parts else ""


class RowFacts:
    """Per-chunk-row facts a filter needs, held as arrays so a mask over a million rows takes
    milliseconds: the row's document, and the first/last day its item's date stands for.

    Built once per opened index generation (generations never change)."""

    def __init__(self, docs: Sequence[str], items: Sequence[tuple[int, str | None]],
                 row_doc: np.ndarray, row_item: np.ndarray, title_of: Callable[[int], str | None] | None = None):
        """docs: document paths by doc id; items: (doc id, date) by item id;
        row_doc / row_item: doc id and item id of every chunk row; title_of: an item id's title (a note
        names the few undated items a date filter leaves out; read when asked, not held)."""
        self.docs = list(docs)
        self.title_of = title_of or (lambda item: None)
        self.item_doc = np.asarray([d for d, _ in items], dtype=np.int32)
        self.item_dates = [dt for _, dt in items]
        spans = np.asarray([item_span(dt) for _, dt in items], dtype=np.int32).reshape(-1, 2)
        self.item_lo, self.item_hi = spans[:, 0].copy(), spans[:, 1].copy()
        # YYYYMM of items dated to the month or day (0: a bare year or no date), for the timeline
        self.item_month = np.where((self.item_lo != UNDATED) & (self.item_lo // 100 == self.item_hi // 100),
                                   self.item_lo // 100, 0)
        self.row_doc = np.asarray(row_doc, dtype=np.int32)
        self.row_item = np.asarray(row_item, dtype=np.int32)
        self.n = len(self.row_doc)
        self._cache: dict[tuple, Selection] = {}
        self._ends: tuple[str | None, str | None] | None = None

    @classmethod
    def from_store(cls, query) -> "RowFacts":
        """From a generation's SQLite metadata; `query(sql)` returns rows. Three scans and numpy:
        a few seconds at a million chunks, once per generation, on its first filtered question."""
        docs_by_id = dict(query("SELECT id, path FROM documents"))
        ids = sorted(docs_by_id)
        doc_pos = np.full(max(ids, default=-1) + 2, -1, dtype=np.int64)
        doc_pos[ids] = np.arange(len(ids))
        item_rows = query("SELECT doc_id, idx, date FROM items ORDER BY doc_id, idx")
        items: list[tuple[int, str | None]] = [(int(doc_pos[d]), date) for d, _, date in item_rows]
        key_of = {(d, idx): i for i, (d, idx, _) in enumerate(item_rows)}
        pairs = np.array(query("SELECT doc_id, item FROM chunks ORDER BY id"), dtype=np.int64).reshape(-1, 2)
        row_doc_id, row_idx = pairs[:, 0], pairs[:, 1]
        # an item's position is its document's first item + its index, when a document's items are
        # numbered 0, 1, 2 ... (they are); anything else goes through the dictionary
        first = np.full(len(doc_pos), -1, dtype=np.int64)
        count = np.zeros(len(doc_pos), dtype=np.int64)
        item_doc_id = np.array([d for d, _, _ in item_rows], dtype=np.int64)
        item_idx = np.array([i for _, i, _ in item_rows], dtype=np.int64)
        if len(item_rows):
            starts = np.flatnonzero(np.r_[True, item_doc_id[1:] != item_doc_id[:-1]])
            first[item_doc_id[starts]] = starts
            np.add.at(count, item_doc_id, 1)
        guess = first[row_doc_id] + row_idx
        ok = (first[row_doc_id] >= 0) & (row_idx >= 0) & (row_idx < count[row_doc_id])
        ok[ok] &= item_idx[guess[ok]] == row_idx[ok]
        row_item = np.where(ok, guess, -1)
        for r in np.flatnonzero(~ok):  # rare: a chunk outside every item gets an undated item of its own
            d, it = int(row_doc_id[r]), int(row_idx[r])
            pos = key_of.get((d, it))
            if pos is None:
                pos = key_of[(d, it)] = len(items)
                items.append((int(doc_pos[d]), None))
            row_item[r] = pos

        def title_of(item: int) -> str | None:
            if item >= len(item_rows):
                return None
            key = (int(item_doc_id[item]), int(item_idx[item]))
            found = query("SELECT title FROM items WHERE doc_id = ? AND idx = ?", key)
            return found[0][0] if found else None

        return cls([docs_by_id[i] for i in ids], items, doc_pos[row_doc_id], row_item, title_of)

    def date_span(self, language: str = "en") -> tuple[str | None, str | None]:
        """The oldest and newest item dates, for people ("7 Oct 2021", "8 Jul 2025"), worded in `language`."""
        oldest, newest = self._dated_ends()
        return (parse_bound(oldest).human(language) if oldest else None,
                parse_bound(newest).human(language) if newest else None)

    def newest(self) -> str | None:
        """The newest item date (ISO, at its own precision), for relative dates in questions."""
        return self._dated_ends()[1]

    def _dated_ends(self) -> tuple[str | None, str | None]:
        # by the first day each date names: "2022-08-10" is newer than a bare "2022";
        # computed once: every question without a date filter asks for it
        if self._ends is None:
            dated = np.flatnonzero(self.item_lo != UNDATED)
            if len(dated) == 0:
                self._ends = (None, None)
            else:
                key = self.item_lo[dated].astype(np.int64) * 100_000_000 + self.item_hi[dated]
                self._ends = (self.item_dates[dated[np.argmin(key)]], self.item_dates[dated[np.argmax(key)]])
        return self._ends

    def select(self, since: str | None = None, until: str | None = None,
               sources: Iterable[str] | None = None,
               mentioning: Callable[[DateRange], np.ndarray | None] | None = None, wide: bool = False,
               titled: bool = False, ahead: bool = False) -> Selection:
        """The rows a filter allows (cached: the same filter asked again costs a dict lookup). `mentioning`
        (a date read from a question): the items whose text names the range, kept beside those dated in it
        (qa.filters.mentions.items_mentioning); `wide`: `mentioning` also reads the items that may report it
        (qa.filters.mentions.items_reporting), a selection of its own; `titled`: it reads only the items whose
        title names the range (qa.filters.mentions.items_titled), another; `ahead` (a question about a plan,
        qa.filters.question.asks_ahead): `mentioning` keeps the items published before the range too."""
        dates = DateRange.parse(since, until)
        pats = clean_sources(sources)
        key = (dates, pats, mentioning is not None, wide, titled, ahead)
        if key in self._cache:
            return self._cache[key]
        if not dates.active and not pats:
            sel = Selection(None, self.n, len(self.item_doc), 0, (), "")
        else:
            sel = self._select(dates, pats, mentioning(dates) if mentioning is not None and dates.active else None,
                               ahead)
        if len(self._cache) >= 16:
            self._cache.pop(next(iter(self._cache)))
        self._cache[key] = sel
        return sel

    def _select(self, dates: DateRange, pats: tuple[str, ...], mentioned: np.ndarray | None = None,
                ahead: bool = False) -> Selection:
        item_ok = np.ones(len(self.item_doc), dtype=bool)
        unknown: tuple[str, ...] = ()
        if pats:
            names, unknown = match_sources(pats, self.docs)
            doc_ok = np.zeros(len(self.docs), dtype=bool)
            doc_ok[[i for i, d in enumerate(self.docs) if d in names]] = True
            item_ok &= doc_ok[self.item_doc] if len(self.item_doc) else item_ok
        undated = extra = 0
        named: tuple[str, ...] = ()
        undated_rows = None
        if dates.active:
            dated_in = (self.item_lo != UNDATED) & (self.item_lo >= dates.lo) & (self.item_hi <= dates.hi)
            if mentioned is not None:
                # an item published before the period begins names it only as a plan ("to hold a meeting in the
                # second half of 2022", said in June 2022): it reports nothing about it, unless a plan is asked
                if not ahead:
                    mentioned = mentioned & ~((self.item_lo != UNDATED) & (self.item_hi < dates.lo))
                extra = int(np.count_nonzero(item_ok & mentioned & ~dated_in))
                dated_in = dated_in | mentioned
            left_out = np.flatnonzero(item_ok & (self.item_lo == UNDATED) & ~dated_in)
            undated = len(left_out)
            if undated and self.n:
                undated_items = np.zeros(len(self.item_doc), dtype=bool)
                undated_items[left_out] = True
                undated_rows = undated_items[self.row_item]
            if undated <= UNDATED_NAMED:
                named = tuple(self._name(int(i)) for i in left_out)
            elif len(docs := dict.fromkeys(self.docs[self.item_doc[int(i)]] for i in left_out)) <= UNDATED_NAMED:
                named = tuple(docs)  # many items of a few documents (a programme's sessions): the documents
            item_ok &= dated_in
        rows = item_ok[self.row_item] if self.n else np.zeros(0, dtype=bool)
        kept = np.flatnonzero(item_ok)
        ym = self.item_month[kept]
        values, counts = np.unique(ym[ym > 0], return_counts=True)
        months = {f"{v // 100:04d}-{v % 100:02d}": int(c) for v, c in zip(values, counts)}
        per_doc = np.bincount(self.item_doc[kept], minlength=len(self.docs)) if len(kept) else np.zeros(0, int)
        return Selection(
            doc_items=tuple((self.docs[i], int(per_doc[i])) for i in np.flatnonzero(per_doc)),
            rows=rows,
            n_rows=int(np.count_nonzero(rows)),
            n_items=len(kept),
            undated_left_out=undated,
            unknown_sources=unknown,
            reading=describe(dates, pats),
            months=tuple(sorted(months.items())),
            mentioning=extra,
            undated_named=named,
            undated_rows=undated_rows,
        )

    def _name(self, item: int) -> str:
        """"News · news/caricc-news.html": an item's title and document, or its document alone."""
        doc = self.docs[self.item_doc[item]]
        title = self.title_of(item)
        return f"{title} · {doc}" if title and title != doc.rsplit("/", 1)[-1] else doc
