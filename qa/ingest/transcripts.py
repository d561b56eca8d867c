"""A transcript: speakers' turns under one date line, whatever later days the speakers name.

"ВЕДУЩИЙ: А что делают сами предприятия?" is short and ends without a full stop, so it reads as a headline and starts
an item, and a turn that opens "СИДОРОВА (…): С 1 марта 2025 года каждое предприятие обязано будет …" reads as a
story dated by its lead. Neither is: a transcript is one event, said on the day its head states, and a day a speaker
names is what they speak of (a deadline, a plan). A text is a transcript when several of its paragraphs open with a
speaker's label: a name or role in capitals, maybe with who they are in brackets, and a colon ("ОЗЕРОВ:", "MR. SMITH
(Chair):", "ВЕДУЩИЙ (Иван Петров, журналист):")."""

from __future__ import annotations

import re

from qa.ingest.document import Item

# a speaker's label at a paragraph's start: one to three words in capitals, maybe "(who they are)", then a colon
_SPEAKER_RE = re.compile(
    r"^[ \t]*(?:[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+(?:[ \t]+[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+){0,2})(?:[ \t]*\([^()\n]{1,160}\))?[ \t]*:",
    re.MULTILINE,
)
_MIN_TURNS = 3


def is_transcript(text: str) -> bool:
    """Whether at least _MIN_TURNS paragraphs of `text` open with a speaker's label, by at least two speakers."""
    speakers = [m.group().split("(")[0].strip(" \t:") for m in _SPEAKER_RE.finditer(text)]
    return len(speakers) >= _MIN_TURNS and len(set(speakers)) >= 2


def transcript_dated(text: str, items: list[Item], first_stated: bool) -> bool:
    """Date every item of a transcript by the date its first item states, to the month or day (in place); False,
    changing nothing, for any other text or one whose head states no such date."""
    first = items[0].date if items else None
    if len(items) < 2 or not first_stated or first is None or len(first) < 7 or not is_transcript(text):
        return False
    for item in items[1:]:
        item.date = first
    return True
