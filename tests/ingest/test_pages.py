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
    pages = [_page(n, f"Site | Spring | Summer\nSite {n}1 | {n}03 litres | {n}27 litres\n"
                      f"Site {n}2 | {n}16 litres | {n}44 litres")
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


def test_a_report_whose_first_page_prints_its_full_title_is_named_by_it_not_by_the_later_pages_header():
    # the pages after the first carry a short form of the title as their running header
    header = "UNODC Programme for Central Asia - Border Liaison Office Review 2023"
    first = ("Review of Border Liaison Offices on the Tajik-Afghan Border, 2021-2023\n"
             "The offices were set up in 2021 on both sides of the border.")
    later = [f"{header}\nThe office in Termez reported {n} joint checks.\n{n + 1}" for n in (2, 3)]
    assert from_pages([first, *later], None).title == ("Review of Border Liaison Offices on the Tajik-Afghan Border, "
                                                       "2021-2023")
    # a first page that opens on a section's heading, not on the title, keeps the running header's name
    first = "Executive summary\nThe offices were set up in 2021 on both sides of the border."
    assert from_pages([first, *later], None).title == header


def _blocks(page: str) -> list[str]:
    x = from_pages([page], None)
    return [x.text[s:e] for section in x.sections for s, e in section.blocks]


# A paragraph as a writer wraps it: every line runs the full width, and three of them go on with a name or a
# figure, as a report on delegations, offices and sums does on every page.
WRAPPED_NAMES = (
    "The de-briefing was attended by 40 representatives from the delegations of UNODC, the\n"
    "United States, the Kingdom of the Netherlands, Italy, Azerbaijan, Kazakhstan, Kyrgyzstan,\n"
    "Tajikistan and Uzbekistan, as well as in the online format over 80 employees of the\n"
    "competent authorities of the participating states and CARICC observers, international\n"
    "organizations.\n"
    "In 2023 the network of Border Liaison Offices in Central Asia was expanded from 28 to\n"
    "34 offices. The programme was led by Ms. Aigerim Nurlanovna, the Regional Programme\n"
    "Coordinator based in Bishkek. Total funding for the year amounted to USD 4.2 million,\n"
    "contributed mainly by the Government of Japan and the European Union."
)


def test_a_paragraph_whose_lines_go_on_with_names_and_figures_is_not_cut_into_rows():
    blocks = _blocks(WRAPPED_NAMES)
    # each paragraph one block, so each sentence is whole: "… expanded from 28 to 34 offices."
    assert [" ".join(b.split()) for b in blocks] == [" ".join(p.split()) for p in (
        WRAPPED_NAMES[: WRAPPED_NAMES.index("In 2023")], WRAPPED_NAMES[WRAPPED_NAMES.index("In 2023"):])]


def test_short_lines_going_on_with_capitals_are_still_rows_beside_full_prose():
    # a table whose cells no reader parted: short, ragged lines, each followed by a capital or a figure
    page = (
        "The table below lists the crossing points that were upgraded during the year, with\n"
        "the agency in charge of each one and the number of lanes that were opened there.\n"
        "Kordai Border Service 8\n"
        "Farap State Customs 4\n"
        "Oybek Border Troops 6\n"
        "All works were handed over to the national services by the end of December 2024."
    )
    blocks = _blocks(page)
    assert "Kordai Border Service 8" in blocks and "Farap State Customs 4" in blocks
    assert "Oybek Border Troops 6" in blocks


def test_a_table_of_contents_keeps_a_line_an_entry_however_long():
    entries = [f"{n} Chapter number {n} of the guide . . . . . . . . . . . . . . . . . . . . . . . . . {n * 4}"
               for n in range(1, 6)]
    page = "Contents\n" + "\n".join(entries) + "\nThe guide was written in 2023 by the staff of the centre."
    blocks = _blocks(page)
    assert all(entry in blocks for entry in entries)


def test_a_heading_on_a_page_of_short_lines_is_a_block_of_its_own():
    # a list and a code sample make most lines short: a heading is short against a full line, not the median one
    page = (
        "The parser reads every definition of the module and checks each name against the ones before it.\n"
        "2.2 Naming\n"
        "Consider this definition of a structure with three members and a version number:\n"
        "• INTEGER;\n• BOOLEAN;\n• NULL;\n• BIT STRING;\n• OCTET STRING;\n• UTCTime;"
    )
    assert "2.2 Naming" in _blocks(page)


def test_a_line_that_stops_short_before_a_capital_ends_its_block():
    # a headline over two lines, its second stopping short with no full stop, then the story: "Officers" would have
    # fitted on the headline's line, so its writer broke the line there, and the story is no part of the headline
    headline = ("Kyrgyz Republic strengthens capacities in combatting illicit trafficking of small arms and\n"
                "light weapons, ammunition and explosives with the support of the OSCE")
    story = ("Officers of the Border Guard Service of the Kyrgyz Republic completed a course in Osh, where they\n"
             "trained for five days with experts from INTERPOL and the OSCE Conflict Prevention Centre.")
    assert _blocks(headline + "\n" + story) == [headline, story]


def test_a_sentence_broken_by_hand_before_a_lower_case_word_stays_one_block():
    page = ("Everyone is permitted to copy and distribute verbatim copies\n"
            "of this license document, but changing it is not allowed, and nobody may sell it for a fee.\n"
            "The licence was first published by the foundation in the year two thousand and two.")
    sentence = page[: page.index("fee.") + 4]
    assert any(sentence in block for block in _blocks(page))


# Minutes' decisions as a PDF prints them: the list's introduction and the first item run the full line, and an
# item closes with no full stop, so nothing but the bullet or the number says where the next one starts.
DECISIONS = (
    "The working group agreed the following decisions at its meeting in Almaty, after a long discussion of\n"
    "the results of the previous year and of the plans for the next one, as recorded by the secretariat:\n"
    "• Customs services of the five states will exchange data on seizures of precursors every month\n"
    "through the CARICC secure channel, starting in April 2024\n"
    "• The next meeting will be held in Tashkent in October 2024\n"
    "1. Kazakhstan will host the regional training centre for canine units, which will open in 2025 in\n"
    "Almaty region and train the canine handlers of the five states in searching cargo and passengers\n"
    "2. The budget of the project is 2.4 million US dollars"
)


def test_each_item_of_a_bulleted_or_numbered_list_is_a_paragraph_of_its_own():
    lines = DECISIONS.split("\n")
    assert _blocks(DECISIONS) == [
        "\n".join(lines[0:2]), "\n".join(lines[2:4]), lines[4], "\n".join(lines[5:7]), lines[7]]


def test_a_wrapped_line_that_goes_on_with_a_number_out_of_a_list_s_count_is_prose():
    page = ("With this instruction the value must be the null terminated string NEW and its length must not be\n"
            "0. With this instruction another element is appended in the sequence, and its name will be the next one\n"
            "in the order of the elements that were appended before it to the same sequence of the structure.")
    assert _blocks(page) == [page]


# A sentence over a page break: the page's footer and the next page's running header sit between its halves.
_FULL = "The evaluator recommends that the mentoring programme be extended to the office in Ayvadj by the"


def _broken(*bodies: str) -> list[str]:
    n = len(bodies)
    return [f"Border Liaison Office Review 2023\n{body}\nPage {k} of {n}" for k, body in enumerate(bodies, 1)]


def _paged_blocks(x) -> list[tuple[int, str]]:
    return [(sec.page, x.text[s:e]) for sec in x.sections for s, e in sec.blocks]


def test_a_sentence_over_a_page_break_is_one_paragraph_cited_on_the_page_where_it_starts():
    x = from_pages(_broken(f"Cooperation\n{_FULL}", "end of 2024, with a template for monthly reports.\nFunding\n"
                           "The project was funded by Japan."), None)
    page, block = _paged_blocks(x)[1]
    assert page == 1 and block.startswith("The evaluator") and block.endswith("monthly reports.")
    assert "Page 1 of 2" in block  # the stored text is the pages as printed
    start = x.text.index("The evaluator")
    read = " ".join(search_text(x.text)[start : start + len(block)].split())
    # read for search, sentences and answers without the footer and header between its halves
    assert read == _FULL + " end of 2024, with a template for monthly reports."
    assert _paged_blocks(x)[2:] == [(2, "Funding"), (2, "The project was funded by Japan.")]
    assert x.sections[1].start == x.text.index("Funding")  # the next page's section starts after it


def test_a_sentence_goes_on_with_a_figure_after_a_word_that_cannot_end_it():
    rose = "In 2023 the number of women among the trained officers of the offices rose from 6 to"
    x = from_pages(_broken(f"Staffing\n{rose}", "19 of 210.\nFunding\nThe project was funded by Japan."), None)
    assert _paged_blocks(x)[1] == (1, f"{rose}\nPage 1 of 2\n\f\nBorder Liaison Office Review 2023\n19 of 210.")
    assert _paged_blocks(x)[2:] == [(2, "Funding"), (2, "The project was funded by Japan.")]


def test_no_paragraph_goes_on_from_a_heading_a_table_or_into_a_heading():
    # the page ends with a heading, with a table's row, or the next page opens on a heading: no join
    ends_with_heading = from_pages(_broken("The pier is old.\nOutlook", "plans for the pier are due in May."), None)
    assert (1, "Outlook") in _paged_blocks(ends_with_heading)
    assert (2, "plans for the pier are due in May.") in _paged_blocks(ends_with_heading)
    ends_with_row = from_pages(_broken("Office | Heroin (kg)\nTermez | 205", "seized in 2023 by the office."), None)
    assert (2, "seized in 2023 by the office.") in _paged_blocks(ends_with_row)
    into_heading = from_pages(_broken(f"Cooperation\n{_FULL}", "Funding\nThe project was funded by Japan."), None)
    assert (1, _FULL) in _paged_blocks(into_heading) and (2, "Funding") in _paged_blocks(into_heading)
    # a list's item that closes with no full stop (here the page's fullest line) before a capital goes on with nothing
    item = from_pages(_broken("Findings\n• Radio equipment was delivered to all offices", "Staff turnover was high."),
                      None)
    assert (2, "Staff turnover was high.") in _paged_blocks(item)


def test_a_word_hyphenated_over_a_page_break_is_read_whole():
    x = from_pages(_broken(f"Reservoirs\n{_FULL[:-7]} embank-", "ment was raised by four metres in 2023."), None)
    start = x.text.index("The evaluator")
    block = next(x.text[s:e] for sec in x.sections for s, e in sec.blocks if s == start)
    assert block.endswith("embank-\nPage 1 of 2\n\f\nBorder Liaison Office Review 2023\nment was raised by four "
                          "metres in 2023.")
    assert "in Ayvadj embankment was raised" in " ".join(search_text(x.text)[start : start + len(block)].split())


def test_a_report_whose_running_header_names_its_publisher_is_named_by_its_first_page_s_heading():
    # every page opens with the agency's name; the first page's heading names the report and the year it covers, which
    # is what a citation and a question's year ("… in 2023?") read
    header = "Wenlow Drug Control Service of the Ministry of the Interior"
    first = (f"{header}\nANNUAL REPORT ON THE DRUG SITUATION IN WENLOW FOR 2023\nAshford, 15 February 2024\n"
             "1. Overview\nIn 2023 the services seized 14 286 kg of drugs.\n1")
    later = [f"{header}\nThe office in Termez reported {n} joint checks.\n{n}" for n in (2, 3)]
    assert from_pages([first, *later], None).title == "ANNUAL REPORT ON THE DRUG SITUATION IN WENLOW FOR 2023"
    # a header naming the document keeps its place over a first heading that names the publisher
    header = "Wenlow Half-Year Report H1 2024"
    first = (f"{header}\nWenlow Regional Information and Coordination Centre\nIn the first half the services "
             "seized 1 286 kg of drugs.\n1")
    later = [f"{header}\nThe office in Termez reported {n} joint checks.\n{n}" for n in (2, 3)]
    assert from_pages([first, *later], None).title == header
