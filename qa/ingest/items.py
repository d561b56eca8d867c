"""Paragraphs -> news items with a title and a date: the general rules that cut a page into stories.

* a run of separator furniture (rating widget, "Read more", pagination ...) after some prose
  ends the current item;
* a headline-like line (short, no closing period) after some prose starts a new item;
* in a page without separators that carries at least ``_MIN_DATED_LEADS`` dated leads
  ("On 28-29 October 2021, ..."), every dated lead starts a new item;
* in any page, a lead that opens with a full date ("3 апреля 2024 г. в Алматы ...", "On 3 April
  2024, ...") or a dateline starts a new item when the item before opened with another date in
  the same way: that page lists dated stories, whatever separators or pictures stand between them.

An item's title is its heading or headline, else a headline made from its lead
(``headlines.lead_title``). Headlines and datelines name and date the item but are not among its
blocks, so they are never answer sentences, and a dateline that opens the lead ("ALMATY, 12
October 2022 —") is left out of the lead's block. The item's span starts at its first block, as
the answer step expects (it tells a news lead by ``sentence.start == item.start``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qa.ingest.dates import find_date
from qa.ingest.datelines import reference_date
from qa.ingest.messages import messages_dated
from qa.ingest.transcripts import transcript_dated
from qa.ingest.document import Block, Item
from qa.ingest.headlines import lead_title
from qa.ingest.labels import is_publication_line, label_of, published_date
from qa.ingest.letters import letter_parts, subject_line
from qa.ingest.paragraphs import (
    _DATELINE, _FURNITURE, _HEADING, _HEADLINE, _NAME, _PROSE, Para, classify, lines,
)  # fmt: skip

_MIN_DATED_LEADS = 3  # fewer dated leads than this look like one article that mentions dates
_MIN_LEAD_WORDS = 8  # a dated line shorter than this ("3 April 2024 in Almaty.") is too short for a lead



@dataclass
class _Draft:
    paras: list[Para] = field(default_factory=list)
    title: str | None = None
    has_prose: bool = False
    has_dated_lead: bool = False
    story_date: str | None = None  # the date the item opens with: a date line, its lead's dateline or first words
    head: bool = True  # all its prose so far is a title's or label's lines, no sentence


def _story_date(p: Para) -> str | None:
    """The date a prose paragraph opens a story with: its dateline's, else its first words'."""
    return p.dateline_date or p.opening_date


def _opens_next_story(p: Para, kind: str, cur: _Draft, text: str) -> bool:
    """Does this paragraph open a story of its own after ``cur``: both open with their date (a
    dateline or a full date as first words), the dates differ, and this one is a lead's length?"""
    date = _story_date(p) if kind == _PROSE else None
    if date is None or cur.story_date is None or date == cur.story_date:
        return False
    return len(text[p.text_start : p.end].split()) >= _MIN_LEAD_WORDS


def _assemble(text: str, paras: list[Para], split_on_dates: bool) -> tuple[list[_Draft], int]:
    """Group paragraphs into item drafts; also returns how many splits separators caused."""
    drafts = [_Draft()]
    separator_splits = 0
    pending_separator = False
    prev_kind = None
    for i, p in enumerate(paras):
        cur = drafts[-1]
        if p.kind == _FURNITURE:
            pending_separator |= p.separates and cur.has_prose
            prev_kind = p.kind
            continue
        kind = p.kind
        if kind == _NAME:
            next_kind = paras[i + 1].kind if i + 1 < len(paras) else None
            if not cur.has_prose or _NAME in (prev_kind, next_kind):
                prev_kind = kind
                continue  # caption names / bylines before the body
            kind = _PROSE  # a short capitalised line inside an article: keep it
        if kind in (_DATELINE, _HEADLINE) and _stays_in_item(text[p.start : p.end], kind, cur):
            kind = _PROSE  # "Venue: Aktau" among an announcement's lines is its fact, not a new story's headline
        elif kind == _DATELINE and not cur.has_prose and (cur.title is not None or cur.paras and cur.paras[-1].kind
                                                           == _HEADLINE) and is_publication_line(text[p.start : p.end]):
            # "Released: 3 September 2024" under a report's title dates it (_published) and is a fact of it: "When was
            # the bulletin released?" is answered by it
            kind = _PROSE
        starts_item = cur.has_prose and (
            pending_separator
            or kind in (_DATELINE, _HEADLINE)
            or (kind == _HEADING and p.level <= 2)
            # Prose before the first dated lead is that item's preamble, not an item of its own. A story its dateline
            # opened ("ALMATY, 14 November 2023 — …") goes on past a paragraph that dates a detail of it ("The
            # operation ran from 2 to 27 October 2023 …"): only one opening with its own date, dateline or headline
            # opens the next
            or (split_on_dates and p.dated_lead and (cur.has_dated_lead or len(drafts) > 1)
                and not (p.body is None and p.opening_date is None and any(q.body is not None for q in cur.paras)))
            or _opens_next_story(p, kind, cur, text)
        )
        if starts_item:
            separator_splits += pending_separator
            drafts.append(_Draft())
            cur = drafts[-1]
        pending_separator = False
        if kind == _HEADING:
            cur.title = cur.title or p.title
        else:
            cur.paras.append(
                Para(
                    p.start, p.end, kind, dated_lead=p.dated_lead, body=p.body, dateline_date=p.dateline_date,
                    opening_date=p.opening_date,
                )
            )
        if kind == _DATELINE and not cur.has_prose:
            cur.story_date = cur.story_date or find_date(text[p.start : p.end])
        if kind == _PROSE and not cur.has_prose:
            cur.story_date = cur.story_date or _story_date(p)
        cur.has_prose |= kind == _PROSE
        if kind == _PROSE:
            line = text[p.start : p.end].rstrip()
            cur.head &= label_of(line) is not None or not line.endswith((".", "!", "?", "…"))
        cur.has_dated_lead |= p.dated_lead
        prev_kind = kind
    return drafts, separator_splits


def _stays_in_item(line: str, kind: str, cur: _Draft) -> bool:
    """Whether a label line the paragraph rules took for a headline or a date line is a fact of the item it stands
    in: a label line is never a headline ("Reporting period: 1 January – 30 June 2024"); one that holds a date is
    a fact of the item after its prose has begun ("Dates: 9–13 June 2025"), and a publication line only among a
    report's head lines (its wrapped title, "Отчётный период: …"): after a story's prose, "Published: 20 May 2024"
    opens the next story of a news page."""
    if label_of(line) is None:
        return False
    if kind == _HEADLINE:
        return True
    return cur.has_prose and (cur.head or not is_publication_line(line))


def _letter(text: str, paras: list[Para]) -> list[_Draft] | None:
    """The one item of a letter (qa.ingest.letters), or None when the text is none: every line is its prose (page
    furniture before the salutation aside), save its place-and-date line (which dates it) and its subject line (which
    titles it; without one, its letterhead does, as any item's first line)."""
    parts = letter_parts(text, paras)
    if parts is None:
        return None
    hello, _ = parts
    subject = subject_line(text, paras, hello)
    draft = _Draft(has_prose=True)
    if subject is not None:
        draft.title = " ".join(text[paras[subject].start:paras[subject].end].split(":", 1)[1].split())
    dated = [p for p in paras if p.kind == _DATELINE]
    kept = [Para(p.start, p.end, _PROSE) for i, p in enumerate(paras)
            if i != subject and p.kind != _DATELINE and (p.kind != _FURNITURE or i > hello)]
    draft.paras = dated + kept  # the date line first: _finish reads the lines before the first prose as the header
    return [draft]


def _merge_proseless(drafts: list[_Draft]) -> list[_Draft]:
    """A draft without prose (a stray dateline or headline) joins the item before it."""
    out: list[_Draft] = []
    for d in drafts:
        if not d.paras:
            continue
        if not d.has_prose and out:
            out[-1].paras.extend(d.paras)
            continue
        out.append(d)
    return out


def _finish(text: str, drafts: list[_Draft]) -> tuple[list[Item], list[str]]:
    """The items, and for each whether it states its date at its start: "top" (a date line, a dateline, a dated
    heading or title, a lead that opens with its date), "lead" (a date early in its lead's first sentence: "Nominations
    must be sent by 10 March 2025."), or "" (only somewhere in its text, or nowhere)."""
    items: list[Item] = []
    stated: list[str] = []
    for d in drafts:
        # Datelines and headlines name and date the item; they are not sentences of it.
        blocks = [Block(p.text_start, p.end) for p in d.paras if p.kind not in (_DATELINE, _HEADLINE)]
        if not blocks:
            continue
        header = []  # datelines and headlines before the first prose paragraph
        lead = None
        for p in d.paras:
            if p.kind == _PROSE:
                lead = p
                break
            header.append(p)
        lead_text = text[lead.text_start : lead.end] if lead is not None else ""
        title = d.title
        if title is None:
            headlines = [text[p.start : p.end] for p in header if p.kind == _HEADLINE]
            title = " ".join(headlines[0].split()) if headlines else None
        if title is None:
            title = lead_title(lead_text or text[blocks[0].start : blocks[0].end])
        date = None
        # The story's own date lines and its lead's dateline date it before a date its headline names ("… in
        # 2023 году" / "Алматы, 25 января 2024 г."), and the text's dates only after all of them.
        dated = [text[p.start : p.end] for p in header if p.kind == _DATELINE]
        dated.append(lead.dateline_date or "" if lead is not None else "")
        sources = dated + [text[p.start : p.end] for p in header if p.kind != _DATELINE] + [d.title or ""]
        own = len(sources)
        sources.append(lead_text[:2000])
        found = next((i for i, source in enumerate(sources) if source and (date := find_date(source))), None)
        if (published := _published(text, d.paras)) is not None:
            date, found = published, 0  # a report dates by the day it came out, not by its period's first day
        if found is None and (date := _reference_date(text, d.paras)) is not None:
            found = 0  # stated at its top: a letter's "Исх. № 02-14/387 от 12 ноября 2025 г." under its letterhead
        if found is not None and (found < own or lead is not None and lead.opening_date is not None):
            stated.append("top")
        else:
            stated.append("lead" if found is not None and lead is not None and lead.dated_lead else "")
        items.append(Item(len(items), title, date, blocks[0].start, blocks[-1].end, blocks))
    return items, stated


_PUBLISHED_PARAS = 6  # a "Published:" line stands under a document's title, among its first lines


def _published(text: str, paras: list[Para]) -> str | None:
    """The date of a publication line among an item's first paragraphs ("Дата публикации: 15 марта 2024 г.")."""
    return published_date([text[p.start : p.end] for p in paras[:_PUBLISHED_PARAS]])


_REFERENCE_PARAS = 4  # a letter's reference and date stand among its first paragraphs (letterhead, addressee)


def _reference_date(text: str, paras: list[Para]) -> str | None:
    """The date of a letter's reference line among an item's first paragraphs (datelines.reference_date), when its
    lead states none: the letterhead above it is no dated lead."""
    for p in paras[:_REFERENCE_PARAS]:
        if (date := reference_date(text[p.start : p.end])) is not None:
            return date
    return None


def _sections_dated(items: list[Item], stated: list[str]) -> bool:
    """Date the sections of one document by the date stated at its top (in place); whether the file is one.

    A file whose first item states its date (to the month or day) and whose later items state none of their own is
    one document in parts (a note's headed sections, a speech broken by "[Applause]", a transcript broken by its
    speakers' questions), not a list of stories: a later part that names no day in its text ("The crossing reopened
    in 2024 ...") carries the document's date, not the year of a past event it mentions, nor none; nor does a part
    take a day after the document's own ("from 1 March 2026 senders will have to …" said on 4 December 2025): what a
    text says of a later day is a plan or a deadline, not when it was said. A part whose text names an earlier day
    keeps it (a story of its own that dates its event in its lead), as does every part of a file where some later
    item states its date at its top, or early in its lead a day not after the document's (a lead's later day is a
    deadline: "## Nominations / Nominations must be sent by 10 March 2025.")."""
    first = items[0].date if items else None
    if len(items) < 2 or not stated[0] or first is None or len(first) < 7:
        return False
    if any(s == "top" or s == "lead" and not (item.date and _later(item.date, first))
           for item, s in zip(items[1:], stated[1:])):
        return False
    for item in items[1:]:
        if item.date is None or len(item.date) == 4 or _later(item.date, first):
            item.date = first
    return True


def _later(date: str, than: str) -> bool:
    """Whether the ISO `date` begins after the whole period the ISO `than` names."""
    return (date + "-01-01"[len(date) - 4:]) > (than + "-12-31"[len(than) - 4:])


def parse_parts(text: str, *, markdown: bool = False) -> tuple[list[Item], bool]:
    """parse_text(), and whether the file is one document in parts (a transcript, a note's sections, an e-mail
    thread) rather than a list of stories: such a file is named by its own first part (qa.ingest.files)."""
    paras = classify(text, lines(text), markdown)
    if (letter := _letter(text, paras)) is not None:
        items, _ = _finish(text, letter)
        return items, False
    drafts, separator_splits = _assemble(text, paras, split_on_dates=False)
    # Pages with no separators may still list several stories, each opening with its date.
    if separator_splits == 0 and sum(p.dated_lead for p in paras) >= _MIN_DATED_LEADS:
        drafts, _ = _assemble(text, paras, split_on_dates=True)
    items, stated = _finish(text, _merge_proseless(drafts))
    # a thread's messages are dated by their headers, not by what they plan (qa.ingest.messages)
    # a transcript's turns by its head's date (qa.ingest.transcripts)
    whole = (messages_dated(text, items) or transcript_dated(text, items, bool(stated and stated[0]))
             or _sections_dated(items, stated))
    return items, whole and len(items) > 1


def parse_text(text: str, *, markdown: bool = False) -> list[Item]:
    """The pure part: furniture removal + item splitting + titles + dates over decoded text.

    With ``markdown=True``, ``#`` headings become item titles (not blocks) and ``#``/``##``
    headings after some prose start a new item.
    """
    return parse_parts(text, markdown=markdown)[0]
