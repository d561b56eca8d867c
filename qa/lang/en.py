"""English: stemmer, stop words, sentence splitter, question patterns and follow-up word lists."""

from __future__ import annotations

import re

from qa.lang.base import Followup, Language

# Lucene's 33 English stop words miss the words questions are made of; left in, "how", "much"
# and "did" look like rare terms (they seldom occur in news text) and drown the real ones.
_QUESTION_WORDS = """
what which who whom whose when where why how much many did does do done has have had having
can could would should shall may might must will am been being its it's he she his her him
they them their theirs we our us you your i me my about from up down out over under again
further once here there all any both each few more most other some such only own same so than
too very just also nor whether while during before after above below between into through
s t d ll re ve m
""".split()  # the last line: what apostrophes leave behind ("CARICC's", "don't", "we'll")


def _stop_words() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN) | frozenset(_QUESTION_WORDS)


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
# Matched against the lower-cased, stripped question; the first that matches gives the type.
QUESTION_TYPES = (
    ("number", re.compile(r"\bhow (many|much)\b|\bwhat (percentage|proportion|number|amount)\b|\bhow (large|big|long|old)\b")),
    ("date", re.compile(r"^when\b|\bwhat (year|date|day|month|period|time)\b|\bwhich (year|date|month|period)\b|\bsince when\b")),
    ("person", re.compile(r"^(who|whom|whose)\b|\bwhich (official|person|envoy|analyst|minister|director|ambassador)\b")),
    ("place", re.compile(r"^where\b|\bin which (city|country|town|place)\b|\bwhich (city|country|town|region)\b")),
)  # fmt: skip

FOLLOWUP = Followup(
    pronouns=frozenset({
        "it", "its", "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers",
        "this", "that", "these", "those", "there", "then", "such", "same", "former", "latter",
    }),
    openers=re.compile(
        r"^\s*(?:and|but|also|so|then|ok(?:ay)?|what about|how about|and what about|and how about|"
        r"what of|same for|and for|and in|and on)\b[\s,]*",
        re.I,
    ),
    about=re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<rest>.+?)\s*[?.!]*\s*$", re.I),
    question_words=frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how", "much", "many"}),
    light_verbs=frozenset({
        "did", "do", "does", "done", "is", "was", "were", "are", "be", "been", "has", "have", "had",
        "held", "hold", "happen", "happened", "take", "took", "taken", "make", "made", "get", "got",
        "say", "said", "tell", "told", "give", "gave", "go", "went", "come", "came", "kind", "part",
    }),
)  # fmt: skip

LANGUAGE = Language(
    code="en",
    stemmer="english",
    pysbd="en",
    stop_words=_stop_words,
    question_types=QUESTION_TYPES,
    span_patterns=SPAN_PATTERNS,
    span_ignore=frozenset({"mr", "mrs", "ms", "dr", "h", "e", "prof", "the", "of", "in", "at", "to", "from", "near"}),
    head_words=frozenset({"what", "which", "whose"}),
    count_words=frozenset({"many", "much"}),
    head_skip=frozenset({"is", "are", "was", "were", "be", "been", "the", "a", "an", "kind", "type", "sort", "many", "much"}),
    verb_questions=frozenset({"do", "does", "did", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might"}),
    followup=FOLLOWUP,
)
