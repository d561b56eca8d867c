"""Language: everything that depends on the language of a text, looked up by language code.

Owns the registry of ``Language`` records (stemmer, stop words, the sentence splitter's
language, question-type and answer-span patterns, follow-up word lists) and the one text
analyzer (``analyze``) that passages, sentences and questions share. English (``en``) is the
only language for now; another is one module like ``en.py`` plus one ``register`` line below.
Nothing here says which language a document is in: callers pass a code (default ``"en"``).
"""

from __future__ import annotations

import functools
import re

from qa.lang.base import Followup, Language

__all__ = ["DEFAULT", "Followup", "Language", "analyze", "get", "register", "stopwords"]

DEFAULT = "en"


_LANGUAGES: dict[str, Language] = {}


def register(language: Language) -> None:
    _LANGUAGES[language.code] = language


def get(code: str = DEFAULT) -> Language:
    try:
        return _LANGUAGES[code]
    except KeyError:
        raise ValueError(f"unsupported language {code!r}: one of {', '.join(sorted(_LANGUAGES))}") from None


_WORD = re.compile(r"\w+", re.UNICODE)


@functools.cache
def _stemmer(name: str):
    import Stemmer

    return Stemmer.Stemmer(name)


@functools.cache
def stopwords(code: str = DEFAULT) -> frozenset[str]:
    return get(code).stop_words()


def analyze(text: str, lang: str = DEFAULT) -> list[str]:
    """Lower-cased, stop-word-free, stemmed terms (numbers kept: "CADAP 7", "740 kg")."""
    stop = stopwords(lang)
    words = [w for w in _WORD.findall(text.lower()) if w not in stop and w != "_"]
    return _stemmer(get(lang).stemmer).stemWords(words) if words else []


from qa.lang import en  # noqa: E402 - registered last: it needs nothing above

register(en.LANGUAGE)
