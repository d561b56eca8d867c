"""Does a candidate sentence hold the KIND of thing the question asks for?

Issue 13, pattern 1: a how-many question answered by a sentence about the same event with no
count of the asked thing, a who-question answered by a sentence with no person, a question about
the fifth meeting of a series answered by the lead of the third. The sentence model and the
confidence model read these as features (answer-type consistency counts in choosing AND in
abstaining); nothing here is a hard rule, the weights are fitted (benchmarks/fit_answer.py).

What a question needs (`needs()`): its answer type (qa.answer.question.question_type), for how-many /
how-much questions the noun or unit counted ("how many *officers*" -> officer), and the words that
single out one event of a series: ordinals ("fifth", "5th") and years ("2021").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from qa.answer.acronyms import phrase_acronym
from qa.answer.question import question_type
from qa.lang import analyze, demonyms, detect, get, registered, stopwords
from qa.lang.en import EVENT_VERBS as _EN_EVENT_VERBS
from qa.lang.en import EVENT_WORDS as _EN_EVENT_WORDS
from qa.lang.ru import EVENT_VERBS as _RU_EVENT_VERBS
from qa.lang.ru import EVENT_WORDS as _RU_EVENT_WORDS
from qa.lang.ru import ORDINAL_ENDINGS as _RU_ORDINAL_ENDINGS
from qa.lang.ru import ORDINAL_STEMS as _RU_ORDINAL_STEMS
from qa.lang.ru import number_words as ru_number_words

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINAL_RE = re.compile(r"\b(" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\b", re.I)
# Settings of the clash reading (event_features), each measurable alone: benchmarks/fit_answer.py
# --pick types.NAME=False turns one off.
# The ordinal a sentence names itself is the one it speaks of ("Looking ahead, the *third* WG activity
# ..." on a page titled "the second WG activity"): its title and date count only when it names none.
OWN_ORDINALS = True
# The same for years ("in 2021 compared to 2020" names both, so it still matches either).
OWN_YEARS = True
# A question that sets the event in a place ("in Brussels", "at the Vienna meeting") clashes with a
# sentence that names another place when neither it nor its title names the asked one. "event": only
# a question about a gathering or event (qa.lang EVENT_WORDS: "meeting", "held", ...); "any": every
# question's place; False: off.
PLACE_CLASH: str | bool = "event"
# A name numbered in its series ("CADAP 7", "WG3", "Phase 3", "the third WG") singles out its event
# as an ordinal does: "CADAP 8" clashes with a sentence about CADAP 7 only.
SERIES_CLASH = True
# A place named by its adjective is the same place ("Africa" ~ "African", "Japan" ~ "Japanese",
# "Kazakh" ~ "Kazakhstan"; qa.lang.demonyms): a demonym is no swap.
PLACE_DEMONYMS = True
_EVENT_WORDS = {"en": _EN_EVENT_WORDS, "ru": _RU_EVENT_WORDS}
_EVENT_VERBS = {"en": _EN_EVENT_VERBS, "ru": _RU_EVENT_VERBS}
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
# "inaugural" is the first of a series, and Russian ordinals ("второе", "5-й") are read as English's.
ORDINAL_SYNONYMS = True
_RU_ORDINAL_RE = re.compile(
    r"(?<![\w-])(" + "|".join(_RU_ORDINAL_STEMS) + r")" + _RU_ORDINAL_ENDINGS + r"(?![\w-])"
    r"|(?<![\w.,-])(\d{1,3})-(?:[йяеомух]|го|му|ми|ой|ый|ом|ых)(?![\w-])"
    # "5-го мая" is a date, not the fifth of a series
    r"(?!\s+(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр))",
    re.I,
)
_RU_ORD_NUM = {stem.replace("[её]", "е"): str(i + 1) for i, stem in enumerate(_RU_ORDINAL_STEMS)}
# "first" that is no event's: "for the first time", "at first", "first of all", "the first half of 2021"
_NOT_EVENT_ORDINAL = re.compile(r"^(?:[\s-]+(?:time|times|half|quarter|of\s+all|hand|glance|sight|ever)\b|\s+\w+ed\b)", re.I)
_YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
# "first" asks about an event of a series only before a noun ("the first meeting"), not as an
# adverb ("who first described"): only ordinals followed by a word that is not a verb-ish "-ed".
_ORDINAL_ADVERB = re.compile(r"^\s+\w+ed\b")
# units that answer a how-much question without a noun ("How much did they seize?")
_QUANTITY_UNIT = re.compile(
    r"(?:\$|€|£|%|\b(?:percent|per cent|kg|kilograms?|tons?|tonnes?|grams?|km|kilometres?|kilometers?|"
    r"miles?|metres?|meters?|litres?|liters?|dollars?|euros?|pounds?|rubles?|roubles?|tenge|som|"
    r"million|billion|thousand|hundred|USD|EUR)\b)",
    re.I,
)
# Russian: units after a number, and numbers written as words (qa.lang.ru's list)
_QUANTITY_UNIT_RU = re.compile(
    r"(?:%|процент\w*|кг|килограмм\w*|тонн\w*|грамм\w*|км|километр\w*|метр\w*|литр\w*|млн|млрд|тыс\.?|"
    r"миллион\w*|миллиард\w*|тысяч\w*|доллар\w*|рубл\w*|евро|фунт\w*|сом\w*|тенге)(?![\w])",
    re.I,
)
_NUMBER_RE_RU = re.compile(r"(?:\$|€|£)?(?<![\w-])(?:\d[\d,.  ]*(?<![,.  ])|" + ru_number_words() + r")(?![\w])", re.I)
# a figure, or a count written as a word ("seventeen", "ninety", "a dozen")
_NUMBER_RE = re.compile(r"(?:\$|€|£)?\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|"
                        r"hundred|thousand|million|billion|dozens?|several)\b", re.I)
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


_ORD_NUM = {w: i + 1 for i, w in enumerate(_ORDINALS)}


def _ordinal_key(word: str) -> str:
    w = word.lower()
    if w in _ORD_NUM:
        return str(_ORD_NUM[w])
    return re.sub(r"\D", "", w)


def _ordinal_matches(text: str) -> list[tuple[str, int, int]]:
    """(key, start, end) of each ordinal in text: "fifth", "5th", and with ORDINAL_SYNONYMS "inaugural"
    and Russian ordinals ("пятое", "5-й")."""
    out = [(_ordinal_key(o.group(1)), o.start(), o.end()) for o in _ORDINAL_RE.finditer(text)]
    if ORDINAL_SYNONYMS:
        out += [("1", o.start(), o.end()) for o in re.finditer(r"\binaugural\b", text, re.I)]
        if re.search(r"[а-яё]", text, re.I):
            for o in _RU_ORDINAL_RE.finditer(text):
                key = o.group(2) or _RU_ORD_NUM[o.group(1).lower().replace("ё", "е")]
                out.append((key, o.start(), o.end()))
    return out


# Nouns that make a "which / what <noun>" question ask for a person or a place ("Which UNODC
# *expert* ...", "At which *venue* ..."): the language's question patterns only know a few.
_PERSON_NOUNS = frozenset(
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
_PEOPLE = frozenset(analyze(
    "people persons participants attendees delegates representatives members officials officers experts "
    "staff employees specialists students trainees guests "
    "человек людей участников делегатов представителей членов сотрудников специалистов студентов гостей"
))
# Words that end the noun phrase after "how many": verbs of the question ("took", "attended").
_VERBISH = re.compile(r"^(?:\w+ed|took|take|takes|make|made|gave|give|came|come|went|go|got|get|held|hold|led|"
                      r"lead|saw|see|won|win|lost|lose|left|leave|met|meet|ran|run|sent|send|spent|spend|"
                      r"brought|bring|paid|pay|built|build|became|become|began|begin|kept|keep|found|fell|"
                      r"fought|live|lives|work|works|exist|exists|remain|remains|die|died)$")
# Years that bound a period ("since 2020", "before 2019") filter the documents; they do not name
# the event asked about, so a right answer must not be expected to repeat them.
_RANGE_YEAR = re.compile(r"\b(?:since|after|before|until|till|through|between|from|by|prior to)\s+(?:\w+\s+)?$", re.I)


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
            return phrase
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
        kind = "person" if w in _PERSON_NOUNS else "place" if w in _PLACE_NOUNS else kind
    return kind


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
            noun = next((w for w in words if w not in _SKIP_AFTER_HOW and not _RU_ADJECTIVE.search(w)
                         and (_MONEY_COUNTED.match(w) or not _RU_VERB.match(w))), None)
            units = analyze(noun)[-1:] if noun and noun not in _RU_NOT_COUNTED else []
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
    ordinals = {
        _ordinal_key(o.group(1)) for o in _ORDINAL_RE.finditer(question)
        if not _ORDINAL_ADVERB.match(question[o.end():])
    }
    years = {y.group(1) for y in _YEAR_RE.finditer(question) if not _RANGE_YEAR.search(question[:y.start()])}
    money = _asks_money(question, qtype, counted)
    return Needs(qtype, frozenset(units), frozenset(ordinals), frozenset(years), _extended_type(question, qtype),
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
_MONEY_COUNTED = re.compile(r"^(?:money|cash|funds|денег|деньги|средств\w*|стои\w*|обош\w*|потрач\w*|выделен\w*|"
                            r"выделил\w*|заплати\w*|заплачен\w*|выплачен\w*)$", re.I)


@functools.lru_cache(maxsize=4096)
def event_needs(question: str) -> Needs:
    """needs() with what the clash reads besides: the ordinal synonyms ("inaugural", Russian
    ordinals; ORDINAL_SYNONYMS) and the places the question sets its event in (PLACE_CLASH)."""
    n = needs(question)
    ordinals = {key for key, _, end in _ordinal_matches(question) if not _ORDINAL_ADVERB.match(question[end:])}
    return dataclasses.replace(n, ordinals=n.ordinals | frozenset(ordinals), places=_asked_places(question),
                               series=frozenset(_series_in(question)) if SERIES_CLASH else frozenset())


# adjective and participle endings that agree with the counted noun after "сколько"; not "-ий",
# which after "сколько" ends a noun's genitive plural ("сколько операций", "премий", "комиссий")
_RU_ADJECTIVE = re.compile(r"(?:ых|их|ые|ие|ый|ой|ая|яя|ое|ее|ую|юю)$")
# a verb that may stand between "сколько" and its noun ("сколько *погибло* людей", "сколько *насчитывалось* пар"):
# a past tense or a present third person, in words of five letters or more ("лет" is a noun). A verb of money
# ("сколько *стоил* ремонт") stays the counted word: it makes the question one about money (_asks_money)
_RU_VERB = re.compile(r"^(?=\w{5})\w+?(?:л[аои]?|лось|лась|лись|лся|ется|ются|ится|ятся|ает|яет|ует|еет|ают|яют|уют|еют)$")
# "сколько (было) времени" asks for a duration, as "how much time" does: no noun is counted
_RU_NOT_COUNTED = frozenset({"времени", "время"})


def _ordinals_in(text: str) -> set[str]:
    return {key for key, _, _ in _ordinal_matches(text)}


def _event_ordinals(text: str) -> set[str]:
    """The ordinals a sentence names for an event of a series: not "for the first time", "at
    first", "first launched", "the first half of 2021"."""
    return {key for key, start, end in _ordinal_matches(text)
            if not _NOT_EVENT_ORDINAL.match(text[end:]) and not re.search(r"\bat\s+$", text[:start], re.I)}


# a name and its number in a series: "CADAP 7", "WG3", "WG-3", "Apollo 11" (not a year, a decimal, a time, a
# percentage or an ordinal's "5th"); and an ordinal before a name: "the third WG", "the 5th Harbour Forum"
_NUMBERED_NAME = re.compile(
    r"(?<![\w.-])([A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*[A-Za-zА-Яа-яЁё])[\s-]?(\d{1,3})(?![\w.,:/%-]\w|\w)"
)
_ORDINAL_NAME = re.compile(
    r"(?:^|(?<=\s))(" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+([A-ZА-ЯЁ][\w-]*)", re.I
)
_MONTHS = frozenset("january february march april may june july august september october november december".split())
# words before a number that name no series: months and weekdays ("May 5"), and hedges ("about 30")
_NOT_SERIES = _MONTHS | frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday".split()
) | get("en").frame_words | get("ru").frame_words


def _series_name(name: str) -> str | None:
    """name in lower case, or None when it names no series before a number (a stop word, a frame word, a month)."""
    low = name.lower()
    return None if low in _NOT_SERIES or low in stopwords("en") or low in stopwords("ru") else low


def numbered_name(word: str) -> str | None:
    """The name of a numbered name written as one word ("WG3", "WG-3" -> "wg"), or None."""
    m = _NUMBERED_NAME.fullmatch(word)
    return _series_name(m.group(1)) if m else None


def numbered_alike(question: str, text: str) -> set[str]:
    """The question's numbered names ("WG3", "CADAP 7", "WG-3"), lower case as written, that `text` numbers
    alike in any form ("the third WG", "WG 3"): the gate's missing-word evidence must not count "wg3" as a word
    no passage holds when the passage says "the third WG"."""
    if not _NUMBERED_NAME.search(question):
        return set()
    have = _series_in(text)
    return {m.group(0).lower() for m in _NUMBERED_NAME.finditer(question)
            if (name := _series_name(m.group(1))) is not None and (name, str(int(m.group(2)))) in have}


def _series_in(text: str) -> set[tuple[str, str]]:
    """The numbered names text holds, as (name in lower case, number): "CADAP 7" and "the seventh CADAP"
    give ("cadap", "7"). A stop word, a frame word or a month before a number names nothing ("In 12",
    "About 30", "May 5")."""
    out = set()
    for m in _NUMBERED_NAME.finditer(text):
        name = _series_name(m.group(1))
        if name is not None:
            out.add((name, str(int(m.group(2)))))
    for m in _ORDINAL_NAME.finditer(text):
        if m.group(2)[:1].isupper():
            out.add((m.group(2).lower(), _ordinal_key(m.group(1))))
    return out


def _event_years(text: str) -> set[str]:
    """The years a sentence names, without those that bound a period ("since 2018")."""
    return {y.group(1) for y in _YEAR_RE.finditer(text) if not _RANGE_YEAR.search(text[:y.start()])}


# the prepositions of the place patterns that set where something is or happens; "to" and "from" name
# a destination, an origin or anything else ("lost to the Broncos", "stripped the ball from Newton")
_SETTING = re.compile(r"(?:in|at|near|в|во|на|под|около|близ|возле)\s", re.I)


def _places_in(text: str, before_event: bool = True) -> frozenset[tuple[str, ...]]:
    """The places text sets something in ("in Brussels", "at the Vienna meeting", "в Вене"), read by
    its language's place pattern, each as its stems. before_event=False leaves out a name followed by
    an event word, which in a sentence is more often a body's than a place's ("participated in the
    EWG meeting")."""
    places = set()
    lang = detect(text)
    events = _EVENT_WORDS.get(lang)
    for m in _settings(text, lang):
        if not before_event and events is not None and events.match(text, m.end(1) + 1):
            continue
        stems = tuple(analyze(m.group(1)))
        if stems:
            places.add(stems)
    return frozenset(places)


def _settings(text: str, lang: str):
    """The matches of the language's place pattern that set something in a place ("in Brussels", not
    "from Brussels"): the place is group 1."""
    return (m for m in get(lang).span_patterns["place"].finditer(text) if _SETTING.match(m.group(0)))


_ASIDE = re.compile(r"\s*\([^()]*\)")


@functools.cache
def _unit_names() -> dict[str, str]:
    """Each stem of every registered language's unit forms (Language.unit_names) -> the stem of its
    unit's first form."""
    out: dict[str, str] = {}
    for language in registered():
        for forms in language.unit_names:
            stems = [t for w in forms.split() for t in analyze(w, language.code)]
            out.update((t, stems[0]) for t in stems)
    return out


def same_unit(stems: set[str] | frozenset[str]) -> set[str]:
    """stems with each unit's name in its first form as well ("kg" -> "kilogram" too): a count of the
    asked unit may be written in any of its forms."""
    names = _unit_names()
    return set(stems) | {names[t] for t in stems if t in names}


def counts_asked_noun(after: str, units: frozenset[str], plural_only: bool = False) -> bool:
    """Whether the noun phrase after a number names the asked noun: "57,000 *people*", "two Major
    League Soccer *teams*", "three working-*groups*" (its modifiers, compounds and plural read as
    in the question: plural_head), or people counted under another name."""
    # its clause, without an aside ("1,388 (0.9%) same-sex couples"); quotes and an abbreviation's
    # dot stay inside it (two "lead authors", eight U.S. presidents, 5 тыс. человек)
    clause = re.split(r"[,;:!?()\[\]]|\.(?=\s+[A-ZА-ЯЁ\d]|\s*$)", _ASIDE.sub("", after), maxsplit=1)[0]
    words = re.findall(r"[\w'’-]+", clause)
    phrase = plural_head(words)
    if phrase:
        nxt = set(analyze(" ".join(phrase))) | phrase_acronym(phrase)
    elif plural_only and _cyrillic(clause):
        # Russian marks no plural that plural_head reads: a year-like number counts the noun right after it and
        # its adjectives ("1388 однополых *пар*"), not the words further on ("в 2004 году *компания* ...")
        noun = next((w for w in words if not _RU_ADJECTIVE.search(w.lower())), "")
        nxt = set(analyze(noun))
    elif plural_only:
        return False
    else:
        # no plural head ("1 ferry", "один паром", a Russian count's genitive): the first words of
        # its clause ("In 2004, the company ..." counts no company)
        nxt = set(analyze(clause)[:3])
    return bool(same_unit(nxt) & same_unit(units)) or (bool(units & _PEOPLE) and bool(nxt & _PEOPLE))


def _cyrillic(text: str) -> bool:
    """Whether text is Russian for the number rules (qa.lang.detect, its cheap English case first)."""
    return bool(re.search(r"[а-яё]", text, re.I)) and detect(text) == "ru"


def _in_date(span: tuple[int, int], dates: list[tuple[int, int]]) -> str | None:
    """"part" when a number lies inside a longer date span (the day or year of "12 March 2021"),
    "whole" when it is a date by itself (a bare year: "2021", "1993-94"), else None."""
    for x, y in dates:
        if x < span[1] and span[0] < y:
            return "whole" if (x, y) == span else "part"
    return None


_AFTER_CHARS = 80


def _words_after(text: str, start: int) -> str:
    """About _AFTER_CHARS characters of text from start, without a word the cut would split."""
    end = start + _AFTER_CHARS
    after = text[start:end]
    if end < len(text) and text[end - 1:end + 1].isalnum():
        after = re.sub(r"\w+$", "", after)
    return after


def unit_match(text: str, n: Needs, lang: str | None = None) -> float:
    """1 when a number in text counts the asked noun ("57,000 *people*"), or for a how-much
    question without a noun when a number carries a unit ("740 *kg*"); 0 when no number does;
    0.5 for questions that ask for no quantity."""
    if n.qtype != "number":
        return 0.5
    russian = lang == "ru" if lang else _cyrillic(text)  # lang: the sentence's stored language
    numbers, units = (_NUMBER_RE_RU, _QUANTITY_UNIT_RU) if russian else (_NUMBER_RE, _QUANTITY_UNIT)
    dates = [d.span() for d in get("ru" if russian else "en").span_patterns["date"].finditer(text)]
    for m in numbers.finditer(text):
        # the noun phrase after it, in whole words: a phrase of five modifiers runs past 40
        # characters ("five progressive WG and intersessional activities")
        after = _words_after(text, m.end())
        before = text[max(0, m.start() - 3):m.start()]
        # a currency sign makes a year-like figure an amount ("$1900")
        date = None if m.group(0)[:1] in "$€£" else _in_date(m.span(), dates)
        if date == "part":
            continue  # the day or the year of a date ("October 25-26, 2021 the delegation")
        if n.units:
            # a bare year counts only a plural right after it ("2000 guests", not "In 2004 the company")
            if counts_asked_noun(after, n.units, plural_only=date == "whole"):
                return 1.0
            continue
        if date == "whole":
            continue  # "in 2020 tons of ..." is rarer than a year before a unit-less noun
        if units.match(after.lstrip()) or re.search(r"[$€£]", before + m.group(0)):
            return 1.0
        elif re.match(r"\s*%", after):
            return 1.0
    return 0.0


def money_match(text: str, n: Needs, lang: str | None = None) -> float:
    """For a question about money (`n.money`): 1 when a number in text is an amount in a currency
    ("$25 a gram", "5 million euros", "3 млн рублей"), else 0; 0.5 for every other question. A
    rule of the gate reads it (qa.answer.evidence.unpriced), not the fitted features: unit_match
    still takes any quantity with a unit for a how-much question."""
    if not n.money:
        return 0.5
    russian = lang == "ru" if lang else _cyrillic(text)
    for m in (_NUMBER_RE_RU if russian else _NUMBER_RE).finditer(text):
        if _in_currency(text, m, _words_after(text, m.end()), russian):
            return 1.0
    return 0.0


# the kinds a quantifier can stand before ("a mile", "a few days", "hundreds of kilograms")
_COUNTED_UNITS = ("length", "time", "floors", "mass", "area", "volume")


def measure_match(text: str, n: Needs, lang: str | None = None) -> float:
    """For a question about a measure (`n.measure`): 1 when text holds a quantity of a kind that
    answers it (a number or a quantifier before a unit of that kind: "13 km", "two weeks", "a mile";
    a span of dates for a duration: "from 1754 to 1763", "since 2005"; for an age, any number: "aged
    45", "founded in 1636"), else 0; 0.5 for every other question. Like money_match, read by a rule
    of the gate (qa.answer.evidence.unmeasured), not by the fitted features."""
    if not n.measure:
        return 0.5
    russian = lang == "ru" if lang else _cyrillic(text)
    language = get("ru" if russian else "en")
    units = language.measure_units or {}
    if "range" in n.measure and "range" in units and units["range"].search(text):
        return 1.0
    dates = [d.span() for d in language.span_patterns["date"].finditer(text)]
    for m in (_NUMBER_RE_RU if russian else _NUMBER_RE).finditer(text):
        if "age" in n.measure:
            return 1.0  # "aged 45", "at seven", "founded in 1636": any number may give an age
        if m.group(0)[:1] not in "$€£" and _in_date(m.span(), dates):
            continue  # a date's day or year measures nothing ("On 12 May the delegation ...")
        after = _words_after(text, m.end()).lstrip(" -–\u00a0")  # "13 km", "a 30-minute drive"
        if any(k in units and units[k].match(after) for k in n.measure):
            return 1.0
    quantifier = language.measure_quantifiers
    for k in n.measure if quantifier is not None else ():
        if k in _COUNTED_UNITS and k in units:
            for u in re.finditer(rf"(?<![\w])(?:{units[k].pattern})", text, units[k].flags):
                if quantifier.search(text[max(0, u.start() - 20):u.start()]):
                    return 1.0  # "half a mile", "several weeks"
    return 0.0


_SCALE = re.compile(r"\s*(?:(?:million|billion|trillion|thousand|mln|bn|млн|млрд|трлн|тыс|миллион\w*|миллиард\w*|"
                    r"тысяч\w*)\.?\s+)?", re.I)


def _in_currency(text: str, number: re.Match, after: str, russian: bool) -> bool:
    """Whether a currency marks the number as money: a sign or code just before it ("$5", "EUR 2"),
    or a currency word after it and its scale ("5 million dollars", "3 млн рублей")."""
    currency = get("ru" if russian else "en").currency
    if currency is None:
        return False
    before = text[max(0, number.start() - 6):number.start()].rstrip()
    if currency.match(number.group(0)) or any(c.end() == len(before) for c in currency.finditer(before)):
        return True
    rest = after[_SCALE.match(after).end():]
    return bool(currency.match(rest))


# whether a who-question's typed span must not be an organisation's or a place's name ("Kyrgyz
# Republic", "UNODC Programme Offices"). Off: "who funded / hosted / organised" is answered by an
# organisation, and cross-validation showed no gain (docs/quality.md, "tried and not kept")
PERSON_NOT_ORG = False
# whether typed_match reads a measure question's quantity by measure_match (its kind, any unit)
MEASURE_TYPED = True


def typed_match(text: str, question: str, n: Needs, lang: str | None = None) -> float:
    """1 when text holds a span of the kind asked for that the question does not already name (a
    count of the asked noun, a date, a name for who / which-official, a place), else 0; 0.5 when
    the question asks for no clear kind. Across the retrieved sentences this is the strongest
    sign of "not found": nothing holds what was asked. A question about a measure ("how long", "how
    many kilograms") wants a quantity of that measure in any unit (measure_match): "from 3 to 7
    February" answers "how long did it last", "1.2 tonnes" "how many kilograms". A question about a
    time of day wants one ("10:30", "в 9 часов"): a day or a year does not answer "What time did it
    start?"."""
    if n.measure and MEASURE_TYPED:
        return measure_match(text, n, lang)
    if n.wants == "date" and asked_grain(question) == "clock":
        return float(states_date(text, question, "clock", lang))
    if n.wants is None:
        return 0.5
    if n.wants == "number":
        return unit_match(text, n, lang)
    # the patterns of the text's own language, as qa.answer.question.typed_span reads them (a
    # Russian sentence holds a Russian date or name, whatever the question's language)
    language = get(lang or detect(text))
    pattern = language.span_patterns.get(n.wants)
    if pattern is None:
        return 0.5
    qwords = set(re.findall(r"\w+", question.lower()))
    for m in pattern.finditer(text):
        g = 1 if m.re.groups else 0
        words = set(re.findall(r"\w+", m.group(g).lower())) - language.span_ignore
        if words and not words <= qwords and not (n.wants == "person" and PERSON_NOT_ORG and words & _NOT_A_PERSON):
            return 1.0
    return 0.0


# A person NAMED as one (issue 13, pattern 1): the language's person pattern takes any run of
# capitalised words ("Kyrgyz Republic", "Central Asia"), so for who-questions nearly every sentence
# "holds a person". A name counts here only when something marks it as a person's: a title before
# it ("Mr", "Major General"), initials ("R. Miralizoda"), or a role next to it ("Edwin Marlow,
# Director of ...", "its chair, Margaret Quill"). English wording; other languages get 0.5.
_TITLE = (r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|H\.\s?E|Captain|Capt|Colonel|Col|General|"
          r"Major|Lieutenant|Lt|Admiral|Commander|Sergeant|Ambassador|President|Minister|Judge|Justice|Senator|"
          r"Governor|Mayor|King|Queen|Prince|Princess|Pope|Saint|Reverend|Rev|Bishop|Chancellor|Emperor)")
_CAP = r"[A-Z][a-z'’\-]+"
_NAME = rf"(?:(?:[A-Z]\.\s?){{0,3}}{_CAP})(?:\s+(?:[A-Z]\.\s?){{0,3}}{_CAP}){{0,2}}"
# one person's role (singular: "X, experts from ..." lists groups, not a person)
_ROLE = "|".join(sorted((w for w in _PERSON_NOUNS if not w.endswith("s") or w == "boss"), key=len, reverse=True))
_NAMED_PERSON = re.compile(
    rf"\b{_TITLE}\.?\s+(?P<a>{_NAME})"  # Mr. R. Miralizoda, Major General Rustam Aziz
    rf"|\b(?P<b>(?:[A-Z]\.\s?){{1,3}}[A-Z][a-z]{{2,}})"  # R.A. Miralizoda
    rf"|\b(?P<c>{_NAME}),\s+(?:the\s+|an?\s+)?(?:[A-Za-z-]+\s+){{0,2}}?(?i:{_ROLE})\b"  # Edwin Marlow, Director
    rf"|\b(?i:{_ROLE}),?\s+(?P<d>{_NAME})"  # its chair, Margaret Quill
)
# capitalised words that make a "name" an organisation's or a place's
_NOT_A_PERSON = frozenset(
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
        if words and not words <= qwords and not words & _NOT_A_PERSON:
            return True
    return False


def names_someone(text: str, question: str) -> bool:
    """Whether text holds a run of capitalised words that may be a person's name, marked as one or
    not ("Soviet cosmonaut *Yuri Gagarin*", "redesigned by *Kim Wilkie*"): loose_person without the
    runs that only a sentence's first word or a month made ("On June 29"). English wording."""
    language = get("en")
    qwords = set(re.findall(r"\w+", question.lower()))
    for m in language.span_patterns["person"].finditer(text):
        words = set(re.findall(r"\w+", m.group(0).lower())) - language.span_ignore - stopwords("en") - _MONTHS
        if words and not words <= qwords and not words & _NOT_A_PERSON:
            return True
    return False


def named_person(text: str, question: str) -> float:
    """1 when text names a person marked as one (see _NAMED_PERSON) whom the question does not
    already name, else 0; 0.5 when the question asks for no person or is not in English."""
    if needs(question).wants != "person" or detect(question) != "en":
        return 0.5
    qwords = set(re.findall(r"\w+", question.lower()))
    for m in _NAMED_PERSON.finditer(text):
        name = next(g for g in m.groups() if g)
        words = set(re.findall(r"\w+", name.lower())) - {"mr", "mrs", "ms", "dr"}
        if words and not words <= qwords and not words & _NOT_A_PERSON:
            return 1.0
    return 0.0


def event_features(context: str, n: Needs, text: str | None = None) -> tuple[float, float]:
    """(match, clash) of the question's ordinals and years with a sentence's context (the
    sentence with its item's title and date): match = share of them present; clash = 1 when the
    context names another ordinal or year of the same kind and not the asked one, or (PLACE_CLASH)
    the sentence sets its event in another place than the question's and the context lacks that
    one, or (SERIES_CLASH) it numbers a name of the question otherwise ("CADAP 7" for "CADAP 8"). `text` is the
    sentence alone: with OWN_ORDINALS / OWN_YEARS, the ordinals (years) it names itself are read instead of its
    context's, and so are its own numbered names."""
    asked = [("o", o) for o in n.ordinals] + [("y", y) for y in n.years] + [("s", key) for key in n.series]
    place_clash = bool(n.places) and text is not None and _place_clash(context, text, n.places)
    if not asked:
        return 0.5, float(place_clash)
    # a numbered name the sentence names itself speaks of that one, whatever its title says
    have_s = ((_series_in(text) if text is not None else set()) or _series_in(context)) if n.series else set()
    series_clash = any(
        k not in nums for name, k in n.series if (nums := {j for other, j in have_s if other == name})
    )
    have_o, have_y = _ordinals_in(context), set(_YEAR_RE.findall(context))
    if text is not None:
        # a sentence that names an ordinal (a year) of its own speaks of that one, whatever its title says
        own_o = _event_ordinals(text) if OWN_ORDINALS and n.ordinals else set()
        own_y = _event_years(text) if OWN_YEARS and n.years else set()
        have_o, have_y = own_o or have_o, own_y or have_y
    have = {"o": have_o, "y": have_y, "s": have_s}
    found = sum(o in have[kind] for kind, o in asked)
    clash = (bool(n.ordinals) and bool(have_o) and not (n.ordinals & have_o)) or (
        bool(n.years) and bool(have_y) and not (n.years & have_y)
    )
    return found / len(asked), float(clash or place_clash or series_clash)


def _asked_places(question: str) -> frozenset[tuple[str, ...]]:
    """Where the question sets its event (PLACE_CLASH), as stems; empty when it sets none."""
    if not PLACE_CLASH:
        return frozenset()
    words = _EVENT_WORDS.get(detect(question))
    if PLACE_CLASH == "event" and (words is None or not words.search(question)):
        return frozenset()
    return _places_in(question)


def _names_place(stems: set[str], place: tuple[str, ...]) -> bool:
    """Whether one of a place's words is among stems ("the Republic of Korea" ~ "Korea"); with
    PLACE_DEMONYMS, its adjective too ("Africa" ~ "African", "Kazakh" ~ "Kazakhstan": qa.lang.demonyms)."""
    if stems.intersection(place):
        return True
    return PLACE_DEMONYMS and any(demonyms.found(p, stems) for p in place)


def _place_clash(context: str, text: str, asked: frozenset[tuple[str, ...]]) -> bool:
    """The sentence names a place, and none of the question's places is named by it or its context."""
    said = _places_in(text, before_event=False)
    if not said:
        return False
    stems = set(analyze(context))
    return not any(_names_place(stems, place) for place in asked)


def misplaced(question: str, sentence: str, lead: str, title: str, passage: str) -> bool:
    """Whether the question sets its event in a place the documents do not ("Who opened the
    workshop held in *Tashkent*?" of an item whose lead holds it in Astana): the question names where
    its event happened (event_needs().places), the chosen sentence names no place, the first sentence
    of its item (`lead`) sets the event in another, and the asked place is named nowhere in the item's
    `title`, lead and the `passage` holding the sentence. The words that single out an event must
    match; a place is one of them, as its ordinal and year are (event_features). Only an item whose
    lead or title speaks of the same kind of gathering ("workshop", "meeting") is read."""
    asked = event_needs(question).places
    if not asked or not lead or _places_in(sentence, before_event=False):
        return False
    lead = _with_its_paragraph(lead, passage)
    # the lead must speak of the same kind of gathering ("the workshop"): a lead about another event
    # says nothing of where the asked one was held
    if not _gatherings(question) & _gatherings(f"{title} {lead}"):
        return False
    return _place_clash(f"{title} {lead} {passage} {sentence}", lead, asked)


def _with_its_paragraph(lead: str, passage: str) -> str:
    """A lead that names no gathering is read with the rest of its paragraph when the passage holds it: a dateline
    split off as a sentence of its own ("On October 7-8, 2021, in Vienna, Austria.") sets the scene of the
    sentences after it ("Mr. X … took part in the Experts Working Group meeting …")."""
    at = passage.find(lead)
    if _gatherings(lead) or at < 0:
        return lead
    end = passage.find("\n\n", at)
    return passage[at:end if end >= 0 else len(passage)]


def _gatherings(text: str) -> set[str]:
    """The stems of the gatherings text speaks of: its language's EVENT_WORDS that are not verbs."""
    lang = detect(text)
    words, verbs = _EVENT_WORDS.get(lang), _EVENT_VERBS.get(lang)
    if words is None or verbs is None:
        return set()
    return {t for m in words.finditer(text) if not verbs.fullmatch(m.group(0)) for t in analyze(m.group(0), lang)}


def asked_place(question: str) -> str | None:
    """The place the question sets its event in, as written ("Tashkent"), or None."""
    return setting(question) if event_needs(question).places else None


def setting(text: str) -> str | None:
    """The first place text sets something in, as written ("in Astana": "Astana"), or None."""
    return next((m.group(1) for m in _settings(text, detect(text))), None)


def has_date(text: str, lang: str | None = None) -> bool:
    return get(lang or detect(text)).span_patterns["date"].search(text) is not None


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
    it too), "clock" (a time of day: "What time did the briefing start?"), or None. asked_date() reads the grain
    loosely, for a question already known to ask for a date. Cached: typed_match reads it for every candidate."""
    return next((grain for grain, p in get(detect(question)).date_questions if p.search(question)), None)


def states_date(text: str, question: str, grain: str, lang: str | None = None) -> bool:
    """Whether `text` (in `lang`, detected if None) may state a date of `grain` that `question` does not
    already state: "in March 2022" states no day for "Which day in March 2022 ...?", only the question's own
    month. True when the text's language has no date readers (Language.date_grains): nothing to tell."""
    grains = get(lang or detect(text)).date_grains
    if not grains:
        return True
    pattern = grains[grain]
    for _, asking in get(detect(question)).date_questions:  # "On which day ..." itself states no day
        question = asking.sub(" ", question)
    own = {" ".join(m.group(0).lower().split()) for m in pattern.finditer(question)}
    return any(" ".join(m.group(0).lower().split()) not in own for m in pattern.finditer(text))


def type_features(
    question: str, text: str, title: str, item_date: str | None, news_lead: bool, lang: str | None = None
) -> dict[str, float]:
    """Answer-type consistency features of one candidate sentence (see the module docstring);
    `lang` is the sentence's language when the index stores it (detected from the text if not)."""
    n = event_needs(question)
    context = f"{title} {item_date or ''} {text}"
    match, clash = event_features(context, n, text)
    return {
        "unit": unit_match(text, n, lang),
        "typed": typed_match(text, question, n, lang),
        "event": match,
        "clash": clash,
        # a when-question answered by a dated lead: the lead's date IS the answer, so the lead
        # penalty (news_lead) must not apply to it
        "date_lead": float(n.qtype == "date" and news_lead and has_date(text, lang)),
    }


TYPE_FEATURES = ("unit", "typed", "event", "clash", "date_lead")
