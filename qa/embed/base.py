"""The embedder protocol every encoder backend implements, and what the backends share."""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Callable
from typing import Literal, Protocol

import numpy as np

# "query" for a question, "passage" for stored text: asymmetric models (e5, bge) embed them
# differently; symmetric ones (all-MiniLM-L6-v2) ignore the role.
Role = Literal["query", "passage"]
# Called with how many of the texts are embedded so far (cumulative), after every batch.
Progress = Callable[[int], None]



# A question (a handful of short texts) is encoded on one thread: on a small, shared machine the
# thread hand-offs of a 2-thread forward pass cost more than they save (2 busy cores: one
# question 140 ms with 2 threads, 25 ms with 1). Batches of passages keep every thread.
SINGLE_THREAD_MAX_TEXTS = 4
_ALL_THREADS: int | None = None


@contextlib.contextmanager
def few_threads(single: bool):
    if not single:
        yield
        return
    import torch

    global _ALL_THREADS
    if _ALL_THREADS is None:  # restore to this, not to "before": concurrent questions must not
        _ALL_THREADS = torch.get_num_threads()  # leave the process stuck on one thread
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(_ALL_THREADS)



@functools.cache
def wordpiece_tokenizer(folder: str):
    """A model folder's ``tokenizer.json`` without padding or truncation, read once per process and
    shared: the ONNX encoder and the answer matcher read the same bundled file (~0.03 s each at
    start-up, issue 17). Callers must not change its settings: make your own Tokenizer for that."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(os.path.join(os.path.realpath(folder), "tokenizer.json"))
    tok.no_padding()
    tok.no_truncation()
    return tok


class ModelError(Exception):
    """The embedding model cannot be loaded; the message says what to do."""


class Embedder(Protocol):
    name: str  # what the user configured (a folder or a model name)
    dim: int

    @property
    def identity(self) -> str:
        """What the index manifest records and the fitted answer models are keyed by: two
        embedders with the same identity give the same vectors."""

    def encode(self, texts: list[str], role: Role = "passage", progress: Progress | None = None) -> np.ndarray:
        """float32 array (len(texts), dim), rows L2-normalised."""

    def fits(self, text: str) -> bool:
        """True if text fits the model's window without silent truncation."""
