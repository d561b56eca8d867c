"""The numpy-only reader of a saved bm25s index scores exactly as bm25s does."""

from __future__ import annotations

import numpy as np
import pytest

from qa.lang.en import _bm25s_stop_words
from qa.store.bm25_reader import SavedBM25, UnsupportedIndex

TEXTS = [
    "the lighthouse keeper of port ellery keeps the light",
    "the ferry to skarn island leaves every tuesday",
    "the wenlow orchard grows forty varieties of pear pear pear",
    "a keeper of bees and a keeper of the orchard",
]


def _saved(tmp_path, method="lucene"):
    import bm25s

    corpus = [t.split() for t in TEXTS]
    model = bm25s.BM25(method=method)
    model.index(corpus, show_progress=False)
    model.save(str(tmp_path / "bm25"), allow_pickle=False)
    return bm25s.BM25.load(str(tmp_path / "bm25"), mmap=True), tmp_path / "bm25"


@pytest.mark.parametrize("query", [["keeper"], ["pear", "orchard"], ["keeper", "keeper", "ferry"], ["unknown"], []])
def test_scores_equal_bm25s(tmp_path, query):
    ref, folder = _saved(tmp_path)
    reader = SavedBM25(folder)
    ids = ref.get_tokens_ids(query)
    assert reader.token_ids(query) == ids
    expected = ref.get_scores_from_ids(ids) if ids else np.zeros(len(TEXTS), dtype=np.float32)
    assert np.array_equal(reader.scores(ids), expected)
    mask = np.array([True, False, True, True])
    masked = ref.get_scores_from_ids(ids, weight_mask=mask.astype(np.float32)) if ids else expected
    assert np.array_equal(reader.scores(ids, mask.astype(np.float32)), masked)


def test_variants_with_a_non_occurrence_term_are_left_to_bm25s(tmp_path):
    _, folder = _saved(tmp_path, method="bm25+")
    with pytest.raises(UnsupportedIndex):
        SavedBM25(folder)


def test_stopwords_match_bm25s_without_importing_it():
    from bm25s.stopwords import STOPWORDS_EN

    assert _bm25s_stop_words() == frozenset(STOPWORDS_EN)
