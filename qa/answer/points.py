"""A question that names a numbered point of an order, a decision or a list ("Каков срок исполнения пункта 5 приказа
№ 217-п?", "What does item 3 of the decision say?") is answered by that point.

An order's points share its topic's words, and the one a question names by its number holds few of them ("5.
Управлению международного сотрудничества подготовить проект соглашения … в срок до 1 декабря 2024 года."): the
sentence model ranks the points alike, and the number is what tells them apart. So when the best candidate does not
open with the asked number, the first of the best POINT_TOP of its document that does ("5.", "5)") takes its place.
It is sure (sure_point()) when the question names the document by a number its head states: the point of that order,
not of another, is the one asked.
"""

from __future__ import annotations

import re

from qa.answer.features import Candidate, swap
from qa.store import Index

# how far down the ranking the asked point is looked for
POINT_TOP = 10
# how much of a document's head is read for the number the question names it by ("приказа № 217-п")
HEAD_CHARS = 1500

# "пункт 5", "пункта 5", "п. 5", "point 5", "item 3", "paragraph 2", "clause 4"
_ASKED = re.compile(r"(?<!\w)(?:пункт\w*|подпункт\w*|п\.|points?|items?|paragraphs?|clauses?|para\.)\s*(\d{1,3})"
                    r"(?![\d.,]\d)", re.I)


def asked_point(question: str) -> str | None:
    """The number of the point the question names, or None."""
    m = _ASKED.search(question)
    return m.group(1) if m else None


def point_words(question: str) -> set[str]:
    """The words that name the point asked for ("пункта", "5"): they say where in a document, not what it speaks
    of, and no "not found" may say the documents never use them (an order numbers its points, never saying
    "пункт")."""
    m = _ASKED.search(question)
    return set(re.findall(r"\w+", m.group(0))) if m else set()


def opens_point(text: str, number: str) -> bool:
    """Whether `text` is the point numbered `number` ("5. …", "5) …")."""
    return re.match(rf"\s*{number}[.)]\s", text) is not None


def prefer_asked_point(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """ranked with the point the question names by its number first (the module)."""
    number = asked_point(question)
    if number is None or not ranked or opens_point(ranked[0].sentence.text, number):
        return ranked
    doc = ranked[0].sentence.doc
    for i in range(1, min(POINT_TOP, len(ranked))):
        c = ranked[i]
        if c.sentence.doc == doc and opens_point(c.sentence.text, number):
            return swap(ranked, i)
    return ranked


def sure_point(question: str, best: Candidate, index: Index) -> bool:
    """Whether `best` is the point the question names in a document it names by number: it opens with the asked
    point's number, and every other figure of the question ("№ 217-п") is in its document's head, where an order,
    a decree or minutes state their number."""
    number = asked_point(question)
    return (number is not None and opens_point(best.sentence.text, number)
            and names_document(question, best.sentence.doc, index))


def names_document(question: str, doc: str, index: Index) -> bool:
    """Whether the question names `doc` by its number: every figure of the question, other than a point's, is in the
    document's head ("приказ № 217-п" over "№ 217-п / г. Бишкек, 3 апреля 2024 года"); False for a question with
    none."""
    figures = re.findall(r"\d+", _ASKED.sub(" ", question))
    if not figures:
        return False
    held = set(re.findall(r"\d+", index.document_slice(doc, 0, HEAD_CHARS) or ""))
    return all(f in held for f in figures)
