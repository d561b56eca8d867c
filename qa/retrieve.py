"""Question -> top passages: dense (FAISS) and lexical (BM25) candidates from ``Index.search``,
fused by score."""

from __future__ import annotations

import numpy as np

from qa.config import CANDIDATES, DEFAULT_K
from qa.contracts import Passage
from qa.store import Index

# Weight of the dense score in the fusion; the rest goes to BM25 (normalised by its best score).
DENSE_WEIGHT = 0.5


def retrieve(
    index: Index,
    query_vector: np.ndarray,
    terms: list[str],
    k: int = DEFAULT_K,
    candidates: int = CANDIDATES,
    mask: np.ndarray | None = None,
) -> list[Passage]:
    """The k best passages by a convex mix of dense cosine and normalised BM25.

    `mask` (one bool per chunk, True = allowed) restricts both retrievers before their top n."""
    if index.size == 0 or k <= 0:
        return []
    hits = index.search(query_vector, terms, max(candidates, k), mask)
    best_lex = max((float(b) for b in hits.bm25), default=0.0) or 1.0
    fused = DENSE_WEIGHT * hits.dense + (1 - DENSE_WEIGHT) * hits.bm25 / best_lex
    order = sorted(range(len(hits.ids)), key=lambda j: -fused[j])[:k]
    at = {int(hits.ids[j]): j for j in order}
    rows = index.chunks([int(hits.ids[j]) for j in order])
    items = {row.id: index.item(row.doc, row.item) for row in rows}
    return [
        Passage(
            rank=r + 1,
            chunk=row,
            item=items[row.id],
            score=float(fused[at[row.id]]),
            dense=float(hits.dense[at[row.id]]),
            lexical=float(hits.bm25[at[row.id]]) / best_lex,
            bm25=float(hits.bm25[at[row.id]]),
            page=items[row.id].page if items[row.id] is not None else None,
        )
        for r, row in enumerate(rows)
    ]
