#!/usr/bin/env python
"""Held-out figures of the answerability model (benchmarks/answerable_model.py) against the matcher.

    python benchmarks/eval_answerable.py --features /work/cache/fit/features \
        --fold-models benchmarks/out/answerable/fold{}.safetensors --folds 3 [--sets squad2 dev2] \
        [--write-scores DIR]

Per question of the answer step's feature caches (benchmarks/answer_data.py: the pipeline's
candidate sentences, every sentence of the retrieved passages, asked open-corpus), the max score
over its candidates, and how well that tells answerable from unanswerable questions: ROC AUC, and
the share of unanswerable questions below the threshold that wrongly abstains on 10 % / 15 % of the
answerable ones. A SQuAD question is scored by the fold model that never saw its article
(train_answerable.fold_of); other questions (bundled corpus, the other SQuAD 2.0 half) by the
all-articles model. The matcher (qa/answer/matcher.py) was trained on the SQuAD 2.0 half's articles except
Harvard_University and Victoria_(Australia): its figures on that set are in-sample except the
line for those two articles. --write-scores writes every candidate's score, aligned with the
cache (<set>.v1.answerable-<identity of the model>.pkl), for the answer model's fit.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import answer_data  # noqa: E402
from benchmarks.train_answerable import fold_of  # noqa: E402
from benchmarks.answerable_model import MODEL_FILE, AnswerabilityModel  # noqa: E402

MATCHER_HELD = ("Harvard_University", "Victoria_(Australia)")


def doc_title(doc: str | None) -> str | None:
    return doc.rsplit("_", 1)[0] if doc and doc.endswith(".txt") else None


def rates(scores: np.ndarray, ok: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import roc_auc_score

    if ok.all() or not ok.any():
        return {"n": int(len(ok))}
    out = {"n": int(len(ok)), "unanswerable": int((~ok).sum()), "auc": round(float(roc_auc_score(ok, scores)), 4)}
    for fa in (10, 15):
        t = np.percentile(scores[ok], fa)  # abstain below: fa % of the answerable questions
        out[f"nf@{fa}"] = round(100 * float((scores[~ok] < t).mean()), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--features", default=str(answer_data.CACHE))
    ap.add_argument("--sets", nargs="+", default=["squad2", "dev2", "dev"])
    ap.add_argument("--fold-models", default=str(ROOT / "benchmarks/out/answerable/fold{}.safetensors"))
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--model", default=str(MODEL_FILE),
                    help="the model trained on all articles (train_answerable.py without --fold)")
    ap.add_argument("--no-matcher", action="store_true")
    ap.add_argument("--write-scores", default=None)
    args = ap.parse_args()

    full = AnswerabilityModel(args.model)
    fold_models = [AnswerabilityModel(args.fold_models.format(k)) for k in range(args.folds)]
    folds = {re.sub(r"\W+", "_", t)[:60]: k for t, k in fold_of(args.folds).items()}
    back = {re.sub(r"\W+", "_", t)[:60]: t for t in fold_of(args.folds)}
    m = None
    if not args.no_matcher:
        from qa.answer.matcher import default_matcher

        m = default_matcher()
    print(f"answerable model {full.identity}, folds {[f.identity for f in fold_models]}; matcher "
          f"{m.identity if m else '-'}", flush=True)
    for name in args.sets:
        path = Path(args.features) / answer_data.path_for(name).name
        with open(path, "rb") as f:
            data = answer_data._Unpickler(f).load()
        new, old, ok, hit_new, hit_old, titles, per_cand = [], [], [], [], [], [], []
        for a in data:
            sents = [r.text for r, _, _ in a.feats]
            ctxs = [p.chunk.text for _, p, _ in a.feats]
            title = doc_title(a.question.doc)
            k = folds.get(title) if title else None
            model = full if k is None else fold_models[k]
            s = model.score(a.question.question, sents, ctxs) - model.no_answer
            per_cand.append(s.astype(np.float32))
            new.append(float(s.max()))
            ok.append(a.ok)
            titles.append(back.get(title, title))
            if m is not None:
                o = m.score(a.question.question, sents)
                old.append(float(o.max()))
            if a.ok and a.y.any():
                hit_new.append(bool(a.y[int(s.argmax())]))
                if m is not None:
                    hit_old.append(bool(a.y[int(o.argmax())]))
        ok_a = np.array(ok)
        print(f"\n{name}: {len(data)} questions ({path})")
        print(f"  answerable model (held out by article): {rates(np.array(new), ok_a)}; "
              f"sentence top-1 {100 * np.mean(hit_new):.1f} of {len(hit_new)}")
        if m is not None:
            print(f"  matcher: {rates(np.array(old), ok_a)}; sentence top-1 {100 * np.mean(hit_old):.1f}")
        sel = np.array([t in MATCHER_HELD for t in titles])
        if sel.any():
            print(f"  articles the matcher never saw {MATCHER_HELD}: answerable model "
                  f"{rates(np.array(new)[sel], ok_a[sel])}"
                  + (f"; matcher {rates(np.array(old)[sel], ok_a[sel])}" if m is not None else ""))
        if args.write_scores:
            out = Path(args.write_scores) / f"{answer_data.path_for(name).stem}.answerable-{full.identity}.pkl"
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "wb") as f:
                pickle.dump(per_cand, f, protocol=pickle.HIGHEST_PROTOCOL)
            print(f"  wrote {out}")


if __name__ == "__main__":
    main()
