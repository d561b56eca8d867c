"""The asked edition of a series, named in another language than the question's, answers it (qa.answer.editions_across).
Invented documents and questions."""

from __future__ import annotations

from qa.answer.editions_across import prefer_edition_across
from tests.candidates import lone_candidate

EN_2030 = lone_candidate("According to preliminary data, officers seized 2.4 tonnes of drugs, including 512 kg of "
                         "opium.", "2030-11-14", 30.0, "amber_2030.html",
                         title="Operation Amber Barrier-2030 intercepts two tonnes of drugs", lang="en")
RU_2031 = lone_candidate("По предварительным данным, изъято 3 118 кг наркотических средств, в том числе 655 кг опия.",
                         "2031-10-22", 23.0, "yantar_2031.txt", title="Итоги операции «Янтарный заслон-2031»",
                         lang="ru")
RU_UNTYPED = lone_candidate("Штаб операции располагался в Хороге.", "2031-10-22", 24.0, "yantar_2031.txt",
                            title="Итоги операции «Янтарный заслон-2031»", lang="ru", features={"typed": 0.0})
QUESTION = "How much opium was seized in Operation Amber Barrier-2031?"


def near(a, b, sentences=False):
    return 0.4  # the two stories of one series lie near under multilingual vectors


def far(a, b, sentences=False):
    return 0.05


def test_the_asked_edition_in_another_language_answers_over_another_edition_in_the_questions():
    out = prefer_edition_across(QUESTION, [EN_2030, RU_2031], near)
    assert out[0].text == RU_2031.text and out[0].score == 30.0


def test_nothing_changes_without_multilingual_vectors_a_near_passage_or_a_span_of_the_asked_kind():
    assert prefer_edition_across(QUESTION, [EN_2030, RU_2031], None)[0] is EN_2030
    assert prefer_edition_across(QUESTION, [EN_2030, RU_2031], far)[0] is EN_2030
    assert prefer_edition_across(QUESTION, [EN_2030, RU_UNTYPED], near)[0] is EN_2030


def test_another_year_or_a_best_of_the_asked_edition_changes_nothing():
    assert prefer_edition_across("How much opium was seized in Operation Amber Barrier-2032?",
                                 [EN_2030, RU_2031], near)[0] is EN_2030
    assert prefer_edition_across("How much opium was seized in Operation Amber Barrier-2030?",
                                 [EN_2030, RU_2031], near)[0] is EN_2030


def test_another_member_of_the_series_family_is_not_the_asked_edition_translated():
    # "Kanal-Caspian 2030" was answered by the Russian story of «Канал — Фергана 2030»: a place's name is romanised
    # across languages, not translated, so "Фергана" is no "Caspian"
    fergana = lone_candidate("В ходе операции изъято 1 146 кг наркотических средств, в том числе 702 кг гашиша.",
                             "2030-10-22", 23.0, "kanal_fergana.txt", title="Итоги операции «Канал — Фергана 2030»",
                             lang="ru")
    english = lone_candidate("Operation Kanal-Caspian 2031 seized 2.1 tonnes of hashish.", "2031-11-02", 30.0,
                             "kanal_caspian.html", title="Operation Kanal-Caspian 2031 ends", lang="en")
    question = "How much hashish was seized during Operation Kanal-Caspian 2030?"
    assert prefer_edition_across(question, [english, fergana], near)[0] is english
    caspian = lone_candidate(fergana.text, "2030-10-22", 23.0, "kanal_kaspiy.txt",
                             title="Итоги операции «Канал — Каспий 2030»", lang="ru")
    assert prefer_edition_across(question, [english, caspian], near)[0].text == caspian.text
