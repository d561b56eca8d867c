"""Label lines: a record's fields written "Label: value" ("Venue: Aktau, Kazakhstan", "Дата подписания: 14 июля
2023 г.", "Participants: 24 officers", "Published: 29 August 2024").

An announcement, a protocol or a report gives its facts so, one field a line, under or among its prose. Such a line
is short and has no closing period, so the paragraph rules took it for a headline (or, holding a date, for a date
line) and started a new item at it: "Место подписания: г. Баткен" became the title of the protocol's next article
and was no answer sentence any more, and "Dates: 9–13 June 2025" cut an announcement in two and was lost with the
datelines. A label line after prose is prose of its item (qa.ingest.items). A label is told by its words, not by
its colon alone: "Kazakhstan: 500 kg of heroin seized" is a headline.

A publication label ("Published:", "Дата публикации:") dates its document: a report published in March 2024 about
2023 is dated by the day it came out, as a news item is, not by its period's first day ("Отчётный период: 1 января
– 31 декабря 2023 г.").
"""

from __future__ import annotations

import re

from qa.ingest.dates import FULL_DATE_RE, find_date
from qa.ingest.readers import CELL_SEPARATOR

# a list's marker before a label line ("- Deadline for applications: 15 July 2025")
LIST_MARKER = r"(?:[-*+•–]\s+)?"
# "Label: value": a label of one to four words, opening with a capital, then a value on the same line (a list's entry
# too)
_LABEL_LINE = re.compile(rf"^\s*{LIST_MARKER}(?P<label>[A-ZА-ЯЁ][^\W\d_]*\.?(?:[\s-]+[^\W\d_]+\.?){{0,3}})\s*:\s*"
                         r"(?P<value>\S.*)$")
# the words a label is made of: what a record's field states (English words whole, Russian stems)
_FIELD_WORDS = frozenset({
    "date", "dates", "time", "venue", "place", "location", "period", "deadline", "participants", "participant",
    "attendance", "attendees", "chair", "chairperson", "chairman", "secretary", "moderator", "rapporteur", "language",
    "languages", "coordinator", "contact", "phone", "tel", "telephone", "email", "mail", "fax", "address",
    "organizer", "organizers", "organiser", "organisers", "responsible", "duration", "format", "budget", "donor",
    "funding", "status", "reference", "signed", "validity", "published", "released", "issued", "audience",
    "eligibility", "fee", "cost", "registration", "subject", "topic", "venues", "host", "hosted", "prepared",
    "author", "authors", "speaker", "speakers", "trainers", "trainer", "edition", "frequency", "amount",
})
_FIELD_STEMS = (
    "дат", "врем", "мест", "период", "срок", "участ", "председател", "секретар", "модератор", "докладчик", "язык",
    "координатор", "контакт", "телефон", "тел", "адрес", "организатор", "ответствен", "продолжительн", "формат",
    "бюджет", "донор", "финансир", "статус", "опубликова", "публикац", "подписан", "действ", "исполнител",
    "составлен", "подготовлен", "тема", "повестк", "получател", "сумм", "тренер", "преподавател", "спикер",
)
# the labels that say when a document came out
_PUBLISHED = re.compile(r"^(?:published|publication\s+date|date\s+of\s+publication|released|issued|posted|"
                        r"опубликовано|дата\s+публикации|дата\s+выпуска|дата\s+издания|издано)$", re.I)


def label_of(line: str) -> str | None:
    """The label of a label line ("Venue: Aktau" -> "venue", "Место подписания: г. Баткен" -> "место подписания"),
    else None: a line that is no "Label: value" or whose label names no field of a record."""
    m = _LABEL_LINE.match(line)
    if m is None or "\n" in line.strip():
        return None
    label = " ".join(m["label"].lower().replace("-", " ").split())
    words = [w.strip(".") for w in label.split()]
    if any(w in _FIELD_WORDS or w.startswith(_FIELD_STEMS) and re.search("[а-яё]", w) for w in words):
        return label
    return None


def is_publication_line(line: str) -> bool:
    """Whether a label line says when its document was published ("Published: 29 August 2024")."""
    label = label_of(line)
    return label is not None and bool(_PUBLISHED.match(label))


# a sentence saying when its document was published: "Prepared by the Unit. Published 30 July 2024."
_PUBLISHED_SENTENCE = re.compile(
    rf"(?:^|[.;]\s+)(?:published|issued|released|posted|опубликовано|издано)(?:\s+on)?\s+(?={FULL_DATE_RE.pattern})",
    re.I)


def published_date(paragraphs: list[str]) -> str | None:
    """The ISO date of the first publication line among a document's head paragraphs, each maybe of several lines, or
    of a sentence in them saying so ("… Published 30 July 2024.")."""
    for para in paragraphs:
        for line in para.splitlines():
            if is_publication_line(line) and (date := find_date(line)) is not None:
                return date
            if m := _PUBLISHED_SENTENCE.search(line):
                return find_date(line[m.end():])
    return None


def is_record(text: str) -> bool:
    """Whether a passage is a record more than prose: half its lines or more a table's row ("| Tajikistan | 342 |",
    "Osgate | 5,100 | 9") or a label line ("Дата подписания: 14 июля 2023 г."), a caption or a note beside them."""
    lines = [line for line in text.splitlines() if line.strip()]
    fields = sum(CELL_SEPARATOR.strip() in line or label_of(line) is not None for line in lines)
    return bool(lines) and 2 * fields >= len(lines)
