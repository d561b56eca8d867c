"""A question about one country's part answered by the whole.

"How many kilograms of drugs did Tajikistan seize during Silk Gate 2025?" was answered by "Всего в ходе операции
изъято 3 115 кг наркотических средств, в том числе 2 240 кг гашиша …", the operation's total over five countries,
though a row of the same report's table gives Tajikistan's own "1 204"; asked of Azerbaijan, which the report gives no
figure for, the same total was the answer. The total names no country, so the rule for an answer about another
country (qa.answer.country_swaps) leaves it to the gate, and every other word of the question is in it.

When a number question names a country (qa.lang.countries, any language, set-aside ones left out: country_swaps'
asked_countries) and the best candidate names none, while its item's title, lead and the sentence before it name none
either or others besides the asked (the operation's participants: an item about the asked country alone need not name
it again, and is left alone):
- prefer_asked_country: a candidate of the asked kind (typed_match) and of the asked event (no clash: "in 2022" is not
  answered by a 2025 operation's row) whose own text names the asked country (a sentence or a table's row), in a
  document that gives the figure for other countries too (a breakdown: the candidate itself or another of its
  document names another country with a figure of the asked kind) and states a total it is part of (the best does, or
  a sentence of its document naming no country), is put first;
- prefer_country_row: when the best names other countries and not the asked one, a table's row of the asked kind and
  event whose first cell names the asked country, in the best's document (among the best PART_TOP) or a near tie of
  it, is put first: asked in English of a Russian donors' table ("How much did Norway contribute …?" over "Норвегия |
  700 000"), or in Russian of an English one, the row shares no word with the question, and the best, another
  country's figure, is no answer;
- prefer_country_document: when the best names no country and its item's and document's titles name others only
  (Kazakhstan's bulletin's "За I полугодие 2023 года по республике было изъято 9 742,6 кг" for "Сколько наркотиков
  изъято в Кыргызстане в 2023 году?"), a near tie (ROW_TOP, ROW_MARGIN) of the asked kind and event that names the
  asked country or stands in a document titled by it, and names no other, is put first;
- whole_given: when none is, and the answer shown states a total (the language's asked_words.total: "in total",
  "всего", "overall") and its document breaks the figure down by other countries, the documents give no figure for
  the asked country: "not found", with the reason (qa.answer.not_found, "whole").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from qa.answer.country_swaps import asked_countries
from qa.answer.features import swap
from qa.answer.needs import needs
from qa.answer.substances import answer_text, sentence_before
from qa.answer.types import unit_name
from qa.lang import detect, get
from qa.lang.countries import countries_in

if TYPE_CHECKING:
    from qa.answer.features import Candidate

# whether the answer step prefers the asked country's part and refuses a whole given for it
PARTS = True
# how far down the ranked candidates the asked country's part is looked for: every sentence of the passages is ranked,
# and a table's row shares few words with the question
PART_TOP = 20
# how far down, and how near the best's score, the asked country's row of another document than the best's is looked
# for
ROW_TOP = 8
ROW_MARGIN = 1.5


def _named(c: Candidate) -> frozenset[str]:
    """The countries the candidate names as shown (with the sentence before it when it refers back)."""
    return countries_in(answer_text(c.text, c.before), c.sentence.lang or detect(c.text))


def _own(c: Candidate) -> frozenset[str]:
    """The countries the candidate's own text names (a table's row read with its header): a figure's country. Not the
    sentence before it: "Its budget was USD 14.6 million" after "The programme covers Kazakhstan, Kyrgyzstan, …" is
    no figure of any of them."""
    return countries_in(c.text, c.sentence.lang or detect(c.text))


def _context(c: Candidate, lead: str) -> frozenset[str]:
    """The countries the candidate's item title, its item's first sentence `lead` and the sentence before it name."""
    title = c.passage.item.title if c.passage.item is not None else ""
    context = f"{title}\n{lead}\n{sentence_before(c.before)}"
    return countries_in(context, detect(context)) if context.strip() else frozenset()


def _typed(c: Candidate, question: str) -> bool:
    """Whether c gives a figure of the asked kind: its `typed` feature, or, for a question asking how much (no counted
    noun: "How much heroin …?"), it is a table's row with a figure in a cell (the unit is in the table's caption,
    "Seizures by country, 2023 (kg)", which the row's reading lacks), and so for one asking how many of a unit of
    measure ("How many kilograms …?"). A count of a noun ("How many suspects …?") is the typed feature's to read: a
    row of seizures is no count of suspects."""
    if c.features.get("typed", 0.0) >= 1.0:
        return True
    # a unit of measure asked ("How many kilograms …?") is the caption's too, as the how-much question's is
    units = needs(question).units
    return c.reading is not None and all(unit_name(u) for u in units) and bool(_FIGURE.search(c.sentence.text))


_FIGURE = re.compile(r"\d")


def _asked(question: str) -> frozenset[str]:
    """The countries a number question asks about, or none (not a number question, a question asking for a place)."""
    if not PARTS or needs(question).wants != "number":
        return frozenset()
    return asked_countries(question)


def _breaks_down(c: Candidate, ranked: list[Candidate], asked: frozenset[str], question: str) -> bool:
    """Whether c's document gives the asked kind of figure for a country other than the asked ones: c itself names
    one, or another candidate of its document of the asked kind does."""
    if _own(c) - asked:
        return True
    return any(o.sentence.doc == c.sentence.doc and _typed(o, question) and _own(o) - asked for o in ranked
               if o is not c)


# the countries of a region counted together: "the five Central Asian states", "the countries of the region",
# "государств региона", "стран Центральной Азии"
_COUNTRIES_TOGETHER = re.compile(
    r"\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+|all|member|participating|partner)\s+(?:[\w-]+\s+){0,2}"
    r"(?:states|countries|nations)|(?:states|countries|nations)\s+of\s+the\s+region)\b"
    r"|(?<!\w)(?:государств\w*|стран\w*)\s+(?:региона|Центральной\s+Азии|[-\w]+\s+Азии|-?участниц\w*)"
    r"|(?<!\w)(?:пят\w*|шест\w*|четыр\w*|все\w*|\d+)\s+(?:[\w-]+\s+){0,2}(?:государств|стран)\w*",
    re.I,
)


def _states_total(c: Candidate) -> bool:
    """Whether c states a total with a figure: its language's asked_words.total ("in total", "overall", "всего"), or
    a figure of the region's countries together ("the five Central Asian states seized 9,874 kg")."""
    words = get(c.sentence.lang or detect(c.text)).asked_words
    said = bool(words is not None and words.total is not None and words.total.search(c.text))
    return (said or bool(_COUNTRIES_TOGETHER.search(c.text))) and bool(re.search(r"\d", c.text))


def _whole(c: Candidate, lead: str, asked: frozenset[str]) -> bool:
    """Whether c may give a figure over more than the asked countries: it names no country, and its context (_context)
    names none or others besides them ("… carried out by the customs services of Kazakhstan, Kyrgyzstan, …"). A
    context of the asked countries only makes it theirs: an item about Tajik customs need not name Tajikistan again."""
    if _named(c):
        return False
    context = _context(c, lead)
    return not context or not context <= asked


def prefer_asked_country(question: str, ranked: list[Candidate], lead: Callable[[], str] = str) -> list[Candidate]:
    """`ranked` with the asked country's part first (the module docstring), when the best (`lead()` reads its item's
    first sentence, only for a question that asks about a country) names no country."""
    asked = _asked(question)
    if not asked or len(ranked) < 2 or not _whole(ranked[0], lead(), asked):
        return ranked
    for i, c in enumerate(ranked[1:PART_TOP], 1):
        # not a figure of another event (qa.answer.events: another year, another numbered one of a series)
        if _typed(c, question) and c.features.get("clash", 0.0) < 1.0 and _own(c) & asked \
                and _breaks_down(c, ranked, asked, question) \
                and _totalled(c, ranked):
            return swap(ranked, i, merge=True)
    return ranked


def prefer_country_row(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with the asked country's table row first (the module docstring), when the best names other
    countries and not the asked one."""
    asked = _asked(question)
    if not asked or len(ranked) < 2:
        return ranked
    best = ranked[0]
    named = _named(best)
    if not named or named & asked:
        return ranked
    for i, c in enumerate(ranked[1:PART_TOP], 1):
        if c.reading is None or not _typed(c, question) or c.features.get("clash", 0.0) >= 1.0:
            continue
        first = c.sentence.text.split("|", 1)[0]
        near = c.sentence.doc == best.sentence.doc or i < ROW_TOP and best.score - c.score <= ROW_MARGIN
        if near and countries_in(first, c.sentence.lang or detect(first)) & asked:
            return swap(ranked, i, merge=True)
    return ranked


def prefer_country_document(question: str, ranked: list[Candidate]) -> list[Candidate]:
    """`ranked` with a near tie from a document about the asked country first (the module docstring), when the best
    names no country and its item's and document's titles name others only."""
    asked = _asked(question)
    if not asked or len(ranked) < 2 or _named(ranked[0]) or not _titled_other(ranked[0], asked):
        return ranked
    best = ranked[0]
    for i, c in enumerate(ranked[1:ROW_TOP], 1):
        if best.score - c.score > ROW_MARGIN:
            break
        if _typed(c, question) and c.features.get("clash", 0.0) < 1.0 and not _titled_other(c, asked) \
                and (_named(c) | _titled(c)) & asked and not _named(c) - asked:
            return swap(ranked, i, merge=True)
    return ranked


def _titled(c: Candidate) -> frozenset[str]:
    """The countries c's item's and document's titles name."""
    item = c.passage.item
    titles = " ".join(t for t in (item.title, item.doc_title) if t) if item is not None else ""
    return countries_in(titles, detect(titles)) if titles else frozenset()


def _titled_other(c: Candidate, asked: frozenset[str]) -> bool:
    """Whether c's titles name countries, none of them asked: a report on Kazakhstan's half-year."""
    titled = _titled(c)
    return bool(titled) and not titled & asked


def _totalled(c: Candidate, ranked: list[Candidate]) -> bool:
    """Whether the best, or a candidate of c's document that names no country, states a total: the documents give a
    whole that c is a part of ("Всего … изъято 3 115 кг" over a table of the countries' own figures)."""
    return _states_total(ranked[0]) or any(o.sentence.doc == c.sentence.doc and _states_total(o) and not _own(o)
                                           for o in ranked)


def whole_given(question: str, ranked: list[Candidate], lead: Callable[[], str] = str) -> frozenset[str]:
    """The countries asked about when the answer (ranked[0]; `lead()` reads its item's first sentence) is a total that
    names no country, its document breaks the figure down by other countries and no candidate gives the asked
    country's (the module docstring); else none."""
    asked = _asked(question)
    if not asked or not ranked or not _whole(ranked[0], lead(), asked):
        return frozenset()
    best = ranked[0]
    if not _states_total(best):
        return frozenset()
    if any(_typed(c, question) and _own(c) & asked for c in ranked[:PART_TOP]):
        return frozenset()
    return asked if _breaks_down(best, ranked, asked, question) else frozenset()
