#!/usr/bin/env python
"""End-to-end `QAService.ask` latency in one warm process, and where the time goes.

    python benchmarks/query_speed.py [--corpus bundled squad] [--questions 300] [--backend torch]

bundled: an index of corpus/ in benchmarks/out/scale-bundled-index (built if missing), the dev
questions (../shared/eval/dev_seeds.jsonl), each asked 5 times.
squad: benchmarks/out/squad-index (read only; benchmarks/squad.py builds it), a seeded sample of
SQuAD dev questions.
For 100k and 1M passages see benchmarks/scale.py.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.answer import pick_answer  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.embed import make_embedder  # noqa: E402
from qa.lang import analyze  # noqa: E402
from qa.retrieve import retrieve  # noqa: E402
from qa.app.service import QAService, clean_question  # noqa: E402

OUT = ROOT / "benchmarks/out"
sys.path.insert(0, str(ROOT))
from benchmarks.shared_data import DEV, SQUAD, need  # noqa: E402


def ms(xs: list[float], p: float) -> float:
    return float(np.percentile(np.array(xs) * 1000, p))


def step_times(service: QAService, questions: list[str]) -> dict[str, list[float]]:
    """The steps of QAService.ask timed one by one (seconds per question, per step)."""
    s, index = service.settings, service.index()
    parts: dict[str, list[float]] = {"encode": [], "dense": [], "bm25": [], "retrieve": [], "answer": []}
    for q in questions:
        text, _ = clean_question(q, s.max_question_chars)
        t0 = time.perf_counter()
        qvec = service.embedder.encode([text], role="query")[0]
        t1 = time.perf_counter()
        terms = analyze(text)
        index.faiss.search(qvec.reshape(1, -1), s.candidates)
        t2 = time.perf_counter()
        index.lexical.scores(terms)
        t3 = time.perf_counter()
        passages = retrieve(index, qvec, terms, max(s.top_k, s.answer_pool), s.candidates)
        t4 = time.perf_counter()
        pick_answer(text, qvec, terms, passages, index)
        t5 = time.perf_counter()
        for k, v in zip(parts, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            parts[k].append(v)
    return parts


def ask_times(service: QAService, questions: list[str], warm_up: int = 10) -> list[float]:
    """Seconds of each `service.ask`, after asking the first `warm_up` questions untimed."""
    for q in questions[:warm_up]:
        service.ask(q)
    out = []
    for q in questions:
        t0 = time.perf_counter()
        service.ask(q)
        out.append(time.perf_counter() - t0)
    return out


def measure(service: QAService, questions: list[str]) -> str:
    total = ask_times(service, questions)
    index = service.index()
    parts = step_times(service, questions)
    return (
        f"ask p50 {ms(total, 50):.1f} ms, p95 {ms(total, 95):.1f} ms ({len(total)} asks, "
        f"{index.faiss.ntotal:,} passages, {index.manifest.get('index_type')}); p50 ms: "
        + ", ".join(f"{k} {ms(v, 50):.1f}" for k, v in parts.items())
        + " (retrieve = dense + bm25 + fusion + SQLite rows)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=["bundled", "squad"])
    ap.add_argument("--questions", type=int, default=300)
    ap.add_argument("--backend", default="torch")
    args = ap.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores)")
    emb = make_embedder(Settings().model, 32, args.backend)
    for name in args.corpus:
        if name == "bundled":
            s = Settings().with_(corpus_dir=ROOT / "samples" / "corpus",
                                 index_dir=OUT / f"scale-bundled-index-{args.backend}")
            service = QAService(s, embedder=emb)
            service.build()
            qs = [json.loads(line)["question"] for line in need(DEV).read_text().splitlines() if line.strip()] * 5
        else:
            service = QAService(Settings().with_(index_dir=OUT / "squad-index"), embedder=emb)
            data = json.loads(need(SQUAD).read_text(encoding="utf-8"))["data"]
            qs = [qa["question"] for a in data for p in a["paragraphs"] for qa in p["qas"]]
            qs = random.Random(0).sample(qs, args.questions)
        print(f"{name} ({args.backend}): {measure(service, qs)}")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
