"""A who-question about the holder of a role answered by a sentence that names someone in another role.

"Who is the Chairman of the State Customs Service of Kyrgyzstan?" was answered by "The workshop was opened by Akmal
Yusupov, First Deputy Chairman of the State Customs Committee of the Republic of Uzbekistan, …", and "Who is the Head
of the OSCE Programme Office in Bishkek?" by "Gulnara Abdullaeva, Rapporteur, OSCE Programme Office in Bishkek": the
question's words are all there, so the gate reads them as answers. When a question asks who holds a role of an
organisation or a country ("Who is the Head / Chairman / Director / Minister … of ORG [in COUNTRY]?", `asked_role`)
and the answer names a person in a role (`held_roles`: "NAME, ROLE of ORG", "ORG ROLE NAME", "ROLE of ORG, NAME",
"… NAME … as ROLE of ORG") and no role it names is the asked one, the sentence does not answer (`miscast`;
qa.answer.evidence.rule_that_holds, "miscast"). A role is another one when:
- it is another office ("Rapporteur" for "Head"; "head", "chief" and "leader" stand for any office that heads: a
  Director, a Chairman, a Minister …);
- a word makes it another office (`OTHER_OFFICE`: a Deputy, Vice or Assistant Chairman, a former one, one
  designate). An acting or interim holder holds the office: "Acting Director X" answers "Who is the Director?";
- the country it is of is another ("of the Republic of Uzbekistan" for "of Kyrgyzstan", read in any form by
  qa.lang.countries), or the organisation it is of is named otherwise ("… Office in Astana" for "… Office in
  Bishkek": each names a word the other lacks, and neither is the other's acronym).
A sentence that names no role at all is left to the gate: SQuAD names people without titles ("led by Guy de
Lusignan"), and a head rule that read "names no one in the post" cost answers there (docs/quality.md, "Twenty-fifth
session"). English wording; a question or a sentence in another language is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from qa.answer.acronyms import acronym_alike
from qa.answer.events import MONTHS
from qa.answer.persons import NOT_A_PERSON
from qa.lang import analyze, detect, reply_words, stopwords
from qa.lang.countries import country_name, country_terms, countries_in

if TYPE_CHECKING:
    from qa.answer.features import Candidate

# an office's words by the office they name ("Chairwoman", "chair" -> chair)
_OFFICES = {
    "head": "head", "chief": "head", "leader": "head",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chair": "chair",
    "director": "director", "director-general": "director", "president": "president", "minister": "minister",
    "ambassador": "ambassador", "secretary-general": "secretary-general", "secretary": "secretary",
    "governor": "governor", "mayor": "mayor", "commander": "commander", "rector": "rector", "ceo": "ceo",
    "commissioner": "commissioner", "prosecutor": "prosecutor", "manager": "manager", "coordinator": "coordinator",
    "rapporteur": "rapporteur", "moderator": "moderator", "representative": "representative",
    "spokesperson": "spokesperson", "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "adviser": "adviser", "advisor": "adviser", "officer": "officer", "expert": "expert", "analyst": "analyst",
    "editor": "editor", "dean": "dean", "treasurer": "treasurer", "consul": "consul",
}
# "Who is the head of …?" is answered by whoever heads it, whatever the office is called
_ANY_HEAD = frozenset({"head"})
# the offices that head what they are of
_HEADS = frozenset({"head", "chair", "director", "president", "minister", "ambassador", "secretary-general",
                    "governor", "mayor", "commander", "rector", "ceo", "commissioner"})
# words before an office that make it another one (the deputy of a chairman is no chairman): a deputy, a vice-, an
# assistant, a former holder, one not yet in office. "Acting" and "interim" are not here: they hold it.
OTHER_OFFICE = {"deputy": "deputy", "vice": "deputy", "assistant": "assistant", "associate": "associate",
                "under": "under", "former": "former", "ex": "former", "past": "former", "designate": "designate",
                "elect": "designate", "incoming": "designate"}
# words before an office that keep it the same ("First Deputy", "Senior Programme Manager", "the current Head")
_KEEP = frozenset({"first", "second", "acting", "interim", "current", "new", "present", "senior", "executive",
                   "general", "chief", "principal", "permanent", "special", "regional", "national", "co"})

_OFFICE_WORD = r"(?:director[\s-]general|secretary[\s-]general|" + "|".join(
    sorted((w for w in _OFFICES if "-" not in w), key=len, reverse=True)) + ")"
_MODIFIER = r"(?:(?:" + "|".join(sorted(set(OTHER_OFFICE) | _KEEP, key=len, reverse=True)) + r")[\s-]+)"
# an office as a sentence writes it: its modifiers, its word, what it is of ("of the State Customs Service of the
# Kyrgyz Republic", "in Bishkek", "for Global Shield") up to the clause's end
_ROLE = re.compile(
    rf"(?P<mods>{_MODIFIER}*)(?P<word>{_OFFICE_WORD})(?:s\b)?(?![\w-])(?P<designate>[\s-](?:designate|elect)\b)?"
    rf"(?P<of>(?:\s+(?:of|at|for|in|to)\s+[^,;:()\"“”]+?(?=\s*(?:[,;:()\"“”.]|\band\s+(?:by\s+)?[a-z]|\bon\s|"
    rf"\bsince\b|\bfrom\b|\buntil\b|\bwho\b|\bwhich\b|\bthat\b|\bsaid\b|\bsays\b|\bhas\b|\bhad\b|\bis\b|\bwas\b|"
    rf"\bwill\b|\bmet\b|\bmeets\b|\bopened\b|\bhanded\b|\breported\b|\bthanked\b|\bafter\b|\bbefore\b|\bwhile\b|"
    rf"\bwhen\b|$)))?)",
    re.I,
)
_CAP = r"[A-Z][a-z'’\-]+"
_NAME = rf"(?:(?:[A-Z]\.\s?){{0,3}}{_CAP})(?:\s+(?:[A-Z]\.\s?){{0,3}}{_CAP}){{0,3}}"
_TITLES = (r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|H\.\s?E|Ambassador|Colonel|General|Major|Captain|"
           r"Lieutenant|Admiral|Judge|Justice|Senator)\.?\s+)")
# the person an office is written beside: before it ("Akmal Yusupov, First Deputy Chairman") or after it ("CARICC
# Director Kanat Seitkali", "Head of the Office in Dushanbe, Ambassador Valentin Ross", "its head, X")
_NAME_BEFORE = re.compile(rf"{_TITLES}*(?P<name>{_NAME}),\s+(?:the\s+|an?\s+|its\s+|their\s+)?$")
# a name anywhere, after its titles
_ANY_NAME = re.compile(rf"{_TITLES}*(?P<name>{_NAME})")
_NAME_AFTER = re.compile(rf"^,?\s+{_TITLES}*(?P<name>{_NAME})")
# an office a person takes or holds, named in the sentence ("… took up his post as Head of …", "was appointed
# Deputy Director of CARICC")
_TAKEN = re.compile(r"\b(?:as|appointed|became|becomes|become|been|elected|named|is|was|remains)\s+"
                    r"(?:the\s+|an?\s+|its\s+|their\s+|his\s+|her\s+)?$", re.I)
# the capitalised words just before an office, which say whose office it is ("CARICC Director", "WCO Programme
# Manager", "Uzbekistan's Chairman", "the Skarn office's head"), within its clause
_OWNER = re.compile(r"(?P<owner>(?:(?:[A-Z][\w'’-]*|of|the|and)\s+)*?(?:[A-Z][\w-]*\s+|[\w-]+['’]s\s+))$")
# a question that asks who holds an office: "Who is the (current) Chairman of …?", "Who is Kyrgyzstan's chief
# customs officer?", "Who was the head of the office in 2020?"
_ASKS = re.compile(
    r"^\s*who\s+(?:is|was|are|were|has\s+been|had\s+been|will\s+be|'s|becomes|became)\s+(?:currently\s+|now\s+)?"
    r"(?P<role>.+?)\s*\??\s*$",
    re.I,
)


@dataclass(frozen=True)
class Role:
    """An office as a question asks for it or a sentence gives it."""

    office: str  # the office it names (_OFFICES: "chair" for "Chairwoman")
    written: str  # its modifiers and word as written ("First Deputy Chairman")
    other: frozenset[str]  # what makes it another office (OTHER_OFFICE: "deputy", "former")
    of: str  # whose office it is, as written ("State Customs Committee of the Republic of Uzbekistan")
    person: str = ""  # the person it is given to, when the sentence names them beside it


@dataclass(frozen=True)
class Miscast:
    """The office a question asks about, and the person the answer names in another one."""

    asked: Role
    held: Role


def _role(m: re.Match, owner: str = "") -> Role:
    mods = [w.lower() for w in re.findall(r"[\w]+", m["mods"])]
    if m["designate"]:
        mods.append(m["designate"].strip(" -").lower())
    word = re.sub(r"[\s-]+", "-", m["word"].lower())
    of = " ".join(x for x in (owner.strip(), re.sub(r"^\s*(?:of|at|for|in|to)\s+", "", m["of"]).strip()) if x)
    written = (m["mods"] + m["word"] + (m["designate"] or "")).strip()
    return Role(_OFFICES.get(word, word), written, frozenset(OTHER_OFFICE[w] for w in mods if w in OTHER_OFFICE), of)


def asked_role(question: str) -> Role | None:
    """The office a who-question asks who holds ("Who is the Chairman of the State Customs Service of Kyrgyzstan?"
    -> chair, of "State Customs Service of Kyrgyzstan"), or None: another question, or one in another language."""
    if detect(question) != "en":
        return None
    q = _ASKS.match(question)
    if not q:
        return None
    asked = q["role"]
    # "the Chairman of …", "the current BICA project manager", "Kyrgyzstan's Chairman": an office the phrase opens
    # with, after its article and the words that say whose it is
    m = re.match(rf"(?:the\s+|an?\s+)?(?P<owner>(?:[\w'’-]+\s+){{0,4}}?)(?={_MODIFIER}*{_OFFICE_WORD}\b)", asked,
                 re.I)
    if not m:
        return None
    r = _ROLE.match(asked, m.end())
    if not r or r.end() < len(asked.rstrip(" ?")) - 1 and not r["of"]:
        return None
    owner = m["owner"]
    if any(w.lower() in stopwords("en") and w.lower() not in ("of", "the", "and") for w in owner.split()):
        return None  # "Who is the man who became …": not an office phrase
    return _role(r, re.sub(r"^(?:current|present|new)\s+", "", owner, flags=re.I))


def held_roles(sentence: str) -> list[Role]:
    """The offices a sentence names, each with the person it gives it to ("" when it gives it to no one it names)."""
    out = []
    for m in _ROLE.finditer(sentence):
        if m.start() > 0 and (sentence[m.start() - 1].isalnum() or sentence[m.start() - 1] == "-"):
            continue
        if not m["word"][:1].isupper() and not re.search(r"(?:\b(?:the|an?|its|their|his|her|as)\s+|['’]s\s+|,\s+)$",
                                                         sentence[:m.start()], re.I):
            continue  # "to head the office": a verb; "Joe Barton, chairman of …" is an office
        before = sentence[:m.start()]
        owner = _OWNER.search(before)
        own = owner["owner"] if owner and not _NAME_BEFORE.search(before) else ""
        if own and _looks_like_name(own):
            own = ""  # "Ambassador Markus Lindqvist Head …" is no owner
        role = _role(m, own)
        person = ""
        base = before[:len(before) - len(own)] if own else before
        named = _NAME_BEFORE.search(base)
        after = _NAME_AFTER.match(sentence[m.end():])
        if named and _is_name(named["name"]):
            person = named["name"]
        elif after and _is_name(after["name"]):
            person = after["name"]
        elif _TAKEN.search(base):
            # the name nearest the office ("Korean economist *Hoesung Lee* is the chair")
            person = next((n["name"] for n in reversed(list(_ANY_NAME.finditer(base))) if _is_name(n["name"])), "")
        out.append(Role(role.office, role.written, role.other, role.of, person))
    return out


def _is_name(name: str) -> bool:
    """Whether a run of capitalised words may be a person's name: not an organisation's, a place's, a month's,
    an office's."""
    words = {w.lower() for w in re.findall(r"[\w'’-]+", name)}
    return bool(words) and not words & (NOT_A_PERSON | MONTHS) and not any(w in _OFFICES for w in words) \
        and not countries_in(name) and not words <= stopwords("en")


def _looks_like_name(owner: str) -> bool:
    return bool(re.fullmatch(rf"\s*{_TITLES}{_NAME}\s*", owner))


def _same_office(asked: Role, held: Role) -> bool:
    """Whether two offices are one: the same office, or a head's and one that heads, when the one held says what it
    heads ("Ambassador Markus Lindqvist" is a rank, not the head of the office asked about)."""
    if asked.other != held.other:
        return False
    if asked.office == held.office:
        return True
    return bool(held.of) and ((asked.office in _ANY_HEAD and held.office in _HEADS)
                              or (held.office in _ANY_HEAD and asked.office in _HEADS))


def _names(text: str, capitalised: bool = True) -> set[str]:
    """The stems of what an office is of, without its countries, months and small words: of its capitalised words
    only (a name's), or of all its words."""
    words = [w for w in re.findall(r"[\w'’-]+", text) if w[:1].isupper() or not capitalised]
    stems = set(analyze(" ".join(w for w in words if w.lower() not in MONTHS)))
    return stems - country_terms(countries_in(text)) - {"republ", "republic"}


def another_body(asked: str, held: str) -> bool:
    """Whether the office held is of another country or organisation than the one asked about: each names a
    country and none is the same, or each names a word of its name the other lacks and neither writes the other as
    its acronym. A name's words are its capitalised ones, looked for among all the other's words ("BICA project"
    and "Project" name no other body: one title-cases what the other does not). What an office is of, left unsaid,
    is no other ("Chairman of the State Customs Service" for "… Service of Kyrgyzstan")."""
    if not asked.strip() or not held.strip():
        return False
    asked_countries, held_countries = countries_in(asked), countries_in(held)
    if asked_countries and held_countries and not asked_countries & held_countries:
        return True
    if not (_names(asked) - _names(held, False) and _names(held) - _names(asked, False)):
        return False
    return not (acronym_alike(f"x {asked}", held) or acronym_alike(f"x {held}", asked))


def holds(asked: Role, held: Role) -> bool:
    """Whether an office a sentence names is the one asked about (`asked_role()`)."""
    return _same_office(asked, held) and not another_body(asked.of, held.of)


def miscast(question: str, sentence: str, lang: str | None = None) -> Miscast | None:
    """The office asked and the one the sentence gives someone instead, when the question asks who holds an office
    (asked_role()), the sentence gives a person it names an office (held_roles()) and none of the offices it names is
    the one asked (holds()); else None. `lang`: the sentence's stored language (detected when None)."""
    asked = asked_role(question)
    if asked is None or (lang or detect(sentence)) != "en":
        return None
    held = held_roles(sentence)
    if any(holds(asked, r) for r in held):
        return None
    # the note names the person whose office is nearest the asked one: the same office of another body first
    given = sorted((r for r in held if r.person), key=lambda r: not _same_office(asked, r))
    return Miscast(asked, given[0]) if given else None


def names_holder(question: str, sentence: str, lang: str | None = None) -> bool:
    """Whether the sentence names a person in the office the question asks about."""
    asked = asked_role(question)
    if asked is None or (lang or detect(sentence)) != "en":
        return False
    return any(r.person and holds(asked, r) for r in held_roles(sentence))


# the best sentence, when it names someone in another office than asked, gives way to the first of the best ROLE_TOP
# that names a person in the asked office, whatever the scores (ROLE_MARGIN None; a number: only within that of the
# best; 0: never). The best is sure to be "not found" (the "miscast" rule), so the holder loses nothing by taking its
# place, and the gate still reads it: an invented seminar item's deputy outscored the chairman's quote by 2.8
# (tests/answer/test_roles.py), the substance near tie's margin (1.0) would keep the deputy
ROLE_TOP = 3
ROLE_MARGIN: float | None = None


def prefer_holder(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with the first of the best ROLE_TOP that names the holder of the asked office first, when
    the best names someone in another office (miscast()). The two swap scores, as in
    qa.answer.substances.prefer_asked_substance."""
    if ROLE_MARGIN == 0 or len(ranked) < 2 or miscast(question, ranked[0].text, ranked[0].sentence.lang) is None:
        return ranked
    for i in range(1, min(ROLE_TOP, len(ranked))):
        c = ranked[i]
        if ROLE_MARGIN is not None and c.score < ranked[0].score - ROLE_MARGIN:
            break
        if names_holder(question, c.text, c.sentence.lang):
            top = ranked[0]
            return [replace(c, score=top.score), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]
    return ranked


def described(role: Role, against: Role) -> str:
    """How a "not found" names an office beside the one it is set against: its words as written, with the country
    it is of when the two are of different ones, or what it is of when only that differs ("First Deputy Chairman in
    Uzbekistan", "Head of the OSCE Programme Office in Astana")."""
    mine, theirs = countries_in(role.of), countries_in(against.of)
    if mine and mine != theirs:
        return f"{role.written} in {' and '.join(sorted(country_name(c) for c in mine))}"
    if _same_office(role, against) and role.of:
        return f"{role.written} of {role.of}"
    return role.written


def miscast_note(found: Miscast | None, language: str = "en") -> str:
    """"The best passage names Akmal Yusupov as First Deputy Chairman in Uzbekistan, not as Chairman in
    Kyrgyzstan.", worded in `language` (Language.reply's reasons)."""
    words = reply_words(language)
    if found is None:
        return words.reason("miscast.other")
    held, asked = found.held, found.asked
    return words.reason("miscast", person=held.person, held=described(held, asked), asked=described(asked, held))
