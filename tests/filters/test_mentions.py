"""The words that name a period in a text: what a date read from a question also searches."""

from __future__ import annotations

import pytest

from qa.filters.core import DateRange
from qa.filters.mentions import period_terms


def test_a_year_is_named_by_its_number():
    assert period_terms(DateRange.parse("2023", "2023")) == [[frozenset({"2023"})]]


def test_a_month_is_named_by_its_english_or_russian_name_beside_its_year():
    [[month, year]] = period_terms(DateRange.parse("2022-03", "2022-03"))
    assert {"march", "mar", "март"} <= month and year == {"2022"}


def test_a_range_of_days_is_read_as_its_months():
    assert len(period_terms(DateRange.parse("2022-11-28", "2023-01-03"))) == 3  # Nov, Dec, Jan


@pytest.mark.parametrize(("since", "until"), [("2015", None), (None, "2021"), ("2010", "2023"), ("2021-01", "2022-06")])
def test_an_open_or_long_range_is_read_from_item_dates_alone(since, until):
    # "since 2015" would take in every item that mentions any later year
    assert period_terms(DateRange.parse(since, until)) == []
