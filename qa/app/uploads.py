"""Files uploaded from the web page -> new documents in the corpus folder, safely.

Only allowed types, a size cap, a sanitised file name, and never an overwrite: a name that is
already taken gets a numeric suffix ("notes-2.txt"); a file identical to one already in the
corpus is not added twice.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from qa.config import UPLOAD_MAX_BYTES
from qa.ingest.document import DocumentError
from qa.ingest.readers import readers, supported_suffixes

MAX_NAME_CHARS = 100  # of the stem, before the suffix


def upload_suffixes() -> tuple[str, ...]:
    """The types an upload may have: whatever the ingest readers can read."""
    return supported_suffixes()


class UploadError(ValueError):
    """This file cannot be added; the message says why."""


@dataclass
class UploadReport:
    saved: list[str] = field(default_factory=list)  # names in the corpus folder
    refused: list[tuple[str, str]] = field(default_factory=list)  # (name given, reason)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (name given, name saved)
    pages: dict[str, int] = field(default_factory=dict)  # name saved -> page count (PDFs)

    def message(self) -> str:
        lines = []
        if self.saved:
            shown = [f"{s} ({self.pages[s]} pages)" if s in self.pages else s for s in self.saved]
            lines.append("Added to the corpus: " + ", ".join(shown) + ". Click Re-index to make them searchable.")
        for given, saved in self.renamed:
            lines.append(f"{given} was saved as {saved} (that name was taken).")
        for given, reason in self.refused:
            lines.append(f"Not added: {given}: {reason}")
        return "\n".join(lines) or "No files given."


def sanitize_name(name: str) -> str:
    """A safe file name: no folders, no '..', no control characters, bounded length.

    Raises UploadError if nothing usable is left or the type is not allowed.
    """
    name = unicodedata.normalize("NFKC", str(name))
    name = name.replace("\\", "/").split("/")[-1]  # strip any directory part, POSIX or Windows
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")  # NUL, controls, BIDI
    name = re.sub(r"[^\w.\- ]+", "_", name, flags=re.UNICODE)
    name = re.sub(r"\s+", " ", name).strip(" .")  # no leading dot (hidden file), no trailing dot
    name = re.sub(r"\.{2,}", ".", name)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = "." + suffix.lower() if suffix else ""
    if suffix not in upload_suffixes():
        raise UploadError(
            f"only {', '.join(upload_suffixes())} files can be added"
            + (f" (this one is {suffix})" if suffix else " (this one has no extension)")
        )
    stem = stem.strip(" ._-")[:MAX_NAME_CHARS].strip(" .") or "upload"
    return stem + suffix


def check_content(data: bytes, max_bytes: int, name: str = "") -> int | None:
    """Refuse what cannot be indexed; for a PDF, its page count.

    PDF and Word files are checked by content, by reading them as the indexer will: a renamed
    program, an encrypted or a scanned PDF is refused here with the indexer's own reason."""
    if len(data) > max_bytes:
        raise UploadError(f"the file is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB")
    if not data.strip():
        raise UploadError("the file is empty")
    reader = next((r for r in readers() if r.cached and name.lower().endswith(r.suffixes)), None)
    if reader is not None:
        try:
            return reader.read(data, None).page_count
        except DocumentError as e:
            raise UploadError(str(e)) from None
        except Exception as e:  # noqa: BLE001 - a file that crashes the reader is refused, not a traceback
            raise UploadError(f"unreadable ({type(e).__name__})") from None
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UploadError("the file looks binary, not text")
    return None


def _existing_hashes(corpus: Path) -> dict[str, str]:
    out = {}
    for p in corpus.iterdir() if corpus.is_dir() else ():
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in upload_suffixes():
            try:
                out[hashlib.sha256(p.read_bytes()).hexdigest()] = p.name
            except OSError:
                continue
    return out


def save_upload(
    corpus: Path, name: str, data: bytes, max_bytes: int = UPLOAD_MAX_BYTES, pages: dict[str, int] | None = None
) -> str:
    """Write data into corpus under a safe, unused name; returns the name used (and, for a
    PDF, notes its page count in ``pages``)."""
    safe = sanitize_name(name)
    n_pages = check_content(data, max_bytes, safe)
    corpus.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    same = _existing_hashes(corpus).get(digest)
    if same is not None:
        raise UploadError(f"the same content is already in the corpus as {same}")
    stem, suffix = os.path.splitext(safe)
    tmp = corpus / f".upload-{os.getpid()}-{digest[:12]}.part"  # hidden: the indexer ignores it
    tmp.write_bytes(data)
    try:
        for n in range(1, 1000):
            candidate = safe if n == 1 else f"{stem}-{n}{suffix}"
            try:
                os.link(tmp, corpus / candidate)  # fails if the name exists: never overwrites
            except FileExistsError:
                continue
            if n_pages is not None and pages is not None:
                pages[candidate] = n_pages
            return candidate
    finally:
        tmp.unlink(missing_ok=True)
    raise UploadError("too many files with this name already")


def save_uploads(
    corpus: Path,
    files: list[tuple[str, Path | bytes]],
    max_bytes: int = UPLOAD_MAX_BYTES,
) -> UploadReport:
    """Save several (name, path-or-bytes) uploads; each one is accepted or refused on its own."""
    report = UploadReport()
    for given, src in files:
        shown = Path(str(given).replace("\\", "/")).name or str(given)
        try:
            if isinstance(src, bytes):
                data = src
            else:
                size = Path(src).stat().st_size
                if size > max_bytes:
                    raise UploadError(f"the file is {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB")
                data = Path(src).read_bytes()
            saved = save_upload(corpus, given, data, max_bytes, report.pages)
        except UploadError as e:
            report.refused.append((shown, str(e)))
            continue
        except OSError as e:
            report.refused.append((shown, f"could not be saved ({e.strerror or type(e).__name__})"))
            continue
        report.saved.append(saved)
        if saved != sanitize_name(given) or saved != shown:
            report.renamed.append((shown, saved))
    return report
