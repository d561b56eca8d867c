"""qa.retrieve takes e5's language offset off cross-language dense scores, and only there: an e5
index holding English and Russian passages. Invented chunks and scores; no model."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from qa.embed.e5_language import RU_MINUS_EN
from qa.embed.e5_small import IDENTITY
from qa.retrieve import retrieve
from qa.store.rows import Hits

TEXTS = {
    0: "Customs officers seized 300 kilograms of cannabis at the border crossing on Monday.",
    1: "Police in the capital found heroin hidden in a truck carrying apples.",
    2: "Под арбузами пограничники нашли 420 килограммов гашиша.",
}
LANGS = {0: "en", 1: "en", 2: "ru"}  # as the index stores them (qa.store.languages)


class FakeIndex:
    """The part of qa.store.Index that retrieve reads: fixed candidates and their dense cosines."""

    def __init__(self, model: str, dense: dict[int, float], bm25: dict[int, float] | None = None):
        self.manifest = {"model": model}
        self.size = len(dense)
        self._dense = dense
        self._bm25 = bm25 or {}

    def search(self, query_vector, terms, n, mask=None):
        ids = np.array(sorted(self._dense))
        return Hits(ids, np.array([self._dense[i] for i in ids], dtype=np.float32),
                    np.array([self._bm25.get(i, 0.0) for i in ids], dtype=np.float32))

    def chunks(self, ids):
        return [SimpleNamespace(id=i, doc=f"d{i}.txt", item=0, text=TEXTS[i]) for i in ids]

    def chunk_languages(self, ids):
        return [LANGS[int(i)] for i in ids]

    def item(self, doc, item):
        return None


def _english_question() -> np.ndarray:
    """A unit vector on the English side of e5's offset, as English questions are."""
    d = np.asarray(RU_MINUS_EN, dtype=np.float32)
    return -d / np.linalg.norm(d)


def test_in_a_mixed_e5_index_an_english_question_can_rank_a_russian_passage_first():
    q = _english_question()
    share = float(np.dot(np.asarray(RU_MINUS_EN, dtype=np.float32), q))
    assert share < -0.3  # the offset this test leans on: a Russian passage 0.1 behind is not behind
    passages = retrieve(FakeIndex(IDENTITY, {0: 0.40, 1: 0.35, 2: 0.30}), q, [], k=3)
    assert [p.chunk.id for p in passages] == [2, 0, 1]  # English order kept among themselves
    # the shown dense cosine stays the model's (the answer model's features are unchanged)
    assert [round(p.dense, 2) for p in passages] == [0.30, 0.40, 0.35]
    english = {p.chunk.id: p.score for p in passages if p.chunk.id != 2}
    # the question's language: as before
    assert all(abs(english[i] - 0.5 * s) < 1e-6 for i, s in ((0, 0.40), (1, 0.35)))


def test_english_keyword_matches_do_not_bury_the_russian_answer():
    # BM25 cannot match an English question's words in Russian text, so the Russian passage's
    # lexical half is its dense standing instead of zero: the best match in meaning still wins
    q = _english_question()
    index = FakeIndex(IDENTITY, {0: 0.40, 1: 0.35, 2: 0.30}, bm25={0: 5.0, 1: 2.0})
    passages = retrieve(index, q, ["kilogram", "hashish"], k=3)
    assert [p.chunk.id for p in passages] == [2, 0, 1]
    english = {p.chunk.id: p.score for p in passages if p.chunk.id != 2}  # fused as before
    assert abs(english[0] - (0.5 * 0.40 + 0.5 * 1.0)) < 1e-6 and abs(english[1] - (0.5 * 0.35 + 0.5 * 0.4)) < 1e-6
    assert passages[0].lexical == 0.0  # what is shown is still the measured BM25


def test_other_models_and_one_language_indexes_are_ranked_by_the_plain_cosine():
    q = _english_question()
    for model, dense in (("all-MiniLM-L6-v2", {0: 0.40, 1: 0.35, 2: 0.30}), (IDENTITY, {0: 0.40, 1: 0.35})):
        passages = retrieve(FakeIndex(model, dense), q, [], k=3)
        assert [p.chunk.id for p in passages] == sorted(dense, key=lambda i: -dense[i])
        assert all(abs(p.score - 0.5 * dense[p.chunk.id]) < 1e-6 for p in passages)
