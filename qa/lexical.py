"""Lexical side: one analyzer for passages, sentences and questions, and a bm25s index."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)


@functools.cache
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


# Lucene's 33 English stop words miss the words questions are made of; left in, "how", "much"
# and "did" look like rare terms (they seldom occur in news text) and drown the real ones.
_QUESTION_WORDS = """
what which who whom whose when where why how much many did does do done has have had having
can could would should shall may might must will am been being its it's he she his her him
they them their theirs we our us you your i me my about from up down out over under again
further once here there all any both each few more most other some such only own same so than
too very just also nor whether while during before after above below between into through
s t d ll re ve m
""".split()  # the last line: what apostrophes leave behind ("CARICC's", "don't", "we'll")


@functools.cache
def stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN) | frozenset(_QUESTION_WORDS)


def analyze(text: str) -> list[str]:
    """Lower-cased, stop-word-free, stemmed terms (numbers kept: "CADAP 7", "740 kg")."""
    stop = stopwords()
    words = [w for w in _WORD.findall(text.lower()) if w not in stop and w != "_"]
    return _stemmer().stemWords(words) if words else []


class LexicalIndex:
    """BM25 over chunk texts (bm25s: sparse, saved as numpy + JSON, loaded memory-mapped)."""

    def __init__(self, retriever, df: np.ndarray, n_docs: int):
        self._bm25 = retriever
        self._df = df
        self.n_docs = n_docs

    @classmethod
    def build(cls, texts: list[str]) -> "LexicalIndex":
        import bm25s

        corpus = [analyze(t) or ["\x00empty"] for t in texts]
        retriever = bm25s.BM25()
        retriever.index(corpus, show_progress=False)
        vocab = retriever.vocab_dict
        df = np.zeros(len(vocab), dtype=np.int32)
        for terms in corpus:
            for t in set(terms):
                df[vocab[t]] += 1
        return cls(retriever, df, len(texts))

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._bm25.save(str(folder), allow_pickle=False)
        np.save(folder / "df.npy", self._df, allow_pickle=False)
        (folder / "n_docs.json").write_text(json.dumps({"n_docs": self.n_docs}))

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        import bm25s

        retriever = bm25s.BM25.load(str(folder), mmap=True, allow_pickle=False)
        df = np.load(folder / "df.npy", mmap_mode="r", allow_pickle=False)
        n_docs = json.loads((folder / "n_docs.json").read_text())["n_docs"]
        return cls(retriever, df, n_docs)

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of every chunk for the question terms (zeros if none is known)."""
        ids = self._bm25.get_tokens_ids(terms)
        if not ids:
            return np.zeros(self.n_docs, dtype=np.float32)
        return self._bm25.get_scores_from_ids(ids)

    def idf(self, terms: list[str]) -> dict[str, float]:
        """Smoothed inverse document frequency; unseen terms get the highest weight."""
        vocab = self._bm25.vocab_dict
        out = {}
        for t in terms:
            df = int(self._df[vocab[t]]) if t in vocab else 0
            out[t] = float(np.log(1 + (self.n_docs - df + 0.5) / (df + 0.5)))
        return out

    def known(self, term: str) -> bool:
        return term in self._bm25.vocab_dict
