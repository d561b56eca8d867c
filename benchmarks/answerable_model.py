"""An answerability model (an experiment, not shipped: the answer step does not read it; docs/relevance.md).

A learned answerability signal: does this sentence (in its passage) answer the question, or is
it merely on topic? In numpy, no torch at question time.

The same late interaction as qa/answer/matcher.py (every question token finds its best match
among a sentence's tokens; tokens are the bundled MiniLM's frozen WordPiece embeddings read through
a learned convolution over three neighbouring tokens), with a different head and objective. Besides
the weighted mean of the matches (how well the sentence fits, the matcher's score), a weighted
soft minimum says whether some important question token has no match at all. That is how SQuAD
2.0's unanswerable questions look: the right topic and paragraph with one entity, number or
relation swapped, so the mean stays high while one token finds nothing. The head may also read
the same two over the whole passage holding the sentence (PARTS; the file's metadata says which it
reads: the last one trained reads the sentence only, docs/relevance.md says why). Trained by
``benchmarks/train_answerable.py`` on the answer step's own candidates, with SQuAD 2.0's
unanswerable questions as hard negatives and a learned "no answer" logit (a softmax over [no
answer, the candidates]); only the learned part is written (``answerable.safetensors``, under 1 MB,
under benchmarks/out/answerable/). Scored held out, it did not move the gate in cross-validation
(docs/quality.md), so it left qa/answer/ (third session's closing note: nothing the answer step does
not read ships).

    m = default_model()
    logits = m.score(question, sentences, contexts)   # contexts[i]: the passage text of sentences[i]
    m.answerability(question, sentences, contexts)    # max logit minus the no-answer logit

``identity`` is the file's hash.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.answer import matcher
from qa.answer.matcher import _cached_tables, _read, make_tokenizer, token_ids
from qa.answer.matcher import RelevanceError, identity

MODEL_FILE = Path(__file__).resolve().parent / "out/answerable/answerable.safetensors"
FORMAT = "qa-answerable-1"
# what the head may read (the file's metadata says which, in order): the weighted mean or soft
# minimum of the question tokens' best matches, within the sentence or within its passage
PARTS = ("mean_sentence", "mean_context", "min_sentence", "min_context")
# sharpness of the soft minimum over question tokens (fixed: 10 lets one unmatched token of
# weight 1/8 pull the value most of the way down, without a hard min's zero gradient elsewhere)
TAU = 10.0


def read_metadata(path: str | os.PathLike) -> dict[str, str]:
    return matcher.read_metadata(path, FORMAT, "answerability model")


def soft_min(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted soft minimum over axis 0 of (q, n) matches, weights (q,) summing to 1."""
    z = -TAU * x + np.log(np.maximum(w, 1e-30))[:, None]
    m = z.max(axis=0)
    return -(m + np.log(np.exp(z - m).sum(axis=0))) / TAU


class AnswerabilityModel:
    """The trained model; score() is pure numpy, safe to call from several threads."""

    def __init__(self, path: str | os.PathLike = MODEL_FILE):
        meta, base, w = matcher.load_learned(path, FORMAT, "answerability model")
        self.path = str(path)
        self.identity = identity(path)
        self.q_tokens = int(meta["q_tokens"])
        self.s_tokens = int(meta["s_tokens"])
        self.c_tokens = int(meta["c_tokens"])
        self.parts = tuple(meta["parts"].split(","))
        if set(self.parts) - set(PARTS):
            raise RelevanceError(f"{path} reads unknown parts {self.parts}")
        self._tok = make_tokenizer(base)
        self._qtab, self._stab = _cached_tables(f"answerable-{self.identity}", base, w, meta.get("base_sha256"))
        self._qb, self._sb = w["q_conv.bias"], w["s_conv.bias"]
        self._token_weight = w["token_weight"]
        self._head = w["head"]
        self._bias = float(w["bias"][0])
        self.no_answer = float(w["null"][0])

    def _best(self, q: np.ndarray, texts: Sequence[str], max_tokens: int) -> np.ndarray:
        """(q tokens, texts): each question token's best match within each text."""
        ids = [np.array(x) for x in token_ids(self._tok, texts, max_tokens)]
        s = np.concatenate([_read(self._stab, self._sb, x) for x in ids])
        starts = np.cumsum([0] + [len(x) for x in ids[:-1]])
        # einsum, not BLAS: small products run slower through a multi-threaded BLAS on a busy machine
        return np.maximum.reduceat(np.einsum("qd,sd->qs", q, s), starts, axis=1)

    def score(
        self, question: str, sentences: Sequence[str], contexts: Sequence[str] | None = None
    ) -> np.ndarray:
        """One logit per sentence (float32): higher = more likely to answer the question.
        contexts[i] is the passage holding sentences[i] (None: each sentence is its own context)."""
        if contexts is not None and len(contexts) != len(sentences):
            raise ValueError("one context per sentence")
        out = np.zeros(len(sentences), dtype=np.float32)
        if not len(sentences):
            return out
        qids = np.array(token_ids(self._tok, [question], self.q_tokens)[0])
        q = _read(self._qtab, self._qb, qids)
        weight = np.logaddexp(0.0, self._token_weight[qids])  # softplus: every token counts >= 0
        weight = weight / weight.sum()
        best_s = self._best(q, sentences, self.s_tokens)
        if contexts is None or not any(p.endswith("_context") for p in self.parts):
            best_c = best_s
        else:
            unique = list(dict.fromkeys(contexts))
            at = {c: i for i, c in enumerate(unique)}
            # a sentence's own tokens count as context even when the passage was cut before them
            best_c = np.maximum(self._best(q, unique, self.c_tokens)[:, [at[c] for c in contexts]], best_s)
        read = {"mean_sentence": lambda: weight @ best_s, "mean_context": lambda: weight @ best_c,
                "min_sentence": lambda: soft_min(best_s, weight), "min_context": lambda: soft_min(best_c, weight)}
        out[:] = self._head @ np.stack([read[p]() for p in self.parts]) + self._bias
        return out

    def answerability(
        self, question: str, sentences: Sequence[str], contexts: Sequence[str] | None = None
    ) -> float:
        """How far the best candidate's logit is above the learned no-answer logit (> 0: answerable)."""
        if not len(sentences):
            return -self.no_answer
        return float(self.score(question, sentences, contexts).max()) - self.no_answer


def candidate_scores(question: str, feats: list, model: AnswerabilityModel | None = None) -> np.ndarray:
    """Each answer-step candidate's logit minus the no-answer logit (> 0: reads as an answer), for
    feats as qa.answer.features.sentence_features returns them: (SentenceRow, Passage, dict)."""
    m = model or default_model()
    sents = [row.text for row, _, _ in feats]
    return m.score(question, sents, [p.chunk.text for _, p, _ in feats]) - np.float32(m.no_answer)


@functools.cache
def default_model() -> AnswerabilityModel:
    """The trained model (MODEL_FILE), loaded once per process."""
    return AnswerabilityModel()
