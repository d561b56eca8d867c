"""Answer: passages -> one verbatim answer sentence with its short answer span, or none.

Owns question analysis (``question``: answer type, asked-for noun, typed spans), the sentence
features and scores (``features``), the fitted models keyed to the embedder identity they were
fitted for (``weights``), confidence and abstention (``evidence``, ``trees``), what a "not found"
tells the user (``not_found``), passage ordering (``ordering``) and picking and trimming the answer
(``pick``, which runs the choosing steps in order: ``rows``, ``neighbours``, ``minutes`` and the others it names, and
the note of ``disagreement``).
"""

from qa.answer.features import Candidate, candidates, score, sentence_features
from qa.answer.ordering import passage_features, rerank_passages
from qa.answer.pick import MAX_ANSWER_CHARS, pick_answer
from qa.answer.weights import (
    ABSTAIN_BELOW, CONFIDENCE_BIAS, CONFIDENCE_WEIGHTS, FITTED, PASSAGE_WEIGHTS, WEIGHTS, Fitted, fitted_for,
)  # fmt: skip

__all__ = [
    "ABSTAIN_BELOW", "CONFIDENCE_BIAS", "CONFIDENCE_WEIGHTS", "FITTED", "MAX_ANSWER_CHARS", "PASSAGE_WEIGHTS",
    "WEIGHTS", "Candidate", "Fitted", "candidates", "fitted_for",
    "passage_features", "pick_answer", "rerank_passages", "score", "sentence_features",
]  # fmt: skip
