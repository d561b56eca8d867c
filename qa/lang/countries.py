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
# other names in common use that CLDR's one name per territory leaves out, with the territory they name
_EXTRA_CODES = {
    "en": {"USA": "US", "US": "US", "UK": "GB", "Great Britain": "GB", "Britain": "GB", "America": "US",
           "Holland": "NL", "Burma": "MM", "Ivory Coast": "CI", "Czech Republic": "CZ", "Republic of Korea": "KR",
           "Kyrgyz Republic": "KG", "Russian Federation": "RU", "Kingdom of the Netherlands": "NL",
           "Republic of Kazakhstan": "KZ", "Republic of Uzbekistan": "UZ", "Republic of Tajikistan": "TJ",
           "Islamic Republic of Iran": "IR"},
    "ru": {"США": "US", "Великобритания": "GB", "Российская Федерация": "RU", "Республика Казахстан": "KZ",
           "Республика Узбекистан": "UZ", "Республика Таджикистан": "TJ", "Кыргызстан": "KG", "Киргизия": "KG"},
}


@functools.cache
def _territories(locale: str) -> dict[str, str]:
    """CLDR's country names of `locale` by their two-letter code ("RU": "Russia"); empty when babel lacks it."""
    try:
        from babel import Locale

        territories = Locale.parse(locale).territories
    except (ImportError, ValueError, LookupError):
        territories = {}
    return {code: re.sub(r"\s*\([^)]*\)", "", name).replace("&", "and")  # "Myanmar (Burma)" -> "Myanmar"
            for code, name in territories.items() if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


@functools.cache
def country_names(locale: str) -> frozenset[str]:
    """The lower-cased names of countries in `locale` ("en", "ru"); empty when babel lacks it."""
    names = {name.lower() for name in _territories(locale).values()}
    names.update(n.lower() for n in _EXTRA_CODES.get(locale, {}))
    return frozenset(names)


# the name a country's own documents use where CLDR has another ("Киргизия")
_NAME_USED = {"ru": {"KG": "Кыргызстан"}}


def country_name(code: str, locale: str = "en") -> str:
    """A country's name in `locale` ("KG" -> "Kyrgyzstan", "Кыргызстан"), its code when babel lacks it."""
    return (_NAME_USED.get(locale, {}).get(code) or _territories(locale).get(code) or _territories("en").get(code)
            or code)


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


@functools.cache
def _codes() -> tuple[dict[tuple[str, ...], str], dict[str, tuple[tuple[str, str], ...]]]:
    """Every registered language's country names as analysed terms -> their code ("russian feder" -> "RU"), and
    the one-word names by their first three letters, for the adjectives and demonyms made from them."""
    from qa.lang import analyze, registered

    codes: dict[tuple[str, ...], str] = {}
    for lang in (language.code for language in registered()):
        named = {**{name: code for code, name in _territories(lang).items()}, **_EXTRA_CODES.get(lang, {})}
        for name, code in named.items():
            terms = tuple(analyze(name, lang))
            if terms:
                codes.setdefault(terms, code)
    singles: dict[str, list[tuple[str, str]]] = {}
    for terms, code in codes.items():
        if len(terms) == 1:
            singles.setdefault(terms[0][:3], []).append((terms[0], code))
    return codes, {head: tuple(names) for head, names in singles.items()}


def country_terms(codes: frozenset[str]) -> frozenset[str]:
    """The analysed terms of every name of these countries, in every registered language ("RU": russia, russian,
    feder, росс, …): the words of a text that belong to the country it names."""
    return frozenset(t for terms, code in _codes()[0].items() if code in codes for t in terms)


# common words whose stems are a country's: "данные", "по данным" (data) stem to "дан" as "Дания", "Дании" do, but no
# form of the name doubles its "н"
_NOT_NAMES = re.compile(r"(?<![\w])данн\w*", re.I)


def countries_in(text: str, code: str = "en", adjectives: bool = True) -> frozenset[str]:
    """The two-letter codes of the countries a text names, in any registered language and any form: "Russia",
    "the Russian Federation", "Russian", "России" are all "RU"; "Kyrgyz", "Kyrgyzstan", "Kyrgyz Republic" "KG".
    `adjectives`: False reads names only ("Russian experts" names no country)."""
    from qa.lang import analyze
    from qa.lang.demonyms import same_place

    codes, singles = _codes()
    longest = max(map(len, codes), default=0)
    terms = analyze(_NOT_NAMES.sub(" ", text), code)
    found, i = set(), 0
    while i < len(terms):
        for n in range(min(longest, len(terms) - i), 0, -1):
            named = codes.get(tuple(terms[i:i + n]))
            if named:
                found.add(named)
                i += n
                break
        else:  # an adjective or demonym of a one-word name ("Kyrgyz", "российский")
            word = terms[i]
            if adjectives:
                found.update(c for name, c in singles.get(word[:3], ()) if word.isalpha() and same_place(word, name))
            i += 1
    return frozenset(found)
