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


# a language spoken as the main official one in more countries than this names none of them by its adjective
# ("English", "Arabic", "Portuguese"), unless its country's name shares its start ("French" / "France")
_HOME_COUNTRIES = 5
_MIN_ADJECTIVE = 4
_CYRILLIC = re.compile(r"[а-яё]", re.I)
_RU_ADJECTIVE = re.compile(r"[сц]кий$")
# the analysed nouns after a language's adjective that make it the language's, not a country's
_LANGUAGE_NOUNS = frozenset({"languag", "язык", "translat", "перевод", "word", "слов"})


@functools.cache
def _language_adjectives() -> dict[str, str]:
    """The analysed one-word names of languages, in every registered language, that are their country's adjective too,
    with that country's code ("turkish", "турецк" -> TR; "dutch", "нидерландск" -> NL): CLDR's language names, each
    read as the country its likely subtags place it in ("tr" -> tr_Latn_TR), when it is the main official language
    there and of few other countries. The names CLDR gives a country do not make these ("Türkiye" / "Turkish")."""
    from qa.lang import analyze, registered

    try:
        from babel import Locale
        from babel.core import get_global

        likely, spoken = get_global("likely_subtags"), get_global("territory_languages")
    except (ImportError, KeyError, ValueError):
        return {}
    homes: dict[str, int] = {}
    for languages in spoken.values():
        for language, info in languages.items():
            if _main_official(info):
                homes[language] = homes.get(language, 0) + 1
    english = _territories("en")
    out: dict[str, str] = {}
    for lang in (language.code for language in registered()):
        try:
            names = Locale.parse(lang).languages
        except (ValueError, LookupError):
            continue
        for language, name in names.items():
            country = likely.get(language, "").split("_")[-1]
            if "_" in language or country not in english or not _main_official(spoken[country].get(language, {})):
                continue
            own = Locale("en").languages.get(language, "")
            if homes.get(language, 0) > _HOME_COUNTRIES and own[:2].lower() != english[country][:2].lower():
                continue
            terms = analyze(name, lang)
            # an adjective, not a short name that other words' stems may share ("Lao", "иврит", "палау")
            if len(terms) == 1 and terms[0].isalpha() and len(terms[0]) >= _MIN_ADJECTIVE \
                    and (not _CYRILLIC.search(name) or _RU_ADJECTIVE.search(name)):
                out.setdefault(terms[0], country)
    return out


def _main_official(info: dict) -> bool:
    """Whether CLDR's figures of a language in a territory make it an official language most there speak."""
    return str(info.get("official_status") or "").endswith("official") and info.get("population_percent", 0) >= 50


def country_terms(codes: frozenset[str]) -> frozenset[str]:
    """The analysed terms of every name of these countries, in every registered language ("RU": russia, russian,
    feder, росс, …): the words of a text that belong to the country it names."""
    return frozenset(t for terms, code in _codes()[0].items() if code in codes for t in terms)


# common words whose stems are a country's: "данные", "по данным" (data) stem to "дан" as "Дания", "Дании" do, but no
# form of the name doubles its "н"; "груз", "груза" (cargo) stem to "груз" as "Грузия" does, whose forms all go on
# with "и"
# A currency named by its country names no place: "10 000 долларов США", "US dollars", "Hong Kong dollars" say how much,
# not where ("How much cash may be carried across the Kyrgyz border?" is not about the United States)
_NOT_NAMES = re.compile(r"(?<![\w])(?:данн\w*|груз(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)"
                        r"|(?<=долларов )США|(?<=доллара )США|(?<=доллар )США|(?<=долл\. )США"
                        r"|U\.?S\.?(?= dollars?\b)|United States(?= dollars?\b))", re.I)


def countries_in(text: str, code: str = "en", adjectives: bool = True, languages: bool = False) -> frozenset[str]:
    """The two-letter codes of the countries a text names, in any registered language and any form: "Russia",
    "the Russian Federation", "Russian", "России" are all "RU"; "Kyrgyz", "Kyrgyzstan", "Kyrgyz Republic" "KG".
    `adjectives`: False reads names only ("Russian experts" names no country). `languages`: the adjectives of a
    country's language are its people's too ("Turkish experts", "турецкие эксперты" -> TR), which holds of people and
    not of much else ("the Persian ally", "Greek orthodox Christians", "Greek mythology")."""
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
        else:  # an adjective or demonym of a one-word name ("Kyrgyz", "российский"), or of its language ("Dutch")
            word = terms[i]
            if adjectives:
                found.update(c for name, c in singles.get(word[:3], ()) if word.isalpha() and same_place(word, name))
                # "Turkish experts", not "the Turkish language" ("на турецком языке")
                if languages and word in _language_adjectives() \
                        and (i + 1 == len(terms) or terms[i + 1] not in _LANGUAGE_NOUNS):
                    found.add(_language_adjectives()[word])
            i += 1
    return frozenset(found)
