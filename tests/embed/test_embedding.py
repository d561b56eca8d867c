"""Embedding with the bundled all-MiniLM-L6-v2: normalised 384-d vectors, and an honest window check."""

from __future__ import annotations

import numpy as np
import pytest

from qa.embed import ModelError
from qa.embed.torch_encoder import SentenceTransformerEmbedder


def test_a_missing_model_folder_is_a_one_line_error(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(ModelError) as err:
        SentenceTransformerEmbedder(str(missing))
    message = str(err.value)
    assert "\n" not in message
    assert str(missing) in message
    assert "not found" in message


def test_a_folder_that_is_not_a_model_is_a_one_line_error(tmp_path):
    folder = tmp_path / "empty-model"
    folder.mkdir()
    (folder / "README.txt").write_text("not a model")
    with pytest.raises(ModelError) as err:
        SentenceTransformerEmbedder(str(folder))
    assert "\n" not in str(err.value)
    assert "QA_MODEL" in str(err.value)


@pytest.mark.slow
def test_real_model_gives_384_dimensional_unit_vectors(real_embedder):
    texts = ["740 kg of drugs were seized.", "The workshop took place in Astana.", ""]
    vecs = real_embedder.encode(texts)
    assert real_embedder.dim == 384
    assert vecs.shape == (3, 384)
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_real_model_encodes_nothing_as_an_empty_array(real_embedder):
    assert real_embedder.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_real_model_puts_a_paraphrase_closer_than_an_unrelated_text(real_embedder):
    q, para, other = real_embedder.encode(
        ["How much heroin was seized?", "Police confiscated 740 kg of heroin.", "The weather in Astana was sunny."]
    )
    assert q @ para > q @ other


@pytest.mark.slow
def test_fits_is_false_for_text_longer_than_the_window(real_embedder):
    assert real_embedder.fits("customs officers " * 5)
    assert not real_embedder.fits(" ".join(["customs"] * 400))
    # 256 word pieces is the limit: the same word repeated just below and just above it
    assert real_embedder.fits(" ".join(["customs"] * 250))
    assert not real_embedder.fits(" ".join(["customs"] * 260))


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_every_backend_reports_progress_per_batch(backend):
    from qa.config import Settings
    from qa.embed import make_embedder

    embedder = make_embedder(Settings().model, batch_size=4, backend=backend)
    texts = [f"Passage number {i} about the harbour of Port Ellery." for i in range(10)]
    seen: list[int] = []
    vecs = embedder.encode(texts, role="passage", progress=seen.append)
    assert vecs.shape == (10, embedder.dim)
    assert seen == sorted(seen) and seen[-1] == 10 and len(seen) == 3  # after each batch of 4
    assert embedder.identity == "model"  # the bundled folder's name: what indexes and answer weights record
