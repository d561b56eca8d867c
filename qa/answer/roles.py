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
session"). English is read by the patterns below; another language by its words (qa.lang's OfficeWords, by their
stems: "председателем", "заместителя директора"), and an office across languages by its body's names romanised.
Two more question shapes are read: a named person's post in a body ("Какую должность занимает X в Y?", `asked_post`:
posts of other bodies only do not answer) and the holder before someone ("Who was ROLE before NAME?", `Role.after`:
NAME's own sentence does not answer; "What post did X hold before becoming ROLE?": the office taken does not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from qa.answer.acronyms import acronym_alike
from qa.answer.events import MONTHS
from qa.answer.features import behind
from qa.answer.persons import NOT_A_PERSON
from qa.filters.year_spans import asked_year, spans_year
from qa.lang import analyze, detect, get, reply_words, stopwords
from qa.lang.countries import country_name, country_terms, countries_in
from qa.lang.latin import romanised

if TYPE_CHECKING:
    from qa.answer.features import Candidate
    from qa.lang.base import OfficeWords

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
# a head and a manager of one body lead it alike: "руководитель проекта" is the project's manager
_LEAD = {"head", "manager"}
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
    rf"\bwhen\b|\bwith\s+effect\b|\beffective\b|$)))?)",
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
    after: str = ""  # in a question "Who was ROLE before NAME?": the person whose predecessor is asked
    succeeds: str = ""  # in a question "Who succeeded NAME as ROLE?": the person whose successor is asked
    past: bool = False  # in a question: a past holder is asked ("Who headed X before 2025?"), whom "former" names


@dataclass(frozen=True)
class Miscast:
    """The office a question asks about, and the person the answer names in another one (`why`: "" another
    office; "after": the asked office, given to the one the question names as its next holder; "before": given to
    the one the question names as its previous holder ("Who succeeded X as Head?" of "X was appointed Head");
    "became": the office the person took, when what they held before is asked; "post": a post of another body than
    asked; "replaced": the one the question names, as the holder someone else replaced, when who came before them is
    asked)."""

    asked: Role
    held: Role
    why: str = ""


@dataclass(frozen=True)
class Post:
    """A question about a named person's post: "What post does X hold in Y?" (`of` Y), "What did X do before becoming
    Z?" (`became` Z)."""

    name: str
    of: str = ""
    became: Role | None = None


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
    language = detect(question)
    words = _office_words(language)
    after = succeeds = ""
    if (m := _ASKS_SUCCESSOR.match(question)) and language == "en":
        # "Who succeeded X as Head of Y?": the Head of Y after X
        succeeds, question = m["person"].strip(), f"Who was the {m['role'].strip(' ?')}?"
    if words is not None and words.before is not None and (b := words.before.search(question)):
        if words.becoming is not None and words.becoming.match(b["after"]):
            return None  # "… before becoming Director …": asks the person's earlier post (asked_post)
        after, question = b["after"].strip(" ?"), question[:b.start()] + "?"
    if language != "en":
        found = _asked_other(question, words) if words is not None and words.offices else None
    else:
        found = (_asked_head(question, words) if words is not None else None) or _asked_en(question)
    if found is None:
        return None
    holder = get(language).holder_words
    past = holder is not None and bool(holder.past.search(question)) and not holder.present.search(question)
    return replace(found, after=after or found.after, succeeds=succeeds, past=past or bool(succeeds))


# "Who succeeded X as Y?", "Who replaced X as Y?", "Who took over from X as Y?", "Who will succeed X as Y?"
_ASKS_SUCCESSOR = re.compile(r"^\s*who\s+(?:(?:will|would|is\s+to)\s+)?(?:succeed(?:ed|s)?|replac(?:ed|es|e)|"
                             r"took\s+over\s+from|takes\s+over\s+from|take\s+over\s+from)\s+(?P<person>.+?)\s+as\s+"
                             r"(?P<role>.+?)\s*\??\s*$", re.I)


def _asked_head(question: str, words: OfficeWords) -> Role | None:
    """"Who heads / led X?" (OfficeWords.asks_head): the head of X, unless X is a gathering (OfficeWords.gathering),
    whose chair may hold any office."""
    m = words.asks_head.match(question) if words.asks_head is not None else None
    if m is None or words.gathering is not None and words.gathering.search(m["of"]):
        return None
    return Role("head", "Head", frozenset(), re.sub(r"^(?:the|an?)\s+", "", m["of"].strip(), flags=re.I))


def _asked_en(question: str) -> Role | None:
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


def held_roles(sentence: str, lang: str = "en") -> list[Role]:
    """The offices a sentence names, each with the person it gives it to ("" when it gives it to no one it names);
    `lang`: the sentence's language (English's patterns, or the language's OfficeWords)."""
    if lang != "en":
        words = _office_words(lang)
        return _held_other(sentence, words) if words is not None and words.offices else []
    out = []
    for m in _ROLE.finditer(sentence):
        if m.start() > 0 and (sentence[m.start() - 1].isalnum() or sentence[m.start() - 1] == "-"):
            continue
        before = sentence[:m.start()]
        compound = None
        if not m["word"][:1].isupper():
            compound = _compound(before)
            if compound is None:
                continue  # "to head the office": a verb; "Joe Barton, chairman of …" is an office
        if compound:
            # "as programme coordinator", "the AINCA programme coordinator": the words before a lower-case office are
            # its own ("programme coordinator"), or whose it is when they name a body ("AINCA programme")
            named = any(w[:1].isupper() for w in compound.split())
            own = compound.strip() if named else ""
            role = _role(m, own)
            role = replace(role, written=role.written if named else f"{compound}{role.written}",
                           other=role.other | {OTHER_OFFICE[w.lower()] for w in compound.split()
                                               if w.lower() in OTHER_OFFICE})
            own = compound
        else:
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
        of = role.of
        if not m["of"] and (body := _LISTED_BODY.match(sentence[m.end():])):
            of = " ".join(x for x in (of, body["body"].strip()) if x)  # "• X, Deputy Commander, Border Troops of Y"
        out.append(Role(role.office, role.written, role.other, of, person))
    return out + _led(sentence, lang, out)


# what comes before a lower-case office that makes it one: an article, a possessive, "as", a comma ("as chair of",
# "Joe Barton, chairman of …"), then up to three words of a compound office ("the AINCA programme coordinator")
_LEAD_IN = [re.compile(rf"(?:\b(?:the|an?|its|their|his|her|as)\s+|['’]s\s+|,\s+)(?P<compound>(?:[\w'’-]+\s+){{{n}}})$",
                       re.I) for n in range(4)]


def _compound(before: str) -> str | None:
    """The words of a compound office before its lower-case office word ("programme " of "as programme coordinator",
    "" when the office follows its lead-in at once), or None when no lead-in makes the word an office: "to head the
    office" is a verb, and so is "who will head it" (a compound's words are no small words, and no office words:
    "as officers head north")."""
    for lead_in in _LEAD_IN:  # the nearest lead-in: "Anna Lind, the new project manager" is "new project"'s
        m = lead_in.search(before)
        if m is None:
            continue
        words = [w.lower() for w in m["compound"].split()]
        if any(w in stopwords("en") or w.rstrip("s") in _OFFICES or w in _OFFICES for w in words):
            return None
        return m["compound"]
    return None


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
    if asked.other != held.other and not (asked.past and not asked.other and held.other == {"former"}):
        return False  # a former holder is another office, unless a past holder is asked
    if asked.office == held.office:
        return True
    if {asked.office, held.office} == _LEAD:
        # a manager heads what the title says he manages: "Project Manager at the Office" manages a project there,
        # not the office ("Who heads the Office?")
        return asked.office == "manager" or _manages(asked.of, held.of)
    return bool(held.of) and ((asked.office in _ANY_HEAD and held.office in _HEADS)
                              or (held.office in _ANY_HEAD and asked.office in _HEADS))


def _manages(asked: str, held: str) -> bool:
    """Whether a manager's office (what it is of, `held`: "Project the Office in Tarrow", its title's word first)
    manages the body asked about (`asked`): its first word, when a name's, is one of the asked body's words."""
    first = held.split()[:1]
    return not first or _latin_keys(first[0], False) <= _latin_keys(asked, False)


def _names(text: str, capitalised: bool = True) -> set[str]:
    """The stems of what an office is of, without its countries, months and small words: of its capitalised words
    only (a name's), or of all its words."""
    # Russian capitalises a body's first word only ("Государственный таможенный комитет"): all its words name it
    words = [w for w in re.findall(r"[\w'’-]+", text) if w[:1].isupper() or not capitalised or _CYRILLIC.match(w)]
    stems = set(analyze(" ".join(w for w in words if w.lower() not in MONTHS)))
    return stems - country_terms(countries_in(text)) - {"republ", "republic"}


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


# what a body is attached to, not which body it is: "Агентство … при Президенте", "the Agency under the President"
_ATTACHED = re.compile(r"(?<!\w)(?:при|under\s+the)\s.*$", re.I | re.S)


def _latin_keys(text: str, capitalised: bool = True, proper: bool = False) -> set[str]:
    """What an office is of, in Latin letters for a comparison across scripts: its words' first four romanised letters
    (of its capitalised words, or of all), a Russian acronym as English writes it ("ОБСЕ" -> "osce"), without its
    countries and small words. `proper`: the capitalised words that are names in any language, to tell a body by:
    what it is attached to left out (_ATTACHED), and a Cyrillic phrase's first word unless an acronym (Russian
    capitalises a body's first word whatever it is: "Агентство по контролю" is "the Drug Control Agency", whose
    words romanised are no English ones)."""
    if proper:
        text = _ATTACHED.sub("", text)
    acronyms: dict[str, str] = {}
    glossary: dict[str, str] = {}
    for language in ("ru",):
        words = _office_words(language)
        acronyms.update(words.acronyms if words is not None else {})
        glossary.update(words.glossary if words is not None else {})
    countries = {romanised(t).lower()[:4] for t in country_terms(countries_in(text))}
    keys = set()
    for i, w in enumerate(re.findall(r"[\w'’-]+", text)):
        if w.lower() in stopwords("en") | stopwords("ru") or len(w) < 3 and not w.isupper():
            continue
        english = glossary.get(_stem(w, "ru"), "") if _CYRILLIC.match(w) and glossary else ""
        if proper and _CYRILLIC.match(w):
            # a Russian body's name words: those English names too (the glossary), its acronyms, its names
            # (capitalised after the first word, which Russian capitalises whatever it is)
            if not (english or w.isupper() or i > 0 and w[:1].isupper()):
                continue
        elif capitalised and not w[:1].isupper():
            continue
        key = romanised(english or acronyms.get(w, w)).lower()[:4]
        if key not in countries:
            keys.add(key)
    return keys - {"resp", "repu"}


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
    if _CYRILLIC.search(asked) and not _CYRILLIC.search(held) or _CYRILLIC.search(held) and not _CYRILLIC.search(asked):
        # across scripts no stem is shared: names compared romanised ("Душанбе", "Dushanbe"), acronyms translated;
        # and one word at least in common ("проекта" shares nothing with "the OSCE Programme Office"). A body said in
        # common nouns alone ("директором центра" for "director of the dog training centre") names none to compare
        if not _latin_keys(asked) or not _latin_keys(held):
            return False
        if not _latin_keys(asked, False) & _latin_keys(held, False):
            return True
        # each names a word the other lacks, of the words that name a body in any language (_latin_keys, `proper`)
        return bool(_latin_keys(asked, proper=True) - _latin_keys(held, False)
                    and _latin_keys(held, proper=True) - _latin_keys(asked, False))
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
    lang = lang or detect(sentence)
    asked = asked_role(question)
    if asked is None:
        return _misposted(question, sentence, lang)
    held = held_roles(sentence, lang)
    if asked.succeeds:
        # "Who succeeded X as Head?": a sentence that gives the office to X alone names the holder before
        holders = [r for r in held if r.person and holds(asked, r)]
        if holders and all(same_person(r.person, asked.succeeds) for r in holders):
            return Miscast(asked, holders[0], "before")
    if asked.after:
        # "Who was the manager before X?": a sentence that gives the office to X alone names the next holder. Any
        # other is left to the gate: an earlier holder is often named by a verb ("who managed the project from 2021
        # to December 2023, was appointed Deputy Director"; qa.answer.present_holder puts that one first)
        holders = [r for r in held if r.person and holds(asked, r)]
        if holders and all(same_person(r.person, asked.after) for r in holders) \
                and not _succeeds_another(sentence, lang, asked.after):
            return Miscast(asked, holders[0], "after")
        if _replaced(sentence, lang, asked.after):
            # "Ms. Yesenova succeeds Mr. Timur Sadykov" for the one before Sadykov: it names who came after him
            return Miscast(asked, replace(asked, person=asked.after), "replaced")
        if _says_before(sentence, lang):
            return None
    if any(holds(asked, r) for r in held):
        return None
    # the note names the person whose office is nearest the asked one: the same office of another body first
    given = sorted((r for r in held if r.person), key=lambda r: not _same_office(asked, r))
    if given and asked.after and same_person(given[0].person, asked.after):
        return Miscast(asked, given[0], "after")  # "Hoesung Lee is the chair" for the President before him
    return Miscast(asked, given[0]) if given else None


def names_holder(question: str, sentence: str, lang: str | None = None) -> bool:
    """Whether the sentence names a person in the office the question asks about."""
    lang = lang or detect(sentence)
    asked = asked_role(question)
    if asked is None:
        post = asked_post(question)
        if post is None:
            return False
        mine = [r for r in held_roles(sentence, lang) if r.person and same_person(r.person, post.name)]
        if post.became is not None:
            return any(not holds(post.became, r) for r in mine)
        return any(r.of and not another_body(post.of, r.of) for r in mine)
    return any(r.person and holds(asked, r) and not (asked.after and same_person(r.person, asked.after))
               and not (asked.succeeds and same_person(r.person, asked.succeeds))
               for r in held_roles(sentence, lang))


# the best sentence, when it names someone in another office than asked, or no one in any office at all, gives way to
# the first of the best ROLE_TOP that names a person in the asked office, whatever the scores (ROLE_MARGIN None; a
# number: only within that of the best; 0: never). The best is sure to be "not found" (the "miscast" rule), or names
# no one who could answer "who" ("… chaired by the Centre", "— вы возглавляете службу"), so the holder loses nothing
# by taking its place, and the gate still reads it: an invented seminar item's deputy outscored the chairman's quote by
# 2.8 (tests/answer/test_roles.py), the substance near tie's margin (1.0) would keep the deputy. Five, not three: a
# holder named in another language than the question's scores below the sentences of its own language that repeat
# the body's name (docs/quality.md, "Thirty-eighth session")
ROLE_TOP = 5
ROLE_MARGIN: float | None = None


def gives_no_one(question: str, sentence: str, lang: str | None = None) -> bool:
    """Whether a sentence gives no person it names any office or lead (held_roles()) while the question asks who
    holds an office (asked_role()): it cannot say who holds the asked one."""
    return asked_role(question) is not None and not any(r.person
                                                        for r in held_roles(sentence, lang or detect(sentence)))


def prefer_holder(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with the first of the best ROLE_TOP that names the holder of the asked office first, when
    the best names someone in another office (miscast()) or no one in an office (gives_no_one()). The two swap
    scores, as in qa.answer.substances.prefer_asked_substance."""
    if ROLE_MARGIN == 0 or len(ranked) < 2:
        return ranked
    best = ranked[0]
    if miscast(question, best.text, best.sentence.lang) is None \
            and not gives_no_one(question, best.text, best.sentence.lang):
        return ranked
    if (year := asked_year(question)) is not None and spans_year(best.text, year):
        return ranked  # held the office through the year asked, whatever post came after (qa.answer.tenures)
    for i in range(1, min(ROLE_TOP, len(ranked))):
        c = ranked[i]
        if ROLE_MARGIN is not None and behind(ranked[0], c) > ROLE_MARGIN:
            continue
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
    if found.why == "replaced":
        return words.reason("miscast.replaced", person=held.person)
    if found.why in ("after", "before", "became"):
        said = {"held": described(held, asked)}
    elif found.why == "post":
        said = {"held": f"{held.written} of {held.of}", "asked": asked.of}
    else:
        said = {"held": described(held, asked), "asked": described(asked, held)}
    if not all(map(_quotable, said.values())):
        # what an office is of, read across languages, may run on into its sentence ("директора of ЦАРИКЦ от 31 мая
        # 2024 года начальником Аналитического отдела назначена"): no phrase to quote
        return words.reason("miscast.other")
    key = "miscast" if found.why not in ("after", "before", "became", "post") else f"miscast.{found.why}"
    return words.reason(key, person=held.person, **said)


# the most words an office quoted in a note may have
_QUOTED_WORDS = 8


def _quotable(office: str) -> bool:
    """Whether an office as described can be quoted in a reply: a few words, not a clause run on past it."""
    return len(office.split()) <= _QUOTED_WORDS


# a listed body after an office's comma, to the clause's end: "• X, Deputy Commander, Border Troops of Tajikistan",
# "Y — наблюдатель, Программный офис ОБСЕ" (a line of an attendance list, written capitalised)
_LISTED_BODY = re.compile(r"^\s*,\s+(?P<body>[A-ZА-ЯЁ][^,;:()\[\]\"“”]*?)\s*(?:[;(\[]|$)")
# a clause's end in a sentence of another language: what an office is of runs to it
_CLAUSE_END = re.compile(r"[,;:()\[\]\"“”«»]|\s[—–-]\s|\.(?:\s|$)")
# a person's name beside an office: two or three capitalised words ("Морозова Елена", "Юлдашев Рустам Хакимович")
_CAP_WORD = r"[A-ZА-ЯЁ][a-zа-яё'’]+(?:-[A-ZА-ЯЁ][a-zа-яё'’]+)?"
_NAME_RUN = re.compile(rf"(?<![\w-]){_CAP_WORD}(?:\s+{_CAP_WORD}){{1,5}}(?![\w-])")
_NAME_BEFORE_DASH = re.compile(rf"(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}){{1,2}})\s*(?:[—–-]|,)\s*$")
_TOKEN = re.compile(r"\w+")
_CLAUSES = re.compile(r"[;,:()\[\]]|\s[—–-]\s")


def _office_words(language: str) -> OfficeWords | None:
    return get(language).office_words


def _stem(word: str, language: str) -> str:
    stems = analyze(word, language)
    return stems[0] if stems else word.lower()


def _offices_in(text: str, words: OfficeWords, language: str) -> list[tuple[int, int, str, frozenset[str], int]]:
    """Each office a text of another language names: (start of its modifiers, end of its word, office, what makes it
    another, start of its word). "первый заместитель председателя" is one: a deputy chair."""
    tokens = list(_TOKEN.finditer(text))
    stems = [_stem(t.group(0), language) for t in tokens]
    out, i = [], 0
    while i < len(tokens):
        stem = stems[i]
        if stem not in words.offices or i > 1 and _in_name(text, tokens[i - 1], tokens[i]):
            i += 1
            continue
        other: set[str] = set()
        end = i
        if stem in words.deputy:
            other.add(words.other.get(stem, "deputy"))
            if i + 1 < len(tokens) and stems[i + 1] in words.offices and stems[i + 1] not in words.deputy:
                end = i + 1
        office = words.offices[stems[end]]
        j = i
        while j > 0 and (stems[j - 1] in words.other or stems[j - 1] in words.keep) \
                and not text[tokens[j - 1].end():tokens[j].start()].strip(" -."):
            if stems[j - 1] in words.other:
                other.add(words.other[stems[j - 1]])
            j -= 1
        out.append((tokens[j].start(), tokens[end].end(), office, frozenset(other), tokens[i].start()))
        i = end + 1
    return out


def _in_name(text: str, previous: re.Match, token: re.Match) -> bool:
    """Whether an office word is a word of a body's name: capitalised mid-sentence right after a capitalised word
    ("при Кабинете Министров", "Совет Министров" is a council, not a minister)."""
    return token.group(0)[:1].isupper() and previous.group(0)[:1].isupper() and not previous.group(0).isupper() \
        and not text[previous.end():token.start()].strip()


def _held_other(sentence: str, words: OfficeWords, language: str = "ru") -> list[Role]:
    """held_roles() for a sentence of another language than English, read by its OfficeWords: "Морозова Елена —
    наблюдатель, Программный офис ОБСЕ", "директор ЦАРИКЦ Нурлан Абдыкадыров", "назначил заместителем директора
    ЦАРИКЦ Айгуль Сатпаеву"."""
    out = []
    for start, end, office, other, _ in _offices_in(sentence, words, language):
        rest = sentence[end:]
        stop = _CLAUSE_END.search(rest)
        of = rest[:stop.start()] if stop else rest
        person = ""
        named = _NAME_BEFORE_DASH.search(sentence[:start])
        if named and _is_name(named["name"]):
            person = named["name"]
        # a name after the office and what it is of: the last two words of the first run of capitalised words that
        # is no country's ("Директор Института Скарн Том Велл": a body's capitalised words run into the name)
        for run in _NAME_RUN.finditer(of):
            names = run.group(0).split()
            name = " ".join(names[-2:])
            if not countries_in(name) and _is_name(name) and not any(
                    _stem(w, language) in words.offices for w in names[-2:]):
                person = person or name
                of = of[:run.end() - len(name)]
                break
        if not of.strip() and (body := _LISTED_BODY.match(rest)):
            of = body["body"]
        out.append(Role(office, sentence[start:end], other, of.strip(), person))
    return out + _led(sentence, language, out)


def _asked_other(question: str, words: OfficeWords, language: str = "ru") -> Role | None:
    """asked_role() for a question of another language: "Кто возглавляет X?" (the head of X), "Кто является
    председателем X?" (the chair of X)."""
    if words.asks_head is not None and words.asks_head.match(question):
        return _asked_head(question, words)
    if words.asks is None or not (m := words.asks.match(question)):
        return None
    phrase = m["role"]
    found = _offices_in(phrase, words, language)
    if not found or phrase[:found[0][0]].strip():
        return None  # the phrase does not open with an office: another question
    start, end, office, other, _ = found[0]
    return Role(office, phrase[start:end], other, phrase[end:].strip())


def asked_post(question: str) -> Post | None:
    """What a question about a named person's post asks: "Какую должность занимает Даврон Саидов в ОБСЕ?" (the post
    of X in the OSCE), "What post did X hold before becoming Director of CARICC?" (before that office); else None."""
    language = detect(question)
    words = _office_words(language)
    if words is None or words.asks_post is None:
        return None
    became = None
    if words.before is not None and (b := words.before.search(question)):
        taken = words.becoming.match(b["after"]) if words.becoming is not None else None
        if taken is None:
            return None
        became = _asked_en(f"Who is {taken['role']}?") if language == "en" else \
            _asked_other(f"Кто {taken['role']}?", words, language) if words.asks is not None else None
        if became is None:
            return None
        question = question[:b.start()] + "?"
    m = words.asks_post.match(question)
    if not m:
        return None
    groups = m.groupdict()
    name = (groups.get("name") or groups.get("name2") or "").strip()
    of = (groups.get("of") or groups.get("of2") or "").strip()
    if not _NAME_RUN.fullmatch(name) and not _NAME_RUN.search(name):
        return None
    if became is None and not of:
        return None
    return Post(name, of, became)


def same_person(a: str, b: str) -> bool:
    """Whether two names share a name word, across scripts and cases (first five romanised letters: "Рахимовой" and
    "Rakhimova")."""
    def keys(name: str) -> set[str]:
        return {romanised(w).lower()[:5] for w in re.findall(r"[\w'’-]+", name) if len(w) >= 3 and w[:1].isupper()}
    return bool(keys(a) & keys(b))


def _misposted(question: str, sentence: str, lang: str) -> Miscast | None:
    """miscast() for a question about a named person's post (asked_post()): the sentence gives that person only the
    office they took when what came before is asked, or only posts of other bodies than the one asked."""
    post = asked_post(question)
    if post is None:
        return None
    mine = [r for r in held_roles(sentence, lang) if r.person and same_person(r.person, post.name)]
    if not mine:
        return None
    if post.became is not None:
        # left to the gate when a clause says what was held before ("who managed the project from 2021 to
        # December 2023, was appointed Director"): an earlier post is often named by a verb
        if _says_before(sentence, lang):
            return None
        if all(holds(post.became, r) for r in mine):
            return Miscast(post.became, mine[0], "became")
        return None
    if all(r.of and another_body(post.of, r.of) for r in mine):
        return Miscast(Role("", "", frozenset(), post.of), mine[0], "post")
    return None


def _replaced(sentence: str, lang: str, person: str) -> bool:
    """Whether the sentence names `person` only as the one its holder replaced: after its predecessor words
    (HolderWords.predecessor: "succeeds", "сменил"), in their clause, and not before them."""
    words = get(lang).holder_words
    m = words.predecessor.search(sentence) if words is not None and words.predecessor is not None else None
    if m is None:
        return False
    clause = _LED_CLAUSE.match(sentence, m.end())
    return clause is not None and same_person(clause.group(0), person) and not same_person(sentence[:m.start()], person)


def _succeeds_another(sentence: str, lang: str, person: str) -> bool:
    """Whether the sentence names someone other than `person` as the one its holder replaced, after its predecessor
    words in their clause ("… has served as Regional Coordinator since 1 February 2022, succeeding Mr. Dilshod
    Rakhmatov, …"): it gives the office to `person` and names the holder before."""
    words = get(lang).holder_words
    m = words.predecessor.search(sentence) if words is not None and words.predecessor is not None else None
    clause = _LED_CLAUSE.match(sentence, m.end()) if m is not None else None
    return clause is not None and re.search(r"[A-ZА-ЯЁ][\w'’-]{2,}", clause.group(0)) is not None \
        and not same_person(clause.group(0), person)


def _says_before(sentence: str, lang: str) -> bool:
    """Whether a clause of the sentence marks something held before (HolderWords.held_before: "from 2021 to December
    2023", "former", "до декабря 2023 года")."""
    words = get(lang).holder_words
    return words is not None and any(words.held_before.search(p) for p in _CLAUSES.split(sentence))


# a clause of a sentence, for the verb that says who heads what (_led)
_LED_CLAUSE = re.compile(r"[^;,:()\[\]]+")
# a name right before an English verb, with an appositive between ("Tom Vell, Director of X, chaired …")
_NAME_THEN_VERB = re.compile(rf"{_TITLES}*(?P<name>{_NAME})(?:,[^,]+,)?"
                             r"\s+(?:also\s+|currently\s+|now\s+|has\s+|had\s+)?$")
# what comes before a passive verb besides its subject ("The operation *was* led by …")
_AUXILIARY = re.compile(r"\s+(?:(?:is|was|are|were|has\s+been|have\s+been|had\s+been|will\s+be|being)\s+)?"
                        r"(?:(?:jointly|also|currently)\s+)?$", re.I)


def _led(sentence: str, lang: str, held: list[Role]) -> list[Role]:
    """The heads a verb names (OfficeWords.leads): "Операцией руководил первый заместитель начальника Таможенной
    службы Рустам Назаров" makes Рустам Назаров the head of the operation, whatever his own post is of; "The course
    was led by Tom Vell", "Tom Vell chaired the council" alike. Each is a Role "head" of what the verb governs (its
    object, or a passive's subject), given to the person named beside the verb in its clause; none when no person
    is named there ("chaired by Uzbekistan's Centre": a body)."""
    words = _office_words(lang)
    if words is None or words.leads is None:
        return []
    out = []
    for clause in _LED_CLAUSE.finditer(sentence):
        text = clause.group(0)
        verb = words.leads.search(text)
        if verb is None:
            continue
        # English names the person before the verb across an appositive ("Tom Vell, Director of X, led …")
        before = sentence[:clause.start() + verb.start()] if lang == "en" else text[:verb.start()]
        after = text[verb.end():]
        found = _led_en(before, after, verb) if lang == "en" else _led_other(text, verb, held, words, lang)
        if found is not None:
            person, of = found
            of = re.sub(r"^\s*(?:the|an?|its|their)\s+", "", of.strip(" \t-—–"), flags=re.I)
            out.append(Role("head", verb.group(0).strip(), frozenset(), of, person))
    return out


def _led_en(before: str, after: str, verb: re.Match) -> tuple[str, str] | None:
    """The person an English verb names as the head, and what they head: "X was led by NAME", "NAME led X"."""
    if verb["by"]:
        named = _NAME_AFTER.match(" " + after.lstrip())
        if named is None or not _is_name(named["name"]):
            return None
        return named["name"], _AUXILIARY.sub("", re.split(r"[;,:()\[\]]", before)[-1])
    named = _NAME_THEN_VERB.search(before)
    if named is None or not _is_name(named["name"]):
        return None
    return named["name"], after


def _led_other(clause: str, verb: re.Match, held: list[Role], words: OfficeWords, language: str) \
        -> tuple[str, str] | None:
    """The person a verb of another language names as the head, and what they head: the person given an office in
    the clause, else the run of capitalised words nearest after the verb (then before it) that may be a name; what
    they head is the clause's other side of the verb ("Операцией руководил X": before it; "X возглавляет Центр":
    after it, up to the person's own office)."""
    person = next((r.person for r in held if r.person and r.person in clause), "")
    runs = [r for r in _NAME_RUN.finditer(clause) if _is_name(r.group(0)) and not countries_in(r.group(0))
            and not any(_stem(w, language) in words.offices for w in r.group(0).split())]
    if not person:
        later = [r for r in runs if r.start() >= verb.end()]
        earlier = [r for r in runs if r.end() <= verb.start()]
        run = later[0] if later else earlier[-1] if earlier else None
        if run is None:
            return None
        person = run.group(0)
    at = clause.find(person)
    if at >= verb.end():
        # the person after the verb: what they head is before it, else after it up to their own office
        of = clause[:verb.start()]
        if not of.strip():
            offices = [s for s, *_ in _offices_in(clause, words, language) if s >= verb.end()]
            of = clause[verb.end():min([at, *offices])]
        return person, of
    return person, clause[verb.end():]
