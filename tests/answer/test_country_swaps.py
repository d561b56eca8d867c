"""A question about one country answered by a sentence about another is "not found" (qa.answer.country_swaps, the
gate's "other_country" rule). Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.country_swaps import country_swap

SCANNERS = ("The OSCE Programme Office in Tarrow handed over 12 mobile X-ray scanners worth EUR 450,000 to the "
            "Border Troops of Tajikistan at the Wenlow crossing point on 10 May 2025.")


def test_an_answer_about_another_country_is_a_swap():
    swap = country_swap("How many X-ray scanners did the OSCE hand over to Kyrgyzstan?", SCANNERS)
    assert swap is not None and swap.asked == {"KG"} and swap.told == {"TJ"}
    # asked in Russian, in any case, of an English page
    assert country_swap("Сколько рентгеновских сканеров ОБСЕ передала Кыргызстану?", SCANNERS) is not None
    # a deputy of another country's service is no answer about this one's
    assert country_swap("Who chairs the State Customs Service of Kyrgyzstan?",
                        "The workshop was opened by Akmal Yusupov, First Deputy Chairman of the State Customs "
                        "Committee of the Republic of Uzbekistan.") is not None


TRAINERS = "Занятия проведут эксперты Таможенной администрации Ирландии и Всемирной таможенной организации."


@pytest.mark.parametrize("question", [
    "Which Turkish customs experts will teach at the profiling seminar in Tarsk?",
    "Какие турецкие таможенные эксперты проведут занятия на семинаре в Тарске?",
])
def test_people_of_another_nationality_are_a_swap_of_their_origin(question):
    swap = country_swap(question, TRAINERS)
    assert swap is not None and swap.asked == {"TR"} and swap.told == {"IE"} and swap.origin
    # the country named, not its people: the passage speaks of another country
    swap = country_swap("How many officers did Türkiye send to the seminar in Tarsk?", TRAINERS)
    assert swap is not None and not swap.origin
    assert country_swap("Which Irish customs experts will teach at the seminar in Tarsk?", TRAINERS) is None


@pytest.mark.parametrize(("question", "sentence", "before", "title"), [
    # the sentence names the asked country among others, or by its adjective or its long name
    ("How many officers from Kyrgyzstan took part?", "24 officers from Kazakhstan, Kyrgyzstan and Tajikistan took "
     "part.", "", ""),
    ("How many Kyrgyz officers were trained?", "The Kyrgyz Republic sent 20 officers, Tajikistan 12.", "", ""),
    # the question asks for a place or a country: another one answers it
    ("Where did the Kyrgyz officers train?", "They trained in Kazakhstan.", "", ""),
    ("Which country hosted the Kyrgyz delegation?", "The delegation was hosted by Kazakhstan.", "", ""),
    ("Какая страна приняла делегацию Кыргызстана?", "Делегацию принял Казахстан.", "", ""),
    # the question sets the country aside: another one is what it asks for
    ("Which direction does two thirds of the Rhine flow outside of Germany?", "Two thirds of the water flows "
     "farther west, through the Waal, in the Netherlands.", "", ""),
    ("Сколько изъято в странах региона, кроме Казахстана?", "В Узбекистане изъято 540 кг.", "", ""),
    # the sentence names no country: left to the gate
    ("How many scanners did the OSCE hand over to Kyrgyzstan?", "The OSCE handed over 12 scanners.", "", ""),
    # the item's title or the sentence before names the asked country: the sentence may be about it
    ("How many scanners did Kyrgyzstan receive?", "They came from a factory in Germany.", "",
     "OSCE hands over 12 scanners to Kyrgyzstan"),
])
def test_an_answer_that_may_be_about_the_asked_country_is_no_swap(question, sentence, before, title):
    assert country_swap(question, sentence, before, title) is None


@pytest.mark.slow
def test_a_question_about_another_country_is_not_found_and_says_which(invented_service):
    service = invented_service({"news.txt": (
        "OSCE hands over mobile X-ray scanners to the Border Troops\n\n"
        "Tarrow, 12 May 2025 – " + SCANNERS + " The scanners were bought with funds from Norway.\n")})
    result = service.ask("How many X-ray scanners did the OSCE hand over to Kyrgyzstan?")
    assert result.answer is None
    assert result.not_found == "The best passage speaks of Tajikistan, not of Kyrgyzstan."
    result = service.ask("Сколько рентгеновских сканеров ОБСЕ передала Кыргызстану?")
    assert result.answer is None and result.not_found == (
        "Лучший фрагмент говорит о другом: Таджикистан, а не Кыргызстан.")
    answer = service.ask("How many X-ray scanners did the OSCE hand over to Tajikistan?").answer
    assert answer is not None and "12 mobile X-ray scanners" in answer.text


def test_a_sentence_naming_no_country_is_read_in_its_items_lead():
    lead = ("The regional operation \"Dry Steppe\" was conducted in October 2023 by the agencies of Kazakhstan, "
            "Kyrgyzstan and Tajikistan.")
    sentence = "During the operation, officers seized 212 kg of heroin."
    swap = country_swap("How much heroin did Afghanistan seize in 2023?", sentence, lead=lead)
    assert swap is not None and swap.asked == {"AF"} and swap.told == {"KZ", "KG", "TJ"}
    # a lead naming the asked country, or no lead at all: no swap
    assert country_swap("How much heroin did Tajikistan seize in 2023?", sentence, lead=lead) is None
    assert country_swap("How much heroin did Afghanistan seize in 2023?", sentence) is None


def test_a_passage_naming_the_asked_country_keeps_a_sentence_that_names_none():
    lead = "The plague is thought to have begun in the dry plains of India and Uganda."
    sentence = "In the 1330s a famine spread, starting in 1331."
    passage = f"{sentence} Epidemics killed an estimated 25 million Chinese before it reached the coast."
    question = "When did the Chinese famine begin?"
    assert country_swap(question, sentence, lead=lead, passage=passage) is None
    assert country_swap(question, sentence, lead=lead, passage=sentence) is not None  # its passage names only others


def test_the_noun_the_question_gives_one_country_given_to_another_is_a_swap_whatever_the_title():
    # a story of a Kyrgyz-Tajik operation names both countries in its title; its Kyrgyz team's leader is no answer
    # about the Tajik team's
    title = "Operation Mountain Pass nets 318 kg of drugs on the Kyrgyz-Tajik border"
    sentence = "Colonel Bakyt Osmonaliev, who led the Kyrgyz team, said the largest seizure was made near Kara-Bulak."
    swap = country_swap("Who led the Tajik team in Operation Mountain Pass?", sentence, title=title)
    assert swap is not None and swap.asked == {"TJ"} and swap.told == {"KG"}
    assert country_swap("Who led the Kyrgyz team in Operation Mountain Pass?", sentence, title=title) is None
    # without the same noun, the title still says the story may be the asked country's
    other = "Colonel Bakyt Osmonaliev said the largest seizure was made near the Kyrgyz village of Kara-Bulak."
    assert country_swap("Who led the Tajik team in Operation Mountain Pass?", other, title=title) is None


@pytest.mark.parametrize(("question", "swapped"), [
    ("На какой срок заключён меморандум между таможенными службами Кыргызстана и Китая?", True),
    ("How long is the memorandum between the customs services of Kyrgyzstan and China valid?", True),
    ("На какой срок заключён меморандум между пограничными службами Кыргызстана и Казахстана?", False),
])
def test_a_question_about_one_pair_of_countries_is_not_answered_about_another(question, swapped):
    # the Kyrgyz-Kazakh memorandum's term is no answer about a Kyrgyz-Chinese one, though both name Kyrgyzstan
    title = "Пограничники Кыргызстана и Казахстана подписали меморандум"
    lead = ("КАРАКОЛ — Пограничная служба Кыргызской Республики и Пограничная служба Республики Казахстан подписали "
            "меморандум о совместном патрулировании.")
    sentence = "Меморандум заключён сроком на три года."
    swap = country_swap(question, sentence, title=title, lang="ru", lead=lead, passage=f"{lead} {sentence}")
    assert (swap is not None) == swapped
    if swapped:
        assert swap.asked == {"CN"} and swap.told == {"KZ"}


def test_a_russian_country_name_is_read_in_every_case():
    from qa.lang.countries import countries_in

    for text in ("Китай", "из Китая", "в Китае", "Вьетнама", "в Кувейте", "Таджикистану"):
        assert countries_in(text, "ru"), text
