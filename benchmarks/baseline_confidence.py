"""The confidence of the answer model before issue 13 (2026-11-22): a logistic model over a few
features of the best sentence, with weights.CONFIDENCE_WEIGHTS. The answer step no longer reads it
(its confidence is qa.answer.evidence's evidence, probability and calibration, fitted by
benchmarks/fit_answer.py); kept for benchmarks/fit_answer.py --baseline and benchmarks/tune_answer.py,
which compare against that model. Moved here from qa/answer/confidence.py in the fifth session."""

from __future__ import annotations

import numpy as np

from qa.answer.features import Candidate
from qa.answer.weights import CONFIDENCE_BIAS, CONFIDENCE_WEIGHTS

def abstain_features(ranked: list[Candidate]) -> dict[str, float]:
    """Evidence for and against the best candidate being an answer at all."""
    best = ranked[0]
    # a lone candidate has no rival: its margin counts as a clear one (10 is far above any seen)
    second = ranked[1].score if len(ranked) > 1 else best.score - 10.0
    f = best.features
    scores = np.array([c.score for c in ranked])
    return {
        "score": best.score,
        "margin": best.score - second,
        # the sentence model's own probability that the best candidate is the one holding the answer
        "share": float(1.0 / np.exp(scores - best.score).sum()),
        "dense": f["dense"],
        "lex": f["lex"],
        "focus": f["focus"],
        "ctx": f["ctx"],
        # raw BM25 of the best passage overall: low when the question's words are rare or absent
        "top_bm25": float(np.log1p(max(c.passage.bm25 for c in ranked))),
        "p_dense": best.passage.dense,
    }


def confidence(
    features: dict[str, float], weights: dict[str, float] = CONFIDENCE_WEIGHTS, bias: float = CONFIDENCE_BIAS
) -> float:
    """Estimated probability that the best sentence answers the question."""
    z = bias + sum(weights[k] * features[k] for k in weights)
    return float(1.0 / (1.0 + np.exp(-z)))
