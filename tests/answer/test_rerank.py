"""Stage 2 of choosing the answer sentence (qa/answer/rerank.py): the cross-encoder re-scores the best few."""

from __future__ import annotations

import numpy as np

from qa.answer.features import Candidate
from qa.answer.rerank import fill, rerank
from qa.store import SentenceRow


class FakeModel:
    """Stands in for qa.answer.relevance.RelevanceModel: a fixed logit per sentence text."""

    def __init__(self, logits: dict[str, float], no_answer: float = 0.5):
        self.logits, self.no_answer, self.seen = logits, no_answer, []

    def score(self, question, sentences):
        self.seen.append(list(sentences))
        return np.array([self.logits[s] for s in sentences], np.float32)


def ranked(*texts_scores):
    return [Candidate(SentenceRow(i, "d.txt", 0, 0, len(t), t), None, {"lex": 0.0}, s)
            for i, (t, s) in enumerate(texts_scores)]


def test_only_the_best_few_are_read_and_can_overtake():
    cands = ranked(("scene", 3.0), ("answer", 2.5), ("other", 2.0), ("far", 1.0))
    model = FakeModel({"scene": -3.0, "answer": 3.0, "other": 0.0})
    out = rerank("How many?", cands, {"stage1": 1.0, "xenc": 0.5, "xenc_rel": 0.0}, 3, model)
    assert model.seen == [["scene", "answer", "other"]]  # the fourth is never read
    assert [c.sentence.text for c in out] == ["answer", "other", "scene", "far"]
    # every candidate carries the evidence: its logit (the lowest read for the unread), the gap
    # to the best, and the best minus the no-answer logit
    far = out[-1].features
    assert far["xenc"] == -3.0 and far["xenc_rel"] == -6.0 and far["xenc_top"] == 2.5


def test_zero_weights_keep_the_stage_one_order():
    cands = ranked(("a", 3.0), ("b", 2.0), ("c", 1.0))
    out = rerank("Q?", cands, {"stage1": 1.0, "xenc": 0.0, "xenc_rel": 0.0}, 2, FakeModel({"a": -1.0, "b": 4.0}))
    assert [c.sentence.text for c in out] == ["a", "b", "c"]
    assert [c.score for c in out] == [3.0, 2.0, 1.0]


def test_fill_gives_the_unread_the_lowest_logit():
    fx, fr, best = fill(4, np.array([0, 1]), np.array([1.0, -1.0]))
    assert best == 1.0
    assert fx.tolist() == [1.0, -1.0, -1.0, -1.0]
    assert fr.tolist() == [0.0, -2.0, -2.0, -2.0]
