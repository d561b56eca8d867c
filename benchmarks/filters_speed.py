#!/usr/bin/env python
"""A filtered question at 1M passages against the unfiltered p50 (bar: at most 1.2x).

    python benchmarks/filters_speed.py [--passages 1000000] [--questions 200] [--rebuild] [--build-only]

Writes (once) a synthetic generation with `qa.store.write_generation`: passages of ~30 words drawn
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

from qa import store  # noqa: E402
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
    run_timings(folder, args.questions)


class LookupEmbedder:
    """Stands in for the model: each benchmark question's vector was made beforehand."""

    name = identity = "synthetic"
    dim = DIM

    def __init__(self, vectors: dict[str, np.ndarray]):
        self.vectors = vectors

    def encode(self, texts, role="passage", progress=None):
        return np.vstack([self.vectors[t] for t in texts]).astype(np.float32)

    def fits(self, text):
        return True


FILTERS = {
    "10 % (one year of ten)": dict(since="2019", until="2019"),
    "0.1 % (four days)": dict(since="2020-03-01", until="2020-03-04"),
    "10 % (10 of 100 folders)": dict(sources=tuple(f"src-{i:02d}/" for i in range(10))),
}


def run_timings(folder: Path, n_questions: int) -> None:
    from qa.app.service import QAService
    from qa.contracts import Filters
    from qa.retrieve import retrieve

    settings = Settings().with_(index_dir=folder)
    index = store.Index.open(folder)
    rng = np.random.default_rng(1)
    rows = rng.choice(index.size, n_questions, replace=False)
    vectors, texts = {}, []
    for r, chunk in zip(rows, index.chunks([int(x) for x in rows])):
        words = chunk.text.rstrip(".").split()
        text = "What about " + " ".join(rng.choice(words, 4, replace=False)) + "?"
        v = np.asarray(index.chunk_vectors()[r], dtype=np.float32) + rng.normal(0, 0.03, DIM).astype(np.float32)
        vectors[text] = v / np.linalg.norm(v)
        texts.append(text)
    t0 = time.perf_counter()
    facts = index.row_facts()
    print(f"{index.size:,} passages, {len(facts.item_doc):,} items, {index.manifest.get('index_type')}; "
          f"per-row filter facts read in {time.perf_counter() - t0:.2f} s (once per generation, in the background)")
    index.close()
    service = QAService(settings, embedder=LookupEmbedder(vectors))
    index = service.index()
    modes = {"unfiltered": Filters()} | {k: Filters(**v) for k, v in FILTERS.items()}
    for name, f in modes.items():
        if not f.empty:
            t0 = time.perf_counter()
            sel = index.select(f)
            print(f"  {name}: {sel.n_items:,} items, {sel.n_rows:,} passages ({100 * sel.n_rows / index.size:.2f} %); "
                  f"mask built in {1000 * (time.perf_counter() - t0):.0f} ms (then cached)")
    for t in texts[:10]:  # warm-up
        for f in modes.values():
            service.ask(t, 5, f)
    ask_t = {k: [] for k in modes}
    ret_t = {k: [] for k in modes}
    names = list(modes)
    for i, t in enumerate(texts):
        q = vectors[t]
        terms = __import__("qa.lang", fromlist=["analyze"]).analyze(t)
        for name in names[i % len(names):] + names[: i % len(names)]:  # rotate: load drifts
            f = modes[name]
            mask = None if f.empty else index.select(f).rows
            t0 = time.perf_counter()
            retrieve(index, q, terms, 10, settings.candidates, mask)
            ret_t[name].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            r = service.ask(t, 5, f)
            ask_t[name].append(time.perf_counter() - t0)
            assert f.empty or len(r.passages) == 5 or r.answer is not None or len(r.passages) > 0
    base_a, base_r = np.median(ask_t["unfiltered"]), np.median(ret_t["unfiltered"])
    print(f"{len(texts)} questions, p50 ms (ratio to unfiltered); ask = everything after encoding the question")
    for name in names:
        a, r = np.median(ask_t[name]), np.median(ret_t[name])
        print(f"  {name:26} ask {1000 * a:6.1f} ({a / base_a:.2f}x)  p95 {1000 * np.percentile(ask_t[name], 95):6.1f}"
              f"   retrieve {1000 * r:6.1f} ({r / base_r:.2f}x)")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores)", file=sys.stderr)
    main()
