"""The minutes of the gathering a field question names, read beyond the passages retrieved.

The field, attendee and decision rules (qa.answer.fields, attendees, decisions) read the candidates: the sentences
of the passages retrieved. A minutes' "Venue:" line shares no word with "Where was the workshop on controlled
deliveries held?", and its attendee list none with "Who attended for UNODC?": retrieval brought the decisions
("2. Hold the next workshop in Dushanbe …") and news items, and no rule saw the line that answers. For a question
that asks one of those things of a gathering, the documents whose own head names it (their title, and the date and
place their field lines give: qa.answer.heads.Heads.doc_title, read against the question as the field rule reads
a line's titles) are read for the passages that hold what is asked — a line labelled as the asked field, an
attendee list that names the party, a decisions section — and those passages follow the retrieved ones. Only a
few: when more than MAX_DOCS documents would give them, the question names no one gathering, and nothing is added.
A question about the last gathering of a series ("the last meeting of the Council") reads the newest of those
minutes only (Heads.recency).

Cheap by construction: a question that asks none of these reads nothing (the question's patterns only); one that
does reads the titles of the index's items (in memory), the heads of the documents whose titles name the asked
kind of gathering or its names, and the chunks of those that name it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from qa.answer.attendees import Party, asked_party, asks_attendance, gathering_asked, is_attendance_heading, names_party
from qa.answer.decisions import asks_decided, is_decisions_heading
from qa.answer.events import gatherings
from qa.answer.fields import asked_field, asks_latest, labelled, names_its_gathering, question_names
from qa.answer.heads import Heads
from qa.contracts import ChunkRow, ItemInfo, Passage
from qa.lang import analyze, detect
from qa.store import Index

# more documents than this giving what is asked: the question names no one gathering's minutes
MAX_DOCS = 3
# at most this many passages are added, and at most this many documents' heads are read
MAX_CHUNKS = 6
MAX_HEADS = 20


@dataclass(frozen=True)
class Asked:
    """What a question asks of a gathering's minutes: whether a line (with its item, and whether it opens the
    item) is what is asked, and whether a document's title and own setting name the gathering."""

    line: Callable[[str, ItemInfo, bool], bool]
    names: Callable[[str], bool]
    party: Party | None = None


def asked_of_minutes(question: str) -> Asked | None:
    """What the question asks of a gathering's minutes (a field, who stood for a party, what was decided), or
    None when it asks none of these."""
    kind = asked_field(question)
    if kind is not None:
        return Asked(lambda line, item, opens: labelled(kind, line, item.title if opens else None),
                     lambda title: names_its_gathering(question, title))
    if asks_decided(question):
        return Asked(lambda line, item, opens: is_decisions_heading(item.title) or is_decisions_heading(line),
                     lambda title: names_its_gathering(question, title))
    party = asked_party(question)
    if party is not None and asks_attendance(question):
        return Asked(lambda line, item, opens: is_attendance_heading(item.title) or is_attendance_heading(line),
                     lambda title: names_its_gathering(gathering_asked(party, title), title), party)
    return None


@functools.lru_cache(maxsize=16384)
def _title_terms(title: str) -> tuple[frozenset[str], frozenset[str]]:
    """The gatherings a title names and its terms (cached: an index's titles are read for every such question)."""
    return frozenset(gatherings(title)), frozenset(analyze(title, detect(title)))


def _may_name(question: str) -> Callable[[ItemInfo], bool]:
    """Whether a document's first item's titles may name the question's gathering: its kind, else every name of
    the question (read before its head is: most documents are news, named otherwise)."""
    asked = frozenset(gatherings(question))
    names = [frozenset(analyze(n, detect(n))) for n in question_names(question)]

    def may(item: ItemInfo) -> bool:
        kinds, terms = _title_terms(f"{item.doc_title or ''} {item.title}")
        if asked:
            return bool(asked & kinds)
        return bool(names) and all(n <= terms for n in names)

    return may


def _wanted(asked: Asked, chunk: ChunkRow, item: ItemInfo | None) -> bool:
    """Whether a chunk holds a line of what is asked (and, for a party, names it)."""
    if item is None:
        return False
    if asked.party is not None and not names_party(asked.party, chunk.text):
        return False
    opens = chunk.start <= item.start
    first = True
    for line in chunk.text.splitlines():
        if not line.strip():
            continue
        if asked.line(line, item, opens and first):
            return True
        first = False
    # an attendee list or decisions under their section's heading: every line of the section is what is asked
    return asked.line("", item, False)


def minutes_passages(index: Index, query_vector: np.ndarray, terms: list[str], passages: list[Passage],
                     question: str, mask: np.ndarray | None = None) -> list[Passage]:
    """`passages`, and after them the passages of the asked gathering's minutes that hold what the question asks
    (a field line, an attendee list naming the party, the decisions), when retrieval did not bring them."""
    asked = asked_of_minutes(question)
    if asked is None:
        return passages
    retrieved = list(dict.fromkeys(p.doc for p in passages))
    firsts = {item.doc: item for item in index.items() if item.index == 0}
    docs = [d for d in dict.fromkeys([*retrieved, *firsts]) if d in firsts]
    # a party's list may be under any heading of any document: the retrieved ones, and those with an attendee
    # section; a field's or decision's minutes are named by their head
    if asked.party is not None and not gatherings(question):
        listed = {item.doc for item in index.items() if is_attendance_heading(item.title)}
        docs = [d for d in docs if d in retrieved or d in listed]
    else:
        may = _may_name(question)
        docs = [d for d in docs if may(firsts[d])]
    heads = Heads(index)
    named = [d for d in docs[:MAX_HEADS] if asked.names(heads.doc_title(d))]
    found: dict[str, list[int]] = {}
    for doc in named:
        ids = [i for i in index.chunk_ids_in(doc) if mask is None or mask[i]]
        held = [c.id for c in index.chunks(ids) if _wanted(asked, c, index.item(doc, c.item))]
        if held:
            found[doc] = held
    if asks_latest(question) and found:
        newest = max(found, key=heads.recency)
        found = {newest: found[newest]}
    if not found or len(found) > MAX_DOCS:
        return passages
    taken = {p.chunk.id for p in passages}
    ids = [i for held in found.values() for i in held if i not in taken][:MAX_CHUNKS]
    return [*passages, *_scored(index, query_vector, terms, passages, ids, mask)] if ids else passages


def _scored(index: Index, query_vector: np.ndarray, terms: list[str], passages: list[Passage], ids: list[int],
            mask: np.ndarray | None) -> list[Passage]:
    """The chunks `ids` as passages after `passages`, scored as retrieval scores them, their BM25 read against the
    best of the retrieved ones (as if retrieved with them)."""
    from qa.retrieve import DENSE_WEIGHT, retrieve  # here: qa.retrieve loads qa.answer

    only = np.zeros(index.size, dtype=bool)
    only[ids] = True
    added = retrieve(index, query_vector, terms, len(ids), len(ids), only)
    best = max((p.bm25 for p in [*passages, *added]), default=0.0) or 1.0
    out = []
    for p in added:
        lexical = p.bm25 / best
        out.append(replace(p, rank=len(passages) + len(out) + 1, lexical=lexical,
                           score=p.score - (1 - DENSE_WEIGHT) * (p.lexical - lexical)))
    return out
