#!/usr/bin/env python
"""Query speed, approximate-search recall and memory at 100k and 1M passages (synthetic corpus).

    python benchmarks/scale.py --passages 1000000 [--questions 300] [--rebuild]

Synthesizes a generation with `qa.store.write_generation` from the real SQuAD dev sentences and
their real MiniLM vectors (read from benchmarks/out/squad-index, which benchmarks/squad.py builds):
every passage is two sentences drawn at random, every sentence vector is the real one plus noise
(so no two rows are equal), every passage vector is the normalised sum of its sentences' vectors.
Texts and vectors therefore agree, and SQuAD questions encoded by the model are realistic queries
for the whole code path: dense search, BM25, SQLite metadata, answer selection.

Prints, from one warm process: model-only RSS, RSS after opening the index and after the
questions; `QAService.ask` p50/p95 and where the time goes; recall@10 of the index against exact
search for encoded questions and for perturbed stored vectors.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import store  # noqa: E402
from qa.config import Settings  # noqa: E402

sys.path.insert(0, str(ROOT))
from benchmarks.shared_data import SQUAD, need  # noqa: E402
SOURCE = ROOT / "benchmarks/out/squad-index"
PER_DOC = 100  # passages per synthetic document


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_source(source: Path = SOURCE):
    gen = store.current_generation(source)
    if gen is None:
        sys.exit(f"no index in {source}: run benchmarks/squad.py first (or pass --source)")
    conn = sqlite3.connect(f"file:{gen / 'meta.sqlite'}?mode=ro", uri=True)
    texts = [t for (t,) in conn.execute("SELECT text FROM sentences ORDER BY id")]
    vecs = np.load(gen / "sentences.npy").astype(np.float32)  # float16 in indexes written since 2026-11-22
    keep = [i for i, t in enumerate(texts) if 20 <= len(t) <= 400]
    return [texts[i] for i in keep], np.ascontiguousarray(vecs[keep])


def synthesize(folder: Path, n: int, exact_search_max: int, seed: int = 0, source: Path = SOURCE) -> Path:
    texts, vecs = load_source(source)
    rng = np.random.default_rng(seed)
    dim = vecs.shape[1]
    docs = []
    t0 = time.perf_counter()
    for d in range(0, n, PER_DOC):
        m = min(PER_DOC, n - d)
        pick = rng.integers(0, len(texts), size=(m, 2))
        svec = vecs[pick.reshape(-1)] + rng.normal(0, 0.025, size=(2 * m, dim)).astype(np.float32)
        svec /= np.linalg.norm(svec, axis=1, keepdims=True)
        cvec = svec[0::2] + svec[1::2]
        cvec /= np.linalg.norm(cvec, axis=1, keepdims=True)
        parts, sentences, chunks, pos = [], [], [], 0
        for j, (a, b) in enumerate(pick):
            start = pos
            for k, sid in enumerate((a, b)):
                t = texts[sid]
                sentences.append((0, pos, pos + len(t), f"s{d + j}.{k}"))
                parts.append(t)
                pos += len(t) + 1
            chunks.append((0, start, pos - 1, 2 * j, 2, 0, f"c{d + j}"))
        text = " ".join(parts)
        docs.append(
            store.DocRecord(
                path=f"synthetic/{d // PER_DOC:06d}.txt",
                sha256=f"{d:064x}",
                text=text,
                items=[store.ItemInfo(f"synthetic/{d // PER_DOC:06d}.txt", 0, f"Synthetic {d // PER_DOC}", None, 0,
                                      len(text))],
                sentences=sentences,
                chunks=chunks,
                sentence_vectors=svec.astype(np.float32),
                chunk_vectors=cvec.astype(np.float32),
            )
        )
    print(f"synthesized {n:,} passages in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    manifest = {"model": "model", "dim": dim, "chunker": Settings().chunker_settings(),
                "built_at": store.now_iso(), "files": {}, "skipped": [], "synthetic": True}
    t0 = time.perf_counter()
    gen = store.write_generation(folder, docs, manifest, exact_search_max)
    store.publish(folder, gen)
    print(f"wrote {gen.name} in {time.perf_counter() - t0:.1f} s; peak RSS of synthesis + write "
          f"{peak_rss_mb():,.0f} MB", file=sys.stderr)
    return gen


def squad_questions(n: int, seed: int = 0) -> list[str]:
    data = json.loads(need(SQUAD).read_text(encoding="utf-8"))["data"]
    qs = [qa["question"] for a in data for p in a["paragraphs"] for qa in p["qas"]]
    return random.Random(seed).sample(qs, n)


def pct(xs: list[float], p: float) -> float:
    return float(np.percentile(np.array(xs) * 1000, p))


def exact_top(vectors: np.ndarray, queries: np.ndarray, k: int, block: int = 200_000) -> np.ndarray:
    best_s = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), 0), dtype=np.int64)
    for s in range(0, len(vectors), block):
        sc = queries @ np.asarray(vectors[s : s + block]).T
        ids = np.argpartition(-sc, min(k, sc.shape[1] - 1), axis=1)[:, :k]
        best_s = np.hstack([best_s, np.take_along_axis(sc, ids, 1)])
        best_i = np.hstack([best_i, ids + s])
        o = np.argsort(-best_s, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(best_s, o, 1), np.take_along_axis(best_i, o, 1)
    return best_i


def recall_at(approx: np.ndarray, exact: np.ndarray) -> float:
    return float(np.mean([len(set(a) & set(e)) / len(e) for a, e in zip(approx, exact)]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--questions", type=int, default=300)
    ap.add_argument("--out", default=None, help="index folder (default benchmarks/out/scale-<n>)")
    ap.add_argument("--exact-search-max", type=int, default=Settings().exact_search_max)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--source", type=Path, default=SOURCE,
                    help="index of SQuAD dev whose sentences and vectors are drawn from (benchmarks/squad.py)")
    ap.add_argument("--backend", default="auto",
                    help="encoder backend: auto (what the app uses: onnx), torch, onnx, onnx-int8")
    ap.add_argument("--nprobe", type=int, nargs="*", default=[], help="also report recall at these nprobe")
    ap.add_argument("--set-nprobe", type=int, default=None,
                    help="ask with this nprobe (default: the stored one; qa.store.writer.ivf_params for a new build)")
    args = ap.parse_args()
    folder = Path(args.out or ROOT / f"benchmarks/out/scale-{args.passages}")
    if args.rebuild or store.current_generation(folder) is None:
        synthesize(folder, args.passages, args.exact_search_max, source=args.source)

    from benchmarks.query_speed import ask_times, step_times
    from qa.app.service import QAService

    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores)")
    rss0 = rss_mb()
    from qa.embed import make_embedder

    service = QAService(Settings().with_(index_dir=folder), embedder=make_embedder(Settings().model, 32, args.backend))
    service.embedder.encode(["warm up"])
    rss_model = rss_mb()
    t0 = time.perf_counter()
    index = service.index()
    t_open = time.perf_counter() - t0
    rss_open = rss_mb()
    n, dim = index.faiss.ntotal, index.faiss.d
    if args.set_nprobe is not None:
        index.faiss.nprobe = args.set_nprobe
    if hasattr(index.faiss, "nprobe"):
        print(f"IVF: nlist {index.faiss.nlist}, nprobe {index.faiss.nprobe}")
    raw_mb = n * dim * 4 / 2**20
    print(f"passages {n:,}, index_type {index.manifest.get('index_type')}, opened in {t_open:.2f} s")

    questions = squad_questions(args.questions)
    times = ask_times(service, questions)
    parts = step_times(service, questions)  # the same steps as QAService.ask, timed one by one
    again = ask_times(service, questions, warm_up=0)
    rss_end = rss_mb()
    rollup = {k: int(v.split()[0]) / 1024 for k, v in (
        line.split(":", 1) for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:])}
    print(f"RSS after questions: anonymous {rollup['Anonymous']:.0f} MB, file-backed "
          f"{rollup['Rss'] - rollup['Anonymous']:.0f} MB (memory-mapped files: page cache the kernel can drop)")
    files: dict[str, float] = {}
    cur = None
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and len(head) >= 5:
            cur = head[5] if len(head) > 5 else "[anon]"
        elif line.startswith("Rss:") and cur:
            files[cur] = files.get(cur, 0) + int(head[1]) / 1024
    print("  largest mappings (MB): " + ", ".join(
        f"{Path(k).name} {v:.0f}" for k, v in sorted(files.items(), key=lambda x: -x[1])[:8]))
    print(f"ask: p50 {pct(times, 50):.1f} ms, p95 {pct(times, 95):.1f} ms, max {pct(times, 100):.1f} ms "
          f"({len(times)} SQuAD questions, first time: pages of the index files may come from disk)")
    print(f"ask, same questions again (index pages cached): p50 {pct(again, 50):.1f} ms, "
          f"p95 {pct(again, 95):.1f} ms, max {pct(again, 100):.1f} ms")
    print("  where the time goes (p50 ms): " + ", ".join(f"{k} {pct(v, 50):.1f}" for k, v in parts.items())
          + "  (retrieve includes dense + bm25 + fusion + SQLite rows)")
    print(f"RSS MB: python {rss0:.0f}, +model {rss_model:.0f}, +index open {rss_open:.0f}, "
          f"after questions {rss_end:.0f}; raw float32 chunk vectors {raw_mb:.0f} MB; "
          f"budget model + 1.3 x raw = {rss_model + 1.3 * raw_mb:.0f} MB")

    # approximate vs exact recall@10
    qv = service.embedder.encode(questions)
    vecs = index.chunk_vectors()
    rng = np.random.default_rng(1)
    stored = np.asarray(vecs[np.sort(rng.choice(n, len(questions), replace=False))])
    pert = stored + rng.normal(0, 0.03, stored.shape).astype(np.float32)
    pert /= np.linalg.norm(pert, axis=1, keepdims=True)
    t0 = time.perf_counter()
    ex_q, ex_p = exact_top(vecs, qv, 10), exact_top(vecs, pert, 10)
    t_exact = (time.perf_counter() - t0) / (2 * len(questions))
    nprobes = ([getattr(index.faiss, "nprobe", None)]
               + [x for x in args.nprobe if x != getattr(index.faiss, "nprobe", None)])
    for npb in nprobes:
        if npb is not None:
            index.faiss.nprobe = npb
        t0 = time.perf_counter()
        _, aq = index.faiss.search(qv, 10)
        _, apn = index.faiss.search(pert, 10)
        t_ap = (time.perf_counter() - t0) / (2 * len(questions))
        print(f"recall@10 vs exact (nprobe {npb}): encoded questions {recall_at(aq, ex_q):.4f}, "
              f"perturbed stored vectors {recall_at(apn, ex_p):.4f}; search {t_ap * 1000:.2f} ms/query "
              f"(batched) vs exact numpy {t_exact * 1000:.1f} ms/query")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
