"""How the corpus folder differs from a generation, by content: the one comparison behind every
update (``qa.build.incremental``), the check after ``qa index --rollback`` (``corpus_changes``) and the
web app's list of files edited since they were indexed (``EditedFiles``).

A file is matched to a stored document by its content key, the sha256 of its bytes and its reader
kind (``qa.ingest.content_key``), never by name or time stamp: same path and key is unchanged; another
key, changed; a new path with the key of a stored document is renamed (its old path is gone) or copied
(it is still there); anything else is added, and a stored path with no file any more is removed.
Knowing it costs a read and a hash of every file, which a build pays anyway. The corpus panel asks far
more often (on opening the page, on every filter change), so ``EditedFiles`` keeps each file's key
with the size and modification time it was read at and reads a file again only when one of those
moved: a file touched but not edited is read once more, found equal and not listed, as the build will
call it unchanged.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from pathlib import Path

from qa.build.report import BuildReport
from qa.ingest import DocumentError, Scanned, scan
from qa.ingest.files import content_key, read_bytes
from qa.ingest.readers import kind_of

Key = tuple[str, str]  # (sha256, reader kind)
Stored = dict[str, Key]  # stored path -> its key: what a generation holds, as the comparison needs it


def stored_keys(documents: Iterable[dict]) -> Stored:
    """Stored path -> content key, from ``Index.documents()`` (a stored kind is its path's)."""
    return {d["doc"]: (d["sha256"], kind_of(d["doc"])) for d in documents}


def classify(entries: list[Scanned], prev_docs: Stored,
             report: BuildReport) -> tuple[dict[str, list[str]], list[Scanned]]:
    """Sort every scanned file into report.unchanged / changed / renamed / copied / added, and the
    stored paths no file has any more into report.removed.

    Returns (stored path -> the new paths that re-use its rows, the files that must be parsed)."""
    by_content: dict[tuple[str, str], list[str]] = {}
    for path, key in sorted(prev_docs.items()):
        by_content.setdefault(key, []).append(path)
    current = {e.path for e in entries}
    claimed: set[str] = set()  # stored paths that moved to a new name
    sources: dict[str, list[str]] = {}
    fresh: list[Scanned] = []
    for e in entries:
        key = (e.sha256, e.kind)
        same = by_content.get(key, [])
        if e.path in prev_docs:
            if prev_docs[e.path] == key:
                report.unchanged.append(e.path)
                source = e.path
            else:
                report.changed.append(e.path)
                source = same[0] if same else None  # changed into a copy of another document
        else:
            gone = [p for p in same if p not in current and p not in claimed]
            if gone:
                source = gone[0]
                claimed.add(source)
                report.renamed.append([source, e.path])
            elif same:
                source = same[0]
                report.copied.append([source, e.path])
            else:
                source = None
                report.added.append(e.path)
        if source is None:
            fresh.append(e)
        else:
            sources.setdefault(source, []).append(e.path)
    report.removed = sorted(p for p in prev_docs if p not in current and p not in claimed)
    return sources, fresh


def nothing_changed(report: BuildReport) -> bool:
    return not (report.added or report.changed or report.removed or report.renamed or report.copied)


def corpus_changes(corpus_dir: Path, generation: Path, max_bytes: int) -> BuildReport | None:
    """What an update of `generation` from `corpus_dir` would find changed (the lists of a
    BuildReport; nothing is parsed, written or cached), or None when the folder or the
    generation's manifest cannot be read (then there is nothing to say)."""
    try:
        files = json.loads((Path(generation) / "manifest.json").read_text())["files"]
        entries, _ = scan(Path(corpus_dir), max_bytes, parse=False)
    except (OSError, ValueError, KeyError, TypeError, DocumentError):
        return None
    report = BuildReport()
    classify(entries, stored_keys([{"doc": p, "sha256": f["sha256"]} for p, f in files.items()]), report)
    return report


def describe(report: BuildReport) -> str:
    """"2 added, 1 removed": the differences, counted (renamed and copied files are named so too)."""
    counts = (("added", report.added), ("changed", report.changed), ("removed", report.removed),
              ("renamed", report.renamed), ("copied", report.copied))
    return ", ".join(f"{len(paths)} {what}" for what, paths in counts if paths)


class EditedFiles:
    """``edited(root, stored)``: the stored paths whose files under root hold other content now, sorted
    (what the next build reports as "changed"). A file that is gone or unreadable is not listed: a
    build would not call it changed but removed or skipped."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._known: dict[Path, tuple[tuple[int, int], Key | None]] = {}  # file -> ((size, mtime ns), its key)
        self._lock = threading.Lock()  # the panel is drawn for several browser sessions at once

    def __call__(self, root: Path, stored: dict[str, Key]) -> list[str]:
        root = Path(root)
        with self._lock:
            return sorted(p for p, key in stored.items() if self._key(root / p, p) not in (key, None))

    def _key(self, path: Path, name: str) -> Key | None:
        """The file's content key now; read only when its size or modification time moved since."""
        try:
            st = path.stat()
        except OSError:
            return None
        stamp = (st.st_size, st.st_mtime_ns)
        known = self._known.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        try:
            key = content_key(name, read_bytes(path, self.max_bytes))
        except DocumentError:
            key = None
        self._known[path] = (stamp, key)
        return key
