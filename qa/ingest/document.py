"""The shapes ingest produces: a document (one file), its news items and their paragraph blocks."""

from __future__ import annotations

from dataclasses import dataclass

class DocumentError(Exception):
    """A file that cannot be read as a document; str(e) is a one-line reason for the user."""


@dataclass(frozen=True)
class Block:
    """One paragraph of real content: ``Document.text[start:end]``, whitespace-trimmed."""

    start: int
    end: int


@dataclass
class Item:
    """One news item (a whole single-article page is one item)."""

    index: int
    title: str
    date: str | None  # ISO "YYYY-MM-DD" / "YYYY-MM" / "YYYY" of the heading's or lead's first date
    start: int
    end: int
    blocks: list[Block]
    page: int | None = None  # 1-based, for paged formats (a PDF item is one page)


@dataclass
class Document:
    """One corpus file. For HTML, ``text`` is the extracted plain text; offsets refer to it."""

    path: str
    text: str
    sha256: str
    items: list[Item]
    title: str = ""  # human title: the page's own, or its site's name, or its one story's (qa.ingest.titles)
    site: str | None = None  # "osce.org", "CARICC": where the page comes from, when it says or shows it
    pages: tuple[int, ...] | None = None  # start offset of each page (PDF); None: unpaged

    @property
    def search_text(self) -> str:
        """The text sentences and chunks are cut from: for paged documents, words hyphenated
        across a line break are joined, at the same length (qa.ingest.pages.search_text)."""
        if self.pages is None:
            return self.text
        from qa.ingest.pages import search_text

        return search_text(self.text)


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str

