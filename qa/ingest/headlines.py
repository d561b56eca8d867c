"""A headline for an item that has none: its lead's main clause, short, without date or dateline.

Many crawled news lists give every story a dated lead and no headline ("On July 19, 2022, a
de-briefing will be held in Almaty to sum up the results of ..."). The item's date is shown
beside its title anyway, so the title drops what only dates or places the story and keeps the
clause that says what happened: "A de-briefing will be held in Almaty". Nothing is invented:
the title is a stretch of the lead's first sentence, cut where a phrase ends.

Steps: the dateline ("ALMATY, 12 October 2022 —"), then opening date phrases ("On 2-3 August
2022", "From July 19 to 21, 2022,") and opening adverbial clauses that end with a comma ("In
accordance with the invitation of the European side,") are dropped; the rest is cut at the last
clause boundary (a comma, "which", "in order to" ...) or, failing that, phrase boundary (" to ",
" in ", " with " ...) that keeps it within ``TITLE_MAX`` characters, and only when neither
exists at a word boundary with "…".
"""

from __future__ import annotations

import re

from qa.ingest.dates import FULL_DATE_RE
from qa.ingest.datelines import dateline_prefix
from qa.ingest.leads import first_sentence

TITLE_MAX = 110
_SENTENCE_WINDOW = 450
_TITLE_MIN = 30  # a cut shorter than this says too little; cut later, or at a word
_MIN_WORDS = 4  # a first sentence shorter than this after the date ("in Vienna, Austria.") says too little
_DIGIT_RE = re.compile(r"\d")
_MASK = "\x01"  # a masked date: one of these per character, so offsets stay the same
# Russian writes a preposition before a date ("С 20 по 22 ноября 2023 года") and "г." or "года"
# after it ("3 апреля 2024 г. в Алматы ..."): both go with the date.
_LEAD_DATE_RE = re.compile(
    r"(?:(?:on|from|between|in|at|during|since|as of|by|until|starting|beginning|dated|с|со|в|во)\s+)?"
    r"(?:the\s+)?\x01+(?:\s*(?:г\.|гг\.|года?\b))?\s*,?\s*",
    re.IGNORECASE,
)
# Opening adverbials that set the scene ("In accordance with ..., ", "As part of ..., ").
_LEAD_CLAUSE_RE = re.compile(
    r"(?:in accordance with|in line with|as part of|in the framework of|within the framework of"
    r"|under the auspices of|in the course of|on the occasion of|according to|thanks to|prior to"
    r"|ahead of|following|after|before|upon|within|under|during|in|at|on|with|through|for"
    r"|besides|also|furthermore|moreover|meanwhile|similarly|however|in addition|additionally)"
    r"\b[^,]{0,200},\s*",
    re.IGNORECASE,
)
# A chain of short place/format phrases before the subject: "in CARICC in hybrid format the ...".
_LEAD_PP_RE = re.compile(
    r"(?:(?:in|at|via|by)\s+(?!the\b|a\b|an\b)(?:[\w'’./-]+\s+){1,3}?)+(?=(?:the|a|an)\s)",
    re.IGNORECASE,
)
# An aside between commas right before the main verb: "The CCASP, funded by the Government of
# Japan, held ..." and "The Director of CARICC, Major General R. Aziz, met ..." lose the aside.
_VERB = (
    r"(?:held|holds|hosted|met|was|were|is|are|has|have|had|will|took|takes|made|gave|signed|opened"
    r"|launched|attended|organi[sz]ed|conducted|visited|discussed|adopted|presented|delivered"
    r"|said|stated|noted|announced|informed|expressed|thanked|welcomed|called|spoke|became|began"
    r"|received|approved|agreed|participated|completed|started|shared)"
)
_ASIDE_RE = re.compile(rf", (?![\"“‘«'])[^,]{{1,90}}, (?={_VERB}\b)")  # a quoted name stays
# A first sentence that only says when and where: "On October 7-8, 2021, in Vienna, Austria."
_WHEN_WHERE_RE = re.compile(
    r"\W*(?:(?:on|from|in|at|during)\s+)?\x01+[\s,]*(?:(?:in|at)\s+)?(?:[A-ZА-ЯЁ][\w'’.-]*[\s,]*){0,4}\.?",
    re.IGNORECASE,
)
_STRONG = (
    ",", ";", ":", " — ", " – ", " which ", " who ", " where ", " whose ", " in order to ",
    " aiming ", " aimed at ", " as well as ", " including ", " with the participation ",
    " within the framework ", " in the framework ", " under the auspices ",
)  # fmt: skip
_WEAK = (
    " to ", " with ", " for ", " within ", " under ", " between ", " in ", " at ", " on ", " from ",
    " during ", " and ", " by ", " via ", " through ", " after ", " following ", " (",
)  # fmt: skip
_BOUNDARY_RE = re.compile("|".join(re.escape(m) for m in sorted(_STRONG + _WEAK, key=len, reverse=True)))


def _mask_dates(text: str) -> str:
    """Dates masked character for character, so the commas inside them ("July 19, 2022") are
    not taken for clause ends while every offset stays that of ``text``."""
    if not _DIGIT_RE.search(text):
        return text  # no date without a digit; the date pattern is the slow part
    return FULL_DATE_RE.sub(lambda m: _MASK * len(m.group()), text)


def _opening_end(masked: str) -> int:
    """Where the sentence starts once opening date phrases and scene-setting clauses are dropped
    (only while enough of the sentence is left)."""
    pos = 0
    for _ in range(4):
        for regex in (_LEAD_DATE_RE, _LEAD_CLAUSE_RE, _LEAD_PP_RE):
            m = regex.match(masked, pos)
            if m and len(masked[m.end() :].split()) >= _MIN_WORDS:
                pos = m.end()
                break
        else:
            break
    return pos


def _outside_brackets(s: str, pos: int) -> bool:
    head = s[:pos]
    return head.count("(") <= head.count(")") and head.count("“") <= head.count("”") and head.count('"') % 2 == 0


def _cut(s: str, masked: str) -> str:
    """``s`` cut to ``TITLE_MAX`` at its last clause or phrase boundary, else at a word."""
    if len(s) <= TITLE_MAX:
        return s
    # One pass, longest markers first, so " in order to " is never cut before its " to ";
    # markers that start after TITLE_MAX cannot be cuts.
    cuts = [
        m.start()
        for m in _BOUNDARY_RE.finditer(masked, 0, TITLE_MAX + 30)
        if _TITLE_MIN <= m.start() <= TITLE_MAX and _outside_brackets(s, m.start())
    ]
    if cuts:
        head = s[: max(cuts)].rstrip(" ,;:–—-")
        # "..., organized" (cut before "by"): a one-word tail after a comma is cut off too.
        comma = head.rfind(", ")
        if comma >= _TITLE_MIN and len(head[comma + 2 :].split()) <= 1:
            head = head[:comma]
        return head
    cut = s[: TITLE_MAX - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


def _headline(sentence: str) -> str:
    """The title made from one sentence."""
    if dl := dateline_prefix(sentence):
        sentence = sentence[dl.body :]
    sentence = sentence[:_SENTENCE_WINDOW]  # an opening clause and a title fit in this
    masked = _mask_dates(sentence)
    start = _opening_end(masked)
    s, masked = sentence[start:].rstrip(" ."), masked[start:].rstrip(" .")
    if len(s) > TITLE_MAX and (m := _ASIDE_RE.search(masked, 0, TITLE_MAX + 60)):
        s, masked = s[: m.start()] + " " + s[m.end() :], masked[: m.start()] + " " + masked[m.end() :]
    title = _cut(s, masked).strip().rstrip(".").rstrip()
    return title[:1].upper() + title[1:]


def lead_title(lead: str) -> str:
    """A short headline made from a lead paragraph (see the module docstring)."""
    lead = " ".join(lead[: 3 * _SENTENCE_WINDOW].split())  # two sentences at most are read
    sentence = first_sentence(lead)
    rest = lead[len(sentence) :].strip()
    # "On October 7-8, 2021, in Vienna, Austria." says only when and where: the next sentence
    # says what happened.
    if rest and _WHEN_WHERE_RE.fullmatch(_mask_dates(sentence.strip())):
        sentence = first_sentence(rest)
    # A lead of only punctuation leaves nothing: its text as it stands is the best title then.
    return _headline(sentence) or lead[:TITLE_MAX].strip()
