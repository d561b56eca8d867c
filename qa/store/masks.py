"""Search restricted to allowed chunk rows, applied *before* the top n is chosen.

Filtering a top-n list afterwards returns fewer than n passages, or none, when the allowed rows
are not among the best overall. ``Index.search`` therefore hands a mask (one bool per chunk row,
True = may be returned) to both retrievers:

* dense: few allowed rows (at most ``EXACT_MAX``, or a small share of the index) are scored
  exactly, one dot product each, from the stored float32 chunk vectors; more go through FAISS with
  an ``IDSelectorBitmap`` (``DenseIndex.search``), which skips every other row inside the scan,
  flat or IVF. If the probed IVF lists hold fewer allowed rows than asked for, exact scoring
  again, so a filter never returns fewer passages than it has.
* lexical: bm25s's ``weight_mask`` multiplies every row's score by the mask (``LexicalIndex.scores``).

What a search derives from a mask (its row ids, FAISS bitmap, float weights) is computed once per
mask array and kept while the caller keeps asking with that same array (filters cache their masks).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

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
        self.source = mask
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


_CACHE: OrderedDict[int, PreparedMask] = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 8


def prepare(mask) -> PreparedMask | None:
    """The prepared form of a mask array, cached by identity (the entry holds the array, so its
    id cannot be reused while cached)."""
    if mask is None or isinstance(mask, PreparedMask):
        return mask
    with _CACHE_LOCK:
        hit = _CACHE.get(id(mask))
        if hit is not None and hit.source is mask:
            _CACHE.move_to_end(id(mask))
            return hit
        prepared = PreparedMask(mask)
        _CACHE[id(mask)] = prepared
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
        return prepared


def dense_search(index, vectors, query: np.ndarray, n: int, mask: PreparedMask | None) -> tuple[np.ndarray, np.ndarray]:
    """(scores, ids) of the n best allowed rows, best first. `index` is the store's DenseIndex;
    `vectors` the stored chunk vectors (row access)."""
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
    s, i = index.search(q, n, mask)  # DenseIndex: FAISS with an IDSelectorBitmap
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

