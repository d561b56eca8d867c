"""A place and the adjective made from it are one name: "Africa" / "African", "Japan" / "Japanese",
"Kazakh" / "Kazakhstan", "Африка" / "африканский".

A question that says "trained in Africa" is about the same place as a sentence that says "in African
countries"; looked up as words, "Africa" is missing from it, and the answer step reads a missing name
as a question about something the documents never mention (issue 13: "not found" for an answer the
sentence gives). No list of demonyms is complete or offline (CLDR has none), so the forms are read
from the endings that make an adjective of a place name in each script: a word and the names it may
be a form of share a form (`forms`).
"""

from __future__ import annotations

import functools
import re

# Longest first. English: Japan-ese, Canad(a)-ian, Europe-an / Europ-ean (a stem), Asia-n, Pakistan-i,
# Turk-ish, Kazakh-stan, Uzbek-istan, Chin(a)-es (the stem of "Chinese").
_LATIN_ENDINGS = ("istani", "stani", "istan", "stan", "ese", "ean", "ian", "ish", "es", "an", "n", "i")
# Russian, read on stems (qa.lang.analyze): "африканск" -> африк, "казахстан" (Казахстан in any case:
# qa.lang.ru.whole_names) -> казах, "российск" -> росс, "европейск" -> европ, "китайск" -> кита.
_CYRILLIC_ENDINGS = ("истанск", "станск", "иатск", "ийск", "ейск", "анск", "йск", "ск", "истан", "стан", "иста", "ста",
                     "ан")
# a base ending in a consonant may have lost its final vowel: Canad-ian -> Canada, Ital-ian -> Italy
_LATIN_VOWELS = ("a", "e", "o", "y")
_CYRILLIC_VOWELS = ("а", "я", "и")
_MIN_BASE = 4
_CYRILLIC = re.compile(r"[а-яё]")


@functools.lru_cache(maxsize=65536)
def forms(word: str) -> frozenset[str]:
    """`word` (lower case, a word or a Russian stem) and the place names it may be an adjective or a
    demonym of, two endings deep ("kazakhstani" -> kazakhstan -> kazakh)."""
    out = {word}
    for w in _bases(word):
        out.add(w)
        out.update(_bases(w))
    return frozenset(out)


def _bases(word: str) -> set[str]:
    if not word.isalpha():
        return set()
    cyrillic = bool(_CYRILLIC.search(word))
    endings, vowels = (_CYRILLIC_ENDINGS, _CYRILLIC_VOWELS) if cyrillic else (_LATIN_ENDINGS, _LATIN_VOWELS)
    out = set()
    for end in endings:
        if word.endswith(end) and len(word) - len(end) >= _MIN_BASE:
            base = word[: -len(end)]
            if end == "i" and base.endswith("i"):
                continue  # a Roman numeral: "Raoul III" is not "Raoul II"
            out.add(base)
            if base[-1] not in vowels:
                out.update(base + v for v in vowels)
            elif len(base) > _MIN_BASE:
                out.add(base[:-1])  # "europe" + "an" as the stem "europ"
    return out


def same_place(a: str, b: str) -> bool:
    """Whether two lower-case words (or Russian stems) can name one place: equal, or one an
    adjective / demonym of the other, or both of a third."""
    if a == b:
        return True
    if a[:3] != b[:3] or min(len(a), len(b)) < _MIN_BASE:
        return False
    return bool(forms(a) & forms(b))


def found(word: str, words) -> bool:
    """Whether `word` or a place form of it is among `words` (a set of lower-case words or stems)."""
    if word in words:
        return True
    if len(word) < _MIN_BASE or not word.isalpha():
        return False
    head = word[:3]
    return any(w[:3] == head and same_place(word, w) for w in words)
