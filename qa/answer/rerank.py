"""Stage 2 of choosing the answer sentence: the cross-encoder reads the best few candidates.

The sentence model (qa.answer.features, fitted weights) ranks every candidate sentence from what
the index stores. A cross-encoder (qa.answer.relevance: the bundled MiniLM cut to a few layers,
reading question and sentence together) costs ~2-4 ms of CPU per sentence, so it reads only the
`top` best of that ranking. Each of them gets its logit ("xenc"), every other candidate the lowest
of those logits (so the re-scoring leaves their order and their distance to each other alone),
and all get the distance to the best logit ("xenc_rel"). The new score is a fitted mix of the
stage-1 score and these two (benchmarks/fit_answer.py --rerank); "xenc_top", the best logit minus
the model's no-answer logit, is evidence for the abstention model (qa.answer.evidence).
"""

from __future__ import annotations

import numpy as np

from qa.answer.features import Candidate


def relevance_model(identity: str | None):
    """The shipped cross-encoder, loaded once; its identity must be the one the weights were fitted on
    (a retrained file means refitting: benchmarks/fit_answer.py --rerank)."""
    from qa.answer.relevance import RelevanceError, default_model

    model = default_model()
    if identity and model.identity != identity:
        raise RelevanceError(f"the relevance model is {model.identity}, the answer weights were fitted on {identity}")
    return model


def fill(n: int, head: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Per candidate (n of them): the logit of the scored ones (positions `head`), the lowest
    scored logit for the rest; each minus the best; and the best."""
    best = float(vals.max())
    fx = np.full(n, float(vals.min()))
    fx[head] = vals
    return fx, fx - best, best


def rerank(question: str, ranked: list[Candidate], weights: dict[str, float], top: int, model=None) -> list[Candidate]:
    """`ranked` (best first, stage-1 scores) re-scored with the cross-encoder over its `top` best;
    every candidate's features gain "xenc", "xenc_rel" and "xenc_top"."""
    if not ranked or top <= 0:
        return ranked
    if model is None:
        model = relevance_model(None)
    head = np.arange(min(top, len(ranked)))
    vals = np.asarray(model.score(question, [ranked[i].sentence.text for i in head]), float)
    fx, fr, best = fill(len(ranked), head, vals)
    out = []
    for c, x, r in zip(ranked, fx, fr):
        f = {**c.features, "xenc": float(x), "xenc_rel": float(r), "xenc_top": best - model.no_answer}
        s = weights["stage1"] * c.score + weights["xenc"] * x + weights["xenc_rel"] * r
        out.append(Candidate(c.sentence, c.passage, f, float(s)))
    out.sort(key=lambda c: -c.score)
    return out
