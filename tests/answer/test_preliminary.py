"""A preliminary figure gives way to the final one of a later report, in either language; a question asking for the
final figure is not answered by a preliminary one; another language's different figure is the note
(qa.answer.preliminary, qa.answer.disagreement). Invented documents and questions."""

from __future__ import annotations

from qa.answer.disagreement import disagreeing, values
from qa.answer.features import Candidate
from qa.answer.preliminary import (asks_final, asks_preliminary, marked_final, only_preliminary, prefer_final,
                                   provisional)
from tests.candidates import lone_candidate

PRELIM_TITLE = 'Operation "Amber Road 2025": preliminary results'
PRELIM = ("Operation Amber Road 2025 ran from 3 to 21 May 2025. According to preliminary figures, officers seized "
          "1,640 kg of drugs and opened 37 criminal cases.")
FINAL_TITLE = "Итоговая информация об операции «Янтарный путь – 2025»"
FINAL_RU = ("Операция «Янтарный путь – 2025» проводилась с 3 по 21 мая 2025 года. Всего изъято 2 115 кг наркотиков, "
            "возбуждено 49 уголовных дел.")
SAME_RU = ("Операция «Янтарный путь – 2025» проводилась с 3 по 21 мая 2025 года. Всего изъято 1 640 кг наркотиков, "
           "возбуждено 37 уголовных дел.")
CASES = "How many criminal cases were opened during Operation Amber Road 2025?"


def prelim(score: float = 30.0) -> Candidate:
    return lone_candidate(PRELIM, "2025-05-30", score, "prelim.txt", title=PRELIM_TITLE, lang="en")


def final(text: str = FINAL_RU, date: str = "2025-09-10", title: str = FINAL_TITLE, score: float = 18.0) -> Candidate:
    # the sentence model reads no English counted noun in a Russian sentence: typed 0
    return lone_candidate(text, date, score, "itogi.docx", title=title, lang="ru", features={"typed": 0.0})


def test_the_words_of_a_preliminary_and_a_final_report():
    assert provisional(prelim())
    assert provisional(lone_candidate("As of 30 June, 412 people had been evacuated.", "2025-06-30", 1.0, lang="en"))
    assert provisional(lone_candidate("По предварительным данным, изъято 12 кг.", "2025-06-30", 1.0, lang="ru"))
    assert not provisional(final()) and marked_final(final())
    assert not marked_final(lone_candidate("Officers seized 12 kg.", "2025-06-30", 1.0, lang="en"))
    assert asks_final("What was the final total of drugs seized in Amber Road 2025?")
    assert asks_final("Сколько дел возбуждено окончательно?") and not asks_final(CASES)
    assert asks_preliminary("Сколько изъято по предварительным данным?")


def test_a_later_final_report_in_another_language_takes_the_first_place():
    ranked = prefer_final(CASES, [prelim(), final()])
    assert ranked[0].sentence.doc == "itogi.docx" and ranked[0].score == 30.0 and ranked[1].score == 18.0


def test_the_same_figure_keeps_the_questions_language():
    # the final report confirms 37 cases: the English sentence stays the answer, no language change for nothing
    assert prefer_final(CASES, [prelim(), final(SAME_RU)])[0].sentence.doc == "prelim.txt"


def test_an_earlier_unmarked_or_unrelated_report_changes_nothing():
    assert prefer_final(CASES, [prelim(), final(date="2025-05-01")])[0].sentence.doc == "prelim.txt"
    unmarked = final(title="Операция «Янтарный путь – 2025»", text=FINAL_RU.replace("Всего изъято", "Изъято"))
    assert prefer_final(CASES, [prelim(), unmarked])[0].sentence.doc == "prelim.txt"
    other = final(text="Операция «Северный путь» проводилась в 2024 году. Всего возбуждено 49 уголовных дел.")
    assert prefer_final(CASES, [prelim(), other])[0].sentence.doc == "prelim.txt"  # another event: no shared dates


def test_a_question_for_the_final_figure_is_not_answered_by_a_preliminary_one():
    q = "What was the final number of criminal cases opened during Operation Amber Road 2025?"
    assert only_preliminary(q, [prelim()])  # only the preliminary note: "not found"
    # a later report of the event answers it, marked final or not
    unmarked = final(title="Операция «Янтарный путь – 2025»", text=FINAL_RU.replace("Всего изъято", "Изъято"))
    ranked = prefer_final(q, [prelim(), unmarked])
    assert ranked[0].sentence.doc == "itogi.docx" and not only_preliminary(q, ranked)


def test_a_later_report_that_corrects_the_preliminary_figure_answers_the_question_for_the_final_one():
    # the correction repeats the old figure as superseded: that is no confirmation of it
    q = "What is the final total of drugs seized in Operation Amber Road 2025?"
    corrected = final(text="По уточнённым данным, в ходе операции «Янтарный путь – 2025» (3–21 мая 2025 года) изъято "
                           "2 115 кг наркотических средств, а не 1 640 кг, как сообщалось ранее.",
                      title="Уточнённые итоги операции «Янтарный путь – 2025»")
    ranked = prefer_final(q, [prelim(), corrected])
    assert ranked[0].sentence.doc == "itogi.docx" and not only_preliminary(q, ranked)


def test_a_question_for_the_preliminary_figure_is_answered_by_it():
    q = "Сколько уголовных дел возбуждено в ходе операции «Янтарный путь – 2025» по предварительным данным?"
    ranked = [final(score=30.0), lone_candidate(PRELIM, "2025-05-30", 18.0, "prelim.txt", title=PRELIM_TITLE,
                                                lang="en", features={"typed": 0.0})]
    assert prefer_final(q, ranked)[0].sentence.doc == "prelim.txt"


def test_another_languages_different_figure_is_the_note():
    """An English answer (37 cases) and a Russian report far below it with 49: the note, across languages."""
    en = lone_candidate("Officers opened 37 criminal cases during Operation Amber Road 2025 (3 to 21 May 2025).",
                        "2025-05-30", 30.0, "news.txt", title="Amber Road 2025", lang="en")
    ru = lone_candidate("В ходе операции «Янтарный путь – 2025» (3–21 мая 2025 года) возбуждено 49 уголовных дел.",
                        "2025-09-10", 5.0, "itogi.docx", title=FINAL_TITLE, lang="ru", features={"typed": 0.0})
    fillers = [lone_candidate(f"Unrelated sentence {i}.", "2025-01-01", 25.0 - i, f"f{i}.txt", lang="en")
               for i in range(10)]

    def short(c: Candidate):
        found = values(c.sentence.text, CASES, "number", c.sentence.lang)
        return (found[0].start, found[0].end) if found else None

    found = disagreeing(CASES, [en, *fillers, ru], en.sentence.text, short(en), "en", short)
    assert found is not None and found.candidate.sentence.doc == "itogi.docx"
    assert ru.sentence.text[found.value.start:found.value.end] == "49"
    # the same figure in Russian: no note
    same = lone_candidate(ru.sentence.text.replace("49", "37"), "2025-09-10", 5.0, "itogi.docx", title=FINAL_TITLE,
                          lang="ru", features={"typed": 0.0})
    assert disagreeing(CASES, [en, *fillers, same], en.sentence.text, short(en), "en", short) is None


def test_across_languages_multilingual_vectors_must_find_the_two_passages_near():
    """Shared dates and numbers make one event across languages only when e5's passage cosine (where the index
    has it) does not say the two passages speak of different things."""
    from qa.answer.preliminary import EVENT_COSINE, same_event

    assert same_event(CASES, prelim(), final())
    assert same_event(CASES, prelim(), final(), lambda a, b: EVENT_COSINE + 0.1)
    assert not same_event(CASES, prelim(), final(), lambda a, b: EVENT_COSINE - 0.1)
    assert prefer_final(CASES, [prelim(), final()], lambda a, b: 0.05)[0].sentence.doc == "prelim.txt"


def test_across_languages_the_note_needs_the_two_sentences_near_under_multilingual_vectors():
    from qa.answer.preliminary import EVENT_COSINE

    en = lone_candidate("Officers opened 37 criminal cases during Operation Amber Road 2025 (3 to 21 May 2025).",
                        "2025-05-30", 30.0, "news.txt", title="Amber Road 2025", lang="en")
    ru = lone_candidate("В ходе операции «Янтарный путь – 2025» (3–21 мая 2025 года) возбуждено 49 уголовных дел.",
                        "2025-09-10", 5.0, "itogi.docx", title=FINAL_TITLE, lang="ru", features={"typed": 0.0})

    def short(c: Candidate):
        found = values(c.sentence.text, CASES, "number", c.sentence.lang)
        return (found[0].start, found[0].end) if found else None

    def cosine(value):
        return lambda a, b, sentences=False: EVENT_COSINE + 0.1 if not sentences else value

    assert disagreeing(CASES, [en, ru], en.sentence.text, short(en), "en", short, None, cosine(0.4)) is not None
    assert disagreeing(CASES, [en, ru], en.sentence.text, short(en), "en", short, None, cosine(0.1)) is None


def test_a_final_figure_that_names_the_preliminary_one_it_replaces_is_final():
    # "… not 2.4 tonnes as reported on the basis of preliminary data" had made the final total "only a preliminary
    # figure", and the question for the final total "not found"
    final = lone_candidate("The final total of drugs seized in the operation is 2,186 kg, not 2.4 tonnes as reported "
                           "on the basis of preliminary data.", "2031-12-05", 30.0, "correction.txt", lang="en")
    assert not provisional(final)
    assert not only_preliminary("What was the final total of drugs seized in Operation Amber Road?", [final])
    early = lone_candidate("According to preliminary data, officers seized 2.4 tonnes of drugs.", "2031-11-14", 30.0,
                           "news.txt", lang="en")
    assert provisional(early)
