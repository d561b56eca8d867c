"""benchmarks/fit_e5.py's cross-validation folds: no XQuAD question is scored by weights fitted on
its own article (its paragraph's other questions, its translation, its masked twin)."""

from __future__ import annotations

from types import SimpleNamespace

from benchmarks.fit_e5 import folds_of
from qa.evaluate import GoldQuestion


def asked(set_name: str, doc: str, answerable: bool = True):
    return SimpleNamespace(set=set_name, question=GoldQuestion("q", ["a"] if answerable else [], answerable, doc))


def test_every_direction_and_masked_twin_of_an_article_share_one_fold_and_folds_are_balanced():
    data = []
    for art in range(10):
        for para in range(3):
            doc = f"a{art:02d}_p{para:02d}.txt"
            for direction in ("xq-ru-ru", "xq-en-ru", "xq-ru-en", "xq-en-en"):
                data += [asked(direction, doc), asked(direction, doc, answerable=False)]
    data += [asked("dev", "bundled.html") for _ in range(20)]
    fold = folds_of(data, 5)
    by_article: dict[str, set[int]] = {}
    for a, f in zip(data, fold):
        if a.set != "dev":
            by_article.setdefault(a.question.doc.split("_")[0], set()).add(int(f))
    assert all(len(folds) == 1 for folds in by_article.values())
    assert sorted(next(iter(f)) for f in by_article.values()) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    dev = [int(f) for a, f in zip(data, fold) if a.set == "dev"]
    assert sorted(dev) == sorted([0, 1, 2, 3, 4] * 4)  # bundled questions spread over every fold


def _shown(set_name: str, span_p: float, right: bool, gate: float = 0.9, answerable: bool = True) -> tuple:
    return asked(set_name, "a00_p00.txt", answerable), {"gate": gate, "span_p": span_p, "span_ok": right}


def test_short_answer_threshold_holds_in_every_direction_not_pooled_and_ignores_abstained_answers():
    from benchmarks.fit_e5 import auto_span

    rows = [_shown("xq-en-en", 0.6, True) for _ in range(200)]
    # Russian -> Russian: wrong short answers at 0.75, right ones above; pooled with English's, the
    # answers from 0.6 are 92 % right, so a pooled rule would show the wrong ones
    rows += [_shown("xq-ru-ru", 0.75, False) for _ in range(20)] + [_shown("xq-ru-ru", 0.8, True) for _ in range(20)]
    # wrong short answers of questions abstained on are never shown: they must not raise it
    rows += [_shown("xq-ru-ru", 0.95, False, gate=0.1) for _ in range(20)]
    data, pred = zip(*rows)
    t = auto_span(list(data), list(pred), 0.85, abstain_below=0.3)
    assert 0.75 < t <= 0.8


def test_a_short_answer_shown_to_a_question_the_documents_cannot_answer_counts_as_wrong():
    from benchmarks.fit_e5 import auto_span

    rows = [_shown("xq-ru-ru", 0.8, True) for _ in range(20)]
    rows += [_shown("xq-ru-ru", 0.8, False, answerable=False) for _ in range(20)]  # masked paragraph
    rows += [_shown("xq-ru-ru", 0.9, True) for _ in range(20)]
    data, pred = zip(*rows)
    assert auto_span(list(data), list(pred), 0.85, abstain_below=0.3) > 0.8


def test_kept_sentence_weights_stay_as_they_are_and_only_the_missing_feature_is_fitted():
    # --keep-sentence: the shipped sentence weights order every one-language pool as before; the across feature
    # (here column 1, 0 for every sentence of the question's language) is fitted on the lists where it varies
    import numpy as np

    from benchmarks.fit_models import listwise

    rng = np.random.default_rng(0)
    kept = np.array([2.0])
    lists = []
    for _ in range(200):
        dense = rng.normal(size=4)
        other = np.array([0.0, 0.0, 1.0, 1.0])
        gold = np.zeros(4, bool)
        gold[2] = True  # the answer is the other language's sentence, which the kept weight alone ranks anywhere
        lists.append((np.column_stack([dense, other]), gold))
    same = [(np.column_stack([rng.normal(size=4), np.zeros(4)]), np.eye(4, dtype=bool)[0]) for _ in range(50)]
    w = listwise([(1.0, lists + same)], 2, fixed=kept)
    assert w[0] == 2.0 and w[1] > 1.0
    # lists in one language carry no evidence for it: alone they leave it at 0
    assert abs(listwise([(1.0, same)], 2, fixed=kept)[1]) < 1e-6
