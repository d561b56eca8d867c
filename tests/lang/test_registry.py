"""Language-dependent parts are looked up by language code; English is the default."""

from __future__ import annotations

from dataclasses import replace

import pytest

import qa.lang as lang
from qa.answer.question import question_type
from qa.app.followups import is_followup


def test_english_is_the_default_and_unknown_codes_are_refused():
    assert lang.get().code == "en" and lang.get("en").pysbd == "en"
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        lang.get("xx")


def test_a_registered_language_is_used_by_the_analyzer_and_question_rules(monkeypatch):
    monkeypatch.setattr(lang, "_LANGUAGES", dict(lang._LANGUAGES))
    en = lang.get("en")
    toy = replace(
        en,
        code="toy",
        stop_words=lambda: frozenset({"zap"}),
        question_types=(("date", __import__("re").compile(r"^quand\b")),),
        spellings=None,  # no second spelling: "harbours" stays British
    )
    lang.register(toy)
    lang.stopwords.cache_clear()
    try:
        assert lang.analyze("zap harbours", "toy") == ["harbour"]
        assert "zap" in lang.analyze("zap harbours", "en")
        assert question_type("quand est la fete?", "toy") == "date"
        assert question_type("quand est la fete?") is None
        assert is_followup("And who organised it?", "toy")
    finally:
        lang.stopwords.cache_clear()
