"""Press releases: one story, named and dated by its header (the agency's lines, the "press release" label, the
title, the place-and-date line), whatever the order of those lines; a page's own heading ("News") above its first
story is no story (qa.ingest.paragraphs, qa.ingest.items)."""

from __future__ import annotations

import pytest

from qa.ingest.files import parse_bytes

BODY_EN = """The Skarn Harbour Office and the Tarrow coast guard launched a three-year project to strengthen \
night patrols of the strait.

The strait between Skarn and Tarrow is 42 kilometres long, much of it along the Ellery banks.

The project, with a budget of EUR 2.4 million, will deliver radar equipment and train 300 crew members.

Contact: press@skarn.example.org
"""

TITLE_EN = "Skarn and Tarrow launch a project to strengthen night patrols of the strait"

RELEASES = {
    # the agency's line above the label, the title, then a lead that opens with its dateline
    "agency-first": f"""Skarn Harbour Office
Press release

{TITLE_EN}

SKARN, 9 November 2021 – {BODY_EN}""",
    # the label, the agency's two lines, the title, then the dateline lead
    "label-first": f"""PRESS RELEASE
Skarn Harbour Office
Regional Office for the Northern Islands

{TITLE_EN}

Skarn, 9 November 2021 – {BODY_EN}""",
    # the agency's label, the title, and a place-and-date line of its own
    "date-line": f"""SKARN HARBOUR OFFICE PRESS RELEASE

{TITLE_EN}

Skarn, 9 November 2021

{BODY_EN}""",
}


@pytest.mark.parametrize("kind", sorted(RELEASES))
def test_a_press_release_is_one_story_named_and_dated_by_its_header(kind):
    doc = parse_bytes("press/release.txt", RELEASES[kind].encode())
    # its header was an undated item of its own, named after the agency ("Skarn Harbour Office"), and the
    # document was called "News, Nov 2021"
    assert [(item.title, item.date) for item in doc.items] == [(TITLE_EN, "2021-11-09")]
    assert doc.title == TITLE_EN
    assert doc.text[doc.items[0].start:].startswith("The Skarn Harbour Office and the Tarrow coast guard")


def test_a_russian_press_release_is_one_story_named_and_dated_by_its_header():
    text = """ПРЕСС-РЕЛИЗ
Портовая служба Скарна

Скарн и Тарроу подвели итоги совместного патрулирования пролива в 2023 году

Скарн, 25 января 2024 г.

Портовая служба Скарна и береговая охрана Тарроу подвели итоги совместного ночного патрулирования пролива.

В 2023 году патрули досмотрели 1 240 судов, на 14 больше, чем в 2022 году.
"""
    doc = parse_bytes("press/reliz.txt", text.encode())
    assert [(item.title, item.date) for item in doc.items] == [
        ("Скарн и Тарроу подвели итоги совместного патрулирования пролива в 2023 году", "2024-01-25")]


def test_a_press_release_without_a_date_is_still_one_story_under_its_title():
    text = f"""Press release
Skarn Harbour Office

{TITLE_EN}

{BODY_EN}"""
    doc = parse_bytes("press/undated.txt", text.encode())
    assert [(item.title, item.date) for item in doc.items] == [(TITLE_EN, None)]


def test_a_news_page_opened_by_its_own_heading_names_its_first_story_by_its_headline():
    text = """News

12th meeting of the Harbour Board held in Skarn

12 October 2023

The 12th meeting of the Harbour Board took place in Skarn on 10-11 October 2023 with delegations from all five island \
councils.

Read more

Radar course held at the harbour office

20 February 2023

A five-day course on coastal radar ended at the harbour office in Skarn on 17 February 2023.

Read more
"""
    doc = parse_bytes("news.txt", text.encode())
    assert [(item.title, item.date) for item in doc.items] == [
        ("12th meeting of the Harbour Board held in Skarn", "2023-10-12"),
        ("Radar course held at the harbour office", "2023-02-20")]


def test_a_report_opened_by_its_publisher_and_date_is_one_item_under_its_own_title():
    text = """Skarn Harbour Office
Annual Report 2023

29 February 2024

Introduction

The harbour office handled 14,200 vehicles on the ferries in 2023, a record for the island.
"""
    doc = parse_bytes("report.txt", text.encode())
    # the publisher's line and the title were an undated item of their own
    assert [(item.title, item.date) for item in doc.items] == [("Annual Report 2023", "2024-02-29")]


def test_minutes_keep_their_first_title_line_over_the_line_under_it():
    text = """Minutes of the meeting
Council of Harbour Masters

Date: 12 May 2024

The council met to discuss the winter timetable of the ferries and the dredging of the strait.
"""
    doc = parse_bytes("minutes.txt", text.encode())
    # a title-like line of four words or more above the story's headline is not taken for a page's heading
    assert [(item.title, item.date) for item in doc.items] == [("Minutes of the meeting", "2024-05-12")]


# A press release's closing lines: its end mark, its signature and its contact labels, in the forms agencies use.
CLOSINGS = {
    "en": """-ends-

Press service of the Skarn Harbour Office

For more information, contact: Jane Doe, press officer, Skarn Harbour Office, tel. \
+44 20 7946 0000, press@skarn.example.org

Media contact: Anna Lee, +44 20 7946 0001

###
""",
    "en-office": """ENDS

Skarn Harbour Office Press Office
press@skarn.example.org
""",
    "ru": """Пресс-служба портовой службы Скарна

Контакты для СМИ: Анна Ли, +7 727 000 00 00, press@skarn.example.org
""",
    "ru-end": """Пресс-служба ЦАРИКЦ
""",
}


@pytest.mark.parametrize("kind", sorted(CLOSINGS))
def test_a_press_releases_closing_lines_are_no_text_of_its_story(kind):
    if kind.startswith("ru"):
        head = """ПРЕСС-РЕЛИЗ

Скарн и Тарроу подвели итоги совместного патрулирования пролива в 2023 году

Скарн, 25 января 2024 г.

Портовая служба Скарна и береговая охрана Тарроу подвели итоги совместного ночного патрулирования пролива.

В 2023 году патрули досмотрели 1 240 судов, на 14 больше, чем в 2022 году.
"""
        title, date = "Скарн и Тарроу подвели итоги совместного патрулирования пролива в 2023 году", "2024-01-25"
    else:
        head, title, date = RELEASES["date-line"], TITLE_EN, "2021-11-09"
    text = head + "\n" + CLOSINGS[kind]
    doc = parse_bytes("press/release.txt", text.encode())
    # "Press service of …" was a story of its own (undated, its text the contact lines), "-ends-" and the
    # contact label were the release's sentences
    assert [(item.title, item.date) for item in doc.items] == [(title, date)]
    blocks = [doc.text[b.start:b.end] for b in doc.items[0].blocks]
    closing = [line for line in CLOSINGS[kind].splitlines() if line.strip()]
    assert not set(blocks) & set(closing)
    assert blocks[-1].endswith("2022 году.") or blocks[-1].startswith("Contact: press@skarn")
    assert doc.text == text  # still in the document's text, for the viewer


def test_a_story_headed_by_a_press_office_and_a_contact_sentence_stay_text():
    text = """Press Office of the Skarn Harbour Office opens in Wenlow

Wenlow, 3 May 2024

The Skarn Harbour Office opened a press office in Wenlow to answer questions from island newspapers.

For more information, please contact press@skarn.example.org.

Press service of the Tarrow coast guard

Tarrow, 4 May 2024

The Tarrow coast guard named a new spokesperson for its night patrols of the strait.
"""
    doc = parse_bytes("news.txt", text.encode())
    assert [(item.title, item.date) for item in doc.items] == [
        ("Press Office of the Skarn Harbour Office opens in Wenlow", "2024-05-03"),
        ("Press service of the Tarrow coast guard", "2024-05-04")]
    assert doc.text[doc.items[0].blocks[-1].start:doc.items[0].blocks[-1].end] == (
        "For more information, please contact press@skarn.example.org.")
