"""A document's own fields ("Date: 21 September 2023", "Venue: CARICC headquarters, Almaty", "… (Chair)") as answers.

Minutes, notices and reports state when and where their own meeting was held on a labelled line at their head, not
in a sentence. The sentence model, fitted on news and encyclopaedia prose, ranks such a line low and the gate reads
it as matching nothing: "When was the 14th meeting of the Council held?" over the minutes of that meeting got "not
found", and "When did the Council meet?" the decision to hold the *next* meeting; "Who chaired the Council
meeting?" never reached the attendee "Mr. Serik Zhakupov, National Coordinator, Kazakhstan (Chair)". A field line
answers a when- or where-question about a gathering, or a who-question about one of its offices, when its label
names what is asked and the title of its document or item names the same gathering (the same kind, the same number
in its series, the same names): as a table's row does when the question names its row and column
(qa.answer.tables), the document itself then says it holds the answer.
"""

from __future__ import annotations

import re

from qa.answer.events import gatherings, question_ordinals
from qa.answer.needs import needs
from qa.lang import analyze, detect

# "Label: value" on a line of its own: a label of one to three words, capitalised
_FIELD = re.compile(r"^\s*(?P<label>[A-ZА-ЯЁ][^\W\d_]*(?:\s+[^\W\d_]+){0,2})\s*:\s*(?P<value>\S.{0,150})$")
# the labels that state when and where a document's own gathering took place, and who held its offices
LABELS = {
    "date": frozenset({"date", "dates", "date and time", "дата", "дата проведения", "время проведения"}),
    "place": frozenset({"venue", "place", "location", "место", "место проведения"}),
    "chair": frozenset({"chair", "chairperson", "chairman", "chairwoman", "chaired by", "председатель",
                        "председательствующий"}),
    "secretary": frozenset({"secretary", "minutes", "minutes taken by", "секретарь"}),
    "moderator": frozenset({"moderator", "facilitator", "модератор"}),
    "rapporteur": frozenset({"rapporteur", "докладчик"}),
}
# the words of a who-question that ask for the holder of one of those offices ("Who chaired the meeting?")
_ROLE_ASKED = {
    "chair": re.compile(r"\b(?:chair\w*|presid\w*|председател\w*|председательствова\w*)\b", re.I),
    "secretary": re.compile(r"\b(?:secretary|took\s+(?:the\s+)?minutes|секретар\w*)\b", re.I),
    "moderator": re.compile(r"\b(?:moderat\w*|facilitat\w*|модератор\w*|модерирова\w*)\b", re.I),
    "rapporteur": re.compile(r"\b(?:rapporteur|докладчик\w*)\b", re.I),
}
# a list line that marks its person's office in brackets at its end ("Mr. S. Zhakupov, Kazakhstan (Chair)")
_BRACKETED = re.compile(r"\((?P<label>[^()]{2,30})\)\s*[.;]?\s*$")
# a question that asks when or where a body met, with no gathering's noun ("When did the Council meet?")
_MET = re.compile(r"\b(?:meet|met|meets|convene[ds]?|собирал\w*|собрал\w*|заседал\w*)\b", re.I)
# a name of the question (a capitalised word after its first), which the document's title must hold too
_NAME = re.compile(r"(?<!^)\b[A-ZА-ЯЁ][\w-]+")


def field_of(text: str) -> tuple[str, str] | None:
    """(label, value) of a field line ("Date: 21 September 2023" -> ("date", "21 September 2023")), else None."""
    m = _FIELD.match(text)
    return (m["label"].lower(), m["value"].strip()) if m and "\n" not in text.strip() else None


def asked_field(question: str) -> str | None:
    """The field a question asks for: "date" or "place" when it asks when or where a gathering took place, an
    office's ("chair", …) when it asks who held it ("Who chaired the meeting?"), else None."""
    wants = needs(question).wants
    if wants == "person":
        return next((role for role, asks in _ROLE_ASKED.items() if asks.search(question)), None)
    if wants not in LABELS or not (gatherings(question) or _MET.search(question)):
        return None
    return wants


def _labels_of(text: str) -> list[str]:
    """The labels a line gives what it states: a field's, or an office in brackets at its end."""
    field = field_of(text)
    bracketed = _BRACKETED.search(text)
    return [x for x in (field[0] if field else None, bracketed["label"].strip().lower() if bracketed else None) if x]


def names_its_gathering(question: str, title: str) -> bool:
    """Whether a document or item `title` ("Minutes of the 14th Meeting of the CARICC Council") names the gathering
    the question asks about: the same kind when the question names one, its number in its series, and its names."""
    asked = gatherings(question)
    if asked and not asked & gatherings(title):
        return False
    if not question_ordinals(question, synonyms=True) <= question_ordinals(title, synonyms=True):
        return False
    lang = detect(title)
    held = set(analyze(title, lang))
    return all(set(analyze(name, lang)) <= held for name in question_names(question))


def question_names(question: str) -> list[str]:
    """The names of a question (its capitalised words after the first), but an office's name in capitals ("Who
    was the Chair …?"), which is what is asked, not a name."""
    return [n for n in _NAME.findall(question) if not any(asks.fullmatch(n) for asks in _ROLE_ASKED.values())]


def field_candidate(question: str, texts: list[str], titles: list[str], typed: list[float]) -> int | None:
    """The index of the first candidate (its text, its document's or item's title, and whether it holds a span of
    the asked kind: types.typed_match) that is a field answering the question, else None."""
    kind = asked_field(question)
    if kind is None:
        return None
    for i, (text, title, holds) in enumerate(zip(texts, titles, typed)):
        if not any(label in LABELS[kind] for label in _labels_of(text)) or not _states(kind, text, holds):
            continue
        if names_its_gathering(question, title):
            return i
    return None


def _states(kind: str, text: str, holds: float) -> bool:
    """Whether a field line states what is asked: a date or a person the patterns read (types.typed_match); a
    place named (a capitalised word after the label: the place patterns want the preposition a sentence gives
    it, "in Almaty", which a field has not)."""
    if kind != "place":
        return holds == 1.0
    field = field_of(text)
    return field is not None and bool(re.search(r"\b[A-ZА-ЯЁ]", field[1]))
