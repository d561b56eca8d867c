"""A table row as an answer: the header row it is read against, and the cell the question asks for.

Readers write a table a row a line, its cells parted by ``CELL_SEPARATOR`` ("Osgate | 5,100 cubic metres |
9"; a web page's as a Markdown row, "| Osgate | 5,100 cubic metres | 9 |"), so a row is a sentence like any
other. Alone it lacks what its columns mean: "What is the output per day of the Osgate station?" shares only
"Osgate" with it, and the header row ("Station | Output per day | Staff") won instead and was given as the
answer. Here a row finds its header (the first row of its table), the answer step reads the row with its
header (`reading`), and the short answer is the cell under the column the question names ("5,100 cubic
metres"), or, when no column is named, the one cell of the kind asked for ("Who holds plot 12?" -> the one
name in the row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.needs import needs
from qa.answer.periods import names_part, part_of, row_label
from qa.contracts import Passage
from qa.filters.mentions import YEAR_RE
from qa.filters.year_spans import names_span_of_years, spans_year
from qa.ingest.readers import CELL_SEPARATOR
from qa.lang import analyze, detect, get
from qa.lang.countries import countries_in
from qa.lang.counted import across
from qa.lang.substances import identities
from qa.store import Index, SentenceRow

# how far up a table a row looks for its header: tables longer than this are read without one; rows are
# fetched this many at a time
MAX_ROWS_ABOVE = 5000
_FETCH = 32
_DIGIT = re.compile(r"\d")
# the most sentences of notes at a page's foot, between a table's last row on it and the rows on the next page
_FOOT_NOTES = 3
# what opens a note under a table: a note's mark, or a source's or note's label
_NOTE = re.compile(r"\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡]|(?:sources?|notes?|источники?|примечани[ея])\s*:)", re.I)
# a year, not part of a longer figure ("2021", "2021 год", "FY2019-20"; not "12,020" or "1 2021")
_YEAR = re.compile(r"(?<![\d,.])(?<!\d\s)(?:1[89]|20)\d\d(?![\d,.])")


@dataclass(frozen=True)
class TableRow:
    """A sentence that is a row of a table with a header row."""

    header: SentenceRow
    cells: tuple[tuple[int, int], ...]  # each cell's (start, end) in the row's text, stripped
    header_cells: tuple[str, ...]


def cells(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row's text, without the spaces around it; [] for
    text that is not a row of two cells or more. A Markdown row's outer pipes ("| a | b |", an HTML
    table as trafilatura writes it) are no cells."""
    if CELL_SEPARATOR not in text or "\n" in text.strip():
        return []
    at, end = 0, len(text.rstrip())
    if text.startswith("| ") and text[:end].endswith(" |"):
        at, end = 2, end - 2
    out = []
    for part in text[at:end].split(CELL_SEPARATOR):
        lead = len(part) - len(part.lstrip())
        out.append((at + lead, at + len(part.rstrip())))
        at += len(part) + len(CELL_SEPARATOR)
    return out if len(out) >= 2 else []


def _cell_texts(text: str) -> list[str]:
    """The cells of a table row's text."""
    return [text[a:b] for a, b in cells(text)]


def _is_header(first: list[str]) -> bool:
    """Whether a table's first row names its columns: no cell holds a figure other than a year ("Country |
    2019 | 2020" is a header; "Brindle | 8,400 cubic metres | 12" is a row of data, and so is the first row
    of a table of labels and values, "Date | 12 September 2023")."""
    return not any(_DIGIT.search(_YEAR.sub("", c)) for c in first)


def _width(text: str) -> int:
    """How many cells a row's text has (0: not a row); cheaper than cells() for a walk up a table."""
    n = text.count(CELL_SEPARATOR)
    return n + 1 if n and "\n" not in text.strip() else 0


class Tables:
    """The table rows of one index, read for one question: the walk up to a table's first row is made
    once per table, not once per candidate row (a 400-row table's rows cost 65 ms a question without)."""

    def __init__(self, index: Index):
        self.index = index
        # row id -> (the first row of its run of rows as wide, their width)
        self._top: dict[int, tuple[SentenceRow, int]] = {}

    def _first_row(self, row: SentenceRow, width: int) -> SentenceRow:
        above = self._top.get(row.id - 1)  # the row right above read before: no fetch
        if above is not None and above[1] == width and (above[0].doc, above[0].item) == (row.doc, row.item):
            self._top[row.id] = above
            return above[0]
        top, visited, end = row, [], row.id
        floor = max(0, row.id - MAX_ROWS_ABOVE)
        while end > floor:
            first = max(floor, end - _FETCH)
            for r in reversed(self.index.sentences(first, end - first)):
                if r.doc != row.doc or r.item != row.item or _width(r.text) != width:
                    end = -1  # the run starts below r
                    break
                if r.id in self._top:  # a row of this run read before: its first row is this one's
                    top, end = self._top[r.id][0], -1
                    break
                top = r
                visited.append(r.id)
            else:
                end = first
        for i in (*visited, row.id):
            self._top[i] = (top, width)
        return top

    def _page_before(self, top: SentenceRow, width: int) -> SentenceRow | None:
        """The last row of the page before, when `top` (the first row of its run) opens a PDF page right after
        a page that ends with a row as wide: the same table, run over the page break. Notes at the page's foot
        may stand between ("² Border regions adjoining …", "Source: national reports"): a note the table's rows
        refer to is printed under the page's last row, and the rows go on on the next page."""
        first = max(0, top.id - 1 - _FOOT_NOTES)
        prev = list(reversed(self.index.sentences(first, top.id - first))) if top.id > 0 else []
        notes = 0
        while notes < len(prev) and prev[notes].doc == top.doc and prev[notes].item != top.item \
                and _width(prev[notes].text) != width and notes < _FOOT_NOTES:
            notes += 1
        if notes == len(prev):
            return None
        last = prev[notes]
        if last.doc != top.doc or last.item == top.item or _width(last.text) != width:
            return None
        if notes and not _NOTE.match(prev[notes - 1].text):  # the line under the last row opens a note
            return None
        here, there = self.index.item(top.doc, top.item), self.index.item(top.doc, last.item)
        if here is None or there is None or here.page is None or there.page is None or here.page != there.page + 1:
            return None
        return last

    def _header(self, row: SentenceRow, width: int) -> SentenceRow | None:
        """The header row of `row`'s table: the first row of its run of rows as wide, when that names columns
        (_is_header) and is not `row` itself. A run that opens a PDF page with a row of data goes on from the
        page before: a long table's header is often printed on its first page only."""
        top = self._first_row(row, width)
        while not _is_header(_cell_texts(top.text)):
            above = self._page_before(top, width)
            if above is None:
                return None
            top = self._first_row(above, width)
        return top if top.id != row.id else None

    def row(self, row: SentenceRow) -> TableRow | None:
        """The row's table header when `row` is a row of a table below its header row, else None."""
        own = cells(row.text)
        if not own:
            return None
        header = self._header(row, _width(row.text))
        if header is None:
            return None
        header_cells = _cell_texts(header.text)
        if len(header_cells) != len(own) or _same_cells(header_cells, [row.text[a:b] for a, b in own]):
            return None
        return TableRow(header, tuple(own), tuple(header_cells))

    def repeats_header(self, row: SentenceRow) -> bool:
        """Whether `row` is its table's header row written again: a web page's second table under the same
        header with no line between, or a header printed again on a report's next page. It names columns and
        answers nothing, as the first one."""
        own = _cell_texts(row.text)
        if not own:
            return False
        header = self._header(row, len(own))
        return header is not None and _same_cells(_cell_texts(header.text), own)

    def reading(self, row: SentenceRow) -> str | None:
        """reading() of `row` when it is a row of a table with a header, else None."""
        if CELL_SEPARATOR not in row.text:
            return None
        table = self.row(row)
        return None if table is None else reading(table, row.text, row.lang)


def _same_cells(a: list[str], b: list[str]) -> bool:
    return [" ".join(c.casefold().split()) for c in a] == [" ".join(c.casefold().split()) for c in b]


def table_row(index: Index, row: SentenceRow) -> TableRow | None:
    """The row's table header when `row` is a row of a table below its header row, else None."""
    return Tables(index).row(row)


def heads_table(row: SentenceRow, above: SentenceRow | None, below: SentenceRow | None) -> bool:
    """Whether `row` is the header row of a table, between the sentences `above` and `below` it: the first
    row of a table, naming its columns (_is_header). A header says what the columns hold and answers nothing."""
    own = cells(row.text)
    if not own or below is None or (below.doc, below.item) != (row.doc, row.item):
        return False
    if above is not None and (above.doc, above.item) == (row.doc, row.item) and len(cells(above.text)) == len(own):
        return False  # a row under another row of the table
    return len(cells(below.text)) == len(own) and _is_header(_cell_texts(row.text))


_BARE_NUMBER = re.compile(r"\d[\d,.\s]*")
# a header naming its column's unit: "Drugs seized (kg)", "Budget, EUR", "Area [km²]"
_HEADER_UNIT = re.compile(
    r"(?P<name>.*?\w)\s*(?:\((?P<a>[^()]{1,15})\)|\[(?P<b>[^\[\]]{1,15})\]|,\s*(?P<c>[^,\s]{1,6}))")


def _year_only(head: str) -> bool:
    """A header that is a year and nothing more ("2021", "2021 год", "FY 2021")."""
    return _YEAR.search(head) is not None and len(re.sub(r"[\W\d_]", "", head)) <= 4


def reading(table: TableRow, row_text: str, lang: str | None = None) -> str:
    """The row as a sentence reads it, each cell after its header; a quantity before it, as what it counts
    (with the header's unit when the figure is bare); a year or a date after it: "Station: Fenwick Mill;
    2,750 cubic metres Output per day; 6 Staff.", "Year: 2023; 12 Operations; 905 kg Drugs seized.",
    "Страна: Таджикистан; 2 240 кг Опий." The answer step's word, type and count evidence reads this (a
    count rule looks for the counted noun after the figure); the answer shown is the row itself."""
    parts = []
    for (a, b), head in zip(table.cells, table.header_cells):
        value, head = row_text[a:b], head.strip()
        if not value or not head:
            parts.append(value)
        elif (_YEAR.fullmatch(value) or _is_kind(value, "date", lang or "en") or not value[0].isdigit()
              or _year_only(head)):
            # a year or a date is no count ("Year: 2021", "Deadline: 1 May 2024"), and a year counts nothing
            parts.append(f"{head}: {value}")
        elif _BARE_NUMBER.fullmatch(value) and (unit := _HEADER_UNIT.fullmatch(head)):
            parts.append(f"{value} {unit['a'] or unit['b'] or unit['c']} {unit['name']}")
        else:
            parts.append(f"{value} {head}")
    return "; ".join(p for p in parts if p) + "."


_CAPITALISED = re.compile(r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)*")


def _is_kind(cell: str, kind: str | None, lang: str) -> bool:
    """Whether a cell is wholly of the kind a question asks for (a figure, a name, a place, a date)."""
    if kind == "number":
        return bool(_DIGIT.search(cell))
    if kind == "place":
        return cell[:1].isupper() and _CAPITALISED.fullmatch(cell) is not None
    if kind == "date" and _clock(cell, lang, whole=True):
        return True
    if kind in ("person", "date"):
        m = get(lang).span_patterns[kind].search(cell)
        return m is not None and len(m.group(0)) >= 0.8 * len(cell)
    return False


_CLOCK_RANGE = re.compile(r"\s*[-–—]\s*")


def _clock(cell: str, lang: str, whole: bool = False) -> bool:
    """Whether a cell holds a time of day ("09:30-11:00", "10 a.m."), the answer to a when-question about a
    programme's session; `whole`: it is nothing else."""
    grains = get(lang).date_grains or {}
    clock = grains.get("clock")
    if clock is None:
        return False
    if not whole:
        return clock.search(cell) is not None
    return all(clock.fullmatch(part.strip()) for part in _CLOCK_RANGE.split(cell.strip()) if part.strip())


_KIND_TESTED = ("number", "date", "person", "place")  # the kinds _holds_kind tells


def _holds_kind(cell: str, kind: str | None, lang: str) -> bool:
    """Whether a cell holds a span of the kind a question asks for, anywhere in it ("Almaty, 14-18 March 2023"
    holds a date; a date's figures are no count, nor are a period's: "Q4 2023" labels its row). True for kinds
    without such a test."""
    if kind == "number":
        if row_label(cell) is not None:
            return False
        date = get(lang).span_patterns["date"]
        return bool(_DIGIT.search(_YEAR.sub("", date.sub("", cell))))
    if kind == "date" and _clock(cell, lang):
        return True
    if kind in ("person", "date"):
        return get(lang).span_patterns[kind].search(cell) is not None
    if kind == "place":
        return any(w[:1].isupper() for w in cell.split())
    return True


def of_other_country(question: str, passage: Passage, table: TableRow) -> bool:
    """Whether the question names a country and what is around the table's row (_around: its passage, titles,
    header) names others only: "Which region of Tajikistan …?" is not answered by Kyrgyzstan's table of regions."""
    asked = countries_in(question, detect(question), adjectives=True)
    if not asked:
        return False
    around = " ".join(_around(passage, table))
    named = countries_in(around, detect(around), adjectives=True)
    return bool(named) and not named & asked


def _around(passage: Passage, table: TableRow) -> tuple[str, ...]:
    """What says what a table's row is about besides the row: its passage, its item's and document's titles, its
    item's date, its header."""
    item = passage.item
    texts = (passage.chunk.text, item.title if item else None, item.doc_title if item else None,
             item.date if item else None, table.header.text)
    return tuple(t for t in texts if t)


def names_asked_years(question: str, passage: Passage, table: TableRow, row_text: str = "") -> bool:
    """Whether every year the question names is named around the table's row (_around). A table of Operation Silk
    Barrier 2024 does not say what one agency seized in Silk Barrier 2022, however well the question names its row and
    column (a table published in a year that gives another's is read by the date filter's rules, qa.filters.scope,
    which say which year it gives). Nor a quarter, half or month, when the table's context names none. For a
    who-question, a year the row's own span of years holds is named ("Director | … | 2016-2021" for 2018)."""
    around = " ".join(_around(passage, table))
    held = {y for y in YEAR_RE.findall(question) if spans_year(row_text, int(y))} \
        if row_text and needs(question).wants == "person" else set()
    if not set(YEAR_RE.findall(question)) - held <= set(YEAR_RE.findall(around)):
        return False
    # nor a part of one when nothing around it names a part of a year: a table of 2024 says nothing of its first half
    return part_of(question) is None or names_part(around)


# how many of the question's words (other than its date's) a table may leave unsaid around its best row
# (qa.answer.pick.past_unsaid_row)
UNSAID_MAX = 2


def says_asked_terms(terms: list[str], passage: Passage, table: TableRow, row_text: str, date_terms: set[str]) -> bool:
    """Whether the row and what is around it (_around) hold all but UNSAID_MAX of the question's `terms`, its date's
    (`date_terms`) left out. A monthly table of one country's customs seizures names the month and the drugs of
    "Сколько наркотиков публично уничтожили в Душанбе в марте 2024 года?", and nothing of the burning in Dushanbe:
    its row is not the question's event. Meaningful in the table's own language only (the caller's to check): a
    question in another shares no word with it."""
    said = set(analyze(" ".join((row_text, *_around(passage, table)))))
    return len(set(terms) - date_terms - said) <= UNSAID_MAX


def lacks_substance(question: str, passage: Passage, table: TableRow, row_text: str) -> bool:
    """Whether a how-much question names a substance ("How much cocaine …?") that neither the row nor anything around
    it (_around) names: its figures are of other drugs, or of all of them ("Drugs seized (kg)"), and say nothing of the
    one asked."""
    if needs(question).wants != "number" or not (asked := identities(question)):
        return False
    return not any(asked & identities(text) for text in (row_text, *_around(passage, table)))


def lacks_kind(question: str, table: TableRow, row_text: str, lang: str | None = None) -> bool:
    """Whether no cell of the row holds a span of the kind the question asks for (a who-question's name, a
    when-question's date, a how-many question's figure), the cells the question names itself left out
    ("Mountain Pass" in "Who commanded the Mountain Pass operation?"): such a row cannot answer it."""
    free, kind, _ = _free_cells(question, table, row_text, lang)
    return kind in _KIND_TESTED and not free


def asked_cell(question: str, table: TableRow, row_text: str, lang: str | None = None) -> tuple[int, int] | None:
    """The (start, end) in `row_text` of the cell the question asks for, or None when no one cell is.

    A cell the question already names ("Osgate", "plot 12") picks the row, not the answer, and a cell without
    a span of the asked kind is no answer (a how-many question's cell holds a figure). Among the others, the
    cell under the header sharing the most words with the question ("output per day"); failing that, the one
    cell of the asked kind (a who-question's name, a how-many question's figure), or the one that holds one."""
    free, kind, lang = _free_cells(question, table, row_text, lang)
    if not free:
        return None
    best = max(shared for _, shared in free)
    named = [span for span, shared in free if shared == best]
    if best > _NONE_SHARED:
        return named[0] if len(named) == 1 else None
    typed = [span for span, _ in free if _is_kind(row_text[span[0]:span[1]], kind, lang)]
    if len(typed) == 1:
        return typed[0]
    return free[0][0] if len(free) == 1 and kind in _KIND_TESTED else None


def named_column(question: str, table: TableRow, row_text: str, lang: str | None = None) -> tuple[int, int] | None:
    """The cell asked_cell gives when the question names its column (its header shares the most words with
    the question, and no other's shares as many), else None."""
    free, wants, _ = _free_cells(question, table, row_text, lang)
    best = max((shared for _, shared in free), default=_NONE_SHARED)
    named = [span for span, shared in free if shared == best]
    if len(free) == 1 and wants != "person" and names_span_of_years(row_text[free[0][0][0]:free[0][0][1]]):
        # a how-long question of a row with one span of years ("Deputy Director | Bakhtiyor Sharipov | 2012-2018"): its
        # header need not say "Years in post" for the question to ask it
        return free[0][0]
    return named[0] if best > _NONE_SHARED and len(named) == 1 else None


_NONE_SHARED = (0, 0)  # a header naming neither what a how-many question counts nor any of its words


def only_person(question: str, table: TableRow, row_text: str, lang: str | None = None) -> tuple[int, int] | None:
    """The row's one cell naming a person, when a who-question asks and no other cell names one, else None."""
    free, wants, _ = _free_cells(question, table, row_text, lang)
    return free[0][0] if wants == "person" and len(free) == 1 else None


def _free_cells(question: str, table: TableRow, row_text: str, lang: str | None):
    """The row's cells that may answer: not named by the question itself, holding a span of the asked kind;
    each with how its header matches the question: whether it names the noun a how-many question counts, and how
    many words it shares with the question. The counted noun comes first: "How many acetic anhydride *cases* did
    Kazakhstan have?" asks for the "Cases" column, not for "Acetic anhydride seized (litres)", which shares more
    words. Also the asked kind and the language."""
    lang = lang or "en"
    qterms = set(analyze(question, lang))
    asked = needs(question)
    # the substance the question names names its column in any language ("heroin" -> "Героин, кг")
    substance = identities(question)
    free = []
    for (a, b), head in zip(table.cells, table.header_cells):
        own = set(analyze(row_text[a:b], lang))
        # a how-long question's answer may be a span of years ("2012-2018"), whose figures are no count
        if b > a and not (own and own <= qterms) and (_holds_kind(row_text[a:b], asked.wants, lang)
                                                      or "range" in asked.measure
                                                      and names_span_of_years(row_text[a:b])):
            words = set(analyze(head, lang))
            named = {w for w in words if w in qterms or _agent_noun_of(w) in qterms
                     or asked.wants == "number" and _across_named(w, qterms)}
            shared: float = len(named)
            if substance and not named and identities(head) == substance:
                # a header naming the substance by another name ("Героин, кг" for "heroin"), below one naming it by
                # the question's own word: "Марихуана" and "Гашиш" are both cannabis, "марихуаны" is asked
                shared = 0.5
            free.append(((a, b), (int(bool(words & asked.units)), shared)))
    return free, asked.wants, lang


def _across_named(word: str, qterms: set[str]) -> bool:
    """Whether a header's word names what a question in the other script names (qa.lang.counted: "Joint patrols" for
    "Сколько совместных патрулей …?", "Взнос, долл. США" for "How much did Norway contribute?"): read across scripts
    only, as same_counted reads it, and for a figure asked only: a where- or who-question's noun ("the course") names
    the row's subject, whose cell the question names in its own language only ("Курс" over "Профилирование …")."""
    things = across()
    thing = things.get(word)
    if thing is None:
        return False
    cyrillic = _CYRILLIC.search(word) is not None
    return any(things.get(t) == thing and (_CYRILLIC.search(t) is not None) != cyrillic for t in qterms)


_CYRILLIC = re.compile(r"[а-яё]", re.I)


def _agent_noun_of(stem: str) -> str:
    """The verb a header's agent noun is made from, as the stemmer writes both ("supervisor" -> "supervis", "leader"
    -> "lead", "inspector" -> "inspect"): Snowball leaves -or and some -er on, so "Who supervises …?" named no
    "Supervisor" column. "" for any other word."""
    return stem[:-2] if len(stem) > 5 and stem.endswith(("or", "er")) else ""

