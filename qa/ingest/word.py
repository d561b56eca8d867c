"""Word (.docx) files -> extracted text with sections (python-docx).

The extracted text has one line per paragraph, list item or table row, in document order, with
a blank line between paragraphs: list items start with "• " (or their number), table cells are
joined with " | ". A Heading 1 or 2 after some content starts a new section (an item) titled by
the heading. Page headers and footers of a Word file live outside its body and are not read.
Word files are not paged (pages depend on the printer), so passages from them have no page.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile

from qa.ingest import wording
from qa.ingest.datelines import dateline_prefix, is_dateline_line
from qa.ingest.dates import FULL_DATE_RE, find_date, starting_date
from qa.ingest.document import DocumentError
from qa.ingest.pages import reads_as_title
from qa.ingest.readers import CELL_SEPARATOR, Extracted, Section

_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .doc files, and password-protected .docx files
_MAX_UNPACKED = 512 * 1024 * 1024  # a document.xml bigger than this is a zip bomb, not a text
_SECTION_LEVELS = ("Title", "Heading 1", "Heading 2")
_OPENING_BLOCKS = 3  # the lines at the top of a document that state its date ("Date: 14 March 2024")
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


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


@functools.cache
def _lead_in_re() -> re.Pattern:
    """Words a dated heading may hold before its date, in every language ("Monday, ", "Date: ")."""
    return re.compile(rf"(?:(?:{wording.field('date_filler')})\W*)*", re.IGNORECASE)


def _dateline_date(line: str) -> str | None:
    """The date of a line that dates what follows it, as a news story's dateline does: a line that is
    only a date ("12 May 2024", "Monday, 13 May 2024") or a dateline ("OSH, 12 May 2024 — The
    delegation ...", "Osh, 12 May 2024")."""
    if (dateline := dateline_prefix(line)) is not None and dateline.date:
        return dateline.date
    if is_dateline_line(line):
        return find_date(line)
    rest = line[_lead_in_re().match(line).end():].rstrip(" .:—–-")
    return find_date(rest) if FULL_DATE_RE.fullmatch(rest) else None


def _heading_date(heading: str) -> str | None:
    """The date a heading gives its section: a heading that is a date or a dateline, or starts with a
    date ("12 May 2024 — Visit to Osh", "May 2024: field visits"). A date further on ("Actions due by
    30 June 2024") is what the section is about, not when it was written, so it gives none."""
    return _dateline_date(heading) or starting_date(heading[_lead_in_re().match(heading).end():])


def _opening_dateline(text: str, blocks: list[tuple[int, int]], rows: set[tuple[int, int]]) -> str | None:
    """The date of a dateline that opens a section (its first block, a table row never)."""
    start, end = blocks[0]
    return None if blocks[0] in rows else _dateline_date(text[start:end])


def _document_date(title: str | None, opening: list[str]) -> str | None:
    """A dated title; else a day or a month in the opening lines ("Date: 14 March 2024"), not a bare
    year there ("since 1987" is history, not the document's date); else a year in the title. The rule
    a PDF's first page follows (qa.ingest.pages)."""
    date = find_date(title or "")
    if date is None:
        found = find_date("\n".join(opening))
        date = found if found and len(found) >= 7 else None
    if date is None and title and (m := _YEAR_RE.search(title)):
        date = m.group()
    return date


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
    heading_dates: list[str | None] = [None]  # per section, the date its heading gives it (_heading_date)
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
                heading_dates.append(_heading_date(line))
            else:  # a heading right under another, no text between: one section, titled by the first, dated by either
                if sections[-1][0] is None:
                    sections[-1] = (line, [])
                heading_dates[-1] = heading_dates[-1] or _heading_date(line)
            add(line, "\n\n")  # in the text, but a title, not a block (as Markdown headings are)
            prev_list = False
            continue
        if not parts and title is None and reads_as_title(line):
            title = line  # a file opening with its name as a plain paragraph, the headings below it its sections
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
    # Sections are parts of one document, as a PDF's pages are: each carries the document's date, stated at
    # its top. A date inside a section is what it talks about ("the previous session held in November 2023",
    # "to be circulated by 30 June 2024"), not when it was written, so it must not move the section out of a
    # date filter's range or into a citation. A section whose heading is dated ("12 May 2024 — Visit to
    # Osh": a diary, a file of news items), or that opens with a dateline ("12 May 2024" alone on its first
    # line, "OSH, 12 May 2024 — ..."), is an entry of its own and keeps that date, as a news item keeps its
    # headline's or dateline's (qa.ingest.items). A table's dates are what its rows are about
    # (a deadline, a year of figures), so table rows never date the document.
    opening = [text[s:e] for s, e in sections[0][1] if (s, e) not in rows][:_OPENING_BLOCKS]
    document_date = _document_date(title, opening)
    out = tuple(
        Section(heading or title or "", blocks[0][0], blocks[-1][1], tuple(blocks), None,
                date or _opening_dateline(text, blocks, rows) or document_date)
        for (heading, blocks), date in zip(sections, heading_dates)
        if blocks
    )
    return Extracted(text, title, sections=out)
