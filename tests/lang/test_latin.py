"""A Russian question's names romanised as English texts write them, and an English question's back in Cyrillic letters
(qa.lang.latin), on invented names."""

from __future__ import annotations

from qa.lang.latin import cyrillised, other_script_names, romanised


def test_a_cyrillic_name_is_romanised_as_an_english_text_writes_it():
    assert romanised("Мирализода") == "Miralizoda"
    assert romanised("Абилова") == "Abilova"
    assert romanised("Джун") == "Jun" and romanised("Таджикистан") == "Tajikistan"  # "дж" is "j"
    assert romanised("Щукин") == "Shchukin" and romanised("Юрьев") == "Yurev"
    assert romanised("Ashby") == "Ashby"  # Latin letters stay


def romanised_names(question: str) -> list[str]:
    return [form for _, forms, language in other_script_names(question) if language == "en" for form in forms]


def test_the_names_are_the_capitalised_words_after_the_first_and_no_acronym():
    assert romanised_names("Кто такой Рустам Мирализода?") == ["Rustam", "Miralizoda"]
    # the question's first word is capitalised as any sentence's; an acronym is translated, not romanised
    assert romanised_names("Когда ОБСЕ провела курс в Оше?") == ["Oshe"]
    assert romanised_names("Где прошёл семинар BOMCA?") == []
    assert romanised_names("Кто?") == []


def test_a_latin_name_is_written_back_in_every_cyrillic_form_a_russian_text_may_use():
    assert cyrillised("Korvash") == ["корваш"] and cyrillised("Zhelbay") == ["желбай"]  # "y" after a vowel is "й"
    assert cyrillised("Tajikistan") == ["таджикистан"] and cyrillised("Myrat") == ["мырат"]  # else "ы"
    assert cyrillised("Khujand") == ["худжанд"]
    assert cyrillised("Yerlan") == ["ерлан", "эрлан"] and cyrillised("Ergash") == ["ергаш", "эргаш"]  # "е" or "э"
    # the question's names: capitalised words after its first, no acronym
    assert other_script_names("How much hashish did the Korvash post seize for CARICC?") == [
        ("Korvash", ["корваш"], "ru")]
    assert other_script_names("Who?") == []
