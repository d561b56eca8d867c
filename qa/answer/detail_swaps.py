"""A question about one compass direction or month answered by a sentence about another.

SQuAD 2.0 writes unanswerable questions by changing one such detail of an answerable one: "What desert is to the
*south* near Arizona?" against "To the east is the Colorado Desert …", "What caused the Rhine to extend its watershed
*northward*?" against "… the Rhine extended its watershed southward.", "How many companies were listed on the WSE on
*April* 2009?" against a sentence about March. Every other word of the question is in the sentence, and a direction or
a month is one word among many, so the gate's word counts read it as an answer. When the question names a compass
direction (or a month) and the answer names one or more others and not it, nor does its item's title or lead, the
answer speaks of another one and is "not found" (qa.answer.evidence.rule_that_holds, "other_detail"). English and
Russian, in any form ("southern", "southward", "южный", "на юге"; "in March", "в марте"); a sentence that names no
direction or month is left to the gate, and so is a question that asks for a direction ("In which direction does the
west side lie?")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.swaps import unquoted
from qa.ingest.dates import month_number

# compass directions and the words made of them ("southern", "southward", "north-east"; "южный", "северо-западе")
_DIRECTION = re.compile(
    r"\b(north|south)[- ]?(east|west)(?:ern|erly|wards?)?\b|\b(north|south|east|west)(?:ern|erly|wards?)?\b"
    r"|(?<![а-яё])(север|юг|юж|восто|запад)(?:о-?(восто|запад))?[а-яё]*",
    re.I,
)
# a question that asks for a direction ("In which direction …?", "В каком направлении …?", "towards what direction"):
# another direction is what it asks for
_ASKS_DIRECTION = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?directions?\b|(?<![а-яё])(?:как\w*|котор\w*)\s+"
                             r"(?:[а-яё]+\s+)?(?:направлени|сторон)", re.I)
_RUSSIAN = {"север": "north", "юг": "south", "юж": "south", "восто": "east", "запад": "west"}
# month names: English ones capitalised ("may" the verb is no month), Russian ones in any case ("в марте", "мая")
_MONTH = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    r"|(?<![а-яёА-ЯЁ])(?:(?:[Яя]нвар|[Фф]еврал|[Аа]прел|[Ии]юн|[Ии]юл|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|[Дд]екабр)"
    r"(?:ь|я|е|ю|ём|ем)|(?:[Мм]арт|[Аа]вгуст)(?:а|е|у|ом)?|[Мм]а[йяюе]|[Мм]аем)(?![а-яё])"
)
_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December")
_RUSSIAN_MONTHS = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                   "ноябрь", "декабрь")
_RUSSIAN_DIRECTIONS = {"north": "север", "south": "юг", "east": "восток", "west": "запад"}


@dataclass(frozen=True)
class DetailSwap:
    """What the question names and what the answer names instead, of one kind ("direction" or "month"): directions
    as "north", "south-east" …, months as their numbers as strings ("3")."""

    kind: str
    asked: frozenset[str]
    told: frozenset[str]


def directions(text: str) -> set[str]:
    """The compass directions `text` names ("south", "north-east"), in English or Russian. A direction between two
    names both of them too: "the south-west" is in the south, and "southern" does not contradict it."""
    out: set[str] = set()
    for m in _DIRECTION.finditer(text):
        if m.group(1):
            first, second = m.group(1).lower(), m.group(2).lower()
        elif m.group(3):
            first, second = m.group(3).lower(), None
        else:
            first = _RUSSIAN[m.group(4).lower()]
            second = _RUSSIAN[m.group(5).lower()] if m.group(5) else None
        out |= {first, second, f"{first}-{second}"} if second else {first}
    return out


def months(text: str) -> set[str]:
    """The months `text` names, as their numbers ("3" for "March", "в марте")."""
    return {str(n) for m in _MONTH.finditer(text) if (n := month_number(m.group()))}


# a month that bounds a period: its neighbour states the same limit ("до марта 2024" is "until February 2024", "since
# March" ends "until February"); the relation word, then the month's name (maybe after "the end of" / "конца")
_BOUND_RE = re.compile(
    r"(?i:\b(?P<rel>before|prior\s+to|earlier\s+than|until|till|up\s+to|through|by|after|following|since|from)"
    r"|(?<![а-яё])(?P<ru>до|по|после|с|со))\s+(?:(?:the\s+)?(?:end|beginning|start)\s+of\s+|(?:конца|начала)\s+)?"
    rf"(?=(?P<month>{_MONTH.pattern}))"
)
_BEFORE = {"before", "prior", "earlier", "до", "since", "from", "с", "со"}  # the month before states it too
_AFTER = {"until", "till", "up", "through", "by", "after", "following", "по", "после"}  # the month after


def _bound_neighbours(question: str) -> set[str]:
    """The months next to those the question names as a bound: "before March" and "since March" are stated by
    "until February" as well, "until February" and "after February" by "since March"."""
    out: set[str] = set()
    for m in _BOUND_RE.finditer(question):
        n = month_number(m["month"])
        rel = (m["rel"] or m["ru"] or "").lower().split()[0]
        if n is None:
            continue
        if rel in _BEFORE:
            out.add(str((n - 2) % 12 + 1))
        elif rel in _AFTER:
            out.add(str(n % 12 + 1))
    return out


_KINDS = (("direction", directions), ("month", months))


def detail_swap(question: str, answer: str, context: str = "") -> DetailSwap | None:
    """The first kind of detail the question names one of (outside a quoted name: operation «Северный транзит») and
    the `answer` names only others of, when `context` (its item's title and lead) does not name the asked one either;
    else None. A question that asks for a direction is no direction swap."""
    for kind, read in _KINDS:
        if kind == "direction" and _ASKS_DIRECTION.search(question):
            continue
        asked = read(unquoted(question))
        if not asked:
            continue
        if kind == "month":
            asked = asked | _bound_neighbours(unquoted(question))
        told = read(answer)
        if told and not (asked & told) and not (asked & read(context)):
            return DetailSwap(kind, frozenset(asked), frozenset(told))
    return None


def named(swap_kind: str, value: str, lang: str) -> str:
    """A detail as a note names it: "the south", "March"; "юг", "март" for a Russian question."""
    if swap_kind == "month":
        return (_RUSSIAN_MONTHS if lang == "ru" else _ENGLISH_MONTHS)[int(value) - 1]
    if lang == "ru":
        return "-".join(_RUSSIAN_DIRECTIONS[p] for p in value.split("-")).replace("север-", "северо-").replace(
            "юг-", "юго-")
    return f"the {value}"
