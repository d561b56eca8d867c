"""The date and the name of a whole document, read from where such documents state them (thirty-eighth session): a
bulletin's issue line above its dated stories, a letter's reference line under its letterhead, a news page's
"date | views" line, a transcript broken by its speakers' questions, an e-mail thread; a PDF's printed title that
closes with a quote or a bracket."""

from __future__ import annotations

import docgen

from qa.ingest.files import parse_bytes

STORIES = [
    ("Lake district: laboratory dismantled",
     "On 9 May 2024 officers of the Lake District police dismantled a clandestine laboratory and seized 12 kg of "
     "mephedrone and 150 litres of precursors. Three people were detained."),
    ("Coastal province: online shops blocked",
     "In the first half of 2024 the coastal province blocked 420 online shops that sold drugs through messaging "
     "channels, against 310 in the same period of 2023."),
    ("Prices",
     "A gram of mephedrone sold for 30 to 40 dollars in the capital in June 2024."),
]


def test_a_bulletin_is_dated_by_its_issue_line_and_named_by_its_printed_title():
    # the issue's month stands above its first story's day; the title closes with a quotation mark
    data = docgen.issue_pdf("Information bulletin «Drug situation in the Lake Region»",
                            "Issue No. 3, October 2024. Regional Analytical Centre, Port Ellery", STORIES)
    doc = parse_bytes("bulletin_2024_10.pdf", data)
    assert doc.title == "Information bulletin «Drug situation in the Lake Region»"
    assert {item.date for item in doc.items} == {"2024-10"}


def test_a_report_title_ending_in_its_acronym_names_the_pdf():
    data = docgen.issue_pdf("Lake Region Parcel Monitoring Initiative (LRPMI)",
                            "Annual Report 2024. Published 3 February 2025", STORIES[:1])
    doc = parse_bytes("report.pdf", data)
    assert doc.title == "Lake Region Parcel Monitoring Initiative (LRPMI)"
    assert doc.items[0].date == "2025-02-03"


LETTER_RU = """МИНИСТЕРСТВО ВОДНЫХ РЕСУРСОВ И ОХРАНЫ ОЗЁР
ПРИ ПРАВИТЕЛЬСТВЕ ОЗЁРНОЙ ОБЛАСТИ

Исх. № 07-22/118
от 3 октября 2024 г.

Директору Регионального аналитического центра
г. Порт-Эллери

Уважаемый господин Директор!

Министерство предлагает провести совместное совещание по вопросам охраны озёр 14–15 ноября 2024 года в
г. Порт-Эллери. Расходы на проживание участников Министерство берёт на себя.

С уважением,

Заместитель министра                                   А. Б. Озеров
"""

LETTER_EN = """MINISTRY OF WATER RESOURCES AND LAKE PROTECTION
OF THE GOVERNMENT OF THE LAKE REGION

Our ref.: MWR/2024/118, dated 3 October 2024

To the Director of the Regional Analytical Centre, Port Ellery

Dear Director,

The Ministry proposes a joint meeting on the protection of the lakes in Port Ellery on 14-15 November 2024. The
Ministry will cover the participants' accommodation.

Yours sincerely,
A. B. Ozerov, Deputy Minister
"""


def test_a_letter_is_dated_by_its_reference_line_not_by_the_meeting_it_proposes():
    for name, text in (("letter_ru.txt", LETTER_RU), ("letter_en.txt", LETTER_EN)):
        doc = parse_bytes(name, text.encode("utf-8"))
        assert [item.date for item in doc.items] == ["2024-10-03"], name


NEWS_PAGE = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">\
<title>На посту «Озёрный» изъято 12 кг гашиша</title></head>
<body>
<ul class="menu"><li><a href="/">Главная</a></li><li><a href="/press">Пресс-центр</a></li><li><a \
href="/contacts">Контакты</a></li></ul>
<article>
<h1>На посту «Озёрный» изъято 12 кг гашиша</h1>
<div class="meta">14.10.2024 | Просмотров: 2 417</div>
<p>Сотрудники таможенного поста «Озёрный» обнаружили 12 кг гашиша в грузовике, \
перевозившем яблоки из соседней области.</p>
<p>Наркотик был спрятан в 24 брикетах под двойным полом кузова. Водитель задержан, возбуждено уголовное дело.</p>
</article>
<div class="footer">© 2024 Таможенная служба Озёрной области</div>
</body></html>
"""


def test_a_news_page_is_dated_by_its_date_line_with_a_view_counter():
    doc = parse_bytes("news.html", NEWS_PAGE.encode("utf-8"))
    assert [item.date for item in doc.items] == ["2024-10-14"]


TRANSCRIPT = """СТЕНОГРАММА
совещания «Охрана озёр от загрязнения»
г. Порт-Эллери, 5 ноября 2024 г.

ВЕДУЩИЙ (Иван Петров, журналист): Добрый день. Начнём с главного вопроса: насколько выросло загрязнение озёр за
последние пять лет?

ОЗЕРОВ (Андрей Озеров, заместитель министра водных ресурсов): Спасибо. В 2024 году мы проверили 120 озёр, и в
каждом пятом нашли превышение норм по нитратам.

ВЕДУЩИЙ: А что делают сами предприятия?

СИДОРОВА (Мария Сидорова, директор ассоциации предприятий): С 1 марта 2025 года каждое предприятие на берегу
озера обязано будет установить очистные сооружения. Кроме того, мы открываем горячую линию для жителей.

ВЕДУЩИЙ: Господин Озеров, что дальше?

ОЗЕРОВ: В апреле 2025 года министерство опубликует новый план охраны озёр на пять лет.

ВЕДУЩИЙ: Спасибо всем участникам.
"""


def test_a_transcripts_parts_carry_its_date_not_a_deadline_a_speaker_names():
    doc = parse_bytes("transcript.txt", TRANSCRIPT.encode("utf-8"))
    assert len(doc.items) > 1
    assert {item.date for item in doc.items} == {"2024-11-05"}
    assert doc.title.startswith("СТЕНОГРАММА совещания «Охрана озёр от загрязнения»")


THREAD = """From: Anna Berg <a.berg@lakes.example.org>
To: Omar Said <o.said@water.example.org>
Date: Mon, 14 Oct 2024 09:12
Subject: RE: RE: Field course on water sampling - Port Ellery

Dear Omar,

Thank you, the new dates suit us. We confirm the course for 2-4 December 2024 at the Port Ellery field station. We
will send six inspectors.

Best regards,
Anna Berg
Head of Inspections, Lake Region Water Agency

-----Original message-----
From: Omar Said
Sent: Friday, 11 October 2024 16:40
To: Anna Berg
Subject: RE: Field course on water sampling - Port Ellery

Dear Anna,

Unfortunately we have to move the course. The 18-20 November dates clash with the annual audit, so I propose
2-4 December 2024, same venue. The agency's budget for the course is EUR 6,200.

Kind regards,
Omar Said
Programme Officer, Water Programme Office

-----Original message-----
From: Anna Berg
Sent: Monday, 30 September 2024 10:05
To: Omar Said
Subject: Field course on water sampling - Port Ellery

Dear Omar,

Following our meeting in September, I would like to propose a three-day field course on water sampling for our
inspectors in Port Ellery, on 18-20 November 2024. Last year our inspectors took 340 samples.

Best regards,
Anna
"""


def test_an_email_threads_parts_are_dated_by_their_messages_and_it_is_named_by_its_subject():
    doc = parse_bytes("thread.txt", THREAD.encode("utf-8"))
    assert doc.title == "Field course on water sampling - Port Ellery"
    dates = [item.date for item in doc.items]
    # newest first, each message's parts dated by its header: none by the course's dates
    assert set(dates) == {"2024-10-14", "2024-10-11", "2024-09-30"} and dates == sorted(dates, reverse=True)
    confirm = next(item for item in doc.items if "We confirm the course" in doc.text[item.start:item.end])
    assert confirm.date == "2024-10-14"


def test_a_review_of_a_half_year_is_dated_by_the_day_it_says_it_was_published():
    # its title names the period it covers; "Published 30 July 2024" inside a sentence under it is its date
    data = docgen.issue_pdf("Lake Region Seizure Review, January–June 2024",
                            "Prepared by the Regional Analytical Centre. Published 30 July 2024.", STORIES[:1])
    assert parse_bytes("review.pdf", data).items[0].date == "2024-07-30"


def test_a_programmes_day_headings_date_its_days_not_the_first_of_the_month():
    # "Day 1 — 22 October 2024" is 22 October, not a range from the 1st to the 22nd
    html = ("<html><head><title>Lake Region Conference — Programme</title></head><body>"
            "<h1>Lake Region Conference</h1><p>Port Ellery, 22–23 October 2024.</p>"
            "<h2>Day 1 — 22 October 2024</h2><table><tr><th>Time</th><th>Session</th><th>Chair</th></tr>"
            "<tr><td>09:00–10:00</td><td>Opening plenary</td><td>Ms. Ada Wren</td></tr></table>"
            "<h2>Day 2 — 23 October 2024</h2><table><tr><th>Time</th><th>Session</th><th>Chair</th></tr>"
            "<tr><td>09:30–11:30</td><td>Session 3A: Parcels</td><td>Mr. Otto Lind</td></tr></table>"
            "</body></html>")
    doc = parse_bytes("programme.html", html.encode())
    days = {item.title: item.date for item in doc.items if item.title.startswith("Day")}
    assert days == {"Day 1 — 22 October 2024": "2024-10-22", "Day 2 — 23 October 2024": "2024-10-23"}
