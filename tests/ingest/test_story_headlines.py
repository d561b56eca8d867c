"""A news archive in plain text writes each story as a date line, a headline line without end punctuation, then the
lead on one line: the headline names and the date line dates the item, and neither is a sentence of it, however short
the headline ("Стартовала операция «Кордон»"); the lines above the first date line name the page. A one-line
paragraph that ends a sentence under a date line is the story's text (qa/ingest/paragraphs.py, items.py)."""

from __future__ import annotations

import pytest

from qa.ingest import parse_text

EN = """Customs Service of the Republic of Tarrow
News archive

03.12.2024
Fourth stage of Operation Cordon completed
From 14 to 25 October 2024 the fourth stage of Operation Cordon was held on the southern border. \
Officers seized 870 kg of drugs, including 612 kg of hashish.

15.05.2024
Cordon breaks records
The third stage of Operation Cordon ran from 8 to 19 April 2024. \
Officers seized 1,390 kg of drugs, the largest result in the history of the operation.

28.03.2023
Operation Cordon begins
27 March 2023 saw the start of the first stage of the international Operation Cordon, \
in which the customs services of three countries take part.
"""
RU = """Таможенная служба Республики Тарроу
Новости — архив

03.12.2024
Завершён четвёртый этап международной операции «Кордон»
С 14 по 25 октября 2024 года проведён четвёртый этап операции «Кордон» на южной границе. \
Изъято 870 кг наркотических средств, в том числе 612 кг гашиша.

15.05.2024
«Кордон» бьёт рекорды
Третий этап операции «Кордон» прошёл с 8 по 19 апреля 2024 года. \
Изъято 1 390 кг наркотиков, это наибольший результат за всю историю операции.

28.03.2023
Стартовала операция «Кордон»
27 марта 2023 года начался первый этап международной операции «Кордон», \
в которой участвуют таможенные службы трёх стран.
"""
TITLES = {
    "en": ["Fourth stage of Operation Cordon completed", "Cordon breaks records", "Operation Cordon begins"],
    "ru": ["Завершён четвёртый этап международной операции «Кордон»", "«Кордон» бьёт рекорды",
           "Стартовала операция «Кордон»"],
}


@pytest.mark.parametrize(("lang", "text"), [("en", EN), ("ru", RU)])
def test_an_archive_story_is_named_by_its_headline_and_the_headline_is_no_sentence(lang, text):
    items = parse_text(text)
    assert [it.title for it in items] == TITLES[lang]
    assert [it.date for it in items] == ["2024-12-03", "2024-05-15", "2023-03-28"]
    for item, title in zip(items, TITLES[lang]):
        # one block: the lead, cited exactly where it stands in the text
        assert len(item.blocks) == 1
        block = text[item.blocks[0].start : item.blocks[0].end]
        assert block == text[item.start : item.end]
        assert title not in block and "\n" not in block and block.endswith(".")
        assert text[item.blocks[0].start - len(title) - 1 : item.blocks[0].start] == title + "\n"


@pytest.mark.parametrize("text", [EN, RU])
def test_the_lines_above_the_first_date_line_name_the_page_not_its_first_story(text):
    items = parse_text(text)
    page_lines = text.split("\n")[:2]
    assert all(line not in text[b.start : b.end] for it in items for b in it.blocks for line in page_lines)
    assert all(line != it.title for it in items for line in page_lines)


@pytest.mark.parametrize(("date", "line", "lead"), [
    ("12.05.2024", "Border reopened.", "The post at Aivaj opened again after repairs that took three weeks."),
    ("12.05.2024", "Граница открыта.", "Пост «Айвадж» снова открылся после ремонта, который занял три недели."),
])
def test_a_one_line_sentence_under_a_date_line_is_still_the_storys_text(date, line, lead):
    text = f"{date}\n{line}\n{lead}\n"
    items = parse_text(text)
    blocks = [text[b.start : b.end] for it in items for b in it.blocks]
    assert any(line in b for b in blocks)


def test_a_hard_wrapped_story_still_reads_as_one_paragraph():
    # lines wrapped at a fixed width: the lines of one paragraph join, the blank line parts them
    text = (
        "Officers of the customs service stopped a truck at the Aivaj post\n"
        "on the southern border and found 40 kg of heroin hidden in a load\n"
        "of dried fruit bound for the capital, the service said on Monday\n"
        "in a statement published on its website and read on the radio.\n"
        "\n"
        "The driver, a citizen of a neighbouring country, was detained and\n"
        "a criminal case was opened against him under the drugs law of the\n"
        "republic, which carries a prison term of up to twenty years now.\n"
    )
    items = parse_text(text)
    blocks = [text[b.start : b.end] for it in items for b in it.blocks]
    assert len(blocks) == 2 and blocks[0].startswith("Officers") and blocks[0].endswith("radio.")


@pytest.mark.parametrize(("first", "second"), [("1. Executive summary", "2. Funding"),
                                               ("1. Общая характеристика", "2. Финансирование")])
def test_a_numbered_section_heading_over_hard_wrapped_text_is_a_paragraph_of_its_own(first, second):
    # the heading names its section; glued to the paragraph under it, it would open the paragraph's first sentence
    text = (
        f"{first}\n"
        "The review covers the twelve border liaison offices set up under the project on the\n"
        "southern borders between 2021 and 2023. The review was carried out by an independent\n"
        "evaluator between May and August 2023, who visited nine of the offices in person.\n"
        "\n"
        f"{second}\n"
        "The project was funded by two donors, with a total budget of USD 3.2 million for the\n"
        "years 2021 to 2023. A second phase is planned to start in January 2025 and to run for\n"
        "three years, subject to the approval of the donors and of the two governments.\n"
    )
    blocks = [text[b.start : b.end] for it in parse_text(text) for b in it.blocks]
    assert blocks[0] == first and second in blocks
    assert blocks[1].startswith("The review covers") and blocks[1].endswith("in person.")
