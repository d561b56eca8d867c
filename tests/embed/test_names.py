"""Readable model names in `qa index` output (qa/embed/names.py), while the identity that keys
manifests and fitted weights stays the bundled model's folder name."""

from __future__ import annotations

from conftest import HashEmbedder

from qa.build import run_build
from qa.config import Settings
from qa.embed.choose import MULTILINGUAL_IDENTITY, english_identity
from qa.embed.names import folder_name, readable


class BundledLookalike(HashEmbedder):
    """A fast embedder that records the bundled English model's identity."""

    def __init__(self, identity: str):
        super().__init__()
        self._identity = identity

    @property
    def identity(self) -> str:
        return self._identity


def test_the_bundled_model_is_named_by_its_model_card_not_its_folder():
    model = Settings().model
    assert english_identity(Settings()) == "model"  # unchanged: manifests and weights are keyed on it
    assert readable("model", model) == "all-MiniLM-L6-v2"
    assert readable("model+onnx-int8-pc", model) == "all-MiniLM-L6-v2 (int8)"
    assert readable(f"model+{MULTILINGUAL_IDENTITY}", model) == "all-MiniLM-L6-v2 + multilingual-e5-small (4-bit)"
    assert readable("hash-64", model) == "hash-64"  # anything else is shown as it is


def test_a_folder_without_a_model_card_is_called_by_its_name(tmp_path):
    (tmp_path / "my-encoder").mkdir()
    assert folder_name(str(tmp_path / "my-encoder")) == "my-encoder"


def test_qa_index_names_the_model_readably(tmp_path, monkeypatch):
    s = Settings().with_(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    s.corpus_dir.mkdir()
    (s.corpus_dir / "a.txt").write_text("The Wenlow orchard grows forty varieties of pear.\n", encoding="utf-8")
    embedder = BundledLookalike(english_identity(s))
    monkeypatch.setattr("qa.build.run.make_embedder", lambda model, bs, backend: embedder)
    report = run_build(s, route=True)
    assert report.model == "model"
    assert "model all-MiniLM-L6-v2: English model" in report.summary()
    assert "model model" not in report.summary()
