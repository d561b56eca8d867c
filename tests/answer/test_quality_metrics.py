"""The gate figures the issue's "not found" bars are read from (benchmarks/quality_metrics.py)."""

from __future__ import annotations

import pytest

from benchmarks.quality_metrics import gate_separation

ANSWERABLE = [0.9, 0.8, 0.7, 0.6, 0.5]
UNANSWERABLE = [0.65, 0.55, 0.3, 0.2, 0.1]


def test_not_found_is_read_where_the_given_share_of_answerable_questions_abstains():
    gate = ANSWERABLE + UNANSWERABLE
    ok = [True] * 5 + [False] * 5
    auc, not_found = gate_separation(gate, ok, 20.0)
    # 22 of the 25 (answerable, unanswerable) pairs are ordered right; abstaining below 0.58 (one
    # answerable question in five) says "not found" to the four unanswerable ones under it
    assert auc == pytest.approx(22 / 25)
    assert not_found == pytest.approx(80.0)


def test_a_gate_that_separates_perfectly_refuses_every_unanswerable_question():
    gate = [0.9, 0.8, 0.7, 0.2, 0.1]
    auc, not_found = gate_separation(gate, [True, True, True, False, False], 10.0)
    assert auc == 1.0 and not_found == 100.0


def _row(hit1: bool, alone: bool, answered: bool = True) -> dict:
    return {"answerable": True, "answered": answered, "hit1": hit1, "alone_hit1": alone, "confidence": 0.6}


def test_hit_at_1_counts_the_text_shown_and_alone_hit_at_1_the_answer_sentence_without_the_one_before():
    from benchmarks.quality_metrics import figures, table

    # the second answer is right only with the sentence before it shown; the fourth is withheld
    rows = [_row(True, True), _row(True, False), _row(False, False), _row(False, False, answered=False)]
    out = figures(rows)
    assert out["answer_hit@1"] == 50.0 and out["alone_hit@1"] == 25.0
    assert "| alone_hit@1 | 25.0 |" in table({"set": out})
    # rows from before the sentence before was shown say nothing of it
    assert figures([{k: v for k, v in r.items() if k != "alone_hit1"} for r in rows])["alone_hit@1"] is None
