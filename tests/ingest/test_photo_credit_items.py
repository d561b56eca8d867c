"""A photo credit between news stories (qa/ingest/paragraphs.py, qa/ingest/items.py): it is furniture,
and it changes neither where the next story starts nor its title, in English and Russian. A title-like
line next to a credit is a caption only when no story opens under it."""

from __future__ import annotations

import pytest

from qa.ingest import load_document, parse_text

EN = {
    "head_a": "Controlled delivery meeting held in Almaty",
    "date_a": "4 March 2024",
    "lead_a": "On 4 March 2024 border officers of three states met in Almaty to plan joint controlled deliveries.",
    "body_a": "The meeting was opened by the head of the regional centre. Forty officers took part in it.",
    "caption": "Officers at the Zhibek Zholy checkpoint",
    "head_b": "Regional seminar on precursors in Dushanbe",
    "date_b": "20 November 2023",
    "lead_b": "From 20 to 22 November 2023 a regional seminar on precursor trafficking was held in Dushanbe.",
    "body_b": "Participants from six countries studied ways of detecting new substances at the border.",
}
RU = {
    "head_a": "Совещание по контролируемым поставкам прошло в Алматы",
    "date_a": "4 марта 2024 г.",
    "lead_a": "4 марта 2024 года в Алматы пограничники трёх государств обсудили совместные контролируемые поставки.",
    "body_a": "Совещание открыл руководитель регионального центра. В нём приняли участие сорок офицеров.",
    "caption": "Пограничники на пункте пропуска «Жибек Жолы»",
    "head_b": "Региональный семинар по прекурсорам в Душанбе",
    "date_b": "20 ноября 2023 г.",
    "lead_b": "С 20 по 22 ноября 2023 года в Душанбе прошёл региональный семинар по обороту прекурсоров.",
    "body_b": "Участники из шести стран изучили методы выявления новых веществ на границе.",
}
CREDITS = {
    "en": ["Photo: CARICC press service", "Photo by Anna Lee", "© Border Service"],
    "ru": ["Фото пресс-службы ЦАРИКЦ", "Фото: пресс-служба МВД", "© Пограничная служба"],
}


def block_texts(text, item):
    return [text[b.start : b.end] for b in item.blocks]


def two_stories(w: dict, between: str) -> str:
    """Story A, then ``between`` (credits, a caption ...), then story B, one paragraph a line."""
    a = [w["head_a"], w["date_a"], w["lead_a"], w["body_a"]]
    b = [w["head_b"], w["date_b"], w["lead_b"], w["body_b"]]
    return "\n".join([*a, *between.split("\n"), *b]) + "\n"


def assert_two_stories(text: str, w: dict) -> None:
    items = parse_text(text)
    assert [it.title for it in items] == [w["head_a"], w["head_b"]]
    assert [block_texts(text, it) for it in items] == [[w["lead_a"], w["body_a"]], [w["lead_b"], w["body_b"]]]
    assert text[items[1].start :].startswith(w["lead_b"])


@pytest.mark.parametrize("lang, w", [("en", EN), ("ru", RU)])
def test_a_credit_that_ends_a_story_keeps_the_next_headline_and_start(lang, w):
    for credit in CREDITS[lang]:
        assert_two_stories(two_stories(w, credit), w)


@pytest.mark.parametrize("lang, w", [("en", EN), ("ru", RU)])
def test_a_caption_and_its_credit_that_end_a_story_leave_the_next_headline(lang, w):
    # The caption above the credit is dropped; the headline under it is the next story's.
    assert_two_stories(two_stories(w, f"{w['caption']}\n{CREDITS[lang][0]}"), w)


@pytest.mark.parametrize("lang, w", [("en", EN), ("ru", RU)])
def test_a_headline_above_its_pictures_credit_is_the_title(lang, w):
    a = [w["head_a"], w["date_a"], w["lead_a"], w["body_a"]]
    text = "\n".join([*a, w["head_b"], CREDITS[lang][1], w["date_b"], w["lead_b"], w["body_b"]]) + "\n"
    assert_two_stories(text, w)


@pytest.mark.parametrize("lang, w", [("en", EN), ("ru", RU)])
def test_a_credit_before_a_headline_and_a_dated_lead_without_a_date_line(lang, w):
    a = [w["head_a"], w["lead_a"], w["body_a"]]
    text = "\n".join([*a, CREDITS[lang][0], w["head_b"], w["lead_b"], w["body_b"]]) + "\n"
    assert_two_stories(text, w)
    # A caption under a credit inside a story, undated prose after it, is still a caption: no new item.
    inside = "\n".join([w["head_a"], w["lead_a"], CREDITS[lang][0], w["caption"], w["body_a"]]) + "\n"
    [item] = parse_text(inside)
    assert item.title == w["head_a"] and block_texts(inside, item) == [w["lead_a"], w["body_a"]]


@pytest.mark.parametrize("lang, w", [("en", EN), ("ru", RU)])
def test_a_news_page_with_a_credit_before_an_h2_keeps_every_story_title(tmp_path, lang, w):
    stories = [
        (w["head_a"], [w["date_a"], w["lead_a"], w["body_a"], CREDITS[lang][0]]),
        (w["head_b"], [w["date_b"], w["lead_b"], w["body_b"]]),
    ]
    head = f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>News</title></head>'
    page = (
        f"{head}<body><main><h1>News</h1>"
        + "".join(f"<article><h2>{h}</h2>" + "".join(f"<p>{p}</p>" for p in ps) + "</article>" for h, ps in stories)
        + "</main></body></html>"
    )
    (tmp_path / "news.html").write_text(page, encoding="utf-8")
    doc = load_document(tmp_path / "news.html", tmp_path)
    assert [it.title for it in doc.items] == [w["head_a"], w["head_b"]]
    assert doc.text[doc.items[1].start :].startswith(w["lead_b"])


@pytest.mark.parametrize("caption", [
    "Photo: Officers inspect a lorry at the north quay, 14 May 2024. Photo by the harbour press service.",
    "[Photo: a handler and his dog during the final exercise]",
    "Фото: Сотрудники таможни досматривают фуру на северном причале. Фото пресс-службы.",
])
def test_a_plain_texts_photo_line_is_a_caption_not_a_sentence_of_the_story(caption):
    # a .txt has no <figcaption>: the line that opens "Photo:" is what the picture shows, never an answer
    text = ("Lorry searched at the north quay\n\nPort Ellery, 14 May 2024\n\n"
            "On 14 May 2024 customs officers at the north quay found 40 kg of hashish in a lorry of apples.\n\n"
            f"{caption}\n\nThe driver was detained.\n")
    kept = [text[b.start:b.end] for item in parse_text(text) for b in item.blocks]
    assert any("40 kg of hashish" in b for b in kept) and any("driver was detained" in b for b in kept)
    assert not any(caption[:20] in b for b in kept)
