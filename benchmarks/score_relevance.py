#!/usr/bin/env python
"""The cross-encoder's scores of the answer step's best candidates, held out by article.

    python benchmarks/score_relevance.py --fold-models '/work/cache/xenc/models/L2-fold{}.safetensors' \
        --folds 2 --model /work/cache/xenc/models/L2-fold0.safetensors [--sets ...] [--score-top 8] \
        [--top-dir DIR] [--out DIR]

Per question of benchmarks/relevance_data.py's lists (the shipped sentence model's --score-top best
candidates of each cached question), the logit of each, on ONNX Runtime int8 as at question time.
A SQuAD-style question (SQuAD 2.0 half, squad1-fit, the reported SQuAD v1.1 sample, XQuAD-en) is
scored by the fold model that never saw its article (benchmarks/train_relevance.py --fold K left
fold K's articles out); a question whose article is in no fold (the other SQuAD 2.0 half's
articles, never trained on) and the bundled corpus's dev / dev2 questions (never trained on) by
--model, the file the answer step would ship. Written per set to
OUT/<set>.xenc-<identity of --model>.pkl: per question {"index": candidate positions in the
feature cache, "score": their logits, "null": the scoring model's no-answer logit}; read by
benchmarks/fit_answer.py --rerank.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import answer_data, relevance_data  # noqa: E402
from benchmarks.qsets import BUNDLED  # noqa: E402
from benchmarks.train_relevance import article_folds, title_of  # noqa: E402
from benchmarks.relevance_model import RelevanceModel, identity  # noqa: E402


def path_for(out: Path, name: str, ident: str) -> Path:
    return out / f"{name}.xenc-{ident}.pkl"


def load(out: Path, name: str, ident: str) -> list[dict]:
    with open(path_for(out, name, ident), "rb") as f:
        return pickle.load(f)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=list(relevance_data.SETS))
    ap.add_argument("--fold-models", required=True, help="a file pattern with {} for the fold")
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0, help="the folds' seed (train_relevance.py --seed)")
    ap.add_argument("--model", required=True,
                    help="a model file, for questions outside every fold (none ships: docs/relevance.md)")
    ap.add_argument("--top", type=int, default=8, help="the --top relevance_data.py was run with")
    ap.add_argument("--score-top", type=int, default=8)
    ap.add_argument("--top-dir", default=str(answer_data.CACHE))
    ap.add_argument("--out", default=str(answer_data.CACHE))
    ap.add_argument("--float", action="store_true", help="float32 ONNX instead of int8")
    args = ap.parse_args()

    full = RelevanceModel(args.model, quantized=not args.float)
    fold_models = [RelevanceModel(args.fold_models.format(k), quantized=not args.float) for k in range(args.folds)]
    folds = article_folds(args.folds, args.seed)
    ident = identity(args.model)
    print(f"model {ident}, folds {[m.identity for m in fold_models]}", flush=True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.sets:
        t0 = time.perf_counter()
        rows = []
        for r in relevance_data.load(Path(args.top_dir), name, args.top):
            k = folds.get(title_of(r.doc) or "") if name not in BUNDLED else None
            m = full if k is None else fold_models[k]
            n = min(args.score_top, len(r.index))
            rows.append({"index": r.index[:n], "score": m.score(r.question, list(r.texts[:n])).astype(np.float32),
                         "null": m.no_answer})
        with open(path_for(out, name, ident), "wb") as f:
            pickle.dump(rows, f, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"{name}: {len(rows)} questions in {time.perf_counter() - t0:.0f} s -> {path_for(out, name, ident)}",
              flush=True)


if __name__ == "__main__":
    main()
