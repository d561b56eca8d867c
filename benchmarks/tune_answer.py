#!/usr/bin/env python
"""Fit the answer model in qa/answer/weights.py: sentence WEIGHTS, PASSAGE_WEIGHTS and the CONFIDENCE model.

    python benchmarks/tune_answer.py [--squad-sample 8500] [--seed 1] [--keep-weights] [--report] [--cv 5]

1. Sentences: features are computed once per question (retrieval included); the weights of the
   log-linear sentence model maximise the likelihood that the softmax over a question's candidate
   sentences puts its mass on sentences holding a gold answer (listwise, L2-regularised, gradient
   ascent), over a seeded SQuAD dev sample (indexed by benchmarks/squad.py) and the dev questions
   over the bundled corpus, weighted --dev-share : 1 - --dev-share.
   Passages: with those weights fixed, the passage model (answer.passage_features) is fitted the
   same way, the gold items being the passages that hold a gold answer (--passage-dev-share).
2. Abstention: a logistic model (non-negative weights) of "the corpus holds the answer", trained
   on the SQuAD sample asked twice: once normally, once with the question's own paragraph removed
   from retrieval (the usual way to make realistic unanswerable questions), and on the dev
   questions. The threshold is the highest that abstains on at most 10% of the answerable dev
   questions.
Prints the constants to paste into qa/answer/weights.py. The SQuAD fitting sample never includes a
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
from dataclasses import dataclass, fields, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.squad import write_corpus  # noqa: E402
from benchmarks.baseline_confidence import abstain_features  # noqa: E402
from qa import answer  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.evaluate import GoldQuestion, contains_gold, load_jsonl  # noqa: E402
from qa.lang import analyze  # noqa: E402
from qa.retrieve import retrieve  # noqa: E402
from qa.app.service import QAService  # noqa: E402

RANK = list(answer.WEIGHTS)
PASS = list(answer.PASSAGE_WEIGHTS)
CONF = list(answer.CONFIDENCE_WEIGHTS)


@dataclass
class Asked:
    """One question asked: its candidate sentences with their features, and what is gold."""

    X: np.ndarray  # candidate x RANK feature
    y: np.ndarray  # candidate: holds a gold answer
    ok: bool  # answerable, and asked with its own paragraph in reach
    question: GoldQuestion
    terms: list[str]
    feats: list  # (sentence row, passage, features) as answer.sentence_features returns them
    passages: list  # the retrieved passages, in retrieval order
    pgold: np.ndarray  # passage: holds a gold answer


def collect(service: QAService, questions, drop_gold: bool = False) -> list[Asked]:
    """Every question retrieved and turned into candidate features, once."""
    out = []
    index = service.index()
    for q in questions:
        qvec = service.embedder.encode([q.question], role="query")[0]
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
        pgold = np.array([contains_gold(p.chunk.text, q.answers) for p in passages])
        out.append(Asked(X, y, q.answerable and not drop_gold, q, terms, feats, passages, pgold))
    return out


def ranked(a: Asked, w: np.ndarray) -> list[answer.Candidate]:
    """The question's candidates scored by sentence weights w, best first (answer.candidates)."""
    scores = a.X @ w
    return sorted(
        (answer.Candidate(r, p, f, float(s)) for (r, p, f), s in zip(a.feats, scores)), key=lambda c: -c.score
    )


@dataclass
class Lists:
    """Per question, a list of items (sentences or passages) as padded arrays: one fit, one scorer."""

    X: np.ndarray  # question x item x feature
    mask: np.ndarray  # question x item: a real item, not padding
    y: np.ndarray  # question x item: holds a gold answer
    ok: np.ndarray  # question: answerable (and asked with its own paragraph)

    def take(self, rows: np.ndarray) -> Lists:
        return Lists(*(getattr(self, f.name)[rows] for f in fields(self)))


def pad(items: list[tuple[np.ndarray, np.ndarray]], ok: list[bool], n_features: int) -> Lists:
    q, c = len(items), max((len(y) for _, y in items), default=0)
    out = Lists(np.zeros((q, c, n_features)), np.zeros((q, c), bool), np.zeros((q, c), bool), np.array(ok, bool))
    for i, (X, y) in enumerate(items):
        out.X[i, :len(y)], out.mask[i, :len(y)], out.y[i, :len(y)] = X, True, y
    return out


def sentence_lists(data: list[Asked]) -> Lists:
    return pad([(a.X, a.y) for a in data], [a.ok for a in data], len(RANK))


def passage_lists(data: list[Asked], w: np.ndarray) -> Lists:
    """Passage features (answer.passage_features) under sentence weights w; gold = holds an answer."""
    items = []
    for a in data:
        feats = answer.passage_features(a.passages, ranked(a, w))
        keep = [i for i, p in enumerate(a.passages) if p.chunk.id in feats]
        X = np.array([[feats[a.passages[i].chunk.id][n] for n in PASS] for i in keep]).reshape(len(keep), len(PASS))
        items.append((X, a.pgold[keep]))
    return pad(items, [a.ok for a in data], len(PASS))


def top_hit(d: Lists, w) -> float:
    """Share of answerable questions whose best-scored item holds a gold answer.

    On sentences this is answer hit@1 before abstention; on passages, recall@1."""
    top = np.where(d.mask, d.X @ w, -np.inf).argmax(axis=1)
    hits = d.y[np.arange(len(top)), top][d.ok]
    return float(hits.mean()) if hits.size else 0.0


def listwise(
    parts: list[tuple[float, Lists]], l2: float = 1e-3, steps: int = 1500, lr: float = 0.5, standardize: bool = False
) -> np.ndarray:
    """Weights maximising the mean log softmax-probability of the gold items, per data set share.

    Gradient ascent; with standardize the features are centred and scaled first (and the weights
    returned in raw units), which makes it converge in the same steps whatever the features' scales.
    The sentence weights were fitted without it and are kept (see docs/quality.md)."""
    parts = [(share, d.take(d.ok & d.y.any(axis=1))) for share, d in parts]
    n = parts[0][1].X.shape[2]
    real = np.concatenate([d.X[d.mask] for _, d in parts])
    mu, sd = (real.mean(axis=0), real.std(axis=0) + 1e-9) if standardize else (np.zeros(n), np.ones(n))
    parts = [(share, replace(d, X=(d.X - mu) / sd)) for share, d in parts]
    z = np.zeros(n)
    for _ in range(steps):
        grad = -l2 * z
        for share, d in parts:
            s = np.where(d.mask, d.X @ z, -np.inf)
            p = np.exp(s - s.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            pg = p * d.y
            grad += share * np.einsum("qcf,qc->f", d.X, pg / pg.sum(axis=1, keepdims=True) - p) / max(1, len(s))
        z += lr * grad
    return z / sd  # a constant shift per item list (mu) changes no softmax


@dataclass(frozen=True)
class Shares:
    """Weight of the dev questions (against the SQuAD sample) in each fit."""

    sentences: float = 0.4
    passages: float = 0.3


def fit_both(dev: list[Asked], fit: list[Asked], shares: Shares, sentence_w: np.ndarray | None = None):
    """Sentence weights (unless given), then passage weights on top of them."""
    if sentence_w is None:
        sentence_w = listwise([(shares.sentences, sentence_lists(dev)), (1 - shares.sentences, sentence_lists(fit))])
    passage_w = listwise(
        [(shares.passages, passage_lists(dev, sentence_w)), (1 - shares.passages, passage_lists(fit, sentence_w))],
        standardize=True,
    )
    return sentence_w, passage_w


def scores_of(data: list[Asked], sentence_w: np.ndarray, passage_w: np.ndarray) -> tuple[float, float]:
    """Answer hit@1 (before abstention) and passage recall@1."""
    return top_hit(sentence_lists(data), sentence_w), top_hit(passage_lists(data, sentence_w), passage_w)


def cross_validate(
    dev: list[Asked], fit: list[Asked], shares: Shares, folds: int, sentence_w: np.ndarray | None = None
) -> tuple[float, float]:
    """Hit@1 and recall@1 on each fold of the SQuAD fitting sample, fitted without that fold
    (the passage weights always; the sentence weights unless given)."""
    fold = np.arange(len(fit)) % folds
    results = []
    for k in range(folds):
        train = [a for a, f in zip(fit, fold) if f != k]
        test = [a for a, f in zip(fit, fold) if f == k]
        results.append(scores_of(test, *fit_both(dev, train, shares, sentence_w)))
    h, r = np.mean(results, axis=0)
    return float(h), float(r)


def conf_rows(data: list[Asked], w: np.ndarray, index):
    """Abstention features of the best candidate under weights w, and whether it is right."""
    rows = []
    for a in data:
        cands = ranked(a, w)
        f = abstain_features(cands)
        right = a.ok and contains_gold(cands[0].sentence.text, a.question.answers)
        rows.append(([f[n] for n in CONF], right, a.ok))
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
    ap.add_argument("--squad-sample", type=int, default=8500,
                    help="SQuAD questions to fit on (8,500: all but the reported 2,000, less duplicates)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep-weights", action="store_true",
                    help="keep the sentence WEIGHTS; fit only the passage and abstention models")
    ap.add_argument("--dev-weight", type=float, default=1.0,
                    help="weight of the dev questions in the confidence fit, relative to all SQuAD rows")
    ap.add_argument("--dev-share", type=float, default=Shares.sentences,
                    help="weight of the dev set in the sentence fit")
    ap.add_argument("--passage-dev-share", type=float, default=Shares.passages,
                    help="weight of the dev set in the passage fit")
    ap.add_argument("--report", action="store_true", help="also score the reported SQuAD sample (seed 0)")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="also print K-fold cross-validated hit@1 / recall@1 on the fitting sample: "
                    "the estimate to compare features by, without looking at the reported sample")
    args = ap.parse_args()
    out = ROOT / "benchmarks/out"

    from benchmarks.shared_data import DEV, SQUAD, need

    need(DEV), need(SQUAD)  # one Error: line, not a traceback, without ../shared
    dev = QAService(Settings().with_(corpus_dir=ROOT / "samples" / "corpus", index_dir=out / "dev-index"))
    dev.build()
    dev_data = collect(dev, load_jsonl(DEV))
    every = write_corpus(SQUAD, out / "squad-corpus")
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
    shares = Shares(args.dev_share, args.passage_dev_share)

    def show(label, sentence_w, passage_w):
        line = f"{label}:"
        for name, data in (("dev", dev_data), ("squad-fit", sq_data), ("squad-reported", report)):
            if data:
                h, r = scores_of(data, sentence_w, passage_w)
                line += f" {name} hit@1 {h:.4f} R@1 {r:.4f};"
        print(line, flush=True)

    best_w = np.array([answer.WEIGHTS[f] for f in RANK])
    show("current", best_w, np.array([answer.PASSAGE_WEIGHTS[f] for f in PASS]))
    best_w, passage_w = fit_both(dev_data, sq_data, shares, best_w if args.keep_weights else None)
    show("fitted", best_w, passage_w)
    if args.cv:
        h, r = cross_validate(dev_data, sq_data, shares, args.cv, best_w if args.keep_weights else None)
        print(f"squad-fit {args.cv}-fold cross-validated: hit@1 {h:.4f} R@1 {r:.4f}", flush=True)
    print("WEIGHTS = {" + ", ".join(f'"{f}": {v:.3f}' for f, v in zip(RANK, best_w)) + "}")
    print("PASSAGE_WEIGHTS = {" + ", ".join(f'"{f}": {v:.3f}' for f, v in zip(PASS, passage_w)) + "}")

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
        f"squad abstained {np.mean(p_sq < threshold):.3f}, "
        f"squad-without-gold abstained {np.mean(p_neg < threshold):.3f}"
    )
    print("CONFIDENCE_WEIGHTS = {" + ", ".join(f'"{f}": {v:.3f}' for f, v in zip(CONF, cw)) + "}")
    print(f"CONFIDENCE_BIAS = {cb:.3f}")
    print(f"ABSTAIN_BELOW = {threshold:.3f}")


if __name__ == "__main__":
    main()
