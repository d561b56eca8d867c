"""A document's own fields ("Date: 21 September 2023", "Venue: CARICC headquarters, Almaty") as answers.

Minutes, notices and reports state when and where their own meeting was held on a labelled line at their head, not
in a sentence. The sentence model, fitted on news and encyclopaedia prose, ranks such a line low and the gate reads
it as matching nothing: "When was the 14th meeting of the Council held?" over the minutes of that meeting got "not
found", and "When did the Council meet?" the decision to hold the *next* meeting. A field line answers a when- or
where-question about a gathering when its label names what is asked and the title of its document or item names
the same gathering (the same kind, the same number in its series, the same names): as a table's row does when the
question names its row and column (qa.answer.tables), the document itself then says it holds the answer.
"""

from __future__ import annotations

import re

from qa.answer.events import gatherings, question_ordinals
from qa.answer.needs import needs
from qa.lang import analyze, detect

# "Label: value" on a line of its own: a label of one to three words, capitalised
_FIELD = re.compile(r"^\s*(?P<label>[A-ZА-ЯЁ][^\W\d_]*(?:\s+[^\W\d_]+){0,2})\s*:\s*(?P<value>\S.{0,150})$")
# the labels that state when and where a document's own gathering took place
LABELS = {
    "date": frozenset({"date", "dates", "date and time", "дата", "дата проведения", "время проведения"}),
    "place": frozenset({"venue", "place", "location", "место", "место проведения"}),
}
# a question that asks when or where a body met, with no gathering's noun ("When did the Council meet?")
_MET = re.compile(r"\b(?:meet|met|meets|convene[ds]?|собирал\w*|собрал\w*|заседал\w*)\b", re.I)
# a name of the question (a capitalised word after its first), which the document's title must hold too
_NAME = re.compile(r"(?<!^)\b[A-ZА-ЯЁ][\w-]+")


def field_of(text: str) -> tuple[str, str] | None:
    """(label, value) of a field line ("Date: 21 September 2023" -> ("date", "21 September 2023")), else None."""
    m = _FIELD.match(text)
    return (m["label"].lower(), m["value"].strip()) if m and "\n" not in text.strip() else None


def asked_field(question: str) -> str | None:
    """"date" or "place" when the question asks when or where a gathering took place, else None."""
    wants = needs(question).wants
    if wants not in LABELS or not (gatherings(question) or _MET.search(question)):
        return None
    return wants


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
    return all(set(analyze(name, lang)) <= held for name in _NAME.findall(question))


def field_candidate(question: str, texts: list[str], titles: list[str], typed: list[float]) -> int | None:
    """The index of the first candidate (its text, its document's or item's title, and whether it holds a span of
    the asked kind: types.typed_match) that is a field answering the question, else None."""
    kind = asked_field(question)
    if kind is None:
        return None
    for i, (text, title, holds) in enumerate(zip(texts, titles, typed)):
        field = field_of(text)
        if field is None or field[0] not in LABELS[kind] or not _states(kind, field[1], holds):
            continue
        if names_its_gathering(question, title):
            return i
    return None


def _states(kind: str, value: str, holds: float) -> bool:
    """Whether a field's value states what is asked: a date the date patterns read; a place named (a capitalised
    word: the place patterns want the preposition a sentence gives it, "in Almaty", which a field has not)."""
    return holds == 1.0 if kind == "date" else bool(re.search(r"\b[A-ZА-ЯЁ]", value))
