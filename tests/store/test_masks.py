"""Both retrievers honour a row mask before choosing the top n: allowed rows that are far from the
unfiltered top n still fill all n places."""

from __future__ import annotations

import shutil
from pathlib import Path

import faiss
import numpy as np
import pytest

from qa.build import build_index
from qa.contracts import Filters
from qa.lang import analyze
from qa.retrieve import retrieve
from qa.store import Index, masks
from qa.store.lexical import LexicalIndex
from qa.store.masks import PreparedMask, dense_search
from qa.store.vectors import DenseIndex

FIXTURES = Path(__file__).parent.parent / "fixtures" / "filters"


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
    return DenseIndex(idx)


def _ivf(v, nlist=16, nprobe=2):
    q = faiss.IndexFlatIP(v.shape[1])
    idx = faiss.IndexIVFScalarQuantizer(q, v.shape[1], nlist, faiss.ScalarQuantizer.QT_fp16,
                                        faiss.METRIC_INNER_PRODUCT, False)
    idx.train(v)
    idx.add(v)
    idx.nprobe = nprobe
    return DenseIndex(idx)


@pytest.mark.parametrize("kind", ["flat", "ivf"])
@pytest.mark.parametrize("path", ["selector", "exact"])
def test_dense_search_fills_k_from_allowed_rows_outside_the_unfiltered_top(kind, path, monkeypatch):
    if path == "selector":  # the FAISS selector whatever share of the index the mask allows
        monkeypatch.setattr(masks, "EXACT_MAX", 0)
        monkeypatch.setattr(masks, "EXACT_SHARE", 10**12)
    v = _vectors()
    q = v[0]
    index = _flat(v) if kind == "flat" else _ivf(v)
    mask = _far_mask(v, q, keep=600)
    unfiltered = set(dense_search(index, v, q, 10, None)[1].tolist())
    scores, ids = dense_search(index, v, q, 10, PreparedMask(mask))
    assert len(ids) == 10
    assert mask[ids].all()
    assert not unfiltered & set(ids.tolist())
    assert list(scores) == sorted(scores, reverse=True)
    if kind == "flat" or path == "exact":  # exact: the 10 best allowed rows
        allowed = np.flatnonzero(mask)
        best = allowed[np.argsort(-(v[allowed] @ q))[:10]]
        assert set(ids.tolist()) == set(best.tolist())


def test_ivf_with_too_few_allowed_rows_in_the_probed_lists_still_returns_k(monkeypatch):
    monkeypatch.setattr(masks, "EXACT_MAX", 0)
    monkeypatch.setattr(masks, "EXACT_SHARE", 10**12)
    v = _vectors()
    mask = _far_mask(v, v[0], keep=12)  # 12 rows, in lists far from the question
    _, ids = dense_search(_ivf(v, nprobe=1), v, v[0], 10, PreparedMask(mask))
    assert len(ids) == 10 and mask[ids].all()


def test_dense_search_with_fewer_allowed_rows_than_k_returns_them_all():
    v = _vectors(200)
    mask = np.zeros(200, dtype=bool)
    mask[[3, 50, 199]] = True
    _, ids = dense_search(_flat(v), v, v[0], 10, PreparedMask(mask))
    assert sorted(ids.tolist()) == [3, 50, 199]


def test_a_mask_is_prepared_once_per_array():
    mask = np.zeros(10, dtype=bool)
    assert masks.prepare(mask) is masks.prepare(mask)
    assert masks.prepare(mask.copy()) is not masks.prepare(mask)


def test_lexical_scores_are_zero_outside_the_mask():
    texts = [f"the ferry timetable number {i}" for i in range(40)] + ["a lighthouse keeper named Quill"] * 5
    lex = LexicalIndex.build(texts)
    terms = analyze("ferry timetable lighthouse")
    mask = np.zeros(len(texts), dtype=bool)
    mask[:10] = True  # only ferries; the lighthouse rows score highest unfiltered
    full = lex.scores(terms)
    masked = lex.scores(terms, PreparedMask(mask).weights)
    assert full[40:].min() > 0 and np.argmax(full) >= 40
    assert (masked[~mask] == 0).all()
    assert (masked[mask] > 0).all()
    np.testing.assert_allclose(masked[mask], full[mask])


@pytest.fixture
def dated_index(tmp_path, settings_for, hash_embedder):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    settings = settings_for(corpus, chunk_tokens=25, overlap_sentences=0)  # ~one sentence per chunk
    build_index(settings, hash_embedder)
    index = Index.open(settings.index_dir)
    yield index
    index.close()


def test_retrieval_through_the_store_fills_k_from_the_filter(dated_index, hash_embedder):
    question = "Who did the harbour board appoint as harbour master?"
    qvec = hash_embedder.encode([question])[0]
    terms = analyze(question)
    unfiltered = retrieve(dated_index, qvec, terms, k=3)
    assert all(p.chunk.doc == "harbour/board.txt" for p in unfiltered)
    sel = dated_index.select(Filters(sources=("orchard.txt", "ferries.md")))
    passages = retrieve(dated_index, qvec, terms, k=3, mask=sel.rows)
    assert len(passages) == 3
    assert {p.chunk.doc for p in passages} <= {"orchard.txt", "ferries.md"}
    dated = dated_index.select(Filters(since="2019-07", until="2019-07"))
    passages = retrieve(dated_index, qvec, terms, k=3, mask=dated.rows)
    assert passages and all(p.item.date == "2019-07-17" for p in passages)
    assert len(passages) == min(3, dated.n_rows)
