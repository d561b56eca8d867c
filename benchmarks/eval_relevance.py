#!/usr/bin/env python
"""Sentence ranking with the relevance model vs. the current sentence model, on held-out questions.

    python benchmarks/eval_relevance.py [--sets dev dev2 squad2 xquad] [--top 30] [--limit 400]
        [--model qa/answer/relevance.safetensors] [--features benchmarks/out/features]

Reads the candidate sentences the pipeline really scores (every sentence of the 10 retrieved
passages) from the feature cache that benchmarks/answer_data.py writes (<set>.v1.pkl), so
retrieval is not re-run. Per set, over answerable questions that the relevance model was never
trained on and whose candidates hold a gold answer, the share whose top-1 sentence holds one:
- current: ordered by the log-linear sentence model (qa/answer/weights.py WEIGHTS);
- relevance@N: the current model's top N re-ordered by the relevance logit alone;
- sum@N: current score + relevance logit (an unfitted sum, only to show the signals add up).
dev and dev2 (bundled corpus) were never trained on. Of the SQuAD-based sets only questions
outside the training pool count: the relevance training's held-out articles and the reported
SQuAD sample (benchmarks/squad.py --sample 2000 --seed 0).
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.train_relevance import SQUAD, SQUAD2_OTHER_HALF, held_out_articles  # noqa: E402
from benchmarks.squad import write_corpus  # noqa: E402
from qa import answer  # noqa: E402
from benchmarks import relevance_model as relevance  # noqa: E402
from qa.answer import matcher  # noqa: E402


class _Loose:
    """Stands in for the cache's own record class: only its attributes are read here."""

    def __setstate__(self, state):
        self.__dict__.update(state)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        # the cache's record classes, and rows pickled before a module moved: attributes suffice
        if module.startswith("benchmarks."):
            return _Loose
        try:
            return super().find_class(module, name)
        except (ImportError, AttributeError):
            return _Loose


def load_scorer(path: str, threads: int = 1, quantized: bool = True):
    """The matcher or the cross-encoder in a shipped file (by its format), and its metadata;
    the cross-encoder on int8 ONNX unless not `quantized`."""
    try:
        return matcher.Matcher(path), matcher.read_metadata(path)
    except relevance.RelevanceError:
        return relevance.RelevanceModel(path, threads=threads, quantized=quantized), relevance.read_metadata(path)


def held_out_squad(val_articles: list[str]) -> set[str]:
    """Question texts of SQuAD v1.1 the relevance model never trained on."""
    data = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    every = write_corpus(SQUAD, ROOT / "benchmarks/out/squad-corpus")
    out = {q.question.strip() for q in random.Random(0).sample(every, 2000)}
    for a in data:
        if a["title"] in val_articles or a["title"] in SQUAD2_OTHER_HALF:
            out.update(qa["question"].strip() for p in a["paragraphs"] for qa in p["qas"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["dev", "dev2", "squad2", "xquad"])
    ap.add_argument("--features", default=str(ROOT / "benchmarks/out/features"))
    ap.add_argument("--model", default=str(matcher.MODEL_FILE), help="a matcher or a cross-encoder file")
    ap.add_argument("--top", type=int, nargs="+", default=[10, 20, 30])
    ap.add_argument("--limit", type=int, default=400, help="questions per SQuAD-based set (seeded sample)")
    args = ap.parse_args()

    model, meta = load_scorer(args.model)
    squad = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    val = held_out_articles(squad, int(meta.get("seed", 0)), int(meta.get("val_articles", 3)))
    held = held_out_squad(val)
    names = list(answer.WEIGHTS)
    w = np.array([answer.WEIGHTS[n] for n in names])
    top_n = max(args.top)
    print(f"model {args.model} identity {model.identity}; held-out articles {val}")
    for name in args.sets:
        path = Path(args.features) / f"{name}.v1.pkl"
        if not path.exists():
            print(f"{name}: no feature cache at {path} (run benchmarks/answer_data.py --sets {name})")
            continue
        with open(path, "rb") as f:
            data = _Unpickler(f).load()
        data = [a for a in data if a.question.answerable and np.asarray(a.y).any()]
        if name not in ("dev", "dev2"):
            data = [a for a in data if a.question.question.strip() in held]
            if len(data) > args.limit:
                data = random.Random(0).sample(data, args.limit)
        counts = {"current": 0, **{f"relevance@{n}": 0 for n in args.top}, **{f"sum@{n}": 0 for n in args.top}}
        t0 = time.perf_counter()
        for a in data:
            cur = np.array([[f[n] for n in names] for _, _, f in a.feats]) @ w
            order = np.argsort(-cur, kind="stable")[:top_n]
            texts = [a.feats[i][0].text for i in order]
            logits = model.score(a.question.question, texts)
            y = np.asarray(a.y)[order]
            counts["current"] += bool(y[0])
            for n in args.top:
                counts[f"relevance@{n}"] += bool(y[int(np.argmax(logits[:n]))])
                counts[f"sum@{n}"] += bool(y[int(np.argmax(cur[order][:n] + logits[:n]))])
        secs = time.perf_counter() - t0
        line = ", ".join(f"{k} {100 * v / max(1, len(data)):.1f}" for k, v in counts.items())
        print(f"{name} (n={len(data)}, {secs:.0f} s): {line}", flush=True)


if __name__ == "__main__":
    main()
