"""A question about one country answered by a sentence about another.

"How many X-ray scanners did the OSCE hand over to Kyrgyzstan?" was answered by "The OSCE Programme Office in
Dushanbe handed over 12 mobile X-ray scanners … to the Border Troops of Tajikistan …": every other word of the
question is there, and asked in Russian of an English page no word of the question is there at all, so nothing the
gate weighs tells it from a right answer. When the question names a country (qa.lang.countries: any form, any
registered language, "Kyrgyz" and "Кыргызстану" too, and a nationality CLDR names as its language: "Turkish",
"турецкие", "Dutch") and the answer names one or more others and not that one, the answer is "not found"
(qa.answer.evidence.rule_that_holds, "other_country"); a who-question that names the country only by its people's
adjective ("Which Turkish experts will teach …?") is told that the passage's people come from elsewhere.

What is read, as for a substance (qa.answer.substances): the answer as shown (with the sentence before it when it
refers back), and, as what may say the sentence is about the asked country after all, its item's title and the
sentence before it. Not read so: a question that asks for a place or a country ("Where did the Kyrgyz officers
train?" is answered by another country) and a sentence that names no country (left to the gate)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from qa.answer.asked_marks import marks
from qa.answer.needs import PEOPLE, needs
from qa.answer.substances import answer_text, sentence_before
from qa.lang import analyze, detect
from qa.lang.countries import countries_in

if TYPE_CHECKING:
    from qa.answer.features import Candidate

# a question that asks which country: "Which countries …?", "Какая страна …?", "From what country …?"
_ASKS_COUNTRY = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:countr(?:y|ies)|nations?|states?)\b"
    r"|\b(?:как(?:ая|ие|ой|их|ую)|котор(?:ая|ые|ой|ых|ую))\s+(?:\w+\s+)?(?:стран|государств)",
    re.I,
)


# a country the question sets aside ("outside of Germany", "other than Kazakhstan", "кроме Казахстана") is not the one
# it asks about: an answer naming another is what it asks for
_SET_ASIDE = re.compile(
    r"\b(?:outside(?:\s+of)?|other\s+than|except(?:\s+for)?|besides|apart\s+from|beyond|excluding|not\s+in)\s+"
    r"(?:the\s+)?[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]*)*"
    r"|(?<![а-яё])(?:кроме|помимо|за\s+пределами|вне|за\s+исключением)\s+[а-яё-]+(?:\s+(?-i:[А-ЯЁ])[а-яё-]*)*",
    re.I,
)


@dataclass(frozen=True)
class CountrySwap:
    """The countries the question names, and those the answer names instead (two-letter codes)."""

    asked: frozenset[str]
    told: frozenset[str]
    # whether the question names the asked country only by its people's adjective in asking for someone ("Which
    # Turkish experts …?", "Какие турецкие эксперты …?"): the answer's people come from elsewhere
    origin: bool = False


def asked_countries(question: str, languages: bool = False) -> frozenset[str]:
    """The countries a question asks about (two-letter codes): those it names and does not set aside; none for a
    question that asks for a place or a country. `languages`: a language's adjective names its country's people
    (qa.lang.countries.countries_in)."""
    if needs(question).wants == "place" or _ASKS_COUNTRY.search(question):
        return frozenset()
    return countries_in(_SET_ASIDE.sub(" ", question), detect(question), languages=languages)


def country_swap(question: str, sentence: str, passage_before: str = "", title: str = "",
                 lang: str | None = None, lead: str = "", passage: str = "") -> CountrySwap | None:
    """What the question names and the answer (`sentence`, with `passage_before`: its passage's text before it, in
    `lang`) names instead, when the question names a country, the answer names others and not it, and neither the
    sentence before it nor the item's `title` names it; else None. A sentence that names no country is read in its
    item's `lead`, which says whose event the item reports ("… conducted by law enforcement agencies of Kazakhstan,
    Kyrgyzstan, Tajikistan and Uzbekistan." over "During the operation, officers seized 212 kg of heroin." does not
    answer how much heroin Afghanistan seized), unless its `passage` names the asked country ("… killed 25 million
    Chinese …" after "… widespread famine, starting in 1331"). A question that asks for a place or a country is never
    a swap."""
    asks = detect(question)
    # someone asked for: a who-question, people ("officers", "сотрудники") or a role or act ("experts", "эксперты"),
    # whose nationality may be named as its language ("Which Turkish experts …?", "Какие турецкие эксперты …?")
    someone = needs(question).wants == "person" or bool(PEOPLE & set(analyze(question, asks))) or bool(marks(question))
    asked = asked_countries(question, languages=someone)
    if not asked:
        return None
    code = lang or detect(sentence)
    told = countries_in(answer_text(sentence, passage_before), code, languages=someone)
    if len(asked) >= 2 and (pair := _other_party(asked, (told, sentence, lead, title, passage), code, someone)):
        return pair
    if not told and lead and lead.strip() != sentence.strip():
        if passage and countries_in(passage, detect(passage), languages=someone) & asked:
            return None
        told = countries_in(lead, detect(lead), languages=someone)
    if not told or told & asked:
        return None
    context = f"{title}\n{sentence_before(passage_before)}"
    if countries_in(context, detect(context) if context.strip() else code, languages=someone) & asked \
            and not _contrasted(question, asks, answer_text(sentence, passage_before), code):
        return None
    origin = someone and not countries_in(question, asks, adjectives=False)
    return CountrySwap(asked, told, origin)


def _other_party(asked: frozenset[str], read: tuple, code: str, someone: bool) -> CountrySwap | None:
    """The swap when the question names two countries or more ("the memorandum between the customs services of
    Kyrgyzstan and China") and the answer, read with its item's lead and title and its passage (`read`: the countries
    the answer names, then those texts), names one of them and another, and never the rest ("… of Kyrgyzstan and
    Kazakhstan"): it is about another pair, another party. Else None."""
    told, sentence, *around = read
    said = set(told)
    for text in around:
        if text and text.strip() != sentence.strip():
            said |= countries_in(text, detect(text), languages=someone)
    if asked <= said or not said & asked or not said - asked:
        return None
    return CountrySwap(asked - frozenset(said), frozenset(said) - asked)


def _qualified(text: str, code: str) -> set[tuple[str, str]]:
    """(country, the stem of the noun after it) of each country's adjective or name right before a noun: "the Kyrgyz
    team" -> ("KG", "team")."""
    terms = analyze(text, code)
    out = set()
    for word, noun in zip(terms, terms[1:]):
        named = countries_in(word, code)
        if len(named) == 1 and not countries_in(noun, code):
            out.add((next(iter(named)), noun))
    return out


def _contrasted(question: str, asks: str, answer: str, code: str) -> bool:
    """Whether the answer gives the noun the question qualifies by its country to another country and never to that
    one ("Who led the Tajik team?" over "…, who led the Kyrgyz team, said …"): its item's title naming the asked
    country (a story of a Kyrgyz-Tajik operation) does not make it the asked one's."""
    said = _qualified(answer, code)
    return any((country, noun) not in said and any(n == noun and c != country for c, n in said)
               for country, noun in _qualified(question, asks))


def candidate_country_swap(question: str, best: Candidate, lead: str = "") -> CountrySwap | None:
    """country_swap() of an answer candidate: its text, its passage's text before it, its item's title and `lead`."""
    passage = best.passage
    title = passage.item.title if passage.item is not None else ""
    return country_swap(question, best.text, best.before, title, best.sentence.lang, lead, passage.chunk.text)
