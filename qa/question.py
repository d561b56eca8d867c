"""What a question asks for: its answer type, the noun it asks about, and typed spans in text."""

from __future__ import annotations

import re

from qa.lexical import analyze, stopwords

# Answer types a question asks for, and what a span of that type looks like.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozens?|several)"
)
SPAN_PATTERNS = {
    "date": re.compile(
        rf"\b(?:(?:\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?\s+{_MONTH}(?:\s+\d{{4}})?)|"
        rf"(?:{_MONTH}\s+\d{{1,2}}(?:\s*[-–]\s*\d{{1,2}})?(?:,\s*\d{{4}})?)|"
        rf"(?:{_MONTH}\s+\d{{4}})|(?:(?:1[89]|20)\d\d(?:\s*[-–]\s*(?:1[89]|20)?\d\d)?)|"
        rf"(?:(?:first|second|third|fourth|last)\s+(?:half|quarter)\s+of\s+\d{{4}}))\b",
        re.I,
    ),
    "number": re.compile(
        rf"(?:\b(?:more than|over|about|around|almost|nearly|up to|at least|some)\s+)?"
        rf"(?:\$|€|£)?\b(?:\d[\d,.]*|{_NUMBER_WORDS})\b(?:\s*(?:%|percent|per cent))?"
        rf"(?:\s+(?:kg|tons?|tonnes?|grams?|km|million|billion|thousand|hundred))?"
        rf"(?:\s+of\s+[a-z]+)?",
        re.I,
    ),
    "person": re.compile(
        r"\b(?:(?:Mr|Ms|Mrs|Dr|H\.E|Prof)\.?\s+)?(?:(?:[A-Z]\.){1,3}|[A-Z][A-Za-z'’\-]+)"
        r"(?:\s+(?:(?:[A-Z]\.){1,3}|[A-Z][A-Za-z'’\-]+)){1,3}\b"
    ),
    # the place itself is group 1: "in Vienna", "at the Almaty Academy"
    "place": re.compile(
        r"\b(?:in|at|to|from|near)\s+(?:the\s+)?((?:[A-Z][\w'’\-]+)(?:\s+(?:of\s+)?[A-Z][\w'’\-]+){0,3})"
    ),
}
_TITLES = {"mr", "mrs", "ms", "dr", "h", "e", "prof", "the", "of", "in", "at", "to", "from", "near"}


def question_type(question: str) -> str | None:
    """The kind of span the question asks for, if it is clear from its wording."""
    q = question.lower().strip()
    if re.search(r"\bhow (many|much)\b|\bwhat (percentage|proportion|number|amount)\b|\bhow (large|big|long|old)\b", q):
        return "number"
    if re.search(r"^when\b|\bwhat (year|date|day|month|period|time)\b|\bwhich (year|date|month|period)\b|\bsince when\b", q):
        return "date"
    if re.search(r"^(who|whom|whose)\b|\bwhich (official|person|envoy|analyst|minister|director|ambassador)\b", q):
        return "person"
    if re.search(r"^where\b|\bin which (city|country|town|place)\b|\bwhich (city|country|town|region)\b", q):
        return "place"
    return None


_AUX = {"is", "are", "was", "were", "be", "been", "the", "a", "an", "kind", "type", "sort", "many", "much"}
_VERB_Q = {"do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might"}


def question_head(question: str) -> list[str]:
    """Stemmed words of the thing asked for: "What is the total budget of X" -> budget terms.

    Empty when the question has no such noun phrase ("What did X do?", "Who ...").
    """
    words = re.findall(r"[\w'-]+", question.lower())
    for i, w in enumerate(words):
        if w in ("what", "which", "whose") or (w == "how" and i + 1 < len(words) and words[i + 1] in ("many", "much")):
            rest = words[i + 1:]
            if rest and rest[0] in _VERB_Q:
                return []
            phrase = []
            for r in rest:
                if r in _AUX and not phrase:
                    continue
                if r in _AUX or r in _VERB_Q or r in stopwords() or len(phrase) == 3:
                    break
                phrase.append(r)
            return analyze(" ".join(phrase))
    return []



def typed_span(text: str, qtype: str, qwords: set[str]) -> tuple[int, int] | None:
    """The first span of the asked-for type in text that does not just repeat the question."""
    pattern = SPAN_PATTERNS.get(qtype)
    if pattern is None:
        return None
    for m in pattern.finditer(text):
        g = 1 if m.re.groups else 0
        words = set(re.findall(r"\w+", m.group(g).lower())) - _TITLES
        if words and not words <= qwords:
            return m.start(g), m.end(g)
    return None
