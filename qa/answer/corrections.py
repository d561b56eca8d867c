"""A figure answered from a report that a later document corrects.

"How much hashish was seized in Operation Northern Transit 2025?" was answered at 0.75 by the English story of 17
March, "… seized 1,230 kg of hashish …", while a Russian page of 28 March says "Общий объём изъятого гашиша составил
1 320 кг, а не 1 230 кг, как сообщалось ранее." and ranked far below it: the story words the question, the
correction words the change. News corrects itself in a later item, often on another page and in another language,
and the correction is what holds.

So when the best candidate states a value of the kind asked (a quantity of the asked noun, or with a unit, read as
qa.answer.types.unit_match reads a sentence; any value when the question asks none but names a correction: "What is
the corrected figure …?"), and another retrieved candidate, at any rank and in any language, states that same value
as superseded (Language.superseded, Language.corrects: "not 1,230 kg as previously reported", "instead of",
"corrected from", "а не 1 230 кг, как сообщалось ранее", "вместо") together with a new value of the same kind, from
an item dated no earlier than the best's (a correction comes after what it corrects), the correcting candidate takes
the best's place. "1,230", "1 230" and "1230" are one value. A sentence that only repeats the figure, with no such
words, changes nothing; nor does a correcting candidate about another substance than asked (qa.answer.substances).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from qa.answer.needs import Needs, needs
from qa.answer.substances import candidate_swap
from qa.answer.types import unit_match
from qa.filters.core import UNDATED, item_span
from qa.lang import detect, get, registered
from qa.lang.substances import identities

if TYPE_CHECKING:
    from qa.answer.features import Candidate

# the digits of a figure as the number readers catch it ("1,230", "1 230", "1230", "2,3", "14.5")
_DIGITS = re.compile(r"\d(?:[\d,.\s\u00a0\u202f]*\d)?")
_GROUPED = re.compile(r"\d{1,3}(?:([,.\s\u00a0\u202f])\d{3})+")
# how much of the text before a figure its cue is read from
_CUE_CHARS = 80
# a correction of a correction: how many times the rule may hand the first place on
_ROUNDS = 3


def value(figure: str) -> float | None:
    """The number a figure's digits write, thousands separators read as such ("1,230", "1 230" and "1230" are 1230;
    "2,3" is 2.3), or None when it has no digits (a number word)."""
    m = _DIGITS.search(figure)
    if m is None:
        return None
    digits = m.group(0).strip()
    grouped = _GROUPED.fullmatch(digits)
    if grouped:
        digits = re.sub(r"[,.\s\u00a0\u202f]", "", digits)
    digits = re.sub(r"[\s\u00a0\u202f]", "", digits).replace(",", ".")
    if digits.count(".") > 1:
        return None
    try:
        return float(digits)
    except ValueError:
        return None


@dataclass(frozen=True)
class Figure:
    """One figure of a sentence: its value, its digits' span, and the unit the number reader took after them ("kg",
    "кг", "%"; "" when it took none: "47 people")."""

    value: float
    start: int
    end: int
    unit: str


def figures(text: str, lang: str | None = None) -> list[Figure]:
    """The figures `text` states with digits (its language's number reader, span_patterns["number"]), less the days
    and years of its dates."""
    language = get(lang or detect(text))
    dates = [d.span() for d in language.span_patterns["date"].finditer(text)]
    out = []
    for m in language.span_patterns["number"].finditer(text):
        digits = _DIGITS.search(m.group(0))
        if digits is None:
            continue
        a, b = m.start() + digits.start(), m.start() + digits.end()
        if any(x < b and a < y for x, y in dates):
            continue  # "28 March 2025", "in 2024"
        v = value(digits.group(0))
        if v is None:
            continue
        unit = re.match(r"\s*(%|[^\W\d_]+)?", text[b:m.end()])
        figure = Figure(v, a, b, (unit.group(1) or "").lower())
        last = out[-1] if out else None
        if last is not None and not last.unit and _THOUSANDS_GAP.fullmatch(text[last.start:b]):
            # "4 850 litres" in an English text: one figure its number reader read as two
            figure = Figure(last.value * 1000 + v, last.start, b, figure.unit)
            out.pop()
        out.append(figure)
    return out


# a figure whose thousands a space parts from the rest ("4 850", "12 300")
_THOUSANDS_GAP = re.compile(r"\d{1,3}[ \u00a0\u202f]\d{3}")


def superseded(text: str, figure: Figure, weak: bool = False) -> bool:
    """Whether `text` says `figure` is superseded (any registered language's Language.superseded right before it;
    a weak cue ("not 2.4 tonnes") only in a sentence that Language.corrects matches, or with `weak`)."""
    before = text[max(0, figure.start - _CUE_CHARS):figure.start]
    for lang in registered():
        if lang.superseded is None:
            continue
        m = lang.superseded.search(before)
        if m and (weak or m.group("weak") is None or (lang.corrects is not None and lang.corrects.search(text))):
            return True
    return False


def _asks_final(question: str) -> bool:
    """Whether `question` asks for the final figure ("What was the final quantity …?": Language.asks_final)."""
    return any(lang.asks_final is not None and lang.asks_final.search(question) for lang in registered())


def asks_superseded(question: str) -> bool:
    """Whether `question` asks for the figure a correction replaced ("What figure was given in error …?")."""
    return any(lang.asks_superseded is not None and lang.asks_superseded.search(question) for lang in registered())


def asks_correction(question: str) -> bool:
    """Whether `question` names a correction ("What is the corrected figure …?", "уточнённые данные")."""
    return any(lang.corrects is not None and lang.corrects.search(question) for lang in registered())


def _asked(text: str, lang: str | None, n: Needs) -> set[float]:
    """The values of `text`'s figures of the kind asked: those unit_match reads as counting the asked noun or
    carrying a unit (up to the next figure), every one for a question that asks no quantity."""
    found = figures(text, lang)
    if n.qtype != "number":
        return {f.value for f in found}
    out = set()
    for i, f in enumerate(found):
        end = found[i + 1].start if i + 1 < len(found) else len(text)
        if unit_match(text[f.start:end], n, lang) == 1.0:
            out.add(f.value)
    return out


def corrects(text: str, lang: str | None, values: set[float]) -> bool:
    """Whether `text` states one of `values` as superseded, and a new value of the same kind (the same unit word, or
    none on one side: "from 47 to 52 people")."""
    found = figures(text, lang)
    old = [f for f in found if f.value in values and superseded(text, f)]
    return any(new.value != f.value and not superseded(text, new) and (not new.unit or not f.unit or new.unit == f.unit)
               for f in old for new in found)


def _first_day(c: Candidate) -> int:
    first, _ = item_span(c.passage.item.date if c.passage.item is not None else None)
    return first


def _item(c: Candidate) -> tuple[str, int]:
    return c.sentence.doc, c.sentence.item


def _revised(question: str, n: Needs, ranked: list[Candidate], asked: set[float], day: int) -> int | None:
    """The place of the candidate that gives the asked figure anew in an item correcting the best (a later item with
    a sentence that states one of the figures of the best's passage, of any kind, as superseded), when that item states
    none of the asked values of the best; else None. "Общий объём изъятого гашиша составил 1 320 кг, а не 1 230 кг, как
    сообщалось ранее. Количество задержанных увеличилось до 52 человек." corrects the story's "1,230 kg of hashish
    … and 47 people were detained" for the detainees too. The candidate holds a quantity of the asked kind
    (qa.answer.types' "typed"), none of the best's figures ("Данные об изъятии героина (86 кг) остались без
    изменений" confirms one), and, since a bare quantity could count anything, counts the noun the question names
    ("How many people …") or names the substance it asks about."""
    top = ranked[0]
    # the figures of the best's passage: a correction may correct another sentence of the report ("Задержаны 47
    # человек" after "изъяли 1 230 кг гашиша")
    held = {f.value for text in (top.text, top.passage.chunk.text) for f in figures(text, top.sentence.lang)}
    items = {_item(c) for c in ranked[1:] if _first_day(c) != UNDATED and _first_day(c) >= day
             and corrects(c.text, c.sentence.lang, held)}
    if not items:
        return None
    stated = {f.value for c in ranked[1:] if _item(c) in items for f in figures(c.text, c.sentence.lang)}
    if stated & asked:
        return None  # the correcting item confirms the asked figure, or corrects it itself (prefer_correction)
    kinds = identities(question)
    for i, c in enumerate(ranked[1:], 1):
        if _item(c) not in items or c.features.get("typed") != 1.0:
            continue
        if {f.value for f in figures(c.text, c.sentence.lang)} & held:
            continue
        if n.units or (kinds and identities(c.text) & kinds):
            return i
    return None


def restates(text: str) -> bool:
    """Whether `text` says what was reported before (any registered language's Language.restated)."""
    return any(lang.restated is not None and lang.restated.search(text) for lang in registered())


# how many sentences after the one restating the old figure the new one may come
_ANEW_AFTER = 2


def _anew(n: Needs, ranked: list[Candidate], values: set[float], day: int, asked_in: str = "en") -> int | None:
    """The place of the sentence that gives a figure anew right after a sentence restating one of the best's
    `values` as what was reported before, in a later item: "В пресс-релизе от 22 ноября было указано, что изъято
    2 031 кг гашиша." then "По окончательным данным … общий вес изъятого гашиша составил 1 987 кг." (a correction in
    two sentences, which `corrects` reads in one). The best itself may be the restating sentence. A sentence in
    another language than the question's (`asked_in`), whose words the question's needs cannot read, gives a figure
    anew by any figure with a unit ("the correct figure is 3 950 litres" for "Сколько ангидрида изъято?"). None when
    no such pair is among the candidates."""
    by_id = {c.sentence.id: i for i, c in enumerate(ranked)}
    for c in ranked:
        if _first_day(c) == UNDATED or _first_day(c) < day or not restates(c.text):
            continue
        if not {f.value for f in figures(c.text, c.sentence.lang)} & values:
            continue
        for k in range(1, _ANEW_AFTER + 1):
            i = by_id.get(c.sentence.id + k)
            if i is None or _item(ranked[i]) != _item(c):
                continue
            new = _asked(ranked[i].text, ranked[i].sentence.lang, n)
            if not new and ranked[i].sentence.lang not in (None, asked_in):
                new = {f.value for f in figures(ranked[i].text, ranked[i].sentence.lang) if f.unit}
            if new and not new & values and i != 0:
                return i
    return None


def prefer_correction(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` (best first) with the candidate that corrects the best's figure first (the module docstring). The two
    swap scores, so the confidence reads the winner with the margin the model gave the pair."""
    if len(ranked) < 2:
        return ranked
    if asks_superseded(question):  # the figure given in error is what is asked
        return ranked
    n = needs(question)
    # "What was the final quantity of heroin …?" and "What is the correct quantity …?" ask the corrected figure, though
    # not typed as number questions
    counting = n.wants == "number" or _asks_final(question) or asks_correction(question)
    if not counting:
        return ranked
    for _ in range(_ROUNDS):
        top = ranked[0]
        values = _asked(top.text, top.sentence.lang, n)
        day = _first_day(top)
        if not values or day == UNDATED:
            return ranked
        found = next((i for i, c in enumerate(ranked[1:], 1)
                      if _first_day(c) != UNDATED and _first_day(c) >= day
                      and corrects(c.text, c.sentence.lang, values)
                      # one that corrects a figure of another substance than asked is no answer
                      and candidate_swap(question, c) is None), None)
        if found is None and counting:
            found = _revised(question, n, ranked, values, day)
        if found is None and counting:
            found = _anew(n, ranked, values, day, detect(question))
        # a figure of another substance than asked corrects nothing the question asks ("421 kg of heroin" for
        # methamphetamine)
        if found is None or candidate_swap(question, ranked[found]) is not None:
            return ranked
        c = ranked[found]
        ranked = [replace(c, score=top.score), *ranked[1:found], replace(top, score=c.score), *ranked[found + 1:]]
    return ranked
