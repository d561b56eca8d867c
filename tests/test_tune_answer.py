"""The fitter behind qa/answer.py's constants (benchmarks/tune_answer.py), on made-up candidates."""

from __future__ import annotations

import numpy as np

from benchmarks.tune_answer import RANK, cross_validate, hit_rate, listwise, pack, recall_at_1


def question(rng, gold_passage: int, n_passages: int = 3, per_passage: int = 2, ok: bool = True):
    """Candidates whose feature 0 marks the gold sentence (plus noise elsewhere)."""
    n = n_passages * per_passage
    X = rng.normal(size=(n, len(RANK))) * 0.1
    passage_of = np.repeat(np.arange(n_passages), per_passage)
    gold = gold_passage * per_passage
    X[gold, 0] += 1.0
    y = np.zeros(n, bool)
    y[gold] = True
    pscore = np.linspace(1.0, 0.5, n_passages)  # retrieval put passage 0 first
    pgold = np.arange(n_passages) == gold_passage
    return (X, y, ok, None, None, None, passage_of, pscore, pgold)


def test_the_fit_puts_weight_on_the_feature_that_marks_the_answer_and_then_finds_it():
    rng = np.random.default_rng(0)
    data = pack([question(rng, gold_passage=i % 3) for i in range(60)])
    w = listwise([(1.0, data)], len(RANK), steps=300)
    assert w[0] > 1.0 and w[0] > 5 * np.abs(w[1:]).max()
    assert hit_rate(data, w) == 1.0
    # the passage of the best sentence comes first, though retrieval ranked passage 0 first
    assert recall_at_1(data, w) == 1.0
    assert recall_at_1(data, np.zeros(len(RANK))) < 0.5


def test_unanswerable_questions_do_not_count_and_cross_validation_scores_unseen_folds():
    rng = np.random.default_rng(1)
    rows = [question(rng, gold_passage=i % 3) for i in range(40)]
    rows += [question(rng, gold_passage=0, ok=False) for _ in range(10)]
    data = pack(rows)
    w = listwise([(1.0, data)], len(RANK), steps=300)
    assert hit_rate(data, w) == 1.0
    h, r = cross_validate(data.take(np.arange(5)), data, dev_share=0.2, folds=5)
    assert h > 0.9 and r > 0.9
