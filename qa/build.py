"""Corpus -> new index generation, re-using everything whose content has not changed."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from qa import index as store
from qa.chunking import chunk_document, document_sentences
from qa.config import Settings
from qa.documents import Document, DocumentError, Skipped, load_corpus
from qa.embedding import Embedder


class BuildError(Exception):
    """Indexing cannot proceed; the message says why and what to do. The live index is untouched."""


@dataclass
class BuildReport:
    documents: int = 0
    items: int = 0
    chunks: int = 0
    sentences: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[list[str]] = field(default_factory=list)  # [old, new] pairs, found by content
    unchanged: list[str] = field(default_factory=list)
    chunks_embedded: int = 0
    sentences_embedded: int = 0
    chunks_reused: int = 0
    skipped: list[dict] = field(default_factory=list)
    full_rebuild: bool = False
    rebuild_reason: str | None = None
    generation: str | None = None
    up_to_date: bool = False
    seconds: float = 0.0

    def to_json(self) -> dict:
        return asdict(self)

    def summary(self) -> str:
        head = (
            f"{self.documents} documents, {self.items} items, {self.chunks} chunks "
            f"in {self.seconds:.1f} s"
        )
        if self.up_to_date:
            head += " (already up to date)"
        parts = [head]
        if self.full_rebuild:
            parts.append(f"full rebuild: {self.rebuild_reason}")
        else:
            parts.append(
                f"added {len(self.added)}, changed {len(self.changed)}, removed {len(self.removed)}, "
                f"renamed {len(self.renamed)}, unchanged {len(self.unchanged)}"
            )
        parts.append(f"embedded {self.chunks_embedded} chunks and {self.sentences_embedded} sentences")
        lines = ["; ".join(parts)]
        for s in self.skipped:
            lines.append(f"skipped {s['path']}: {s['reason']}")
        return "\n".join(lines)


def writer_lock(index_dir: Path, timeout: float = 0) -> FileLock:
    index_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(index_dir / ".lock"), timeout=timeout)


def build_index(
    settings: Settings,
    embedder: Embedder,
    rebuild: bool = False,
    progress: bool = False,
    wait: float = 0,
) -> BuildReport:
    """Bring the index in settings.index_dir up to date with settings.corpus_dir."""
    t0 = time.perf_counter()
    try:
        with writer_lock(settings.index_dir, timeout=wait):
            report = _build_locked(settings, embedder, rebuild, progress)
    except Timeout:
        raise BuildError(
            f"another `qa index` is already updating {settings.index_dir}; wait for it to finish"
        ) from None
    report.seconds = round(time.perf_counter() - t0, 3)
    return report


def _build_locked(settings: Settings, embedder: Embedder, rebuild: bool, progress: bool) -> BuildReport:
    try:
        docs, skipped = load_corpus(settings.corpus_dir, settings.max_file_bytes)
    except DocumentError as e:
        raise BuildError(str(e)) from None
    report = BuildReport(skipped=[{"path": s.path, "reason": s.reason} for s in skipped])
    if not docs:
        raise BuildError(
            f"no readable documents in {settings.corpus_dir} "
            "(add .txt, .md or .html files; the existing index, if any, is kept)"
        )

    prev, reason = _previous(settings, embedder, rebuild)
    report.full_rebuild = prev is None
    report.rebuild_reason = reason
    prev_docs = {d["doc"]: d["sha256"] for d in prev.documents()} if prev else {}
    prev_by_sha = {sha: path for path, sha in prev_docs.items()}
    current_paths = {d.path for d in docs}

    records: list[store.DocRecord | None] = []
    fresh: list[tuple[int, Document]] = []
    chunk_vecs = sent_vecs = None
    if prev is not None:
        chunk_vecs = prev.chunk_vectors()
        sent_vecs = prev.sentence_vectors
    for doc in docs:
        old_path = doc.path if prev_docs.get(doc.path) == doc.sha256 else prev_by_sha.get(doc.sha256)
        if prev is not None and old_path is not None:
            rec = prev.doc_record(old_path, sent_vecs, chunk_vecs)
            rec.path = doc.path
            records.append(rec)
            if old_path == doc.path:
                report.unchanged.append(doc.path)
            else:
                report.renamed.append([old_path, doc.path])
            report.chunks_reused += len(rec.chunks)
            continue
        (report.changed if doc.path in prev_docs else report.added).append(doc.path)
        records.append(None)
        fresh.append((len(records) - 1, doc))
    report.removed = sorted(
        p for p in prev_docs if p not in current_paths and p not in {o for o, _ in report.renamed}
    )
    # a rename moves the old path away only if nothing else still has it
    report.removed += sorted(
        o for o, n in report.renamed if o not in current_paths and o not in report.removed
    )
    report.removed = sorted(set(report.removed))

    if prev is not None and not fresh and not report.removed and not report.renamed:
        report.up_to_date = True
        report.generation = prev.generation
        _fill_counts(report, prev.manifest["counts"])
        prev.close()
        return report

    _embed_fresh(fresh, records, settings, embedder, prev, sent_vecs, chunk_vecs, report, progress)
    if prev is not None:
        prev.close()

    manifest = {
        "model": getattr(embedder, "identity", embedder.name),
        "dim": embedder.dim,
        "chunker": settings.chunker_settings(),
        "built_at": store.now_iso(),
        "files": {
            r.path: {"sha256": r.sha256, "items": len(r.items), "chunks": len(r.chunks)} for r in records
        },
        "skipped": report.skipped,
    }
    gen = store.write_generation(settings.index_dir, records, manifest, settings.exact_search_max)
    store.publish(settings.index_dir, gen)
    store.cleanup(settings.index_dir)
    report.generation = gen.name
    _fill_counts(
        report,
        {
            "documents": len(records),
            "items": sum(len(r.items) for r in records),
            "chunks": sum(len(r.chunks) for r in records),
            "sentences": sum(len(r.sentences) for r in records),
        },
    )
    return report


def _fill_counts(report: BuildReport, counts: dict) -> None:
    report.documents = counts["documents"]
    report.items = counts["items"]
    report.chunks = counts["chunks"]
    report.sentences = counts["sentences"]


def _previous(settings: Settings, embedder: Embedder, rebuild: bool) -> tuple[store.Index | None, str | None]:
    """The live generation if it can be built upon, else None and the reason for a full rebuild."""
    if rebuild:
        return None, "requested with --rebuild"
    if store.current_generation(settings.index_dir) is None:
        return None, "no index yet"
    try:
        prev = store.Index.open(settings.index_dir)
    except store.IndexProblem:
        return None, "the existing index is damaged"
    m = prev.manifest
    model = getattr(embedder, "identity", embedder.name)
    why = None
    if m.get("model") != model or m.get("dim") != embedder.dim:
        why = f"embedding model changed ({m.get('model')} -> {model})"
    elif m.get("chunker") != settings.chunker_settings():
        why = "chunking settings changed"
    elif m.get("format") != store.FORMAT_VERSION:
        why = "index format changed"
    if why:
        prev.close()
        return None, why
    return prev, None


def _embed_fresh(fresh, records, settings, embedder, prev, sent_vecs, chunk_vecs, report, progress) -> None:
    """Chunk new and changed documents; embed only texts whose content no stored vector has."""
    skeys, ckeys = prev.keyed_vectors() if prev is not None else ({}, {})
    pending: dict[str, str] = {}  # key -> text to embed
    parsed = []
    for slot, doc in fresh:
        sents = document_sentences(doc, embedder.fits)
        chunks = chunk_document(doc, sents, settings.chunk_tokens, settings.overlap_sentences, embedder.fits)
        for x in (*sents, *chunks):
            if x.key not in skeys and x.key not in ckeys:
                pending.setdefault(x.key, x.text)
        parsed.append((slot, doc, sents, chunks))

    keys = list(pending)
    vecs = embedder.encode([pending[k] for k in keys], progress=progress) if keys else None
    new_rows = {k: i for i, k in enumerate(keys)}
    n_chunk_keys = {c.key for _, _, _, cs in parsed for c in cs}
    report.chunks_embedded = sum(1 for k in keys if k in n_chunk_keys)
    report.sentences_embedded = len(keys) - report.chunks_embedded

    def vector(key: str) -> np.ndarray:
        if key in new_rows:
            return vecs[new_rows[key]]
        if key in skeys:
            return sent_vecs[skeys[key]]
        return chunk_vecs[ckeys[key]]

    dim = embedder.dim
    for slot, doc, sents, chunks in parsed:
        records[slot] = store.DocRecord(
            path=doc.path,
            sha256=doc.sha256,
            text=doc.text,
            items=[
                store.ItemInfo(doc.path, it.index, it.title, it.date, it.start, it.end) for it in doc.items
            ],
            sentences=[(s.item, s.start, s.end, s.key) for s in sents],
            chunks=[
                (c.item, c.start, c.end, c.first_sentence, c.n_sentences, c.tokens, c.key) for c in chunks
            ],
            sentence_vectors=np.array([vector(s.key) for s in sents], dtype=np.float32).reshape(-1, dim),
            chunk_vectors=np.array([vector(c.key) for c in chunks], dtype=np.float32).reshape(-1, dim),
        )
