"""A question whose figure the answer's passage never states.

SQuAD 2.0 writes many unanswerable questions by changing one figure of an answerable one: "What city has a population
of 3,792,261?" against "With a population of 3,792,621, Los Angeles is …", "In what year did 12 national science
academies issue a joint statement?" against "In 2001, 16 national science academies issued …", "What has a magnitude
of about 8.81 meters per second squared?" against "… a magnitude of about 9.81 …". Every other word of the question
is in the sentence, so the gate's word counts read it as an answer. When the question states a figure (a year, a
count, an amount, a measure) that the best passage, its item's title and lead do not state, while the answer states
figures of its own, the passage speaks of other figures than the asked one and the answer is "not found"
(qa.answer.evidence.rule_that_holds, "other_figure").

What counts as a figure (a quoted name's are the name's: operation «Северный транзит – 2024»): a number written in
digits and standing alone ("1805", "3,792,261", "8.81", "0.5%", not the "3" of "WG3" or "COVID-19", which name
something), compared by value in either language's writing ("1,5" and "1.5"; "3 792 261" and "3,792,261"). Not read: the
numbers one to ten, which texts often spell out ("within 8 days" against "within eight days", "between 2 parties"
against "both parties")."""

from __future__ import annotations

import re

from qa.answer.swaps import unquoted

# a number in digits standing alone, or a decade ("the 1920s", "1000's"): not inside a name ("WG3", "COVID-19", "G20")
# nor an ordinal ("19th", "5-й"); a range's ends ("2021-2025") are two; thousands may be grouped with commas or
# (Russian) spaces, no-break ones too, and a decimal part follows a dot or a comma
_FIGURE = re.compile(r"(?<![\w.,/])(?<![^\W\d_]-)(?:\d{1,3}(?:[, \u00a0\u202f]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
                     r"(?:['’]?s\b)?"
                     r"(?!\w|-[^\W\d_])")
# a number that follows a name is the name's ("Super Bowl 50", "Apollo 11", "CADAP 7"), unless the name is a month's
_AFTER_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZА-ЯЁ][\w'’-]*)\s+$")
_MONTHS = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Январ|Феврал|Март|Апрел|Ма[йяе]|Июн|Июл|Август"
                     r"|Сентябр|Октябр|Ноябр|Декабр")
# a range whose second year is written short ("1620–21", "1654-57"): the text states the second year too
_SHORT_RANGE = re.compile(r"\b(\d{2})(\d{2})\s*[-–—]\s*(\d{2})\b")
# numbers below this that are whole are spelled out as often as not
SMALLEST = 11
# a whole number in this span is read as a year: a year asked is contradicted only by another year
_YEARS = (1000, 2100)


def figures(text: str) -> set[float]:
    """The values of the figures `text` writes in digits ("3,792,261" → 3792261.0; "1,5" → 1.5; "1,500" → 1500.0)."""
    out: set[float] = set()
    for match in _FIGURE.finditer(text):
        figure = figure_value(match.group())
        if figure is not None:
            out.add(figure)
    return out


def _stated(text: str) -> set[float]:
    """Every number `text` may be stating: its figures, any run of digits (in a name too: "Аполлон-11"), a grouped one
    in a compound ("a 60,000-word treatise": 60000) and a short range's second year in full ("1620–21": 1621)."""
    out = figures(text) | {float(d) for d in re.findall(r"\d+", text)}
    out |= {v for g in re.findall(r"\d{1,3}(?:[, \u00a0\u202f]\d{3})+", text) if (v := figure_value(g)) is not None}
    out |= {float(m.group(1) + m.group(3)) for m in _SHORT_RANGE.finditer(text)}
    return out


def figure_value(figure: str) -> float | None:
    """A figure's value as either language writes it ("3,792,261", "8 120", "1,5", "1,500.5"), or None."""
    digits = re.sub(r"['’]?s$", "", figure).replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    # a comma followed by exactly three digits groups thousands ("3,792"); else it marks decimals ("1,5")
    digits = re.sub(r",(?=\d{3}(?:\D|$))", "", digits).replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def _is_year(value: float) -> bool:
    return value == int(value) and _YEARS[0] <= value <= _YEARS[1]


def _asked(question: str) -> list[tuple[str, float]]:
    """The figures of `question` a text would write in digits, as written and by value: all but the whole numbers
    below SMALLEST, a decade in two digits ("the 80s": "the 1980s"), and a name's number ("Super Bowl 50")."""
    out = []
    for match in _FIGURE.finditer(question):
        value = figure_value(match.group())
        if value is None or (value < SMALLEST and value == int(value)):
            continue
        if value < 100 and match.group().endswith("s"):
            continue
        name = _AFTER_NAME.search(question[:match.start()])
        if name and not _MONTHS.match(name.group(1)):
            continue
        out.append((match.group(), value))
    return out


def asked_figures(question: str) -> set[float]:
    """The values of the figures of `question` that a text would write in digits (_asked())."""
    return {value for _, value in _asked(question)}


def asked_amounts(question: str) -> set[float]:
    """The values of the figures of `question` that are no year (asked_figures()): "288" of "Where were 288 kg of heroin
    seized?", which names the event by it."""
    return {value for _, value in _asked(unquoted(question)) if not _is_year(value)}


def states_all(text: str, values: set[float]) -> bool:
    """Whether `text` states every one of `values` (in digits, in either language's writing)."""
    return values <= _stated(text)


def unstated_figures(question: str, sentence: str, context: str) -> list[str]:
    """The figures `question` states, as it writes them, that neither the answer `sentence` nor its `context` (its
    passage, item title and lead) states, when the sentence states another figure of the same kind: another year
    for a year, another number for any other figure (it speaks of other figures than the asked ones); else []."""
    asked = _asked(unquoted(question))
    told = figures(sentence)
    if not asked or not told:
        return []
    stated = _stated(sentence) | _stated(context)
    return list(dict.fromkeys(
        written for written, value in asked
        if value not in stated and any(_is_year(v) == _is_year(value) for v in told)))
