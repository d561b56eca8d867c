"""Follow-up questions in a conversation: when a question leans on the turn before, and what to search.

A person asks "Where was the third working group held?" and then "And on what dates?". The second
question names nothing; it means "the dates of that event". Three general rules carry it:

1. Detection. With a conversation before it, a question is a follow-up if it opens like one
   ("and", "but", "what about"), refers back (a pronoun or "else" in a short question), or says
   too little to stand alone (at most two content words, or at most three and no name or number).
2. Rewriting. A follow-up is searched with the topic words of the previous searched question
   (framing words such as "who" and "held" left out), the short answer of the previous turn
   (the place, date or name it found) and the words of the previous answer's title.
3. Staying on the topic. A follow-up is about the news item the previous answer came from, so
   it is first answered from that item's passages; only when that item does not answer it is
   the whole corpus searched.

A follow-up asked with no conversation before it (right after "New conversation") is searched as
typed, and the reply says that it seems to need an earlier question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.lexical import analyze

PRONOUNS = frozenset({
    "it", "its", "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers",
    "this", "that", "these", "those", "there", "then", "such", "same", "former", "latter", "else",
    "one", "ones",
})
_OPENERS = re.compile(
    r"^\s*(?:and|but|also|so|then|ok(?:ay)?|what about|how about|and what about|and how about|"
    r"what of|same for|and for|and in|and on)\b[\s,]*",
    re.I,
)
_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<rest>.+?)\s*[?.!]*\s*$", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[\w][\w'’\-]*", re.UNICODE)
_QUESTION_WORDS = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how", "much", "many"})
# Verbs and nouns that frame a question rather than name its topic: not carried to a follow-up.
_LIGHT = frozenset({
    "did", "do", "does", "done", "is", "was", "were", "are", "be", "been", "has", "have", "had",
    "held", "hold", "happen", "happened", "take", "took", "taken", "make", "made", "get", "got",
    "say", "said", "tell", "told", "give", "gave", "go", "went", "come", "came", "kind", "part",
    "place", "city", "country", "date", "dates", "year", "day", "time", "name", "called",
})
MAX_EXTRA_WORDS = 10


def content_words(text: str) -> list[str]:
    """The words of text that carry meaning (no stop, question, pronoun or framing words), in order."""
    out, seen = [], set()
    for w in _WORD.findall(text):
        low = w.lower()
        if low in _QUESTION_WORDS or low in PRONOUNS or low in _LIGHT or not analyze(low.replace("-", " ")):
            continue
        if low not in seen:
            seen.add(low)
            out.append(w)
    return out


def _names(question: str) -> list[str]:
    """Capitalised words after the first, and numbers: what lets a short question stand alone."""
    words = _WORD.findall(question)
    return [w for i, w in enumerate(words) if (i > 0 and w[0].isupper()) or any(c.isdigit() for c in w)]


def looks_like_followup(question: str) -> bool:
    """True if the question leans on an earlier turn (see the module docstring, rule 1)."""
    words = [w.lower() for w in _WORD.findall(question)]
    if not words:
        return False
    if _OPENERS.match(question):
        return True
    n = len(content_words(question))
    if any(w in PRONOUNS for w in words) and n <= 4:
        return True
    return n <= 2 or (n <= 3 and not _names(question))


@dataclass(frozen=True)
class Context:
    """What a follow-up may lean on: the previous turn, as searched and as answered."""

    searched: str  # the previous question as it was searched (already resolved)
    # the latest whole question of the conversation (typed in full, or completed from an ellipsis):
    # what "And when?" takes its verb and topic from; None: the same as searched
    base: str | None = None
    title: str | None = None  # the previous answer's item title
    span: str | None = None  # the previous answer's short answer (a place, date, name, number)
    doc: str | None = None  # where the previous answer came from
    item: int | None = None


def is_whole(question: str, searched: str) -> bool:
    """True if `searched` is a whole question a later ellipsis can build on (not topic words appended)."""
    return searched == " ".join(question.split()) or _WH_PHRASE.match(searched) is not None and not _appended(searched)


def _appended(searched: str) -> bool:
    return re.search(r"\?\s+\S", searched) is not None  # "Who organised it? conference Istanbul"


def rewrite(question: str, ctx: Context | None) -> str:
    """The question to search for: unchanged if standalone, else completed from the context."""
    q = " ".join(question.split())
    if ctx is None or not looks_like_followup(q):
        return q
    about = _ABOUT.match(q)
    if about:  # "What about 2021?": the previous question again, about something else
        rest = about.group("rest")
        years = _YEAR.findall(rest)
        if years and _YEAR.search(ctx.searched):
            swapped = _YEAR.sub(years[0], ctx.searched, count=1)
            return swapped + (" " + rest if len(years) < len(content_words(rest)) else "")
        return f"{ctx.searched.rstrip(' ?.!')} {rest}?"
    core = _OPENERS.sub("", q, count=1).strip() or q
    core = core[0].upper() + core[1:]
    elliptic = _ellipsis(core, ctx.base or ctx.searched)
    if elliptic:
        return elliptic
    have_terms = set(analyze(core))
    extra: list[str] = []
    sources = [ctx.searched, ctx.span or "", " ".join(w for w in content_words(ctx.title or "") if not w[0].isdigit())]
    for source in sources:
        for w in content_words(source):
            terms = set(analyze(w.replace("-", " ")))
            if not terms or terms <= have_terms:
                continue
            have_terms |= terms
            extra.append(w)
            if len(extra) >= MAX_EXTRA_WORDS:
                break
    return f"{core} {' '.join(extra)}" if extra else core


_AUX = r"(?:was|were|is|are|did|does|do|has|have|had|will|would|can|could)"
_WH_PHRASE = re.compile(
    r"^\s*(?:(?:in|on|at|from|to|for|by|with|of|under|during|since|until)\s+)?"
    r"(?:(?:which|what|whose|how\s+many|how\s+much)(?:\s+(?!" + _AUX + r"\b)[\w'-]+)?|who|whom|where|when|why|how)\b",
    re.I,
)
# The question phrase of a whole previous question, up to its verb: "Which Japanese ambassador" did…
_PREV_WH = re.compile(
    r"^\s*(?:(?:in|on|at|from|to|for|by|with|of|under|during|since|until)\s+)?"
    r"(?:which|what|whose|how\s+many|how\s+much)(?:\s+(?!" + _AUX + r"\b)[\w'-]+){0,4}?(?=\s+" + _AUX + r"\b)",
    re.I,
)
_ELLIPTIC_TAIL = re.compile(
    r"^\s*(?:(?:was|were|is|are|did|does|do|will|would)\s+(?:it|they|that|this|he|she)(?:\s+(?:held|take place|happen))?)?"
    r"\s*(?:else|exactly|then|again)?\s*[?.!]*\s*$",
    re.I,
)


def _ellipsis(core: str, previous: str) -> str | None:
    """"When?" / "On what dates was it?" after "Where did X hold Y?" -> "When did X hold Y?".

    A follow-up that is only a question phrase takes over the rest of the previous question."""
    m = _WH_PHRASE.match(core)
    if not m or not _ELLIPTIC_TAIL.match(core[m.end():]):
        return None
    prev = _PREV_WH.match(previous) or _WH_PHRASE.match(previous)
    if not prev:
        return None
    rest = previous[prev.end():].strip()
    if not rest:
        return None
    wh = m.group(0).strip()
    # the noun the previous question asked about ("which Japanese ambassador") still names the topic
    topic = [w for w in content_words(prev.group(0)) if w.lower() not in rest.lower()]
    if topic:
        rest = f"{rest.rstrip(' ?.!')} {' '.join(topic)}?"
    return f"{wh[0].upper()}{wh[1:]} {rest}"


def orphan_hint(question: str) -> str | None:
    """The hint for a follow-up asked with nothing before it, or None for a question that stands alone."""
    if not looks_like_followup(question) or len(content_words(question)) > 3:
        return None
    return (
        "This question seems to refer to an earlier one, but this conversation has none yet. "
        "Ask it in full, naming what it is about (for example the event, place or organisation)."
    )


_ISE = re.compile(r"\b(\w{3,}?)(is|iz)(e|ed|es|ing|ation|ations|er|ers)\b", re.I)
_NOT_ISE = frozenset({"rise", "wise", "raise", "praise", "noise", "poise", "arise", "otherwise", "promise", "premise",
                      "precise", "concise", "exercise", "expertise", "franchise", "merchandise", "advise", "devise",
                      "revise", "supervise", "televise", "surprise", "enterprise", "compromise", "disguise",
                      "cruise", "bruise", "size", "prize", "seize", "citizen"})


def spelling_variants(text: str) -> str:
    """text plus the other spelling of its -ise/-ize words ("organised" -> also "organized").

    Stemming keeps them apart ("organis" vs "organ"), so a question in British spelling would miss
    a document in American spelling, and the other way round."""
    extra = []
    for m in _ISE.finditer(text):
        word = m.group(0)
        if any(word.lower().startswith(n[:-1]) and len(word) - len(n) <= 3 for n in _NOT_ISE):
            continue
        other = "iz" if m.group(2).lower() == "is" else "is"
        variant = m.group(1) + other + m.group(3)
        if variant.lower() not in text.lower():
            extra.append(variant)
    return f"{text} {' '.join(extra)}" if extra else text
