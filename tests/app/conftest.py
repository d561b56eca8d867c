"""Fixtures of the app's tests: a chat over one small invented document, with the fast embedder."""

from __future__ import annotations

import pytest

from qa.app.chat import ChatService
from qa.app.service import QAService


@pytest.fixture
def chat_over(tmp_path, settings_for, hash_embedder):
    """chat_over(text): a ChatService over a corpus of one file, news.txt, holding `text`, indexed."""
    def make(text: str) -> ChatService:
        corpus = tmp_path / "corpus"
        corpus.mkdir()
        (corpus / "news.txt").write_text(text, encoding="utf-8")
        service = QAService(settings_for(corpus), embedder=hash_embedder)
        service.build()
        return ChatService(service)

    return make
