"""Span vectors from one forward pass: a sentence's vector pooled from its chunk's token outputs.

An embedder that can return its token outputs (the ONNX and PyTorch backends) offers
``encode_spans``: it embeds each text once and, for each character span of that text, returns
the mean of the token embeddings that overlap the span, L2-normalised: mean pooling, as the model
pools a whole text, restricted to the span. The build uses it to get every sentence's vector
from its chunk's pass instead of a second pass over the sentences (issue 18).

It is an optional capability (``SpanEmbedder``), not part of ``Embedder``: an embedder without
token outputs is still a complete embedder, and the build falls back to encoding sentences on
their own (``supports_spans``). A span no token covers (truncated away, or characters the
tokenizer drops) comes back as a zero row; the caller encodes those texts separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from qa.embed.base import Progress, Role

Span = tuple[int, int]  # character offsets [start, end) into the text


@runtime_checkable
class SpanEmbedder(Protocol):
    def encode_spans(
        self, texts: list[str], spans: Sequence[Sequence[Span]], role: Role = "passage",
        progress: Progress | None = None,
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """(text vectors (len(texts), dim), [one (len(spans[i]), dim) array per text]); every
        row L2-normalised, or all zeros for a span no token covers."""


def supports_spans(embedder) -> bool:
    """True if the embedder can pool spans from its own pass (else: encode sentences separately)."""
    return isinstance(embedder, SpanEmbedder) and getattr(embedder, "token_outputs", True)


def pool_spans(hidden: np.ndarray, offsets: Sequence[Span], spans: Sequence[Span], dim: int) -> np.ndarray:
    """Mean of the token rows of `hidden` (tokens, dim) whose character offsets overlap each span,
    L2-normalised; special tokens (offsets (0, 0)) belong to no span. Zero row: no token."""
    if not len(spans):
        return np.zeros((0, dim), dtype=np.float32)
    n = min(len(offsets), len(hidden))
    tok = np.asarray(offsets[:n], dtype=np.int64).reshape(n, 2)
    sp = np.asarray(spans, dtype=np.int64).reshape(len(spans), 2)
    # (spans, tokens) membership: one matrix product pools every span of the text at once
    member = (tok[None, :, 1] > tok[None, :, 0]) & (tok[None, :, 0] < sp[:, 1:2]) & (tok[None, :, 1] > sp[:, 0:1])
    sums = member.astype(np.float32) @ np.asarray(hidden[:n], dtype=np.float32)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return np.where(norms > 0, sums / np.maximum(norms, 1e-30), 0.0).astype(np.float32)
