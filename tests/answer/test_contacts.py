"""Questions that ask how to reach someone (an e-mail address, a web address, a phone number:
qa.lang.contacts): the sentence that gives one answers, and documents that give none say so. On
invented sentences."""

from __future__ import annotations

import pytest

from qa.answer.evidence import unlisted
from qa.answer.features import question_names
from qa.answer.neighbours import prefer_typed_neighbour
from qa.answer.not_found import not_found_note
from qa.answer.question import question_type
from test_neighbours import ranked

ABOUT = "The Skarn Harbour Office runs the island's radar stations and trains its pilots."
CONTACT = "For more information, please write to wardens@skarn-harbour.org."
OTHER = "The office opened a new radar station in Wenlow in 2021."


@pytest.mark.parametrize(("question", "kind"), [
    ("What e-mail address is given for enquiries to the Skarn Harbour Office?", "email"),
    ("What email address should I write to about the radar stations?", "email"),
    ("Which website carries the harbour news?", "web"),
    ("What is the Skarn Harbour Office's phone number?", "phone"),
    ("Какой адрес электронной почты у портовой службы?", "email"),
    ("На каком сайте опубликована новость?", "web"),
    ("Какой номер телефона у портовой службы?", "phone"),
    ("Какой e-mail у портовой службы?", "email"),
    # other questions that name an e-mail or a website
    ("How many e-mails did the office receive?", "number"),
    ("When was the website launched?", "date"),
    ("Who sent the e-mail?", "person"),
    ("What did the email say?", None),
    ("Что сообщается на сайте службы о встрече?", None),
    ("О чём говорили по телефону капитаны?", None),
])
def test_a_question_asks_for_an_address_by_its_words(question, kind):
    assert question_type(question) == kind


def test_the_answer_is_the_sentence_that_gives_the_address_asked():
    q = "What e-mail address is given for enquiries to the Skarn Harbour Office?"
    r = ranked(q, [(0, 1, ABOUT, 9.0), (0, 2, OTHER, 8.0), (0, 3, CONTACT, 1.0)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == CONTACT
    # a phone number is not what was asked: the model's order stands
    q = "What is the Skarn Harbour Office's phone number?"
    r = ranked(q, [(0, 1, ABOUT, 9.0), (0, 3, CONTACT, 1.0)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == ABOUT


def test_documents_that_give_no_address_of_the_asked_kind_do_not_answer():
    assert unlisted("What is the Skarn Harbour Office's phone number?", [ABOUT, CONTACT]) == 1.0
    assert unlisted("What is the Skarn Harbour Office's phone number?", [ABOUT, "Call +44 20 7946 0958."]) == 0.0
    assert unlisted("What e-mail address is given for enquiries?", [ABOUT, CONTACT]) == 0.0
    assert unlisted("Which website carries the harbour news?", [ABOUT, "More news on skarn-harbour.org."]) == 0.0
    assert unlisted("When did the office open a radar station?", [ABOUT]) == 0.0
    # read in the question's and the text's own language
    assert unlisted("Какой номер телефона у портовой службы?", ["Портовая служба открылась в 2021 году."]) == 1.0
    assert unlisted("Какой номер телефона у портовой службы?", ["Телефон службы: +7 727 250 45 67."]) == 0.0
    note = not_found_note("unlisted", "What is the Skarn Harbour Office's phone number?")
    assert note == "None of the best passages gives a phone number."


def test_the_pronoun_i_is_no_name_but_a_numeral_after_one_is():
    assert question_names("What email address should I write to about the radar stations?") == set()
    assert "i" in question_names("Who did Alexander I marry?")


HARBOUR = (
    "Harbour news\n\n"
    "Wardens meet in Skarn\n\n"
    "On 4 June 2023 the Skarn Harbour Wardens Association held its yearly meeting in Skarn. "
    "The wardens elected a new board and opened a radar station. "
    "For more information, please contact the wardens' office (wardens@skarn-harbour.org).\n\n"
    "Ferry safety week\n\n"
    "On 9 July 2023 the Wenlow ferry company ran a ferry safety week in Wenlow. The company trained 40 pilots.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"harbour.txt": HARBOUR})


@pytest.mark.slow
def test_an_address_is_answered_where_the_documents_give_one_and_not_found_where_they_do_not(service):
    answer = service.ask("What e-mail address is given for the Skarn Harbour Wardens Association?").answer
    assert answer is not None and "wardens@skarn-harbour.org" in answer.text
    picked = service.ask("What is the phone number of the Wenlow ferry company?")
    assert picked.answer is None
    assert picked.not_found == "None of the best passages gives a phone number."


@pytest.mark.parametrize(("question", "sentences", "lacking"), [
    # a short number after a word for a line to call is a phone number ("the 24-hour hotline 1207")
    ("What is the hotline number of the Wenlow Drug Service?",
     [ABOUT, "You can call the 24-hour hotline 1207 or use the form on our website."], 0.0),
    ("Какой номер телефона доверия службы?", ["Звоните по телефону доверия 102 круглосуточно."], 0.0),
    # a figure is still no phone number, nor a year
    ("What is the hotline number of the Wenlow Drug Service?", ["In 2023 the service seized 1207 kg of hashish."],
     1.0),
])
def test_a_short_number_of_a_line_to_call_is_a_phone_number(question, sentences, lacking):
    assert unlisted(question, sentences) == lacking


@pytest.mark.parametrize("question", ["What is the hotline of the Wenlow Drug Service?",
                                      "Which helpline should a witness call?",
                                      "Какой номер горячей линии службы?", "Какой телефон доверия у службы?"])
def test_a_question_for_a_hotline_asks_for_a_phone_number(question):
    assert question_type(question) == "phone"
