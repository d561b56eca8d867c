"""The period a table row's label names and the one a question asks for (qa.answer.periods)."""

from __future__ import annotations

import pytest

from qa.answer.periods import Period, asked_period, row_label

YEAR_2023 = Period(2023, 1, 12)


@pytest.mark.parametrize(("cell", "period", "total"), [
    ("Q1 2023", Period(2023, 1, 3), False),
    ("2023 Q2", Period(2023, 4, 6), False),
    ("First quarter 2023", Period(2023, 1, 3), False),
    ("Q4", Period(None, 10, 12), False),
    ("H1 2023", Period(2023, 1, 6), False),
    ("March 2023", Period(2023, 3, 3), False),
    ("2023", YEAR_2023, False),
    ("Total 2023", YEAR_2023, True),
    ("Year total", None, True),
    ("IV квартал 2023 г.", Period(2023, 10, 12), False),
    ("Итого за 2023 год", YEAR_2023, True),
    ("Всего", None, True),
])
def test_a_rows_label_names_its_period(cell, period, total):
    label = row_label(cell)
    assert label is not None and (label.period, label.total) == (period, total)


@pytest.mark.parametrize("cell", ["Quarter", "Kazakhstan", "455", "1 May 2024", "Almaty, 14-18 March 2023",
                                  "Total seized"])
def test_a_cell_holding_more_than_a_period_is_no_label(cell):
    assert row_label(cell) is None


@pytest.mark.parametrize(("question", "period"), [
    ("How much hashish was seized in 2023?", YEAR_2023),
    ("How much methamphetamine was seized in the fourth quarter of 2023?", Period(2023, 10, 12)),
    ("How much opium was seized in Q3 2023?", Period(2023, 7, 9)),
    ("How much was seized in the first half of 2023?", Period(2023, 1, 6)),
    ("How much was seized in March 2023?", Period(2023, 3, 3)),
    ("Сколько гашиша изъято в 2023 году?", YEAR_2023),
    ("Сколько опия изъято в IV квартале 2023 года?", Period(2023, 10, 12)),
    ("Сколько опия изъято в четвёртом квартале 2023 года?", Period(2023, 10, 12)),
    ("How much was seized in the second quarter?", Period(None, 4, 6)),
])
def test_a_question_asks_for_a_period(question, period):
    assert asked_period(question) == period


@pytest.mark.parametrize("question", ["How many staff work at Osgate?", "How much was seized on 14 March 2023?",
                                      "How much was seized between 2021 and 2023?"])
def test_a_question_without_one_period_asks_for_none(question):
    assert asked_period(question) is None


def test_a_quarter_is_within_its_year_and_not_the_year_itself():
    q4 = Period(2023, 10, 12)
    assert q4.within(YEAR_2023) and not YEAR_2023.within(YEAR_2023) and not q4.within(Period(2024, 1, 12))
    assert Period(None, 10, 12).same(q4) and not q4.same(YEAR_2023)
