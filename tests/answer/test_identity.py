"""A question about one thing of a kind answered by a sentence about another of the same kind (another meeting of a
series, an office in another city, a count of another group) takes the asked one's sentence or is "not found" with
its reason (qa.answer.identity, the gate's "other_event" rule). Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.identity import edition_swap, identity_swap, ordinal_swap, place_swap, qualifier_swap

FIFTH = "Heads of the customs agencies of the four Lakeland states met in Wenlow on 14 November 2023 for the fifth " \
        "meeting of the Board."


@pytest.mark.parametrize(("question", "sentence", "asked", "told"), [
    ("On what date was the fourth meeting of the customs agencies' board held?", FIFTH, "fourth meeting",
     "fifth meeting"),
    ("When was the 4th meeting of the Board held?", FIFTH, "4th meeting", "fifth meeting"),
    ("When was the IV meeting of the Board held?", FIFTH, "IV meeting", "fifth meeting"),
    # Russian, in any case, with a numeral's ending too
    ("Когда состоялось четвёртое заседание Совета?", "Пятое заседание Совета прошло в Уэнлоу 14 ноября 2023 года.",
     "четвёртое заседание", "Пятое заседание"),
    ("Кто председательствовал на втором заседании Совета?", "На 3-м заседании Совета председательствовал Скарн.",
     "втором заседании", "3-м заседании"),
    # across languages a gathering is the same kind of thing
    ("Who chaired the second meeting of the Board?", "Третье заседание Совета прошло под председательством Скарна.",
     "second meeting", "Третье заседание"),
])
def test_an_answer_about_another_event_of_the_series_is_a_swap(question, sentence, asked, told):
    swap = ordinal_swap(question, sentence)
    assert swap is not None and (swap.kind, swap.asked, swap.told) == ("ordinal", asked, told)


@pytest.mark.parametrize(("question", "sentence", "before", "title"), [
    # the asked one is named, with others or in another form
    ("When was the fourth meeting of the Board held?", "At its fourth meeting, held in Tarrow on 27 September 2022, "
     "the Board adopted the plan.", "", ""),
    ("When was the 4th meeting held?", "The fourth meeting took place after the third.", "", ""),
    ("Когда прошло IV заседание Совета?", "На четвёртом заседании Совета в Тарроу приняли план.", "", ""),
    # an ordinal of another kind of thing, or none of a series
    ("When was the fourth meeting of the Board held?", "Skarn was the first country to sign the plan.", "", ""),
    ("When was the second meeting held?", "For the first time, the meeting was held online.", "", ""),
    ("Who first described the fifth meeting?", "The meeting was described by Dr Marrow.", "", ""),
    # the title or the sentence before names the asked one: the sentence speaks of it
    ("Who chaired the fourth meeting?", "It reviewed the decisions of the third meeting.", "",
     "Fourth meeting of the Board"),
    ("Who chaired the fourth meeting?", "The meeting reviewed the decisions taken at the third meeting.",
     "The fourth meeting of the Board was held in Tarrow. ", ""),
])
def test_an_answer_that_may_be_about_the_asked_event_is_no_swap(question, sentence, before, title):
    assert ordinal_swap(question, sentence, before, title) is None


def test_a_sentence_without_an_ordinal_is_read_in_its_context():
    swap = ordinal_swap("Who chaired the fourth meeting of the Board?", "The meeting was chaired by Skarn.",
                        FIFTH + " ")
    assert swap is not None and swap.told == "fifth meeting"


def test_the_same_numbered_meeting_of_another_body_is_a_swap():
    swap = ordinal_swap("Who chaired the sixth meeting of the regional precursor working group?",
                        "The sixth meeting of the Lakeland Customs Board took place in Marrow on 9 October 2024.")
    assert swap is not None and (swap.kind, swap.asked, swap.told) == (
        "body", "sixth meeting of the regional precursor working group", "sixth meeting of the Lakeland Customs Board")
    swap = ordinal_swap("Кто председательствовал на шестом заседании региональной рабочей группы?",
                        "Шестое заседание Совета руководителей таможенных служб прошло в Марроу.")
    assert swap is not None and swap.told == "Шестое заседание Совета"
    # the same body named otherwise, or the asked body named in the sentence
    assert ordinal_swap("Who chaired the fifth meeting of the parties?",
                        "The fifth meeting of the Conference of the Parties was chaired by Skarn.") is None
    assert ordinal_swap("Кто вёл шестое заседание региональной рабочей группы?",
                        "Шестое заседание региональной рабочей группы по прекурсорам прошло в Марроу.") is None
    # a body the question leaves unnamed
    assert ordinal_swap("Who chaired the sixth meeting?",
                        "The sixth meeting of the Board was chaired by Skarn.") is None


def test_another_office_or_route_of_the_same_kind_is_a_swap():
    swap = place_swap("Кто возглавляет Программный офис ОБСМ в Тарроу?",
                      "12 | Арман Скарнов | Советник, Программный офис ОБСМ в Уэнлоу | ОБСМ")
    assert swap is not None and swap.kind == "place" and "Тарроу" in swap.asked and "Уэнлоу" in swap.told
    swap = place_swap("How much cocaine was seized along the Wenlow–Tarrow route in March 2022?",
                      "In March 2022 a controlled delivery along the Wenlow-Skarn route seized 13 kg of cocaine.")
    assert swap is not None and swap.told == "Wenlow-Skarn route"


def test_a_sentence_that_names_no_place_speaks_of_the_one_its_passage_set_it_in():
    # an interview with the head of the dog centre in Wenlow: "How many dogs are there at the centre in Tarrow?" was
    # answered with the Wenlow centre's count, which names no place itself
    before = ("Анна Скарнова руководит Кинологическим центром таможенной службы в Уэнлоу. Мы поговорили с ней о том, "
              "как готовят служебных собак. — А сейчас?")
    sentence = "— Сейчас в центре 58 служебных собак, из них 21 обучена поиску наркотиков."
    swap = place_swap("Сколько служебных собак в кинологическом центре таможенной службы в Тарроу?", sentence, before)
    assert swap is not None and "Тарроу" in swap.asked and "Уэнлоу" in swap.told
    assert place_swap("Сколько служебных собак в кинологическом центре таможенной службы в Уэнлоу?", sentence,
                      before) is None


@pytest.mark.parametrize(("question", "sentence"), [
    # the asked place is named, in any script
    ("Кто возглавляет Программный офис ОБСМ в Душанбе?", "Ambassador Vera Marrow, Head of the Programme Office in "
     "Dushanbe."),
    ("How much was seized along the Wenlow–Tarrow route?", "Along the Wenlow-Tarrow route 13 kg were seized."),
    # another place of another kind of thing
    ("Who heads the office in Tarrow?", "She trained in Wenlow before joining the service."),
    # a question that asks where is answered by a place
    ("Where is the office in Tarrow located?", "The office moved to the Skarn building in Wenlow."),
])
def test_an_answer_in_the_asked_place_or_of_another_kind_is_no_place_swap(question, sentence):
    assert place_swap(question, sentence) is None


HYBRID = ("The forum, organised in hybrid format, was attended by more than 40 delegates in person and a large number "
          "of online participants from the region.")


def test_a_count_of_the_other_group_is_a_swap():
    swap = qualifier_swap("How many people joined the Wenlow forum online?", HYBRID)
    assert swap is not None and (swap.asked, swap.told) == ("online", "in person")
    swap = qualifier_swap("How many women took part in the course?",
                          "Twenty-two officers took part, 18 men and a few women from the border service.")
    assert swap is not None and swap.told == "men"
    # the asked group is the one counted
    assert qualifier_swap("How many delegates attended the Wenlow forum in person?", HYBRID) is None
    assert qualifier_swap("How many women took part?", "Of the 22 officers, 9 women and 13 men took part.") is None
    # the sentence does not name the asked group: left to the gate
    assert qualifier_swap("How many people joined online?", "More than 40 delegates attended.") is None


def test_a_count_of_people_that_never_names_the_asked_group_is_no_count_of_it():
    # "How many women …?" got "18 dog handlers …" at 0.17-0.27
    q = "How many women took part in the Wenlow dog handler course?"
    swap = qualifier_swap(q, "18 dog handlers with 9 dogs from four states took part in the course.")
    assert swap is not None and (swap.kind, swap.asked) == ("group", "women")
    # the group named in the sentence or its context: the count may be theirs (or a swap of the other kind)
    assert qualifier_swap(q, "Of the 18 dog handlers, 7 were women.") is None
    assert qualifier_swap(q, "18 took part.", context="Women dog handlers trained in Wenlow") is None
    from qa.answer.not_found import _other_event_note  # noqa: PLC2701 - the note's wording is what users read
    from tests.candidates import lone_candidate

    best = lone_candidate("18 dog handlers with 9 dogs from four states took part in the course.", "2024-10-01", 9.0)
    assert _other_event_note(q, best) == "The best passage's number is no count of “women”: it never speaks of them."


def test_the_rule_is_named_and_the_note_says_which_one():
    from dataclasses import replace

    from qa.answer.evidence import rule_that_holds
    from qa.answer.not_found import not_found_note
    from qa.answer.weights import MINILM

    on = replace(MINILM, count_veto=True)
    assert rule_that_holds({"other_event": 1.0, "undated": 1.0}, on) == "other_event"
    assert not_found_note("other_event", "Who chaired the second meeting?") == (
        "The best passage is about another one of its kind than the question asks about.")
    assert identity_swap("Who chaired the second meeting?", FIFTH) is not None


TIDE_2023_TITLE = 'Exercise "Tamsin Tide 2023" ends with 14 vessels inspected'
TIDE_2023_LEAD = ('The joint exercise "Tamsin Tide 2023", coordinated by the Harbour Safety Authority, was held in '
                  'Ressa. ')


@pytest.mark.parametrize(("question", "sentence", "before", "title", "asked", "told"), [
    # the sentence names no edition: its title and the lead before it say which one it is
    ("How many vessels were inspected during Exercise Tamsin Tide 2022?", "During the exercise, 14 vessels were "
     "inspected.", TIDE_2023_LEAD, TIDE_2023_TITLE, "Exercise Tamsin Tide 2022", "Tamsin Tide 2023"),
    ("Сколько судов проверено в ходе учений «Тамсин – 2024»?", "В ходе учений проверено 14 судов.",
     "Учения «Тамсин – 2023» прошли в Рессе. ", "", "Тамсин – 2024", "Тамсин – 2023"),
    ("Who wrote the Annual Report 2024?", "The Annual Report 2023 was written by Ms. Vale.", "", "",
     "Annual Report 2024", "Annual Report 2023"),
    # another series of the family: a word of the name shared, the asked name's own words nowhere
    ("How much was seized in Operation Tide-North 2024?", "The final results of Operation Tide-South 2023 were "
     "3,241 kg.", "", "", "Operation Tide-North 2024", "Operation Tide-South 2023"),
])
def test_an_answer_about_another_years_edition_of_a_series_is_a_swap(question, sentence, before, title, asked, told):
    swap = edition_swap(question, sentence, before, title)
    assert swap is not None and (swap.kind, swap.asked, swap.told) == ("edition", asked, told)


@pytest.mark.parametrize(("question", "sentence", "before", "title"), [
    # the asked edition, or its year, is named too
    ("How many vessels were inspected during Exercise Tamsin Tide 2023?", "During the exercise, 14 vessels were "
     "inspected.", TIDE_2023_LEAD, TIDE_2023_TITLE),
    ("How many vessels were inspected during Tamsin Tide 2022?", "14 vessels were inspected, against 9 in 2022.",
     TIDE_2023_LEAD, ""),
    # another series, a month, a quarter: no edition of the asked one
    ("How many vessels were inspected during Tamsin Tide 2022?", "Operation Harbour Watch 2023 inspected 14 vessels.",
     "", ""),
    ("How many vessels were inspected in March 2022?", "In March 2023, 14 vessels were inspected.", "", ""),
    ("How many vessels were inspected in Q3 2022?", "In Q3 2023, 14 vessels were inspected.", "", ""),
    # the family's other series named beside the asked one
    ("How much was seized in Operation Tide-North 2024?", "Tide-North 2024 followed Operation Tide-South 2023, which "
     "seized 3,241 kg.", "", ""),
])
def test_an_answer_that_may_be_about_the_asked_edition_is_no_swap(question, sentence, before, title):
    assert edition_swap(question, sentence, before, title) is None


COUNCIL_NEWS = (
    "Lakeland Customs Board: news archive\n\n"
    "Heads of the customs agencies of the four Lakeland states met in Wenlow on 14 November 2023 for the fifth meeting "
    "of the Board. The meeting, chaired by the Customs Service of Skarn, reviewed the joint action plan.\n\n"
    "Because of the storm season, the third meeting of the Lakeland Customs Board was held by videoconference on "
    "12 May 2021, chaired by the Customs Service of Tarrow.\n\n"
    "At its fourth meeting, held in Dunmore on 27 September 2022, the Board adopted the joint action plan for "
    "2023-2025, which contains 46 measures.\n\n"
    "The sixth meeting of the Lakeland Customs Board took place in Marrow on 9 October 2024, chaired by the Customs "
    "Service of Dunmore.\n"
)
FORUM = (
    "Wenlow forum on early warning\n\n"
    "WENLOW, 3 June 2023 - A regional forum on early warning about new psychoactive substances was held in Wenlow. "
    "The forum, organised in hybrid format, was attended by more than 40 delegates in person and a large number of "
    "online participants representing customs and police services of the region. Speakers presented the new "
    "alert system.\n"
)


TIDE_NEWS = (
    'Exercise "Tamsin Tide 2023" ends with 14 vessels inspected\n\n'
    "RESSA, 20 June 2023 - The joint exercise \"Tamsin Tide 2023\", coordinated by the Harbour Safety Authority of the "
    "Tamsin estuary, was held in Ressa from 10 to 12 June 2023.\n\n"
    "During the exercise, rescue crews inspected 14 vessels and found 3 without life rafts.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"board.txt": COUNCIL_NEWS, "forum.txt": FORUM, "tide.txt": TIDE_NEWS})


@pytest.mark.slow
def test_a_question_about_a_meeting_of_a_series_is_answered_by_that_meeting(service):
    # the fifth meeting's lead holds every other word of the question; the fourth's sentence ranked third, 3.4 behind
    answer = service.ask("When did the customs agencies' Board hold its fourth meeting?").answer
    assert answer is not None and "27 September 2022" in answer.text


@pytest.mark.slow
def test_a_question_about_a_meeting_the_documents_lack_is_not_found_and_says_why(service):
    result = service.ask("Who chaired the second meeting of the Lakeland Customs Board?")
    assert result.answer is None
    assert result.not_found is not None and "not “second meeting”" in result.not_found


@pytest.mark.slow
def test_a_question_about_another_years_edition_is_not_found_and_says_why(service):
    # answered by the 2023 exercise's count before
    result = service.ask("How many vessels were inspected during Exercise Tamsin Tide 2022?")
    assert result.answer is None
    assert result.not_found == "The best passage is about “Tamsin Tide 2023”, not “Exercise Tamsin Tide 2022”."
    answer = service.ask("How many vessels were inspected during Exercise Tamsin Tide 2023?").answer
    assert answer is not None and "14 vessels" in answer.text


@pytest.mark.slow
def test_a_count_of_the_online_participants_is_not_the_in_person_one(service):
    result = service.ask("How many people joined the Wenlow early-warning forum online?")
    assert result.answer is None
    assert result.not_found == "The best passage's number counts “in person”, not “online”."
    answer = service.ask("How many delegates attended the Wenlow early-warning forum in person?").answer
    assert answer is not None and "40 delegates" in answer.text


@pytest.mark.parametrize(("question", "sentence"), [
    # two names joined by a dash are no route without a word of a way
    ("When does the Skarn-Wenlow joint rail freight pilot begin?",
     "The customs services agreed to profile rail freight jointly at the Tarrow crossing."),
    # a country asked: a city in it is no other place, and another country is the country rule's
    ("Сколько мобильных групп действует в Кыргызстане?",
     "Созданы ещё три мобильные группы: в Оше, Баткене и Караколе."),
])
def test_no_route_and_no_country_is_a_place_swap(question, sentence):
    assert place_swap(question, sentence) is None


def test_a_body_named_in_another_language_is_no_other_body():
    assert ordinal_swap("Где прошло шестое заседание Совета руководителей таможенных служб?",
                        "The sixth meeting of the Council of Heads of Customs Services took place in Marrow.") is None


def test_a_place_asked_by_its_acronym_and_spelled_out_is_the_same_place():
    # "in NYC" is answered by a station "in New York City": no other place
    sentence = "The flagship station, WXYZ-TV in New York City, signed on the air on 10 August 1948."
    assert place_swap("When did WXYZ-TV in NYC begin broadcasting?", sentence) is None


@pytest.mark.parametrize(("question", "sentence"), [
    # a quarter or a half of a year is a period (qa.answer.periods), not an event of a series: "II" is not "III"
    ("Сколько гашиша изъято во II квартале 2024 года?", "Больше всего гашиша изъято в III квартале (4 129 кг)."),
    ("Сколько героина изъято в первом полугодии 2024 года?", "Во втором полугодии изъято 1 200 кг героина."),
    ("How much heroin was seized in the second quarter of 2024?", "Most heroin was seized in the third quarter."),
])
def test_a_part_of_a_year_is_no_event_of_a_series(question, sentence):
    assert ordinal_swap(question, sentence) is None


@pytest.mark.parametrize(("question", "sentence", "swapped"), [
    ("What budget did the Council approve for 2024?", "The Council approved the budget for 2025 of USD 2.4 million.",
     ("for 2024", "for 2025")),
    ("Какой бюджет утвердил Совет на 2024 год?", "Совет утвердил бюджет на 2025 год в размере 2,4 млн долларов.",
     ("на 2024 год", "на 2025 год")),
    # the asked year named anywhere, or no year the thing is for: no swap
    ("What budget did the Council approve for 2024?", "The budget for 2025 is 2.4 million, up from 2.1 in 2024.", None),
    ("What budget did the Council approve for 2024?", "In 2023 the Council approved a budget of 2.1 million.", None),
])
def test_the_year_a_thing_is_for_must_be_the_asked_one(question, sentence, swapped):
    from qa.answer.identity import purpose_year_swap

    swap = purpose_year_swap(question, sentence)
    assert (None if swap is None else (swap.asked, swap.told)) == swapped


def test_the_asked_editions_year_elsewhere_in_the_passage_does_not_make_it_the_asked_one():
    question = "Who coordinated Operation Dry Steppe 2025?"
    before = "2. The Council approved the budget of the Centre for 2025."
    sentence = "3. The Council agreed to conduct the regional operation \"Dry Steppe 2024\" in October 2024."
    swap = edition_swap(question, sentence, before)
    assert swap is not None and swap.told == "Dry Steppe 2024"
    # the asked edition named in the context, or its year in the sentence itself: it may be the asked one
    assert edition_swap(question, sentence, "Operation \"Dry Steppe 2025\" was then planned.") is None
    assert edition_swap(question, sentence.replace("in October 2024", "and in 2025"), before) is None


def test_the_year_alone_in_a_title_does_not_make_another_years_budget_the_asked_one():
    from qa.answer.identity import purpose_year_swap

    question = "Какой бюджет утвердил Совет на 2024 год?"
    sentence = "Совет утвердил бюджет на 2025 год в размере 1,92 млн долларов США."
    swap = purpose_year_swap(question, sentence, "", "28-е заседание Совета, 16 октября 2024")
    assert swap is not None and swap.told == "на 2025 год"
    assert purpose_year_swap(question, sentence, "План работы на 2024 год утверждён.", "") is None


def test_the_asked_meeting_s_line_is_read_with_its_documents_title_and_the_asked_years_budget_in_any_language():
    from qa.answer.features import WORDS_SCORE
    from qa.answer.identity import prefer_asked_one
    from tests.candidates import lone_candidate

    def candidate(text, score, lang, title, words):
        return lone_candidate(text, "2023-05-18", score, doc=f"{lang}-{score}.docx", title=title, lang=lang,
                              features={"typed": 1.0, WORDS_SCORE: words})

    question = "Who represented Wenlow at the 16th meeting of the Harbour Council?"
    other = candidate("The Chair opened the meeting and welcomed Mr. Ivo Brand of Wenlow.", 27.7, "en",
                      "Minutes of the 17th Meeting of the Harbour Council", 5.0)
    line = candidate("• Эрлан Садыров, национальный координатор, Венлоу", 26.4, "ru",
                     "Протокол 16-го заседания Совета гаваней", 0.0)
    assert prefer_asked_one(question, [other, line])[0].text == line.text
    question = "What budget did the Council approve for 2024?"
    later = candidate("2. The Council approved the budget for 2025 at USD 3.5 million.", 36.3, "en", "Decisions", 9.2)
    mid = candidate("1. The Council approved the plan for Operation Tide 2024.", 29.7, "en", "Decisions", 5.0)
    asked = candidate("3. Утвердить бюджет Совета на 2024 год в размере 3,2 млн долларов США.", 29.5, "ru", "Решения",
                      0.1)
    # the English plan 6.6 behind comes first and is too far; the Russian budget is not, read without the words
    assert prefer_asked_one(question, [later, mid, asked])[0].text == asked.text


def test_a_russian_ordinal_past_ten_singles_out_its_meeting():
    # "двенадцатом" was no ordinal: the eleventh meeting's chair answered a question about the twelfth at 0.70
    question = "Кто председательствовал на двенадцатом заседании Совета координаторов?"
    chair = "Председательствовал: Ида Бренн, национальный координатор."
    swap = ordinal_swap(question, chair, title="ПРОТОКОЛ одиннадцатого заседания Совета координаторов")
    assert swap is not None and (swap.asked, swap.told) == ("двенадцатом заседании", "одиннадцатого заседания")
    assert ordinal_swap(question, chair, title="ПРОТОКОЛ двенадцатого заседания Совета координаторов") is None
