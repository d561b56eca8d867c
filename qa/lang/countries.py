"""Country names of a language, from the Unicode CLDR data that babel ships (offline, BSD).

A short answer uses them twice (qa.answer.short): a country is never a person ("Japan's" is no
envoy's name), and "which country" asks for a country, not a city. Only two-letter territory
codes are countries here: the numeric ones are regions ("Central Asia", "Europe") and a few
letter codes are groupings or placeholders (the European Union, "Unknown Region").
"""

from __future__ import annotations

import functools
import re

# CLDR letter codes that are not countries: EU, Eurozone, UN, outlying Oceania, pseudo-locales, unknown
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# other names in common use that CLDR's one name per territory leaves out
_EXTRA = {
    "en": ("USA", "US", "UK", "Great Britain", "Britain", "America", "Holland", "Burma", "Ivory Coast",
           "Czech Republic", "Republic of Korea", "Kyrgyz Republic", "Russian Federation", "Kingdom of the Netherlands",
           "Republic of Kazakhstan", "Republic of Uzbekistan", "Republic of Tajikistan", "Islamic Republic of Iran"),
    "ru": ("США", "Великобритания", "Российская Федерация", "Республика Казахстан", "Республика Узбекистан",
           "Республика Таджикистан", "Кыргызстан", "Киргизия"),
}


@functools.cache
def country_names(locale: str) -> frozenset[str]:
    """The lower-cased names of countries in `locale` ("en", "ru"); empty when babel lacks it."""
    try:
        from babel import Locale

        territories = Locale.parse(locale).territories
    except (ImportError, ValueError, LookupError):
        territories = {}
    names = set()
    for code, name in territories.items():
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
            name = re.sub(r"\s*\([^)]*\)", "", name)  # "Myanmar (Burma)" -> "Myanmar"
            names.add(name.replace("&", "and").lower())
    names.update(n.lower() for n in _EXTRA.get(locale, ()))
    return frozenset(names)


_POSSESSIVE = re.compile(r"['’]s?$")


@functools.cache
def _analysed(code: str) -> frozenset[tuple[str, ...]]:
    from qa.lang import analyze, get  # qa.lang imports this module's languages

    names = get(code).countries
    return frozenset(tuple(analyze(n, code)) for n in (names() if names else ()))


def is_country(piece: str, code: str = "en") -> bool:
    """Whether a span names a country, compared by analysed terms so articles, case endings and a
    possessive do not matter ("the Republic of Kazakhstan", "Japan's", "России")."""
    from qa.lang import analyze

    terms = tuple(analyze(_POSSESSIVE.sub("", piece.strip()), code))
    return bool(terms) and terms in _analysed(code)
