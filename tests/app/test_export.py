"""Exported answers: Markdown and CSV that a spreadsheet or an editor shows as the answer was given."""

from __future__ import annotations

import csv
import io

import pytest

from qa.app.export import NOT_FOUND, render, row_from_answer, source_link, to_csv, to_markdown

ANSWER = {
    "text": "The ferry to Skarn Island leaves every Tuesday at noon.",
    "doc": "harbour news.txt",
    "title": "Harbour news",
    "date": "2024-05-02",
    "start": 120,
    "end": 175,
    "score": 0.9,
    "span": {"text": "every Tuesday at noon", "start": 153, "end": 174},
    "page": 3,
}


def test_row_has_every_column_and_a_link_to_the_exact_characters(tmp_path):
    row = row_from_answer("When does the ferry leave?", ANSWER, tmp_path)
    assert row.answer == "every Tuesday at noon"
    assert row.quote == ANSWER["text"]
    assert (row.document, row.title, row.date, row.page) == ("harbour news.txt", "Harbour news", "2024-05-02", "3")
    assert row.link.startswith("file://") and row.link.endswith("harbour%20news.txt#char=120,175")


def test_a_quote_cut_from_a_long_sentence_says_so():
    cut = {**ANSWER, "span": None, "cut_before": True, "cut_after": False}
    row = row_from_answer("When does the ferry leave?", cut)
    assert row.quote == "… " + ANSWER["text"] and row.answer == row.quote


def test_not_found_is_said_not_left_blank():
    row = row_from_answer("Who owns the moon?", None)
    assert row.answer == NOT_FOUND and row.quote == "" and row.link == ""
    # and why, when the answer step knows what the passages lack
    why = "None of the best passages states an amount of money."
    assert row_from_answer("What did the moon cost?", None, None, why).answer == f"{NOT_FOUND} {why}"


def test_csv_round_trips_through_a_csv_reader():
    rows = [row_from_answer('Is "quoted", text, kept?', ANSWER), row_from_answer("Nothing?", None)]
    parsed = list(csv.reader(io.StringIO(to_csv(rows))))
    assert parsed[0] == ["Question", "Answer", "Quoted sentence", "Document", "Title", "Date", "Page", "Link",
                         "Table header"]
    assert parsed[1][0] == 'Is "quoted", text, kept?'
    assert parsed[1][2] == ANSWER["text"]
    assert parsed[2][1] == NOT_FOUND
    assert len(parsed) == 3


def test_csv_cells_never_start_a_spreadsheet_formula():
    evil = dict(ANSWER, text="=HYPERLINK(\"http://x\")", span=None)
    parsed = list(csv.reader(io.StringIO(to_csv([row_from_answer("-1+2", evil)]))))
    assert parsed[1][0] == "'-1+2"
    assert parsed[1][1].startswith("'=") and parsed[1][2].startswith("'=")


def test_markdown_quotes_the_sentence_and_escapes_document_markup():
    doc = dict(ANSWER, text="The **ferry** [leaves](http://x) at <b>noon</b>.", span=None)
    md = to_markdown([row_from_answer("When?", doc), row_from_answer("Who owns the moon?", None)])
    assert "## 1. When?" in md and "## 2. Who owns the moon?" in md
    assert "> The \\*\\*ferry\\*\\* \\[leaves\\]\\(http://x\\) at \\<b\\>noon\\</b\\>." in md
    assert "*Harbour news*" in md and "2024-05-02" in md and "page 3" in md
    assert NOT_FOUND in md


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="md, csv"):
        render([], "pdf")


def test_link_without_a_corpus_folder_still_names_the_characters():
    assert source_link(None, "a.txt", 1, 5) == "a.txt#char=1,5"


def test_a_table_row_is_exported_with_its_header():
    row = dict(ANSWER, text="Osgate | 5,100 cubic metres | 9", span={"text": "5,100 cubic metres", "start": 129,
               "end": 147}, header="Station | Output per day | Staff")
    exported = row_from_answer("What is the output per day of the Osgate station?", row)
    assert (exported.answer, exported.header) == ("5,100 cubic metres", "Station | Output per day | Staff")
    assert list(csv.reader(io.StringIO(to_csv([exported]))))[1][-1] == "Station | Output per day | Staff"
    md = to_markdown([exported])
    assert "> Osgate \\| 5,100 cubic metres \\| 9" in md
    assert "Under the table's header: Station \\| Output per day \\| Staff" in md


def test_an_answer_printed_on_several_pdf_lines_is_exported_on_one_line():
    printed = "The evaluation\nrecommended that a second regional\ntraining centre open in Osh."
    a = printed.index("a second")
    pdf = dict(ANSWER, doc="review.pdf", text=printed, start=0, end=len(printed),
               span={"text": printed[a:printed.index(" open")], "start": a, "end": printed.index(" open")})
    exported = row_from_answer("What did the evaluation recommend?", pdf)
    assert exported.answer == "a second regional training centre"
    assert exported.quote == "The evaluation recommended that a second regional training centre open in Osh."
    parsed = list(csv.reader(io.StringIO(to_csv([exported]))))
    assert parsed[1][1:3] == [exported.answer, exported.quote]
    assert f"> {exported.quote}" in to_markdown([exported])
    # the link still names the exact characters of the stored text
    assert exported.link.endswith(f"#char=0,{len(printed)}")
