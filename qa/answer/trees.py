"""A small boosted-trees model evaluated in plain Python: the abstention gate.

Fitted by benchmarks/fit_answer.py (`--abstain-model trees`: scikit-learn's
HistGradientBoostingClassifier, depth-limited, monotone in each feature's sign of
qa.answer.evidence.SIGNS) and stored as constants in qa/answer/fitted_minilm.py, so the answer step
needs no scikit-learn. Why trees for abstention only: whether the documents hold the answer
depends on combinations ("a how-many question AND no sentence near the top counts the asked
noun") that one weight per feature cannot express; cross-validated on every question set, the
trees abstain on more unanswerable questions at the same share of answerable ones
(docs/quality.md). Choosing the sentence stays log-linear: trees did not carry over there.

A model is {"features": [names], "bias": float, "trees": [tree, ...]}; a tree is a tuple of nodes
(feature index, threshold, left, right, value, is_leaf), node 0 the root; a sample goes left when
its feature is <= the threshold (scikit-learn's rule for values that are never missing).
"""

from __future__ import annotations

import math


def raw_score(feats: dict[str, float], model: dict) -> float:
    """The trees' summed log-odds for one sample."""
    x = [feats[k] for k in model["features"]]
    z = model["bias"]
    for tree in model["trees"]:
        i = 0
        while True:
            feature, threshold, left, right, value, leaf = tree[i]
            if leaf:
                z += value
                break
            i = left if x[feature] <= threshold else right
    return z


def probability(feats: dict[str, float], model: dict) -> float:
    z = raw_score(feats, model)
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def from_sklearn(clf, names: list[str], digits: int = 6) -> dict:
    """The constants of a fitted binary HistGradientBoostingClassifier (benchmarks only)."""
    trees = []
    for (predictor,) in clf._predictors:
        trees.append(tuple(
            # thresholds exact: training values sit on them
            (int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]), int(n["right"]),
             round(float(n["value"]), digits), int(n["is_leaf"]))
            for n in predictor.nodes
        ))
    return {"features": list(names), "bias": round(float(clf._baseline_prediction.ravel()[0]), digits), "trees": trees}
