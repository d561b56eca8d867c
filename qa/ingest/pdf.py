"""PDF files -> extracted text with pages (pypdfium2), and the page picture with the answer outlined.

pypdfium2 (PDFium's bindings, Apache-2.0/BSD) was chosen by measurement over pypdf
(benchmarks/pdf_readers.py, docs/benchmarks.md): about 4x the pages per second, the same text
order on two-column pages, and it marks a hyphen at a line end as such (U+FFFE), which this
module turns back into "-\\n" so the stored text shows the page as printed.

PDFium is not thread-safe, and the web app renders pages while a build may be reading others:
every call into it holds ``PDFIUM_LOCK``.
"""

from __future__ import annotations

import ctypes
import functools
import io
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from qa.ingest import carried_rows, ruled_tables, text_tables
from qa.ingest.carried_rows import TableEnd
from qa.ingest.document import DocumentError
from qa.ingest.pages import from_pages, page_lines, row_lines
from qa.ingest.readers import CELL_SEPARATOR, Extracted

PDFIUM_LOCK = threading.RLock()
_NO_TEXT = "scanned, no text layer: OCR is not supported"
# PDFium's text API: "\r\n" between lines, U+FFFE for a hyphen it took to end a line, U+0002
# for a soft hyphen. Everything else below U+0020 but the tab is noise from odd fonts.
_LINE_HYPHENS = ("\ufffe", "\x02")
_CONTROLS = {c: " " for c in map(chr, range(32)) if c not in "\n\t"}


def _normalise(raw: str, with_map: bool = False) -> tuple[str, list[int] | None]:
    """PDFium page text -> the stored page text; with_map, also the raw index of each char
    (-1 for the line break put after a line-end hyphen, which has no char on the page)."""
    if not with_map:
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        for h in _LINE_HYPHENS:
            text = text.replace(h, "-\n")
        return text.translate(_CONTROLS).strip("\n"), None
    out: list[str] = []
    src: list[int] = []
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == "\r":
            out.append("\n")
            src.append(-1)
            i += 2 if raw[i + 1 : i + 2] == "\n" else 1
            continue
        if c in _LINE_HYPHENS:
            out += ["-", "\n"]
            src += [i, -1]
        else:
            out.append(_CONTROLS.get(c, c))
            src.append(i)
        i += 1
    text = "".join(out)
    lead = len(text) - len(text.lstrip("\n"))
    text = text.strip("\n")
    return text, src[lead : lead + len(text)]


# A space PDFium made up (none in the file) over a gap this many times the font size wide parts two cells
# of a table row: words are ~0.3 em apart, even in justified lines, and cells are several em apart. A made-up
# space before a word that starts where such a gap started a cell on another row of the table (within
# _ALIGNED points) parts cells too: tight columns leave less than 2 em between their cells ("Elena Morozova
# OSCE Programme Office", 1 em), and cells are left-aligned under each other.
_CELL_GAP_EM = 2.0
_ALIGNED = 1.5


def _cell_gaps(textpage, text: str, src: list[int]) -> list[int]:
    """Offsets in ``text`` of the spaces that part the cells of its table rows (pages.row_lines)."""
    import pypdfium2.raw as raw

    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    spaces = []  # (table, offset, gap in em, where the next word starts); a table is a run of row lines
    table, prev = 0, None
    for i in sorted(row_lines(text, lines)):
        table += prev is not None and i != prev + 1
        prev = i
        if CELL_SEPARATOR in text[slice(*lines[i])]:
            continue  # a ruled table's row (qa.ingest.ruled_tables): its cells are known
        gaps = _made_up_gaps(textpage, raw, text, src, *lines[i])
        if not _justified(textpage, raw, text, src, lines, i, gaps):
            spaces += [(table, j, em, x) for j, em, x in gaps]
    starts = [(t, x) for t, _, em, x in spaces if em > _CELL_GAP_EM]
    return [j for t, j, em, x in spaces
            if em > _CELL_GAP_EM or any(t == t0 and abs(x - x0) <= _ALIGNED for t0, x0 in starts)]


def _made_up_gaps(textpage, raw, text: str, src: list[int], s: int, e: int) -> list[tuple[int, float, float]]:
    """The spaces PDFium made up between the words of the line text[s:e]: (offset, gap in em, where the next
    word starts)."""
    out = []
    for j in range(s + 1, e - 1):
        if text[j] != " " or src[j] < 0 or src[j - 1] < 0 or src[j + 1] < 0:
            continue
        ci = raw.FPDFText_GetCharIndexFromTextIndex(textpage, src[j])
        if ci <= 0 or not raw.FPDFText_IsGenerated(textpage, ci):
            continue
        size = raw.FPDFText_GetFontSize(textpage, ci - 1) or 10.0
        left, right = textpage.get_charbox(ci - 1), textpage.get_charbox(ci + 1)
        out.append((j, (right[0] - left[2]) / size, right[0]))
    return out


# A justified line stretches every gap between its words alike: gaps within this ratio of each other are word
# spaces, however wide (a narrow column's line of three words can leave 2 em between them), not cell borders.
_EVEN_GAPS = 1.25


def _justified(textpage, raw, text: str, src: list[int], lines: list[tuple[int, int]], i: int,
               gaps: list[tuple[int, float, float]]) -> bool:
    """Whether line i is a line of justified prose rather than a table row: its made-up gaps are all alike
    (two or more), or its one wide gap spans a line that starts and ends where a line of ordinary prose next to
    it does ("Ambassador          Konstantin" under "opening address was given by")."""
    widths = [em for _, em, _ in gaps]
    if len(widths) >= 2:
        return max(widths) <= _EVEN_GAPS * min(widths)
    if len(widths) != 1 or widths[0] <= _CELL_GAP_EM:
        return False
    edges = _line_edges(textpage, raw, src, *lines[i])
    for k in (i - 1, i + 1):
        if edges is None or not 0 <= k < len(lines):
            continue
        near = _line_edges(textpage, raw, src, *lines[k])
        prose = all(em <= _CELL_GAP_EM for _, em, _ in _made_up_gaps(textpage, raw, text, src, *lines[k]))
        if near is not None and prose and all(abs(a - b) <= _ALIGNED for a, b in zip(edges, near)):
            return True
    return False


def _line_edges(textpage, raw, src: list[int], s: int, e: int) -> tuple[float, float] | None:
    """Where the line's first character starts and its last ends on the page, or None (a character not on it)."""
    if src[s] < 0 or src[e - 1] < 0:
        return None
    first = textpage.get_charbox(raw.FPDFText_GetCharIndexFromTextIndex(textpage, src[s]))
    last = textpage.get_charbox(raw.FPDFText_GetCharIndexFromTextIndex(textpage, src[e - 1]))
    return first[0], last[2]


def page_text(textpage, with_map: bool = False, carried: TableEnd | None = None) -> tuple[str, list[int] | None]:
    """A page's stored text (and, with_map, the raw index of each char: -1 for chars not on the page):
    _normalise's, with each table written a row a line (drawn with rules: qa.ingest.ruled_tables; without:
    qa.ingest.text_tables) and the cells of a table row parted by CELL_SEPARATOR ("Brindle | 8,400 cubic metres
    | 12"), so a row can be read against its header row (qa.answer.tables). ``carried``: the columns of the table
    the page before ended with, whose rows may go on atop this page (qa.ingest.carried_rows)."""
    text, src, _ = _page_text(textpage, with_map, carried)
    return text, src


def _page_text(textpage, with_map: bool, carried: TableEnd | None) -> tuple[str, list[int] | None, TableEnd | None]:
    """page_text's, and the columns of the table the page ends with (None: it ends with none)."""
    raw_text = textpage.get_text_range()
    text, src = _normalise(raw_text)
    text_lines = functools.cache(lambda: ruled_tables.text_lines(textpage.page))  # read once, only if needed
    tables = ruled_tables.grids(textpage.page, text_lines)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    rows = row_lines(text, lines)
    if not with_map and not tables and not rows and carried is None:  # the common page: no table, no per-char work
        return text, None, None
    if rows or tables:  # a table with no rule has lines read as rows (its header at least); rules may leave rows out
        tables = text_tables.grids(text_lines(), tables)
    text, src = _normalise(raw_text, with_map=True)
    if tables:
        text, src = ruled_tables.rewrite(textpage, text, src, tables)
    gaps = _cell_gaps(textpage, text, src)
    if carried is not None:
        place = functools.partial(_place, textpage, src)
        gaps = sorted(set(gaps) | set(carried_rows.carried_gaps(text, carried, set(gaps), place)))
    if gaps:
        out, out_src, at = [], [], 0
        for j in gaps:
            out += [text[at:j], CELL_SEPARATOR]
            out_src += src[at:j] + [src[j]] + [-1] * (len(CELL_SEPARATOR) - 1)
            at = j + 1
        out.append(text[at:])
        out_src += src[at:]
        text, src = "".join(out), out_src
    end = carried_rows.table_end(text, functools.partial(_place, textpage, src)) if CELL_SEPARATOR in text else None
    return text, (src if with_map else None), end


def _place(textpage, src: list[int], s: int, e: int) -> tuple[float, float] | None:
    """Where the text between stored offsets s and e starts and ends on the page (carried_rows.Place)."""
    import pypdfium2.raw as raw

    return _line_edges(textpage, raw, src, s, e)


# A heading too long for one line goes on on the next in the same type: that line is set in the same size (within
# _SAME_SIZE points), its baseline at most _LINE_SPACING sizes below, and the line above it ran too full to have held
# its first word. A line its writer broke off (a subtitle, a date, the body in a smaller size) fails one of these.
# Only a first page's top lines are measured: the title is there (pages._first_heading).
_SAME_SIZE = 0.5
_LINE_SPACING = 2.0
_TOP_LINES = 6


def wrapped_lines(textpage, text: str, src: list[int]) -> set[int]:
    """Indexes (into pages.page_lines(text)) of the page's top lines that go on with the line above them."""
    import pypdfium2.raw as raw

    lines = page_lines(text)[:_TOP_LINES]
    edges = [_line_edges(textpage, raw, src, s, e) for s, e in page_lines(text)]
    known = [x for x in edges if x is not None]
    if not known:
        return set()
    # the text's width, at least the page's less its left margin twice: a cover page's lines may all run short
    margin = min(left for left, _ in known)
    column = max(max(right for _, right in known) - margin, textpage.page.get_width() - 2 * margin)
    return {i for i in range(1, len(lines)) if _goes_on(textpage, raw, text, src, lines, edges, i, column)}


def _goes_on(textpage, raw, text: str, src: list[int], lines: list[tuple[int, int]],
             edges: list[tuple[float, float] | None], i: int, column: float) -> bool:
    """Whether line i goes on with line i - 1: the same size, right below it, and its first word would not have
    fitted on it."""
    above, below = _type_at(textpage, raw, src, lines[i - 1][0]), _type_at(textpage, raw, src, lines[i][0])
    if above is None or below is None or edges[i - 1] is None:
        return False
    (size, baseline), (size2, baseline2) = above, below
    if abs(size - size2) > _SAME_SIZE or not 0 < baseline - baseline2 <= _LINE_SPACING * size:
        return False
    s = lines[i][0]
    word = _line_edges(textpage, raw, src, s, s + len(text[s:lines[i][1]].split(" ", 1)[0]))
    if word is None:
        return False
    left, right = edges[i - 1]
    return (right - left) + (word[1] - word[0]) > column  # the word overruns the column even without its space


def _type_at(textpage, raw, src: list[int], j: int) -> tuple[float, float] | None:
    """The font size and the baseline of the character at text offset j (None: a character not on the page)."""
    if src[j] < 0:
        return None
    ci = raw.FPDFText_GetCharIndexFromTextIndex(textpage, src[j])
    x, y = ctypes.c_double(), ctypes.c_double()
    if ci < 0 or not raw.FPDFText_GetCharOrigin(textpage, ci, x, y):
        return None
    return raw.FPDFText_GetFontSize(textpage, ci), y.value


def sniff(head: bytes) -> bool:
    """A PDF, whatever its name: the "%PDF-" signature (some producers put junk before it)."""
    return b"%PDF-" in head[:1024]


def _open(data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise DocumentError("password-protected") from None
        if code == raw.FPDF_ERR_SECURITY:
            raise DocumentError("protected by an unsupported security handler") from None
        raise DocumentError("damaged or truncated PDF (cannot be opened)") from None


def _title(doc) -> str | None:
    """The file's own title, unless it is a producer's placeholder ("Microsoft Word - x.docx")."""
    try:
        title = (doc.get_metadata_value("Title") or "").strip()
    except Exception:  # noqa: BLE001 - odd metadata is no reason to lose the document
        return None
    if not title or title.lower().startswith(("microsoft word", "untitled")) or title.lower().endswith(
        (".doc", ".docx", ".pdf")
    ):
        return None
    return title


def read_pdf(data: bytes, on_page: Callable[[int, int], None] | None = None) -> Extracted:
    """The text of every page, page by page (each page is closed before the next is read, so
    memory stays bounded however many pages there are). on_page(done, total) reports progress.
    Raises DocumentError with a one-line reason for files that cannot be read."""
    if not sniff(data):
        raise DocumentError("not a PDF file")
    pages: list[str] = []
    wrapped: dict[int, set[int]] = {}  # the first page with text -> its title's lines (pages._first_heading)
    with PDFIUM_LOCK:
        doc = _open(data)
        try:
            total = len(doc)
            title = _title(doc)
            carried = None  # the table the page before ended with, whose rows may go on
            for i in range(total):
                text, measured, carried = _read_page(doc, i, measure=not wrapped, carried=carried)
                if measured is not None:
                    wrapped[i] = measured
                pages.append(text)
                if on_page is not None:
                    on_page(i + 1, total)
        finally:
            doc.close()
    if not any(p.strip() for p in pages):
        raise DocumentError(_NO_TEXT)
    extracted = from_pages(pages, title, wrapped)
    if not extracted.sections:
        raise DocumentError("no text content (only page headers, footers and numbers)")
    return extracted


def _read_page(doc, i: int, measure: bool, carried: TableEnd | None = None
               ) -> tuple[str, set[int] | None, TableEnd | None]:
    """Page i's stored text ("" for a damaged page), and with ``measure``, once it has text, its top lines that
    go on with the line above (wrapped_lines; None when not measured), and the columns of the table it ends with
    (``carried``: the page before's)."""
    try:
        page = doc[i]
        textpage = page.get_textpage()
    except Exception:  # noqa: BLE001 - one damaged page must not lose the others
        return "", None, None
    try:
        text, src, end = _page_text(textpage, measure, carried)
    except Exception:  # noqa: BLE001
        text, src, end = "", None, None
    wrapped = None
    if src is not None and text.strip():
        try:
            wrapped = wrapped_lines(textpage, text, src)
        except Exception:  # noqa: BLE001 - a font PDFium cannot measure costs the title's second line, no more
            wrapped = set()
    textpage.close()
    page.close()
    return text, wrapped, end


# A page picture reads the pages before it for the table a page ends with (_read_page's ``carried``), this many at
# most: a table's rows go on over one page break, or over pages of a row or two each.
_CARRIED_PAGES = 3


def _carried(doc, i: int) -> TableEnd | None:
    """The columns of the table page i - 1 ends with, as read_pdf passes them to page i."""
    carried = None
    for j in range(max(0, i - _CARRIED_PAGES), i):
        carried = _read_page(doc, j, measure=False, carried=carried)[2]
    return carried


def page_count(data: bytes) -> int:
    with PDFIUM_LOCK:
        doc = _open(data)
        try:
            return len(doc)
        finally:
            doc.close()


# ---------------------------------------------------------------------------- page pictures


def _answer_boxes(textpage, src: list[int], start: int, end: int) -> list[tuple[float, ...]]:
    """PDF-space rectangles (left, bottom, right, top), one per printed line, of page text
    [start, end)."""
    import pypdfium2.raw as raw

    chars = sorted(
        {
            ci
            for j in range(max(0, start), min(end, len(src)))
            if src[j] >= 0 and (ci := raw.FPDFText_GetCharIndexFromTextIndex(textpage, src[j])) >= 0
        }
    )
    boxes: list[tuple[float, ...]] = []
    run_start = prev = None
    for ci in chars + [None]:
        if ci is not None and prev is not None and ci == prev + 1:
            prev = ci
            continue
        if run_start is not None:
            n = textpage.count_rects(run_start, prev - run_start + 1)
            boxes.extend(textpage.get_rect(k) for k in range(n))
        run_start = prev = ci
    return boxes


@dataclass(frozen=True)
class PagePicture:
    """A rendered page and where a span of its text is printed."""

    png: bytes
    width: int
    height: int
    # (left, top, right, bottom) of each printed line of the span, as fractions of the picture
    boxes: tuple[tuple[float, float, float, float], ...]


def page_picture(
    data: bytes, page: int, start: int | None = None, end: int | None = None, width: int = 900,
    draw: bool = False,
) -> PagePicture:
    """1-based ``page`` as a PNG ``width`` pixels wide, and the boxes of page-text span
    [start, end) (offsets into the page's stored text), one per printed line; with draw, the
    boxes are also drawn into the picture."""
    from PIL import ImageDraw

    with PDFIUM_LOCK:
        doc = _open(data)
        try:
            if not 1 <= page <= len(doc):
                raise DocumentError(f"no page {page} (the file has {len(doc)})")
            pdf_page = doc[page - 1]
            w, h = pdf_page.get_size()
            scale = width / w
            image = pdf_page.render(scale=scale).to_pil().convert("RGB")
            boxes = []
            if start is not None and end is not None and end > start:
                textpage = pdf_page.get_textpage()
                _, src = page_text(textpage, with_map=True, carried=_carried(doc, page - 1))
                boxes = _answer_boxes(textpage, src or [], start, end)
                textpage.close()
            pdf_page.close()
        finally:
            doc.close()
    pad = 2  # pixels around the glyphs, so the outline does not touch them
    pixels = [
        (left * scale - pad, (h - top) * scale - pad, right * scale + pad, (h - bottom) * scale + pad)
        for left, bottom, right, top in boxes
    ]
    if draw:
        pen = ImageDraw.Draw(image)
        for box in pixels:
            pen.rectangle(box, outline=(220, 40, 40), width=3)
    buf = io.BytesIO()
    image.save(buf, format="PNG", optimize=False)
    iw, ih = image.size
    fractions = tuple(
        (max(0.0, a / iw), max(0.0, b / ih), min(1.0, c / iw), min(1.0, d / ih)) for a, b, c, d in pixels
    )
    return PagePicture(buf.getvalue(), iw, ih, fractions)
