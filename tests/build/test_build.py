"""Incremental indexing: what a user sees after adding, changing, deleting, renaming or copying
documents and running `qa index` again. Fast: the fake HashEmbedder counts what gets embedded."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time

import numpy as np
import pytest
from conftest import HARBOUR, ORCHARD

from qa import store
from qa.build import BuildError, build_index, writer_lock
from qa.lang import analyze
from qa.app.service import QAService
from qa.config import Settings

MUSEUM = "# Museum\n\nThe copper bell in the town museum weighs 740 kg. It was cast by Ansel Brandt.\n"
DELETED = "The secret recipe for Zorbleck pudding uses seventeen quince seeds."


@pytest.fixture
def corpus(corpus):
    """conftest's two documents, a Markdown one and one that tests delete."""
    (corpus / "museum.md").write_text(MUSEUM)
    (corpus / "pudding.txt").write_text(f"Kitchen notes\n\n{DELETED} Serve it cold.\n")
    return corpus


@pytest.fixture
def built(corpus, settings_for, hash_embedder):
    """(settings, embedder, service) after a first full build."""
    settings = settings_for(corpus)
    report = build_index(settings, hash_embedder)
    assert report.full_rebuild and report.rebuild_reason == "no index yet"
    hash_embedder.calls.clear()
    return settings, hash_embedder, QAService(settings, hash_embedder)


def answer(service, question, fact):
    """(fact, doc) when the answer sentence states the fact, else what was answered instead
    (the short answer is marked only when it is likely right, so the sentence is what is checked)."""
    a = service.ask(question).answer
    if a is None:
        return None
    return (fact if fact in a.text else a.text, a.doc)


def rows_of(service, doc):
    """(chunks, sentences) the live generation holds for one document."""
    index = service.index()
    n_chunks = len([r for r in index.chunks(list(range(index.faiss.ntotal))) if r.doc == doc])
    n_sents = len([r for r in index.sentences(0, len(index.sentence_vectors)) if r.doc == doc])
    return n_chunks, n_sents


def assert_no_trace(settings, text, service):
    """`text` is nowhere in the live generation: not in SQLite, BM25, FAISS or any answer."""
    index = store.Index.open(settings.index_dir)
    db = sqlite3.connect(index.folder / "meta.sqlite")
    for table, column in [("documents", "text"), ("sentences", "text"), ("chunks", "text")]:
        hits = db.execute(f"SELECT count(*) FROM {table} WHERE instr({column}, ?) > 0", (text,)).fetchone()[0]
        assert hits == 0, f"{table} still holds the deleted text"
    db.close()
    # the one word only the deleted text had is unknown to BM25
    assert not index.lexical.known(analyze("Zorbleck")[0])
    # no stored vector is the deleted sentence's vector
    vec = service.embedder.encode([text])
    scores, _ = index.faiss.search(vec, 1)
    assert scores[0][0] < 0.999
    assert np.max(np.asarray(index.sentence_vectors) @ vec[0]) < 0.999
    # and asking for it finds nothing of it
    result = service.ask(text)
    assert all(text not in p.chunk.text for p in result.passages)
    assert result.answer is None or text not in result.answer.text
    index.close()


def test_first_build_embeds_everything_then_a_rerun_is_up_to_date(corpus, settings_for, hash_embedder):
    settings = settings_for(corpus)
    first = build_index(settings, hash_embedder)
    assert first.documents == 4 and first.chunks > 0
    assert first.chunks_embedded + first.sentences_embedded == hash_embedder.embedded > 0

    hash_embedder.calls.clear()
    again = build_index(settings, hash_embedder)
    assert again.up_to_date and again.generation == first.generation
    assert sorted(again.unchanged) == ["harbour.txt", "museum.md", "orchard.txt", "pudding.txt"]
    assert hash_embedder.embedded == 0
    assert "already up to date" in again.summary()


def test_adding_a_document_embeds_only_its_text(built, corpus):
    settings, embedder, service = built
    (corpus / "bakery.txt").write_text("Bakery\n\nThe Rosehill bakery opens at six in the morning.\n")
    report = build_index(settings, embedder)
    assert report.added == ["bakery.txt"]
    assert report.changed == report.removed == report.renamed == report.copied == []
    assert len(report.unchanged) == 4
    # exactly the new file's chunk and sentences, nothing else
    assert (report.chunks_embedded, report.sentences_embedded) == rows_of(service, "bakery.txt") == (1, 2)
    assert embedder.embedded == 3
    assert report.documents == 5
    assert service.ask("When does the Rosehill bakery open?").passages[0].chunk.doc == "bakery.txt"


def test_changing_a_document_reembeds_only_its_new_text_and_forgets_the_old(built, corpus):
    settings, embedder, service = built
    assert answer(service, "Who is the lighthouse keeper of Port Ellery?", "Margaret Quill") == (
        "Margaret Quill", "harbour.txt")
    (corpus / "harbour.txt").write_text(HARBOUR.replace("Margaret Quill", "Tobias Wren"))
    embedder.calls.clear()  # questions are embedded too; count only the build

    report = build_index(settings, embedder)
    assert report.changed == ["harbour.txt"] and len(report.unchanged) == 3
    # only the edited sentence and the chunk holding it are new; the ferry sentence is re-used
    assert (report.chunks_embedded, report.sentences_embedded) == (1, 1)
    assert embedder.embedded == 2
    assert answer(service, "Who is the lighthouse keeper of Port Ellery?", "Tobias Wren") == (
        "Tobias Wren", "harbour.txt")
    index = service.index()
    assert "Margaret" not in index.document_text("harbour.txt")
    assert not index.lexical.known(analyze("Margaret")[0])


def test_deleting_a_document_leaves_no_trace_anywhere(built, corpus):
    settings, embedder, service = built
    assert any(DELETED in p.chunk.text for p in service.ask(DELETED).passages)
    (corpus / "pudding.txt").unlink()
    embedder.calls.clear()

    report = build_index(settings, embedder)
    assert report.removed == ["pudding.txt"] and len(report.unchanged) == 3
    assert embedder.embedded == 0
    assert report.documents == 3
    assert [d["doc"] for d in service.index().documents()] == ["harbour.txt", "museum.md", "orchard.txt"]
    assert_no_trace(settings, DELETED, service)


def test_deleting_one_sentence_from_a_document_leaves_no_trace(built, corpus):
    settings, embedder, service = built
    (corpus / "pudding.txt").write_text("Kitchen notes\n\nServe it cold.\n")
    report = build_index(settings, embedder)
    assert report.changed == ["pudding.txt"]
    assert_no_trace(settings, DELETED, service)


def test_a_renamed_document_costs_no_embedding_and_is_cited_by_its_new_name(built, corpus):
    settings, embedder, service = built
    (corpus / "orchard.txt").rename(corpus / "pears.txt")
    report = build_index(settings, embedder)
    assert report.renamed == [["orchard.txt", "pears.txt"]]
    assert report.added == report.removed == report.changed == []
    assert embedder.embedded == 0 and report.chunks_embedded == report.sentences_embedded == 0
    assert answer(service, "When was the oldest pear tree planted?", "1871") == ("1871", "pears.txt")
    index = service.index()
    assert index.document_text("orchard.txt") is None
    assert {it.doc for it in index.items()} == {"harbour.txt", "museum.md", "pears.txt", "pudding.txt"}


def test_a_moved_document_into_a_subfolder_is_a_rename(built, corpus):
    settings, embedder, _ = built
    (corpus / "archive").mkdir()
    (corpus / "orchard.txt").rename(corpus / "archive" / "orchard.txt")
    report = build_index(settings, embedder)
    assert report.renamed == [["orchard.txt", "archive/orchard.txt"]]
    assert embedder.embedded == 0


def test_a_copied_document_costs_no_embedding_and_both_copies_are_indexed(built, corpus):
    settings, embedder, service = built
    shutil.copy(corpus / "orchard.txt", corpus / "orchard-copy.txt")
    report = build_index(settings, embedder)
    assert report.copied == [["orchard.txt", "orchard-copy.txt"]]
    assert report.removed == report.renamed == report.added == []
    assert embedder.embedded == 0
    assert report.documents == 5
    docs = {p.chunk.doc for p in service.ask("When was the oldest pear tree planted?", k=5).passages}
    assert {"orchard.txt", "orchard-copy.txt"} <= docs


def test_renaming_a_file_over_another_replaces_that_one(built, corpus):
    """mv orchard.txt harbour.txt: harbour.txt now has the orchard text, orchard.txt is gone."""
    settings, embedder, service = built
    (corpus / "orchard.txt").replace(corpus / "harbour.txt")
    report = build_index(settings, embedder)
    assert report.changed == ["harbour.txt"]
    assert report.removed == ["orchard.txt"]
    assert report.renamed == report.added == report.copied == []
    assert embedder.embedded == 0
    index = service.index()
    assert index.document_text("harbour.txt") == ORCHARD
    assert all("Margaret Quill" not in p.chunk.text for p in service.ask("lighthouse keeper Margaret Quill").passages)


def test_swapping_two_file_names_embeds_nothing(built, corpus):
    settings, embedder, service = built
    (corpus / "orchard.txt").rename(corpus / "tmp.txt")
    (corpus / "harbour.txt").rename(corpus / "orchard.txt")
    (corpus / "tmp.txt").rename(corpus / "harbour.txt")
    report = build_index(settings, embedder)
    assert sorted(report.changed) == ["harbour.txt", "orchard.txt"]
    assert report.removed == [] and embedder.embedded == 0
    assert answer(service, "Who is the lighthouse keeper of Port Ellery?", "Margaret Quill") == (
        "Margaret Quill", "orchard.txt")


def test_same_bytes_under_another_kind_of_file_are_parsed_again(built, corpus):
    """A .txt renamed to .md is read as Markdown, so it is re-parsed (its text vectors are re-used)."""
    settings, embedder, _ = built
    (corpus / "orchard.txt").rename(corpus / "orchard.md")
    report = build_index(settings, embedder)
    assert report.added == ["orchard.md"] and report.removed == ["orchard.txt"]
    assert embedder.embedded == 0  # same sentences and chunks: vectors found by content


def test_files_that_cannot_be_indexed_do_not_trigger_a_new_generation(built, corpus):
    settings, embedder, _ = built
    before = store.current_generation(settings.index_dir)
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "empty.txt").write_text("   \n")
    report = build_index(settings, embedder)
    assert report.up_to_date and store.current_generation(settings.index_dir) == before
    assert {s["path"] for s in report.skipped} == {"scan.pdf", "empty.txt"}
    assert "skipped empty.txt: empty file" in report.summary()


def test_a_document_that_becomes_unreadable_is_removed_and_reported(built, corpus):
    settings, embedder, service = built
    (corpus / "pudding.txt").write_text("")
    report = build_index(settings, embedder)
    assert report.removed == ["pudding.txt"]
    assert report.skipped == [{"path": "pudding.txt", "reason": "empty file"}]
    assert_no_trace(settings, DELETED, service)
    # the summary says which file went and why, not only "removed 1"
    lines = report.summary().splitlines()
    assert "removed: pudding.txt" in lines
    assert "skipped pudding.txt: empty file; its earlier version is out of the index until it reads again" in lines


def test_everything_at_once(built, corpus):
    settings, embedder, service = built
    (corpus / "pudding.txt").unlink()
    (corpus / "orchard.txt").rename(corpus / "pears.txt")
    shutil.copy(corpus / "museum.md", corpus / "museum-copy.md")
    (corpus / "harbour.txt").write_text(HARBOUR.replace("noon", "dawn"))
    (corpus / "new.txt").write_text("News\n\nThe Alder bridge reopened in March.\n")
    report = build_index(settings, embedder)
    assert report.removed == ["pudding.txt"]
    assert report.renamed == [["orchard.txt", "pears.txt"]]
    assert report.copied == [["museum.md", "museum-copy.md"]]
    assert report.changed == ["harbour.txt"] and report.added == ["new.txt"]
    assert report.unchanged == ["museum.md"]
    assert report.documents == 5
    for line in ("added: new.txt", "changed: harbour.txt", "removed: pudding.txt", "renamed: orchard.txt -> pears.txt",
                 "copied: museum.md -> museum-copy.md"):
        assert line in report.summary().splitlines()
    assert_no_trace(settings, DELETED, service)
    j = report.to_json()
    for key in ("added", "changed", "removed", "renamed", "copied", "unchanged", "chunks_embedded",
                "sentences_embedded", "seconds", "generation", "full_rebuild"):
        assert key in j


# ----------------------------------------------------------------------------- full rebuilds
class OtherModel:
    """A different embedding model: same vectors, other name and size."""

    def __init__(self, base, name="other-model", dim=None):
        self.base, self.name, self.identity = base, name, name
        self.dim = dim or base.dim

    def encode(self, texts, role="passage", progress=None):
        v = self.base.encode(texts)
        return np.hstack([v, np.zeros((len(v), self.dim - v.shape[1]), np.float32)]) if self.dim > v.shape[1] else v

    def fits(self, text):
        return self.base.fits(text)


def test_a_different_embedding_model_forces_a_full_rebuild_stated_in_the_summary(built):
    settings, embedder, _ = built
    other = OtherModel(embedder, dim=96)
    report = build_index(settings, other)
    assert report.full_rebuild
    assert "embedding model changed" in report.rebuild_reason and "other-model" in report.rebuild_reason
    assert "full rebuild: embedding model changed" in report.summary()
    assert report.chunks_embedded == report.chunks
    assert store.Index.open(settings.index_dir).manifest["dim"] == 96


def test_a_service_with_another_model_is_told_to_reindex(built):
    settings, embedder, _ = built
    service = QAService(settings, OtherModel(embedder))
    with pytest.raises(store.IndexProblem, match=r"built with model hash-64.*qa index --rebuild"):
        service.ask("Who is the lighthouse keeper?")


def test_changed_chunking_settings_force_a_full_rebuild(built):
    settings, embedder, _ = built
    report = build_index(settings.with_(chunk_tokens=50), embedder)
    assert report.full_rebuild and report.rebuild_reason.startswith("chunking settings changed")


def test_new_parsing_rules_reparse_once_say_why_and_embed_only_new_texts(built, monkeypatch):
    """An index built before the parsing rules changed (PIPELINE_VERSION) is rebuilt on the next
    `qa index`, which says so in words. Every document is parsed again, but a text the index
    already has a vector for is not embedded again; the build after that reuses everything."""
    settings, embedder, _ = built
    import qa.config

    monkeypatch.setattr(qa.config, "PIPELINE_VERSION", qa.config.PIPELINE_VERSION + 1)
    report = build_index(settings, embedder)
    assert report.full_rebuild and report.generation
    assert report.rebuild_reason.startswith("the parsing rules changed (version ")
    assert qa.config.PIPELINE_CHANGE in report.rebuild_reason
    assert report.chunks_embedded == 0 and not embedder.calls  # same texts: no model work
    again = build_index(settings, embedder)
    assert not again.full_rebuild and again.up_to_date
    service = QAService(settings, embedder)
    assert "Margaret Quill" in service.ask("Who is the lighthouse keeper?").answer.text


def test_new_chunk_settings_reuse_the_vectors_of_unchanged_texts(built):
    """Chunks of one sentence each: every document is cut again, and each new chunk's text is a
    sentence the index already has a vector for, so nothing is embedded."""
    settings, embedder, _ = built
    before = store.Index.open(settings.index_dir).manifest["counts"]["chunks"]
    report = build_index(settings.with_(chunk_tokens=10), embedder)
    assert report.full_rebuild and "vectors of unchanged texts are reused" in report.rebuild_reason
    assert report.chunks == report.sentences > before
    assert report.sentences_embedded == report.chunks_embedded == 0 and not embedder.calls


def test_rebuild_true_forces_a_full_rebuild(built):
    settings, embedder, _ = built
    report = build_index(settings, embedder, rebuild=True)
    assert report.full_rebuild and report.rebuild_reason == "requested with --rebuild"
    assert not report.up_to_date and report.chunks_embedded == report.chunks


# ----------------------------------------------------------------------------- one writer
def test_a_second_concurrent_build_fails_fast_with_a_clear_message(built):
    settings, embedder, _ = built
    with writer_lock(settings.index_dir):
        t0 = time.monotonic()
        with pytest.raises(BuildError, match="another `qa index` is already updating"):
            build_index(settings, embedder)
        assert time.monotonic() - t0 < 1


def test_a_second_build_with_wait_runs_once_the_first_is_done(built, corpus):
    settings, embedder, _ = built
    held = threading.Event()

    def other_writer():
        with writer_lock(settings.index_dir):
            held.set()
            time.sleep(0.5)

    threading.Thread(target=other_writer).start()
    held.wait()
    (corpus / "new.txt").write_text("News\n\nThe Alder bridge reopened in March.\n")
    report = build_index(settings, embedder, wait=10)
    assert report.added == ["new.txt"]


def test_an_empty_corpus_keeps_the_existing_index(built, corpus):
    settings, embedder, service = built
    for f in corpus.iterdir():
        f.unlink()
    with pytest.raises(BuildError, match="no readable documents.*existing index is kept"):
        build_index(settings, embedder)
    assert service.ask("Who is the lighthouse keeper of Port Ellery?").passages


@pytest.mark.slow
def test_incremental_update_with_the_real_model(corpus, settings_for, real_embedder):
    settings = settings_for(corpus)
    service = QAService(settings, real_embedder)
    build_index(settings, real_embedder)
    (corpus / "harbour.txt").write_text(HARBOUR.replace("Margaret Quill", "Tobias Wren"))
    (corpus / "pudding.txt").unlink()
    report = build_index(settings, real_embedder)
    assert report.changed == ["harbour.txt"] and report.removed == ["pudding.txt"]
    assert report.chunks_embedded == 1
    assert answer(service, "Who is the lighthouse keeper of Port Ellery?", "Tobias Wren") == (
        "Tobias Wren", "harbour.txt")
    assert_no_trace(settings, DELETED, service)


def test_items_carry_their_document_title_into_answers_and_json(built):
    _, _, service = built
    museum = [it for it in service.index().items() if it.doc == "museum.md"]
    assert [(it.title, it.doc_title) for it in museum] == [("Museum", "Museum")]
    r = service.ask("How heavy is the copper bell in the town museum?")
    assert r.answer is not None and r.answer.doc == "museum.md"
    assert r.answer.doc_title == "Museum" and r.to_json()["answer"]["doc_title"] == "Museum"
    assert r.to_json()["passages"][0]["doc_title"]


class ModelSizedChunks:
    """The same vectors, but an embedder that counts its own tokens and sizes chunks in them
    (qa.ingest.chunking.window_of; e5 does: issue 14): one token a word, two special tokens."""

    def __init__(self, base, units="words"):
        self.base, self.name, self.identity, self.dim = base, base.name, base.identity, base.dim
        self.chunk_units, self.max_tokens, self.special_tokens = units, 200, 2

    def encode(self, texts, role="passage", progress=None):
        return self.base.encode(texts, role, progress)

    def token_counts(self, texts):
        return [len(t.split()) + 2 for t in texts]

    def fits(self, text):
        return len(text.split()) + 2 <= self.max_tokens


def test_chunks_sized_in_the_models_own_tokens_are_in_the_manifest_and_a_change_rebuilds(built):
    """An index whose chunks were sized in tiktoken tokens is not built upon by an embedder that
    sizes them in its own (the chunk boundaries differ): every document is chunked again, with the
    reason; an unchanged build after it reuses everything."""
    settings, embedder, _ = built
    assert "units" not in store.Index.open(settings.index_dir).manifest["chunker"]  # tiktoken, as before
    sized = ModelSizedChunks(embedder)
    report = build_index(settings, sized)
    assert report.full_rebuild and report.rebuild_reason.startswith(
        "chunking settings changed: chunks are sized in words tokens (were tiktoken tokens)")
    assert store.Index.open(settings.index_dir).manifest["chunker"]["units"] == "words"
    again = build_index(settings, sized)
    assert not again.full_rebuild and again.chunks_embedded == 0


def _chunk_words(settings) -> list[int]:
    index = store.Index.open(settings.index_dir)
    try:
        return [len(c.text.split()) for c in index.chunks(list(range(index.size)))]
    finally:
        index.close()


def test_chunks_sized_in_the_models_own_tokens_take_the_models_budget(tmp_path, hash_embedder):
    """Issue 14: an embedder that counts its own tokens gets its own chunk budget
    (Settings.model_chunk_tokens, e5's: a Russian e5 chunk holds about as much text as an English
    MiniLM chunk); a change of it chunks such an index again, and leaves tiktoken-sized ones alone."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "log.txt").write_text(
        "Harbour log\n\n" + " ".join(f"Inspectors checked container number {i} at the pier." for i in range(40)) + "\n",
        encoding="utf-8")
    sized = ModelSizedChunks(hash_embedder)

    def build(embedder, **kw):
        settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index", chunk_tokens=30, **kw)
        return settings, build_index(settings, embedder)

    settings, _ = build(sized, model_chunk_tokens=60)
    assert store.Index.open(settings.index_dir).manifest["chunker"]["chunk_tokens"] == 60
    words = _chunk_words(settings)
    assert max(words) <= 60 - 2 and max(words) > 30  # the model's budget, in its own tokens
    settings, report = build(sized, model_chunk_tokens=120)
    assert report.full_rebuild and "chunking settings changed" in report.rebuild_reason
    assert max(_chunk_words(settings)) > max(words)

    settings, _ = build(hash_embedder, model_chunk_tokens=60)  # tiktoken-sized: chunk_tokens only
    before = _chunk_words(settings)
    settings, report = build(hash_embedder, model_chunk_tokens=120)
    assert not report.full_rebuild and _chunk_words(settings) == before
