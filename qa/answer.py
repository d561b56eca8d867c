"""Passages -> one verbatim answer sentence (and a typed span inside it), or no answer.

Every candidate sentence of the top passages is scored against the question with features
computed from what the index already holds (sentence vectors, IDF): no embedding at question
time beyond the question itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from qa.index import Index, SentenceRow
from qa.lexical import analyze
from qa.question import question_head, question_type, typed_span
from qa.retrieve import Passage

MAX_ANSWER_CHARS = 400

@dataclass(frozen=True)
class Answer:
    text: str  # the answer sentence, verbatim: document[start:end]
    doc: str
    title: str
    date: str | None
    start: int
    end: int
    score: float  # confidence 0..1
    passage_rank: int
    span: tuple[int, int] | None = None  # the short answer inside [start, end), if one was found

    @property
    def span_text(self) -> str | None:
        if self.span is None:
            return None
        return self.text[self.span[0] - self.start:self.span[1] - self.start]


@dataclass(frozen=True)
class Candidate:
    sentence: SentenceRow
    passage: Passage
    features: dict[str, float]
    score: float


# Weights of the sentence score; fitted on a SQuAD dev sample with benchmarks/tune_answer.py.
WEIGHTS = {"dense": 0.231, "lex": 0.077, "focus": 0.106, "ctx": 0.254, "passage": 0.058, "type": 0.046, "head": 0.152, "lead": -0.076}
# Below this confidence the assistant says the documents do not hold the answer.
ABSTAIN_BELOW = 0.390
# Question terms found in an item's title say which item, not which sentence: they count less.
TITLE_TERM_WEIGHT = 0.3


def sentence_features(
    question: str,
    query_vector: np.ndarray,
    terms: list[str],
    passages: list[Passage],
    index: Index,
) -> list[tuple[SentenceRow, Passage, dict[str, float]]]:
    """Every distinct sentence of the passages with the features the score is made of."""
    if not passages:
        return []
    idf = index.lexical.idf(sorted(set(terms)))
    total = sum(idf.values()) or 1.0
    qtype = question_type(question)
    qwords = set(re.findall(r"\w+", question.lower()))
    best_passage = max(p.score for p in passages) or 1.0
    head = set(question_head(question))
    out = []
    seen: set[int] = set()
    for p in passages:
        title_terms = set(analyze(p.item.title)) if p.item is not None else set()
        ctx_terms = set(analyze(p.chunk.text)) | title_terms
        ctx = sum(w for t, w in idf.items() if t in ctx_terms) / total
        focus_w = {t: w * (TITLE_TERM_WEIGHT if t in title_terms else 1.0) for t, w in idf.items()}
        focus_total = sum(focus_w.values()) or 1.0
        rows = index.sentences(p.chunk.first_sentence, p.chunk.n_sentences)
        vecs = index.sentence_vectors[[r.id for r in rows]] if rows else np.zeros((0, 1))
        for row, vec in zip(rows, vecs):
            if row.id in seen:
                continue
            seen.add(row.id)
            sterms = set(analyze(row.text))
            typed = 0.5
            if qtype is not None:
                span = typed_span(row.text, qtype, qwords)
                typed = 0.0 if span is None else 1.0
                if span is not None and qtype == "number" and not re.search(r"\d", row.text[span[0]:span[1]]):
                    typed = 0.6  # "several", "dozens": a count, but a vague one
            feats = {
                "dense": float(vec @ query_vector),
                "lex": sum(w for t, w in idf.items() if t in sterms) / total,
                "focus": sum(w for t, w in focus_w.items() if t in sterms) / focus_total,
                "ctx": ctx,
                "passage": p.score / best_passage,
                "type": typed,
                "head": len(head & sterms) / len(head) if head else 0.5,
                "lead": 1.0 if p.item is not None and row.start == p.item.start else 0.0,
            }
            out.append((row, p, feats))
    return out


def score(feats: dict[str, float], weights: dict[str, float] = WEIGHTS) -> float:
    return sum(weights[f] * v for f, v in feats.items())


def candidates(
    question: str,
    query_vector: np.ndarray,
    terms: list[str],
    passages: list[Passage],
    index: Index,
) -> list[Candidate]:
    """Every sentence of the passages, scored, best first."""
    out = [
        Candidate(row, p, feats, score(feats))
        for row, p, feats in sentence_features(question, query_vector, terms, passages, index)
    ]
    out.sort(key=lambda c: -c.score)
    return out


# Logistic model of "the best sentence is a right answer", over abstain_features(); fitted by
# benchmarks/tune_answer.py on SQuAD questions asked with and without their gold paragraph, and
# on the dev questions over the bundled corpus (the only real unanswerable questions we have).
# Only features whose effect has a plausible sign are used: with six unanswerable examples a
# richer model fits their accidents (e.g. "typed questions are unanswerable") rather than a rule.
CONFIDENCE_WEIGHTS = {
    "score": 0.274, "margin": 0.831, "dense": 0.954, "lex": 0.029, "focus": 0.623, "ctx": 0.675,
    "top_bm25": 0.534, "p_dense": 0.678,
}
CONFIDENCE_BIAS = -2.650


def abstain_features(question: str, terms: list[str], ranked: list[Candidate], index: Index) -> dict[str, float]:
    """Evidence for and against the best candidate being an answer at all."""
    best = ranked[0]
    second = ranked[1].score if len(ranked) > 1 else 0.0
    f = best.features
    return {
        "score": best.score,
        "margin": best.score - second,
        "dense": f["dense"],
        "lex": f["lex"],
        "focus": f["focus"],
        "ctx": f["ctx"],
        # raw BM25 of the best passage overall: low when the question's words are rare or absent
        "top_bm25": float(np.log1p(max(c.passage.bm25 for c in ranked))),
        "p_dense": best.passage.dense,
    }


def confidence(features: dict[str, float]) -> float:
    """Estimated probability that the best sentence answers the question."""
    z = CONFIDENCE_BIAS + sum(CONFIDENCE_WEIGHTS[k] * features[k] for k in CONFIDENCE_WEIGHTS)
    return float(1.0 / (1.0 + np.exp(-z)))


def _trim(row: SentenceRow, terms: list[str]) -> tuple[int, int]:
    """The sentence, or for a very long one the window of it that holds most question terms."""
    if len(row.text) <= MAX_ANSWER_CHARS:
        return row.start, row.end
    # clause boundaries inside the sentence, then the best window of consecutive clauses
    cuts = [0] + [m.end() for m in re.finditer(r"[,;:]\s+", row.text)] + [len(row.text)]
    tset = set(terms)
    best, best_score = (0, min(len(row.text), MAX_ANSWER_CHARS)), -1.0
    for i in range(len(cuts) - 1):
        for j in range(i + 1, len(cuts)):
            if cuts[j] - cuts[i] > MAX_ANSWER_CHARS:
                break
            s = len(set(analyze(row.text[cuts[i]:cuts[j]])) & tset) + 0.001 * (cuts[j] - cuts[i])
            if s > best_score:
                best, best_score = (cuts[i], cuts[j]), s
    a, b = best
    piece = row.text[a:b]
    a += len(piece) - len(piece.lstrip())
    b -= len(piece) - len(piece.rstrip())
    return row.start + a, row.start + b


# How much a passage's best sentence counts when passages are re-ordered for display and citation.
SENTENCE_EVIDENCE = 0.985


def rerank_passages(passages: list[Passage], ranked: list[Candidate]) -> list[Passage]:
    """Re-order passages by their retrieval score mixed with their best sentence's score."""
    best: dict[int, float] = {}
    for c in ranked:
        cid = c.passage.chunk.id
        best[cid] = max(best.get(cid, float("-inf")), c.score)
    top_retrieval = max((p.score for p in passages), default=1.0) or 1.0
    top_sentence = max(best.values(), default=1.0) or 1.0

    def mixed(p: Passage) -> float:
        evidence = best.get(p.chunk.id, 0.0) / top_sentence
        return (1 - SENTENCE_EVIDENCE) * p.score / top_retrieval + SENTENCE_EVIDENCE * evidence

    order = sorted(passages, key=lambda p: -mixed(p))
    return [replace(p, rank=r + 1, score=mixed(p)) for r, p in enumerate(order)]


def pick_answer(
    question: str,
    query_vector: np.ndarray,
    terms: list[str],
    passages: list[Passage],
    index: Index,
) -> tuple[Answer | None, list[Passage]]:
    """The best answer sentence (or None when it is not convincing) and the re-ranked passages."""
    ranked = candidates(question, query_vector, terms, passages, index)
    if not ranked:
        return None, passages
    passages = rerank_passages(passages, ranked)
    best = ranked[0]
    conf = confidence(abstain_features(question, terms, ranked, index))
    if conf < ABSTAIN_BELOW:
        return None, passages
    row = best.sentence
    p = next(x for x in passages if x.chunk.id == best.passage.chunk.id)
    start, end = _trim(row, terms)
    text = row.text[start - row.start:end - row.start]  # row.text is document[row.start:row.end]
    qtype = question_type(question)
    span = None
    if qtype is not None:
        found = typed_span(text, qtype, set(re.findall(r"\w+", question.lower())))
        if found is not None:
            span = (start + found[0], start + found[1])
    return (
        Answer(
            text=text,
            doc=row.doc,
            title=p.item.title if p.item else row.doc,
            date=p.item.date if p.item else None,
            start=start,
            end=end,
            score=round(conf, 4),
            passage_rank=p.rank,
            span=span,
        ),
        passages,
    )
