"""A weight or a volume of the asked noun answers how many of it there were.

"Сколько наркотиков изъяли таможенные органы?" is answered by "изъяли 1 246 килограммов наркотических средств", and
"How many drugs were seized?" by "1,246 kilograms of narcotic drugs": a substance is counted in units of mass (or of
volume), and the noun it is a mass of comes after the unit ("kilograms *of* drugs", Russian's genitive "килограммов
*наркотических средств*"), not right after the number where qa.answer.types.counts_asked_noun looks. The noun may be
written in another part of speech than the question's: "наркотиков" and "наркотических" share their root, not their
stem. Only a substance is counted so (one qa.lang.substances names, or drugs in general): "How many living plants
…?" is not answered by "90,790 tonnes of living plants" (SQuAD 2.0 holds it as unanswerable). A mass of anything else
("38,6 тонны прекурсоров" for "сколько наркотиков") counts nothing asked.
"""

from __future__ import annotations

import os
import re

from qa.answer.needs import RU_ADJECTIVE, plural_head
from qa.lang import analyze, get
from qa.lang.substances import named

# the words for drugs in general, which name no one substance (qa.lang.substances lists the substances and their
# classes: "narcotic drugs", "precursors", "heroin")
_DRUG_WORDS = frozenset(analyze("drug drugs narcotic narcotics", "en") + analyze("наркотик наркотики наркотиков", "ru"))
# the kinds of quantity a substance is counted in
_SUBSTANCE_MEASURES = ("mass", "volume")
# a root shared across parts of speech: the stems agree up to their last letter or two ("наркотик" / "наркотическ":
# к / ч alternate before a suffix), over at least this many letters
_MIN_ROOT = 5
# at most this many words between the unit and the noun it weighs ("килограммов *синтетических* наркотиков")
_MAX_WORDS = 4


def same_root(a: str, b: str) -> bool:
    """Whether stems `a` and `b` are one word's, or share its root in another part of speech ("наркотик",
    "наркотическ"): a common start of at least _MIN_ROOT letters that leaves at most one letter of the shorter."""
    if a == b:
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= _MIN_ROOT and common >= min(len(a), len(b)) - 1


def weighed_noun(after: str, russian: bool) -> list[str]:
    """The words naming what a mass or a volume weighs when `after` (the text right after a number) opens with a unit
    of one: "kilograms of *narcotic drugs*", "тонны *прекурсоров*", "л *спирта*"; [] when it opens with no such unit
    or names nothing after it."""
    language = get("ru" if russian else "en")
    kinds = language.measure_units or {}
    text = after.lstrip(" \u00a0\u202f")
    unit = next((m for k in _SUBSTANCE_MEASURES if k in kinds for m in [kinds[k].match(text)] if m), None)
    if unit is None:
        return []
    rest = text[unit.end():]
    # its clause only: "1,2 т, а также 30 кг героина" weighs what the first unit's clause names
    clause = re.split(r"[,;:!?()\[\]]|\.(?=\s|$)", rest, maxsplit=1)[0]
    words = re.findall(r"[\w'’-]+", clause)
    if not russian:
        # "of" names it: "tonnes of cocaine", "kg of synthetic drugs" (a plural head, or the words up to the verb)
        if not words or words[0].lower() != "of":
            return []
        words = words[1:]
        head = plural_head(words)
        return [w.lower() for w in (head or words[:2])]
    # Russian: its genitive, adjectives up to the noun ("наркотических средств", "героина")
    out = []
    for w in words[:_MAX_WORDS]:
        out.append(w.lower())
        if not RU_ADJECTIVE.search(w.lower()):
            break
    return out


def weighs_asked(after: str, units: frozenset[str], russian: bool) -> bool:
    """Whether `after` (the text right after a number) is a mass or a volume of the asked noun (`units`: its stems):
    "килограммов наркотических средств" for "наркотиков", "tonnes of drugs" for "drugs"."""
    words = weighed_noun(after, russian)
    if not words:
        return False
    phrase = " ".join(words)
    stems = analyze(phrase, "ru" if russian else "en")
    # a substance only: "how many living plants" is not answered by "90,790 tonnes of living plants"
    if not named(phrase) and not set(stems) & _DRUG_WORDS:
        return False
    return any(same_root(a, s) for a in units for s in stems)
