"""A table's rows carried over a page break: rows atop a page that go on with the table the page before ends with.

A table that runs over a page break leaves its last row or two atop the next page, most often with no header repeated
(fpdf2 never repeats a plain row; Word only when asked). Three rows or more are found as a table of their own
(qa.ingest.text_tables, the gap rule), but one or two are not: no run of rows, and a ruled grid of one row is no table
(ruled_tables), so "Ayvadj 197 64 98" was a stray line, its cells unparted, instead of a row under the header of the
page before. Such a line is read against the columns of the rows that end the page before (``TableEnd``): its words
fall into those columns, each column holds a cell, none straddles two, and the columns that held figures hold figures
again. Its cells are then parted (CELL_SEPARATOR) as the rows above it were, and qa.answer.tables reads it under the
header the table has on the page before, as it reads a longer table's rows on later pages.

PDFium stays out of this module: ``place(start, end)`` says where the text between two offsets of the page's stored
text starts and ends on the page ((left, right) in points, None when a character is not on it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from qa.ingest.pages import EDGE_LINES, page_lines
from qa.ingest.readers import CELL_SEPARATOR

Place = Callable[[int, int], "tuple[float, float] | None"]

# A figure: what a count, an amount or a share starts with ("612", "5,100 cubic metres", "-3.5 %", "(12)", "$4.2").
_FIGURE_RE = re.compile(r"[-–+(]?[$€£¥]?\d")
_LEFT_SLACK = 3.0  # points: glyphs of one column start that far apart ("A" and "K" of a left-aligned column)
_ROWS = 8  # the last rows a table's columns are measured on (each cell's place costs PDFium's character boxes)


@dataclass(frozen=True)
class TableEnd:
    """The columns of the rows a page's table ends with: where each column's text starts and ends (points), and
    whether its cells are figures."""

    lefts: tuple[float, ...]
    rights: tuple[float, ...]
    figures: tuple[bool, ...]

    def column_of(self, left: float) -> int:
        """The column a word starting at ``left`` falls in: the gaps between columns are parted in their middle."""
        k = 0
        while k + 1 < len(self.lefts) and left >= (self.rights[k] + self.lefts[k + 1]) / 2:
            k += 1
        return k

    def border(self, k: int) -> float:
        """Where column k ends and column k + 1 begins (infinity after the last)."""
        return (self.rights[k] + self.lefts[k + 1]) / 2 if k + 1 < len(self.lefts) else float("inf")


def is_figure(cell: str) -> bool:
    return _FIGURE_RE.match(cell.strip()) is not None


def table_end(text: str, place: Place) -> TableEnd | None:
    """The columns of the table rows that end the page's stored ``text`` (only page furniture, up to EDGE_LINES
    lines, after them): where the cells of its last rows (up to _ROWS) of as many cells lie, and which cells of the
    last row are figures. None when the page ends with no table, or with one whose last row has no figure but in its
    first cell (a table of words goes on with words: nothing tells its row from a line of prose)."""
    lines = page_lines(text)
    last = next((i for i in range(len(lines) - 1, max(-1, len(lines) - 2 - EDGE_LINES), -1)
                 if CELL_SEPARATOR in text[slice(*lines[i])]), None)
    if last is None:
        return None
    width = text[slice(*lines[last])].count(CELL_SEPARATOR) + 1
    rows = []
    for i in range(last, max(-1, last - _ROWS), -1):
        s, e = lines[i]
        if text[s:e].count(CELL_SEPARATOR) + 1 != width:
            break
        rows.append(_cells(text, s, e))
    lefts, rights, figures = [], [], []
    for k in range(width):
        cells = [row[k] for row in rows if text[row[k][0]:row[k][1]].strip()]
        places = [p for s, e in cells if (p := place(s, e)) is not None]
        if not places:
            return None  # a column with no cell on the page: where it lies is not known
        lefts.append(min(a for a, _ in places))
        rights.append(max(b for _, b in places))
        figures.append(is_figure(text[slice(*rows[0][k])]))  # the last row's: the rows above may be its header
    if not any(figures[1:]):
        return None
    return TableEnd(tuple(lefts), tuple(rights), tuple(figures))


def _cells(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The (start, end) of each cell of the row text[s:e], trimmed."""
    out, at = [], s
    while True:
        j = text.find(CELL_SEPARATOR, at, e)
        stop = e if j < 0 else j
        cell = text[at:stop]
        lead = len(cell) - len(cell.lstrip())
        out.append((at + lead, at + lead + len(cell.strip())))
        if j < 0:
            return out
        at = j + len(CELL_SEPARATOR)


def carried_gaps(text: str, end: TableEnd, parted: set[int], place: Place) -> list[int]:
    """Offsets in the page's ``text`` of the spaces that part the cells of the rows atop it that go on with the table
    the page before ended with (``end``). Lines are taken from the top: up to EDGE_LINES lines that are no such row
    (a running header, a page number) are passed over before the first row, and the first line after a row that is
    none ends them. A line a reader parted already (CELL_SEPARATOR, or a space in ``parted``) ends them too."""
    out: list[int] = []
    passed = 0
    for s, e in page_lines(text):
        line = text[s:e]
        if CELL_SEPARATOR in line or any(s <= j < e for j in parted):
            break
        gaps = _row_gaps(text, s, e, end, place)
        if gaps is not None:
            out += gaps
        elif out or passed == EDGE_LINES:
            break
        else:
            passed += 1
    return out


def _row_gaps(text: str, s: int, e: int, end: TableEnd, place: Place) -> list[int] | None:
    """The spaces of the line text[s:e] that part it into a row of ``end``'s columns, or None when it is no such row."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[s:e])]
    cells: list[list[tuple[int, int]]] = [[] for _ in end.lefts]
    column = 0
    for a, b in words:
        where = place(s + a, s + b)
        if where is None:
            return None
        k = end.column_of(where[0])
        if k < column or where[1] > end.border(k) or (not cells[0] and where[0] < end.lefts[0] - _LEFT_SLACK):
            return None  # a word before its column, over the gap into the next, or left of the table
        cells[k].append((s + a, s + b))
        column = k
    if not all(cells):
        return None  # every column holds a cell, so each stays under its header
    for k, cell in enumerate(cells):
        if end.figures[k] and not is_figure(text[cell[0][0]:cell[-1][1]]):
            return None
    gaps = [cell[0][0] - 1 for cell in cells[1:]]
    return gaps if all(text[j] == " " for j in gaps) else None
