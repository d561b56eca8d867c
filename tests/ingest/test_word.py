"""Word reader: paragraphs, headings as sections, lists, tables a row a line; bad files refused."""

from __future__ import annotations

import pytest

import docgen
from qa.ingest import DocumentError
from qa.ingest.word import read_docx


@pytest.fixture(scope="module")
def minutes():
    return read_docx(docgen.minutes_docx())


def test_paragraphs_lists_and_table_rows_are_lines(minutes):
    lines = minutes.text.splitlines()
    assert "The treasurer, Agnes Morrow, reported a balance of 1,845 pounds." in lines
    assert "• Plot rents rise to 38 pounds a year from April." in lines
    assert "1. Elect a new secretary." in lines and "2. Order seed potatoes." in lines
    assert "7 | Hamish Dunmore | leeks" in lines


def test_headings_start_sections_and_word_files_have_no_pages(minutes):
    assert minutes.title == docgen.DOCX_TITLE
    assert [s.title for s in minutes.sections] == [docgen.DOCX_TITLE, "Decisions", "Plot holders"]
    assert minutes.pages is None and minutes.page_of(10) is None
    assert all(s.page is None for s in minutes.sections)


def test_blocks_are_exact_slices(minutes):
    blocks = [minutes.text[s:e] for sec in minutes.sections for s, e in sec.blocks]
    assert "12 | Priya Castellan | runner beans" in blocks
    assert all(b == b.strip() and b for b in blocks)


def test_an_empty_cell_keeps_its_place_under_its_header():
    import io

    import docx

    d = docx.Document()
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("Plot", "Holder", "Crop"), ("", "Hamish Dunmore", "leeks"), ("", "", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    lines = read_docx(buf.getvalue()).text.splitlines()
    assert lines == ["Plot | Holder | Crop", " | Hamish Dunmore | leeks"]  # an empty row is no line


@pytest.mark.parametrize(
    "data, reason",
    [
        (docgen.images_only_docx(), "no text: images only"),
        (docgen.fake_docx(), "not a Word document (a zip file of something else)"),
        (docgen.minutes_docx()[:2000], "damaged or truncated Word file"),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 600,
         "an old Word .doc or a password-protected file: save it as .docx without a password"),
        (b"MZ\x90\x00 a renamed program", "not a Word .docx file"),
    ],
)
def test_bad_files_get_one_line_reasons(data, reason):
    with pytest.raises(DocumentError) as e:
        read_docx(data)
    assert str(e.value) == reason


def test_a_date_in_a_table_row_does_not_date_its_section():
    import io

    import docx

    d = docx.Document()
    d.add_heading("Minutes of the working group", level=1)
    d.add_paragraph("The working group met in Tashkent on 12 September 2023.")
    d.add_heading("Actions", level=2)
    d.add_paragraph("The group agreed on the following actions.")
    table = d.add_table(rows=2, cols=2)
    for r, row in enumerate([("Action", "Deadline"), ("Draft the patrol plan", "31 October 2023")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    sections = read_docx(buf.getvalue()).sections
    assert [(s.title, s.date) for s in sections] == [("Minutes of the working group", "2023-09-12"),
                                                     ("Actions", "2023-09-12")]  # not the deadline's


def test_every_section_of_minutes_carries_the_date_at_their_top():
    """A past session or a deadline named inside a section is not when the minutes were written."""
    sections = read_docx(docgen.working_group_docx()).sections
    assert [(s.title, s.date) for s in sections] == [
        (docgen.WORKING_GROUP_TITLE, "2024-03-14"),
        ("Attendees", "2024-03-14"),
        ("1. Opening", "2024-03-14"),  # not November 2023, the previous session's
        ("2. Seizure statistics", "2024-03-14"),
        ("3. Decisions", "2024-03-14"),  # not 30 June 2024, the deadline's
    ]


def test_a_diary_entry_keeps_the_date_of_its_heading_or_its_dateline():
    sections = read_docx(docgen.field_diary_docx()).sections
    assert [(s.title, s.date) for s in sections] == [
        ("Field diary of the border assessment mission", "2024-05-20"),
        ("12 May 2024 — Visit to Osh", "2024-05-12"),  # not June 2021
        ("Monday, 13 May 2024", "2024-05-13"),  # not 1 September 2024
        ("Jalal-Abad", "2024-05-15"),  # its dateline's
        ("Summary", "2024-05-20"),  # no date of its own: the diary's, not the deadline's
    ]


def _plain_first_paragraph_docx(first: str) -> bytes:
    """Minutes whose first line is a plain paragraph (no Title style), then headed sections."""
    import io

    import docx

    d = docx.Document()
    d.add_paragraph(first)
    d.add_paragraph("Date: 14 March 2024")
    d.add_heading("1. Previous meeting", level=1)
    d.add_paragraph("The group approved the minutes of its meeting in Osh.")
    d.add_heading("2. Decisions", level=1)
    d.add_paragraph("The group decided to fund a joint sediment survey.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_name_written_as_the_first_plain_paragraph_names_the_file():
    # citations read "Regional Water Working Group — Minutes, 14 Mar 2024 — 2. Decisions", not "1. Previous meeting"
    x = read_docx(_plain_first_paragraph_docx("Regional Water Working Group — Minutes"))
    assert x.title == "Regional Water Working Group — Minutes"
    assert [s.title for s in x.sections][1:] == ["1. Previous meeting", "2. Decisions"]
    # a sentence first is no name: the first heading names the file, as before
    x = read_docx(_plain_first_paragraph_docx("The regional water working group met in Tashkent."))
    assert x.title == "1. Previous meeting"
