"""The Ray build engine: parse, chunk and embed new or changed files on a Ray cluster.

Only the expensive middle of a build runs on Ray; the driver (the `qa index` process) keeps
everything that decides what an index holds, exactly as in a local build:

    driver   scan + sha256 every file, compare with the live generation (content-hash reuse)
    Ray      files -> map_batches(parse, chunk)                 tasks, anywhere in the cluster
               -> map_batches(encode, ActorPoolStrategy)        actors, the encoder loaded once each
    driver   rows and vectors stream back (iter_batches) -> the generation writer, atomic switch

Only files whose content the live generation does not hold are sent, and inside them only texts
whose content key no stored vector has are encoded (the keys the live generation holds travel
once to the cluster as a sorted array of 16-byte digests).

Files are read by the parse tasks at ``corpus_dir / relative path``, so on a multi-node cluster
the corpus must be at the same path on every node (a shared filesystem); see docs/scale.md.
"""

from __future__ import annotations

import functools
import os
import pickle
import socket
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np


class RayEngineError(Exception):
    """The Ray build cannot run; str(e) is one line for the user. The live index is untouched."""


@dataclass(frozen=True)
class RayOptions:
    address: str | None = None  # None: start a local instance; else join this cluster
    workers: int | None = None  # encoder actors; None: as many as the CPUs allow
    threads: int | None = None  # threads per encoder actor; None: cores / workers on a local instance, else 1
    docs_per_batch: int = 16  # files per parse task and per encoder call


@dataclass(frozen=True)
class ParsedDoc:
    """One file as the cluster returns it: rows ready for the writer, vectors of its new texts."""

    path: str
    sha256: str
    text: str
    items: list[tuple[int, str, str | None, int, int]]  # index, title, date, start, end
    sentences: list[tuple[int, int, int, str]]  # item, start, end, key
    chunks: list[tuple[int, int, int, int, int, int, str]]  # item, start, end, first, n, tokens, key
    chunk_keys: frozenset[str]
    new_vectors: dict[str, np.ndarray]  # key -> vector, for the texts the cluster encoded


@dataclass(frozen=True)
class Failed:
    path: str
    reason: str


# ----------------------------------------------------------------------------- cluster
def _probe(address: str, timeout: float = 5.0) -> None:
    """Fail in seconds, with one line, when nothing listens at a host:port address: ray.init
    itself retries an unreachable GCS for minutes, printing C++ warnings."""
    if address in ("auto", "local"):
        return
    hostport = address.split("://", 1)[-1].rstrip("/")
    host, _, port = hostport.rpartition(":")
    if not host or not port.isdigit():
        raise RayEngineError(f"bad Ray address {address!r}: use HOST:PORT or ray://HOST:PORT")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise RayEngineError(f"cannot reach the Ray cluster at {address}: {reason.lower()}") from None


def _qa_root() -> str:
    """The folder that holds the `qa` package this process imported (a worktree or site-packages)."""
    import qa

    return str(Path(qa.__file__).resolve().parent.parent)


def start(options: RayOptions):
    """Connect to the cluster (or start a local instance); returns the ray module."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError:
        raise RayEngineError("the Ray engine needs Ray: pip install 'qa[ray]'") from None
    if ray.is_initialized():
        return ray
    env = {k: os.environ[k] for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "QA_ONNX_CACHE",
                                      "TOKENIZERS_PARALLELISM", "TIKTOKEN_CACHE_DIR")
           if k in os.environ}
    kwargs = dict(include_dashboard=False, logging_level="ERROR", log_to_driver=False,
                  configure_logging=False)
    if options.address:
        _probe(options.address)
        kwargs["address"] = options.address
    else:
        # A local instance imports the same `qa` as this process (a worktree in development).
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (_qa_root(), os.environ.get("PYTHONPATH", "")) if p
        )
        # One logical CPU more than the cores: the parse tasks need a slot beside the encoder
        # actors, which hold theirs for the whole build.
        kwargs["num_cpus"] = (os.cpu_count() or 1) + 1
    try:
        ray.init(runtime_env={"env_vars": env}, **kwargs)
    except Exception as e:  # noqa: BLE001 - one line, never a traceback
        text = (str(e).strip().splitlines() or [type(e).__name__])[0]
        where = f"the Ray cluster at {options.address}" if options.address else "a local Ray instance"
        raise RayEngineError(f"cannot start or join {where}: {text}") from None
    return ray


def shutdown() -> None:
    try:
        import ray
    except ImportError:
        return
    if ray.is_initialized():
        ray.shutdown()


def _plan(ray, options: RayOptions) -> tuple[int, int]:
    """(encoder actors, threads per actor) for the CPUs the cluster has."""
    cpus = int(ray.cluster_resources().get("CPU", 1))
    if options.address:
        threads = options.threads or 1
        workers = options.workers or max(1, (cpus - 1) // threads)
    else:
        cores = os.cpu_count() or 1
        workers = options.workers or 1
        threads = options.threads or max(1, cores // workers)
    return workers, threads


# ----------------------------------------------------------------------------- the two stages
def _digests(keys: Iterable[str]) -> np.ndarray:
    """Content keys (32 hex digits) as a sorted array of 16-byte strings: 16 bytes a key on the wire."""
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
    """The known-keys array behind an ObjectRef, fetched once per worker process
    (Ray Data passes fn_kwargs through as they are, references unresolved)."""
    if isinstance(ref, np.ndarray):
        return ref
    key = ref.hex()
    if key not in _RESOLVED:
        import ray

        _RESOLVED.clear()
        _RESOLVED[key] = ray.get(ref)
    return _RESOLVED[key]


@functools.cache
def _cached(factory: Callable[[], object]):
    """One embedder per worker process for the parse tasks' window checks (workers are reused)."""
    return factory()


def parse_batch(batch: dict, root: str, max_bytes: int, chunking: dict, factory, known) -> dict:
    """Stage 1 (tasks): read, parse, split and chunk files with the project's own functions."""
    from qa.chunking import chunk_document, document_sentences
    from qa.documents import DocumentError, load_document

    fits = _cached(factory).fits
    known = _resolve(known)
    out_path, out_payload, out_error = [], [], []
    for rel in batch["path"]:
        rel = str(rel)
        payload, error = b"", ""
        try:
            doc = load_document(Path(root) / rel, Path(root), max_bytes)
            sents = document_sentences(doc, fits)
            chunks = chunk_document(doc, sents, chunking["chunk_tokens"], chunking["overlap_sentences"], fits)
            todo: dict[str, str] = {}
            for x in (*sents, *chunks):
                if x.key not in todo and not _known(known, x.key):
                    todo[x.key] = x.text
            payload = pickle.dumps(
                (
                    ParsedDoc(
                        path=doc.path,
                        sha256=doc.sha256,
                        text=doc.text,
                        items=[(it.index, it.title, it.date, it.start, it.end) for it in doc.items],
                        sentences=[(s.item, s.start, s.end, s.key) for s in sents],
                        chunks=[(c.item, c.start, c.end, c.first_sentence, c.n_sentences, c.tokens, c.key)
                                for c in chunks],
                        chunk_keys=frozenset(c.key for c in chunks),
                        new_vectors={},
                    ),
                    todo,
                ),
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        except DocumentError as e:
            error = str(e)
        except Exception as e:  # noqa: BLE001 - one bad file must never stop the whole corpus
            error = f"unreadable: {type(e).__name__}: {e}".splitlines()[0]
        out_path.append(rel)
        out_payload.append(payload)
        out_error.append(error)
    return {"path": np.array(out_path, dtype=object), "payload": np.array(out_payload, dtype=object),
            "error": np.array(out_error, dtype=object)}


class Encoder:
    """Stage 2 (actors): the encoder, loaded once per actor, embeds a batch's new texts in one call."""

    def __init__(self, factory, threads: int):
        for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = str(threads)
        self.embedder = factory(threads) if _takes_threads(factory) else factory()

    def __call__(self, batch: dict) -> dict:
        docs, todos = [], []
        texts: dict[str, str] = {}
        for payload in batch["payload"]:
            if not payload:
                docs.append(None)
                todos.append({})
                continue
            doc, todo = pickle.loads(payload)
            docs.append(doc)
            todos.append(todo)
            for k, t in todo.items():
                texts.setdefault(k, t)
        keys = list(texts)
        vecs = self.embedder.encode([texts[k] for k in keys]) if keys else None
        row = {k: i for i, k in enumerate(keys)}
        out = []
        for doc, todo in zip(docs, todos):
            if doc is None:
                out.append(b"")
                continue
            new = {k: np.asarray(vecs[row[k]], dtype=np.float32) for k in todo}
            out.append(pickle.dumps(_with_vectors(doc, new), protocol=pickle.HIGHEST_PROTOCOL))
        return {"path": batch["path"], "payload": np.array(out, dtype=object), "error": batch["error"]}


def _with_vectors(doc: ParsedDoc, new: dict[str, np.ndarray]) -> ParsedDoc:
    from dataclasses import replace

    return replace(doc, new_vectors=new)


def _takes_threads(factory) -> bool:
    return bool(getattr(factory, "takes_threads", False))


@dataclass(frozen=True)
class ModelFactory:
    """Builds the project's embedder on a worker: a picklable recipe, not a loaded model."""

    model: str
    batch_size: int
    backend: str | None = None
    takes_threads = True

    def __call__(self, threads: int | None = None):
        from qa.embedding import make_embedder

        emb = make_embedder(self.model, self.batch_size, self.backend)
        if threads and hasattr(emb, "_batch"):  # PROTOTYPE: ORT session with `threads` threads
            import onnxruntime as ort

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
            emb._batch = ort.InferenceSession(emb._batch._model_path, opts, providers=["CPUExecutionProvider"])
        return emb


# ----------------------------------------------------------------------------- the pipeline
def run(
    paths: list[str],
    root: Path,
    max_bytes: int,
    chunking: dict,
    factory: Callable,
    known_keys: Iterable[str],
    options: RayOptions,
) -> Iterator[ParsedDoc | Failed]:
    """Parse, chunk and embed `paths` (relative to root) on Ray; yields one result per path, in
    order, as they arrive. The caller owns start()/shutdown()."""
    ray = start(options)
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # rows in corpus order: the same ids as a local build
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    workers, threads = _plan(ray, options)
    known = ray.put(_digests(known_keys))
    n = max(1, options.docs_per_batch)
    ds = ray.data.from_items([{"path": p} for p in paths], override_num_blocks=max(1, -(-len(paths) // n)))
    ds = ds.map_batches(
        parse_batch,
        batch_size=n,
        fn_kwargs={"root": str(Path(root).resolve()), "max_bytes": max_bytes, "chunking": chunking,
                   "factory": factory, "known": known},
        num_cpus=0.5,
    )
    ds = ds.map_batches(
        Encoder,
        batch_size=n,
        fn_constructor_kwargs={"factory": factory, "threads": threads},
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=threads if options.address else 1,
    )
    for batch in ds.iter_batches(batch_size=None, batch_format="numpy", prefetch_batches=2):
        for rel, payload, error in zip(batch["path"], batch["payload"], batch["error"]):
            if error:
                yield Failed(str(rel), str(error))
            else:
                yield pickle.loads(payload)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)
