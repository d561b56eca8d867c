"""The abstention trees are evaluated without scikit-learn, and must agree with it."""

from __future__ import annotations

import numpy as np
import pytest

from qa.answer import trees


def test_plain_python_trees_give_scikit_learns_probabilities():
    sklearn = pytest.importorskip("sklearn.ensemble")
    rng = np.random.default_rng(0)
    X = rng.random((400, 3))
    y = X[:, 0] + X[:, 1] * X[:, 2] + rng.normal(0, 0.2, 400) > 0.8
    clf = sklearn.HistGradientBoostingClassifier(max_iter=40, max_depth=3, monotonic_cst=[1, 1, -1]).fit(X, y)
    model = trees.from_sklearn(clf, ["a", "b", "c"])
    mine = np.array([trees.probability(dict(zip("abc", x)), model) for x in X])
    assert np.abs(mine - clf.predict_proba(X)[:, 1]).max() < 1e-4


def test_a_feature_monotone_for_an_answer_never_lowers_the_probability():
    # one stump: "a" above 0.5 adds log-odds
    model = {"features": ["a"], "bias": 0.0,
             "trees": [((0, 0.5, 1, 2, 0.0, 0), (0, 0.0, 0, 0, -1.0, 1), (0, 0.0, 0, 0, 1.0, 1))]}
    ps = [trees.probability({"a": a}, model) for a in (0.0, 0.5, 0.51, 1.0)]
    assert ps == sorted(ps) and ps[0] < 0.5 < ps[-1]
