"""Passages -> one verbatim answer sentence (and a typed span inside it), or no answer."""

from __future__ import annotations

import re

import numpy as np

from qa.answer.confidence import abstain_features, confidence
from qa.answer.features import candidates
from qa.answer.ordering import rerank_passages
from qa.answer.question import question_type, typed_span
from qa.answer.weights import fitted_for
from qa.contracts import Answer, Passage
from qa.lang import analyze
from qa.store import Index, SentenceRow

MAX_ANSWER_CHARS = 400


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



def pick_answer(
    question: str,
    query_vector: np.ndarray,
    terms: list[str],
    passages: list[Passage],
    index: Index,
    model: str | None = None,
) -> tuple[Answer | None, list[Passage]]:
    """The best answer sentence (or None when it is not convincing) and the re-ranked passages.

    `model` is the embedder's identity: it picks the answer weights fitted for its vectors."""
    fitted = fitted_for(model)
    ranked = candidates(question, query_vector, terms, passages, index, fitted.sentence)
    if not ranked:
        return None, passages
    passages = rerank_passages(passages, ranked, fitted.passage)
    best = ranked[0]
    conf = confidence(abstain_features(ranked), fitted.confidence, fitted.confidence_bias)
    if conf < fitted.abstain_below:
        return None, passages
    row = best.sentence
    p = next(x for x in passages if x.chunk.id == best.passage.chunk.id)
    start, end = _trim(row, terms)
    text = row.text[start - row.start:end - row.start]  # row.text is document[row.start:row.end]
    item = index.item(row.doc, row.item)
    page = item.page if item is not None else None
    if page is not None:
        # a PDF's sentence rows hold its search text (hyphenation at line ends joined); the
        # answer is the extracted text itself, which `qa text` prints
        text = index.document_slice(row.doc, start, end) or text
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
            doc_title=p.doc_title,
            date=p.item.date if p.item else None,
            start=start,
            end=end,
            score=round(conf, 4),
            passage_rank=p.rank,
            span=span,
            page=page,
        ),
        passages,
    )
