"""Index types by size (exact below Settings.exact_search_max, IVF above) and encoder backends."""

from __future__ import annotations

import json

import numpy as np
import pytest

from qa import store
from qa.embed import ModelError, make_embedder
from qa.app.service import QAService


def _unit(rng, n, d):
    x = rng.normal(size=(n, d)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_above_the_threshold_the_index_is_ivf_and_finds_what_flat_finds(tmp_path):
    rng = np.random.default_rng(0)
    centers = _unit(rng, 50, 32)
    vecs = centers[rng.integers(0, 50, 4000)] + 0.2 * _unit(rng, 4000, 32)
    vecs = np.ascontiguousarray(vecs / np.linalg.norm(vecs, axis=1, keepdims=True), dtype=np.float32)
    assert store.writer._write_faiss(tmp_path / "flat.faiss", vecs, exact_search_max=10_000) == "flat"
    assert store.writer._write_faiss(tmp_path / "ivf.faiss", vecs, exact_search_max=1_000) == "ivf"
    import faiss

    flat = store.vectors.DenseIndex(faiss.read_index(str(tmp_path / "flat.faiss")))
    ivf = store.vectors.DenseIndex(faiss.read_index(str(tmp_path / "ivf.faiss")))
    assert ivf.nlist == store.writer.ivf_params(4000)[0] > 1
    # stored compressed: float16 codes of the vectors themselves (half the raw float32 bytes)
    assert isinstance(ivf._index, faiss.IndexIVFScalarQuantizer)
    assert ivf.sq.qtype == faiss.ScalarQuantizer.QT_fp16 and ivf.code_size == 2 * 32 and not ivf.by_residual
    queries = vecs[:50] + 0.05 * _unit(rng, 50, 32)
    queries = np.ascontiguousarray(queries / np.linalg.norm(queries, axis=1, keepdims=True), dtype=np.float32)
    for q in queries[:5]:  # one question at a time, as QAService asks
        sa, a = ivf.search(q.reshape(1, -1), 10)
        se, e = flat.search(q.reshape(1, -1), 10)
        assert a[0][0] == e[0][0]
        assert abs(sa[0][0] - se[0][0]) < 1e-3  # float16 codes: scores within 1e-3 of exact
    _, a = ivf.search(queries, 10)
    _, e = flat.search(queries, 10)
    recall = np.mean([len(set(x) & set(y)) / 10 for x, y in zip(a, e)])
    assert recall >= 0.9
    rec = ivf.reconstruct(123)  # qa.retrieve needs it for lexical-only candidates
    assert rec.dtype == np.float32
    np.testing.assert_allclose(rec, vecs[123], atol=1e-3)
    assert abs(float(rec @ queries[0]) - float(vecs[123] @ queries[0])) < 1e-3


def test_ivf_parameters_grow_with_the_corpus():
    assert store.writer.ivf_params(100)[0] == 2
    nlist, nprobe = store.writer.ivf_params(1_000_000)
    assert 3000 <= nlist <= 5000 and 32 <= nprobe <= nlist // 4  # a question scans a fraction


def test_the_service_answers_the_same_from_an_ivf_index(corpus_copy, settings_for, hash_embedder, tmp_path):
    exact = QAService(settings_for(corpus_copy), hash_embedder)
    exact.build()
    approx = QAService(
        settings_for(corpus_copy).with_(index_dir=tmp_path / "ivf-index", exact_search_max=10), hash_embedder
    )
    approx.build()
    kinds = [json.loads((s.index().folder / "manifest.json").read_text())["index_type"] for s in (exact, approx)]
    assert kinds == ["flat", "ivf"]
    for q in ("How many kilograms of drugs were seized?", "Where did the training take place?"):
        a, b = exact.ask(q), approx.ask(q)
        assert [p.chunk.id for p in a.passages] == [p.chunk.id for p in b.passages]
        assert (a.answer and a.answer.text) == (b.answer and b.answer.text)


def test_an_ivf_index_of_the_old_format_still_answers(corpus_copy, settings_for, hash_embedder, tmp_path):
    """Written before compression: IVF-Flat, float32 sentence vectors. Opened as is, same answers."""
    import faiss

    service = QAService(settings_for(corpus_copy).with_(exact_search_max=10), hash_embedder)
    service.build()
    gen = service.index().folder
    assert isinstance(service.index().faiss._index, faiss.IndexIVFScalarQuantizer)
    assert json.loads((gen / "manifest.json").read_text())["storage"]["faiss"] == "fp16"
    questions = ("How many kilograms of drugs were seized?", "Where did the training take place?")
    new = [service.ask(q) for q in questions]

    vecs = np.load(gen / "vectors.npy")
    nlist, nprobe = store.writer.ivf_params(len(vecs))
    old = faiss.IndexIVFFlat(faiss.IndexFlatIP(vecs.shape[1]), vecs.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
    old.train(vecs)
    old.add(vecs)
    old.nprobe = nprobe
    old.make_direct_map()
    faiss.write_index(old, str(gen / "chunks.faiss"))
    np.save(gen / "sentences.npy", np.load(gen / "sentences.npy").astype(np.float32))

    reopened = QAService(service.settings, hash_embedder)
    index = reopened.index()
    assert isinstance(index.faiss._index, faiss.IndexIVFFlat) and index.sentence_vectors.dtype == np.float32
    for q, a in zip(questions, new):
        b = reopened.ask(q)
        assert [p.chunk.id for p in a.passages] == [p.chunk.id for p in b.passages]
        assert (a.answer and a.answer.text) == (b.answer and b.answer.text)


def test_an_unknown_backend_is_a_one_line_error():
    with pytest.raises(ModelError) as err:
        make_embedder("/nonexistent-model", backend="tensorflow")
    assert "\n" not in str(err.value) and "onnx" in str(err.value)


@pytest.mark.slow
def test_the_onnx_backend_gives_the_torch_vectors(real_embedder, tmp_path, monkeypatch):
    pytest.importorskip("onnxruntime")
    monkeypatch.setenv("QA_ONNX_CACHE", str(tmp_path / "onnx"))
    onnx = make_embedder(real_embedder.name, backend="onnx")
    texts = ["740 kg of drugs were seized.", "The workshop took place in Astana. " * 60, ""]
    a, b = real_embedder.encode(texts), onnx.encode(texts)
    np.testing.assert_allclose((a * b).sum(1), 1.0, atol=1e-4)
    assert onnx.identity == real_embedder.identity  # same vectors: an index built by either serves both
    assert [onnx.fits(t) for t in texts] == [real_embedder.fits(t) for t in texts]
    assert type(make_embedder(real_embedder.name, backend="auto")).__name__ == "OnnxEmbedder"
    with pytest.raises(ModelError):  # auto falls back to torch, which names the missing folder
        make_embedder("/no/such/model", backend="auto")

    # int8: close to the float vectors but not equal, so it is another model identity (no mixing),
    # and its weights are scaled per output channel (dev hit@1 77.5 against 72.5 per tensor)
    int8 = make_embedder(real_embedder.name, backend="onnx-int8")
    c = int8.encode(texts[:2])
    assert ((a[:2] * c).sum(1) > 0.85).all() and not np.allclose(a[:2], c, atol=1e-3)
    assert int8.identity != onnx.identity
    import onnx as onnx_format

    graph = onnx_format.load(next((tmp_path / "onnx").glob("*/model-int8-pc.onnx"))).graph
    assert any(t.name.endswith("_scale") and len(t.dims) == 1 and t.dims[0] > 1 for t in graph.initializer)
