"""What an answer shows (qa.answer.shown): an answer sentence that opens by referring back ("For this
purpose, ...", "It also ...", "С этой целью ...") comes with the sentence it refers to, as one verbatim
slice of the document; any other sentence, an item's first sentence, and one after a headline or a
caption come alone. Built on small invented documents indexed with the fast test embedder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from qa.answer import shown as shown_mod
from qa.answer.shown import Before, refers_back, sentence_before, shown, shown_answer
from qa.answer.trim import MAX_ANSWER_CHARS
from qa.build import build_index
from qa.config import Settings
from qa.store import Index, SentenceRow

NEWS = (
    "Harbour news\n\n"
    "Skarn council keeps the lighthouse\n\n"
    "On 3 May 2024 the Skarn council voted to keep the old lighthouse of Port Ellery running for ten more "
    "years. For this purpose, the council set aside 40,000 crowns from the harbour fund. It also asked the "
    "lighthouse trust to report every spring.\n\n"
    "Rate this item\n(0 votes)\n\n"
    "Wenlow opens a ferry office\n\n"
    "This summer the Tarrow ferry company opened a ticket office in Wenlow. The office sells tickets for "
    "all crossings to the outer islands.\n"
)
# a one-story file: its title line and a caption are stored apart from its sentences
REPORT = (
    "Lighthouse report\n\n"
    "This report describes the lighthouse of Port Ellery and its keepers.\n\n"
    "The lighthouse was built in 1871 by the Skarn council.\n\n"
    "Photo: Margaret Quill\n\n"
    "It has been run by the lighthouse trust since 1990.\n"
)
RUSSIAN = (
    "Новости гавани\n\n"
    "Совет Скарна сохранил маяк\n\n"
    "3 мая 2024 года совет Скарна решил сохранить старый маяк Порт-Эллери ещё на десять лет. "
    "С этой целью совет выделил 40 000 крон из фонда гавани.\n"
)

# a dateline is cut from its item's first sentence as furniture, and it alone dates the event
DATELINED = (
    "SKARN COUNCIL REVIEWS THE YEAR 2022\n\n"
    "Skarn, 26 January 2023 — The harbour council held its annual press conference on the results of 2022. "
    "The chair presented the figures.\n"
)


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Index:
    from conftest import HashEmbedder

    root = tmp_path_factory.mktemp("shown")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in {"news.txt": NEWS, "report.txt": REPORT, "russian.txt": RUSSIAN,
                       "datelined.txt": DATELINED}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings().with_(corpus_dir=corpus, index_dir=root / "index")
    build_index(settings, HashEmbedder())
    ix = Index.open(settings.index_dir)
    ix.corpus = corpus  # for the verbatim checks
    return ix


def row_of(index: Index, doc: str, opening: str) -> SentenceRow:
    rows = [r for r in index.sentences(0, 10_000) if r.doc == doc and r.text.startswith(opening)]
    assert len(rows) == 1, (doc, opening)
    return rows[0]


def file_text(index: Index, doc: str) -> str:
    return (Path(index.corpus) / doc).read_text(encoding="utf-8")


def test_an_answer_opening_with_for_this_purpose_is_shown_after_the_sentence_it_refers_to(index):
    row = row_of(index, "news.txt", "For this purpose")
    s = shown_answer(index, row, "Why did the council set aside 40,000 crowns?", ["council", "crown"])
    assert s.text == ("On 3 May 2024 the Skarn council voted to keep the old lighthouse of Port Ellery running for "
                      "ten more years. For this purpose, the council set aside 40,000 crowns from the harbour fund.")
    assert s.text == file_text(index, "news.txt")[s.start:s.end]  # one verbatim slice of the file
    assert s.with_before and s.sentence_start == row.start and s.sentence_text == row.text


def test_it_also_takes_the_sentence_before_it_even_when_that_one_refers_back_too(index):
    row = row_of(index, "news.txt", "It also asked")
    s = shown_answer(index, row, "Whom did the council ask to report?", ["council", "ask", "report"])
    assert s.text.startswith("For this purpose") and s.text.endswith("report every spring.")
    assert s.text == file_text(index, "news.txt")[s.start:s.end]


def test_an_answer_that_does_not_refer_back_is_shown_alone(index):
    row = row_of(index, "news.txt", "The office sells")
    s = shown_answer(index, row, "What does the Wenlow office sell?", ["wenlow", "offic", "sell"])
    assert s.text == row.text and not s.with_before and (s.start, s.end) == (row.start, row.end)


def test_an_item_s_first_sentence_never_takes_the_last_sentence_of_the_item_before(index):
    row = row_of(index, "news.txt", "This summer")
    assert sentence_before(index, row) is None
    s = shown_answer(index, row, "Where did the ferry company open a ticket office?", ["ferri", "offic"])
    assert s.text == row.text and "every spring" not in s.text


def test_a_title_line_or_a_caption_before_the_answer_is_never_shown_with_it(index):
    after_title = row_of(index, "report.txt", "This report")
    assert shown_answer(index, after_title, "What does the report describe?", ["report"]).text == after_title.text
    after_caption = row_of(index, "report.txt", "It has been run")
    s = shown_answer(index, after_caption, "Who runs the lighthouse?", ["run", "lighthous"])
    assert s.text == after_caption.text and "Margaret Quill" not in s.text


def test_a_russian_answer_opening_with_s_etoi_tselyu_is_shown_after_the_sentence_before(index):
    row = row_of(index, "russian.txt", "С этой целью")
    s = shown_answer(index, row, "Зачем совет выделил 40 000 крон?", ["совет", "выдел", "крон"])
    assert s.text.startswith("3 мая 2024 года совет Скарна решил") and s.text.endswith("из фонда гавани.")
    assert s.text == file_text(index, "russian.txt")[s.start:s.end]


@pytest.mark.parametrize("opening", [
    "This course was organized by the centre.", "For this purpose, meetings were held.", "It was also noted that",
    "He added that", "As a result of the operations, 740 kg were seized.", "In addition, the parties agreed",
    "However, no date was set.", "Such measures help.", "According to him, the plan works.",
    "Это позволило сократить сроки.", "По его словам, план работает.", "Кроме того, стороны договорились.",
    "В результате операций изъято 740 кг.",
])
def test_back_references_are_recognised(opening):
    assert refers_back(opening)


@pytest.mark.parametrize("opening", [
    "The meeting was held in Almaty.", "On 3 May 2024 the council met.", "Help came from the island.",
    "In addition to drugs, 5 guns were seized.", "Theirs was the largest boat.", "Thermal images were taken.",
    "Встреча прошла в Алматы.", "Товары были задержаны.", "Этнические общины приняли участие.",
])
def test_sentences_that_stand_alone_are_not_taken_for_back_references(opening):
    assert not refers_back(opening)


# --- the answer cap, on invented rows (offsets as in a document "<before> <answer>")


def pair(before: str, answer: str) -> tuple[SentenceRow, Before]:
    prev = SentenceRow(0, "d.txt", 0, 0, len(before), before)
    row = SentenceRow(1, "d.txt", 0, len(before) + 1, len(before) + 1 + len(answer), answer)
    return row, Before(prev, " ")


LONG_BEFORE = ("On 3 May 2024 the council of Skarn, after a long debate that ran from the morning session into "
               "the late evening and drew speakers from every island, from the ferry company, from the fishermen's "
               "guild and from the school board, voted to keep the old lighthouse of Port Ellery running, "
               "to repair its lamp and to pay its two keepers for ten more years.")
ANSWER = "For this purpose, the council set aside 40,000 crowns from the harbour fund."
LONGER = LONG_BEFORE[:-1] + (", " + LONG_BEFORE[0].lower() + LONG_BEFORE[1:-1]) * 2 + "."


def test_a_long_sentence_before_is_shown_whole_though_the_two_pass_the_answer_cap():
    # news sentences are long: the sentence before is shown whole when the two fit PAIR_MAX_CHARS
    assert MAX_ANSWER_CHARS < len(LONG_BEFORE) + 1 + len(ANSWER) <= shown_mod.PAIR_MAX_CHARS
    row, before = pair(LONG_BEFORE, ANSWER)
    s = shown(row, "Why did the council set aside 40,000 crowns?", ["council", "crown"], before)
    assert s.text == LONG_BEFORE + " " + ANSWER and s.sentence_text == ANSWER and s.start == 0


def test_a_pair_over_the_pair_cap_shows_the_answer_sentence_alone_not_a_piece_of_the_one_before():
    assert len(LONGER) + 1 + len(ANSWER) > shown_mod.PAIR_MAX_CHARS
    row, before = pair(LONGER, ANSWER)
    s = shown(row, "Why did the council set aside 40,000 crowns?", ["council", "crown"], before)
    assert s.text == ANSWER and not s.with_before and (s.start, s.end) == (row.start, row.end)


def test_a_pair_that_just_fits_the_pair_cap_is_shown_whole():
    before_text = LONGER[: shown_mod.PAIR_MAX_CHARS - 1 - len(ANSWER) - 1] + "."
    row, before = pair(before_text, ANSWER)
    s = shown(row, "Why?", [], before)
    assert len(s.text) == shown_mod.PAIR_MAX_CHARS and s.text == before_text + " " + ANSWER and s.start == 0


def test_a_long_answer_sentence_is_trimmed_to_the_answer_cap_before_the_sentence_before_is_added():
    long_answer = ("For this purpose, the council set aside 40,000 crowns from the harbour fund, "
                   + "which the councils of the three islands have kept, " * 8 + "and asked for a report.")
    assert len(long_answer) > MAX_ANSWER_CHARS
    row, before = pair("The council voted to keep the lighthouse.", long_answer)
    s = shown(row, "How much did the council set aside?", ["council", "set", "asid"], before)
    assert s.with_before and s.text.startswith("The council voted to keep the lighthouse. For this purpose")
    assert len(s.sentence_text) <= MAX_ANSWER_CHARS and "40,000 crowns" in s.sentence_text


def test_a_long_answer_cut_after_its_opening_no_longer_takes_the_sentence_before():
    # the cut part of a long sentence does not start with "This", so nothing refers back
    long_answer = ("This harbour fund, " + "which the island councils have kept for years, " * 9
                   + "paid 40,000 crowns to the lighthouse trust in 2024.")
    row, before = pair("The lighthouse was saved.", long_answer)
    s = shown(row, "How much did the harbour fund pay to the lighthouse trust?", ["fund", "pay", "trust"], before)
    assert not s.with_before and len(s.text) <= MAX_ANSWER_CHARS and s.text.endswith("in 2024.")


def test_showing_the_sentence_before_can_be_switched_off(monkeypatch):
    row, before = pair("The council voted to keep the lighthouse.", ANSWER)
    assert shown(row, "Why?", [], before).with_before
    monkeypatch.setattr(shown_mod, "CONTEXT", False)
    assert shown(row, "Why?", [], before).text == ANSWER


# --- the answer step (qa.answer.pick.pick_answer) over the invented news, with the fast embedder


@pytest.fixture
def news_service(tmp_path, hash_embedder):
    from qa.app.service import QAService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.txt").write_text(NEWS, encoding="utf-8")
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=hash_embedder)
    service.build()
    return service


def test_the_short_answer_is_found_in_the_answer_sentence_and_points_into_the_shown_text(news_service, monkeypatch):
    from qa.answer import pick

    seen = []

    def pick_amount(text, *args, **kwargs):  # the span model's choice, made certain: the amount
        seen.append(text)
        i = text.find("40,000 crowns")
        return (None if i < 0 else (i, i + len("40,000 crowns"))), 0.99

    monkeypatch.setattr(pick.short, "pick", pick_amount)
    a = news_service.ask("Why did the council set aside 40,000 crowns from the harbour fund?").answer
    assert a is not None and a.sentence_start is not None
    assert seen == [a.sentence_text] and seen[0].startswith("For this purpose")  # not the sentence before
    assert a.text == NEWS[a.start:a.end] and a.start < a.sentence_start <= a.span[0] < a.span[1] <= a.end
    assert NEWS[a.span[0]:a.span[1]] == a.span_text == "40,000 crowns"
    # the confidence is the answer sentence's: the same with the sentence before not shown
    monkeypatch.setattr(shown_mod, "CONTEXT", False)
    alone = news_service.ask("Why did the council set aside 40,000 crowns from the harbour fund?").answer
    assert alone.text == a.sentence_text and alone.score == a.score and alone.span == a.span


# --- PDFs: an item is a page; the answer is the stored extracted text (hyphenation kept), `qa text`


@pytest.fixture
def pdf_service(tmp_path, hash_embedder):
    import docgen

    from qa.app.service import QAService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.pdf").write_bytes(docgen.report_pdf())
    pdf = docgen._pdf()
    pdf.add_page()
    docgen._lines(pdf, ["Pumping stations", "The board opened a new pumping station at Osgate in 2024."])
    pdf.add_page()  # the sentence that refers back opens the next page
    docgen._lines(pdf, ["It cost 3.2 million pounds and serves 9,000 households."])
    (corpus / "stations.pdf").write_bytes(bytes(pdf.output()))
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=hash_embedder)
    service.build()
    return service


def test_a_pdf_answer_with_the_sentence_before_is_one_slice_of_the_extracted_text(pdf_service):
    index = pdf_service.index()
    a = pdf_service.ask("What does the catchment of the Caldmere reservoir cover?").answer
    assert a is not None and a.sentence_text == "Its catchment covers the northern moors."
    # the sentence before it is broken across lines and hyphenated ("embank-\nment") in the PDF: shown so
    assert a.text.startswith("The Caldmere reservoir holds twelve\nmillion") and "embank-\nment" in a.text
    assert a.text == index.document_text("report.pdf")[a.start:a.end]
    assert a.page == 2


def test_a_pdf_sentence_that_refers_back_across_a_page_break_is_shown_alone(pdf_service):
    index = pdf_service.index()
    row = row_of(index, "stations.pdf", "It cost")
    s = shown_answer(index, row, "How much did the Osgate pumping station cost?", ["osgat", "cost"])
    # the page before is another item: its last sentence is not pulled in, the page stays the answer's
    assert s.text == row.text and not s.with_before
    assert index.item(row.doc, row.item).page == 2


def test_a_pdf_sentence_over_a_page_break_is_shown_without_the_footer_and_header_between(tmp_path, hash_embedder):
    import docgen

    from qa.app.cli import render_short
    from qa.app.render import render_reply
    from qa.app.service import QAService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "review.pdf").write_bytes(docgen.broken_pages_pdf())
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=hash_embedder)
    service.build()
    result = service.ask("By when should the mentoring programme be extended to the office in Ayvadj?")
    a = result.answer
    assert a is not None and a.page == 1  # cited on the page where the sentence starts
    # verbatim: the stored text as printed, the page's footer and the next page's header between the halves
    assert a.text == service.index().document_text("review.pdf")[a.start:a.end]
    assert "by the\nPage 1 of 5\n\f\nBorder Liaison Office Review 2023\nend of 2024" in a.text
    # shown as the one sentence it is
    sentence = "extended to the office in Ayvadj by the end of 2024, together with a common template"
    assert sentence in a.marked_text and "Page 1" not in a.marked_text
    assert sentence in render_short(result)
    reply = re.sub(r"<[^>]+>", "", render_reply(1, a, []))  # the short answer ("2024") is marked inside it
    assert sentence in reply and "Page 1" not in reply


def test_a_when_question_s_answer_comes_with_the_dateline_that_dates_it(index):
    row = row_of(index, "datelined.txt", "The harbour council held")
    assert "26 January" not in row.text  # the dateline is furniture of the item, not part of its sentence
    s = shown_answer(index, row, "When did the harbour council hold its press conference on 2022?", ["council"])
    assert s.text.startswith("Skarn, 26 January 2023 — The harbour council held")
    assert s.text == file_text(index, "datelined.txt")[s.start:s.end]
    # any other question, and a sentence after the lead, come alone
    assert shown_answer(index, row, "Who held a press conference?", ["council"]).text == row.text
    chair = row_of(index, "datelined.txt", "The chair")
    assert shown_answer(index, chair, "When did the chair present the figures?", ["chair"]).text == chair.text
