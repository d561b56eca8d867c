"""Writing one generation: SQLite metadata, vectors, FAISS, BM25 and the manifest.

A generation is written to a temporary folder (``.tmp-gen-*``), fsynced, verified by opening it
as a reader would, and renamed into place; ``generations.publish`` then names it in CURRENT, so
a reader (or a crash) never sees half an index.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from qa import timing
from qa.store.generations import _fsync_dir, _fsync_tree, _next_number
from qa.store import languages
from qa.store.lexical import LexicalIndex, lexical_text
from qa.store.reader import Index
from qa.store.rows import CHUNK_DTYPE, FORMAT_VERSION, SENTENCE_DTYPE, DocRecord, IndexProblem

_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL,
                        text TEXT NOT NULL, n_items INTEGER, n_chunks INTEGER, pages TEXT);
CREATE TABLE items (doc_id INTEGER, idx INTEGER, title TEXT, date TEXT, start INTEGER, "end" INTEGER,
                    doc_title TEXT, site TEXT, page INTEGER, PRIMARY KEY (doc_id, idx));
CREATE TABLE sentences (id INTEGER PRIMARY KEY, doc_id INTEGER, item INTEGER, start INTEGER,
                        "end" INTEGER, text TEXT, key TEXT);
CREATE TABLE chunks (id INTEGER PRIMARY KEY, doc_id INTEGER, item INTEGER, start INTEGER,
                     "end" INTEGER, text TEXT, first_sentence INTEGER, n_sentences INTEGER,
                     tokens INTEGER, key TEXT);
CREATE INDEX sentences_doc ON sentences (doc_id);
CREATE INDEX chunks_doc ON chunks (doc_id);
"""


def write_generation(
    index_dir: Path,
    docs: Iterable[DocRecord],
    manifest: dict,
    exact_search_max: int,
) -> Path:
    """Write a complete new generation beside the current one and return its folder (not yet live).

    `docs` is read once, in order, one document at a time: a list, or a stream whose records
    arrive while this runs (the Ray engine's). Nothing of a document is kept after its rows are
    written except its chunk texts (the BM25 index is built from all of them at the end), so
    the caller never needs the whole corpus in memory. The manifest is copied after the last
    document, so a caller may fill it (its "files") while the documents stream. If reading
    `docs` raises, the half-written folder is removed and the error propagates."""
    dim = int(manifest["dim"])
    index_dir.mkdir(parents=True, exist_ok=True)
    number = _next_number(index_dir)
    final = index_dir / f"gen-{number:06d}"
    tmp = index_dir / f".tmp-gen-{number:06d}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        counts, chunk_texts, codes = _write_rows(tmp, docs, dim)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    n_chunks, n_sents = counts["chunks"], counts["sentences"]

    # Vectors were appended to raw files as documents arrived (their number unknown until the
    # end); each becomes an .npy of the final shape, copied in blocks through memory maps.
    with timing.stage("vector files"):
        _raw_to_npy(tmp / "vectors.raw", tmp / "vectors.npy", n_chunks, dim, CHUNK_DTYPE)
        _raw_to_npy(tmp / "sentences.raw", tmp / "sentences.npy", n_sents, dim, SENTENCE_DTYPE)
        _raw_to_npy(tmp / "chunk_lang.raw", tmp / languages.CHUNK_FILE, n_chunks, None, languages.LANG_DTYPE)
        _raw_to_npy(tmp / "sentence_lang.raw", tmp / languages.SENTENCE_FILE, n_sents, None, languages.LANG_DTYPE)
    chunk_vecs = np.load(tmp / "vectors.npy", mmap_mode="r", allow_pickle=False)
    with timing.stage("FAISS"):
        index_type = _write_faiss(tmp / "chunks.faiss", chunk_vecs, exact_search_max)
    del chunk_vecs
    with timing.stage("BM25"):
        LexicalIndex.build(chunk_texts).save(tmp / "bm25")
    del chunk_texts

    manifest = dict(manifest)
    manifest.update(
        format=FORMAT_VERSION,
        generation=final.name,
        index_type=index_type,
        storage={"sentences": np.dtype(SENTENCE_DTYPE).name, "chunks": np.dtype(CHUNK_DTYPE).name,
                 "faiss": "float32" if index_type == "flat" else "fp16"},
        counts=counts,
        languages=codes.codes,  # what each byte of chunk_lang.npy / sentence_lang.npy stands for
    )
    # the manifest goes last: a folder without one is never mistaken for a generation
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    with timing.stage("fsync + verify"):
        _fsync_tree(tmp)
        _verify(tmp)
        os.rename(tmp, final)
        _fsync_dir(index_dir)
    return final



def _rows(vectors: np.ndarray, dim: int) -> int:
    """Number of dim-wide rows (an empty list of vectors may come as shape (0,) or (0, dim))."""
    shape = np.shape(vectors)
    if len(shape) == 2 and shape[1] == dim:
        return shape[0]
    return 0 if shape and shape[0] == 0 else -1


def _write_rows(tmp: Path, docs: Iterable[DocRecord], dim: int) -> tuple[dict, list[str], languages.Codes]:
    """SQLite rows, raw vector and language files, one document at a time; returns the counts, the
    chunk texts and the language codes the language files use."""
    chunk_texts: list[str] = []
    codes = languages.Codes()
    n_docs = n_sents = n_chunks = 0
    # The folder is private until renamed and fsynced: no journal needed while writing.
    conn = sqlite3.connect(tmp / "meta.sqlite")
    try:
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        conn.executescript(_SCHEMA)
        with (open(tmp / "vectors.raw", "wb") as cvec, open(tmp / "sentences.raw", "wb") as svec,
              open(tmp / "chunk_lang.raw", "wb") as clang, open(tmp / "sentence_lang.raw", "wb") as slang):
            for doc_id, d in enumerate(docs):
                with timing.stage("SQLite rows"):
                    _insert(conn, cvec, svec, doc_id, d, n_sents, n_chunks, chunk_texts, dim)
                _languages(clang, slang, d, codes)
                n_docs += 1
                n_sents += len(d.sentences)
                n_chunks += len(d.chunks)
        n_items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        conn.commit()
    finally:
        conn.close()
    return {"documents": n_docs, "items": n_items, "chunks": n_chunks, "sentences": n_sents}, chunk_texts, codes


def _languages(clang, slang, d: DocRecord, codes: languages.Codes) -> None:
    """One document's chunk and sentence languages, appended to the raw language files. A record
    without them (carried forward from a format-2 generation) has them detected here."""
    chunk_langs, sentence_langs = d.chunk_langs, d.sentence_langs
    if chunk_langs is None or sentence_langs is None:
        with timing.stage("languages"):
            chunk_langs, sentence_langs = languages.of_document(
                d.text, d.search_text, [(s[1], s[2]) for s in d.sentences], [(c[1], c[2]) for c in d.chunks]
            )
    if len(chunk_langs) != len(d.chunks) or len(sentence_langs) != len(d.sentences):
        raise ValueError(
            f"{d.path}: {len(d.chunks)} chunks / {len(d.sentences)} sentences but "
            f"{len(chunk_langs)} / {len(sentence_langs)} languages"
        )
    clang.write(codes.encode(chunk_langs))
    slang.write(codes.encode(sentence_langs))


def _insert(conn, cvec, svec, doc_id: int, d: DocRecord, n_sents: int, n_chunks: int, chunk_texts: list[str],
            dim: int) -> None:
    """One document's SQLite rows and raw vectors (row ids continue from n_sents / n_chunks)."""
    if _rows(d.chunk_vectors, dim) != len(d.chunks) or _rows(d.sentence_vectors, dim) != len(d.sentences):
        raise ValueError(
            f"{d.path}: {len(d.chunks)} chunks / {len(d.sentences)} sentences but vectors "
            f"{np.shape(d.chunk_vectors)} / {np.shape(d.sentence_vectors)}"
        )
    # chunk rows keep the extracted text (what a passage shows: text[start:end]);
    # sentence rows and BM25 hold the search text (PDF hyphenation at line ends joined); BM25 with the chunk's titles
    text, search = d.text, d.search_text
    pages = json.dumps(list(d.pages)) if d.pages is not None else None
    conn.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?)",
                 (doc_id, d.path, d.sha256, text, len(d.items), len(d.chunks), pages))
    conn.executemany(
        "INSERT INTO items VALUES (?,?,?,?,?,?,?,?,?)",
        [(doc_id, it.index, it.title, it.date, it.start, it.end, it.doc_title, it.site, it.page)
         for it in d.items],
    )
    conn.executemany(
        "INSERT INTO sentences VALUES (?,?,?,?,?,?,?)",
        [(n_sents + i, doc_id, it, s, e, search[s:e], key) for i, (it, s, e, key) in enumerate(d.sentences)],
    )
    rows = []
    items = {it.index: it for it in d.items}
    opened: set[int] = set()
    for i, (it, s, e, first, n, ntok, key) in enumerate(d.chunks):
        item = items.get(it)
        heads = (item.doc_title, item.title) if item is not None else ()
        chunk_texts.append(lexical_text(search[s:e], heads, d.path, first=it not in opened))
        opened.add(it)
        rows.append((n_chunks + i, doc_id, it, s, e, text[s:e], n_sents + first, n, ntok, key))
    conn.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    if len(d.chunks):
        cvec.write(np.ascontiguousarray(d.chunk_vectors, dtype=CHUNK_DTYPE).tobytes())
    if len(d.sentences):
        svec.write(np.ascontiguousarray(d.sentence_vectors, dtype=SENTENCE_DTYPE).tobytes())


_COPY_ROWS = 65_536


def _raw_to_npy(raw: Path, path: Path, n: int, dim: int | None, dtype) -> None:
    """The (n, dim) rows of dtype in raw (dim None: n values) -> one .npy file; raw is removed."""
    shape = (n,) if dim is None else (n, dim)
    out = np.lib.format.open_memmap(path, mode="w+", dtype=dtype, shape=shape)
    if n:
        src = np.memmap(raw, dtype=dtype, mode="r", shape=shape)
        for start in range(0, n, _COPY_ROWS):
            out[start : start + _COPY_ROWS] = src[start : start + _COPY_ROWS]
        del src
    out.flush()
    del out
    raw.unlink()



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


def _verify(folder: Path) -> None:
    """Open the new generation as a reader would (Index checks every count against the manifest)."""
    try:
        index = Index(folder)
    except IndexProblem as e:
        raise IndexProblem(f"new generation failed verification: {e}") from None
    index.close()

