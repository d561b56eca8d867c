#!/usr/bin/env python
"""The short-answer model (qa.answer.short): its fit, and a cross-validation of it by document.

    python benchmarks/fit_answer.py --cv 5 ... --report-squad1 --dump ROWS.json   # the answers, CV
    python benchmarks/fit_short.py ROWS.json [--target 0.85] [--misses 20]

`fit_span` is the fit benchmarks/fit_models.fit_all runs (so fit_answer.py and fit_e5.py write its
weights into the generated answer constants): a weighted logistic regression over every typed
span of the answer sentences that hold a gold answer, target "this span is a right short answer"
(SQuAD token F1 >= 0.5 with a gold answer). It is P(span right | sentence right); the chance that
the sentence itself is wrong is the answer step's confidence, which multiplies it
(qa.answer.short.probability), not a feature the span model has to learn it from.

The command line re-fits it on the answer sentences a fit_answer.py --dump holds (each chosen by an
answer model fitted without that question) and cross-validates it by DOCUMENT (all questions
about one article or item in one fold: a SQuAD article asks several questions of one paragraph),
then prints, per set and per question type, how many answers get a short answer and how many of
those are right, at the threshold the precision rule picks (`choose_threshold`, the rule of
fit_answer.py --auto-span). The SQuAD v1.1 report sample is scored by the model fitted on all.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.qsets import BUNDLED  # noqa: E402
from benchmarks.quality_metrics import span_right  # noqa: E402
from qa.answer import short  # noqa: E402
from qa.answer.needs import needs  # noqa: E402
from qa.evaluate import contains_gold  # noqa: E402

# fewer short answers shown than this in a group and its precision is not checked (noise)
MIN_SHOWN = 5


@dataclass(frozen=True)
class Sample:
    """The short-answer candidates of one answer sentence, as the span model sees them."""

    spans: list[tuple[int, int]]
    X: np.ndarray  # one row of short.SPAN_FEATURES per span
    right: np.ndarray  # per span: a right short answer
    sentence_right: bool  # the sentence holds a gold answer: only these fit the span model
    conf: float  # the answer step's probability that the sentence is right


def samples(text: str, question: str, answers: list[str], answerable: bool, conf: float, lex: float,
            idf: dict[str, float] | None = None) -> Sample | None:
    """The Sample of one answer sentence; None without candidates. `conf`: the answer step's raw
    confidence; `idf`: the question terms' IDF in the set's index (as the answer step passes it)."""
    found = short.candidates(text, question)
    if not found:
        return None
    feats = short.span_features(text, question, found, conf, lex, idf)
    X = np.array([[f[k] for k in short.SPAN_FEATURES] for f in feats], float)
    y = np.array([answerable and span_right(text[a:b], answers) for a, b in found], bool)
    return Sample(found, X, y, answerable and contains_gold(text, answers), conf)


def fit_span(items: list[Sample | None], weights: np.ndarray, C: float = 1.0) -> tuple[dict[str, float], float]:
    """Weights (raw feature units) and bias of the short-answer model, P(span right | sentence
    right), from `samples` (None skipped) and one weight per question: only sentences that hold a
    gold answer are fitted on (a wrong sentence's doubt is the answer step's confidence)."""
    from sklearn.linear_model import LogisticRegression

    keep = [(s, w) for s, w in zip(items, weights) if s is not None and s.sentence_right]
    if not keep:
        return {}, 0.0
    X = np.vstack([s.X for s, _ in keep])
    y = np.concatenate([s.right for s, _ in keep])
    w = np.concatenate([np.full(len(s.right), wt) for s, wt in keep])
    if y.all() or not y.any():
        return {}, 0.0
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-9
    lr = LogisticRegression(C=C, max_iter=3000).fit((X - mu) / sd, y, sample_weight=w)
    coef = lr.coef_[0] / sd
    return dict(zip(short.SPAN_FEATURES, (float(c) for c in coef))), float(lr.intercept_[0] - coef @ mu)


def group_of(set_name: str) -> str:
    return "bundled" if set_name in BUNDLED else set_name


def choose_threshold(rows: list[dict], precision: float) -> float:
    """The lowest short-answer threshold from which on the short answers shown are right at least
    `precision` of the time in each group of sets (with at least MIN_SHOWN shown). A row holds set,
    answerable, answered, span_p, span_ok. The bundled corpus counts every answer shown (an answer
    to a question it cannot answer has a wrong short answer); on other sets only answerable
    questions count: issue 13's short-answer bar is about answers, SQuAD 2.0's unanswerable ones
    are the abstention's bar."""
    groups: dict[str, list[dict]] = collections.defaultdict(list)
    for r in rows:
        g = group_of(r["set"])
        if r["answered"] and (r["answerable"] or g == "bundled"):
            groups[g].append(r)
    # the lowest threshold from which EVERY higher one also holds: a single lucky dip of a small
    # group (the bundled corpus shows 5-10 short answers) does not set it
    grid = np.round(np.arange(0.3, 0.99, 0.01), 2)
    holds = [all(_precision(g, t) >= precision for g in groups.values()) for t in grid]
    t = 0.99
    for i in range(len(grid) - 1, -1, -1):
        if not holds[i]:
            break
        t = float(grid[i])
    return t


def _precision(rows: list[dict], t: float) -> float:
    shown = [r for r in rows if r["span_p"] is not None and r["span_p"] >= t]
    return 1.0 if len(shown) < MIN_SHOWN else float(np.mean([r["span_ok"] for r in shown]))


def _article(doc: str) -> str:
    """The article a paragraph file belongs to, across sets: SQuAD 2.0, SQuAD v1.1 and XQuAD share
    articles ("Super_Bowl_50_042.txt" -> "Super_Bowl_50"), and an XQuAD paragraph's translations
    share "a07" ("a07_p03.txt"); a bundled document is its own."""
    m = re.match(r"(a\d+)_p\d+\.txt$", doc)
    return m.group(1) if m else re.sub(r"_\d+\.txt$", "", doc)


def _folds_by_document(rows: list[dict], k: int, seed: int = 0) -> np.ndarray:
    """A fold per row: all questions about one article share it, whichever set they are in (no
    sibling or translated question of a held-out one in the fit); a question without a document
    (an unanswerable one) is its own."""
    ids: dict[tuple, int] = {}
    doc = np.array([ids.setdefault(("doc", _article(r["doc"])) if r.get("doc") else ("q", r["set"], r["question"]),
                                   len(ids)) for r in rows])
    return np.random.default_rng(seed).integers(0, k, len(ids))[doc]


def cv_by_document(rows: list[dict], items: list[Sample | None], k: int = 5) -> tuple[np.ndarray, list]:
    """The probability of a right short answer of each row's best span (NaN: no candidate) and (span, right),
    each from a fit on the other folds by DOCUMENT (all questions about one article or item in one
    fold); rows of set "squad1" (the reported sample) are scored by the fit on all the others."""
    from benchmarks.fit_models import _group_weights

    fitting = np.array([r["set"] != "squad1" for r in rows])
    weights = np.zeros(len(rows))
    weights[fitting] = _group_weights([r["set"] for r in rows if r["set"] != "squad1"])
    fold = _folds_by_document(rows, k)
    p = np.full(len(rows), np.nan)
    pick: list = [None] * len(rows)

    def score(i: int, w: dict, b: float) -> None:
        s = items[i]
        if s is None or not w:
            return
        z = s.X @ np.array([w[n] for n in short.SPAN_FEATURES]) + b
        j = int(z.argmax())
        p[i], pick[i] = short.probability(float(z[j]), s.conf), (s.spans[j], bool(s.right[j]))

    for f in range(k):
        train = [i for i in range(len(rows)) if fitting[i] and fold[i] != f]
        w, b = fit_span([items[i] for i in train], weights[train])
        for i in np.flatnonzero(fitting & (fold == f)):
            score(i, w, b)
    w, b = fit_span([items[i] for i in np.flatnonzero(fitting)], weights[fitting])
    for i in np.flatnonzero(~fitting):
        score(i, w, b)
    return p, pick


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rows", help="fit_answer.py --dump output (with --report-squad1: the report sample too)")
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--target", type=float, default=0.85, help="precision the threshold rule asks of every group")
    ap.add_argument("--threshold", type=float, help="report at this threshold instead of the rule's")
    ap.add_argument("--misses", type=int, default=0, help="print this many wrong short answers shown per group")
    args = ap.parse_args()

    rows = [r for r in json.loads(Path(args.rows).read_text()) if "text" in r]
    if not rows:
        raise SystemExit("Error: the dump holds no answer texts (made by fit_answer.py before this script?)")
    from benchmarks.fit_models import _lexical
    from qa.lang import analyze

    # the question terms' IDF in each set's index (the answer step's; needs QA_BENCH_OUT's indexes)
    items = [samples(r["text"], r["question"], r["answers"], r["answerable"], r["raw"], r["lex"],
                     _lexical(r["set"]).idf(sorted(set(analyze(r["question"]))))) for r in rows]
    p, pick = cv_by_document(rows, items, args.cv)
    fitting = [r["set"] != "squad1" for r in rows]
    out = [dict(set=r["set"], answerable=r["answerable"], answered=r["answered"],
                span_p=None if np.isnan(p[i]) else float(p[i]), span_ok=bool(pick[i] and pick[i][1]))
           for i, r in enumerate(rows)]
    t = (args.threshold if args.threshold is not None
         else choose_threshold([o for o, f in zip(out, fitting) if f], args.target))
    print(
        f"short-answer threshold: {t} "
        f"({'given' if args.threshold is not None else f'lowest with CV precision >= {args.target} in every group'})\n")
    print("| set | answers shown | with a short answer | right | by type: shown / answers, right |")
    print("|---|---|---|---|---|")
    by_group: dict[str, list[int]] = collections.defaultdict(list)
    for i, r in enumerate(rows):
        by_group[group_of(r["set"])].append(i)
        if (r["set"] == "squad2" or r["set"] in BUNDLED) and r["answerable"]:
            by_group[f"{group_of(r['set'])} answerable"].append(i)
    for g, idx in by_group.items():
        answered = [i for i in idx if rows[i]["answered"]]
        shown = [i for i in answered if out[i]["span_p"] is not None and out[i]["span_p"] >= t]
        right = sum(out[i]["span_ok"] for i in shown)
        types = collections.defaultdict(lambda: [0, 0, 0])
        for i in answered:
            n = needs(rows[i]["question"])
            c = types[n.qtype or (n.wants and f"which-{n.wants}") or "other"]
            c[0] += 1
            if i in shown:
                c[1] += 1
                c[2] += out[i]["span_ok"]
        per = "; ".join(f"{k} {c[1]}/{c[0]}, {100 * c[2] / c[1]:.0f} %" if c[1] else f"{k} 0/{c[0]}"
                        for k, c in sorted(types.items()) if k != "other")
        pct = f"{100 * right / len(shown):.1f} %" if shown else "—"
        print(f"| {g} | {len(answered)} | {len(shown)} ({100 * len(shown) / max(1, len(answered)):.1f} %) | "
              f"{pct} | {per} |")
        if args.misses:
            for i in [i for i in shown if not out[i]["span_ok"]][: args.misses]:
                (a, b_), _ = pick[i]
                print(f"    {out[i]['span_p']:.2f} {rows[i]['question']!r} -> {rows[i]['text'][a:b_]!r} "
                      f"gold {rows[i]['answers'][:2]}")


if __name__ == "__main__":
    main()
