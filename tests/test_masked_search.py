"""Both retrievers honour a row mask before choosing the top n: allowed rows that are far from the
unfiltered top n still fill all n places."""

from __future__ import annotations

import faiss
import numpy as np
import pytest

from qa import masked_search
from qa.lexical import LexicalIndex, analyze
from qa.masked_search import PreparedMask, dense_search, lexical_scores


def _vectors(n=3000, d=32, seed=0):
    rng = np.random.default_rng(seed)
    v = rng.normal(size=(n, d)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _far_mask(vectors, query, keep):
    """Allow only the `keep` rows least similar to the query: none is in the unfiltered top n."""
    order = np.argsort(vectors @ query)
    mask = np.zeros(len(vectors), dtype=bool)
    mask[order[:keep]] = True
    return mask


def _flat(v):
    idx = faiss.IndexFlatIP(v.shape[1])
    idx.add(v)
    return idx


def _ivf(v, nlist=16):
    q = faiss.IndexFlatIP(v.shape[1])
    idx = faiss.IndexIVFScalarQuantizer(q, v.shape[1], nlist, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT, False)
    idx.train(v)
    idx.add(v)
    idx.nprobe = 2
    return idx


@pytest.mark.parametrize("kind", ["flat", "ivf"])
@pytest.mark.parametrize("exact_max", [0, 10_000])  # the FAISS selector path and the exact path
def test_dense_search_fills_k_from_allowed_rows_outside_the_unfiltered_top(kind, exact_max, monkeypatch):
    monkeypatch.setattr(masked_search, "EXACT_MAX", exact_max)
    v = _vectors()
    q = v[0]
    index = _flat(v) if kind == "flat" else _ivf(v)
    mask = _far_mask(v, q, keep=600)
    if exact_max == 0:  # the selector path whatever share of the index the mask allows
        monkeypatch.setattr(masked_search, "EXACT_SHARE", 10**12)
    unfiltered = set(dense_search(index, v, q, 10, None)[1].tolist())
    scores, ids = dense_search(index, v, q, 10, PreparedMask(mask))
    assert len(ids) == 10
    assert mask[ids].all()
    assert not unfiltered & set(ids.tolist())
    assert list(scores) == sorted(scores, reverse=True)
    if kind == "flat":  # exact: the 10 best allowed rows
        allowed = np.flatnonzero(mask)
        best = allowed[np.argsort(-(v[allowed] @ q))[:10]]
        assert set(ids.tolist()) == set(best.tolist())


def test_ivf_with_too_few_allowed_rows_in_the_probed_lists_still_returns_k(monkeypatch):
    monkeypatch.setattr(masked_search, "EXACT_MAX", 0)
    monkeypatch.setattr(masked_search, "EXACT_SHARE", 10**12)
    v = _vectors()
    index = _ivf(v)
    index.nprobe = 1
    mask = _far_mask(v, v[0], keep=12)  # 12 rows in far-away lists
    _, ids = dense_search(index, v, v[0], 10, PreparedMask(mask))
    assert len(ids) == 10 and mask[ids].all()


def test_dense_search_with_fewer_allowed_rows_than_k_returns_them_all():
    v = _vectors(200)
    mask = np.zeros(200, dtype=bool)
    mask[[3, 50, 199]] = True
    _, ids = dense_search(_flat(v), v, v[0], 10, PreparedMask(mask))
    assert sorted(ids.tolist()) == [3, 50, 199]


def test_dense_search_with_an_empty_mask_returns_nothing():
    v = _vectors(50)
    _, ids = dense_search(_flat(v), v, v[0], 5, PreparedMask(np.zeros(50, dtype=bool)))
    assert len(ids) == 0


def test_lexical_scores_are_zero_outside_the_mask():
    texts = [f"the ferry timetable number {i}" for i in range(40)] + ["a lighthouse keeper named Quill"] * 5
    lex = LexicalIndex.build(texts)
    terms = analyze("ferry timetable lighthouse")
    ids = lex._bm25.get_tokens_ids(terms)
    mask = np.zeros(len(texts), dtype=bool)
    mask[:10] = True  # only ferries; the lighthouse rows score highest unfiltered
    full = lexical_scores(lex._bm25, ids, len(texts), None)
    masked = lexical_scores(lex._bm25, ids, len(texts), PreparedMask(mask))
    assert full[40:].min() > 0 and np.argmax(full) >= 40
    assert (masked[~mask] == 0).all()
    assert (masked[mask] > 0).all()
    np.testing.assert_allclose(masked[mask], full[mask])
