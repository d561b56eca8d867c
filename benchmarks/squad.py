#!/usr/bin/env python
"""Retrieval and answer accuracy on SQuAD v1.1 dev: 2,067 paragraphs as documents.

    python benchmarks/squad.py [--sample 2000] [--seed 0] [--all]

Writes each paragraph to benchmarks/out/squad-corpus/ as one file, indexes it into
benchmarks/out/squad-index (incrementally: a second run re-uses the index), asks a seeded sample
of questions (or all 10,570 with --all) and prints the metrics, also per question word.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.build import console_progress  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.evaluate import GoldQuestion, evaluate  # noqa: E402
from qa.app.service import QAService  # noqa: E402

from benchmarks.shared_data import SQUAD, need  # noqa: E402


def write_corpus(squad: Path, out: Path) -> list[GoldQuestion]:
    """One .txt file per paragraph (skipped if already there); returns every question."""
    out.mkdir(parents=True, exist_ok=True)
    data = json.loads(squad.read_text(encoding="utf-8"))["data"]
    questions = []
    for article in data:
        title = re.sub(r"\W+", "_", article["title"])[:60]
        for i, para in enumerate(article["paragraphs"]):
            name = f"{title}_{i:03d}.txt"
            path = out / name
            if not path.exists():
                path.write_text(para["context"], encoding="utf-8")
            for qa in para["qas"]:
                answers = sorted({a["text"] for a in qa["answers"]})
                questions.append(GoldQuestion(qa["question"], answers, True, name, qa["question"].split()[0].lower()))
    return questions


def wh_word(q: str) -> str:
    m = re.search(r"\b(what|which|who|whom|whose|when|where|why|how)\b", q.lower())
    return m.group(1) if m else "other"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad", default=str(SQUAD))
    ap.add_argument("--out", default=str(ROOT / "benchmarks/out"))
    ap.add_argument("--sample", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("-k", type=int, default=5)
    args = ap.parse_args()
    need(args.squad, "--squad")

    out = Path(args.out)
    questions = write_corpus(Path(args.squad), out / "squad-corpus")
    if not args.all:
        questions = random.Random(args.seed).sample(questions, min(args.sample, len(questions)))
    service = QAService(
        Settings().with_(corpus_dir=out / "squad-corpus", index_dir=out / "squad-index")
    )
    t0 = time.perf_counter()
    report = service.build(progress=console_progress())
    print(f"index: {report.summary().splitlines()[0]} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    result = evaluate(service, questions, k=args.k)
    print(json.dumps(result["metrics"], indent=1))
    by = defaultdict(list)
    for r in result["rows"]:
        by[wh_word(r["question"])].append(r)
    print("per question word: n, answer hit@1, recall@1, recall@5")
    for w, rows in sorted(by.items(), key=lambda x: -len(x[1])):
        n = len(rows)
        print(
            f"  {w:6s} {n:5d}  {100 * sum(r['hit1'] for r in rows) / n:5.1f}"
            f"  {100 * sum(r['r1'] for r in rows) / n:5.1f}  {100 * sum(r['r5'] for r in rows) / n:5.1f}"
        )


if __name__ == "__main__":
    main()
