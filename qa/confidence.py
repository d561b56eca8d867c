"""Confidence: the probability that the chosen sentence is a right answer, and abstention.

The model is a logistic regression over `features()` of the best candidate, fitted by
benchmarks/fit_answer.py on real unanswerable questions (the SQuAD 2.0 dev half asked open-corpus,
dev2's 32 and dev's 6 over the bundled corpus) and answerable ones (the same sets, SQuAD v1.1,
XQuAD-en), its target being "the answer shown holds a gold answer". Its output is then mapped
through an isotonic calibration table fitted on cross-validated predictions, so that "0.8" means
right about 80 % of the time. The assistant answers "not found" below `ModelConstants.abstain_below`.
"""

from __future__ import annotations

import re

import numpy as np

from qa.answer_types import type_features
from qa.lexical import analyze

CONF_FEATURES = (
    "score", "margin", "share", "dense", "lex", "focus", "ctx", "window", "top_bm25", "p_dense",
    "type", "head", "names", "unit", "event", "clash", "date_lead", "pool_cov", "typed_share",
)


def features(question: str, terms: list[str], ranked: list, passages: list) -> dict[str, float]:
    """Evidence for and against the best of `ranked` (qa.answer.Candidate, best first) being an
    answer at all. `passages` are the ones whose sentences compete."""
    best = ranked[0]
    second = ranked[1].score if len(ranked) > 1 else best.score - 10.0  # a lone candidate: a clear margin
    f = best.features
    scores = np.array([c.score for c in ranked])
    p = np.exp(scores - best.score)
    p /= p.sum()
    # the share of the question's terms found anywhere in the retrieved passages: a question
    # whose words the documents never use ("chairmanship") is likely unanswerable
    pool_words = {w for x in passages for w in re.findall(r"\w+", x.chunk.text.lower())}
    pool_stems = set(analyze(" ".join(pool_words)))
    qset = set(terms)
    tf = f if "unit" in f else {**f, **type_features(question, best.sentence.text, "", None, False)}
    # the sentence model's probability mass on candidates of the asked type
    typed = np.array([c.features["type"] >= 1.0 for c in ranked])
    return {
        "score": best.score,
        "margin": best.score - second,
        "share": float(p[0]),
        "dense": f["dense"],
        "lex": f["lex"],
        "focus": f["focus"],
        "ctx": f["ctx"],
        "window": f["window"],
        "top_bm25": float(np.log1p(max(c.passage.bm25 for c in ranked))),
        "p_dense": best.passage.dense,
        "type": f["type"],
        "head": f["head"],
        "names": f["names"],
        "unit": tf["unit"],
        "event": tf["event"],
        "clash": tf["clash"],
        "date_lead": tf["date_lead"],
        "pool_cov": len(qset & pool_stems) / len(qset) if qset else 1.0,
        "typed_share": float(p[typed].sum()) if f["type"] != 0.5 else 0.5,
    }


def probability(feats: dict[str, float], weights: dict[str, float], bias: float) -> float:
    z = bias + sum(weights[k] * feats[k] for k in weights)
    return float(1.0 / (1.0 + np.exp(-z)))


def calibrate(p: float, table: tuple[tuple[float, ...], tuple[float, ...]]) -> float:
    """Isotonic calibration stored as breakpoints: raw probability -> share right."""
    xs, ys = table
    return float(np.interp(p, xs, ys)) if xs else p
