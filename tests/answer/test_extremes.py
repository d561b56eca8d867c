"""Which row of a table holds the most or the least (qa.answer.extremes): compared, not read like a sentence."""

from __future__ import annotations

import pytest

from qa.answer.extremes import asked_extreme, number

REVIEW = """# Lake Region Seizure Review 2023

Published by the Regional Analytical Centre, 12 February 2024.

In 2023 the border and customs services of the Lake Region seized 5 212 kg of drugs, most of it hashish.

| Country | Heroin | Opium | Hashish |
|---|---|---|---|
| Amberland | 112 | 35 | 1 940 |
| Brightmoor | 64 | 210 | 875 |
| Coldharbour | 905 | 1 020 | 2 110 |
| Dunmere | 48 | 290 | 205 |
| Total | 1 129 | 1 555 | 5 130 |

Hashish remained the drug seized most often at the region's road crossings.
"""


@pytest.mark.parametrize(("question", "asked"), [
    ("Which country seized the most hashish in 2023?", ("most", "country")),
    ("In which quarter of 2024 were the fewest persons detained?", ("least", "quarter")),
    ("Which border region had the lowest number of cases?", ("least", "region")),
    ("Какая страна изъяла больше всего гашиша в 2023 году?", ("most", "country")),
    ("В каком квартале было изъято меньше всего героина?", ("least", "quarter")),
    # a figure asked for, or no kind a table's first column names: not a comparison of rows
    ("What was the largest seizure of 2023?", None),
    ("How much hashish did Amberland seize?", None),
    ("Where was the largest single seizure made?", None),
])
def test_a_question_asks_which_row_holds_the_most_or_the_least(question, asked):
    assert asked_extreme(question) == asked


@pytest.mark.parametrize(("cell", "value"), [("1 940", 1940.0), ("1,264", 1264.0), ("3 412 kg", 3412.0),
                                             ("2.7", 2.7), ("2,7", 2.7), ("—", None), ("n/a", None)])
def test_a_cells_figure_is_read_with_its_thousands_apart(cell, value):
    assert number(cell) == value


@pytest.fixture(scope="module")
def review(invented_service):
    return invented_service({"review_2023.md": REVIEW})


def test_the_row_with_the_most_under_the_column_asked_answers_its_name(review):
    answer = review.ask("Which country seized the most hashish in 2023?").answer
    assert answer is not None and answer.text.startswith("| Coldharbour |")
    assert answer.span_text == "Coldharbour" and answer.header.startswith("| Country |")
    least = review.ask("Which country seized the least opium in 2023?").answer
    assert least is not None and least.span_text == "Amberland"  # the total row is no country


def test_a_table_of_another_year_says_nothing_of_the_most_in_that_year(review):
    answer = review.ask("Which country seized the most hashish in 2021?").answer
    assert answer is None or "Coldharbour" not in answer.text


def test_the_most_of_a_change_is_not_the_largest_figure(review):
    # the table gives what was seized, not how much it grew
    answer = review.ask("Which country had the largest growth in hashish seizures in 2023?").answer
    assert answer is None or answer.span_text != "Coldharbour"


def test_the_year_asked_is_the_column_compared_not_a_total_over_years_that_names_it_too():
    # "Total 2022-2024" shares "2024" with the question as "2024" does: the column the question names whole is compared
    from qa.answer.extremes import _asked_column
    from qa.answer.tables import table_row
    from test_tables import Rows

    index = Rows(["Donor | 2022 | 2023 | 2024 | Total 2022-2024",
                  "Wenlow | 2 400 000 | 2 650 000 | 2 900 000 | 7 950 000"])
    table = table_row(index, index.rows[1])
    assert table.header_cells[_asked_column("Which donor contributed the most in 2024?", table)] == "2024"
    assert table.header_cells[_asked_column("Which donor contributed the most in all?", table)] == "Total 2022-2024"


def _regions(country: str, rows: list[tuple[str, int]], lead: str = "") -> str:
    table = "\n".join(f"| {name} | {kg // 10} | {kg} |" for name, kg in rows)
    return (f"# Annual review of the drug situation in {country}, 2023\n\nPublished 20 February 2024.\n\n"
            f"In 2023 the agencies of {country} seized drugs in every region.{lead}\n\n"
            f"| Region | Heroin, kg | Total, kg |\n|---|---|---|\n{table}\n")


def test_the_most_in_a_country_s_regions_is_read_in_that_country_s_table(invented_service):
    # Kyrgyzstan's table of regions had answered "Which region of Tajikistan …?" with its own largest region
    service = invented_service({
        # its lead shares the question's words: its table is found first
        "kg_2023.md": _regions("Kyrgyzstan", [("Amber Valley", 6444), ("Coldwater", 630), ("Dunmere", 155)],
                               " The largest total drug seizures of 2023 were made in the north of the region."),
        "tj_2023.md": _regions("Tajikistan", [("Brightmoor", 2100), ("Eastfold", 3950), ("Greywell", 402)]),
    })
    answer = service.ask("Which region of Tajikistan had the largest total drug seizures in 2023?").answer
    assert answer is not None and answer.span_text == "Eastfold"
    answer = service.ask("Which region of Kyrgyzstan had the largest total drug seizures in 2023?").answer
    assert answer is not None and answer.span_text == "Amber Valley"
