"""A weight or a volume of the asked noun answers how many of it there were (qa.answer.masses, read by
qa.answer.types.counts_asked_noun): "Сколько наркотиков изъяли?" is answered by "изъяли 1 246 килограммов наркотических
средств", "How many drugs …?" by "1,246 kilograms of narcotic drugs". Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.masses import same_root, weighs_asked
from qa.answer.needs import needs
from qa.answer.types import unit_match

DRUGS_RU = "Сколько наркотиков изъяли пограничники Дальнегорской области в 2023 году?"
DRUGS_EN = "How many drugs did the Norvale border guards seize in 2023?"


@pytest.mark.parametrize(("question", "sentence"), [
    # the noun after the unit in another part of speech ("наркотиков" / "наркотических"), in its genitive
    (DRUGS_RU, "В 2023 году пограничники изъяли 2 415 килограммов наркотических средств, на треть больше, чем годом "
               "ранее."),
    (DRUGS_RU, "За год изъято 3,2 т наркотиков."),
    # English: the noun after "of", its plural head or its first words
    (DRUGS_EN, "In 2023 the border guards seized 2,415 kilograms of narcotic drugs, a third more than a year before."),
    ("How many narcotics were found in the lorry?", "Officers found 40 kg of narcotic substances in the lorry."),
    # a volume weighs a liquid as a mass weighs a solid
    ("How many precursors were seized at the port?", "At the port 12,000 litres of precursors were seized."),
])
def test_a_mass_of_the_asked_noun_counts_it(question, sentence):
    assert unit_match(sentence, needs(question)) == 1.0


@pytest.mark.parametrize(("question", "sentence"), [
    # a mass of something else
    (DRUGS_RU, "В 2023 году на границе изъято 38,6 тонны прекурсоров, что в 2,4 раза больше, чем в 2022 году."),
    (DRUGS_EN, "In 2023 the border guards seized 1.2 tonnes of precursor chemicals."),
    # a count of other things
    (DRUGS_EN, "In 2023 the border guards installed 12 scanners at the crossings."),
    (DRUGS_RU, "За 2023 год установлено 12 досмотровых комплексов."),
    # a unit with no "of" after it weighs nothing named ("2 kg drugs" is not English; "12 kg, and drugs" another clause)
    (DRUGS_EN, "They seized 12 kg, and drugs were found on a bus too."),
])
def test_a_mass_or_count_of_another_thing_does_not(question, sentence):
    assert unit_match(sentence, needs(question)) == 0.0


def test_a_how_much_question_is_answered_by_any_mass():
    # "how much cocaine" counts no noun: any quantity with a unit answers it (left as it was)
    assert unit_match("In 2023 officers seized 1.2 tonnes of cocaine.", needs("How much cocaine was seized in 2023?")) \
        == 1.0
    assert unit_match("В 2023 году изъято 1,2 тонны кокаина.", needs("Сколько кокаина изъято в 2023 году?")) == 1.0


def test_same_root_across_parts_of_speech():
    assert same_root("наркотик", "наркотическ")
    assert same_root("drug", "drug")
    assert not same_root("наркотик", "прекурсор")
    assert not same_root("drug", "drum")  # too short a root to share
    assert not weighs_asked(" kilograms of heroin", frozenset({"drug"}), russian=False)


@pytest.mark.slow
def test_how_many_drugs_is_answered_by_a_weight_in_either_language(invented_service):
    service = invented_service({
        "interview.txt": (
            "Интервью начальника пограничной службы Дальнегорской области\n\n"
            "— Как изменилась обстановка на границе?\n"
            "— В 2023 году пограничники изъяли 2 415 килограммов наркотических средств, на треть больше, чем годом "
            "ранее. Кроме того, изъято 38,6 тонны прекурсоров.\n"
            "— А оснащение постов?\n"
            "— За 2023 год мы установили 12 досмотровых комплексов на пунктах пропуска.\n"),
        "report.txt": (
            "Norvale Border Guard Service: results of 2023\n\n"
            "In 2023 the Norvale border guards seized 1,730 kilograms of narcotic drugs, a third more than a year "
            "before. They also installed 9 scanners at the crossings and trained 140 new recruits.\n"),
    })
    answer = service.ask(DRUGS_RU).answer
    assert answer is not None and "2 415 килограммов" in answer.text
    answer = service.ask(DRUGS_EN).answer
    assert answer is not None and "1,730 kilograms" in answer.text


def test_only_a_substance_is_counted_by_its_weight():
    # a mass of plants is no count of them
    assert unit_match("One square kilometre of rainforest can contain about 90,790 tonnes of living plants.",
                      needs("How many living plants does a square kilometre of rainforest contain?")) == 0.0
