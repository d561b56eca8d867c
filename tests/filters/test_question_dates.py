"""Dates named in questions, including the readings a question could wrongly invite."""

from __future__ import annotations

import pytest

from qa.filters.question import parse_question_dates


def read(q, newest="2023-05-17", events=None):
    r = parse_question_dates(q, newest=newest, resolve_event=(events or {}).get)
    return None if r is None else (r.since, r.until)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What did the harbour board decide in September 2019?", ("2019-09", "2019-09")),
        ("Which ferries were retired in 2018?", ("2018", "2018")),
        ("Who spoke on 4 March 2020?", ("2020-03-04", "2020-03-04")),
        ("Who spoke on March 4th, 2020?", ("2020-03-04", "2020-03-04")),
        ("What changed since 2016?", ("2016", None)),
        ("What was built after June 2017?", ("2017-07", None)),  # after a month: from the next month
        ("What was built before 2015?", (None, "2014")),
        ("What was built until May 2015?", (None, "2015-05")),
        ("Which storms hit between 2010 and 2012?", ("2010", "2012")),
        ("Which storms hit from 2010 to 2012?", ("2010", "2012")),
        ("Who attended the 11-12 April 2019 hearing?", ("2019-04-11", "2019-04-12")),
        ("What was agreed at the late-June 2021 summit?", ("2021-06", "2021-06")),
        ("What happened on 2021-06-30?", ("2021-06-30", "2021-06-30")),
        ("What did the board do in 2019-2020?", ("2019", "2020")),
        ("Что решили в августе 2022 года?", ("2022-08", "2022-08")),
        ("Кто выступил 10 августа 2022 года?", ("2022-08-10", "2022-08-10")),
    ],
)
def test_dates_named_in_questions(question, expected):
    assert read(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "How many 2020 participants were registered?",  # a year used as a label
        "What was the 2021 strategy's budget?",
        "How many kilometres did the 2019 expedition cover?",
        "What does the 2021-2025 concept cover?",
        "Did catches grow in 2021 compared with 2020?",  # two dates: no single reading
        "We may meet in March to discuss it.",  # "may", "March" without a year
        "How many boats does the harbour hold?",
        "What was the 1500 metre record?",
        "Who scored 2019 points?",
    ],
)
def test_no_date_is_read_where_there_is_none(question):
    assert read(question) is None


def test_relative_dates_count_from_the_newest_item():
    r = parse_question_dates("What did the board decide last year?", newest="2023-05-17")
    assert (r.since, r.until) == ("2022", "2022")
    assert "newest item" in r.reading() and "17 May 2023" in r.reading()
    assert read("What happened this year?") == ("2023", "2023")
    assert read("What happened last month?") == ("2023-04", "2023-04")
    assert read("What was decided in the past 6 months?") == ("2022-12", "2023-05")
    assert read("What was decided over the last two years?") == ("2021-06", "2023-05")


def test_russian_relative_dates_count_from_the_newest_item_as_english_ones_do():
    r = parse_question_dates("Какие решения приняло правление в прошлом году?", newest="2023-05-17")
    assert (r.since, r.until) == ("2022", "2022")
    assert "в прошлом году" in r.reading() and "newest item" in r.reading()
    assert read("Что произошло в этом году?") == ("2023", "2023")
    assert read("Что произошло в прошлом месяце?") == ("2023-04", "2023-04")
    assert read("Что решили за последний год?") == ("2022-06", "2023-05")
    assert read("Что решили за последние 6 месяцев?") == ("2022-12", "2023-05")
    assert read("Что решили за последние два года?") == ("2021-06", "2023-05")


def test_relative_dates_need_a_dated_corpus():
    assert parse_question_dates("What happened last year?", newest=None) is None


def test_an_event_resolves_through_the_corpus():
    events = {"the Harbour Festival": "2021-08-14"}
    r = parse_question_dates("Who sailed before the Harbour Festival?", resolve_event=events.get)
    assert (r.since, r.until) == (None, "2021-08-13")
    assert r.event == "the Harbour Festival"
    assert "14 Aug 2021" in r.reading()
    assert read("Who sailed after the Harbour Festival?", events=events) == ("2021-08-15", None)


def test_an_event_the_corpus_does_not_date_gives_no_reading():
    assert read("Who sailed before the Harbour Festival?", events={}) is None
    assert read("What has changed since the storm began?", events={"the storm": "2020"}) is None


def test_reading_and_words():
    r = parse_question_dates("What did the board do in August 2022?")
    assert r.reading() == "items dated Aug 2022"
    assert r.text == "in August 2022"
    assert "What did the board do in August 2022?"[r.start:r.end] == r.text


def test_a_date_naming_an_event_means_that_event_whatever_the_preposition():
    # "after the March 2022 delivery" asks about the delivery, reported in items dated March 2022
    assert read("How much was seized after the March 2022 delivery?") == ("2022-03", "2022-03")
    assert read("What was seized after March 2022?") == ("2022-04", None)


@pytest.mark.parametrize(("question", "asked"), [
    ("How much did they seize last year?", "How much did they seize in 2023?"),
    ("What was done since last year?", "What was done since 2023?"),
    ("What happened in the past 6 months?", "What happened between Dec 2023 and May 2024?"),
    ("Сколько изъято в прошлом году?", "Сколько изъято в 2023 году?"),
    ("What happened in August 2022?", "What happened in August 2022?"),  # not relative: as asked
])
def test_a_relative_date_is_written_out_as_the_period_it_was_counted_to(question, asked):
    assert parse_question_dates(question, newest="2024-05-14").written_out(question) == asked


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which council meeting was held in the second half of 2022?", ("2022-07", "2022-12")),
        ("What did the board decide in the first half of 2021?", ("2021-01", "2021-06")),
        ("How many ferries sailed in the third quarter of 2019?", ("2019-07", "2019-09")),
        ("How many ferries sailed in Q4 2019?", ("2019-10", "2019-12")),
        ("What was built in H1 2020?", ("2020-01", "2020-06")),
        ("What changed in the last quarter of 2020?", ("2020-10", "2020-12")),
        ("What was built before the second half of 2018?", (None, "2018-06")),
        ("Какое заседание прошло во втором полугодии 2022 года?", ("2022-07", "2022-12")),
        ("Что решили в первой половине 2021 года?", ("2021-01", "2021-06")),
        ("Сколько изъяли в третьем квартале 2019 года?", ("2019-07", "2019-09")),
        ("Сколько изъяли во II квартале 2019 г.?", ("2019-04", "2019-06")),
        ("Кто руководил центром до июня 2024 года?", (None, "2024-05")),
    ],
)
def test_a_half_or_a_quarter_of_a_year_is_read_as_its_months(question, expected):
    assert read(question) == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # read as June alone before: the months named last
        ("What was seized in Central Asia in January–June 2024?", ("2024-01", "2024-06")),
        ("What was seized from March to May 2023?", ("2023-03", "2023-05")),
        ("What was seized between January and June 2024?", ("2024-01", "2024-06")),
        ("Сколько изъяли в январе–июне 2024 года?", ("2024-01", "2024-06")),
        ("Сколько изъяли с января по июнь 2024 года?", ("2024-01", "2024-06")),
        ("What was seized in June–January 2024?", None),  # a span backwards is no span
    ],
)
def test_a_span_of_months_of_one_year_is_read_as_all_of_them(question, expected):
    assert read(question) == expected


def test_a_period_open_before_searches_later_items_naming_its_last_years_and_says_so():
    r = parse_question_dates("Who ran the programme before June 2024?")
    assert r.reading(mentioning=True) == "items dated up to May 2024 or mentioning 2022–2024"
