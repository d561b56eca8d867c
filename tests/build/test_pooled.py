"""Sentence vectors pooled from the chunk's own pass (issue 18): one pass over the text, the same
content-hash reuse as before, and a full rebuild (with its reason) when the setting changes.
Fast: SpanHashEmbedder (tests/conftest.py) stands in for a model with token outputs."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import HashEmbedder, SpanHashEmbedder

from qa import store
from qa.app.service import QAService
from qa.build import build_index

MUSEUM = "# Museum\n\nThe copper bell in the town museum weighs 740 kg. It was cast by Ansel Brandt.\n"


def stored(settings):
    """(sentence rows (doc, start, end, key), sentence vectors, manifest) of the live generation."""
    idx = store.Index.open(settings.index_dir)
    try:
        rows = [(r.doc, r.start, r.end) for r in idx.sentences(0, len(idx.sentence_vectors))]
        keys = [k for (k,) in idx._query("SELECT key FROM sentences ORDER BY id")]
        return rows, keys, np.asarray(idx.sentence_vectors, dtype=np.float32).copy(), idx.manifest
    finally:
        idx.close()


def test_pooled_build_runs_the_model_once_over_the_chunks_only(corpus, settings_for):
    emb = SpanHashEmbedder()
    settings = settings_for(corpus, sentence_vectors="pooled")
    report = build_index(settings, emb)
    assert emb.calls == []  # no separate pass over the sentences
    assert sum(emb.span_calls) == report.chunks  # every chunk once, nothing else
    rows, _, vecs, manifest = stored(settings)
    assert manifest["sentence_vectors"] == "pooled"
    assert report.sentences_embedded == len(rows) == report.sentences
    # each stored sentence vector is pooled (its words plus its chunk's), not encoded alone
    text = (corpus / "harbour.txt").read_text()
    doc_rows = [i for i, r in enumerate(rows) if r[0] == "harbour.txt"]
    alone = HashEmbedder().encode([text[rows[i][1]:rows[i][2]] for i in doc_rows])
    cos = (vecs[doc_rows] * alone).sum(1)
    assert np.all(cos > 0.8) and np.all(cos < 0.999)


def test_pooled_vectors_are_reused_for_unchanged_text_and_answers_still_come(corpus, settings_for):
    emb = SpanHashEmbedder()
    settings = settings_for(corpus, sentence_vectors="pooled")
    build_index(settings, emb)
    rows1, keys1, vecs1, _ = stored(settings)
    emb.span_calls.clear()
    (corpus / "museum.md").write_text(MUSEUM)
    report = build_index(settings, emb)
    assert report.added == ["museum.md"] and not report.full_rebuild
    assert sum(emb.span_calls) == report.chunks_embedded == 1  # only the new file's chunk
    rows2, keys2, vecs2, _ = stored(settings)
    old = {(r, k): v for r, k, v in zip(rows1, keys1, vecs1)}
    for r, k, v in zip(rows2, keys2, vecs2):
        if r[0] != "museum.md":
            assert np.array_equal(old[(r, k)], v)  # carried forward untouched
    a = QAService(settings, emb).ask("How much does the copper bell weigh?").answer
    assert a is not None and "740 kg" in a.text


def test_changing_the_sentence_vector_setting_rebuilds_with_the_reason(corpus, settings_for):
    emb = SpanHashEmbedder()
    build_index(settings_for(corpus, sentence_vectors="separate"), emb)
    report = build_index(settings_for(corpus, sentence_vectors="pooled"), emb)
    assert report.full_rebuild and report.rebuild_reason == "sentence vectors changed (separate -> pooled)"
    again = build_index(settings_for(corpus, sentence_vectors="pooled"), emb)
    assert again.up_to_date


def test_an_embedder_without_token_outputs_falls_back_to_separate_sentences(corpus, settings_for):
    emb = HashEmbedder()
    settings = settings_for(corpus, sentence_vectors="pooled")
    report = build_index(settings, emb)
    rows, keys, vecs, manifest = stored(settings)
    assert manifest["sentence_vectors"] == "separate"
    assert report.sentences_embedded > 0
    text = (corpus / "orchard.txt").read_text()
    i = next(i for i, r in enumerate(rows) if r[0] == "orchard.txt")
    assert np.allclose(vecs[i], HashEmbedder().encode([text[rows[i][1]:rows[i][2]]])[0], atol=1e-3)
    # and a later build with the same embedder is not a rebuild
    assert build_index(settings, emb).up_to_date


class BrokenEmbedder(SpanHashEmbedder):
    """Fails on the second window of texts, after the first documents were written."""

    def encode_spans(self, texts, spans, role="passage", progress=None):
        if self.span_calls:
            raise RuntimeError("the model ran out of memory")
        return super().encode_spans(texts, spans, role, progress)


def test_a_failure_inside_the_pipeline_ends_the_build_and_keeps_the_live_index(corpus, settings_for, monkeypatch):
    from qa.build import local

    monkeypatch.setattr(local, "WINDOW_TEXTS", 1)  # one document per model call
    settings = settings_for(corpus, sentence_vectors="pooled")
    build_index(settings, SpanHashEmbedder())
    before = store.current_generation(settings.index_dir)
    for i in range(6):
        (corpus / f"extra{i}.txt").write_text(f"Extra note {i}. The quay number {i} was rebuilt in 19{i}0.\n")
    with pytest.raises(RuntimeError, match="out of memory"):
        build_index(settings, BrokenEmbedder())
    assert store.current_generation(settings.index_dir) == before
    assert not [p for p in settings.index_dir.iterdir() if p.name.startswith(".tmp-gen")]
    assert build_index(settings, SpanHashEmbedder()).added == [f"extra{i}.txt" for i in range(6)]
