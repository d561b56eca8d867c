"""Countries named in any form and language are one country (qa.lang.countries.countries_in)."""

from __future__ import annotations

import pytest

from qa.lang.countries import countries_in


@pytest.mark.parametrize("text, lang, codes", [
    ("Mr. Pavel Orlov, observer, Russian Federation", "en", {"RU"}),
    ("Who was the observer from Russia?", "en", {"RU"}),
    ("Who was the Russian observer?", "en", {"RU"}),
    ("Who represented the Kyrgyz delegation?", "en", {"KG"}),
    ("the Kyrgyz Republic and Kyrgyzstan", "en", {"KG"}),
    ("the United States and the United Kingdom", "en", {"US", "GB"}),
    ("Комитет национальной безопасности Республики Казахстан", "ru", {"KZ"}),
    ("Кто присутствовал от Казахстана?", "ru", {"KZ"}),
    ("российский наблюдатель", "ru", {"RU"}),
    # an organisation, a region and a member state are no country
    ("Ms. Ines Carvalho, FAO Fisheries Division for Central Asia", "en", set()),
    ("the member states of the union", "en", set()),
    # a currency named by its country names no place
    ("не превышающей эквивалент 10 000 долларов США на одного человека", "ru", set()),
    ("up to 10,000 US dollars in cash", "en", set()),
    ("Посольство США в Бишкеке", "ru", {"US"}),
])
def test_a_country_is_read_in_any_form(text, lang, codes):
    assert countries_in(text, lang) == codes


@pytest.mark.parametrize("text, lang, codes", [
    # a nationality CLDR names as its country's language, though no form of the country's name makes it (people's)
    ("Which Turkish customs experts will teach?", "en", {"TR"}),
    ("Какие турецкие эксперты проведут занятия?", "ru", {"TR"}),
    ("two Dutch instructors and a French lecturer", "en", {"NL", "FR"}),
    ("нидерландские и греческие специалисты", "ru", {"NL", "GR"}),
    # the language itself, or one spoken as the main language of many countries, names none
    ("a Turkish translation of the manual", "en", set()),
    ("руководство на турецком языке", "ru", set()),
    ("English-speaking and Arabic-speaking officers", "en", set()),
    ("Portuguese instructors", "en", set()),
])
def test_a_nationality_named_as_a_language_is_its_country(text, lang, codes):
    assert countries_in(text, lang, languages=True) == codes


def test_a_language_adjective_is_read_of_people_only_when_asked():
    # "the Persian ally", "Greek orthodox Christians" are no country's: qa.answer.country_swaps asks for it of people
    assert not countries_in("Which Turkish customs experts will teach?", "en")
    assert not countries_in("the Yuan's Persian ally and Greek orthodox Christians", "en")
