"""The typed contracts that cross package boundaries: a query in, passages and an answer out.

Frozen dataclasses, each with one ``to_json`` where it is shown to a user or a program: the CLI
(`qa ask --json`), the service, the web app and chat, and the benchmarks all use these, so the
JSON shape of a passage or an answer is written once, here. ``ItemInfo`` and ``ChunkRow`` are
the stored rows a passage points at (``qa.store`` reads them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.config import DEFAULT_K


@dataclass(frozen=True)
class ItemInfo:
    """One news item of a stored document (a whole single-article page is one item)."""

    doc: str
    index: int
    title: str
    date: str | None  # ISO "YYYY-MM-DD" / "YYYY-MM" / "YYYY"
    start: int
    end: int
    # The document's human title ("CARICC news", an HTML <title>, a one-story file's headline),
    # and the site it comes from when known ("osce.org", "CARICC"). See qa.ingest.titles.
    doc_title: str | None = None
    site: str | None = None
    page: int | None = None  # 1-based, for paged formats: a PDF's items are its pages


@dataclass(frozen=True)
class ChunkRow:
    """One stored passage: ``text == document_text[start:end]``."""

    id: int
    doc: str
    item: int
    start: int
    end: int
    text: str
    first_sentence: int
    n_sentences: int


@dataclass(frozen=True)
class Filters:
    """Which passages a question may be answered from (ISO dates, inclusive; corpus-relative paths)."""

    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.since is None and self.until is None and not self.sources


@dataclass(frozen=True)
class Query:
    text: str
    k: int = DEFAULT_K
    filters: Filters = field(default_factory=Filters)


@dataclass(frozen=True)
class Passage:
    rank: int
    chunk: ChunkRow
    item: ItemInfo | None
    score: float  # fused, 0..1 (after the answer step: the passage model's, 0..1)
    dense: float  # cosine similarity to the question
    lexical: float  # BM25, divided by the best BM25 score among the candidates
    bm25: float  # raw BM25 score: low when the question's words are rare or absent in the corpus
    page: int | None = None  # for paged formats (PDF), the page the passage starts on
    # document offsets, inside the chunk, of the page furniture between the halves of a sentence printed over a
    # page break (as Answer.furniture): in the verbatim text, never shown (qa.answer.shown.with_furniture)
    furniture: tuple[tuple[int, int], ...] = ()

    @property
    def doc(self) -> str:
        return self.chunk.doc

    @property
    def title(self) -> str:
        return self.item.title if self.item else self.chunk.doc

    @property
    def date(self) -> str | None:
        return self.item.date if self.item else None

    @property
    def doc_title(self) -> str | None:
        return self.item.doc_title if self.item else None

    @property
    def shown_text(self) -> str:
        """The passage's text as shown (an excerpt in the CLI and the web reply): its page furniture blanked, at
        the same length (see Answer.shown_text)."""
        return blanked(self.chunk.text, self.chunk.start, self.furniture)

    def to_json(self) -> dict:
        return {
            "rank": self.rank,
            "doc": self.chunk.doc,
            "doc_title": self.doc_title,
            "title": self.title,
            "date": self.date,
            "text": self.chunk.text,
            "start": self.chunk.start,
            "end": self.chunk.end,
            "score": round(self.score, 4),
            "page": self.page,
            "furniture": [list(r) for r in self.furniture],
        }


def blanked(text: str, start: int, furniture: tuple[tuple[int, int], ...]) -> str:
    """``text`` (document[start:start + len(text)]) with the document ranges ``furniture`` as spaces, at the same
    length: an answer or a passage as shown, without the page footer and header printed inside a sentence that runs
    over a page break (one_line then reads it as one sentence)."""
    for s, e in furniture:
        a, b = max(0, s - start), min(len(text), e - start)
        if a < b:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


_WHITESPACE_RUN = re.compile(r"\s+")


def one_line(text: str) -> str:
    """`text` as a reader sees it in a line of prose: each line break (with any spaces or tabs around it) one space.

    Stored text keeps every line end a PDF printed or a writer typed, also inside a sentence; on screen
    such a break is only a gap between words (passage previews, answers, exports). A gap at either end
    stays a space, so pieces of one text read the same after joining (a sentence cut around its short
    answer). Verbatim text (`qa ask --json`, offsets) never goes through this."""
    return _WHITESPACE_RUN.sub(" ", text)


# Below this confidence an answer is said to be unsure: calibrated (docs/quality.md, "Calibration"), such
# answers are right about one time in three or less where the documents may not hold the answer (SQuAD 2.0),
# about half the time where they do.
LOW_CONFIDENCE = 0.3


def confidence_text(score: float, low: str = ", low: the passage may not answer this") -> str:
    """How a confidence reads beside an answer: "0.74", or "0.05, low: the passage may not answer this" (`low`: the
    words after a low one, in the reply's language)."""
    return f"{score:.2f}" + (low if score < LOW_CONFIDENCE else "")


def marked(text: str, cut_before: bool, cut_after: bool) -> str:
    """`text` with "…" where the sentence it was cut from goes on (Answer.cut_before, cut_after)."""
    return ("… " if cut_before else "") + text + (" …" if cut_after else "")


@dataclass(frozen=True)
class Disagreement:
    """Another document's different value for what the question asks (qa.answer.disagreement): shown under the
    answer, cited like it. Its sentence is verbatim document[start:end] (a long one cut to the clauses around the
    value: cut_before, cut_after)."""

    value: str  # the other document's value as written ("June 2025", "398 kg")
    text: str
    doc: str
    title: str
    date: str | None
    start: int
    end: int
    span: tuple[int, int]  # the value's document offsets, inside [start, end)
    passage_rank: int  # its citation number
    page: int | None = None
    doc_title: str | None = None
    # which of the two documents is dated later: "other" (this one), "answer", or None (either undated, or one date)
    newer: str | None = None
    cut_before: bool = False
    cut_after: bool = False

    @property
    def marked_text(self) -> str:
        return marked(one_line(self.text), self.cut_before, self.cut_after)

    def to_json(self) -> dict:
        return {
            "value": self.value,
            "text": self.text,
            "doc": self.doc,
            "doc_title": self.doc_title,
            "title": self.title,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "span": {"start": self.span[0], "end": self.span[1]},
            "page": self.page,
            "n": self.passage_rank,
            "newer": self.newer,
        }


@dataclass(frozen=True)
class Answer:
    # the answer sentence, verbatim: document[start:end] (a PDF's: its extracted text, `qa text`); when
    # it opens by referring back ("For this purpose, ..."), the sentence before it and it (qa.answer.shown)
    text: str
    doc: str
    title: str
    date: str | None
    start: int
    end: int
    score: float  # confidence 0..1
    passage_rank: int
    span: tuple[int, int] | None = None  # the short answer inside [start, end), if one was found
    page: int | None = None
    doc_title: str | None = None  # the document's human title (ItemInfo.doc_title)
    # where the answer sentence starts inside [start, end) when the text opens with the sentence
    # before it; None: the text is the answer sentence (or its trimmed part) alone
    sentence_start: int | None = None
    # whether the answer sentence goes on before / after the text: a sentence longer than the answer's
    # limit is cut to the clauses that hold the answer (qa.answer.trim); readers see "…" there
    cut_before: bool = False
    cut_after: bool = False
    # the header row of the table whose row the answer is (its cells parted by " | "), shown above the row:
    # a row alone does not say what its cells are
    header: str | None = None
    # document offsets, inside [start, end), of the page furniture between the halves of a sentence printed over a
    # page break (a PDF page's footer, the next page's running header): in the verbatim text, never shown
    furniture: tuple[tuple[int, int], ...] = ()
    # another document that states a different value of the asked kind (qa.answer.disagreement), if one does
    disagreement: Disagreement | None = None

    @property
    def shown_text(self) -> str:
        """The text as shown: its page furniture (``furniture``) blanked, at the same length, so offsets hold."""
        return blanked(self.text, self.start, self.furniture)

    @property
    def sentence_text(self) -> str:
        """The answer sentence's part of the text (the text without the sentence before it)."""
        return self.text if self.sentence_start is None else self.text[self.sentence_start - self.start:]

    @property
    def marked_text(self) -> str:
        """The text as a reader sees it: on one line (one_line), without page furniture, "…" where the answer
        sentence goes on (cut_before, cut_after)."""
        return marked(one_line(self.shown_text), self.cut_before, self.cut_after)

    @property
    def span_text(self) -> str | None:
        if self.span is None:
            return None
        return self.text[self.span[0] - self.start:self.span[1] - self.start]

    def to_json(self) -> dict:
        return {
            "text": self.text,
            "doc": self.doc,
            "doc_title": self.doc_title,
            "title": self.title,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            # what the CLI and the page show as "Possible answer (low confidence)"
            "low_confidence": self.score < LOW_CONFIDENCE,
            "span": None if self.span is None else {"text": self.span_text, "start": self.span[0], "end": self.span[1]},
            "page": self.page,
            "sentence_start": self.sentence_start,
            "cut_before": self.cut_before,
            "cut_after": self.cut_after,
            "header": self.header,
            "disagreement": None if self.disagreement is None else self.disagreement.to_json(),
            "furniture": [list(r) for r in self.furniture],
        }


UNDATED_NAMED = 3  # a note names the undated items it left out when they are this few, else their documents


def undated_note(n: int, named: tuple[str, ...] = (), language: str = "en") -> str:
    """"1 item without a date was left out (News · news/caricc-news.html)": which, when they are few; worded in
    `language` (qa.lang.ReplyWords.undated_left_out)."""
    from qa.lang import reply_words

    return reply_words(language).left_out(n, language) + (f" ({'; '.join(named)})" if named else "")


@dataclass(frozen=True)
class Scope:
    """What a question was searched within: its filters, or a date the question named (qa.filters)."""

    since: str | None
    until: str | None
    sources: tuple[str, ...]
    reading: str  # for people: "Searched items dated Aug 2022"
    from_question: bool  # the dates were read from the question ("in August 2022")
    question_words: str | None  # those words
    items: int  # items searched
    undated_left_out: int  # items without a date a date filter left out
    months: tuple[tuple[str, int], ...] = ()  # ("2022-08", items) of the searched items, in order
    unknown_sources: tuple[str, ...] = ()
    undated_named: tuple[str, ...] = ()  # "title · document" of each undated item left out, when they are few
    # whether an undated item left out would have been among the passages shown (qa.app.service: for a date read from
    # the question, the note is made only then)
    undated_relevant: bool = True

    def notes(self, language: str = "en") -> list[str]:
        """What the search left out and could not match, worded in `language` (the question's)."""
        from qa.lang import reply_words

        out = []
        if self.undated_left_out and self.undated_relevant:
            out.append(undated_note(self.undated_left_out, self.undated_named, language))
        out += [reply_words(language).say("unknown_source", source=repr(p)) for p in self.unknown_sources]
        return out

    def to_json(self) -> dict:
        return {
            "since": self.since,
            "until": self.until,
            "sources": list(self.sources),
            "reading": self.reading,
            "from_question": self.from_question,
            "items": self.items,
            "undated_left_out": self.undated_left_out,
            "undated_relevant": self.undated_relevant,
        }


@dataclass(frozen=True)
class Result:
    question: str  # as searched (cleaned)
    answer: Answer | None
    passages: list[Passage]  # lists, not tuples: callers slice and compare them as lists
    generation: str
    seconds: float
    notes: list[str] = field(default_factory=list)
    scope: Scope | None = None  # set when filters or a date in the question narrowed the search
    # with no answer: what the documents lack, when the answer step knows (qa.answer.not_found: "None of
    # the best passages states an amount of money.", "None of the documents mentions “population”."), else None
    not_found: str | None = None

    def to_json(self) -> dict:
        """The documented JSON shape of `qa ask --json` ("filters" only when the search was narrowed)."""
        out = {
            "question": self.question,
            "answer": None if self.answer is None else self.answer.to_json(),
            "passages": [p.to_json() for p in self.passages],
        }
        if self.scope is not None:
            out["filters"] = self.scope.to_json()
        if self.notes:
            out["notes"] = list(self.notes)
        if self.not_found is not None:
            out["not_found"] = self.not_found
        return out
