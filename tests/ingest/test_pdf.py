"""PDF reader: text with pages, furniture left out, bad files refused with one reason each."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from PIL import Image

import docgen
from qa.ingest import DocumentError
from qa.ingest.pages import search_text
from qa.ingest.pdf import page_count, page_picture, read_pdf


@pytest.fixture(scope="module")
def report():
    return read_pdf(docgen.report_pdf())


def _content(x) -> str:
    return "\n".join(x.text[s:e] for sec in x.sections for s, e in sec.blocks)


def test_every_fact_is_on_its_page(report):
    assert report.page_count == 5
    for needle, page in [("48,300 households", 1), ("Tomasz Wendell", 2), ("Osgate | 5,100", 3),
                         ("Ирина Полозова", 4), ("3.2 million pounds", 5)]:
        assert report.page_of(report.text.index(needle)) == page, needle


def test_sections_are_pages_named_by_the_running_header(report):
    assert [s.page for s in report.sections] == [1, 2, 3, 4, 5]
    assert report.title == docgen.HEADER
    assert all(s.title == docgen.HEADER for s in report.sections)


def test_headers_footers_and_page_numbers_are_not_content(report):
    content = _content(report)
    assert docgen.HEADER not in content and "Page 2 of 5" not in content
    assert docgen.HEADER in report.text  # ... but they stay in the stored text


def test_two_columns_read_column_by_column(report):
    content = " ".join(_content(report).split())
    assert "The chief engineer of the board is Tomasz Wendell, who joined in 2019." in content
    assert "holds twelve million cubic metres" in content


def test_hyphenated_word_is_printed_as_is_and_joined_for_search(report):
    assert "the embank-\nment was raised" in report.text
    assert "the embankment" in search_text(report.text)


def test_headings_do_not_run_into_the_next_sentence(report):
    blocks = [report.text[s:e] for sec in report.sections for s, e in sec.blocks]
    assert "People" in blocks and "Reservoirs" in blocks


def test_table_rows_are_lines_and_blocks_of_their_own_with_their_cells_parted(report):
    assert "\nOsgate | 5,100 cubic metres | 9\n" in report.text
    (page3,) = [s for s in report.sections if s.page == 3]
    assert [report.text[s:e] for s, e in page3.blocks][1:] == [
        "Station | Output per day | Staff", "Brindle | 8,400 cubic metres | 12", "Osgate | 5,100 cubic metres | 9",
        "Fenwick Mill | 2,750 cubic metres | 6"]


def test_only_the_wide_gaps_of_table_rows_part_cells(report):
    # words of a cell ("Fenwick Mill", "cubic metres") and every line of prose keep their single spaces
    assert report.text.count(" | ") == 8
    assert "Harrow Valley Water Board" in report.text and "The board employs 212 people in all." in report.text


def test_justified_prose_in_a_narrow_column_is_no_table_row():
    # "Ambassador          Konstantin": a justified line of two words leaves a gap as wide as a table's
    x = read_pdf(docgen.bulletin_pdf())
    assert " | " not in x.text
    sentence = "The opening address was given by Ambassador Konstantin Zhakupov, who welcomed delegations from"
    assert any(sentence in " ".join(x.text[s:e].split()) for sec in x.sections for s, e in sec.blocks)


def test_cells_of_tight_columns_are_parted_where_the_header_starts_its_columns():
    # the data rows' cells are ~1 em apart, as far as words of a justified line; the header's are far apart,
    # and each cell starts where its column's header does
    text = read_pdf(docgen.tight_table_pdf()).text
    for row in docgen.TIGHT_TABLE:
        assert " | ".join(row) in text.splitlines()


TITLE_BODY = ["Seizures of heroin in the region rose in 2023, although the production of opium in Afghanistan fell "
              "by 95 per cent after the ban on poppy cultivation."]


@pytest.mark.parametrize("title", ["Review of Opiate Trafficking through Central Asia in 2023",
                                   "Обзор незаконного оборота опиатов через Центральную Азию за 2023 год"])
def test_a_title_wrapped_over_two_lines_names_the_report_whole(title):
    # every citation of the tester's report read "Обзор … через Центральную", the title's first line
    x = read_pdf(docgen.titled_pdf(title, TITLE_BODY))
    assert title not in x.text  # the title does wrap onto a second line
    assert x.title == title and all(s.title == title for s in x.sections)  # not the date line below it either


def test_a_title_its_writer_broke_keeps_its_first_line_and_the_body_stays_out():
    x = read_pdf(docgen.titled_pdf("Annual Report 2023\nNorthbridge Water Authority", TITLE_BODY))
    assert x.title == "Annual Report 2023"
    # a first page that opens with a paragraph of prose: a wrapped line of it names nothing
    x = read_pdf(docgen.titled_pdf(TITLE_BODY[0], TITLE_BODY, title_size=11))
    assert x.title is None


def test_page_picture_outlines_each_cell_of_a_table_row(report):
    p3 = report.pages[2]
    start = report.text.index("Osgate | 5,100")
    end = report.text.index("\n", start)
    pic = page_picture(docgen.report_pdf(), 3, start - p3, end - p3)
    assert len(pic.boxes) == 3  # "Osgate", "5,100 cubic metres", "9": the separators are not on the page
    (_, t1, r1, _), (l2, t2, r2, _), (l3, t3, _, _) = pic.boxes
    assert abs(t1 - t2) < 0.01 and abs(t2 - t3) < 0.01 and r1 < l2 < r2 < l3


def test_wrapped_lines_read_as_one_sentence_for_search(report):
    i = report.text.index("The chief engineer")
    assert search_text(report.text)[i:].startswith("The chief engineer of the board is Tomasz Wendell,")


@pytest.mark.parametrize(
    "make, reason",
    [
        (docgen.encrypted_pdf, "password-protected"),
        (docgen.scanned_pdf, "scanned, no text layer: OCR is not supported"),
        (docgen.truncated_pdf, "damaged or truncated PDF (cannot be opened)"),
        (docgen.corrupt_pdf, "damaged or truncated PDF (cannot be opened)"),
        (docgen.minutes_docx, "not a PDF file"),
    ],
)
def test_bad_files_get_one_line_reasons(make, reason):
    with pytest.raises(DocumentError) as e:
        read_pdf(make())
    assert str(e.value) == reason


def _red_pixels(image) -> int:
    rgb = np.asarray(image).astype(int)
    return int(((rgb[..., 0] > 180) & (rgb[..., 1] < 90) & (rgb[..., 2] < 90)).sum())


def test_page_picture_outlines_the_answer_lines(report):
    data = docgen.report_pdf()
    start = report.text.index("The chief engineer")
    end = report.text.index("2019.") + len("2019.")
    page = report.page_of(start)
    offset = report.pages[page - 1]
    pic = page_picture(data, page, start - offset, end - offset, width=600, draw=True)
    assert len(pic.boxes) == 2  # the sentence is printed on two lines
    image = Image.open(io.BytesIO(pic.png)).convert("RGB")
    assert (image.width, pic.width) == (600, 600)
    assert _red_pixels(image) > 500
    # the right column, in the upper part of the page, one line under the other
    (l1, t1, r1, b1), (l2, t2, r2, b2) = pic.boxes
    assert 0.45 < l1 < 0.55 and b1 < 0.2 and t2 >= t1
    plain = page_picture(data, page, width=600)
    assert plain.boxes == ()
    assert _red_pixels(Image.open(io.BytesIO(plain.png)).convert("RGB")) == 0


def test_page_count():
    assert page_count(docgen.report_pdf()) == 5


@pytest.mark.slow
def test_thousand_pages_read_with_progress_in_bounded_memory(tmp_path):
    path = tmp_path / "long.pdf"
    path.write_bytes(docgen.long_pdf(1000, lines_per_page=20))
    script = textwrap.dedent(f"""
        from qa.ingest.pdf import read_pdf
        seen = []
        x = read_pdf(open({str(path)!r}, "rb").read(), on_page=lambda done, total: seen.append((done, total)))
        assert seen[0] == (1, 1000) and seen[-1] == (1000, 1000) and len(seen) == 1000
        assert x.page_count == 1000 and len(x.sections) == 1000
        # VmHWM is this process's own peak: ru_maxrss would also count the
        # memory of the (large) pytest process it was forked from.
        status = open("/proc/self/status").read()
        print(int(status.split("VmHWM:")[1].split()[0]) // 1024)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    peak_mb = int(out.stdout.split()[-1])
    assert peak_mb < 300, f"reading 1,000 pages peaked at {peak_mb} MB"


@pytest.mark.parametrize("borders", ["NONE", "ALL"])
def test_a_sentence_over_a_page_break_is_read_whole_and_cited_on_its_first_page(borders):
    x = read_pdf(docgen.broken_pages_pdf(borders))
    read = search_text(x.text)
    for start, page, sentence in [
        ("The evaluator recommends", 1, "by the end of 2024, together with a common template"),
        ("In 2023 the number of women", 3, "rose from 6 to 19 of 210, a share"),
    ]:
        section, (s, e) = next((sec, b) for sec in x.sections for b in sec.blocks if start in x.text[b[0]:b[1]])
        assert section.page == page and x.page_of(x.text.index(start)) == page  # the page where it starts cites it
        assert x.page_of(e) == page + 1
        # read for search and answers as one sentence, the footer and the running header between its halves left out
        assert sentence in " ".join(read[s:e].split())
        assert "Page" not in read[s:e] and docgen.BROKEN_HEADER not in read[s:e]


@pytest.mark.parametrize("borders", ["NONE", "ALL"])
def test_a_table_row_carried_atop_the_next_page_keeps_its_cells(borders):
    data = docgen.broken_pages_pdf(borders)
    x = read_pdf(data)
    row = " | ".join(docgen.BROKEN_ROW)
    blocks = [(sec.page, x.text[s:e]) for sec in x.sections for s, e in sec.blocks]
    assert (3, row) in blocks  # a row of the table the page before ends with, not the line "Ayvadj 197 64 98"
    assert (3, "Staffing") in blocks  # the lines under it are no rows
    assert (2, " | ".join(docgen.BROKEN_TABLE[0])) in blocks
    # the page picture reads the page as the index stored it: the row's cells are outlined where they are printed
    start = x.text.index(row) - x.pages[2]
    boxes = page_picture(data, 3, start, start + len(row)).boxes
    assert len(boxes) == 4 and all(b[1] < 0.15 for b in boxes)  # four cells atop the page
