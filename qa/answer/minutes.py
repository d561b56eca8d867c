"""The lines of a gathering's minutes that answer what the question asks of it, put first among the candidates.

A field line stating when or where the gathering was held ("Date: 21 September 2023"), the line of its attendee list
that names the party asked about, the first of its decisions: the rules of qa.answer.fields, attendees and
decisions, read against each candidate's heads (qa.answer.heads: the titles, own date and place that name the
gathering). And where a document says its own gathering was held, which the evidence's place rule reads
(events.misplaced). Both run in qa.answer.pick.pick_answer.
"""

from __future__ import annotations

from qa.answer.attendees import LOOK_BACK, list_heading, party_candidate
from qa.answer.decisions import LOOK_BACK as DECISIONS_LOOK_BACK
from qa.answer.decisions import asks_decided, decision_candidate, decisions_heading, is_field_line
from qa.answer.events import asked_places, gatherings
from qa.answer.features import Candidate, swap
from qa.answer.fields import asked_field, asks_latest, field_candidate, field_of
from qa.answer.heads import Heads
from qa.answer.labelled import label_after, label_candidate
from qa.store import Index, SentenceRow


def prefer_field(question: str, ranked: list[Candidate], heads: Heads) -> tuple[list[Candidate], bool]:
    """ranked with the field line that states when or where the question's gathering was held first
    (qa.answer.fields: "Date: 21 September 2023" in the minutes of that meeting), or the line of its attendee list
    that names the party the question asks about (qa.answer.attendees: "Who attended for Turkmenistan?"), or the
    first of its decisions when it asks what was decided (qa.answer.decisions), and whether there is one: its
    document names the gathering, so the gate, fitted on prose, does not decide. A line is read against its
    document's and section's heads (qa.answer.heads): their titles and own date and place name the gathering, and a
    heading that is a label ("Participants") has its section's first line as value. A question about the last
    gathering of a series reads the newest of the documents that name it only (fields.asks_latest)."""
    texts = [c.text for c in ranked]
    if asks_decided(question):
        return _prefer_decision(question, ranked, heads, _titles(question, ranked, heads))
    if asked_field(question) is None:
        # the titles are read only for the lines on an attendee list (most questions have none)
        latest = _titles(question, ranked, heads) if asks_latest(question) else None
        i = party_candidate(question, texts, lambda j: _attendee_list(
            ranked[j].sentence, heads, heads.title(ranked[j].sentence) if latest is None else latest[j]))
        # a document's label lines, not a table's rows read with their header ("Квартал: II квартал; 905 кг …")
        lines = ["" if c.reading is not None else c.text for c in ranked]
        if i is None and any(field_of(t) for t in lines):
            i = label_candidate(question, lines, [c.features.get("typed", 0.0) for c in ranked],
                                lambda j: heads.title(ranked[j].sentence),
                                lambda j: heads.head_lines(ranked[j].sentence),
                                lambda j: heads.doc_title(ranked[j].sentence.doc))
            if i is None:
                i = label_after(question, lines, [(c.sentence.doc, c.sentence.item, c.sentence.id) for c in ranked])
        return (ranked, False) if i is None else ((ranked if i == 0 else swap(ranked, i)), True)
    titles = _titles(question, ranked, heads)
    headings = [heads.heading(c.sentence) for c in ranked]
    i = field_candidate(question, texts, titles, [c.features.get("typed", 0.0) for c in ranked], headings)
    if i is None:
        return ranked, False
    return (ranked if i == 0 else swap(ranked, i)), True


def _titles(question: str, ranked: list[Candidate], heads: Heads) -> list[str]:
    """What names the gathering each candidate belongs to (Heads.title); for a question about the last gathering
    of a series, nothing for those of every document but the newest of its records (the documents whose titles
    name the kind of gathering asked and whose heads give its own date or place: minutes, not news of it), so that
    only its lines answer."""
    titles = [heads.title(c.sentence) for c in ranked]
    if not asks_latest(question):
        return titles
    asked = gatherings(question)
    docs = {c.sentence.doc for c, title in zip(ranked, titles)
            if (not asked or asked & gatherings(title)) and heads.has_fields(c.sentence.doc)}
    if len(docs) < 2:
        return titles
    newest = max(docs, key=heads.recency)
    return [title if c.sentence.doc == newest else "" for c, title in zip(ranked, titles)]


def _prefer_decision(question: str, ranked: list[Candidate], heads: Heads,
                     titles: list[str]) -> tuple[list[Candidate], bool]:
    """ranked with the first decision of the gathering the question names first, and whether there is one; with
    none, a field line ("Venue: …") is not the best candidate: it says where, not what was decided."""
    headings = [_decisions_of(c.sentence, heads) for c in ranked]
    order = [(c.sentence.doc, c.sentence.item, c.sentence.start) for c in ranked]
    i = decision_candidate(question, [c.text for c in ranked], headings, titles, order)
    if i is not None:
        return (ranked if i == 0 else swap(ranked, i)), True
    if is_field_line(ranked[0].text):
        j = next((j for j, c in enumerate(ranked) if not is_field_line(c.text)), None)
        return (ranked if j is None else swap(ranked, j)), False
    return ranked, False


def _lines_before(row: SentenceRow, index: Index, n: int) -> list[str]:
    """The texts of up to n sentences before a sentence in its item, nearest first."""
    first = max(0, row.id - n)
    before = []
    for r in reversed(index.sentences(first, row.id - first) if row.id > first else []):
        if (r.doc, r.item) != (row.doc, row.item):
            break
        before.append(r.text)
    return before


def _decisions_of(row: SentenceRow, heads: Heads) -> str | None:
    """The heading of the decisions a sentence is a line of, else None (qa.answer.decisions.decisions_heading)."""
    item = heads.index.item(row.doc, row.item)
    return decisions_heading(row.text, _lines_before(row, heads.index, DECISIONS_LOOK_BACK),
                             item.title if item else "")


def _attendee_list(row: SentenceRow, heads: Heads, title: str) -> tuple[tuple[str, int, str], str] | None:
    """The attendee list a sentence is a line of ((its document, item and heading), the gathering's title), else
    None: its heading is read back over the lines before it in its item (qa.answer.attendees.list_heading)."""
    item = heads.index.item(row.doc, row.item)
    heading = list_heading(row.text, _lines_before(row, heads.index, LOOK_BACK), item.title if item else "")
    return None if heading is None else ((row.doc, row.item, heading), title)


def held_at(question: str, row: SentenceRow, heads: Heads) -> str:
    """Where the best sentence's document says its own gathering was held ("Venue: Orion Hotel, Bishkek"), when
    its titles name the kind of gathering the question sets in a place (the place rule reads it: events.misplaced);
    else ""."""
    if not asked_places(question):
        return ""
    return heads.place(row) if gatherings(question) & gatherings(heads.title(row)) else ""
