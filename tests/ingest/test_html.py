"""Web pages: the text a page's stories are read from (qa.ingest.html)."""

from __future__ import annotations

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
