"""Candidate sentences of the top passages and the features their score is made of.

Every feature is computed from what the index already holds (sentence vectors, IDF): no
embedding at question time beyond the question itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from qa.answer.acronyms import ACRONYM_PLURAL
from qa.answer.fields import field_of
from qa.answer.non_answers import REPLY_REACH, never_answers, reply_heading
from qa.answer.question import question_head, question_type, typed_span
from qa.answer.tables import Tables, heads_table
from qa.answer.types import TYPE_FEATURES, dated_by_item
from qa.answer.weights import WEIGHTS
from qa.contracts import ChunkRow, Passage
from qa.ingest.leads import CLOSERS, is_dated_lead
from qa.ingest.letters import CLOSE, SIGNED_LINE
from qa.ingest.readers import CELL_SEPARATOR
from qa.ingest.titles import date_words
from qa.lang import analyze
from qa.lang.demonyms import found
from qa.store import Index, SentenceRow

@dataclass(frozen=True)
class Candidate:
    sentence: SentenceRow
    passage: Passage
    features: dict[str, float]
    score: float
    reading: str | None = None  # how a table's row reads with its header (qa.answer.tables.reading)

    @property
    def text(self) -> str:
        """What the evidence reads of the sentence: a table row's reading, else the sentence."""
        return self.reading or self.sentence.text

    @property
    def before(self) -> str:
        """Its passage's text before it: what an answer referring back reads, and what may say whose it is."""
        return self.passage.chunk.text[:max(0, self.sentence.start - self.passage.chunk.start)]


# what a sentence says of its own kind (kept per sentence when the pair's evidence is merged)
_OWN = frozenset(TYPE_FEATURES) | {"type", "length", "news_lead", "other_lead"}


def swap(ranked: list[Candidate], i: int, merge: bool = False) -> list[Candidate]:
    """ranked with candidate i first: the two swap scores, so the confidence reads the winner's
    evidence with the margin the model gave the pair. With `merge`, the winner's evidence of
    matching the question is the better of the pair's: "As a result, 740 kg were seized." shares
    few words with a question whose words the sentence before it holds, and without this the
    confidence would read the figure as matching nothing (issue 13, pattern 4)."""
    top, c = ranked[0], ranked[i]
    feats = c.features
    if merge:
        feats = {k: v if k in _OWN else max(v, top.features.get(k, v)) for k, v in c.features.items()}
    return [Candidate(c.sentence, c.passage, feats, top.score, c.reading), *ranked[1:i],
            Candidate(top.sentence, top.passage, top.features, c.score, top.reading), *ranked[i + 1:]]


def prefer_near_tie(ranked: list[Candidate], top_n: int, margin: float,
                    accept: Callable[[Candidate], bool]) -> list[Candidate]:
    """ranked with the first of its best `top_n` after the best, within `margin` of the best's score, that `accept`
    takes, first (swap); ranked as it is when none is."""
    for i in range(1, min(top_n, len(ranked))):
        if behind(ranked[0], ranked[i]) > margin:
            continue  # not break: across languages a later one may be nearer (behind)
        if accept(ranked[i]):
            return swap(ranked, i)
    return ranked


# In a dated news item, question terms found in the item's title say which item, not which
# sentence: they count less. (An undated text's "title" is only its first sentence cut short.)
TITLE_TERM_WEIGHT = 0.3

_NAME_OR_NUMBER = re.compile(r"\b[A-ZА-ЯЁ][\w'-]*|\b\d[\d,.]*")
# "CARICC's", "Reynolds'": a possessive is not part of the name
POSSESSIVE = re.compile(r"['’]s?$")
# "CARICC-coordinated", "Japan-funded": a name before a hyphen and a lower-case word is the name
_NAME_COMPOUND = re.compile(r"^([A-ZА-ЯЁ\d][\w'’]*)-[a-zа-яё]")


def name_key(word: str) -> str:
    """A question word as a name is looked up: lower case, without a possessive, a hyphenated tail
    or an acronym's plural "s"."""
    m = _NAME_COMPOUND.match(word)
    word = POSSESSIVE.sub("", m.group(1) if m else word)
    return ACRONYM_PLURAL.sub(r"\1", word).lower()


_CYRILLIC = re.compile(r"[а-яё]", re.I)


def _name_keys(words) -> set[str]:
    """How a name is matched: a Latin word or a number as written (lower case), a Cyrillic word
    by its stem, since Russian inflects names ("Джареда Аллена" is "Джаред Аллен")."""
    out = set()
    for w in words:
        if _CYRILLIC.search(w):
            w = w.lower()
            stems = analyze(w, "ru")
            out.update(stems[-1:] or [w])
        else:
            out.add(name_key(w))
    return out


def name_like(question: str, pattern: re.Pattern = _NAME_OR_NUMBER) -> list[str]:
    """The question's capitalised words after the first, and its numbers (`pattern`'s matches), as written. The
    pronoun "I" is no name ("What e-mail address should I write to?") unless a capitalised word goes before it:
    then it is a numeral ("Philip I", "Super Bowl I")."""
    rest = question.split(" ", 1)[1] if " " in question else ""
    out = []
    for m in pattern.finditer(rest):
        if m.group(0) == "I":
            before = rest[:m.start()].split()
            if not before or not before[-1][:1].isupper():
                continue
        out.append(m.group(0))
    return out


def question_names(question: str) -> set[str]:
    """Capitalised words after the first, and numbers: the names the question is about."""
    return _name_keys(name_like(question))


def name_words(text: str) -> set[str]:
    """The words a question's names are looked up in (lower case, each also without a possessive)."""
    words = set(re.findall(r"[\w'-]+", text.lower()))
    acronyms = {a.lower() for a in ACRONYM_PLURAL.findall(text)}
    return words | acronyms | {POSSESSIVE.sub("", w) for w in words}


def names_held(names: set[str], words: set[str]) -> int:
    """How many of `names` are among `words`, a place also by its adjective ("Africa" in "African
    countries", qa.lang.demonyms)."""
    return sum(found(n, words) for n in names)


def names_feature(names: set[str], text: str, terms) -> float:
    """The share of the question's `names` a sentence holds (`terms`: its analysed terms), 0.5 when
    the question names nothing."""
    if not names:
        return 0.5
    words = name_words(text)
    words.update(t for t in terms if _CYRILLIC.search(t))  # Cyrillic names by stem (_name_keys)
    return names_held(names, words) / len(names)


def _coverage(weights: dict[str, float], terms: set[str], total: float) -> float:
    return sum(w for t, w in weights.items() if t in terms) / total


# Features of the item around a sentence, added to the fitted sentence model (issue 13, "the right
# sentence"): old weights that do not name them give them no weight.
CONTEXT_FEATURES = ("lead_cov",)


def item_leads(index: Index, rows) -> dict[tuple[str, int], SentenceRow]:
    """The first sentence of each item the rows belong to. An item's sentences have consecutive
    ids: its start is usually among the 16 sentences before its earliest row given (one read), and
    in a long item (a whole report is one item) it is found by binary search over the ids."""
    first: dict[tuple[str, int], SentenceRow] = {}
    for r in rows:
        key = (r.doc, r.item)
        if key not in first or r.id < first[key].id:
            first[key] = r
    return {key: _item_start(index, r) for key, r in first.items()}


def _item_start(index: Index, r: SentenceRow) -> SentenceRow:
    key = (r.doc, r.item)
    lo = max(0, r.id - 16)
    lead = r
    for b in sorted(index.sentences(lo, r.id - lo), key=lambda b: -b.id):
        if (b.doc, b.item) != key:
            return lead
        lead = b
    if lo == 0:
        return lead
    low, high = 0, lead.id  # the first sentence of the item is in [low, high]
    while low < high:
        mid = (low + high) // 2
        got = index.sentences(mid, 1)
        if got and (got[0].doc, got[0].item) == key:
            high = mid
        else:
            low = mid + 1
    return index.sentences(high, 1)[0]


def typed_feature(text: str, qtype: str | None, qwords: set[str], lang: str | None) -> float:
    """The feature "type": 1 when the sentence holds a span of the asked kind (qa.answer.question.
    typed_span) the question does not name, 0.6 for a vague count ("several", "dozens"), 0 when it
    holds none, 0.5 when the question asks for no kind. `lang`: the sentence's stored language."""
    if qtype is None:
        return 0.5
    span = typed_span(text, qtype, qwords, lang)
    if span is None:
        return 0.0
    return 0.6 if qtype == "number" and not re.search(r"\d", text[span[0]:span[1]]) else 1.0


def lead_coverage(idf: dict[str, float], total: float, own: set[str], lead: set[str] | None) -> float:
    """The share (IDF-weighted) of the question's terms that a sentence's item states in its first
    sentence and the sentence itself does not repeat: a sentence deep in an item about the asked
    event ("He thanked the State Revenue Committee for hosting the event") answers about what the
    item's lead names ("... the CCASP held its Regional Awareness Workshop in Astana"). 0 for the
    lead itself. Fitted, not a rule: the sentence model weighs it (benchmarks/fit_answer.py)."""
    if lead is None:
        return 0.0
    return sum(w for t, w in idf.items() if t in lead and t not in own) / total


# A heading: a line of at most this many words, on its own between line breaks, with no figure and no closing
# punctuation ("Railway works", "Pipelines", a PDF page's "Executive summary"). It names what follows: it stays
# in its passage for retrieval and as a neighbour's context, but it answers nothing.
HEADING_MAX_WORDS = 3
# whether the lines qa.answer.non_answers reads as answering nothing asked are left out as headings are
NON_ANSWERS = True
_HEADING_CLOSERS = ".!?:;…,"
# A section's number before its heading's words ("1. Общая характеристика", "2.3 Seizures", "IV. Выводы"): the
# number orders the report's sections and says nothing, so the words after it are read as the heading.
# A figure without a point before the words is a count ("15 Officers"), no section's number.
_SECTION_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+|[IVX]{1,5}\.)\s+(?=\w)")


def is_heading(row: SentenceRow, chunk: ChunkRow) -> bool:
    """Whether the sentence `row` of the passage's `chunk` is a heading line (a numbered section's too)."""
    text = row.text.strip()
    text = text[m.end():] if (m := _SECTION_NUMBER.match(text)) else text
    if not text or len(text.split()) > HEADING_MAX_WORDS or re.search(r"\d", text):
        return False
    if not text[:1].isupper() or text.rstrip(CLOSERS)[-1:] in _HEADING_CLOSERS:
        return False
    if field_of(text) is not None:  # "Venue: Almaty, Kazakhstan" is a field, and states something (qa.answer.fields)
        return False
    before = chunk.text[: max(0, row.start - chunk.start)].rstrip(" \t")
    after = chunk.text[max(0, row.end - chunk.start):]
    if before and not before.endswith("\n"):
        return False
    if CLOSE.match(before.rstrip().rsplit("\n", 1)[-1]) or SIGNED_LINE.match(text):  # a letter's or order's signature
        return False
    rest = after.lstrip()
    gap = after[: len(after) - len(rest)].replace("\r", "")
    # what follows starts a paragraph, or a line in capitals (a PDF's next line): not a line broken inside a
    # sentence ("Breathing pure O" / "2 ...", where a formula's subscript went to the next line)
    return not rest or "\n\n" in gap or ("\n" in gap and rest[:1].isupper())


def sentence_features(
    question: str,
    query_vector: np.ndarray,
    terms: list[str],
    passages: list[Passage],
    index: Index,
    tables: Tables | None = None,
    replies: dict[int, int] | None = None,
) -> list[tuple[SentenceRow, Passage, dict[str, float]]]:
    """Every distinct sentence of the passages with the features the score is made of (`tables`: the
    question's reader of table rows, when the caller reads them too; `replies`, when given, is filled with each reply's
    sentence id -> its question's, for add_uncentred)."""
    if not passages:
        return []
    tables = tables or Tables(index)
    idf = index.idf(sorted(set(terms)))
    total = sum(idf.values()) or 1.0
    pairs = {(a, b): idf[a] + idf[b] for a, b in zip(terms, terms[1:])}
    pairs_total = sum(pairs.values()) or 1.0
    qtype = question_type(question)
    qwords = set(re.findall(r"\w+", question.lower()))
    names = question_names(question)
    best_passage = max(p.score for p in passages) or 1.0
    head = set(question_head(question))
    out = []
    seen: set[int] = set()
    analyzed: dict[int, list[str]] = {}  # sentence id -> terms; passages overlap and share neighbours
    leads: dict[tuple[str, int], SentenceRow] = {}
    for p in passages:
        dated = p.item is not None and p.item.date is not None
        # The terms that name the item: its title and its date (a headline made from the lead
        # has dropped the lead's date, which still says which item, not which sentence).
        title_terms = set(analyze(f"{p.item.title} {date_words(p.item.date)}")) if p.item is not None else set()
        ctx = _coverage(idf, set(analyze(p.chunk.text)) | title_terms, total)
        focus_w = {t: w * (TITLE_TERM_WEIGHT if dated and t in title_terms else 1.0) for t, w in idf.items()}
        focus_total = sum(focus_w.values()) or 1.0
        first, n = p.chunk.first_sentence, p.chunk.n_sentences
        # one sentence either side as well: the window feature looks at a sentence's neighbours; a few more before,
        # where a reply's question may stand
        start = max(0, first - REPLY_REACH)
        around = index.sentences(start, n + 1 + first - start)
        for r in around:
            if r.id not in analyzed and r.id >= first - 1:
                analyzed[r.id] = analyze(r.text)
        by_id = {r.id: r for r in around}
        rows = [r for r in around if first <= r.id < first + n]
        if rows and (rows[0].doc, rows[0].item) not in leads:
            leads.update(item_leads(index, rows[:1]))
        for r in rows[1:]:
            if (r.doc, r.item) not in leads:  # a passage that crosses into another item
                leads.update(item_leads(index, [r]))
        vecs = index.sentence_vectors[[r.id for r in rows]] if rows else np.zeros((0, 1))
        for row, vec in zip(rows, vecs):
            if row.id in seen:
                continue
            seen.add(row.id)
            if is_heading(row, p.chunk) or heads_table(row, by_id.get(row.id - 1), by_id.get(row.id + 1)):
                continue
            if CELL_SEPARATOR in row.text and tables.repeats_header(row):
                continue
            # an e-mail's subject line, a heading's broken-off line, a letter's courtesy formula (qa.answer.non_answers)
            if NON_ANSWERS and never_answers(row, p.chunk, question, index):
                continue
            # a table's row says what it holds only through its header: its words are its reading's
            reading = tables.reading(row)
            text = reading or row.text
            seq = analyze(reading) if reading else analyzed[row.id]
            sterms = set(seq)
            asked = reply_heading(row, by_id)
            dense = float(vec @ query_vector)
            if asked is not None:  # a reply holds the words and the meaning of its question, as a row its header's
                if asked.id not in analyzed:
                    analyzed[asked.id] = analyze(asked.text)
                sterms |= set(analyzed[asked.id])
                dense = max(dense, float(index.sentence_vectors[asked.id] @ query_vector))
                if replies is not None:
                    replies[row.id] = asked.id
            window = set(sterms)
            for nid in (row.id - 1, row.id + 1):
                nb = by_id.get(nid)
                if nb is not None and nb.doc == row.doc and nb.item == row.item:
                    window.update(analyzed[nid])
            lead = p.item is not None and row.start == p.item.start
            # the language stored at index time; "… today launched …" in an item's lead states the item's date
            typed = typed_feature(dated_by_item(text, p.item.date, lead) if qtype == "date" and lead else text,
                                  qtype, qwords, row.lang)
            news_lead = lead and is_dated_lead(row.text)
            feats = {
                "dense": dense,
                "lex": _coverage(idf, sterms, total),
                "focus": _coverage(focus_w, sterms, focus_total),
                "ctx": ctx,
                "window": _coverage(idf, window, total),
                "bigram": _coverage(pairs, set(zip(seq, seq[1:])), pairs_total) if pairs else 0.0,
                "passage": p.score / best_passage,
                "passage_dense": p.dense,
                "passage_lex": p.lexical,
                "type": typed,
                "head": len(head & sterms) / len(head) if head else 0.5,
                "names": names_feature(names, text, sterms),
                "length": float(np.log1p(len(seq))),
                "news_lead": float(news_lead),
                "other_lead": float(lead and not news_lead),
            }
            item_lead = leads.get((row.doc, row.item))
            if item_lead is not None and item_lead.id != row.id and item_lead.id not in analyzed:
                analyzed[item_lead.id] = analyze(item_lead.text)
            feats["lead_cov"] = lead_coverage(
                idf, total, sterms,
                None if item_lead is None or item_lead.id == row.id else set(analyzed[item_lead.id]))
            out.append((row, p, feats))
    _across_languages(out, query_vector, index)
    return out


def _across_languages(out: list, query_vector: np.ndarray, index: Index) -> None:
    """In an e5 index whose candidates are in both English and Russian, the dense cosine of a sentence in the
    other language than the question's, freed of e5's language offset as retrieval frees a passage's
    (qa.retrieve.language_shift): e5 puts each language's vectors around its own mean, so a question's own
    language's sentences outscored the sentence that answers it in the other. The order within one language
    never changes, and candidates in one language, and other indexes, are left as they are.

    Measured with `benchmarks/xquad_mixed.py --split` (docs/languages.md, "The twenty-seventh session"): answer
    hit@1 of questions whose answer is only in the other language 54.3 -> 58.9 % (English questions) and
    53.7 -> 56.2 % (Russian), within one language unchanged. Standing in for the word-counting features as
    retrieval does (qa.retrieve._stand_in) lost 3-8 points within one language, so the words are still
    counted only in the question's language."""
    from qa.retrieve import language_shift  # here, not at the top: qa.retrieve imports qa.answer

    shift = language_shift(index, query_vector, [row.lang for row, _, _ in out])
    if np.isscalar(shift):
        return
    for (_, _, f), s in zip(out, shift):
        f["dense"] -= float(s)
    _passage_dense_across(out, query_vector, index)


def _passage_dense_across(out: list, query_vector: np.ndarray, index: Index) -> None:
    """A passage's dense cosine ("passage_dense", `Passage.dense`: the model's cosine, as shown) read without e5's
    language offset for a passage in the other language, as retrieval fused it (qa.retrieve._cross_language) and as
    the sentence's own "dense" is read above. By the passages' stored languages; nothing when they are in one."""
    from qa.retrieve import language_shift

    passages = {p.chunk.id: p for _, p, _ in out}
    ids = list(passages)
    shift = language_shift(index, query_vector, index.chunk_languages(np.array(ids)))
    if np.isscalar(shift):
        return
    by_chunk = dict(zip(ids, shift))
    for _, p, f in out:
        f["passage_dense"] = p.dense - float(by_chunk[p.chunk.id])


# Sentence features of the multilingual-e5 fit only (qa/answer/fitted_e5.py names them; the MiniLM
# weights do not, so an English index never computes them): add_uncentred.
UNCENTRED = ("dense_raw", "dense_raw_rel")


def uncentred(vectors: np.ndarray) -> np.ndarray:
    """e5's unit vectors as the model made them, from the centred ones the index stores.

    qa.embed.e5_small stores c = (u - m) / |u - m| for a unit vector u and the mean m
    (qa.embed.e5_center), so u = m + k c with the k >= 0 that makes |u| = 1:
    k = -(c.m) + sqrt((c.m)^2 - |m|^2 + 1). Only e5's part of a vector is read: the last len(m)
    values (a hybrid index stores [MiniLM, e5] / sqrt 2, a hybrid question [0, e5 * sqrt 2]),
    renormalised, so the same code serves an e5 index, a hybrid one and a companion."""
    from qa.embed.e5_center import MEAN

    m = np.asarray(MEAN, np.float64)
    c = np.asarray(vectors, np.float64)[..., -len(m):]
    c = c / np.maximum(np.linalg.norm(c, axis=-1, keepdims=True), 1e-12)
    mc = c @ m
    k = -mc + np.sqrt(np.maximum(mc * mc - m @ m + 1.0, 0.0))
    return m + k[..., None] * c


def add_uncentred(query_vector: np.ndarray, feats: list, sentence_vectors,
                  replies: dict[int, int] | None = None) -> None:
    """The question's cosine with each candidate sentence under e5's own, uncentred vectors
    ("dense_raw"), and its distance to the best candidate's ("dense_raw_rel").

    Why beside the centred "dense": centring (qa.embed.e5_small) puts e5's cosines on the scale of
    MiniLM's, and also moves which sentence is nearest: on XQuAD Russian -> Russian the sentence
    nearest by the uncentred cosine holds the answer 70.5 % of the time, by the centred one 68.2 %
    (docs/languages.md, "Where Russian -> Russian loses"). The fit reads both.

    Among candidates in both English and Russian, a sentence in the other language than the question's is
    scored without e5's language offset of the uncentred vectors (RU_MINUS_EN_RAW), as `_across_languages`
    scores the centred cosine: the offset was still in this cosine, the fit's largest weights (docs/languages.md,
    "The thirty-seventh session"). The order within one language never changes. A reply (`replies`: its id -> its
    question's, from sentence_features) reads the better of its own and its question's cosine, as the centred one
    does."""
    if not feats:
        return
    from qa.embed.e5_language import RU_MINUS_EN_RAW
    from qa.retrieve import shift_along  # here, not at the top: qa.retrieve imports qa.answer

    q = uncentred(query_vector)
    s = uncentred(sentence_vectors[[row.id for row, _, _ in feats]]) @ q
    if replies:
        asked = uncentred(sentence_vectors[[replies.get(row.id, row.id) for row, _, _ in feats]]) @ q
        s = np.maximum(s, asked)
    # e5's own vectors hold its language offset too: among candidates in both languages, a sentence in the other
    # language than the question's is read without it, as the centred cosine is (_across_languages)
    s = s - shift_along(RU_MINUS_EN_RAW, q, [row.lang for row, _, _ in feats])
    top = float(s.max())
    for (_, _, f), v in zip(feats, s):
        f["dense_raw"], f["dense_raw_rel"] = float(v), float(v) - top


# Sentence features that act only across languages (an e5 fit names them when it was fitted with them:
# benchmarks/fit_e5.py across): add_across.
ACROSS = ("other", "other_dense")
# the part of a candidate's score its ACROSS features give (add_across): they re-order candidates across languages,
# and the confidence and abstention evidence reads the score without them (evidence.fitted_score)
ACROSS_SCORE = "across_score"


# the features that count the question's words in a sentence or its passage: none can be read across languages
WORD_FEATURES = ("lex", "focus", "ctx", "window", "bigram", "passage_lex", "head", "names")
# the part of a candidate's score they give (set beside ACROSS_SCORE): what behind() leaves out across languages
WORDS_SCORE = "words_score"


def behind(best: Candidate, other: Candidate) -> float:
    """How far `other`'s score is behind `best`'s, as the near-tie rules read it. Between sentences in two languages,
    without the part the question's words give (WORDS_SCORE): a sentence in the other language shares none of them,
    so most of its gap to one in the question's language that repeats them is words, not meaning. The training
    course's "Занятия проведут Гульнара Сеитова …" is no near tie of "The course … will hold …" by its score for "Who
    are the trainers of the course in Bishkek?", and is by what the two say. So the near-tie rules look at each of
    their best few, not only until the first that is too far behind."""
    gap = best.score - other.score
    a, b = best.sentence.lang, other.sentence.lang
    if a is not None and b is not None and a != b:
        gap -= best.features.get(WORDS_SCORE, 0.0) - other.features.get(WORDS_SCORE, 0.0)
    return gap


def add_across(question: str, feats: list, weights: dict[str, float] | None = None) -> None:
    """Whether each candidate sentence is in another language than the question's ("other": 1 across, 0 within a
    language or when the index stores no language), and its uncentred cosine's distance to the best candidate's
    across languages only ("other_dense": `dense_raw_rel` of such a sentence, 0 for the question's language).

    Why: the word-counting features (`lex`, `focus`, `ctx`, `head`, `passage_lex`) are 0 for a sentence in the other
    language whatever it says, so in a pool holding both languages a sentence of the question's language that
    repeats its words outscored the answer in the other (docs/languages.md, "The thirty-seventh session"). A fit on
    such pools can weigh the dense evidence of a sentence whose words cannot be counted on its own. Within a pool of
    one language "other" is the same for every candidate, so it cannot reorder it. Needs add_uncentred first. With
    the sentence `weights`, each candidate's ACROSS_SCORE too: the part of its score these features give."""
    if not feats:
        return
    from qa.lang import detect

    lang = detect(question)
    for row, _, f in feats:
        other = float(row.lang is not None and row.lang != lang)
        f["other"], f["other_dense"] = other, other * f["dense_raw_rel"]
        if weights is not None:
            f[ACROSS_SCORE] = sum(weights.get(k, 0.0) * f[k] for k in ACROSS)
            f[WORDS_SCORE] = sum(weights.get(k, 0.0) * f.get(k, 0.0) for k in WORD_FEATURES)


def score(feats: dict[str, float], weights: dict[str, float] = WEIGHTS) -> float:
    return sum(weights.get(f, 0.0) * v for f, v in feats.items())


def candidates(
    question: str,
    query_vector: np.ndarray,
    terms: list[str],
    passages: list[Passage],
    index: Index,
    weights: dict[str, float] = WEIGHTS,
) -> list[Candidate]:
    """Every sentence of the passages, scored, best first."""
    out = [
        Candidate(row, p, feats, score(feats, weights))
        for row, p, feats in sentence_features(question, query_vector, terms, passages, index)
    ]
    out.sort(key=lambda c: -c.score)
    return out

