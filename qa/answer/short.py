"""The short answer marked inside an answer sentence, only when it is likely THE answer.

Issue 13, pattern 5: a short answer picked by type heuristics alone ("210" for "57,000 people
trained", "Major General" for an ambassador's name) is worse than none. Every span of the asked
type in the sentence is a candidate (`candidates`); a logistic model scores them, and the best is
shown only when its probability of being a right short answer clears `threshold`. That probability
is P(the sentence is right) x P(the span is the answer | the sentence is right): the first is the
answer step's own confidence in the sentence (`conf`, the confidence model's probability, fitted on
many more features than a span sees), the second the span model's, fitted by
benchmarks/fit_models.py on the answer sentences that hold a gold answer only (a span is right when
it is one). A span model fitted on every sentence had to learn the sentence's doubt from `conf` as
one linear feature, and ranked right spans in likely sentences below the threshold. Questions
without a clear answer type get no short answer.

What tells the right span from the others (benchmarks/fit_short.py measures each by
cross-validation): how sure the answer step is of the sentence (`conf`, `lex`); whether the span
is the only one of its kind; whether the words around it are the question's words (an answer sits
where the question's own words are, "trained *57,000 people*" for "how many people were
trained"); whether it has the granularity asked ("what year" -> a year, not "12 March"; "what
percentage" -> a percentage; "how many" -> not a bare year); for persons, whether the span looks
like an organisation rather than a person; the question's rare words (by the index's IDF) beside
it and in the stretch since the previous candidate ("heroin rose by *82.1 %*, opium by 41.5 %");
for persons the role asked ("who heads") beside the name, and no country as a name ("Japan's");
for "which country / city" whether the span is a country.
"""

from __future__ import annotations

import functools
import re

import numpy as np

from qa.answer.needs import asked_date, asked_grain, needs
from qa.answer.types import counts_asked_noun
from qa.lang import analyze, detect, get
from qa.lang.countries import is_country

SPAN_FEATURES = (
    "t_number", "t_date", "t_person", "t_place", "first", "count", "unit", "near", "repeat", "words",
    "digits", "conf", "lex",
    "only", "left", "right", "window", "clause", "best_window", "gran", "year_like", "org", "title",
    "start", "paren", "conf_only", "role", "owned", "prox", "single", "range", "after_prep",
    # fifth session: the question's rare words next to the span (IDF-weighted alignment), countries
    # (no person; "which country" asks for one) and the asked role beside a name ("who heads")
    "prox_idf", "seg_idf", "country", "place_gran", "role_match",
)

_YEAR_ONLY = re.compile(r"^(?:1[5-9]|20)\d\d(?:\s*[-–]\s*(?:1[5-9]|20)?\d\d)?$")
_HAS_DAY = re.compile(r"\b\d{1,2}\b(?!\d)")
# what kind of quantity a number question asks for, and whether a span is of that kind
_ASKED_NUMBER = (
    ("percent", re.compile(r"\bpercent|\bpercentage\b|\bproportion\b|\bprocent|\bпроцент", re.I)),
    ("money", re.compile(r"\bhow much (?:money|did \w+ (?:cost|pay|spend))|\bcost\b|\bprice\b|\bworth\b|"
                         r"\bbudget\b|\bfunding\b|\bspent?\b|\bpaid\b|\bdollars?\b", re.I)),
    ("span", re.compile(r"\bhow (?:long|old|far|tall|high|large|big|wide|deep)\b", re.I)),
)
_PERCENT = re.compile(r"%|\bper\s*cent\b|\bpercent\b|\bпроцент", re.I)
_WEIGHT = re.compile(r"^\W*(?:kg|kilos?|kilograms?|grams?|g|mg|milligrams?|tons?|tonnes?|lbs?|ounces?|oz|кг|г|"
                     r"грамм\w*|килограмм\w*|тонн\w*)\b", re.I)
_MONEY = re.compile(r"[$€£¥]|\b(?:dollars?|euros?|pounds?|rubles?|roubles?|usd|eur|рубл\w*|доллар\w*)\b", re.I)
# words that make a capitalised span an organisation, a place or a thing rather than a person
_ORG = re.compile(
    r"\b(?:University|College|School|Institute|Academy|Ministry|Office|Council|Committee|Commission|"
    r"Agency|Organi[sz]ation|Department|Republic|Kingdom|Empire|States|Union|Nations|Association|"
    r"Company|Corporation|Inc|Ltd|Group|Party|Bank|Centre|Center|Court|Church|Army|Force|Forces|Service|"
    r"Services|Government|Parliament|League|Club|Society|Foundation|Museum|Library|Hospital|Street|"
    r"River|Mountains?|Island|Sea|Ocean|Lake|Park|Bridge|Airport|Station|Project|Programme|Program|"
    r"Conference|Summit|Award|Prize|Cup|Games|War|Act|Treaty|Day|Festival|Road|Region|Province|City|"
    r"County|District|North|South|East|West|Northern|Southern|Eastern|Western|Central|International|"
    r"National|Federal|Royal|United|European|American|British|Declaration|Unit|Initiative|Pact|Network|"
    r"Team|Operation|Strategy|Plan|Index|Agreement|Convention|Protocol|Report|Forum|Board|Bureau|"
    r"Directorate|Authority|Administration|Secretariat|Mission|Embassy|Customs|Police|Guard|Border)\b"
)
# capitalised words that open a sentence or a phrase before a name: "On June 5 ...", "The EU ..."
_LEADING = re.compile(
    r"^(?:(?:On|In|At|The|A|An|For|By|From|With|As|After|Before|During|This|That|These|Those|His|Her|"
    r"Their|Its|Our|And|But|Of|To|When|While|According|Since|Under|Following|Today|Yesterday)\s+)+"
)
_CALENDAR = re.compile(
    r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_INNER_TITLE = re.compile(r"\b(?:Mr|Ms|Mrs|Dr|Prof|H\.E)\b")
# a role named by capitalised words is not a person's name: "Ambassador Extraordinary", "Head of"
_ROLE = re.compile(
    r"\b(?:Ambassador|Director|Head|Minister|Chairman|Chairperson|Chair|Secretary|Deputy|Chief|Officer|"
    r"Analyst|Expert|Manager|Coordinator|Representative|Extraordinary|Plenipotentiary|Adviser|Advisor|"
    r"Commissioner|Governor|Mayor|Senator|Professor|Colonel|Captain|Major|Lieutenant|Spokesperson)\b"
)
_SINGLE = re.compile(r"\b[A-Z][a-z][\w'’\-]+\b")
# a name's particle between two of its parts: "Robert of Jumièges", "Guy de Lusignan", "Jerónimo de
# Ayanz y Beaumont", "Ludwig van Beethoven", "Muhammad ibn Zakariya"; and an Arabic article that
# starts a name in lower case ("al-Turabi")
_PARTICLE_GAP = re.compile(r"\s+(?:(?:de|da|di|del|della|do|dos|das|du|des|la|le|van|von|der|den|ten|ter|zu|"
                           r"ibn|bin|bint|y|of|the|al|el)\s+)+")
_ARTICLE_NAME = re.compile(r"(?:\b[A-Z][\w'’]+\s+)?(?<![\w\-])(?:al|el|ad|an|ar|as|at|az|ash)-[A-Z][\w'’\-]+")
_FRACTION = re.compile(r"(?<![\w.,])\d*[½⅓⅔¼¾⅕⅛](?!\w)")
_RANGE_GAP = re.compile(r"\s*(?:and|to|until|till|-|–|—)\s*")
_RANGE_LEAD = re.compile(r"\b(?:between|from)\s+$", re.I)
_NUMBER_LEAD = re.compile(r"^[^\d]*[\d,.]+|^\w+")  # "about 2,000" -> "", "120 tonnes" -> " tonnes"
_ACRONYM = re.compile(r"^[A-Z]{2,}\b")
_TITLE = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Prof|Sir|Lord|Lady|King|Queen|President|General|Minister|H\.E)\b\.?")
# a span of ranks and roles only ("Major General", "Ambassador Extraordinary and Plenipotentiary")
_RANKS = (r"Mr|Ms|Mrs|Dr|Prof|Sir|Lord|Lady|King|Queen|President|General|Minister|H\.E|Ambassador|Director|Head|"
          r"Chairman|Chairperson|Chair|Secretary|Deputy|Chief|Officer|Extraordinary|Plenipotentiary|Adviser|Advisor|"
          r"Commissioner|Governor|Mayor|Senator|Professor|Colonel|Captain|Major|Lieutenant|Marshal|Admiral|Militia|"
          r"Police|Brigadier|Sergeant|Justice")
_ONLY_TITLES = re.compile(rf"(?:(?:{_RANKS})\.?|of|and|the)(?:\s+(?:(?:{_RANKS})\.?|of|and|the))*")
# the role a who-question asks about ("who heads", "which analyst"), by the start of its word:
# a person named beside another role ("Senior Manager") is less likely the one asked for
_ROLES = ("head", "lead", "led", "chair", "direct", "presid", "minist", "ambassad", "secretar", "govern", "command",
          "manag", "coordinat", "analyst", "expert", "spokes", "found", "mayor", "captain", "coach", "king", "queen",
          "emperor", "ceo", "chief", "deput", "rector", "dean", "editor", "author", "architect", "inventor", "engineer",
          "officer", "judge", "general", "representat", "envoy", "adviser", "advisor", "consul")
_ROLE_KEY = {"led": "lead", "ceo": "chief"}
_NOT_ROLES = frozenset({"found", "direct", "directly", "ledger"})


def roles(words: list[str]) -> set[str]:
    """The roles words name, by their starts ("heads", "Head" -> "head")."""
    low = [w.lower() for w in words]
    return {_ROLE_KEY.get(r, r) for w in low if w not in _NOT_ROLES for r in _ROLES if w.startswith(r)}


# the "of" after a count and the word after it (then up to two more: "of the apples", "of narcotic drugs")
_OF_TAIL = re.compile(r"\s+of\s+([^\W\d]+)(?:\s+[^\W\d]+){0,2}$")
_OF_STOP = frozenset("the a an its their his her this that these those all them us our your my which whom".split())
_CLAUSE = re.compile(r"[;:()]|,\s|\s[-–—]\s|\b(?:which|who|while|whereas|but)\b")
# "which country" asks for a country, "which city / town" for a place that is not one
_ASKED_PLACE = (
    ("country", re.compile(r"\b(?:countr(?:y|ies)|nations?)\b|\bстран\w*|\bгосударств\w*", re.I)),
    ("city", re.compile(r"\b(?:city|cities|town|village|capital)\b|\bгород\w*|\bстолиц\w*", re.I)),
)


# Dates the shared English date pattern leaves out (it feeds sentence features fitted on it, so
# the short answer adds these as its own candidates): a year before 1800 after a preposition or in
# brackets ("in 1066", "(1288)", "around 1712"; not "in 1500 soldiers"), a year with an era
# ("221 BC"), a decade ("the 1950s"), a century ("the 10th and 11th centuries"), a season of a
# year ("summer of 1521") and a month without its day ("launch in March").
_ORDINAL = (r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
            r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
            r"twenty-first)")
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_FUNCTION_NEXT = (r"(?:and|or|to|when|the|a|an|for|at|as|on|in|by|with|from|after|before|during|until|but|was|were|is|"
                  r"are|had|he|she|it|they|while|which|that|where|under|through|against|onwards|onward|led|saw)\b")
_DATE_EXTRA = {
    "en": tuple(re.compile(p, re.I) for p in (
        r"\b(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?\d{3,4}\b",
        rf"\b(?:in|since|by|until|till|around|about|after|before|from|circa|c\.|ca\.|during|between|and|to|early|"
        rf"late|of|year|as early as|as late as)\s+(1[0-7]\d\d|[1-9]\d\d)\b(?!\s*[%$€£])(?=\s*(?:[^\w\s]|$|"
        rf"{_FUNCTION_NEXT}))",
        r"\((1[0-7]\d\d|[1-9]\d\d)\)",
        r"\b\d{1,4}\s*(?:BCE?|AD|CE|B\.C\.(?:E\.)?|A\.D\.)(?!\w)|\b(?:AD|A\.D\.)\s*\d{1,4}\b",
        r"\b(?:(?:early|mid|late)[-\s])?(?:1\d|20)?\d0s\b",
        rf"\b(?:(?:early|mid|late)[-\s])?{_ORDINAL}(?:\s*(?:and|or|to|-|–)\s*{_ORDINAL})?[-\s]centur(?:y|ies)"
        rf"(?:\s+(?:BCE?|AD|CE)\b)?",
        rf"\b(?:in|by|until|since|from|during|of|early|late|mid-?|end of|beginning of)\s+(?-i:({_MONTHS}))\b(?!\s*\d)",
    )),
}


# Places the shared English place pattern leaves out (it wants in/at/to/from/near in lower case):
# after other prepositions of place ("flowed toward the Pacific", "into Sicily") and after a
# capitalised one at a sentence start ("In Vienna, ..."); group 1 is the place
_PLACE_NAME = r"((?:[A-Z][\w'’\-]+)(?:\s+(?:of\s+)?[A-Z][\w'’\-]+){0,3})"
_PLACE_EXTRA = {
    "en": (
        re.compile(r"\b(?:into|onto|toward|towards|through|throughout|across|within|inside|outside|around|along|"
                   rf"beyond|via|reaching|visited)\s+(?:the\s+)?{_PLACE_NAME}"),
        re.compile(rf"(?:^|[.;:!?]\s+)(?:In|At|From|Near)\s+(?:the\s+)?{_PLACE_NAME}"),
    ),
}


@functools.cache
def _languages(code: str) -> frozenset[str]:
    """The names of languages in `code` (CLDR through babel, lower-cased): "in German" is no place."""
    try:
        from babel import Locale

        return frozenset(n.lower() for n in Locale.parse(code).languages.values())
    except (ImportError, ValueError, LookupError):
        return frozenset()


def _extra(text: str, question: str, patterns: tuple[re.Pattern, ...],
           taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of `patterns` (group 1 when it has one) that overlap no span taken and do not just
    repeat the question."""
    qwords = set(re.findall(r"\w+", question.lower()))
    out: list[tuple[int, int]] = []
    for p in patterns:
        for m in p.finditer(text):
            a, b = m.span(1 if p.groups else 0)
            if not any(a < y and x < b for x, y in taken + out) \
                    and not set(re.findall(r"\w+", text[a:b].lower())) <= qwords:
                out.append((a, b))
    return out


def _asked_place(question: str) -> str | None:
    return next((k for k, p in _ASKED_PLACE if p.search(question)), None)


def spans(text: str, question: str) -> list[tuple[int, int]]:
    """Every span of the asked type in text that does not just repeat the question (the answer
    type the question's own words give; qa.answer.trim keeps a window holding one)."""
    return _typed(text, question, needs(question).qtype)


def typed_spans(text: str, question: str, kind: str, lang: str | None = None) -> list[tuple[int, int]]:
    """Every span of `kind` in text that does not just repeat the question, whatever kind the question asks for."""
    return _typed(text, question, kind, lang)


def _typed(text: str, question: str, kind: str | None, lang: str | None = None) -> list[tuple[int, int]]:
    language = get(lang or detect(text))  # the sentence's language (issue 14: additive hook)
    pattern = language.span_patterns.get(kind or "")
    if pattern is None:
        return []
    qwords = set(re.findall(r"\w+", question.lower()))
    out = []
    for m in pattern.finditer(text):
        g = 1 if m.re.groups else 0
        words = set(re.findall(r"\w+", m.group(g).lower())) - language.span_ignore
        if words and not words <= qwords:
            out.append((m.start(g), m.end(g)))
    return out


def candidates(text: str, question: str, lang: str | None = None) -> list[tuple[int, int]]:
    """The short-answer candidates: spans of the asked type (a person or place also when the
    question asks "which official / which country"), and for a "what year" question the year of a
    full date ("12 March 2021" -> "2021"), since the span should be what was asked. `lang`: the
    sentence's language as stored at index time (None: detected here)."""
    n = needs(question)
    kind = n.qtype or n.wants
    code = lang or detect(text)
    if asked_grain(question) == "clock":
        return _clock_times(text, question, code)
    found = _typed(text, question, kind, code)
    if kind == "date":
        found = sorted(found + _extra(text, question, _DATE_EXTRA.get(code, ()), found))
    if kind == "place":
        found = sorted(found + _extra(text, question, _PLACE_EXTRA.get(code, ()), found))
    matched = list(found)  # before cleaning: a word of a dropped span is no one-word name either
    if kind in ("person", "place"):
        # a name does not start with "On" or "The", and a month is neither a person nor a place
        cleaned = []
        for a, b in found:
            m = _LEADING.match(text[a:b])
            if m:
                a += m.end()
            if kind == "person":
                t = _INNER_TITLE.search(text[a:b])
                if t and t.start() > 0:  # "CARICC IAD Mr. X" -> "Mr. X", "CARICC IAD Mr" -> dropped below
                    a += t.start()
                if _TITLE.fullmatch(text[a:b].rstrip(".")) or _ONLY_TITLES.fullmatch(text[a:b]):
                    continue  # "Major General", "Ambassador Extraordinary": a rank, not a name
            if b - a > 1 and not _CALENDAR.search(text[a:b]) \
                    and not (kind == "person" and is_country(text[a:b], code)) \
                    and not (kind == "place" and text[a:b].lower() in _languages(code)):
                cleaned.append((a, b))
        found = cleaned
    if kind == "number":
        # "of X" belongs to a count's unit ("120 tonnes of pears"), not to a percentage ("90 % of
        # Australian ...") nor before a stop word ("30 per cent of the"); "one of the" is no count
        cut = []
        for a, b in found:
            tail = _OF_TAIL.search(text[a:b])
            if tail and (_PERCENT.search(text[a:a + tail.start()]) or tail.group(1).lower() in _OF_STOP):
                b = a + tail.start()
            if not re.fullmatch(r"(?:\w+\s+)?one", text[a:b].strip(), re.I) or not re.match(r"\s+of\b", text[b:]):
                cut.append((a, b))
        # a number with a vulgar fraction ("2½ sacks"): the pattern's word boundary fails before "½"
        found = sorted(cut + _extra(text, question, (_FRACTION,), cut))
        # the day of a date ("12" of "12 March 2021") is not a count
        dates = [(m.start(), m.end()) for m in get(code).span_patterns["date"].finditer(text)]
        found = [(a, b) for a, b in found if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in dates)]
    if kind == "person":
        # a one-word name inside the sentence ("sacked by *Newton*"): the pattern wants two words;
        # at the sentence start only before a particle ("*Lothar* de Maizière"); a name with an
        # Arabic article ("Hassan al-Turabi") is one
        qwords = set(re.findall(r"\w+", question.lower()))
        for m in _ARTICLE_NAME.finditer(text):
            if not any(x < m.end() and m.start() < y for x, y in found) and m.group(0).lower() not in qwords:
                found.append(m.span())
        taken = matched + found
        for m in _SINGLE.finditer(text):
            a, b = m.span()
            if ((text[:a].strip() or _PARTICLE_GAP.match(text, b)) and m.group(0).lower() not in qwords
                    and not any(x <= a < y for x, y in taken) and not text[:a].endswith("-")
                    and not (_CALENDAR.match(m.group(0)) or _ORG.match(m.group(0)) or _ROLE.match(m.group(0))
                             or _TITLE.match(m.group(0)) or _LEADING.match(m.group(0) + " ")
                             or is_country(m.group(0), code))):
                found.append((a, b))
        found.sort()
        # a name with a particle is one candidate besides its parts; a chain joins ("A de B y C")
        joined = []
        for i in range(len(found)):
            a, b = found[i]
            for a2, b2 in found[i + 1:]:
                if not _PARTICLE_GAP.fullmatch(text[b:a2]) or _ORG.search(text[a:b2]) or is_country(text[a2:b2], code):
                    break
                b = b2
                joined.append((a, b))
        found = sorted(set(found) | set(joined))
    if kind in ("date", "number"):
        # a range is one answer: "between 1945 and 1970", "8–15"
        ranges = []
        for (a1, b1), (a2, b2) in zip(found, found[1:]):
            if _RANGE_GAP.fullmatch(text[b1:a2]):
                lead = _RANGE_LEAD.search(text[:a1])
                if lead or not re.search(r"[^\W\d]{3,}$", text[a1:b1]):  # not "120 tonnes of pears and 30"
                    ranges.append((lead.start() if lead else a1, b2))
        found = sorted(set(found) | set(ranges))
        if kind == "date":
            # days of one month, whose first day is no date of its own: "from 14 to 18 April 2025", "с 3 по 7 февраля".
            # The last day alone ("18 April 2025") would say less than the documents do: it is no candidate.
            day_range = get(code).day_range
            days = [m.span() for m in day_range.finditer(text)] if day_range is not None else []
            inside = lambda a, b: any(x <= a and b <= y and (x, y) != (a, b) for x, y in days)  # noqa: E731
            found = sorted({(a, b) for a, b in found if not inside(a, b)} | set(days))
    if kind == "date" and asked_date(question) == "year":
        extra = []
        for a, b in found:
            for m in re.finditer(r"\b(?:1\d|20)\d\d\b", text[a:b]):
                if (a + m.start(), a + m.end()) != (a, b):
                    extra.append((a + m.start(), a + m.end()))
        found = sorted(set(found) | set(extra))
    measure = needs(question).measure  # a length, a duration, an age: "how long is the border" is not "13 kg"
    if kind == "number" and measure:
        found = [(a, b) for a, b in found if not _other_measure(text, a, b, measure)]
    return found


# a number of hours before a word of the clock: "10 o'clock", "в 9 часов"
_HOURS_BEFORE = re.compile(r"\d{1,2}\s*$")


def _clock_times(text: str, question: str, code: str) -> list[tuple[int, int]]:
    """The times of day in text that the question does not state (its language's date_grains["clock"]: "10:30",
    "9 a.m.", "noon", "в 9 часов"), the answers to "What time did it start?": a day or a year is none."""
    grains = get(code).date_grains
    if not grains or "clock" not in grains:
        return []
    own = {m.group(0).lower() for m in grains["clock"].finditer(question)}
    found = []
    for m in grains["clock"].finditer(text):
        if m.group(0).lower() in own:
            continue
        a, b = m.span()
        hours = _HOURS_BEFORE.search(text[max(0, a - 4):a])
        found.append((a - len(hours.group(0)) if hours else a, b))
    return found


def _other_measure(text: str, a: int, b: int, measure: tuple[str, ...] = ()) -> bool:
    """Whether the quantity text[a:b] is an amount of money, a weight (unless the question asks for a mass: "how
    many kilograms") or a share (unless it asks for one: "how high did unemployment rise"), none of which
    answers a question about another measure (`measure`: qa.answer.needs.needs().measure)."""
    number = re.search(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million)\b",
                       text[a:b], re.I)
    unit = text[a + number.end():b + 12] if number else ""
    share = "percent" not in measure and _PERCENT.match(unit.lstrip())
    weight = "mass" not in measure and _WEIGHT.match(unit)
    return bool(share or weight or _MONEY.search(text[max(0, a - 2):b]))


def _next_clause(text: str, clauses: list[int], b: int) -> int:
    """Where the words after offset b that describe it end: its clause, and when b ends its clause
    (", Head of the Office,") the next one too, an apposition after a name."""
    after = [x for x in clauses if x > b]
    if not after:
        return len(text)
    if not re.search(r"\w", text[b:after[0]]) and len(after) > 1:
        return after[1]
    return after[0]


def span_features(
    text: str, question: str, found: list[tuple[int, int]], conf: float, lex: float,
    idf: dict[str, float] | None = None, lang: str | None = None,
) -> list[dict]:
    """One feature dict per candidate; `idf` is the question terms' IDF in the index (None: all
    terms weigh alike), `lang` the sentence's stored language (None: detected here)."""
    n = needs(question)
    kind = n.qtype or n.wants
    code = lang or detect(text)
    qterms = set(analyze(question))
    # a term's weight in the IDF-weighted alignment: a rare question word next to a span says more
    # than a common one ("heroin increased by 82.1 %" vs "increased by 21.9 %"); a term the index
    # lacks counts as the rarest
    top = max((v for t, v in (idf or {}).items() if t in qterms), default=1.0) or 1.0
    weight = {t: (idf.get(t, top) if idf is not None else 1.0) for t in qterms}
    total_w = sum(weight.values()) or 1.0
    # the sentence's words with their offsets, and which are the question's terms
    toks = [(m.start(), m.end(), set(analyze(m.group(0))) & qterms) for m in re.finditer(r"\w+", text)]
    at = [s for s, _, hit in toks if hit]
    qwords = set(re.findall(r"\w+", question.lower()))
    grain = "clock" if asked_grain(question) == "clock" else asked_date(question) if kind == "date" else None
    asked_number = next((k for k, p in _ASKED_NUMBER if p.search(question)), None) if kind == "number" else None
    clauses = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text) + 1]

    def share(lo: int, hi: int, a: int, b: int, weighted: bool = False) -> float:
        """The share of the question's terms (by IDF when weighted) in text[lo:hi] outside the span."""
        if not qterms:
            return 0.0
        hit = set()
        for s, e, h in toks:
            if s >= lo and e <= hi and not (s >= a and e <= b):
                hit |= h
        return sum(weight[t] for t in hit) / total_w if weighted else len(hit) / len(qterms)

    def word_at(i: int, step: int, a: int, b: int) -> int:
        """The offset `i` words before (step -1) or after (+1) the span."""
        if step < 0:
            before = [s for s, _, _ in toks if s < a]
            return before[-i] if len(before) >= i else 0
        after = [e for s, e, _ in toks if s >= b]
        return after[i - 1] if len(after) >= i else len(text)

    # which candidate each occurrence of a question term is nearest to (in words): an answer
    # "owns" the question's words around it ("heroin increased by *82.1%*, opium by *41.5%*")
    starts = [s for s, _, _ in toks]
    def word_index(x: int) -> int:
        return sum(1 for s in starts if s < x)
    spans_w = [(word_index(a), word_index(b)) for a, b in found]
    owned = [0.0] * len(found)
    prox = [0.0] * len(found)
    prox_w = [0.0] * len(found)
    seen: list[set] = [set() for _ in found]
    for j, (_, _, hit) in enumerate(toks):
        if not hit or not found:
            continue
        dists = [0 if wa <= j < wb else (wa - j if j < wa else j - wb + 1) for wa, wb in spans_w]
        near = min(dists)
        for i, d in enumerate(dists):
            if d == near and d > 0:
                owned[i] += 1.0
            if d > 0 and not hit <= seen[i]:
                prox[i] += len(hit - seen[i]) / d
                prox_w[i] += sum(weight[t] for t in hit - seen[i]) / d
                seen[i] |= hit
    total = sum(1 for _, _, hit in toks if hit) or 1
    owned = [o / total for o in owned]
    prox = [p / max(1, len(qterms)) for p in prox]
    prox_w = [p / total_w for p in prox_w]
    asked_place = _asked_place(question) if kind == "place" else None
    asked_roles = roles(re.findall(r"\w+", question)) if kind == "person" else set()
    out = []
    windows = []
    for i, (a, b) in enumerate(found):
        piece = text[a:b]
        words = re.findall(r"\w+", piece.lower())
        # a quantity's unit repeats the question by design ("how many tonnes" -> "120 tonnes"):
        # only the words up to its number can repeat it
        lead = re.match(r"^\D*\d[\d,.]*", piece) if kind == "number" else None
        head = re.findall(r"\w+", lead.group(0).lower()) if lead else words
        after = analyze(text[b:b + 40])[:3]
        dist = min((abs(p - a) if p < a else abs(p - b) for p in at), default=200)
        c = max(x for x in clauses if x <= a)
        d = min(x for x in clauses if x >= b) if any(x >= b for x in clauses) else len(text)
        window = share(word_at(8, -1, a, b), word_at(8, 1, a, b), a, b)
        windows.append(window)
        if grain is not None:
            has_month = bool(re.search(r"[^\W\d]{3,}", piece))
            has_day = has_month and bool(_HAS_DAY.search(piece))
            got = ("clock" if grain == "clock" else "year" if _YEAR_ONLY.match(piece.strip()) else "day" if has_day
                   else "month" if has_month else None)
            gran = 1.0 if got == grain else 0.0
        elif asked_number is not None:
            got = ("percent" if _PERCENT.search(text[a:b + 10])
                   else "money" if _MONEY.search(text[max(0, a - 2):b + 10]) else None)
            gran = 1.0 if got == asked_number or (asked_number == "span" and bool(after)) else 0.0
        else:
            gran = 0.5
        out.append({
            "t_number": float(kind == "number"),
            "t_date": float(kind == "date"),
            "t_person": float(kind == "person"),
            "t_place": float(kind == "place"),
            "first": float(i == 0),
            "count": float(np.log1p(len(found))),
            # the asked noun or unit right after the number, inside the span ("120 tonnes") or after it
            "unit": float(bool(n.units) and counts_asked_noun(_NUMBER_LEAD.sub("", piece) + text[b:b + 60], n.units)),
            "near": float(np.log1p(dist / 10)),
            "repeat": sum(w in qwords for w in head) / max(1, len(head)),
            "words": float(np.log1p(len(words))),
            "digits": float(bool(re.search(r"\d", piece))),
            "conf": conf,
            "lex": lex,
            "only": float(len(found) == 1),
            "left": share(word_at(4, -1, a, b), a, a, b),
            "right": share(b, word_at(4, 1, a, b), a, b),
            "window": window,
            "clause": share(c, d, a, b),
            "best_window": 0.0,  # filled below
            "gran": gran,
            "year_like": float(kind == "number" and bool(_YEAR_ONLY.match(piece.strip()))),
            "org": float(kind == "person" and bool(_ORG.search(piece) or _ACRONYM.match(piece))),
            "role": float(kind == "person" and bool(_ROLE.search(_TITLE.sub("", piece, count=1)))),
            "owned": owned[i],
            "prox": prox[i],
            "after_prep": float(kind == "person" and bool(re.search(r"\b(?:in|at|from|to|near|of)\s+(?:the\s+)?$",
                                                                    text[max(0, a - 12):a], re.I))),
            "single": float(kind == "person" and " " not in piece.strip()),
            "range": float(bool(_RANGE_GAP.search(piece)) and kind in ("date", "number")
                           and bool(re.search(r"\d.*\D\d|\d\s*[-–—]", piece))),
            "title": float(kind == "person" and bool(_TITLE.match(piece))),
            "start": float(not text[:a].strip()),
            "paren": float(text[:a].count("(") > text[:a].count(")")),
            "conf_only": conf * float(len(found) == 1),
            "prox_idf": prox_w[i],
            # the question's words between the previous candidate and this one: in "drugs rose
            # by 21.9 %, heroin by 82.1 % and opium by 41.5 %" each figure's own noun precedes it
            "seg_idf": share(max((y for x, y in found if y <= a), default=0), a, a, b, weighted=True),
            "country": float(kind in ("person", "place") and is_country(piece, code)),
            # the asked role ("who heads") beside the name: before it in its clause ("Head of the
            # Office Mr. X") or in the clause after it (an apposition: "X, Head of the Office,")
            "role_match": (0.5 if not asked_roles else float(bool(asked_roles & roles(
                re.findall(r"\w+", text[c:a] + " " + text[b:_next_clause(text, clauses, b)]))))),
            "place_gran": (0.5 if asked_place is None else
                           float(is_country(piece, code) == (asked_place == "country"))),
        })
    top = max(windows, default=0.0)
    for f, w in zip(out, windows):
        f["best_window"] = float(w >= top)
    return out


def pick(
    text: str, question: str, conf: float, lex: float, weights: dict[str, float], bias: float, threshold: float,
    idf: dict[str, float] | None = None, lang: str | None = None,
) -> tuple[tuple[int, int] | None, float]:
    """(span offsets in text, probability) of the best candidate; None when below threshold.
    `conf`: the answer step's probability that the sentence is right (its confidence model's, before
    calibration); `idf`: the question terms' IDF in the index (the weights were fitted with it);
    `lang`: the sentence's stored language, so it is not detected again per step (None: detected
    once here)."""
    lang = lang or detect(text)
    found = candidates(text, question, lang)
    if not found or not weights:
        return None, 0.0
    feats = span_features(text, question, found, conf, lex, idf, lang)
    # a weight fitted on a feature this version does not compute reads as 0 (never a KeyError)
    z = np.array([bias + sum(w * f.get(k, 0.0) for k, w in weights.items()) for f in feats])
    i = int(z.argmax())
    p = probability(float(z[i]), conf)
    return (found[i] if p >= threshold else None), p


def probability(z: float, conf: float) -> float:
    """P(a right short answer) from the span model's logit `z` (given a right sentence) and the
    answer step's probability `conf` that the sentence is right."""
    return float(conf / (1.0 + np.exp(-z)))
