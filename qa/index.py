"""The on-disk index: immutable generations (FAISS + BM25 + SQLite metadata + manifest).

Layout under the index folder::

    CURRENT          name of the generation readers open; replaced atomically
    PREVIOUS         the generation before it, kept for ``qa index --rollback``
    .lock            held by the one writer
    gen-000007/      manifest.json, meta.sqlite, chunks.faiss, vectors.npy, sentences.npy, bm25/

A generation is written to a temporary folder, verified, renamed into place, and only then
named in CURRENT, so a reader (or a crash) never sees half an index.
"""

from __future__ import annotations

import json
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
CURRENT = "CURRENT"
PREVIOUS = "PREVIOUS"


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


def current_generation(index_dir: Path) -> Path | None:
    """The generation CURRENT names, or None if there is no index yet."""
    pointer = index_dir / CURRENT
    try:
        name = pointer.read_text().strip()
    except FileNotFoundError:
        return None
    return index_dir / name


def write_generation(
    index_dir: Path,
    docs: list[DocRecord],
    manifest: dict,
    exact_search_max: int,
) -> Path:
    """Write a complete new generation beside the current one and return its folder (not yet live)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    number = _next_number(index_dir)
    final = index_dir / f"gen-{number:06d}"
    tmp = index_dir / f".tmp-gen-{number:06d}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()

    dim = int(manifest["dim"])
    chunk_vecs = _stack([d.chunk_vectors for d in docs], dim)
    sent_vecs = _stack([d.sentence_vectors for d in docs], dim)
    chunk_texts: list[str] = []

    conn = sqlite3.connect(tmp / "meta.sqlite")
    conn.executescript(_SCHEMA)
    sid = cid = 0
    for doc_id, d in enumerate(docs):
        conn.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?)",
            (doc_id, d.path, d.sha256, d.text, len(d.items), len(d.chunks)),
        )
        conn.executemany(
            "INSERT INTO items VALUES (?,?,?,?,?,?)",
            [(doc_id, it.index, it.title, it.date, it.start, it.end) for it in d.items],
        )
        conn.executemany(
            "INSERT INTO sentences VALUES (?,?,?,?,?,?,?)",
            [(sid + i, doc_id, it, s, e, d.text[s:e], key) for i, (it, s, e, key) in enumerate(d.sentences)],
        )
        rows = []
        for i, (it, s, e, first, n, ntok, key) in enumerate(d.chunks):
            text = d.text[s:e]
            chunk_texts.append(text)
            rows.append((cid + i, doc_id, it, s, e, text, sid + first, n, ntok, key))
        conn.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        sid += len(d.sentences)
        cid += len(d.chunks)
    conn.commit()
    conn.close()

    np.save(tmp / "vectors.npy", chunk_vecs, allow_pickle=False)
    np.save(tmp / "sentences.npy", sent_vecs, allow_pickle=False)
    index_type = _write_faiss(tmp / "chunks.faiss", chunk_vecs, exact_search_max)
    LexicalIndex.build(chunk_texts).save(tmp / "bm25")

    manifest = dict(manifest)
    manifest.update(
        format=FORMAT_VERSION,
        generation=final.name,
        index_type=index_type,
        counts={
            "documents": len(docs),
            "items": sum(len(d.items) for d in docs),
            "chunks": cid,
            "sentences": sid,
        },
    )
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    _fsync_tree(tmp)
    _verify(tmp, manifest)
    os.rename(tmp, final)
    _fsync_dir(index_dir)
    return final


def publish(index_dir: Path, generation: Path) -> None:
    """Make generation the live one in one atomic step, remembering the one it replaces."""
    old = current_generation(index_dir)
    if old is not None and old.name != generation.name:
        _atomic_write(index_dir / PREVIOUS, old.name)
    _atomic_write(index_dir / CURRENT, generation.name)


def rollback(index_dir: Path) -> str:
    """Switch back to the previous generation; returns its name."""
    prev = (index_dir / PREVIOUS).read_text().strip() if (index_dir / PREVIOUS).exists() else ""
    if not prev or not (index_dir / prev / "manifest.json").exists():
        raise IndexProblem("no previous index generation to roll back to")
    cur = current_generation(index_dir)
    _atomic_write(index_dir / CURRENT, prev)
    if cur is not None:
        _atomic_write(index_dir / PREVIOUS, cur.name)
    return prev


def cleanup(index_dir: Path) -> None:
    """Remove generations other than CURRENT and PREVIOUS, and leftovers of crashed writers."""
    keep = {p.name for p in (current_generation(index_dir),) if p}
    if (index_dir / PREVIOUS).exists():
        keep.add((index_dir / PREVIOUS).read_text().strip())
    for child in index_dir.iterdir():
        if (child.name.startswith("gen-") or child.name.startswith(".tmp-")) and child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


class Index:
    """One opened, read-only generation. Safe to share between threads."""

    def __init__(self, folder: Path):
        self.folder = folder
        try:
            self.manifest = json.loads((folder / "manifest.json").read_text())
            self._conn = sqlite3.connect(
                f"file:{folder / 'meta.sqlite'}?mode=ro", uri=True, check_same_thread=False
            )
            self._conn.execute("SELECT count(*) FROM chunks").fetchone()
            import faiss

            self.faiss = faiss.read_index(str(folder / "chunks.faiss"))
            self.sentence_vectors = np.load(folder / "sentences.npy", mmap_mode="r", allow_pickle=False)
            self.lexical = LexicalIndex.load(folder / "bm25")
        except Exception as e:  # noqa: BLE001 - any damage reads the same to the user
            raise IndexProblem(
                f"the index at {folder.parent} is damaged or incomplete ({type(e).__name__}: {e}); "
                "run `qa index --rebuild`"
            ) from None
        counts = self.manifest.get("counts", {})
        if self.faiss.ntotal != counts.get("chunks") or len(self.sentence_vectors) != counts.get("sentences"):
            raise IndexProblem(
                f"the index at {folder.parent} does not match its manifest; run `qa index --rebuild`"
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
        if gen is None or not gen.exists():
            raise IndexProblem(f"no index in {index_dir}: run `qa index` first")
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

    def doc_record(self, path: str, sentence_vectors: np.ndarray, chunk_vectors: np.ndarray) -> DocRecord | None:
        """A stored document with its rows and vectors, to carry forward unchanged."""
        rows = self._query("SELECT id, sha256, text FROM documents WHERE path = ?", (path,))
        if not rows:
            return None
        doc_id, sha, text = rows[0]
        items = [it for (p, _), it in self._items.items() if p == path]
        items.sort(key=lambda it: it.index)
        srows = self._query(
            'SELECT id, item, start, "end", key FROM sentences WHERE doc_id = ? ORDER BY id', (doc_id,)
        )
        crows = self._query(
            'SELECT id, item, start, "end", first_sentence, n_sentences, tokens, key '
            "FROM chunks WHERE doc_id = ? ORDER BY id",
            (doc_id,),
        )
        s0 = srows[0][0] if srows else 0
        sent_ids = [r[0] for r in srows]
        chunk_ids = [r[0] for r in crows]
        return DocRecord(
            path=path,
            sha256=sha,
            text=text,
            items=items,
            sentences=[r[1:] for r in srows],
            chunks=[(it, s, e, first - s0, n, ntok, key) for _, it, s, e, first, n, ntok, key in crows],
            sentence_vectors=np.asarray(sentence_vectors[sent_ids], dtype=np.float32),
            chunk_vectors=np.asarray(chunk_vectors[chunk_ids], dtype=np.float32),
        )

    def keyed_vectors(self) -> tuple[dict[str, int], dict[str, int]]:
        """Maps content key -> row, for sentences and for chunks: vectors to reuse by content."""
        skeys = {k: i for i, k in self._query("SELECT id, key FROM sentences")}
        ckeys = {k: i for i, k in self._query("SELECT id, key FROM chunks")}
        return skeys, ckeys

    def chunk_vectors(self) -> np.ndarray:
        return np.load(self.folder / "vectors.npy", mmap_mode="r", allow_pickle=False)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


# ----------------------------------------------------------------------------- helpers
def _stack(parts: list[np.ndarray], dim: int) -> np.ndarray:
    parts = [p for p in parts if len(p)]
    if not parts:
        return np.zeros((0, dim), dtype=np.float32)
    return np.ascontiguousarray(np.vstack(parts), dtype=np.float32)


def _write_faiss(path: Path, vectors: np.ndarray, exact_search_max: int) -> str:
    import faiss

    dim = vectors.shape[1]
    if len(vectors) <= exact_search_max:
        index, kind = faiss.IndexFlatIP(dim), "flat"
    else:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = 128
        kind = "hnsw"
    if len(vectors):
        index.add(vectors)
    faiss.write_index(index, str(path))
    return kind


def _verify(folder: Path, manifest: dict) -> None:
    index = Index(folder)
    try:
        if index.faiss.ntotal != manifest["counts"]["chunks"]:
            raise IndexProblem("new generation failed verification: vector count mismatch")
    finally:
        index.close()


def _next_number(index_dir: Path) -> int:
    numbers = [
        int(p.name.split("-")[1]) for p in index_dir.glob("gen-*") if p.name.split("-")[1].isdigit()
    ]
    return max(numbers, default=0) + 1


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    with open(tmp, "w") as f:
        f.write(text + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            fd = os.open(p, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _fsync_dir(p if p.is_dir() else p.parent)
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
