"""Search restricted to allowed chunk rows, applied *before* the top n is chosen.

Filtering a top-n list afterwards returns fewer than n passages, or none, when the allowed rows
are not among the best overall. Here each retriever only ever ranks allowed rows:

* dense: few allowed rows (at most ``EXACT_MAX`` or a small share of the index) are scored
  exactly, one dot product each, from the stored float32 chunk vectors; more allowed rows go
  through FAISS with an ``IDSelectorBitmap`` in the search parameters, which skips every other
  row inside the scan (flat or IVF). With IVF this also keeps the result independent of how the
  few allowed rows fall into the probed lists.
* lexical: bm25s's ``weight_mask`` multiplies every row's score by the mask, so rows outside it
  score 0 and never become candidates.

``mask`` is a boolean array with one entry per chunk row (True = may be returned).
"""

from __future__ import annotations

import numpy as np

# Up to this many allowed rows, exact scoring from the stored vectors is both faster and better
# than a FAISS scan with a selector. At 1M passages (IVF, nprobe 1/6 of the lists, 2 busy cores):
# 960 allowed rows: exact 0.1 ms vs IVF+bitmap 5.5 ms, whose recall@10 against exact search inside
# the mask was only 0.80 (few allowed rows fall in the probed lists); 10,200 rows: exact 37 ms
# from a cold memory map vs IVF+bitmap 19 ms (recall 0.96); 100k rows: IVF+bitmap 45 ms vs 51 ms
# unfiltered (recall 1.0). See benchmarks/filters_speed.py and docs/filters.md.
EXACT_MAX = 5_000
# ... and so does a mask that allows at most 1/EXACT_SHARE of the rows (a flat index scans all).
EXACT_SHARE = 200


class PreparedMask:
    """A mask with what the searches derive from it, computed once (masks are cached per filter)."""

    def __init__(self, mask: np.ndarray):
        self.mask = np.asarray(mask, dtype=bool)
        self.n = len(self.mask)
        self._rows: np.ndarray | None = None
        self._bits: np.ndarray | None = None
        self._weights: np.ndarray | None = None

    @property
    def rows(self) -> np.ndarray:
        if self._rows is None:
            self._rows = np.flatnonzero(self.mask)
        return self._rows

    @property
    def bits(self) -> np.ndarray:
        """The bitmap FAISS's IDSelectorBitmap reads: bit i % 8 of byte i // 8."""
        if self._bits is None:
            self._bits = np.packbits(self.mask, bitorder="little")
        return self._bits

    @property
    def weights(self) -> np.ndarray:
        if self._weights is None:
            self._weights = self.mask.astype(np.float32)
        return self._weights


def prepare(mask) -> PreparedMask | None:
    if mask is None:
        return None
    return mask if isinstance(mask, PreparedMask) else PreparedMask(mask)


def dense_search(index, vectors, query: np.ndarray, n: int, mask: PreparedMask | None) -> tuple[np.ndarray, np.ndarray]:
    """(scores, ids) of the n best allowed rows, best first. `index` is the FAISS index (or a
    wrapper with `search(x, k, params=None)`); `vectors` the stored chunk vectors (row access)."""
    q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
    if mask is None:
        s, i = index.search(q, n)
        keep = i[0] >= 0
        return s[0][keep], i[0][keep]
    rows = mask.rows
    if len(rows) == 0:
        return np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64)
    if len(rows) <= EXACT_MAX or len(rows) * EXACT_SHARE <= mask.n:
        return _exact(vectors, q[0], n, rows)
    import faiss

    sel = faiss.IDSelectorBitmap(mask.n, faiss.swig_ptr(mask.bits))
    inner = getattr(index, "_index", index)
    if hasattr(inner, "nprobe"):
        params = faiss.SearchParametersIVF(sel=sel, nprobe=inner.nprobe)
    else:
        params = faiss.SearchParameters(sel=sel)
    s, i = index.search(q, n, params=params)
    keep = i[0] >= 0
    if keep.sum() < min(n, len(rows)):  # IVF: the probed lists held too few allowed rows
        return _exact(vectors, q[0], n, rows)
    return s[0][keep], i[0][keep]


def _exact(vectors, q: np.ndarray, n: int, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The n best of `rows` by exact inner product with the stored vectors."""
    scores = np.asarray(vectors[rows], dtype=np.float32) @ q
    m = min(n, len(rows))
    top = np.argpartition(-scores, m - 1)[:m] if m < len(rows) else np.arange(len(rows))
    top = top[np.argsort(-scores[top], kind="stable")]
    return scores[top].astype(np.float32), rows[top].astype(np.int64)


def lexical_scores(bm25, token_ids: list[int], n_docs: int, mask: PreparedMask | None) -> np.ndarray:
    """BM25 of every row for the query's token ids; rows outside the mask score 0."""
    if not token_ids:
        return np.zeros(n_docs, dtype=np.float32)
    if mask is None:
        return bm25.get_scores_from_ids(token_ids)
    return bm25.get_scores_from_ids(token_ids, weight_mask=mask.weights)
