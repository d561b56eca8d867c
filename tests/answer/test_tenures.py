"""Who held a post in a year that a span of years holds (qa.answer.tenures). Invented sentences."""

from __future__ import annotations

import pytest

from qa.answer.tenures import prefer_span_of_year, spans_year
from test_neighbours import ranked

NOW = "• Ms. Ilse Marr, Deputy Director, Wenlow Centre"
BEFORE = "She succeeds Mr. Oren Vale, who served as Deputy Director from 2016 to 2020."
OTHER_POST = "Mr. Oren Vale served as liaison officer from 2011 to 2016."


@pytest.mark.parametrize(("text", "year", "held"), [
    ("who served as Deputy Director from 2016 to 2020", 2018, True),
    ("2016–2020 — заместитель директора центра", 2018, True),
    ("с 2016 по 2020 год — заместитель директора", 2019, True),
    ("from 2016 to 2020", 2021, False),
    ("In 2018 the centre opened.", 2018, False),  # a year, no span
    # a span written apart: its start and its end in one clause
    ("In 2016 he was appointed Head of the Wenlow Centre, a post he held until August 2021.", 2018, True),
    ("С 2016 года он возглавлял центр до августа 2021 года.", 2018, True),
    ("In 2016 the centre opened. It was renamed in 2021.", 2018, False),
])
def test_a_span_of_years_holds_the_years_between(text, year, held):
    assert spans_year(text, year) is held


def test_the_holder_in_a_year_is_the_one_whose_span_holds_it():
    question = "Who was Deputy Director of the Wenlow Centre in 2018?"
    r = ranked(question, [(0, 1, NOW, 9.0), (1, 1, BEFORE, 7.5)])
    r[1].features["typed"] = 1.0  # it names someone
    assert prefer_span_of_year(question, r)[0].sentence.text == BEFORE
    # a span of another post does not answer; nor does a span of the post asked when the year is outside it
    r = ranked(question, [(0, 1, NOW, 9.0), (1, 1, OTHER_POST, 8.5)])
    r[1].features["typed"] = 1.0
    assert prefer_span_of_year(question, r)[0].sentence.text == NOW
    question = "Who was Deputy Director of the Wenlow Centre in 2022?"
    r = ranked(question, [(0, 1, NOW, 9.0), (1, 1, BEFORE, 7.5)])
    r[1].features["typed"] = 1.0
    assert prefer_span_of_year(question, r)[0].sentence.text == NOW


def test_a_figure_of_a_year_is_not_looked_for_in_a_span_ending_in_it():
    # "between 1992 and 2008 … rose from 6.1 % to 7.8 %" is no figure of 2008 itself
    question = "What was the share of pupils in private schools in 2008?"
    best, span = "The share of pupils in private schools reached 11.1 %.", "Between 1992 and 2008 it rose to 7.8 %."
    r = ranked(question, [(0, 1, best, 9.0), (1, 1, span, 8.5)])
    r[1].features["typed"] = 1.0
    assert prefer_span_of_year(question, r)[0].sentence.text == best


def test_a_question_about_a_span_of_years_takes_the_line_naming_it():
    question = "What post did Oren Vale hold between 2011 and 2016?"
    r = ranked(question, [(0, 1, BEFORE, 9.0), (1, 1, OTHER_POST, 7.0)])
    assert prefer_span_of_year(question, r)[0].sentence.text == OTHER_POST  # "from 2011 to 2016"
    # a span that only holds the asked one is not it
    r = ranked(question, [(0, 1, BEFORE, 9.0), (1, 1, "He served in Tarrow from 2010 to 2018.", 7.0)])
    assert prefer_span_of_year(question, r)[0].sentence.text == BEFORE


def test_a_best_that_names_no_year_keeps_its_place_for_a_question_about_a_span():
    # the list of 2030–2032 courses: its closing total answers "… in 2030–2032?", not its opening line naming the years
    question = "Сколько всего сотрудников прошли обучение в учебном центре Скарна в 2030–2032 годах?"
    total = "Всего за три года обучение прошли 177 сотрудников."
    opening = "Учебный центр Скарна в 2030–2032 гг. провёл девять учебных курсов для сотрудников портовых служб."
    r = ranked(question, [(0, 1, total, 9.0), (1, 1, opening, 8.0)])
    assert prefer_span_of_year(question, r)[0].sentence.text == total


def test_a_best_giving_someone_another_post_in_the_year_gives_way_to_the_holder_of_the_one_asked():
    question = "Who headed the Wenlow Centre in 2018?"
    deputy = "In 2012 Ms. Ilse Marr moved to the Wenlow Centre as its Deputy Head, a post she held until 2021."
    head = "In 2016 Mr. Oren Vale was appointed Head of the Wenlow Centre, a post he held until August 2021."
    r = ranked(question, [(0, 1, deputy, 9.0), (1, 1, head, 7.5)])
    r[1].features["typed"] = 1.0
    assert prefer_span_of_year(question, r)[0].sentence.text == head
    # the holder of the post asked keeps the place it has
    r = ranked(question, [(1, 1, head, 9.0), (0, 1, deputy, 7.5)])
    assert prefer_span_of_year(question, r)[0].sentence.text == head
