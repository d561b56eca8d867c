"""What a build did (``BuildReport``), why it could not run (``BuildError``), and how it reports progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

# (phase, done, total): "Reading the corpus" (0, 0, then files read of all files; a PDF's pages as
# "Reading <path>"), then "Embedding new files" (new or changed files parsed, embedded and written,
# of total; the Ray engine: "Parsing and embedding on Ray (files)"), and inside it, for a window of
# texts as large as one long document's, "Embedding texts of <path>" (texts through the model).
BuildProgress = Callable[[str, int, int], None]
EMBEDDING_FILES = "Embedding new files"
EMBEDDING_TEXTS = "Embedding texts of "


def phase_unit(phase: str) -> str:
    """What a phase counts, as a progress bar names it: pages, files or texts."""
    if phase.startswith(EMBEDDING_TEXTS):
        return "text"
    if phase.startswith("Reading ") and phase != "Reading the corpus":
        return "page"  # a PDF's pages; "Reading the corpus" counts files
    return "file" if "files" in phase or phase.startswith("Reading ") else "text"


class BuildError(Exception):
    """Indexing cannot proceed; the message says why and what to do. The live index is untouched."""


@dataclass
class BuildReport:
    documents: int = 0
    items: int = 0
    chunks: int = 0
    sentences: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[list[str]] = field(default_factory=list)  # [old, new]: found by content, old path gone
    copied: list[list[str]] = field(default_factory=list)  # [source, new]: same content, source still there
    unchanged: list[str] = field(default_factory=list)
    chunks_embedded: int = 0
    sentences_embedded: int = 0
    chunks_reused: int = 0
    skipped: list[dict] = field(default_factory=list)
    full_rebuild: bool = False
    rebuild_reason: str | None = None
    generation: str | None = None
    up_to_date: bool = False
    seconds: float = 0.0
    model: str | None = None  # the embedding model's identity (qa.embed.choose picks it per corpus)
    model_name: str | None = None  # the same, as a user reads it ("all-MiniLM-L6-v2", not "model")
    model_reason: str | None = None  # why that model, when it was chosen for the corpus
    cross_language: str | None = None  # QA_CROSS_LANGUAGE=index: the companion made after the build
    purged: list[str] | None = None  # --purge: the older generations deleted (None: not asked for)


    def to_json(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        head = (
            f"{self.documents} documents, {self.items} items, {self.chunks} chunks "
            f"in {self.seconds:.1f} s"
        )
        if self.up_to_date:
            head += " (already up to date)"
        parts = [head]
        if self.full_rebuild:
            parts.append(f"full rebuild: {self.rebuild_reason}")
        else:
            parts.append(
                f"added {len(self.added)}, changed {len(self.changed)}, removed {len(self.removed)}, "
                f"renamed {len(self.renamed)}, copied {len(self.copied)}, unchanged {len(self.unchanged)}"
            )
            if self.rebuild_reason:  # written again without a full rebuild: an older index format
                parts.append(self.rebuild_reason)
        parts.append(f"embedded {self.chunks_embedded} chunks and {self.sentences_embedded} sentences")
        lines = ["; ".join(parts)]
        if not self.full_rebuild:  # which files: the counts alone leave the user to guess
            for what, paths in (("added", self.added), ("changed", self.changed), ("removed", self.removed),
                                ("renamed", [f"{a} -> {b}" for a, b in self.renamed]),
                                ("copied", [f"{a} -> {b}" for a, b in self.copied])):
                if paths:
                    lines.append(f"{what}: {_some(paths)}")
        if self.model_reason:
            lines.append(f"model {self.model_name or self.model}: {self.model_reason}")
        if self.cross_language:
            lines.append(self.cross_language)
        if self.purged is not None:
            lines.append(_purged(self.purged, self.generation))
        removed = set(self.removed)
        for s in self.skipped:
            # a file indexed before that no longer reads: what it held is out of the index now
            gone = "; its earlier version is out of the index until it reads again" if s["path"] in removed else ""
            lines.append(f"skipped {s['path']}: {s['reason']}{gone}")
        return "\n".join(lines)


def _purged(names: list[str], kept: str | None) -> str:
    """The --purge line: what was deleted, and that rollback has nothing left to go back to."""
    what = f"deleted {_some(names)}" if names else "no older generation was on disk"
    return f"purged: {what}; only {kept} is left, so `qa index --rollback` has nothing to go back to"


def _some(paths: list[str], most: int = 5) -> str:
    """The first `most` paths, and how many more there are."""
    more = f" and {len(paths) - most} more" if len(paths) > most else ""
    return ", ".join(paths[:most]) + more
