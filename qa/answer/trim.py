"""A sentence longer than the answer limit, cut to the clause window that holds its answer.

Issue 13, pattern 3: the old cut kept the window with the most question terms, and the answer
(which is rarely a question term) could fall outside it. Here the window is scored by the question
terms it holds AND by holding a span of the asked type that does not repeat the question (the
candidate short answer), and windows grow around the question terms so that what follows them
(where answers usually sit: "X was founded *in 1870*") is kept.
"""

from __future__ import annotations

import re

from qa.answer.short import spans
from qa.lang import analyze, stopwords

MAX_ANSWER_CHARS = 400
# A question after a title, a theme or a name ("What was the theme of the conference?", "Как
# называлась конференция?") is answered by a quoted part ("on the topic: “Future without drugs”"):
# no answer type names it, so the window is chosen to keep a quotation. Only the cut reads this:
# SQuAD's titles are mostly unquoted, so it is no answer type of the sentence model.
_ASKS_TITLE = re.compile(
    r"\b(?:title[sd]?|theme|topic|motto|slogan|name[sd]?|entitled|called|названи\w*|называ\w*|тем[аеуы]|девиз\w*|лозунг\w*)\b",
    re.I,
)
_QUOTED = re.compile(r"[\"“«„]([^\"”»“„]{3,300})[\"”»“]")
# or by the phrase after a colon, up to its clause's end ("... II thematic section of the Vienna Declaration:
# Detecting and blocking financial flows ... (Paris Pact Initiative)"): the cut used to end at the colon
_AFTER_COLON = re.compile(r":\s+([A-ZА-ЯЁ][^.;:()“”\"«»\n]{9,300}?)(?=\s*[.;(]|\s*$)")


def _without_dangling_word(text: str, a: int, b: int) -> int:
    """b moved back past the stop words (conjunctions, prepositions, articles) that would end text[a:b] mid-phrase:
    "… training courses and …"."""
    dangling = stopwords("en") | stopwords("ru")
    while b > a and text[b - 1].isspace():
        b -= 1
    while True:
        start = text.rfind(" ", a, b) + 1  # the last word's start
        if start <= a or text[start:b].rstrip(",;:").lower() not in dangling:
            return b
        b = start - 1
        while b > a and text[b - 1].isspace():
            b -= 1


def trim(text: str, question: str, terms: list[str], limit: int = MAX_ANSWER_CHARS) -> tuple[int, int]:
    """(start, end) offsets into text of the part to show: all of it when it fits."""
    if len(text) <= limit:
        return 0, len(text)
    cuts = [0] + [m.end() for m in re.finditer(r"[,;:]\s+|\s[-–—]\s", text)] + [len(text)]
    tset = set(terms)
    typed = spans(text, question)
    if _ASKS_TITLE.search(question):
        typed += [m.span(1) for pattern in (_QUOTED, _AFTER_COLON) for m in pattern.finditer(text)]
    best, best_score = (0, min(len(text), limit)), -1.0
    for i in range(len(cuts) - 1):
        for j in range(i + 1, len(cuts)):
            a, b = cuts[i], cuts[j]
            if b - a > limit:
                break
            s = len(set(analyze(text[a:b])) & tset)
            if any(a <= x and y <= b for x, y in typed):
                # the window holds a candidate answer of the asked type: preferred to any window
                # without one, since the question's terms name the topic and the span is what is asked
                s += 1.0 + len(tset)
            s += 0.001 * (b - a)  # among equals, the longer window
            if s > best_score:
                best, best_score = (a, b), s
    a, b = best
    if b - a < limit and not any(a <= x and y <= b for x, y in typed):
        b = min(len(text), a + limit)  # no typed answer inside: show as much as fits after the start
        if b < len(text):
            b = text.rfind(" ", a, b) if text.rfind(" ", a, b) > a else b
    if b < len(text):
        b = _without_dangling_word(text, a, b)
    piece = text[a:b]
    a += len(piece) - len(piece.lstrip())
    b -= len(piece) - len(piece.rstrip())
    return a, b
