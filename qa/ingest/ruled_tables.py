"""Tables drawn with ruling lines on a PDF page: their cells, from the lines, and the page text rewritten a row a line.

PDFium writes a page's text in the order of its content stream, and table generators (Word, LibreOffice, fpdf2,
LaTeX) write a table cell by cell. A cell that wraps onto two lines therefore comes out as lines of its own,
and a row falls apart:

    Kanal-Patrol Central          (first cell, first line)
    Asia                          (first cell, second line)
    Border and customs services   (second cell) ...

A table drawn with rules (lines or thin rectangles) says where its cells are. ``grids`` reads those rules from
the page's path objects:

- rules that meet make a grid (every cell ruled, as Word's default "Table Grid" draws it, or only the inner
  lines, or the outline of each shaded cell), and grids one above the other with the same columns are one
  (banded rows: the unshaded row between two shaded ones is the band between their grids);
- vertical rules of one height that meet no horizontal one (the rules between columns only) make a grid of
  one band;
- horizontal rules of one width that meet no vertical one (booktabs: above the table, under its header, below
  it) make a grid whose columns are found in the text: where its lines of text (PDFium's text objects, a
  justified line's stretched spaces inside one) leave a gap from top to bottom.

``rewrite`` puts every character printed inside a cell back into its cell, so the table is written as
qa.answer.tables reads one: a row a line, cells parted by CELL_SEPARATOR, each cell's lines joined by a space.
Rows that no rule parts are told apart by the order of writing.

    Kanal-Patrol Central Asia | Border and customs services of Kazakhstan, Kyrgyzstan and Tajikistan | ...

Tables with no rule at all, and the rows a table's rules leave out, are found in the text (qa.ingest.text_tables)
and written by ``rewrite`` too.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import re
from dataclasses import dataclass

from qa.ingest.readers import CELL_SEPARATOR

_TOL = 2.0  # points: rules this close are one rule, and rules this close to meeting meet
_MIN_BAND = 4.0  # points: a row or column thinner than this is the gap of a double rule
_MAX_RULES = 2000  # a page with more straight lines than this is a drawing, not a table (and costs O(n^2))


@dataclass(frozen=True)
class Grid:
    """A table drawn with rules: its bands top first, as (top, bottom) in PDF points (y grows up), and the
    (left, right) edges of each band's cells (a merged cell is one wide cell). A band is the space between two
    horizontal rules: one row when every row is ruled, several when only the header is (they are told apart by
    the order the cells are written in: ``rewrite``)."""

    left: float
    right: float
    bands: tuple[tuple[float, float], ...]
    cells: tuple[tuple[tuple[float, float], ...], ...]
    drawn: bool = True  # whether lines draw the columns (else they were found in the text: _unruled_columns)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(band, column) of the cell holding point (x, y), or None outside every cell."""
        if not (self.left <= x <= self.right and self.bands[-1][1] <= y <= self.bands[0][0]):
            return None
        b = bisect.bisect_left(self._bottoms, -y)  # the first band (top first) whose bottom is under y
        if b == len(self.bands) or y > self.bands[b][0]:
            return None
        edges = self.cells[b]
        c = bisect.bisect_right(self._lefts[b], x) - 1
        return (b, c) if c >= 0 and x <= edges[c][1] else None

    @functools.cached_property
    def _bottoms(self) -> list[float]:
        return [-bottom for _, bottom in self.bands]

    @functools.cached_property
    def _lefts(self) -> list[list[float]]:
        return [[left for left, _ in edges] for edges in self.cells]


@dataclass(frozen=True)
class _Rule:
    at: float  # y of a horizontal rule, x of a vertical one
    start: float  # its extent along the other axis
    end: float


def _path_lines(page) -> tuple[list[_Rule], list[_Rule]]:
    """The straight horizontal and vertical lines of the page's path objects, in page coordinates."""
    import pypdfium2.raw as raw

    across: list[_Rule] = []
    down: list[_Rule] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
        transforms = []
        holder = obj
        while holder is not None and hasattr(holder, "get_matrix"):  # the object, then each form it sits in
            transforms.append(holder.get_matrix())
            holder = getattr(holder, "container", None)
        start = prev = None
        for i in range(raw.FPDFPath_CountSegments(obj.raw)):
            seg = raw.FPDFPath_GetPathSegment(obj.raw, i)
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            point = (x.value, y.value)
            for m in transforms:
                point = m.on_point(*point)
            kind = raw.FPDFPathSegment_GetType(seg)
            if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
                _add_line(prev, point, across, down)
            if kind == raw.FPDF_SEGMENT_MOVETO:
                start = point
            if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                _add_line(point, start, across, down)
            prev = point  # a Bézier curve's end point: its curve is not a rule
        if len(across) + len(down) > _MAX_RULES:
            return [], []
    return across, down


def _add_line(a: tuple[float, float], b: tuple[float, float], across: list[_Rule], down: list[_Rule]) -> None:
    (x0, y0), (x1, y1) = a, b
    if abs(y1 - y0) <= 1.0 and abs(x1 - x0) > _TOL:
        across.append(_Rule((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= 1.0 and abs(y1 - y0) > _TOL:
        down.append(_Rule((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _merge(rules: list[_Rule]) -> list[_Rule]:
    """Rules on one line (within _TOL) whose extents touch become one: the two long edges of a thin filled
    rectangle, a line drawn cell by cell."""
    out: list[_Rule] = []
    for rule in sorted(rules, key=lambda r: (r.at, r.start)):
        for k in range(len(out) - 1, -1, -1):
            o = out[k]
            if rule.at - o.at > _TOL:
                out.append(rule)
                break
            if rule.start <= o.end + _TOL and o.start <= rule.end + _TOL:
                out[k] = _Rule((o.at + rule.at) / 2, min(o.start, rule.start), max(o.end, rule.end))
                break
        else:
            out.append(rule)
    return out


def _meet(h: _Rule, v: _Rule) -> bool:
    return h.start - _TOL <= v.at <= h.end + _TOL and v.start - _TOL <= h.at <= v.end + _TOL


def _grid(across: list[_Rule], down: list[_Rule]) -> Grid | None:
    """The table drawn by rules that meet, or None when they draw no two columns."""
    left = min([h.start for h in across] + [v.at for v in down])
    right = max([h.end for h in across] + [v.at for v in down])
    ys = sorted({round(h.at, 1) for h in across} | {round(max(v.end for v in down), 1),
                                                     round(min(v.start for v in down), 1)}, reverse=True)
    bands, cells = [], []
    for top, bottom in zip(ys, ys[1:]):
        if top - bottom < _MIN_BAND:
            continue
        mid = (top + bottom) / 2
        xs = sorted({left, right, *(v.at for v in down if v.start - _TOL <= mid <= v.end + _TOL)})
        edges = tuple((a, b) for a, b in zip(xs, xs[1:]) if b - a >= _MIN_BAND)
        if edges:
            bands.append((top, bottom))
            cells.append(edges)
    if not any(len(c) >= 2 for c in cells):
        return None
    return Grid(left, right, tuple(bands), tuple(cells))


def grids(page, lines=None) -> list[Grid]:
    """The tables drawn with rules on a pypdfium2 page (the three kinds of the module's docstring), each of at
    least two columns; whether their text fills two rows of two cells is ``rewrite``'s to tell. `lines`: the
    page's text_lines, as a function that reads them once when first called (read here only if needed)."""
    across, down = _path_lines(page)
    if not across and not down:
        return []
    across, down = _merge(across), _merge(down)
    # the lines that meet, grouped (union-find over horizontal i and vertical len(across) + j)
    parent = list(range(len(across) + len(down)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(across):
        for j, v in enumerate(down):
            if _meet(h, v):
                parent[root(i)] = root(len(across) + j)
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for i, h in enumerate(across):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(down):
        groups.setdefault(root(len(across) + j), ([], []))[1].append(v)
    lines = lines or functools.cache(lambda: text_lines(page))
    found = _joined([g for hs, vs in groups.values() if hs and vs and (g := _grid(hs, vs)) is not None], lines)
    # vertical rules of one height that meet no horizontal one: the rules between the columns of a table
    # without row lines
    upright = [vs[0] for hs, vs in groups.values() if len(vs) == 1 and not hs]
    found += [_ruled_columns(side, page.get_width()) for side in _alike(upright, lambda r: r.at)]
    # horizontal rules of one width that meet no vertical one, top first: a table ruled only above and below
    # (and under its header), as booktabs and many report templates draw one
    alone = [hs[0] for hs, vs in groups.values() if len(hs) == 1 and not vs]
    stacks = _alike(alone, lambda r: -r.at)
    found += [_unruled_columns(stack, lines()) for stack in stacks]
    return [g for g in found if g is not None]


def _same_columns(a: tuple[tuple[float, float], ...], b: tuple[tuple[float, float], ...]) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= _TOL for p, q in zip(a, b) for x, y in zip(p, q))


def _joined(found: list[Grid], lines) -> list[Grid]:
    """Grids one above the other with the same columns, as one table: the rows of a table with banded rows
    are outlined one filled row in two (fpdf2, Word's shading), and the unfilled row between two filled ones
    is the band between their grids. Not when a line of text between them crosses a column's edge: two
    tables of the same columns, a caption between them. (`lines`: the page's text lines, read when needed.)"""
    out: list[Grid] = []
    for grid in sorted(found, key=lambda g: -g.bands[0][0]):
        above = out[-1] if out else None
        if (above is not None and abs(above.left - grid.left) <= _TOL and abs(above.right - grid.right) <= _TOL
                and above.bands[-1][1] >= grid.bands[0][0] - _TOL
                and _same_columns(above.cells[-1], grid.cells[0])
                and not _crossed(above.cells[-1], above.bands[-1][1], grid.bands[0][0], lines())):
            between = (above.bands[-1][1], grid.bands[0][0])
            gap = (between,) if between[0] - between[1] >= _MIN_BAND else ()
            out[-1] = Grid(above.left, above.right, above.bands + gap + grid.bands,
                           above.cells + tuple(above.cells[-1] for _ in gap) + grid.cells)
        else:
            out.append(grid)
    return out


def _crossed(edges: tuple[tuple[float, float], ...], top: float, bottom: float, lines) -> bool:
    """Whether a line of text between `top` and `bottom` runs across one of the inner edges of `edges`."""
    inner = [right for _, right in edges[:-1]]
    return any(bottom <= (b[1] + b[3]) / 2 <= top and any(b[0] < x - _TOL and b[2] > x + _TOL for x in inner)
               for b in lines)


def _alike(rules: list[_Rule], order) -> list[list[_Rule]]:
    """Groups of two or more `rules` of one extent (within _TOL at each end), each in `order`."""
    groups: list[list[_Rule]] = []
    for rule in sorted(rules, key=order):
        for group in groups:
            if abs(group[0].start - rule.start) <= _TOL and abs(group[0].end - rule.end) <= _TOL:
                group.append(rule)
                break
        else:
            groups.append([rule])
    return [g for g in groups if len(g) >= 2]


def text_lines(page) -> list[tuple[float, float, float, float]]:
    """(left, bottom, right, top) of the page's text objects: a writer puts a line of a cell in one (a
    justified line too, its stretched spaces inside it), or a line in a few runs side by side."""
    import pypdfium2.raw as raw

    # the page's own objects only: the bounds of an object inside a form are in the form's space
    return [obj.get_bounds() for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], max_depth=0)]


# points: a gap this wide between lines of text, from a band's top to its bottom, parts two columns (cell margins
# leave 6 pt and more; the runs that make up one line of text touch)
COLUMN_GAP = 4.0


def _unruled_columns(stack: list[_Rule], lines: list[tuple[float, float, float, float]]) -> Grid | None:
    """The grid of a stack of rules whose columns no line draws: its bands between the rules, and columns where
    the text lines of its fullest band leave a gap wider than COLUMN_GAP from its top to its bottom. Text
    lines, not characters: a justified line's stretched spaces are not gaps between columns. None when fewer
    than two columns are found (a page between a header rule and a footer rule)."""
    left, right = stack[0].start, stack[0].end
    ys = [h.at for h in stack]
    bands = [(top, bottom) for top, bottom in zip(ys, ys[1:]) if top - bottom >= _MIN_BAND]

    def inside(band, box) -> bool:
        return left <= (box[0] + box[2]) / 2 <= right and band[1] <= (box[1] + box[3]) / 2 <= band[0]

    if not bands:
        return None
    # a line that overflows the rules' ends is still the table's (the rules may be drawn short of the text)
    within = [b for b in lines if any(inside(band, b) for band in bands)]
    left, right = min([left] + [b[0] for b in within]), max([right] + [b[2] for b in within])
    fullest = max(bands, key=lambda band: sum(inside(band, b) for b in lines))
    spans = sorted((b[0], b[2]) for b in lines if inside(fullest, b))
    if not spans:
        return None
    xs, reach = [left], spans[0][1]
    for start, end in spans[1:]:
        if start - reach > COLUMN_GAP:
            xs.append((start + reach) / 2)
        reach = max(reach, end)
    xs.append(right)
    if len(xs) < 3:
        return None
    edges = tuple(zip(xs, xs[1:]))
    return Grid(left, right, tuple(bands), tuple(edges for _ in bands), drawn=False)


def _ruled_columns(side: list[_Rule], page_width: float) -> Grid | None:
    """The grid of rules between columns: one band their height, the outer columns out to the page's edges
    (None when the rules are too short to hold a line)."""
    xs = [0.0, *(v.at for v in side), page_width]
    edges = tuple((a, b) for a, b in zip(xs, xs[1:]) if b - a >= _MIN_BAND)
    top, bottom = max(v.end for v in side), min(v.start for v in side)
    return Grid(0.0, page_width, ((top, bottom),), (edges,)) if top - bottom >= _MIN_BAND else None


def rewrite(textpage, text: str, src: list[int], tables: list[Grid]) -> tuple[str, list[int]]:
    """``text`` (a page's normalised text, ``src`` the raw text index of each char, -1 for none) with each ruled
    table's characters taken out of stream order and written where the table starts: a row a line, cells
    parted by CELL_SEPARATOR, a cell's lines joined by a space. Chars that are added map to -1.

    Rows within a band (rows not ruled apart) are told apart by the order of writing: cell by cell, so a char
    in a column left of the last one written starts a new row. A table whose text fills fewer than two rows of
    two cells (a framed box), or has a cell longer than a page's column of prose would be, is left as it was."""
    import pypdfium2.raw as raw

    boxes: dict[int, tuple[float, float, float, float]] = {}
    for j, ch in enumerate(text):
        if not ch.isspace() and src[j] >= 0:
            ci = raw.FPDFText_GetCharIndexFromTextIndex(textpage, src[j])
            if ci >= 0:
                boxes[j] = textpage.get_charbox(ci)
    where: list[tuple[int, int, int] | None] = [None] * len(text)
    for j, (left, bottom, right, top) in boxes.items():
        x, y = (left + right) / 2, (bottom + top) / 2
        for g, grid in enumerate(tables):
            cell = grid.cell_at(x, y)
            if cell is not None:
                where[j] = (g, *cell)
                break
    rows = {g: _rows(text, src, where, boxes, g, len(grid.cells), found=not grid.drawn)
            for g, grid in enumerate(tables)}
    rows = {g: lines for g, lines in rows.items() if lines is not None}
    if not rows:
        return text, src
    out: list[str] = []
    out_src: list[int] = []

    def add(s: str, s_src: list[int]) -> None:
        out.append(s)
        out_src.extend(s_src)

    in_table = [w is not None and w[0] in rows for w in where]
    near_table = _nearest_marks(text, in_table)
    done: set[int] = set()
    for j, ch in enumerate(text):
        if in_table[j]:
            g = where[j][0]
            if g not in done:
                done.add(g)
                if out and not out[-1].endswith("\n"):
                    add("\n", [-1])
                for line, line_src in rows[g]:
                    add(line + "\n", line_src + [-1])
            continue
        if ch.isspace() and near_table[j]:
            continue  # the gaps between cells and at a table's ends: the table brings its own line breaks
        add(ch, [src[j]])
    return "".join(out), out_src


_MAX_CELL = 1000  # chars: a "cell" longer than this is a column of prose between rules, not a table's cell
_MAX_FOUND_CELL = 400  # the same, where the columns were found in the text (two columns of prose have gaps too)


def _rows(text: str, src: list[int], where: list, boxes: dict, g: int, bands: int,
          found: bool) -> list[tuple[str, list[int]]] | None:
    """Table g's rows as (line, src of each char), empty rows left out; None when it is no table (``found``: its
    columns were found in the text, so prose, lists and contents may look like one: _reads_as_no_table). Nor is it
    one when the rows of a band (told apart by the order of writing) have cells that do not stand side by side
    (_side_by_side): a page of two columns, each a list with its page numbers (an index), is written down one
    column and then down the other."""
    max_cell = _MAX_FOUND_CELL if found else _MAX_CELL
    members: dict[tuple[int, int, int], list[int]] = {}
    row_of = [0] * bands  # the current row of each band, and the column written last in it
    last_col = [-1] * bands
    for j, w in enumerate(where):
        if w is None or w[0] != g:
            continue
        _, band, col = w
        if col < last_col[band]:
            row_of[band] += 1
        last_col[band] = col
        members.setdefault((band, row_of[band], col), []).append(j)
    width: dict[tuple[int, int], int] = {}
    for band, row, col in members:
        width[band, row] = max(width.get((band, row), 0), col + 1)
    lines = []
    table: list[list[str]] = []
    filled = 0
    for band in range(bands):
        for row in range(row_of[band] + 1):
            cells = [_cell(text, src, members.get((band, row, c), [])) for c in range(width.get((band, row), 0))]
            if not cells:
                continue
            if any(len(s) > max_cell for s, _ in cells):
                return None
            placed = [members.get((band, row, c), []) for c in range(len(cells))]
            if row_of[band] and not _side_by_side(placed, boxes):  # rows told apart by the order of writing only
                return None
            filled += sum(bool(s) for s, _ in cells) >= 2
            table.append([s for s, _ in cells])
            line, line_src = [], []
            for k, (s, s_src) in enumerate(cells):
                if k:
                    line.append(CELL_SEPARATOR)
                    line_src.extend([-1] * len(CELL_SEPARATOR))
                line.append(s)
                line_src.extend(s_src)
            lines.append(("".join(line), line_src))
    return lines if filled >= 2 and not (found and _reads_as_no_table(table)) else None


def _side_by_side(cells: list[list[int]], boxes: dict) -> bool:
    """Whether a level line crosses every cell of a row (cells: the offsets of each cell's chars)."""
    tops, bottoms = [], []
    for chars in cells:
        ys = [boxes[j] for j in chars if j in boxes]
        if ys:
            tops.append(max(b[3] for b in ys))
            bottoms.append(min(b[1] for b in ys))
    return not tops or max(bottoms) < min(tops)


_PROSE_LINE = 20  # chars: a shorter cell is a table's ("heroin" over "opium"), not a line of prose that reads on
_LIST_MARK = re.compile(r"[^\w\s]|\(?(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]|\d{1,3}")
_LEADERS = re.compile(r"(\.\s?){3,}$")  # "Introduction . . . . 1": a table of contents' dots


def _reads_as_no_table(rows: list[list[str]]) -> bool:
    """Whether the rows of a table whose columns were found in the text are a list, contents or prose instead:
    two columns, the first of list marks only ("•", "1.", "a)": a list with a hanging indent); a first column
    mostly of titles ending in leader dots (a table of contents, left as the lines it was); or more than a third
    of the cells reading on in lower case into the same column of the next row (two columns of prose written
    line across line)."""
    firsts = [r[0] for r in rows if r and r[0]]
    # marks and two columns more are a numbered table ("# | Operation | Seized")
    if firsts and all(_LIST_MARK.fullmatch(c) for c in firsts) and max(map(len, rows)) <= 2:
        return True
    if sum(bool(_LEADERS.search(c)) for c in firsts) > len(firsts) / 2:
        return True
    pairs = [(a, b) for upper, lower in zip(rows, rows[1:]) for a, b in zip(upper, lower) if a and b]
    flowing = sum(len(a) >= _PROSE_LINE and a[-1] not in ".!?:;" and b[0].islower() for a, b in pairs)
    return flowing > len(pairs) / 3


def _nearest_marks(text: str, in_table: list[bool]) -> list[bool]:
    """For each whitespace char: whether the nearest non-space char before or after it is a table's."""
    n = len(text)
    before, after = [False] * n, [False] * n
    last = False
    for j in range(n):
        before[j] = last
        if not text[j].isspace():
            last = in_table[j]
    last = False
    for j in range(n - 1, -1, -1):
        after[j] = last
        if not text[j].isspace():
            last = in_table[j]
    return [b or a for b, a in zip(before, after)]


def _cell(text: str, src: list[int], chars: list[int]) -> tuple[str, list[int]]:
    """A cell's text from its chars (offsets in ``text``, stream order): a space where the page had a gap or a
    line break; none after a hyphen that ends a line ("Kanal-" + "Patrol"), and no hyphen either before a
    lower-case letter ("precur-" + "sors")."""
    out, out_src = [], []
    for k, j in enumerate(chars):
        if k and j != chars[k - 1] + 1:
            i = chars[k - 1]
            gap = text[i + 1 : j]
            if text[i] == "-" and "\n" in gap and gap.isspace():
                if text[j].islower():  # a word hyphenated at the cell's edge: joined, as search_text joins it
                    out.pop()
                    out_src.pop()
            elif gap == " ":
                out.append(" ")
                out_src.append(src[i + 1])
            else:
                out.append(" ")
                out_src.append(-1)
        out.append(text[j])
        out_src.append(src[j])
    return "".join(out), out_src
