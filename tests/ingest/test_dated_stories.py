"""Dated stories in a plain-text news page, in English and Russian (qa/ingest/items.py, leads.py,
dates.py, headlines.py, titles.py): a story whose lead opens with its date is an item of its own
whatever stands between it and the story before (a photo credit, a rating widget elsewhere on the
page), in every date form dates.py reads; a year the text compares with ("than in 2022", "чем в
2022 г.") dates no item; a page's fallback title is worded in its language."""

from __future__ import annotations

import pytest

from qa.ingest import load_document, parse_text
from qa.ingest.dates import find_date
from qa.ingest.headlines import lead_title

EN = {
    "header": "News of the Drug Control Agency",
    "lead_a": ("{date_a} officers of the Drug Control Agency stopped a truck from Afghanistan at the Aivaj customs "
               "post."),
    "body_a": "The driver was detained. A criminal case was opened.",
    "credit": "Photo: DCA press service",
    "lead_b": "{date_b} a meeting of the heads of counter-narcotics units of Central Asia took place in Almaty.",
    "body_b": "The meeting was opened by the director of the regional centre. Thirty-four officers took part.",
    "widget": "Rate this article",
    "tail": "Last year 23.4 tonnes of drugs were seized in the region, 11% more than in 2022.",
    "title_b": "A meeting of the heads of counter-narcotics units of Central Asia took place in Almaty",
}
RU = {
    "header": "Новости Агентства по контролю за наркотиками",
    "lead_a": "{date_a} на таможенном посту «Айвадж» сотрудники Агентства задержали грузовик из Афганистана.",
    "body_a": "Водитель задержан. Возбуждено уголовное дело.",
    "credit": "Фото пресс-службы АКН",
    "lead_b": "{date_b} в г. Алматы состоялось совещание руководителей подразделений по борьбе с наркотиками.",
    "body_b": "Совещание открыл директор регионального центра. В нём приняли участие 34 представителя.",
    "widget": "Оцените материал",
    "tail": "В прошлом году в регионе было изъято 23,4 т. наркотиков, что на 11 % больше, чем в 2022 г.",
    "title_b": "В г. Алматы состоялось совещание руководителей подразделений по борьбе с наркотиками",
}
# (language, words, the first story's date, the second story's date as written): every form dates.py reads
DATE_FORMS = [
    ("en", EN, "On 12 March 2024,", "On 3 April 2024,"),
    ("en", EN, "12 March 2024", "3 April 2024"),
    ("en", EN, "March 12, 2024,", "April 3, 2024,"),
    ("ru", RU, "12 марта 2024 г.", "3 апреля 2024 г."),
    ("ru", RU, "12.03.2024", "03.04.2024"),
    ("ru", RU, "12 марта 2024 года", "3 апреля 2024 года"),
]


def page(w: dict, date_a: str, date_b: str) -> str:
    paras = [
        w["header"], w["lead_a"].format(date_a=date_a), w["body_a"], w["credit"],
        w["lead_b"].format(date_b=date_b), w["body_b"], w["widget"], w["tail"],
    ]  # fmt: skip
    return "\n\n".join(paras) + "\n"


def blocks(text, item):
    return [text[b.start : b.end] for b in item.blocks]


@pytest.mark.parametrize("lang, w, date_a, date_b", DATE_FORMS)
def test_a_story_whose_lead_opens_with_its_date_is_an_item_of_its_own(lang, w, date_a, date_b):
    text = page(w, date_a, date_b)
    items = parse_text(text)
    assert [it.date for it in items[:2]] == ["2024-03-12", "2024-04-03"]
    lead_b = w["lead_b"].format(date_b=date_b)
    assert blocks(text, items[1]) == [lead_b, w["body_b"]]
    # Its title is its own, made from its lead without the date ("г.", "года" go with the date).
    assert items[1].title == w["title_b"]
    assert blocks(text, items[0]) == [w["lead_a"].format(date_a=date_a), w["body_a"]]


@pytest.mark.parametrize("lang, w", [("en", EN), ("ru", RU)])
def test_a_paragraph_opening_with_the_storys_own_date_or_a_short_dated_line_does_not_split_it(lang, w):
    date_a, date_b = DATE_FORMS[1 if lang == "en" else 3][2:]
    same_day = w["lead_b"].format(date_b=date_a)
    text = "\n\n".join([w["lead_a"].format(date_a=date_a), w["body_a"], same_day, w["body_b"]]) + "\n"
    assert len(parse_text(text)) == 1
    # An entry of a list of dates inside a story ("3 April 2024 — ...") is no lead.
    text = "\n\n".join([w["lead_a"].format(date_a=date_a), w["body_a"], f"{date_b} — {w['body_a']}"]) + "\n"
    assert len(parse_text(text)) == 1


@pytest.mark.parametrize("lang, w", [("en", EN), ("ru", RU)])
def test_a_year_compared_with_does_not_date_an_item(lang, w):
    text = page(w, *DATE_FORMS[0 if lang == "en" else 3][2:])
    last = parse_text(text)[-1]
    assert blocks(text, last) == [w["tail"]]
    assert last.date is None  # not 2022: the paragraph states no date of its own


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("11% more than in 2022", None),
        ("seizures rose compared with March 2022", None),
        ("up from 2021, when the centre opened", None),
        ("что на 35 процентов больше, чем в 2022 году", None),
        ("по сравнению с 2022 г. изъятия выросли", None),
        ("по сравнению с мартом 2022 года", None),
        ("против 2021 года", None),
        # the story's own date still counts, before or after the compared one
        ("In 2023 seizures were 35% higher than in 2022", "2023"),
        ("more than in 2022; the report was published on 3 April 2024", "2024-04-03"),
        ("в 2023 году изъято больше, чем в 2022 году", "2023"),
        ("more than 2022 tonnes were seized in 2021", "2021"),
    ],
)
def test_a_date_the_text_compares_with_is_not_its_date(phrase, iso):
    assert find_date(phrase) == iso


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        ("3 апреля 2024 г. в Алматы состоялось совещание руководителей подразделений стран Центральной Азии.",
         "В Алматы состоялось совещание руководителей подразделений стран Центральной Азии"),
        ("3 апреля 2024 года в Алматы состоялось совещание руководителей подразделений стран Центральной Азии.",
         "В Алматы состоялось совещание руководителей подразделений стран Центральной Азии"),
        ("С 20 по 22 ноября 2023 года в Душанбе прошёл региональный семинар ОБСЕ по прекурсорам.",
         "В Душанбе прошёл региональный семинар ОБСЕ по прекурсорам"),
    ],
)
def test_a_russian_lead_title_drops_the_date_with_its_words(lead, title):
    assert lead_title(lead) == title


RU_STORIES = [
    "12 марта 2024 г. на посту «Айвадж» сотрудники таможни задержали грузовой автомобиль из Афганистана.",
    "3 апреля 2024 г. в Алматы состоялось совещание руководителей подразделений по борьбе с наркотиками.",
]
EN_STORIES = [
    "On 12 March 2024 customs officers stopped a truck coming from Afghanistan at the Aivaj post.",
    "On 3 April 2024 a meeting of the heads of counter-narcotics units took place in Almaty.",
]


@pytest.mark.parametrize(
    ("lang", "stories", "by_months", "by_site"),
    [
        ("ru", RU_STORIES, "Новости, март–апрель 2024", "Новости ЦАРИКЦ"),
        ("en", EN_STORIES, "News, Mar–Apr 2024", "CARICC news"),
    ],
)
def test_a_news_pages_fallback_title_is_in_its_language(tmp_path, lang, stories, by_months, by_site):
    (tmp_path / "news.txt").write_text("\n\n".join(stories) + "\n", encoding="utf-8")
    doc = load_document(tmp_path / "news.txt", tmp_path)
    assert len(doc.items) == 2 and doc.title == by_months
    source = "Источник: ЦАРИКЦ" if lang == "ru" else "Source: CARICC"
    (tmp_path / "site.txt").write_text("\n\n".join([source, *stories]) + "\n", encoding="utf-8")
    assert load_document(tmp_path / "site.txt", tmp_path).title == by_site


def test_a_list_entry_dated_in_its_sentence_stays_a_line_of_its_list():
    # a call's dates, one a bullet: each had become an item titled by its own line, the deadline's section empty
    text = ("# Call for nominations: Wenlow Customs Fellowship 2025\n\nPublished: 2 June 2025\n\n"
            "The Wenlow Training Centre invites nominations for its customs fellowship.\n\n## Dates and deadlines\n\n"
            "- Deadline for applications: 15 July 2025.\n"
            "- Nominations from heads of agencies must be received by 25 July 2025.\n"
            "- Selected candidates will be notified by 8 August 2025.\n\n## Eligibility\n\n"
            "Applicants must be serving customs officers.\n")
    items = parse_text(text, markdown=True)
    assert [i.title for i in items][1:] == ["Dates and deadlines", "Eligibility"]
    assert "notified by 8 August 2025" in text[items[1].start:items[1].end]


def test_a_story_its_dateline_opened_goes_on_past_paragraphs_that_date_its_details():
    # one story under its headline and dateline: the paragraphs dating the operation's run and its largest seizure
    # had become stories of their own, cited as "2 Oct 2023 — The operation ran …"
    story = ("Operation Tideline 2023 nets 1 318 kg of drugs\n\n"
             "WENLOW, 14 November 2023 — The regional operation Tideline 2023, coordinated by the Harbour Centre, "
             "concluded with the seizure of 1 318 kg of narcotic drugs.\n\n"
             "The operation ran from 2 to 27 October 2023 and involved customs and border agencies of four states.\n\n"
             "The largest single seizure was made on 19 October 2023 at the Skarn road crossing on the border.\n\n"
             "\"This operation showed what information exchange can achieve,\" said the Deputy Director.\n")
    items = parse_text(story)
    assert len(items) == 1 and items[0].date == "2023-11-14"
    # a paragraph that opens with its own date after it is the next story of a news page, as before
    items = parse_text(story + "\nOn 3 December 2023 the Harbour Centre opened a training room for dog handlers "
                               "in Skarn with funds from two donors.\n")
    assert len(items) == 2 and items[1].date == "2023-12-03"
