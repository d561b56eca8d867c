"""A who-question about the holder of an office answered by a sentence that names someone in another office is "not
found" (qa.answer.roles, the gate's "miscast" rule): a deputy is no chairman, another country's chairman is not this
country's, a rapporteur of an office is not its head. Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.roles import asked_role, miscast, miscast_note, names_holder

CHAIR_Q = "Who is the Chairman of the State Revenue Service of Kazakhstan?"
HEAD_Q = "Who is the Head of the Orlen Programme Office in Tarrow?"


@pytest.mark.parametrize(("question", "sentence", "note"), [
    # a deputy is no chairman, and this one is another country's
    (CHAIR_Q, "The seminar was opened by Piet Marlow, First Deputy Chairman of the State Revenue Committee of the "
              "Republic of Uzbekistan, and by Ms. Ida Brenn, Programme Manager of the Skarn Institute.",
     "The best passage names Piet Marlow as First Deputy Chairman in Uzbekistan, not as Chairman in Kazakhstan."),
    # another country's chairman
    (CHAIR_Q, "\"We will keep the border open,\" said Olaf Renn, Chairman of the State Revenue Service of Tajikistan.",
     "The best passage names Olaf Renn as Chairman in Tajikistan, not as Chairman in Kazakhstan."),
    # a rapporteur of the office is not its head
    (HEAD_Q, "• Mara Quill, Rapporteur, Orlen Programme Office in Tarrow",
     "The best passage names Mara Quill as Rapporteur, not as Head."),
    # the head of the office in another city
    (HEAD_Q, "Director Tom Vell met Ambassador Lena Hart, Head of the Orlen Programme Office in Dunmore, on 3 July.",
     "The best passage names Lena Hart as Head of the Orlen Programme Office in Dunmore, not as Head of the Orlen "
     "Programme Office in Tarrow."),
    # a former one
    ("Who is the Director of the Skarn Institute?", "Edwin Marlow, former Director of the Skarn Institute, spoke.",
     "The best passage names Edwin Marlow as former Director, not as Director."),
])
def test_someone_in_another_office_does_not_answer(question, sentence, note):
    found = miscast(question, sentence, "en")
    assert found is not None
    assert miscast_note(found) == note
    assert not names_holder(question, sentence, "en")


@pytest.mark.parametrize(("question", "sentence"), [
    (CHAIR_Q, "\"This is the largest seizure in five years,\" said Arman Sadyk, Chairman of the State Revenue "
              "Service."),
    (HEAD_Q, "Ambassador Lena Hart, Head of the Orlen Programme Office in Tarrow, opened the course."),
    (HEAD_Q, "The certificates were handed over by the Head of the Orlen Programme Office in Tarrow, Ambassador Lena "
             "Hart."),
    (HEAD_Q, "Lena Hart, who took up her post as Head of the Orlen Programme Office in Tarrow in January, spoke."),
    # the appositive: the office's head, then her name
    (HEAD_Q, "The Orlen Programme Office's head, Lena Hart, opened the course."),
    # an office written before the name, with whose it is
    ("Who is the Director of SKI?", "SKI Director Tom Vell met the delegation on 3 July."),
    # "head" asks for whoever heads it
    ("Who is the head of the Skarn Institute?", "Tom Vell, Director of the Skarn Institute, opened the meeting."),
    # the deputy asked for
    ("Who is the Deputy Director of the Skarn Institute?",
     "Aibek Tor was appointed Deputy Director of the Skarn Institute."),
    # a name's word title-cased in one and not in the other names no other body
    ("Who is the current Skarn project manager?", "• Ida Brenn, Project Manager, Skarn project"),
    # an acting holder holds the office
    ("Who is the Director of the Skarn Institute?", "Tom Vell, Acting Director of the Skarn Institute, spoke."),
])
def test_the_holder_of_the_asked_office_answers(question, sentence):
    assert miscast(question, sentence, "en") is None
    assert names_holder(question, sentence, "en")


@pytest.mark.parametrize(("question", "sentence"), [
    # a sentence that names no office is left to the gate (SQuAD names people without titles)
    (CHAIR_Q, "The service was led by Arman Sadyk from 2019."),
    # a question that asks for no office
    ("Who opened the seminar?", "The seminar was opened by Piet Marlow, First Deputy Chairman of the Committee."),
    ("Who was the man who led the team?", "Piet Marlow, First Deputy Chairman of the Committee, led it."),
    # a Russian question is left alone
    ("Кто является председателем налоговой службы?",
     "Piet Marlow, First Deputy Chairman of the Committee, spoke."),
])
def test_no_office_asked_or_named_is_left_to_the_gate(question, sentence):
    assert miscast(question, sentence, "en") is None


def test_the_office_asked():
    role = asked_role(CHAIR_Q)
    assert role is not None and role.office == "chair" and role.of == "the State Revenue Service of Kazakhstan"
    role = asked_role("Who is the current Skarn project manager?")
    assert role is not None and role.office == "manager" and role.of == "Skarn project"
    assert asked_role("Who is the Deputy Director of SKI?").other == frozenset({"deputy"})


def test_the_rule_says_why():
    from dataclasses import replace

    from qa.answer.evidence import rule_that_holds
    from qa.answer.not_found import not_found_note
    from qa.answer.weights import MINILM

    assert rule_that_holds({"miscast": 1.0}, replace(MINILM, count_veto=True)) == "miscast"
    assert not_found_note("miscast", CHAIR_Q) == (
        "The best passage names someone in another post than the one asked about.")


CUSTOMS_NEWS = (
    "Revenue officers seize 412 kg of heroin at Wenlow\n\n"
    "SKARN, 16 March 2023 - Officers of the Skarn Regional Revenue Office seized 412 kilograms of heroin at the "
    "Wenlow checkpoint on the border on 14 March 2023. The driver was detained. "
    "\"This is the largest seizure at our southern border in five years,\" said Arman Sadyk, Chairman of the State "
    "Revenue Service.\n"
)
SEMINAR_NEWS = (
    "Regional seminar on revenue control held in Tarrow\n\n"
    "TARROW, 20 May 2024 - From 14 to 16 May 2024 a regional seminar on revenue control was held in Tarrow. "
    "The seminar was opened by Piet Marlow, First Deputy Chairman of the State Revenue Committee of the Republic of "
    "Uzbekistan, and by Ms. Ida Brenn, Programme Manager of the Skarn Institute. "
    "Thirty officers from Kazakhstan, Kyrgyzstan and Tajikistan took part.\n"
)
WORKSHOP_MINUTES = (
    "Workshop on border liaison: minutes\n\n"
    "Organisers: the Skarn Institute and the Orlen Programme Office in Tarrow\n\n"
    "Participants\n\n"
    "• Tom Vell, Director of the Skarn Institute (Chair)\n"
    "• Mara Quill, Rapporteur, Orlen Programme Office in Tarrow\n"
    "• Ida Brenn, Programme Manager, Skarn Institute\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"customs.txt": CUSTOMS_NEWS, "seminar.txt": SEMINAR_NEWS, "minutes.txt": WORKSHOP_MINUTES})


@pytest.mark.slow
def test_the_head_asked_is_not_a_rapporteur_nor_a_deputy(service):
    result = service.ask(HEAD_Q)
    assert result.answer is None
    assert result.not_found == "The best passage names Mara Quill as Rapporteur, not as Head."
    # a first deputy chairman is no chairman
    result = service.ask("Who is the Chairman of the State Revenue Committee of Uzbekistan?")
    assert result.answer is None
    assert result.not_found == "The best passage names Piet Marlow as First Deputy Chairman, not as Chairman."
    # the chairman asked is the one the documents name, not another country's deputy
    answer = service.ask("Who is the Chairman of the State Revenue Service of Kyrgyzstan?").answer
    assert answer is not None and "Arman Sadyk, Chairman" in answer.text
    # the director of the institute still answers
    answer = service.ask("Who is the Director of the Skarn Institute?").answer
    assert answer is not None and "Tom Vell" in answer.text
