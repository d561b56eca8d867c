"""Corpus folder -> files -> documents: walking, size limits, reading, hashing, and the one scan
that both ``load_corpus`` and the index build use.

A *document* is one file. Its ``text`` is what its reader made of the bytes: for plain text and
Markdown the decoded file content, never newline-translated or stripped (a leading UTF-8
byte-order mark stays, as U+FEFF), so every offset a later step cites points into exactly what the
user has on disk; for HTML the plain text extracted from the page, and offsets refer to that.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qa.config import MAX_FILE_BYTES, MAX_TEXT_CHARS
from qa.ingest.dates import find_date
from qa.ingest.document import Block, Document, DocumentError, Item, Skipped
from qa.ingest.extract_cache import ExtractCache
from qa.ingest.items import parse_parts
from qa.ingest.messages import subject
from qa.ingest.readers import Extracted, is_supported, reader_for, readers
from qa.ingest.titles import document_title, markdown_title, site_from_text
from qa.lang import detect

READING = "Reading the corpus"  # the scan's progress phase (files read and parsed, of all files)
_LANGUAGE_SAMPLE = 20_000  # characters a page's language is told from: enough, and a 50 MB file costs no more


def human_size(n: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" or n >= 10 else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.0f} GB"  # pragma: no cover


def relative(path: Path, root: Path) -> str:
    """path as a POSIX path relative to root (the name a document has in the index)."""
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def walk(root: Path) -> list[Path]:
    """Every non-hidden file under root, sorted; symlinked directories are not followed (no loops)."""
    root = Path(root)
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / f for f in filenames if not f.startswith("."))
    return sorted(found, key=lambda p: relative(p, root))


def iter_corpus_files(root: Path) -> list[Path]:
    """Supported files under root, recursively, sorted; hidden files/dirs skipped, loop-safe."""
    return [p for p in walk(Path(root)) if is_supported(p.name)]


def _claimable(path: Path) -> None:
    """Refuse a file no reader can take before touching it (only sniffing readers need its bytes)."""
    if not is_supported(path.name) and not any(r.sniff for r in readers()):
        reader_for(path.name)  # raises DocumentError("unsupported type ...")


def read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, within the size limit (raises DocumentError with a one-line reason)."""
    path = Path(path)
    try:
        try:
            st = path.stat()
        except FileNotFoundError:
            if path.is_symlink():
                raise DocumentError("broken symbolic link (its target does not exist)") from None
            raise DocumentError("the file disappeared while indexing") from None
        if not stat.S_ISREG(st.st_mode):  # a FIFO or device named .txt would block or never end
            raise DocumentError("not a regular file")
        size = st.st_size
        if size > max_bytes:
            raise DocumentError(f"too large ({human_size(size)} > {human_size(max_bytes)} limit)")
        with open(path, "rb") as fh:  # bytes, never text mode: offsets must match the file
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentError("the file disappeared while indexing") from None
    except OSError as e:
        raise DocumentError(f"unreadable: {(e.strerror or str(e)).lower()}") from None
    if len(data) > max_bytes:  # the file grew after stat()
        raise DocumentError(f"too large (> {human_size(max_bytes)} limit)")
    if not data.strip():
        raise DocumentError("empty file")
    return data


def parse_bytes(
    name: str,
    data: bytes,
    sha256: str | None = None,
    cache: ExtractCache | None = None,
    on_page: Callable[[int, int], None] | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> Document:
    """A file's bytes -> a Document (its reader chosen by sniffed content, then by suffix).

    Slow readers (PDF, Word) go through ``cache`` when one is given, and report pages read
    to on_page(done, total). A text longer than max_chars raises DocumentError (too_long)."""
    sha256 = sha256 or hashlib.sha256(data).hexdigest()
    reader = reader_for(name, data)
    if reader.cached:
        read = lambda d: reader.read(d, on_page)  # noqa: E731
        extracted = cache.extract(reader.kind, sha256, data, read) if cache is not None else read(data)
    else:
        extracted = reader.read(data)
    too_long(len(extracted.text), max_chars)
    if extracted.sections is not None:
        items = _section_items(name, extracted)
        title = extracted.title or name.rsplit("/", 1)[-1]
        return Document(name, extracted.text, sha256, items, title=title, pages=extracted.pages)
    items, whole = parse_parts(extracted.text, markdown=extracted.markdown)
    if not items:
        raise DocumentError("no text content (only page furniture)")
    title = extracted.title
    if title and len(items) == 1:
        items[0].title = title
        items[0].date = items[0].date or find_date(title)
    site = extracted.site or site_from_text(extracted.text, [extracted.text[it.start : it.end] for it in items])
    own = extracted.doc_title or (markdown_title(extracted.text) if extracted.markdown else None)
    if own is None and whole:
        # one document in parts (a transcript, an e-mail thread), not a list of stories: its subject or its first
        # part's title names it, not "News, <months>"
        own = subject(extracted.text) or items[0].title
    # A one-story file is called by its story's title, so the two never disagree.
    if len(items) == 1:
        doc_title = items[0].title
    else:  # a fallback title is worded in the page's language ("Новости, март 2024")
        language = detect(extracted.text[:_LANGUAGE_SAMPLE])
        doc_title = document_title(own, site, [(it.title, it.date) for it in items], language)
    return Document(name, extracted.text, sha256, items, title=doc_title, site=site)


def too_long(chars: int, max_chars: int = MAX_TEXT_CHARS) -> None:
    """Refuse a text the model could not embed in reasonable time, before it is split or embedded
    (the rest of the corpus is indexed; config.MAX_TEXT_CHARS says why the limit is where it is)."""
    if chars > max_chars:
        raise DocumentError(
            f"too long to index ({chars / 1e6:.1f} million characters > {max_chars / 1e6:g} million limit): "
            "split it into smaller files"
        )


def _section_items(name: str, extracted: Extracted) -> list[Item]:
    """A reader's own sections as items; untitled ones are named after the file."""
    fallback = name.rsplit("/", 1)[-1]
    return [
        Item(i, s.title or fallback, s.date, s.start, s.end, [Block(a, b) for a, b in s.blocks], page=s.page)
        for i, s in enumerate(extracted.sections or ())
    ]


def load_document(path: Path, root: Path, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read one file (raises DocumentError with a one-line reason)."""
    path, root = Path(path), Path(root)
    _claimable(path)
    return parse_bytes(relative(path, root), read_bytes(path, max_bytes))


def content_key(name: str, data: bytes) -> tuple[str, str]:
    """(sha256 of the bytes, reader kind): what a build knows a file's content by. A stored document
    with the same key is the same document, whatever the file's name or time stamps."""
    return hashlib.sha256(data).hexdigest(), reader_for(name, data).kind


@dataclass(frozen=True)
class Scanned:
    """One usable corpus file. doc is None when its (sha256, kind) was already known."""

    path: str
    sha256: str
    kind: str
    doc: Document | None


def scan(
    root: Path,
    max_bytes: int = MAX_FILE_BYTES,
    known: set[tuple[str, str]] | frozenset = frozenset(),
    parse: bool = True,
    cache: ExtractCache | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> tuple[list[Scanned], list[Skipped]]:
    """Read and hash every file under root; parse only those whose (sha256, kind) is not in known
    (none with parse=False: a remote build engine parses them where it embeds them).

    Unusable files (unsupported ones too) come back as Skipped with a one-line reason; one bad
    file never stops the rest. PDF and Word extraction goes through ``cache``; a PDF reports
    its pages to progress(f"Reading {path}", done, total), and the files read so far to
    progress(READING, done, total). A text longer than max_chars is skipped (``too_long``)."""
    root = Path(root)
    if not root.is_dir():
        raise DocumentError(
            f"corpus folder not found: {root} (create it, or start with the bundled documents: "
            f"cp -r samples/corpus {root})"
        )
    entries: list[Scanned] = []
    skipped: list[Skipped] = []
    paths = walk(root)
    for n, path in enumerate(paths, 1):
        rel = relative(path, root)
        try:
            _claimable(path)
            data = read_bytes(path, max_bytes)
            sha, kind = content_key(rel, data)
            on_page = None
            if progress is not None:
                on_page = lambda done, total, rel=rel: progress(f"Reading {rel}", done, total)  # noqa: E731
            doc = None if not parse or (sha, kind) in known else parse_bytes(rel, data, sha, cache, on_page, max_chars)
            entries.append(Scanned(rel, sha, kind, doc))
        except DocumentError as e:
            skipped.append(Skipped(rel, str(e)))
        except Exception as e:  # noqa: BLE001 - one bad file must never stop the whole corpus
            skipped.append(Skipped(rel, f"unreadable: {type(e).__name__}: {e}".splitlines()[0]))
        if progress is not None:
            progress(READING, n, len(paths))
    return entries, skipped


def load_corpus(root: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Document], list[Skipped]]:
    """All documents under root; unusable files (unsupported ones too) come back as Skipped."""
    entries, skipped = scan(root, max_bytes)
    return [e.doc for e in entries if e.doc is not None], skipped
