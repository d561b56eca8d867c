"""The gate figures the issue's "not found" bars are read from (benchmarks/quality_metrics.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

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


def test_figures_per_question_kind_count_right_answers_and_honest_not_founds():
    from benchmarks.quality_metrics import by_kind, kind_table

    rows = [
        {"kind": "date", "answerable": True, "answered": True, "hit1": True},
        {"kind": "date", "answerable": True, "answered": True, "hit1": False},
        {"kind": "date", "answerable": True, "answered": False, "hit1": False},
        {"kind": "premise", "answerable": False, "answered": False, "hit1": False},
        {"kind": "premise", "answerable": False, "answered": True, "hit1": False},
        {"kind": None, "answerable": True, "answered": True, "hit1": True},
    ]
    kinds = by_kind(rows)
    assert kinds == {"date": (1, 3, 0, 0), "premise": (0, 0, 1, 2), "—": (1, 1, 0, 0)}
    lines = kind_table(kinds).splitlines()
    assert "| date | 1 / 3 (33.3 %) | — |" in lines
    assert '| premise | — | 1 / 2 (50.0 %) |' in lines


@pytest.mark.slow
def test_a_question_set_of_ones_own_is_measured_on_ones_own_documents(tmp_path):
    """`quality.py --questions` (a blind set, say) prints the same figures as the project's sets, per kind too."""
    from tests.conftest import HARBOUR, ORCHARD, ROOT

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (docs / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    mine = tmp_path / "mine.jsonl"
    mine.write_text("\n".join(json.dumps(q) for q in [
        {"question": "Who keeps the lighthouse of Port Ellery?", "answers": ["Margaret Quill"], "doc": "harbour.txt",
         "kind": "person"},
        {"question": "How many varieties of pear does the Wenlow orchard grow?", "answers": ["forty"],
         "doc": "orchard.txt", "kind": "number"},
        {"question": "Who painted the Wenlow orchard's gate?", "answers": [], "answerable": False, "kind": "detail"},
    ]) + "\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/quality.py"), "--questions", str(mine), "--corpus", str(docs),
         "--by-kind", "--json", str(tmp_path / "figures.json")],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env=dict(os.environ, QA_BENCH_OUT=str(tmp_path / "bench"), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1"),
    )
    assert out.returncode == 0, out.stderr[-2000:]
    figures = json.loads((tmp_path / "figures.json").read_text())["figures"]["mine"]
    assert (figures["answerable"], figures["unanswerable"]) == (2, 1)
    assert figures["answer_hit@1"] == 100.0 and figures["cited_right_doc"] == 100.0
    assert "| person | 1 / 1 (100.0 %) | — |" in out.stdout
    assert (tmp_path / "bench" / "quality" / "mine.jsonl").exists()  # the rows, one per question
