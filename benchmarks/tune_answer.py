#!/usr/bin/env python
"""Fit the answer-sentence weights (qa/answer.py WEIGHTS) by random search.

    python benchmarks/tune_answer.py [--squad-sample 600] [--seed 1] [--trials 3000]

Features are computed once per question (retrieval included), then weight vectors are drawn at
random and scored by answer hit@1 on: a seeded SQuAD dev sample (indexed by benchmarks/squad.py)
and the dev questions over the bundled corpus, weighted equally. Prints the best weights and,
for abstention, the best candidate's score distribution for answerable vs unanswerable questions.
Use a different seed here than the one benchmarks/squad.py reports on.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.squad import write_corpus  # noqa: E402
from qa import answer  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.evaluate import contains_gold, load_jsonl  # noqa: E402
from qa.lexical import analyze  # noqa: E402
from qa.retrieve import retrieve  # noqa: E402
from qa.service import QAService  # noqa: E402

FEATURES = list(answer.WEIGHTS)


def collect(service: QAService, questions) -> list[tuple[np.ndarray, np.ndarray, bool]]:
    """Per question: feature matrix of its candidates, which candidates contain gold, answerable."""
    out = []
    index = service.index()
    for q in questions:
        qvec = service.embedder.encode([q.question])[0]
        terms = analyze(q.question)
        passages = retrieve(index, qvec, terms, 8, service.settings.candidates)
        feats = answer.sentence_features(q.question, qvec, terms, passages, index)
        if not feats:
            continue
        X = np.array([[f[name] for name in FEATURES] for _, _, f in feats])
        y = np.array([contains_gold(row.text, q.answers) for row, _, _ in feats])
        out.append((X, y, q.answerable))
    return out


def hit_rate(data, w) -> float:
    hits = [y[int(np.argmax(X @ w))] for X, y, ok in data if ok]
    return float(np.mean(hits)) if hits else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad-sample", type=int, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--trials", type=int, default=3000)
    args = ap.parse_args()
    out = ROOT / "benchmarks/out"

    dev = QAService(Settings().with_(corpus_dir=ROOT / "corpus", index_dir=out / "dev-index"))
    dev.build()
    dev_data = collect(dev, load_jsonl(ROOT.parent / "shared/eval/dev_seeds.jsonl"))
    sq_questions = write_corpus(ROOT.parent / "shared/data/squad/dev-v1.1.json", out / "squad-corpus")
    sq_questions = random.Random(args.seed).sample(sq_questions, args.squad_sample)
    sq = QAService(
        Settings().with_(corpus_dir=out / "squad-corpus", index_dir=out / "squad-index"),
        embedder=dev.embedder,
    )
    sq.build()
    sq_data = collect(sq, sq_questions)

    def objective(w):
        return 0.5 * hit_rate(dev_data, w) + 0.5 * hit_rate(sq_data, w)

    current = np.array([answer.WEIGHTS[f] for f in FEATURES])
    best_w, best = current, objective(current)
    print(f"current weights: dev {hit_rate(dev_data, current):.3f} squad {hit_rate(sq_data, current):.3f}")
    rng = np.random.default_rng(0)
    for t in range(args.trials):
        if t % 2:
            w = best_w + rng.normal(0, 0.08, len(FEATURES))
        else:
            w = rng.uniform(-0.2, 1.0, len(FEATURES))
        s = objective(w)
        if s > best:
            best_w, best = w, s
    best_w = best_w / np.abs(best_w).sum()
    print(f"best weights: dev {hit_rate(dev_data, best_w):.3f} squad {hit_rate(sq_data, best_w):.3f}")
    print("WEIGHTS = {" + ", ".join(f'"{f}": {v:.3f}' for f, v in zip(FEATURES, best_w)) + "}")


if __name__ == "__main__":
    main()
