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

import os
import pickle
import socket
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa import store
from qa.build.plan import sentence_mode
from qa.build.ray_stages import Encoder, ModelFactory, ParsedDoc, digests, parse_batch
from qa.build.report import BuildError, BuildProgress, BuildReport
from qa.config import Settings
from qa.embed import Embedder
from qa.ingest import Scanned

# what read_bytes says when a worker does not see a file the driver saw
_UNSEEN = "the file disappeared while indexing"
_PASS_ENV = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "QA_ONNX_CACHE", "TOKENIZERS_PARALLELISM", "TIKTOKEN_CACHE_DIR")


class RayEngineError(BuildError):
    """The Ray build cannot run; str(e) is one line for the user. The live index is untouched."""


@dataclass(frozen=True)
class RayOptions:
    address: str | None = None  # None: start a local instance; "auto" or HOST:PORT: join a cluster
    workers: int | None = None  # encoder actors; None: one per core (at most 4) locally, else one per free CPU
    threads: int | None = None  # threads per encoder actor; None: cores / workers locally, else 1
    docs_per_batch: int = 16  # files per parse task and per encoder call
    factory: Callable | None = None  # builds the embedder on a worker; None: ModelFactory(settings)
    object_store_bytes: int = 1 << 30  # a local instance's object store (spills to disk beyond)


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
        results = self.run(fresh, settings, prev.content_keys() if prev is not None else (), embedder)
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

    def run(
        self, fresh: list[Scanned], settings: Settings, known_keys: Iterable[str], embedder: Embedder | None = None
    ) -> Iterator[ParsedDoc | dict]:
        """Parse, chunk and embed the fresh files on Ray; yields a ParsedDoc (or {"path", "reason"})
        per file, in the order given, as batches arrive."""
        ray = self._ray()
        # `import ray` does not load the ray.data submodule (Ray 2.x loads it on first access through
        # its module __getattr__, an implementation detail); this import loads it here, explicitly.
        # It rebinds `ray` to the same module object _ray() returned, hence the noqa.
        import ray.data  # noqa: F811

        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True  # corpus order: the same row ids as a local build
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        workers, threads = self._plan(ray)
        factory = self.options.factory or ModelFactory(settings.model, settings.batch_size, settings.backend)
        known = ray.put(digests(known_keys))
        n = max(1, self.options.docs_per_batch)
        rows = [{"path": e.path, "sha256": e.sha256} for e in fresh]
        ds = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // n)))
        ds = ds.map_batches(
            parse_batch,
            batch_size=n,
            fn_kwargs={
                "root": str(Path(settings.corpus_dir).resolve()),
                "max_bytes": settings.max_file_bytes,
                "max_chars": settings.max_text_chars,
                "chunking": (settings.chunk_tokens, settings.overlap_sentences, settings.model_chunk_tokens),
                "factory": factory,
                "known": known,
                "mode": sentence_mode(settings.sentence_vectors, embedder),
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
        chunk_langs=doc.chunk_langs,
        sentence_langs=doc.sentence_langs,
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
