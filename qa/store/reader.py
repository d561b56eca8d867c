"""Reading one generation: ``Index`` opens it read-only and answers searches and row look-ups.

A reader that has *opened* a generation no longer needs its folder: FAISS is in memory, BM25 and
the vectors memory-mapped, sentence vectors read from an open file descriptor (``RowFile``),
SQLite opened ``immutable`` with its own descriptor, so on POSIX an unlinked generation still
answers until the reader lets go of it.
"""

from __future__ import annotations

import dataclasses

import json
import sqlite3
import threading
from pathlib import Path

import numpy as np

from qa.filters.core import RowFacts, Selection
from qa.filters.mentions import items_mentioning, items_reporting, items_titled
from qa.store import languages, masks
from qa.store.generations import current_generation
from qa.store.lexical import LexicalIndex
from qa.store.rows import ChunkRow, DocRecord, Hits, IndexProblem, ItemInfo, SentenceRow
from qa.store.vectors import DenseIndex, RowFile, _random_access

_SQL_BATCH = 500  # bound parameters per IN (...) query


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
            self._chunk_vectors = _random_access(np.load(self.folder / "vectors.npy", mmap_mode="r",
                                                         allow_pickle=False))
            self.lexical = LexicalIndex.load(self.folder / "bm25")
            self._chunk_lang, self._sentence_lang = _language_columns(self.folder, self.manifest)
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
        if self._chunk_lang is not None:
            for what, n, want in (("chunk languages", len(self._chunk_lang), expected[0]),
                                  ("sentence languages", len(self._sentence_lang), expected[1])):
                if n != want:
                    raise IndexProblem(
                        f"the index at {index_dir} does not match its manifest ({what}: {n}, manifest "
                        f"says {want}); run `qa index --rebuild`"
                    )
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
        self._codes = languages.Codes(self.manifest.get("languages") or ())
        self._detected: dict[int, str] = {}  # a format-2 generation's chunk languages, detected on first need
        self._languages: frozenset[str] | None = None  # the codes of all its chunks, on the first languages()
        self._facts: RowFacts | None = None  # per-row document and dates, on the first filter
        self._facts_lock = threading.Lock()
        self._items: dict[tuple[str, int], ItemInfo] = {}
        self._doc_names: dict[int, str] = {}
        for doc_id, path in self._query("SELECT id, path FROM documents"):
            self._doc_names[doc_id] = path
        # Indexes written before document titles (or pages) existed lack those columns.
        columns = {row[1] for row in self._query("PRAGMA table_info(items)")}
        extra = "doc_title, site" if {"doc_title", "site"} <= columns else "NULL, NULL"
        extra += ", page" if "page" in columns else ", NULL"
        self._pages_column = "pages" if any(
            row[1] == "pages" for row in self._query("PRAGMA table_info(documents)")
        ) else "NULL"
        query = f'SELECT doc_id, idx, title, date, start, "end", {extra} FROM items'
        for doc_id, idx, title, date, s, e, doc_title, site, page in self._query(query):
            path = self._doc_names[doc_id]
            self._items[(path, idx)] = ItemInfo(path, idx, title, date, s, e, doc_title, site, page)

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
    def size(self) -> int:
        """Number of chunks (passages) in this generation."""
        return int(self.faiss.ntotal)

    def search(self, query_vector: np.ndarray, terms: list[str], n: int, mask: np.ndarray | None = None) -> Hits:
        """The n best chunks by dense cosine and the n best by BM25 (those sharing a term with the
        question), together, each with both scores. `mask` (one bool per chunk row, True = may be
        returned) is applied inside both retrievers before their top n are taken."""
        total = self.size
        if total == 0 or n <= 0:
            return Hits(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32))
        if mask is not None and len(mask) != total:
            raise ValueError(f"mask has {len(mask)} entries for {total} chunks")
        m = min(n, total)
        prepared = masks.prepare(mask)  # row ids, FAISS bitmap and BM25 weights, once per mask
        dense_scores, dense_ids = masks.dense_search(self.faiss, self._chunk_vectors, query_vector, m, prepared)
        dense = {int(i): float(s) for i, s in zip(dense_ids, dense_scores)}
        bm25 = self.lexical.scores(terms, None if prepared is None else prepared.weights)
        nz = np.flatnonzero(bm25)  # only passages sharing a term with the question compete
        if len(nz) > m:
            nz = nz[np.argpartition(bm25[nz], len(nz) - m)[len(nz) - m:]]
        pool = set(dense) | {int(i) for i in nz}
        missing = [i for i in pool if i not in dense]
        if missing:
            # the exact cosine for lexical-only candidates, so both sides are scored alike
            vecs = np.vstack([self.faiss.reconstruct(i) for i in missing])
            for i, s in zip(missing, vecs @ query_vector):
                dense[i] = float(s)
        ids = list(pool)  # the set's own order: callers sort stably, so ties break as before
        return Hits(
            np.array(ids, dtype=np.int64),
            np.array([dense[i] for i in ids], dtype=np.float64),
            np.array([float(bm25[i]) for i in ids], dtype=np.float64),
        )

    def select(self, filters, mentioning: bool = False, reporting: bool = False, titled: bool = False,
               ahead: bool = False) -> Selection:
        """The chunk rows a contracts.Filters allows (qa.filters.core): its mask for ``search``,
        counts, the undated items it left out, unknown sources, months. Cached per filter. `mentioning`:
        items whose text names the date range count as in it too (a date read from a question); `reporting`: and
        those that may report it in other words (qa.filters.mentions.items_reporting); `titled`: items whose title
        names it (a report on the first half of 2024, published in August) count as dated in it; `ahead`: a question
        about a plan, for which items published before the range that name it count too."""
        if reporting:
            reader = lambda dates: items_reporting(self, dates)  # noqa: E731
        elif titled:
            reader = lambda dates: items_titled(self, dates)  # noqa: E731
        else:
            reader = (lambda dates: items_mentioning(self, dates)) if mentioning else None
        return self.row_facts().select(filters.since, filters.until, filters.sources, mentioning=reader,
                                       wide=reporting, titled=titled and not reporting, ahead=ahead)

    def row_facts(self) -> RowFacts:
        """Per-row document and dates for filters: read once per generation (a few seconds at a
        million chunks, most of it SQLite scanning the chunks table); the service starts this in
        the background when it opens a generation."""
        with self._facts_lock:  # one reader does the work; a second caller waits for it
            if self._facts is None:
                self._facts = RowFacts.from_store(self._query)
            return self._facts

    def idf(self, terms: list[str]) -> dict[str, float]:
        """Smoothed inverse document frequency of each term over the chunks."""
        return self.lexical.idf(terms)

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

    def chunk_ids_in(self, doc: str, item: int | None = None) -> list[int]:
        """Ids of the chunks of one document (of one of its items, if given): a follow-up
        question is first answered from the news item the answer before it came from."""
        doc_id = next((i for i, name in self._doc_names.items() if name == doc), None)
        if doc_id is None:
            return []
        if item is None:
            rows = self._query("SELECT id FROM chunks WHERE doc_id = ? ORDER BY id", (doc_id,))
        else:
            rows = self._query("SELECT id FROM chunks WHERE doc_id = ? AND item = ? ORDER BY id", (doc_id, int(item)))
        return [r[0] for r in rows]

    def sentences(self, first: int, n: int) -> list[SentenceRow]:
        rows = self._query(
            'SELECT id, doc_id, item, start, "end", text FROM sentences WHERE id >= ? AND id < ? ORDER BY id',
            (first, first + n),
        )
        langs = self.sentence_languages([r[0] for r in rows]) if self._sentence_lang is not None else [None] * len(rows)
        return [SentenceRow(r[0], self._doc_names[r[1]], *r[2:], lang) for r, lang in zip(rows, langs)]

    def chunk_languages(self, ids) -> list[str]:
        """The language code of each chunk in ids, as stored at index time (qa.store.languages). A
        format-2 generation has none stored: they are detected from the chunk texts, once per chunk
        and generation, as retrieval did before format 3."""
        if self._chunk_lang is not None:
            return self._codes.decode(self._chunk_lang[np.asarray(ids, dtype=np.int64)])
        known = self._detected
        todo = [int(i) for i in ids if int(i) not in known]
        if todo:
            for row in self.chunks(todo):
                known[row.id] = languages.detect_chunk(row.text)
        return [known[int(i)] for i in ids]

    def languages(self) -> frozenset[str]:
        """The language codes its chunks are written in, as chunk_languages() gives them (a format-2
        generation's detected once, on the first call)."""
        if self._languages is None:  # a generation never changes: read once
            if self._chunk_lang is None:
                self._languages = frozenset(self.chunk_languages(range(self.size)))
            else:
                counts = np.bincount(np.asarray(self._chunk_lang), minlength=len(self._codes.codes))
                self._languages = frozenset(self._codes.decode(np.flatnonzero(counts)))
        return self._languages

    def sentence_languages(self, ids) -> list[str | None]:
        """The language code of each sentence in ids as stored at index time; None for each in a
        format-2 generation (a caller then detects it from the text, as before)."""
        if self._sentence_lang is None:
            return [None] * len(ids)
        return self._codes.decode(self._sentence_lang[np.asarray(ids, dtype=np.int64)])

    def item(self, doc: str, index: int) -> ItemInfo | None:
        return self._items.get((doc, index))

    def items(self) -> list[ItemInfo]:
        return list(self._items.values())

    def document_text(self, doc: str) -> str | None:
        rows = self._query("SELECT text FROM documents WHERE path = ?", (doc,))
        return rows[0][0] if rows else None

    def document_slice(self, doc: str, start: int, end: int) -> str | None:
        """document_text(doc)[start:end] without reading the whole text."""
        rows = self._query("SELECT substr(text, ?, ?) FROM documents WHERE path = ?", (start + 1, end - start, doc))
        return rows[0][0] if rows else None

    def document_sha256(self, doc: str) -> str | None:
        rows = self._query("SELECT sha256 FROM documents WHERE path = ?", (doc,))
        return rows[0][0] if rows else None

    def document_pages(self, doc: str) -> tuple[int, ...] | None:
        """Start offset of each page of a paged document (PDF); None when unpaged or unknown."""
        rows = self._query(f"SELECT {self._pages_column} FROM documents WHERE path = ?", (doc,))
        return tuple(json.loads(rows[0][0])) if rows and rows[0][0] else None

    def documents(self) -> list[dict]:
        """One dict per document; "pages" is its page count (None when it is not paged)."""
        rows = self._query(
            f"SELECT path, sha256, n_items, n_chunks, length(text), {self._pages_column} FROM documents ORDER BY path"
        )
        return [
            {"doc": p, "sha256": h, "items": ni, "chunks": nc, "chars": n,
             "pages": len(json.loads(pg)) if pg else None}
            for p, h, ni, nc, n, pg in rows
        ]

    def doc_records(self, wanted: dict[str, list[str]]) -> dict[str, DocRecord]:
        """Stored documents with their rows and vectors, to carry forward without re-parsing.

        wanted maps a stored path to the new paths it goes to (itself, a rename or copies).
        Three queries for the whole corpus; vectors are views of the memory-mapped arrays."""
        out: dict[str, DocRecord] = {}
        if not wanted:
            return out
        docs = {
            path: (doc_id, sha, text, pages)
            for doc_id, path, sha, text, pages in self._query(
                f"SELECT id, path, sha256, text, {self._pages_column} FROM documents"
            )
            if path in wanted
        }
        ids = {doc_id for doc_id, _, _, _ in docs.values()}
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
            doc_id, sha, text, pages = docs[old]
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
            clangs = slangs = None  # a format-2 generation: the writer detects them
            if self._chunk_lang is not None:
                clangs = tuple(self._codes.decode(self._chunk_lang[c0 : c0 + len(crows)]))
                slangs = tuple(self._codes.decode(self._sentence_lang[s0 : s0 + len(srows)]))
            its = sorted(items.get(old, []), key=lambda it: it.index)
            for new in news:
                out[new] = DocRecord(
                    path=new,
                    sha256=sha,
                    text=text,
                    items=[dataclasses.replace(it, doc=new) for it in its],
                    sentences=sentences,
                    chunks=chunk_list,
                    sentence_vectors=svec,
                    chunk_vectors=cvec,
                    pages=tuple(json.loads(pages)) if pages else None,
                    chunk_langs=clangs,
                    sentence_langs=slangs,
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

    def content_keys(self) -> list[str]:
        """Every content key (sentence and chunk text) this generation holds a vector for: what a
        remote build engine ships to its workers so they embed only texts not stored here."""
        return [k for (k,) in self._query("SELECT key FROM chunks UNION SELECT key FROM sentences")]

    def chunk_vectors(self) -> np.ndarray:
        return self._chunk_vectors

    def close(self) -> None:
        with self._lock:
            self._conn.close()



def _language_columns(folder: Path, manifest: dict) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The chunk and sentence language columns, memory-mapped; (None, None) for a generation
    written before format 3 (qa.store.languages). Missing in a format-3 generation is damage."""
    if int(manifest.get("format", 0)) < 3:
        return None, None
    if not isinstance(manifest.get("languages"), list):
        raise ValueError("manifest.json has no 'languages' list")
    out = []
    for name in (languages.CHUNK_FILE, languages.SENTENCE_FILE):
        arr = _random_access(np.load(folder / name, mmap_mode="r", allow_pickle=False))
        if arr.ndim != 1 or arr.dtype != languages.LANG_DTYPE:
            raise ValueError(f"{name} is not one {np.dtype(languages.LANG_DTYPE).name} per row")
        if len(arr) and int(arr.max()) >= len(manifest["languages"]):
            raise ValueError(f"{name} names a language the manifest does not list")
        out.append(arr)
    return out[0], out[1]


def _short(e: Exception, limit: int = 160) -> str:
    text = (str(e).splitlines() or [""])[0]
    return text if len(text) <= limit else text[: limit - 3] + "..."

