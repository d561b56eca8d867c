"""A question about one thing of a kind answered by a sentence about another of the same kind.

Issue 13, pattern 1: "The words that single out the event ("fifth", "2021") must match." The fitted clash of
qa.answer.events weighs them, but a sentence about another meeting of the same series still wins when it holds
every other word of the question: "On what date was the fourth meeting of the council held?" was answered by "...
met in Avaza ... on 14 November 2023 for the fifth meeting of the Council." at 0.63 past the gate. Three kinds of
words single out what a question asks about, and each must be the answer's:

- an ordinal, or a numbered rank, of a thing of a series ("the fourth meeting", "4th", "IV заседание", "на
  четвёртом заседании"): a sentence that names another ordinal of the same kind of thing ("the fifth meeting") and
  not the asked one speaks of another event;
- a place that qualifies what is asked ("the OSCE office in Dushanbe", "the Almaty–Bishkek route"): a sentence that
  names the same kind of thing in another place ("Programme Office in Astana", "the Almaty-Tashkent route") and
  never the asked place speaks of another office, route, meeting;
- a qualifier of a count ("How many joined *online*?", "How many *women* ..."): a sentence whose number counts the
  opposite group ("40 delegates in person and a large number of online participants") does not give the count, nor
  does one that never names the asked group ("18 dog handlers will take part" for "How many women …?");
- the year of a name that a series repeats each year ("Operation Steppe Shield 2022", «Степной щит – 2024», "Annual
  Report 2023"): a sentence read with its item's title and the passage before it that names the same series with
  another year, and never the asked year, speaks of another edition.

What may say the sentence is about the asked one after all, as for a country (qa.answer.country_swaps): its item's
title and the sentence before it. A sentence that names no ordinal (place) of that kind is read with them: "The
meeting, chaired by ..." after "... for the fifth meeting of the Council." is about the fifth.

The gate turns a swap of the best candidate into "not found" with its reason (qa.answer.evidence.rule_that_holds,
"other_event"; qa.answer.not_found); before it, prefer_asked_one() puts a near tie that names the asked one first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from qa.answer.acronyms import acronym_alike
from qa.answer.events import NOT_EVENT_ORDINAL, ORDINAL_ADVERB, names_place, one_edit, ordinal_matches
from qa.answer.features import behind
from qa.answer.needs import needs
from qa.answer.substances import answer_text, sentence_before
from qa.lang import analyze, detect, get, stopwords
from qa.lang.countries import countries_in
from qa.lang.detection import script_of
from qa.lang.en import EVENT_VERBS as _EN_EVENT_VERBS
from qa.lang.en import EVENT_WORDS as _EN_EVENT_WORDS
from qa.lang.latin import romanised
from qa.lang.ru import EVENT_VERBS as _RU_EVENT_VERBS
from qa.lang.ru import EVENT_WORDS as _RU_EVENT_WORDS

if TYPE_CHECKING:
    from qa.answer.features import Candidate

# how many words after an ordinal (before a place's preposition) say what kind of thing it ranks (sets)
KIND_WORDS = 3
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")
# a Roman numeral ranking what follows it ("IV International Conference", "XV заседание"): II-XXXIX; a lone "I" is
# the English pronoun far more often than a rank
_ROMAN = re.compile(r"(?<![\w.-])(X{0,3})(IX|IV|V?I{0,3})(?=\s+[\w«\"“])")
_ROMAN_VALUES = {"": 0, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}
_GATHERING_WORDS = ((_EN_EVENT_WORDS, _EN_EVENT_VERBS), (_RU_EVENT_WORDS, _RU_EVENT_VERBS))


@dataclass(frozen=True)
class Ranked:
    """An ordinal as read in a text: its number ("5"), what it ranks (the stems of the words after it, and whether
    one is a gathering's noun: "meeting", "заседание", which is the same kind of thing in any language), as written."""

    key: str
    kind: frozenset[str]
    gathering: bool
    written: str
    body: str = ""  # the stem of the body a gathering is of ("the sixth meeting of the *Council*"), "" when unnamed
    body_written: str = ""
    phrase: str = ""  # from the ordinal to its body's name, as written ("sixth meeting of the Council")

    def alike(self, other: Ranked) -> bool:
        """Whether the two rank the same kind of thing ("fifth meeting of the Council" ~ "fourth meeting")."""
        return bool(self.kind & other.kind) or (self.gathering and other.gathering)


@dataclass(frozen=True)
class IdentitySwap:
    """What singles out the asked thing in the question and what the answer names instead, as written: kind is
    "ordinal", "body" (the same-numbered gathering of another body), "place", "qualifier", "group" (a count of a group
    the answer never names), "edition" or "purpose" (the year the thing is for)."""

    kind: str
    asked: str
    told: str


def _kind_after(text: str, end: int) -> tuple[frozenset[str], bool, str]:
    """The stems of the first KIND_WORDS content words after `end`, whether one is a gathering's noun, and the
    first of them as written."""
    words = [w.group(0) for w in _WORD.finditer(text[end:end + 80])][:KIND_WORDS + 2]
    stops = stopwords("en") | stopwords("ru")
    content = [w for w in words if w.lower() not in stops][:KIND_WORDS]
    gathering = any(found is not None and not verbs.fullmatch(found.group(0))
                    for w in content for words_re, verbs in _GATHERING_WORDS if (found := words_re.fullmatch(w)))
    return frozenset(s for w in content for s in analyze(w)), gathering, content[0] if content else ""


def _roman_matches(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _ROMAN.finditer(text):
        value = 10 * len(m.group(1)) + _ROMAN_VALUES.get(m.group(2), 0)
        if value >= 2 and m.group(0):
            out.append((str(value), m.start(), m.end()))
    return out


def ranked_in(text: str, asked: bool = False) -> list[Ranked]:
    """The ordinals text names for a thing of a series ("the fifth meeting", "5th", "пятом заседании", "IV
    заседание"), not "for the first time", "at first", "the first half", nor (`asked`: a question's) an adverb's
    ("who first described")."""
    out = []
    for key, start, end in ordinal_matches(text) + _roman_matches(text):
        rest = text[end:]
        if NOT_EVENT_ORDINAL.match(rest) or re.search(r"\bat\s+$", text[:start], re.I):
            continue
        if asked and ORDINAL_ADVERB.match(rest):
            continue
        kind, gathering, head = _kind_after(text, end)
        if kind:
            body, body_end = _body_of(text, end) if gathering else ("", end)
            stems = analyze(body) if body else []
            out.append(Ranked(key, kind, gathering, f"{text[start:end]} {head}".strip(), stems[0] if stems else "",
                              body, text[start:body_end]))
    return out


# the body a gathering is of: "meeting of the regional precursor control working group" (English: the last word of
# the name after "of", before the next preposition, verb or stop), "заседание региональной рабочей группы" (Russian:
# the first word after the noun that is not an adjective)
_EN_OF = re.compile(r"^[\w'’-]+\s+of\s+(?:the\s+)?((?:[\w'’-]+\s+){0,5}?[\w'’-]+)"
                    r"(?=\s+(?:of|in|on|at|for|to|from|by|with|held|took|was|were|is|are|and|which|that)\b|\s*[,.?;:!)]|$)",
                    re.I)
_RU_AFTER = re.compile(r"^[а-яё-]+((?:\s+[а-яё-]+){1,4})", re.I)
_RU_ADJECTIVE = re.compile(r"(?:ой|ей|ого|его|ых|их|ый|ий|ая|яя|ое|ее|ые|ие|ую|юю|ом|ем|ым|им)$", re.I)


def _body_of(text: str, end: int) -> tuple[str, int]:
    """The head word of the body a gathering named after an ordinal ending at `end` is of, as written, and where it
    ends in text; ("", end) when none is named."""
    at = end + len(text[end:]) - len(text[end:].lstrip())
    rest = text[at:]
    m = _EN_OF.match(rest)
    if m is not None:
        return m.group(1).split()[-1], at + m.end(1)
    m = _RU_AFTER.match(rest)
    if m is not None and re.match(r"[а-яё]", rest, re.I):
        for w in re.finditer(r"[а-яё-]+", m.group(1), re.I):
            if w.group(0).lower() in stopwords("ru"):
                break
            if not _RU_ADJECTIVE.search(w.group(0)):
                return w.group(0), at + m.start(1) + w.end()
    return "", end


def _other_body(asked: Ranked, told: Ranked, said: str, question: str) -> bool:
    """Whether the same-numbered gathering the answer names is of another body than the asked one: both name their
    body in one script, the answer's by a capitalised name ("the sixth meeting of the Council"), the two heads differ,
    the answer (with its title and the sentence before) never names the asked body and the question never names the
    answer's."""
    if not (asked.body and told.body and told.body_written[:1].isupper()) or asked.body == told.body:
        return False
    # a body's name in another language is no other body: its words cannot be compared ("Совета" ~ "Council")
    if script_of(asked.body_written) != script_of(told.body_written):
        return False
    return asked.body not in set(analyze(said)) and told.body not in set(analyze(question))


def ordinal_swap(question: str, sentence: str, passage_before: str = "", title: str = "") -> IdentitySwap | None:
    """The asked ordinal and the one the answer (`sentence`, after the sentence before when it refers back) names
    instead for the same kind of thing, when it names one and not the asked one, and its `title` and the sentence
    before do not name the asked one; a sentence that names none is read in its title and the sentence before."""
    asked = ranked_in(question, asked=True)
    if not asked:
        return None
    context = f"{title}\n{sentence_before(passage_before)}"
    text = answer_text(sentence, passage_before)
    told = ranked_in(text)
    for a in asked:
        own = [t for t in told if t.alike(a)]
        same = [t for t in own if t.key == a.key]
        if same:
            other_body = next((t for t in same if _other_body(a, t, f"{text}\n{context}", question)), None)
            if other_body is not None:
                return IdentitySwap("body", a.phrase, other_body.phrase)
            continue
        around = [t for t in ranked_in(context) if t.alike(a)]
        if any(t.key == a.key for t in around):
            continue
        other = own or around
        if other:
            return IdentitySwap("ordinal", a.written, other[0].written)
    return None


# the prepositions that set what is asked in a place ("office in Dushanbe", "офис в Душанбе"): not "to", "from"
_SETTING = re.compile(r"(?:in|at|в|во|на)\s", re.I)
# the mark of a route's kind among its stems (no stem has a space)
_ROUTE = "<route>"
# a route, channel or corridor named by its two ends ("the Almaty–Bishkek route", "маршрут Алматы — Бишкек"): a pair
# of names with a word of a way just before or after it ("Kazakh-Uzbek joint pilot" names no route)
_ENDS = re.compile(r"(?<![\w-])([A-ZА-ЯЁ][\w'’]+)\s*[-–—]\s*([A-ZА-ЯЁ][\w'’]+)(?![\w-])")
_WAY = re.compile(r"(?:routes?|roads?|highways?|corridors?|railways?|rail|lines?|channels?|flights?|"
                  r"маршрут\w*|трасс\w*|коридор\w*|дорог\w*|автодорог\w*|направлени\w*|канал\w*|рейс\w*|ветк\w*)$",
                  re.I)


@dataclass(frozen=True)
class Placed:
    """A place that qualifies a thing: the place's stems, what it qualifies (the stems of the words next to it),
    as written."""

    place: tuple[str, ...]
    kind: frozenset[str]
    written: str

    @property
    def route(self) -> bool:
        """Whether the place is a way's two ends ("the Almaty–Bishkek route"), not a setting ("office in Dushanbe")."""
        return _ROUTE in self.kind


def _content_stems(words: list[str]) -> frozenset[str]:
    stops = stopwords("en") | stopwords("ru")
    return frozenset(s for w in words if w.lower() not in stops for s in analyze(w))


def placed_in(text: str) -> list[Placed]:
    """The places text gives what it speaks of ("Programme Office in Dushanbe": the office's words; "the
    Almaty-Tashkent route": the route's), each with the words it qualifies."""
    out = []
    lang = detect(text)
    for m in get(lang).span_patterns["place"].finditer(text):
        if not _SETTING.match(m.group(0)):
            continue
        before = [w.group(0) for w in _WORD.finditer(text[max(0, m.start() - 60):m.start()])][-KIND_WORDS:]
        kind = _content_stems(before)
        place = tuple(analyze(m.group(1)))
        if kind and place:
            out.append(Placed(place, kind, f"{' '.join(before[-2:])} {m.group(0)}".strip()))
    for m in _ENDS.finditer(text):
        after = [w.group(0) for w in _WORD.finditer(text[m.end():m.end() + 40])][:1]
        before = [w.group(0) for w in _WORD.finditer(text[max(0, m.start() - 30):m.start()])][-1:]
        if not any(_WAY.match(w) for w in after + before):
            continue
        kind = _content_stems(after + before) | {_ROUTE}
        place = tuple(analyze(m.group(1))) + tuple(analyze(m.group(2)))
        if kind and len(place) == 2 and place[0] != place[1]:
            out.append(Placed(place, kind, m.group(0) + (f" {after[0]}" if after else "")))
    return out


def _named(stems: set[str], place: tuple[str, ...], whole: bool) -> bool:
    """Whether stems name the place: every word of a route's ends (`whole`), else one word or its adjective; a word
    one letter off ("Almty") is the same place, and so is its romanised spelling ("Душанбе" ~ "Dushanbe":
    qa.lang.latin) when the two are in different scripts."""
    stems = stems | {romanised(s).lower() for s in stems}
    place = tuple(romanised(p).lower() for p in place) if any(romanised(p).lower() != p for p in place) else place
    if whole:
        return all(p in stems or any(one_edit(p, s) for s in stems if max(len(p), len(s)) >= 5) for p in place)
    return names_place(stems, place) or any(one_edit(p, s) for p in place for s in stems if max(len(p), len(s)) >= 5)


def _country(place: Placed) -> bool:
    """Whether the place is a country: a city in it is no other place of the same role ("mobile groups in Kyrgyzstan"
    / "in Osh"), and another country is the country rule's (qa.answer.country_swaps)."""
    return bool(countries_in(place.written, detect(place.written)))


def place_swap(question: str, sentence: str, passage_before: str = "", title: str = "") -> IdentitySwap | None:
    """The place the question gives what it asks about and the one the answer gives the same kind of thing instead
    ("office in Dushanbe" / "Office in Astana", "the Almaty–Bishkek route" / "the Almaty-Tashkent route"), when the
    answer, its item's `title` and the sentence before never name the asked place. A question that asks where is
    answered by a place, and is never a swap; a country asked is left to qa.answer.country_swaps."""
    if needs(question).wants == "place":
        return None
    asked = placed_in(question)
    if not asked:
        return None
    text = answer_text(sentence, passage_before)
    told = placed_in(text)
    # a sentence that names no place speaks of the one its passage set it in ("Сейчас в центре 58 служебных собак"
    # under "… руководит Кинологическим центром … в Мары"), when the passage never names the asked one
    before = passage_before if not told else sentence_before(passage_before)
    context = f"{text}\n{title}\n{before}"
    said = set(analyze(context))
    if not told:
        told = placed_in(passage_before)
    for a in asked:
        # a place asked as an acronym the answer spells out ("in NYC", "New York City") is named
        if _country(a) or _named(said, a.place, a.route) or acronym_alike(f"x {a.written}", context):
            continue
        other = [t for t in told if t.route == a.route and (t.kind & a.kind) - {_ROUTE} and t.place != a.place]
        if other:
            return IdentitySwap("place", a.written, other[0].written)
    return None


# the groups a count may be of, each with its opposite: a question that counts one ("online") is not answered by a
# number of the other ("40 delegates in person")
QUALIFIERS = (
    (r"online|virtually|remotely|by\s+video(?:conference|\s+link)?|онлайн\w*|дистанционн\w*|по\s+видеосвязи",
     r"in\s+person|on[\s-]site|physically|offline|очно\w*|лично|в\s+очном\s+формате"),
    (r"wom[ae]n|female|girls|женщин\w*|девушек|девочек", r"m[ae]n|male|boys|мужчин\w*|юношей|мальчиков"),
)
_QUALIFIERS = tuple((re.compile(rf"(?<![\w-])(?:{a})(?![\w-])", re.I), re.compile(rf"(?<![\w-])(?:{b})(?![\w-])", re.I))
                    for a, b in QUALIFIERS)
# the groups a text must name for its number to count them (women, men: "18 dog handlers" is no count of women); not
# "online", which a text about a videoconference need not say of its participants
_GROUPS = (_QUALIFIERS[1], _QUALIFIERS[1][::-1])
# the parts of a sentence that each count one group: split at "and", "while", ";", "а", "и" (a comma too often sits
# inside one group's words: "40 delegates, in person")
_PARTS = re.compile(r"\s+(?:and|while|whereas|but|а|и|но)\s+|;\s*", re.I)
_NUMBER = re.compile(r"\d")


def qualifier_swap(question: str, sentence: str, context: str = "") -> IdentitySwap | None:
    """The group a how-many question counts ("online") and the opposite one the answer's numbers count ("in
    person"), when the answer names the asked group only in parts without a number and each numbered part names
    the opposite group. Kind "group" (told ""): the answer's numbers count people with no word of the asked group
    (_GROUPS) in it or its `context` (its item's title, the passage before it): "18 dog handlers" is no count of
    women."""
    if not needs(question).units and not re.search(r"\bhow\s+many\b|\bсколько\b", question, re.I):
        return None
    for pair in (_QUALIFIERS, tuple((b, a) for a, b in _QUALIFIERS)):
        for mine, theirs in pair:
            m = mine.search(question)
            if m is None or theirs.search(question):
                continue
            if (mine, theirs) in _GROUPS and _NUMBER.search(sentence) and not mine.search(f"{context}\n{sentence}"):
                return IdentitySwap("group", m.group(0), "")
            parts = _PARTS.split(sentence)
            numbered = [p for p in parts if _NUMBER.search(p)]
            if not numbered or not any(mine.search(p) for p in parts):
                continue
            if any(mine.search(p) for p in numbered):
                continue
            other = [t.group(0) for p in numbered if (t := theirs.search(p))]
            if len(other) == len(numbered):
                return IdentitySwap("qualifier", m.group(0), other[0])
    return None


# a name and the year of its edition: capitalised words right before the year ("Operation Steppe Shield 2022",
# "Kanal-East 2024"), or a quoted name that ends with it («Степной щит – 2024», "Steppe Shield 2023")
_YEAR = r"(?:19|20)\d\d"
_EDITION = re.compile(
    rf"[«\"“](?P<quoted>[^»\"”\n]{{2,60}}?)\s*[-–—]?\s*(?P<qyear>{_YEAR})\s*[»\"”]"
    rf"|(?<![\w-])(?P<name>(?:[A-ZА-ЯЁ][\w'’-]*\s+){{0,3}}[A-ZА-ЯЁ][\w'’-]*)\s*[-–—]?\s*(?P<year>{_YEAR})(?![\d\w])")
# what a name of an edition may not be: a month, a quarter or a half ("March 2024", "Q3 2024", "H1 2024"), a
# preposition ("In 2023"), and the generic words a series' name is introduced by ("Operation", "операция")
_NOT_EDITION = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|"
    r"октябр|ноябр|декабр|q[1-4]|h[12]|fy)", re.I)
_GENERIC = {"oper", "операц", "the"}


@dataclass(frozen=True)
class Edition:
    """A name with the year of its edition, as read in a text: the name's stems, the year, and the words written."""

    name: frozenset[str]
    year: str
    written: str


def editions_in(text: str) -> list[Edition]:
    """Every name with an edition's year in `text` ("Operation Steppe Shield 2022" -> {stepp, shield}, "2022")."""
    out = []
    for m in _EDITION.finditer(text):
        name, year = (m["quoted"], m["qyear"]) if m["quoted"] is not None else (m["name"], m["year"])
        words = name.split()
        if not words or _NOT_EDITION.match(words[-1]):
            continue
        stems = frozenset(analyze(name)) - _GENERIC - stopwords(detect(name))
        written = re.sub(r"^(?:The|An?)\s+", "", m.group(0).strip("«»\"“” "))
        if stems and not all(w.isdigit() for w in stems):
            out.append(Edition(stems, year, written))
    return out


def edition_swap(question: str, sentence: str, passage_before: str = "", title: str = "") -> IdentitySwap | None:
    """The asked edition of a series ("Steppe Shield 2022") and the other one the answer speaks of ("Steppe Shield
    2023"): the sentence, read with its item's title and the passage before it, names the same series (one name's
    stems within the other's) with another year, and the asked year nowhere; or another series of its family
    ("Kanal-Caspian 2023" for "Kanal-Issyk-Kul 2024": a word of the name shared, the asked name's own words
    nowhere)."""
    asked = editions_in(question)
    if not asked:
        return None
    context = f"{title}\n{passage_before}\n{sentence}"
    told = editions_in(context)
    stems: set[str] | None = None
    for a in asked:
        for t in told:
            if t.name <= a.name or a.name <= t.name:
                # the asked year in the sentence, or the asked edition named in its context, may make it the asked
                # one; the year alone elsewhere in the passage does not ("the budget for 2025" over a decision on
                # "Steppe Shield 2024" says nothing of "Steppe Shield 2025")
                if t.year != a.year and not re.search(rf"(?<!\d){a.year}(?!\d)", sentence) and not any(
                        o.year == a.year and (o.name <= a.name or a.name <= o.name) for o in told):
                    return IdentitySwap("edition", a.written, t.written)
            elif t.name & a.name:
                stems = set(analyze(context)) if stems is None else stems
                if not (a.name - t.name) & stems:
                    return IdentitySwap("edition", a.written, t.written)
    return None


# the year a thing is for ("the budget for 2024", "план работы на 2025 год"), not when something happened: the date
# filter leaves it be (qa.filters.question), and only a sentence saying what the same thing is for compares with it
_FOR_YEAR = re.compile(r"(?:\bfor|(?<!\w)на)\s+(?:the\s+(?:year|period)\s+)?((?:19|20)\d\d)(?:\s*(?:год\w*|г\.))?"
                       r"(?![\d–—-])", re.I)


def purpose_year_swap(question: str, sentence: str, passage_before: str = "", title: str = "") -> IdentitySwap | None:
    """The year the asked thing is for ("What budget did the Council approve for 2024?") and the other year the
    answer gives the same thing for ("… approved the budget of CARICC for 2025 …"), when the answer never names the
    asked year and its title and the passage before it name nothing for it."""
    asked = [m for m in _FOR_YEAR.finditer(question)]
    if len(asked) != 1:
        return None
    year = asked[0].group(1)
    told = [m for m in _FOR_YEAR.finditer(sentence) if m.group(1) != year]
    # the asked year in the sentence, or a thing for it in its context ("the work plan for 2024" above), may make it
    # the asked one; the year alone in a title ("Minutes of the 28th meeting, 2024") does not
    if not told or re.search(rf"(?<!\d){year}(?!\d)", sentence) or any(
            m.group(1) == year for m in _FOR_YEAR.finditer(f"{title}\n{passage_before}")):
        return None
    return IdentitySwap("purpose", asked[0].group(0).strip(), told[0].group(0).strip())


def identity_swap(question: str, sentence: str, passage_before: str = "", title: str = "") -> IdentitySwap | None:
    """The first swap of what singles out the asked thing (an ordinal, a place, a counted group, an edition's year,
    the year it is for), or None."""
    return (ordinal_swap(question, sentence, passage_before, title)
            or place_swap(question, sentence, passage_before, title)
            or qualifier_swap(question, sentence, f"{title}\n{passage_before}")
            or edition_swap(question, sentence, passage_before, title)
            or purpose_year_swap(question, sentence, passage_before, title))


def candidate_identity_swap(question: str, best: Candidate) -> IdentitySwap | None:
    """identity_swap() of an answer candidate: its text (a table's row read with its header), its passage's text
    before it, its item's and its document's titles."""
    item = best.passage.item
    # the document's title too: a line of minutes titled "Decisions" speaks of the meeting its document is the
    # minutes of ("1. Hold the 11th meeting in Reykjavik" in the 10th meeting's minutes)
    title = "\n".join(t for t in (item.title, item.doc_title) if t) if item is not None else ""
    return identity_swap(question, best.text, best.before, title)


# the best sentence, when it speaks of another one than asked (another meeting of the series, office, route), gives
# way to the first of the best IDENTITY_TOP (0: never) that names the asked one and is no swap itself, when the
# sentence model scores it within IDENTITY_MARGIN of the best; as a substance's near tie does (qa.answer.substances:
# SUBSTANCE_MARGIN), with a wider margin: an invented news archive of four meetings of a board ranked the fourth
# meeting's sentence fourth, 3.9 behind the third meeting's, for "… the fourth meeting of the Board?"
# (tests/answer/test_identity.py), the tester's 2.3 behind. With no margin, SQuAD 2.0 put first four sentences 7.5-8.9
# behind that answered unanswerable questions ("Newton's Third Law asserts …" for "… the Third Law …?" where only
# the Second Law's sentence says it), against right ones 2.3-4.1 behind (docs/quality.md, "Thirty-seventh session:
# the words that single out the asked one")
IDENTITY_TOP = 5
IDENTITY_MARGIN = 5.0


def _names_asked(question: str, c: Candidate, kind: str) -> bool:
    """Whether a candidate names what singles out the asked thing (`kind`: what the best swapped): the asked ordinal
    for its kind, the asked place, or the asked year a thing is for ("на 2024 год" for "for 2024"). A sentence that
    ranks no thing of the asked kind is read with its context, as the swap is: a line of minutes ("• Erlan Sadyrov,
    national coordinator, Kyrgyzstan") is of the meeting its document's title ranks."""
    text = c.reading or c.text
    if kind == "purpose":
        asked_years = {m.group(1) for m in _FOR_YEAR.finditer(question)}
        return any(m.group(1) in asked_years for m in _FOR_YEAR.finditer(text))
    asked = ranked_in(question, asked=True)
    if asked:
        told = [t for t in ranked_in(text) if any(t.alike(a) for a in asked)]
        if not told:
            item = c.passage.item
            title = "\n".join(t for t in (item.title, item.doc_title) if t) if item is not None else ""
            told = ranked_in(f"{title}\n{sentence_before(c.before)}")
        return any(t.key == a.key and t.alike(a) for a in asked for t in told)
    places = placed_in(question)
    if places:
        stems = set(analyze(text))
        return any(_named(stems, p.place, p.route) for p in places if not _country(p))
    return False


def prefer_asked_one(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with the first of the best IDENTITY_TOP within IDENTITY_MARGIN that names the asked
    ordinal (place) first, when the best speaks of another one (candidate_identity_swap()). The two swap scores, as
    substances.prefer_asked_substance does."""
    if IDENTITY_TOP <= 1 or len(ranked) < 2:
        return ranked
    swap = candidate_identity_swap(question, ranked[0])
    if swap is None or swap.kind in ("qualifier", "group"):
        return ranked
    for i in range(1, min(IDENTITY_TOP, len(ranked))):
        c = ranked[i]
        if behind(ranked[0], c) > IDENTITY_MARGIN:
            continue
        if _names_asked(question, c, swap.kind) and candidate_identity_swap(question, c) is None:
            top = ranked[0]
            return [replace(c, score=top.score), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]
    return ranked
