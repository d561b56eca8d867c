"""An answer found once the question's date was dropped, from an item dated in another year that never names the
asked one, is "not found" (qa.filters.scope.unmentioned_period). Invented answers and questions."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

from qa.contracts import Answer, Filters
from qa.filters.question import parse_question_dates
from qa.filters.scope import Plan, unmentioned_period

COURSE = Answer("The course trained 11 dog handlers and 11 service dogs.", "course.txt",
                "Dog handlers' course ends in Wenlow", "2031-02-27", 120, 175, 0.27, 1)


def plan(question: str) -> Plan:
    return Plan(Filters(), SimpleNamespace(mentioning=1), None, parse_question_dates(question))


def test_a_story_of_another_year_not_searched_with_the_date_is_no_answer_for_it():
    # a story of February 2031 that never names 2030 (else it had been searched with the date) says nothing of 2030
    question = "How many dog handlers were trained in 2030?"
    assert unmentioned_period(COURSE, plan(question), searched=False, question=question) == (
        "The best passage is about 2031, not 2030.")
    assert unmentioned_period(COURSE, plan("Сколько кинологов обучено в 2030 году?"), searched=False,
                              question="Сколько кинологов обучено в 2030 году?").startswith("Лучший фрагмент")


def test_a_story_searched_with_the_date_of_the_asked_year_or_undated_is_kept():
    question = "How many dog handlers were trained in 2030?"
    # it names the year somewhere (it was searched with the date), or is dated in it, or in no year at all
    assert unmentioned_period(COURSE, plan(question), searched=True, question=question) is None
    assert unmentioned_period(COURSE, plan("How many dog handlers were trained in 2031?"), searched=False) is None
    assert unmentioned_period(dataclasses.replace(COURSE, date=None), plan(question), searched=False) is None
    # the answer names the year itself (a table of years, dated by its first row)
    row = dataclasses.replace(COURSE, text="2030 | 1 430 kg | 12", header="Year | Seized | Operations")
    assert unmentioned_period(row, plan(question), searched=False, question=question) is None
    # a question that names no date, or asks no figure (who held a post in 2030 may be read from a list of 2031)
    assert unmentioned_period(COURSE, plan("How many dog handlers were trained?"), searched=False) is None
    assert unmentioned_period(COURSE, plan("Who trained the dog handlers in 2030?"), searched=False,
                              figure=False) is None
