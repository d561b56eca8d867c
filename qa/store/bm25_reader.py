"""The query side of a saved bm25s index, read with numpy alone.

`import bm25s` costs ~0.4 s (it imports scipy.sparse, which imports much of scipy): more than
everything else a one-question `qa ask` does. A saved bm25s index is plain numpy arrays (the
eager BM25 scores as a CSC matrix: data, indices, indptr) and a JSON vocabulary, and a query's
scores are sums of columns of it; this reads those files and computes exactly what
`bm25s.BM25.get_scores_from_ids` computes (tests/test_bm25_reader.py checks them equal).
Building an index still uses bm25s.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

# Variants whose saved scores are complete; bm25l and bm25+ add a non-occurrence term, which
# this reader does not implement (LexicalIndex then falls back to bm25s).
SUPPORTED_METHODS = ("lucene", "robertson", "atire")


class UnsupportedIndex(ValueError):
    """This saved index needs bm25s itself to be read."""


class SavedBM25:
    """Scores of a bm25s index saved with `BM25.save(folder)`, memory-mapped."""

    def __init__(self, folder: Path):
        folder = Path(folder)
        params = json.loads((folder / "params.index.json").read_text())
        if params.get("method") not in SUPPORTED_METHODS or (folder / "nonoccurrence_array.index.npy").exists():
            raise UnsupportedIndex(f"bm25 method {params.get('method')!r}")
        self.vocab: dict[str, int] = json.loads((folder / "vocab.index.json").read_text(encoding="utf-8"))
        self.n_docs = int(params["num_docs"])
        self._dtype = np.dtype(params.get("dtype", "float32"))
        load = lambda name: np.load(folder / name, mmap_mode="r", allow_pickle=False)  # noqa: E731
        self._data = load("data.csc.index.npy")
        self._indices = load("indices.csc.index.npy")
        self._indptr = load("indptr.csc.index.npy")

    def token_ids(self, terms: list[str]) -> list[int]:
        """Ids of the known terms, repeats kept (a repeated question word counts twice, as in bm25s)."""
        return [self.vocab[t] for t in terms if t in self.vocab]

    def scores(self, ids: list[int], weight_mask: np.ndarray | None = None) -> np.ndarray:
        """bm25s's get_scores_from_ids: the sum of the terms' columns, times the weight mask."""
        out = np.zeros(self.n_docs, dtype=self._dtype)
        for t in ids:
            a, b = int(self._indptr[t]), int(self._indptr[t + 1])
            # a column lists each document once, so a plain fancy-index add is exact
            out[self._indices[a:b]] += self._data[a:b]
        if weight_mask is not None:
            out *= weight_mask
        return out
