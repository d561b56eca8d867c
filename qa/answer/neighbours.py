"""Answer-type consistency in choosing, after the sentence model: among the best sentence's neighbours in its item
and its near ties, the one that holds the kind of thing asked for (issue 13, patterns 1 and 4).

A figure in the sentence after a scene-setting one, the sentence spelling out an acronym, the one giving the address
asked for, a near tie naming a person, the next sentence dating what the best one names, and the next sentence that
refers back to the best and holds the asked place, person, role or act ("It was received by …", "The follow-up
investigation led to … in Karaganda."). The rule constants are
read at call time: benchmarks/fit_answer.py --pick NAME=VALUE and benchmarks/screen_rules.py set them.
"""

from __future__ import annotations

from collections.abc import Callable

from qa.answer.acronyms import asked_acronym, defines
from qa.answer.asked_marks import asked_marks, names_asked, names_doer
from qa.answer.deadlines import asks_deadline, states_deadline
from qa.answer.features import Candidate, behind, swap
from qa.answer.figure_swaps import asked_amounts, states_all
from qa.answer.needs import needs
from qa.answer.persons import named_person
from qa.answer.question import question_head
from qa.answer.short import candidates
from qa.answer.shown import refers_back
from qa.filters.mentions import YEAR_RE
from qa.lang import analyze, detect
from qa.lang.contacts import CONTACT_KINDS

# how far down the ranking the next sentence holding the asked quantity may sit (None: anywhere
# among the candidates); and whether it must hold a question term the best sentence lacks
NEIGHBOUR_TOP: int | None = None
NEIGHBOUR_NEEDS_TERM = True
# whether the figure sentence taken after a scene-setting one reads the pair's evidence of matching
# the question (the better of the two: they answer together) while keeping its own answer type
NEIGHBOUR_MERGE = True
# a who-question's best sentence that names no person gives way to one of the best PERSON_TOP
# that does, when the model scores it within PERSON_MARGIN of the best (0: never)
PERSON_TOP = 3
PERSON_MARGIN = 0.5
# a best sentence in another language than the question's that holds no span of the asked kind gives way to one of
# the best TYPED_ACROSS_TOP of its document that does within TYPED_ACROSS_MARGIN (0: never). On the candidates of the
# testers' collections read so far (docs/languages.md, "Forty-fifth session") 1.0-2.0 moved 2 right, 3.0-5.0 5, none
# wrong, one unanswerable (the gate reads it); within the question's language 3.0 moved 17 right, 2 wrong, 14
# unanswerable, and from any document it cost 12 answers across languages of XQuAD's mixed index
TYPED_ACROSS_TOP = 3
TYPED_ACROSS_MARGIN = 3.0
# the same for a how-many / how-much question across languages: a best sentence (no table's row) with no quantity of
# the asked unit gives way to one of the best COUNT_TOP in the other language that holds one, within COUNT_MARGIN of
# it as behind() reads it (0: never). Not within one language: there the model's own unit and type features ranked
# the two, and a near tie that counts the asked thing elsewhere ("210 MTs in African countries" for Central Asia's)
# answered a bundled unanswerable question; a table's row holds its figures without their unit, which its header gives
COUNT_TOP = 3
COUNT_MARGIN = 0.5
# the same for a when-question: a best sentence that holds no date gives way to one of the best DATE_TOP that does,
# scored within DATE_MARGIN of it (0: never): "The course will take place at the Canine Centre …" against "The Centre
# will hold a course … from 14 to 25 April 2025."
DATE_TOP = 3
DATE_MARGIN = 0.5
# a deadline stated further down the best's own document (_deadline_near_tie): among the best this many, within this
# margin
DEADLINE_TOP = 5
DEADLINE_MARGIN = 5.0
# a near tie stating the question's figures (_figure_near_tie): among the best this many, within this margin
FIGURE_TOP = 5
FIGURE_MARGIN = 3.0
# a number question's best sentence with no quantity of the asked unit gives way to one of the best HEAD_TOP of its own
# story that holds one and more of the words of the thing asked for (_head_near_tie), within HEAD_MARGIN (0: never)
HEAD_TOP = 5
HEAD_MARGIN = 5.0
# a near tie whose context names what singles out the asked event where the best's names another (_clash_near_tie):
# among the best this many, within this margin
CLASH_TOP = 5
CLASH_MARGIN = 3.0
# the answer kinds whose best sentence, holding none of that kind, gives way to the next sentence of its item when
# that one holds one and refers back to it ("… held WG2 of the MTP …" / "This event … was held from 3 to 7 February
# 2025 in Astana."): shown with the sentence before it, the pair answers (() : never)
NEXT_KINDS: tuple[str, ...] = ("date",)
# the answer kinds whose best sentence, holding none of that kind, gives way to the next sentence of its item when that
# one refers back to it, holds one, and holds a question word the best lacks ("The team found 14.6 kg of … in 37
# parcels." / "The follow-up investigation led to the arrest of four people in Karaganda." for "In which city were four
# people arrested …?"): the word keeps a place or a person the next sentence merely adds from answering (() : never)
NEXT_WORD_KINDS: tuple[str, ...] = ("place", "person")
# whether a who-question's best sentence that does not name the asked role or act (qa.answer.asked_marks: "Who
# accepted …?" over "… was handed over by …") gives way to the next sentence of its item that refers back to it and
# names both the act and its doer ("It was received by …"), wherever the model ranked it
NEXT_ACTS = True
# a question asking what an acronym stands for takes the first of the best EXPANSION_TOP that spells
# it out, whatever the scores (None: any candidate; 0: never). An acronym a news page uses on every
# line puts its spelled-out form far down the ranking ("What does CARICC stand for?")
EXPANSION_TOP: int | None = None
# a question asking how to reach someone (an e-mail address, a web address, a phone number) takes the first of
# the best CONTACT_TOP that gives one of that kind (None: any candidate; 0: never): "For more information,
# please contact ...@..." shares no word with "What e-mail address ...?" but the address
CONTACT_TOP: int | None = None


def prefer_typed_neighbour(ranked: list[Candidate], question: str) -> list[Candidate]:
    """Answer-type consistency in choosing (issue 13, patterns 1 and 4), after the sentence model: _clash_near_tie(),
    _figure_near_tie(), then the rules of _prefer_typed(), then, when none moved a candidate, _typed_across()."""
    matched = _clash_near_tie(ranked, question)
    if matched is not ranked:
        return matched
    stated = _figure_near_tie(ranked, question)
    if stated is not ranked:
        return stated
    out = _prefer_typed(ranked, question)
    return out if out is not ranked or len(ranked) < 2 else _typed_across(ranked, question)


def _typed_across(ranked: list[Candidate], question: str) -> list[Candidate]:
    """ranked with the first of the best TYPED_ACROSS_TOP of the best's own document that holds a span of the asked kind
    (its "typed" feature) first, when the best, in another language than the question's and no table's row, holds
    none and that one scores within TYPED_ACROSS_MARGIN of it (behind()). None of the question's words can be counted
    in such a sentence: the model ranked it by its closeness in meaning alone, which finds the story but sets its
    scene as near as its detail ("С 16 по 27 сентября … пройдёт курс …" for "What is the application deadline …?"),
    and the asked kind is what tells them apart. Not another document's: closeness in meaning tells documents apart
    (XQuAD's "Plague occurred in Venice 22 times …" gave way to another paragraph's "Plague epidemics ravaged London in
    1563, …")."""
    best = ranked[0]
    lang = best.sentence.lang
    if TYPED_ACROSS_MARGIN <= 0 or lang is None or lang == detect(question) or best.reading is not None \
            or best.features.get("typed") != 0.0:
        return ranked
    return _near_tie(ranked, TYPED_ACROSS_TOP, TYPED_ACROSS_MARGIN, lambda c: c.features.get("typed") == 1.0
                     and c.sentence.doc == best.sentence.doc)


def _prefer_typed(ranked: list[Candidate], question: str) -> list[Candidate]:
    """Answer-type consistency in choosing (issue 13, patterns 1 and 4), after the sentence model.

    Quantities: the sentence holding the question's words often sets the scene and the next one
    gives the figure ("... 7 operations have been carried out ... As a result of the operations,
    740 kg of drugs were seized."). When a how-many / how-much question's best sentence holds no
    such quantity (qa.answer.types.unit_match) and the next sentence of the same item does, and
    that sentence holds a question word the best one lacks ("seized"), the next sentence is the
    answer, wherever the model ranked it. (The rule before it took the next sentence only among
    the best 3, with no word condition: it cost sentence hit@1 on SQuAD in cross-validation, and
    widening it cost more; applied to every answer type and to the sentence before it cost on
    every set: docs/quality.md.)

    Acronyms: a question asking what one stands for ("What does CADAP stand for?") is answered by
    the best-ranked candidate that spells it out (qa.answer.acronyms.defines).

    Addresses: a question asking for an e-mail address, a web address or a phone number
    (qa.lang.contacts) is answered by the best-ranked candidate that gives one of that kind.

    People: when a who-question's best sentence names no person (qa.answer.persons.named_person:
    "The heads of analytical departments ... took part") and one of the next best, scored within
    PERSON_MARGIN of it, does ("Major General Rustam Aziz, Director of CARICC, ..."), that one is
    the answer: among near ties, the sentence of the asked type. So is one that holds a date, for a when-question
    whose best sentence holds none (DATE_MARGIN), and one that states a date as a limit ("by 25 October 2024"), for a
    question asking for a deadline whose best sentence states none (qa.answer.deadlines)."""
    if len(ranked) < 2:
        return ranked
    acronym = asked_acronym(question)
    if acronym and EXPANSION_TOP != 0:
        return _first_that(ranked, lambda c: defines(c.text, acronym), EXPANSION_TOP)
    wants = needs(question).wants
    if wants in CONTACT_KINDS and CONTACT_TOP != 0:
        return _first_that(ranked, lambda c: c.features.get("typed") == 1.0, CONTACT_TOP)
    if wants == "number":
        nexts = _quantity_next(ranked, question)
        if nexts is ranked:
            nexts = _head_near_tie(ranked, question)
        return nexts if nexts is not ranked or COUNT_MARGIN <= 0 else _counted_near_tie(ranked)
    if wants == "person" and PERSON_MARGIN > 0:
        tied = _person_near_tie(ranked, question)
        if tied is not ranked:
            return tied
    if wants == "date" and DATE_MARGIN > 0:
        tied = _deadline_near_tie(ranked, question) if asks_deadline(question) else ranked
        if tied is ranked:
            tied = _dated_near_tie(ranked, question)
        if tied is not ranked:
            return tied
    if wants in NEXT_KINDS:
        return _typed_next(ranked)
    if wants in NEXT_WORD_KINDS or (NEXT_ACTS and wants in ("person", "place")):
        return _referring_next(ranked, question, wants)
    return ranked


def _quantity_next(ranked: list[Candidate], question: str) -> list[Candidate]:
    if ranked[0].features.get("unit") != 0.0:
        return ranked
    best = ranked[0].sentence
    stop = len(ranked) if NEIGHBOUR_TOP is None else min(NEIGHBOUR_TOP, len(ranked))
    for i in range(1, stop):
        c = ranked[i]
        row = c.sentence
        if row.doc == best.doc and row.item == best.item and row.id == best.id + 1:
            if c.features.get("unit") != 1.0:
                return ranked
            if NEIGHBOUR_NEEDS_TERM:
                asked = set(analyze(question))
                if not (asked & set(analyze(row.text))) - set(analyze(best.text)):
                    return ranked
            return swap(ranked, i, NEIGHBOUR_MERGE)
    return ranked


def _typed_next(ranked: list[Candidate]) -> list[Candidate]:
    """ranked with the best sentence's next one first when the best holds no span of the asked kind (a date, a
    place), and the next one, of the same item, holds one and opens by referring back to the best: the two are
    one statement, split by a full stop, and the answer shows them together (qa.answer.shown)."""
    if ranked[0].features.get("typed") != 0.0:
        return ranked
    best = ranked[0].sentence
    for i in range(1, len(ranked)):
        row = ranked[i].sentence
        if row.doc == best.doc and row.item == best.item and row.id == best.id + 1:
            if ranked[i].features.get("typed") == 1.0 and refers_back(row.text):
                return swap(ranked, i, NEIGHBOUR_MERGE)
            return ranked
    return ranked


def _next_of_item(ranked: list[Candidate]) -> int | None:
    """The rank of the best sentence's next one in its item, when it opens by referring back to it (the two are one
    statement, split by a full stop: qa.answer.shown shows them together); else None."""
    best = ranked[0].sentence
    for i in range(1, len(ranked)):
        row = ranked[i].sentence
        if row.doc == best.doc and row.item == best.item and row.id == best.id + 1:
            return i if refers_back(row.text) else None
    return None


def _referring_next(ranked: list[Candidate], question: str, wants: str) -> list[Candidate]:
    """ranked with the best sentence's next one first when that one refers back to it and holds what the question
    asks that the best does not: a span of the asked kind and a question word the best lacks (NEXT_WORD_KINDS), or
    the asked role or act with its doer (NEXT_ACTS). "It was received by …" answers "Who accepted …?" with the
    sentence before saying what "it" is; wherever the model ranked it (a pronoun shares few words with the question)."""
    i = _next_of_item(ranked)
    if i is None:
        return ranked
    best, after = ranked[0], ranked[i]
    if NEXT_ACTS:
        asked = asked_marks(question)
        if asked and not names_asked(asked, best.text) and names_asked(asked, after.text) \
                and names_doer(after, question, asked):
            return swap(ranked, i, NEIGHBOUR_MERGE)
    if wants in NEXT_WORD_KINDS and best.features.get("typed") == 0.0 and after.features.get("typed") == 1.0:
        asked_terms = set(analyze(question))
        if (asked_terms & set(analyze(after.text))) - set(analyze(best.text)):
            return swap(ranked, i, NEIGHBOUR_MERGE)
    return ranked


def _first_that(ranked: list[Candidate], holds: Callable[[Candidate], bool], top: int | None) -> list[Candidate]:
    """ranked with the first of its best `top` (None: any) that `holds` first: the sentence that spells an
    acronym out ("... Drug Action Programme (CADAP)"), or gives the address asked for."""
    for i in range(len(ranked) if top is None else min(top, len(ranked))):
        if holds(ranked[i]):
            return ranked if i == 0 else swap(ranked, i)
    return ranked


def _near_tie(ranked: list[Candidate], top: int, margin: float, holds) -> list[Candidate]:
    """ranked with the first of the best `top` that `holds` what was asked first, when it scores within `margin` of
    the best (whose place it takes, as swap() does)."""
    for i in range(1, min(top, len(ranked))):
        if behind(ranked[0], ranked[i]) > margin:
            continue
        if holds(ranked[i]):
            return swap(ranked, i)
    return ranked


def _clash_near_tie(ranked: list[Candidate], question: str) -> list[Candidate]:
    """ranked with the first of the best CLASH_TOP whose context names the year or ordinal that singles out the asked
    event and none other (its "event" and "clash" features, qa.answer.types) and that holds a span of the kind asked,
    first, when the best's context names another and that one scores within CLASH_MARGIN of it. A year's results are
    published early in the next year: "… heroin … in 2023?" reads the report on 2022, dated January 2023 and naming
    "в 2022 году", closer in words than the report on 2023's "Из них героина — 488 кг", whose item names 2023. The near
    tie names no year of its own: it is about its item's year, while a year it names may be a comparison's ("… 38 %
    more than in 2022", "… в первом полугодии 2025 года" for a growth asked of it) or another dateline. Only for
    a figure or a date, which the "typed" feature reads in the sentence itself: it finds a person in any capitalised
    word of a Russian sentence ("В Агентстве … состоялась пресс-конференция по итогам 2023 года")."""
    best = ranked[0]
    if CLASH_MARGIN <= 0 or best.features.get("clash") != 1.0 or needs(question).wants not in ("number", "date"):
        return ranked
    return _near_tie(ranked, CLASH_TOP, CLASH_MARGIN, lambda c: c.features.get("clash") == 0.0
                     and c.features.get("event") == 1.0 and c.features.get("typed") == 1.0
                     and c.features.get("unit") != 0.0 and not YEAR_RE.search(c.text))


def _figure_near_tie(ranked: list[Candidate], question: str) -> list[Candidate]:
    """ranked with the first of the best FIGURE_TOP that states every figure of the question other than a year and
    holds a span of the kind asked (its "typed" feature) first, when the best does not state them all, and
    that one scores within FIGURE_MARGIN of it (behind()). "At which checkpoint did border guards seize 288 kg of
    heroin?" names its seizure by its figure: the operation's summary ("In total, 2 084 kg … were seized") read closer
    in words than the Russian sentence "Крупнейшая партия — 288 кг героина … на КПП «Ишкашим»"."""
    asked = asked_amounts(question)
    if FIGURE_MARGIN <= 0 or not asked or states_all(ranked[0].text, asked):
        return ranked
    return _near_tie(ranked, FIGURE_TOP, FIGURE_MARGIN,
                     lambda c: c.features.get("typed") == 1.0 and states_all(c.text, asked))


def _dated_near_tie(ranked: list[Candidate], question: str) -> list[Candidate]:
    """ranked with the first of the best DATE_TOP that holds a date first, when the best holds none and that one
    scores within DATE_MARGIN of it. "None" is no short-answer candidate at all: the `typed` feature reads no date in
    "After the founding of the colony in 1788, …" (a bare year), which answers "When was the colony founded?"."""
    best = ranked[0]
    if best.features.get("typed") != 0.0 or candidates(best.text, question, best.sentence.lang):
        return ranked
    return _near_tie(ranked, DATE_TOP, DATE_MARGIN, lambda c: c.features.get("typed") == 1.0)


def _deadline_near_tie(ranked: list[Candidate], question: str) -> list[Candidate]:
    """ranked with the first of the best DATE_TOP that states a date as a limit first (qa.answer.deadlines), when the
    question asks for a deadline, the best states none, and that one scores within DATE_MARGIN of it; else the first
    of the best DEADLINE_TOP of the best's own document within DEADLINE_MARGIN that does. A call for nominations opens
    with the course's dates, nearer the question in words and meaning than its later "Nominations should be sent … no
    later than 7 February 2025."; a letter with its request, before "просим направить в срок до 6 декабря"."""
    best = ranked[0]
    if states_deadline(best.text):
        return ranked
    near = _near_tie(ranked, DATE_TOP, DATE_MARGIN, lambda c: states_deadline(c.text))
    if near is not ranked:
        return near
    return _near_tie(ranked, DEADLINE_TOP, DEADLINE_MARGIN,
                     lambda c: c.sentence.doc == best.sentence.doc and states_deadline(c.text))


def _head_near_tie(ranked: list[Candidate], question: str) -> list[Candidate]:
    """ranked with the first of the best HEAD_TOP of the best's own story (_one_story) that holds a quantity of the
    asked unit (its "unit" feature) and more of the words of the thing asked for (qa.answer.question.question_head)
    than the best first, when the best holds no such quantity and that one scores within HEAD_MARGIN of it. "Каков
    общий бюджет проекта …?" read the project's opening sentence, which names it in full, closer than "Общий бюджет
    проекта составляет 4,8 млн долларов США." further down: the noun asked for, and a figure, tell them apart. Not for
    a count of a noun."""
    best = ranked[0]
    head = set(question_head(question))
    # a count of a noun ("How many participants …?") is the unit feature's to read: a near tie counting the asked
    # noun at another event would answer what the documents do not hold
    if HEAD_MARGIN <= 0 or not head or best.features.get("unit") != 0.0 or needs(question).units:
        return ranked
    held = len(head & set(analyze(best.text)))
    return _near_tie(ranked, HEAD_TOP, HEAD_MARGIN, lambda c: _one_story(best, c)
                     and c.features.get("unit") == 1.0 and len(head & set(analyze(c.text))) > held)


def _one_story(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates tell one story: of one item, or of one document's items of one date (a report's
    sections, a PDF's pages), not two news items of a page."""
    if a.sentence.doc != b.sentence.doc:
        return False
    if a.sentence.item == b.sentence.item:
        return True
    dated = (a.passage.item.date if a.passage.item else None), (b.passage.item.date if b.passage.item else None)
    return dated[0] == dated[1]


def _counted_near_tie(ranked: list[Candidate]) -> list[Candidate]:
    """ranked with the first of the best COUNT_TOP in the other language that holds a quantity of the asked unit (its
    "unit" feature) first, when the best, no table's row, holds none and that one scores within COUNT_MARGIN of it."""
    best = ranked[0]
    if best.features.get("unit") != 0.0 or best.reading is not None or best.sentence.lang is None:
        return ranked
    return _near_tie(ranked, COUNT_TOP, COUNT_MARGIN, lambda c: c.features.get("unit") == 1.0
                     and c.sentence.lang not in (None, best.sentence.lang))


def _person_near_tie(ranked: list[Candidate], question: str) -> list[Candidate]:
    if named_person(ranked[0].text, question, ranked[0].sentence.lang) != 0.0:
        return ranked
    # a sentence of another language than English has no such reading (0.5): the person its type feature reads
    return _near_tie(ranked, PERSON_TOP, PERSON_MARGIN,
                     lambda c: (named := named_person(c.text, question, c.sentence.lang)) == 1.0
                     or named == 0.5 and c.features.get("typed") == 1.0)
