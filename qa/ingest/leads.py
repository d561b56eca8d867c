"""First sentences, and the "dated lead" test that opens a news item."""

from __future__ import annotations

import re

from qa.ingest.dates import FULL_DATE_RE, find_date

FIRST_SENTENCE_MAX = 400
_LEAD_DATE_WINDOW = 100  # a date this close to the paragraph start is "the lead's date"
CLOSERS = "\"'”’»)]"

_SENTENCE_END_RE = re.compile(r"[.!?…](?=[\"'”’»)\]]*\s+[\"'“‘«(\[]?[A-ZА-ЯЁ0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st no nos gen col lt maj sgt capt rev jr sr inc ltd co corp vs etc "
    "e.g i.e u.s u.k u.n approx art para fig dept govt jan feb mar apr jun jul aug sep sept "
    "oct nov dec g г ул".split()
)
_WORD_BEFORE_RE = re.compile(r"([\w.]+)$")
_INITIALS_RE = re.compile(r"(?:[A-ZА-ЯЁ]\.)*[A-ZА-ЯЁ]")


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (abbreviations and initials like "R.A." do not end it)."""
    head = text[: FIRST_SENTENCE_MAX * 2]
    for m in _SENTENCE_END_RE.finditer(head):
        if m.group() == ".":
            word_m = _WORD_BEFORE_RE.search(head, 0, m.start())
            word = word_m.group(1) if word_m else ""
            # An initial ("R.", "R.A.") or a known abbreviation ("Mr.") does not end a sentence.
            if word.lower() in _ABBREVIATIONS or _INITIALS_RE.fullmatch(word):
                continue
        return head[: m.end()]
    return head


_CONTINUATION_RE = re.compile(
    r"(?:Besides|Also|In addition|Additionally|Furthermore|Moreover|Meanwhile|Looking ahead"
    r"|Similarly|Likewise|However|Then|Later|Subsequently|Next|Finally|Earlier|Previously"
    r"|Following (?:this|that)|After (?:that|this)|At the same time|In turn|As a result"
    r"|Prior to (?:this|that))\b"
)
# A date late in a long first sentence is still the lead's date when the main verb owns it:
# "The meeting of ... was held on October 13, 2021 in Almaty."
_EVENT_VERB_BEFORE_RE = re.compile(
    r"\b(?:held|took place|take place|takes place|met|opened|organi[sz]ed|conducted|hosted"
    r"|launched|started|began|convened|visited|attended|signed)\s+(?:on|from|between)?\s*$"
)



def is_dated_lead(para: str) -> bool:
    """Does the paragraph open with the date of its event (the way a news item starts)?"""
    if _CONTINUATION_RE.match(para):
        return False
    sentence = first_sentence(para[: FIRST_SENTENCE_MAX * 2])[:FIRST_SENTENCE_MAX]
    for m in FULL_DATE_RE.finditer(sentence):
        if m.start() <= _LEAD_DATE_WINDOW:
            return True
        if _EVENT_VERB_BEFORE_RE.search(sentence, max(0, m.start() - 40), m.start()):
            return True
    return False


# A full date as a paragraph's first words, after at most a preposition: "3 апреля 2024 г. в
# Алматы ...", "03.04.2024 ...", "On 3 April 2024, ...", "From 20 to 22 November 2023 ...",
# "С 20 по 22 ноября 2023 года ...". The preposition is matched in any case, the date as written
# (a capital keeps "may" the verb from being a month).
_OPENING_DATE_RE = re.compile(rf"(?i:(?:on|from|between|с|со)\s+)?(?:{FULL_DATE_RE.pattern})")
# A dash or a colon after the date ("3 April 2024: first seizure", "12.03.2024 — ...") makes the
# line an entry of a list of dates, not a sentence that opens with when it happened.
_ENTRY_AFTER_DATE_RE = re.compile(r"(?:\s*(?:г\.|гг\.|года?\b))?\s*(?:[—–:]|-{1,2}\s)")


def opening_date(para: str) -> str | None:
    """The ISO date a paragraph's first sentence opens with ("3 апреля 2024 г. в Алматы ...",
    "On 3 April 2024, ..."), else None; also None for a list entry ("3 April 2024: ...")."""
    if (m := _OPENING_DATE_RE.match(para)) and not _ENTRY_AFTER_DATE_RE.match(para, m.end()):
        return find_date(m.group())
    return None
