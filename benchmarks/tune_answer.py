#!/usr/bin/env python
"""Fit the answer model in qa/answer.py: sentence-ranking WEIGHTS and the CONFIDENCE model.

    python benchmarks/tune_answer.py [--squad-sample 8500] [--seed 1] [--dev-share 0.4] [--report] [--cv 5]

1. Ranking: features are computed once per question (retrieval included); the weights of the
   log-linear sentence model maximise the likelihood that the softmax over a question's candidate
   sentences puts its mass on sentences holding a gold answer (listwise, L2-regularised, gradient
   ascent), over a seeded SQuAD dev sample (indexed by benchmarks/squad.py) and the dev questions
   over the bundled corpus, weighted --dev-share : 1 - --dev-share.
2. Abstention: a logistic model (non-negative weights) of "the corpus holds the answer", trained
   on the SQuAD sample asked twice: once normally, once with the question's own paragraph removed
   from retrieval (the usual way to make realistic unanswerable questions), and on the dev
   questions. The threshold is the highest that abstains on at most 10% of the answerable dev
   questions.
Prints the constants to paste into qa/answer.py. The SQuAD fitting sample never includes a
question of the sample benchmarks/squad.py reports on (seed 0, 2,000), so reported SQuAD numbers
are held-out; --report also scores that sample here. Compare candidate features by --cv (K-fold
cross-validation inside the fitting sample), not by the reported sample, or it stops being held
out. The dev questions are both fitted and reported on (few and real): the dev figures are
optimistic.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, fields
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

RANK = list(answer.WEIGHTS)
CONF = list(answer.CONFIDENCE_WEIGHTS)


def collect(service: QAService, questions, drop_gold: bool = False):
    """Per question: (features of every candidate, gold flags, answerable, question, terms, passages)."""
    out = []
    index = service.index()
    for q in questions:
        qvec = service.embedder.encode([q.question])[0]
        terms = analyze(q.question)
        pool = service.settings.answer_pool
        passages = retrieve(index, qvec, terms, pool * 2 if drop_gold else pool, service.settings.candidates)
        if drop_gold:
            passages = [p for p in passages if p.chunk.doc != q.doc][:pool]
        feats = answer.sentence_features(q.question, qvec, terms, passages, index)
        if not feats:
            continue
        X = np.array([[f[n] for n in RANK] for _, _, f in feats])
        y = np.array([contains_gold(row.text, q.answers) for row, _, _ in feats])
        pos = {p.chunk.id: i for i, p in enumerate(passages)}
        passage_of = np.array([pos[p.chunk.id] for _, p, _ in feats])
        pscore = np.array([p.score for p in passages]) / (max(p.score for p in passages) or 1.0)
        pgold = np.array([contains_gold(p.chunk.text, q.answers) for p in passages])
        out.append((X, y, q.answerable and not drop_gold, q, terms, feats, passage_of, pscore, pgold))
    return out


@dataclass
class Packed:
    """A data set's candidates as padded arrays, so fitting and scoring are a few numpy calls."""

    X: np.ndarray  # question x candidate x feature
    mask: np.ndarray  # question x candidate: a real candidate, not padding
    y: np.ndarray  # question x candidate: holds a gold answer
    passage_of: np.ndarray  # question x candidate: index of its passage
    pscore: np.ndarray  # question x passage: retrieval score relative to the best
    pgold: np.ndarray  # question x passage: holds a gold answer
    pmask: np.ndarray  # question x passage: a real passage, not padding
    ok: np.ndarray  # question: answerable (and asked with its own paragraph)

    def take(self, rows: np.ndarray) -> Packed:
        return Packed(*(getattr(self, f.name)[rows] for f in fields(self)))


def pack(data) -> Packed:
    q, c = len(data), max(len(d[0]) for d in data)
    p = max(len(d[7]) for d in data)
    out = Packed(
        np.zeros((q, c, len(RANK))), np.zeros((q, c), bool), np.zeros((q, c)), np.zeros((q, c), int),
        np.zeros((q, p)), np.zeros((q, p), bool), np.zeros((q, p), bool), np.zeros(q, bool),
    )
    for i, (X, y, ok, _q, _t, _f, passage_of, pscore, pgold) in enumerate(data):
        n, m = len(y), len(pscore)
        out.X[i, :n], out.mask[i, :n], out.y[i, :n], out.passage_of[i, :n] = X, True, y, passage_of
        out.pscore[i, :m], out.pgold[i, :m], out.pmask[i, :m], out.ok[i] = pscore, pgold, True, ok
    return out


def _scores(d: Packed, w: np.ndarray) -> np.ndarray:
    return np.where(d.mask, d.X @ w, -np.inf)


def hit_rate(d: Packed, w) -> float:
    """Share of answerable questions whose best-scored sentence holds a gold answer."""
    top = _scores(d, w).argmax(axis=1)
    hits = d.y[np.arange(len(top)), top][d.ok]
    return float(hits.mean()) if hits.size else 0.0


def recall_at_1(d: Packed, w, prior: float = answer.PASSAGE_PRIOR) -> float:
    """Passage recall@1 after re-ranking passages by their best sentence (answer.rerank_passages)."""
    s = _scores(d, w)
    q = np.broadcast_to(np.arange(len(s))[:, None], s.shape)
    best = np.full(d.pscore.shape, -np.inf)
    np.maximum.at(best, (q[d.mask], d.passage_of[d.mask]), s[d.mask])
    top = np.where(d.pmask, best + prior * d.pscore, -np.inf).argmax(axis=1)
    hits = d.pgold[np.arange(len(top)), top][d.ok]
    return float(hits.mean()) if hits.size else 0.0


def listwise(parts: list[tuple[float, Packed]], n: int, l2: float = 1e-3, steps: int = 1500, lr: float = 0.5) -> np.ndarray:
    """Weights maximising the mean log softmax-probability of the gold sentences, per data set share."""
    w = np.zeros(n)
    parts = [(share, d.take(d.ok & d.y.any(axis=1))) for share, d in parts]
    for _ in range(steps):
        grad = -l2 * w
        for share, d in parts:
            s = _scores(d, w)
            p = np.exp(s - s.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            pg = p * d.y
            grad += share * np.einsum("qcf,qc->f", d.X, pg / pg.sum(axis=1, keepdims=True) - p) / max(1, len(s))
        w += lr * grad
    return w


def cross_validate(dev: Packed, fit: Packed, dev_share: float, folds: int) -> tuple[float, float]:
    """Hit@1 and recall@1 on each fold of the SQuAD fitting sample, fitted without that fold."""
    fold = np.arange(len(fit.ok)) % folds
    hits, recalls = [], []
    for k in range(folds):
        w = listwise([(dev_share, dev), (1 - dev_share, fit.take(fold != k))], len(RANK))
        hits.append(hit_rate(fit.take(fold == k), w))
        recalls.append(recall_at_1(fit.take(fold == k), w))
    return float(np.mean(hits)), float(np.mean(recalls))


def conf_rows(data, w, index):
    """Abstention features of the best candidate under weights w, and whether it is right."""
    saved = dict(answer.WEIGHTS)
    answer.WEIGHTS.update(dict(zip(RANK, w)))
    rows = []
    try:
        for X, y, ok, q, terms, feats, *_ in data:
            ranked = sorted(
                (answer.Candidate(r, p, f, answer.score(f)) for r, p, f in feats), key=lambda c: -c.score
            )
            f = answer.abstain_features(q.question, terms, ranked, index)
            right = ok and contains_gold(ranked[0].sentence.text, q.answers)
            rows.append(([f[n] for n in CONF], right, ok))
    finally:
        answer.WEIGHTS.clear()
        answer.WEIGHTS.update(saved)
    return rows


def logistic(
    X: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 0.01, steps: int = 6000
) -> tuple[np.ndarray, float]:
    """Weighted, L2-regularised logistic regression with non-negative weights (every feature is
    evidence for an answer, so none may count against one); fitted on standardised features by
    projected gradient descent and returned in the raw features' units."""
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-9
    Z = (X - mu) / sd
    w, b = np.zeros(X.shape[1]), 0.0
    weight = weight / weight.sum()
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(Z @ w + b)))
        g = (p - y) * weight
        w = np.maximum(0.0, w - 0.5 * (Z.T @ g + l2 * w))
        b -= 0.5 * g.sum()
    return w / sd, float(b - (w / sd) @ mu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad-sample", type=int, default=8500, help="SQuAD questions to fit on (8,500: all but the reported 2,000, less duplicates)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep-weights", action="store_true", help="fit only the abstention model")
    ap.add_argument("--dev-weight", type=float, default=1.0,
                    help="weight of the dev questions in the confidence fit, relative to all SQuAD rows")
    ap.add_argument("--dev-share", type=float, default=0.4, help="weight of the dev set in the ranking fit")
    ap.add_argument("--report", action="store_true", help="also score the reported SQuAD sample (seed 0)")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="also print K-fold cross-validated hit@1 / recall@1 on the fitting sample: "
                    "the estimate to compare features by, without looking at the reported sample")
    args = ap.parse_args()
    out = ROOT / "benchmarks/out"

    dev = QAService(Settings().with_(corpus_dir=ROOT / "corpus", index_dir=out / "dev-index"))
    dev.build()
    dev_data = collect(dev, load_jsonl(ROOT.parent / "shared/eval/dev_seeds.jsonl"))
    every = write_corpus(ROOT.parent / "shared/data/squad/dev-v1.1.json", out / "squad-corpus")
    reported = random.Random(0).sample(every, 2000)  # what benchmarks/squad.py reports on
    held = {(q.question, q.doc) for q in reported}
    sq_q = random.Random(args.seed).sample([q for q in every if (q.question, q.doc) not in held], args.squad_sample)
    sq = QAService(
        Settings().with_(corpus_dir=out / "squad-corpus", index_dir=out / "squad-index"), embedder=dev.embedder
    )
    sq.build()
    sq_data = collect(sq, sq_q)
    sq_neg = collect(sq, sq_q[:800], drop_gold=True)
    report = collect(sq, reported) if args.report else []
    dev_p, sq_p = pack(dev_data), pack(sq_data)
    report_p = pack(report) if report else None

    def show(label, w):
        line = (
            f"{label}: dev hit@1 {hit_rate(dev_p, w):.3f} R@1 {recall_at_1(dev_p, w):.3f}; "
            f"squad-fit hit@1 {hit_rate(sq_p, w):.3f} R@1 {recall_at_1(sq_p, w):.3f}"
        )
        if report_p is not None:
            line += f"; squad-reported hit@1 {hit_rate(report_p, w):.3f} R@1 {recall_at_1(report_p, w):.3f}"
        print(line, flush=True)

    w0 = np.array([answer.WEIGHTS[f] for f in RANK])
    show("current", w0)
    best_w = w0
    if not args.keep_weights:
        best_w = listwise([(args.dev_share, dev_p), (1 - args.dev_share, sq_p)], len(RANK))
        show("fitted", best_w)
        if args.cv:
            h, r = cross_validate(dev_p, sq_p, args.dev_share, args.cv)
            print(f"squad-fit {args.cv}-fold cross-validated: hit@1 {h:.4f} R@1 {r:.4f}", flush=True)
        print("WEIGHTS = {" + ", ".join(f'"{f}": {v:.3f}' for f, v in zip(RANK, best_w)) + "}")

    sq_rows = conf_rows(sq_data, best_w, sq.index())
    neg_rows = conf_rows(sq_neg, best_w, sq.index())
    dev_rows = conf_rows(dev_data, best_w, dev.index())
    # the dev questions are few but they are the kind of corpus and question this tool is for,
    # with real unanswerable ones: together they weigh --dev-weight times the SQuAD rows
    train = sq_rows + neg_rows + dev_rows
    X = np.array([r[0] for r in train])
    # the target is "the corpus holds the answer", not "the best sentence is right": abstaining
    # says the documents lack the answer, and a wrong pick among right passages is not that
    y = np.array([float(r[2]) for r in train])
    n_sq = len(sq_rows) + len(neg_rows)
    weight = np.array([1.0] * n_sq + [args.dev_weight * n_sq / max(1, len(dev_rows))] * len(dev_rows))
    cw, cb = logistic(X, y, weight)
    prob = lambda rows: 1 / (1 + np.exp(-(np.array([r[0] for r in rows]) @ cw + cb)))  # noqa: E731
    p_dev, p_sq, p_neg = prob(dev_rows), prob(sq_rows), prob(neg_rows)
    dev_ok = np.array([r[2] for r in dev_rows])
    # the highest threshold that abstains on at most 10% of the answerable dev questions
    threshold = float(np.quantile(p_dev[dev_ok], 0.10))
    print(
        f"abstain below {threshold:.3f}: dev answerable abstained {np.mean(p_dev[dev_ok] < threshold):.3f}, "
        f"dev unanswerable abstained {np.mean(p_dev[~dev_ok] < threshold):.3f}, "
        f"squad abstained {np.mean(p_sq < threshold):.3f}, squad-without-gold abstained {np.mean(p_neg < threshold):.3f}"
    )
    print("CONFIDENCE_WEIGHTS = {" + ", ".join(f'"{f}": {v:.3f}' for f, v in zip(CONF, cw)) + "}")
    print(f"CONFIDENCE_BIAS = {cb:.3f}")
    print(f"ABSTAIN_BELOW = {threshold:.3f}")


if __name__ == "__main__":
    main()
