"""The lexical index: BM25 (bm25s) over chunk texts (an item's first and a table's under their titles), analysed by
``qa.lang.analyze``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.ingest.labels import is_record
from qa.lang import analyze


def lexical_text(text: str, titles: Sequence[str | None], path: str = "", first: bool = False) -> str:
    """What BM25 indexes of a chunk: its text, under the titles it stands under (`titles`: its document's, then its
    item's) when it holds no prose of its own (qa.ingest.labels.is_record: table rows, label lines), or under its
    item's title when it opens its item (the headline stands above its lead).

    A chunk holds no title: a biography's first paragraph names its subject only in the page's heading ("Касымов
    Тимур Бекмуратович — биография"), and a table ("| Таджикистан | 342 | 377 |") says what it counts only under
    "Таблица 1. Изъятия по странам, январь–июнь 2024 года" of a review "за первое полугодие 2024 года": a question
    naming the person or the period matched them on their other words alone. Prose further down an item names its
    own subject: titles added to every chunk of a page lost more answers than they found (docs/quality.md,
    "Forty-fourth session"). Titles go to the lexical side only (vectors embed what a passage shows); one already in
    the text's words (a headline made of the lead's first clause), or a file name standing in for a title, adds
    nothing."""
    record = is_record(text)
    if not (first or record):
        return text
    # a page's own title heads a record of its report, not each story of a news page ("CARICC news")
    heads = titles if record else titles[-1:]
    held = set(analyze(text))
    heads = [t for t in dict.fromkeys(heads) if t and t != path and not set(analyze(t)) <= held]
    return "\n".join([*heads, text])


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
        from qa.store.bm25_reader import SavedBM25, UnsupportedIndex

        try:
            # numpy only, the same scores: no bm25s (and scipy) import to answer a question
            retriever = _SavedRetriever(SavedBM25(folder))
        except UnsupportedIndex:
            import bm25s

            retriever = bm25s.BM25.load(str(folder), mmap=True, allow_pickle=False)
        df = np.load(folder / "df.npy", mmap_mode="r", allow_pickle=False)
        n_docs = json.loads((folder / "n_docs.json").read_text())["n_docs"]
        return cls(retriever, df, n_docs)

    def scores(self, terms: list[str], mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every chunk for the question terms (zeros if none is known); chunks the
        mask (one bool per chunk) leaves out score 0 (bm25s's weight_mask)."""
        ids = self._bm25.get_tokens_ids(terms)
        if not ids:
            return np.zeros(self.n_docs, dtype=np.float32)
        weights = None if mask is None else np.asarray(mask, dtype=np.float32)
        return self._bm25.get_scores_from_ids(ids, weight_mask=weights)

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


class _SavedRetriever:
    """SavedBM25 behind the members of bm25s.BM25 that LexicalIndex uses."""

    def __init__(self, saved):
        self._saved = saved
        self.vocab_dict = saved.vocab

    def get_tokens_ids(self, terms: list[str]) -> list[int]:
        return self._saved.token_ids(terms)

    def get_scores_from_ids(self, ids: list[int], weight_mask=None) -> np.ndarray:
        return self._saved.scores(ids, weight_mask)
