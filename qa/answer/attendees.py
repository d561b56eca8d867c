"""An attendee list's line as the answer to who stood for a party at a gathering ("Who attended for Turkmenistan?").

Minutes list who attended one line a person ("• Mr. Ashyr Geldiyev, National Coordinator, Turkmenistan"), under a
heading ("Attendees", "Participants", "Present", "Присутствовали") or a label line ("Present:"). The sentence model,
fitted on news and encyclopaedia prose, ranks such a line below any sentence that shares the question's words: "Who
attended the Council meeting for Turkmenistan?" got a news item's sentence about a representative of Turkmenistan.
A line of such a list answers a who-question that asks who attended, represented or observed (or names a word of
the line: "Who was the National Coordinator for Turkmenistan?") for a party the question names, when

- the line names that party: a country in any form and language (qa.lang.countries.countries_in: "Russia" is the
  "Russian Federation", "Kyrgyz" is "Kyrgyzstan"), every other name of the question that the list's title does
  not hold as a word of the line ("UNODC");
- the list's document or section title names the gathering the question names (qa.answer.fields.names_its_gathering:
  the same kind, number and names), or the question names none;
- no line of another list among the candidates names that party too: two meetings' lists that both hold it leave
  the question to the usual answer step.
- the question asks about the list's own gathering, not the next or the previous one of its series
  (qa.answer.fields.asks_another_gathering).

A party no line names leaves the question to the usual answer step, which may say "not found": another party's
line is never the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from qa.answer.events import gatherings
from qa.answer.fields import (
    asks_another_gathering, field_of, is_heading_of, names_its_gathering, opens_with_count, question_names,
)
from qa.answer.needs import needs
from qa.answer.roles import miscast
from qa.filters.question import parse_question_dates
from qa.lang import analyze, detect
from qa.lang.countries import countries_in, country_terms
from qa.lang.demonyms import found

# the words of a heading or label over an attendee list; the list's heading holds one and nothing but these
_ATTENDANCE = frozenset({
    "attendees", "attendance", "attended", "attending", "present", "participants", "participating", "delegations",
    "delegates", "delegation", "members", "observers", "representatives", "guests", "invitees",
    "присутствовали", "присутствующие", "присутствовал", "участники", "участвовали", "делегации", "члены",
    "наблюдатели", "представители", "приглашенные", "приглашённые",
})
_FILLER = frozenset({"list", "of", "the", "in", "and", "also", "were", "by", "those", "persons", "who", "other",
                     "список", "в", "и", "также", "лица", "на", "заседании", "совещании", "встрече"})
# a who-question that asks who stood for a party (attended, represented, observed, was a delegate for it)
_ASKS_ATTENDANCE = re.compile(
    r"\b(?:attend\w*|represent\w*|delegat\w*|observer\w*|participa\w*|present|took\s+part|take\s+part|"
    r"on\s+behalf|members?|присутствова\w*|присутствующ\w*|участвова\w*|участник\w*|представлял\w*|"
    r"представля\w*|представител\w*|делегац\w*|делегат\w*|наблюдател\w*|от\s+имени|член\w*)\b", re.I)
# a line of a list: bulleted or numbered, or short, or not a sentence that ends with a full stop
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□–—*-]|\(?\d{1,3}[.)]|\(?[a-zа-я][.)])\s")
LIST_LINE_CHARS = 200
LIST_LINE_WORDS = 12
# how many lines before a list line are read back looking for its heading or label
LOOK_BACK = 80


def asks_attendance(question: str) -> bool:
    """Whether a question asks who attended, represented or observed ("Who attended for UNODC?")."""
    return bool(_ASKS_ATTENDANCE.search(question))


def is_attendance_heading(text: str) -> bool:
    """Whether a heading or label ("Attendees", "List of participants", "Present:", "Присутствовали:") heads a list
    of who attended; a label's value on the same line ("Present: Mr. A, Mr. B") does not matter."""
    return is_heading_of(text, _ATTENDANCE, _FILLER, 6)


def is_list_line(text: str) -> bool:
    """Whether a line may be an entry of a list: bulleted or numbered, or short, or not ending a sentence."""
    text = text.strip()
    if not text or len(text) > LIST_LINE_CHARS:
        return False
    return bool(_BULLET.match(text)) or len(text.split()) <= LIST_LINE_WORDS or text[-1] not in ".!?"


def list_heading(line: str, before: list[str], item_title: str) -> str | None:
    """The heading of the attendee list a line belongs to, else None: the line itself when it is a label with
    the list as its value ("Present: Mr. A, Kazakhstan; …"), else the label or heading line read back over list
    lines (`before`: the lines before it in its section, nearest first), else its section's title when every
    line before it in its section is a line of the list. A line that says how many attended ("42 participants from
    …", which often opens the list) is read over as one of the list's."""
    if is_attendance_heading(line) and field_of(line) is not None:
        return line
    if not is_list_line(line):
        return None
    for text in before:
        if is_attendance_heading(text):
            return text
        if not (is_list_line(text) or opens_with_count(text)):
            return None
    return item_title if is_attendance_heading(item_title) else None


@dataclass(frozen=True)
class Party:
    """Who a question asks about: the countries it names (two-letter codes), its other names, and the question
    without its countries' words (what it says of the gathering, and of the person)."""

    countries: frozenset[str]
    names: tuple[str, ...]
    rest: str


def asked_party(question: str) -> Party | None:
    """The party a who-question names (a country in any form, an organisation's name), else None; None too when
    it asks about another gathering than a list's own ("the previous meeting")."""
    if needs(question).wants != "person" or asks_another_gathering(question):
        return None
    # the date it names ("… meeting in May 2024") is the date filter's to read (qa.filters.scope): "May" is no name
    # of the party or the gathering, and a list's title seldom holds the date its "Date:" line gives
    if (reading := parse_question_dates(question)) is not None:
        question = f"{question[:reading.start]} {question[reading.end:]}"
    lang = detect(question)
    names = question_names(question)
    countries = countries_in(question, lang)
    if not countries and not names:
        return None
    # the words that name a country ("Russian", "Federation") are the country's, not names of the gathering
    of_country = country_terms(countries)
    country_words = [n for n in names if (terms := analyze(n, lang)) and set(terms) <= of_country]
    return Party(countries, tuple(n for n in names if n not in country_words), _without(question, country_words))


def _without(text: str, names: list[str]) -> str:
    for name in names:
        text = re.sub(rf"\b{re.escape(name)}\b(?:['’]s)?", " ", text)
    return text


def _holds(words: set[str], name: str, lang: str) -> bool:
    terms = analyze(name, lang)
    return bool(terms) and all(found(t, words) for t in terms)


def party_names(party: Party, title: str, lang: str) -> list[str]:
    """The names of the question that are the party's: those the title (of a list's document and section) does
    not hold. A name the title does not hold is the party's (or another gathering's): a line must hold it."""
    held = set(analyze(title, detect(title)))
    return [n for n in party.names if not _holds(held, n, lang)]


def gathering_asked(party: Party, title: str) -> str:
    """What the question says of the gathering, read against a list's `title`: the question without the party's
    countries and names."""
    return _without(party.rest, party_names(party, title, detect(party.rest)))


def names_party(party: Party, text: str) -> bool:
    """Whether a text (a list's line, a passage) names the party: every country, or else one of its names."""
    lang = detect(text)
    if party.countries:
        return party.countries <= countries_in(text, lang)
    return any(_holds(set(analyze(text, lang)), n, lang) for n in party.names)


def answers(question: str, party: Party, line: str, title: str) -> bool:
    """Whether an attendee list's `line`, under `title` (its document's and section's), names the party the
    question asks about, and the gathering the question names."""
    lang = detect(line)
    if not party.countries <= countries_in(line, lang):
        return False
    words = set(analyze(line, lang))
    own = party_names(party, title, lang)
    if not party.countries and not own:
        return False  # every name is the gathering's: no party is named
    if not all(_holds(words, n, lang) for n in own):
        return False
    party_terms = country_terms(party.countries) | {t for n in own for t in analyze(n, lang)}
    if not words - party_terms:
        return False  # "• Kazakhstan" in a list of member states says nobody stood for it
    rest = _without(party.rest, own)
    if not names_its_gathering(rest, title):
        return False
    if _ASKS_ATTENDANCE.search(question):
        return True
    # else the question names what the line says the person was ("Who was the National Coordinator for …?")
    qlang = detect(question)
    return bool((set(analyze(rest, qlang)) - gatherings(rest)) & words)


def party_candidate(question: str, texts: list[str],
                    listed: Callable[[int], tuple[Hashable, str] | None]) -> int | None:
    """The index of the first candidate (by `texts`) that is a line of an attendee list answering who stood for
    the party the question names, else None. `listed(i)` gives candidate i's list (a key telling lists apart) and
    the title of the gathering it belongs to, or None when it is on no attendee list."""
    party = asked_party(question)
    if party is None:
        return None
    first, lists = None, set()
    for i, text in enumerate(texts):
        # first what the line itself says (most candidates: prose, or no party's name), then where it stands
        if not (is_list_line(text) or is_attendance_heading(text)):
            continue
        if not names_party(party, text):
            continue
        if miscast(question, text) is not None:
            continue  # "• Ida Brenn, Programme Manager, …" for the manager before her: no answer (qa.answer.roles)
        where = listed(i)
        if where is None or not answers(question, party, text, where[1]):
            continue
        lists.add(where[0])
        first = i if first is None else first
    return first if len(lists) == 1 else None
