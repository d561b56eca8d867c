"""Tables drawn with no rule on a PDF page, and the rows a ruled table's rules leave out: found where the page's
lines of text leave a gap.

Many reports draw a table with no line at all: its columns are only the white space between them. When no cell
wraps, qa.ingest.pdf's gap rule parts each row's cells. When one does, PDFium writes the table cell by cell, a
line of a cell on a line of its own, and no row is whole (qa.ingest.ruled_tables shows how). ``grids`` finds such
a table from PDFium's text objects (a line of a cell is one object, a justified line's stretched spaces inside it):

- the page's objects are cut into *slices*, top first: objects that share a height are one slice, so a slice is
  one line of prose, or one printed line across a table's cells;
- a table starts at a slice of two or more objects with a gap between them (a row, or its header), and runs
  down while no object crosses one of its gaps (the line of prose under it does), none starts left of its first
  column (a note under it), and no slice lies further below the one above than two lines;
- the slices just above it whose text lies within its columns are its too: a row's taller cell starts higher
  than the row's first line across its cells;
- its columns are the gaps that stay open from its top to its bottom.

Each found table is a one-band ``Grid`` with ``drawn=False``, so ``ruled_tables.rewrite`` writes it a row a line,
telling rows apart by the order of writing. Fewer than three slices (two will do when one holds a wrapped cell's
lines: a writer that prints a row's cells from one height makes a slice of each row), or fewer than two columns
with text on two slices, make no table (two lines of justified prose whose stretched spaces line up), and
``rewrite`` leaves as it was a found table that reads as a list, a table of contents or prose, or whose rows'
cells do not stand side by side (ruled_tables._rows).

Rows just above or below a ruled table whose text lies within its columns are that table's rows (_outside_rows):
a table ruled only between its rows leaves its first and last rows outside its rules, and a table of banded rows
its unshaded first and last rows.
"""

from __future__ import annotations

from qa.ingest.ruled_tables import COLUMN_GAP, Grid

Box = tuple[float, float, float, float]  # (left, bottom, right, top) in PDF points, y grows up

_MIN_SLICES = 3
_MAX_LINE_GAP = 2.0  # heights of a line: a slice further below the one above than this ends a table


def _slices(boxes: list[Box]) -> list[list[Box]]:
    """The boxes grouped into runs that share a height (each overlaps the run's span), top first."""
    out: list[list[Box]] = []
    bottom = None
    for box in sorted(boxes, key=lambda b: -b[3]):
        if out and box[3] > bottom:
            out[-1].append(box)
            bottom = min(bottom, box[1])
        else:
            out.append([box])
            bottom = box[1]
    return out


def _spans(boxes: list[Box]) -> list[tuple[float, float]]:
    """The x-extents the boxes cover, merged where less than COLUMN_GAP apart, left first."""
    spans: list[list[float]] = []
    for left, _, right, _ in sorted(boxes):
        if spans and left - spans[-1][1] <= COLUMN_GAP:
            spans[-1][1] = max(spans[-1][1], right)
        else:
            spans.append([left, right])
    return [(a, b) for a, b in spans]


def _crosses(spans: list[tuple[float, float]], box: Box) -> bool:
    """Whether the box reaches into two of the spans: it fills a gap between columns."""
    return sum(box[0] - COLUMN_GAP < b and box[2] + COLUMN_GAP > a for a, b in spans) >= 2


def _runs(slices: list[list[Box]], line: float) -> list[tuple[int, int]]:
    """Runs [start, end) of slices that keep two or more columns apart (the module's docstring), of any size."""
    runs: list[tuple[int, int]] = []
    start = None
    spans: list[tuple[float, float]] = []
    for k, s in enumerate(slices):
        # a box left of its first column ends it (a note under it), once it has had the slices to show that
        # column: a row's first line across its cells may lack a first cell centred lower
        settled = start is not None and k - start >= _MIN_SLICES
        if start is not None and (_gap(slices[k - 1], s) > _MAX_LINE_GAP * line
                                  or any(_crosses(spans, b) or settled and b[0] < spans[0][0] - COLUMN_GAP for b in s)):
            runs.append((start, k))
            start = None
        if start is None:
            if len(_spans(s)) < 2:
                continue  # a table starts at a row of cells
            start = k
        spans = _spans([b for t in slices[start : k + 1] for b in t])
    if start is not None:
        runs.append((start, len(slices)))
    return runs


def _pulled_back(slices: list[list[Box]], start: int, floor: int, edges, line: float) -> int:
    """The run's start moved up over the slices just above it whose every box lies in one column of `edges`
    ((left, right) pairs): the first row's taller cell starts above the row's first line across its cells."""
    while (start > floor and _gap(slices[start - 1], slices[start]) <= _MAX_LINE_GAP * line
           and _within(edges, slices[start - 1])):
        start -= 1
    return start


def _stacked(s: list[Box]) -> bool:
    """Whether the slice has two lines one above the other in one column: a cell that wraps. Writers that set
    the lines of a row's cells at the same height make a slice of each row, so two rows are two slices."""
    return any(a[0] < b[2] and b[0] < a[2] and (a[1] >= b[3] or b[1] >= a[3])
               for i, a in enumerate(s) for b in s[i + 1:])


def _gap(upper: list[Box], lower: list[Box]) -> float:
    return min(b[1] for b in upper) - max(b[3] for b in lower)


def _columns_filled(region: list[list[Box]]) -> int:
    """How many of the region's columns hold text on two slices or more."""
    spans = _spans([b for s in region for b in s])
    return sum(sum(any(a <= (b[0] + b[2]) / 2 <= z for b in s) for s in region) >= 2 for a, z in spans)


def _within(edges, s: list[Box]) -> bool:
    """Whether each box of slice `s` lies in one column of `edges` ((left, right) pairs)."""
    return all(any(a - COLUMN_GAP <= b[0] and b[2] <= z + COLUMN_GAP for a, z in edges) for b in s)


def _held(edges, region: list[list[Box]]) -> int:
    """How many columns of `edges` hold text of the region."""
    return sum(any(a <= (b[0] + b[2]) / 2 <= z for s in region for b in s) for a, z in edges)


def _outside_rows(grid: Grid, slices: list[list[Box]], start: int, end: int, floor: int,
                  line: float) -> tuple[int, int, bool] | None:
    """(first, end, below) of the slices of run [start, end) that are rows of `grid` outside its rules: within
    two lines under its last band (below) or over its first, in that band's columns, two of them holding text.
    A table ruled only between its rows leaves its first and last rows outside; a table of banded rows, its
    unshaded first and last rows. A line under them that is not in the columns (a note) stays out."""
    edges = grid.cells[-1]
    first = _pulled_back(slices, start, floor, edges, line)
    if 0 <= grid.bands[-1][1] - max(b[3] for b in slices[first]) <= _MAX_LINE_GAP * line:
        stop = first
        while stop < end and _within(edges, slices[stop]):
            stop += 1
        return (first, stop, True) if _held(edges, slices[first:stop]) >= 2 else None
    edges = grid.cells[0]
    if 0 <= min(b[1] for b in slices[end - 1]) - grid.bands[0][0] <= _MAX_LINE_GAP * line:
        first = end
        while first > start and _within(edges, slices[first - 1]):
            first -= 1
        if first == start:
            first = _pulled_back(slices, start, floor, edges, line)
        return (first, end, False) if _held(edges, slices[first:end]) >= 2 else None
    return None


def grids(lines: list[Box], ruled: list[Grid]) -> list[Grid]:
    """The `ruled` tables with the rows next to them that their rules leave out (_outside_rows), and the tables
    without rules, among a page's text objects `lines` (ruled_tables.text_lines)."""
    free = [b for b in lines
            if not any(g.cell_at((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) is not None for g in ruled)]
    heights = sorted(b[3] - b[1] for b in free)
    line = heights[len(heights) // 2] if heights else 10.0
    slices = _slices(free)
    found = list(ruled)
    floor = 0
    for start, end in _runs(slices, line):
        for k, grid in enumerate(found[: len(ruled)]):
            rows = _outside_rows(grid, slices, start, end, floor, line)
            if rows is None:
                continue
            first, stop, below = rows
            boxes = [b for s in slices[first:stop] for b in s]
            top, bottom = max(b[3] for b in boxes), min(b[1] for b in boxes)
            if below:
                band = (min(top + 1, grid.bands[-1][1]), bottom - 1)
                found[k] = Grid(grid.left, grid.right, grid.bands + (band,), grid.cells + grid.cells[-1:], grid.drawn)
            else:
                band = (top + 1, max(bottom - 1, grid.bands[0][0]))
                found[k] = Grid(grid.left, grid.right, (band,) + grid.bands, grid.cells[:1] + grid.cells, grid.drawn)
            break
        else:
            start = _pulled_back(slices, start, floor, _spans([b for s in slices[start:end] for b in s]), line)
            region = slices[start:end]
            if (len(region) >= _MIN_SLICES or len(region) == 2 and any(map(_stacked, region))) \
                    and _columns_filled(region) >= 2:
                found.append(_grid([b for s in region for b in s]))
        floor = end
    return found


def _grid(boxes: list[Box]) -> Grid:
    """A table found in the text: one band, its columns parted in the middle of each gap."""
    top, bottom = max(b[3] for b in boxes), min(b[1] for b in boxes)
    spans = _spans(boxes)
    left, right = spans[0][0], spans[-1][1]
    xs = [left, *((a[1] + b[0]) / 2 for a, b in zip(spans, spans[1:])), right]
    return Grid(left - COLUMN_GAP / 2, right + COLUMN_GAP / 2, ((top + 1, bottom - 1),),
                (tuple(zip(xs, xs[1:])),), drawn=False)
