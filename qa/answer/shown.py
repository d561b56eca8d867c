"""What an answer shows: its sentence, and the sentence before it when the answer refers back to it.

"For this purpose, several high-level meetings were held ..." does not say what the purpose was;
the sentence before it does ("... to maintain the financial sustainability of the Centre."). An
answer sentence that opens with a back-reference (each registered language's
``Language.anaphor_openers``: "This", "It", "He", "For this purpose", "As a result", "However" ...)
is shown with the sentence before it, as one verbatim slice of the document, when that sentence
is of the same item, nothing but white space lies between them (no page furniture, no caption
removed at indexing), it reads as a sentence (not a headline) and the two fit PAIR_MAX_CHARS;
else the answer sentence is shown alone. The answer sentence's own part is within MAX_ANSWER_CHARS
either way (qa.answer.trim).

Only what is shown changes: the short answer is still found in the answer sentence, and the
confidence and abstention are still those of the answer sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from qa.answer.needs import needs
from qa.answer.trim import MAX_ANSWER_CHARS, trim
from qa.contracts import Passage
from qa.ingest.datelines import dateline_prefix
from qa.ingest.dates import FULL_DATE_RE
from qa.lang import registered
from qa.store import Index, SentenceRow

# whether a back-referring answer is shown with the sentence before it (False: the sentence alone).
# When the two do not fit the cap, the answer sentence is shown alone: showing the last clauses of
# the sentence before that fit instead gained 3 answers of ~8,000 in cross-validation and showed
# readers fragments such as "and effective post-seizure procedures."
CONTEXT = True

# the cap of a two-sentence answer; the answer sentence's part is within MAX_ANSWER_CHARS on its own.
# News sentences are long: under one cap of 400 characters only 4 of 23 back-referring bundled
# answers (CV rows, dev + dev2) came with the sentence before; under 800, 19 (the other 4 have none
# that may be shown). In cross-validation it turned no right answer wrong.
PAIR_MAX_CHARS = 2 * MAX_ANSWER_CHARS

# a sentence end: the stored sentence before must end as a sentence does, or it is a headline,
# a heading or a list's lead-in ("as follows:") rather than a statement the answer refers to
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_WORDS = re.compile(r"\w+")


def max_shown_chars() -> int:
    """The longest answer text shown: a two-sentence answer's cap, the answer cap's when lower."""
    return max(MAX_ANSWER_CHARS, PAIR_MAX_CHARS)


def within_cap(text: str, sentence_text: str) -> bool:
    """Whether an answer keeps the caps: its answer sentence's part (`sentence_text`, the end of
    `text`) within MAX_ANSWER_CHARS, and the whole, the sentence before it included, within
    max_shown_chars(). What evaluations check before counting an answer right."""
    return len(sentence_text) <= MAX_ANSWER_CHARS and len(text) <= max_shown_chars()


@dataclass(frozen=True)
class Before:
    """The stored sentence before an answer sentence, and the document text between the two."""

    row: SentenceRow
    gap: str  # white space only


# the longest dateline read before an answer sentence ("ALMATY, 12 October 2022 (UNODC) —")
DATELINE_MAX = 120


@dataclass(frozen=True)
class Shown:
    """The answer's text: document[start:end]; the answer sentence's shown part is [sentence_start, end)."""

    start: int
    end: int
    sentence_start: int
    text: str

    @property
    def with_before(self) -> bool:
        return self.start < self.sentence_start

    @property
    def sentence_text(self) -> str:
        return self.text[self.sentence_start - self.start:]


def blanked_lines(text: str, read: str, offset: int) -> tuple[tuple[int, int], ...]:
    """Document offsets (``text`` starts at ``offset``) of the lines of ``text`` that ``read``, its search text at the
    same offsets, holds as blanks only: the page furniture between the halves of a sentence printed over a page break
    (qa.ingest.pages.search_text). A word joined over a line break moves letters, never blanks a whole line."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip() and not read[m.start():m.end()].strip():
            out.append((offset + m.start(), offset + m.end()))
    return tuple(out)


def passage_furniture(index: Index, passage: Passage) -> tuple[tuple[int, int], ...]:
    """The page furniture inside a PDF passage (``blanked_lines`` of each of its sentences: their rows hold the
    search text, the passage the verbatim text); () for any other passage."""
    chunk = passage.chunk
    if passage.page is None or chunk.n_sentences <= 0:
        return ()
    out: list[tuple[int, int]] = []
    for row in index.sentences(chunk.first_sentence, chunk.n_sentences):
        if chunk.start <= row.start and row.end <= chunk.end:
            out += blanked_lines(chunk.text[row.start - chunk.start:row.end - chunk.start], row.text, row.start)
    return tuple(out)


def with_furniture(index: Index, passages: list[Passage]) -> list[Passage]:
    """The passages a reply shows, each with its page furniture (Passage.furniture), so their excerpts read a
    sentence over a page break as one (Passage.shown_text), as the answer does."""
    return [replace(p, furniture=f) if (f := passage_furniture(index, p)) else p for p in passages]


@lru_cache(maxsize=1)
def _openers() -> tuple[re.Pattern, ...]:
    return tuple(lang.anaphor_openers for lang in registered() if lang.anaphor_openers is not None)


def refers_back(text: str) -> bool:
    """Whether a sentence opens with a back-reference of a registered language. Every language's
    openers are tried: a Cyrillic opener matches only Russian's, a Latin one only English's."""
    t = text.lstrip()
    return any(p.match(t) for p in _openers())


def sentence_before(index: Index, row: SentenceRow) -> Before | None:
    """The sentence before `row` in its item, when it may be shown with it (see the module); else None."""
    if row.id <= 0:
        return None
    got = index.sentences(row.id - 1, 1)
    if not got:
        return None
    prev = got[0]
    # an item's sentences have consecutive ids: the row before of another item (or document) means
    # `row` opens its item, and the previous item's last sentence is no part of its story
    if (prev.doc, prev.item) != (row.doc, row.item) or prev.end > row.start:
        return None
    gap = index.document_slice(row.doc, prev.end, row.start)
    if gap is None or gap.strip():
        return None  # text that was not indexed lies between: furniture, a caption, a table
    item = index.item(row.doc, row.item)
    if not _reads_as_sentence(prev.text, item.title if item is not None else None):
        return None
    return Before(prev, gap)


def _reads_as_sentence(text: str, title: str | None) -> bool:
    t = text.strip()
    if not _SENTENCE_END.search(t):
        return False
    return not title or _WORDS.findall(t.lower()) != _WORDS.findall(title.lower())


def shown(row: SentenceRow, question: str, terms: list[str], before: Before | None,
          limit: int = MAX_ANSWER_CHARS, span: tuple[int, int] | None = None) -> Shown:
    """The text shown for answer sentence `row`: its part (within `limit`: qa.answer.trim's, or
    with `span`, a span's offsets in row.text, the clauses around it), after the sentence before
    it (`before`, from sentence_before) when it opens with a back-reference."""
    a, b = trim(row.text, question, terms, limit) if span is None else around(row.text, span, limit)
    text = row.text[a:b]
    start, end = row.start + a, row.start + b
    # a long sentence cut after its start no longer opens with its back-reference
    if CONTEXT and before is not None and a == 0 and refers_back(text):
        prev = before.row
        both = prev.text + before.gap + text
        if len(both) <= max(limit, PAIR_MAX_CHARS):  # whole sentences or the answer sentence alone
            return Shown(prev.start, end, start, both)
    return Shown(start, end, start, text)


def shown_answer(index: Index, row: SentenceRow, question: str, terms: list[str],
                 limit: int = MAX_ANSWER_CHARS, span: tuple[int, int] | None = None) -> Shown:
    """shown() with the sentence before read from the index, only when the answer refers back; for a when-question,
    after the dateline that dates it (dated())."""
    before = None
    if CONTEXT and refers_back(row.text):
        before = sentence_before(index, row)
    out = shown(row, question, terms, before, limit, span)
    return dated(index, row, question, out) if out.start == row.start else out


def dated(index: Index, row: SentenceRow, question: str, out: Shown) -> Shown:
    """`out` after the dateline its sentence opens the line with ("Душанбе, 26 января 2023 г. — Агентство … провело
    ежегодную пресс-конференцию …"), when the question asks when and the sentence states no full date: the dateline is
    cut from the sentence as furniture, and it is the only place the item says when its event took place."""
    if needs(question).wants != "date" or FULL_DATE_RE.search(row.text):  # "за 2022 год" is no day
        return out
    before = index.document_slice(row.doc, max(0, row.start - DATELINE_MAX), row.start) or ""
    line = before.rsplit("\n", 1)[-1]
    found = dateline_prefix(line + row.text) if line.strip() else None
    if found is None or found.date is None or found.body != len(line):
        return out
    start = row.start - len(line) + (len(line) - len(line.lstrip()))
    return Shown(start, out.end, start, f"{line.lstrip()}{out.text}")


def around(text: str, span: tuple[int, int], limit: int = MAX_ANSWER_CHARS) -> tuple[int, int]:
    """(start, end) in text of the sentence, or for a long one of the clauses around `span`, within `limit`."""
    if len(text) <= limit:
        return 0, len(text)
    cuts = [0] + [m.end() for m in re.finditer(r"[,;:]\s+", text)] + [len(text)]
    a = max(c for c in cuts if c <= span[0])
    b = min(c for c in cuts if c >= span[1])
    while True:  # widen clause by clause while it fits
        left = max((c for c in cuts if c < a), default=None)
        right = min((c for c in cuts if c > b), default=None)
        if right is not None and right - a <= limit:
            b = right
        elif left is not None and b - left <= limit:
            a = left
        else:
            break
    if b - a > limit:  # one clause longer than the limit: the limit around the span
        a = max(0, min(span[0], span[1] - limit))
        b = min(len(text), a + limit)
    piece = text[a:b]
    return a + len(piece) - len(piece.lstrip()), b - (len(piece) - len(piece.rstrip()))


def cited(passages: list[Passage], chunk_id: int, doc: str, start: int, end: int) -> Passage:
    """The passage cited for an answer: the answer sentence's own, unless it does not hold the
    whole text shown (the sentence before it ends the chunk before) and another passage shown does
    (chunks overlap by a sentence, so the one before often holds both)."""
    own = next(x for x in passages if x.chunk.id == chunk_id)
    if own.chunk.start <= start and end <= own.chunk.end:
        return own
    return next((x for x in passages if x.chunk.doc == doc and x.chunk.start <= start and end <= x.chunk.end), own)
