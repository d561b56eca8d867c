"""Every language that words the reply words all of it: the same reasons as English, each with the same blanks to
fill, so a reason never falls back to English halfway or fails on a missing blank."""

from __future__ import annotations

import string
from dataclasses import fields

import pytest

from qa.lang import registered, reply_words


def blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", [language.code for language in registered() if language.reply is not None])
def test_a_languages_reply_words_have_englishs_keys_and_blanks(code):
    english, words = reply_words("en"), reply_words(code)
    assert words.reasons.keys() == english.reasons.keys()
    for key, template in english.reasons.items():
        assert blanks(words.reasons[key]) == blanks(template), key
    for f in fields(words):
        if isinstance(getattr(english, f.name), str):
            assert blanks(getattr(words, f.name)) == blanks(getattr(english, f.name)), f.name
    assert "other" in words.more and all(blanks(t) == {"n"} for t in words.more.values())


@pytest.mark.parametrize("code", [language.code for language in registered() if language.reply is not None])
def test_a_languages_page_words_have_englishs_keys_and_blanks(code):
    """The page's words after a reply (scope line, notes, errors, sources panel, controls) are all there in every
    language that words the reply: none falls back to English in a conversation in that language."""
    english, words = reply_words("en"), reply_words(code)
    assert words.ui.keys() == english.ui.keys()
    for key, template in english.ui.items():
        assert blanks(words.ui[key]) == blanks(template), key
    for forms in (words.undated_left_out, words.item_count):
        assert "other" in forms and all(blanks(t) == {"n"} for t in forms.values())


def test_a_language_without_reply_words_gets_englishs():
    assert reply_words("xx") is reply_words("en")
