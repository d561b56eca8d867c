"""Photo credits and photo captions: what a scraped page kept from under its pictures.

Neither is part of the story, so neither may be an answer or a title. The rules are about form:

* a *photo credit* is a short line that is only a credit: "Photo: OSCE/Jane Doe", "Photo by
  John Smith", "Photo credit: UNODC", "© WCO 2024", "(Photo: Reuters)", "Фото: пресс-служба".
  A sentence that mentions a photo ("Photos of the seized drugs were shown to the press.") is
  none: a credit names its author in a few words and ends without a full stop;
* a *caption* is a line with a caption cue at its start ("(L-R)", "Pictured:", "From left:",
  "Caption:"), or a short line that ends with a credit ("Officers at the checkpoint. Photo:
  OSCE"), or a title-like line (no closing full stop) next to a credit, or an extra title-like
  line in an item's header that a run of bare names follows (the people in the picture, or who
  took it). The neighbour rules live in ``paragraphs``; this module holds the line tests.
"""

from __future__ import annotations

import re

_CREDIT_MAX = 100  # characters: a credit line is short
_CREDIT_WHO_WORDS = 8  # "OSCE/Chyngyz Zhanybekov", "John Smith / Reuters"
_CAPTION_MAX_WORDS = 60
_CAPTION_MAX_CHARS = 500
_PHOTO = r"(?:photo(?:graph)?s?|pictures?|images?|foto|фото(?:графия)?)"
# "Photo:", "Photo by", "Photo credit:", "Photo courtesy of", "Image ©", "Credit:", "©", "(c)".
_CREDIT_LEAD = (
    rf"(?:{_PHOTO}\s*(?:credits?\s*:?|courtesy(?:\s+of)?\s*:?|©|:|\bby\b)"
    r"|credits?\s*:|courtesy\s+of\b|©|\(c\)(?=\s)|copyright\s*©)"
)
_CREDIT_RE = re.compile(rf"\(?\s*{_CREDIT_LEAD}\s*(?P<who>[^()]*?)\s*\)?", re.IGNORECASE)
# "Copyright 2024 OSCE", "© 2024 UNODC. All rights reserved." are chrome the furniture rules
# already drop; here a bare "Copyright" needs a year after it to be one.
_COPYRIGHT_YEAR_RE = re.compile(r"copyright\s+(?:©\s*)?(?:19|20)\d\d\b.{0,60}", re.IGNORECASE)
# A credit at the end of a line: " Photo: OSCE", " (Photo: OSCE/Jane Doe)", " | © UNODC".
_TRAILING_CREDIT_RE = re.compile(
    rf"(?:^|[\s.|/—–-])\(?\s*{_CREDIT_LEAD}\s*[^()]{{1,60}}?\)?\s*$", re.IGNORECASE
)
_CAPTION_CUE_RE = re.compile(
    r"\(?\s*(?:[LR]\s*(?:-|–|to)\s*[RL])\s*[):,]"  # "(L-R)", "L-R:", "(R to L)"
    r"|(?:from\s+)?(?:left|right)\s+to\s+(?:right|left)\s*[:,]"
    r"|from\s+(?:left|right)\s*[:,]"
    r"|pictured(?:\s+(?:above|below|here|left|right))?\s*:"
    r"|(?:photo\s+)?caption\s*:"
    r"|in\s+the\s+(?:photo|picture|image)\s*:"
    r"|на\s+фото(?:графии)?\s*:?",
    re.IGNORECASE,
)
_UPPER_START_RE = re.compile(r"[\"'“‘«(]?[A-ZА-ЯЁ0-9]")


def _who_is_short(who: str) -> bool:
    """The author part of a credit: a few words, and not a sentence (no closing full stop
    after a lower-case word: "Photo by photo, the analysts rebuilt the route." is a sentence)."""
    words = who.split()
    if not words or len(words) > _CREDIT_WHO_WORDS:
        return False
    if re.search(r"[a-zа-яё]{3,}\.$", who) and not who.lower().endswith((" ltd.", " inc.", " co.")):
        return False
    return True


def is_photo_credit(line: str) -> bool:
    """Is the whole line a photo credit ("Photo: OSCE/Jane Doe", "© UNODC")?"""
    line = line.strip()
    if not line or len(line) > _CREDIT_MAX:
        return False
    if _COPYRIGHT_YEAR_RE.fullmatch(line):
        return True
    m = _CREDIT_RE.fullmatch(line)
    if not m:
        return False
    who = m.group("who")
    # "Photo by X" names someone: a capital letter (or a digit) comes first ("Photo by photo,
    # ..." is prose); after a colon or "courtesy of" any few words do ("Фото: пресс-служба").
    by_form = re.search(r"\bby\s*$", line[: m.start("who")], re.IGNORECASE) is not None
    return _who_is_short(who) and (not by_form or bool(_UPPER_START_RE.match(who)))


def ends_with_credit(line: str) -> bool:
    """A line of caption text that ends with its picture's credit: "... checkpoint. Photo: OSCE"."""
    line = line.strip()
    if len(line) > _CAPTION_MAX_CHARS or len(line.split()) > _CAPTION_MAX_WORDS:
        return False
    tail_at = max(0, len(line) - _CREDIT_MAX)  # a credit is short: only the line's end can hold it
    m = _TRAILING_CREDIT_RE.search(line, tail_at)
    if not m or m.start() == 0:
        return False
    credit = line[m.start() :].strip(" .|/—–-")
    return is_photo_credit(credit)


def has_caption_cue(line: str) -> bool:
    """Does the line open the way captions do ("(L-R) ...", "Pictured: ...", "From left: ...")?"""
    line = line.strip()
    return len(line) <= _CAPTION_MAX_CHARS and len(line.split()) <= _CAPTION_MAX_WORDS and bool(_CAPTION_CUE_RE.match(line))


def is_caption_by_form(line: str) -> bool:
    """A caption recognisable from the line alone: a caption cue, or caption text + its credit."""
    return has_caption_cue(line) or ends_with_credit(line)
