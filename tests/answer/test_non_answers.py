"""Lines that answer nothing asked of them (qa.answer.non_answers): a page's running line, an e-mail's subject line,
a heading broken over lines, a letter's opening courtesy formula, an interviewer's question. They stay in their
passages but are never given as the answer. Small invented documents; the real model (slow)."""

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
INTERVIEW = """<html><head><title>"The river is the new road" - Tarrow Herald</title></head><body><article>
<h1>"The river is the new road"</h1>
<p class="date">4 March 2025</p>
<p><em>Lena Marsh, head of the River Safety Office of Tarrow, spoke to our correspondent Owen Pike about smuggling on
the Tamsin.</em></p>
<p><strong>- Which cargo worries the office most today?</strong></p>
<p>- Timber. It is felled without permits upstream and floated down to Ressa at night.</p>
<p><strong>- How many inspectors does the office employ on the river?</strong></p>
<p>- Today 23 inspectors work on the river, with four patrol boats between them.</p>
<p><strong>- What are the office's plans for next year?</strong></p>
<p>- In May 2026 we will open a second inspection post at the Skarn bridge.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def service(invented_service):
    import docgen

    return invented_service({"thread.txt": THREAD, "minutes.docx": docgen.broken_title_minutes_docx(),
                             "pismo.txt": docgen.RIVER_LETTER_RU, "interview.html": INTERVIEW})


@pytest.mark.slow
@pytest.mark.parametrize(("question", "said"), [
    # the interviewer's question line, which repeats the words asked, was the answer before
    ("Which cargo worries the River Safety Office most today?", "Timber"),
    ("When will the River Safety Office open a second inspection post?", "May 2026"),
])
def test_an_interview_is_answered_by_the_reply_not_by_its_question(service, question, said):
    answer = service.ask(question).answer
    assert answer is not None and said in answer.text and not answer.text.rstrip().endswith("?")


def test_a_reply_reads_the_question_it_answers():
    from qa.answer.non_answers import asks, reply_heading
    from qa.store import SentenceRow

    lines = ["- Which cargo worries the office most today?", "- Timber.", "It is felled upstream.",
             "- How many inspectors does the office employ?", "- Today 23 inspectors work on the river."]
    rows = {i: SentenceRow(i, "interview.html", 0, 0, 0, t) for i, t in enumerate(lines)}
    assert asks(lines[0]) and asks("— Какой наркотик сегодня вызывает наибольшую тревогу?»")
    assert not asks(lines[1]) and not asks("The question is why.")
    assert reply_heading(rows[2], rows).text == lines[0]
    assert reply_heading(rows[4], rows).text == lines[3]
    assert reply_heading(rows[0], rows) is None
    other_item = {**rows, 1: SentenceRow(1, "interview.html", 1, 0, 0, lines[1])}
    assert reply_heading(other_item[2], other_item) is None  # a question in another item heads no reply


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


def test_a_reference_number_s_line_answers_only_a_question_asking_for_a_number():
    # "№ 217-п" over "г. Бишкек, 3 апреля 2024 года" left the fragment "№ 217-п г.", given for "Who signed order
    # No. 217-p?" because it held the number asked
    from qa.answer.non_answers import never_answers
    from qa.contracts import ChunkRow
    from qa.store import SentenceRow

    line = "№ 217-п г."
    row = SentenceRow(0, "order.txt", 0, 0, len(line), line)
    chunk = ChunkRow(0, "order.txt", 0, 0, len(line), line, 0, 1)
    assert never_answers(row, chunk, "Кто подписал приказ № 217-п?", None)
    assert not never_answers(row, chunk, "Какой номер у приказа о прекурсорах?", None)
    assert not never_answers(row, chunk, "What is the order's reference number?", None)
    # a table's row of figures states them under its header
    figures = "Q2 2024 | 455 | 711 | 502"
    row = SentenceRow(0, "bulletin.pdf", 0, 0, len(figures), figures)
    chunk = ChunkRow(0, "bulletin.pdf", 0, 0, len(figures), figures, 0, 1)
    assert not never_answers(row, chunk, "How many persons were detained in the second quarter of 2024?", None)
