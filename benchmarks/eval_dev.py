#!/usr/bin/env python
"""Answer and retrieval accuracy on the dev questions over the bundled corpus.

    python benchmarks/eval_dev.py [--questions ../shared/eval/dev_seeds.jsonl] [--show-misses]

Builds (or updates) an index of corpus/ in benchmarks/out/dev-index and prints the metrics.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.config import Settings  # noqa: E402
from qa.evaluate import evaluate, load_jsonl  # noqa: E402
from qa.app.service import QAService  # noqa: E402

from benchmarks.shared_data import DEV, need  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--questions", default=str(DEV))
    ap.add_argument("--corpus", default=str(ROOT / "samples" / "corpus"))
    ap.add_argument("--index", default=str(ROOT / "benchmarks/out/dev-index"))
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args()

    need(args.questions, "--questions")  # before the model loads
    service = QAService(Settings().with_(corpus_dir=Path(args.corpus), index_dir=Path(args.index)))
    report = service.build()
    print(f"index: {report.summary().splitlines()[0]}", file=sys.stderr)
    result = evaluate(service, load_jsonl(Path(args.questions)), k=args.k)
    if args.show_misses:
        for r in result["rows"]:
            bad = (r["answerable"] and not r["hit1"]) or (not r["answerable"] and r["answer"])
            if bad:
                print(f"MISS {'A' if r['answerable'] else 'U'} r5={r['r5']} {r['question']}\n     -> {r['answer']}")
    print(json.dumps(result["metrics"], indent=1))


if __name__ == "__main__":
    main()
