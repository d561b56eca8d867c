"""Documents -> sentences -> chunks: sentence-aware, item-bounded, within the model's window."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from qa.ingest import tokens
from qa.lang import DEFAULT, detect, get
from qa.ingest.document import Document
from qa.ingest.wraps import full_width, soft_breaks

# pysbd is accurate but slow on huge paragraphs; past this size a plain rule splitter takes over.
_PYSBD_MAX_CHARS = 20_000
_HUGE_DOCUMENT_CHARS = 2_000_000
_SIMPLE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9А-ЯЁ])")
# A period after these is not a sentence end ("Mr. R. Miralizoda", "H.E. Yasumasa").
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st mt jr sr gen col lt maj capt sgt no nos vol fig e.g i.e etc vs h.e u.s u.n "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp dept".split()
)


@dataclass(frozen=True)
class Window:
    """The model's window, measured with the model's own tokenizer, many texts per call: chunking
    tokenises each sentence once and adds the counts up, instead of re-tokenising every growing
    chunk (``window_of``)."""

    counts: Callable[[list[str]], list[int]]  # tokens of each text, the model's special tokens included
    max_tokens: int
    special: int = 2  # tokens the model adds to every text ([CLS] and [SEP])
    # None: the chunk budget (chunk_tokens) counts tiktoken cl100k_base tokens, as ever (MiniLM);
    # a name: it counts the model's own tokens (e5: "e5-sentencepiece"), recorded in the manifest
    units: str | None = None

    def fits(self, text: str) -> bool:
        return self.counts([text])[0] <= self.max_tokens


def window_of(embedder) -> Window | None:
    """The embedder's window if it can count tokens in batches (``token_counts``, ``max_tokens``;
    optionally ``special_tokens`` and ``chunk_units``); None: chunking asks ``embedder.fits`` of
    every candidate chunk instead."""
    counts = getattr(embedder, "token_counts", None)
    limit = getattr(embedder, "max_tokens", None)
    if not (callable(counts) and limit):
        return None
    return Window(counts, int(limit), int(getattr(embedder, "special_tokens", 2)), units_of(embedder))


def units_of(embedder) -> str | None:
    """What an embedder's chunks are sized in when not tiktoken tokens (None: tiktoken). Part of
    the chunker settings in the manifest, so an index chunked otherwise is rebuilt."""
    units = getattr(embedder, "chunk_units", None)
    return units if isinstance(units, str) and units else None


@dataclass(frozen=True)
class Sentence:
    doc: str
    item: int
    start: int
    end: int
    text: str
    model_tokens: int = field(default=-1, compare=False)  # with the special tokens; -1: not counted

    @property
    def key(self) -> str:
        """Content hash: the same sentence text always has the same vector."""
        return content_key(self.text)


@dataclass(frozen=True)
class Chunk:
    doc: str
    item: int
    start: int
    end: int
    text: str  # == document.search_text[start:end] (== document.text[start:end] but for PDFs)
    first_sentence: int  # index into the document's sentence list
    n_sentences: int
    tokens: int

    @property
    def key(self) -> str:
        return content_key(self.text)


def content_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@functools.cache
def _segmenter(lang: str = DEFAULT):
    import pysbd

    # pysbd builds ~1,400 distinct regular expressions (one per abbreviation and rule) and looks
    # them up through re's compile cache, which holds 512: every paragraph recompiled hundreds
    # of them. A larger cache halves sentence splitting (200 SQuAD paragraphs: 1.08 -> 0.60 CPU-s;
    # the same sentences). re._MAXCACHE is CPython's own knob; without it nothing changes.
    if getattr(re, "_MAXCACHE", 4096) < 4096:
        re._MAXCACHE = 4096

    return pysbd.Segmenter(language=get(lang).pysbd, clean=False, char_span=True)


def _raw_sentence_spans(text: str, fast: bool = False, lang: str = DEFAULT) -> Iterator[tuple[int, int]]:
    """Sentence spans of one paragraph, offsets relative to it (untrimmed)."""
    if not fast and len(text) <= _PYSBD_MAX_CHARS:
        try:
            spans = _segmenter(lang).segment(text)
            # pysbd's char spans occasionally drift on odd input; trust them only if they tile.
            if spans and spans[0].start == 0 and all(
                a.end <= b.start for a, b in zip(spans, spans[1:])
            ) and text[spans[-1].start:spans[-1].end] == spans[-1].sent:
                for s in spans:
                    yield s.start, s.end
                return
        except Exception:  # noqa: BLE001 - any segmenter hiccup falls back to the rule splitter
            pass
    pos = 0
    for m in _SIMPLE_SPLIT.finditer(text):
        before = text[pos:m.start()].rsplit(None, 1)[-1].rstrip(".").lower() if text[pos:m.start()].strip() else ""
        if before in _ABBREVIATIONS or re.fullmatch(r"(?:[a-zа-я]\.)*[a-zа-я]", before):
            continue  # a title or an initial, not the end of a sentence
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def split_sentences(
    text: str, start: int = 0, end: int | None = None, fast: bool = False, lang: str | None = None,
    width: float = 0.0,
) -> list[tuple[int, int]]:
    """Trimmed, non-empty sentence spans of text[start:end], as absolute offsets, split by the
    rules of lang (detected from the block when not given: qa.lang.detect). A line break that wraps
    a sentence (qa.ingest.wraps.soft_breaks; ``width``: the text's full line, for a hard-wrapped
    text) is read as a space: the splitters end a sentence at every line break."""
    end = len(text) if end is None else end
    block = text[start:end]
    lang = lang or detect(block)
    block = soft_breaks(block, width)  # same length: the spans are offsets into text still
    language = get(lang)
    out: list[tuple[int, int]] = []
    for a, b in _cut_after_units(block, _raw_sentence_spans(block, fast, lang), language):
        piece = block[a:b]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        a2 = start + a + lead
        if out and _continues(text, out[-1], a2, language):
            out[-1] = (out[-1][0], a2 + len(stripped))
        else:
            out.append((a2, a2 + len(stripped)))
    return out


def _cut_after_units(
    block: str, spans: Iterator[tuple[int, int]], language
) -> Iterator[tuple[int, int]]:
    """The splitter's spans, each also cut after a figure and a unit or year abbreviation that end a
    sentence (Language.unit_end): both splitters read "48 кг. Водитель" as one sentence."""
    for a, b in spans:
        if language.unit_end is not None:
            for m in language.unit_end.finditer(block, a, b):
                yield a, m.end()
                a = m.end()
        yield a, b


# pysbd's Russian rules still end a sentence after some abbreviations and initials
# (Language.rejoin_false_splits): "... т.е. | иностранной державе.", "Джонса и соавт. | и Бриффа",
# "Y. p. | orientalis", "Например, Э. | Смит"; its English ones after an initial of two letters
# ("Sh. | Komilzoda", Language.name_initial). A sentence does not start in lower case, nor does one
# end with a name's initial.
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:\w{1,5}\.){1,3}$")  # "т.е.", "соавт.", "p."


# A reference's abbreviation that a number follows ("ч. 3 ст. 200 УК", "п. 4", "Art. 5", "para. 12", "pp. 4-6"): a
# figure after it goes on with the reference, where the splitters cut ("… по ч. 3 ст. | 200 УК РТ.")
_BEFORE_NUMBER = re.compile(
    r"(?:^|[\s(])(?i:ст|ч|п|пп|гл|рис|табл|стр|разд|прил|абз|подп|art|arts|para|paras|sec|secs|ch|fig|figs|no|nos|vol"
    r"|p|pp)\.$"
)


# a letter's label abbreviated is no sentence: "Ref. | No. 04-11/2287", "Tel. | : +996 312 61 47 20" (a piece that
# opens with a colon is a sentence elsewhere: Wikipedia's page citations, "… memory.:33 He was a polyglot")
_LONE_ABBREVIATION = re.compile(r"(?i:ref|tel|fax|mob|ext|attn|encl|исх|вх|тел|факс|моб)\.")


def _continues(text: str, prev: tuple[int, int], start: int, language) -> bool:
    """The sentence at start continues the one before it (a false split), on the same line."""
    if "\n" in text[prev[1]:start]:
        return False
    before, first = text[prev[0]:prev[1]], text[start]
    if _LONE_ABBREVIATION.fullmatch(before):
        return True
    if first.isdigit() and _BEFORE_NUMBER.search(before):
        return True
    if language.rejoin_false_splits and first.islower() and _ABBREVIATION_END.search(before):
        return True
    return first.isupper() and language.name_initial is not None and bool(language.name_initial.search(before))


def _cut_long(text: str, start: int, end: int, fits: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Split one over-long sentence at word boundaries into pieces that fit (the only cut we allow)."""
    pieces: list[tuple[int, int]] = []
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    i = 0
    while i < len(words):
        # gallop to a bound first, so each piece costs O(log piece) checks, not O(log rest)
        step = 64
        while i + step < len(words) and fits(text[words[i][0]:words[i + step - 1][1]]):
            step *= 2
        lo, hi = i, min(len(words), i + step)
        # binary search for the most words from i that still fit
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if fits(text[words[i][0]:words[mid - 1][1]]):
                lo = mid
            else:
                hi = mid - 1
        j = max(lo, i + 1)  # a single giant "word" still has to go somewhere
        if j < len(words):
            j = _clause_end(text, words, i, j)
        pieces.append((words[i][0], words[j - 1][1]))
        i = j
    return pieces


_CLAUSE_END = ",;:)»”"
_DASHES = ("—", "–", "-")


def _clause_end(text: str, words: list[tuple[int, int]], i: int, j: int) -> int:
    """The end (exclusive word index) of a piece words[i:j] moved back to the last clause
    boundary (a word ending in a comma, semicolon or colon, or one before a dash) in its second
    half, so the next piece, which an answer may quote, starts a clause rather than mid-phrase
    (issue 14: Russian sentences overflow the English model's window often); j when none."""
    for c in range(j, i + max(1, (j - i) // 2), -1):
        word = text[words[c - 1][0]:words[c - 1][1]]
        if word[-1] in _CLAUSE_END or text[words[c][0]:words[c][1]] in _DASHES:
            return c
    return j


def document_sentences(
    doc: Document, fits: Callable[[str], bool] | None = None, window: Window | None = None
) -> list[Sentence]:
    """Every sentence of every item's content blocks, in order; none is longer than the window.

    With a ``Window`` every sentence is tokenised once, in one call, and keeps its count."""
    spans: list[tuple[int, int, int]] = []  # item, start, end
    text = doc.search_text  # the extracted text, with line-end hyphenation joined (PDF)
    # pysbd costs ~5 ms per KB: on a huge file the rule splitter keeps indexing in bounds
    fast = len(doc.text) > _HUGE_DOCUMENT_CHARS
    # a hard-wrapped text's full line, for its wrapped sentences (a paged text's search text has no line breaks)
    width = full_width(text) if doc.pages is None and "\n" in text else 0.0
    for item in doc.items:
        lang = detect(text[item.start:item.end])  # per item: a page may hold stories in two languages
        for block in item.blocks:
            for a, b in split_sentences(text, block.start, block.end, fast, lang, width):
                spans.append((item.index, a, b))
    if window is not None:
        counts = window.counts([text[a:b] for _, a, b in spans]) if spans else []
        fits = window.fits
    else:
        counts = [-1] * len(spans)
    out = []
    for (item, a, b), n in zip(spans, counts):
        if window is not None and n <= window.max_tokens:
            out.append(Sentence(doc.path, item, a, b, text[a:b], n))
        elif fits is not None and not fits(text[a:b]):
            for s, e in _cut_long(text, a, b, fits):
                out.append(Sentence(doc.path, item, s, e, text[s:e]))
        else:
            out.append(Sentence(doc.path, item, a, b, text[a:b]))
    return out


# the line under a Markdown table's header ("|---|:---:|"), as web pages and Markdown files write it
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")


def chunk_document(
    doc: Document,
    sentences: list[Sentence],
    chunk_tokens: int = 200,
    overlap_sentences: int = 1,
    fits: Callable[[str], bool] | None = None,
    window: Window | None = None,
) -> list[Chunk]:
    """Greedy sentence packing up to chunk_tokens (tiktoken tokens, or the model's own when the
    window says so: ``Window.units``), overlapping by whole sentences, per item.

    A chunk is the slice document.search_text[start:end] (document.text's but for PDFs' joined
    hyphenation), so it never reaches across a gap that held removed page furniture ("Rate this item", bylines): the gap
    ends the chunk.
    """
    if window is not None:
        fits = window.fits
    fits = fits or (lambda _t: True)
    source = doc.search_text  # same length as doc.text: offsets are the same in both
    model = [s.model_tokens for s in sentences] if window is not None else None
    if window is not None and window.units:
        # the budget in the model's own tokens (without its per-text special tokens); pieces of
        # cut sentences were not counted yet
        missing = [k for k, n in enumerate(model) if n < 0]
        for k, n in zip(missing, window.counts([sentences[k].text for k in missing]) if missing else []):
            model[k] = n
        counts = [max(1, n - window.special) for n in model]
    else:
        counts = tokens.counts([s.text for s in sentences])

    def within(i: int, j: int) -> bool:
        """sentences[i..j] fit the model's window. WordPiece tokenises text joined by white space
        as the concatenation of the parts, so the sentences' counts add up; one token of slack per
        join covers other tokenizers, and only a chunk that close to the limit is tokenised."""
        if model is not None and all(model[k] >= 0 for k in range(i, j + 1)):
            body = sum(model[k] - window.special for k in range(i, j + 1))
            if body + window.special + (j - i) <= window.max_tokens:
                return True
        return fits(source[sentences[i].start:sentences[j].end])

    def joins(a: int, b: int) -> bool:
        """Sentences a and b=a+1 can share a chunk: same item, only white space between, or a Markdown table's rule
        under its header ("|---|---|"): a header cut off its rows left the rows a chunk that names no column."""
        gap = source[sentences[a].end:sentences[b].start].strip()
        return sentences[a].item == sentences[b].item and (not gap or _TABLE_RULE.fullmatch(gap) is not None)

    chunks: list[Chunk] = []
    i = 0
    while i < len(sentences):
        j, total = i + 1, counts[i]
        while j < len(sentences) and joins(j - 1, j):
            # + one token per gap: the white space between sentences may count on its own
            if total + counts[j] + (j - i) > chunk_tokens or not within(i, j):
                break
            total += counts[j]
            j += 1
        start, end = sentences[i].start, sentences[j - 1].end
        text = source[start:end]
        chunks.append(Chunk(doc.path, sentences[i].item, start, end, text, i, j - i, 0))
        if j >= len(sentences) or not joins(j - 1, j):
            i = j
        else:
            # step back for overlap, but always move forward by at least one sentence
            i = max(j - overlap_sentences, i + 1)
    # the stored token count of each chunk (cl100k_base), in one batch call
    return [replace(c, tokens=n) for c, n in zip(chunks, tokens.counts([c.text for c in chunks]))]
