"""Does a candidate sentence hold the KIND of thing the question asks for?

Issue 13, pattern 1: a how-many question answered by a sentence about the same event with no
count of the asked thing, a who-question answered by a sentence with no person, a question about
the fifth meeting of a series answered by the lead of the third. The sentence model and the
confidence model read these as features (answer-type consistency counts in choosing AND in
abstaining); nothing here is a hard rule, the weights are fitted (benchmarks/fit_answer.py).

What a question needs is qa.answer.needs's; which event it speaks of, qa.answer.events's; whether a
sentence names a person, qa.answer.persons's. Here: whether a sentence holds a count of the asked noun,
a quantity with a unit, an amount of money, a measure, a date, or a span of the asked kind
(`typed_match`), and the features of one candidate (`type_features`).
"""

from __future__ import annotations

import functools
import re

from qa.answer.acronyms import phrase_acronym
from qa.answer.events import event_features
from qa.answer.masses import weighs_asked
from qa.answer.needs import PEOPLE, RU_ADJECTIVE, Needs, asked_grain, event_needs, plural_head
from qa.answer.persons import NOT_A_PERSON
from qa.filters.mentions import YEAR_RE
from qa.ingest.titles import date_words
from qa.lang.counted import across
from qa.lang.countries import countries_in
from qa.lang.item_days import says_item_day
from qa.lang import analyze, detect, get, registered
from qa.lang.ru import number_words as ru_number_words

# units that answer a how-much question without a noun ("How much did they seize?")
_QUANTITY_UNIT = re.compile(
    r"(?:\$|€|£|%|\b(?:percent|per cent|kg|kilograms?|tons?|tonnes?|grams?|km|kilometres?|kilometers?|"
    r"miles?|metres?|meters?|litres?|liters?|dollars?|euros?|pounds?|rubles?|roubles?|tenge|som|"
    r"million|billion|thousand|hundred|USD|EUR)\b)",
    re.I,
)
# Russian: units after a number, and numbers written as words (qa.lang.ru's list)
_QUANTITY_UNIT_RU = re.compile(
    r"(?:%|процент\w*|кг|килограмм\w*|тонн\w*|грамм\w*|км|километр\w*|метр\w*|литр\w*|млн|млрд|тыс\.?|"
    r"миллион\w*|миллиард\w*|тысяч\w*|доллар\w*|рубл\w*|евро|фунт\w*|сом\w*|тенге)(?![\w])",
    re.I,
)
# thousands grouped by a space, a no-break one too ("8 120 кг" as Word and web pages write it)
_NUMBER_RE_RU = re.compile(r"(?:\$|€|£)?(?<![\w-])(?:\d[\d,. \u00a0\u202f]*(?<![,. \u00a0\u202f])|" + ru_number_words()
                           + r")(?![\w])", re.I)
# a figure, or a count written as a word ("seventeen", "ninety", "a dozen")
_NUMBER_RE = re.compile(r"(?:\$|€|£)?\b\d[\d,.]*(?:[\u00a0\u202f]\d{3})*\b|"
                        r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|"
                        r"hundred|thousand|million|billion|dozens?|several)\b", re.I)


_ASIDE = re.compile(r"\s*\([^()]*\)")


@functools.cache
def _unit_names() -> dict[str, str]:
    """Each stem of every registered language's unit forms (Language.unit_names) -> the stem of its
    unit's first form."""
    out: dict[str, str] = {}
    for language in registered():
        for forms in language.unit_names:
            stems = [t for w in forms.split() for t in analyze(w, language.code)]
            out.update((t, stems[0]) for t in stems)
    return out


def unit_name(stem: str) -> str | None:
    """The stem of the first form of the unit `stem` names ("kg" -> "kilogram"), or None when it names no unit."""
    return _unit_names().get(stem)


def same_unit(stems: set[str] | frozenset[str]) -> set[str]:
    """stems with each unit's name in its first form as well ("kg" -> "kilogram" too): a count of the
    asked unit may be written in any of its forms."""
    names = _unit_names()
    return set(stems) | {names[t] for t in stems if t in names}


def same_counted(these: set[str] | frozenset[str], those: set[str] | frozenset[str]) -> bool:
    """Whether two nouns' stems name one counted thing: in one language by the forms of one unit (same_unit); in two
    scripts, by the things counted in either language (qa.lang.counted: "подозреваемых" for "suspects")."""
    if same_unit(these) & same_unit(those):
        return True
    if _cyrillic_stems(these) == _cyrillic_stems(those):
        return False
    things = across()
    return bool({things[t] for t in these if t in things} & {things[t] for t in those if t in things})


def _cyrillic_stems(stems: set[str] | frozenset[str]) -> bool:
    return any(_CYRILLIC.search(t) for t in stems)


def counts_asked_noun(after: str, units: frozenset[str], plural_only: bool = False) -> bool:
    """Whether the noun phrase after a number names the asked noun: "57,000 *people*", "two Major
    League Soccer *teams*", "three working-*groups*" (its modifiers, compounds and plural read as
    in the question: plural_head), or people counted under another name, or a mass of it ("1,2 тонны *наркотиков*"
    for "сколько наркотиков": qa.answer.masses)."""
    # its clause, without an aside ("1,388 (0.9%) same-sex couples"); quotes and an abbreviation's
    # dot stay inside it (two "lead authors", eight U.S. presidents, 5 тыс. человек)
    clause = re.split(r"[,;:!?()\[\]]|\.(?=\s+[A-ZА-ЯЁ\d]|\s*$)", _ASIDE.sub("", after), maxsplit=1)[0]
    words = re.findall(r"[\w'’-]+", clause)
    phrase = plural_head(words)
    if phrase:
        nxt = set(analyze(" ".join(phrase))) | phrase_acronym(phrase)
    elif plural_only and _cyrillic(clause):
        # Russian marks no plural that plural_head reads: a year-like number counts the noun right after it and
        # its adjectives ("1388 однополых *пар*"), not the words further on ("в 2004 году *компания* ...")
        noun = next((w for w in words if not RU_ADJECTIVE.search(w.lower())), "")
        nxt = set(analyze(noun))
    elif plural_only:
        return False
    else:
        # no plural head ("1 ferry", "один паром", a Russian count's genitive): the first words of
        # its clause ("In 2004, the company ..." counts no company)
        nxt = set(analyze(clause)[:3])
    return same_counted(nxt, units) or (bool(units & PEOPLE) and bool(nxt & PEOPLE)) \
        or weighs_asked(after, units, bool(_CYRILLIC.search(clause)))  # "1 246 килограммов наркотических средств"


# the script of the words after a number, read without the language detector (the answer step reads languages stored
# at index time): the unit and the noun a mass weighs are Russian or English (qa.answer.masses)
_CYRILLIC = re.compile(r"[а-яё]", re.I)


def _cyrillic(text: str) -> bool:
    """Whether text is Russian for the number rules (qa.lang.detect, its cheap English case first)."""
    return bool(re.search(r"[а-яё]", text, re.I)) and detect(text) == "ru"


def _in_date(span: tuple[int, int], dates: list[tuple[int, int]]) -> str | None:
    """"part" when a number lies inside a longer date span (the day or year of "12 March 2021"),
    "whole" when it is a date by itself (a bare year: "2021", "1993-94"), else None."""
    for x, y in dates:
        if x < span[1] and span[0] < y:
            return "whole" if (x, y) == span else "part"
    return None


_AFTER_CHARS = 80


def _words_after(text: str, start: int) -> str:
    """About _AFTER_CHARS characters of text from start, without a word the cut would split."""
    end = start + _AFTER_CHARS
    after = text[start:end]
    if end < len(text) and text[end - 1:end + 1].isalnum():
        after = re.sub(r"\w+$", "", after)
    return after


def unit_match(text: str, n: Needs, lang: str | None = None) -> float:
    """1 when a number in text counts the asked noun ("57,000 *people*"), or for a how-much
    question without a noun when a number carries a unit ("740 *kg*"); 0 when no number does;
    0.5 for questions that ask for no quantity."""
    if n.qtype != "number":
        return 0.5
    russian = lang == "ru" if lang else _cyrillic(text)  # lang: the sentence's stored language
    numbers, units = (_NUMBER_RE_RU, _QUANTITY_UNIT_RU) if russian else (_NUMBER_RE, _QUANTITY_UNIT)
    dates = [d.span() for d in get("ru" if russian else "en").span_patterns["date"].finditer(text)]
    for m in numbers.finditer(text):
        # the noun phrase after it, in whole words: a phrase of five modifiers runs past 40
        # characters ("five progressive WG and intersessional activities")
        after = _words_after(text, m.end())
        before = text[max(0, m.start() - 3):m.start()]
        # a currency sign makes a year-like figure an amount ("$1900")
        date = None if m.group(0)[:1] in "$€£" else _in_date(m.span(), dates)
        if date == "part":
            continue  # the day or the year of a date ("October 25-26, 2021 the delegation")
        if n.units:
            # a bare year counts only a plural right after it ("2000 guests", not "In 2004 the company")
            if counts_asked_noun(after, n.units, plural_only=date == "whole"):
                return 1.0
            continue
        if date == "whole":
            continue  # "in 2020 tons of ..." is rarer than a year before a unit-less noun
        if units.match(after.lstrip()) or re.search(r"[$€£]", before + m.group(0)):
            return 1.0
        elif re.match(r"\s*%", after):
            return 1.0
    return 0.0


def money_match(text: str, n: Needs, lang: str | None = None) -> float:
    """For a question about money (`n.money`): 1 when a number in text is an amount in a currency
    ("$25 a gram", "5 million euros", "3 млн рублей"), else 0; 0.5 for every other question. A
    rule of the gate reads it (qa.answer.evidence.unpriced), not the fitted features: unit_match
    still takes any quantity with a unit for a how-much question."""
    if not n.money:
        return 0.5
    russian = lang == "ru" if lang else _cyrillic(text)
    for m in (_NUMBER_RE_RU if russian else _NUMBER_RE).finditer(text):
        if _in_currency(text, m, _words_after(text, m.end()), russian):
            return 1.0
    return 0.0


# the kinds a quantifier can stand before ("a mile", "a few days", "hundreds of kilograms")
_COUNTED_UNITS = ("length", "time", "floors", "mass", "area", "volume")


def measure_match(text: str, n: Needs, lang: str | None = None) -> float:
    """For a question about a measure (`n.measure`): 1 when text holds a quantity of a kind that
    answers it (a number or a quantifier before a unit of that kind: "13 km", "two weeks", "a mile";
    a span of dates for a duration: "from 1754 to 1763", "since 2005"; for an age, any number: "aged
    45", "founded in 1636"), else 0; 0.5 for every other question. Like money_match, read by a rule
    of the gate (qa.answer.evidence.unmeasured), not by the fitted features."""
    if not n.measure:
        return 0.5
    russian = lang == "ru" if lang else _cyrillic(text)
    language = get("ru" if russian else "en")
    units = language.measure_units or {}
    if "range" in n.measure and "range" in units and units["range"].search(text):
        return 1.0
    dates = [d.span() for d in language.span_patterns["date"].finditer(text)]
    for m in (_NUMBER_RE_RU if russian else _NUMBER_RE).finditer(text):
        if "age" in n.measure:
            return 1.0  # "aged 45", "at seven", "founded in 1636": any number may give an age
        if m.group(0)[:1] not in "$€£" and _in_date(m.span(), dates):
            continue  # a date's day or year measures nothing ("On 12 May the delegation ...")
        after = _words_after(text, m.end()).lstrip(" -–\u00a0")  # "13 km", "a 30-minute drive"
        if any(k in units and units[k].match(after) for k in n.measure):
            return 1.0
    quantifier = language.measure_quantifiers
    for k in n.measure if quantifier is not None else ():
        if k in _COUNTED_UNITS and k in units:
            for u in re.finditer(rf"(?<![\w])(?:{units[k].pattern})", text, units[k].flags):
                if quantifier.search(text[max(0, u.start() - 20):u.start()]):
                    return 1.0  # "half a mile", "several weeks"
    return 0.0


_SCALE = re.compile(r"\s*(?:(?:million|billion|trillion|thousand|mln|bn|млн|млрд|трлн|тыс|миллион\w*|миллиард\w*|"
                    r"тысяч\w*)\.?\s+)?", re.I)


def _in_currency(text: str, number: re.Match, after: str, russian: bool) -> bool:
    """Whether a currency marks the number as money: a sign or code just before it ("$5", "EUR 2"),
    or a currency word after it and its scale ("5 million dollars", "3 млн рублей")."""
    currency = get("ru" if russian else "en").currency
    if currency is None:
        return False
    before = text[max(0, number.start() - 6):number.start()].rstrip()
    if currency.match(number.group(0)) or any(c.end() == len(before) for c in currency.finditer(before)):
        return True
    rest = after[_SCALE.match(after).end():]
    return bool(currency.match(rest))


# whether a who-question's typed span must not be an organisation's or a place's name ("Kyrgyz
# Republic", "UNODC Programme Offices"). Off: "who funded / hosted / organised" is answered by an
# organisation, and cross-validation showed no gain (docs/quality.md, "tried and not kept")
PERSON_NOT_ORG = False
# whether typed_match reads a measure question's quantity by measure_match (its kind, any unit)
MEASURE_TYPED = True


def typed_match(text: str, question: str, n: Needs, lang: str | None = None) -> float:
    """1 when text holds a span of the kind asked for that the question does not already name (a
    count of the asked noun, a date, a name for who / which-official, a place), else 0; 0.5 when
    the question asks for no clear kind. Across the retrieved sentences this is the strongest
    sign of "not found": nothing holds what was asked. A question about a measure ("how long", "how
    many kilograms") wants a quantity of that measure in any unit (measure_match): "from 3 to 7
    February" answers "how long did it last", "1.2 tonnes" "how many kilograms". A question about a
    time of day wants one ("10:30", "в 9 часов"): a day or a year does not answer "What time did it
    start?"; nor "In which quarter …?", which a quarter or a half answers ("IV квартал", "the second half")."""
    if n.measure and MEASURE_TYPED:
        return measure_match(text, n, lang)
    if n.wants == "date" and (grain := asked_grain(question)) in ("clock", "part"):
        return float(states_date(text, question, grain, lang))  # a day or a year names no hour, nor a quarter
    if n.wants is None:
        return 0.5
    if n.wants == "number":
        return unit_match(text, n, lang)
    if n.wants == "place" and _ASKS_COUNTRY.search(question) and _names_country(text, question, lang):
        return 1.0  # "The member states are Azerbaijan, Kazakhstan, …": a country needs no "in" before it
    # the patterns of the text's own language, as qa.answer.question.typed_span reads them (a
    # Russian sentence holds a Russian date or name, whatever the question's language)
    language = get(lang or detect(text))
    pattern = language.span_patterns.get(n.wants)
    if pattern is None:
        return 0.5
    qwords = set(re.findall(r"\w+", question.lower()))
    for m in pattern.finditer(text):
        g = 1 if m.re.groups else 0
        words = set(re.findall(r"\w+", m.group(g).lower())) - language.span_ignore
        if words and not words <= qwords and not (n.wants == "person" and PERSON_NOT_ORG and words & NOT_A_PERSON):
            return 1.0
    return 0.0


# a question that asks for a country: "Which countries …?", "Какая страна …?"
_ASKS_COUNTRY = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?countr(?:y|ies)\b"
                           r"|\b(?:как(?:ая|ие|ой|их)|котор(?:ая|ые|ой|ых))\s+стран", re.I)


def _names_country(text: str, question: str, lang: str | None) -> bool:
    """Whether text names a country (by its name, not an adjective) that the question does not name."""
    code = lang or detect(text)
    return bool(countries_in(text, code, adjectives=False) - countries_in(question, detect(question), adjectives=False))


def has_date(text: str, lang: str | None = None) -> bool:
    return get(lang or detect(text)).span_patterns["date"].search(text) is not None


def states_date(text: str, question: str, grain: str, lang: str | None = None) -> bool:
    """Whether `text` (in `lang`, detected if None) may state a date of `grain` that `question` does not
    already state: "in March 2022" states no day for "Which day in March 2022 ...?", only the question's own
    month. True when the text's language has no date readers (Language.date_grains): nothing to tell."""
    grains = get(lang or detect(text)).date_grains
    if not grains:
        return True
    pattern = grains[grain]
    for _, asking in get(detect(question)).date_questions:  # "On which day ..." itself states no day
        question = asking.sub(" ", question)
    own = {" ".join(m.group(0).lower().split()) for m in pattern.finditer(question)}
    return any(" ".join(m.group(0).lower().split()) not in own for m in pattern.finditer(text))


def dated_by_item(text: str, item_date: str | None, lead: bool) -> str:
    """`text` with its item's date written after it when it is the item's lead and dates its event by the item's own
    day ("UNODC and the EU today formally launched the project", under the dateline "Tashkent, 15 June 2022 –"):
    for a when-question it states that date. Else `text`."""
    if lead and item_date and says_item_day(text):
        return f"{text} ({date_words(item_date)})"
    return text


def type_features(
    question: str, text: str, title: str, item_date: str | None, news_lead: bool, lang: str | None = None,
    lead: bool = False, about: str = "",
) -> dict[str, float]:
    """Answer-type consistency features of one candidate sentence (see the module docstring);
    `lang` is the sentence's language when the index stores it (detected from the text if not); `lead`: the
    sentence is its item's first; `about`: that first sentence, when it is another."""
    n = event_needs(question)
    # a title that names a year says what period its item is about; the item's date may then be the day it came out
    # (the report on 2023, dated by its "Дата публикации: 15 марта 2024 г."), which clashes with nothing asked
    dated = "" if YEAR_RE.search(title) else item_date or ""
    # so does a dated item's lead: the press conference of 30 January 2025 "посвящённую итогам 2024 года" speaks of
    # 2024 in every sentence. Its years are read beside the date, not instead of it: a lead's "Since 2019, …" does
    # not say that an item of 2024 is not about 2024
    years = " ".join(YEAR_RE.findall(about)) if dated or YEAR_RE.search(title) else ""
    context = f"{title} {dated} {years} {text}"
    match, clash = event_features(context, n, text)
    return {
        "unit": unit_match(text, n, lang),
        "typed": typed_match(dated_by_item(text, item_date, lead) if n.wants == "date" else text, question, n, lang),
        "event": match,
        "clash": clash,
        # a when-question answered by a dated lead: the lead's date IS the answer, so the lead
        # penalty (news_lead) must not apply to it
        "date_lead": float(n.qtype == "date" and news_lead and has_date(text, lang)),
    }


TYPE_FEATURES = ("unit", "typed", "event", "clash", "date_lead")
