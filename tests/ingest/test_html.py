"""Web pages: the text a page's stories are read from (qa.ingest.html)."""

from __future__ import annotations

import pytest

from qa.ingest.files import parse_bytes

# a news page of three stories, each an <article> with its headline, date, picture and caption
STORY = """<article><h2>{title}</h2><p class="date">{date}</p>
<figure><img src="p.jpg"><figcaption>{caption}</figcaption></figure>
<p>{lead}</p>
<p>{more}</p>
</article>"""
PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Harbour News - Skarn Island Council</title></head>"
        "<body><header><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav></header><main><h1>News</h1>"
        + "".join(STORY.format(**s) for s in [
            dict(title="New pilot station opens in Skarn", date="15 January 2024",
                 caption="Pilots at the opening of the station. Photo: Island Council / Mara Venn",
                 lead="A new pilot station opened in Skarn on 15 January 2024. It was built with funding of EUR "
                      "850,000 from the harbour fund under the Safe Waters programme.",
                 more="The station can train up to 40 pilots a year. The first course, for 12 pilots of the "
                      "ferry company, started on 22 January 2024."),
            dict(title="Wenlow and Tarrow agree on joint patrols", date="2 February 2024",
                 caption="Harbour masters sign the protocol in Wenlow.",
                 lead="The harbour offices of Wenlow and Tarrow signed a protocol in Wenlow on 1 February 2024 on "
                      "joint patrols of their common strait.",
                 more="Under the protocol, the two offices will share up to 20 patrol boats during the summer."),
            dict(title="Tarrow coast guards complete a rescue course", date="20 February 2024",
                 caption="Coast guards during the exercise.",
                 lead="Twenty coast guards of Tarrow completed a five-day rescue course in Ellery on 19 February "
                      "2024, run by the Skarn harbour office.",
                 more="The course covered towing, first aid and night searches."),
        ])
        + "</main><footer>Contact us</footer></body></html>")


def test_every_story_of_a_news_page_keeps_its_headline_and_date():
    doc = parse_bytes("news.html", PAGE.encode())
    # the first story's headline was lost: its item was named after its lead sentence and a "canine" question
    # was told no document mentions what the headline says
    assert [item.title for item in doc.items] == [
        "New pilot station opens in Skarn", "Wenlow and Tarrow agree on joint patrols",
        "Tarrow coast guards complete a rescue course"]
    assert [item.date for item in doc.items] == ["2024-01-15", "2024-02-02", "2024-02-20"]
    assert "New pilot station opens in Skarn" in doc.text


# A news list in <main> whose stories' dates are bare <div>s: trafilatura keeps a <div>'s text only while a page
# has little <p> text, so on a page this long it dropped every date, and the page's "News" heading stood over
# the first story's headline, which opens with a figure
LIST_STORY = """<div class="news-item">
<h2><a href="/news/{n}">{title}</a></h2>
<div class="date">{date}</div>
<p>{lead}</p>
<p>{more}</p>
<a href="/news/{n}" class="more">Read more</a>
</div>"""
LIST_PAGE = ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>News | Skarn Harbour Office</title>"
             "</head><body><header><div class='logo'>Skarn Harbour Office</div><nav><a href='/'>Home</a> "
             "<a href='/news'>News</a> <a href='/contacts'>Contacts</a></nav></header><main><h1>News</h1>"
             + "".join(LIST_STORY.format(n=n, **s) for n, s in enumerate([
                 dict(title="12th meeting of the Harbour Board held in Skarn", date="12 October 2023",
                      lead="The 12th meeting of the Harbour Board took place in Skarn on 10-11 October 2023 with "
                           "delegations from all five island councils and observers from the ferry company.",
                      more="The Board approved the dredging plan for 2024 and decided to hold its next meeting "
                           "in Wenlow in the spring. The harbour master reported that 14,200 vehicles crossed the "
                           "strait on the ferries in the first nine months of 2023."),
                 dict(title="Harbour master meets the Tarrow coast guard", date="3 July 2023",
                      lead="Harbour master Ilse Marrow met the head of the Tarrow coast guard, Captain Oren Vale, "
                           "in Skarn to discuss joint night patrols of the strait.",
                      more="The sides agreed to organise a joint rescue exercise for 30 crew members in the "
                           "autumn of 2023 and to share the radar pictures of the strait every night."),
                 dict(title="Radar course held at the harbour office", date="20 February 2023",
                      lead="A five-day course on coastal radar ended at the harbour office in Skarn on 17 "
                           "February 2023.",
                      more="Eighteen pilots from Skarn, Wenlow and Tarrow took part. The course was taught by "
                           "instructors of the Ellery naval school, who left two radar simulators with the office."),
             ]))
             + "<div class='pagination'><a href='?page=1'>1</a> <a href='?page=2'>2</a> Next »</div></main>"
             "<footer>Skarn Harbour Office, Quay Street 4, Skarn. © 2023</footer></body></html>")


def test_each_story_of_a_news_list_is_dated_by_its_own_date_line():
    doc = parse_bytes("news.html", LIST_PAGE.encode())
    # the first story was named "News" and undated; the others were dated by the course's or meeting's day
    # in their text (17 February) rather than the day the page lists them under (20 February)
    assert [item.title for item in doc.items] == [
        "12th meeting of the Harbour Board held in Skarn", "Harbour master meets the Tarrow coast guard",
        "Radar course held at the harbour office"]
    assert [item.date for item in doc.items] == ["2023-10-12", "2023-07-03", "2023-02-20"]
    assert "\nNews\n" not in "\n" + doc.text[doc.items[0].start:]  # the page's heading is no story's text


ARTICLE = ("<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title} - Island Customs</title>"
           "</head><body><header><div class='top'>Island Customs | <a href='/login'>Login</a></div></header><main>"
           "<div class='crumbs'>Home > Newsroom > 2024</div><h1>{title}</h1><div class='published'>{published}</div>"
           "<figure><img src='a.jpg'><figcaption>{caption}</figcaption></figure>{paras}</main>"
           "<footer>© 2024 Island Customs</footer></body></html>")


@pytest.mark.parametrize("lang, title, published, caption, paras, date", [
    ("en", "Regional workshop on ferry safety held in Wenlow", "Published: 20 May 2024",
     "Participants of the workshop in Wenlow. Photo: Wenlow harbour office",
     ["From 14 to 16 May 2024, the Island Customs held a regional workshop on ferry safety in Wenlow under its "
      "Safe Waters programme.",
      "The workshop brought together 36 officers from Skarn, Wenlow, Tarrow and Ellery.",
      "According to figures presented at the workshop, in the first quarter of 2024 the officers inspected 3,400 "
      "vehicles on the ferries, twice as many as a year before.",
      "The workshop was opened by Mara Venn, Director of the Island Customs, and by Oren Vale, head of the "
      "Tarrow coast guard.",
      "The participants agreed to exchange information on suspicious cargo through a common register.",
      "The workshop was funded by the Safe Waters programme, which has been extended until June 2025 with a "
      "budget of EUR 2.1 million. Its next workshop, on dangerous goods, will be held in Tarrow in the autumn."],
     "2024-05-20"),
    ("ru", "Семинар по безопасности паромов прошёл в Уэнлоу", "Опубликовано: 20 мая 2024",
     "Участники семинара в Уэнлоу. Фото: портовая служба",
     ["С 14 по 16 мая 2024 года Островная таможня провела в Уэнлоу региональный семинар по безопасности паромов "
      "в рамках программы «Безопасные воды».",
      "В семинаре приняли участие 36 сотрудников из Скарна, Уэнлоу, Тарроу и Эллери.",
      "По данным, представленным на семинаре, в первом квартале 2024 года сотрудники досмотрели 3400 "
      "автомобилей на паромах, вдвое больше, чем годом ранее.",
      "Семинар открыли директор Островной таможни Мара Венн и начальник береговой охраны Тарроу Орен Вейл.",
      "Участники договорились обмениваться сведениями о подозрительных грузах через общий реестр."],
     "2024-05-20"),
], ids=["en", "ru"])
def test_a_pages_publication_line_dates_its_story(lang, title, published, caption, paras, date):
    page = ARTICLE.format(lang=lang, title=title, published=published, caption=caption,
                          paras="".join(f"<p>{p}</p>" for p in paras))
    doc = parse_bytes("workshop.html", page.encode())
    # it was dated by the workshop's first day in its text (14 May), not by the page's publication line
    assert [(item.title, item.date) for item in doc.items] == [(title, date)]


def test_a_date_in_the_pages_header_or_sidebar_does_not_date_its_story():
    paras = ["From 14 to 16 May 2024, the Island Customs held a regional workshop on ferry safety in Wenlow under "
             "its Safe Waters programme, with 36 officers from Skarn, Wenlow, Tarrow and Ellery."] * 1 + [
             f"Session {n} of the workshop covered the inspection of vehicles, cargo and passengers on the ferries "
             f"of the strait, with exercises on board." for n in range(1, 7)]
    page = ARTICLE.format(lang="en", title="Regional workshop on ferry safety held in Wenlow", published="",
                          caption="Participants of the workshop.", paras="".join(f"<p>{p}</p>" for p in paras))
    # today's date in the page's top bar, and a sidebar of dated links after the story
    page = page.replace("<div class='top'>", "<div class='top'><div class='today'>Monday, 6 December 2026</div>")
    page = page.replace("</main>", "</main><aside>" + "".join(
        f"<div><a href='/n{n}'>Ferry timetable changes for the winter season</a></div><div>{n} March 2024</div>"
        for n in range(1, 6)) + "</aside>")
    doc = parse_bytes("workshop.html", page.encode())
    assert [item.date for item in doc.items] == ["2024-05-14"]



def _programme(first: str, second: str) -> str:
    """A forum's programme: two tables under one header, each below its heading, long enough that trafilatura
    weighs the page as a table and drops the headings."""
    row = "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
    head = "<tr><th>Time</th><th>Session</th><th>Room</th><th>Speakers</th></tr>"
    plenary = "".join(row.format(f"{9 + i}:00-{9 + i}:45", f"Session {i}: Inspection of ferry cargo, part {i}",
                                 f"Hall {'ABCDEF'[i]}", f"Ms. Mara Venn, Skarn Harbour Office; Mr. Oren Vale, {i}")
                      for i in range(1, 6))
    workshops = "".join(row.format(f"{9 + i}:00-{9 + i}:45", f"Session {i + 5}: Night searches at sea, part {i}",
                                   f"Room {i}", f"Dr. Ilse Marr, Ellery Forensic Centre, speaker {i}") for i in (1, 2))
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ferry safety forum: Programme</title>"
            "</head><body><h1>Regional Forum on Ferry Safety</h1>"
            "<p>Programme. Wenlow, 3-4 June 2025. Venue: Harbour Congress Centre.</p>"
            "<p>The forum is organised by the Skarn Harbour Office with the support of the Island Council.</p>"
            f"<h2>{first}</h2><table>{head}{plenary}</table><h2>{second}</h2><table>{head}{workshops}</table>"
            "<p>Working languages: English and Russian, with interpretation.</p></body></html>")


def test_a_heading_over_a_table_keeps_its_place_in_the_text():
    # trafilatura drops a heading right above a table: which part of the programme a row is in was lost, and the two
    # tables ran together under one header
    doc = parse_bytes("forum.html", _programme("Plenary sessions", "Workshops").encode())
    lines = [line.strip() for line in doc.text.splitlines()]
    first = next(i for i, line in enumerate(lines) if line.startswith("| 10:00-10:45 | Session 1:"))
    second = next(i for i, line in enumerate(lines) if line.startswith("| 10:00-10:45 | Session 6:"))
    assert lines.index("Plenary sessions") < first < lines.index("Workshops") < second
    # the page is still one story, called by its <h1>
    assert [item.title for item in doc.items] == ["Regional Forum on Ferry Safety"]


def test_a_programmes_day_headings_date_its_parts_and_its_h1_names_the_first():
    # "Day 2, 4 June 2025" above the second day's table was lost: no session could be cited with its day
    doc = parse_bytes("forum.html", _programme("Day 1, 3 June 2025", "Day 2, 4 June 2025").encode())
    assert [(item.title, item.date) for item in doc.items] == [
        ("Regional Forum on Ferry Safety", "2025-06-03"), ("Day 1, 3 June 2025", "2025-06-03"),
        ("Day 2, 4 June 2025", "2025-06-04")]
    second = doc.items[2]
    assert "| 10:00-10:45 | Session 6:" in doc.text[second.start:second.end]


def test_a_glossary_s_term_is_read_on_its_definition_s_line():
    # apart, "- Swallower" is a line that says nothing and its definition one that does not say what it defines
    page = ("<html><head><title>Glossary</title></head><body><h1>Glossary of terms</h1>"
            "<p>This glossary explains the terms used in the Bureau's bulletins and reports.</p><dl>"
            "<dt>Swallower</dt><dd>A courier who carries drugs inside the body in swallowed capsules.</dd>"
            "<dt>Mirror statistics<dd>A comparison of one country's exports with its partner's imports."
            "<dt>Pre-export notification</dt><dd>A notice sent before a shipment leaves; abbreviated <b>PEN</b>.</dd>"
            "</dl><p>Last revised in January 2025 by the Analytical Unit.</p></body></html>")
    lines = [line.lstrip("- ").strip() for line in parse_bytes("glossary.html", page.encode()).text.splitlines()]
    assert "Swallower — A courier who carries drugs inside the body in swallowed capsules." in lines
    assert "Mirror statistics — A comparison of one country's exports with its partner's imports." in lines
    assert "Pre-export notification — A notice sent before a shipment leaves; abbreviated PEN." in lines
    assert "Swallower" not in lines
