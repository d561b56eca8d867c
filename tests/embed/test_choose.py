"""Which model a corpus is indexed with (qa.embed.choose): the English model for an English-only
corpus, the multilingual one as soon as any item is in another language; said in one line; the
languages of unchanged files are not detected again. No model is loaded here."""

from __future__ import annotations

import json

import pytest

from qa.build import run_build
from qa.config import Settings
from qa.embed import ModelError
from qa.embed.choose import (
    HYBRID_BACKEND, LANGUAGES_FILE, MULTILINGUAL_BACKEND, MULTILINGUAL_IDENTITY, corpus_languages, decide,
    english_identity, hybrid_identity, model_for_index, routed,
)

EN = "The customs post at Port Ellery opened in March 2019. Forty inspectors work there in two shifts.\n"
RU = "Учебный центр кинологов открылся в Бишкеке в 2021 году. Директором центра назначен Айбек Осмонов.\n"


def _settings(tmp_path, **kw) -> Settings:
    return Settings().with_(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index", **kw)


def test_english_only_keeps_the_english_model_and_any_russian_item_gets_the_multilingual_model(tmp_path):
    s = _settings(tmp_path)
    english = decide({"en": 40}, "auto", s)
    assert (english.identity, english.model, english.backend) == (english_identity(s), s.model, s.backend)
    assert "every item is in English (40 en)" in english.reason and "QA_CROSS_LANGUAGE" in english.reason
    hybrid = decide({"en": 40}, "hybrid", s)  # opted in: other languages can ask an English corpus
    assert (hybrid.identity, hybrid.model, hybrid.backend) == (hybrid_identity(s), s.model, HYBRID_BACKEND)
    assert hybrid.identity.startswith(english_identity(s) + "+")  # English questions: the English model
    assert decide({"en": 40, "ru": 1}, "hybrid", s).identity == MULTILINGUAL_IDENTITY
    mixed = decide({"en": 40, "ru": 1}, "auto", s)
    assert (mixed.identity, mixed.backend) == (MULTILINGUAL_IDENTITY, MULTILINGUAL_BACKEND)
    assert "non-English" in mixed.reason and "40 en, 1 ru" in mixed.reason


def test_the_setting_can_force_either_model_and_rejects_other_values(tmp_path):
    s = _settings(tmp_path)
    assert decide({"en": 3}, "always", s).identity == MULTILINGUAL_IDENTITY
    assert decide({"ru": 3}, "never", s).identity == english_identity(s)
    with pytest.raises(ModelError):
        decide({"ru": 3}, "russian", s)


def test_questions_use_the_model_the_index_records(tmp_path):
    s = _settings(tmp_path)
    assert model_for_index(s, MULTILINGUAL_IDENTITY) == ("", MULTILINGUAL_BACKEND)
    assert model_for_index(s, hybrid_identity(s)) == (s.model, HYBRID_BACKEND)
    assert model_for_index(s, None) == (s.model, s.backend)  # no index yet: what a build starts from
    assert model_for_index(s.with_(multilingual="hybrid"), None) == (s.model, HYBRID_BACKEND)
    assert model_for_index(s, english_identity(s)) == (s.model, s.backend)  # an index from before
    assert model_for_index(s.with_(multilingual="never"), MULTILINGUAL_IDENTITY) == (s.model, s.backend)


def test_an_explicitly_given_other_model_is_kept(tmp_path, hash_embedder):
    s = _settings(tmp_path)
    assert routed(None, s)
    assert not routed(hash_embedder, s)


def test_corpus_languages_counts_items_and_reads_unchanged_files_once(tmp_path, monkeypatch):
    s = _settings(tmp_path)
    s.corpus_dir.mkdir()
    (s.corpus_dir / "a.txt").write_text(EN, encoding="utf-8")
    (s.corpus_dir / "b.txt").write_text(RU, encoding="utf-8")
    (s.corpus_dir / "c.txt").write_bytes(RU.encode("cp1251"))  # a legacy encoding too
    assert corpus_languages(s) == {"en": 1, "ru": 2}
    assert sorted(json.loads((s.index_dir / LANGUAGES_FILE).read_text()).values()) == [["en"], ["ru"], ["ru"]]

    import qa.embed.choose as choose

    detected: list[str] = []
    real = choose.item_languages
    monkeypatch.setattr(choose, "item_languages", lambda doc: detected.append(doc.path) or real(doc))
    (s.corpus_dir / "b.txt").unlink()
    (s.corpus_dir / "d.txt").write_text(EN.replace("2019", "2020"), encoding="utf-8")
    assert corpus_languages(s) == {"en": 2, "ru": 1}
    assert detected == ["d.txt"]  # only the new file was parsed and detected


def test_a_build_reports_the_model_and_why(tmp_path, monkeypatch, hash_embedder):
    s = _settings(tmp_path)
    s.corpus_dir.mkdir()
    (s.corpus_dir / "a.txt").write_text(EN, encoding="utf-8")
    (s.corpus_dir / "b.txt").write_text(RU, encoding="utf-8")
    made = []
    monkeypatch.setattr("qa.build.run.make_embedder", lambda model, bs, backend: made.append(backend) or hash_embedder)
    report = run_build(s)
    assert made == [MULTILINGUAL_BACKEND]
    assert report.model_reason.startswith("multilingual model") and "1 ru" in report.model_reason
    assert f"model {report.model}: multilingual model" in report.summary()
    (s.corpus_dir / "b.txt").unlink()
    made.clear()
    report = run_build(s)
    assert made == [s.backend] and "every item is in English" in report.model_reason
    assert report.to_json()["model_reason"] == report.model_reason
