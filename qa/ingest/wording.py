"""The words of page furniture in every registered language, joined into one pattern per rule.

Each language record in ``qa.lang`` may carry a ``PageFurniture`` (its words for "Rate this
item", "Page 1 of 5", "Photo:", ...). A page is read against all of them at once: sites mix
languages (a Russian page keeps "Share on Facebook", an English one "Фото: пресс-служба"), and a
line of chrome is too short to detect its language. The rules that use these words live in
``furniture``, ``captions``, ``datelines`` and ``paragraphs``.
"""

from __future__ import annotations

import functools

from qa import lang
from qa.lang.base import PageFurniture


@functools.cache
def records() -> tuple[PageFurniture, ...]:
    return tuple(language.furniture for language in lang.registered() if language.furniture is not None)


def either(*patterns: str) -> str:
    """One alternation of the non-empty patterns (an empty result never matches)."""
    found = [f"(?:{p})" for p in patterns if p]
    return "|".join(found) if found else r"(?!)"


def field(name: str) -> str:
    """A PageFurniture string field of every language, as one alternation."""
    return either(*(getattr(r, name) for r in records()))


def line_rule(rule: str, generic: str = "") -> str:
    """The whole-line pattern of a furniture rule in every language, plus its language-free part."""
    return either(generic, *(r.lines.get(rule, "") for r in records()))


def notice_rules() -> list[str]:
    """The names of the anywhere-in-a-line notices ("cookie", "reprint"), in first-seen order."""
    return list(dict.fromkeys(name for r in records() for name in r.notices))


def notice(rule: str) -> str:
    return either(*(r.notices.get(rule, "") for r in records()))


def not_places() -> frozenset[str]:
    return frozenset().union(*(r.not_places for r in records()))
