"""A hard line break inside a paragraph (a page's <p> wrapped in its source, a <br>, a .txt file wrapped at ~100
characters) neither ends a sentence nor starts a news item or a headline (qa.ingest.wraps, qa.ingest.paragraphs,
qa.ingest.html, qa.ingest.chunking). All documents are invented."""

from __future__ import annotations

import pytest

from qa.ingest.chunking import document_sentences
from qa.ingest.document import Document
from qa.ingest.files import parse_bytes
from qa.ingest.items import parse_text

# A news page whose first story's paragraphs are wrapped in the HTML source, as an editor's tool writes them.
NEWS_RU = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Новости — Северный центр</title></head>
<body>
<header><nav><a href="/">Главная</a> <a href="/news">Новости</a> <a href="/contacts">Контакты</a></nav></header>
<main>
<h1>Новости</h1>
<article>
<h2>Завершена операция «Ледяной перевал – 2024»</h2>
<div class="date">12.11.2024</div>
<p>ВАРН, 12 ноября 2024 г. — Северный региональный центр по борьбе с контрабандой (СРЦ)
подвёл итоги операции «Ледяной перевал – 2024», проходившей с 1 по 31 октября 2024 года.</p>
<p>В ходе операции таможенные органы трёх стран изъяли 870 кг гашиша,
52 кг героина и 9 кг амфетамина. Задержаны 31 человек.</p>
<p>Координацию операции осуществлял директор СРЦ Остап Вереницын. По его словам, крупнейшая партия гашиша
(410 кг) была обнаружена в тайнике рефрижератора на пункте пропуска
«Северный мост».</p>
<figure><img src="op.jpg" alt=""><figcaption>Фото: пресс-служба СРЦ. \
Изъятый гашиш на складе в Варне</figcaption></figure>
</article>
<article>
<h2>В Варне прошёл семинар по досмотру контейнеров</h2>
<div class="date">20.11.2024</div>
<p>С 18 по 19 ноября 2024 года в Варне состоялся семинар по досмотру контейнеров. \
В нём приняли участие 24 сотрудника таможни.</p>
<p>Семинар организован при поддержке Северного фонда. Ведущим тренером выступил эксперт из Норвегии Сигурд Ольсен.</p>
<figure><img src="sem.jpg" alt=""><figcaption>Участники семинара в Варне. Фото пресс-службы СРЦ</figcaption></figure>
</article>
<article>
<h2>Состоялось 7-е заседание Совета директоров СРЦ</h2>
<div class="date">28.11.2024</div>
<p>27 ноября 2024 года в Варне состоялось 7-е заседание Совета директоров Северного регионального центра.</p>
<p>Совет утвердил план работы на 2025 год и назначил заместителем директора СРЦ Марту Ингвальд.</p>
<p>Следующее заседание Совета планируется провести в Скарне в мае 2025 года.</p>
</article>
</main>
<footer><p>© 2024 СРЦ. Все права защищены.</p></footer>
</body></html>
"""

# A page's text as the HTML reader gives it when a <br> broke a story's paragraphs in mid-sentence (trafilatura keeps
# the break as a line break): one paragraph a line otherwise.
NEWS_BR = """Operation Icy Pass 2024 completed
12 November 2024
VARN, 12 November 2024 - The Northern Regional Centre completed Operation Icy Pass 2024, held from 1 to 31 October
2024 in three countries.
The operation was coordinated by Centre Director Ostap Verenitsyn. According to him, the largest consignment of hashish
(410 kg) was found in a cache inside a refrigerated truck at the North Bridge crossing point.
Customs officers of the three countries seized 870 kg of hashish, 52 kg of heroin and 9 kg of amphetamine, and
detained 31 people.
Container inspection seminar held in Varn
20 November 2024
A seminar on container inspection took place in Varn on 18-19 November 2024 with 24 customs officers.
The lead trainer was Sigurd Olsen, an expert from Norway.
"""

# A press release whose <time> line stands under its headline, above a first paragraph wrapped in the source.
RELEASE_RU = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Пресс-релиз: на посту «Каменный брод» пресечена \
контрабанда</title></head>
<body>
<nav><a href="/">Главная</a> · <a href="/press">Пресс-центр</a></nav>
<main>
<h1>На посту «Каменный брод» пресечена контрабанда 260 кг гашиша</h1>
<p><time>14.09.2024</time></p>
<p>13 сентября 2024 года сотрудники таможенного поста «Каменный брод» Таможенной службы Северной области
при досмотре грузового автомобиля, следовавшего из соседней страны, обнаружили 260 кг гашиша.</p>
<p>Наркотик был спрятан в мешках с известью. Водитель, гражданин соседней страны 1981 года рождения, задержан.</p>
<p>Досмотр проводился с использованием рентгеновского комплекса. Возбуждено уголовное дело.</p>
</main>
<footer>Адрес: г. Варн (вымышленный)</footer>
</body></html>
"""

# A plain-text press release hard-wrapped at about 110 characters, paragraphs parted by blank lines.
RELEASE_TXT = """NORTHERN CUSTOMS UNION PRESS RELEASE

Varn, 3 March 2025

Northern Customs Union and the Harbour Authority sign a memorandum on data exchange

The Northern Customs Union (NCU) and the Harbour Authority of the Skarn Islands (HASI) signed a memorandum of
understanding on 2 March 2025 at the NCU headquarters in Varn.

The memorandum was signed by NCU Deputy Director Halvard Brekke and HASI Chairwoman Ingrid Moen. It provides
for the exchange of container manifests through the NCU's risk system and for joint training of port analysts.

Under the memorandum, the first joint harbour operation, code-named "Grey Gull", will target precursor
chemicals, in particular acetic anhydride, on routes from the southern ports to the islands.

A pilot phase will run from April 2025 to October 2025 with a budget of EUR 240,000 provided by the
Nordic Fund.

For more information: press@ncu.example.org
"""


def _items(name: str, text: str):
    doc = parse_bytes(name, text.encode("utf-8"))
    return doc, [(item.title, item.date, [doc.text[b.start : b.end] for b in item.blocks]) for item in doc.items]


def _sentences(name: str, text: str) -> list[str]:
    doc = parse_bytes(name, text.encode("utf-8"))
    return [" ".join(s.text.split()) for s in document_sentences(doc)]


def test_a_paragraph_wrapped_in_the_page_source_stays_in_its_story():
    doc, items = _items("novosti.html", NEWS_RU)
    assert [(title, date) for title, date, _ in items] == [
        ("Завершена операция «Ледяной перевал – 2024»", "2024-11-12"),
        ("В Варне прошёл семинар по досмотру контейнеров", "2024-11-20"),
        ("Состоялось 7-е заседание Совета директоров СРЦ", "2024-11-28"),
    ]
    sentences = _sentences("novosti.html", NEWS_RU)
    assert "Координацию операции осуществлял директор СРЦ Остап Вереницын." in sentences
    assert ("По его словам, крупнейшая партия гашиша (410 кг) была обнаружена в тайнике рефрижератора на пункте "
            "пропуска «Северный мост».") in sentences
    assert ("В ходе операции таможенные органы трёх стран изъяли 870 кг гашиша, 52 кг героина и 9 кг амфетамина."
            in sentences)
    # the lead's sentence is whole after its dateline, not cut at the source's line break
    assert any(s.startswith("Северный региональный центр по борьбе с контрабандой (СРЦ) подвёл итоги")
               for s in sentences)
    assert not any(s.startswith(("подвёл", "(410", "52 кг")) for s in sentences)


def test_a_br_in_mid_sentence_starts_no_item_and_ends_no_sentence():
    items = parse_text(NEWS_BR)
    assert [(item.title, item.date) for item in items] == [
        ("Operation Icy Pass 2024 completed", "2024-11-12"),
        ("Container inspection seminar held in Varn", "2024-11-20"),
    ]
    doc = Document("news.html", NEWS_BR, "", items)
    sentences = [" ".join(s.text.split()) for s in document_sentences(doc)]
    assert ("According to him, the largest consignment of hashish (410 kg) was found in a cache inside a refrigerated "
            "truck at the North Bridge crossing point.") in sentences
    assert any(s.startswith("The Northern Regional Centre completed") and s.endswith("in three countries.")
               for s in sentences)
    assert ("Customs officers of the three countries seized 870 kg of hashish, 52 kg of heroin and 9 kg of "
            "amphetamine, and detained 31 people.") in sentences


def test_a_time_line_under_the_headline_dates_the_one_story_of_a_wrapped_release():
    doc, items = _items("press.html", RELEASE_RU)
    assert len(items) == 1
    title, date, blocks = items[0]
    assert (title, date) == ("На посту «Каменный брод» пресечена контрабанда 260 кг гашиша", "2024-09-14")
    assert blocks[0].startswith("13 сентября 2024 года") and blocks[0].endswith("обнаружили 260 кг гашиша.")
    assert "Наркотик был спрятан в мешках с известью." in _sentences("press.html", RELEASE_RU)


def test_a_hard_wrapped_text_keeps_its_sentences_whole():
    sentences = _sentences("release.txt", RELEASE_TXT)
    assert ('Under the memorandum, the first joint harbour operation, code-named "Grey Gull", will target precursor '
            "chemicals, in particular acetic anhydride, on routes from the southern ports to the islands.") in sentences
    assert ("A pilot phase will run from April 2025 to October 2025 with a budget of EUR 240,000 provided by the "
            "Nordic Fund.") in sentences
    assert ("It provides for the exchange of container manifests through the NCU's risk system and for joint "
            "training of port analysts.") in sentences
    # its header's lines stay apart: the headline names the item, the place-and-date line dates it
    doc, items = _items("release.txt", RELEASE_TXT)
    assert [(title, date) for title, date, _ in items] == [
        ("Northern Customs Union and the Harbour Authority sign a memorandum on data exchange", "2025-03-03"),
    ]
    # the stored text is the file, line breaks and all: every sentence is sliced from it (citations, highlighting)
    assert doc.text == RELEASE_TXT
    assert all(doc.text[s.start : s.end] == s.text for s in document_sentences(doc))


@pytest.fixture(scope="module")
def wrapped(invented_service):
    return invented_service({"release.txt": RELEASE_TXT, "novosti.html": NEWS_RU})


@pytest.mark.slow
@pytest.mark.parametrize(("question", "sentence"), [
    ("What will Operation Grey Gull target?",
     'Under the memorandum, the first joint harbour operation, code-named "Grey Gull", will target precursor '
     "chemicals, in particular acetic anhydride, on routes from the southern ports to the islands."),
    ("Who provides the budget of the Grey Gull pilot phase?",
     "A pilot phase will run from April 2025 to October 2025 with a budget of EUR 240,000 provided by the "
     "Nordic Fund."),
    ("Где была обнаружена крупнейшая партия гашиша в ходе операции «Ледяной перевал – 2024»?",
     "По его словам, крупнейшая партия гашиша (410 кг) была обнаружена в тайнике рефрижератора на пункте "
     "пропуска «Северный мост»."),
])
def test_the_answer_to_a_wrapped_sentence_is_the_whole_sentence(wrapped, question, sentence):
    answer = wrapped.ask(question).answer
    assert answer is not None
    assert sentence in " ".join(answer.text.split())
    assert not answer.cut_after and not answer.cut_before


@pytest.mark.slow
def test_the_wrapped_story_is_one_dated_item_in_a_date_filtered_search(wrapped):
    result = wrapped.ask("Кто координировал операцию «Ледяной перевал – 2024» в ноябре 2024 года?")
    # the story's sentence is found whole, in the dated story (whether the gate answers with it, near its threshold
    # for a Russian question over an English model's index, is not what this test is about)
    best = result.passages[0]
    assert "Координацию операции осуществлял директор СРЦ Остап Вереницын." in best.chunk.text
    assert best.item is not None and best.item.title == "Завершена операция «Ледяной перевал – 2024»"
    assert best.item.date == "2024-11-12"
    assert result.answer is None or "Остап Вереницын" in result.answer.text
    assert not any("without a date" in note for note in result.notes)
