"""A heading ("Railway works", "Pipelines", a PDF's "Executive summary") names what follows: it stays in its
passage, where retrieval reads it, but it is never given as the answer. Small invented documents; the real
model (slow)."""

from __future__ import annotations

import pytest

from qa.answer.features import is_heading
from qa.store import ChunkRow, SentenceRow

REPORT = (
    "Tarrow Water Board\n\n"
    "The board supplied water to 80,000 homes across the county in 2023.\n\n"
    "Pipelines\n\n"
    "The new pipeline from Redmond to Ashford is 37 kilometres long. It cost 12 million pounds.\n\n"
    "Staff\n\n"
    "The board employs 640 people, including 85 apprentices.\n"
)
RAILWAY = (
    "Railway works\n\n"
    "The old railway bridge over the Tamsin river was closed for repairs in the autumn. "
    "Trains now run on a temporary line to the east of the town.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"report.txt": REPORT, "railway.txt": RAILWAY})


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    # the first three were answered by a heading before; the last was over an e5 index ("Railway works")
    "Who is responsible for the pipelines?",
    "What staff does the board have?",
    "Как называется водное управление?",  # a Russian question: the multilingual model's vectors
    "Who runs the railway company?",
])
def test_a_heading_is_never_the_answer(service, question):
    answer = service.ask(question).answer
    assert answer is None or answer.text not in ("Railway works", "Tarrow Water Board", "Staff", "Pipelines")


@pytest.mark.slow
def test_the_sentences_under_a_heading_still_answer(service):
    answer = service.ask("How many people does the board employ?").answer
    assert answer is not None and "640 people" in answer.text
    answer = service.ask("How long is the new pipeline?").answer
    assert answer is not None and "37 kilometres" in answer.text


@pytest.fixture(scope="module")
def pdf_report(tmp_path_factory, real_embedder):
    """The invented water board report (tests/docgen.py): a PDF whose pages open with "Introduction",
    "Reservoirs", "People", "Outlook"."""
    import docgen

    from qa.app.service import QAService
    from qa.config import Settings

    root = tmp_path_factory.mktemp("pdf-headings")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "report.pdf").write_bytes(docgen.report_pdf())
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=root / "index"), embedder=real_embedder)
    service.build()
    return service


@pytest.mark.slow
@pytest.mark.parametrize(("question", "heading"), [
    # each got its page's heading as the answer before
    ("What does the outlook say?", "Outlook"),
    ("Who are the people of the board?", "People"),
    ("What is in the introduction?", "Introduction"),
    ("Which reservoirs does the board have?", "Reservoirs"),
])
def test_a_pdf_page_heading_is_never_the_answer(pdf_report, question, heading):
    answer = pdf_report.ask(question).answer
    assert answer is None or answer.text.strip() != heading


def _row(doc: str, sentence: str) -> tuple[SentenceRow, ChunkRow]:
    start = doc.index(sentence)
    row = SentenceRow(0, "doc.txt", 0, start, start + len(sentence), sentence)
    return row, ChunkRow(id=0, doc="doc.txt", item=0, start=0, end=len(doc), text=doc, first_sentence=0, n_sentences=3)


@pytest.mark.parametrize(("doc", "sentence", "heading"), [
    (REPORT, "Pipelines", True),
    (REPORT, "Tarrow Water Board", True),
    ("Погода в горах\n\nВ январе выпал снег.", "Погода в горах", True),
    # a short sentence inside a paragraph, a line that ends a sentence, a line with a figure: no headings
    ("The post opened in 2019. It works.\n", "It works.", False),
    ("Results\nStaff trained.\n", "Staff trained.", False),
    ("Seizures\n\n740 kg\n\nThe operation ran for a year.", "740 kg", False),
    ("He said: Well then\n", "Well then", False),
])
def test_a_heading_is_a_short_line_of_its_own_without_a_figure_or_a_full_stop(doc, sentence, heading):
    row, chunk = _row(doc, sentence)
    assert is_heading(row, chunk) == heading


def test_a_line_broken_inside_a_sentence_is_no_heading():
    # a formula's subscript on the next line ("O" / "2 is ...") breaks the sentence, not a heading
    doc = "Breathing pure O\n2 is used in medicine to raise oxygen levels."
    row, chunk = _row(doc, "Breathing pure O")
    assert not is_heading(row, chunk)


def test_a_heading_in_a_windows_text_file_is_still_a_heading():
    doc = "Pipelines\r\n\r\nThe new pipeline is 37 kilometres long.\r\n"
    row, chunk = _row(doc, "Pipelines")
    assert is_heading(row, chunk)


@pytest.mark.parametrize(("doc", "sentence", "heading"), [
    # a report's numbered section heading names the section (a PDF's "1. Общая характеристика" answered before)
    ("1. Общая характеристика\nЗа пять лет синтетические наркотики стали основным видом.", "1. Общая характеристика",
     True),
    ("Summary of the year.\n\n2.3 Seizures at ports\n\nOfficers seized 40 kg.", "2.3 Seizures at ports", True),
    ("IV. Выводы и предложения\nПредлагается ввести ответственность.", "IV. Выводы и предложения", True),
    # a list's item, a count before words, a numbered sentence, a table's row: no headings
    ("Proposals\n1. Train staff\n2. Buy scanners\n", "1. Train staff", False),
    ("Seizures\n\n15 Officers\n\nThey were trained in May.", "15 Officers", False),
    ("1. The board met twice.\n\nIt agreed the budget.", "1. The board met twice.", False),
    ("Port | Seized\nAivaj | 40 kg\n", "Aivaj | 40 kg", False),
])
def test_a_numbered_section_heading_is_a_heading(doc, sentence, heading):
    row, chunk = _row(doc, sentence)
    assert is_heading(row, chunk) == heading
