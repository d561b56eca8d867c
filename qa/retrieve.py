"""Question -> top passages: dense (FAISS) and lexical (BM25) candidates from ``Index.search``,
fused by score.

In an e5 index holding both English and Russian passages, the dense score of a passage in the
other language than the question's is first freed of e5's language offset (``_cross_language``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from qa.answer.acronyms import defines
from qa.config import CANDIDATES, DEFAULT_K
from qa.contracts import Passage
from qa.lang import analyze
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
    shift = _cross_language(index, query_vector, hits.ids)
    ranked = hits.dense - shift
    lexical = hits.bm25 / best_lex
    if not np.isscalar(shift):
        lexical = _stand_in(ranked, lexical, shift)
    fused = DENSE_WEIGHT * ranked + (1 - DENSE_WEIGHT) * lexical
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


def spelled_out(
    index: Index, query_vector: np.ndarray, passages: list[Passage], acronym: str,
    candidates: int = CANDIDATES, mask: np.ndarray | None = None,
) -> list[Passage]:
    """`passages`, and after them the best passage that spells `acronym` out, when none of them does.

    A question asking what an acronym stands for retrieves the passages that use it most, and a
    news page uses it on every line while spelling it out once ("What does CARICC stand for?"):
    the passages found for the acronym alone are searched for the one that says it
    (qa.answer.acronyms.defines)."""
    if any(defines(p.chunk.text, acronym) for p in passages):
        return passages
    taken = {p.chunk.id for p in passages}
    for p in retrieve(index, query_vector, analyze(acronym), candidates, candidates, mask):
        if p.chunk.id not in taken and defines(p.chunk.text, acronym):
            return [*passages, replace(p, rank=len(passages) + 1)]
    return passages


def _stand_in(ranked: np.ndarray, lexical: np.ndarray, shift: np.ndarray) -> np.ndarray:
    """The lexical half of the fusion for passages in the other language than the question's.

    BM25 matches the question's words, so it is zero for a passage in another language whatever
    it says, and half of the fused score was lost for every cross-language answer. It cannot be
    measured there, so such a passage's own dense score stands in for it, relative to the best
    dense score of the question's language (capped at 1, as a normalised BM25 is). Passages of the
    question's language (shift 0; the other language's are moved up, qa.retrieve._cross_language)
    keep their BM25. Measured: docs/languages.md ("Questions across languages in one index")."""
    other = shift < 0
    own = ranked[~other]
    top = float(own.max()) if own.size else 0.0
    if top <= 0:
        return lexical
    return np.where(other, np.clip(ranked / top, 0.0, 1.0), lexical)


def _cross_language(index: Index, query_vector: np.ndarray, ids: np.ndarray) -> np.ndarray | float:
    """What to take off each candidate's dense score for its language: 0 unless the index is e5's
    and the candidates hold both English and Russian passages.

    e5-small puts each language's vectors around its own mean, so a question scores passages of
    its own language higher than the other language's, whatever they say: among English news on
    drug seizures an English question ranked them all above the Russian passage holding the
    answer. The difference of the two languages' means on parallel text (qa.embed.e5_language) is
    that offset alone, free of topic; a passage's score is moved by the question vector's share of
    it, relative to the question's own language (its language's passages keep their scores, the
    order within one language never changes). Measured: docs/languages.md.

    Each chunk's language was stored when it was indexed (``Index.chunk_languages``,
    qa.store.languages): nothing is detected here."""
    from qa.embed.e5_small import IDENTITY

    if index.manifest.get("model") != IDENTITY or len(ids) == 0:  # before reading any language
        return 0.0
    return language_shift(index, query_vector, index.chunk_languages(ids))


def language_shift(index: Index, query_vector: np.ndarray, languages) -> np.ndarray | float:
    """_cross_language for rows of the given stored languages (chunks, or sentences: qa.answer.features):
    0 for the question's own language, less than 0 for the other, or 0.0 when the index is not e5's or
    the rows are in one language."""
    from qa.embed.e5_small import IDENTITY

    if index.manifest.get("model") != IDENTITY:
        return 0.0
    from qa.embed.e5_language import RU_MINUS_EN

    return shift_along(RU_MINUS_EN, query_vector, languages)


def shift_along(offset, query_vector: np.ndarray, languages) -> np.ndarray | float:
    """What to take off the cosines of rows of the given stored languages with `query_vector` for e5's
    Russian-minus-English `offset` (qa.embed.e5_language: RU_MINUS_EN for the centred vectors, RU_MINUS_EN_RAW
    for the uncentred ones the answer step also reads): 0 for the question's own language, less than 0 for the
    other, or 0.0 when the rows are in one language."""
    ru = np.array(languages) == "ru"
    if ru.all() or not ru.any():
        return 0.0
    share = float(np.dot(np.asarray(offset, dtype=np.float32), query_vector))  # > 0: a Russian-like question
    # half the offset to each side of the middle, then relative to the question's side
    own = abs(share) / 2
    return np.where(ru, share / 2, -share / 2) - own
