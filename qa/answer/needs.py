"""What a question asks for, read once per question (`needs`, `event_needs`).

Its answer type (qa.answer.question.question_type, or a person / a place read from a "which <noun>"
question), for a how-many / how-much question the noun or unit counted ("how many *officers*" ->
officer), whether it asks for money or for a measure ("how far", "how many kilograms"), the grain of
date it asks for ("In what year ..."), and the words that single out one event of a series
(qa.answer.events): its ordinals, years, numbered names and the place it sets the event in.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from qa.answer.acronyms import phrase_acronym
from qa.answer.events import asked_places, asked_series, event_years, question_ordinals
from qa.answer.question import question_type
from qa.lang import analyze, detect, get, stopwords

# Whether needs() tells a question about money (a price, a cost, a budget) from other number
# questions: it is answered by an amount in a currency, not by any quantity ("740 kg of drugs" does not
# answer "What was the street price of heroin?"); read by money_match and qa.answer.evidence.unpriced
MONEY_ANSWERS = True
# Whether needs() reads what measure a question asks for (a length, a duration, a height, an age: the
# languages' measure_questions); read by measure_match and qa.answer.evidence.unmeasured
MEASURE_ANSWERS = True
# the kinds of measure whose units a count may name (_asks_measure: "how many kilograms"), the first that reads
# the unit wins: an area's "square kilometres" before a length's "kilometres". Durations are left to the count
# rule: "how many days" is answered by "from 8 to 11 July", which no unit reads
UNIT_MEASURES = ("area", "volume", "mass", "length")
_SKIP_AFTER_HOW = {"many", "much", "of", "the", "a", "an", "did", "do", "does", "is", "are", "was", "were",
                   "has", "have", "had", "will", "can", "could",
                   "было", "были", "был", "была", "всего", "же", "из"}  # after "сколько" (issue 14)


@dataclass(frozen=True)
class Needs:
    """What a question asks for, read once per question."""

    qtype: str | None  # number, date, person, place (qa.question.question_type) or None
    units: frozenset[str]  # stemmed noun counted by a how-many / how-much question, if named
    ordinals: frozenset[str]  # "fifth", "5th" -> normalised ordinals that single out the event
    years: frozenset[str]
    # qtype, or person / place read from the asked noun ("which UNODC expert"): used by typed_match
    wants: str | None = None
    places: frozenset[tuple[str, ...]] = frozenset()  # where the question sets its event ("in Brussels"), as stems
    series: frozenset[tuple[str, str]] = frozenset()  # numbered names ("CADAP 7", "the third WG"): (name, number)
    money: bool = False  # a number question that asks for an amount of money (qa.lang's money_question)
    # the kinds of quantity that answer a question about a measure ("how far": length, time), or ()
    measure: tuple[str, ...] = ()


# Nouns that make a "which / what <noun>" question ask for a person or a place ("Which UNODC
# *expert* ...", "At which *venue* ..."): the language's question patterns only know a few.
PERSON_NOUNS = frozenset(
    "official officials person persons people representative representatives expert experts envoy analyst "
    "minister ministers director directors ambassador ambassadors chairman chairperson chair head heads "
    "manager managers leader leaders president spokesperson spokesman secretary officer officers member "
    "members speaker speakers trainer trainers lecturer lecturers author founder commander chief deputy "
    "coordinator advisor adviser judge general player actor singer scientist".split()
)
_PLACE_NOUNS = frozenset(
    "city cities country countries town towns village place places venue venues location region regions "
    "province state states capital site border checkpoint airport port island continent district".split()
)
# People counted under another name: "how many participants" is answered by "50 people".
PEOPLE = frozenset(analyze(
    "people persons participants attendees delegates representatives members officials officers experts "
    "staff employees specialists students trainees guests "
    "человек людей участников делегатов представителей членов сотрудников специалистов студентов гостей"
))
# Words that end the noun phrase after "how many": verbs of the question ("took", "attended").
_VERBISH = re.compile(r"^(?:\w+ed|took|take|takes|make|made|gave|give|came|come|went|go|got|get|held|hold|led|"
                      r"lead|saw|see|won|win|lost|lose|left|leave|met|meet|ran|run|sent|send|spent|spend|"
                      r"brought|bring|paid|pay|built|build|became|become|began|begin|kept|keep|found|fell|"
                      r"fought|live|lives|work|works|exist|exists|remain|remains|die|died)$")


# The counted noun of a how-many question is plural ("how many *ferries*"), and so is the head of
# any noun phrase a number counts: English morphology finds that head without a tagger. Plurals
# not written with -s, and -s endings that are not plurals ("bus", "class", "analysis", "Gaga's"):
_PLURAL_IRREGULAR = re.compile(
    r"^(?:people|children|\w*men|\w*women|police|staff|personnel|cattle|feet|teeth|mice|geese|data|media|"
    r"criteria|phenomena|sheep|fish|deer|aircraft|spacecraft|horsepower|offspring|livestock)$"
)
_NOT_PLURAL = re.compile(r"(?:ss|us|is|'s|’s)$")
# function words that can stand inside a counted noun phrase ("two *other* teams", "how many *more*
# sites"); any other stop word ends it ("bodies *of* water", "miles *east* of" stop at the head)
_NP_INNER = frozenset({"more", "most", "other", "few", "such", "own", "same"})
_MAX_MODIFIERS = 5  # "how many Major League Soccer teams", "two Grade One listed railway stations"


def _plural(word: str) -> bool:
    w = word.lower()
    return bool(_PLURAL_IRREGULAR.match(w)) or (len(w) > 2 and w.endswith("s") and not _NOT_PLURAL.search(w))


def _ends_phrase(word: str) -> bool:
    """Whether word cannot stand inside a noun phrase: an auxiliary, or a stop word not written
    with a capital (then it is part of a name: "US presidents", "Doctor Who episodes")."""
    w = word.lower()
    if w in _SKIP_AFTER_HOW:
        return True
    stop = stopwords("ru") if re.search(r"[а-яё]", w) else stopwords()
    return w in stop and w not in _NP_INNER and not word[:1].isupper()


def plural_head(words: list[str]) -> list[str]:
    """The noun phrase at the start of words up to its plural head ("Japan Customs experts
    lectured" -> [Japan, Customs, experts]; "events occur" -> [events]; "extended metropolitan areas"
    -> all three), or [] when no plural comes within a few modifiers before the phrase ends."""
    phrase: list[str] = []
    for i, w in enumerate(words[:_MAX_MODIFIERS + 1]):
        # coordinated modifiers share the head: "working-group *and* intersessional activities"
        if _ends_phrase(w) and not (phrase and w.lower() in ("and", "or")):
            break
        phrase.append(w)
        if _plural(w):
            # a run of plurals is a compound: its last is the head ("Customs *experts*")
            for nxt in words[i + 1:]:
                if _ends_phrase(nxt) or not _plural(nxt):
                    break
                phrase.append(nxt)
            return phrase + _coordinated_head(words[len(phrase):])  # phrase is words[:len(phrase)]
    return []


def _coordinated_head(words: list[str]) -> list[str]:
    """The second half of a coordinated noun phrase after a plural, up to its own plural head: "640 customs *and
    border officers*", "drugs *and precursors*"; [] when none follows ("200 officers and 30 dogs" ends at
    "officers": a number opens a phrase of its own)."""
    if not words or words[0].lower() not in ("and", "or"):
        return []
    for j, w in enumerate(words[1:_MAX_MODIFIERS + 1], start=1):
        if _ends_phrase(w) or w[:1].isdigit():
            return []
        if _plural(w):
            return words[:j + 1]
    return []


def _asked_noun(words: list[str]) -> list[str]:
    """The noun phrase after "how many" (words keep their case); its last word is the head the
    count must be of. The head is the phrase's plural (plural_head): a verb after it ("how many
    events *occur*") or a hyphenated modifier before it ("working-group *activities*") is not it.
    "How many of the four field goal attempts" counts attempts. With no plural ("how many
    horsepower"), the phrase runs up to its verb."""
    low = [w.lower() for w in words]
    if low[:1] == ["of"]:
        # "how many of the / of Warsaw's ..." : the partitive's noun phrase
        rest = 1
        while rest < len(low) and low[rest] in ("the", "these", "those", "its", "their", "his", "her", "our"):
            rest += 1
        words, low = words[rest:], low[rest:]
    head = plural_head(words)
    if head:
        return [w.lower() for w in head]
    phrase = []
    for w in low:
        if w in _SKIP_AFTER_HOW or not analyze(w) or _VERBISH.match(w) or len(phrase) == 4:
            break
        phrase.append(w)
    return phrase


def _extended_type(question: str, qtype: str | None) -> str | None:
    """The language's answer type, or person / place for "which / what <noun>" questions."""
    if qtype is not None:
        return qtype
    m = re.search(r"\b(?:which|what)\s+((?:[\w'-]+\s*){1,4})", question, re.I)
    if not m:
        return None
    kind = None
    # the head is the last noun before the verb: "which EU member *states* sent" -> place
    for w in m.group(1).lower().split():
        if w in _SKIP_AFTER_HOW or _VERBISH.match(w):
            break
        kind = "person" if w in PERSON_NOUNS else "place" if w in _PLACE_NOUNS else kind
    return kind


# after "сколько" a count's noun is in the genitive plural ("перехватов", "стран", "людей"); one in the genitive
# singular, ending in a vowel, is a mass ("героина", "опия", "нефти", "марихуаны")
_RU_MASS = re.compile(r"[аяыи]$")
_BY_HOW_MUCH = re.compile(r"\bна\s+сколько\b", re.I)


@functools.lru_cache(maxsize=4096)
def needs(question: str) -> Needs:
    qtype = question_type(question)
    units: list[str] = []
    counted = ""  # the counted noun as written
    # only a count names its noun: "how much funding" is answered by "$5 million", so a how-much
    # question wants any quantity with a unit (Russian "сколько" is both: its noun is kept)
    # a question about another kind counts nothing ("Во сколько открылась выставка?" asks for a time of day)
    m = re.search(r"\b(?:how\s+many|what\s+number\s+of|сколько)\s+([\w\s'-]{0,60})", question, re.I) \
        if qtype == "number" else None
    unit = ""  # the counted noun with its modifiers ("square kilometres"), which may name a unit
    if m:
        cased = re.findall(r"[\w'’-]+", m.group(1))
        words = [w.lower() for w in cased]
        if re.search(r"[а-яё]", m.group(0), re.I):
            # Russian: the counted noun is the first word after "сколько" that is not an
            # adjective agreeing with it ("сколько квадратных *километров*", "сколько *лет* было");
            # the English rule's "up to the verb" would run past it into the verb or a name
            noun = next((w for w in words if w not in _SKIP_AFTER_HOW and not RU_ADJECTIVE.search(w)
                         and (_MONEY_COUNTED.match(w) or not _RU_VERB.match(w))), None)
            if noun and _BY_HOW_MUCH.search(question[:m.start() + 8]) and words.index(noun) > 0:
                # "на сколько сократилась площадь" asks by how much the area shrank (a share, a figure in any
                # unit), as "by how much" does: the noun after the verb is what changed, not what is counted;
                # "на сколько процентов" names its unit straight after
                noun = None
            # "сколько стоит / денег" asks for money as "how much" does, and counts no noun: "стоит" is no unit
            counted_money = bool(noun and _MONEY_COUNTED.match(noun))
            units = analyze(noun)[-1:] if noun and noun not in _RU_NOT_COUNTED and not counted_money else []
            if noun and _RU_MASS.search(noun):
                # a noun in the genitive singular is a mass ("сколько *героина*" is "how much heroin"), counted in
                # no units of its own: any quantity with a unit answers, as it does English "how much"
                units = []
            counted = noun or ""
            # with the adjectives before it: "квадратных километров" is an area
            unit = " ".join(w for w in words[:words.index(noun) + 1] if w not in _SKIP_AFTER_HOW
                            and not _RU_VERB.match(w)) if noun else ""
        else:
            phrase = _asked_noun(cased)
            if phrase:
                units = analyze(phrase[-1])[-1:]
                counted = phrase[-1]
                unit = " ".join(phrase)
                # "how many Master Trainers" is answered by "210 MTs", and "how many MTs" by "210 Master
                # Trainers": the phrase's acronym counts it too
                units += sorted(phrase_acronym(plural_head(cased)))
    money = _asks_money(question, qtype, counted)
    return Needs(qtype, frozenset(units), question_ordinals(question), frozenset(event_years(question)),
                 _extended_type(question, qtype),
                 money=money, measure=_asks_measure(question, units, unit, money))


def _asks_money(question: str, qtype: str | None, counted: str) -> bool:
    """Whether a number question asks for an amount of money: its language's money_question matches,
    and it counts no noun or counts money itself ("how many dollars", "сколько стоил"): "how many
    grants" counts grants."""
    if qtype != "number" or not MONEY_ANSWERS:
        return False
    language = get(detect(question))
    if language.money_question is None or not language.money_question.search(question):
        return False
    return not counted or bool(_MONEY_COUNTED.match(counted)) or bool(
        language.currency is not None and language.currency.fullmatch(counted))


def _asks_measure(question: str, units: list[str], unit: str = "", money: bool = False) -> tuple[str, ...]:
    """The kinds of quantity that answer a question about a measure (its language's
    measure_questions: "how far" wants a length or a time), or () for any other question. A question
    that counts (`units`: its counted noun's stems) asks for a measure when it counts a unit of one
    (`unit`: the counted noun with its modifiers): "how many *kilograms*", "how many *square miles*",
    "сколько *тонн*" want a mass or an area in any of its units ("1.2 tonnes" answers "how many
    kilograms"). Other counts ("how many years", "сколько лет") are the count rule's; so are counts
    of money (`money`: "how many pounds did it cost")."""
    if not MEASURE_ANSWERS:
        return ()
    if units:
        kinds = get(detect(question)).measure_units or {}
        if not unit or money:
            return ()
        asked = next((k for k in UNIT_MEASURES if k in kinds and kinds[k].fullmatch(unit)), None)
        at = question.lower().find(unit)
        rest = question[at + len(unit):] if at >= 0 else question
        # a unit of another kind after it leaves unclear what is measured ("how many tonnes per hectare", "how many
        # kilometers of acres")
        if asked is None or any(re.search(rf"(?<![\w])(?:{kinds[k].pattern})", rest, kinds[k].flags)
                                for k in UNIT_MEASURES if k != asked and k in kinds):
            return ()
        return (asked,)
    for kinds, pattern in get(detect(question)).measure_questions:
        if pattern.search(question):
            return kinds
    return ()


# what "how many / сколько" counts when it asks for money: money itself, or (Russian) the verb of a
# price or a payment that follows "сколько" where a noun would ("сколько стоил", "сколько выделено")
_MONEY_COUNTED = re.compile(r"^(?:money|cash|funds|денег|деньги|средств\w*|сто(?:ит|ил|ят|имост)\w*|обош\w*|"
                            r"потрач\w*|выделен\w*|выделил\w*|заплати\w*|заплачен\w*|выплачен\w*)$", re.I)


@functools.lru_cache(maxsize=4096)
def event_needs(question: str) -> Needs:
    """needs() with what the clash reads besides: the ordinal synonyms ("inaugural", Russian
    ordinals; qa.answer.events.ORDINAL_SYNONYMS), the places the question sets its event in (events.PLACE_CLASH) and
    its numbered names (events.SERIES_CLASH)."""
    n = needs(question)
    return dataclasses.replace(n, ordinals=n.ordinals | question_ordinals(question, synonyms=True),
                               places=asked_places(question), series=asked_series(question))


# adjective and participle endings that agree with the counted noun after "сколько"; not "-ий",
# which after "сколько" ends a noun's genitive plural ("сколько операций", "премий", "комиссий")
RU_ADJECTIVE = re.compile(r"(?:ых|их|ые|ие|ый|ой|ая|яя|ое|ее|ую|юю)$")
# a verb that may stand between "сколько" and its noun ("сколько *погибло* людей", "сколько *насчитывалось* пар"):
# a past tense or a present third person, in words of five letters or more ("лет" is a noun). A verb of money
# ("сколько *стоил* ремонт") stays the counted word: it makes the question one about money (_asks_money)
# a verb, or a short passive participle ("сколько было *изъято* героина", "сколько *задержано* человек"): the counted
# noun is after it
_RU_VERB = re.compile(r"^(?=\w{5})\w+?(?:л[аои]?|лось|лась|лись|лся|ется|ются|ится|ятся|ает|яет|ует|еет|ают|яют|уют|еют"
                      r"|[аяе]н[оы]|ен[аы]|ят[оаы]|ыт[оы]|ут[оы])$")
# "сколько (было) времени" asks for a duration, as "how much time" does: no noun is counted
_RU_NOT_COUNTED = frozenset({"времени", "время"})


# the grain of date a question asks for ("In what year", "Which month", "On what day / date"), read loosely in
# both languages: any "год" word
_ASKED_DATE = (
    ("year", re.compile(r"\b(?:what|which)\s+years?\b|\bin what year\b|\bгод\w*\b", re.I)),
    ("month", re.compile(r"\b(?:what|which)\s+months?\b|\bмесяц\w*\b", re.I)),
    ("day", re.compile(r"\b(?:what|which)\s+(?:day|date)s?\b|\bчисл\w*\b|\bдат\w*\b", re.I)),
)


def asked_date(question: str) -> str | None:
    """The grain of date a question asks for: "year", "month", "day", or None. Loose, for the short answer of
    a question already known to ask for a date (qa.answer.short); asked_grain() is the strict reading."""
    return next((k for k, p in _ASKED_DATE if p.search(question)), None)


@functools.lru_cache(maxsize=4096)
def asked_grain(question: str) -> str | None:
    """The grain of date `question` asks for, read strictly in its language (Language.date_questions): "year",
    "month", "day", "century" (a century or a decade), "date" (any: "On what date ...?", since a year is given for
    it too), "clock" (a time of day: "What time did the briefing start?"), "part" (a quarter or a half of a year: "In
    which quarter …?", "В каком квартале …?"), or None. asked_date() reads the grain
    loosely, for a question already known to ask for a date. Cached: typed_match reads it for every candidate."""
    return next((grain for grain, p in get(detect(question)).date_questions if p.search(question)), None)
