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


@pytest.mark.parametrize("text", ["Q4 2023 | 190 | 860 | 1,310", "In the fourth quarter of 2023 the offices seized 40 kg.",
                                  "В IV квартале 2023 года изъято 40 кг.", "В четвёртом квартале 2023 года изъято 40 кг."])
def test_a_quarter_is_named_as_texts_name_it_as_well_as_by_its_months(text):
    # "How much … in the fourth quarter of 2023?": a report's table row "Q4 2023 | …" names that period
    assert names_period(text, DateRange.parse("2023-10", "2023-12"))
    assert not names_period(text, DateRange.parse("2023-07", "2023-09"))
