"""Shared fixtures: a small deterministic embedder for fast tests, and the real model for slow ones."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from qa.config import Settings  # noqa: E402
from qa.lang import analyze

ROOT = Path(__file__).resolve().parent.parent
# The bundled documents, as shipped: tests read them (or copy them) and never the user's corpus/,
# which uploads and the user's own files change.
BUNDLED = ROOT / "samples" / "corpus"
CORPUS = BUNDLED
SHARED = ROOT.parent / "shared"


# Two tiny invented documents whose facts no other text holds, for index and build tests.
HARBOUR = (
    "Harbour news\n\n"
    "The lighthouse keeper of Port Ellery is Margaret Quill. She has kept the light since 1998.\n\n"
    "The ferry to Skarn Island leaves every Tuesday at noon.\n"
)
ORCHARD = (
    "Orchard report\n\n"
    "The Wenlow orchard grows forty varieties of pear. Its oldest tree was planted in 1871.\n"
)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A corpus folder (tmp_path / "docs") holding the two invented documents above. A test module
    that needs more documents overrides it with a fixture of the same name that takes this one."""
    c = tmp_path / "docs"
    c.mkdir()
    (c / "harbour.txt").write_text(HARBOUR)
    (c / "orchard.txt").write_text(ORCHARD)
    return c


def free_port() -> int:
    """A loopback port nobody listens on, for starting the app in a test."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HashEmbedder:
    """Bag of stemmed words hashed into 64 dimensions: deterministic, instant, and similar
    texts get similar vectors, which is all the pipeline's plumbing tests need."""

    name = identity = "hash-64"
    dim = 64

    def __init__(self, max_words: int = 200):
        self.max_words = max_words
        self.calls: list[int] = []  # how many texts each encode() call embedded

    def encode(self, texts, role="passage", progress=None):
        self.calls.append(len(texts))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in analyze(text) or ["\x00"]:
                h = int.from_bytes(hashlib.blake2b(term.encode(), digest_size=4).digest(), "little")
                out[row, h % self.dim] += 1.0
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        if progress is not None:
            progress(len(texts))
        return out

    def fits(self, text):
        return len(text.split()) <= self.max_words

    @property
    def embedded(self) -> int:
        return sum(self.calls)


class SpanHashEmbedder(HashEmbedder):
    """HashEmbedder with token outputs (``qa.embed.pooling.SpanEmbedder``): a span's pooled vector
    is its own words' vector plus a little of the whole text's, so a test can tell pooled
    sentence vectors from separately encoded ones."""

    name = identity = "span-hash-64"

    def __init__(self, max_words: int = 200):
        super().__init__(max_words)
        self.span_calls: list[int] = []  # texts per encode_spans() call

    def encode_spans(self, texts, spans, role="passage", progress=None):
        self.span_calls.append(len(texts))
        whole = HashEmbedder.encode(self, texts, role, progress)
        self.calls.pop()  # counted in span_calls
        pooled = []
        for text, vec, parts in zip(texts, whole, spans):
            if not parts:
                pooled.append(np.zeros((0, self.dim), np.float32))
                continue
            own = HashEmbedder.encode(self, [text[a:b] for a, b in parts])
            self.calls.pop()
            mixed = own + 0.25 * vec
            pooled.append(mixed / np.linalg.norm(mixed, axis=1, keepdims=True))
        return whole, pooled


@pytest.fixture
def hash_embedder():
    return HashEmbedder()


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of the bundled corpus."""
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


@pytest.fixture
def settings_for(tmp_path):
    def make(corpus: Path, **kw) -> Settings:
        return Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index", **kw)

    return make


@pytest.fixture
def chat_over(tmp_path, settings_for, hash_embedder):
    """chat_over(text): the app's chat over a corpus of one file, news.txt, holding `text` (or of the files
    of a {name: text} dict), indexed with the fast embedder."""
    # imported here: only the app's tests pay for loading the app
    from qa.app.chat import ChatService
    from qa.app.service import QAService

    def make(text: str | dict[str, str]):
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        for name, body in ({"news.txt": text} if isinstance(text, str) else text).items():
            (corpus / name).write_text(body, encoding="utf-8")
        service = QAService(settings_for(corpus), embedder=hash_embedder)
        service.build()
        return ChatService(service)

    return make


@pytest.fixture(scope="session")
def real_embedder():
    """The bundled all-MiniLM-L6-v2, loaded once for the whole session."""
    from qa.embed.torch_encoder import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(Settings().model)


@pytest.fixture(scope="session")
def invented_service(tmp_path_factory, real_embedder):
    """Make the assistant, with the real model, over small invented documents:
    `invented_service({"forum.txt": FORUM, "minutes.docx": docgen.working_group_docx(), ...})` (text or a file's
    bytes; each call builds its own index)."""
    from qa.app.service import QAService

    def make(files: dict[str, str | bytes]) -> QAService:
        root = tmp_path_factory.mktemp("invented")
        corpus = root / "corpus"
        corpus.mkdir()
        for name, content in files.items():
            if isinstance(content, bytes):
                (corpus / name).write_bytes(content)
            else:
                (corpus / name).write_text(content, encoding="utf-8")
        service = QAService(Settings().with_(corpus_dir=corpus, index_dir=root / "index"), embedder=real_embedder)
        service.build()
        return service

    return make


@pytest.fixture(scope="session")
def real_service(tmp_path_factory, real_embedder):
    """The assistant over the bundled corpus with the real model (index built once per session)."""
    from qa.app.service import QAService

    idx = tmp_path_factory.mktemp("real-index")
    service = QAService(Settings().with_(corpus_dir=CORPUS, index_dir=idx), embedder=real_embedder)
    service.build()
    return service
