"""The on-disk index: immutable generations (FAISS + BM25 + SQLite metadata + manifest).

Layout under the index folder::

    CURRENT          name of the generation readers open; replaced atomically
    PREVIOUS         the generation before it, kept for ``qa index --rollback``
    .lock            held by the one writer
    .retired.json    when each superseded generation stopped being live (deleted after a grace period)
    gen-000007/      manifest.json, meta.sqlite, chunks.faiss, vectors.npy, sentences.npy, bm25/

A generation is written to a temporary folder (``.tmp-gen-*``), fsynced, verified, renamed into
place, and only then named in CURRENT, so a reader (or a crash) never sees half an index.

Readers: a reader reads CURRENT and opens that folder. A generation that stops being CURRENT
or PREVIOUS is not deleted at once: it stays for ``RETIRE_GRACE_SECONDS`` so that a reader that
read CURRENT a moment before the switch can still open it. A reader that has *opened* a
generation no longer needs its folder: FAISS is in memory, BM25 and the vectors memory-mapped,
sentence vectors read from an open file descriptor (``RowFile``), SQLite opened ``immutable``
with its own descriptor, so on POSIX an unlinked generation still answers until the reader lets
go of it.
"""

from __future__ import annotations

import json
import mmap
import os
import shutil
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.lexical import LexicalIndex

FORMAT_VERSION = 1
# How vectors are stored. Sentence vectors are read ~20 rows per question, only to be dotted with
# the question (qa.answer): float16 halves the file and the pages a question touches, and moves a
# cosine by < 1e-3 (numpy computes float16 @ float32 in float32). Chunk vectors (vectors.npy) are
# read only when building (incremental carry-forward, the FAISS index) and stay float32 so the
# exact index of a small corpus is built from the encoder's own vectors. Readers take the dtype
# from the .npy header: an index written with float32 sentence vectors opens as before.
SENTENCE_DTYPE = np.float16
CHUNK_DTYPE = np.float32
CURRENT = "CURRENT"
PREVIOUS = "PREVIOUS"
RETIRED = ".retired.json"
# How long a superseded generation stays on disk for readers that are just opening it.
RETIRE_GRACE_SECONDS = 60.0
_SQL_BATCH = 500  # bound parameters per IN (...) query


class IndexProblem(Exception):
    """The index is missing, incompatible or damaged; the message names the fix."""


@dataclass(frozen=True)
class ItemInfo:
    doc: str
    index: int
    title: str
    date: str | None
    start: int
    end: int


@dataclass(frozen=True)
class ChunkRow:
    id: int
    doc: str
    item: int
    start: int
    end: int
    text: str
    first_sentence: int
    n_sentences: int


@dataclass(frozen=True)
class SentenceRow:
    id: int
    doc: str
    item: int
    start: int
    end: int
    text: str


@dataclass
class DocRecord:
    """Everything a generation stores about one file, ready to write (or copy forward)."""

    path: str
    sha256: str
    text: str
    items: list[ItemInfo]
    sentences: list[tuple[int, int, int, str]]  # item, start, end, key
    chunks: list[tuple[int, int, int, int, int, int, str]]  # item, start, end, first, n, tokens, key
    sentence_vectors: np.ndarray
    chunk_vectors: np.ndarray


_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL,
                        text TEXT NOT NULL, n_items INTEGER, n_chunks INTEGER);
CREATE TABLE items (doc_id INTEGER, idx INTEGER, title TEXT, date TEXT, start INTEGER, "end" INTEGER,
                    PRIMARY KEY (doc_id, idx));
CREATE TABLE sentences (id INTEGER PRIMARY KEY, doc_id INTEGER, item INTEGER, start INTEGER,
                        "end" INTEGER, text TEXT, key TEXT);
CREATE TABLE chunks (id INTEGER PRIMARY KEY, doc_id INTEGER, item INTEGER, start INTEGER,
                     "end" INTEGER, text TEXT, first_sentence INTEGER, n_sentences INTEGER,
                     tokens INTEGER, key TEXT);
CREATE INDEX sentences_doc ON sentences (doc_id);
CREATE INDEX chunks_doc ON chunks (doc_id);
"""


def checkpoint(name: str) -> None:
    """Test hook for the kill -9 tests: with QA_TEST_PAUSE_AT=name the writer announces that it
    reached this point (writes the name to $QA_TEST_PAUSE_FILE) and stalls until killed.
    Without the variable this is one dictionary lookup."""
    if os.environ.get("QA_TEST_PAUSE_AT") == name:
        Path(os.environ["QA_TEST_PAUSE_FILE"]).write_text(name)
        time.sleep(3600)


def current_generation(index_dir: Path) -> Path | None:
    """The generation CURRENT names, or None if there is no index yet."""
    return _pointer(index_dir, CURRENT)


def previous_generation(index_dir: Path) -> Path | None:
    """The generation PREVIOUS names (the rollback target), or None."""
    return _pointer(index_dir, PREVIOUS)


def _pointer(index_dir: Path, name: str) -> Path | None:
    try:
        target = (Path(index_dir) / name).read_text().strip()
    except FileNotFoundError:
        return None
    return Path(index_dir) / target if target else None


def write_generation(
    index_dir: Path,
    docs: list[DocRecord],
    manifest: dict,
    exact_search_max: int,
) -> Path:
    """Write a complete new generation beside the current one and return its folder (not yet live)."""
    dim = int(manifest["dim"])
    n_chunks = sum(len(d.chunks) for d in docs)
    n_sents = sum(len(d.sentences) for d in docs)
    for d in docs:
        if _rows(d.chunk_vectors, dim) != len(d.chunks) or _rows(d.sentence_vectors, dim) != len(d.sentences):
            raise ValueError(
                f"{d.path}: {len(d.chunks)} chunks / {len(d.sentences)} sentences but vectors "
                f"{np.shape(d.chunk_vectors)} / {np.shape(d.sentence_vectors)}"
            )
    index_dir.mkdir(parents=True, exist_ok=True)
    number = _next_number(index_dir)
    final = index_dir / f"gen-{number:06d}"
    tmp = index_dir / f".tmp-gen-{number:06d}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()


    # Rows go to SQLite one document at a time and vectors straight into the memory-mapped
    # files: a million passages are never held a second time as Python tuples or concatenated
    # arrays (that peaked at 14.5 GB; see docs/benchmarks.md).
    chunk_texts: list[str] = []

    def doc_rows():
        for doc_id, d in enumerate(docs):
            yield (doc_id, d.path, d.sha256, d.text, len(d.items), len(d.chunks))

    def item_rows():
        for doc_id, d in enumerate(docs):
            for it in d.items:
                yield (doc_id, it.index, it.title, it.date, it.start, it.end)

    def sent_rows():
        sid = 0
        for doc_id, d in enumerate(docs):
            text = d.text
            for it, s, e, key in d.sentences:
                yield (sid, doc_id, it, s, e, text[s:e], key)
                sid += 1

    def chunk_rows():
        sid = cid = 0
        for doc_id, d in enumerate(docs):
            text = d.text
            for it, s, e, first, n, ntok, key in d.chunks:
                chunk_texts.append(text[s:e])
                yield (cid, doc_id, it, s, e, chunk_texts[-1], sid + first, n, ntok, key)
                cid += 1
            sid += len(d.sentences)

    # The folder is private until renamed and fsynced below: no journal needed while writing.
    conn = sqlite3.connect(tmp / "meta.sqlite")
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.executescript(_SCHEMA)
    conn.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?)", doc_rows())
    conn.executemany("INSERT INTO items VALUES (?,?,?,?,?,?)", item_rows())
    conn.executemany("INSERT INTO sentences VALUES (?,?,?,?,?,?,?)", sent_rows())
    conn.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?)", chunk_rows())
    n_items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    conn.commit()
    conn.close()
    checkpoint("write")

    _save_rows(tmp / "vectors.npy", [d.chunk_vectors for d in docs], n_chunks, dim, CHUNK_DTYPE)
    _save_rows(tmp / "sentences.npy", [d.sentence_vectors for d in docs], n_sents, dim, SENTENCE_DTYPE)
    chunk_vecs = np.load(tmp / "vectors.npy", mmap_mode="r", allow_pickle=False)
    index_type = _write_faiss(tmp / "chunks.faiss", chunk_vecs, exact_search_max)
    del chunk_vecs
    LexicalIndex.build(chunk_texts).save(tmp / "bm25")
    del chunk_texts

    manifest = dict(manifest)
    manifest.update(
        format=FORMAT_VERSION,
        generation=final.name,
        index_type=index_type,
        storage={"sentences": np.dtype(SENTENCE_DTYPE).name, "chunks": np.dtype(CHUNK_DTYPE).name,
                 "faiss": "float32" if index_type == "flat" else "fp16"},
        counts={
            "documents": len(docs),
            "items": n_items,
            "chunks": n_chunks,
            "sentences": n_sents,
        },
    )
    # the manifest goes last: a folder without one is never mistaken for a generation
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    _fsync_tree(tmp)
    _verify(tmp, manifest)
    os.rename(tmp, final)
    _fsync_dir(index_dir)
    return final


def publish(index_dir: Path, generation: Path) -> None:
    """Make generation the live one in one atomic step, remembering the one it replaces.

    PREVIOUS is written first: a crash between the two writes leaves CURRENT unchanged."""
    checkpoint("publish")
    old = current_generation(index_dir)
    if old is not None and old.name != generation.name and old.exists():
        _atomic_write(index_dir / PREVIOUS, old.name)
    _atomic_write(index_dir / CURRENT, generation.name)


def rollback(index_dir: Path) -> str:
    """Switch back to the previous generation; returns its name."""
    prev = previous_generation(index_dir)
    cur = current_generation(index_dir)
    if prev is None or not (prev / "manifest.json").exists() or (cur is not None and cur.name == prev.name):
        raise IndexProblem("no previous index generation to roll back to")
    _atomic_write(index_dir / CURRENT, prev.name)
    if cur is not None and cur.exists():
        _atomic_write(index_dir / PREVIOUS, cur.name)
    return prev.name


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


class Index:
    """One opened, read-only generation. Safe to share between threads.

    Once open it no longer needs its folder's names: the folder may be deleted while a
    question is still using it."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        index_dir = self.folder.parent
        try:
            self.manifest = json.loads((self.folder / "manifest.json").read_text())
            for key in ("format", "model", "dim", "counts", "generation"):
                if key not in self.manifest:
                    raise ValueError(f"manifest.json has no {key!r}")
            counts = self.manifest["counts"]
            dim = int(self.manifest["dim"])
            meta = self.folder / "meta.sqlite"
            if not meta.is_file():  # sqlite would create an empty database rather than fail
                raise FileNotFoundError(f"{meta.name} is missing")
            # immutable: a generation never changes, so no locks, no journal look-ups, and the
            # open file keeps working after cleanup unlinks it
            self._conn = sqlite3.connect(f"file:{meta}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            n_chunks = self._conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
            n_sents = self._conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
            import faiss

            self.faiss = DenseIndex(faiss.read_index(str(self.folder / "chunks.faiss")))
            self.sentence_vectors = RowFile(self.folder / "sentences.npy")
            self._chunk_vectors = _random_access(np.load(self.folder / "vectors.npy", mmap_mode="r", allow_pickle=False))
            self.lexical = LexicalIndex.load(self.folder / "bm25")
        except Exception as e:  # noqa: BLE001 - any damage reads the same to the user
            raise IndexProblem(
                f"the index at {index_dir} is damaged or incomplete ({type(e).__name__}: {_short(e)}); "
                "run `qa index --rebuild`"
            ) from None
        expected = (counts.get("chunks"), counts.get("sentences"))
        shapes = {
            "FAISS vectors": (self.faiss.ntotal, self.faiss.d),
            "chunk rows": (n_chunks, dim),
            "sentence rows": (n_sents, dim),
            "chunk vectors": self._chunk_vectors.shape,
            "sentence vectors": self.sentence_vectors.shape,
        }
        for what, arr in (("chunk vectors", self._chunk_vectors), ("sentence vectors", self.sentence_vectors)):
            if arr.dtype not in (np.float16, np.float32):
                raise IndexProblem(
                    f"the index at {index_dir} does not match this version ({what} stored as "
                    f"{arr.dtype}); run `qa index --rebuild`"
                )
        for what, (n, d) in shapes.items():
            want = expected[1] if what.startswith("sentence") else expected[0]
            if n != want or d != dim:
                raise IndexProblem(
                    f"the index at {index_dir} does not match its manifest ({what}: {n}x{d}, manifest "
                    f"says {want}x{dim}); run `qa index --rebuild`"
                )
        self._lock = threading.Lock()
        self._items: dict[tuple[str, int], ItemInfo] = {}
        self._doc_names: dict[int, str] = {}
        for doc_id, path in self._query("SELECT id, path FROM documents"):
            self._doc_names[doc_id] = path
        for doc_id, idx, title, date, s, e in self._query("SELECT * FROM items"):
            path = self._doc_names[doc_id]
            self._items[(path, idx)] = ItemInfo(path, idx, title, date, s, e)

    @classmethod
    def open(cls, index_dir: Path) -> "Index":
        gen = current_generation(index_dir)
        if gen is None:
            raise IndexProblem(f"no index in {index_dir}: run `qa index` first")
        if not gen.exists():
            raise IndexProblem(
                f"the index at {index_dir} is damaged (CURRENT names {gen.name}, which is missing); "
                "run `qa index --rebuild`"
            )
        return cls(gen)

    @property
    def generation(self) -> str:
        return self.folder.name

    def _query(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def chunks(self, ids: list[int]) -> list[ChunkRow]:
        """Chunk rows in the order of ids."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._query(
            f'SELECT id, doc_id, item, start, "end", text, first_sentence, n_sentences '
            f"FROM chunks WHERE id IN ({marks})",
            tuple(int(i) for i in ids),
        )
        by_id = {r[0]: ChunkRow(r[0], self._doc_names[r[1]], *r[2:]) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def sentences(self, first: int, n: int) -> list[SentenceRow]:
        rows = self._query(
            'SELECT id, doc_id, item, start, "end", text FROM sentences WHERE id >= ? AND id < ? ORDER BY id',
            (first, first + n),
        )
        return [SentenceRow(r[0], self._doc_names[r[1]], *r[2:]) for r in rows]

    def item(self, doc: str, index: int) -> ItemInfo | None:
        return self._items.get((doc, index))

    def items(self) -> list[ItemInfo]:
        return list(self._items.values())

    def document_text(self, doc: str) -> str | None:
        rows = self._query("SELECT text FROM documents WHERE path = ?", (doc,))
        return rows[0][0] if rows else None

    def documents(self) -> list[dict]:
        rows = self._query("SELECT path, sha256, n_items, n_chunks, length(text) FROM documents ORDER BY path")
        return [
            {"doc": p, "sha256": h, "items": ni, "chunks": nc, "chars": n} for p, h, ni, nc, n in rows
        ]

    def doc_records(self, wanted: dict[str, list[str]]) -> dict[str, DocRecord]:
        """Stored documents with their rows and vectors, to carry forward without re-parsing.

        wanted maps a stored path to the new paths it goes to (itself, a rename or copies).
        Three queries for the whole corpus; vectors are views of the memory-mapped arrays."""
        out: dict[str, DocRecord] = {}
        if not wanted:
            return out
        docs = {
            path: (doc_id, sha, text)
            for doc_id, path, sha, text in self._query("SELECT id, path, sha256, text FROM documents")
            if path in wanted
        }
        ids = {doc_id for doc_id, _, _ in docs.values()}
        sents: dict[int, list[tuple]] = {i: [] for i in ids}
        for row in self._query('SELECT doc_id, id, item, start, "end", key FROM sentences ORDER BY id'):
            if row[0] in ids:
                sents[row[0]].append(row[1:])
        chunks: dict[int, list[tuple]] = {i: [] for i in ids}
        for row in self._query(
            'SELECT doc_id, id, item, start, "end", first_sentence, n_sentences, tokens, key '
            "FROM chunks ORDER BY id"
        ):
            if row[0] in ids:
                chunks[row[0]].append(row[1:])
        items: dict[str, list[ItemInfo]] = {}
        for (p, _), it in self._items.items():
            if p in docs:
                items.setdefault(p, []).append(it)
        for old, news in wanted.items():
            if old not in docs:
                continue
            doc_id, sha, text = docs[old]
            srows, crows = sents[doc_id], chunks[doc_id]
            s0 = srows[0][0] if srows else 0
            c0 = crows[0][0] if crows else 0
            if [r[0] for r in srows] != list(range(s0, s0 + len(srows))) or [r[0] for r in crows] != list(
                range(c0, c0 + len(crows))
            ):
                raise IndexProblem(f"rows of {old} are not contiguous in {self.generation}")
            sentences = [tuple(r[1:]) for r in srows]
            chunk_list = [(it, s, e, first - s0, n, ntok, key) for _, it, s, e, first, n, ntok, key in crows]
            svec = self.sentence_vectors[s0 : s0 + len(srows)]
            cvec = self._chunk_vectors[c0 : c0 + len(crows)]
            its = sorted(items.get(old, []), key=lambda it: it.index)
            for new in news:
                out[new] = DocRecord(
                    path=new,
                    sha256=sha,
                    text=text,
                    items=[ItemInfo(new, it.index, it.title, it.date, it.start, it.end) for it in its],
                    sentences=sentences,
                    chunks=chunk_list,
                    sentence_vectors=svec,
                    chunk_vectors=cvec,
                )
        return out

    def vectors_for_keys(self, keys: set[str]) -> dict[str, np.ndarray]:
        """Stored vectors by content key (sentence or chunk text), for the keys this index has."""
        found: dict[str, np.ndarray] = {}
        todo = list(keys)
        # chunks first: their vectors are stored float32, sentence vectors float16; a text that is
        # both (a one-sentence chunk) then gets the same vector as in a fresh build
        for table, vecs in (("chunks", self._chunk_vectors), ("sentences", self.sentence_vectors)):
            todo = [k for k in todo if k not in found]
            for i in range(0, len(todo), _SQL_BATCH):
                part = todo[i : i + _SQL_BATCH]
                marks = ",".join("?" * len(part))
                for row_id, key in self._query(f"SELECT id, key FROM {table} WHERE key IN ({marks})", tuple(part)):
                    found.setdefault(key, np.asarray(vecs[row_id], dtype=np.float32))
        return found

    def chunk_vectors(self) -> np.ndarray:
        return self._chunk_vectors

    def close(self) -> None:
        with self._lock:
            self._conn.close()


# ----------------------------------------------------------------------------- helpers
class RowFile:
    """A 2-D .npy file whose rows a question reads a few at a time (the sentence vectors).

    ``rows[[i, j, ...]]`` and ``rows[i]`` read those rows with ``os.pread`` (one read per run of
    consecutive ids) into a new array: nothing stays resident in the process. Through a memory
    map, every first touch of a page maps up to 64 KB of neighbouring pages that happen to be
    in the page cache (kernel fault-around, which MADV_RANDOM does not stop), so the resident
    size of a long-running server grew towards the whole file (513 MB at a million passages).
    Slices (``rows[a:b]``, carrying a document forward while building) and whole-array use
    (``np.asarray(rows)``, ``rows @ v``) go through a memory map of the same file.
    The dtype is the file's (float16 since 2026-11-22, float32 before)."""

    def __init__(self, path: Path):
        self.array = _random_access(np.load(path, mmap_mode="r", allow_pickle=False))
        if self.array.ndim != 2 or not self.array.flags.c_contiguous:
            raise ValueError(f"{path.name} is not a 2-D C-ordered array")
        self.shape = self.array.shape
        self.dtype = self.array.dtype
        self.ndim = 2
        self._offset = int(self.array.offset)
        self._row_bytes = self.shape[1] * self.dtype.itemsize
        # its own descriptor: keeps working after the folder is deleted; closed when collected
        self._file = open(path, "rb", buffering=0) if hasattr(os, "pread") else None

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key):
        if self._file is None or isinstance(key, (slice, tuple)):
            return self.array[key]
        if isinstance(key, (int, np.integer)):
            return self._read(np.array([key], dtype=np.int64))[0]
        if isinstance(key, list) and key and all(type(i) is int for i in key):
            # the common case, one passage's sentences: consecutive ids, one read, no numpy set-up
            first = key[0]
            if 0 <= first and first + len(key) <= self.shape[0] and key == list(range(first, first + len(key))):
                return self._run(first, len(key)).copy()
        ids = np.asarray(key)
        if ids.ndim != 1 or not (ids.dtype.kind in "iu" or ids.size == 0):
            return self.array[key]
        return self._read(ids.astype(np.int64))

    def _read(self, ids: np.ndarray) -> np.ndarray:
        n = self.shape[0]
        if ids.size and (ids.min() < -n or ids.max() >= n):
            raise IndexError(f"row index out of range for {n} rows")
        ids = np.where(ids < 0, ids + n, ids)
        out = np.empty((len(ids), self.shape[1]), dtype=self.dtype)
        if not len(ids):
            return out
        order = np.argsort(ids, kind="stable")
        sorted_ids = ids[order]
        # runs of consecutive (or repeated) ids: one read each
        breaks = np.flatnonzero(np.diff(sorted_ids) > 1) + 1
        for run in np.split(np.arange(len(ids)), breaks):
            first, last = int(sorted_ids[run[0]]), int(sorted_ids[run[-1]])
            out[order[run]] = self._run(first, last - first + 1)[sorted_ids[run] - first]
        return out

    def _run(self, first: int, n: int) -> np.ndarray:
        """Rows first .. first + n - 1 (checked by the caller), read-only."""
        size = n * self._row_bytes
        buf = os.pread(self._file.fileno(), size, self._offset + first * self._row_bytes)
        if len(buf) != size:
            raise OSError(f"short read of {size} bytes at row {first}")
        return np.frombuffer(buf, dtype=self.dtype).reshape(n, self.shape[1])

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.array, dtype=dtype)

    def __matmul__(self, other):
        return np.asarray(self.array) @ other


def _random_access(arr: np.ndarray) -> np.ndarray:
    """Tell the kernel a memory-mapped array is read a few rows at a time (a question reads ~20
    sentence vectors of 1.5 KB), so a cold read does not pull in a large readahead window."""
    mm = getattr(arr, "_mmap", None)
    if mm is not None and hasattr(mm, "madvise") and hasattr(mmap, "MADV_RANDOM"):
        try:
            mm.madvise(mmap.MADV_RANDOM)
        except OSError:
            pass
    return arr


def _rows(vectors: np.ndarray, dim: int) -> int:
    """Number of dim-wide rows (an empty list of vectors may come as shape (0,) or (0, dim))."""
    shape = np.shape(vectors)
    if len(shape) == 2 and shape[1] == dim:
        return shape[0]
    return 0 if shape and shape[0] == 0 else -1


def _save_rows(path: Path, parts: list[np.ndarray], n: int, dim: int, dtype) -> None:
    """Write the parts, one after another, as one (n, dim) .npy of dtype, without concatenating them."""
    out = np.lib.format.open_memmap(path, mode="w+", dtype=dtype, shape=(n, dim))
    pos = 0
    for p in parts:
        if len(p):
            out[pos : pos + len(p)] = p
            pos += len(p)
    out.flush()
    del out


_ALL_THREADS: int | None = None


class DenseIndex:
    """The FAISS index, searched single-threaded for a few queries at a time.

    One question's search is a few milliseconds of work; spreading it over OpenMP threads on a
    small, shared machine costs more in thread wake-ups and spinning than it saves (measured on
    2 busy cores: 100k flat search 60 ms with 2 threads, 10 ms with 1). Everything else
    (ntotal, d, reconstruct, nprobe, ...) is the FAISS index's own."""

    SINGLE_THREAD_BELOW = 16  # queries per search

    def __init__(self, index):
        object.__setattr__(self, "_index", index)

    def search(self, x: np.ndarray, k: int):
        import faiss

        if len(x) >= self.SINGLE_THREAD_BELOW:
            return self._index.search(x, k)
        global _ALL_THREADS
        if _ALL_THREADS is None:  # restore to this, not to "before" (see qa.embedding._few_threads)
            _ALL_THREADS = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)
        try:
            return self._index.search(x, k)
        finally:
            faiss.omp_set_num_threads(_ALL_THREADS)

    def __getattr__(self, name):
        return getattr(self._index, name)

    def __setattr__(self, name, value):
        setattr(self._index, name, value)


def ivf_params(n: int) -> tuple[int, int]:
    """(nlist, nprobe) of the approximate index for n vectors.

    About 4 x sqrt(n) lists (4,000 at a million), each trained on >= 40 points. A question scans
    1/6 of the lists: recall@10 against exact search was 0.99 (encoded SQuAD questions) and 0.98
    (perturbed stored vectors) at a million synthetic passages, where 1/12 gave 0.97 / 0.95 and
    1/50 only 0.88 / 0.82 (benchmarks/scale.py, docs/benchmarks.md); the same with float16 codes;
    ~7-12 ms single-threaded."""
    nlist = max(1, min(int(4 * n**0.5), n // 40))
    nprobe = min(nlist, max(32, nlist // 6))
    return nlist, nprobe


def _write_faiss(path: Path, vectors: np.ndarray, exact_search_max: int) -> str:
    """Exact inner-product search up to exact_search_max vectors; above it an inverted-file index
    whose vectors are stored as float16 (IVF with a QT_fp16 scalar quantizer on the vectors
    themselves, not residuals): half the memory of the raw float32 vectors, scores within ~1e-4
    of the exact cosines of the vectors it visits, and the same recall as uncompressed IVF-Flat.
    HNSW would add ~17% of links on top of uncompressed vectors and take far longer to build on
    two cores. `vectors` may be memory-mapped: it is added in blocks."""
    import faiss

    dim = vectors.shape[1]
    if len(vectors) <= exact_search_max:
        index, kind = faiss.IndexFlatIP(dim), "flat"
    else:
        nlist, nprobe = ivf_params(len(vectors))
        quantizer = faiss.IndexFlatIP(dim)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer, dim, nlist, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT, False
        )
        index.cp.niter = 10
        # a seeded sample keeps training time bounded and the build reproducible
        n_train = min(len(vectors), nlist * 50)
        rows = np.sort(np.random.default_rng(0).choice(len(vectors), n_train, replace=False))
        index.train(np.ascontiguousarray(vectors[rows], dtype=np.float32))
        index.nprobe = nprobe
        kind = "ivf"
    for start in range(0, len(vectors), _ADD_BLOCK):
        index.add(np.ascontiguousarray(vectors[start : start + _ADD_BLOCK], dtype=np.float32))
    if kind == "ivf":
        index.make_direct_map()  # reconstruct(id) for lexical-only candidates (qa.retrieve)
    faiss.write_index(index, str(path))
    return kind


_ADD_BLOCK = 65_536  # vectors per FAISS add: bounds the float32 copies made from a memory map


def _verify(folder: Path, manifest: dict) -> None:
    """Open the new generation as a reader would (Index checks every count against the manifest)."""
    try:
        index = Index(folder)
    except IndexProblem as e:
        raise IndexProblem(f"new generation failed verification: {e}") from None
    index.close()


def _next_number(index_dir: Path) -> int:
    """One more than any generation number ever seen here, so a name is never reused."""
    names = [p.name for p in index_dir.glob("gen-*")] + list(_read_retired(index_dir))
    names += [p.name for p in (current_generation(index_dir), previous_generation(index_dir)) if p]
    numbers = [int(n.split("-")[1]) for n in names if n.split("-")[1].isdigit()]
    return max(numbers, default=0) + 1


def _read_retired(index_dir: Path) -> dict[str, float]:
    try:
        data = json.loads((index_dir / RETIRED).read_text())
        return {str(k): float(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError):
        return {}


def _short(e: Exception, limit: int = 160) -> str:
    text = (str(e).splitlines() or [""])[0]
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
