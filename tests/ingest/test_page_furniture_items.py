"""Captions, credits, datelines and headlines in whole invented pages (qa/ingest/paragraphs.py,
qa/ingest/items.py, qa/ingest/files.py): what a user sees as answers, titles and dates."""

from __future__ import annotations

import pytest

from qa.ingest import load_document, parse_text


def block_texts(text, items):
    return [text[b.start : b.end] for it in items for b in it.blocks]


BODY = (
    "The border services of Kazakhstan and Uzbekistan agreed on joint patrols along a 40 km stretch "
    "of the border. The first patrol will leave Zhibek Zholy next week."
)
SECOND = "Officials said the agreement would be reviewed after six months of joint work."


def test_uploaded_news_item_headline_is_the_title_and_the_dateline_only_dates_it():
    text = f"Kazakhstan and Uzbekistan agree on joint border patrols\n\nALMATY, 12 October 2022 — {BODY}\n\n{SECOND}\n"
    [item] = parse_text(text)
    assert item.title == "Kazakhstan and Uzbekistan agree on joint border patrols"
    assert item.date == "2022-10-12"
    blocks = block_texts(text, [item])
    assert blocks[0] == BODY  # no "ALMATY, 12 October 2022 —" in an answer sentence
    assert not any("agree on joint border patrols" in b for b in blocks)  # the headline is no answer
    assert blocks[-1] == SECOND


def test_a_dateline_on_its_own_line_is_not_the_title():
    text = f"ALMATY, 12 October 2022\n\nKazakhstan and Uzbekistan agree on joint border patrols\n\n{BODY}\n"
    [item] = parse_text(text)
    assert item.title == "Kazakhstan and Uzbekistan agree on joint border patrols"
    assert item.date == "2022-10-12"
    assert block_texts(text, [item]) == [BODY]


def test_without_a_headline_the_title_is_made_from_the_lead_after_its_dateline():
    text = f"ASTANA, Kazakhstan, 3 March 2023 — {BODY}\n"
    [item] = parse_text(text)
    assert item.title.startswith("The border services of Kazakhstan and Uzbekistan agreed on joint patrols")
    assert "ASTANA" not in item.title and item.date == "2023-03-03"


def test_a_caption_and_its_credit_inside_a_story_are_dropped_without_splitting_it():
    text = (
        f"Joint patrols start on the border\n\n{BODY}\n\n"
        "Border guards of both countries at the Zhibek Zholy checkpoint\n\nPhoto: Border Service/Anna Lee\n\n"
        f"{SECOND}\n"
    )
    items = parse_text(text)
    assert len(items) == 1
    assert block_texts(text, items) == [BODY, SECOND]


def test_a_caption_with_names_under_the_headline_is_dropped():
    text = (
        "4 March 2024\n\nCustoms officers finish a course on drug detection in Osh\n\n"
        "Officers of the Customs Service of the Kyrgyz Republic during the practical exercise\n\n"
        "Aibek Usenov\n\nMaria Petrova\n\n"
        f"{BODY}\n\n{SECOND}\n"
    )
    [item] = parse_text(text)
    assert item.title == "Customs officers finish a course on drug detection in Osh"
    assert item.date == "2024-03-04"
    assert block_texts(text, [item]) == [BODY, SECOND]


def test_captions_by_cue_and_credits_by_form_are_dropped():
    text = f"{BODY}\n\n(L-R) Aibek Usenov and Maria Petrova sign the protocol\n\n© Border Service 2022\n\n{SECOND}\n"
    assert block_texts(text, parse_text(text)) == [BODY, SECOND]


def test_sentences_that_start_with_a_city_or_mention_a_photo_stay():
    city = "Almaty, the largest city of Kazakhstan, hosted the meeting of the border services in May."
    dash = "Tashkent — the capital of Uzbekistan — sent a delegation of twelve officers."
    photo = "Photos of the seized consignment were shown to the press after the operation."
    photo_by = "Photo by photo, the analysts rebuilt the route that the smugglers had taken."
    copyright_ = "Copyright law was also discussed at the meeting."
    text = "\n\n".join([city, dash, photo, photo_by, copyright_]) + "\n"
    assert block_texts(text, parse_text(text)) == [city, dash, photo, photo_by, copyright_]


def test_documents_get_human_titles(tmp_path):
    stories = [
        f"On {d} June 2022, the KRSC analysts met {who} to discuss the drug situation in the region."
        for d, who in [(3, "the UNODC office"), (10, "the OSCE mission"), (17, "the border guards")]
    ]
    listing = "\n\nRate this item\n\n".join(stories) + "\n"
    (tmp_path / "0a1b2c3d4e5f6a7b.txt").write_text(listing)
    doc = load_document(tmp_path / "0a1b2c3d4e5f6a7b.txt", tmp_path)
    assert len(doc.items) == 3 and doc.site == "KRSC" and doc.title == "KRSC news"
    assert doc.items[0].title == "The KRSC analysts met the UNODC office to discuss the drug situation in the region"

    (tmp_path / "one.txt").write_text(f"Joint patrols start on the border\n\nSource: borders.example.org\n\n{BODY}\n")
    one = load_document(tmp_path / "one.txt", tmp_path)
    assert one.title == "Joint patrols start on the border" and one.site == "borders.example.org"

    page = (
        "<html><head><title>Border news | Frontier Daily</title></head><body>"
        + "".join(f"<h2>Border story number {i} of the week</h2><p>{s}</p>" for i, s in enumerate(stories))
        + "</body></html>"
    )
    (tmp_path / "page.html").write_text(page)
    html_doc = load_document(tmp_path / "page.html", tmp_path)
    assert len(html_doc.items) == 3 and html_doc.items[1].title == "Border story number 1 of the week"
    assert (html_doc.title, html_doc.site) == ("Border news", "Frontier Daily")


def test_a_one_story_html_page_is_called_by_its_title_without_the_site(tmp_path):
    page = (f"<html><head><title>Joint patrols start on the border | Frontier Daily</title></head>"
            f"<body><p>{BODY}</p></body></html>")
    (tmp_path / "story.html").write_text(page)
    doc = load_document(tmp_path / "story.html", tmp_path)
    assert [it.title for it in doc.items] == ["Joint patrols start on the border"]
    assert (doc.title, doc.site) == ("Joint patrols start on the border", "Frontier Daily")


# --- issue 13, pattern 6: more shapes of the same furniture, on invented pages -------------------


def test_a_headline_in_capitals_is_the_title_and_no_answer_sentence():
    text = (f"JOINT PATROLS START ON THE KAZAKH-UZBEK BORDER\n\nALMATY, Kazakhstan, October 12, 2022 — {BODY}\n\n"
            f"{SECOND}\n")
    [item] = parse_text(text)
    assert item.title == "JOINT PATROLS START ON THE KAZAKH-UZBEK BORDER"
    assert item.date == "2022-10-12"
    assert block_texts(text, [item]) == [BODY, SECOND]


def test_a_short_headline_right_above_a_dateline_is_the_title():
    text = f"Border patrols agreed\n\nALMATY (12 October 2022) — {BODY}\n\n{SECOND}\n"
    [item] = parse_text(text)
    assert (item.title, item.date) == ("Border patrols agreed", "2022-10-12")
    assert block_texts(text, [item]) == [BODY, SECOND]


def test_agency_style_credits_and_above_captions_are_dropped():
    text = (
        f"{BODY}\n\n(AP Photo/Anna Lee)\n\nUN Photo/Eskinder Debebe\n\nOSCE photo/John Smith\n\n"
        f"Above: border guards at the Zhibek Zholy checkpoint.\n\n{SECOND}\n"
    )
    assert block_texts(text, parse_text(text)) == [BODY, SECOND]


def test_datelines_that_end_with_a_full_stop_or_a_colon_only_date_the_story():
    for dateline in ("BISHKEK, 15 October 2022. ", "ALMATY, KAZAKHSTAN, 12 October 2022: ",
                     "Dushanbe, Tajikistan: 16 October 2022 — "):
        text = f"{dateline}{BODY}\n"
        [item] = parse_text(text)
        assert block_texts(text, [item]) == [BODY], dateline
        assert item.title.startswith("The border services") and item.date.startswith("2022-10-1")


def test_sentences_like_these_shapes_stay_whole():
    rep = "On 23 June 2005, Rep. Anna Lee wrote to the customs committee about the seizures."
    slash = "The photo/video evidence was shown to the court in Osh."
    above = "Above all, the officers checked every truck at the border."
    caps = "The UNODC and the OSCE trained 40 officers in Almaty."
    text = "\n\n".join([rep, slash, above, caps]) + "\n"
    assert block_texts(text, parse_text(text)) == [rep, slash, above, caps]


# --- tables in web pages: rows are content, not menus ------------------------------------------------

SEIZURES_PAGE = (
    "<html><head><title>Drug seizures by country</title></head><body><article><h1>Drug seizures by country</h1>"
    f"<p>{BODY}</p>"
    "<table><tr><th>Country</th><th>Heroin 2021</th><th>Heroin 2022</th></tr>"
    "<tr><td>Kazakhstan</td><td>1,240 kg</td><td>980 kg</td></tr>"
    "<tr><td>Tajikistan</td><td>3,100 kg</td><td>2,650 kg</td></tr></table>"
    f"<p>{SECOND}</p></article></body></html>"
)


@pytest.mark.parametrize("header_cell", ["th", "td"])  # trafilatura writes a rule row under <th> cells only
def test_a_web_page_table_keeps_its_rows_a_block_each_and_drops_its_rule_row(tmp_path, header_cell):
    page = SEIZURES_PAGE.replace("<th>", f"<{header_cell}>").replace("</th>", f"</{header_cell}>")
    (tmp_path / "seizures.html").write_text(page)
    doc = load_document(tmp_path / "seizures.html", tmp_path)
    blocks = block_texts(doc.text, doc.items)
    assert blocks == [BODY, "| Country | Heroin 2021 | Heroin 2022 |", "| Kazakhstan | 1,240 kg | 980 kg |",
                      "| Tajikistan | 3,100 kg | 2,650 kg |", SECOND]


def test_a_menu_of_pipes_is_still_furniture():
    text = f"Home | About | Contact | News\n\n{BODY}\n"
    assert block_texts(text, parse_text(text)) == [BODY]


def test_a_plain_texts_table_keeps_its_rows_a_block_each():
    # a report exported to text parts its cells by bars with none at either end; one cell at least is a figure
    rows = ["Port | Cocaine | Cannabis | Total", "Wenlow | 412 | 96 | 508", "Port Ellery | 118 | 340 | 458"]
    text = f"{BODY}\n\n" + "\n".join(rows) + f"\n\n{SECOND}\n"
    assert block_texts(text, parse_text(text)) == [BODY, *rows, SECOND]


def test_a_menu_of_two_lines_of_pipes_is_still_furniture():
    text = f"Home | About | Contact\nNews | Events | Jobs\n\n{BODY}\n"
    assert block_texts(text, parse_text(text)) == [BODY]
