"""When another document answers the question with a different value: the note shown under the answer.

The answer step chooses one sentence; another document may state the asked thing otherwise (a press release's "will
run until December 2024", a later news page's "has been extended until June 2025"; a news story's 412 kg of heroin,
the annual report's corrected 398 kg). An analyst must see that. Nothing here changes which answer is chosen: among
the candidates the sentence model ranked just below the answer (within DISAGREE_MARGIN of its score, among the best
DISAGREE_TOP), the first from another document that states a value of the asked kind (a date for "when" and "until
when", a quantity of the asked unit or counted noun for "how much / how many", a person for "who") none of which the
answer's text states, where the answer states one it can be compared with, is the disagreement. Values are compared
as what they say, not as written: "398 kg" and "398 kilograms" agree, "December 2024" and "Dec. 2024" agree, "Kanat
Seitkali" and "Mr. Seitkali" agree; a figure of another unit or counted noun ("6.3 tonnes" against "412 kg") is of
another thing and never a disagreement. Both documents must be dated: the note says which of the two is newer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from qa.answer.corrections import restates
from qa.answer.deadlines import asks_deadline, states_deadline
from qa.answer.features import Candidate, name_words, names_held, question_names
from qa.answer.figure_swaps import figure_value
from qa.answer.needs import needs
from qa.answer.preliminary import EVENT_COSINE, SAME_QUANTITY_FACTOR, Similar, same_event
from qa.answer.short import candidates, typed_spans
from qa.answer.shown import around, cited
from qa.answer.types import counts_asked_noun, same_unit, unit_name
from qa.answer.whole_period import partial
from qa.contracts import Answer, Disagreement, Passage
from qa.ingest.dates import find_date
from qa.lang import analyze, detect
from qa.lang.substances import identities
from qa.store import Index

# How far below the answer's sentence-model score a candidate of another document may be and still be read as a
# credible answer to the question, and how far down the ranking (0: never). The near-tie rules that CHOOSE read
# margins of 0.5 (PERSON_MARGIN) and 1.0 (SUBSTANCE_MARGIN); a note only adds, and what makes its candidate credible is
# the abstention gate read on it as the near-tie rules read a promoted candidate (with_disagreement, below), so
# the margin is an outer bound: the disagreements read in the tester's collection lay 1.9 to 8.6 below the answer, the
# one note of another event there 16.5 below (docs/quality.md, "Thirty-sixth session").
DISAGREE_MARGIN = 10.0
DISAGREE_TOP = 8
# Both documents must be dated: two dated reports that give one thing two values are a correction or an update, and
# the note says which is newer. Undated paragraphs (SQuAD's: one article cut in paragraphs) gave notes of other
# things: of squad2's first 2,162 questions, 37 had a note, 16 of them within the margin, none a disagreement when read.
KINDS = ("date", "number", "person")
# "Until when does the project run?", "By when …?": the dates after "until" answer it
_UNTIL_WHEN = re.compile(r"\b(?:until|till|til|by)\s+when\b", re.I)
# the word before a date that answers it ("will run until December 2024", "extended to June 2025")
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|to|through|up\s+to)\s+(?:the\s+end\s+of\s+)?$", re.I)


@dataclass(frozen=True)
class Value:
    """One value of the asked kind in a text: its offsets there and what it says (`key`, compared; `unit`, what it is
    a number of: values of different units are not compared)."""

    start: int
    end: int
    key: object
    unit: str = ""
    thing: str = ""  # what a quantity is of, when it says ("tonnes of *potatoes*"): the stem of its noun, or the drugs


@dataclass(frozen=True)
class Found:
    """The candidate that disagrees with the answer and its value."""

    candidate: Candidate
    value: Value


def asked_kind(question: str) -> str | None:
    """The kind of value the question asks for among KINDS, or None (no note is given for other questions)."""
    wants = needs(question).wants
    if wants in KINDS:
        return wants
    return "date" if wants is None and _UNTIL_WHEN.search(question) else None


# --- what a value says -----------------------------------------------------------------------------------------

# a number as either language writes it: thousands grouped by commas or (Russian) spaces, no-break ones too ("8,120",
# "8 120"), decimals after a dot or a comma ("1.5", "1,5")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)"
                     r"(?:[.,](\d+))?(?![\d])")
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_SCALE = re.compile(r"\s*(thousand|million|mln|billion|bn|trillion)\b\.?", re.I)
_CURRENCIES = {"$": "usd", "usd": "usd", "dollar": "usd", "€": "eur", "eur": "eur", "euro": "eur", "£": "gbp",
               "gbp": "gbp", "rub": "rub", "rubl": "rub", "roubl": "rub"}
_CURRENCY_BEFORE = re.compile(r"(\$|€|£|\b(?:USD|EUR|GBP|RUB)\b)\s*$")
_WORD = re.compile(r"\s*(%|[^\W\d_]+)")
# what a quantity is of: "412 kg *of heroin*", "6.3 tonnes *of narcotic drugs*" (its first words)
_OF = re.compile(r"\s+of\s+((?:[^\W\d_]+[\s-]+){0,2}[^\W\d_]+)")
# the words after a quantity's unit, up to the next figure or clause: what it is of
_THING_AFTER = re.compile(r"(?:\s+(?:of\s+)?[^\W\d_]+(?:-[^\W\d_]+)?){0,3}")


# a unit's first form in Russian and in English (Language.unit_names): a Russian "кг" and an English "kg" are one
# unit when a note compares figures across languages
_UNITS_ACROSS = (("килограмм", "kilogram"), ("тонна", "tonne"), ("грамм", "gram"), ("километр", "kilometre"),
                 ("гектар", "hectare"))


@lru_cache(maxsize=1)
def _across() -> dict[str, str]:
    return {(analyze(ru, "ru") or [ru])[-1]: (analyze(en, "en") or [en])[-1] for ru, en in _UNITS_ACROSS}


def _one_unit(name: str) -> str:
    """A unit's name as English writes it, whatever the language ("килограмм" -> "kilogram")."""
    return _across().get(name, name)


def _unit_after(text: str, end: int, lang: str) -> bool:
    """Whether the word after a number names a unit ("кг", "tonnes") or a percentage."""
    w = _WORD.match(text, end)
    return bool(w) and (w.group(1) == "%" or bool(unit_name((analyze(w.group(1), lang) or [w.group(1).lower()])[-1])))


def _number_values(text: str, question: str, lang: str) -> list[Value]:
    """The numbers of the asked quantity in text: each with what it counts (the asked noun) or its unit."""
    n = needs(question)
    foreign = lang != detect(question)
    asked = identities(question)
    out = []
    for a, b in candidates(text, question, lang):
        m = _NUMBER.search(text, a, b)
        if m is None:
            continue  # "twelve", "several": a word count is left out rather than misread
        value = figure_value(m.group())
        if value is None:
            continue
        end = m.end()
        if s := _SCALE.match(text, end):
            value *= _SCALES[s.group(1).lower()]
            end = s.end()
        before = _CURRENCY_BEFORE.search(text[max(0, m.start() - 5):m.start()])
        if n.units:  # "how many officers": the number counts the asked noun, whatever its unit is called
            if not counts_asked_noun(text[end:end + 80], n.units) and not (
                    foreign and not _unit_after(text, end, lang)):
                continue  # (a text in another language than the question's names the noun in its own words:
                # a number without a unit after it is read as the count; only the short answer's is compared)
            if m.group(2) and not any(unit_name(u) for u in n.units):
                continue  # "a magnitude 6.7 earthquake": a count is whole, unless the noun is a unit ("5.1 tonnes")
            unit = "count:" + " ".join(sorted(same_unit(n.units)))
        elif before:
            unit = _CURRENCIES.get(before.group(1).lower(), before.group(1).lower())
        elif w := _WORD.match(text, end):
            stem = (analyze(w.group(1), lang) or [w.group(1).lower()])[-1] if w.group(1) != "%" else "%"
            unit = "%" if stem == "%" else _CURRENCIES.get(stem) or _one_unit(unit_name(stem) or "")
            if not unit:
                continue  # "380 plastic packages", "in 2023 was": no unit of a how-much question
        else:
            continue  # a bare number says no quantity of anything
        word = _WORD.match(text, end)  # the unit or counted noun, then what it is of
        of = _OF.match(text, word.end()) if word else None
        thing = next((t for t in analyze(of.group(1), lang)), "") if of else ""
        # a drug or a class of them named right after its unit, in any language ("94 кг синтетических наркотиков",
        # "412 kg of heroin"): the total of all drugs and one class's figure are two things
        if word and (held := identities(_THING_AFTER.match(text, word.end()).group(0))):
            thing = _SUBSTANCE + ",".join(sorted(held))
        elif not thing and asked:  # "412 kg" for "How much heroin …?" is of heroin
            thing = _SUBSTANCE + ",".join(sorted(asked))
        out.append(Value(a, b, round(value, 6), unit, thing))
    return out


def _date_key(span: str) -> str:
    return find_date(span) or find_date("in " + span) or " ".join(span.lower().split())


_TITLES = frozenset("mr mrs ms dr prof sir h e he ambassador director general major colonel".split())


def _person_key(span: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\w+", span.lower()) if w not in _TITLES)


def values(text: str, question: str, kind: str, lang: str | None = None) -> list[Value]:
    """Every value of `kind` that `text` states and the question does not already name."""
    lang = lang or detect(text)
    if kind == "number":
        return _number_values(text, question, lang)
    if kind == "date":
        spans = candidates(text, question, lang) if needs(question).qtype == "date" \
            else typed_spans(text, question, "date", lang)
        return [Value(a, b, _date_key(text[a:b])) for a, b in spans]
    if kind == "person":
        return [Value(a, b, key) for a, b in candidates(text, question, lang) if (key := _person_key(text[a:b]))]
    return []


def comparable(x: Value, y: Value) -> bool:
    """Whether two values are of one thing: numbers of one unit or counted noun, and of one stuff when both say what
    they are of ("tonnes of potatoes" and "tonnes of seafood" are not); any two dates or people. A figure of one drug
    or class is no figure of drugs in general (a question naming none): "94 кг синтетических наркотиков" does not
    disagree with "Всего … изъято 17 690 кг наркотиков"."""
    if x.unit != y.unit:
        return False
    if x.thing.startswith(_SUBSTANCE) or y.thing.startswith(_SUBSTANCE):
        return x.thing == y.thing
    return x.thing == y.thing or not x.thing or not y.thing


_SUBSTANCE = "substance:"


def agree(x: Value, y: Value) -> bool:
    """Whether two comparable values say the same: equal numbers; dates one of which holds the other ("2024-12" and
    "2024-12-31"); names one of which holds the other ("Seitkali", "Kanat Seitkali")."""
    if isinstance(x.key, frozenset) and isinstance(y.key, frozenset):
        return x.key <= y.key or y.key <= x.key
    if isinstance(x.key, str) and isinstance(y.key, str):
        return x.key.startswith(y.key) or y.key.startswith(x.key)
    return x.key == y.key


# --- the note --------------------------------------------------------------------------------------------------

def _context(c: Candidate) -> str:
    """What says which thing a candidate speaks of: its passage, its item's title and its document's."""
    p = c.passage
    return " ".join(filter(None, (p.chunk.text, p.title, p.doc_title)))


def _names(names: set[str], text: str) -> set[str]:
    words = name_words(text)
    return {n for n in names if names_held({n}, words)}


ShortAnswer = Callable[[Candidate], "tuple[int, int] | None"]


def disagreeing(question: str, ranked: list[Candidate], answer_text: str, answer_span: tuple[int, int] | None,
                lang: str | None = None, short_answer: ShortAnswer | None = None,
                credible: Callable[[int], bool] | None = None, similar: Similar | None = None) -> Found | None:
    """The first candidate of another document, near the answer (ranked[0]) in score, whose values of the asked kind
    differ from every value the answer's text states; None when there is none or the question asks for no kind.

    `answer_text` is the answer's text as shown (with the sentence before it, when shown); `answer_span` the offsets
    of its short answer inside that text, if any: then that value is the one compared, else every value of the text.

    The other candidate must speak of the same thing: its passage and titles hold every name of the question that the
    answer's do ("BICA", "Dostuk", "2023"; a budget of another project is no other budget of this one). And a value
    is compared only as a short answer: the answer's own (none shown: no note) and the other's (`short_answer`: the
    offsets in a candidate's sentence of the span the short-answer model finds likeliest there, or None): a sentence
    states many dates, figures and people ("she has been the Project Manager since January 2024" in a sentence about
    the project), and a person beside another role ("Deputy Director") is no other director. A question "until when"
    (which the question patterns do not type, so no short answer is marked) is answered by the dates after "until",
    "till", "to", "through".

    `credible(i)`: whether ranked[i], made the answer, would be given at all (the answer step's abstention gate, read
    as the near-tie rules read a promoted candidate); None: any candidate within the margin is."""
    kind = asked_kind(question)
    if kind is None or len(ranked) < 2 or DISAGREE_TOP <= 1 or short_answer is None:
        return None
    until = bool(_UNTIL_WHEN.search(question))  # "until when": the date after "until" answers
    stated = values(answer_text, question, kind, lang)
    best = ranked[0]
    if not best.passage.date:
        return None  # an undated answer: which value is current cannot be told (the comment above DISAGREE_MARGIN)
    if until:
        chosen = [v for v in stated if _UNTIL_BEFORE.search(answer_text, 0, v.start)]
    elif answer_span is not None:
        chosen = [v for v in stated if v.start < answer_span[1] and answer_span[0] < v.end]
    else:
        chosen = []  # no short answer: which of the answer's values answers is not known (but see `foreign` below)
    # an answer in another language than the question's shows no short answer (the span model is sure of none across
    # languages): against a figure of another language, its likeliest span says which value answers
    foreign = []
    if (not chosen and kind == "number" and (lang or detect(answer_text)) != detect(question)
            and (own := short_answer(best)) is not None):
        foreign = [v for v in stated if v.start < own[1] and own[0] < v.end]
    if not chosen and not foreign:
        return None  # the answer states no value of the kind (or none known to answer): nothing to disagree with
    names = question_names(question)
    named = _names(names, _context(best))
    deadline = kind == "date" and asks_deadline(question)
    # the best score of each language's candidates
    tops: dict[str | None, float] = {}
    for c in ranked:
        tops.setdefault(c.sentence.lang, c.score)
    for i, c in enumerate(ranked[1:], 1):
        # a figure of another language than the answer's, in a document of the same event (its names written
        # otherwise: shared numbers and dates, e5's passage cosine, qa.answer.preliminary.same_event): the sentence
        # model scores a sentence of another language far below one of the question's (the tester's final Russian
        # figures 13 below the English preliminary ones), so its margin is read from its language's best, at any rank
        across = (kind == "number" and c.sentence.lang != best.sentence.lang
                  and _cyrillic(c.sentence.text) != _cyrillic(best.sentence.text)  # not a row of digits mislabelled
                  and c.score >= tops[c.sentence.lang] - DISAGREE_MARGIN and same_event(question, best, c, similar))
        if not across and (i >= DISAGREE_TOP or c.score < best.score - DISAGREE_MARGIN):
            continue
        mine = chosen or (foreign if across else [])
        if not mine:
            continue
        if c.sentence.doc == best.sentence.doc or not c.passage.date or c.features.get("clash", 0.0) > 0:
            continue  # one document's own figures, or a sentence about another event ("in 2022" for "in 2023")
        if partial(c.text) != partial(answer_text):
            continue  # a figure for part of the period ("за первое полугодие 2024 года … 9 715 кг") and the whole's
        if restates(c.text):
            continue  # what an earlier report said ("В пресс-релизе от 22 ноября было указано …"): its date and its
            # figure are the superseded report's (a correction of the answer is read by qa.answer.corrections)
        if not across and not named <= _names(names, _context(c)):
            continue  # of another thing than the answer's ("the project" of another project)
        if deadline and not states_deadline(c.sentence.text):
            continue  # a deadline asked: another document's dates of an event say nothing else of it
        theirs = [v for v in values(c.sentence.text, question, kind, c.sentence.lang)
                  if any(comparable(v, x) for x in mine)]
        if across:
            # what a figure counts is a word of its language: across languages only a figure of the same kind near
            # the answer's in size (a revision, as a final report's of a preliminary one) is read as the same quantity
            theirs = [v for v in theirs if any(_near(v.key, x.key) for x in mine)]
        if until:
            theirs = [v for v in theirs if _UNTIL_BEFORE.search(c.sentence.text, 0, v.start)]
        else:
            own = short_answer(c)
            theirs = [v for v in theirs if own is not None and v.start < own[1] and own[0] < v.end]
        if not theirs or any(agree(v, x) for v in theirs for x in stated if comparable(v, x)):
            continue  # states nothing comparable, or the same value as the answer (in any of its forms)
        cos = similar(best, c, sentences=True) if across and similar is not None else None
        if cos is not None and cos < EVENT_COSINE:
            continue  # the two sentences speak of different things (e5: "17 controlled deliveries" and "mobile
            # teams grew from 19 to 23" 0.16 apart; "58 уголовных дел" and "opened 46 criminal cases" 0.34)
        if credible is not None and not credible(i):
            continue  # the answer step would not give it as an answer: no credible other answer
        return Found(c, theirs[0])
    return None


def _cyrillic(text: str) -> bool:
    """Whether most of a text's letters are Cyrillic (a row "I квартал | 312 | 21" is, whatever language its digits
    were detected as)."""
    cyr = len(re.findall(r"[а-яё]", text, re.I))
    return cyr > len(re.findall(r"[a-z]", text, re.I))


def _near(x: object, y: object) -> bool:
    """Whether two numbers are within SAME_QUANTITY_FACTOR of each other (qa.answer.preliminary's)."""
    if not isinstance(x, float) or not isinstance(y, float) or x <= 0 or y <= 0:
        return False
    return max(x, y) / min(x, y) <= SAME_QUANTITY_FACTOR


def newer(answer_date: str | None, other_date: str | None) -> str | None:
    """Which of the two is dated later: "other", "answer", or None when either is undated or they share a date."""
    if not answer_date or not other_date:
        return None
    a, b = answer_date, other_date
    if a.startswith(b) or b.startswith(a):
        return None
    return "other" if b > a else "answer"


def with_disagreement(answer: Answer, question: str, ranked: list[Candidate], passages: list[Passage],
                      index: Index, short_answer=None, credible=None, similar: Similar | None = None) -> Answer:
    """`answer` (chosen from ranked[0]) with the note of another document that states a different value of the asked
    kind, when one of the candidates near it does (disagreeing, above); the choice itself is left as it is.
    `short_answer`, `credible`: a candidate's short answer and whether it would be given, as disagreeing reads them."""
    span = None if answer.span is None else (answer.span[0] - answer.start, answer.span[1] - answer.start)
    found = disagreeing(question, ranked, answer.text, span, ranked[0].sentence.lang, short_answer, credible, similar)
    if found is None:
        return answer
    row, value = found.candidate.sentence, found.value
    item = index.item(row.doc, row.item)
    page = item.page if item is not None else None
    text = row.text
    if page is not None:  # a PDF's verbatim text, as the answer's (qa.answer.pick.sentence_answer)
        text = index.document_slice(row.doc, row.start, row.end) or text
    a, b = around(text, (value.start, value.end))
    p = cited(passages, found.candidate.passage.chunk.id, row.doc, row.start + a, row.start + b)
    note = Disagreement(
        value=row.text[value.start:value.end], text=text[a:b], doc=row.doc, title=p.title, date=p.date,
        start=row.start + a, end=row.start + b, span=(row.start + value.start, row.start + value.end),
        passage_rank=p.rank, page=page, doc_title=p.doc_title, newer=newer(answer.date, p.date),
        cut_before=a > 0, cut_after=b < len(text),
    )
    return replace(answer, disagreement=note)
