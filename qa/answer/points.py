"""A question that names a numbered point of an order, a decision or a list ("Каков срок исполнения пункта 5 приказа
№ 217-п?", "What does item 3 of the decision say?") is answered by that point.

An order's points share its topic's words, and the one a question names by its number holds few of them ("5.
Управлению международного сотрудничества подготовить проект соглашения … в срок до 1 декабря 2024 года."): the
sentence model ranks the points alike, and the number is what tells them apart. So when the best candidate does not
open with the asked number, the first of the best POINT_TOP of its document that does ("5.", "5)") takes its place.
It is sure (sure_point()) when the question names the document by a number its head states: the point of that order,
not of another, is the one asked.

A point is often several sentences: "3. Разработать … программу совместных учебных курсов. Ответственный — …
Бахтиёр Назаров. Срок — до 30 июня 2024 года." Its first sentence holds the words that name it, its later ones who
answers for it and by when. So when the best is a sentence of a point and holds nothing of the kind asked (a person,
a deadline), the first other sentence of the point that does takes its place (prefer_point_part), read with the
point's evidence of matching the question: whether the question names the point by its number ("Кто отвечает за
пункт 3?") or by what it orders ("Who is responsible for forming the joint mobile group?").
"""

from __future__ import annotations

import re

from qa.answer.deadlines import asks_deadline, states_deadline
from qa.answer.features import Candidate, swap
from qa.answer.needs import needs
from qa.answer.persons import names_person
from qa.lang import analyze
from qa.store import Index

# how far down the ranking the asked point is looked for
POINT_TOP = 10
# how much of a document's head is read for the number the question names it by ("приказа № 217-п")
HEAD_CHARS = 1500
# how far a point runs after its number at most: a point is a few sentences, not a page
POINT_CHARS = 800

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


# a line that opens a numbered point: "5. …", "5) …"
_POINT_LINE = re.compile(r"[ \t]*(\d{1,3})[.)][ \t]")


def point_at(index: Index, doc: str, start: int) -> str | None:
    """The number of the point the sentence at `start` opens or belongs to: the point opening its line (a point is
    one line or paragraph: "3. Разработать … Ответственный — … Срок — …"), or None."""
    line = _line(index, doc, start)
    m = _POINT_LINE.match(line) if line is not None else None
    return m.group(1) if m else None


def _line(index: Index, doc: str, start: int) -> str | None:
    """The line the sentence at `start` stands in, or None when it opens further back than a point runs."""
    lo = max(0, start - POINT_CHARS)
    text = index.document_slice(doc, lo, start + POINT_CHARS) or ""
    cut = start - lo
    opens = text.rfind("\n", 0, cut) + 1
    if opens == 0 and lo > 0:
        return None
    end = text.find("\n", cut)
    return text[opens:end if end >= 0 else len(text)]


def prefer_asked_point(question: str, ranked: list[Candidate], index: Index) -> list[Candidate]:
    """ranked with the point the question names by its number first, or a sentence of it (the module)."""
    number = asked_point(question)
    if number is None or not ranked or opens_point(ranked[0].sentence.text, number):
        return ranked
    best = ranked[0].sentence
    if point_at(index, best.doc, best.start) == number:
        return ranked
    for i in range(1, min(POINT_TOP, len(ranked))):
        s = ranked[i].sentence
        if s.doc == best.doc and point_at(index, s.doc, s.start) == number:
            return swap(ranked, i)
    return ranked


def prefer_point_part(question: str, ranked: list[Candidate], index: Index) -> list[Candidate]:
    """ranked with the sentence of the best's point that says who answers for it, or by when, first, when the best
    says neither (the module)."""
    if len(ranked) < 2:
        return ranked
    deadline = asks_deadline(question) or asked_point(question) is not None and _ASKS_TERM.search(question)
    if not deadline and needs(question).wants != "person":
        return ranked

    def holds(c: Candidate) -> bool:
        return states_deadline(c.sentence.text) if deadline else names_person(c.sentence.text, question)

    best = ranked[0].sentence
    if holds(ranked[0]):
        return ranked
    number = point_at(index, best.doc, best.start)
    if number is None:
        return ranked
    # a question that names no point by its number must name what the point orders ("за обучение инспекторов"), not
    # only what its part says ("срок") or the whole document ("Кто подписал приказ?")
    asked = set() if asked_point(question) is not None else set(analyze(question))
    for i in range(1, min(2 * POINT_TOP, len(ranked))):
        s = ranked[i].sentence
        if (s.doc == best.doc and abs(s.start - best.start) <= POINT_CHARS and holds(ranked[i])
                and point_at(index, s.doc, s.start) == number
                and (not asked or asked & set(analyze(_line(index, s.doc, s.start) or "")) - set(analyze(s.text)))):
            return swap(ranked, i, merge=True)
    return ranked


# a point's term, in a question that names the point: "Какой срок установлен по пункту 2?", "the deadline of item 3"
_ASKS_TERM = re.compile(r"(?<!\w)срок\w*|\bdeadlines?\b|\bdue\b|\bby\s+when\b", re.I)


def sure_point(question: str, best: Candidate, index: Index) -> bool:
    """Whether `best` is of the point the question names in a document it names by number: it opens the asked
    point or belongs to it, and every other figure of the question ("№ 217-п") is in its document's head, where an
    order, a decree or minutes state their number."""
    number = asked_point(question)
    return (number is not None and point_at(index, best.sentence.doc, best.sentence.start) == number
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
