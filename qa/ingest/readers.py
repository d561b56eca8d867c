"""The reader registry: which reader turns a file's bytes into text, by suffix and by sniffed content.

A reader is registered once with the suffixes it owns and, optionally, a ``sniff`` test on the
file's first bytes. ``reader_for`` asks the sniffers first (so a PDF named ``.txt`` can go to a
PDF reader once one is registered), then the suffix. Adding a format (PDF, DOCX) is one new
module with a ``read`` function plus one ``register(...)`` line in ``qa/ingest/__init__.py``
(naming its functions with ``Deferred``, so the module is imported only when a file is read).
Everything else that needs to know the supported types (walking, uploads, messages, the
build's notion of "the same file read the same way") asks this registry.
"""

from __future__ import annotations

import bisect
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from qa.ingest.document import DocumentError


# Parts the cells of a table row in the extracted text of every reader that knows tables (Word, PDF):
# one line a row, "Brindle | 8,400 cubic metres | 12", an empty cell as nothing between two separators
CELL_SEPARATOR = " | "


@dataclass(frozen=True)
class Section:
    """An item a reader found itself (a PDF page, a Word heading's part): blocks are (start, end)."""

    title: str
    start: int
    end: int
    blocks: tuple[tuple[int, int], ...]
    page: int | None = None  # 1-based, paged formats only
    date: str | None = None


@dataclass(frozen=True)
class Extracted:
    """A reader's output: the document text every offset refers to, and a title if the file has one."""

    text: str
    title: str | None = None
    markdown: bool = False  # "#" headings are item titles
    pages: tuple[int, ...] | None = None  # start offset of each page, for paged formats
    site: str | None = None  # the site the page names (HTML og:site_name, "<title> | Site")
    doc_title: str | None = None  # the file's own title for the whole of it (HTML <title> without the site)
    # Items the reader found itself (PDF pages, Word sections); None: the text rules find them.
    sections: tuple[Section, ...] | None = None

    @property
    def page_count(self) -> int | None:
        return len(self.pages) if self.pages is not None else None

    def page_of(self, offset: int) -> int | None:
        """The 1-based page holding text offset ``offset`` (None for unpaged documents)."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))


@dataclass(frozen=True)
class Deferred:
    """A reader's function named by module and name, imported on its first call.

    The built-in readers are registered this way: their modules and the page, paragraph and
    headline rules they import cost ~0.05 s, and a process that only answers questions imports
    ``qa.ingest`` for a few small rules (``leads``, ``titles``) and never reads a file."""

    module: str
    name: str

    def __call__(self, *args, **kwargs):
        return getattr(importlib.import_module(self.module), self.name)(*args, **kwargs)


@dataclass(frozen=True)
class Reader:
    kind: str  # recorded with the content hash: the same bytes read by another kind parse differently
    suffixes: tuple[str, ...]
    read: Callable[[bytes], Extracted]
    sniff: Callable[[bytes], bool] | None = None  # claims a file by its first bytes, whatever its name
    # Slow formats (PDF, Word): their extraction is cached by content hash (ingest.extract_cache),
    # and read(data, on_page) reports progress page by page.
    cached: bool = False


_READERS: list[Reader] = []
SNIFF_BYTES = 8192


def register(reader: Reader) -> None:
    """Add a reader; a later registration of a suffix wins over an earlier one."""
    _READERS.insert(0, reader)


def readers() -> list[Reader]:
    return list(_READERS)


def supported_suffixes() -> tuple[str, ...]:
    """Every suffix some reader owns, in registration order (".txt" first)."""
    out: list[str] = []
    for r in reversed(_READERS):
        out.extend(s for s in r.suffixes if s not in out)
    return tuple(out)


def is_supported(name: str) -> bool:
    return _suffix(name) in supported_suffixes()


def describe_types() -> str:
    """".txt, .md or .html" for messages that tell the user what can be indexed."""
    main = [r.suffixes[0] for r in reversed(_READERS)]
    return ", ".join(main[:-1]) + f" or {main[-1]}" if len(main) > 1 else "".join(main)


def kind_of(name: str) -> str:
    """The reader kind a file name gets by its suffix ("txt" when no reader owns it)."""
    suffix = _suffix(name)
    for r in _READERS:
        if suffix in r.suffixes:
            return r.kind
    return "txt"


def reader_for(name: str, head: bytes = b"") -> Reader:
    """The reader for a file: a sniffer that claims its first bytes, else its suffix's reader."""
    for r in _READERS:
        if r.sniff is not None and r.sniff(head[:SNIFF_BYTES]):
            return r
    suffix = _suffix(name)
    for r in _READERS:
        if suffix in r.suffixes:
            return r
    raise DocumentError(f"unsupported type {suffix or '(no extension)'}")


def _suffix(name: str) -> str:
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[1].lower() if "." in base.lstrip(".") else ""
