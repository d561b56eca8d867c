"""A preliminary figure and the final one, in the same language or another.

"How many criminal cases were opened during Operation Silk Gate 2025?" was answered 46 (0.75) from an English note of
30 June, "Operation "Silk Gate 2025": preliminary results", while a Russian Word document of 15 September,
"Итоговая информация о результатах … операции «Шёлковые ворота – 2025»", gives the final 58 and ranked eleventh:
the note words the question, the final results are in another language. An operation, a count or a campaign is
reported while its figures come in and again once they are all in, and the final report is what holds.

So (prefer_final):
- when the best candidate is marked preliminary (provisional: its sentence, the sentence it refers back to, or its
  item's or document's title says "preliminary", "provisional", "initial estimates", "as of 30 June", "по
  предварительным данным", "по состоянию на": Language.preliminary), and a later item of the same event (same_event)
  that is marked final and not preliminary (its sentence, passage or titles say "final results", "in total",
  "итоговые", "окончательные", "всего": Language.final) states the same quantity (same_quantity), that item's
  candidate takes the first place, at any rank and in either language;
- when it states the same value as the best, nothing changes: the question's language's sentence stays the answer;
- a question that asks for the final figure ("final", "in the end", "окончательно", "итоговое":
  Language.asks_final) is never answered by a preliminary sentence when a later report of the same event states the
  quantity (marked final or not), and is "not found" with a reason when none does (only_preliminary);
- a question that asks for the preliminary figure ("по предварительным данным", "preliminary") is answered by the
  preliminary candidate of the same event rather than by the final report.

Two items speak of the same event (same_event) when both hold every name of the question that either holds (as
qa.answer.disagreement reads names), or, across languages where names are written otherwise ("Silk Gate" and
"Шёлковые ворота"), when their passages and titles share at least SHARED_NUMBERS numbers (the dates' days and years
included: "from 2 to 20 June 2025" and "со 2 по 20 июня 2025 года" share 2, 20 and 2025).
"""

from __future__ import annotations

import math
import re

import numpy as np
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answer.corrections import _first_day, _item, figures, superseded, value
from qa.answer.features import name_words, names_held, question_names
from qa.answer.needs import needs
from qa.answer.substances import answer_text
from qa.answer.types import unit_name
from qa.answer.whole_period import partial
from qa.filters.core import UNDATED
from qa.lang import analyze, detect, registered, reply_words

if TYPE_CHECKING:
    from qa.answer.features import Candidate

# numbers two passages of another language must share to be read as one event's (a year alone is every event's)
SHARED_NUMBERS = 3
# a final figure of the same quantity is within this factor of the preliminary one (46 cases, then 58; 2,430 kg,
# then 3 115 кг): further off, it is another quantity of the report that happens to share its unit
SAME_QUANTITY_FACTOR = 2.0

# and, where the index holds e5's vectors (multilingual), the two passages' cosine must be at least this: on the fifth
# tester's mixed collection the English and Russian reports of one operation lie 0.31 and 0.43 apart and an English
# press release and its Russian version 0.52, while half the 1,600 pairs of passages of different documents in
# different languages lie below 0.09 and nine in ten below 0.22 (docs/quality.md, "Thirty-seventh session")
EVENT_COSINE = 0.25

_DIGITS = re.compile(r"\d(?:[\d,.\u00a0\u202f]|\s(?=\d{3}\b))*\d|\d")  # "2,430", "3 115", "16,8", "20"
_YEAR = 1900


def _numbers(text: str) -> set[float]:
    """The numbers a text writes, as values ("2,430" and "2 430" are one; "2 to 20 June 2025": 2, 20, 2025)."""
    return {v for m in _DIGITS.finditer(text) if (v := value(m.group(0))) is not None}

# the cosine of two candidates' passages under the index's multilingual vectors, None when it has none (MiniLM's
# read English only: their cosine says nothing across languages)
Similar = Callable[..., "float | None"]


def passage_cosine(index, multilingual: bool) -> Similar | None:
    """The cosine of two candidates' passages under the index's chunk vectors (of their sentences, with
    `sentences`), when they are multilingual (e5)."""
    if not multilingual:
        return None

    def similar(a: Candidate, b: Candidate, sentences: bool = False) -> float | None:
        try:
            if sentences:  # the two sentences' own vectors
                pair = np.asarray(index.sentence_vectors[[a.sentence.id, b.sentence.id]], dtype=np.float32)
                x, y = pair[0], pair[1]
            else:
                vectors = index.chunk_vectors()
                x = np.asarray(vectors[a.passage.chunk.id], dtype=np.float32)
                y = np.asarray(vectors[b.passage.chunk.id], dtype=np.float32)
        except (AttributeError, IndexError, TypeError):
            return None
        norm = float(np.linalg.norm(x) * np.linalg.norm(y))
        return float(x @ y) / norm if norm else None
    return similar


def _any(attr: str, text: str) -> bool:
    return any((p := getattr(lang, attr)) is not None and p.search(text) for lang in registered())


def asks_final(question: str) -> bool:
    """Whether the question asks for the final figure ("What was the final total …?", "Сколько окончательно …?")."""
    return _any("asks_final", question) and not asks_preliminary(question)


def asks_preliminary(question: str) -> bool:
    """Whether the question asks for the preliminary figure ("… по предварительным данным?")."""
    return _any("preliminary", question)


def _titles(c: Candidate) -> str:
    p = c.passage
    return "\n".join(filter(None, (p.item.title if p.item is not None else "", p.title, p.doc_title)))


def provisional(c: Candidate) -> bool:
    """Whether a candidate's figure is marked preliminary: by its sentence (with the sentence it refers back to:
    "They also seized … and opened 46 criminal cases." after "According to preliminary figures, …") or its titles.
    A sentence that gives its figure as final and the preliminary one as superseded is a correction, not
    preliminary: "The final total … is 2,186 kg, not 2.4 tonnes as reported on the basis of preliminary data."."""
    if _any("final", c.text) and any(superseded(c.text, f, weak=True) for f in figures(c.text, c.sentence.lang)):
        return False
    return _any("preliminary", answer_text(c.text, c.before)) or _any("preliminary", _titles(c))


def marked_final(c: Candidate) -> bool:
    """Whether a candidate's item says its figures are final (its sentence, passage or titles) and nowhere that they
    are preliminary or cover part of a period."""
    text = "\n".join((c.text, c.passage.chunk.text, _titles(c)))
    return _any("final", text) and not _any("preliminary", text) and not partial(c.text)


def _context(c: Candidate) -> str:
    return "\n".join((c.passage.chunk.text, _titles(c)))


def same_event(question: str, a: Candidate, b: Candidate, similar: Similar | None = None) -> bool:
    """Whether two candidates' items speak of one event (the module docstring); `similar`: their passages' cosine
    under multilingual vectors, which must then be at least EVENT_COSINE across languages."""
    names = question_names(question)
    if names:
        held_a = {n for n in names if names_held({n}, name_words(_context(a)))}
        held_b = {n for n in names if names_held({n}, name_words(_context(b)))}
        if held_a and held_a == held_b:
            return True
    if a.sentence.lang == b.sentence.lang:
        return False  # one language: the names say it, and they differ
    shared = _numbers(_context(a)) & _numbers(_context(b))
    # a year is every report's of that year: the days and figures besides it say which event
    if len(shared) < SHARED_NUMBERS or len({v for v in shared if not _YEAR <= v < _YEAR + 200}) < SHARED_NUMBERS - 1:
        return False
    cosine = similar(a, b) if similar is not None else None
    return cosine is None or cosine >= EVENT_COSINE


def _kind(unit: str, lang: str | None) -> str:
    """A figure's kind as two languages can compare it: "unit" when its word names a unit ("kg", "кг", "тонны"),
    "%", or "count" (what it counts is a word of its language)."""
    if unit == "%":
        return "%"
    stem = (analyze(unit, lang) or [unit])[-1] if unit else ""
    return "unit" if stem and unit_name(stem) else "count"


def _asked_figures(question: str, c: Candidate) -> list[tuple[float, str]]:
    """The figures of a candidate's sentence as (value, kind), those of the asked kind first when the question
    asks a quantity its language reads (corrections' reading)."""
    from qa.answer.corrections import _asked

    lang = c.sentence.lang
    found = [(f.value, _kind(f.unit, lang)) for f in figures(c.text, lang)]
    n = needs(question)
    if n.wants == "number":
        asked = _asked(c.text, lang, n)
        if asked:
            found = [x for x in found if x[0] in asked]
    return found


def same_quantity(question: str, best: Candidate, c: Candidate) -> float | None:
    """How far the closest figure of `c` of a kind the best states is from the best's (the log of their ratio: 0
    the same value), None when none is within SAME_QUANTITY_FACTOR. A candidate the sentence model reads as stating
    the asked quantity (`typed`) and in the question's language is read by that: what it counts is compared in words."""
    if needs(question).wants == "number" and c.features.get("typed") == 0.0 and c.sentence.lang == best.sentence.lang:
        return None  # in the best's own language the sentence model reads what it counts: not the asked noun
    mine = _asked_figures(question, best)
    # a figure stated as superseded ("2 615 кг, а не 2 340 кг, как сообщалось ранее") refutes the best's: no
    # confirmation of it
    theirs = [(f.value, _kind(f.unit, c.sentence.lang)) for f in figures(c.text, c.sentence.lang)
              if not superseded(c.text, f)]
    # each of the best's figures against its closest of the same kind
    gaps = [min((abs(math.log(v / w)) for w, j in theirs if j == k and w > 0), default=math.inf)
            for v, k in mine if v > 0]
    if gaps and all(g == 0.0 for g in gaps):
        return 0.0  # it states every figure the best does: it confirms them
    near = [g for g in gaps if 0.0 < g <= math.log(SAME_QUANTITY_FACTOR)]
    return min(near) if near else None


def _later(c: Candidate, day: int) -> bool:
    first = _first_day(c)
    return first != UNDATED and first > day


def _final_for(question: str, ranked: list[Candidate], marked: bool, similar: Similar | None) -> int | None:
    """The place of the later report of the best's event that states its quantity (marked final when `marked`)."""
    best = ranked[0]
    day = _first_day(best)
    if day == UNDATED:
        return None
    found: list[tuple[float, int]] = []
    for i, c in enumerate(ranked[1:], 1):
        if _item(c) == _item(best) or not _later(c, day) or provisional(c):
            continue
        if marked and not marked_final(c):
            continue
        if not same_event(question, best, c, similar):
            continue
        gap = same_quantity(question, best, c)
        if gap is not None:
            found.append((gap, i))
    if not found:
        return None
    gap, i = min(found)
    if gap == 0.0:
        return 0  # the later report confirms the figure: the best stays
    return i


def _preliminary_for(question: str, ranked: list[Candidate], similar: Similar | None) -> int | None:
    """The place of the earlier preliminary report of the best's event that states its quantity."""
    best = ranked[0]
    day = _first_day(best)
    found = []
    for i, c in enumerate(ranked[1:], 1):
        if _item(c) == _item(best) or not provisional(c) or day == UNDATED:
            continue
        first = _first_day(c)
        if first == UNDATED or first > day or not same_event(question, best, c, similar):
            continue
        gap = same_quantity(question, best, c)
        if gap is not None:
            found.append((gap, i))
    return min(found)[1] if found else None


def _first(ranked: list[Candidate], i: int) -> list[Candidate]:
    top, c = ranked[0], ranked[i]
    return [replace(c, score=top.score), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]


def prefer_final(question: str, ranked: list[Candidate], similar: Similar | None = None) -> list[Candidate]:
    """`ranked` (best first) with the final report of the best's preliminary figure first, or the preliminary one
    for a question that asks for it (the module docstring); scores swapped, as prefer_correction swaps them.
    `similar`: passage_cosine's, read by same_event."""
    if len(ranked) < 2:
        return ranked
    best = ranked[0]
    if asks_preliminary(question):
        if provisional(best):
            return ranked
        i = _preliminary_for(question, ranked, similar)
        return ranked if i is None else _first(ranked, i)
    if not provisional(best):
        return ranked
    i = _final_for(question, ranked, not asks_final(question), similar)
    return ranked if not i else _first(ranked, i)


def only_preliminary(question: str, ranked: list[Candidate]) -> bool:
    """Whether a question that asks for the final figure would be answered by a preliminary one (prefer_final found
    no later report of it): then it is "not found"."""
    return bool(ranked) and asks_final(question) and provisional(ranked[0])


def preliminary_note(best: Candidate, question: str = "") -> str:
    """Why a question asking for the final figure is "not found": the documents give only a preliminary one (worded
    in the question's language)."""
    date = best.passage.date
    return reply_words(detect(question)).reason(
        "preliminary", sentence=best.sentence.text.strip(), date=f", {date}" if date else "")
