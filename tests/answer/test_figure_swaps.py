"""A question stating a figure the answer's passage never states is "not found" (qa.answer.figure_swaps, the gate's
"other_figure" rule). Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.figure_swaps import asked_figures, figures, unstated_figures

SEIZURE = ("Officers of the Wenlow customs post seized 1,240 kilograms of cannabis resin in a lorry bound for Tarrow "
           "on 3 June 2024, the largest seizure at the post since 2019.")


def test_figures_are_read_by_value_in_either_language():
    assert figures("a population of 3,792,261 in 1805") == {3792261.0, 1805.0}
    assert figures("1,5 тонны и 3 792 261 человек") == {1.5, 3792261.0}
    # Russian groups thousands by a no-break space as often as by a space
    assert figures("изъято 8\u00a0120 кг и 3\u202f792\u00a0261 таблетку") == {8120.0, 3792261.0}
    assert unstated_figures("Было ли изъято 8 120 кг героина в 2024 году?", "В 2024 году изъято 8\u00a0120 кг.",
                            "") == []
    assert figures("since the 1920s, 0.5% of the 8.81 m/s² and $5.11") == {1920.0, 0.5, 8.81, 5.11}
    # a number inside a name or an ordinal is no figure; a range's ends are two
    assert figures("WG3, COVID-19, G20, the 19th century, 5-й раунд") == set()
    assert figures("from 2021-2025") == {2021.0, 2025.0}


def test_the_small_whole_numbers_texts_spell_out_a_decade_and_a_names_number_are_not_asked():
    assert asked_figures("What share of victims die within 8 days of 2 outbreaks?") == set()
    assert asked_figures("How many died within 12 days in 1348?") == {12.0, 1348.0}
    assert asked_figures("What drama debuted in the 80s?") == set()
    assert asked_figures("How old was he when he played in Super Bowl 50 and Apollo 11?") == set()
    assert asked_figures("How many were listed in April 2009?") == {2009.0}


def test_a_figure_the_passage_never_states_is_unstated():
    assert unstated_figures("How many kilograms of cannabis resin were seized at Wenlow on 3 June 2023?", SEIZURE,
                            SEIZURE) == ["2023"]
    assert unstated_figures("Where were 1,420 kilograms of cannabis resin seized?", SEIZURE, SEIZURE) == ["1,420"]
    assert unstated_figures("Где было изъято 1 420 кг гашиша?", SEIZURE, SEIZURE) == ["1 420"]


@pytest.mark.parametrize(("question", "sentence", "context"), [
    # the figure is there, written with or without thousands' commas
    ("Where were 1240 kilograms of cannabis resin seized?", SEIZURE, ""),
    # the passage states it in another sentence
    ("What was seized at Wenlow in 2024?", "Officers seized cannabis resin in a lorry.", "On 3 June 2024 officers "
     "of the Wenlow post seized 1,240 kilograms."),
    # a year the passage does not state, and an answer that states no other year: the document may be about that year
    ("How many interceptions did the defence make in 2015?", "The defence led the league with 24 interceptions.",
     ""),
    # the passage writes the range's second year short
    ("How many died of the plague between 1620 and 1621?", "Algiers lost 30 to 50 thousand inhabitants in 1620–21.",
     ""),
    # a figure in a quoted name is the name's
    ("How much was seized in the «clean border – 2021» operation?", SEIZURE, ""),
    # the answer states no figure of its own: left to the gate
    ("What was seized at Wenlow in 2023?", "Officers seized cannabis resin in a lorry bound for Tarrow.", ""),
    # the question states no figure a text would write in digits
    ("What was seized within 3 days?", SEIZURE, ""),
])
def test_a_figure_the_passage_may_state_is_not_unstated(question, sentence, context):
    assert unstated_figures(question, sentence, context) == []


@pytest.mark.slow
def test_a_question_about_another_figure_is_not_found_and_says_which(invented_service):
    service = invented_service({"news.txt": (
        "Wenlow customs post makes its largest seizure\n\n"
        "Wenlow, 4 June 2024 – " + SEIZURE + " The lorry's driver was detained.\n"),
        # the figure asked is in the documents, so no word of the question is unknown to them
        "library.txt": "Tarrow library reopens\n\nTarrow, 2 May 2024 – The city library of Tarrow reopened after "
                       "repairs; it holds 1,420 rare books.\n"})
    result = service.ask("Where did customs officers seize 1,420 kilograms of cannabis resin?")
    assert result.answer is None
    assert result.not_found == "The best passage gives other figures than 1,420."
    answer = service.ask("Where did customs officers seize 1,240 kilograms of cannabis resin?").answer
    assert answer is not None and "Wenlow" in answer.text


def test_a_figure_inside_a_compound_is_stated():
    # "a 60,000-word treatise" states the question's "60,000 words"
    sentence = "His other major work on the harbour was a 60,000-word treatise on tides, published in 1843."
    assert unstated_figures("What was his major work of 60,000 words on the harbour?", sentence, sentence) == []
