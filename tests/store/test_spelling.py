"""British and American spellings of a word are one term (qa.lang.spelling, store format 4): a
question written "organised ... programme ... centre" is answered from a page written "organized
... program ... center", and an index written before (format 3, one term per spelling) is
rewritten by the next `qa index` without embedding anything again. Invented documents, the
hashing test embedder."""

from __future__ import annotations

import json

import pytest
from conftest import HARBOUR, ORCHARD, HashEmbedder

import qa.lang
from qa import store
from qa.app.service import QAService
from qa.build import build_index

SEMINAR = (
    "Border news\n\n"
    "Forty customs officers from three ports attended a seminar on risk profiling at Skarn wharf in March. "
    "The trainers came from the Coastal Program Center, which organized the seminar. "
    "The officers practised searching containers and reading cargo manifests.\n"
)
FAIR = "Fair news\n\nThe harbour fair at Port Ellery is organised by the Ellery Tourism Centre every May.\n"
QUESTION = "Which programme's centre trained the officers?"


@pytest.fixture
def settings(tmp_path, settings_for):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    for name, text in {"seminar.txt": SEMINAR, "fair.txt": FAIR, "harbour.txt": HARBOUR,
                       "orchard.txt": ORCHARD}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return settings_for(corpus)


def test_a_question_in_british_spelling_is_answered_from_an_american_page(settings):
    build_index(settings, HashEmbedder())
    result = QAService(settings, embedder=HashEmbedder()).ask(QUESTION)
    # "programme" and "centre" are the words that tell the trainers' sentence from the officers' own
    assert result.answer is not None and result.answer.text.startswith(
        "The trainers came from the Coastal Program Center")


def test_an_index_of_one_term_per_spelling_is_rewritten_by_the_next_build(settings, monkeypatch):
    with monkeypatch.context() as m:  # the analyzer before format 4: no spelling table
        m.setattr(qa.lang, "_spellings", lambda code: {})
        build_index(settings, HashEmbedder())
    gen = store.current_generation(settings.index_dir)
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["format"] = 3
    (gen / "manifest.json").write_text(json.dumps(manifest))
    old = store.Index.open(settings.index_dir)
    try:
        assert old.lexical.known("organis") and old.lexical.known("organiz")  # a term per spelling
    finally:
        old.close()

    report = build_index(settings, HashEmbedder())
    assert f"index format 3 -> {store.FORMAT_VERSION}: {store.FORMAT_CHANGE}" in report.summary()
    assert report.chunks_embedded == report.sentences_embedded == 0 and report.chunks_reused == report.chunks
    new = store.Index.open(settings.index_dir)
    try:
        assert new.manifest["format"] == store.FORMAT_VERSION
        assert not new.lexical.known("organis") and new.lexical.known("organiz")  # one term
    finally:
        new.close()
    assert build_index(settings, HashEmbedder()).up_to_date
