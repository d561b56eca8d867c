"""Label lines ("Venue: Port Ellery", "Дата подписания: 14 июля 2031 г.") are facts of the item they stand in."""

from __future__ import annotations

import pytest

from qa.ingest.items import parse_text
from qa.ingest.labels import is_publication_line, is_record, label_of

ANNOUNCEMENT = """Announcement: Regional Course on Harbour Inspections

Published 7 April 2031

The Skarn Training Centre invites the harbour agencies of the region to nominate officers for its course.

Dates: 9–13 June 2031

Venue: Skarn Training Centre, Port Ellery

Participants: 24 officers, four from each of six harbours

Deadline for nominations: 16 May 2031

The course is funded by the Wenlow Foundation.
"""

PROTOCOL = """# Протокол о взаимодействии портовых служб Скарна и Венлоу

Дата подписания: 14 июля 2031 г.

Место подписания: г. Порт-Эллери

## Статья 1. Предмет Протокола

Стороны обмениваются сведениями о судах, подозреваемых в контрабанде.
"""

REPORT = """Half-Year Report on Harbour Seizures, January–June 2031
Prepared by the Analytical Unit of the Skarn Harbour Authority
Reporting period: 1 January – 30 June 2031
Published: 29 August 2031
In the first half of 2031 the harbour agencies seized 9,874 kg of contraband goods.
The largest seizure was made at Port Ellery.
"""

COURSES = """# Перечень курсов Учебного центра Скарна, 2030–2031 гг.

Учебный центр Скарна в 2030–2031 гг. провёл четыре курса для сотрудников портовых служб.

| № | Курс | Даты | Место | Участники |
|---|---|---|---|---|
| 1 | Досмотр контейнеров | 14–18 марта 2030 г. | Порт-Эллери | 18 |
| 2 | Контролируемые поставки | 6–10 июня 2030 г. | Венлоу | 22 |
| 3 | Выявление прекурсоров | 3–7 октября 2031 г. | Скарн | 16 |
| 4 | Работа со служебными собаками | 20–24 февраля 2031 г. | Венлоу | 12 |
"""


def _blocks(text: str, item) -> list[str]:
    return [text[b.start : b.end] for b in item.blocks]


@pytest.mark.parametrize("line, label", [
    ("Venue: Skarn Training Centre, Port Ellery", "venue"),
    ("Дата подписания: 14 июля 2031 г.", "дата подписания"),
    ("Reporting period: 1 January – 30 June 2031", "reporting period"),
    ("Participants: 24 officers", "participants"),
    # a list's entry
    ("- Deadline for applications: 15 July 2031, 18:00 Wenlow time.", "deadline for applications"),
    # a headline with a colon names no field of a record
    ("Skarn: 500 kg of heroin seized at the harbour", None),
    ("The council agreed on three points: budget, staff and boats.", None),
])
def test_a_label_line_is_told_by_its_words_not_by_its_colon_alone(line, label):
    assert label_of(line) == label


def test_a_passage_of_table_rows_or_label_lines_is_a_record():
    assert is_record("| Country | Heroin, kg |\n|---|---|\n| Ostravia | 203 |")
    assert is_record("Дата подписания: 14 июля 2031 г.\nМесто подписания: г. Венлоу")
    assert is_record("Seizures by country, 2031\nOstravia | 412 | 1 236")  # a caption over its rows
    assert not is_record("Officers of the Skarn post seized 40 kg of heroin.\nThe driver was detained.")


def test_a_publication_line_is_told_from_other_labels():
    assert is_publication_line("Published: 29 August 2031")
    assert is_publication_line("Дата публикации: 15 марта 2032 г.")
    assert not is_publication_line("Reporting period: 1 January – 30 June 2031")


def test_an_announcements_label_lines_stay_in_its_one_item_as_its_sentences():
    # "Dates: 9–13 June 2031" had cut the announcement in two and was lost with the date lines; "Venue: …" became
    # the second part's title
    items = parse_text(ANNOUNCEMENT)
    assert len(items) == 1 and items[0].date == "2031-04-07"
    blocks = _blocks(ANNOUNCEMENT, items[0])
    for line in ("Dates: 9–13 June 2031", "Venue: Skarn Training Centre, Port Ellery",
                 "Participants: 24 officers, four from each of six harbours"):
        assert line in blocks


def test_a_protocols_place_of_signing_is_a_line_of_its_head_not_the_title_of_its_first_article():
    items = parse_text(PROTOCOL, markdown=True)
    assert "Место подписания: г. Порт-Эллери" in _blocks(PROTOCOL, items[0])
    assert [it.title for it in items[1:]] == ["Статья 1. Предмет Протокола"]


def test_a_report_is_dated_by_its_publication_line_and_its_label_lines_are_sentences():
    items = parse_text(REPORT)
    assert len(items) == 1
    assert items[0].date == "2031-08-29"  # not June 2031, the end of the period its title names
    blocks = _blocks(REPORT, items[0])
    assert "Reporting period: 1 January – 30 June 2031" in blocks and "Published: 29 August 2031" in blocks


def test_a_tables_dated_rows_open_no_stories():
    # each row dated "6–10 июня 2030 г." had become an item of its own, titled by the row
    items = parse_text(COURSES, markdown=True)
    assert len(items) == 1
    assert items[0].title.startswith("Перечень курсов")


def test_a_publication_line_after_a_storys_prose_still_opens_the_next_story():
    page = ("Harbour agencies seize heroin\n\nPublished: 3 May 2031\n\n"
            "Officers of the Skarn harbour seized 40 kg of heroin in a container of tiles on Monday.\n\n"
            "Published: 9 May 2031\n\n"
            "The Wenlow ferry terminal opened a new scanner for lorries and containers on Friday.\n")
    items = parse_text(page)
    assert [it.date for it in items] == ["2031-05-03", "2031-05-09"]


def test_a_release_line_under_a_reports_title_is_a_sentence_of_it_and_dates_it():
    # it dated the bulletin and was left out of its text: "When was the bulletin released?" had no line to answer
    text = ("Skarn Harbour Bulletin No. 2 (2031)\nReleased: 3 September 2031\n"
            "This bulletin covers the second quarter of 2031 (1 April – 30 June 2031).\n")
    items = parse_text(text)
    assert len(items) == 1 and items[0].date == "2031-09-03"
    assert "Released: 3 September 2031" in _blocks(text, items[0])
