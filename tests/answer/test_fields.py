"""A document's own fields as answers (qa.answer.fields): "Date: 14 March 2024" says when its meeting was held."""

from __future__ import annotations

import pytest

from qa.answer.fields import asked_field, field_candidate, field_of, names_its_gathering

MINUTES = "Minutes of the 14th Meeting of the Harbour Council of Skarn"


def test_a_field_line_is_a_label_and_a_value():
    assert field_of("Date: 21 September 2023") == ("date", "21 September 2023")
    assert field_of("Venue: Port Ellery town hall, Skarn") == ("venue", "Port Ellery town hall, Skarn")
    assert field_of("Место проведения: Алматы") == ("место проведения", "Алматы")
    # a sentence with a colon is no field
    assert field_of("The council agreed on three points: budget, staff and boats.") is None
    assert field_of("Decision 4: the ferry timetable for the winter of 2024 was approved by the council.") is None


@pytest.mark.parametrize("question, kind", [
    ("When was the 14th meeting of the Harbour Council held?", "date"),
    ("When did the Harbour Council meet?", "date"),
    ("Where did the council session take place?", "place"),
    ("Когда состоялось заседание Совета?", "date"),
    ("Who chaired the 14th meeting?", "chair"),
    # not about a gathering, nor about one of its offices
    ("When will the new pier open?", None),
    ("Who opened the 14th meeting?", None),
])
def test_a_question_asks_a_field_when_it_asks_when_or_where_a_gathering_was_held_or_who_chaired_it(question, kind):
    assert asked_field(question) == kind


def test_the_title_must_name_the_same_gathering():
    assert names_its_gathering("When was the 14th meeting of the Harbour Council held?", MINUTES)
    assert names_its_gathering("When did the Harbour Council meet?", MINUTES)
    # another meeting of the series, another body, another kind of gathering
    assert not names_its_gathering("When was the 15th meeting of the Harbour Council held?", MINUTES)
    assert not names_its_gathering("When did the Ferry Board meet?", MINUTES)
    assert not names_its_gathering("When was the harbour workshop held?", MINUTES)


def test_the_field_answering_the_question_is_found_among_the_candidates():
    texts = ["The council decided to hold the 15th meeting in Wenlow in March 2024.", "Date: 21 September 2023",
             "Venue: Port Ellery town hall, Skarn"]
    titles = [MINUTES] * 3
    typed = [1.0, 1.0, 0.0]
    assert field_candidate("When did the Harbour Council meet?", texts, titles, typed) == 1
    assert field_candidate("Where was the 14th meeting held?", texts, titles, typed) == 2
    assert field_candidate("When was the 15th meeting held?", texts, titles, typed) is None
    # a date field under another document's title answers nothing
    assert field_candidate("When did the Harbour Council meet?", texts, ["Ferry timetable 2024"] * 3, typed) is None


def test_minutes_answer_when_and_where_their_meeting_was_held(tmp_path, settings_for, real_embedder):
    # over the minutes of one meeting, the gate (fitted on news and encyclopaedia prose) refused the "Date:" line,
    # and "When did … meet?" got the decision to hold the *next* meeting
    import docgen

    from qa.app.service import QAService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "minutes.docx").write_bytes(docgen.working_group_docx())
    service = QAService(settings_for(corpus), embedder=real_embedder)
    service.build()
    answer = service.ask("When did the Joint Working Group on Precursor Control meet?").answer
    assert answer is not None and answer.text == "Date: 14 March 2024"
    answer = service.ask("Where did the working group meet?").answer
    assert answer is not None and answer.text == "Venue: Almaty, Kazakhstan"


def test_a_who_question_about_an_office_of_the_meeting_is_answered_by_the_line_that_marks_it():
    # the attendee list marks the chair in brackets; "Vice-Chair" in a decision is another office
    texts = ["4. Ms. Mara Venn was elected Vice-Chair of the Harbour Council for two years.",
             "• Mr. Edwin Marlow, harbour master, Skarn (Chair)", "Secretary: Ms. Ida Orrin"]
    titles = [MINUTES] * 3
    typed = [1.0, 1.0, 1.0]
    assert asked_field("Who chaired the Harbour Council meeting?") == "chair"
    assert field_candidate("Who chaired the Harbour Council meeting?", texts, titles, typed) == 1
    assert field_candidate("Who was the Chair of the 14th meeting?", texts, titles, typed) == 1
    assert field_candidate("Who took the minutes of the meeting?", texts, titles, typed) == 2
    # another meeting, or an office no line marks
    assert field_candidate("Who chaired the 15th meeting?", texts, titles, typed) is None
    assert field_candidate("Who moderated the meeting?", texts, titles, typed) is None
    assert asked_field("Who opened the meeting?") is None
