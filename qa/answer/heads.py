"""What the heads of a document and of its sections say of the gathering a line belongs to (qa.answer.fields).

Minutes give their own gathering's title, date and place at their head ("Regional Workshop on Controlled
Deliveries" / "Date: 12-13 September 2023" / "Venue: Orion Hotel, Bishkek"), and a Word section (a stored item) is
headed by what it holds ("Participants"). The field and attendee rules read a candidate line against them: the
gathering its document and section name (`title`), the label its section's heading is when the line opens the
section (`heading`), and where its document's own gathering was held (`place`, for the place rule:
qa.answer.events.misplaced).
"""

from __future__ import annotations

from qa.answer.events import question_ordinals
from qa.answer.fields import HEAD_CHARS, field_of, own_place, own_setting
from qa.store import Index, SentenceRow


class Heads:
    """The heads of the documents and sections of an index, each read once (one question's candidates)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._heads: dict[tuple[str, int], str] = {}

    def _head(self, doc: str, item: int) -> str:
        """The first HEAD_CHARS characters of an item's text ("" when it is not known)."""
        key = (doc, item)
        if key not in self._heads:
            info = self.index.item(doc, item)
            text = None if info is None else self.index.document_slice(
                doc, info.start, min(info.end, info.start + HEAD_CHARS))
            self._heads[key] = text or ""
        return self._heads[key]

    def _heads_of(self, row: SentenceRow) -> list[str]:
        """The head of the row's document (its first item) and, when another, of its own section."""
        return [self._head(row.doc, 0)] + ([self._head(row.doc, row.item)] if row.item != 0 else [])

    def title(self, row: SentenceRow) -> str:
        """The titles of a line's document and item, and the date and place their own field lines give: what names
        the gathering a field or list belongs to."""
        item = self.index.item(row.doc, row.item)
        if item is None:
            return ""
        setting = " ".join(s for head in self._heads_of(row) if (s := own_setting(head)))
        # the item's date too: a year the question names ("the 2022 workshop") is read from it (fields)
        return " ".join(x for x in (item.doc_title or "", item.title, setting, item.date or "") if x)

    def head_lines(self, row: SentenceRow) -> str:
        """The lines atop the row's document and its own section to their first sentence: what they say of themselves
        under their titles ("Prepared by the Analytical Department of CARICC", "Reporting period: …", "This bulletin
        covers the second quarter of 2024.")."""
        out = []
        for head in self._heads_of(row):
            for line in head.splitlines():
                out.append(line)
                if line.rstrip().endswith((".", "!", "?")) and field_of(line) is None:
                    break
        return " ".join(out)

    def doc_title(self, doc: str) -> str:
        """What names the gathering a whole document records: its title, its first item's, and the date and place
        its head's field lines give."""
        item = self.index.item(doc, 0)
        if item is None:
            return ""
        return " ".join(x for x in (item.doc_title or "", item.title, own_setting(self._head(doc, 0)),
                                    item.date or "") if x)

    def has_fields(self, doc: str) -> bool:
        """Whether a document's head gives its own gathering's date or place on field lines (minutes, a notice)."""
        return bool(own_setting(self._head(doc, 0)))

    def recency(self, doc: str) -> tuple[str, int]:
        """How recent a document's gathering is, to tell the last of a series: its first item's date (ISO), then the
        highest ordinal its title gives ("the 14th meeting")."""
        item = self.index.item(doc, 0)
        if item is None:
            return "", 0
        ordinals = [int(o) for o in question_ordinals(f"{item.doc_title or ''} {item.title}", synonyms=True)
                    if o.isdigit()]
        return item.date or "", max(ordinals, default=0)

    def heading(self, row: SentenceRow) -> str | None:
        """The title of the line's section when the line opens it (only blanks before it in the section), else
        None: a heading that is a label ("Participants") has that line as its value."""
        item = self.index.item(row.doc, row.item)
        if item is None or row.start - item.start >= HEAD_CHARS:
            return None
        head = self._head(row.doc, row.item)
        return item.title if not head[:max(0, row.start - item.start)].strip() else None

    def place(self, row: SentenceRow) -> str:
        """Where the field lines of the line's document and section say their gathering was held ("Orion Hotel,
        Bishkek, Kyrgyzstan"), "" when they say nothing."""
        return " ".join(p for head in self._heads_of(row) if (p := own_place(head)))
