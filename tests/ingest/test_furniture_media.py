"""Photo credits, captions and datelines (qa/ingest/captions.py, qa/ingest/datelines.py):
each rule on invented lines, with the look-alikes that must stay."""

from __future__ import annotations

import pytest

from qa.ingest.captions import ends_with_credit, has_caption_cue, is_caption_by_form, is_photo_credit
from qa.ingest.datelines import dateline_prefix, is_byline_line, is_dateline_line


@pytest.mark.parametrize(
    "line",
    [
        "Photo: OSCE/Jane Doe",
        "Photo by John Smith",
        "Photograph by Anna Ivanova / Reuters",
        "Photo credit: UNODC",
        "(Photo: Reuters)",
        "Photos: WCO",
        "© WCO 2024",
        "Image courtesy of the Ministry",
        "Credit: AFP",
        "Copyright 2023 Example News",
        "Фото: пресс-служба МВД",
        "File photo",
        "(Archive photo: UNODC)",
    ],
)
def test_photo_credits_are_recognised(line):
    assert is_photo_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "Photos of the seized drugs were shown to the press.",
        "Photo by photo, the analysts rebuilt the smuggling route.",
        "Photo by John Smith shows the officers at the checkpoint and the dogs trained to find drugs.",
        "Photographs taken by the border guards were later used as evidence in court.",
        "Copyright law was discussed at the meeting.",
        "Credit unions joined the anti-fraud campaign",
        "Courtesy of the organisers, lunch was served to every delegate.",
        "The photo exhibition opened in Almaty",
        "Stock photo agencies sold the pictures to the newspapers.",
        "File photos show the officers at the same checkpoint in 2019.",
    ],
)
def test_sentences_that_mention_a_photo_are_not_credits(line):
    assert not is_photo_credit(line)
    assert not is_caption_by_form(line)


@pytest.mark.parametrize(
    "line",
    [
        "Officers at the checkpoint near Osh. Photo: OSCE",
        "Delegates of the regional seminar (Photo: OSCE/Jane Doe)",
        "Participants of the seminar | © UNODC",
    ],
)
def test_a_line_ending_with_a_credit_is_a_caption(line):
    assert ends_with_credit(line)


@pytest.mark.parametrize(
    "line",
    ["(L-R) John Smith and Jane Doe at the signing", "Pictured: delegates in Astana", "From left: Mr. Smith, Ms. Doe"],
)
def test_caption_cues(line):
    assert has_caption_cue(line)


def test_caption_cue_look_alikes_stay():
    assert not has_caption_cue("Left to right-wing parties, the debate was lively.")
    assert not has_caption_cue("Pictures from the drone were analysed by the experts.")


@pytest.mark.parametrize(
    "para, body, date",
    [
        ("ALMATY, 12 October 2022 — The border services agreed on patrols.", "The border", "2022-10-12"),
        ("Astana, Kazakhstan — From 8 to 11 July 2025, a workshop was held.", "From 8 to", None),
        ("BISHKEK (Reuters) - Kyrgyzstan said on Monday it would tighten checks.", "Kyrgyzstan said", None),
        ("Tashkent, Uzbekistan, 3 March 2023 – Officials met.", "Officials met", "2023-03-03"),
        ("12.10.2022, Almaty — Customs officers seized 40 kg.", "Customs officers", "2022-10-12"),
        ("VIENNA, Oct. 12 (AP) — Delegates gathered.", "Delegates", None),
        ("ALMATY (12 October 2022) — The border services agreed.", "The border", "2022-10-12"),
        ("BISHKEK, 15 October 2022. The agency reported a seizure.", "The agency", "2022-10-15"),
        ("ALMATY, KAZAKHSTAN, 12 October 2022: Officials met.", "Officials met", "2022-10-12"),
        ("АЛМАТЫ, 12 мая — Пограничники задержали 40 кг героина.", "Пограничники", None),
        ("Астана, 3 марта 2023 года — Состоялось заседание рабочей группы.", "Состоялось", "2023-03-03"),
        ("Бишкек, Кыргызстан, 12.05.2023 — Таможенники провели учения.", "Таможенники", "2023-05-12"),
        ("ДУШАНБЕ (Ховар) — Министры подписали протокол.", "Министры", None),
    ],
)
def test_dateline_prefixes(para, body, date):
    dl = dateline_prefix(para)
    assert dl is not None
    assert para[dl.body :].startswith(body)
    assert dl.date == date


@pytest.mark.parametrize(
    "para",
    [
        "Almaty, the largest city of Kazakhstan, hosted the meeting on 12 October 2022.",
        "Almaty hosted the meeting — the first of its kind — on 12 October 2022.",
        "Kazakhstan — the largest country in Central Asia — signed the protocol.",
        "UNODC — The United Nations Office on Drugs and Crime — opened a new office.",
        "The Ministry, UNODC — Together with partners, it trained 40 officers.",
        "On 12 October 2022 — a date to remember — the border reopened.",
        "Kazakhstan and Uzbekistan — two neighbours — agreed on joint patrols.",
        "Almaty-Tashkent route was used for the controlled delivery.",
        "On 23 June 2005, Rep. Anna Lee wrote to the customs committee.",
        "Vienna, 3 March 2023: a date the delegates will remember.",
        "В Алматы, 12 мая 2023 — в день открытия конференции — прошла встреча экспертов.",
        "Алматы, крупнейший город Казахстана, принял совещание 12 мая 2023 года.",
        "Казахстан — крупнейшая страна Центральной Азии — подписал протокол.",
    ],
)
def test_sentences_starting_with_a_place_keep_their_start(para):
    assert dateline_prefix(para) is None


def test_dateline_lines():
    assert is_dateline_line("ALMATY, 12 October 2022")
    assert is_dateline_line("Almaty, Kazakhstan, 12 October 2022 —")
    assert not is_dateline_line("Meeting in Almaty, 12 October 2022")
    assert not is_dateline_line("Almaty, Kazakhstan")  # no date: could be anything


@pytest.mark.parametrize("line", [
    "*Announcement, WCO Regional Training Centre, Almaty, 20 January 2025*",
    "Press release, UNODC Regional Office, Tashkent, 3 May 2024",
    "Пресс-релиз, Региональный центр ВТамО, Алматы, 20 января 2025 г.",
])
def test_a_byline_of_short_fields_ending_in_a_date_dates_its_text(line):
    assert is_byline_line(line)


@pytest.mark.parametrize("line", [
    "The course will be held at the Canine Centre in Almaty, 14 April 2025.",  # a sentence: a long clause
    "Nominations must be sent to the RTC by 10 March 2025.",
    "Almaty, 14 April 2025 and later",  # the date does not end it
    "seized in Almaty, Osh, 14 April 2025",  # fields that open in lower case
])
def test_a_sentence_that_ends_in_a_date_is_no_byline(line):
    assert not is_byline_line(line)
