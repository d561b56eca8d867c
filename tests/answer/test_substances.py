"""A question about one drug or precursor answered by a sentence about another is "not found" (qa.answer.substances,
the gate's "substituted" rule). Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.substances import swapped

HEROIN = ("Officers of the Skarn Customs Office seized 412 kilograms of heroin hidden in a truck loaded with dried "
          "apricots at the Wenlow checkpoint on 14 March 2023.")


def test_an_answer_about_another_substance_is_a_swap():
    swap = swapped("How much cocaine was seized at the Wenlow checkpoint in March 2023?", HEROIN)
    assert swap is not None and [w.en for w in swap.asked] == ["cocaine"] and [w.en for w in swap.told] == ["heroin"]
    # a precursor for a drug and a drug for a precursor
    assert swapped("How much opium was seized in the first quarter of 2024?",
                   "In the first quarter of 2024 customs seized 3.4 tonnes of precursor chemicals, mostly acetic "
                   "anhydride.") is not None
    assert swapped("How much acetic anhydride was seized in 2023?", HEROIN) is not None
    # narcotic drugs are no precursor
    assert swapped("How much acetic anhydride was seized in 2023?",
                   "In the first nine months of 2023, operations seized over 5.1 tonnes of narcotic drugs.") is not None
    # Russian, in any case, and across languages
    assert swapped("Сколько кокаина изъято на КПП Уэнлоу в марте 2023 года?",
                   "Сотрудники таможни изъяли 412 килограммов героина на КПП Уэнлоу 14 марта 2023 года.") is not None
    assert swapped("Сколько кокаина изъято на КПП Уэнлоу в марте 2023 года?", HEROIN) is not None
    # the sentence before, shown with an answer that refers back to it, says what "this" was
    assert swapped("How much cocaine was seized?", "This was the largest seizure of the year.",
                   "Customs seized 412 kilograms of heroin at Wenlow. ") is not None


@pytest.mark.parametrize(("question", "sentence", "before", "title"), [
    # the sentence names both
    ("How much methamphetamine was seized in the fourth quarter?",
     "Heroin seizures fell in every quarter, while methamphetamine seizures rose to 141 kg in the fourth quarter.",
     "", ""),
    ("How much heroin was seized at Wenlow?", "Customs seized 412 kg of heroin and 20 kg of opium at Wenlow.", "", ""),
    # the question asks about a class the sentence's substance belongs to, or the sentence names a class that holds
    # the asked substance
    ("How many tonnes of precursor chemicals were seized in 2024?",
     "Customs seized 3.4 tonnes of acetic anhydride in 2024.", "", ""),
    ("Сколько прекурсоров изъято в 2024 году?", "В 2024 году изъято 3,4 тонны уксусного ангидрида.", "", ""),
    ("How much heroin was seized in 2023?", "In 2023, 2.1 tonnes of opiates were seized.", "", ""),
    # the forms of one plant's product: opium and its poppy, hashish and cannabis
    ("How much opium was seized?", "Police destroyed 40 hectares of opium poppy.", "", ""),
    ("How much hashish was seized in 2023?", "In 2023 the police seized 6.2 tonnes of cannabis.", "", ""),
    ("Сколько гашиша изъято?", "Изъято 6,2 тонны марихуаны.", "", ""),
    # across languages: one substance
    ("Сколько героина изъято на КПП Уэнлоу?", HEROIN, "", ""),
    # a sentence that names no substance, or only "drugs", is left to the gate
    ("How much cocaine was seized at Wenlow?", "Officers seized 412 kilograms at the Wenlow checkpoint.", "", ""),
    ("How much cocaine was seized at Wenlow?", "Officers seized 412 kilograms of drugs at Wenlow.", "", ""),
    # "narcotic drugs" hold every drug
    ("How much cocaine was seized in 2023?", "In 2023 operations seized 6.3 tonnes of narcotic drugs.", "", ""),
    # a question that names no one substance
    ("How many tonnes of drugs were seized at Wenlow?", HEROIN, "", ""),
    # the title or the sentence before names the asked substance: the figure may be its
    ("How much cocaine was found in the banana shipment?",
     "Officers found 300 kg in the crates, and 2 kg of cannabis in the driver's cab.", "",
     "Cocaine found in a banana shipment"),
    ("What is acetic anhydride used for?", "Traffickers use it to make heroin.",
     "Acetic anhydride is a common industrial chemical. ", ""),
])
def test_an_answer_that_may_be_about_the_asked_substance_is_no_swap(question, sentence, before, title):
    assert swapped(question, sentence, before, title) is None


HEROIN_NEWS = (
    "Skarn customs seize heroin at Wenlow checkpoint\n\n"
    "SKARN, 16 March 2023 - " + HEROIN + " The truck was bound for Tarrow. "
    "The driver, a citizen of Dunmore, was detained.\n"
)
PRECURSOR_NEWS = (
    "Regional workshop on precursor control\n\n"
    "TARROW, 20 May 2024 - A regional workshop on precursor control was held in Tarrow on 18-20 May 2024. "
    "According to figures presented at the workshop, in the first quarter of 2024 customs services in the region "
    "seized 3.4 tonnes of acetic anhydride. Thirty officers from five countries took part in the workshop.\n"
)
HEROIN_NEWS_RU = (
    "Таможенники Скарна изъяли героин на КПП Уэнлоу\n\n"
    "16 марта 2023 года сотрудники таможни Скарна изъяли 412 килограммов героина, спрятанного в грузовике с "
    "курагой, на КПП Уэнлоу. Грузовик направлялся в Тарроу. Водитель задержан.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"heroin.txt": HEROIN_NEWS, "precursors.txt": PRECURSOR_NEWS,
                             "heroin_ru.txt": HEROIN_NEWS_RU})


@pytest.mark.slow
def test_a_question_about_another_substance_is_not_found_and_says_why(service):
    result = service.ask("How much cocaine was seized at the Wenlow checkpoint in March 2023?")
    assert result.answer is None
    assert result.not_found == "The best passage speaks of heroin, not of cocaine."
    # its twin is answered
    answer = service.ask("How much heroin was seized at the Wenlow checkpoint in March 2023?").answer
    assert answer is not None and "412 kilograms" in answer.text


@pytest.mark.slow
def test_a_question_about_precursors_is_answered_by_the_precursor_it_names(service):
    answer = service.ask("How many tonnes of precursor chemicals were seized in the first quarter of 2024?").answer
    assert answer is not None and "3.4 tonnes of acetic anhydride" in answer.text


@pytest.mark.slow
def test_a_russian_question_about_another_substance_is_not_found(service):
    result = service.ask("Сколько кокаина изъяли на КПП Уэнлоу в марте 2023 года?")
    assert result.answer is None
    assert result.not_found == "Лучший фрагмент говорит о другом: героин, а не кокаин."
    answer = service.ask("Сколько героина изъяли на КПП Уэнлоу в марте 2023 года?").answer
    assert answer is not None and "412" in answer.text


def test_the_rule_is_named_first_and_says_which_substance():
    from dataclasses import replace

    from qa.answer.evidence import rule_that_holds
    from qa.answer.not_found import not_found_note
    from qa.answer.weights import MINILM

    on = replace(MINILM, count_veto=True)
    # whatever else the answer lacks, its substance is what is wrong
    assert rule_that_holds({"substituted": 1.0, "uncounted": 1.0, "unmeasured": 1.0}, on) == "substituted"
    assert rule_that_holds({"substituted": 1.0}, replace(MINILM, count_veto=False, scene_veto=False)) is None
    # without the candidate, the note still says what kind of thing is wrong
    assert not_found_note("substituted", "How much cocaine was seized?") == (
        "The best passage speaks of another substance than the question asks about.")


BOTH_SEIZURES = (
    "Skarn customs report two seizures at Wenlow checkpoint\n\n"
    "SKARN, 16 March 2023 - Officers of the Skarn Customs Office seized 412 kilograms of heroin hidden in a truck "
    "loaded with dried apricots at the Wenlow checkpoint on 14 March 2023. The truck was bound for Tarrow. "
    "Two days later, officers at the same checkpoint seized 15 kilograms of cocaine in the luggage of a bus "
    "passenger. Both drivers were detained.\n"
)


@pytest.mark.slow
def test_a_near_tie_that_names_the_asked_substance_is_the_answer(invented_service):
    # the heroin lead holds every other word of the question; the cocaine sentence, 0.63 behind, answers it
    service = invented_service({"news.txt": BOTH_SEIZURES})
    answer = service.ask("How much cocaine was seized at the Wenlow checkpoint in March 2023?").answer
    assert answer is not None and "15 kilograms of cocaine" in answer.text
    answer = service.ask("How much heroin was seized at the Wenlow checkpoint in March 2023?").answer
    assert answer is not None and "412 kilograms of heroin" in answer.text


def test_the_note_lists_the_substances_the_answer_names():
    from qa.answer.features import Candidate
    from qa.answer.not_found import not_found_note
    from qa.contracts import ChunkRow, ItemInfo, Passage
    from qa.store import SentenceRow

    text = "As a result, 740 kg of drugs (heroin, mephedrone, MDMA, cannabis) were seized."
    item = ItemInfo(doc="news.txt", index=0, title="Operations review", date="2023-10-12", start=0, end=len(text))
    chunk = ChunkRow(id=1, doc="news.txt", item=0, start=0, end=len(text), text=text, first_sentence=0, n_sentences=1)
    passage = Passage(rank=1, chunk=chunk, item=item, score=1.0, dense=0.5, lexical=1.0, bm25=3.0)
    best = Candidate(SentenceRow(id=0, doc="news.txt", item=0, start=0, end=len(text), text=text, lang="en"), passage,
                     {}, 1.0)
    assert not_found_note("substituted", "How many kilograms of cocaine were seized?", best=best) == (
        "The best passage speaks of heroin, mephedrone, MDMA and cannabis, not of cocaine.")
    assert not_found_note("substituted", "Сколько кокаина изъято?", best=best) == (
        "Лучший фрагмент говорит о другом: героин, мефедрон, МДМА и каннабис, а не кокаин.")


@pytest.mark.parametrize("question", [
    "Which drug replaced heroin as the most seized substance in 2023?",
    "What precursor is used to make heroin?",
    "Which synthetic drugs were seized besides heroin?",
    "Какой наркотик вытеснил героин в 2023 году?",
])
def test_a_question_that_asks_which_substance_is_answered_by_another(question):
    assert swapped(question, "In 2023 methamphetamine seizures overtook all others, at 1.2 tonnes.") is None


def test_a_class_that_lists_its_members_is_those_members():
    # "narcotic drugs, including heroin and hashish" said nothing of methamphetamine, and its total was given for it
    listed = ("According to preliminary data, officers seized 2.4 tonnes of narcotic drugs, including 512 kg of heroin "
              "and 1,640 kg of hashish.")
    assert swapped("How much methamphetamine was seized in Operation Amber Road?", listed) is not None
    assert swapped("How much heroin was seized in Operation Amber Road?", listed) is None
    # a class named alone still stands for every drug it holds
    assert swapped("How much methamphetamine was seized in Operation Amber Road?",
                   "Officers seized 2.4 tonnes of narcotic drugs during the operation.") is None
    # a member that is itself a class is one of the members
    ru = ("В ходе операции изъято 3 054 кг наркотических средств, в том числе 2 205 кг гашиша, 291 кг героина и 558 кг "
          "синтетических наркотиков.")
    assert swapped("Сколько синтетических наркотиков изъято в ходе операции «Степной барьер»?", ru) is None
    assert swapped("How much synthetic drugs were seized in Operation Steppe Barrier?", ru) is None
    assert swapped("Сколько кокаина изъято в ходе операции «Степной барьер»?", ru) is not None


def test_the_breakdown_of_a_total_answers_a_question_about_one_of_its_substances():
    # "How much hashish …?" was answered by the year's total of all drugs; the next sentence breaks it down
    from dataclasses import replace

    from qa.answer.features import Candidate
    from qa.answer.substances import prefer_asked_substance
    from qa.contracts import Passage
    from qa.store import ChunkRow, SentenceRow

    total = "In 2024 the agency seized 3,977 kg of narcotic drugs and psychotropic substances."
    parts = "Heroin accounted for 356 kg, raw opium for 515 kg and hashish for 2,830 kg."
    passage = Passage(1, ChunkRow(0, "results.txt", 0, 0, 9, "text", 0, 9), None, 1.0, 0.5, 1.0, 3.0)

    def ranked(second_doc: str = "results.txt", margin: float = 0.4) -> list[Candidate]:
        return [Candidate(SentenceRow(1, "results.txt", 0, 0, 9, total), passage, {"unit": 1.0}, 9.0),
                Candidate(SentenceRow(2, second_doc, 0, 0, 9, parts), passage, {"unit": 1.0}, 9.0 - margin)]

    q = "How much hashish did the agency seize in 2024?"
    assert prefer_asked_substance(q, ranked())[0].sentence.text == parts
    assert prefer_asked_substance("Сколько гашиша изъяло агентство в 2024 году?", ranked())[0].sentence.text == parts
    # a total is the answer to a question about drugs; another document's breakdown is another report's
    assert prefer_asked_substance("How much drugs did the agency seize in 2024?", ranked())[0].sentence.text == total
    assert prefer_asked_substance(q, ranked("other.txt"))[0].sentence.text == total
    assert prefer_asked_substance(q, ranked(margin=3.0))[0].sentence.text == total
    no_figure = ranked()
    no_figure[1] = replace(no_figure[1], features={"unit": 0.0})
    assert prefer_asked_substance(q, no_figure)[0].sentence.text == total


TOTAL_ITEM = ("Customs and police officers of Wenlow and Tarrow seized 940 kg of drugs during Operation Amber Gate, "
              "held from 4 to 22 September 2023. Officers checked 3,115 vehicles. The seizures comprised 655 kg of "
              "hashish, 212 kg of heroin and 73 kg of synthetic drugs.")


def _total(sentence: str = "Customs and police officers of Wenlow and Tarrow seized 940 kg of drugs during Operation "
                           "Amber Gate, held from 4 to 22 September 2023.", item: str = TOTAL_ITEM):
    from qa.answer.features import Candidate
    from qa.contracts import Passage
    from qa.store import ChunkRow, SentenceRow

    passage = Passage(1, ChunkRow(0, "news.txt", 0, 0, len(item), item, 0, 3), None, 1.0, 0.5, 1.0, 3.0)
    return Candidate(SentenceRow(0, "news.txt", 0, 0, len(sentence), sentence, "en"), passage, {"unit": 1.0}, 9.0)


def test_a_total_broken_down_without_the_asked_substance_does_not_answer_for_it():
    from qa.answer.substances import whole_of_others

    # the operation's total, whose breakdown names hashish, heroin and synthetic drugs, says nothing of cocaine
    assert [w.en for w in whole_of_others("How much cocaine was seized during Operation Amber Gate?", _total())] \
        == ["cocaine"]
    assert whole_of_others("Сколько кокаина изъяли в ходе операции «Янтарные ворота»?", _total())
    # a substance the breakdown names, a question asking no figure, a passage that breaks nothing down: left alone
    assert not whole_of_others("How much heroin was seized during Operation Amber Gate?", _total())
    assert not whole_of_others("When was cocaine seized during Operation Amber Gate?", _total())
    lone = "Officers of Wenlow seized 940 kg of drugs during Operation Amber Gate."
    assert not whole_of_others("How much cocaine was seized during Operation Amber Gate?", _total(lone, lone))
