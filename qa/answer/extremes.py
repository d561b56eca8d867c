"""Which row of a table holds the most or the least of what a question names.

"Which country seized the most hashish in the first half of 2024?" is answered by comparing the rows of the seizures
table under its "Hashish" column, not by the row or the sentence that reads most like the question: every row of the
table shares its words. The question must name the kind of thing asked for as the table's first column does ("which
country" over "Country | Heroin | Hashish", "в каком квартале" over "Quarter | …"), in either language
(Language.extremes), and the column it compares, by its header's words or its substance ("гашиша" names "Hashish");
a total row is no row to compare. The answer is the extreme row, read against its header, its first cell the short
answer. Nothing is said when the extreme row was not among the passages found, when the question names a year the
table's context does not (a table of 2024 does not say which agency seized most in 2022), or when it asks for the most
of a change ("the largest growth in seizures") that no column names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.features import Candidate
from qa.answer.figure_swaps import figure_value
from qa.answer.tables import TableRow, Tables, cells, names_asked_years, of_other_country
from qa.lang import analyze, detect, get, registered
from qa.lang.substances import identities

# how far down the passages the table asked about is looked for: its rows share the question's words with every other
# row and rank below the prose about the same event, but its passage is among those found first
EXTREME_PASSAGES = 5
# a row that sums the others: "Total | 1 506 | …", "Всего", "Итого"
_TOTAL = re.compile(r"^\s*(?:total|overall|all\b|sum\b|всего|итого|в\s+целом)", re.I)
# a cell's first number: "1 264", "1,264", "3 412 kg", "2.7", "2,7"
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f,]\d{3})+(?![\d])|\d+(?:[.,]\d+)?")


@dataclass(frozen=True)
class Extreme:
    """The extreme row found: its place in the ranking, its sentence's id, its first cell's (start, end) in its text."""

    index: int
    row: int
    label: tuple[int, int]


def asked_extreme(question: str) -> tuple[str, str] | None:
    """("most" or "least", the kind of thing asked for) when the question asks which one holds the most or the least
    ("Which quarter had the largest heroin seizures?" -> ("most", "quarter")), else None."""
    words = get(detect(question)).extremes
    if words is None or not (m := words.which.search(question)):
        return None
    kind = _kind(m["kind"])
    if kind is None:
        return None
    if words.most.search(question):
        return "most", kind
    if words.least.search(question):
        return "least", kind
    return None


def _kind(words: str) -> str | None:
    """The kind the first of `words` that names one names in any registered language (ExtremeWords.kinds), else
    None ("border region" -> region)."""
    for word in re.findall(r"\w+", words.lower()):
        for language in registered():
            for start, kind in language.extremes.kinds if language.extremes is not None else ():
                if word.startswith(start):
                    return kind
    return None


def _names_kind(header: str, kind: str) -> bool:
    """Whether a header cell names the kind ("Country", "Страна", "Quarter", "Agency")."""
    return any(_kind(w) == kind for w in re.findall(r"\w+", header))


def number(cell: str) -> float | None:
    """A cell's first figure ("1 264" -> 1264, "2,7" -> 2.7, "1,264" -> 1264), else None ("—", "n/a")."""
    m = _NUMBER.search(cell)
    return figure_value(m.group()) if m is not None else None


def _asked_column(question: str, table: TableRow) -> int | None:
    """The column (past the first) whose header the question names most, by its words or its substance (on a tie, the
    one it names whole); else the table's total column; else None."""
    qterms = set(analyze(question))
    substance = identities(question)
    shared = []
    for j, head in enumerate(table.header_cells):
        if j == 0:
            continue
        words = set(analyze(head))
        score = len(words & qterms) + (2 if substance and identities(head) == substance else 0)
        shared.append((score, j))
    if not shared:
        return None
    best = max(s for s, _ in shared)
    named = [j for s, j in shared if s == best]
    if best > 0 and len(named) > 1:
        # a tie goes to the header the question names whole: "2024" of "… the most in 2024?", not "Total 2022-2024"
        named = [j for j in named if set(analyze(table.header_cells[j])) <= qterms] or named
    if best > 0:
        return named[0] if len(named) == 1 else None
    total = [j for j in range(1, len(table.header_cells)) if _TOTAL.match(table.header_cells[j])]
    return total[0] if len(total) == 1 else None


def _asks_change(question: str, header: str) -> bool:
    """Whether the question asks for the most of a change ("the largest growth in seizures") that the column's header
    does not name: its largest figure is no largest change."""
    pattern = get(detect(question)).extremes.change
    return pattern is not None and pattern.search(question) is not None and not pattern.search(header)


def _values(rows: list[str], column: int) -> list[tuple[int, float]]:
    """(position, figure) of each row that is no total and has a figure under the column."""
    out = []
    for k, text in enumerate(rows):
        spans = cells(text)
        if len(spans) <= column or _TOTAL.match(text[spans[0][0]:spans[0][1]]):
            continue
        value = number(text[spans[column][0]:spans[column][1]])
        if value is not None:
            out.append((k, value))
    return out


def extreme_row(question: str, ranked: list[Candidate], tables: Tables, index) -> Extreme | None:
    """The candidate that is the extreme row of the table the question asks about (module docstring), else None."""
    asked = asked_extreme(question)
    if asked is None:
        return None
    way, kind = asked
    # the first table of the kind of rows asked ("Region | …"), of the country asked when the question names one
    first = next(((i, t) for i, c in enumerate(ranked) if c.passage.rank <= EXTREME_PASSAGES
                  and (t := tables.row(c.sentence)) is not None and _names_kind(t.header_cells[0], kind)
                  and not of_other_country(question, c.passage, t)), None)
    if first is None:
        return None
    i, table = first
    column = _asked_column(question, table)
    if column is None or not names_asked_years(question, ranked[i].passage, table) \
            or _asks_change(question, table.header_cells[column]):
        return None
    # the whole table, as stored below its header: the extreme must be a row the passages found
    whole = _values(_table_rows(index, table), column)
    if not whole:
        return None
    pick = max if way == "most" else min
    target = pick(v for _, v in whole)
    if sum(v == target for _, v in whole) > 1:
        return None  # a tie names no one row
    for k, c in enumerate(ranked):
        t = tables.row(c.sentence)
        if t is None or t.header.id != table.header.id:
            continue
        found = _values([c.sentence.text], column)
        if found and found[0][1] == target:
            return Extreme(k, c.sentence.id, t.cells[0])
    return None


# how many rows below its header a table is read for its extreme
MAX_TABLE_ROWS = 400


def _table_rows(index, table: TableRow) -> list[str]:
    """The texts of the rows below the table's header, as wide as it, in its document (a PDF's table runs on over a
    page break into the next page's item)."""
    header = table.header
    width = len(table.header_cells)
    out = []
    for r in index.sentences(header.id + 1, MAX_TABLE_ROWS):
        if r.doc != header.doc or len(cells(r.text)) != width:
            break
        out.append(r.text)
    return out
