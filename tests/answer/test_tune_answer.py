"""The fitter behind qa/answer.py's constants (benchmarks/tune_answer.py), on made-up candidates."""

from __future__ import annotations

import numpy as np

from benchmarks.tune_answer import (
    PASS,
    RANK,
    Asked,
    Shares,
    cross_validate,
    fit_both,
    listwise,
    passage_lists,
    scores_of,
    sentence_lists,
    top_hit,
)
from qa.evaluate import GoldQuestion
from qa.store import ChunkRow, SentenceRow
from qa.retrieve import Passage


def question(rng, gold_passage: int, n_passages: int = 3, per_passage: int = 2, ok: bool = True) -> Asked:
    """Candidates whose feature 0 marks the gold sentence (plus noise elsewhere)."""
    passages = [
        Passage(j + 1, ChunkRow(j, f"d{j}.txt", 0, 0, 10, "text", j * per_passage, per_passage), None,
                score=1.0 - 0.25 * j, dense=0.5 - 0.1 * j, lexical=1.0 - 0.3 * j, bm25=5.0)
        for j in range(n_passages)  # retrieval put passage 0 first
    ]
    n = n_passages * per_passage
    X = rng.normal(size=(n, len(RANK))) * 0.1
    gold = gold_passage * per_passage
    X[gold, 0] += 1.0
    y = np.arange(n) == gold
    feats = [
        (SentenceRow(i, f"d{i // per_passage}.txt", 0, 0, 4, "text"), passages[i // per_passage], dict(zip(RANK, X[i])))
        for i in range(n)
    ]
    pgold = np.arange(n_passages) == gold_passage
    return Asked(X, y, ok, GoldQuestion("q?", ["a"], ok), ["q"], feats, passages, pgold)


def test_the_fit_puts_weight_on_the_feature_that_marks_the_answer_and_then_finds_it():
    rng = np.random.default_rng(0)
    data = [question(rng, gold_passage=i % 3) for i in range(60)]
    w = listwise([(1.0, sentence_lists(data))], steps=300)
    assert w[0] > 1.0 and w[0] > 5 * np.abs(w[1:]).max()
    assert top_hit(sentence_lists(data), w) == 1.0
    # in retrieval order (no passage weights) only the questions whose gold passage came first hit
    passages = passage_lists(data, w)
    assert top_hit(passages, np.zeros(len(PASS))) == 1 / 3
    # the fitted passage model puts the passage of the best sentence first
    _, pw = fit_both(data, data, Shares(0.5, 0.5), sentence_w=w)
    assert scores_of(data, w, pw) == (1.0, 1.0)


def test_unanswerable_questions_do_not_count_and_cross_validation_scores_unseen_folds():
    rng = np.random.default_rng(1)
    answerable = [question(rng, gold_passage=i % 3) for i in range(40)]
    unanswerable = [question(rng, gold_passage=0, ok=False) for _ in range(10)]
    w, pw = fit_both(answerable[:5], answerable + unanswerable, Shares())
    assert scores_of(answerable + unanswerable, w, pw) == scores_of(answerable, w, pw) == (1.0, 1.0)
    h, r = cross_validate(answerable[:5], answerable + unanswerable, Shares(), folds=5)
    assert h > 0.9 and r > 0.9
