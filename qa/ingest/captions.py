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

The words ("Photo by", "Фото пресс-службы", "На фото:") are each language's, from qa.lang
(``wording``); the forms are the same in every language.
"""

from __future__ import annotations

import functools
import re

from qa.ingest import wording

_CREDIT_MAX = 100  # characters: a credit line is short
_CREDIT_WHO_WORDS = 8  # "OSCE/Chyngyz Zhanybekov", "John Smith / Reuters"
_CAPTION_MAX_WORDS = 60
_CAPTION_MAX_CHARS = 500
# Credit leads that need no language: "©", "(c)", "Copyright ©".
_GENERIC_LEAD = r"©|\(c\)(?=\s)|copyright\s*©"
# A credit at the end of a line: " Photo: OSCE", " (Photo: OSCE/Jane Doe)", " | © UNODC".
_TRAILING = r"(?:^|[\s.|/—–-])\(?\s*(?:{lead})\s*[^()]{{1,60}}?\)?\s*$"
# "Copyright 2024 OSCE", "© 2024 UNODC. All rights reserved." are chrome the furniture rules
# already drop; here a bare "Copyright" needs a year after it to be one.
_COPYRIGHT_YEAR_RE = re.compile(r"copyright\s+(?:©\s*)?(?:19|20)\d\d\b.{0,60}", re.IGNORECASE)
_CONNECTORS = frozenset("/ | & и — – - and".split())  # between the names of a credit


@functools.cache
def _res() -> dict[str, re.Pattern]:
    """The credit and caption patterns, from every language's words (qa.ingest.wording)."""
    f = wording.field
    credit = r"\(?\s*(?:{lead})\s*(?P<who>[^()]*?)\s*\)?"
    leads = wording.either(_GENERIC_LEAD, f("credit_any"), f("credit_named"), f("credit_names"))
    whole_leads = wording.either(f("credit_whole"))
    return {
        "any": re.compile(credit.format(lead=wording.either(_GENERIC_LEAD, f("credit_any"))), re.I),
        "named": re.compile(credit.format(lead=f("credit_named")), re.I),
        "names": re.compile(credit.format(lead=f("credit_names")), re.I),
        # a whole credit, a source may follow: "File photo", "Фото из архива МВД"
        "whole": re.compile(rf"\(?\s*(?:{whole_leads})(?:(?:\s*[:—–-]\s*|\s+)(?P<who>[^()]*?))?\s*\)?", re.I),
        "trailing": re.compile(_TRAILING.format(lead=wording.either(leads, whole_leads)), re.I),
        "cue": re.compile(f("caption_cue"), re.I),
    }


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
    """Is the whole line a photo credit ("Photo: OSCE/Jane Doe", "© UNODC", "Фото пресс-службы МВД")?"""
    line = line.strip()
    if not line or len(line) > _CREDIT_MAX:
        return False
    if _COPYRIGHT_YEAR_RE.fullmatch(line):
        return True
    res = _res()
    if m := res["whole"].fullmatch(line):
        return not m.group("who") or _who_is_short(m.group("who"))
    # After a colon or "courtesy of" any few words name the source ("Фото: пресс-служба"); after
    # "Photo by" the source starts with a capital ("Photo by photo, ..." is prose); after a bare
    # "Фото" every word does ("Фото Ивана Петрова", not "Фото изъятых наркотиков").
    if (m := res["any"].fullmatch(line)) and _who_is_short(m.group("who")):
        return True
    if (m := res["named"].fullmatch(line)) and _who_is_short(m.group("who")):
        return bool(_UPPER_START_RE.match(m.group("who")))
    if (m := res["names"].fullmatch(line)) and _who_is_short(m.group("who")):
        return all(w in _CONNECTORS or _UPPER_START_RE.match(w) for w in m.group("who").split())
    return False


def ends_with_credit(line: str) -> bool:
    """A line of caption text that ends with its picture's credit: "... checkpoint. Photo: OSCE"."""
    line = line.strip()
    if len(line) > _CAPTION_MAX_CHARS or len(line.split()) > _CAPTION_MAX_WORDS:
        return False
    tail_at = max(0, len(line) - _CREDIT_MAX)  # a credit is short: only the line's end can hold it
    m = _res()["trailing"].search(line, tail_at)
    if not m or m.start() == 0:
        return False
    credit = line[m.start() :].strip(" .|/—–-")
    return is_photo_credit(credit)


def has_caption_cue(line: str) -> bool:
    """Does the line open the way captions do ("(L-R) ...", "Pictured: ...", "From left: ...")?"""
    line = line.strip()
    return (len(line) <= _CAPTION_MAX_CHARS and len(line.split()) <= _CAPTION_MAX_WORDS
            and bool(_res()["cue"].match(line)))


def is_caption_by_form(line: str) -> bool:
    """A caption recognisable from the line alone: a caption cue, or caption text + its credit."""
    return has_caption_cue(line) or ends_with_credit(line)
