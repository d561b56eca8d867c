"""Language detection (qa.lang.detect) and per-script analysis (qa.lang.analyze)."""

from __future__ import annotations

import pytest

import qa.lang as lang

LONG_RU = (
    "Региональный центр провёл совещание по вопросам пограничного контроля. В нём приняли участие "
    "представители таможенных служб пяти государств, а также эксперты UNODC и OSCE, которые "
    "обсудили обмен информацией и совместные операции на границе."
)
LONG_EN = (
    "The regional centre held a meeting on border control. Representatives of the customs services "
    "of five states took part, together with experts of the УВКБ office, and discussed the exchange "
    "of information and joint operations at the border."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (LONG_RU, "ru"),
        (LONG_EN, "en"),
        ("Кто?", "ru"),
        ("Когда?", "ru"),
        ("Who?", "en"),
        ("Кто такой Smith?", "ru"),  # the question word decides a one-to-one mix
        ("Who is Иванов?", "en"),
        ("Людовика XIV", "ru"),  # a Roman numeral in a Russian name: a tie goes to Cyrillic
        ("57 000 человек", "ru"),
        ("740 kg", "en"),
        ("ёлка", "ru"),
    ],
)
def test_short_and_long_texts_get_their_language(text, code):
    assert lang.detect(text) == code


def test_texts_without_letters_get_the_default():
    assert lang.detect("") == "en"
    assert lang.detect("2022 — 15 %") == "en"
    assert lang.detect("2022", default="ru") == "ru"


def test_a_related_cyrillic_language_is_analysed_as_russian():
    # only registered languages are answered: Ukrainian text is best served by Russian analysis
    assert lang.detect("Митна служба України провела спільну операцію") == "ru"


def test_russian_words_are_stemmed_and_stop_worded_as_russian():
    # case forms share a stem; "в", "и", "был" are stop words; ё and е are one letter
    assert lang.analyze("таможенной границы") == lang.analyze("таможенного граница")
    assert lang.analyze("был в Душанбе и Алматы") == ["душанб", "алмат"]
    assert lang.analyze("ещё") == lang.analyze("еще") == []


def test_each_word_is_analysed_by_its_script_whatever_the_language_given():
    mixed = "CARICC провёл операции seized heroin"
    assert lang.analyze(mixed, "en") == lang.analyze(mixed, "ru")
    # a Latin name in a Russian text is the same term as in an English one
    assert lang.analyze("Operations", "ru") == lang.analyze("operations", "en") == ["oper"]
    # text order is kept across languages
    assert lang.analyze("heroin героин customs таможня") == ["heroin", "героин", "custom", "таможн"]


def test_english_analysis_is_unchanged():
    assert lang.analyze("How much heroin did the customs officers seize in 2022?") == [
        "heroin", "custom", "offic", "seiz", "2022",
    ]
