"""The Ray build engine: new and changed files are parsed, chunked and embedded on a Ray cluster.

Only the expensive middle of a build runs on Ray (Ray Data); the driver (the `qa index`
process) keeps everything that decides what an index holds, exactly as in a local build
(``qa.build.incremental``):

    driver   scan + sha256 every file, compare with the live generation (content-hash reuse)
    Ray      paths -> map_batches(read, parse, chunk)            tasks, anywhere in the cluster
                   -> map_batches(encode, ActorPoolStrategy)      actors, the encoder loaded once each
    driver   rows and vectors stream back (iter_batches) -> the same generation writer and switch

Only files whose content the live generation does not hold are sent, and inside them only texts
whose content key no stored vector has are encoded: the live generation's keys travel once to
the cluster as a sorted array of 16-byte digests.

Parse tasks read files at ``corpus_dir / relative path``: on a multi-node cluster the corpus must
be at the same path on every node (a shared filesystem or a mounted bucket; docs/scale.md).
Fault tolerance is Ray Data's: a task whose worker dies is retried, an encoder actor that dies
is restarted and its batch retried; anything else fails the build with one line, before the
driver writes anything, so the live generation is never touched.
"""

from __future__ import annotations

import functools
import os
import pickle
import socket
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from qa import store
from qa.build.report import BuildError, BuildProgress, BuildReport
from qa.config import Settings
from qa.embed import Embedder
from qa.ingest import DocumentError, Scanned
from qa.ingest.chunking import chunk_document, document_sentences
from qa.ingest.files import parse_bytes, read_bytes

# what read_bytes says when a worker does not see a file the driver saw
_UNSEEN = "the file disappeared while indexing"
_PASS_ENV = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "QA_ONNX_CACHE", "TOKENIZERS_PARALLELISM", "TIKTOKEN_CACHE_DIR")


class RayEngineError(BuildError):
    """The Ray build cannot run; str(e) is one line for the user. The live index is untouched."""


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
class RayOptions:
    address: str | None = None  # None: start a local instance; "auto" or HOST:PORT: join a cluster
    workers: int | None = None  # encoder actors; None: one per core (at most 4) locally, else one per free CPU
    threads: int | None = None  # threads per encoder actor; None: cores / workers locally, else 1
    docs_per_batch: int = 16  # files per parse task and per encoder call
    factory: Callable | None = None  # builds the embedder on a worker; None: ModelFactory(settings)
    object_store_bytes: int = 1 << 30  # a local instance's object store (spills to disk beyond)


@dataclass(frozen=True)
class ParsedDoc:
    """One file as the cluster returns it: rows ready for the writer and vectors of its new texts."""

    path: str
    sha256: str
    text: str
    items: tuple[tuple[int, str, str | None, int, int], ...]  # index, title, date, start, end
    sentences: list[tuple[int, int, int, str]]  # item, start, end, key
    chunks: list[tuple[int, int, int, int, int, int, str]]  # item, start, end, first, n, tokens, key
    todo: dict[str, str]  # key -> text the stored index has no vector for
    new_vectors: dict[str, np.ndarray]  # key -> vector, filled by the encoder stage
    model: str = ""  # the encoder's identity, filled by the encoder stage
    doc_title: str | None = None  # the document's human title (qa.ingest.titles)
    site: str | None = None
    pages: tuple[int, ...] | None = None  # page starts of a PDF (qa.ingest.pages)
    item_pages: tuple[int | None, ...] = ()  # each item's page, in items' order


# ----------------------------------------------------------------------------- the cluster
def probe(address: str, timeout: float = 5.0) -> None:
    """Fail in seconds with one line when nothing listens at HOST:PORT: ray.init itself retries
    an unreachable cluster for minutes, printing warnings."""
    if address in ("auto", "local"):
        return
    host, _, port = address.split("://", 1)[-1].rstrip("/").rpartition(":")
    if not host or not port.isdigit():
        raise RayEngineError(f"bad Ray address {address!r}: use HOST:PORT, ray://HOST:PORT or auto")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as e:
        reason = (e.strerror or str(e) or type(e).__name__).lower()
        raise RayEngineError(f"cannot reach the Ray cluster at {address}: {reason}") from None


def _qa_root() -> str:
    """The folder holding the `qa` package this process imported (a checkout or site-packages)."""
    import qa

    return str(Path(qa.__file__).resolve().parent.parent)


class RayEngine:
    """``qa.build.incremental.Engine`` on Ray. Starts (or joins) Ray on first use; close() stops a
    local instance it started (a joined cluster keeps running)."""

    def __init__(self, options: RayOptions | None = None):
        self.options = options or RayOptions()
        self._started = False

    # -- lifecycle
    def _ray(self):
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
        try:
            import ray
        except ImportError:
            raise RayEngineError("the Ray engine needs Ray: pip install 'qa[ray]'") from None
        opts = self.options
        if opts.address:
            probe(opts.address)
        _quiet()
        if ray.is_initialized():  # a caller's own instance (tests, notebooks): used as it is
            return ray
        env = {k: os.environ[k] for k in _PASS_ENV if k in os.environ}
        kwargs: dict = dict(include_dashboard=False, logging_level="ERROR", log_to_driver=False)
        if opts.address:
            kwargs["address"] = opts.address
        else:
            # a local instance's workers import the same `qa` as this process (a checkout in development)
            env["PYTHONPATH"] = os.pathsep.join(p for p in (_qa_root(), os.environ.get("PYTHONPATH")) if p)
            # one logical CPU more than the cores: the parse tasks need a slot beside the encoder
            # actors, which hold theirs for the whole build
            kwargs.update(num_cpus=(os.cpu_count() or 1) + 1, object_store_memory=opts.object_store_bytes)
            os.environ.pop("RAY_ADDRESS", None)  # else ray.init would join that cluster instead
        try:
            ray.init(runtime_env={"env_vars": env}, **kwargs)
        except Exception as e:  # noqa: BLE001 - one line, never a traceback
            where = f"the Ray cluster at {opts.address}" if opts.address else "a local Ray instance"
            raise RayEngineError(f"cannot start or join {where}: {_first_line(e)}") from None
        self._started = True
        return ray

    def close(self) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False

    def _plan(self, ray) -> tuple[int, int]:
        """(encoder actors, threads per actor) for the CPUs the cluster has."""
        opts = self.options
        if opts.address:
            threads = opts.threads or 1
            cpus = int(ray.cluster_resources().get("CPU", 1))
            return opts.workers or max(1, (cpus - 1) // threads), threads
        # independent one-thread actors beat one actor's threads (no intra-op synchronisation):
        # 300 SQuAD paragraphs here, 2 x 1 thread 133 s, 1 x 2 threads 165 s (docs/scale.md)
        cores = os.cpu_count() or 1
        workers = opts.workers or min(cores, 4)
        return workers, opts.threads or max(1, cores // workers)

    # -- the Engine protocol
    def embed_fresh(
        self,
        fresh: list[Scanned],
        settings: Settings,
        embedder: Embedder,
        prev: store.Index | None,
        report: BuildReport,
        progress: BuildProgress | None,
    ) -> Iterator[store.DocRecord | dict]:
        """One record (or {"path", "reason"}) per fresh file, in order, as the cluster returns
        them: the caller writes each before the next arrives."""
        if not fresh:
            return
        chunk_keys: set[str] = set()
        sent_keys: set[str] = set()
        phase = "Parsing and embedding on Ray (files)"
        if progress is not None:
            progress(phase, 0, len(fresh))
        results = self.run(fresh, settings, prev.content_keys() if prev is not None else ())
        try:
            for n, item in enumerate(results, 1):
                if isinstance(item, dict):
                    if item["reason"] == _UNSEEN and (Path(settings.corpus_dir) / item["path"]).is_file():
                        raise RayEngineError(
                            f"the Ray workers cannot read {item['path']} under {Path(settings.corpus_dir).resolve()}: "
                            "put the corpus on a path every node shares (docs/scale.md)"
                        )
                    yield item
                else:
                    if item.model != embedder.identity:  # a worker with another model or version
                        raise RayEngineError(
                            f"the Ray workers embed with {item.model!r}, this index with "
                            f"{embedder.identity!r}: install the same qa and model on every node"
                        )
                    record = _record(item, prev, embedder.dim)
                    for c in item.chunks:
                        if c[6] in item.new_vectors:
                            chunk_keys.add(c[6])
                    for s in item.sentences:
                        if s[3] in item.new_vectors and s[3] not in chunk_keys:
                            sent_keys.add(s[3])
                    yield record
                if progress is not None:
                    progress(phase, n, len(fresh))
        except BuildError:
            raise
        except Exception as e:  # noqa: BLE001 - Ray's errors are pages long; the user gets one line
            raise RayEngineError(
                f"the Ray build failed, the live index is unchanged; run `qa index` again ({_first_line(e)})"
            ) from None
        report.chunks_embedded = len(chunk_keys)
        report.sentences_embedded = len(sent_keys - chunk_keys)

    def run(self, fresh: list[Scanned], settings: Settings, known_keys: Iterable[str]) -> Iterator[ParsedDoc | dict]:
        """Parse, chunk and embed the fresh files on Ray; yields a ParsedDoc (or {"path", "reason"})
        per file, in the order given, as batches arrive."""
        ray = self._ray()
        import ray.data

        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # corpus order: the same row ids as a local build
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        workers, threads = self._plan(ray)
        factory = self.options.factory or ModelFactory(settings.model, settings.batch_size, settings.backend)
        known = ray.put(_digests(known_keys))
        n = max(1, self.options.docs_per_batch)
        rows = [{"path": e.path, "sha256": e.sha256} for e in fresh]
        ds = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // n)))
        ds = ds.map_batches(
            parse_batch,
            batch_size=n,
            fn_kwargs={
                "root": str(Path(settings.corpus_dir).resolve()),
                "max_bytes": settings.max_file_bytes,
                "chunking": (settings.chunk_tokens, settings.overlap_sentences),
                "factory": factory,
                "known": known,
            },
            num_cpus=0.5,
        )
        ds = ds.map_batches(
            Encoder,
            batch_size=n,
            fn_constructor_kwargs={"factory": factory, "threads": threads},
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=threads if self.options.address else 1,
        )
        for batch in ds.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=2):
            for path, payload, error in zip(batch["path"], batch["payload"], batch["error"]):
                yield {"path": str(path), "reason": str(error)} if error else pickle.loads(payload)


def _record(doc: ParsedDoc, prev: store.Index | None, dim: int) -> store.DocRecord:
    """A ParsedDoc -> the writer's DocRecord; texts the cluster did not encode come from the live index."""
    vectors = dict(doc.new_vectors)
    missing = {k for _, _, _, k in doc.sentences if k not in vectors}
    missing.update(c[6] for c in doc.chunks if c[6] not in vectors)
    if missing:
        if prev is not None:
            vectors.update(prev.vectors_for_keys(missing))
        if any(k not in vectors for k in missing):  # the cluster was told the index had them
            raise RayEngineError(f"{doc.path}: vectors missing after the Ray build; run `qa index --rebuild`")
    return store.DocRecord(
        path=doc.path,
        sha256=doc.sha256,
        text=doc.text,
        items=[
            store.ItemInfo(doc.path, i, t, d, s, e, doc.doc_title, doc.site, page=page)
            for (i, t, d, s, e), page in zip(doc.items, doc.item_pages or (None,) * len(doc.items))
        ],
        sentences=doc.sentences,
        chunks=doc.chunks,
        sentence_vectors=np.array([vectors[s[3]] for s in doc.sentences], dtype=np.float32).reshape(-1, dim),
        chunk_vectors=np.array([vectors[c[6]] for c in doc.chunks], dtype=np.float32).reshape(-1, dim),
        pages=doc.pages,
    )


def _quiet() -> None:
    """Ray Data logs each operator's metrics to the terminal when a run fails (pages of them);
    the user gets one line from us, and Ray keeps its full logs under /tmp/ray/session_*/logs."""
    import logging

    for name in ("ray.data", "ray.data._internal"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _first_line(e: BaseException) -> str:
    for line in str(e).splitlines():
        line = line.strip()
        if line and not line.startswith(("Traceback", "File ", "^")):
            return line[:300]
    return type(e).__name__


# ----------------------------------------------------------------------------- stage 1: parse, chunk
def _digests(keys: Iterable[str]) -> np.ndarray:
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
def _window_check(factory: Callable) -> Callable[[str], bool]:
    """The model's window test for chunking, one embedder per worker process (workers are reused)."""
    return factory().fits


def parse_batch(batch: dict, root: str, max_bytes: int, chunking: tuple[int, int], factory, known) -> dict:
    """Stage 1 (tasks): read, parse, split and chunk files with the project's own functions."""
    fits = _window_check(factory)
    known = _resolve(known)
    out: dict[str, list] = {"path": [], "payload": [], "error": []}
    for rel, sha in zip(batch["path"], batch["sha256"]):
        rel, payload, error = str(rel), b"", ""
        try:
            data = read_bytes(Path(root) / rel, max_bytes)
            doc = parse_bytes(rel, data)
            if doc.sha256 != sha:
                raise DocumentError("the file changed while indexing (run `qa index` again)")
            sents = document_sentences(doc, fits)
            chunks = chunk_document(doc, sents, chunking[0], chunking[1], fits)
            todo: dict[str, str] = {}
            for x in (*sents, *chunks):
                if x.key not in todo and not _known(known, x.key):
                    todo[x.key] = x.text
            parsed = ParsedDoc(
                path=doc.path,
                sha256=doc.sha256,
                text=doc.text,
                items=tuple((it.index, it.title, it.date, it.start, it.end) for it in doc.items),
                sentences=[(s.item, s.start, s.end, s.key) for s in sents],
                chunks=[(c.item, c.start, c.end, c.first_sentence, c.n_sentences, c.tokens, c.key) for c in chunks],
                todo=todo,
                new_vectors={},
                doc_title=doc.title or None,
                site=doc.site,
                pages=doc.pages,
                item_pages=tuple(it.page for it in doc.items),
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
        texts: dict[str, str] = {}
        for d in docs:
            if d is not None:
                for k, t in d.todo.items():
                    texts.setdefault(k, t)
        keys = list(texts)
        vecs = self.embedder.encode([texts[k] for k in keys], role="passage") if keys else None
        row = {k: i for i, k in enumerate(keys)}
        out = []
        for d in docs:
            if d is None:
                out.append(b"")
                continue
            new = {k: np.asarray(vecs[row[k]], dtype=np.float32) for k in d.todo}
            done = replace(d, todo={}, new_vectors=new, model=self.embedder.identity)
            out.append(pickle.dumps(done, protocol=pickle.HIGHEST_PROTOCOL))
        return {"path": batch["path"], "payload": np.array(out, dtype=object), "error": batch["error"]}
