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


def test_one_name_in_two_scripts_reads_alike():
    from qa.lang.latin import latin_key

    assert latin_key("Yermekov") == latin_key("Ермеков")
    assert latin_key("Qurbonova") == latin_key("Курбонова")
    assert latin_key("Kordai") == latin_key("Кордай")
    assert latin_key("Tajikistan") == latin_key("Таджикистан")
    assert latin_key("Pavlodar") != latin_key("Павловск")


def test_a_name_is_found_in_a_text_of_the_other_script_in_any_case_russian_gives_it():
    from qa.lang.latin import names_in_other_script

    russian = "Курс пройдёт в Бишкеке; занятия проведёт Гульнара Сеитова из Хорога."
    assert names_in_other_script({"bishkek", "seitova", "khorog", "osh"}, russian) == {"bishkek", "seitova", "khorog"}
    english = "Mr. Erlan Sadyrov opened the workshop in Aktau."
    assert names_in_other_script({"садырова", "актау", "бишкеке"}, english) == {"садырова", "актау"}
    # a name the text writes in its own script is the word-counting features' to find, not this
    assert names_in_other_script({"aktau", "opened"}, english) == set()
