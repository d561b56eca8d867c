"""A generation's companion: a second model's vectors of the very same chunks and sentences.

An English-only corpus is indexed with the English model alone (fast, issue 18). A question in
another language needs the multilingual model's vectors of that English text (issue 14), and
building them is the multilingual model's whole pass over the corpus (~3x the English build), so
they are made once per generation, when first needed (qa.embed.crosslang), and stored here::

    gen-000007/companion-multilingual-e5-small-q4-c1/
        manifest.json   model, dim, counts, the generation it belongs to (written last)
        vectors.npy     chunk vectors (float32; row i = chunk i of the generation)
        sentences.npy   sentence vectors (float16; row i = sentence i)
        chunks.faiss    the dense index over vectors.npy (flat or IVF, as the generation's own)
        keys.txt        the content key of each row's text (chunks, then sentences): a rebuild
                        re-uses the vectors of unchanged texts from any earlier companion

The generation's own files are never touched: the companion is written into a private
``.tmp-companion-*`` folder, fsynced and renamed into place, so a crash half-way leaves the
generation as it was (the next attempt removes the leftover), and it is deleted with its
generation. One writer at a time per index folder (``.companion.lock``); readers never lock.
``open_companion`` gives a ``VectorView``: the generation read through the companion's vectors.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np

from qa.store.generations import _fsync_dir, _fsync_tree
from qa.store.reader import Index
from qa.store.rows import CHUNK_DTYPE, SENTENCE_DTYPE, IndexProblem
from qa.store.vectors import DenseIndex, RowFile, _random_access

PREFIX = "companion-"
LOCK = ".companion.lock"
_TMP = ".tmp-companion-"
FORMAT = 1

# (texts embedded so far, texts to embed) while a companion is built
Progress = Callable[[int, int], None]
# texts -> float32 (len(texts), dim) rows, L2-normalised; calls progress(done) after each batch
Encode = Callable[[list[str], Callable[[int], None] | None], np.ndarray]


def folder_of(generation: Path, model: str) -> Path:
    return Path(generation) / (PREFIX + re.sub(r"[^A-Za-z0-9._+-]", "_", model))


class VectorView:
    """One opened generation read through a companion's vectors: the same rows, texts, BM25,
    items and filters (everything but the vectors is the generation's own, shared with it), with
    the companion's dense index, chunk vectors, sentence vectors and model in the manifest. What
    retrieval and the answer step take as an index."""

    def __init__(self, base: Index, faiss, chunk_vectors: np.ndarray, sentence_vectors: RowFile, manifest: dict):
        self.base = base
        self.faiss = faiss
        self._chunk_vectors = chunk_vectors
        self.sentence_vectors = sentence_vectors
        self.manifest = manifest

    # the generation's search, over this view's vectors (Index.search reads self.faiss, self._chunk_vectors)
    size = Index.size
    search = Index.search
    chunk_vectors = Index.chunk_vectors

    def vectors_for_keys(self, keys):  # pragma: no cover - a view is never a build's previous generation
        raise NotImplementedError("a companion view does not carry vectors forward")

    def __getattr__(self, name):
        return getattr(self.base, name)


def open_companion(index: Index, model: str) -> VectorView | None:
    """The generation read through its companion of `model`; None when there is none (or it does
    not match the generation: then it is rebuilt)."""
    folder = folder_of(index.folder, model)
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    counts = index.manifest.get("counts", {})
    if (
        not isinstance(manifest, dict)
        or manifest.get("model") != model
        or manifest.get("generation") != index.generation
        or manifest.get("counts") != {"chunks": counts.get("chunks"), "sentences": counts.get("sentences")}
    ):
        return None
    try:
        import faiss

        dim = int(manifest["dim"])
        dense = DenseIndex(faiss.read_index(str(folder / "chunks.faiss")))
        chunk_vectors = _random_access(np.load(folder / "vectors.npy", mmap_mode="r", allow_pickle=False))
        sentence_vectors = RowFile(folder / "sentences.npy")
    except Exception:  # noqa: BLE001 - damaged: treated as absent, and rebuilt
        return None
    if (
        dense.ntotal != counts.get("chunks") or dense.d != dim
        or chunk_vectors.shape != (counts.get("chunks"), dim)
        or sentence_vectors.shape != (counts.get("sentences"), dim)
    ):
        return None
    view_manifest = dict(index.manifest, model=model, dim=dim, index_type=manifest.get("index_type"),
                         companion_of=index.manifest.get("model"),
                         companion={k: manifest.get(k) for k in ("embedded", "reused")})
    return VectorView(index, dense, chunk_vectors, sentence_vectors, view_manifest)


def texts_of(index: Index) -> tuple[list[str], list[str]]:
    """(chunk texts, sentence texts) in row order, as the build embedded them: the search text
    (a PDF's line-end hyphenation joined, qa.ingest.pages.search_text), which sentence rows hold and
    chunk rows hold for every document but a paged one."""
    sentences = [t for (t,) in index._query("SELECT text FROM sentences ORDER BY id")]
    chunks: list[str] = []
    paged: dict[int, str] = {}
    rows = index._query(
        f'SELECT c.doc_id, c.start, c."end", c.text, d.{index._pages_column} IS NOT NULL '
        "FROM chunks c JOIN documents d ON d.id = c.doc_id ORDER BY c.id"
    )
    for doc_id, s, e, text, is_paged in rows:
        if is_paged:
            if doc_id not in paged:
                from qa.ingest.pages import search_text

                (full,) = index._query("SELECT text FROM documents WHERE id = ?", (doc_id,))[0]
                paged[doc_id] = search_text(full)
            text = paged[doc_id][s:e]
        chunks.append(text)
    return chunks, sentences


def build_companion(
    index: Index,
    model: str,
    dim: int,
    encode: Encode,
    progress: Progress | None = None,
    exact_search_max: int = 200_000,
    wait: Callable[[], None] | None = None,
) -> VectorView:
    """Make (or find, if another process made it meanwhile) the companion of `model` for this
    generation and return the view through it. Vectors of texts an earlier generation's companion
    holds are re-used; the rest go through `encode`, with progress(done, total) after each batch.
    `wait` is called once if another process holds the lock (it is building the same thing).
    Raises IndexProblem (or the encoder's error) without changing the generation."""
    from filelock import FileLock, Timeout

    from qa.ingest.chunking import content_key
    from qa.store.writer import _write_faiss

    lock = FileLock(str(index.folder.parent / LOCK))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if wait is not None:
            wait()
        lock.acquire()
    try:
        found = open_companion(index, model)
        if found is not None:  # another process built it while this one waited
            return found
        gen = index.folder
        for child in gen.glob(_TMP + "*"):  # a dead writer's leftover (we hold the lock)
            shutil.rmtree(child, ignore_errors=True)
        final = folder_of(gen, model)
        shutil.rmtree(final, ignore_errors=True)  # present but unreadable or stale: made again

        chunk_texts, sentence_texts = texts_of(index)
        keys = [content_key(t) for t in chunk_texts] + [content_key(t) for t in sentence_texts]
        texts = chunk_texts + sentence_texts
        vectors = _reusable(gen.parent, model, dim, set(keys), exclude=gen.name)
        todo: dict[str, str] = {}
        for k, t in zip(keys, texts):
            if k not in vectors and k not in todo:
                todo[k] = t
        if todo:
            total = len(todo)
            if progress is not None:
                progress(0, total)
            fresh = np.asarray(encode(list(todo.values()),
                                      None if progress is None else (lambda done: progress(done, total))),
                               dtype=np.float32)
            if fresh.shape != (total, dim):
                raise IndexProblem(f"the {model} model gave {fresh.shape} vectors for {total} texts")
            vectors.update(zip(todo, fresh))

        tmp = gen / f"{_TMP}{os.getpid()}"
        tmp.mkdir()
        try:
            n_chunks = len(chunk_texts)
            cvec = np.lib.format.open_memmap(tmp / "vectors.npy", mode="w+", dtype=CHUNK_DTYPE, shape=(n_chunks, dim))
            for i, k in enumerate(keys[:n_chunks]):
                cvec[i] = vectors[k]
            cvec.flush()
            svec = np.lib.format.open_memmap(tmp / "sentences.npy", mode="w+", dtype=SENTENCE_DTYPE,
                                             shape=(len(sentence_texts), dim))
            for i, k in enumerate(keys[n_chunks:]):
                svec[i] = vectors[k]
            svec.flush()
            index_type = _write_faiss(tmp / "chunks.faiss", np.asarray(cvec), exact_search_max)
            del cvec, svec
            (tmp / "keys.txt").write_text("\n".join(keys) + "\n", encoding="ascii")
            manifest = {
                "format": FORMAT, "model": model, "dim": dim, "generation": gen.name, "index_type": index_type,
                "counts": {"chunks": n_chunks, "sentences": len(sentence_texts)},
                "embedded": len(todo), "reused": len(set(keys)) - len(todo),
            }
            (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")  # last
            _fsync_tree(tmp)
            os.rename(tmp, final)
            _fsync_dir(gen)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    finally:
        lock.release()
    view = open_companion(index, model)
    if view is None:
        raise IndexProblem(f"the {model} vectors written for {index.generation} could not be read back")
    return view


def _reusable(index_dir: Path, model: str, dim: int, wanted: set[str], exclude: str) -> dict[str, np.ndarray]:
    """key -> vector for the wanted keys that companions of `model` in other generations hold
    (newest generation first): what an incremental rebuild changed is all that is embedded again."""
    out: dict[str, np.ndarray] = {}
    gens = sorted((p for p in index_dir.glob("gen-*") if p.name != exclude), key=lambda p: p.name, reverse=True)
    for gen in gens:
        folder = folder_of(gen, model)
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            if manifest.get("model") != model or int(manifest.get("dim", -1)) != dim:
                continue
            keys = (folder / "keys.txt").read_text(encoding="ascii").split()
            cvec = np.load(folder / "vectors.npy", mmap_mode="r", allow_pickle=False)
            svec = np.load(folder / "sentences.npy", mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError, KeyError, TypeError):
            continue  # gone (cleaned up meanwhile) or damaged: embed instead
        n = len(cvec)
        if len(keys) != n + len(svec) or cvec.shape[1:] != (dim,) or svec.shape[1:] != (dim,):
            continue
        for i, k in enumerate(keys):
            if k in wanted and k not in out:
                # chunks first (float32); a one-sentence chunk's text is both
                out[k] = np.asarray(cvec[i] if i < n else svec[i - n], dtype=np.float32)
        if len(out) == len(wanted):
            break
    return out
