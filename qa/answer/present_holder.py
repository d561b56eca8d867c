"""A present-tense question about a role answered by an earlier holder of it.

"Who is the current BICA project manager?" was answered by "• Aibek Dzhumabaev, Project Manager, UNODC BICA project",
an attendee line of September 2023 minutes, 4.6 ahead of a 2024 report's "Dilnoza Rakhimova has been the BICA Project
Manager since January 2024; …", with the same report's "Aibek Dzhumabaev, who managed the project from 2021 to December
2023, was appointed Deputy Director of CARICC." between them. Each names a person in the asked role; the model reads
how closely each words the question, not when each was true. Documents date themselves, and a role changes hands.

So, for a who-question asked in the present that names no past period (the question's Language.holder_words: no
"in 2022", no "was", "before", "до", unless "current", "now", "сейчас" say the present outright), among the best
HOLDER_TOP within HOLDER_MARGIN of the best that name a person (qa.answer.types' "typed") in the asked role
(qa.answer.short.roles, and a language's own role words read as English's), or that name the person asked about in
"Who is Aigul Satpaeva?" with a role:
- one whose clause naming the role marks its holder as past ("until December 2023", "from 2021 to December 2023",
  "former", "до декабря 2023 года") is never the answer while another is not;
- of the rest, the one whose item is dated latest, or whose clause states a start later than that ("since January
  2024", "с января 2024 года"), takes the best's place. The two swap scores, as the other near-tie rules do
  (qa.answer.substances, qa.answer.whole_period).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from qa.answer.features import behind
from qa.answer.needs import needs
from qa.answer.roles import gives_no_one, miscast, names_holder
from qa.answer.short import roles
from qa.filters.core import UNDATED, item_span
from qa.filters.question import parse_question_dates
from qa.ingest.dates import find_date
from qa.lang import analyze, detect, get, registered, stopwords
from qa.lang.latin import romanised

if TYPE_CHECKING:
    from qa.answer.features import Candidate
    from qa.lang.base import HolderWords

# the best HOLDER_TOP within HOLDER_MARGIN of the best (0: never). Wider than the other near-tie rules' 1.0-2.0: the
# minutes' attendee line words the question as closely as the new holder's sentence does, and lines of names and
# roles score high by nature; docs/quality.md ("Thirty-sixth session: the role's present holder") has what a wider
# margin changes on the dev sets and SQuAD 2.0
HOLDER_TOP = 3
HOLDER_MARGIN = 5.0

# roles that name one and the same holder of a body's or a project's lead ("project manager", "руководитель проекта")
_LEADS = frozenset({"head", "manag", "lead", "direct", "chief", "chair"})
# an office as qa.answer.roles names it, as a role start of qa.answer.short.roles
_OFFICE_KEY = {"director": "direct", "manager": "manag", "president": "presid", "minister": "minist",
               "ambassador": "ambassad", "secretary": "secretar", "governor": "govern", "commander": "command",
               "coordinator": "coordinat", "representative": "representat"}
# a clause of a sentence: a role's holder is marked past or new in the clause that names the role
_CLAUSE = re.compile(r"[;,:()\[\]]|\s[—–-]\s")
# a capitalised word of a name in "Who is Aigul Satpaeva?" (Latin or Cyrillic)
_NAME_WORD = re.compile(r"(?<!^)(?<![\w-])[A-ZА-ЯЁ][a-zа-яё'’-]{3,}")



@dataclass(frozen=True)
class Asked:
    """What a present-tense who-question asks about: the roles it names, else the name words of the person."""

    roles: frozenset[str]
    names: tuple[str, ...] = ()
    # "Who was the manager before Dilnoza Rakhimova?": the name words of the holder after the one asked (romanised)
    after: tuple[str, ...] = ()


def _words(language: str) -> HolderWords | None:
    return get(language).holder_words


def _role_keys(text: str) -> set[str]:
    """The roles `text` names, as English's role starts (qa.answer.short.roles), in any registered language: by the
    starts of its role words (Language.holder_words), and by the stems of its office words (Language.office_words,
    every case: "послом", "посла" are "ambassad")."""
    words = re.findall(r"\w+", text)
    keys = roles(words)
    low = [w.lower() for w in words]
    for language in registered():
        if language.holder_words is not None:
            keys |= {key for w in low for start, key in language.holder_words.roles if w.startswith(start)}
        # a deputy's word is read by holder_words ("deput"), not as the office it governs
        words = language.office_words
        offices = {k: v for k, v in words.offices.items() if k not in words.deputy} if words is not None else {}
        if offices and language.script != "latin":
            own = [w for w in low if detect(w) == language.code]
            keys |= {_OFFICE_KEY.get(o, o) for stem in (analyze(" ".join(own), language.code) if own else [])
                     if (o := offices.get(stem))}
    return keys


def _same_role(asked: frozenset[str], told: set[str]) -> bool:
    """Whether a clause naming roles `told` names the asked role (a deputy's role is another: "Deputy Director")."""
    if ("deput" in asked) != ("deput" in told):
        return False
    return bool(asked & told) or bool(asked & _LEADS and told & _LEADS)


def asked_holder(question: str) -> Asked | None:
    """What `question` asks about when it asks who holds a role now (or who a named person is now), else None."""
    if needs(question).wants != "person":
        return None
    language = detect(question)
    words = _words(language)
    if words is None or parse_question_dates(question) is not None:
        return None
    if words.past.search(question) and not words.present.search(question):
        return None
    if words.other is not None and words.other.search(question):
        return None
    asked = frozenset(_role_keys(question))
    if asked:
        return Asked(asked)
    # "Who is Aigul Satpaeva?": a name and nothing else ("Which official does Naweed Riaz report to?" asks another)
    found = _NAME_WORD.findall(question.strip())
    rest = set(re.findall(r"\w+", question.lower())) - {w.lower() for w in found} - words.who_is - stopwords(language)
    return Asked(frozenset(), tuple(romanised(w)[:5] for w in found)) if found and not rest else None


def asked_before(question: str) -> Asked | None:
    """What `question` asks when it asks who held a role before a named person ("Who was the BICA project manager
    before Dilnoza Rakhimova?", "Кто был руководителем проекта до Рахимовой?"), else None."""
    language = detect(question)
    words = get(language).office_words
    if words is None or words.before is None or needs(question).wants != "person":
        return None
    b = words.before.search(question)
    if b is None or words.becoming is not None and words.becoming.match(b["after"]):
        return None
    asked = frozenset(_role_keys(question[:b.start()]))
    after = tuple(romanised(w).lower()[:5] for w in re.findall(r"[A-ZА-ЯЁ][\w'’-]+", b["after"]))
    return Asked(asked, after=after) if asked and after else None


def _names_after(c: Candidate, asked: Asked) -> bool:
    return any(romanised(w).lower()[:5] in asked.after for w in re.findall(r"\w+", c.text))


@dataclass(frozen=True)
class Held:
    """A candidate's holder of the asked role: marked past or not, and the first day it is known to hold it."""

    past: bool
    since: int


def held(c: Candidate, asked: Asked) -> Held | None:
    """How candidate `c` names the asked role's holder, or None when it names no person in the asked role."""
    if c.features.get("typed") != 1.0:
        return None
    text = c.text
    if asked.names and not any(romanised(w)[:5] in asked.names for w in re.findall(r"\w+", text)):
        return None
    pieces = [(p, _role_keys(p)) for p in _CLAUSE.split(text)]
    # the clauses that name the asked role itself; else the first that names one of the lead's other names
    # (across languages: "руководитель проекта" for "project manager"; a later clause's "she previously led the
    # training component" is another role), else any role (for a person asked about by name)
    clauses = ([p for p, told in pieces if told & asked.roles and _same_role(asked.roles, told)]
               or [p for p, told in pieces if told and _same_role(asked.roles, told)][:1]) if asked.roles \
        else [p for p, told in pieces if told]
    if not clauses:
        return None
    item = c.passage.item
    since, _ = item_span(item.date if item is not None else None)
    past = False
    for clause in clauses:
        for language in registered():
            words = language.holder_words
            if words is None:
                continue
            past = past or bool(words.held_before.search(clause))
            if words.started.search(clause) and (start := find_date(clause)):
                since = max(since, item_span(start)[0])
    return Held(past, since)


def _named_in(question: str) -> set[str]:
    """The question's capitalised words after its first, lower-cased: the names of the body whose role it asks."""
    return {w.lower() for w in re.findall(r"(?<!^)\b[A-ZА-ЯЁ][\w'’-]*", question.strip())}


def _words_of(c: Candidate) -> set[str]:
    """The lower-cased words of a candidate's sentence and its item's title."""
    title = c.passage.item.title if c.passage.item is not None else ""
    return {w.lower() for w in re.findall(r"[\w'’-]+", f"{c.text} {title}")}


def prefer_present_holder(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with the role's present holder first among near ties (the module docstring)."""
    if HOLDER_MARGIN <= 0 or len(ranked) < 2:
        return ranked
    asked = asked_holder(question)
    if asked is None:
        before = asked_before(question)
        return _prefer_earlier(question, ranked, before) if before is not None else ranked
    top = ranked[0]
    first = held(top, asked)
    if first is None:
        return ranked
    chosen, latest = (None, UNDATED) if first.past else (0, first.since)
    named = _named_in(question)
    # a best that names the asked office's holder gives way to no sentence that gives no one an office ("— вы
    # возглавляете службу с февраля 2023 года", an interviewer's line): it does not say whose head it names
    holder = names_holder(question, top.text, top.sentence.lang)
    for i in range(1, min(HOLDER_TOP, len(ranked))):
        c = ranked[i]
        if behind(top, c) > HOLDER_MARGIN:
            continue
        h = held(c, asked)
        if h is None or h.past or holder and gives_no_one(question, c.text, c.sentence.lang):
            continue
        # the body whose role is asked ("the CARICC Organizational Unit") must be named as fully as by the best: a
        # later item's "heads of analytical departments" hold another body's lead
        if len(named & _words_of(c)) < len(named & _words_of(top)):
            continue
        if chosen is None or h.since > latest:
            chosen, latest = i, h.since
    if not chosen:
        return ranked
    c = ranked[chosen]
    return [replace(c, score=top.score), *ranked[1:chosen], replace(top, score=c.score), *ranked[chosen + 1:]]


def _prefer_earlier(question: str, ranked: list[Candidate], asked: Asked) -> list[Candidate]:
    """`ranked` with the holder before the named one first, for "Who was ROLE before NAME?": when the best names
    NAME, the first of the best HOLDER_TOP within HOLDER_MARGIN that names another person in the role, marked past
    ("who managed the project from 2021 to December 2023") or from an item dated before NAME's start, takes its
    place (scores swapped). The best that names NAME alone is no answer (qa.answer.roles, the "after" note)."""
    top = ranked[0]
    if not _names_after(top, asked):
        return ranked
    mine = held(top, asked)
    start = mine.since if mine is not None else None
    # a best that gives the role to the named holder alone is sure to be "not found" (roles.miscast, "after"): the
    # earlier holder loses nothing by taking its place, whatever the scores (as roles.prefer_holder)
    found = miscast(question, top.text, top.sentence.lang)
    refused = found is not None and found.why == "after"
    for i in range(1, min(HOLDER_TOP, len(ranked))):
        c = ranked[i]
        if not refused and behind(top, c) > HOLDER_MARGIN:
            continue
        if _names_after(c, asked):
            continue
        h = held(c, asked)
        if h is None or not (h.past or start is not None and start != UNDATED and h.since < start):
            continue
        return [replace(c, score=top.score), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]
    return ranked


def _says(c: Candidate, words: str) -> bool:
    """Whether a candidate's sentence matches the HolderWords pattern `words` of any registered language:
    "predecessor" ("Her predecessor, Mr. Peter Lindqvist, …", "He replaces …", "Он сменяет …") or "held_before" (a
    holder marked past: "from 2022 to 2024 the chair was held by …", "former", "до марта 2024 года")."""
    return any(pattern.search(c.text) for language in registered() if language.holder_words is not None
               and (pattern := getattr(language.holder_words, words)) is not None)


def prefer_predecessor(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with the sentence naming the predecessor first, for a who-question about who held a role before
    someone or a date ("Who was in charge of the secretariat before Abdrakhmanov?", "Кто был офицером связи до апреля
    2025 года?"): a news item names the new holder in one sentence ("С 1 апреля 2025 года офицером связи назначен
    полковник Азамат Токтосунов.") and the one before in the next ("Он сменяет майора Эрлана Бекова."), and the
    first words the question more closely. When the best names no predecessor and marks no holder as past, a
    candidate that names one and a person takes its place: from the best's own item at any rank, or among the best
    HOLDER_TOP within HOLDER_MARGIN when it names the asked post. Scores swapped, as the other near-tie rules do."""
    words = get(detect(question)).holder_words
    if len(ranked) < 2 or words is None or words.asks_before is None or not words.asks_before.search(question):
        return ranked
    top = ranked[0]
    # a holder the best marks as past answers "who was … before 2024?", not "whom did X succeed?": "До нового
    # назначения Нурбек Абдыкадыров с 2019 года возглавлял пост «Кызыл-Бел»" is X's own earlier post
    succeeded = words.asks_succeeded is not None and words.asks_succeeded.search(question)
    past = _says(top, "held_before") and not succeeded
    if needs(question).wants != "person" or _says(top, "predecessor") or past:
        return ranked  # the best already names the one before, or a holder it marks as past ("from 2022 to 2024")
    asked = frozenset(_role_keys(question))
    for i, c in enumerate(ranked[1:], 1):
        own = c.passage.item is not None and c.passage.item == top.passage.item
        # another item's sentence must name the asked role (a lead by any of its names): its predecessor may be
        # another post's
        near = i < HOLDER_TOP and behind(top, c) <= HOLDER_MARGIN and (
            not asked or _same_role(asked, _role_keys(c.text)))
        if (own or near) and c.features.get("typed") == 1.0 and _says(c, "predecessor"):
            return [replace(c, score=top.score), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]
    return ranked
