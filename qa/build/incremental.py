"""Corpus -> new index generation, re-using everything whose content has not changed.

How a build decides what to do, by content and never by file name or time stamp:

* every corpus file is read and hashed (sha256 of its bytes); a file whose bytes (and kind:
  text, Markdown or HTML; ``qa.ingest.content_key``, ``qa.build.changes.stored_keys``) match a stored
  document is carried forward from the live generation
  with its rows and vectors, *without being parsed again* — unchanged, renamed and copied files
  cost a read and a hash;
* every other file is parsed, split into sentences and chunks, and only sentence/chunk texts
  whose content key no stored vector has are embedded;
* new parsing rules or chunk settings parse every file again, with the same reuse of vectors;
* everything is written as a new generation (``qa.store``) and published in one atomic step,
  so text of deleted or changed files disappears from every structure at once.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterable, Iterator
from typing import Protocol

from filelock import Timeout

from qa import store, timing
from qa.build.changes import Stored, classify, nothing_changed, stored_keys
from qa.build.local import LocalEngine
from qa.build.plan import SEPARATE, sentence_mode
from qa.build.report import BuildError, BuildProgress, BuildReport
from qa.config import PIPELINE_CHANGE, Settings
from qa.embed import Embedder, names
from qa.ingest import DocumentError, Scanned, scan
from qa.ingest.chunking import units_of
from qa.ingest.extract_cache import EXTRACT_CACHE_DIR, ExtractCache
from qa.ingest.readers import describe_types


class Engine(Protocol):
    """Where new and changed files are parsed, chunked and embedded (the local build does it in
    this process; ``qa.build.ray_engine`` on a Ray cluster). Everything else (scanning, content-hash
    reuse, the generation, the switch) stays here, so an index does not depend on the engine."""

    def embed_fresh(
        self, fresh: list[Scanned], settings: Settings, embedder: Embedder, prev: store.Index | None,
        report: BuildReport, progress: BuildProgress | None,
    ) -> Iterator[store.DocRecord | dict]:
        """One item per fresh file, in order: its record, or {"path", "reason"} if it cannot be read."""


def build_index(
    settings: Settings,
    embedder: Embedder,
    rebuild: bool = False,
    progress: BuildProgress | None = None,
    wait: float = 0,
    engine: Engine | None = None,
    purge: bool = False,
) -> BuildReport:
    """Bring the index in settings.index_dir up to date with settings.corpus_dir.

    Only one build runs per index folder: another one fails at once with BuildError, or after
    `wait` seconds if it is still running then. engine=None parses and embeds in this process
    (``qa.build.local``). `purge`: then delete every older generation at once (``store.purge``),
    so nothing of a deleted document is left on disk; nothing remains to roll back to."""
    t0 = time.perf_counter()
    engine = engine if engine is not None else LocalEngine()
    try:
        with store.writer_lock(settings.index_dir, timeout=wait):
            report = _build_locked(settings, embedder, rebuild, progress, engine)
            if purge:  # under the same lock: the generation kept is the one this build made live
                report.purged = store.purge(settings.index_dir)
    except Timeout:
        waited = f" (waited {wait:g} s)" if wait > 0 else ""
        raise BuildError(
            f"another `qa index` is already updating {settings.index_dir}{waited}; "
            "wait for it to finish, or pass --wait SECONDS"
        ) from None
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


# ----------------------------------------------------------------------------- building
class _Damaged(Exception):
    """The previous generation opened but could not be read while carrying it forward."""


def _build_locked(
    settings: Settings, embedder: Embedder, rebuild: bool, progress: BuildProgress | None, engine: Engine | None
) -> BuildReport:
    prev, reason, reparse = _previous(settings, embedder, rebuild)
    try:
        return _build_from(settings, embedder, prev, reason, progress, engine, reparse)
    except _Damaged as e:
        return _build_from(settings, embedder, None, f"the existing index is damaged ({e})", progress, engine)
    finally:
        if prev is not None:
            prev.close()


def _build_from(
    settings: Settings,
    embedder: Embedder,
    prev: store.Index | None,
    reason: str | None,
    progress: BuildProgress | None,
    engine: Engine | None = None,
    reparse: bool = False,
) -> BuildReport:
    """``reparse``: carry no document forward (each is parsed again), but re-use the vector of
    every text ``prev`` holds."""
    prev_docs: Stored = {}
    if prev is not None and not reparse:
        prev_docs = stored_keys(prev.documents())
    known = set(prev_docs.values())  # (sha256, kind) pairs a file need not be parsed for

    if progress is not None:
        progress("Reading the corpus", 0, 0)
    # PDF and Word extraction is kept by content hash: a full rebuild does not parse them again
    cache = ExtractCache(settings.index_dir / EXTRACT_CACHE_DIR)
    try:
        with timing.stage("scan + read + parse"):  # a remote engine reads and parses where it embeds
            entries, skipped_files = scan(
                settings.corpus_dir, settings.max_file_bytes, known,
                parse=getattr(engine, "parses_in_scan", False), cache=cache, progress=progress,
                max_chars=settings.max_text_chars,
            )
    except DocumentError as e:  # the corpus folder itself is missing
        raise BuildError(str(e)) from None
    # keep what this corpus still holds (read now, or unchanged and carried forward)
    cache.prune(cache.used | {(e.kind, e.sha256) for e in entries})
    skipped = [{"path": s.path, "reason": s.reason} for s in skipped_files]
    report = BuildReport(skipped=skipped, full_rebuild=prev is None or reparse, rebuild_reason=reason)
    if prev is not None and not reparse and _older_format(prev):
        report.rebuild_reason = (f"index format {prev.manifest.get('format')} -> {store.FORMAT_VERSION}: "
                                 f"{store.FORMAT_CHANGE}; every document and vector carried forward")
    if not entries:
        kept = " (the existing index is kept)" if prev is not None else ""
        raise BuildError(
            f"no readable documents in {settings.corpus_dir}: add {describe_types()} files{kept}"
        )

    # Where each file's rows come from: a stored document (by content) or a fresh parse.
    sources, fresh = classify(entries, prev_docs, report)

    if prev is not None and nothing_changed(report) and not _older_format(prev):
        return _up_to_date(report, prev)

    try:
        carried = prev.doc_records(sources) if prev is not None else {}
    except Exception as e:  # noqa: BLE001 - unreadable rows mean a damaged index: rebuild
        raise _Damaged(f"{type(e).__name__}: {e}") from None
    if len(carried) != sum(len(v) for v in sources.values()):
        raise _Damaged("stored documents are missing rows")
    report.chunks_reused = sum(len(r.chunks) for r in carried.values())
    # records stream in while the generation is written: the corpus is never all in memory
    fresh_records: Iterable[store.DocRecord | dict] = engine.embed_fresh(
        fresh, settings, embedder, prev, report, progress
    )

    files: dict[str, dict] = {}
    failed: list[dict] = []
    manifest = {
        "model": embedder.identity,
        "dim": embedder.dim,
        "chunker": settings.chunker_settings(units_of(embedder)),
        "sentence_vectors": sentence_mode(settings.sentence_vectors, embedder),
        "built_at": store.now_iso(),
        "files": files,
        "skipped": report.skipped,
    }

    def records() -> Iterator[store.DocRecord]:
        """Every document in corpus order; the manifest is completed as they pass (the writer
        copies it after the last one)."""
        pending = iter(fresh_records)
        for e in entries:
            r = carried.get(e.path)
            if r is None:
                r = next(pending)
                if isinstance(r, dict):  # unreadable, found where an engine parsed it
                    failed.append(r)
                    continue
            files[r.path] = {"sha256": r.sha256, "items": len(r.items), "chunks": len(r.chunks)}
            yield r
        for extra in pending:  # runs the engine to its end (it reports its counts there)
            raise RuntimeError(f"the build engine returned more records than files: {extra!r:.80}")
        if failed:  # as if the scan had skipped them
            _drop_failed(report, failed, prev_docs)
            manifest["skipped"] = report.skipped

    try:
        gen = store.write_generation(settings.index_dir, records(), manifest, settings.exact_search_max)
    except store.IndexProblem:
        if files:
            raise
        gen = None  # nothing readable reached the writer
    if not files or (prev is not None and nothing_changed(report) and not _older_format(prev)):
        if gen is not None:
            shutil.rmtree(gen, ignore_errors=True)  # never published: only unreadable files changed
        if not files:
            kept = " (the existing index is kept)" if prev is not None else ""
            raise BuildError(f"no readable documents in {settings.corpus_dir}: add {describe_types()} files{kept}")
        return _up_to_date(report, prev)
    store.publish(settings.index_dir, gen)
    store.cleanup(settings.index_dir)
    report.generation = gen.name
    _fill_counts(report, json.loads((gen / "manifest.json").read_text())["counts"])
    return report


def _older_format(prev: store.Index) -> bool:
    """The live generation is of an older format a build carries forward (READABLE_FORMATS): it is
    written again in this one even if no file changed, every document and vector carried (format 2
    -> 3: the chunk and sentence languages are detected once, qa.store.languages)."""
    return prev.manifest.get("format") != store.FORMAT_VERSION


def _up_to_date(report: BuildReport, prev: store.Index) -> BuildReport:
    report.up_to_date = True
    report.generation = prev.generation
    _fill_counts(report, prev.manifest["counts"])
    return report


def _drop_failed(report: BuildReport, failed: list[dict], prev_docs: dict) -> None:
    """Files an engine could not parse leave the build the way the scan's skipped files do: an
    added one is only skipped, a changed one is gone from the index (removed)."""
    bad = {f["path"] for f in failed}
    report.skipped = sorted([*report.skipped, *failed], key=lambda s: s["path"])  # the scan's order
    report.added = [p for p in report.added if p not in bad]
    report.removed = sorted({*report.removed, *(p for p in report.changed if p in bad and p in prev_docs)})
    report.changed = [p for p in report.changed if p not in bad]


def _fill_counts(report: BuildReport, counts: dict) -> None:
    report.documents = counts["documents"]
    report.items = counts["items"]
    report.chunks = counts["chunks"]
    report.sentences = counts["sentences"]


def _chunker_change(old: dict, new: dict) -> str:
    """Why the chunks must be made again: the parsing rules (a new PIPELINE_VERSION, said in words),
    what chunks are sized in (the model's own tokens: e5), or the chunk settings."""
    rest = ("pipeline", "units", "chunk_tokens")
    if {k: v for k, v in old.items() if k not in rest} != {k: v for k, v in new.items() if k not in rest}:
        return f"chunking settings changed ({old} -> {new})"
    why = []
    if old.get("pipeline") != new.get("pipeline"):
        why.append(f"the parsing rules changed (version {old.get('pipeline')} -> {new['pipeline']}: {PIPELINE_CHANGE})")
    if old.get("units") != new.get("units"):
        why.append(f"chunking settings changed: chunks are sized in {new.get('units') or 'tiktoken'} tokens "
                   f"(were {old.get('units') or 'tiktoken'} tokens)")
    elif old.get("chunk_tokens") != new.get("chunk_tokens"):
        # e5's budget (Settings.model_chunk_tokens) or chunk_tokens
        why.append(f"chunking settings changed: chunks hold up to {new.get('chunk_tokens')} "
                   f"{new.get('units') or 'tiktoken'} tokens (were {old.get('chunk_tokens')})")
    return "; ".join(why)


def _previous(settings: Settings, embedder: Embedder, rebuild: bool) -> tuple[store.Index | None, str | None, bool]:
    """(the live generation if it can be built upon, else None; the reason for a full rebuild;
    whether every document must be parsed again with the live generation's vectors reused)."""
    if rebuild:
        return None, "requested with --rebuild", False
    if store.current_generation(settings.index_dir) is None:
        return None, "no index yet", False
    try:
        prev = store.Index.open(settings.index_dir)
    except store.IndexProblem as e:
        return None, str(e).replace("; run `qa index --rebuild`", ""), False
    m = prev.manifest
    model = embedder.identity
    why = None
    if m.get("model") != model or m.get("dim") != embedder.dim:
        was, now = names.readable(m.get("model"), settings.model), names.readable(model, settings.model)
        why = f"embedding model changed ({was}, {m.get('dim')} dims -> {now}, {embedder.dim} dims)"
    elif m.get("format") not in store.READABLE_FORMATS:
        why = f"index format changed ({m.get('format')} -> {store.FORMAT_VERSION})"
    elif m.get("sentence_vectors", SEPARATE) != sentence_mode(settings.sentence_vectors, embedder):
        why = (f"sentence vectors changed ({m.get('sentence_vectors', SEPARATE)} -> "
               f"{sentence_mode(settings.sentence_vectors, embedder)})")
    if why:
        prev.close()
        return None, why, False
    chunker = settings.chunker_settings(units_of(embedder))  # what chunks are sized in is part of it (e5: its tokens)
    if m.get("chunker") != chunker:
        # Only how texts are parsed and cut changed, not what a text's vector is (the model's, keyed
        # by content): every document is parsed again, and only texts the index lacks are embedded.
        why = _chunker_change(m.get("chunker") or {}, chunker)
        return prev, f"{why}; vectors of unchanged texts are reused", True
    return prev, None, False
