"""The evaluation metrics, on a fake assistant whose answers we choose."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from qa.answer import MAX_ANSWER_CHARS
from qa.evaluate import GoldQuestion, contains_gold, evaluate, load_jsonl, norm


@pytest.mark.parametrize(
    ("text", "answers", "expected"),
    [
        ("As a result, 740 kg of drugs were seized.", ["740 kg"], True),
        ("As a result, 740   KG\nof drugs were seized.", ["740 kg of drugs"], True),
        ("H.E. Yasumasa IIJIMA delivered remarks.", ["Yasumasa Iijima"], True),
        ("H.E. Yasumasa IIJIMA delivered remarks.", ["  yasumasa\tiijima  "], True),
        ("Seven operations were carried out.", ["740 kg", "seven operations"], True),
        ("Seven operations were carried out.", ["740 kg"], False),
        ("Seven operations were carried out.", [], False),
        ("Seven operations were carried out.", ["", "   "], False),  # an empty gold never matches
        ("740kg", ["740 kg"], False),  # whitespace is normalised, not removed
    ],
)
def test_contains_gold(text, answers, expected):
    assert contains_gold(text, answers) is expected


def test_norm_collapses_whitespace_and_case():
    assert norm("  The\tCARICC\n\nCentre  ") == "the caricc centre"


def passage(text):
    return SimpleNamespace(chunk=SimpleNamespace(text=text))


def result(answer, doc="a.txt", passages=(), before=None):
    """`before`: the sentence before a back-referring answer sentence, shown with it (qa.answer.shown)."""
    text = answer if before is None else before + " " + answer
    ans = None if answer is None else SimpleNamespace(text=text, doc=doc, sentence_text=answer)
    return SimpleNamespace(answer=ans, passages=[passage(t) for t in passages])


class FakeService:
    def __init__(self, results):
        self.results = results
        self.asked = []

    def ask(self, question, k=None):
        self.asked.append((question, k))
        return self.results[question]


QUESTIONS = [
    GoldQuestion("q1", ["740 kg"], True, "a.txt"),
    GoldQuestion("q2", ["Astana"], True, "b.txt"),
    GoldQuestion("q3", ["Vienna"], True, "c.txt"),
    GoldQuestion("q4", ["Iijima"], True, "d.txt"),
    GoldQuestion("u1", [], False),
    GoldQuestion("u2", [], False),
]


@pytest.fixture
def service():
    return FakeService(
        {
            # right answer, right document, gold in the first passage
            "q1": result("740 kg of drugs were seized.", "a.txt", ["740 kg of drugs", "other", "x", "y", "z"]),
            # right answer text but from the wrong document; gold only in the 3rd passage
            "q2": result("The workshop was held in Astana.", "x.txt", ["no", "no", "in Astana", "no", "no"]),
            # wrongly abstains; gold only in the 6th passage (outside the top 5)
            "q3": result(None, passages=["a", "b", "c", "d", "e", "Vienna"]),
            # an answer that contains the gold but is longer than an answer may be
            "q4": result("Iijima " + "x" * MAX_ANSWER_CHARS, "d.txt", ["Iijima spoke"]),
            # one unanswerable abstains, the other does not
            "u1": result(None, passages=["p"]),
            "u2": result("Something.", "a.txt", ["p"]),
        }
    )


def test_evaluate_metrics(service):
    report = evaluate(service, QUESTIONS, k=5)
    m = report["metrics"]
    assert m["questions"] == 6 and m["answerable"] == 4 and m["unanswerable"] == 2
    assert m["answer_hit@1"] == 50.0  # q1, q2 (the text counts, not the document); q4 too long
    assert m["recall@1"] == 50.0  # q1, q4
    assert m["recall@5"] == 75.0  # q1, q2, q4 (q3's gold is 6th)
    assert m["cited_right_doc"] == 50.0  # q1, q4
    assert m["abstained_unanswerable"] == 50.0
    assert m["abstained_answerable"] == 25.0  # q3
    assert m["p50_ms"] is not None and m["p95_ms"] >= m["p50_ms"]
    assert [q for q, _ in service.asked] == [q.question for q in QUESTIONS]
    assert all(k == 5 for _, k in service.asked)
    rows = {r["question"]: r for r in report["rows"]}
    assert rows["q4"]["hit1"] is False  # too long to count, though it contains the gold
    assert rows["q3"]["answer"] is None and rows["q3"]["r5"] is False


def test_answer_hit_counts_text_not_document(service):
    rows = {r["question"]: r for r in evaluate(service, QUESTIONS)["rows"]}
    assert rows["q2"]["hit1"] is True and rows["q2"]["doc_ok"] is False


def test_evaluate_with_no_unanswerable_questions_reports_none(service):
    m = evaluate(service, QUESTIONS[:2])["metrics"]
    assert m["abstained_unanswerable"] is None
    assert m["answer_hit@1"] == 100.0


def test_load_jsonl_reads_gold_questions(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps({"question": "Q?", "answers": ["A"], "doc": "a.txt", "kind": "person"})
        + "\n\n"
        + json.dumps({"question": "U?", "answerable": False})
        + "\n",
        encoding="utf-8",
    )
    assert load_jsonl(path) == [
        GoldQuestion("Q?", ["A"], True, "a.txt", "person"),
        GoldQuestion("U?", [], False, None, None),
    ]


def test_a_two_sentence_answer_over_the_answer_cap_but_within_the_pair_cap_counts():
    from qa.answer import shown

    before = "The council met in Skarn on Friday, " + "after a long debate, " * 16 + "and voted to keep the lighthouse."
    two = result("For this purpose, it set aside 40,000 crowns.", "a.txt", ["p"], before=before)
    assert MAX_ANSWER_CHARS < len(two.answer.text) <= shown.PAIR_MAX_CHARS
    one = result("It set aside 40,000 crowns " + "x" * MAX_ANSWER_CHARS, "a.txt", ["p"])  # one sentence over the cap
    longer = result("For this purpose, it set aside 40,000 crowns.", "a.txt", ["p"], before=before * 2)
    assert len(longer.answer.text) > shown.PAIR_MAX_CHARS
    service = FakeService({"two": two, "one": one, "longer": longer})
    rows = {r["question"]: r
            for r in evaluate(service, [GoldQuestion(q, ["40,000 crowns"]) for q in service.results])["rows"]}
    assert rows["two"]["hit1"] is True
    assert rows["one"]["hit1"] is False and rows["longer"]["hit1"] is False


@pytest.mark.parametrize(
    ("second_line", "said"),
    [("not json", "line 2: Expecting value"), ('["Q?"]', 'line 2: not an object with a "question"'),
     ('{"answers": ["A"]}', 'line 2: not an object with a "question"')],
)
def test_a_bad_line_in_a_question_file_is_named(tmp_path, second_line, said):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"question": "Q?", "answers": ["A"]}) + "\n" + second_line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=said):
        load_jsonl(path)
