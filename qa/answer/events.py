"""Which event a question or a sentence speaks of: its ordinal in a series ("the fifth meeting"), its
year, a numbered name ("CADAP 7", "WG3", "the third WG") and the place it is set in ("the workshop held
in Tashkent").

Issue 13, pattern 1: the words that single out an event must match. A question about the fifth meeting
answered by the lead of the third, or about a workshop in Tashkent answered by one held in Astana, is
answered about another event. `event_features` reads the match and the clash of one candidate sentence
(fitted features, qa.answer.types.type_features); `misplaced` is a rule of the gate
(qa.answer.evidence); `numbered_alike` keeps "WG3" from counting as a word no passage holds when the
passage says "the third WG".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.filters.mentions import without_compared_years
from qa.filters.year_spans import spans_year
from qa.lang import analyze, demonyms, detect, get, stopwords
from qa.lang.en import EVENT_VERBS as _EN_EVENT_VERBS
from qa.lang.en import EVENT_WORDS as _EN_EVENT_WORDS
from qa.lang.ru import EVENT_VERBS as _RU_EVENT_VERBS
from qa.lang.ru import EVENT_WORDS as _RU_EVENT_WORDS
from qa.lang.ru import ORDINAL_ENDINGS as _RU_ORDINAL_ENDINGS
from qa.lang.ru import ORDINAL_STEMS as _RU_ORDINAL_STEMS

if TYPE_CHECKING:
    from qa.answer.needs import Needs

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINAL_RE = re.compile(r"\b(" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\b", re.I)
# Settings of the clash reading (event_features), each measurable alone: benchmarks/fit_answer.py
# --pick events.NAME=False turns one off.
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
# a part of a year ("the second quarter", "во II квартале", "первое полугодие") is a period, read by qa.answer.periods
NOT_EVENT_ORDINAL = re.compile(r"^(?:[\s-]+(?:time|times|half|quarter|of\s+all|hand|glance|sight|ever"
                               r"|квартал\w*|полугоди\w*|половин\w*|раз)\b"
                               r"|\s+\w+ed\b)", re.I)
_YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
# "first" asks about an event of a series only before a noun ("the first meeting"), not as an
# adverb ("who first described"): only ordinals followed by a word that is not a verb-ish "-ed".
ORDINAL_ADVERB = re.compile(r"^\s+\w+ed\b")

# Years that bound a period ("since 2020", "before 2019") filter the documents; they do not name
# the event asked about, so a right answer must not be expected to repeat them.
_RANGE_YEAR = re.compile(r"\b(?:since|after|before|until|till|through|between|from|by|prior to)\s+(?:\w+\s+)?$", re.I)

_ORD_NUM = {w: i + 1 for i, w in enumerate(_ORDINALS)}


def _ordinal_key(word: str) -> str:
    w = word.lower()
    if w in _ORD_NUM:
        return str(_ORD_NUM[w])
    return re.sub(r"\D", "", w)


def ordinal_matches(text: str) -> list[tuple[str, int, int]]:
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



def _ordinals_in(text: str) -> set[str]:
    return {key for key, _, _ in ordinal_matches(text)}


def question_ordinals(question: str, synonyms: bool = False) -> frozenset[str]:
    """The ordinals a question asks about ("the *fifth* meeting" -> "5"), not an adverb's ("who *first*
    described"); with `synonyms` (and ORDINAL_SYNONYMS) "inaugural" and Russian ordinals too."""
    found = ((key, end) for key, _, end in ordinal_matches(question)) if synonyms else (
        (_ordinal_key(o.group(1)), o.end()) for o in _ORDINAL_RE.finditer(question))
    return frozenset(key for key, end in found if not ORDINAL_ADVERB.match(question[end:]))


def _event_ordinals(text: str) -> set[str]:
    """The ordinals a sentence names for an event of a series: not "for the first time", "at
    first", "first launched", "the first half of 2021"."""
    return {key for key, start, end in ordinal_matches(text)
            if not NOT_EVENT_ORDINAL.match(text[end:]) and not re.search(r"\bat\s+$", text[:start], re.I)}


# a name and its number in a series: "CADAP 7", "WG3", "WG-3", "Apollo 11" (not a year, a decimal, a time, a
# percentage or an ordinal's "5th"); and an ordinal before a name: "the third WG", "the 5th Harbour Forum"
_NUMBERED_NAME = re.compile(
    r"(?<![\w.-])([A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]*[A-Za-zА-Яа-яЁё])[\s-]?(\d{1,3})(?![\w.,:/%-]\w|\w)"
)
_ORDINAL_NAME = re.compile(
    r"(?:^|(?<=\s))(" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+([A-ZА-ЯЁ][\w-]*)", re.I
)
MONTHS = frozenset("january february march april may june july august september october november december".split())
# words before a number that name no series: months and weekdays ("May 5"), and hedges ("about 30")
_NOT_SERIES = MONTHS | frozenset(
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


def asked_series(question: str) -> frozenset[tuple[str, str]]:
    """The numbered names a question asks about, as (name, number) (SERIES_CLASH; empty when off)."""
    return frozenset(_series_in(question)) if SERIES_CLASH else frozenset()


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


def event_years(text: str) -> set[str]:
    """The years a sentence names, without those that bound a period ("since 2018")."""
    return {y.group(1) for y in _YEAR_RE.finditer(text) if not _RANGE_YEAR.search(text[:y.start()])}


# the prepositions of the place patterns that set where something is or happens; "to" and "from" name
# a destination, an origin or anything else ("lost to the Broncos", "stripped the ball from Newton")
_SETTING = re.compile(r"(?:in|at|near|в|во|на|под|около|близ|возле)\s", re.I)


def _places_in(text: str, before_event: bool = True) -> frozenset[tuple[str, ...]]:
    """The places text sets something in ("in Brussels", "at the Vienna meeting", "в Вене"), read by
    its language's place pattern, each as its stems. before_event=False leaves out a name followed by
    a gathering's noun, which in a sentence is more often a body's than a place's ("participated in the
    EWG meeting"); a name followed by an event verb is the place ("в Душанбе прошёл семинар")."""
    places = set()
    lang = detect(text)
    for m in _settings(text, lang):
        if not before_event and _gathering_at(text, m.end(1) + 1, lang):
            continue
        stems = tuple(analyze(m.group(1)))
        if stems:
            places.add(stems)
    return frozenset(places)


def _gathering_at(text: str, at: int, lang: str) -> bool:
    """Whether a gathering's noun ("meeting", "совещание") starts at `at`: one of the language's
    EVENT_WORDS that is not an EVENT_VERB. A verb only says that something happened, where the words
    before it set it (Russian puts it after the place: "в Алматы состоялось совещание")."""
    words, verbs = _EVENT_WORDS.get(lang), _EVENT_VERBS.get(lang)
    found = words.match(text, at) if words is not None else None
    return found is not None and not (verbs is not None and verbs.fullmatch(found.group(0)))


def _settings(text: str, lang: str):
    """The matches of the language's place pattern that set something in a place ("in Brussels", not
    "from Brussels"): the place is group 1."""
    return (m for m in get(lang).span_patterns["place"].finditer(text) if _SETTING.match(m.group(0)))



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
    if text is not None and n.qtype == "number" and n.years:
        # a figure's sentence names a year it compares the figure with ("1,042 kg, 11 % less than in January-June
        # 2023"), not the year of its figure, unless it gives that year's figure too ("…, когда было изъято 5 842 кг")
        compared = without_compared_years(text, figured=True)
        context, text = context.replace(text, compared), compared
    have_o, have_y = _ordinals_in(context), set(_YEAR_RE.findall(context))
    if text is not None:
        # a sentence that names an ordinal (a year) of its own speaks of that one, whatever its title says
        own_o = _event_ordinals(text) if OWN_ORDINALS and n.ordinals else set()
        own_y = event_years(text) if OWN_YEARS and n.years else set()
        have_o, have_y = own_o or have_o, own_y or have_y
        if n.wants == "person":
            # a holder's time in a post names each year it holds: "Director | … | 2016-2021" says who was Director in
            # 2018, which it never writes (a figure of 2016-2021 is no figure of 2018: only a person's time)
            have_y = have_y | {y for y in n.years if spans_year(text, int(y))}
    have = {"o": have_o, "y": have_y, "s": have_s}
    found = sum(o in have[kind] for kind, o in asked)
    clash = (bool(n.ordinals) and bool(have_o) and not (n.ordinals & have_o)) or (
        bool(n.years) and bool(have_y) and not (n.years & have_y)
    )
    return found / len(asked), float(clash or place_clash or series_clash)


def asked_places(question: str) -> frozenset[tuple[str, ...]]:
    """Where the question sets its event (PLACE_CLASH), as stems; empty when it sets none."""
    if not PLACE_CLASH:
        return frozenset()
    words = _EVENT_WORDS.get(detect(question))
    if PLACE_CLASH == "event" and (words is None or not words.search(question)):
        return frozenset()
    return _places_in(question)


def names_place(stems: set[str], place: tuple[str, ...]) -> bool:
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
    return not any(names_place(stems, place) for place in asked)


def misplaced(question: str, sentence: str, lead: str, title: str, passage: str, held_at: str = "") -> bool:
    """Whether the question sets its event in a place the documents do not ("Who opened the
    workshop held in *Tashkent*?" of an item whose lead holds it in Astana): the question names where
    its event happened (asked_places), the first sentence of the chosen sentence's item (`lead`) sets the
    event in another, the chosen sentence names no place unless it is that lead, and the asked place is
    named nowhere in the item's `title`, lead and the `passage` holding the sentence. The words that single
    out an event must match; a place is one of them, as its ordinal and year are (event_features). Only an
    item whose lead or title speaks of the same kind of gathering ("workshop", "meeting") is read. `held_at` is
    where the document's own field line says its gathering of that kind was held ("Venue: Orion Hotel, Bishkek":
    qa.answer.heads): an asked place it names is where the event was held, whatever a decision about the next
    one says ("Hold the next workshop in Dushanbe")."""
    asked = asked_places(question)
    if not asked or not lead:
        return False
    if held_at and any(names_place(set(analyze(held_at)), place) for place in asked):
        return False
    # a sentence after the lead that sets its own scene may speak of another event: the fitted clash
    # reads it (event_features); the lead itself, chosen as the answer, sets the item's scene
    if lead.strip() != sentence.strip() and _places_in(sentence, before_event=False):
        return False
    lead = _with_its_paragraph(lead, passage)
    # the lead must speak of the same kind of gathering ("the workshop"): a lead about another event
    # says nothing of where the asked one was held
    if not gatherings(question) & gatherings(f"{title} {lead}"):
        return False
    # a place the question misspells ("Алмты", "Almty") is the one the lead holds the event in: the answer stands
    if _misspelt(asked, _places_in(lead, before_event=False)):
        return False
    return _place_clash(f"{title} {lead} {passage} {sentence}", lead, asked)


def _misspelt(asked: frozenset[tuple[str, ...]], held: frozenset[tuple[str, ...]]) -> bool:
    """Whether a word of an asked place is one edit from a word of a place the event is `held` in (a letter
    left out, added, changed or two swapped: "алмт" for "алмат"), the longer of the two at least five
    letters: shorter names one letter apart are other places ("Iran", "Iraq")."""
    return any(one_edit(word, other) for place in asked for word in place for there in held for other in there
               if max(len(word), len(other)) >= 5)


def one_edit(a: str, b: str) -> bool:
    """Whether two different words are one insertion, deletion, substitution or transposition apart."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])


def _with_its_paragraph(lead: str, passage: str) -> str:
    """A lead that names no gathering is read with the rest of its paragraph when the passage holds it: a dateline
    split off as a sentence of its own ("On October 7-8, 2021, in Vienna, Austria.") sets the scene of the
    sentences after it ("Mr. X … took part in the Experts Working Group meeting …")."""
    at = passage.find(lead)
    if gatherings(lead) or at < 0:
        return lead
    end = passage.find("\n\n", at)
    return passage[at:end if end >= 0 else len(passage)]


def gatherings(text: str) -> set[str]:
    """The stems of the gatherings text speaks of: its language's EVENT_WORDS that are not verbs."""
    lang = detect(text)
    words, verbs = _EVENT_WORDS.get(lang), _EVENT_VERBS.get(lang)
    if words is None or verbs is None:
        return set()
    return {t for m in words.finditer(text) if not verbs.fullmatch(m.group(0)) for t in analyze(m.group(0), lang)}


def asked_place(question: str) -> str | None:
    """The place the question sets its event in, as written ("Tashkent"), or None."""
    return setting(question) if asked_places(question) else None


def setting(text: str) -> str | None:
    """The first place text sets something in, as written ("in Astana": "Astana"), or None."""
    return next((m.group(1) for m in _settings(text, detect(text))), None)



def ordinal_spans(text: str) -> list[tuple[str, int, int]]:
    """(number, start, end) of each ordinal `text` names, in order: "the fifth meeting" -> [("5", 4, 9)]; Russian's
    too ("пятое", "5-й")."""
    return sorted(ordinal_matches(text), key=lambda m: m[1])
