"""Index.search with a mask: only allowed chunk rows come back, and the mask is applied before the
top n is taken (so a filter never leaves a question with fewer passages than it could have)."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from qa.build import build_index
from qa.lang import analyze
from qa.retrieve import retrieve
from qa.store import Index

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "core" / "small"


@pytest.fixture(params=["flat", "ivf"])
def index(request, tmp_path, settings_for, hash_embedder):
    corpus = tmp_path / "small"
    shutil.copytree(SMALL, corpus)
    # about one sentence per chunk; exact_search_max=1 forces the approximate (IVF) index
    settings = settings_for(corpus, chunk_tokens=25, overlap_sentences=0)
    if request.param == "ivf":
        settings = settings.with_(exact_search_max=1)
    build_index(settings, hash_embedder)
    idx = Index.open(settings.index_dir)
    assert idx.manifest["index_type"] == request.param
    yield idx
    idx.close()


def _docs_of(index: Index, ids) -> set[str]:
    return {row.doc for row in index.chunks([int(i) for i in ids])}


def _mask_for(index: Index, keep) -> np.ndarray:
    rows = index.chunks(list(range(index.size)))
    return np.array([keep(row) for row in rows], dtype=bool)


def test_without_a_mask_both_retrievers_propose(index, hash_embedder):
    q = "customs seizure of drugs"
    hits = index.search(hash_embedder.encode([q])[0], analyze(q), 3)
    assert 3 <= len(hits.ids) <= 6 and len(set(hits.ids.tolist())) == len(hits.ids)
    assert (hits.bm25 >= 0).all() and (np.abs(hits.dense) <= 1.0001).all()


def test_a_mask_keeps_every_hit_inside_it(index, hash_embedder):
    docs = sorted({row.doc for row in index.chunks(list(range(index.size)))})
    allowed = docs[-1]
    mask = _mask_for(index, lambda row: row.doc == allowed)
    q = "customs seizure of drugs"
    hits = index.search(hash_embedder.encode([q])[0], analyze(q), 50, mask)
    assert len(hits.ids) and _docs_of(index, hits.ids) == {allowed}
    assert int(mask.sum()) >= len(hits.ids)


def test_the_mask_is_applied_before_the_top_n(index, hash_embedder):
    q = "customs seizure of drugs"
    qvec, terms = hash_embedder.encode([q])[0], analyze(q)
    best = index.search(qvec, terms, 1)
    # leave out everything the unmasked search found: n=1 still returns one allowed chunk
    mask = np.ones(index.size, dtype=bool)
    mask[best.ids] = False
    hits = index.search(qvec, terms, 1, mask)
    assert len(hits.ids) >= 1 and not set(hits.ids.tolist()) & set(best.ids.tolist())


def test_an_all_false_mask_finds_nothing(index, hash_embedder):
    q = "customs"
    hits = index.search(hash_embedder.encode([q])[0], analyze(q), 5, np.zeros(index.size, dtype=bool))
    assert len(hits.ids) == 0


def test_retrieve_passes_the_mask_through(index, hash_embedder):
    docs = sorted({row.doc for row in index.chunks(list(range(index.size)))})
    mask = _mask_for(index, lambda row: row.doc == docs[0])
    q = "customs seizure of drugs"
    passages = retrieve(index, hash_embedder.encode([q])[0], analyze(q), k=5, mask=mask)
    assert passages and {p.doc for p in passages} == {docs[0]}


def test_a_mask_of_the_wrong_length_is_refused(index, hash_embedder):
    with pytest.raises(ValueError, match="mask"):
        index.search(hash_embedder.encode(["x"])[0], ["x"], 5, np.ones(index.size + 1, dtype=bool))
