"""Page rules: headers, footers and page numbers left out; hyphenated words joined for search."""

from qa.ingest.pages import PAGE_BREAK, from_pages, furniture_lines, page_of, search_text


def test_search_text_joins_words_hyphenated_at_a_line_end_and_keeps_offsets():
    text = "the embank-\nment was raised; the Anglo-\nSaxon name; 1990-\n1995 stays"
    joined = search_text(text)
    assert len(joined) == len(text)
    assert "embankment was raised" in " ".join(joined.split())
    assert "\n" not in joined  # lines of a paragraph read as one run of prose
    # a capital or a digit after the break is a real compound or a range: the hyphen stays
    assert "Anglo- Saxon" in joined and "1990- 1995" in joined
    # text after the joined word is where it was
    i = text.index("raised")
    assert joined[i : i + 6] == "raised"


def test_search_text_keeps_hyphens_inside_a_line():
    assert search_text("a well-known fact\nnext line") == "a well-known fact next line"


def _page(n: int, body: str) -> str:
    return f"Quarterly Bulletin of the Guild\n{body}\nPage {n} of 4"


def test_repeated_header_and_page_numbers_are_furniture_but_body_lines_are_not():
    bodies = ["Alpha line one.", "Beta line two.", "Gamma line three.", "Delta line four."]
    pages = [_page(n, b) for n, b in enumerate(bodies, 1)]
    drops = furniture_lines(pages)
    assert drops == [{0, 2}] * 4


def test_a_long_table_s_rows_atop_each_page_are_content_and_so_is_its_repeated_header_row():
    # the first rows of each page read alike numbers aside, and the header row repeats word for word
    pages = [_page(n, f"Site | Spring | Summer\nSite {n}1 | {n}03 litres | {n}27 litres\nSite {n}2 | {n}16 litres | {n}44 litres")
             for n in range(1, 5)]
    assert furniture_lines(pages) == [{0, 4}] * 4


def test_a_sentence_repeated_in_varying_places_is_kept():
    same = "The same sentence on each page."
    pages = []
    for n in range(4):
        body = [f"Unique line {w} of page {'ABCD'[n]}." for w in "uvwxyz"]
        body.insert(n, same)  # near the top, but never in the same place twice
        pages.append("\n".join(body))
    assert furniture_lines(pages) == [set()] * 4


def test_bare_page_number_at_the_bottom_is_removed_even_once():
    assert furniture_lines(["A real sentence on the only page.\n- 7 -"]) == [{1}]


def test_from_pages_sections_blocks_and_page_offsets():
    pages = [_page(n, b) for n, b in enumerate(
        ["Harbours\nThe north pier is 300 metres long.", "The south pier is older.", "x y z.", "w."], 1)]
    x = from_pages(pages, None)
    assert x.title == "Quarterly Bulletin of the Guild"  # the running header names the document
    assert x.text.count(PAGE_BREAK) == 3 and x.page_count == 4
    first = x.sections[0]
    assert [x.text[s:e] for s, e in first.blocks] == ["Harbours", "The north pier is 300 metres long."]
    for section in x.sections:
        for s, e in section.blocks:
            assert "Page" not in x.text[s:e] and "Bulletin" not in x.text[s:e]
    at = x.text.index("south pier")
    assert x.page_of(at) == 2 and page_of(None, at) is None


def test_a_report_without_a_title_of_its_own_is_named_by_its_first_page_s_heading():
    # no title in the file's metadata and no running header: citations would read "report.pdf"
    first = "Northbridge Water Authority: Annual Report 2023\nPublished on 14 March 2024 in Ashford.\nIt grew."
    x = from_pages([first, "Operations\nThe plant in Ashford treats water."], None)
    assert x.title == "Northbridge Water Authority: Annual Report 2023"
    assert all(s.title == x.title for s in x.sections)
    # a first line that is a sentence, a date, or the page's only line names nothing
    assert from_pages(["The plant in Ashford treats water every day.\nIt grew in 2023."], None).title is None
    assert from_pages(["14 March 2024\nThe plant in Ashford treats water."], None).title is None
    assert from_pages(["Northbridge Water Authority"], None).title is None
