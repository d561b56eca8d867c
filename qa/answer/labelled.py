"""A label line whose label names what the question asks, in the document the question names, as the answer.

A protocol, a report or an announcement states its facts on label lines: "Дата подписания: 14 июля 2023 г.",
"Published: 29 August 2024", "Reporting period: 1 January – 30 June 2024", "Participants: 24 officers". The sentence
model, fitted on prose, ranks such a line low, and a year the question names for the report's period made the
publication line look like a clash: "When was the 2023 annual report published?" got "Отчётный период: 1 января –
31 декабря 2023 г.", and "What period does the half-year report cover?" a sentence that names no period. The
gatherings' fields (qa.answer.fields: "Date:", "Venue:", "Chair:") are read for meetings; this rule reads any label
whose own word is the question's ("published" / "опубликован" ↔ "Дата публикации", "signed" ↔ "Дата подписания",
"period" ↔ "Reporting period"), when the line's value is of the kind asked (a date for when, a place for where, a
count for how many) and the titles of its document and item name what the question names (its other words): the
half-year report's "Published:" line does not answer when the *annual* report came out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from qa.answer.fields import field_of
from qa.answer.needs import needs
from qa.filters.mentions import YEAR_RE
from qa.lang import analyze, detect

# label words that say only the kind of value ("Date", "Место"): the question's act must be named by another
_GENERIC = frozenset(analyze(
    "date dates time place location number of the and for дата даты время место число количество для и по на в",
))
_COMMON = 5  # letters two words share when one is a form of the other ("опубликован" / "публикации")
# the verbs a question about a document's own fields asks with, which no title holds ("What period does it cover?")
_ASKING = frozenset(analyze(
    "cover covers covered span spans include includes охватывает охватывал охватывают включает",
))
_COUNT = re.compile(r"^\W*(?:[^\W\d_]+\s+){0,3}\d")


def _related(a: str, b: str) -> bool:
    """Whether two stems share a run of _COMMON letters ("опубликова" / "публикац", "подписа" / "подписан")."""
    if len(a) < _COMMON or len(b) < _COMMON:
        return a == b
    return any(a[i : i + _COMMON] in b for i in range(len(a) - _COMMON + 1))


def _in(stem: str, words: set[str]) -> bool:
    """Whether a question's stem is among a title's, by its first letters ("кыргызстан" / "кыргызск")."""
    head = stem[: max(_COMMON, min(len(stem), 6))]
    return any(w.startswith(head) or stem.startswith(w[: max(_COMMON, min(len(w), 6))]) for w in words)


def _states(wants: str | None, value: str, typed: float) -> bool:
    """Whether a label's value is of the kind asked: a date the patterns read, a count, a capitalised place."""
    if wants == "date":
        return typed == 1.0
    if wants == "number":
        return bool(_COUNT.match(value))
    if wants == "place":
        return bool(re.search(r"\b[A-ZА-ЯЁ]", value)) and not re.search(r"\d", value)
    return False


def label_candidate(question: str, texts: list[str], typed: list[float], title: Callable[[int], str],
                    head: Callable[[int], str], document: Callable[[int], str]) -> int | None:
    """The index of the first candidate that is a label line naming the question's act, whose value is of the
    asked kind, and whose document (`title(i)`: its titles; `head(i)`: its head lines; `document(i)`: the document's
    own title, each read only for such a line) names the rest of the question; else None."""
    n = needs(question)
    wants = n.wants  # "What period …?" asks a date, as "When …?" does
    asked = set(analyze(question, detect(question)))
    for i, (text, holds) in enumerate(zip(texts, typed)):
        field = field_of(text)
        if field is None or not _states(wants, field[1], holds):
            continue
        own = [w for w in analyze(field[0], detect(field[0])) if w not in _GENERIC]
        related = {q for q in asked if any(_related(q, w) for w in own)}
        if not related:
            continue
        titles = title(i)
        if not n.years <= set(YEAR_RE.findall(titles)):
            continue
        named = _stems(titles)
        # the act is what the label says and the document's title does not ("published"): "Отчётный период" is no
        # answer to when the report (отчёт) came out. A section's heading may name the fields it lists ("Dates and
        # deadlines" over "- Deadline for applications: 15 July 2025")
        acts = {q for q in related if not _in(q, _stems(document(i)))}
        if not acts:
            continue
        held = named | _stems(head(i))
        if any(not _in(w, held) for w in asked - acts - _ASKING):
            continue
        return i
    return None


# how far down the ranking the sentence a label line follows may stand
AFTER_TOP = 5


def label_after(question: str, texts: list[str], ids: list[tuple[str, int, int]]) -> int | None:
    """The index of a label line naming the question's act whose sentence before it (in its item) is among the best
    AFTER_TOP candidates: a numbered decision states its task in one sentence and who answers for it on a label line
    after it ("2. A joint mobile patrol exercise will be held at the Ayvaj section in November 2024. Responsible:
    Border Troops of …"), and the sentence that words the task outranks the label. `ids`: each candidate's (document,
    item, sentence id). The value must name someone for a who-question (a capital), the question's act must be the
    label's own word ("responsible", "отвечает" / "Ответственный"), and the task sentence must hold half the question's
    other words at least; else None."""
    wants = needs(question).wants
    asked = set(analyze(question, detect(question)))
    where = {key: i for i, key in enumerate(ids)}
    for i in range(min(AFTER_TOP, len(texts))):
        if field_of(texts[i]) is not None:  # a record's line (a table's row read with its header) is no task
            continue
        doc, item, sid = ids[i]
        j = where.get((doc, item, sid + 1))
        field = field_of(texts[j]) if j is not None else None
        if field is None or not _names_someone(wants, field[1]) and not _states(wants, field[1], 0.0):
            continue
        own = [w for w in analyze(field[0], detect(field[0])) if w not in _GENERIC]
        acts = {q for q in asked if any(_related(q, w) for w in own)}
        if _RESPONSIBLE.search(field[0]):
            acts |= {q for q in asked if _RESPONSIBLE.match(q)}
        rest = asked - acts - _ASKING
        task = set(analyze(texts[i], detect(texts[i])))
        # the question's words in the task sentence, by their first letters ("подготовку" / "Подготовить"); the one
        # naming who answers ("Какое ведомство") and a stem the stemmer cut otherwise ("перечня" / "перечень") miss
        if acts and rest and 2 * sum(_in(q, task) for q in rest) >= len(rest):
            return j
    return None


# the words that ask, or say, who answers for a task: across parts of speech, which share no five letters
# ("отвечает" / "Ответственный")
_RESPONSIBLE = re.compile(r"respons|in\s+charge|ответствен|отвеча", re.I)


def _names_someone(wants: str | None, value: str) -> bool:
    """Whether a label's value names a person or a body (a capital), for a question asking who or which body."""
    return wants in ("person", None) and bool(re.search(r"\b[A-ZА-ЯЁ]", value))


def _stems(text: str) -> set[str]:
    return set(analyze(text, detect(text))) | set(YEAR_RE.findall(text))
