"""Spans of years a text names (qa.filters.year_spans): a holder's time in a post. Invented sentences."""

from __future__ import annotations

import datetime

import pytest

from qa.filters.year_spans import asked_year, spans_year

THIS_YEAR = datetime.date.today().year


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
    # a span open to this day
    ("Director | Ilse Marr | Wenlow | 2021-present", 2023, True),
    ("Director | Ilse Marr | Wenlow | 2021-present", 2020, False),
    ("с 2021 года по настоящее время — директор центра", THIS_YEAR, True),
    ("which she has headed since 2019", 2020, True),
    ("которая возглавляла отдел с 2019 года и переходит на должность советника", 2021, True),
    ("с 2019 по 2021 год возглавляла отдел", 2022, False),  # "с" with its end is a closed span
    # "since" runs to the time the sentence speaks of
    ("In February 1986, Tom Vale, who had been serving as CEO since 1966, became chairman.", 2002, False),
    ("In February 1986, Tom Vale, who had been serving as CEO since 1966, became chairman.", 1980, True),
])
def test_a_span_of_years_holds_the_years_between(text, year, held):
    assert spans_year(text, year) is held


def test_the_year_a_question_asks_about_is_one_whole_year():
    assert asked_year("Who was Director of the Wenlow Centre in 2018?") == 2018
    assert asked_year("Кто был директором центра в 2018 году?") == 2018
    assert asked_year("Who was Director between 2016 and 2018?") is None
    assert asked_year("Who is the Director?") is None
