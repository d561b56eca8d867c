"""A question whose figure the answer's passage never states.

SQuAD 2.0 writes many unanswerable questions by changing one figure of an answerable one: "What city has a population
of 3,792,261?" against "With a population of 3,792,621, Los Angeles is …", "In what year did 12 national science
academies issue a joint statement?" against "In 2001, 16 national science academies issued …", "What has a magnitude
of about 8.81 meters per second squared?" against "… a magnitude of about 9.81 …". Every other word of the question
is in the sentence, so the gate's word counts read it as an answer. When the question states a figure (a year, a
count, an amount, a measure) that the best passage, its item's title and lead do not state, while the answer states
figures of its own, the passage speaks of other figures than the asked one and the answer is "not found"
(qa.answer.evidence.rule_that_holds, "other_figure").

What counts as a figure: a number written in digits and standing alone ("1805", "3,792,261", "8.81", "0.5%", not the
"3" of "WG3" or "COVID-19", which name something), compared by value in either language's writing ("1,5" and "1.5";
"3 792 261" and "3,792,261"). Not read: the numbers one to ten, which texts often spell out ("within 8 days" against
"within eight days", "between 2 parties" against "both parties")."""

from __future__ import annotations

import re

# a number in digits standing alone, or a decade ("the 1920s", "1000's"): not inside a name ("WG3", "COVID-19", "G20")
# nor an ordinal ("19th", "5-й"); a range's ends ("2021-2025") are two; thousands may be grouped with commas or (Russian) spaces, and a decimal part follows a
# dot or a comma
_FIGURE = re.compile(r"(?<![\w.,/])(?<![^\W\d_]-)(?:\d{1,3}(?:[,  ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?:['’]?s\b)?"
                     r"(?!\w|-[^\W\d_])")
# numbers below this that are whole are spelled out as often as not
SMALLEST = 11


def figures(text: str) -> set[float]:
    """The values of the figures `text` writes in digits ("3,792,261" → 3792261.0; "1,5" → 1.5; "1,500" → 1500.0)."""
    out: set[float] = set()
    for match in _FIGURE.finditer(text):
        figure = _value(match.group())
        if figure is not None:
            out.add(figure)
    return out


def _value(figure: str) -> float | None:
    digits = re.sub(r"['’]?s$", "", figure).replace(" ", "").replace(" ", "")
    # a comma followed by exactly three digits groups thousands ("3,792"); else it marks decimals ("1,5")
    digits = re.sub(r",(?=\d{3}(?:\D|$))", "", digits).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def _asked(question: str) -> list[tuple[str, float]]:
    """The figures of `question` a text would write in digits, as written and by value: all but the whole numbers
    below SMALLEST."""
    out = []
    for match in _FIGURE.finditer(question):
        value = _value(match.group())
        if value is not None and (value >= SMALLEST or value != int(value)):
            out.append((match.group(), value))
    return out


def asked_figures(question: str) -> set[float]:
    """The values of the figures of `question` that a text would write in digits (_asked())."""
    return {value for _, value in _asked(question)}


def unstated_figures(question: str, sentence: str, context: str) -> list[str]:
    """The figures `question` states, as it writes them, that neither the answer `sentence` nor its `context` (its
    passage, item title and lead) states, when the sentence states figures of its own (it speaks of other figures
    than the asked ones); else []."""
    asked = _asked(question)
    if not asked or not figures(sentence):
        return []
    stated = figures(sentence) | figures(context)
    return list(dict.fromkeys(written for written, value in asked if value not in stated))
