"""Language: everything that depends on the language of a text, looked up by language code.

Owns the registry of ``Language`` records (stemmer, stop words, the sentence splitter's
language, question-type and answer-span patterns, follow-up word lists), the one text analyzer
(``analyze``) that passages, sentences and questions share, and ``detect``, which says which
registered language a text is in (a script-and-stop-word rule, ``qa.lang.detection``). English
(``en``) and Russian (``ru``) are registered; another language is one module like ``ru.py`` plus
one ``register`` line below.

``analyze`` routes each word by its script: a Cyrillic word is stemmed and stop-worded as
Russian, a Latin one as English, whatever ``lang`` says (``lang`` only chooses among languages
that share a script). So one index holds English and Russian texts consistently, a Latin name
inside a Russian text ("CARICC") is the same term as in an English text, and a question in
either language is analysed like the documents, with no language flag anywhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

from qa.lang.base import Followup, Language, ReplyWords

__all__ = [
    "DEFAULT", "Followup", "Language", "analyze", "contact_stems", "detect", "frame_stems", "get", "question_case",
    "label_language", "register", "registered", "stopwords", "written_date",
]

DEFAULT = "en"


_LANGUAGES: dict[str, Language] = {}


def register(language: Language) -> None:
    _LANGUAGES[language.code] = language
    _by_script.cache_clear()
    _spellings.cache_clear()
    _fixed_stems.cache_clear()
    _content_senses.cache_clear()
    frame_stems.cache_clear()
    contact_stems.cache_clear()


def registered() -> list[Language]:
    return list(_LANGUAGES.values())


def get(code: str = DEFAULT) -> Language:
    try:
        return _LANGUAGES[code]
    except KeyError:
        raise ValueError(f"unsupported language {code!r}: one of {', '.join(sorted(_LANGUAGES))}") from None


def detect(text: str, default: str | None = None) -> str:
    """The registered language code that best fits text ("en", "ru"); see qa.lang.detection."""
    from qa.lang.detection import detect as _detect

    return _detect(text, default)


def written_date(iso: str | None, code: str = DEFAULT) -> str:
    """An ISO date as a citation's label in language ``code`` writes it ("12 Mar 2024", "12 марта 2024",
    "март 2024"); English's words for a language that has none (Language.news_titles)."""
    words = _LANGUAGES[code].news_titles if code in _LANGUAGES else None
    return (words or _LANGUAGES[DEFAULT].news_titles).date(iso)


def reply_words(code: str = DEFAULT) -> ReplyWords:
    """The web reply's own words in language ``code`` (Language.reply); English's for a language that has none."""
    words = _LANGUAGES[code].reply if code in _LANGUAGES else None
    return words or _LANGUAGES[DEFAULT].reply


def label_language(*titles: str | None) -> str:
    """The language a citation's label is worded in: that of the titles it shows (the document's and the
    item's), so its date reads like the title beside it ("Новости ЦАРИКЦ, 12 марта 2024 — …")."""
    return detect(" ".join(t for t in titles if t))


# A capitalised word that is not the first of its sentence (after a letter, digit, comma, quote...)
_INNER_CAPITAL = re.compile(r"(?<=[\w,;:«\"'(\-–—]\s)([A-ZА-ЯЁ][\w-]*)")


def question_case(question: str, lang: str = DEFAULT) -> str:
    """The question lower-cased for its type patterns, with any question word written with a
    capital inside a sentence masked out: there it is part of a name, not the question's
    ("Доктор Кто", "Doctor Who", "The Who"), and the patterns must not read it as "who"."""
    words = get(lang).followup.question_words

    def mask(m: re.Match) -> str:
        w = m.group(1)
        return "_" * len(w) if w.lower() in words else w

    return _INNER_CAPITAL.sub(mask, question).lower()


_WORD = re.compile(r"\w+", re.UNICODE)
# any letter outside ASCII's: only then can a word need another language's analysis
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_NEITHER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u0400-\u052f]")  # letters of a third script


@functools.cache
def _stemmer(name: str):
    import Stemmer

    return Stemmer.Stemmer(name)


@functools.cache
def stopwords(code: str = DEFAULT) -> frozenset[str]:
    return get(code).stop_words()


@functools.cache
def frame_stems() -> frozenset[str]:
    """The stems of every registered language's frame words (Language.frame_words), as analyze()
    gives them: a question's terms less these are what it asks about."""
    return _stems(lambda language: language.frame_words)


@functools.cache
def contact_stems() -> frozenset[str]:
    """The stems of every registered language's contact words (Language.contact_words)."""
    return _stems(lambda language: language.contact_words)


def _stems(words: Callable[[Language], frozenset[str]]) -> frozenset[str]:
    """The stems of a word list of every registered language, each analysed in its own language."""
    return frozenset(t for language in _LANGUAGES.values() for t in analyze(" ".join(words(language)), language.code))


@functools.cache
def _by_script() -> dict[str, str]:
    """script -> the code of the first language registered for it (English for Latin)."""
    out: dict[str, str] = {}
    for language in _LANGUAGES.values():
        out.setdefault(language.script, language.code)
    return out


def normalise(word: str, lang: str) -> str:
    """A lower-cased word as the language's stop-word list spells it (Russian: ё -> е)."""
    return word.replace("ё", "е") if lang == "ru" else word


@functools.cache
def _spellings(code: str) -> Mapping[str, str]:
    table = get(code).spellings
    return table() if table is not None else {}


@functools.cache
def _content_senses() -> tuple[Callable[[str], str], ...]:
    """Every registered language's Language.content_senses."""
    return tuple(language.content_senses for language in _LANGUAGES.values() if language.content_senses)


@functools.cache
def _fixed_stems(code: str) -> Mapping[str, str]:
    table = get(code).stems
    return table() if table is not None else {}


def _stem(words: list[str], lang: str) -> list[str]:
    """Stop-word-free words stemmed, each first written as the language's analyzer spells it (and a word
    whose stem the language fixes, Language.stems, stemmed so)."""
    spell = _spellings(lang)
    stems = _stemmer(get(lang).stemmer).stemWords([spell.get(w, w) for w in words] if spell else words)
    fixed = _fixed_stems(lang)
    return [fixed.get(w, s) for w, s in zip(words, stems)] if fixed else stems


def _analyze_one(words: list[str], lang: str) -> list[str]:
    stop = stopwords(lang)
    kept = [w for w in words if w not in stop]
    return _stem(kept, lang) if kept else []


def analyze(text: str, lang: str = DEFAULT) -> list[str]:
    """Lower-cased, stop-word-free, stemmed terms (numbers kept: "CADAP 7", "740 kg"); each word
    analysed by the language of its script (see the module docstring)."""
    low = text.lower()
    for senses in _content_senses():
        low = senses(low)
    own = get(lang).script
    if own == "latin" and not _NON_LATIN.search(low):
        # the common case, exactly as before languages were routed
        words = [w for w in _WORD.findall(low) if w != "_"]
        return _analyze_one(words, lang) if words else []
    low = low.replace("ё", "е")  # as the Russian stop list spells it (Snowball stems both alike)
    words = [w for w in _WORD.findall(low) if w != "_"]
    if not words:
        return []
    scripts = _by_script()
    cyrillic = lang if own == "cyrillic" else scripts.get("cyrillic", lang)
    if not _LATIN.search(low) and not _NEITHER.search(low):
        return _analyze_one(words, cyrillic)  # one script only: no per-word routing needed
    from qa.lang.detection import script_of

    latin = lang if own == "latin" else scripts.get("latin", lang)
    codes = [
        latin if w.isascii() else (lang if (s := script_of(w)) in (None, own) else scripts.get(s, lang))
        for w in words
    ]
    if len(set(codes)) == 1:
        return _analyze_one(words, codes[0])
    # stem each language's words in one call, then put the terms back in text order
    out: list[str | None] = [None] * len(words)
    for code in set(codes):
        stop = stopwords(code)
        keep = [i for i, c in enumerate(codes) if c == code and words[i] not in stop]
        for i, term in zip(keep, _stem([words[i] for i in keep], code)):
            out[i] = term
    return [t for t in out if t is not None]


from qa.lang import en, ru  # noqa: E402 - registered last: they need nothing above

register(en.LANGUAGE)
register(ru.LANGUAGE)
