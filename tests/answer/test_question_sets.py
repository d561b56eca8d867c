"""The project's own question sets over the bundled corpus (benchmarks/data/dev3_seeds.jsonl, "dev3", and
dev4_seeds.jsonl): every answer is quoted from the documents, so its figures measure the assistant, not the set."""

from __future__ import annotations

import json

from benchmarks import qsets
from tests.conftest import CORPUS, ROOT

DEV3 = ROOT / "benchmarks/data/dev3_seeds.jsonl"


def test_every_answer_of_dev3_is_quoted_from_its_document():
    rows = [json.loads(line) for line in DEV3.read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        if r["answerable"]:
            text = (CORPUS / r["doc"]).read_text(encoding="utf-8")
            assert r["evidence"] in text, r["id"]
            assert r["answers"] and all(a in r["evidence"] for a in r["answers"]), r["id"]
        else:
            assert not r["answers"] and r["doc"] is None and r["evidence"] is None, r["id"]


def test_dev3_is_one_of_the_bundled_sets_and_loads_with_its_kinds():
    assert "dev3" in qsets.BUNDLED and "dev3" in qsets.REPORTED
    questions = qsets.load("dev3").questions
    assert len(questions) == 166 and sum(q.answerable for q in questions) == 106
    assert {q.kind for q in questions if not q.answerable} == {"detail", "premise", "relation", "outside"}


DEV4 = ROOT / "benchmarks/data/dev4_seeds.jsonl"


def test_every_answer_of_dev4_is_quoted_from_its_document():
    # dev4 was written blind in the thirty-fourth session by a reader of the five documents alone
    rows = [json.loads(line) for line in DEV4.read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in rows}) == len(rows) == 105
    for r in rows:
        if r["answerable"]:
            text = (CORPUS / r["doc"]).read_text(encoding="utf-8")
            assert " ".join(r["evidence"].split()) in " ".join(text.split()), r["id"]
            assert r["answers"] and all(a in text for a in r["answers"]), r["id"]
        else:
            assert not r["answers"] and not r["evidence"], r["id"]
    assert sum(r["answerable"] for r in rows) == 70
