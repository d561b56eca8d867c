#!/usr/bin/env python
"""Every figure of issue 13's bars, per question set, with default settings, end to end.

    python benchmarks/quality.py [--sets dev dev2 squad1 squad2 xquad] [--limit N] [--json FILE]

Sets (benchmarks/qsets.py): dev and dev2 over the bundled corpus; squad1 = the SQuAD v1.1
sample of `benchmarks/squad.py --sample 2000 --seed 0`; squad2 = the SQuAD 2.0 dev half asked
open-corpus (all 614 paragraphs indexed, every question against all of them); xquad = XQuAD-en
dev half, open-corpus. Indexes are built once into benchmarks/out/ and re-used (run the first
time under `nice`: SQuAD takes minutes on 2 cores). Per-question rows go to
benchmarks/out/quality/<set>.jsonl (--out DIR: elsewhere). Prints per set: answer hit@1, cited right document,
recall@1/@5, unanswerable -> "not found", answerable wrongly abstained, share of answers with a
short answer and its precision, share right at confidence >= 0.8, latency, and a calibration
table (confidence bucket -> share right).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import qsets  # noqa: E402
from benchmarks.quality_metrics import calibration, calibration_table, figures, span_right, table  # noqa: E402
from qa.answer.shown import within_cap  # noqa: E402
from qa.app.service import QAService  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.evaluate import contains_gold  # noqa: E402


def service_for(key: str, embedder=None) -> QAService:
    """The service over a set's corpus, its index built or updated (cached under benchmarks/out)."""
    settings = Settings().with_(corpus_dir=qsets.corpus_dir(key), index_dir=qsets.index_dir(key))
    service = QAService(settings, embedder=embedder)
    t0 = time.perf_counter()
    report = service.build()
    print(f"[{key}] index: {report.summary().splitlines()[0]} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return service


def ask_all(service: QAService, questions, k: int = 5) -> list[dict]:
    rows = []
    for q in questions:
        t0 = time.perf_counter()
        r = service.ask(q.question, k)
        ms = (time.perf_counter() - t0) * 1000
        a, passages = r.answer, r.passages[:k]
        span = a.span_text if a is not None else None
        rows.append({
            "question": q.question,
            "answerable": q.answerable,
            "gold": q.answers,
            "doc": q.doc,
            "answered": a is not None,
            "answer": None if a is None else a.text,
            "answer_doc": None if a is None else a.doc,
            "confidence": None if a is None else a.score,
            "hit1": a is not None and q.answerable and within_cap(a.text, a.sentence_text)
            and contains_gold(a.text, q.answers),
            # the answer sentence alone, without the sentence before it that a back-reference brings
            "alone_hit1": a is not None and q.answerable and contains_gold(a.sentence_text, q.answers),
            "with_before": a is not None and a.sentence_start is not None,
            "doc_ok": a is not None and q.doc is not None and a.doc == q.doc,
            "r1": bool(passages) and contains_gold(passages[0].chunk.text, q.answers),
            "r5": any(contains_gold(p.chunk.text, q.answers) for p in passages),
            "span": span,
            "span_ok": bool(span) and q.answerable and span_right(span, q.answers),
            "ms": ms,
        })
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=list(qsets.REPORTED), choices=list(qsets.SOURCES))
    ap.add_argument("--limit", type=int, default=0, help="ask only the first N questions of each set (quick looks)")
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--json", help="also write the figures and calibration tables to this file")
    ap.add_argument("--out", type=Path, default=qsets.OUT / "quality",
                    help="where the per-question rows go (<set>.jsonl; default: quality/ beside the indexes)")
    args = ap.parse_args()

    results, cals, services = {}, {}, {}
    embedder = None
    out = args.out
    for name in args.sets:
        try:
            qs = qsets.load(name)
        except FileNotFoundError as e:
            print(f"skipped {name}: {e} is missing (the shared data folder sits beside the repository)")
            continue
        if qs.corpus not in services:
            services[qs.corpus] = service_for(qs.corpus, embedder)
            embedder = services[qs.corpus].embedder
        questions = qs.questions[: args.limit] if args.limit else qs.questions
        rows = ask_all(services[qs.corpus], questions, args.k)
        out.mkdir(parents=True, exist_ok=True)
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        results[name], cals[name] = figures(rows), calibration(rows)
        print(f"{name}: {json.dumps(results[name])}", flush=True)
    if not results:
        return
    print()
    print(table(results))
    print()
    print(calibration_table(cals))
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": results, "calibration": cals}, indent=1))


if __name__ == "__main__":
    main()
