"""Passages -> one verbatim answer sentence (and a typed span inside it), or no answer."""

from __future__ import annotations

import re

import numpy as np

from qa.answer import short, trees
from qa.answer.evidence import calibrate, evidence, probability
from qa.answer.features import Candidate, sentence_features
from qa.answer.ordering import rerank_passages
from qa.answer.trim import MAX_ANSWER_CHARS, trim
from qa.answer.types import needs, type_features
from qa.answer.weights import fitted_for
from qa.contracts import Answer, Passage
from qa.lang import analyze
from qa.store import Index, SentenceRow



def _trim(row: SentenceRow, terms: list[str]) -> tuple[int, int]:
    """The cut before issue 13 (kept for benchmarks/fit_answer.py --baseline): the window of a
    very long sentence that holds most question terms. The answer step uses qa.answer.trim."""
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



def ranked_candidates(
    question: str, query_vector: np.ndarray, terms: list[str], passages: list[Passage], index: Index,
    weights: dict[str, float], typed_neighbour: bool = False,
) -> list[Candidate]:
    """Every sentence of the passages with its features (answer types included), best first."""
    feats = sentence_features(question, query_vector, terms, passages, index)
    for row, p, f in feats:
        item = p.item
        f.update(type_features(question, row.text, item.title if item else "", item.date if item else None,
                               bool(f["news_lead"])))
    if feats and "match" in weights:
        add_match(question, feats)
    out = [Candidate(row, p, f, sum(w * f[k] for k, w in weights.items())) for row, p, f in feats]
    out.sort(key=lambda c: -c.score)
    return prefer_typed_neighbour(out, question) if typed_neighbour else out


# how far down the ranking the neighbour that holds the asked kind may sit
NEIGHBOUR_TOP = 3


def prefer_typed_neighbour(ranked: list[Candidate], question: str) -> list[Candidate]:
    """Issue 13, patterns 1 and 4: the sentence holding the question's words often sets the scene
    and the next one gives the figure ("... 7 operations have been carried out ... As a result of
    the operations, 740 kg of drugs were seized."). When a how-many / how-much question's best
    sentence holds no such quantity (qa.answer.types.unit_match) and the next sentence of the same
    item, among the best NEIGHBOUR_TOP, does, that sentence is the answer; the two swap scores, so
    the confidence reads the winner's evidence with the margin the model gave the pair. (Applied
    to every answer type and to the sentence before as well, it cost sentence hit@1 on every set
    in cross-validation: docs/quality.md.)"""
    if len(ranked) < 2 or needs(question).wants != "number" or ranked[0].features.get("unit") != 0.0:
        return ranked
    best = ranked[0].sentence
    for i in range(1, min(NEIGHBOUR_TOP, len(ranked))):
        c = ranked[i]
        row = c.sentence
        if c.features.get("unit") == 1.0 and row.doc == best.doc and row.item == best.item and row.id == best.id + 1:
            top = ranked[0]
            return [Candidate(row, c.passage, c.features, top.score),
                    *ranked[1:i], Candidate(top.sentence, top.passage, top.features, c.score), *ranked[i + 1:]]
    return ranked


def add_match(question: str, feats: list) -> None:
    """The learned matcher's score of each candidate (qa.answer.matcher), and its distance to the
    best candidate's: how much better the best-matching sentence is than this one."""
    from qa.answer.matcher import default_matcher

    scores = np.asarray(default_matcher().score(question, [row.text for row, _, _ in feats]), float)
    top = float(scores.max())
    for (_, _, f), s in zip(feats, scores):
        f["match"] = float(s)
        f["match_rel"] = float(s) - top


def pick_answer(
    question: str,
    query_vector: np.ndarray,
    terms: list[str],
    passages: list[Passage],
    index: Index,
    model: str | None = None,
) -> tuple[Answer | None, list[Passage]]:
    """The best answer sentence (or None: "not found") and the re-ranked passages.

    `model` is the embedder's identity: it picks the answer weights fitted for its vectors."""
    fitted = fitted_for(model)
    ranked = ranked_candidates(question, query_vector, terms, passages, index, fitted.sentence, fitted.typed_neighbour)
    if not ranked:
        return None, passages
    pool = passages
    passages = rerank_passages(passages, ranked, fitted.passage)
    facts = evidence(question, terms, ranked, pool, index.idf(sorted(set(terms))))
    raw = probability(facts, fitted.confidence, fitted.confidence_bias)
    conf = calibrate(raw, fitted.calibration)
    # abstain on a separate model of "the documents hold the answer" when one was fitted
    if fitted.abstain_trees:
        gate = trees.probability(facts, fitted.abstain_trees)
    else:
        gate = probability(facts, fitted.abstain, fitted.abstain_bias) if fitted.abstain else conf
    if gate < fitted.abstain_below:
        return None, passages
    best = ranked[0]
    row = best.sentence
    p = next(x for x in passages if x.chunk.id == best.passage.chunk.id)
    a, b = trim(row.text, question, terms, MAX_ANSWER_CHARS)
    text = row.text[a:b]  # row.text is document[row.start:row.end]
    found, _ = short.pick(text, question, raw, best.features["lex"], fitted.span, fitted.span_bias,
                          fitted.span_threshold)
    start, end = row.start + a, row.start + b
    item = index.item(row.doc, row.item)
    page = item.page if item is not None else None
    if page is not None:
        # a PDF's sentence rows hold its search text (hyphenation at line ends joined); the
        # answer is the extracted text itself, which `qa text` prints
        text = index.document_slice(row.doc, start, end) or text
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
            span=None if found is None else (start + found[0], start + found[1]),
            page=page,
        ),
        passages,
    )
