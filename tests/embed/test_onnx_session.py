"""The question session of the ONNX backend runs a graph optimised once and saved beside the export
(its weights memory-mapped): the same vectors to the bit as optimising at every start, and a
damaged saved graph is made again."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

pytestmark = pytest.mark.slow

TEXTS = ["How much heroin was seized at the border?", "Customs officers met in Tashkent on 7 October 2021."]


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    from qa.config import Settings
    from qa.embed.export import exported

    folder = tmp_path_factory.mktemp("onnx")
    path = folder / "model.onnx"
    shutil.copyfile(exported(Settings().model, quantized=False), path)
    return path


def _hidden(session) -> np.ndarray:
    from tokenizers import Tokenizer

    from qa.config import Settings

    tok = Tokenizer.from_file(f"{Settings().model}/tokenizer.json")
    out = []
    for text in TEXTS:
        ids = np.array([tok.encode(text).ids], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
        out.append(session.run(None, feed)[0])
    return np.concatenate(out, axis=1)


def test_the_saved_graph_gives_the_same_outputs_as_optimising_at_start(export):
    import onnxruntime as ort

    from qa.embed.onnx_encoder import _question_session

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    every_start = _hidden(ort.InferenceSession(str(export), opts, providers=["CPUExecutionProvider"]))
    saved = export.with_name(f"model.question-ort{ort.__version__}")
    assert not saved.exists()
    first = _hidden(_question_session(ort, str(export)))
    assert sorted(p.name for p in saved.iterdir()) == ["graph.onnx", "weights.data"]
    assert (saved / "weights.data").stat().st_size > 80_000_000  # the weights, apart from the graph
    again = _hidden(_question_session(ort, str(export)))  # loads the saved graph
    assert np.array_equal(first, every_start) and np.array_equal(again, every_start)
    assert not list(export.parent.glob("*.tmp*"))


def test_a_damaged_saved_graph_is_made_again(export):
    import onnxruntime as ort

    from qa.embed.onnx_encoder import _question_session

    saved = export.with_name(f"model.question-ort{ort.__version__}")
    _question_session(ort, str(export))
    (saved / "weights.data").write_bytes(b"cut short")
    hidden = _hidden(_question_session(ort, str(export)))
    assert hidden.shape[-1] == 384 and (saved / "weights.data").stat().st_size > 80_000_000


def test_the_encoder_and_the_answer_matcher_read_the_tokenizer_once():
    from qa.answer.matcher import default_matcher
    from qa.config import Settings
    from qa.embed.onnx_encoder import OnnxEmbedder

    encoder = OnnxEmbedder(Settings().model)
    assert encoder._tok is default_matcher()._tok
    # and it still cuts nothing: the window check and the matcher's token limits need whole texts
    assert len(encoder._tok.encode(" ".join(["customs"] * 600)).ids) == 602
