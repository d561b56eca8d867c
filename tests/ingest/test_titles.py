"""Item titles made from leads and document titles (qa/ingest/headlines.py, qa/ingest/titles.py)."""

from __future__ import annotations

from qa.ingest.headlines import TITLE_MAX, lead_title
from qa.ingest.titles import document_title, format_date, html_titles, item_label, site_from_text


def test_lead_title_drops_the_opening_date_and_keeps_the_main_clause():
    lead = (
        "On March 3, 2023, a training on risk profiling was held in Dushanbe to strengthen the skills "
        "of customs officers from the five countries of the region in detecting concealed goods."
    )
    title = lead_title(lead)
    assert title.startswith("A training on risk profiling was held in Dushanbe")
    assert "2023" not in title and len(title) <= TITLE_MAX and not title.endswith("…")


def test_lead_title_drops_a_dateline_and_a_scene_setting_clause():
    lead = (
        "TASHKENT, 5 May 2023 — Under the bilateral work plan for 2023, the customs services of two "
        "countries signed a protocol on the exchange of advance cargo information at the border."
    )
    assert lead_title(lead).startswith("The customs services of two countries signed a protocol")


def test_lead_title_drops_an_aside_before_the_verb():
    lead = (
        "The Regional Border Project (RBP), financed by the Government of Norway, opened its first "
        "field office in Khorog in order to support the border posts along the river."
    )
    assert lead_title(lead) == "The Regional Border Project (RBP) opened its first field office in Khorog"


def test_lead_title_of_a_when_and_where_sentence_uses_the_next_sentence():
    lead = "On 4-5 May 2023, in Geneva, Switzerland. The delegation presented the annual drug report to donors."
    assert lead_title(lead) == "The delegation presented the annual drug report to donors"


def test_short_lead_is_kept_whole_without_its_full_stop():
    assert lead_title("The border post at Dostyk reopened after repairs.") == (
        "The border post at Dostyk reopened after repairs")


def test_long_lead_without_boundaries_is_cut_at_a_word_with_an_ellipsis():
    lead = "The " + " ".join(["very"] * 40) + " long sentence ends here."
    title = lead_title(lead)
    assert title.endswith("…") and len(title) <= TITLE_MAX


def test_html_titles_split_off_the_site_name():
    page = "<html><head><title>Seizure of 40 kg of heroin at the border | Customs Gazette</title></head></html>"
    assert html_titles(page) == ("Seizure of 40 kg of heroin at the border", "Customs Gazette")
    page = ('<html><head><meta property="og:site_name" content="OSCE">'
            '<title>OSCE - Training ends in Osh</title></head></html>')
    assert html_titles(page) == ("Training ends in Osh", "OSCE")
    # a title that is only generic words gives way to the page's main heading
    page = "<html><head><title>News - BORDERNET</title></head><body><h1>New border post opens</h1></body></html>"
    assert html_titles(page) == ("New border post opens", "BORDERNET")


def test_site_from_a_source_line_or_from_the_acronym_every_story_shares():
    assert site_from_text("Headline here\nSource: www.example.org\n\nBody.", ["Body."]) == "example.org"
    stories = [
        "The KRSC director met the ambassador of Japan.",
        "KRSC analysts attended a UNODC seminar in Vienna.",
        "A KRSC delegation visited the border post.",
        "Experts of KRSC trained 20 officers with the OSCE.",
    ]
    assert site_from_text("\n\n".join(stories), stories) == "KRSC"
    # an acronym in only some stories names no site
    assert site_from_text("\n\n".join(stories[:2] + ["Plain story.", "Another one."]),
                          stories[:2] + ["Plain story.", "Another one."]) is None
    # a single story never guesses a site from its acronyms
    assert site_from_text(stories[0], stories[:1]) is None


def test_document_title_order():
    assert document_title("Page title", "Site", [("Item", None)]) == "Page title"
    assert document_title(None, None, [("The only story", "2022-07-19")]) == "The only story"
    assert document_title(None, "KRSC", [("A", "2022-06-29"), ("B", "2022-08-10")]) == "KRSC news"
    assert document_title(None, None, [("A", "2022-06-29"), ("B", "2022-08-10")]) == "News, Jun–Aug 2022"
    assert document_title(None, None, [("A", None), ("B", None)]) == "A"


def test_labels_read_like_citations():
    assert format_date("2022-07-19") == "19 Jul 2022" and format_date("2022-07") == "Jul 2022"
    assert item_label("KRSC news", "A de-briefing was held", "2022-07-19") == (
        "KRSC news, 19 Jul 2022 — A de-briefing was held")
    assert item_label("One story", "One story", "2022-07-19") == "One story (19 Jul 2022)"
    assert item_label("Новости ЦАРИКЦ", "Встреча в Алматы", "2024-03-12") == (
        "Новости ЦАРИКЦ, 12 марта 2024 — Встреча в Алматы")
    assert item_label("Отчёт центра", "Отчёт центра", "2024-03") == "Отчёт центра (март 2024)"


def test_date_words_name_the_month_as_questions_do():
    from qa.ingest.titles import date_words

    assert date_words("2022-07-09") == "9 July 2022"
    assert date_words("2022-07") == "July 2022" and date_words("2022") == "2022" and date_words(None) == ""
