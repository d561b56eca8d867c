"""A present-tense question about a role is answered by whoever holds it now by the documents' own dates, not by an
earlier holder (qa.answer.present_holder). Invented documents and questions."""

from __future__ import annotations

import dataclasses

import pytest

from qa.answer.features import Candidate
from qa.answer.present_holder import HOLDER_MARGIN, asked_before, asked_holder, prefer_present_holder
from tests.candidates import lone_candidate

ATTENDEE = "• Timur Askarov, Project Manager, UNODC WELLS project"
LEFT = "Timur Askarov, who managed the project from 2020 to November 2023, was appointed Head of the Regional Centre."
NEW = "Saule Nurova has been the WELLS Project Manager since December 2023; she previously led its training component."


def candidate(text: str, date: str | None, score: float, doc: str = "report.txt", typed: float = 1.0) -> Candidate:
    return lone_candidate(text, date, score, doc, title="Report", features={"typed": typed})


def minutes_and_report(gap: float = 4.5) -> list[Candidate]:
    """The 2023 minutes' attendee line first, the 2024 report's two sentences `gap` and less below it."""
    return [candidate(ATTENDEE, "2023-09-12", 11.0, "minutes.docx"), candidate(LEFT, "2024-02-29", 7.0),
            candidate(NEW, "2024-02-29", 11.0 - gap)]


@pytest.mark.parametrize("question", [
    "Who is the current WELLS project manager?", "Who manages the WELLS project?",
    "Who is the WELLS project manager now?",
    "Кто сейчас руководит проектом WELLS?", "Кто является руководителем проекта WELLS?",
])
def test_a_present_question_about_a_role_asks_for_its_holder(question):
    assert asked_holder(question) is not None


@pytest.mark.parametrize("question", [
    "Who was the WELLS project manager in 2022?", "Who was the WELLS project manager before Saule Nurova?",
    "Who managed the WELLS project in 2021?", "Кто руководил проектом WELLS в 2022 году?",
    "Кто был руководителем проекта WELLS до Сауле Нуровой?", "What does the WELLS project do?",
])
def test_a_past_question_does_not(question):
    assert asked_holder(question) is None


def test_the_present_holder_answers_the_present_question():
    ranked = prefer_present_holder("Who is the current WELLS project manager?", minutes_and_report())
    assert ranked[0].text == NEW and ranked[0].score == 11.0  # the two swap scores
    assert ranked[2].text == ATTENDEE
    assert prefer_present_holder("Who manages the WELLS project?", minutes_and_report())[0].text == NEW


def test_a_holder_marked_past_gives_way_even_from_the_latest_item():
    ranked = [candidate(LEFT, "2024-02-29", 9.0), candidate(NEW, "2024-02-29", 8.0)]
    assert prefer_present_holder("Who is the current WELLS project manager?", ranked)[0].text == NEW


def test_a_start_later_than_the_others_item_dates_counts_as_its_date():
    # an undated report that says when the new holder started
    ranked = [candidate(ATTENDEE, "2023-09-12", 11.0, "minutes.docx"), candidate(NEW, None, 9.0)]
    assert prefer_present_holder("Who is the current WELLS project manager?", ranked)[0].text == NEW


def test_the_past_question_keeps_the_earlier_holder():
    for question in ("Who was the WELLS project manager in 2022?",
                     "Who was the WELLS project manager before Saule Nurova?"):
        assert prefer_present_holder(question, minutes_and_report())[0].text == ATTENDEE


def test_nothing_changes_with_one_holder_named_or_beyond_the_margin():
    one = [candidate(ATTENDEE, "2023-09-12", 11.0, "minutes.docx"),
           candidate("The project opened three border liaison offices in 2024.", "2024-02-29", 10.0, typed=0.0)]
    assert prefer_present_holder("Who is the current WELLS project manager?", one)[0].text == ATTENDEE
    far = minutes_and_report(gap=HOLDER_MARGIN + 0.5)
    assert prefer_present_holder("Who is the current WELLS project manager?", far)[0].text == ATTENDEE


def test_a_person_asked_about_by_name_is_read_in_the_role_they_hold_now():
    earlier = candidate("• Сатова Айгерим Маратовна — начальник аналитического отдела РИКЦ", "2025-02-12", 27.5,
                        "minutes.docx")
    later = candidate("Совет назначил заместителем директора РИКЦ Айгерим Сатову (Республика Казахстан).",
                      "2025-04-20", 25.7, "news.html")
    assert prefer_present_holder("Who is Aigerim Satova?", [earlier, later])[0].text == later.text
    # another person's role, however late, is not hers
    other = candidate("Совет назначил заместителем директора РИКЦ Илхома Назарова.", "2025-04-20", 25.7, "news.html")
    assert prefer_present_holder("Who is Aigerim Satova?", [earlier, other])[0].text == earlier.text


MINUTES = (
    "Minutes of the WELLS Project Steering Committee\n"
    "\n"
    "Tarrow, 12 September 2023\n"
    "\n"
    "Participants:\n"
    "• Timur Askarov, Project Manager, UNODC WELLS project\n"
    "• Erlan Sadykov, Border Service of Wenlow\n"
    "\n"
    "The Committee approved the WELLS work plan for 2024 and the opening of three border liaison offices.\n"
)
REPORT = (
    "WELLS project: annual progress report 2023\n"
    "\n"
    "Tarrow, 29 February 2024\n"
    "\n"
    "The WELLS project opened two border liaison offices in 2023 and trained 640 officers.\n"
    "\n"
    "Timur Askarov, who managed the project from 2020 to November 2023, was appointed Head of the Regional Centre. "
    "Saule Nurova has been the WELLS Project Manager since December 2023; she previously led the project's training "
    "component. The project team has 12 staff members in Tarrow and Wenlow.\n"
)


@pytest.mark.slow
def test_the_new_manager_answers_end_to_end(invented_service):
    service = invented_service({"minutes.txt": MINUTES, "report.txt": REPORT})
    for question in ("Who is the current WELLS project manager?", "Who manages the WELLS project?"):
        answer = service.ask(question).answer
        assert answer is not None and answer.doc == "report.txt" and "Saule Nurova" in answer.text, question
    answer = service.ask("Who was the WELLS project manager in 2022?").answer
    assert answer is None or "Saule Nurova" not in answer.text


def test_a_question_about_someone_else_than_the_named_person_is_not_read_as_who_they_are():
    assert asked_holder("Who is Aigerim Satova?") is not None and asked_holder("Кто такая Айгерим Сатова?") is not None
    assert asked_holder("Which official does Aigerim Satova report to?") is None


@pytest.mark.parametrize("question", [
    "Who do the WELLS project managers report to?", "Who is the WELLS project manager that founded the centre?",
    "Кому подчиняется руководитель проекта WELLS?",
])
def test_a_question_about_someone_else_or_a_past_deed_does_not_ask_for_the_present_holder(question):
    assert asked_holder(question) is None


def test_a_deputy_is_not_the_holder_of_the_role_itself():
    director = candidate("Centre Director Kanat Orazov met the Ambassador on 3 July 2023.", "2023-07-05", 10.0, "news")
    deputy = candidate("Timur Askarov, who managed the project until November 2023, was appointed Deputy Director of "
                       "the Centre.", "2024-02-29", 9.0)
    assert prefer_present_holder("Who is the Director of the Centre?", [director, deputy])[0].text == director.text
    earlier = candidate("• Aliya Serikova, Deputy Director of the Centre", "2023-09-12", 10.0, "minutes.docx")
    assert prefer_present_holder("Who is the Deputy Director of the Centre?", [earlier, deputy])[0].text == deputy.text


def test_a_later_item_naming_another_bodys_heads_does_not_take_the_asked_bodys_head():
    # "Who heads the CARICC Organizational Unit?" lost its answer to a later item's "heads of analytical departments"
    asked = ("Head of the UNODC Almaty Office, Mr. Leon Varga, and the Head of the Skarn Organizational Unit, "
             "Ms. Ada Moss")
    other = ("The heads of analytical departments of the border agencies, Mr. Ivo Petrov and Ms. Lea Tamm, met in "
             "Skarn.")
    ranked = [candidate(asked, "2022-03-01", 16.9, "news1.txt"), candidate(other, "2022-08-03", 13.3, "news2.txt")]
    assert prefer_present_holder("Who heads the Skarn Organizational Unit?", ranked)[0].text == asked


# Russian office words in every case, and the holder before a named one ("Thirty-seventh session")

RU_AMBASSADOR_Q = "Кто является послом Японии в Скарне?"


def test_a_russian_office_word_is_read_in_any_case():
    asked = asked_holder(RU_AMBASSADOR_Q)  # "послом": "посол" in the instrumental
    assert asked is not None and asked.roles == frozenset({"ambassad"})


def test_the_present_ambassador_answers_in_russian():
    ranked = [candidate("Посол Японии в Скарне Кэндзи Ода открыл выставку.", "2023-05-10", 10.0, "news.html"),
              candidate("Новым послом Японии в Скарне с января 2025 года назначен Хиро Сато.", "2025-01-20", 8.0)]
    out = prefer_present_holder(RU_AMBASSADOR_Q, ranked)
    assert out[0].text.startswith("Новым послом") and out[0].score == 10.0


@pytest.mark.parametrize(("question", "after"), [
    ("Who was the WELLS project manager before Saule Nurova?", ("saule", "nurov")),
    ("Кто был руководителем проекта WELLS до Сауле Нуровой?", ("saule", "nurov")),
])
def test_a_question_about_the_holder_before_a_named_one(question, after):
    asked = asked_before(question)
    assert asked is not None and asked.after == after and asked.roles


@pytest.mark.parametrize("question", [
    "Who was the WELLS project manager before 2023?",
    "What post did Timur Askarov hold before becoming Head of the Regional Centre?",
    "Кто был руководителем проекта WELLS до 2023 года?", "Who is the current WELLS project manager?",
])
def test_a_question_before_a_date_or_a_post_taken_asks_no_holder_before_a_named_one(question):
    assert asked_before(question) is None


def test_the_holder_before_the_named_one_answers_whatever_the_gap():
    # the new manager's sentence gives the role to the one named after: it is "not found" (qa.answer.roles), so the
    # earlier manager, marked past, takes its place at any gap
    ranked = [candidate(NEW, "2024-02-29", 18.0, typed=0.0), candidate(LEFT, "2024-02-29", 11.0),
              candidate("The project team has 12 staff members.", "2024-02-29", 9.0, typed=0.0)]
    out = prefer_present_holder("Who was the WELLS project manager before Saule Nurova?", ranked)
    assert out[0].text == LEFT and out[0].score == 18.0


def test_the_holder_before_in_russian():
    ranked = [candidate("Сауле Нурова руководит проектом WELLS с декабря 2023 года.", "2024-02-29", 10.0),
              candidate("Тимур Аскаров, руководивший проектом с 2020 по ноябрь 2023 года, назначен главой "
                        "Регионального центра.", "2024-02-29", 8.0)]
    out = prefer_present_holder("Кто был руководителем проекта WELLS до Сауле Нуровой?", ranked)
    assert out[0].text.startswith("Тимур Аскаров")


def test_no_earlier_holder_no_change():
    # the other candidate is the named one again, or names no one in the role marked past or dated earlier
    ranked = [candidate(NEW, "2024-02-29", 10.0), candidate(ATTENDEE, "2024-03-12", 9.0, "minutes.docx")]
    question = "Who was the WELLS project manager before Saule Nurova?"
    assert prefer_present_holder(question, ranked) == ranked
    ranked = [candidate(LEFT, "2024-02-29", 10.0), candidate(NEW, "2024-02-29", 9.0)]
    assert prefer_present_holder(question, ranked) == ranked  # the best does not name her: left alone


APPOINTED = "Ms. Lena Varga will head the Council secretariat from 1 July 2024."
REPLACES = "She replaces Mr. Oskar Brandt, who led the secretariat from its creation in 2019."
APPOINTED_RU = "С 1 апреля 2025 года офицером связи от Республики Остравия назначен полковник Марат Сабиров."
REPLACES_RU = "Он сменяет майора Эрика Волкова, который работал офицером связи с сентября 2021 года."


@pytest.mark.parametrize("question, ranked, answer", [
    ("Who was in charge of the Council secretariat before Lena Varga?",
     [(APPOINTED, 30.0), (REPLACES, 26.5)], REPLACES),
    ("Who headed the Council secretariat before July 2024?", [(APPOINTED, 30.0), (REPLACES, 26.5)], REPLACES),
    ("Кто был офицером связи от Остравии до апреля 2025 года?", [(APPOINTED_RU, 30.0), (REPLACES_RU, 27.0)],
     REPLACES_RU),
    ("Who was the liaison officer of Ostravia before April 2025?", [(APPOINTED_RU, 30.0), (REPLACES_RU, 27.0)],
     REPLACES_RU),
    # whom the new holder replaced is the one before, asked without "before"
    ("Кого сменил Марат Сабиров на посту офицера связи?", [(APPOINTED_RU, 30.0), (REPLACES_RU, 27.0)], REPLACES_RU),
    ("Whom did Lena Varga replace at the head of the Council secretariat?", [(APPOINTED, 30.0), (REPLACES, 26.5)],
     REPLACES),
])
def test_a_question_about_who_held_a_role_before_takes_the_sentence_naming_the_predecessor(question, ranked, answer):
    from qa.answer.present_holder import prefer_predecessor

    # the two sentences of one news item
    first, second = (candidate(t, "2024-06-20", s) for t, s in ranked)
    out = prefer_predecessor(question, [first, dataclasses.replace(second, passage=first.passage)])
    assert out[0].text == answer and out[0].score == ranked[0][1]


def test_the_predecessor_is_not_preferred_when_the_present_holder_is_asked_or_when_it_is_too_far_below():
    from qa.answer.present_holder import prefer_predecessor

    ranked = [candidate(APPOINTED, "2024-06-20", 30.0), candidate(REPLACES, "2024-06-20", 26.5)]
    assert prefer_predecessor("Who heads the Council secretariat?", ranked)[0].text == APPOINTED
    # another item's sentence far below the best is another story's predecessor
    far = [candidate(APPOINTED, "2024-06-20", 30.0), candidate(REPLACES, "2024-06-20", 30.0 - HOLDER_MARGIN - 1)]
    assert prefer_predecessor("Who headed the Council secretariat before Lena Varga?", far)[0].text == APPOINTED
    # a best that already marks its holder as past answers; another item's predecessor of another post does not
    past = [candidate("From 2022 to 2024 the secretariat was headed by Ms. Ana Rivas.", "2024-06-20", 30.0),
            candidate(REPLACES, "2024-06-20", 29.0)]
    assert prefer_predecessor("Who headed the Council secretariat before Lena Varga?", past)[0].text == past[0].text
    other_post = [candidate(APPOINTED, "2024-06-20", 30.0),
                  candidate("She replaces Mr. Ivo Hahn as programme coordinator.", "2024-06-20", 29.0)]
    assert prefer_predecessor("Who chaired the steering committee before Lena Varga?", other_post)[0].text == APPOINTED
    # a sentence that names no person ("typed" 0) is no predecessor's
    untyped = [candidate(APPOINTED, "2024-06-20", 30.0), candidate(REPLACES, "2024-06-20", 26.5, typed=0.0)]
    assert prefer_predecessor("Who headed the Council secretariat before Lena Varga?", untyped)[0].text == APPOINTED


def test_whom_someone_succeeded_is_not_answered_by_their_own_earlier_post():
    # "До нового назначения Нурбек Абдыкадыров с 2019 года возглавлял пост «Кызыл-Бел»." marks a holder as past,
    # which answers "who was … before 2024?", and it was given for "Whom did … succeed …?"
    from qa.answer.present_holder import prefer_predecessor

    earlier = "Before her appointment, from 2019 to 2024, Lena Varga headed the Skarn harbour office."
    ranked = [candidate(earlier, "2024-06-20", 30.0), candidate(REPLACES, "2024-06-20", 29.0)]
    ranked[1] = dataclasses.replace(ranked[1], passage=ranked[0].passage)
    assert prefer_predecessor("Whom did Lena Varga succeed as head of the Council secretariat?",
                              ranked)[0].text == REPLACES
    assert prefer_predecessor("Who headed the Council secretariat before 2024?", ranked)[0].text == earlier
