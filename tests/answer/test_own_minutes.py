"""The minutes of the gathering a field question names, read beyond the passages retrieved
(qa.answer.own_minutes), and what was decided and the last gathering of a series, end to end."""

from __future__ import annotations

import pytest

from qa.answer.own_minutes import asked_of_minutes


@pytest.mark.parametrize("question, asks", [
    ("Where was the workshop on harbour safety held?", True),
    ("Who attended for FAO?", True),
    ("What was decided at the workshop?", True),
    ("Что решили на заседании рабочей группы?", True),
    ("Who is the Director of the Harbour Authority?", False),  # asks who holds an office, not who attended
    ("What is the capital of Skarn?", False),
    ("Where will the next workshop be held?", False),
])
def test_which_questions_read_a_gatherings_minutes(question, asks):
    assert (asked_of_minutes(question) is not None) is asks


def test_minutes_answer_where_and_when_and_what_was_decided_though_retrieval_brought_news(invented_service):
    # a dozen news stories about the workshop outrank the minutes' head for retrieval: "Where was the workshop on
    # harbour safety held?" got "Where the workshop on harbour safety should go next was held over to the
    # decisions." (a news story), "When …" a 2022 workshop's story, and "What was decided …" a line of the summary
    import docgen

    service = invented_service({"minutes.docx": docgen.harbour_workshop_docx(), **docgen.HARBOUR_NEWS})
    answer = service.ask("Where was the workshop on harbour safety held?").answer
    assert answer is not None and answer.text == "Venue: Harbour Hall, Port Ellery, Skarn"
    answer = service.ask("When was the workshop on harbour safety held?").answer
    assert answer is not None and answer.text == "Date: 4-5 June 2024"
    answer = service.ask("What was decided at the workshop on harbour safety in Port Ellery?").answer
    assert answer is not None and answer.text == "1. Prepare a common pilotage checklist by 31 December 2024."


def test_pdf_minutes_answer_the_same_way(invented_service):
    # a PDF's headings are lines of its page: "Decisions" is read back to as a label; before, the where- and
    # when-questions got news stories and "What was decided …?" a news story about the decisions
    import docgen

    service = invented_service({"minutes.pdf": docgen.harbour_minutes_pdf(), **docgen.HARBOUR_NEWS})
    answer = service.ask("Where was the workshop on harbour safety held?").answer
    assert answer is not None and answer.text == "Venue: Harbour Hall, Port Ellery, Skarn"
    answer = service.ask("What was decided at the workshop on harbour safety?").answer
    assert answer is not None and answer.text == "1. Prepare a common pilotage checklist by 31 December 2024."


def test_the_last_meeting_of_a_series_is_answered_from_its_newest_minutes(invented_service):
    # two meetings' minutes and news of an older one: "the last meeting" got the news of the 8th meeting
    import docgen

    service = invented_service({
        "council-9.docx": docgen.fisheries_council_docx(
            9, "12 June 2024", "Council headquarters, Torshavn", "Mr. Olaf Brekke, National Delegate, Norway",
            "Hold the 10th meeting in Bergen in March 2025."),
        "council-10.docx": docgen.fisheries_council_docx(
            10, "18 March 2025", "Harbour Conference Centre, Bergen", "Ms. Sigrun Halldorsdottir, National Delegate, "
            "Iceland", "Hold the 11th meeting in Reykjavik in 2026."),
        "news.txt": docgen.FISHERIES_NEWS,
    })
    answer = service.ask("When was the last meeting of the Fisheries Council held?").answer
    assert answer is not None and answer.text == "Date: 18 March 2025"
    answer = service.ask("Who chaired the last meeting of the Fisheries Council?").answer
    assert answer is not None and "Sigrun Halldorsdottir" in answer.text
    answer = service.ask("What was decided at the 10th meeting of the Fisheries Council?").answer
    assert answer is not None and answer.text == "1. Hold the 11th meeting in Reykjavik in 2026."


def test_russian_minutes_answer_what_was_decided_from_their_decisions(invented_service):
    # "Что решили …?" got the bare label "Решили:" (0.23), "Какие решения …?" "not found"
    import docgen

    service = invented_service({"protokol.docx": docgen.ru_minutes_docx(), "novosti.txt": docgen.RU_NEWS})
    first = "1. Подготовить общий перечень контролируемых прекурсоров до 30 июня 2024 г."
    answer = service.ask("Что решили на заседании рабочей группы?").answer
    assert answer is not None and answer.text == first
    answer = service.ask("Какие решения были приняты на заседании рабочей группы?").answer
    assert answer is not None and answer.text == first
    answer = service.ask("Где проходило заседание рабочей группы?").answer
    assert answer is not None and answer.text.startswith("Место проведения:")
