"""A Russian question's names romanised as English texts write them (qa.lang.latin), on invented names."""

from __future__ import annotations

from qa.lang.latin import names_romanised, romanised


def test_a_cyrillic_name_is_romanised_as_an_english_text_writes_it():
    assert romanised("Мирализода") == "Miralizoda"
    assert romanised("Абилова") == "Abilova"
    assert romanised("Джун") == "Jun" and romanised("Таджикистан") == "Tajikistan"  # "дж" is "j"
    assert romanised("Щукин") == "Shchukin" and romanised("Юрьев") == "Yurev"
    assert romanised("Ashby") == "Ashby"  # Latin letters stay


def test_the_names_are_the_capitalised_words_after_the_first_and_no_acronym():
    assert names_romanised("Кто такой Рустам Мирализода?") == ["Rustam", "Miralizoda"]
    # the question's first word is capitalised as any sentence's; an acronym is translated, not romanised
    assert names_romanised("Когда ОБСЕ провела курс в Оше?") == ["Oshe"]
    assert names_romanised("Где прошёл семинар BOMCA?") == []
    assert names_romanised("Кто?") == []
