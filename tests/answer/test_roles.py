"""A who-question about the holder of an office answered by a sentence that names someone in another office is "not
found" (qa.answer.roles, the gate's "miscast" rule): a deputy is no chairman, another country's chairman is not this
country's, a rapporteur of an office is not its head. Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.roles import asked_post, asked_role, held_roles, miscast, miscast_note, names_holder, prefer_holder
from tests.candidates import lone_candidate

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
    # an office written in lower case, with the words of its compound: a former one, and another office
    ("Who is the Skarn project manager?", "Anna Lind, the former project manager, thanked the donors.",
     "The best passage names Anna Lind as former project manager, not as manager."),
    ("Who is the Skarn project manager?", "Since May, Anna Lind has served as programme coordinator.",
     "The best passage names Anna Lind as programme coordinator, not as manager."),
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
    # an office written in lower case, a compound's words before it: "as programme coordinator", "the Vell programme
    # coordinator", "the new project manager"
    ("Who is currently the Vell programme coordinator?",
     "Dilnoza Karimova has led the Vell Programme Office as programme coordinator since 2023."),
    ("Who is currently the Vell programme coordinator?", "Dilnoza Karimova is the Vell programme coordinator."),
    ("Who is the Skarn project manager?", "Anna Lind, the new project manager, opened the course."),
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
    # a Russian question that asks for no office
    ("Кто открыл семинар?", "The seminar was opened by Piet Marlow, First Deputy Chairman of the Committee."),
])
def test_no_office_asked_or_named_is_left_to_the_gate(question, sentence):
    assert miscast(question, sentence, "en") is None


@pytest.mark.parametrize("sentence", [
    "The team was set up to head the office's work.", "He said the man who will head it is ready.",
    "As officers head north, the checks go on.",
])
def test_a_verb_is_no_office(sentence):
    assert not [r for r in held_roles(sentence, "en") if r.office == "head"]


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
    # the best line may be the rapporteur's or (asked_marks: a "who heads" question takes any heading office) the
    # other body's director: either way no head of the office asked, and the reason says whose post it is
    assert result.not_found in ("The best passage names Mara Quill as Rapporteur, not as Head.",
                                "The best passage names Tom Vell as Director of the Skarn Institute, not as Head "
                                "of the Orlen Programme Office in Tarrow.")
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


# Russian office words, in every case, and questions about a post held before ("Thirty-seventh session")

RU_HEAD_Q = "Кто возглавляет Программный офис Орлен в Тарроу?"


@pytest.mark.parametrize(("question", "office", "other", "of"), [
    (RU_HEAD_Q, "head", frozenset(), "Программный офис Орлен в Тарроу"),
    ("Кто является председателем Налоговой службы Казахстана?", "chair", frozenset(), "Налоговой службы Казахстана"),
    ("Кто сейчас руководит Институтом Скарн?", "head", frozenset(), "Институтом Скарн"),
    ("Кто первый заместитель директора Института Скарн?", "director", frozenset({"deputy"}), "Института Скарн"),
])
def test_a_russian_question_about_an_office_is_read_in_any_case(question, office, other, of):
    role = asked_role(question)
    assert role is not None and (role.office, role.other, role.of) == (office, other, of)


@pytest.mark.parametrize(("sentence", "office", "other", "of", "person"), [
    ("• Квиль Мара — наблюдатель, Программный офис Орлен", "observer", frozenset(), "Программный офис Орлен",
     "Квиль Мара"),
    ("Директор Института Скарн Том Велл открыл семинар.", "director", frozenset(), "Института Скарн", "Том Велл"),
    ("Совет назначил заместителем директора Института Скарн Иду Бренн.", "director", frozenset({"deputy"}),
     "Института Скарн", "Иду Бренн"),
    ("• Ренн Олаф — бывший председатель Налоговой службы Таджикистана", "chair", frozenset({"former"}),
     "Налоговой службы Таджикистана", "Ренн Олаф"),
])
def test_a_russian_sentence_gives_a_person_an_office(sentence, office, other, of, person):
    roles = held_roles(sentence, "ru")
    assert [(r.office, r.other, r.of, r.person) for r in roles][:1] == [(office, other, of, person)]


@pytest.mark.parametrize(("question", "sentence", "lang", "note"), [
    # an observer of the office is not its head, in Russian minutes for a Russian question
    (RU_HEAD_Q, "• Квиль Мара — наблюдатель, Программный офис Орлен", "ru",
     "The best passage names Квиль Мара as наблюдатель, not as Head."),
    # a deputy director is no director, whatever case the office is written in
    ("Кто является директором Института Скарн?", "Совет назначил заместителем директора Института Скарн Иду Бренн.",
     "ru", "The best passage names Иду Бренн as заместителем директора, not as директором."),
    # the head of the office in another city, across languages
    (RU_HEAD_Q, "• Lena Hart, Head of the Orlen Programme Office in Dunmore", "en",
     "The best passage names Lena Hart as Head of the Orlen Programme Office in Dunmore, not as Head of "
     "Программный офис Орлен в Тарроу."),
])
def test_a_russian_office_is_read_as_an_english_one(question, sentence, lang, note):
    found = miscast(question, sentence, lang)
    assert found is not None and miscast_note(found) == note
    assert not names_holder(question, sentence, lang)


@pytest.mark.parametrize(("question", "sentence", "lang"), [
    (RU_HEAD_Q, "• Lena Hart, Head of the Orlen Programme Office in Tarrow (chair)", "en"),
    (RU_HEAD_Q, "Руководитель Программного офиса Орлен в Тарроу Лена Харт открыла встречу.", "ru"),
    ("Who is the Head of the Orlen Programme Office in Tarrow?", "• Харт Лена — руководитель, Программный офис Орлен",
     "ru"),
])
def test_the_holder_answers_across_languages(question, sentence, lang):
    assert miscast(question, sentence, lang) is None
    assert names_holder(question, sentence, lang)


def test_the_head_named_in_english_takes_the_place_of_a_russian_observer():
    ranked = [lone_candidate("• Квиль Мара — наблюдатель, Программный офис Орлен", "2025-03-03", 29.9, lang="ru"),
              lone_candidate("• Рахим Тимур — секретарь рабочей группы", "2025-03-03", 27.0, lang="ru"),
              lone_candidate("• Lena Hart, Head of the Orlen Programme Office in Tarrow (chair)", "2025-03-03", 26.6,
                             doc="minutes.docx", lang="en")]
    out = prefer_holder(RU_HEAD_Q, ranked)
    assert out[0].text.startswith("• Lena Hart") and out[0].score == 29.9


def test_a_persons_post_in_another_body_does_not_answer_what_post_they_hold_in_the_one_asked():
    question = "Какую должность занимает Олаф Ренн в ОБСЕ?"
    post = asked_post(question)
    assert post is not None and (post.name, post.of) == ("Олаф Ренн", "ОБСЕ")
    found = miscast(question, "• Olaf Renn, Deputy Commander, Border Troops of Tajikistan", "en")
    assert found is not None and miscast_note(found) == (
        "The best passage names Olaf Renn as Deputy Commander of Border Troops of Tajikistan, not in a post of ОБСЕ.")
    # his post in the OSCE answers (the acronym as English writes it)
    assert miscast(question, "• Olaf Renn, Head of the OSCE Office in Tarrow", "en") is None
    assert names_holder(question, "• Olaf Renn, Head of the OSCE Office in Tarrow", "en")


@pytest.mark.parametrize(("question", "sentence", "lang", "note"), [
    # the holder named after the one asked is no answer
    ("Who was the Skarn project manager before Ida Brenn?",
     "Ida Brenn has been the Skarn Project Manager since January 2024.", "en",
     "The best passage names Ida Brenn as Manager of the Skarn Project, the holder after the one asked about; the "
     "documents found do not say who held it before Ida Brenn."),
    ("Кто был руководителем проекта Скарн до Бренн?", "• Бренн Ида — руководитель проекта Скарн", "ru",
     "The best passage names Бренн Ида as руководитель of проекта Скарн, the holder after the one asked about; the "
     "documents found do not say who held it before Бренн Ида."),
    # the one named after, in another word for the office, is no answer either
    ("Who was President of the Skarn Council before Ida Brenn?",
     "Scottish economist Ida Brenn is the chair of the Skarn Council since 8 October 2015.", "en",
     "The best passage names Ida Brenn as chair, the holder after the one asked about; the documents found do not "
     "say who held it before Ida Brenn."),
    # the office a person took is no answer to what they held before it
    ("What post did Tom Vell hold before becoming Director of the Skarn Institute?",
     "Skarn Institute Director Tom Vell opened the seminar.", "en",
     "The best passage names Tom Vell as Director of Skarn Institute, the post the question asks what came before; "
     "it does not say what Tom Vell held before."),
])
def test_a_before_question_is_not_answered_by_what_came_after(question, sentence, lang, note):
    found = miscast(question, sentence, lang)
    assert found is not None and miscast_note(found) == note
    assert not names_holder(question, sentence, lang)


@pytest.mark.parametrize(("question", "sentence"), [
    # an earlier holder answers "before"
    ("Who was the Skarn project manager before Ida Brenn?", "• Tom Vell, Project Manager, Skarn project"),
    ("Кто был руководителем проекта Скарн до Бренн?", "• Велл Том — руководитель проекта Скарн"),
    # the post held before the one taken answers
    ("What post did Tom Vell hold before becoming Director of the Skarn Institute?",
     "Tom Vell, former Head of the Analysis Unit of the Skarn Institute, was appointed its Director."),
])
def test_what_came_before_answers_a_before_question(question, sentence):
    lang = "ru" if "Бренн" in question else "en"
    assert miscast(question, sentence, lang) is None
    assert names_holder(question, sentence, lang)


@pytest.mark.parametrize(("question", "sentence", "lang"), [
    ("Who was the Skarn project manager before Ida Brenn?",
     "Mr. Tom Vell succeeds Ms. Ida Brenn, who managed the project from 2019.", "en"),
    ("Кто был руководителем проекта Скарн до Иды Бренн?",
     "Полковник Велл сменил на этом посту Иду Бренн, которая вернулась в центральный аппарат.", "ru"),
    # across languages
    ("Who was the Skarn project manager before Ida Brenn?",
     "Полковник Велл сменил на этом посту Иду Бренн, которая вернулась в центральный аппарат.", "ru"),
])
def test_the_one_a_successor_replaced_is_no_answer_for_who_came_before_them(question, sentence, lang):
    # the sentence names the successor of the asked one, and the asked one only as whom they replaced
    found = miscast(question, sentence, lang)
    asked = asked_role(question).after
    assert found is not None and found.why == "replaced"
    assert miscast_note(found) == (f"The best passage names {asked} only as the holder someone else replaced; the "
                                   f"documents found do not say who held the post before {asked}.")
    # one that names who the asked one replaced answers
    earlier = ("Ms. Ida Brenn succeeds Mr. Olaf Renn as Skarn project manager." if lang == "en" else
               "Ида Бренн сменила на посту руководителя проекта Скарн Олафа Ренна.")
    assert miscast(question, earlier, lang) is None or miscast(question, earlier, lang).why != "replaced"


def test_a_successor_question_is_not_answered_by_the_appointment_of_the_one_it_names():
    # "Who succeeded X as Head …?" got X's own appointment at 0.75
    question = "Who succeeded Ida Brenn as Manager of the Skarn Project?"
    appointed = "Ms. Ida Brenn has been appointed Manager of the Skarn Project with effect from 1 September 2024."
    found = miscast(question, appointed, "en")
    assert found is not None and miscast_note(found) == (
        "The best passage names Ida Brenn as Manager of the Skarn Project, the holder before the one asked about; the "
        "documents found do not say who held it after Ida Brenn.")
    assert not names_holder(question, appointed, "en")
    # the one who took over answers
    after = "Mr. Tom Vell was appointed Manager of the Skarn Project, succeeding Ms. Ida Brenn."
    assert miscast(question, after, "en") is None and names_holder(question, after, "en")
    assert asked_role("Who replaced Ida Brenn as Skarn project manager?").succeeds == "Ida Brenn"


def test_the_earlier_holder_takes_the_place_of_the_later_one():
    question = "Who was the Skarn project manager before Ida Brenn?"
    ranked = [lone_candidate("Ida Brenn has been the Skarn Project Manager since January 2024.", "2024-02-01", 12.0),
              lone_candidate("The Skarn project trained 640 officers in 2023.", "2024-02-01", 9.0),
              lone_candidate("• Tom Vell, Project Manager, Skarn project", "2023-09-12", 8.0, doc="minutes.txt")]
    assert prefer_holder(question, ranked)[0].text == "• Tom Vell, Project Manager, Skarn project"


SKARN_REPORT = (
    "Skarn project: annual report 2024\n\n"
    "SKARN, 2 February 2024 - Ida Brenn has been the Skarn Project Manager since January 2024; she previously led the "
    "project's training component. The project trained 640 officers in 2023.\n"
)


@pytest.fixture(scope="module")
def before_service(invented_service):
    return invented_service({"minutes.txt": WORKSHOP_MINUTES, "report.txt": SKARN_REPORT})


@pytest.mark.slow
def test_a_before_question_the_documents_do_not_answer_is_not_found(before_service):
    result = before_service.ask("Who was the Skarn project manager before Ida Brenn?")
    assert result.answer is None
    assert result.not_found.startswith("The best passage names Ida Brenn as ")
    result = before_service.ask("What post did Tom Vell hold before becoming Director of the Skarn Institute?")
    assert result.answer is None
    assert result.not_found.startswith("The best passage names Tom Vell as Director")



def test_a_note_does_not_quote_an_office_run_on_into_its_sentence():
    # read across languages, what an office is "of" ran on to the sentence's end: the reply quoted
    # "директора of ЦСКН от 31 мая 2024 года начальником …"; it says only that the post is another
    question = "Кто возглавляет Оперативный отдел ЦСКН?"
    sentence = "Приказом директора ЦСКН от 31 мая 2024 года начальником Аналитического отдела назначена Ида Бренн."
    found = miscast(question, sentence, "ru")
    assert found is not None and len(found.held.of.split()) > 8
    assert miscast_note(found, "ru") == "Лучший фрагмент называет человека в другой должности, чем спрошено."


def test_a_holder_named_with_whom_they_succeeded_answers_who_came_before():
    # "… since 2022, succeeding Mr. Olaf Renn" names the one before: no "holder after the one asked" note
    question = "Who was the Skarn project manager before Ida Brenn?"
    sentence = ("Ms. Ida Brenn has served as Skarn project manager since 1 February 2022, succeeding Mr. Olaf Renn, "
                "who led the project during its first phase.")
    found = miscast(question, sentence, "en")
    assert found is None or found.why != "after"
    alone = "Ms. Ida Brenn has served as Skarn project manager since 1 February 2022."
    assert miscast(question, alone, "en").why == "after"
