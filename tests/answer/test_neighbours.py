"""Answer-type consistency in choosing (qa.answer.neighbours.prefer_typed_neighbour), on invented sentences.

The sentence model ranks; these rules then prefer, among sentences of the same news item or near
ties, the one that holds the kind of thing asked for (issue 13, patterns 1 and 4).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.answer import Candidate
from qa.answer.features import WORDS_SCORE, behind
from qa.answer.neighbours import prefer_typed_neighbour
from qa.answer.persons import named_person
from qa.answer.types import type_features
from qa.contracts import Passage
from qa.store import ChunkRow, SentenceRow

PASSAGE = Passage(1, ChunkRow(0, "news.txt", 0, 0, 9, "text", 0, 9), None, 1.0, 0.5, 1.0, 3.0)


def ranked(question: str, sentences: list[tuple[int, int, str, float]]) -> list[Candidate]:
    """Candidates (item, sentence id, text, score), best first, with their answer-type features."""
    out = []
    for item, sid, text, score in sentences:
        f = type_features(question, text, "", None, False)
        out.append(Candidate(SentenceRow(sid, "news.txt", item, 0, len(text), text), PASSAGE, f, score))
    return sorted(out, key=lambda c: -c.score)


SCENE = ("From 2019 to the present, under the coordination of the Skarn Harbour Office, 6 joint patrol "
         "operations have been carried out with the coast guards of Wenlow and Tarrow.")
FIGURE = "As a result of the patrols, 310 kg of contraband tobacco were seized."
OTHER = [(1, 20, "The Skarn Harbour Office opened a new radar station in 2021.", 5.0),
         (1, 21, "The office employs coast guards from Wenlow and Tarrow.", 4.5)]


def test_a_how_much_question_takes_the_figure_in_the_next_sentence_wherever_it_ranks():
    q = "How much did the Skarn Harbour Office-coordinated patrol operations seize in total since 2019?"
    r = ranked(q, [(0, 7, SCENE, 8.0), (0, 8, FIGURE, 3.0), *OTHER])
    assert r[3].sentence.text == FIGURE  # fourth by the model's score
    out = prefer_typed_neighbour(r, q)
    assert out[0].sentence.text == FIGURE
    assert out[0].score == 8.0  # it takes the best score; the scene-setting sentence takes its own
    assert sorted(c.sentence.id for c in out) == sorted(c.sentence.id for c in r)


def test_the_next_sentence_is_not_taken_when_it_adds_none_of_the_question_words():
    # "As a result, 310 kg were found." holds a quantity but none of the asked words the best lacks
    q = "How much did the Skarn Harbour Office-coordinated patrol operations seize in total since 2019?"
    r = ranked(q, [(0, 7, SCENE, 8.0), (0, 8, "As a result, 310 kg were found.", 3.0), *OTHER])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == SCENE


def test_a_figure_of_another_item_or_before_the_best_sentence_is_not_taken():
    q = "How much did the Skarn Harbour Office-coordinated patrol operations seize in total since 2019?"
    for item, sid in ((1, 8), (0, 6)):
        r = ranked(q, [(0, 7, SCENE, 8.0), (item, sid, FIGURE, 7.0)])
        assert prefer_typed_neighbour(r, q)[0].sentence.text == SCENE


PARTICIPANTS = ("The heads of analytical units of the harbour offices of Skarn, Wenlow and Tarrow, and experts "
                "from the Island Fisheries Agency took part in the meeting.")
DIRECTOR = "Captain Edwin Marlow, Director of the Skarn Harbour Office, opened the meeting."


def test_a_who_question_prefers_a_near_tie_that_names_a_person():
    q = "Who heads the Skarn Harbour Office?"
    r = ranked(q, [(0, 3, PARTICIPANTS, 10.0), (0, 4, DIRECTOR, 9.7), (0, 5, "The meeting ended at noon.", 2.0)])
    out = prefer_typed_neighbour(r, q)
    assert out[0].sentence.text == DIRECTOR and out[0].score == 10.0


def test_a_who_question_keeps_the_model_s_choice_when_the_person_sentence_is_far_behind():
    q = "Who heads the Skarn Harbour Office?"
    r = ranked(q, [(0, 3, PARTICIPANTS, 10.0), (0, 4, DIRECTOR, 7.0)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == PARTICIPANTS


def test_a_who_question_whose_best_sentence_names_a_person_is_left_alone():
    q = "Who opened the harbour meeting?"
    best = "Its chair, Margaret Quill, opened the harbour meeting."
    r = ranked(q, [(0, 3, best, 10.0), (0, 4, DIRECTOR, 9.9)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == best


def test_a_person_is_one_named_as_a_person_not_any_capitalised_words():
    q = "Who heads the Skarn Harbour Office?"
    assert named_person(DIRECTOR, q) == 1.0  # a title and a role
    assert named_person("The delegation was led by R. T. Calloway.", q) == 1.0  # initials
    assert named_person("Its chair, Margaret Quill, thanked the councils.", q) == 1.0  # a role before
    # organisations and places in capitals are not people; a group ("experts from ...") is not one
    assert named_person(PARTICIPANTS, q) == 0.0
    assert named_person("Delegates of the Kyrgyz Republic and Central Asia met.", q) == 0.0
    # the person the question already names is not an answer to it
    assert named_person("Mr. Edwin Marlow spoke.", "Who did Edwin Marlow meet?") == 0.0
    # and so is the one it names by surname, written with initials in the text
    assert named_person("Mr. E.J. Marlow greeted the delegation.", "Which ambassador met Marlow in May?") == 0.0


def test_a_who_question_naming_one_side_of_a_meeting_gets_the_sentence_naming_the_other():
    q = "Which ambassador met Marlow in Wenlow in May 2021?"
    greeting = "Mr. E.J. Marlow greeted the guests and informed them about the work of the Harbour Office."
    meeting = ("The meeting of Captain E.J. Marlow and the Ambassador of Tarrow in Wenlow, Mr. B.D. Orrin, was held "
               "in May.")
    r = ranked(q, [(0, 3, greeting, 10.0), (0, 2, meeting, 9.7)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == meeting
    # questions that ask for no person are neutral
    assert named_person(DIRECTOR, "How many offices are there?") == 0.5


def test_a_russian_who_question_over_english_text_prefers_a_near_tie_that_names_a_person():
    # the person marks are English wording read in the sentence, whatever the question's language: "Кто посол
    # ...?" over an English page took the sentence that names no one, and the gate then refused it
    q = "Кто возглавляет Управление порта Скарн?"
    r = ranked(q, [(0, 3, PARTICIPANTS, 10.0), (0, 4, DIRECTOR, 9.7), (0, 5, "The meeting ended at noon.", 2.0)])
    out = prefer_typed_neighbour(r, q)
    assert out[0].sentence.text == DIRECTOR and out[0].score == 10.0


def test_a_person_is_read_in_an_english_sentence_and_not_in_a_russian_one():
    q = "Кто возглавляет Управление порта Скарн?"
    assert named_person(DIRECTOR, q) == 1.0
    assert named_person(PARTICIPANTS, q, "en") == 0.0
    # the marks are English: a Russian sentence is left neutral, whatever the question's language
    ru = "Капитан Эдвин Марлоу, директор Управления порта Скарн, открыл совещание."
    assert named_person(ru, q) == 0.5
    assert named_person(ru, "Who heads the Skarn Harbour Office?", "ru") == 0.5


LAUNCH = ("Under the Harbour Safety Programme, the Skarn Harbour Office held the second training course on "
          "container inspection for the coast guards of Wenlow and Tarrow.")
WHEN_WHERE = "This course was hosted by the Tarrow Port Authority and was held from 3 to 7 February 2025."


def test_a_when_question_takes_the_next_sentence_that_dates_what_the_best_one_names():
    # the best sentence names the course and holds no date; the next one, referring back to it, dates it
    q = "On what dates did the second container inspection course take place?"
    r = ranked(q, [(0, 7, LAUNCH, 8.0), (0, 8, WHEN_WHERE, 2.0), *OTHER])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == WHEN_WHERE


def test_the_next_sentence_is_kept_out_when_it_does_not_refer_back_or_the_best_one_is_dated():
    q = "On what dates did the second container inspection course take place?"
    unlinked = "The Tarrow Port Authority was founded on 3 February 1925."
    assert prefer_typed_neighbour(ranked(q, [(0, 7, LAUNCH, 8.0), (0, 8, unlinked, 2.0)]), q)[0].sentence.text == LAUNCH
    dated = LAUNCH.replace("held the", "held in January 2025 the")
    r = ranked(q, [(0, 7, dated, 8.0), (0, 8, WHEN_WHERE, 2.0)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == dated


PLACE = "The course will take place at the Skarn harbour training centre."
DATED = "The Skarn Harbour Office will hold a course for boarding officers from 14 to 25 April 2025."


def test_a_when_question_prefers_a_near_tie_that_holds_a_date():
    q = "When will the course for boarding officers take place?"
    r = ranked(q, [(0, 3, PLACE, 10.0), (0, 2, DATED, 9.8), (0, 4, "The course is free.", 2.0)])
    out = prefer_typed_neighbour(r, q)
    assert out[0].sentence.text == DATED and out[0].score == 10.0
    # far behind, the model's choice stands; a best that holds a date is left alone
    assert prefer_typed_neighbour(ranked(q, [(0, 3, PLACE, 10.0), (0, 2, DATED, 8.0)]), q)[0].sentence.text == PLACE
    r = ranked(q, [(0, 2, DATED, 10.0), (0, 5, "It ends on 30 April 2025.", 9.9)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == DATED
    # a bare year is a date too, though not the kind the `typed` feature reads for a when-question
    q = "When was the Skarn harbour office founded?"
    founded = "After the founding of the Skarn harbour office in 1788, the port grew quickly."
    r = ranked(q, [(0, 2, founded, 10.0), (0, 5, "The first pier was built in October 1803.", 9.9)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == founded


def across(question: str, text: str, lang: str, score: float, words: float) -> Candidate:
    """A candidate in `lang` whose score holds `words` from the question's words (WORDS_SCORE)."""
    f = type_features(question, text, "", None, False, lang)
    f[WORDS_SCORE] = words
    return Candidate(SentenceRow(0, f"{lang}.txt", 0, 0, len(text), text, lang), PASSAGE, f, score)


def test_a_near_tie_in_the_other_language_is_read_without_the_questions_words():
    # the English sentence leads by 3 points, all of them words the Russian one cannot share: a near tie by what the
    # two say, so the sentence that holds the count asked answers
    q = "How many suspects were detained during the Skarn harbour operation?"
    english = across(q, "A suspect was detained at the Skarn harbour during the operation.", "en", 26.0, 4.0)
    russian = across(q, "В ходе операции в порту Скарн задержаны 89 подозреваемых.", "ru", 23.0, 0.0)
    assert behind(english, russian) == -1.0 and behind(russian, english) == 1.0
    assert prefer_typed_neighbour([english, russian], q)[0] is not english
    # a who-question's English best that names no one gives way to a Russian near tie whose type is a person
    q = "Who was named the best trainee of the Skarn boarding course?"
    english = across(q, "The Skarn Harbour Office announces a boarding course for officers.", "en", 26.2, 3.0)
    russian = across(q, "Лучшим слушателем курса признан инспектор Нурбек Осмонов.", "ru", 25.0, 0.0)
    assert russian.features["typed"] == 1.0
    assert prefer_typed_neighbour([english, russian], q)[0] is not english
    q = "How many suspects were detained during the Skarn harbour operation?"
    english = across(q, "A suspect was detained at the Skarn harbour during the operation.", "en", 26.0, 4.0)
    # within one language the model's own unit and type features ranked the two: no near tie, however near
    same = across(q, "Officers detained 89 suspects in the Skarn harbour operation.", "en", 25.9, 0.0)
    assert prefer_typed_neighbour([english, same], q)[0] is english


def test_a_best_in_the_other_language_without_the_asked_kind_gives_way_to_one_with_it():
    # every candidate is Russian: the English question's words are counted in none, and the lead that sets the scene
    # is as near in meaning as the sentence that dates the arrest
    q = "When was the captain of the Skarn ferry arrested?"
    scene = across(q, "Капитан парома «Скарн» обвиняется в контрабанде героина.", "ru", 26.8, 0.0)
    dated = across(q, "Сотрудники таможни задержали капитана 10 февраля 2024 года в порту Венлоу.", "ru", 24.8, 0.0)
    assert (scene.features["typed"], dated.features["typed"]) == (0.0, 1.0)
    assert prefer_typed_neighbour([scene, dated], q)[0] is not scene
    # too far behind, in another story, or asked in the sentences' own language, the model's choice stands
    assert prefer_typed_neighbour([scene, replace(dated, score=23.0)], q)[0] is scene
    elsewhere = replace(dated, sentence=replace(dated.sentence, doc="other.txt"))
    assert prefer_typed_neighbour([scene, elsewhere], q)[0] is scene
    q = "Когда был задержан капитан парома «Скарн»?"
    ru = [across(q, scene.text, "ru", 26.8, 0.0), across(q, dated.text, "ru", 24.8, 0.0)]
    assert prefer_typed_neighbour(ru, q)[0] is ru[0]


@pytest.mark.parametrize("q", ["What is the deadline for nominations to the Skarn boarding course?",
                               "Каков крайний срок подачи заявок на курс в Скарне?"])
def test_a_question_asking_for_a_deadline_prefers_a_near_tie_that_states_one(q):
    # the announcement holds a date and more of the question's words; the deadline sentence was second
    deadline = "Nominations must reach the Skarn Harbour Office by 10 March 2025."
    r = ranked(q, [(0, 2, DATED, 10.0), (0, 3, deadline, 9.8), (0, 4, "The course is free.", 2.0)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == deadline
    # further behind, the deadline further down the best's own document still answers; another document's does not
    r = ranked(q, [(0, 2, DATED, 10.0), (0, 5, "The course is free.", 8.0), (0, 3, deadline, 6.2)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == deadline
    elsewhere = replace(r[2], sentence=replace(r[2].sentence, doc="other.txt"))
    assert prefer_typed_neighbour([r[0], r[1], elsewhere], q)[0].sentence.text == DATED
    # a when-question about the course itself keeps its dates
    when = "When will the Skarn boarding course take place?"
    assert prefer_typed_neighbour(ranked(when, [(0, 2, DATED, 10.0), (0, 3, deadline, 9.8)]), when)[0].sentence.text \
        == DATED


def test_what_states_a_deadline():
    from qa.answer.deadlines import asks_deadline, states_deadline

    assert all(map(states_deadline, ["Nominations must reach the College by 25 October 2024.",
                                     "Applications are accepted no later than 1 March 2025.",
                                     "Подготовить обзор к 1 сентября 2025 г.", "Заявки принимаются до 10 марта."]))
    assert not any(map(states_deadline, [DATED, "He left before the meeting.", "The course runs from 18 to 29 May."]))
    # a validity's end is a limit; a course's "с 10 по 21 марта" is no deadline
    assert states_deadline("Срок действия циркуляра: с 25 марта 2025 г. по 30 сентября 2025 г.")
    assert states_deadline("Приказ действует по 31 декабря 2025 года.")
    assert not states_deadline("Курс пройдёт с 10 по 21 марта 2025 года.")
    assert asks_deadline("By when must nominations be sent?") and asks_deadline("До какого числа принимаются заявки?")
    assert not asks_deadline("Was the deadline extension approved?") and not asks_deadline("Какой срок заключения?")


# The answer is in a sentence that refers back to the one before it ("It was received by …", "The follow-up
# investigation …"): chosen with the sentence before shown, not skipped for it. Invented documents; the real model.
HANDOVER = (
    "Kelso town receives a new water pump\n\n"
    "Kelso, 3 March 2025 - A mobile water pump funded by the Dunmore Water Fund was handed over to the Kelso Water "
    "Board at the Tarrow pumping station on 2 March 2025.\n\n"
    "The pump, worth 40,000 pounds, can move 900 litres a minute. It will help the town during summer droughts.\n\n"
    "The pump was handed over by Mr. Arlo Venn, Mayor of Dunmore, and Ms. Petra Lusk, Director of the Dunmore Water "
    "Fund. It was received by Mr. Tomas Reyd, Chief Engineer of the Kelso Water Board.\n\n"
    "Six engineers of the board were trained to run the pump in February 2025.\n"
)
CASES = (
    "Port control report 2024\n\n"
    "Notable cases\n\n"
    "Harbour of Wexley, May 2024. The team found 8.2 kg of cocaine hidden inside crates of bananas, sent in 12 "
    "containers from the same exporter. The follow-up investigation led to the arrest of three people in Lindford.\n\n"
    "Harbour of Ressa, August 2024. Officers found 2.1 kg of heroin inside the frames of bicycles addressed to a "
    "shop in Norbury.\n"
)


@pytest.fixture(scope="module")
def referring(invented_service):
    return invented_service({"handover.txt": HANDOVER, "cases.txt": CASES})


@pytest.mark.slow
def test_who_accepted_is_answered_by_the_next_sentence_naming_the_act(referring):
    # before: "The pump was handed over by Mr. Arlo Venn …", which names givers, not the one who accepted it
    answer = referring.ask("Who accepted the pump on behalf of the Kelso Water Board?").answer
    assert answer is not None and "Tomas Reyd" in answer.text
    assert "handed over by" in answer.text  # shown with the sentence "It" refers to


@pytest.mark.slow
def test_where_is_answered_by_the_follow_up_sentence_with_its_antecedent(referring):
    # before: the find itself ("The team found 8.2 kg of cocaine …"), which names no town
    answer = referring.ask("In which town were three people arrested after the banana crates were found?").answer
    assert answer is not None and "Lindford" in answer.text and "8.2 kg of cocaine" in answer.text


HANDED = ("The pump was handed over by Mr. Arlo Venn, Mayor of Dunmore, and Ms. Petra Lusk, Director of the Dunmore "
          "Water Fund.")
RECEIVED = "It was received by Mr. Tomas Reyd, Chief Engineer of the Kelso Water Board."
PUMP = [(0, 30, "Mr. Arlo Venn said the pump would help the town in dry summers.", 9.0),
        (0, 31, "Ms. Petra Lusk thanked the Dunmore Water Fund for its support.", 8.9),
        (0, 32, "Mr. Arlo Venn visited the Tarrow pumping station.", 8.8)]


def test_who_accepted_takes_the_next_sentence_naming_the_act_wherever_it_ranks():
    # "It" shares no word with the question, so the model ranked it below sentences naming the givers
    q = "Who accepted the pump on behalf of the Kelso Water Board?"
    out = prefer_typed_neighbour(ranked(q, [(0, 10, HANDED, 10.0), *PUMP, (0, 11, RECEIVED, 5.0)]), q)
    assert out[0].sentence.text == RECEIVED and out[0].score == 10.0


def test_the_next_sentence_naming_the_act_is_not_taken_when_it_does_not_refer_back_or_the_best_names_it():
    q = "Who accepted the pump on behalf of the Kelso Water Board?"
    alone = "The pump was received by Mr. Tomas Reyd, Chief Engineer of the Kelso Water Board."
    r = ranked(q, [(0, 10, HANDED, 10.0), *PUMP, (0, 11, alone, 5.0)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == HANDED  # opens without referring back: another story
    r = ranked(q, [(0, 10, "The pump was accepted by the Kelso Water Board.", 10.0), (0, 11, RECEIVED, 5.0)])
    assert prefer_typed_neighbour(r, q)[0].sentence.id == 10  # the best names the act already


def test_a_russian_who_question_takes_the_next_sentence_that_refers_back_and_names_the_act():
    q = "Кто принял насос от имени водного управления Келсо?"
    handed = "Насос передали мэр Данмора г-н Арло Венн и директор Водного фонда г-жа Петра Ласк."
    received = "Его принял главный инженер Водного управления Келсо г-н Томас Рейд."
    out = prefer_typed_neighbour(ranked(q, [(0, 10, handed, 10.0), *PUMP, (0, 11, received, 5.0)]), q)
    assert out[0].sentence.text == received


FIND = ("Harbour of Wexley, May 2024. The team found 8.2 kg of cocaine hidden inside crates of bananas, sent in 12 "
        "containers from the same exporter.")
FOLLOW = "The follow-up investigation led to the arrest of three people in Lindford."


def test_where_takes_the_follow_up_sentence_that_refers_back_and_names_a_place():
    q = "In which town were three people arrested after the banana crates were found?"
    others = [(1, 40, "Officers found 2.1 kg of heroin inside the frames of bicycles in Norbury.", 8.0)]
    out = prefer_typed_neighbour(ranked(q, [(0, 10, "The team found 8.2 kg of cocaine hidden inside crates of "
                                                    "bananas.", 10.0), *others, (0, 11, FOLLOW, 6.0)]), q)
    assert out[0].sentence.text == FOLLOW
    # a next sentence that holds no question word the best lacks is not taken
    out = prefer_typed_neighbour(ranked(q, [(0, 10, "Three people were arrested after the banana crates were "
                                                    "found.", 10.0), (0, 11, "They were held in Lindford.", 6.0)]), q)
    assert out[0].sentence.id == 10


def test_a_question_naming_its_event_by_a_figure_takes_the_near_tie_that_states_it():
    # "288 kg" names which seizure: the summary of the whole operation reads nearer in words, the sentence stating the
    # figure holds the place asked, in either language
    q = "At which checkpoint did border guards seize 288 kg of heroin?"
    summary = across(q, "In total, 2 084 kg of drugs were seized by the border guards, including 519 kg of heroin.",
                     "en", 27.8, 3.0)
    stated = across(q, "Крупнейшая партия — 288 кг героина — изъята пограничниками на КПП «Ишкашим».", "ru", 25.9, 0.0)
    assert stated.features["typed"] == 1.0
    assert prefer_typed_neighbour([summary, stated], q)[0] is not summary
    # far behind, or without the asked kind, the model's choice stands; a best stating the figure is left alone
    assert prefer_typed_neighbour([summary, replace(stated, score=21.0)], q)[0] is summary
    unplaced = across(q, "Пограничники изъяли 288 кг героина.", "ru", 25.9, 0.0)
    assert prefer_typed_neighbour([summary, unplaced], q)[0] is summary
    best = across(q, "The 288 kg of heroin were found in a lorry of cement.", "en", 27.8, 3.0)
    assert prefer_typed_neighbour([best, stated], q)[0] is best


def test_a_near_tie_of_the_asked_year_takes_over_from_a_best_that_names_another():
    # a year's results come out early in the next year: the report on 2022, published in January 2023, read closer
    # in words to "… in 2023?" than the report on 2023, whose breakdown names no year of its own
    q = "How much heroin did the Skarn Harbour Office seize in 2023?"
    older = "In 2022 the office seized 4,812 kg of drugs, including 612 kg of heroin."
    asked = "Of these, heroin accounted for 488 kg and opium for 702 kg."
    r = [Candidate(SentenceRow(1, "2022.txt", 0, 0, 9, older), PASSAGE,
                   type_features(q, older, "Results of the year", "2023-01-26", False), 9.0),
         Candidate(SentenceRow(9, "2023.txt", 0, 0, 9, asked), PASSAGE,
                   type_features(q, asked, "Results of 2023", "2024-02-01", False), 8.0)]
    assert r[0].features["clash"] == 1.0 and r[1].features["clash"] == 0.0
    assert prefer_typed_neighbour(r, q)[0].sentence.text == asked
    # not from further behind than the rule's margin, and not for a who-question
    far = [r[0], replace(r[1], score=5.0)]
    assert prefer_typed_neighbour(far, q)[0].sentence.text == older
    who = "Who presented the Skarn Harbour Office's results for 2023?"
    assert prefer_typed_neighbour(r, who)[0].sentence.text == older


def test_a_how_much_question_takes_the_near_tie_of_its_document_that_names_the_thing_asked_and_a_figure():
    # the project's opening sentence names it in full; the budget sentence further down names the budget and its sum
    question = "Каков общий бюджет проекта «Тамсин»?"
    opening = "Проект «Тамсин» реализуется речной службой в партнёрстве с администрацией порта Скарн."
    budget = "Общий бюджет проекта составляет 4,8 млн долларов США."
    r = ranked(question, [(0, 1, opening, 30.0), (0, 2, "Цель проекта — защитить реку Тамсин.", 28.0),
                          (1, 7, budget, 26.5)])
    assert prefer_typed_neighbour(r, question)[0].sentence.text == budget
    # not one far behind
    r = ranked(question, [(0, 1, opening, 30.0), (1, 7, budget, 20.0)])
    assert prefer_typed_neighbour(r, question)[0].sentence.text == opening
