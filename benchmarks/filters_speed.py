#!/usr/bin/env python
"""A filtered question at 1M passages against the unfiltered p50 (bar: at most 1.2x).

    python benchmarks/filters_speed.py [--passages 1000000] [--questions 200] [--rebuild] [--build-only]

Writes (once) a synthetic generation with `qa.index.write_generation`: passages of ~30 words drawn
from a Zipf-distributed vocabulary (so BM25 has common and rare terms), clustered unit vectors,
100 passages per document in 10 items of 10 passages, every item dated on a random day of
2015-2024, documents spread over 100 folders. No model is needed: a question is a random
passage's vector with noise and 4 of its words.

Then, in one warm process, times the store's masked search + fusion + answer selection (everything
`ask` does after encoding the question) for the same questions:
unfiltered; a date range keeping ~10 % of items (one year of ten); a range keeping ~0.1 %
(four days); a source filter keeping 10 % (ten folders of 100). Also: how long building a
filter's mask takes the first time (later questions with the same filter reuse it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import index as store  # noqa: E402
from qa.config import Settings  # noqa: E402

PER_DOC = 100
PER_ITEM = 10
FOLDERS = 100
DIM = 384
START = dt.date(2015, 1, 1)
DAYS = (dt.date(2024, 12, 31) - START).days + 1


def vocabulary(n: int = 20_000, seed: int = 0) -> list[str]:
    rng = np.random.default_rng(seed)
    letters = np.array(list("abcdefghijklmnoprstuvwy"))
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(letters, rng.integers(4, 10))))
    return sorted(words)


def synthesize(folder: Path, n: int, exact_search_max: int, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    vocab = np.array(vocabulary())
    zipf = 1.0 / np.arange(1, len(vocab) + 1) ** 1.05
    zipf /= zipf.sum()
    centers = rng.normal(size=(2000, DIM)).astype(np.float32)
    docs = []
    t0 = time.perf_counter()
    for d in range(0, n, PER_DOC):
        m = min(PER_DOC, n - d)
        words = vocab[rng.choice(len(vocab), size=(m, 30), p=zipf)]
        texts = [" ".join(w) + "." for w in words]
        vec = centers[rng.integers(0, len(centers), m)] + rng.normal(scale=1.2, size=(m, DIM)).astype(np.float32)
        vec /= np.linalg.norm(vec, axis=1, keepdims=True)
        text = "\n".join(texts)
        pos, sentences, chunks, items = 0, [], [], []
        path = f"src-{(d // PER_DOC) % FOLDERS:02d}/{d // PER_DOC:06d}.txt"
        for j, t in enumerate(texts):
            item = j // PER_ITEM
            sentences.append((item, pos, pos + len(t), f"s{d + j}"))
            chunks.append((item, pos, pos + len(t), j, 1, 0, f"c{d + j}"))
            if j % PER_ITEM == 0:
                day = START + dt.timedelta(days=int(rng.integers(0, DAYS)))
                items.append(store.ItemInfo(path, item, f"Item {d + j}", day.isoformat(), pos, pos))
            pos += len(t) + 1
        items = [store.ItemInfo(it.doc, it.index, it.title, it.date, it.start,
                                chunks[min(len(chunks) - 1, (it.index + 1) * PER_ITEM - 1)][2]) for it in items]
        docs.append(store.DocRecord(path=path, sha256=f"{d:064x}", text=text, items=items, sentences=sentences,
                                    chunks=chunks, sentence_vectors=vec.astype(np.float16).astype(np.float32),
                                    chunk_vectors=vec))
    print(f"synthesized {n:,} passages in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    manifest = {"model": "synthetic", "dim": DIM, "chunker": Settings().chunker_settings(),
                "built_at": store.now_iso(), "files": {}, "skipped": [], "synthetic": True}
    t0 = time.perf_counter()
    gen = store.write_generation(folder, docs, manifest, exact_search_max)
    store.publish(folder, gen)
    print(f"wrote {gen.name} in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return gen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, default=1_000_000)
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--out", default=None, help="index folder (default benchmarks/out/filters-<n>)")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--build-only", action="store_true")
    args = ap.parse_args()
    folder = Path(args.out or ROOT / f"benchmarks/out/filters-{args.passages}")
    if args.rebuild or store.current_generation(folder) is None:
        synthesize(folder, args.passages, Settings().exact_search_max)
    if args.build_only:
        return
    from benchmarks.filters_timing import run_timings

    run_timings(folder, args.questions)


if __name__ == "__main__":
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores)", file=sys.stderr)
    main()
