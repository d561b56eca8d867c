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
