"""Lines that answer nothing asked of them (qa.answer.non_answers): a page's running line, an e-mail's subject line,
a heading broken over lines, a letter's opening courtesy formula. They stay in their passages but are never given as
the answer. Small invented documents; the real model (slow)."""

from __future__ import annotations

import pytest

THREAD = (
    "From: Lena Marsh <l.marsh@rivers.example.org>\n"
    "To: Owen Pike <o.pike@ports.example.org>\n"
    "Date: Mon, 12 May 2025 10:20\n"
    "Subject: RE: Boat inspection workshop - Ressa\n\n"
    "Dear Owen,\n\n"
    "Unfortunately we have to move the workshop. The 2-4 June dates clash with the harbour audit, so I propose "
    "16-18 June 2025, same venue. The budget for the workshop is 9,000 euros.\n\n"
    "Kind regards,\n"
    "Lena Marsh\n"
    "Programme Officer, River Safety Office\n\n"
    "-----Original message-----\n"
    "From: Owen Pike\n"
    "Sent: Friday, 2 May 2025 09:15\n"
    "To: Lena Marsh\n"
    "Subject: Boat inspection workshop - Ressa\n\n"
    "Dear Lena,\n\n"
    "I would like to propose a three-day boat inspection workshop for port staff in Ressa on 2-4 June 2025.\n\n"
    "Best regards,\n"
    "Owen Pike\n"
)
@pytest.fixture(scope="module")
def service(invented_service):
    import docgen

    return invented_service({"thread.txt": THREAD, "minutes.docx": docgen.broken_title_minutes_docx(),
                             "pismo.txt": docgen.RIVER_LETTER_RU})


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    # answered by the subject line before
    "Why was the boat inspection workshop in Ressa moved?",
    "Почему семинар по досмотру судов в Рессе перенесли?",
])
def test_an_e_mail_subject_line_does_not_answer(service, question):
    answer = service.ask(question).answer
    assert answer is None or not answer.text.startswith("Subject:")


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    # answered by the heading's second line before
    "Which town attended the meeting of the Working Group on the safety of river transport on the Tamsin as an "
    "observer?",
    "Where will the next meeting of the Working Group on the safety of river transport on the Tamsin be held?",
])
def test_a_heading_broken_over_lines_is_not_the_answer(service, question):
    answer = service.ask(question).answer
    assert answer is None or not answer.text.startswith("of the meeting of the Working Group")


@pytest.mark.slow
def test_a_letter_s_courtesy_formula_does_not_answer_who(service):
    # got the courtesy formula before
    answer = service.ask("Кто контактное лицо агентства речной безопасности по вопросу учений?").answer
    assert answer is None or "выражает Вам свое уважение" not in answer.text


@pytest.mark.slow
def test_a_courtesy_formula_still_answers_who_proposes(service):
    answer = service.ask("Кто предлагает провести совместные учения спасателей на реке Тамсин?").answer
    assert answer is not None and "Агентство речной безопасности" in answer.text


def test_the_courtesy_formula_answers_no_who_question_but_the_one_its_proposal_answers():
    from qa.answer.non_answers import never_answers
    from qa.store import ChunkRow, SentenceRow

    formula = ("Агентство речной безопасности области Тарроу выражает Вам свое уважение и предлагает провести "
               "совместные учения спасателей на реке Тамсин.")
    row = SentenceRow(0, "pismo.txt", 0, 0, len(formula), formula)
    chunk = ChunkRow(0, "pismo.txt", 0, 0, 1, formula, 0, len(formula))
    assert never_answers(row, chunk, "Кто контактное лицо агентства?", None)
    assert never_answers(row, chunk, "Who signed the agency's letter?", None)
    assert not never_answers(row, chunk, "Кто предлагает провести совместные учения?", None)
    assert not never_answers(row, chunk, "Какие учения предлагает провести агентство?", None)


@pytest.mark.parametrize("line", [
    "Harbour Safety Report 2025 | page 10",
    "River Authority of Tarrow - page 3",
    "Page 3 of 12",
    "— 7 —",
    "Отчёт Агентства речной безопасности, стр. 4 из 9",
])
def test_a_pages_running_line_answers_nothing(line):
    # a footer the reader kept (a page of its own, a footer whose words change) names the document and states nothing
    from qa.answer.non_answers import never_answers
    from qa.contracts import ChunkRow
    from qa.store import SentenceRow

    row = SentenceRow(id=0, doc="report.pdf", item=0, start=0, end=len(line), text=line)
    chunk = ChunkRow(id=0, doc="report.pdf", item=0, start=0, end=len(line), text=line, first_sentence=0,
                     n_sentences=1)
    assert never_answers(row, chunk, "What was the budget of the harbour safety programme in 2025?", None)


@pytest.mark.parametrize("line", ["The report runs to 10 pages.", "Table 4 on page 10 gives the budget by year."])
def test_prose_about_pages_is_still_a_candidate(line):
    from qa.answer.non_answers import _PAGE_LINE

    assert not _PAGE_LINE.match(line)


PDF_PAGE = ("2. Seizures by country and drug\n"
            "Table 1. Seizures of drugs by country and drug, 2023 (kg)\n"
            "Country | Heroin | Opium | Total\n"
            "Kazakhstan | 906 | 340 | 1,246\n")


class _Page:
    """An index's one document, as table_caption reads it."""

    def document_slice(self, doc: str, start: int, end: int) -> str:
        return PDF_PAGE[start:end]


def _row(text: str):
    from qa.store import SentenceRow

    start = PDF_PAGE.index(text)
    return SentenceRow(0, "report.pdf", 0, start, start + len(text), text)


def test_a_tables_caption_answers_nothing_and_its_rows_and_headings_are_not_captions():
    # "What was Kazakhstan's total drug seizure in 2023?" was answered by the caption: its words, none of its facts
    from qa.answer.non_answers import table_caption

    assert table_caption(_row("Seizures of drugs by country and drug, 2023 (kg)"), _Page())
    assert not table_caption(_row("Kazakhstan | 906 | 340 | 1,246"), _Page())
    assert not table_caption(_row("2. Seizures by country and drug"), _Page())  # the next line is no row
