"""Passage ordering: a second fitted model re-orders the passages by what their sentences say."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from qa.answer.features import Candidate, score
from qa.answer.weights import PASSAGE_WEIGHTS
from qa.contracts import Passage

_BEST_OF = ("lex", "window", "bigram", "focus", "type", "head", "names")


def passage_features(passages: list[Passage], ranked: list[Candidate]) -> dict[int, dict[str, float]]:
    """Per passage (chunk id) that has candidate sentences: evidence that it holds the answer."""
    by_passage: dict[int, list[Candidate]] = {}
    for c in ranked:
        by_passage.setdefault(c.passage.chunk.id, []).append(c)
    if not by_passage:
        return {}
    scores = np.array([c.score for c in ranked])
    top = scores.max()
    log_total = float(np.log(np.exp(scores - top).sum()) + top)
    top_retrieval = max(p.score for p in passages) or 1.0
    scored = [p for p in passages if p.chunk.id in by_passage]
    # 0-based ranks among the passages that compete, by each retriever's own score
    dense_rank = {p.chunk.id: r for r, p in enumerate(sorted(scored, key=lambda p: -p.dense))}
    lexical_rank = {p.chunk.id: r for r, p in enumerate(sorted(scored, key=lambda p: -p.lexical))}
    out = {}
    for position, p in enumerate(passages):
        cands = by_passage.get(p.chunk.id)
        if not cands:
            continue
        s = sorted((c.score for c in cands), reverse=True)
        f = cands[0].features
        out[p.chunk.id] = {
            "best": s[0],
            "second": s[1] if len(s) > 1 else s[0],
            # log of the passage's share of the sentence model's probability mass
            "share": float(np.log(np.exp(np.array(s) - s[0]).sum()) + s[0] - log_total),
            "retrieval": p.score / top_retrieval,
            "dense": p.dense,
            "lexical": p.lexical,
            "ctx": f["ctx"],
            "rank": float(np.log1p(position)),
            "dense_rank": float(np.log1p(dense_rank[p.chunk.id])),
            "lexical_rank": float(np.log1p(lexical_rank[p.chunk.id])),
            "sentences": float(np.log1p(len(s))),
            **{f"best_{k}": max(c.features[k] for c in cands) for k in _BEST_OF},
        }
    return out


def rerank_passages(
    passages: list[Passage], ranked: list[Candidate], weights: dict[str, float] = PASSAGE_WEIGHTS
) -> list[Passage]:
    """Re-order passages by the passage model; score = exp(difference to the top passage), 0..1."""
    feats = passage_features(passages, ranked)
    rank = {cid: score(f, weights) for cid, f in feats.items()}
    floor = min(rank.values(), default=0.0) - 1.0  # a passage without sentences ranks last
    order = sorted(passages, key=lambda p: -rank.get(p.chunk.id, floor))
    top = rank.get(order[0].chunk.id, floor) if order else 0.0
    return [
        replace(p, rank=r + 1, score=float(np.exp(rank.get(p.chunk.id, floor) - top))) for r, p in enumerate(order)
    ]

