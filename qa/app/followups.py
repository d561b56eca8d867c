"""Follow-up questions in a conversation: tell them from standalone ones and resolve them
against the earlier turns. The word lists are the language's (``qa.lang``)."""

from __future__ import annotations

import re

from qa.lang import DEFAULT, analyze, get

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[\w][\w'’\-]*", re.UNICODE)


def content_words(text: str, lang: str = DEFAULT) -> list[str]:
    """The words of text that carry meaning (not stop words or question words), in order."""
    words = get(lang).followup
    out, seen = [], set()
    for w in _WORD.findall(text):
        low = w.lower()
        if (
            low in words.question_words or low in words.pronouns or low in words.light_verbs
            or not analyze(low.replace("-", " "), lang)
        ):
            continue
        if low not in seen:
            seen.add(low)
            out.append(w)
    return out


def is_followup(question: str, lang: str = DEFAULT) -> bool:
    """True if the question leans on an earlier turn (opener, pronoun in a short question, or too few words)."""
    words = [w.lower() for w in _WORD.findall(question)]
    if not words:
        return False
    followup = get(lang).followup
    n_content = len(content_words(question, lang))
    if followup.openers.match(question):
        return True
    if n_content <= 1:
        return True
    return n_content <= 3 and any(w in followup.pronouns for w in words)


def resolve_followup(
    question: str, previous: list[str], previous_title: str | None = None, lang: str = DEFAULT
) -> str:
    """The question to search for, given the earlier resolved questions (oldest first).

    A standalone question comes back unchanged. A follow-up gets the key content words of the
    previous resolved question (and of the previous answer's item title) that it lacks:
    "And who organised it?" after "When was the Astana workshop?" becomes
    "Who organised it? Astana workshop". "What about 2021?" re-asks the previous question with
    the year swapped (or added).
    """
    q = " ".join(question.split())
    if not previous or not is_followup(q, lang):
        return q
    followup = get(lang).followup
    prev = previous[-1]
    about = followup.about.match(q)
    if about:
        rest = about.group("rest")
        years = _YEAR.findall(rest)
        if years and _YEAR.search(prev):
            return _YEAR.sub(years[0], prev, count=1) + (" " + rest if len(years) < len(content_words(rest, lang)) else "")
        return f"{prev.rstrip(' ?.!')} {rest}?"
    core = followup.openers.sub("", q, count=1).strip() or q
    core = core[0].upper() + core[1:]
    have = {w.lower() for w in content_words(core, lang)}
    have_terms = set(analyze(core, lang))
    extra: list[str] = []
    prev_words = content_words(prev, lang)
    # the answer's item title names the topic when the previous question said little itself
    title_words = [w for w in content_words(previous_title or "", lang) if not w[0].isdigit()][:4]
    for w in prev_words + (title_words if len(prev_words) < 3 else []):
        terms = set(analyze(w.replace("-", " "), lang))
        if w.lower() in have or (terms and terms <= have_terms):
            continue
        have.add(w.lower())
        have_terms |= terms
        extra.append(w)
        if len(extra) >= 8:
            break
    if not extra:
        return core
    return f"{core} {' '.join(extra)}"
