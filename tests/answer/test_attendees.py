"""An attendee list's line answers who stood for a party at a gathering (qa.answer.attendees)."""

from __future__ import annotations

import pytest

from qa.answer.attendees import asked_party, is_attendance_heading, list_heading, party_candidate

TITLE = "Minutes of the 9th Meeting of the North Atlantic Fisheries Council Attendees"
LINES = ["• Mr. Olaf Brekke, National Delegate, Norway (Chair)",
         "• Ms. Sigrun Halldorsdottir, National Delegate, Iceland", "• Mr. Pavel Orlov, observer, Russian Federation",
         "• Ms. Ines Carvalho, FAO Fisheries Division"]
RU_TITLE = "Протокол заседания рабочей группы по прекурсорам Присутствовали"
RU_LINES = ["• Каримов Бахтиёр Усманович – председатель рабочей группы (Узбекистан)",
            "• Ахмедова Сабина Рашидовна – эксперт УНП ООН",
            "• Жумабаев Нурлан – Комитет национальной безопасности Республики Казахстан"]


def _on_one_list(title: str):
    return lambda i: ("attendees", title)


@pytest.mark.parametrize("question, line", [
    ("Who attended the Council meeting for Iceland?", 1),
    ("Who was Iceland's representative at the meeting?", 1),
    ("Who represented the Russian Federation?", 2),
    ("Who was the observer from Russia?", 2),
    ("Who was the Russian observer?", 2),
    ("Who attended the Fisheries Council meeting for FAO?", 3),
    ("Who was the National Delegate for Norway?", 0),
    ("Who attended the 9th meeting for Norway?", 0),
    # the meeting's date is the date filter's: "May" is no name the list's title must hold
    ("Who represented Iceland at the Fisheries Council meeting in May 2024?", 1),
])
def test_the_line_naming_the_party_answers(question, line):
    assert party_candidate(question, LINES, _on_one_list(TITLE)) == line


@pytest.mark.parametrize("question", [
    # a party no line names: never another party's line
    "Who attended the Council meeting for Denmark?",
    "Who represented Finland at the Council meeting?",
    "Who attended for the World Bank?",
    # another meeting of the series, another body, another kind of gathering
    "Who attended the 8th Council meeting for Iceland?",
    "Who attended the Whaling Board meeting for Iceland?",
    "Who attended the workshop for Iceland?",
    # another meeting than the list's own, named by its place in the series
    "Who attended the previous Council meeting for Iceland?",
    # not who stood for the party
    "Who presented the report for Iceland?",
    "When did Iceland join the Council?",
    # no party named
    "Who attended the Council meeting?",
])
def test_no_line_answers_what_the_list_does_not_say(question):
    assert party_candidate(question, LINES, _on_one_list(TITLE)) is None


def test_russian_minutes():
    assert party_candidate("Кто представлял Узбекистан на заседании рабочей группы?", RU_LINES,
                           _on_one_list(RU_TITLE)) == 0
    assert party_candidate("Кто присутствовал от Казахстана?", RU_LINES, _on_one_list(RU_TITLE)) == 2
    assert party_candidate("Кто представлял УНП ООН?", RU_LINES, _on_one_list(RU_TITLE)) == 1
    assert party_candidate("Кто присутствовал от Туркменистана?", RU_LINES, _on_one_list(RU_TITLE)) is None


def test_lines_on_no_list_or_on_two_lists_answer_nothing():
    question = "Who was the observer from Russia?"
    assert party_candidate(question, LINES, lambda i: None) is None
    # two meetings' lists both name the party, and the question names neither meeting
    other = "Minutes of the 10th Meeting of the North Atlantic Fisheries Council Attendees"
    texts = LINES + ["• Ms. Vera Sokolova, observer, Russian Federation"]
    assert party_candidate(question, texts, lambda i: (i == 4, other if i == 4 else TITLE)) is None
    # the question names one of them
    assert party_candidate("Who was the observer from Russia at the 10th meeting?", texts,
                           lambda i: (i == 4, other if i == 4 else TITLE)) == 4


def test_a_list_is_known_by_its_heading_or_label():
    assert all(map(is_attendance_heading, ["Attendees", "List of participants", "Present:", "In attendance",
                                           "Присутствовали:", "Participants and observers"]))
    assert not any(map(is_attendance_heading, ["Apologies", "Decisions", "Members of the Council", "Absent"]))
    # the label or heading read back over the lines of the list (a text file's, a PDF page's)
    line = "- Mr. Pavel Orlov, observer, Russian Federation"
    assert list_heading(line, ["- Ms. Sigrun Halldorsdottir, Iceland", "Present:"], "Minutes") == "Present:"
    # the section's title when the list opens the section (a Word heading)
    assert list_heading(line, ["- Ms. Sigrun Halldorsdottir, Iceland"], "Attendees") == "Attendees"
    # prose between the line and the heading: the line is on no attendee list
    prose = "The Council reviewed the herring quotas for 2025 and asked the committee for a new stock estimate."
    assert list_heading(line, [prose, "Present:"], "Minutes") is None
    assert list_heading(line, [], "Decisions") is None
    # how many attended, said before the list, is no prose between it and its heading
    count = "38 participants from the harbour authorities, pilot services and coast guards of four provinces."
    assert list_heading(line, ["- Ms. Sigrun Halldorsdottir, Iceland", count], "Participants") == "Participants"
    assert asked_party("When did the Council meet?") is None


def test_minutes_answer_who_stood_for_a_party(invented_service):
    # the news of another meeting of the council, which shares the question's words, was the answer; a party
    # the list does not hold gets no other party's line
    import docgen

    service = invented_service({"minutes.docx": docgen.fisheries_minutes_docx(), "news.txt": docgen.FISHERIES_NEWS})
    answer = service.ask("Who attended the Council meeting for Iceland?").answer
    assert answer is not None and answer.text == "• Ms. Sigrun Halldorsdottir, National Delegate, Iceland"
    answer = service.ask("Who represented Sweden at the Council meeting?").answer
    assert answer is not None and answer.text == "• Mr. Jonas Lindqvist, National Delegate, Sweden"
    # the usual answer step decides (here it takes a news sentence): no other party's line of the list
    answer = service.ask("Who represented Finland at the Council meeting?").answer
    assert answer is None or "National Delegate" not in answer.text
