#!/usr/bin/env python
"""Question time spent on the language of indexed text: the first question on a freshly opened
generation and the p50 after it, with how often the language detector runs on indexed text.

    python benchmarks/language_speed.py INDEX [--questions 200] [--runs 5] [--xquad ../shared/data/xquad]

INDEX is an index folder (e.g. the mixed English + Russian XQuAD index that benchmarks/xquad_mixed.py
builds in benchmarks/out/xquad-index-mixed). Questions: the XQuAD development half's, English and
Russian alternately (the first --questions). Every question vector is encoded before timing, with the
model the index was built with, so what is timed is retrieval and the answer step (`retrieve` +
`pick_answer`, as `QAService.ask` runs them); each run opens the generation afresh (nothing cached
from the run before), times its first question alone, then the rest.

The detector (qa.lang.detection.detect) is counted on texts that are not the question: before store
format 3, retrieval detected every candidate chunk's language at question time (once per chunk and
generation) and the answer step every candidate sentence's. The time inside those calls is printed beside their
number: the timings of whole questions move more with the load of a shared machine than by that.
Runs against another checkout's `qa` with the same APIs (`cd CHECKOUT && PYTHONPATH=$PWD python
/path/to/language_speed.py INDEX`), so the same INDEX can be measured before and after a change.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("index", type=Path)
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--xquad", type=Path, default=ROOT.parent / "shared" / "data" / "xquad")
    args = ap.parse_args()

    from benchmarks.xquad import load
    from qa import store
    from qa.answer import pick_answer
    from qa.config import CANDIDATES, Settings, runtime_env
    from qa.embed import make_embedder
    from qa.embed.choose import model_for_index
    import qa.lang.detection as detection
    from qa.lang import analyze
    from qa.retrieve import retrieve

    runtime_env()
    paragraphs = {code: load(args.xquad, code) for code in ("en", "ru")}
    by_lang = {code: [q for p in paragraphs[code] for q, _ in p["qas"].values()] for code in ("en", "ru")}
    questions = [q for pair in zip(by_lang["en"], by_lang["ru"]) for q in pair][: args.questions]

    gen = store.current_generation(args.index)
    if gen is None:
        raise SystemExit(f"Error: no index in {args.index}")
    probe = store.Index(gen)
    identity, fmt, n_chunks = probe.manifest["model"], probe.manifest.get("format"), probe.size
    probe.close()
    settings = Settings().with_(index_dir=args.index)
    model, backend = model_for_index(settings, identity)
    embedder = make_embedder(model, settings.batch_size, backend)
    vectors = embedder.encode(questions, role="query")
    terms = [analyze(q) for q in questions]
    pool = max(settings.top_k, settings.answer_pool)

    real = detection.detect
    asked = {"q": ""}
    calls = {"n": 0, "s": 0.0}

    def counting(text, default=None):
        if text == asked["q"]:
            return real(text, default)
        t0 = time.perf_counter()
        try:
            return real(text, default)
        finally:
            calls["n"] += 1
            calls["s"] += time.perf_counter() - t0

    detection.detect = counting
    first_ms, rest_ms, first_calls, rest_calls, first_det, rest_det = [], [], [], [], [], []
    for _ in range(args.runs):
        index = store.Index(gen)  # a fresh reader: no per-generation cache survives from the last run
        for i, (q, v, t) in enumerate(zip(questions, vectors, terms)):
            asked["q"] = q
            calls["n"], calls["s"] = 0, 0.0
            t0 = time.perf_counter()
            passages = retrieve(index, v, t, pool, CANDIDATES)
            pick_answer(q, v, t, passages, index, identity)
            dt = (time.perf_counter() - t0) * 1000
            (first_ms if i == 0 else rest_ms).append(dt)
            (first_calls if i == 0 else rest_calls).append(calls["n"])
            (first_det if i == 0 else rest_det).append(calls["s"] * 1000)
        index.close()
    detection.detect = real
    print(f"index {args.index} ({gen.name}, format {fmt}, {identity}, {n_chunks} chunks); "
          f"{len(questions)} questions x {args.runs} runs; load average {os.getloadavg()[0]:.1f} (2 cores)")
    print(f"first question on a fresh reader: median {statistics.median(first_ms):.1f} ms "
          f"(runs: {', '.join(f'{x:.0f}' for x in first_ms)}); detector calls on indexed text: "
          f"{statistics.median(first_calls):.0f}, {statistics.median(first_det):.2f} ms")
    print(f"later questions: p50 {np.percentile(rest_ms, 50):.1f} ms, p95 {np.percentile(rest_ms, 95):.1f} ms; "
          f"detector calls on indexed text per question: mean {np.mean(rest_calls):.1f}, {np.mean(rest_det):.3f} ms")


if __name__ == "__main__":
    main()
