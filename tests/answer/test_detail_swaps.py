"""A question about one compass direction or month answered by a sentence about another is "not found"
(qa.answer.detail_swaps, the gate's "other_detail" rule). Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.detail_swaps import detail_swap, directions, months

SEIZURE = ("In March 2024 officers seized 1,240 kilograms of cannabis resin at the Wenlow crossing on the northern "
           "border of the province.")


def test_directions_and_months_are_read_in_either_language():
    assert directions("the southern border, southward") == {"south"}
    # a direction between two is in both
    assert directions("heading north-east") == {"north-east", "north", "east"}
    assert directions("на юге страны, у северо-западной границы") == {"south", "north-west", "north", "west"}
    assert months("In March and in May 2024") == {"3", "5"}
    assert months("в марте, 5 мая, в июне") == {"3", "5", "6"}
    # "may" the verb and a name that opens with a month's letters are no months
    assert months("It may rain, Martin said in Marseille.") == set()
    assert months("Мартин сказал") == set()


def test_an_answer_about_another_direction_or_month_is_a_swap():
    swap = detail_swap("How much cannabis resin was seized on the southern border?", SEIZURE)
    assert swap is not None and swap.kind == "direction" and swap.asked == {"south"} and swap.told == {"north"}
    swap = detail_swap("Сколько гашиша изъяли в апреле 2024 года?", SEIZURE)
    assert swap is not None and swap.kind == "month" and swap.asked == {"4"} and swap.told == {"3"}


@pytest.mark.parametrize(("question", "answer", "context"), [
    # the answer names the asked one, in another form
    ("How much was seized in the north?", SEIZURE, ""),
    ("Сколько изъяли на севере в марте?", SEIZURE, ""),
    ("How much was seized in the south?", "Officers seized 1,240 kilograms in the south-west.", ""),
    # the question asks for a direction: another one answers it
    ("In which direction does the river flow on the western side?", "It flows north-east to the lake.", ""),
    ("В каком направлении течёт река на западе области?", "Река течёт на север.", ""),
    # a direction in a quoted name is the name's
    ("How much was seized in operation «Southern Transit»?", SEIZURE, ""),
    # the answer names none: left to the gate
    ("How much was seized on the southern border?", "Officers seized 1,240 kilograms.", ""),
    # the item's title or lead names the asked one: the answer may be about it
    ("How much was seized in April?", "Officers seized 1,240 kilograms in March and more later.",
     "Seizures at Wenlow, January to April 2024"),
])
def test_an_answer_that_may_be_about_the_asked_detail_is_no_swap(question, answer, context):
    assert detail_swap(question, answer, context) is None


@pytest.mark.slow
def test_a_question_about_another_direction_is_not_found_and_says_which(invented_service):
    service = invented_service({"news.txt": (
        "Customs officers make a record seizure\n\n"
        "Tarrow, 2 April 2024 – " + SEIZURE + " The lorry's driver was detained.\n")})
    result = service.ask("How many kilograms of cannabis resin were seized at the Wenlow crossing on the southern "
                         "border?")
    assert result.answer is None
    assert result.not_found == "The best passage speaks of the north, not of the south."
    answer = service.ask("How many kilograms of cannabis resin were seized at the Wenlow crossing on the northern "
                         "border?").answer
    assert answer is not None and "1,240 kilograms" in answer.text


@pytest.mark.parametrize(("question", "answer"), [
    ("Кто руководил инициативой до марта 2024 года?", "Он руководил инициативой с 2021 года до февраля 2024 года."),
    ("Кто руководил инициативой до марта 2024 года?",
     "She took over from Mr. Tomas Wirth, who had led it from its launch in 2021 until February 2024."),
    ("Who led the initiative before March 2024?", "He led it from 2021 until February 2024."),
    ("Who has led the initiative since March 2024?", "She has led it since Mr. Wirth left in February 2024."),
    ("Who led the initiative until February 2024?",
     "Ms. Berg has led it since March 2024; she took over from Mr. Wirth."),
])
def test_a_month_that_bounds_a_period_is_stated_by_its_neighbour_too(question, answer):
    # "до марта" and "until February" name the same limit: no other month
    assert detail_swap(question, answer) is None


def test_a_month_asked_about_is_still_not_its_neighbour():
    swap = detail_swap("What happened at the port in March 2024?", "The port closed in February 2024.")
    assert swap is not None and swap.asked == {"3"} and swap.told == {"2"}
