"""Does a sentence name a person? For who-questions (issue 13, pattern 1: a who-question answered by a
sentence with no person).

The language's person pattern takes any run of capitalised words ("Kyrgyz Republic", "Central Asia"),
so for who-questions nearly every sentence "holds a person". `named_person` counts a name only when
something marks it as a person's; `loose_person` and `names_someone` read any name that is not an
organisation's or a place's.
"""

from __future__ import annotations

import re

from qa.answer.events import MONTHS
from qa.answer.needs import PERSON_NOUNS, needs
from qa.lang import detect, get, stopwords

# Director of ...", "its chair, Margaret Quill"). English wording; other languages get 0.5.
_TITLE = (r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|H\.\s?E|Captain|Capt|Colonel|Col|General|"
          r"Major|Lieutenant|Lt|Admiral|Commander|Sergeant|Ambassador|President|Minister|Judge|Justice|Senator|"
          r"Governor|Mayor|King|Queen|Prince|Princess|Pope|Saint|Reverend|Rev|Bishop|Chancellor|Emperor)")
_CAP = r"[A-Z][a-z'’\-]+"
_NAME = rf"(?:(?:[A-Z]\.\s?){{0,3}}{_CAP})(?:\s+(?:[A-Z]\.\s?){{0,3}}{_CAP}){{0,2}}"
# one person's role (singular: "X, experts from ..." lists groups, not a person)
_ROLE = "|".join(sorted((w for w in PERSON_NOUNS if not w.endswith("s") or w == "boss"), key=len, reverse=True))
_NAMED_PERSON = re.compile(
    rf"\b{_TITLE}\.?\s+(?P<a>{_NAME})"  # Mr. R. Miralizoda, Major General Rustam Aziz
    rf"|\b(?P<b>(?:[A-Z]\.\s?){{1,3}}[A-Z][a-z]{{2,}})"  # R.A. Miralizoda
    rf"|\b(?P<c>{_NAME}),\s+(?:the\s+|an?\s+)?(?:[A-Za-z-]+\s+){{0,2}}?(?i:{_ROLE})\b"  # Edwin Marlow, Director
    rf"|\b(?i:{_ROLE}),?\s+(?P<d>{_NAME})"  # its chair, Margaret Quill
)
# capitalised words that make a "name" an organisation's or a place's
NOT_A_PERSON = frozenset(
    "republic office offices agency ministry council committee centre center university department programme "
    "program union nations organization organisation service bank company association institute court army "
    "police government group forum commission board assembly academy school college party states kingdom "
    "asia europe africa america".split()
)


def loose_person(text: str, question: str) -> bool:
    """Whether text holds any run of capitalised words (the language's person pattern) that is
    not the question's and not an organisation's or a place's ("Kyrgyz Republic")."""
    language = get()
    qwords = set(re.findall(r"\w+", question.lower()))
    for m in language.span_patterns["person"].finditer(text):
        words = set(re.findall(r"\w+", m.group(0).lower())) - language.span_ignore
        if words and not words <= qwords and not words & NOT_A_PERSON:
            return True
    return False


# whether a name's initials are left out when asking if the question names its person already ("R.A. Miralizoda"
# is the "Miralizoda" of "Which ambassador met Miralizoda?"; fit_answer.py --pick persons.SURNAMES=False: not)
SURNAMES = True


def _surnames(words: set[str]) -> set[str]:
    """A name's words without its initials (SURNAMES)."""
    return ({w for w in words if len(w) > 1} or words) if SURNAMES else words


def names_someone(text: str, question: str) -> bool:
    """Whether text holds a run of capitalised words that may be a person's name, marked as one or
    not ("Soviet cosmonaut *Yuri Gagarin*", "redesigned by *Kim Wilkie*"): loose_person without the
    runs that only a sentence's first word or a month made ("On June 29"). English wording."""
    language = get("en")
    qwords = set(re.findall(r"\w+", question.lower()))
    for m in language.span_patterns["person"].finditer(text):
        words = set(re.findall(r"\w+", m.group(0).lower())) - language.span_ignore - stopwords("en") - MONTHS
        if words and not _surnames(words) <= qwords and not words & NOT_A_PERSON:
            return True
    return False


def named_person(text: str, question: str, lang: str | None = None) -> float:
    """1 when text names a person marked as one (see _NAMED_PERSON) whom the question does not
    already name, else 0; 0.5 when the question asks for no person or text is not in English (`lang`: its
    stored language, detected when None)."""
    # the marks are English wording read in the sentence: a Russian question over English text ("Кто посол
    # Японии ...?") is read as an English one is
    if needs(question).wants != "person" or (lang or detect(text)) != "en":
        return 0.5
    qwords = set(re.findall(r"\w+", question.lower()))
    for m in _NAMED_PERSON.finditer(text):
        name = next(g for g in m.groups() if g)
        words = set(re.findall(r"\w+", name.lower())) - {"mr", "mrs", "ms", "dr"}
        if words and not _surnames(words) <= qwords and not words & NOT_A_PERSON:
            return 1.0
    return 0.0


# a Russian person's name: a first name and a surname of the usual endings, in any case ("Бахтиёр Назаров", "Далера
# Каримзода", "Мадина Холикова")
_RU_NAME = re.compile(r"(?<!\w)[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]*(?:ов|ев|ёв|ин|ын|зод|зад|ск|цк|ич|енк|дзе|швили|ян|улы|"
                      r"кызы)[а-яё]{0,3}(?!\w)")


def names_person(text: str, question: str) -> bool:
    """Whether a sentence names someone the question does not: a Russian first name and surname, or an English name
    marked as a person's (named_person)."""
    asked = set(re.findall(r"\w+", question.lower()))
    if any(not set(m.group(0).lower().split()) <= asked for m in _RU_NAME.finditer(text)):
        return True
    return named_person(text, question, "en") == 1.0
