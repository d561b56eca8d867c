"""Retrieval: dense and BM25 candidates fused, so a passage is found by its meaning or by its rare words."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from qa.build import build_index
from qa.store import Index
from qa.lang import analyze
from qa.retrieve import retrieve

SMALL = Path(__file__).resolve().parent / "fixtures" / "core" / "small"


@pytest.fixture
def small_index(tmp_path, settings_for, hash_embedder):
    corpus = tmp_path / "small"
    shutil.copytree(SMALL, corpus)
    # a small budget: about one sentence per chunk, so there is something to rank
    settings = settings_for(corpus, chunk_tokens=25, overlap_sentences=0)
    report = build_index(settings, hash_embedder)
    assert report.documents == 4 and report.chunks >= 8
    index = Index.open(settings.index_dir)
    yield index
    index.close()


def ask(index, embedder, question, k=5, candidates=50, terms=None):
    qvec = embedder.encode([question])[0]
    return retrieve(index, qvec, analyze(question) if terms is None else terms, k, candidates)


@pytest.mark.parametrize(
    ("question", "doc", "words"),
    [
        ("How many kg of heroin and mephedrone were seized?", "drugs.txt", "740 kg"),
        ("Who trained Kyrgyz border guards to detect firearms?", "arms.txt", "firearms"),
        ("What did supervisors discuss about virtual asset service providers?", "finance.txt", "travel rule"),
        ("Who practised passenger profiling with Japan Customs experts?", "customs.txt", "profiling"),
    ],
)
def test_the_passage_holding_the_questions_rare_words_ranks_first(small_index, hash_embedder, question, doc, words):
    passages = ask(small_index, hash_embedder, question)
    assert passages[0].chunk.doc == doc
    assert words in passages[0].chunk.text
    assert [p.rank for p in passages] == list(range(1, len(passages) + 1))
    scores = [p.score for p in passages]
    assert scores == sorted(scores, reverse=True)


def test_passages_carry_their_item_title_and_date(small_index, hash_embedder):
    top = ask(small_index, hash_embedder, "seized heroin mephedrone")[0]
    assert top.item is not None
    assert top.item.title == "Joint operations against drug trafficking"
    assert top.item.date == "2022"
    assert top.chunk.text == small_index.document_text(top.chunk.doc)[top.chunk.start:top.chunk.end]


@pytest.mark.parametrize("k", [1, 2, 3, 7])
def test_k_is_respected(small_index, hash_embedder, k):
    passages = ask(small_index, hash_embedder, "customs officers workshop", k=k)
    assert len(passages) == k
    assert len({p.chunk.id for p in passages}) == k


def test_k_larger_than_the_index_returns_every_passage_once(small_index, hash_embedder):
    n = small_index.faiss.ntotal
    passages = ask(small_index, hash_embedder, "customs", k=n + 10)
    assert sorted(p.chunk.id for p in passages) == list(range(n))


def test_a_lexical_only_candidate_is_reachable_and_scored_by_its_exact_cosine(small_index, hash_embedder):
    """One candidate per side: the dense side finds the finance passage, BM25 the drug passage;
    both come back, and the BM25-only one gets its true cosine, not zero."""
    qvec = hash_embedder.encode(["cryptocurrencies launder proceeds crime"])[0]
    terms = analyze("heroin mephedrone")
    passages = retrieve(small_index, qvec, terms, k=2, candidates=1)
    by_doc = {p.chunk.doc: p for p in passages}
    assert set(by_doc) == {"finance.txt", "drugs.txt"}
    drug = by_doc["drugs.txt"]
    assert drug.lexical == pytest.approx(1.0)
    chunk_vec = hash_embedder.encode([drug.chunk.text])[0]
    assert drug.dense == pytest.approx(float(chunk_vec @ qvec), abs=1e-5)
    assert by_doc["finance.txt"].lexical == 0.0
    assert by_doc["finance.txt"].dense > drug.dense


def test_dense_only_retrieval_works_without_any_known_word(small_index, hash_embedder):
    qvec = hash_embedder.encode(["virtual assets cryptocurrencies"])[0]
    passages = retrieve(small_index, qvec, analyze("zzyzx qwerty"), k=3)
    assert passages[0].chunk.doc == "finance.txt"
    assert all(p.lexical == 0.0 for p in passages)
    passages = retrieve(small_index, qvec, [], k=3)
    assert passages[0].chunk.doc == "finance.txt"


def test_an_empty_index_returns_no_passages():
    empty = SimpleNamespace(size=0)  # an index with no chunks
    assert retrieve(empty, np.ones(64, dtype=np.float32) / 8, ["customs"], k=5) == []


def test_k_zero_returns_no_passages(small_index, hash_embedder):
    assert ask(small_index, hash_embedder, "customs", k=0) == []
