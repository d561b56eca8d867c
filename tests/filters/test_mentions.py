"""The words that name a period in a text: what a date read from a question also searches."""

from __future__ import annotations

import pytest

from qa.filters.core import DateRange
from qa.filters.mentions import names_period, other_years, period_terms


def test_a_year_is_named_by_its_number():
    assert period_terms(DateRange.parse("2023", "2023")) == [[frozenset({"2023"})]]


def test_a_month_is_named_by_its_english_or_russian_name_beside_its_year():
    [[month, year]] = period_terms(DateRange.parse("2022-03", "2022-03"))
    assert {"march", "mar", "март"} <= month and year == {"2022"}


def test_a_range_of_days_is_read_as_its_months():
    assert len(period_terms(DateRange.parse("2022-11-28", "2023-01-03"))) == 3  # Nov, Dec, Jan


@pytest.mark.parametrize(("since", "until"), [("2015", None), ("2010", "2023"), ("2021-01", "2022-06")])
def test_a_range_open_after_or_long_is_read_from_item_dates_alone(since, until):
    # "since 2015" would take in every item that mentions any later year, and a text does not report what
    # happened after it was published
    assert period_terms(DateRange.parse(since, until)) == []


def test_a_text_about_other_years_names_them_and_one_about_the_period_none():
    y2023 = DateRange.parse("2023", "2023")
    assert other_years("Its approved budget for 2024 was USD 14.6 million.", y2023) == (2024,)
    assert other_years("7 мая 2025 года таможенники изъяли 540 кг гашиша.", y2023) == (2025,)
    # the period named among others, a span of years that holds it, no year at all: nothing to say
    assert other_years("14 deliveries in 2023, against 9 in 2022", y2023) == ()
    assert other_years("the work plan for 2022-2024", y2023) == ()
    assert other_years("the work plan for 2024–26", y2023) == (2024, 2025, 2026)
    assert other_years("The director met the head of the service.", y2023) == ()
    # figures are no years
    assert other_years("The border is 1,357 km long; 2,024 officers were trained; 2024.5 tonnes", y2023) == ()
    # a month's range reads its year
    assert other_years("Seized in June 2024.", DateRange.parse("2023-08", "2023-08")) == (2024,)
    assert other_years("Seized in June 2023.", DateRange.parse("2023-08", "2023-08")) == ()


def test_a_range_open_before_is_named_by_the_last_years_up_to_its_end():
    # "before June 2024": a report of 2026 states who ran a programme "from 2019 to May 2024"
    assert period_terms(DateRange.parse(None, "2024-05")) == [[frozenset({y})] for y in ("2022", "2023", "2024")]


@pytest.mark.parametrize("text", ["Q4 2023 | 190 | 860 | 1,310",
                                  "In the fourth quarter of 2023 the offices seized 40 kg.",
                                  "В IV квартале 2023 года изъято 40 кг.",
                                  "В четвёртом квартале 2023 года изъято 40 кг."])
def test_a_quarter_is_named_as_texts_name_it_as_well_as_by_its_months(text):
    # "How much … in the fourth quarter of 2023?": a report's table row "Q4 2023 | …" names that period
    assert names_period(text, DateRange.parse("2023-10", "2023-12"))
    assert not names_period(text, DateRange.parse("2023-07", "2023-09"))


def test_a_month_is_reported_by_items_naming_the_quarter_or_half_that_holds_it():
    # a memo of August on "the first half of 2025" whose table has a "May" column reports May 2025
    from qa.filters.mentions import enclosing_terms

    may = enclosing_terms(DateRange.parse("2025-05", "2025-05"))
    assert [frozenset({"q2", "2q"}), frozenset({"2025"})] in may
    assert [frozenset({"h1", "1h"}), frozenset({"2025"})] in may
    # a quarter is held by its half; a half, a year or a period across two quarters' halves by nothing shorter
    quarter = enclosing_terms(DateRange.parse("2025-04", "2025-06"))
    assert len(quarter) == 2 and quarter[0] == [frozenset({"h1", "1h"}), frozenset({"2025"})]
    assert enclosing_terms(DateRange.parse("2025-01", "2025-06")) == []
    assert enclosing_terms(DateRange.parse("2025-06", "2025-07")) == []
    assert enclosing_terms(DateRange.parse("2025", "2025")) == []


def test_an_answer_naming_one_of_the_months_of_the_period_is_about_it():
    # "June was the month with the highest seizures" for "the first half of 2025"; a row under "… | May | Jun" for May
    from qa.filters.mentions import names_month_of

    may, half = DateRange.parse("2025-05", "2025-05"), DateRange.parse("2025-01", "2025-06")
    assert names_month_of("Country | Jan | Feb | Mar | Apr | May | Jun | Total\nUzbekistan | 14.9 | 18.2 | 21.6", may)
    assert names_month_of("June was the month with the highest seizures (91.4 kg).", half)
    assert names_month_of("Больше всего изъято в мае.", may)
    # another month, another year, "may" the verb, or a year that is no part of one
    assert not names_month_of("June was the month with the highest seizures.", may)
    assert not names_month_of("In May 2024 the teams seized 12 kg.", may)
    assert not names_month_of("The teams may report later.", may)
    assert not names_month_of("In May the teams seized 12 kg.", DateRange.parse("2025", "2025"))


def test_before_a_month_reaches_the_month_right_after_it():
    # "Кто был секретарём до марта 2025 года?": the item of 14 March 2025 names who held the post before
    from qa.filters.mentions import edge_of

    assert edge_of(DateRange.parse(None, "2025-02")) == DateRange.parse("2025-03", "2025-03")
    assert edge_of(DateRange.parse(None, "2024-12")) == DateRange.parse("2025-01", "2025-01")
    assert edge_of(DateRange.parse(None, "2025-03-13")) == DateRange.parse("2025-03-14", "2025-03")
    # a year's end is no edge (a whole year of items), nor is a closed period's
    assert edge_of(DateRange.parse(None, "2024")) is None
    assert edge_of(DateRange.parse("2024-01", "2024-02")) is None


@pytest.mark.parametrize("text, asked, other", [
    ("В первом полугодии 2023 года таможенными органами изъято 1 146 кг, на 18 % больше, чем за тот же период "
     "2022 года.", ("2023-07", "2023-07"), (1, 6)),
    ("The largest seizure, 305 kg, was made on 9 March 2023.", ("2023-07", "2023-12"), (3, 3)),
    ("Q1 2023 | 190 | 204", ("2023-04", "2023-06"), (1, 3)),
    ("From January to June 2023 the unit seized 500 kg.", ("2023-07", "2023-07"), (1, 6)),
    # a part within the asked one, a span through it, a month of it named alone, no part of that year: no clash
    ("In July 2023 the unit seized 40 kg.", ("2023-07", "2023-12"), None),
    ("С 1 марта по 31 августа 2023 года досмотрено 900 грузовиков.", ("2023-07", "2023-07"), None),
    ("Between March and September 2023 the unit seized 500 kg.", ("2023-07", "2023-07"), None),
    ("The plan adopted on 9 March 2023 was carried out in July.", ("2023-07", "2023-07"), None),
    ("From 1 March to 31 August 2024 the two services tested a joint inspection.", ("2023-07", "2023-07"), None),
    ("In 2023 the unit seized 2 tonnes.", ("2023-07", "2023-07"), None),
    # a whole year asked: other_years() reads it, not this
    ("In March 2023 the unit seized 2 tonnes.", ("2023", "2023"), None),
])
def test_an_answer_naming_only_other_parts_of_the_asked_year_is_about_another_part(text, asked, other):
    from qa.filters.mentions import other_part

    assert other_part(text, DateRange.parse(*asked)) == other


def test_a_part_after_the_texts_own_date_is_a_plan_not_what_it_reports():
    # minutes of March 2024: the decision names its deadline, June 2024; a bulletin of July names the half it reports
    from qa.filters.mentions import other_part

    march = DateRange.parse("2024-03", "2024-03")
    decision = "The working group decided to set up a joint precursor watch list by June 2024."
    assert other_part(decision, march) == (6, 6)
    assert other_part(decision, march, published="2024-03-14") is None
    assert other_part("In the first half of 2023 the agencies seized 1,146 kg.", DateRange.parse("2023-07", "2023-07"),
                      published="2023-07-14") == (1, 6)


def test_a_half_named_by_its_roman_numeral_is_named():
    # "I полугодие 2024 года" heads the review of January-June 2024; the analyser drops "I" as a small word
    heading = "Обзор наркоситуации, I полугодие 2024 года"
    assert names_period(heading, DateRange.parse("2024-01", "2024-06"))
    assert not names_period(heading, DateRange.parse("2024-07", "2024-12"))
    assert names_period("за II полугодие 2024 г.", DateRange.parse("2024-07", "2024-12"))


def test_a_span_of_years_written_with_words_names_the_years_between():
    from qa.filters.core import Bound, DateRange
    from qa.filters.mentions import other_years

    in_2018 = DateRange(Bound(2018), Bound(2018))
    assert other_years("He served as Deputy Director from 2016 to 2020.", in_2018) == ()
    assert other_years("С 2016 по 2020 год — заместитель директора.", in_2018) == ()
    assert other_years("He was appointed Director in 2021.", in_2018) == (2021,)
