"""Question -> top passages: dense (FAISS) and lexical (BM25) candidates, fused by score."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.index import ChunkRow, Index, ItemInfo

# Weight of the dense score in the fusion; the rest goes to BM25 (normalised by its best score).
DENSE_WEIGHT = 0.5


@dataclass(frozen=True)
class Passage:
    rank: int
    chunk: ChunkRow
    item: ItemInfo | None
    score: float  # fused, 0..1
    dense: float  # cosine similarity to the question
    lexical: float  # BM25, divided by the best BM25 score among the candidates
    bm25: float  # raw BM25 score: low when the question's words are rare or absent in the corpus


def retrieve(
    index: Index,
    query_vector: np.ndarray,
    terms: list[str],
    k: int = 5,
    candidates: int = 50,
) -> list[Passage]:
    """The k best passages by a convex mix of dense cosine and normalised BM25."""
    n = index.faiss.ntotal
    if n == 0 or k <= 0:
        return []
    m = min(max(candidates, k), n)
    dense_scores, dense_ids = index.faiss.search(query_vector.reshape(1, -1).astype(np.float32), m)
    dense = {int(i): float(s) for i, s in zip(dense_ids[0], dense_scores[0]) if i >= 0}

    bm25 = index.lexical.scores(terms)
    nz = np.flatnonzero(bm25)  # only passages sharing a term with the question compete
    if len(nz) > m:
        nz = nz[np.argpartition(bm25[nz], len(nz) - m)[len(nz) - m:]]
    lex_ids = [int(i) for i in nz]

    pool = set(dense) | set(lex_ids)
    missing = [i for i in pool if i not in dense]
    if missing:
        # the exact cosine for lexical-only candidates, so both sides are scored alike
        vecs = np.vstack([index.faiss.reconstruct(i) for i in missing])
        for i, s in zip(missing, vecs @ query_vector):
            dense[i] = float(s)
    best_lex = max((float(bm25[i]) for i in pool), default=0.0) or 1.0
    fused = {
        i: DENSE_WEIGHT * dense[i] + (1 - DENSE_WEIGHT) * float(bm25[i]) / best_lex for i in pool
    }
    top = sorted(pool, key=lambda i: -fused[i])[:k]
    rows = index.chunks(top)
    return [
        Passage(
            rank=r + 1,
            chunk=row,
            item=index.item(row.doc, row.item),
            score=fused[row.id],
            dense=dense[row.id],
            lexical=float(bm25[row.id]) / best_lex,
            bm25=float(bm25[row.id]),
        )
        for r, row in enumerate(rows)
    ]
