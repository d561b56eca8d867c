"""The sections of one text or Markdown document carry the date stated at its top (qa/ingest/items.py): a note's
"## Background" section that mentions a past event "in 2024" is not dated 2024, a section with no date of its own is
not undated, and a speech whose transcript is broken by "[Applause]" (a repeated line, furniture that ends an item) is
dated by its "Almaty, 4 November 2025" line throughout. A page listing stories that state their own dates keeps each
story's date."""

from __future__ import annotations

import pytest

from qa.ingest import load_document

NOTE_EN = """# Kazakhstan and Uzbekistan sign a protocol on the Tulpar crossing

*Summary note prepared by the regional office in Tashkent, 12 March 2025*

On 10 March 2025 in Tashkent, the two customs services signed a protocol on joint control at the Tulpar crossing.

## Main provisions

- Goods will be inspected once, jointly, in a shared control zone.
- The protocol is valid for three years.

## Background

The Tulpar crossing reopened for freight in 2023 after being closed since 2020.
About 120 trucks a day are expected to use it once the road is repaired.
"""

NOTE_RU = """# Казахстан и Узбекистан подписали протокол о пункте пропуска «Тулпар»

*Справка подготовлена региональным офисом в Ташкенте, 12 марта 2025 года*

10 марта 2025 года в Ташкенте таможенные службы двух стран подписали протокол о совместном контроле на пункте «Тулпар».

## Основные положения

- Грузы досматриваются один раз, совместно, в общей зоне контроля.
- Протокол действует три года.

## Справочно

Пункт пропуска «Тулпар» вновь открылся для грузов в 2023 году после закрытия в 2020 году.
После ремонта дороги через него будут проходить около 120 грузовиков в сутки.
"""

SPEECH = """Remarks by the Director of Facilitation, Regional Customs Office
Opening of the Regional Workshop on Postal Parcels
Tashkent, 14 October 2025
(Transcript, as delivered)

Thank you, Chairman. Excellencies, colleagues, ladies and gentlemen, good morning.

[Applause]

Let me first thank the State Customs Committee of Uzbekistan for hosting us here in Tashkent and for the support of \
its staff.

The number of parcels declared in the region grew from 9 million in 2022 to 30 million in 2024. Most are honest.

Thank you.

[Applause]
"""


@pytest.mark.parametrize("text, date", [(NOTE_EN, "2025-03-12"), (NOTE_RU, "2025-03-12")], ids=["en", "ru"])
def test_a_notes_sections_carry_the_notes_date_not_a_year_they_mention(tmp_path, text, date):
    (tmp_path / "note.md").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "note.md", tmp_path)
    assert len(doc.items) == 3
    assert [it.date for it in doc.items] == [date, date, date]


def test_a_speech_broken_by_applause_is_dated_by_its_dateline_throughout(tmp_path):
    (tmp_path / "speech.txt").write_text(SPEECH, encoding="utf-8")
    doc = load_document(tmp_path / "speech.txt", tmp_path)
    assert len(doc.items) >= 2
    assert {it.date for it in doc.items} == {"2025-10-14"}


def test_stories_that_state_their_own_dates_keep_them(tmp_path):
    page = (
        "News of the Customs Service\n\n"
        "Customs officers seize heroin at the Dostuk checkpoint\n\n"
        "On 12 March 2024, customs officers at the Dostuk checkpoint found 40 kg of heroin in a truck.\n\n"
        "Rate this article\n\n"
        "Training on risk profiling held in Osh\n\n"
        "On 3 April 2024, twenty officers completed a course on risk profiling in Osh.\n\n"
        "Rate this article\n\n"
        "New scanners for the southern border\n\n"
        "The service received four scanners, the first of them bought in 2021.\n"
    )
    (tmp_path / "news.txt").write_text(page, encoding="utf-8")
    doc = load_document(tmp_path / "news.txt", tmp_path)
    assert [it.date for it in doc.items][:2] == ["2024-03-12", "2024-04-03"]
    assert doc.items[-1].date != "2024-03-12"  # a list of stories: the last one is no section of the first


ANNOUNCEMENT = """# Regional course for customs dog handlers

*Announcement, Regional Training Centre, Wenlow, 20 January 2025*

The Regional Training Centre in Wenlow will hold a course for customs dog handlers from 14 to 25 April 2025.

## Participants

Eighteen dog handlers with nine detection dogs from five countries will take part.

## Nominations

Nominations must be sent to the Centre by 10 March 2025.
"""


def test_a_byline_dates_an_announcement_and_a_deadline_does_not_date_its_section(tmp_path):
    # "*Announcement, Centre, Place, date*" is the announcement's date line; "by 10 March 2025" is a deadline, later
    # than the announcement, and no date of its section: every section is of 20 January 2025, none left undated
    (tmp_path / "course.md").write_text(ANNOUNCEMENT, encoding="utf-8")
    doc = load_document(tmp_path / "course.md", tmp_path)
    assert [it.title for it in doc.items] == ["Regional course for customs dog handlers", "Participants",
                                              "Nominations"]
    assert [it.date for it in doc.items] == ["2025-01-20"] * 3
