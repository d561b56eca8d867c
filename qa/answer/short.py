"""The short answer marked inside an answer sentence, only when it is likely THE answer.

Issue 13, pattern 5: a short answer picked by type heuristics alone ("210" for "57,000 people
trained", "Major General" for an ambassador's name) is worse than none. Every span of the asked
type in the sentence is a candidate; a logistic model (fitted by benchmarks/fit_answer.py on
whether the span matches a gold answer) scores them, and the best is shown only when its
probability clears `threshold`. Questions without a clear answer type get no short answer.
"""

from __future__ import annotations

import re

import numpy as np

from qa.answer.types import needs
from qa.lang import analyze, detect, get

SPAN_FEATURES = (
    "t_number", "t_date", "t_person", "t_place", "first", "count", "unit", "near", "repeat", "words",
    "digits", "conf", "lex",
)


def spans(text: str, question: str) -> list[tuple[int, int]]:
    """Every span of the asked type in text that does not just repeat the question."""
    n = needs(question)
    language = get(detect(text))  # the sentence's language (issue 14: additive hook)
    pattern = language.span_patterns.get(n.qtype or "")
    if pattern is None:
        return []
    qwords = set(re.findall(r"\w+", question.lower()))
    out = []
    for m in pattern.finditer(text):
        g = 1 if m.re.groups else 0
        words = set(re.findall(r"\w+", m.group(g).lower())) - language.span_ignore
        if words and not words <= qwords:
            out.append((m.start(g), m.end(g)))
    return out


def span_features(text: str, question: str, found: list[tuple[int, int]], conf: float, lex: float) -> list[dict]:
    n = needs(question)
    qterms = set(analyze(question))
    # character positions of the question's terms in the sentence
    at = [m.start() for m in re.finditer(r"\w+", text) if set(analyze(m.group(0))) & qterms]
    qwords = set(re.findall(r"\w+", question.lower()))
    out = []
    for i, (a, b) in enumerate(found):
        piece = text[a:b]
        words = re.findall(r"\w+", piece.lower())
        after = analyze(text[b:b + 40])[:3]
        dist = min((abs(p - a) if p < a else abs(p - b) for p in at), default=200)
        out.append({
            "t_number": float(n.qtype == "number"),
            "t_date": float(n.qtype == "date"),
            "t_person": float(n.qtype == "person"),
            "t_place": float(n.qtype == "place"),
            "first": float(i == 0),
            "count": float(np.log1p(len(found))),
            "unit": float(bool(n.units) and bool(set(after) & n.units)),
            "near": float(np.log1p(dist / 10)),
            "repeat": sum(w in qwords for w in words) / max(1, len(words)),
            "words": float(np.log1p(len(words))),
            "digits": float(bool(re.search(r"\d", piece))),
            "conf": conf,
            "lex": lex,
        })
    return out


def pick(
    text: str, question: str, conf: float, lex: float, weights: dict[str, float], bias: float, threshold: float
) -> tuple[tuple[int, int] | None, float]:
    """(span offsets in text, probability) of the best candidate; None when below threshold."""
    found = spans(text, question)
    if not found or not weights:
        return None, 0.0
    feats = span_features(text, question, found, conf, lex)
    z = np.array([bias + sum(weights[k] * f[k] for k in weights) for f in feats])
    i = int(z.argmax())
    p = float(1.0 / (1.0 + np.exp(-z[i])))
    return (found[i] if p >= threshold else None), p
