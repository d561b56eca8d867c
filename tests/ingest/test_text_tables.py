"""A PDF table drawn with no rule is read a row a line too, its columns found in the gaps its text leaves; prose and
lists that leave gaps stay as they were."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import docgen
import pytest

from qa.ingest.pdf import read_pdf
from qa.ingest.readers import CELL_SEPARATOR

ROWS = [CELL_SEPARATOR.join(row) for row in docgen.WRAPPED_TABLE]
PROSE = (
    "The Harrow Valley Water Board supplies drinking water to the towns of the valley, and it has done so since "
    "the reservoirs were built in the last century. The board serves households from three pumping stations, and "
    "its engineers inspect every station twice a year, in spring and in autumn, before the summer demand begins. "
    "The reports of those inspections are published on the website of the board within a month of each visit."
)

# lines a reader may take for a table's rows (qa.ingest.pages.row_lines), so the page is looked at for tables
CONTENTS = ["Contents", "Joint operations", "Seizures", "Training"]


def _lines(data: bytes) -> list[str]:
    return read_pdf(data).text.splitlines()


@pytest.mark.parametrize("align, v_align", [("JUSTIFY", "MIDDLE"), ("LEFT", "MIDDLE"), ("LEFT", "TOP")])
def test_a_table_without_rules_whose_cells_wrap_is_read_a_row_a_line(align, v_align):
    lines = _lines(docgen.wrapped_table_pdf("NONE", align=align, v_align=v_align))
    at = lines.index("The centre coordinated three joint operations in 2023.")
    assert lines[at + 1 : at + 1 + len(ROWS)] == ROWS
    assert lines[at + 1 + len(ROWS)] == "The centre will report on the operations of 2024 next spring."


# a table whose header and last row wrap too (the last row's first cell, one line, is centred below the first line
# of the others)
OPERATIONS = [("Operation", "Agencies of the member states taking part, and observers", "Seized"),
              *docgen.WRAPPED_TABLE[1:],
              ("Mountain Pass", "Border troops of Tajikistan and Kyrgyzstan",
               "412 kg of cannabis resin and 30 kg of hashish")]


def _captioned_table(borders: str, v_align: str) -> list[str]:
    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    docgen._lines(pdf, ["Joint operations", "Table 1"])
    docgen.pdf_table(pdf, OPERATIONS, (45, 70, 50), borders=borders, v_align=v_align)
    docgen._lines(pdf, ["Source: national reports"])
    return _lines(bytes(pdf.output()))


@pytest.mark.parametrize("v_align", ["MIDDLE", "TOP"])
def test_a_caption_over_a_table_without_rules_and_a_note_under_it_stay_lines_of_their_own(v_align):
    lines = _captioned_table("NONE", v_align)
    at = lines.index("Table 1")
    assert lines[at - 1 : at + len(OPERATIONS) + 2] == [
        "Joint operations", "Table 1", *(CELL_SEPARATOR.join(row) for row in OPERATIONS), "Source: national reports"]


@pytest.mark.parametrize("borders", ["HORIZONTAL_LINES", "BANDED"])
@pytest.mark.parametrize("v_align", ["MIDDLE", "TOP"])
def test_rows_that_the_rules_leave_out_are_their_tables_rows(borders, v_align):
    # rules between the rows leave the header above the first and the last row below the last; shaded rows
    # leave out the unshaded last row: each is read with the table's columns
    lines = _captioned_table(borders, v_align)
    at = lines.index("Table 1")
    assert lines[at + 1 : at + len(OPERATIONS) + 2] == [
        *(CELL_SEPARATOR.join(row) for row in OPERATIONS), "Source: national reports"]


@pytest.mark.parametrize("borders", ["ALL", "NONE", "HORIZONTAL_LINES", "SINGLE_TOP_LINE", "MINIMAL", "INTERNAL",
                                     "NO_HORIZONTAL_LINES"])
def test_a_table_under_a_shaded_header_keeps_its_rows_whole_under_every_ruling(borders):
    # fpdf2's seven rulings, the header row shaded cell by cell (its cells are outlined: a grid of their own);
    # before, NONE and SINGLE_TOP_LINE kept no row of five whole, HORIZONTAL_LINES two
    from fpdf.fonts import FontFace

    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    docgen._lines(pdf, ["Joint operations", "The centre coordinated four joint operations in 2023."])
    with pdf.table(col_widths=(45, 70, 50), width=165, text_align="LEFT", borders_layout=borders,
                   headings_style=FontFace(fill_color=(200, 210, 230))) as table:
        for row in OPERATIONS:
            cells = table.row()
            for value in row:
                cells.cell(value)
    lines = _lines(bytes(pdf.output()))
    at = lines.index("The centre coordinated four joint operations in 2023.")
    assert lines[at + 1 : at + 1 + len(OPERATIONS)] == [CELL_SEPARATOR.join(row) for row in OPERATIONS]


def test_a_two_column_table_without_rules_keeps_its_wrapped_values_whole():
    rows = [("Indicator", "Value in 2023"),
            ("Officers trained at the regional centre", "1,180 officers from five countries, 40 % of them women"),
            ("Joint operations", "three, the largest of them on the Caspian Sea coast"),
            ("Seizures of heroin", "1,240 kg, the most since the centre opened in 2009")]
    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    docgen._lines(pdf, ["Key figures", "The table gives the centre's key figures for the year."])
    docgen.pdf_table(pdf, rows, (60, 60), borders="NONE", align="LEFT")
    docgen._lines(pdf, ["The figures for 2024 follow in the next report."])
    lines = _lines(bytes(pdf.output()))
    assert [CELL_SEPARATOR.join(r) for r in rows] == [line for line in lines if CELL_SEPARATOR in line]


def test_two_columns_of_prose_written_line_across_line_are_no_table():
    # a writer that writes a two-column page a printed line at a time, left column then right
    left, right = textwrap.wrap(PROSE, 45), textwrap.wrap(PROSE.replace("Harrow", "Caldmere"), 45)
    pdf = docgen._pdf(header="Harrow Valley Water Board Bulletin")
    pdf.add_page()
    for a, b in zip(left, right):
        y = pdf.get_y()
        pdf.set_xy(10, y)
        pdf.cell(90, 6, a)
        pdf.set_xy(110, y)
        pdf.cell(90, 6, b, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    docgen._lines(pdf, CONTENTS)
    text = read_pdf(bytes(pdf.output())).text
    assert CELL_SEPARATOR not in text
    assert text.splitlines()[1].startswith(left[0])


@pytest.mark.parametrize("mark", ["•", "{n}.", "({n})"])
def test_a_list_with_a_hanging_indent_is_no_table(mark):
    items = ["Border and customs services of Kazakhstan, Kyrgyzstan and Tajikistan took part in the operation, "
             "with observers from the regional centre and the OSCE.",
             "Drug control agencies of Kazakhstan and Uzbekistan seized 86 kg of synthetic drugs on the northern "
             "route, most of it at two railway stations.",
             "Customs services of Turkmenistan stopped 2.6 tonnes of precursors at the Caspian ports, hidden in "
             "shipments declared as fertiliser."]
    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    docgen._lines(pdf, [*CONTENTS, "The centre coordinated three joint operations in 2023:"])
    for n, item in enumerate(items, 1):
        y = pdf.get_y()
        pdf.set_xy(15, y)
        pdf.cell(8, 6, mark.format(n=n))
        pdf.set_xy(25, y)
        pdf.multi_cell(150, 6, item, new_x="LMARGIN", new_y="NEXT")
    text = read_pdf(bytes(pdf.output())).text
    assert CELL_SEPARATOR not in text
    assert "Customs services of Turkmenistan stopped 2.6 tonnes of precursors" in text


def test_a_numbered_table_without_rules_is_a_table_not_a_list():
    rows = [("#", *docgen.WRAPPED_TABLE[0]), *((str(n), *row) for n, row in enumerate(docgen.WRAPPED_TABLE[1:], 1))]
    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    docgen._lines(pdf, ["The centre coordinated three joint operations in 2023."])
    docgen.pdf_table(pdf, rows, (10, 45, 70, 45), borders="NONE", align="LEFT")
    lines = _lines(bytes(pdf.output()))
    assert [line for line in lines if CELL_SEPARATOR in line] == [CELL_SEPARATOR.join(row) for row in rows]


def test_an_index_in_two_columns_keeps_each_entry_with_its_page():
    # each column a list of entries with their page numbers, written down one column, then down the other
    entries = [(f"{name} operation", str(page)) for name, page in
               [("Caspian Gate", 4), ("Kanal-Patrol", 7), ("Mountain Pass", 9), ("Northern Route", 12),
                ("Pamir Watch", 15), ("Silk Road", 18), ("Steppe Shield", 21), ("Zarafshan", 24)]]
    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    docgen._lines(pdf, ["Index"])
    top = pdf.get_y()
    for column, part in enumerate((entries[:4], entries[4:])):
        pdf.set_y(top)
        for entry, page in part:
            y = pdf.get_y()
            pdf.set_xy(10 + 100 * column, y)
            pdf.cell(70, 6, entry)
            pdf.set_xy(80 + 100 * column, y)
            pdf.cell(10, 6, page, align="R", new_x="LMARGIN", new_y="NEXT")
    lines = _lines(bytes(pdf.output()))
    assert lines[lines.index("Index") + 1 :][: len(entries)] == [CELL_SEPARATOR.join(e) for e in entries]


def test_a_table_of_contents_is_left_as_its_lines():
    sections = [("1 Joint operations", 2), ("2 Seizures by country", 5), ("3 Training of officers", 8),
                ("4 Cooperation with partners", 11)]
    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    docgen._lines(pdf, ["Contents"])
    for title, page in sections:
        pdf.cell(150, 6, title + " ." * int((152 - pdf.get_string_width(title)) / pdf.get_string_width(" .")))
        pdf.cell(10, 6, str(page), align="R", new_x="LMARGIN", new_y="NEXT")
    lines = _lines(bytes(pdf.output()))
    assert CELL_SEPARATOR not in "\n".join(lines)
    assert any(line.startswith("2 Seizures by country . .") and line.endswith(" 5") for line in lines)


CHROMIUM = Path("/usr/bin/chromium")
OPERATIONS_HTML = """<html><head><meta charset="utf-8"><style>
body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; width: 16cm }}
td, th {{ vertical-align: top; text-align: left; padding: 4px 8px }}
.middle td {{ vertical-align: middle }}
</style></head><body>
<p>The centre coordinated three joint operations of the member states' agencies in 2023.</p>
<table>{rows}</table>
<p>Станции долины в 2023 году:</p>
<table class="middle">{stations}</table>
<ul><li>Border and customs services of Kazakhstan, Kyrgyzstan and Tajikistan took part in the operation, with
observers from the regional centre and the OSCE.</li>
<li>Drug control agencies of Kazakhstan and Uzbekistan seized 86 kg of synthetic drugs on the northern route.</li>
</ul></body></html>"""


STATIONS = [("Станция", "Производительность в сутки", "Персонал"),
            ("Осгейт", "5 100 кубических метров питьевой воды для трёх городов долины", "9 человек")]


def _html_rows(rows) -> str:
    return "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)


def test_a_table_without_rules_printed_by_a_browser_is_read_a_row_a_line(tmp_path):
    # another writer than the fixtures' fpdf2: Chromium's PDF printer (Skia), as a web page saved as PDF. A row
    # whose short cells are centred beside a wrapped one is one slice of text objects (qa.ingest.text_tables), so
    # the stations' header and row are two slices: a table still
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    html = OPERATIONS_HTML.format(rows=_html_rows(docgen.WRAPPED_TABLE), stations=_html_rows(STATIONS))
    (tmp_path / "report.html").write_text(html, encoding="utf-8")
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={tmp_path / 'report.pdf'}", (tmp_path / "report.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    lines = _lines((tmp_path / "report.pdf").read_bytes())
    assert [line for line in lines if CELL_SEPARATOR in line] == ROWS + [CELL_SEPARATOR.join(r) for r in STATIONS]
    assert any(line.startswith("Border and customs services of Kazakhstan, Kyrgyzstan and Tajikistan took")
               for line in lines)  # the list stays prose
