"""Which registered language a text is in: a script-and-stop-word rule, no model.

Each word is given the script of most of its letters (Latin, Cyrillic); a registered language
scores one point per word of its script and two more per word on its stop-word list, and the
highest score wins (a tie between a Latin-script and another language: the other, since Latin
acronyms and numerals fill Cyrillic texts; other ties and texts without letters: the default). The answer is always a
registered code: the language whose analysis fits the text best, so a Ukrainian or Kazakh text
is "ru" and a German one "en" until those languages are registered.

Why a rule and not a library: the choice is among the languages the project can analyse (English
and Russian), whose scripts differ, and the rule needs no model file, costs nothing at import
and decides a two-word question ("Кто такой Путин?", "Who is Путин?") by its question words,
where statistical identifiers are least sure. Accuracy on XQuAD: docs/languages.md.
"""

from __future__ import annotations

import functools
import itertools
import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_MAX_WORDS = 2000  # enough to decide; a whole book would only cost time


@functools.lru_cache(maxsize=1 << 16)  # words repeat: every sentence of a passage is analysed per question
def script_of(word: str) -> str | None:
    """"cyrillic" or "latin" by the majority of the word's letters; None for neither (digits, CJK)."""
    cyr = len(_CYRILLIC.findall(word))
    lat = len(_LATIN.findall(word))
    if not cyr and not lat:
        return None
    return "cyrillic" if cyr > lat else "latin"


def detect(text: str, default: str | None = None) -> str:
    """The registered language code that best fits text (see the module docstring)."""
    import qa.lang as lang

    default = default or lang.DEFAULT
    languages = lang.registered()
    if not _CYRILLIC.search(text):  # the common case, decided without looking at words
        latin = [language.code for language in languages if language.script == "latin"]
        if len(latin) == 1:
            return latin[0] if _LATIN.search(text) else default
    words = [m.group(0) for m in itertools.islice(_WORD.finditer(text.lower()), _MAX_WORDS)]
    if not words:
        return default
    scores = dict.fromkeys((language.code for language in languages), 0)
    by_script: dict[str, list] = {}
    for language in languages:
        by_script.setdefault(language.script, []).append(language)
    for word in words:
        script = script_of(word)
        for language in by_script.get(script, ()):
            scores[language.code] += 1 + 2 * (lang.normalise(word, language.code) in lang.stopwords(language.code))
    best = max(scores.values(), default=0)
    if best == 0:
        return default
    winners = [code for code, score in scores.items() if score == best]
    if len(winners) > 1:
        # a tie across scripts goes to the non-Latin one: Latin acronyms, names and Roman
        # numerals fill Cyrillic texts ("Людовика XIV"), the reverse is rare
        other = [c for c in winners if lang.get(c).script != "latin"]
        if len({lang.get(c).script for c in winners}) > 1 and len(other) == 1:
            return other[0]
        return default if default in winners else winners[0]
    return winners[0]
