"""Unanswerable training rows made from answerable ones: what the answer step sees when the
documents do not state the answer ("deletion" negatives, fit_answer.py --deletion).

Only dev, dev2 and SQuAD 2.0 hold real unanswerable questions (38 on the bundled corpus). The
typical bundled one asks for a detail (a count, a person, a date) of an event the corpus describes
without it. For an answerable cached question (benchmarks/answer_data.Asked), remove from what
retrieval returned either

- `sentence`: every candidate sentence holding a gold answer (the passage stays, its text without
  those sentences): a same-event passage that does not say what was asked; or
- `passage`: every passage holding a gold answer (the documents never cover it);

and recompute what the removal changes: the passages' normalised BM25 and fused score (`passage`,
`passage_lex`), the passage's coverage of the question (`ctx`), the neighbours' `window`, and the
passage text the evidence reads (missing terms, names, pool). Not recomputed (no re-retrieval): the
11th passage retrieval would bring in, and in `sentence` mode the passage's dense cosine and BM25,
which still include the removed sentence (the row looks more answerable than it would: the safe
direction). The rows train the abstention (and, with --deletion-confidence, the confidence) model;
no figure is ever reported on them.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from qa.ingest.titles import date_words
from qa.lang import analyze
from qa.retrieve import DENSE_WEIGHT

MODES = ("sentence", "passage")


def _coverage(idf: dict[str, float], terms: set[str], total: float) -> float:
    return sum(w for t, w in idf.items() if t in terms) / total


def _renormalise(passages: list) -> list:
    """The passages' lexical half and fused score as retrieval gives them without the removed
    ones (BM25 over the best remaining, which is what the best of the pool becomes)."""
    best = max((p.bm25 for p in passages), default=0.0) or 1.0
    return [replace(p, rank=r + 1, lexical=p.bm25 / best,
                    score=DENSE_WEIGHT * p.dense + (1 - DENSE_WEIGHT) * p.bm25 / best)
            for r, p in enumerate(passages)]


def _cut(text: str, start: int, spans: list[tuple[int, int]]) -> str:
    """text (starting at document offset `start`) without the document spans given."""
    out, at = [], 0
    for s, e in sorted(spans):
        s, e = max(s - start, 0), min(e - start, len(text))
        if e <= at or s >= len(text):
            continue
        out.append(text[at:max(s, at)])
        at = e
    out.append(text[at:])
    return re.sub(r"\s{2,}", " ", "".join(out))


def negative(a, mode: str, index):
    """An unanswerable copy of the answerable cached question `a` (None when nothing is left).
    `index` is the set's qa.store.Index (IDF, neighbour sentences)."""
    from benchmarks.answer_data import Asked

    if not a.ok or not a.y.any():
        return None
    match = getattr(a, "match", None)
    gold_rows = [r for (r, _, _), g in zip(a.feats, a.y) if g]
    gold_ids = {r.id for r in gold_rows}
    if mode == "passage":
        kept_ids = {p.chunk.id for p, g in zip(a.passages, a.pgold) if not g}
        passages = _renormalise([p for p in a.passages if p.chunk.id in kept_ids])
    else:
        by_chunk: dict[int, list] = {}
        for r in gold_rows:
            for p in a.passages:
                if p.chunk.doc == r.doc and p.chunk.start <= r.start < p.chunk.end:
                    by_chunk.setdefault(p.chunk.id, []).append((r.start, r.end))
        passages = [replace(p, chunk=replace(p.chunk, text=_cut(p.chunk.text, p.chunk.start, by_chunk[p.chunk.id])))
                    if p.chunk.id in by_chunk else p for p in a.passages]
    new_p = {p.chunk.id: p for p in passages}
    keep = [i for i, ((r, p, _), g) in enumerate(zip(a.feats, a.y)) if not g and p.chunk.id in new_p]
    if not keep:
        return None
    idf = index.idf(sorted(set(a.terms)))
    total = sum(idf.values()) or 1.0
    top = max(p.score for p in passages) or 1.0
    ctx = {}
    if mode == "sentence":
        for cid in by_chunk:
            p = new_p[cid]
            title = set(analyze(f"{p.item.title} {date_words(p.item.date)}")) if p.item is not None else set()
            ctx[cid] = _coverage(idf, set(analyze(p.chunk.text)) | title, total)
    feats = []
    for i in keep:
        row, p, f = a.feats[i]
        p = new_p[p.chunk.id]
        f = dict(f, passage=p.score / top, passage_lex=p.lexical)
        if p.chunk.id in ctx:
            f["ctx"] = ctx[p.chunk.id]
        if mode == "sentence" and ({row.id - 1, row.id + 1} & gold_ids):
            # the sentence read with its neighbours, a removed neighbour left out
            around = [r for r in index.sentences(row.id - 1, 3)
                      if r.id not in gold_ids and r.doc == row.doc and r.item == row.item]
            f["window"] = _coverage(idf, {t for r in around for t in analyze(r.text)}, total)
        feats.append((row, p, f))
    q = replace(a.question, answerable=False, answers=[])
    out = Asked(a.set, q, a.terms, feats, passages, np.zeros(len(feats), bool), np.zeros(len(passages), bool))
    if match is not None:
        out.match = np.asarray(match)[keep]
    out.synthetic = mode
    return out


def negatives(train: list, mode: str, lexical) -> list:
    """Deletion negatives of every answerable question of `train` (mode "both": one of each)."""
    modes = MODES if mode == "both" else (mode,)
    out = []
    for a in train:
        if getattr(a, "synthetic", None):
            continue
        for m in modes:
            n = negative(a, m, lexical(a.set))
            if n is not None:
                out.append(n)
    return out
