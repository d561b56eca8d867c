"""The local build engine: parse, chunk and embed new files in this process, as a pipeline.

    thread "prepare"   read + parse each fresh file, split sentences, chunk, plan its jobs
          -> bounded queue (documents) ->
    thread "encode"    gather documents until WINDOW_TEXTS texts need the model, look up stored
                       vectors by content key, run the model once over the rest (sorted and
                       batched by token count inside the embedder), make the records
          -> bounded queue (records) ->
    caller             writes each record (SQLite rows, raw vectors) while the next window encodes

The queues are bounded, so memory stays bounded however large the corpus; records come out in
the order the files came in, so the index is the same as a one-step build's (and the Ray
engine's). An exception in a thread ends the build with that exception, in the caller.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from qa import store, timing
from qa.build import plan
from qa.build.report import EMBEDDING_FILES, EMBEDDING_TEXTS, BuildProgress, BuildReport
from qa.config import Settings
from qa.embed import Embedder
from qa.ingest import DocumentError, Scanned
from qa.ingest.chunking import chunk_document, document_sentences, window_of
from qa.ingest.extract_cache import EXTRACT_CACHE_DIR, ExtractCache
from qa.ingest.files import parse_bytes, read_bytes

# Texts per model call: enough that sorting by length leaves little padding (a window of 512
# SQuAD texts pads < 2 % more than sorting the whole corpus), small enough to keep the writer
# and the progress bar moving.
WINDOW_TEXTS = 512
# A document with this many texts to embed (~170 KB of prose: 30 s to minutes of the model) is
# long: its window's texts get a progress bar of their own, since the files bar does not move
# until the whole document is embedded. A corpus of short files gets no such bar.
LONG_DOCUMENT_TEXTS = 256
QUEUE_DOCS = 64  # documents parsed ahead of the encoder
_END = object()


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


class LocalEngine:
    """``qa.build.incremental.Engine`` in this process (threads: parsing overlaps encoding)."""

    # The scan parses each new file from the bytes it hashed (so a file that changes while the
    # build runs is indexed as read, and the next build sees the change); sentence splitting,
    # chunking, encoding and writing overlap in the pipeline below.
    parses_in_scan = True

    def embed_fresh(
        self, fresh: list[Scanned], settings: Settings, embedder: Embedder, prev: store.Index | None,
        report: BuildReport, progress: BuildProgress | None,
    ) -> Iterator[store.DocRecord | dict]:
        if not fresh:
            return
        mode = plan.sentence_mode(settings.sentence_vectors, embedder)
        window = window_of(embedder)
        budget = settings.chunk_budget(window.units if window else None)  # e5: in its own tokens
        docs: queue.Queue = queue.Queue(QUEUE_DOCS)
        records: queue.Queue = queue.Queue(QUEUE_DOCS)
        stop = threading.Event()
        cache = ExtractCache(Path(settings.index_dir) / EXTRACT_CACHE_DIR)
        root = Path(settings.corpus_dir)
        phase = EMBEDDING_FILES
        if progress is not None:
            progress(phase, 0, len(fresh))

        def put(q: queue.Queue, x) -> bool:
            while not stop.is_set():
                try:
                    q.put(x, timeout=0.2)
                    return True
                except queue.Full:
                    continue
            return False

        def get(q: queue.Queue):
            """The next item, or _END once the build is stopped (the caller gave up)."""
            while not stop.is_set():
                try:
                    return q.get(timeout=0.2)
                except queue.Empty:
                    continue
            return _END

        def prepare() -> None:
            try:
                for e in fresh:
                    try:
                        doc = e.doc
                        if doc is None:
                            with timing.stage("read + parse"):
                                doc = parse_bytes(e.path, read_bytes(root / e.path, settings.max_file_bytes), None,
                                                  cache, max_chars=settings.max_text_chars)
                            if doc.sha256 != e.sha256:
                                raise DocumentError("the file changed while indexing (run `qa index` again)")
                        with timing.stage("split"):
                            sents = document_sentences(doc, embedder.fits, window)
                        with timing.stage("chunk"):
                            chunks = chunk_document(
                                doc, sents, budget, settings.overlap_sentences, embedder.fits, window
                            )
                        keys, jobs = plan.plan(sents, chunks, mode)
                        with timing.stage("languages"):
                            langs = plan.languages(doc, sents, chunks)
                        item = (doc, sents, chunks, keys, jobs, langs)
                    except DocumentError as err:
                        item = {"path": e.path, "reason": str(err)}
                    except Exception as err:  # noqa: BLE001 - one bad file must never stop the corpus
                        item = {"path": e.path, "reason": f"unreadable: {type(err).__name__}: {err}".splitlines()[0]}
                    if not put(docs, item):
                        return
                put(docs, _END)
            except BaseException as err:  # noqa: BLE001 - handed to the caller
                put(docs, _Failed(err))

        def encode() -> None:
            counts = {"chunks": 0, "sentences": 0}
            try:
                done = False
                while not done:
                    batch, n_texts = [], 0
                    while n_texts < WINDOW_TEXTS:
                        x = get(docs)
                        if x is _END:
                            done = True
                            break
                        if isinstance(x, _Failed):
                            put(records, x)
                            return
                        batch.append(x)
                        if not isinstance(x, dict):
                            n_texts += len(x[4])
                    if batch:
                        for r in _embed_window(batch, embedder, prev, counts, progress):
                            if not put(records, r):
                                return
                if not stop.is_set():
                    report.chunks_embedded, report.sentences_embedded = counts["chunks"], counts["sentences"]
                put(records, _END)
            except BaseException as err:  # noqa: BLE001 - handed to the caller
                put(records, _Failed(err))

        threads = [threading.Thread(target=f, name=f"qa-build-{f.__name__}", daemon=True) for f in (prepare, encode)]
        for t in threads:
            t.start()
        try:
            n = 0
            while True:
                x = records.get()
                if x is _END:
                    break
                if isinstance(x, _Failed):
                    raise x.error
                yield x
                n += 1
                if progress is not None:
                    progress(phase, n, len(fresh))
        finally:
            stop.set()
            for t in threads:
                t.join()


def _embed_window(batch: list, embedder: Embedder, prev: store.Index | None, counts: dict,
                  progress: BuildProgress | None = None) -> list:
    """Records of a window of prepared documents: stored vectors re-used, the rest embedded (a
    window with a long document, LONG_DOCUMENT_TEXTS texts or more, reports them to progress)."""
    wanted: set[str] = set()
    for x in batch:
        if not isinstance(x, dict):
            for j in x[4]:
                wanted.update(j.keys())
    with timing.stage("stored vectors"):
        stored = prev.vectors_for_keys(wanted) if prev is not None and wanted else {}
    jobs = plan.needed((j for x in batch if not isinstance(x, dict) for j in x[4]), stored.__contains__)
    vectors = dict(stored)
    texts = None
    docs = [x for x in batch if not isinstance(x, dict)]
    largest = max(docs, key=lambda x: len(x[4])) if docs else None
    if progress is not None and largest is not None and len(largest[4]) >= LONG_DOCUMENT_TEXTS and jobs:
        phase, n = EMBEDDING_TEXTS + largest[0].path, len(jobs)
        progress(phase, 0, n)
        texts = lambda done: progress(phase, min(done, n), n)  # noqa: E731
    vectors.update(plan.timed_embed(embedder, jobs, texts))
    if texts is not None:
        texts(len(jobs))  # closes the bar even if the embedder reported less
    chunk_keys = {c.key for x in batch if not isinstance(x, dict) for c in x[2]}
    for j in jobs:
        for k in j.keys():
            if k not in stored:
                counts["chunks" if k in chunk_keys else "sentences"] += 1
    return [x if isinstance(x, dict) else record(*x[:4], vectors, embedder.dim, x[5]) for x in batch]


def record(doc, sents, chunks, keys, vectors: dict[str, np.ndarray], dim: int,
           langs: tuple[tuple[str, ...], tuple[str, ...]] | None = None) -> store.DocRecord:
    return store.DocRecord(
        path=doc.path,
        sha256=doc.sha256,
        text=doc.text,
        items=[
            store.ItemInfo(doc.path, it.index, it.title, it.date, it.start, it.end, doc.title or None, doc.site,
                           page=it.page)
            for it in doc.items
        ],
        sentences=[(s.item, s.start, s.end, k) for s, k in zip(sents, keys)],
        chunks=[(c.item, c.start, c.end, c.first_sentence, c.n_sentences, c.tokens, c.key) for c in chunks],
        sentence_vectors=np.array([vectors[k] for k in keys], dtype=np.float32).reshape(-1, dim),
        chunk_vectors=np.array([vectors[c.key] for c in chunks], dtype=np.float32).reshape(-1, dim),
        pages=doc.pages,
        chunk_langs=langs[0] if langs is not None else None,
        sentence_langs=langs[1] if langs is not None else None,
    )
