"""The two Ray Data stages of the Ray build engine (``qa.build.ray_engine``), which Ray runs in
its worker processes: ``parse_batch`` (tasks: read, parse, split and chunk files with the
project's own ``qa.ingest`` functions) and ``Encoder`` (actors: the encoder loaded once per
actor). Everything that crosses between them and back to the driver is a ``ParsedDoc``."""

from __future__ import annotations

import functools
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from qa.embed import Embedder
from qa.ingest import DocumentError
from qa.build.plan import SEPARATE, Job, embed, languages, needed, plan
from qa.ingest.chunking import Window, chunk_document, document_sentences, window_of
from qa.config import MAX_TEXT_CHARS
from qa.ingest.files import parse_bytes, read_bytes


@dataclass(frozen=True)
class ModelFactory:
    """How a worker builds the project's embedder: a picklable recipe, not a loaded model."""

    model: str
    batch_size: int = 32
    backend: str = "auto"

    def __call__(self, threads: int | None = None) -> Embedder:
        from qa.embed import make_embedder

        emb = make_embedder(self.model, self.batch_size, self.backend)
        if threads:
            if hasattr(emb, "use_threads"):
                emb.use_threads(threads)
            else:  # PyTorch
                import torch

                torch.set_num_threads(threads)
        return emb




@dataclass(frozen=True)
class ParsedDoc:
    """One file as the cluster returns it: rows ready for the writer and vectors of its new texts."""

    path: str
    sha256: str
    text: str
    items: tuple[tuple[int, str, str | None, int, int], ...]  # index, title, date, start, end
    sentences: list[tuple[int, int, int, str]]  # item, start, end, key
    chunks: list[tuple[int, int, int, int, int, int, str]]  # item, start, end, first, n, tokens, key
    todo: list[Job]  # texts to run through the model: keys the stored index has no vector for
    new_vectors: dict[str, np.ndarray]  # key -> vector, filled by the encoder stage
    model: str = ""  # the encoder's identity, filled by the encoder stage
    doc_title: str | None = None  # the document's human title (qa.ingest.titles)
    site: str | None = None
    pages: tuple[int, ...] | None = None  # page starts of a PDF (qa.ingest.pages)
    item_pages: tuple[int | None, ...] = ()  # each item's page, in items' order
    chunk_langs: tuple[str, ...] | None = None  # each chunk's language (qa.store.languages), detected here
    sentence_langs: tuple[str, ...] | None = None



# ----------------------------------------------------------------------------- stage 1: parse, chunk
def digests(keys: Iterable[str]) -> np.ndarray:
    """Content keys (32 hex digits) as a sorted array of 16-byte strings."""
    arr = np.array([bytes.fromhex(k) for k in keys], dtype="S16")
    arr.sort()
    return arr


def _known(digests: np.ndarray, key: str) -> bool:
    if not len(digests):
        return False
    d = np.bytes_(bytes.fromhex(key))
    i = int(np.searchsorted(digests, d))
    return i < len(digests) and digests[i] == d


_RESOLVED: dict[str, np.ndarray] = {}


def _resolve(ref) -> np.ndarray:
    """The known-keys array behind an ObjectRef, fetched once per worker process (Ray Data passes
    fn_kwargs through as they are, references unresolved)."""
    if isinstance(ref, np.ndarray):
        return ref
    key = ref.hex()
    if key not in _RESOLVED:
        import ray

        _RESOLVED.clear()
        _RESOLVED[key] = ray.get(ref)
    return _RESOLVED[key]


@functools.cache
def _window(factory: Callable) -> tuple[Callable[[str], bool], Window | None]:
    """The model's window for chunking, one embedder per worker process (workers are reused)."""
    emb = factory()
    return emb.fits, window_of(emb)


def parse_batch(
    batch: dict, root: str, max_bytes: int, chunking: tuple[int, ...], factory, known, mode: str = SEPARATE,
    max_chars: int = MAX_TEXT_CHARS,
) -> dict:
    """Stage 1 (tasks): read, parse, split and chunk files with the project's own functions.

    `chunking`: (chunk_tokens, overlap_sentences[, model_chunk_tokens]); the third is the budget
    of a model that sizes chunks in its own tokens (e5), as in the local build (Settings.chunk_budget)."""
    fits, window = _window(factory)
    budget = chunking[2] if len(chunking) > 2 and window is not None and window.units else chunking[0]
    known = _resolve(known)
    out: dict[str, list] = {"path": [], "payload": [], "error": []}
    for rel, sha in zip(batch["path"], batch["sha256"]):
        rel, payload, error = str(rel), b"", ""
        try:
            data = read_bytes(Path(root) / rel, max_bytes)
            doc = parse_bytes(rel, data, max_chars=max_chars)
            if doc.sha256 != sha:
                raise DocumentError("the file changed while indexing (run `qa index` again)")
            sents = document_sentences(doc, fits, window)
            chunks = chunk_document(doc, sents, budget, chunking[1], fits, window)
            keys, jobs = plan(sents, chunks, mode)
            chunk_langs, sentence_langs = languages(doc, sents, chunks)
            todo = needed(jobs, lambda k: _known(known, k))
            parsed = ParsedDoc(
                path=doc.path,
                sha256=doc.sha256,
                text=doc.text,
                items=tuple((it.index, it.title, it.date, it.start, it.end) for it in doc.items),
                sentences=[(s.item, s.start, s.end, k) for s, k in zip(sents, keys)],
                chunks=[(c.item, c.start, c.end, c.first_sentence, c.n_sentences, c.tokens, c.key) for c in chunks],
                todo=todo,
                new_vectors={},
                doc_title=doc.title or None,
                site=doc.site,
                pages=doc.pages,
                item_pages=tuple(it.page for it in doc.items),
                chunk_langs=chunk_langs,
                sentence_langs=sentence_langs,
            )
            payload = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
        except DocumentError as e:
            error = str(e)
        except Exception as e:  # noqa: BLE001 - one bad file must never stop the whole corpus
            error = f"unreadable: {type(e).__name__}: {e}".splitlines()[0]
        out["path"].append(rel)
        out["payload"].append(payload)
        out["error"].append(error)
    return {k: np.array(v, dtype=object) for k, v in out.items()}


# ----------------------------------------------------------------------------- stage 2: encode
class Encoder:
    """Stage 2 (actors): the encoder, loaded once per actor, embeds a batch's new texts in one call."""

    def __init__(self, factory: Callable, threads: int):
        self.embedder = factory(threads) if isinstance(factory, ModelFactory) else factory()

    def __call__(self, batch: dict) -> dict:
        docs = [pickle.loads(p) if p else None for p in batch["payload"]]
        jobs = needed((j for d in docs if d is not None for j in d.todo), lambda _k: False)  # each text once
        vectors = embed(self.embedder, jobs)
        out = []
        for d in docs:
            if d is None:
                out.append(b"")
                continue
            new = {k: np.asarray(vectors[k], dtype=np.float32) for j in d.todo for k in j.keys()}
            done = replace(d, todo={}, new_vectors=new, model=self.embedder.identity)
            out.append(pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL))
        return {"path": batch["path"], "payload": np.array(out, dtype=object), "error": batch["error"]}
