"""The fitted answer step: sentence choice, passage order, calibrated confidence, short answer.

Constants come from answer_model.json beside this module, written by
`benchmarks/fit_answer.py --write` (fitted on every question set, chosen by cross-validated
figures per set; docs/quality.md). One file so the model, its calibration and its thresholds
always change together.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from qa import answer as base
from qa import confidence, short_answer
from qa.answer_types import type_features
from qa.trim import trim

MODEL_FILE = Path(__file__).with_name("answer_model.json")


@dataclass(frozen=True)
class Constants:
    sentence_weights: dict
    passage_weights: dict
    confidence_weights: dict
    confidence_bias: float
    calibration: tuple
    abstain_below: float
    span_weights: dict
    span_bias: float
    span_threshold: float


@functools.cache
def constants(path: Path = MODEL_FILE) -> Constants:
    d = json.loads(Path(path).read_text(encoding="utf-8"))
    d["calibration"] = (tuple(d["calibration"][0]), tuple(d["calibration"][1]))
    return Constants(**d)


def ranked_candidates(question, query_vector, terms, passages, index, c: Constants) -> list[base.Candidate]:
    out = []
    for row, p, f in base.sentence_features(question, query_vector, terms, passages, index):
        item = p.item
        f.update(type_features(question, row.text, item.title if item else "", item.date if item else None,
                               bool(f["news_lead"])))
        out.append(base.Candidate(row, p, f, base.score({k: f[k] for k in c.sentence_weights}, c.sentence_weights)))
    out.sort(key=lambda x: -x.score)
    return out


def rerank_passages(passages, ranked, c: Constants):
    feats = base.passage_features(passages, ranked)
    rank = {cid: base.score(f, c.passage_weights) for cid, f in feats.items()}
    floor = min(rank.values(), default=0.0) - 1.0  # a passage without sentences ranks last
    order = sorted(passages, key=lambda p: -rank.get(p.chunk.id, floor))
    top = rank.get(order[0].chunk.id, floor) if order else 0.0
    return [replace(p, rank=r + 1, score=float(np.exp(rank.get(p.chunk.id, floor) - top))) for r, p in enumerate(order)]


def pick_answer(question, query_vector, terms, passages, index, c: Constants | None = None):
    """The answer (or None: "not found") and the re-ordered passages."""
    c = c or constants()
    ranked = ranked_candidates(question, query_vector, terms, passages, index, c)
    if not ranked:
        return None, passages
    pool = passages
    passages = rerank_passages(passages, ranked, c)
    raw = confidence.probability(confidence.features(question, terms, ranked, pool), c.confidence_weights,
                                 c.confidence_bias)
    conf = confidence.calibrate(raw, c.calibration)
    if conf < c.abstain_below:
        return None, passages
    best = ranked[0]
    row = best.sentence
    p = next(x for x in passages if x.chunk.id == best.passage.chunk.id)
    a, b = trim(row.text, question, terms)
    text = row.text[a:b]
    found, _ = short_answer.pick(text, question, raw, best.features["lex"], c.span_weights, c.span_bias,
                                 c.span_threshold)
    start = row.start + a
    return (
        base.Answer(
            text=text, doc=row.doc, title=p.item.title if p.item else row.doc, date=p.item.date if p.item else None,
            start=start, end=row.start + b, score=round(conf, 4), passage_rank=p.rank,
            span=None if found is None else (start + found[0], start + found[1]),
        ),
        passages,
    )
