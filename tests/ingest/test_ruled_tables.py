"""A PDF table whose cells wrap onto several lines is read a row a line, from the rules drawn around its cells."""

from __future__ import annotations

import docgen
import pytest

from qa.ingest.pdf import page_picture, read_pdf
from qa.ingest.readers import CELL_SEPARATOR
from qa.ingest.ruled_tables import Grid

ROWS = [CELL_SEPARATOR.join(row) for row in docgen.WRAPPED_TABLE]


def _lines(data: bytes) -> list[str]:
    return read_pdf(data).text.splitlines()


@pytest.mark.parametrize("borders, align", [("ALL", "JUSTIFY"), ("INTERNAL", "JUSTIFY"),
                                            ("NO_HORIZONTAL_LINES", "JUSTIFY"), ("BOOKTABS", "LEFT"),
                                            ("BOOKTABS", "JUSTIFY"), ("BANDED", "JUSTIFY")])
def test_a_table_whose_cells_wrap_is_read_a_row_a_line(borders, align):
    # booktabs draws no column: the columns are where its lines of text leave a gap from top to bottom,
    # and a justified line's stretched spaces are inside one line of text
    lines = _lines(docgen.wrapped_table_pdf(borders, align=align))
    # every row whole, in order, right under the paragraph that introduces the table
    at = lines.index("The centre coordinated three joint operations in 2023.")
    assert lines[at + 1 : at + 1 + len(ROWS)] == ROWS
    assert lines[at + 1 + len(ROWS)] == "The centre will report on the operations of 2024 next spring."


@pytest.mark.parametrize("columns", [1, 2])
def test_prose_between_a_header_rule_and_a_footer_rule_is_no_table(columns):
    pdf = docgen._pdf(header="Harrow Valley Water Board Bulletin")
    pdf.add_page()
    pdf.line(10, 18, 200, 18)
    pdf.line(10, 280, 200, 280)
    top = pdf.get_y()
    for k in range(columns):
        pdf.set_xy(10 + 100 * k, top)
        pdf.multi_cell(190 if columns == 1 else 90, 5, " ".join(docgen.PAGE1) * 2)
    text = read_pdf(bytes(pdf.output())).text
    assert CELL_SEPARATOR not in text
    assert docgen.PAGE1[0] in text


def test_two_tables_of_the_same_columns_with_a_caption_between_stay_two():
    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    header, first, *rest = docgen.WRAPPED_TABLE
    docgen.pdf_table(pdf, [header, first], (45, 70, 50))
    caption = "Table 2 lists the operations of the second half of the year, with their agencies and seizures."
    pdf.multi_cell(165, 6, caption, align="C")
    docgen.pdf_table(pdf, [header, *rest], (45, 70, 50))
    lines = _lines(bytes(pdf.output()))
    at = lines.index(ROWS[0])
    assert lines[at:at + 2] == ROWS[:2] and " ".join(lines[at + 2:at + 4]) == caption
    assert lines[at + 4:at + 7] == [ROWS[0], *ROWS[2:]]


def test_a_paragraph_in_a_drawn_frame_is_no_table():
    framed = read_pdf(docgen.wrapped_table_pdf(framed_note=True)).text
    assert "Note: the figures of the Caspian Gate operation are provisional" in framed
    assert not any(line.startswith("Note:") and CELL_SEPARATOR in line for line in framed.splitlines())


def test_the_page_picture_outlines_each_line_of_a_wrapped_cell():
    data = docgen.wrapped_table_pdf()
    text = read_pdf(data).text
    cell = "Border and customs services of Kazakhstan, Kyrgyzstan and Tajikistan"
    start = text.index(cell)
    boxes = page_picture(data, 1, start, start + len(cell)).boxes
    assert len(boxes) == 3  # the cell is printed on three lines, each outlined
    boxes = sorted(boxes, key=lambda b: b[1])
    for (left, _, _, bottom), (next_left, next_top, _, _) in zip(boxes, boxes[1:]):
        assert abs(left - next_left) < 0.005 and next_top > bottom - 0.005  # one under the other, in the cell


def test_a_merged_cell_is_one_cell_of_its_band():
    grid = Grid(0, 300, ((100, 80), (80, 60)), (((0, 300),), ((0, 100), (100, 200), (200, 300))))
    assert grid.cell_at(250, 90) == (0, 0)  # the header spanning every column
    assert grid.cell_at(250, 70) == (1, 2)
    assert grid.cell_at(150, 50) is None and grid.cell_at(350, 70) is None


def test_a_date_in_a_table_row_does_not_date_the_report():
    pdf = docgen._pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    docgen._lines(pdf, ["Joint operations", "The centre coordinated two joint operations."])
    docgen.pdf_table(pdf, [("Operation", "Period"), ("Mountain Pass", "1 to 30 November 2023"),
                           ("Caspian Gate", "4 to 18 September 2023")], (60, 60))
    assert {s.date for s in read_pdf(bytes(pdf.output())).sections} == {None}
