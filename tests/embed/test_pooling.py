"""Sentence vectors pooled from a chunk's own pass (qa.embed.pooling) with the real model: close
to the sentence encoded on its own, the same on both backends, and found by its own question."""

from __future__ import annotations

import numpy as np
import pytest

from qa.embed.pooling import pool_spans, supports_spans

# An invented passage: four sentences on different facts, as one chunk.
PASSAGE = (
    "The lighthouse keeper of Port Ellery is Margaret Quill. "
    "The ferry to Skarn Island leaves every Tuesday at noon. "
    "The Wenlow orchard grows forty varieties of pear, and its oldest tree was planted in 1871. "
    "Copper for the town bell was carried by mule from the Harrow mines."
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        spans.append((start, min(end, len(text))))
        start = end + 1
    return spans


def test_pool_spans_means_the_tokens_overlapping_each_span_and_skips_special_tokens():
    hidden = np.array([[9, 9], [1, 0], [0, 1], [3, 4], [9, 9]], dtype=np.float32)
    offsets = [(0, 0), (0, 3), (4, 7), (8, 12), (0, 0)]  # [CLS] abc def ghij [SEP]
    out = pool_spans(hidden, offsets, [(0, 7), (8, 12), (20, 25)], dim=2)
    assert np.allclose(out[0], [2**-0.5, 2**-0.5])  # mean of the first two tokens, normalised
    assert np.allclose(out[1], [0.6, 0.8])
    assert not out[2].any()  # no token: a zero row, which the build encodes on its own


@pytest.fixture(scope="module")
def embedders():
    from qa.config import Settings
    from qa.embed import make_embedder

    return {b: make_embedder(Settings().model, 32, b) for b in ("onnx", "torch")}


@pytest.mark.slow
def test_pooled_sentence_vectors_are_close_to_separately_encoded_ones(embedders):
    spans = sentence_spans(PASSAGE)
    sentences = [PASSAGE[a:b] for a, b in spans]
    assert len(sentences) == 4 and sentences[1].startswith("The ferry") and sentences[1].endswith("noon.")
    pooled = {}
    for name, emb in embedders.items():
        assert supports_spans(emb)
        whole, parts = emb.encode_spans([PASSAGE], [spans])
        assert np.allclose(whole[0], emb.encode([PASSAGE])[0], atol=1e-4)  # the chunk's own vector as before
        alone = emb.encode(sentences)
        own = (parts[0] * alone).sum(1)
        # closer to the sentence alone than the chunk's vector is: the pooled vector is the
        # sentence's, not the chunk's (on SQuAD, cosine to the sentence alone is 0.80 on average;
        # a sentence unrelated to the rest of its chunk drifts towards it: 0.45 for the last here)
        assert np.all(own > whole[0] @ alone.T + 0.1), (name, own)
        assert own.mean() > 0.6, (name, own)
        pooled[name] = parts[0]
    assert np.all((pooled["onnx"] * pooled["torch"]).sum(1) > 0.999)  # both backends agree


@pytest.mark.slow
def test_a_question_finds_its_sentence_among_pooled_vectors(embedders):
    emb = embedders["onnx"]
    spans = sentence_spans(PASSAGE)
    _, parts = emb.encode_spans([PASSAGE], [spans])
    q = emb.encode(["When does the boat to Skarn Island sail?", "Who keeps the light at Port Ellery?"], "query")
    assert list((q @ parts[0].T).argmax(1)) == [1, 0]
