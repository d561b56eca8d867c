"""Generations on disk: the CURRENT / PREVIOUS pointers, the one-writer lock, atomic publish,
rollback, and clean-up of superseded generations after a grace period.

Layout under the index folder::

    CURRENT          name of the generation readers open; replaced atomically
    PREVIOUS         the generation before it, kept for ``qa index --rollback``
    .lock            held by the one writer
    .retired.json    when each superseded generation stopped being live (deleted after a grace period)
    .last-generation the highest generation name a purge deleted, so that no name is ever reused
    gen-000007/      manifest.json, meta.sqlite, chunks.faiss, vectors.npy, sentences.npy, bm25/,
                     chunk_lang.npy, sentence_lang.npy (format 3: qa.store.languages)

A generation that stops being CURRENT or PREVIOUS is not deleted at once: it stays for
``RETIRE_GRACE_SECONDS`` so that a reader that read CURRENT a moment before the switch can
still open it. ``purge`` is the exception: it deletes every generation but CURRENT at once, for
text that must not survive anywhere (``qa index --purge``).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qa.store.rows import IndexProblem

if TYPE_CHECKING:
    from filelock import FileLock

CURRENT = "CURRENT"
PREVIOUS = "PREVIOUS"
RETIRED = ".retired.json"
LAST = ".last-generation"
# How long a superseded generation stays on disk for readers that are just opening it.
RETIRE_GRACE_SECONDS = 60.0


def current_generation(index_dir: Path) -> Path | None:
    """The generation CURRENT names, or None if there is no index yet."""
    return _pointer(index_dir, CURRENT)


def previous_generation(index_dir: Path) -> Path | None:
    """The generation PREVIOUS names (the rollback target), or None."""
    return _pointer(index_dir, PREVIOUS)


def _not_a_file(index_dir: Path) -> None:
    """An index is a folder: a file in its place (a mistyped --index) is said so, not met as an OS error."""
    if Path(index_dir).is_file():
        raise IndexProblem(f"{index_dir} is a file, not an index folder: give --index (or QA_INDEX) a folder")


def _pointer(index_dir: Path, name: str) -> Path | None:
    _not_a_file(index_dir)
    try:
        target = (Path(index_dir) / name).read_text().strip()
    except FileNotFoundError:
        return None
    return Path(index_dir) / target if target else None



def publish(index_dir: Path, generation: Path) -> None:
    """Make generation the live one in one atomic step, remembering the one it replaces.

    PREVIOUS is written first: a crash between the two writes leaves CURRENT unchanged."""
    old = current_generation(index_dir)
    if old is not None and old.name != generation.name and old.exists():
        _atomic_write(index_dir / PREVIOUS, old.name)
    _atomic_write(index_dir / CURRENT, generation.name)


@dataclass(frozen=True)
class Rollback:
    """What ``rollback`` did: `generation` is live now and `replaced` (the one that was) is the new
    PREVIOUS. Rolling back swaps the two, so a second rollback undoes the first: then `undo` is
    True, because the generation made live is the newer one."""

    generation: str
    replaced: str | None
    undo: bool


def rollback(index_dir: Path) -> Rollback:
    """Switch CURRENT and PREVIOUS (each rollback undoes the one before)."""
    prev = previous_generation(index_dir)
    cur = current_generation(index_dir)
    if prev is None or not (prev / "manifest.json").exists() or (cur is not None and cur.name == prev.name):
        raise IndexProblem("no previous index generation to roll back to")
    _atomic_write(index_dir / CURRENT, prev.name)
    kept = cur.name if cur is not None and cur.exists() else None
    if kept is not None:
        _atomic_write(index_dir / PREVIOUS, kept)
    # numbers only grow (_next_number), so a higher one is a newer generation
    undo = kept is not None and _number(prev.name) > _number(kept)
    return Rollback(prev.name, kept, undo)


def purge(index_dir: Path) -> list[str]:
    """Delete every generation but CURRENT now, without the grace period: what they hold (the text
    of deleted or edited documents) must not stay on disk. Leaves nothing to roll back to. Call
    only while holding the writer lock. Returns the names deleted.

    CURRENT is never touched. PREVIOUS goes first, so a crash part-way leaves no pointer to a
    half-deleted folder; each folder is renamed out of the ``gen-*`` names before it is deleted,
    so a leftover is an ordinary ``.tmp-*`` that the next purge, or update that publishes, removes."""
    cur = current_generation(index_dir)
    if cur is None or not cur.exists():
        raise IndexProblem(f"no index in {index_dir} to purge: run `qa index` first")
    doomed = sorted(p for p in index_dir.glob("gen-*") if p.name != cur.name)
    newest = max([cur.name, *(p.name for p in doomed), *_read_retired(index_dir)], key=_number)
    if _number(newest) > _number(cur.name):  # after a rollback: remember it, or the next build would reuse it
        _atomic_write(index_dir / LAST, newest)
    (index_dir / PREVIOUS).unlink(missing_ok=True)
    _fsync_dir(index_dir)
    for gen in doomed:
        trash = index_dir / f".tmp-purged-{gen.name}-{os.getpid()}"
        os.replace(gen, trash)
        _remove(trash)
    cleanup(index_dir, grace=None)  # any other leftovers; forgets the deleted names in .retired.json
    _fsync_dir(index_dir)
    return [g.name for g in doomed]


def cleanup(index_dir: Path, grace: float | None = None) -> list[str]:
    """Remove leftovers of crashed writers, and generations other than CURRENT and PREVIOUS once
    they have been out of use for `grace` seconds. Call only while holding the writer lock.
    Returns the names removed."""
    grace = RETIRE_GRACE_SECONDS if grace is None else grace
    keep = {p.name for p in (current_generation(index_dir), previous_generation(index_dir)) if p}
    retired = _read_retired(index_dir)
    now = time.time()
    removed = []
    seen = set()
    for child in index_dir.iterdir():
        name = child.name
        if name.startswith(".tmp-"):  # an unfinished generation or pointer of a dead writer
            _remove(child)
            removed.append(name)
        elif name.startswith("gen-") and name not in keep:
            seen.add(name)
            since = retired.setdefault(name, now)
            if now - since >= grace:
                _remove(child)
                removed.append(name)
                del retired[name]
        elif name.startswith(".") and ".tmp" in name and child.is_file():  # a pointer half-written
            child.unlink(missing_ok=True)
    retired = {k: v for k, v in retired.items() if k in seen and k not in removed}
    _atomic_write(index_dir / RETIRED, json.dumps(retired, sort_keys=True), sync=False)
    return removed



def writer_lock(index_dir: Path, timeout: float = 0) -> FileLock:
    """The one-writer lock of an index folder (FileLock: released when the holder dies)."""
    from filelock import FileLock  # only writers lock: answering a question never imports filelock (~0.02 s)

    _not_a_file(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(index_dir / ".lock"), timeout=timeout)


def _next_number(index_dir: Path) -> int:
    """One more than any generation number ever seen here, so a name is never reused."""
    names = [p.name for p in index_dir.glob("gen-*")] + list(_read_retired(index_dir))
    names += [p.name for p in (current_generation(index_dir), previous_generation(index_dir)) if p]
    names += _last_purged(index_dir)
    return max((_number(n) for n in names), default=0) + 1


def _number(name: str) -> int:
    """gen-000007 -> 7 (0 for a name that is not a generation's)."""
    digits = name.partition("-")[2]
    return int(digits) if digits.isdigit() else 0


def _last_purged(index_dir: Path) -> list[str]:
    try:
        return [(index_dir / LAST).read_text().strip()]
    except OSError:
        return []


def _read_retired(index_dir: Path) -> dict[str, float]:
    try:
        data = json.loads((index_dir / RETIRED).read_text())
        return {str(k): float(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError):
        return {}



def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _atomic_write(path: Path, text: str, sync: bool = True) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    with open(tmp, "w") as f:
        f.write(text + "\n")
        f.flush()
        if sync:
            os.fsync(f.fileno())
    os.replace(tmp, path)
    if sync:
        _fsync_dir(path.parent)


def _fsync_tree(folder: Path) -> None:
    """Every file's data, then every folder's entries, reach the disk before the rename."""
    dirs = [folder]
    for p in folder.rglob("*"):
        if p.is_dir():
            dirs.append(p)
            continue
        fd = os.open(p, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    for d in reversed(dirs):
        _fsync_dir(d)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
