"""Choosing among a table's rows, after the sentence model (which was fitted on prose): the row the question names,
the row of the period it asks, and whether the question names a row and its column (the table itself then answers).

A row is read against its table's header row (qa.answer.tables); a row whose label is a period ("Q4 2023",
"Total 2023") is read by qa.answer.periods. The steps run in qa.answer.pick.ranked_candidates; the answer step reads
row_and_column_named (qa.answer.pick.pick_answer).
"""

from __future__ import annotations

from qa.answer.asked_marks import asked_office, names_all_asked
from qa.answer.features import Candidate, swap
from qa.answer.needs import needs
from qa.answer.periods import Label, Period, asked_period, part_of, row_label
from qa.answer.tables import TableRow, Tables, cells, named_column, only_person
from qa.filters.mentions import YEAR_RE
from qa.filters.question import parse_question_dates
from qa.lang import analyze
from qa.lang.substances import identities
from qa.store import SentenceRow


def _key_cells(text: str, asked: set[str]) -> list[frozenset[str]]:
    """The terms of each cell of a row's text that the question names whole ("Site 677", "Osgate")."""
    return [t for a, b in cells(text) if (t := frozenset(analyze(text[a:b]))) and t <= asked]


# how far down the ranking a table's row may sit and still win over prose that holds fewer question terms
ROW_TOP = 3


def date_terms(question: str) -> set[str]:
    """The terms of the date the question names ("in the first half of 2024": first, half, 2024)."""
    reading = parse_question_dates(question) if question else None
    return set(analyze(reading.text)) if reading is not None else set()


def prefer_named_row(ranked: list[Candidate], terms: list[str], tables: Tables, question: str = "") -> list[Candidate]:
    """Table rows against the sentence model, which was fitted on prose (qa.answer.tables).

    A row among the best ROW_TOP that holds more question terms, read with its header, than the best
    sentence wins over it: the sentence that introduces a table ("Five crossing points took part in the
    exercise.") shares the table's topic words and holds none of its facts. So does a row further down
    that has a cell the question names whole ("at *Site 73*"): in a long table, the rows nearest the
    introducing sentence outrank the one asked for. The words of the date the question names do not count here: a
    table states its period once, in its caption or its heading, and a row never repeats it, while the summary
    sentence above ("In the first half of 2024 the agencies seized a total of …") does (which items are of that
    period is the date filter's to say, qa.filters.scope). Then, when the best candidate
    is a row, the row of its table that the question names wins: the one whose cells the question names
    whole hold the most of its terms ("at *Site 677*", not "5,*677* litres"), then the one whose cells hold
    the most. Rows of one table share their header's words; what tells them apart is the row the question
    names ("Which station has *9* staff?", "the output of *Osgate*"). A table's rows are those read against
    the same header row (`tables`), on whichever page of a PDF they are printed."""
    if not ranked or all(c.reading is None for c in ranked):  # no table row: nothing to read (most questions)
        return ranked
    asked = set(terms)
    if ranked[0].reading is None:
        undated = asked - date_terms(question)
        held = len(undated & set(analyze(ranked[0].text)))
        rows = [i for i, c in enumerate(ranked[1:], 1)
                if c.reading is not None and len(undated & set(analyze(c.reading))) > held
                and (i < ROW_TOP or _key_cells(c.sentence.text, asked))]
        if not rows:
            return ranked
        ranked = swap(ranked, rows[0])
    top = ranked[0]
    width = len(cells(top.sentence.text))
    head = tables.row(top.sentence)

    def same_table(row: SentenceRow) -> bool:
        if head is not None:
            other = tables.row(row)
            return other is not None and other.header.id == head.header.id
        return (row.doc, row.item) == (top.sentence.doc, top.sentence.item) and len(cells(row.text)) == width

    def named(c: Candidate) -> tuple[int, int]:
        # first the terms of the cells the question names whole ("Site 677"), then of any cell ("5,677 litres")
        return sum(map(len, _key_cells(c.sentence.text, asked))), len(asked & set(analyze(c.sentence.text)))

    best, most = 0, named(top)
    for i, c in enumerate(ranked[1:], 1):
        row = c.sentence
        if c.reading is not None and same_table(row) and named(c) > most:
            best, most = i, named(c)
    return ranked if best == 0 else swap(ranked, best)


def _label(text: str) -> Label | None:
    """What the first cell of a table row that is a period's label says (qa.answer.periods.row_label)."""
    return next((label for a, b in cells(text) if (label := row_label(text[a:b])) is not None), None)


def _answers_period(label: Label | None, period: Period, others: list[Label]) -> bool:
    """Whether a row labelled `label` is the row of the asked `period`: its label names that period ("Total 2023",
    "2023", "Q4 2023" for "the fourth quarter of 2023"), or it is a total naming none ("Total", "Итого") in a table
    whose other rows (`others`' labels) are parts of the period asked (its quarters, its months)."""
    if label is None:
        return False
    if label.period is not None:
        return label.period.same(period)
    parts = [o.period for o in others if o.period is not None]
    return label.total and bool(parts) and all(p.within(period) for p in parts)


def prefer_asked_period(ranked: list[Candidate], question: str, terms: list[str], tables: Tables) -> list[Candidate]:
    """The row of the period the question asks (qa.answer.periods), after prefer_named_row.

    A table giving a figure per quarter and one for the year ("Q1 2023 | 455 | 2,100", …, "Total 2023 | 1,230 |
    6,150") answers "How much hashish was seized in 2023?" with its year's row, not with a quarter's, which the
    sentence model ranks above it (they share the same words); and "… in the fourth quarter of 2023?" with "Q4
    2023", which shares no word with "fourth quarter". So when the best candidate is a row whose label names
    another period, the best-ranked row of its table labelled with the asked one wins, the one naming the row the
    question names (a whole cell, as in prefer_named_row) first.

    A how-much / how-many question whose best candidate is a sentence stating no quantity of what it asks
    ("… methamphetamine seizures rose in the fourth quarter.") gives way in the same way to a row of the asked
    period under a column the question names ("Methamphetamine (kg)"): the table states what the sentence
    only talks about; so does one stating the figure of another period (_other_part: "The most hashish was seized
    in the third quarter (4,129 kg).", or the year's total, for the second quarter). Only the next sentence was looked
    at before (qa.answer.neighbours.prefer_typed_neighbour), and a table's rows precede the sentence that comments on
    them."""
    if not ranked or all(c.reading is None for c in ranked):
        return ranked
    period = asked_period(question)
    if period is None:
        return ranked
    top, asked = ranked[0], set(terms)
    labels = [_label(c.sentence.text) if c.reading is not None else None for c in ranked]
    headers = [None if c.reading is None else tables.row(c.sentence) for c in ranked]
    if top.reading is not None:
        if headers[0] is None or labels[0] is None:
            return ranked
        head = headers[0].header.id
        rows = [i for i, h in enumerate(headers) if h is not None and h.header.id == head]
        floor = sum(map(len, _key_cells(top.sentence.text, asked)))
    else:
        if needs(question).wants != "number" or (top.features.get("unit") != 0.0 and not _other_part(top.text, period)):
            return ranked
        rows = [i for i, h in enumerate(headers) if h is not None
                and named_column(question, h, ranked[i].sentence.text, ranked[i].sentence.lang) is not None]
        floor = 0
    if top.reading is not None and _answers_period(labels[0], period, [labels[j] for j in rows if j and labels[j]]):
        return ranked

    def answers(i: int) -> bool:
        head = headers[i].header.id
        others = [labels[j] for j in rows if j != i and headers[j].header.id == head and labels[j] is not None]
        return _answers_period(labels[i], period, others)

    named = {i: sum(map(len, _key_cells(ranked[i].sentence.text, asked))) for i in rows if answers(i)}
    named = {i: n for i, n in named.items() if n >= floor}
    if not named:
        return ranked
    best = max(named, key=lambda i: (named[i], -i))
    return ranked if best == 0 else swap(ranked, best)


def _other_part(text: str, period: Period) -> bool:
    """Whether `text` names another period than the part of a year `period` is: another quarter, half or month, or
    a year and no part of it ("Всего за 2024 год изъято 17 690 кг" for the third quarter of 2024). A whole year asked
    is no part: a sentence on one of its quarters may give the year's figure too."""
    if (period.first, period.last) == (1, 12):
        return False
    part = part_of(text)
    if part is None:
        return YEAR_RE.search(text) is not None
    return (part[1], part[2]) != (period.first, period.last)



def row_and_column_named(question: str, terms: list[str], table: TableRow, row: SentenceRow) -> bool:
    """Whether the question names `row` (a row of `table`) by a whole cell ("at *Site 73*") and its column by
    its header ("the *spring reading*"): the table itself then says the documents hold the answer. The gate,
    fitted on prose, reads the rows of one table as near ties of each other."""
    office = names_office(question, row.text)
    if not (_key_cells(row.text, set(terms)) or _names_period(question, row) or office):
        return False
    span = named_column(question, table, row.text, row.lang)
    if span is None and office:
        # a roster's row named by the office asked, its one person the holder ("Director | Dilshod Rakhmatullaev |
        # Uzbekistan | 2016-2021"): its header need not say "Name" for the question to ask for it
        span = only_person(question, table, row.text, row.lang)
    if span is None:
        return False
    # a how-much question's substance that the column does not name ("cocaine" against "Drugs seized (kg)", all
    # drugs): the table says nothing of it, only the gate may ("Which country seized 5,870 kg of cannabis?" names the
    # substance of the row's figure, not of the column asked)
    asked = identities(question) if needs(question).wants == "number" else frozenset()
    if asked:
        column = table.header_cells[next(k for k, cell in enumerate(table.cells) if cell == span)]
        return identities(column) == asked
    return True


def names_office(question: str, text: str) -> bool:
    """Whether a who-question's asked office is the row's first cell, in any language ("Кто был директором …?" names
    "Director | Dilshod Rakhmatullaev | …"; a deputy's office is another: qa.answer.asked_marks). A roster's rows
    open with the office; an office in a later cell ("… | глава делегации") is one row's detail, not its key."""
    if needs(question).wants != "person":
        return False
    asked = asked_office(question)
    return bool(asked) and any(names_all_asked(asked, text[a:b]) for a, b in cells(text)[:1])


def _names_period(question: str, row: SentenceRow) -> bool:
    """Whether the row's label names the period the question asks ("Q4 2023" for "in the fourth quarter of 2023",
    "Total 2023" for "in 2023"): the question names the row by it, as by a whole cell."""
    label = _label(row.text)
    period = asked_period(question) if label is not None and label.period is not None else None
    return period is not None and label.period.same(period)
