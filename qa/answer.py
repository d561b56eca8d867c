"""Passages -> one verbatim answer sentence (and a typed span inside it), or no answer.

Every candidate sentence of the top passages is scored against the question with features
computed from what the index already holds (sentence vectors, IDF): no embedding at question
time beyond the question itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from qa.documents import is_dated_lead
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


# Weights of the sentence score, a log-linear model: softmax over the candidate sentences of one
# question gives the probability that each holds the answer. Fitted by benchmarks/tune_answer.py
# (listwise likelihood) on SQuAD dev questions outside the reported sample and the dev questions.
WEIGHTS = {
    "dense": 6.392, "lex": 1.935, "focus": 3.566, "ctx": 4.774, "window": 2.174, "bigram": 1.214,
    "passage": 1.753, "passage_dense": 2.843, "passage_lex": -0.588, "type": 1.810, "head": 2.166,
    "names": -0.993, "length": -0.421, "news_lead": -3.121, "other_lead": -0.259,
}
# Below this confidence the assistant says the documents do not hold the answer.
ABSTAIN_BELOW = 0.713
# In a dated news item, question terms found in the item's title say which item, not which
# sentence: they count less. (An undated text's "title" is only its first sentence cut short.)
TITLE_TERM_WEIGHT = 0.3

_NAME_OR_NUMBER = re.compile(r"\b[A-Z][\w'-]*|\b\d[\d,.]*")


def _coverage(weights: dict[str, float], terms: set[str], total: float) -> float:
    return sum(w for t, w in weights.items() if t in terms) / total


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
    pairs = {(a, b): idf[a] + idf[b] for a, b in zip(terms, terms[1:])}
    pairs_total = sum(pairs.values()) or 1.0
    qtype = question_type(question)
    qwords = set(re.findall(r"\w+", question.lower()))
    # capitalised words after the first, and numbers: the names the question is about
    names = {w.lower() for w in _NAME_OR_NUMBER.findall(question.split(" ", 1)[1] if " " in question else "")}
    best_passage = max(p.score for p in passages) or 1.0
    head = set(question_head(question))
    out = []
    seen: set[int] = set()
    analyzed: dict[int, list[str]] = {}  # sentence id -> terms; passages overlap and share neighbours
    for p in passages:
        dated = p.item is not None and p.item.date is not None
        title_terms = set(analyze(p.item.title)) if p.item is not None else set()
        ctx = _coverage(idf, set(analyze(p.chunk.text)) | title_terms, total)
        focus_w = {t: w * (TITLE_TERM_WEIGHT if dated and t in title_terms else 1.0) for t, w in idf.items()}
        focus_total = sum(focus_w.values()) or 1.0
        first, n = p.chunk.first_sentence, p.chunk.n_sentences
        # one sentence either side as well: the window feature looks at a sentence's neighbours
        around = index.sentences(max(0, first - 1), n + 2)
        for r in around:
            if r.id not in analyzed:
                analyzed[r.id] = analyze(r.text)
        by_id = {r.id: r for r in around}
        rows = [r for r in around if first <= r.id < first + n]
        vecs = index.sentence_vectors[[r.id for r in rows]] if rows else np.zeros((0, 1))
        for row, vec in zip(rows, vecs):
            if row.id in seen:
                continue
            seen.add(row.id)
            seq = analyzed[row.id]
            sterms = set(seq)
            window = set(sterms)
            for nid in (row.id - 1, row.id + 1):
                nb = by_id.get(nid)
                if nb is not None and nb.doc == row.doc and nb.item == row.item:
                    window.update(analyzed[nid])
            typed = 0.5
            if qtype is not None:
                span = typed_span(row.text, qtype, qwords)
                typed = 0.0 if span is None else 1.0
                if span is not None and qtype == "number" and not re.search(r"\d", row.text[span[0]:span[1]]):
                    typed = 0.6  # "several", "dozens": a count, but a vague one
            lead = p.item is not None and row.start == p.item.start
            news_lead = lead and is_dated_lead(row.text)
            words = set(re.findall(r"[\w'-]+", row.text.lower()))
            feats = {
                "dense": float(vec @ query_vector),
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
                "names": len(names & words) / len(names) if names else 0.5,
                "length": float(np.log1p(len(seq))),
                "news_lead": float(news_lead),
                "other_lead": float(lead and not news_lead),
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


# Logistic model of "the documents hold the answer", over abstain_features(); fitted by
# benchmarks/tune_answer.py on SQuAD questions asked with and without their gold paragraph, and
# on the dev questions over the bundled corpus (the only real unanswerable questions we have).
# Weights are constrained to be >= 0 (each feature is evidence for an answer): with six
# unanswerable examples an unconstrained model fits their accidents rather than a rule.
CONFIDENCE_WEIGHTS = {
    "score": 0.059, "margin": 0.182, "share": 2.234, "dense": 0.000, "lex": 0.000, "focus": 0.000,
    "ctx": 1.168, "top_bm25": 1.544, "p_dense": 2.268,
}
CONFIDENCE_BIAS = -5.057


def abstain_features(question: str, terms: list[str], ranked: list[Candidate], index: Index) -> dict[str, float]:
    """Evidence for and against the best candidate being an answer at all."""
    best = ranked[0]
    # a lone candidate has no rival: its margin counts as a clear one (10 is far above any seen)
    second = ranked[1].score if len(ranked) > 1 else best.score - 10.0
    f = best.features
    scores = np.array([c.score for c in ranked])
    return {
        "score": best.score,
        "margin": best.score - second,
        # the sentence model's own probability that the best candidate is the one holding the answer
        "share": float(1.0 / np.exp(scores - best.score).sum()),
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


# Weights of the passage order, a log-linear model over passage_features() fitted by
# benchmarks/tune_answer.py (listwise likelihood that the first passage holds a gold answer, with
# the sentence WEIGHTS fixed). Ordering by the best sentence alone misses what a passage says
# beyond its best sentence: several supporting sentences, its own retrieval scores and ranks.
PASSAGE_WEIGHTS = {
    "best": 0.832, "second": -0.022, "share": 0.474, "retrieval": 1.883, "dense": 3.196, "lexical": -2.443,
    "ctx": 4.875, "rank": -0.143, "dense_rank": 0.054, "lexical_rank": 0.112, "sentences": -0.295,
    "best_lex": -3.041, "best_window": -2.617, "best_bigram": 2.395, "best_focus": -0.299, "best_type": -0.353,
    "best_head": -1.288, "best_names": -0.195,
}

_BEST_OF = ("lex", "window", "bigram", "focus", "type", "head", "names")


def passage_features(passages: list[Passage], ranked: list[Candidate]) -> dict[int, dict[str, float]]:
    """Per passage (chunk id) that has candidate sentences: evidence that it holds the answer."""
    by_passage: dict[int, list[Candidate]] = {}
    for c in ranked:
        by_passage.setdefault(c.passage.chunk.id, []).append(c)
    if not by_passage:
        return {}
    scores = np.array([c.score for c in ranked])
    top = scores.max()
    log_total = float(np.log(np.exp(scores - top).sum()) + top)
    top_retrieval = max(p.score for p in passages) or 1.0
    scored = [p for p in passages if p.chunk.id in by_passage]
    # 0-based ranks among the passages that compete, by each retriever's own score
    dense_rank = {p.chunk.id: r for r, p in enumerate(sorted(scored, key=lambda p: -p.dense))}
    lexical_rank = {p.chunk.id: r for r, p in enumerate(sorted(scored, key=lambda p: -p.lexical))}
    out = {}
    for position, p in enumerate(passages):
        cands = by_passage.get(p.chunk.id)
        if not cands:
            continue
        s = sorted((c.score for c in cands), reverse=True)
        f = cands[0].features
        out[p.chunk.id] = {
            "best": s[0],
            "second": s[1] if len(s) > 1 else s[0],
            # log of the passage's share of the sentence model's probability mass
            "share": float(np.log(np.exp(np.array(s) - s[0]).sum()) + s[0] - log_total),
            "retrieval": p.score / top_retrieval,
            "dense": p.dense,
            "lexical": p.lexical,
            "ctx": f["ctx"],
            "rank": float(np.log1p(position)),
            "dense_rank": float(np.log1p(dense_rank[p.chunk.id])),
            "lexical_rank": float(np.log1p(lexical_rank[p.chunk.id])),
            "sentences": float(np.log1p(len(s))),
            **{f"best_{k}": max(c.features[k] for c in cands) for k in _BEST_OF},
        }
    return out


def rerank_passages(passages: list[Passage], ranked: list[Candidate]) -> list[Passage]:
    """Re-order passages by the passage model; score = exp(difference to the top passage), 0..1."""
    feats = passage_features(passages, ranked)
    rank = {cid: score(f, PASSAGE_WEIGHTS) for cid, f in feats.items()}
    floor = min(rank.values(), default=0.0) - 1.0  # a passage without sentences ranks last
    order = sorted(passages, key=lambda p: -rank.get(p.chunk.id, floor))
    top = rank.get(order[0].chunk.id, floor) if order else 0.0
    return [
        replace(p, rank=r + 1, score=float(np.exp(rank.get(p.chunk.id, floor) - top))) for r, p in enumerate(order)
    ]


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
