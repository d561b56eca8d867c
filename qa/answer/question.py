"""What a question asks for: its answer type, the noun it asks about, and typed spans in text.

The patterns and word lists are the language's (``qa.lang``); this module only applies them.
"""

from __future__ import annotations

import re

from qa.lang import analyze, detect, get, question_case, stopwords


def question_type(question: str, lang: str | None = None) -> str | None:
    """The kind of span the question asks for, if it is clear from its wording (in the
    question's own language, detected when not given)."""
    lang = lang or detect(question)
    language = get(lang)
    if language.defines is not None and language.defines.search(question):
        return None  # what a word means, though its question word asks for someone
    q = question_case(question, lang).strip()  # a capitalised question word inside is a name
    for qtype, pattern in language.question_types:
        if pattern.search(q):
            return qtype
    return None


def question_head(question: str, lang: str | None = None) -> list[str]:
    """Stemmed words of the thing asked for: "What is the total budget of X" -> budget terms.

    Empty when the question has no such noun phrase ("What did X do?", "Who ...").
    """
    lang = lang or detect(question)
    language = get(lang)
    words = re.findall(r"[\w'-]+", question.lower())
    for i, w in enumerate(words):
        if w in language.head_words or (
            w == "how" and i + 1 < len(words) and words[i + 1] in language.count_words
        ):
            rest = words[i + 1:]
            if rest and rest[0] in language.verb_questions:
                return []
            phrase = []
            for r in rest:
                if r in language.head_skip and not phrase:
                    continue
                if r in language.head_skip or r in language.verb_questions or r in stopwords(lang) or len(phrase) == 3:
                    break
                phrase.append(r)
            return analyze(" ".join(phrase), lang)
    return []


def typed_span(text: str, qtype: str, qwords: set[str], lang: str | None = None) -> tuple[int, int] | None:
    """The first span of the asked-for type in text that does not just repeat the question (the
    patterns of the text's own language, detected when not given: a Russian sentence answers
    an English question in Russian)."""
    language = get(lang or detect(text))
    pattern = language.span_patterns.get(qtype)
    if pattern is None:
        return None
    # the day or the year of a date is no count ("7" and "2016" of "February 7, 2016")
    date = language.span_patterns.get("date") if qtype == "number" else None
    dates = [d.span() for d in date.finditer(text)] if date is not None else []
    for m in pattern.finditer(text):
        g = 1 if m.re.groups else 0
        a, b = m.start(g), m.end(g)
        if any(x <= a and b <= y and (x, y) != (a, b) for x, y in dates):
            continue
        words = set(re.findall(r"\w+", m.group(g).lower())) - language.span_ignore
        if words and not words <= qwords:
            return a, b
    return None
