"""Word (.docx) files -> extracted text with sections (python-docx).

The extracted text has one line per paragraph, list item or table row, in document order, with
a blank line between paragraphs: list items start with "• " (or their number), table cells are
joined with " | ". A Heading 1 or 2 after some content starts a new section (an item) titled by
the heading. Page headers and footers of a Word file live outside its body and are not read.
Word files are not paged (pages depend on the printer), so passages from them have no page.
"""

from __future__ import annotations

import io
import zipfile

from qa.ingest.dates import find_date
from qa.ingest.document import DocumentError
from qa.ingest.readers import CELL_SEPARATOR, Extracted, Section

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .doc files, and password-protected .docx files
_MAX_UNPACKED = 512 * 1024 * 1024  # a document.xml bigger than this is a zip bomb, not a text
_SECTION_LEVELS = ("Title", "Heading 1", "Heading 2")


def _check_package(data: bytes) -> zipfile.ZipFile:
    if data.startswith(_OLE_MAGIC):
        raise DocumentError("an old Word .doc or a password-protected file: save it as .docx without a password")
    if not data.startswith(b"PK"):
        raise DocumentError("not a Word .docx file")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        info = z.getinfo("word/document.xml")
    except KeyError:
        raise DocumentError("not a Word document (a zip file of something else)") from None
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise DocumentError("damaged or truncated Word file") from None
    if info.file_size > _MAX_UNPACKED:
        raise DocumentError("too large when unpacked")
    return z


def _list_kind(paragraph) -> str | None:
    """'bullet', 'number' or None. Word marks list items by a numbering property, either on
    the paragraph or through its style ("List Bullet", "List Number")."""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    ppr = paragraph._p.pPr
    numbered = ppr is not None and ppr.numPr is not None
    if "List Number" in style:
        return "number"
    if "List" in style or numbered:
        return "bullet"
    return None


def _row_text(row) -> str:
    """A table row as one line; a merged cell (the same cell repeated) counts once, and an empty cell
    keeps its place, so each cell stays under its header (qa.answer.tables)."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split()))
    return CELL_SEPARATOR.join(cells) if any(cells) else ""


def sniff(head: bytes) -> bool:
    """An Office Open XML package (a Word, or an Excel or PowerPoint file the reader refuses)."""
    return head.startswith(b"PK\x03\x04") and (b"word/" in head or b"[Content_Types].xml" in head)


def read_docx(data: bytes, on_page=None) -> Extracted:
    """The body text of a .docx file; raises DocumentError with a one-line reason.
    (on_page is unused: Word files have no pages to report.)"""
    z = _check_package(data)
    has_images = any(n.startswith("word/media/") for n in z.namelist())
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        blocks_in_order = list(document.iter_inner_content())
        title = (document.core_properties.title or "").strip() or None
    except DocumentError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises many kinds on damaged XML
        raise DocumentError(f"damaged Word document ({type(e).__name__})") from None

    parts: list[str] = []
    pos = 0
    # (heading or None, [(start, end)]) per section
    sections: list[tuple[str | None, list[tuple[int, int]]]] = [(None, [])]
    numbers: dict[str, int] = {}
    prev_list = False
    rows: set[tuple[int, int]] = set()  # the table rows' blocks

    def add(line: str, sep: str) -> tuple[int, int]:
        nonlocal pos
        if parts:
            parts.append(sep)
            pos += len(sep)
        parts.append(line)
        span = (pos, pos + len(line))
        pos += len(line)
        return span

    for block in blocks_in_order:
        if hasattr(block, "rows"):  # a table: a row a line
            prev_list = False
            for i, row in enumerate(block.rows):
                line = _row_text(row)
                if line:
                    span = add(line, "\n\n" if i == 0 else "\n")
                    rows.add(span)
                    sections[-1][1].append(span)
            continue
        line = " ".join(block.text.split())
        if not line:
            continue
        style = (block.style.name if block.style is not None else "") or ""
        if style in _SECTION_LEVELS:
            title = title or line
            if sections[-1][1]:
                sections.append((line, []))
            elif sections[-1][0] is None:
                sections[-1] = (line, [])
            add(line, "\n\n")  # in the text, but a title, not a block (as Markdown headings are)
            prev_list = False
            continue
        kind = _list_kind(block)
        if kind == "number":
            numbers[style] = numbers.get(style, 0) + 1
            line = f"{numbers[style]}. {line}"
        elif kind == "bullet":
            line = f"• {line}"
        else:
            numbers.clear()  # a paragraph between lists restarts their numbering
        # list items follow each other line by line; anything else is its own paragraph
        sections[-1][1].append(add(line, "\n" if kind and prev_list else "\n\n"))
        prev_list = kind is not None
    text = "".join(parts)
    if not text.strip():
        raise DocumentError("no text: images only" if has_images else "empty document")
    # A section's date is the first one in its opening lines, else the document's; a table's dates are what
    # its rows are about (a deadline, a year of figures), not when the section was written.
    dates = [find_date(" ".join(text[s:e] for s, e in [b for b in blocks if b not in rows][:3]))
             for _, blocks in sections]
    first_date = next((d for d in dates if d), None)
    out = tuple(
        Section(heading or title or "", blocks[0][0], blocks[-1][1], tuple(blocks), None, date or first_date)
        for (heading, blocks), date in zip(sections, dates)
        if blocks
    )
    return Extracted(text, title, sections=out)
