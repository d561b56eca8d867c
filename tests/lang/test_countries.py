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
])
def test_a_country_is_read_in_any_form(text, lang, codes):
    assert countries_in(text, lang) == codes
