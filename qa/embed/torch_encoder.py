"""The PyTorch backend: a sentence-transformers model on the CPU."""

from __future__ import annotations

import os

from collections.abc import Sequence

import numpy as np

from qa import timing
from qa.embed.base import SINGLE_THREAD_MAX_TEXTS, ModelError, Progress, Role, few_threads
from qa.embed.pooling import Span, pool_spans

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

    def encode(self, texts: list[str], role: Role = "passage", progress: Progress | None = None) -> np.ndarray:
        """The role is ignored: a sentence-transformers model without prompts embeds both alike."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with few_threads(len(texts) <= SINGLE_THREAD_MAX_TEXTS):
            if len(texts) <= self.batch_size:
                out = np.ascontiguousarray(self._encode_batch(texts), dtype=np.float32)
                if progress is not None:
                    progress(len(texts))
                return out
            # Batches by token count, longest first. sentence-transformers sorts by characters,
            # which pads 21% more tokens on SQuAD sentences+chunks (50.0k vs 41.4k; the forward pass
            # ~25% more CPU): a batch's width is its longest member in tokens, not characters.
            # The length pass is one fast-tokenizer call, ~0.3% of the forward pass.
            ids = self._model.tokenizer(
                texts, add_special_tokens=True, truncation=True, max_length=self._max_tokens,
                return_attention_mask=False, return_token_type_ids=False,
            )["input_ids"]
            order = np.argsort([len(x) for x in ids], kind="stable")[::-1]
            out = np.zeros((len(texts), self.dim), dtype=np.float32)
            for s in range(0, len(order), self.batch_size):
                part = order[s : s + self.batch_size]
                out[part] = self._encode_batch([texts[i] for i in part])
                if progress is not None:
                    progress(min(s + self.batch_size, len(texts)))
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        with timing.stage("encode"):
            return self._model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )

    def fits(self, text: str) -> bool:
        ids = self._model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"]
        return len(ids) <= self._max_tokens

    @property
    def max_tokens(self) -> int:
        return self._max_tokens

    def token_counts(self, texts: list[str]) -> list[int]:
        """Tokens of each text with the special tokens, untruncated: chunking's window check."""
        if not texts:
            return []
        with timing.stage("tokenise"):
            ids = self._model.tokenizer(list(texts), add_special_tokens=True, truncation=False,
                                        return_attention_mask=False, return_token_type_ids=False)["input_ids"]
        return [len(x) for x in ids]

    def encode_spans(
        self, texts: list[str], spans: Sequence[Sequence[Span]], role: Role = "passage",
        progress: Progress | None = None,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Each text's vector and, from the same pass, a vector per character span of it
        (``qa.embed.pooling``): the build's sentence vectors without a second forward pass."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        pooled: list[np.ndarray] = [np.zeros((0, self.dim), dtype=np.float32)] * len(texts)
        if not texts:
            return out, pooled
        with timing.stage("tokenise"):
            enc = self._model.tokenizer(
                list(texts), add_special_tokens=True, truncation=True, max_length=self._max_tokens,
                return_offsets_mapping=True, return_attention_mask=False, return_token_type_ids=False,
            )
        offsets = enc["offset_mapping"]
        order = np.argsort([len(x) for x in enc["input_ids"]], kind="stable")[::-1]
        with few_threads(len(texts) <= SINGLE_THREAD_MAX_TEXTS):
            for s in range(0, len(order), self.batch_size):
                part = order[s : s + self.batch_size]
                with timing.stage("encode"):
                    # output_value=None: every output of the pass, the token embeddings too
                    rows = self._model.encode(
                        [texts[i] for i in part], batch_size=self.batch_size, output_value=None,
                        convert_to_numpy=False, show_progress_bar=False,
                    )
                for i, row in zip(part, rows):
                    vec = row["sentence_embedding"].float().numpy()
                    out[i] = vec / max(float(np.linalg.norm(vec)), 1e-12)
                    width = int(row["attention_mask"].sum())
                    hidden = row["token_embeddings"][:width].float().numpy()
                    pooled[i] = pool_spans(hidden, offsets[i][:width], spans[i], self.dim)
                if progress is not None:
                    progress(min(s + self.batch_size, len(texts)))
        return out, pooled

