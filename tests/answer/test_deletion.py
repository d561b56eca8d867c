"""Deletion negatives (benchmarks/deletion.py): an answerable question with its answer removed."""

from __future__ import annotations

import numpy as np

from benchmarks.answer_data import Asked
from benchmarks.deletion import negative
from qa.contracts import ChunkRow, Passage
from qa.evaluate import GoldQuestion
from qa.lang import analyze
from qa.store import SentenceRow

TEXT = [
    "The customs training course took place in Osh.",  # 0
    "Forty-two officers completed the course in May.",  # 1: the answer
    "The course was funded by the donors.",  # 2
    "A new border post opened in Batken.",  # 3 (the second passage)
]


class FakeIndex:
    """What deletion.negative reads of an index: IDF and neighbouring sentences."""

    def __init__(self, rows):
        self.rows = rows

    def idf(self, terms):
        return {t: 1.0 for t in terms}

    def sentences(self, first, n):
        return [r for r in self.rows if first <= r.id < first + n]


def _asked():
    rows, at = [], 0
    for i, t in enumerate(TEXT):
        rows.append(SentenceRow(i, "a.txt", 0, at, at + len(t), t))
        at += len(t) + 1
    full = " ".join(TEXT)
    c1 = ChunkRow(10, "a.txt", 0, 0, rows[2].end, full[: rows[2].end], 0, 3)
    c2 = ChunkRow(11, "a.txt", 0, rows[3].start, rows[3].end, TEXT[3], 3, 1)
    p1 = Passage(1, c1, None, score=0.5 * 0.8 + 0.5 * 1.0, dense=0.8, lexical=1.0, bm25=6.0)
    p2 = Passage(2, c2, None, score=0.5 * 0.4 + 0.5 * 0.5, dense=0.4, lexical=0.5, bm25=3.0)
    q = GoldQuestion("How many officers completed the course?", ["Forty-two"])
    feats = [(r, p1 if r.id < 3 else p2, {"passage": (p1 if r.id < 3 else p2).score / p1.score, "passage_lex": 0.0,
                                          "ctx": 1.0, "window": 1.0}) for r in rows]
    y = np.array([False, True, False, False])
    return Asked("dev", q, analyze(q.question), feats, [p1, p2], y, np.array([True, False])), rows


def test_sentence_mode_removes_the_answer_and_what_it_lent_its_neighbours():
    a, rows = _asked()
    n = negative(a, "sentence", FakeIndex(rows))
    assert not n.question.answerable and not n.y.any() and not n.pgold.any()
    texts = [r.text for r, _, _ in n.feats]
    assert TEXT[1] not in texts and len(texts) == 3
    passage = n.feats[0][1]
    assert "Forty-two" not in passage.chunk.text and "Osh" in passage.chunk.text
    # "officers" and "completed" were only in the removed sentence: the passage covers less of the question
    f0 = n.feats[0][2]
    assert f0["ctx"] < 1.0 and f0["window"] < 1.0
    assert a.feats[0][2]["ctx"] == 1.0  # the original question is left as it was


def test_passage_mode_renormalises_what_retrieval_would_give():
    a, rows = _asked()
    n = negative(a, "passage", FakeIndex(rows))
    assert [p.chunk.id for p in n.passages] == [11]
    p = n.passages[0]
    assert p.rank == 1 and p.lexical == 1.0  # its BM25 is now the best
    assert n.feats[0][2]["passage"] == 1.0 and n.feats[0][2]["passage_lex"] == 1.0


def test_an_unanswerable_question_gives_no_negative():
    a, rows = _asked()
    a.question = GoldQuestion(a.question.question, [], answerable=False)
    a.y = np.zeros(4, bool)
    assert negative(a, "sentence", FakeIndex(rows)) is None
