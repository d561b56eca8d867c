"""Text -> L2-normalised vectors with a local sentence-transformers model."""

from __future__ import annotations

import os
import sys
from typing import Protocol

import numpy as np


class ModelError(Exception):
    """The embedding model cannot be loaded; the message says what to do."""


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        """float32 array (len(texts), dim), rows L2-normalised."""

    def fits(self, text: str) -> bool:
        """True if text fits the model's window without silent truncation."""


class SentenceTransformerEmbedder:
    """A sentence-transformers model on the CPU, loaded from a local path (or a cached name)."""

    def __init__(self, model: str, batch_size: int = 32):
        # Imported here: torch and transformers cost seconds, and many commands never embed.
        from sentence_transformers import SentenceTransformer

        if os.path.sep in model and not os.path.isdir(model):
            raise ModelError(f"embedding model folder not found: {model} (set QA_MODEL or --model)")
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as e:  # noqa: BLE001 - surface one clear line, not a hub traceback
            raise ModelError(
                f"cannot load embedding model {model!r} offline ({type(e).__name__}); "
                "point QA_MODEL at a local sentence-transformers folder"
            ) from e
        self.name = model
        self.dim = int(self._model.get_embedding_dimension())
        self.batch_size = batch_size
        self._max_tokens = int(self._model.max_seq_length)

    @property
    def identity(self) -> str:
        """What the manifest records: the model folder's name, so moving a venv keeps the index."""
        return os.path.basename(os.path.normpath(self.name)) if os.path.isdir(self.name) else self.name

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vecs = self._model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress and sys.stderr.isatty(),
        )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def fits(self, text: str) -> bool:
        ids = self._model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"]
        return len(ids) <= self._max_tokens
