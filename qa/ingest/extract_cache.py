"""Extraction results kept by content hash, so an unchanged PDF or Word file is not parsed again.

A build carries unchanged files forward from the live index without reading them, but a full
rebuild (a new pipeline version, other chunk settings, ``qa index --rebuild``) parses every
file again: for a 300-page PDF that is most of its cost. The cache holds each file's
``Extracted`` (or the one-line reason it could not be read) under
``<folder>/<kind>-<sha256>.json.gz``; bumping ``READER_VERSION`` retires every entry.
Entries are written atomically; an unreadable entry is a miss, never an error.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from qa.ingest.document import DocumentError
from qa.ingest.readers import Extracted, Section

READER_VERSION = 15  # bump when a reader or the page rules change what they extract
# (13: a web page's date lines trafilatura dropped are put back; 12: a PDF sentence over a page break is one
# paragraph, a table row atop the next page keeps its cells; 11: a web page's first story keeps its headline and date;
# 10: a PDF whose first page prints its full title named by it before its later pages' running header;
# 9: a PDF's title wrapped over lines read whole, and a page opening with wrapped prose names nothing;
# 8: each item of a PDF's list a paragraph of its own;
# 7: a PDF paragraph whose lines go on with a name or a figure read whole, not as one-line table rows, and a
# headline or caption its writer broke off a block of its own, justified prose no table row; a Word section carries
# the document's date, not the first date in its text, unless its heading or dateline is dated, and a Word file
# opening with its name as a plain paragraph is named by it;
# 6: the PDF half of 7, briefly;
# 5: a PDF table with no rule read a row a line (qa.ingest.text_tables), and a ruled table's rows outside its
# rules joined to it;
# 4: a PDF table drawn with rules read a row a line (qa.ingest.ruled_tables), table rows never page
# furniture, a table row no PDF's date;
# 3: a PDF table row's cells parted by " | "; a Word row's empty cells kept, its dates no section's date;
# 2: a PDF's first heading)
EXTRACT_CACHE_DIR = "extract-cache"  # inside the index folder


def _name(kind: str, sha256: str) -> str:
    return f"v{READER_VERSION}-{kind}-{sha256}.json.gz"


def _to_json(x: Extracted) -> dict:
    return {
        "text": x.text,
        "title": x.title,
        "markdown": x.markdown,
        "pages": list(x.pages) if x.pages is not None else None,
        "sections": None if x.sections is None else [
            [s.title, s.start, s.end, [list(b) for b in s.blocks], s.page, s.date] for s in x.sections
        ],
    }


def _from_json(d: dict) -> Extracted:
    sections = None
    if d["sections"] is not None:
        sections = tuple(
            Section(title, start, end, tuple(tuple(b) for b in blocks), page, date)
            for title, start, end, blocks, page, date in d["sections"]
        )
    pages = tuple(d["pages"]) if d["pages"] is not None else None
    return Extracted(d["text"], d["title"], d["markdown"], pages=pages, sections=sections)


class ExtractCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.hits = 0
        self.misses = 0
        self.used: set[tuple[str, str]] = set()  # (kind, sha256) asked for: prune keeps them

    def get(self, kind: str, sha256: str) -> Extracted | DocumentError | None:
        try:
            with gzip.open(self.folder / _name(kind, sha256), "rt", encoding="utf-8") as fh:
                d = json.load(fh)
            result = DocumentError(d["error"]) if "error" in d else _from_json(d)
        except (OSError, ValueError, KeyError, TypeError, EOFError):
            return None
        self.hits += 1
        return result

    def put(self, kind: str, sha256: str, result: Extracted | DocumentError) -> None:
        payload = {"error": str(result)} if isinstance(result, DocumentError) else _to_json(result)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8", compresslevel=3) as fh:
                json.dump(payload, fh, ensure_ascii=False)
            os.replace(tmp, self.folder / _name(kind, sha256))
        except OSError:
            pass  # a full disk or a read-only index folder costs speed next time, nothing else

    def extract(
        self, kind: str, sha256: str, data: bytes, reader: Callable[[bytes], Extracted]
    ) -> Extracted:
        """reader(data), or the stored result for this content. Raises DocumentError."""
        self.used.add((kind, sha256))
        cached = self.get(kind, sha256)
        if cached is None:
            self.misses += 1
            try:
                cached = reader(data)
            except DocumentError as e:
                cached = e
            self.put(kind, sha256, cached)
        if isinstance(cached, DocumentError):
            raise DocumentError(str(cached))
        return cached

    def prune(self, keep: set[tuple[str, str]]) -> int:
        """Delete entries for content no longer in the corpus (and stale versions); how many."""
        wanted = {_name(kind, sha) for kind, sha in keep}
        removed = 0
        try:
            names = os.listdir(self.folder)
        except OSError:
            return 0
        for name in names:
            if name not in wanted and (name.endswith(".json.gz") or name.startswith(".tmp-")):
                try:
                    os.unlink(self.folder / name)
                    removed += 1
                except OSError:
                    pass
        return removed
