"""How the corpus folder differs from a generation, by content: the one comparison behind every
update (``qa.build.incremental``) and the check after ``qa index --rollback`` (``corpus_changes``).

A file is matched to a stored document by its bytes and kind (sha256, reader kind), never by name
or time stamp: same path and bytes is unchanged; other bytes, changed; a new path with the bytes of
a stored document is renamed (its old path is gone) or copied (it is still there); anything else
is added, and a stored path with no file any more is removed.
"""

from __future__ import annotations

import json
from pathlib import Path

from qa.build.report import BuildReport
from qa.ingest import DocumentError, Scanned, scan
from qa.ingest.readers import kind_of

# stored path -> (sha256, kind): what a generation holds, as the comparison needs it
Stored = dict[str, tuple[str, str]]


def stored(documents: list[dict]) -> Stored:
    """The comparison's view of a generation's documents (``Index.documents()`` rows)."""
    return {d["doc"]: (d["sha256"], kind_of(d["doc"])) for d in documents}


def classify(entries: list[Scanned], prev_docs: Stored, report: BuildReport) -> tuple[dict[str, list[str]], list[Scanned]]:
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
    classify(entries, stored([{"doc": p, "sha256": f["sha256"]} for p, f in files.items()]), report)
    return report


def describe(report: BuildReport) -> str:
    """"2 added, 1 removed": the differences, counted (renamed and copied files are named so too)."""
    counts = (("added", report.added), ("changed", report.changed), ("removed", report.removed),
              ("renamed", report.renamed), ("copied", report.copied))
    return ", ".join(f"{len(paths)} {what}" for what, paths in counts if paths)
