"""Hard line breaks inside a paragraph: which line ends wrap a sentence onto the next line, not end it.

A scraped page's `<p>` wrapped in its source, a `<br>` in mid-sentence, a .txt file wrapped at 70-110 characters:
the line ends there, the sentence does not ("… will target precursor" / "chemicals, in particular acetic anhydride,
…"). Two rules, a strict one for text whose lines are otherwise paragraphs of their own (a page's text, where a short
line is a headline, a date line or a caption) and a wider one for a paragraph's own lines (a block, already read as
one paragraph):

* ``goes_on``: the next line reads on from an open line: it starts in lower case, or with a bracket ("(640 кг) была
  обнаружена …"), or the line stops on a comma, a dash or a word no sentence or title ends with ("the", "of", "и",
  "в"), or a date runs over the break ("… 31 October" / "2024 in …"). A headline ("Border patrols agreed") followed by
  its lead ("The ministers of …") is none of these.
* ``soft_breaks``: in a block of a hard-wrapped text, also a line that ran (nearly) the text's full width and stopped
  with no sentence end, where the next line's first word would not have fitted: the writer's tool wrapped it. A
  short line (a list's line, "Venue: Almaty", a name) or one before a list item or a field line keeps its break.

The line break stays in the text (offsets, citations and highlighting point into the original); the sentence splitter
reads a soft break as a space (``soft_breaks`` keeps the length).
"""

from __future__ import annotations

import re

from qa.ingest.dates import FULL_DATE_RE
from qa.ingest.leads import CLOSERS

SENTENCE_ENDS = ".!?…:;"
# a list's item: a bullet, a dash, a number ("1.", "2)"), a letter ("a)")
LIST_ITEM_RE = re.compile(r"(?:[-*+•●▪◦‣■□►▸∙–—]|\(?\d{1,3}[.)]|\(?[a-zа-я]\))\s")
# "Label: value" on a line of its own (minutes' "Venue: …", "Date: …"): a label of one to three words
_FIELD_RE = re.compile(r"[A-ZА-ЯЁ][^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s*:\s")
_OPENERS = "\"'“‘«[„"
# Words neither a sentence nor a title ends with: articles, prepositions, conjunctions (a short, safe list; a stop
# word list holds "over", "here", "more", which end headlines).
_DANGLING = frozenset(
    "a an the of to in on at by for from with into onto than and or nor but as that whose "
    "в во на с со к ко по о об обо от до из за у при для про без над под через и а но или либо что как чем "
    "который которая которое которые которых которым".split()
)
_FILLED = 0.8  # a line this share of the text's full width or more ran to its margin (as qa.ingest.pages)
_FITS = 0.9  # a line break its writer made: the next word would have fitted within this share of a full line
_SHORTEST_WIDTH = 40  # narrower texts are not wrapped prose (a list, a poem, an address)


def ends_sentence(line: str) -> bool:
    """The line closes with a full stop, a question or exclamation mark, an ellipsis, a colon or a semicolon."""
    return line.rstrip().rstrip(CLOSERS)[-1:] in SENTENCE_ENDS


def _dangles(line: str) -> bool:
    words = line.split()
    if not words:
        return False
    last = words[-1]
    return last.endswith((",", "-", "–", "—")) or last.lower() in _DANGLING


def goes_on(prev: str, line: str) -> bool:
    """The line reads on from ``prev``: one sentence broken over two lines (the strict rule)."""
    prev, line = prev.strip(), line.strip()
    if not prev or not line or ends_sentence(prev) or LIST_ITEM_RE.match(line):
        return False
    if line[0] == "(" and line[1:2].isalnum():
        return True  # "(640 кг) была обнаружена …": a bracket goes on with the words before it
    return line.lstrip(_OPENERS)[:1].islower() or _dangles(prev) or _splits_date(prev, line)


def _splits_date(prev: str, line: str) -> bool:
    """A full date is read across the break ("… from 1 to 31 October" / "2024 in three countries."): one phrase."""
    tail, head = " ".join(prev.split()[-3:]), " ".join(line.split()[:3])
    return any(m.start() < len(tail) < m.end() for m in FULL_DATE_RE.finditer(f"{tail} {head}"))


def _ran_full(prev: str, line: str, width: float) -> bool:
    """``prev`` ran to the margin: nearly the full width, and the next line's first word would not have fitted."""
    if width < _SHORTEST_WIDTH or len(prev) < _FILLED * width:
        return False
    if LIST_ITEM_RE.match(line) or _FIELD_RE.match(line) or _FIELD_RE.match(prev):
        return False
    word = line.split(None, 1)[0]
    return len(prev) + 1 + len(word) >= _FITS * width


def soft_breaks(block: str, width: float = 0.0) -> str:
    """``block`` (one paragraph's text) with each line break that wraps a sentence as a space, at the same length:
    the strict rule (``goes_on``), or, with the text's full line ``width``, a line that ran full and closes no
    sentence."""
    if "\n" not in block:
        return block
    out = list(block)
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", block)]
    for (s, e), (s2, e2) in zip(lines, lines[1:]):
        prev, line = block[s:e].strip(), block[s2:e2].strip()
        if not prev or not line or block[e:s2].count("\n") > 1:
            continue  # a blank line parts paragraphs
        if goes_on(prev, line) or (not ends_sentence(prev) and _ran_full(prev, line, width)):
            for k in range(e, s2):
                if out[k] in "\r\n":
                    out[k] = " "
    return "".join(out)


def full_width(text: str) -> float:
    """The length of a text's full line (qa.ingest.pages.full_width over its lines)."""
    from qa.ingest.pages import full_width as page_full_width

    return page_full_width([(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text)])
