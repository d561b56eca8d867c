"""Who leads what, read by the verb and across languages (qa.answer.roles): a person given a post in one body who is
said to lead the asked thing is its leader; a body named in Russian is the one an English question names in its own
words; a sentence that names no one in an office gives way to the one that names the holder. Invented documents and
questions."""

from __future__ import annotations

import pytest

from qa.answer.present_holder import prefer_present_holder
from qa.answer.roles import asked_role, held_roles, miscast, names_holder, prefer_holder
from tests.candidates import lone_candidate

# the Skarn Institute's deputy director led an operation: the operation's leader, whatever her own post is of
LED_RU = "Операцией руководил первый заместитель директора Института Скарн Ида Бренн."
LED_EN = "The operation was led by Ida Brenn, First Deputy Director of the Skarn Institute."
# an agency "при Президенте" named in Russian, asked about in English
APPOINTED = ("Указом Президента Республики Казахстан от 3 марта 2025 года директором Агентства по контролю за "
             "наркотиками при Президенте назначен Олаф Ренн.")
FORMER = "Прежний директор Агентства Том Велл, руководивший им с 2017 года, назначен послом."
# another country's centre, headed by a verb
CENTRE = ("Национальный аналитический центр по контролю за наркотиками при Кабинете Министров по-прежнему возглавляет "
          "Ида Бренн, занимающая эту должность с 2021 года.")
AGENCY_Q = "Who is the director of Kazakhstan's Drug Control Agency?"
CENTRE_Q = "Who heads Uzbekistan's National Analytical Centre on Drug Control?"


@pytest.mark.parametrize(("question", "sentence", "lang"), [
    ("Кто руководил вторым этапом операции «Заслон»?", LED_RU, "ru"),
    ("Who led the second stage of Operation Barrier?", LED_EN, "en"),
    ("Who led the second stage of Operation Barrier?", "Ida Brenn, Deputy Director of the Skarn Institute, led the "
                                                       "operation.", "en"),
])
def test_whoever_a_sentence_says_led_it_is_its_leader(question, sentence, lang):
    assert miscast(question, sentence, lang) is None
    assert names_holder(question, sentence, lang)


@pytest.mark.parametrize(("question", "sentence"), [
    # "director of Kazakhstan's Drug Control Agency" and "директором Агентства по контролю за наркотиками при
    # Президенте": one agency, attached to the President
    (AGENCY_Q, APPOINTED),
    # "возглавляет" names the head of the centre the English question names
    (CENTRE_Q, CENTRE),
    ("Who heads the Customs Service of Kazakhstan?",
     "Начальником Таможенной службы при Правительстве Республики Казахстан назначен Том Велл."),
    # a past holder asked: the former director answers
    ("Who headed Kazakhstan's Drug Control Agency before March 2025?", FORMER),
])
def test_the_holder_named_in_russian_answers_the_english_question(question, sentence):
    assert miscast(question, sentence, "ru") is None
    assert names_holder(question, sentence, "ru")


@pytest.mark.parametrize(("question", "sentence"), [
    # the head of a centre is not the agency's, in any language
    ("Who headed Kazakhstan's Drug Control Agency before March 2025?", CENTRE),
    # the former director does not answer who the director is
    (AGENCY_Q, FORMER),
])
def test_another_bodys_head_or_a_former_one_does_not_answer(question, sentence):
    assert miscast(question, sentence, "ru") is not None
    assert not names_holder(question, sentence, "ru")


def test_a_council_of_ministers_is_no_minister():
    assert all(r.office != "minister" for r in held_roles(CENTRE, "ru"))


def test_who_chaired_a_meeting_is_not_asked_as_an_office():
    # a meeting's chair may hold any post of any body: "opened by the Deputy Director" is left to the gate
    assert asked_role("Who chaired the fifth meeting of the Council?") is None
    assert asked_role("Who heads the Skarn Institute?") is not None


def test_the_head_named_in_russian_takes_the_place_of_a_sentence_that_names_no_one():
    ranked = [lone_candidate("The sixth meeting of the Council took place in Tarrow on 9 October 2024, chaired by "
                             "Uzbekistan's National Analytical Centre on Drug Control.", "2024-10-09", 34.9, lang="en"),
              lone_candidate("At the Centre, the parties discussed joint operations.", "2021-10-14", 30.8, lang="en"),
              lone_candidate("The Council approved an early warning system.", "2024-10-09", 30.6, lang="en"),
              lone_candidate("The Director of the Skarn Institute, Tom Vell, met the delegation.", "2021-10-14", 30.4,
                             lang="en"),
              lone_candidate(CENTRE, "2025-01", 28.9, doc="naznacheniya.txt", lang="ru")]
    out = prefer_holder(CENTRE_Q, ranked)
    assert out[0].text == CENTRE and out[0].score == 34.9


def test_an_interviewers_line_does_not_displace_the_appointed_head():
    # the interview's line names the interviewee and "вы возглавляете службу", not whose service; the news item names
    # the head of the service asked about
    question = "Кто возглавляет Таможенную службу Казахстана?"
    interview = lone_candidate("— Олаф Ренн, вы возглавляете службу с февраля 2023 года.", "2025-12-02", 34.2,
                               doc="intervyu.txt", lang="ru")
    news = lone_candidate("Начальником Таможенной службы при Правительстве Республики Казахстан назначен Том Велл.",
                          "2023-01-06", 33.1, doc="novosti.txt", lang="ru")
    out = prefer_present_holder(question, prefer_holder(question, [interview, news]))
    assert out[0].text.startswith("Начальником")


def test_a_project_manager_at_an_office_does_not_head_the_office():
    sentence = "\"We trained forty officers,\" said Ida Brenn, Project Manager at the Orlen Programme Office in Tarrow."
    assert not names_holder("Who is the Head of the Orlen Programme Office in Tarrow?", sentence, "en")
    assert not names_holder("Who heads the Orlen Programme Office in Tarrow?", sentence, "en")
    # the project she manages is hers to lead, in either language
    assert names_holder("Кто руководит проектом Скарн?", "• Ida Brenn, Project Manager, Skarn project", "en")
