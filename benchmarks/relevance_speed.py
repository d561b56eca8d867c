#!/usr/bin/env python
"""Latency of a relevance model (qa/answer/matcher.py; benchmarks/relevance_model.py, an experiment): one question's
candidates scored at once.

    python benchmarks/relevance_speed.py [--counts 5 10 20 30] [--questions 40] [--threads 1] [--model FILE] [--float]

Candidates are real sentences of the bundled corpus (corpus/), the N sharing the most words with
each question (the kind the answer step hands over); questions are the dev questions'
texts (only their wording is used). Prints p50 / p95 ms per question for each N, warm, in one
process, after a warm-up call, as wall-clock and as CPU time (equal on an idle machine with
one thread; on a busy shared one the wall clock includes waiting for a core); the first call of a fresh machine also
exports the ONNX file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.ingest.chunking import split_sentences  # noqa: E402
from benchmarks.eval_relevance import load_scorer  # noqa: E402
from qa.answer.matcher import MODEL_FILE  # noqa: E402

from benchmarks.shared_data import DEV, need  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--counts", type=int, nargs="+", default=[5, 10, 20, 30])
    ap.add_argument("--questions", type=int, default=40)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--model", default=str(MODEL_FILE))
    ap.add_argument("--float", action="store_true", help="a cross-encoder on float32 ONNX, not int8")
    args = ap.parse_args()

    sentences = []
    for path in sorted((ROOT / "samples" / "corpus").glob("*")):  # the bundled documents, not the user's corpus/
        text = path.read_text(encoding="utf-8", errors="replace")
        for para in text.split("\n"):
            sentences += [para[a:b] for a, b in split_sentences(para) if len(para[a:b]) > 30]
    questions = [
        json.loads(line)["question"]
        for line in need(DEV).read_text(encoding="utf-8").splitlines() if line.strip()
    ][: args.questions]
    words = [set(re.findall(r"\w+", s.lower())) for s in sentences]
    model, meta = load_scorer(args.model, args.threads, quantized=not args.float)
    print(f"model {args.model} ({meta['format']}), {args.threads} thread(s); "
          f"{len(sentences)} corpus sentences, mean {np.mean([len(s) for s in sentences]):.0f} chars")
    for n in args.counts:
        times, cpu = [], []
        for q in questions:
            qw = set(re.findall(r"\w+", q.lower()))
            best = np.argsort([-len(qw & w) for w in words], kind="stable")[:n]
            cands = [sentences[i] for i in best]
            model.score(q, cands[:2])  # warm
            t0, c0 = time.perf_counter(), time.process_time()
            model.score(q, cands)
            times.append(1000 * (time.perf_counter() - t0))
            cpu.append(1000 * (time.process_time() - c0))
        # CPU time is what the call costs on an idle core: on a shared machine the wall clock
        # also counts the time other processes held the cores
        print(f"{n:3d} candidates: wall p50 {np.percentile(times, 50):6.1f} ms, "
              f"p95 {np.percentile(times, 95):6.1f} ms; CPU p50 {np.percentile(cpu, 50):6.1f} ms")


if __name__ == "__main__":
    main()
