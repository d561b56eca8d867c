"""A document's own fields as answers (qa.answer.fields): "Date: 14 March 2024" says when its meeting was held."""

from __future__ import annotations

import pytest

from qa.answer.fields import (
    asked_field,
    asks_another_gathering,
    asks_latest,
    field_candidate,
    field_of,
    names_its_gathering,
    own_place,
    own_setting,
)

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


def test_minutes_answer_when_and_where_their_meeting_was_held(invented_service):
    # over the minutes of one meeting, the gate (fitted on news and encyclopaedia prose) refused the "Date:" line,
    # and "When did … meet?" got the decision to hold the *next* meeting
    import docgen

    service = invented_service({"minutes.docx": docgen.working_group_docx()})
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


WORKSHOP = "Regional Workshop on Harbour Safety: Programme and Minutes"
# what the field lines at the head of the minutes say of their own workshop (qa.answer.heads reads them)
SETTING = "4-5 June 2024 Harbour Hall, Port Ellery, Skarn"


def test_the_date_and_place_of_a_documents_own_fields_name_its_gathering():
    head = (f"{WORKSHOP}\n\nDate: 4-5 June 2024\n\nVenue: Harbour Hall, Port Ellery, Skarn\n\n"
            "Organisers: the Skarn Harbour Authority")
    assert own_setting(head) == SETTING
    assert own_place(head) == "Harbour Hall, Port Ellery, Skarn"
    # the title names no place; the venue does
    question = "When was the workshop on harbour safety in Port Ellery held?"
    assert not names_its_gathering(question, WORKSHOP)
    assert names_its_gathering(question, f"{WORKSHOP} {SETTING}")
    assert not names_its_gathering("When was the workshop on harbour safety in Wenlow held?", f"{WORKSHOP} {SETTING}")
    texts = ["2. Hold the next workshop in Wenlow in May 2025.", "Date: 4-5 June 2024"]
    assert field_candidate(question, texts, [f"{WORKSHOP} Decisions {SETTING}", f"{WORKSHOP} {SETTING}"],
                           [1.0, 1.0]) == 1


@pytest.mark.parametrize("question", [
    "Where will the next workshop on harbour safety be held?",
    "When is the upcoming workshop?",
    "When was the previous meeting of the Harbour Council held?",
    "Where will the next one be held?",
    "Где пройдёт следующее заседание Совета?",
    "Кто председательствовал на предыдущем совещании?",
])
def test_a_question_about_the_next_or_the_previous_gathering_asks_no_field_of_the_documents_own(question):
    assert asks_another_gathering(question)
    assert asked_field(question) is None


@pytest.mark.parametrize("question", [
    "Where was the workshop on harbour safety held?",
    "When was the last day of the workshop?",  # a day of the workshop, not another workshop
    "Who chaired the workshop last year?",
    "What happened next at the meeting?",
])
def test_words_that_set_no_other_gathering(question):
    assert not asks_another_gathering(question)


@pytest.mark.parametrize("question, latest", [
    ("When was the last meeting of the Harbour Council held?", True),
    ("Who chaired the last Harbour Council meeting?", True),
    ("Where was the most recent workshop on harbour safety held?", True),
    ("Кто председательствовал на последнем заседании Совета?", True),
    ("When was the last day of the workshop?", False),
    ("Who chaired the workshop last year?", False),
    ("How long did the Cold War last?", False),  # a verb
])
def test_the_last_gathering_of_a_series_is_its_most_recent_not_another(question, latest):
    # "the last meeting" is the newest of the series, whose minutes may well be in the documents: its own fields
    # answer (the newest minutes: qa.answer.minutes), where "the next" and "the previous" meeting get none
    assert asks_latest(question) is latest
    assert not asks_another_gathering(question)
    if latest:
        assert asked_field(question) is not None


def test_a_year_the_question_gives_names_one_gathering_of_a_series():
    titled = f"{WORKSHOP} {SETTING}"
    assert names_its_gathering("When was the 2024 workshop on harbour safety held?", titled)
    assert not names_its_gathering("When was the 2022 workshop on harbour safety held?", titled)
    assert not names_its_gathering("Who chaired the workshop on harbour safety in 2022?", titled)
    # a year that dates no gathering the question names is not the gathering's
    assert names_its_gathering("Who was the harbour master in 2022?", titled)
    # an item's ISO date holds its year too (qa.answer.heads adds it to the titles)
    assert names_its_gathering("Who chaired the 2022 Harbour Council meeting?", f"{MINUTES} 2022-03-14")


def test_how_many_attended_is_read_from_a_participants_field_or_the_line_under_that_heading():
    question = "How many participants attended the workshop on harbour safety?"
    assert asked_field(question) == "participants"
    assert asked_field("Сколько человек приняли участие в семинаре?") == "participants"
    assert asked_field("How many attended the meeting?") == "participants"
    # what is counted are not people, or nothing says it was at a gathering
    assert asked_field("How many countries took part in the workshop?") is None
    assert asked_field("How many members does the Harbour Council have?") is None
    line = "38 participants from the harbour authorities, pilot services and coast guards of four provinces."
    titles = [f"{WORKSHOP} Participants {SETTING}"] * 2
    prose = "Participants noted that only 6 harbour accidents were reported in the province in 2023."
    # the line that opens the "Participants" section is that field's value
    assert field_candidate(question, [prose, line], titles, [0.0, 1.0], [None, "Participants"]) == 1
    assert field_candidate(question, ["Number of participants: 38"], titles[:1], [0.0]) == 0
    # not the first line of its section, a list's number, or a section headed otherwise
    assert field_candidate(question, [prose, line], titles, [0.0, 1.0]) is None
    assert field_candidate(question, ["1. Mr. Edwin Marlow, Harbour Master"], titles[:1], [0.0],
                           ["Participants"]) is None
    assert field_candidate(question, [line], titles[:1], [1.0], ["Summary of discussions"]) is None


def test_workshop_minutes_answer_from_their_venue_line_their_chair_and_their_participants(invented_service):
    # the title names no place: "… in Port Ellery" got "not found: the best passage holds this event in another
    # place" (the decision to hold the next one in Wenlow), "Who chaired …" the "Organisers:" line, "How many
    # participants …" "not found", and "Where will the next workshop …" this workshop's "Venue:" line
    import docgen

    service = invented_service({"minutes.docx": docgen.harbour_workshop_docx()})
    answer = service.ask("When was the workshop on harbour safety in Port Ellery held?").answer
    assert answer is not None and answer.text == "Date: 4-5 June 2024"
    answer = service.ask("Who chaired the Port Ellery workshop on harbour safety?").answer
    assert answer is not None and answer.text == "• Edwin Marlow, Harbour Master of Port Ellery (Chair)"
    answer = service.ask("How many participants attended the workshop on harbour safety in Port Ellery?").answer
    assert answer is not None and answer.text.startswith("38 participants")
    answer = service.ask("Where will the next workshop on harbour safety be held?").answer
    assert answer is None or "Venue" not in answer.text


def test_who_ran_the_meeting_asks_for_its_chair_whom_a_presided_line_names():
    from qa.answer.fields import asked_field, labelled

    assert asked_field("Кто вёл заседание рабочей группы в Рессе?") == "chair"
    assert asked_field("Who ran the meeting of the working group in Ressa?") == "chair"
    assert asked_field("Who led the Kelso delegation?") is None  # a delegation's head, not the meeting's chair
    assert labelled("chair", "Председательствовал: Брандт Иво, заместитель начальника Речного управления.", None)


def test_a_label_that_names_its_gathering_is_the_same_field():
    # Russian minutes label their secretary "Секретарь заседания:" and their chair "Председатель заседания:"
    from qa.answer.fields import labelled

    assert labelled("secretary", "Секретарь заседания: Малика Скарнова")
    assert labelled("chair", "Председатель заседания: Сердар Уэнлов")
    assert labelled("place", "Место проведения заседания: г. Скарн")
    assert not labelled("chair", "Секретарь заседания: Малика Скарнова")
def test_a_labelled_line_of_another_meeting_is_no_answer_however_sure_its_label(invented_service):
    # "Chair: Ida Brenn" answers who chaired *this* meeting at 0.7 past the gate; the minutes of the eleventh meeting do
    # not say who chaired the twelfth, and the rule that reads the meeting's number vetoes the label's sureness
    minutes = ("# Minutes of the eleventh meeting of the Lake Council\n\nSkarn, 14 March 2024\n\nChair: Ida Brenn, "
               "national coordinator of Amberland\n\nThe Council approved its budget for 2025.\n")
    service = invented_service({"minutes_11.md": minutes})
    answer = service.ask("Who chaired the eleventh meeting of the Lake Council?").answer
    assert answer is not None and "Ida Brenn" in answer.text and answer.score >= 0.7
    assert service.ask("Who chaired the twelfth meeting of the Lake Council?").answer is None
