"""Words that name a part of a year, in English and Russian: "the second half of 2022", "H2 2022", "the first
quarter of 2024", "Q1 2024", "во втором полугодии 2022 года", "в первой половине 2023 года", "в I квартале 2024 года".
qa.filters.question reads them as the months they name (July-December 2022)."""

from __future__ import annotations

import re

_YEAR = r"(?:19|20)\d\d"
# which half / quarter, by its ordinal, in the forms a question writes it
_ORDINALS = {
    1: r"first|1st|перв\w*|1-?(?:е|м|й|го|ом|ой|ю)?|I",
    2: r"second|2nd|втор\w*|2-?(?:е|м|й|го|ом|ой|ю)?|II",
    3: r"third|3rd|трет\w*|3-?(?:е|м|й|го|ем|ий|ю)?|III",
    4: r"fourth|4th|четв[её]рт\w*|4-?(?:е|м|й|го|ом|ый|ю)?|IV",
}
_HALF = r"half|полугоди\w*|половин\w*"
_QUARTER = r"quarter|квартал\w*"
_LAST = r"last|последн\w*"  # the last half or quarter
_ORDINAL = "|".join(f"(?:{x})" for x in (*_ORDINALS.values(), _LAST))
# "the second half of 2022", "во втором полугодии 2022 года", "H2 2022", "2H 2022", "Q3 2024", "3Q 2024"
PART_OF_YEAR = (  # not inside a word ("Delhi quarter"), nor a number ("21 quarters")
    rf"(?<![\w-])(?:the\s+)?(?:{_ORDINAL})\s+(?:{_HALF}|{_QUARTER})(?:\s+of)?(?:\s+the\s+year)?,?\s+{_YEAR}(?:\s*(?:г\.|года))?"
    rf"|(?<![\w-])(?:H[12]|[12]H|Q[1-4]|[1-4]Q)\s+{_YEAR}"
)
_SHORT_RE = re.compile(r"([HQ])([1-4])|([1-4])([HQ])")


def _ordinal(word: str) -> int | None:
    for n, pattern in _ORDINALS.items():
        if re.fullmatch(pattern, word, re.IGNORECASE if not word.isupper() else 0):
            return n
    return None


def months_of(expr: str) -> tuple[int, int, int] | None:
    """(year, first month, last month) of a part of a year PART_OF_YEAR matched, else None: "the second half of
    2022" -> (2022, 7, 12), "Q1 2024" -> (2024, 1, 3), "во втором полугодии 2022 года" -> (2022, 7, 12)."""
    year_m = re.search(_YEAR, expr)
    if year_m is None:
        return None
    year = int(year_m.group())
    if m := _SHORT_RE.match(expr.strip()):
        kind, n = (m[1], int(m[2])) if m[1] else (m[4], int(m[3]))
        half = kind == "H"
    else:
        words = re.sub(r"(?i)^the\s+", "", expr.strip()).split()
        if len(words) < 2:
            return None
        half = re.fullmatch(_HALF, words[1], re.IGNORECASE) is not None
        n = (2 if half else 4) if re.fullmatch(_LAST, words[0], re.IGNORECASE) else _ordinal(words[0])
    if n is None or (half and n > 2):
        return None
    size = 6 if half else 3
    return year, size * (n - 1) + 1, size * n



# a part named with no year after it ("во втором полугодии", "in the third quarter"): a report's title gives the year
_PART_ALONE = re.compile(rf"(?<![\w-])(?:the\s+)?(?:{_ORDINAL})\s+(?:{_HALF}|{_QUARTER})(?!\s+(?:of\s+)?{_YEAR})",
                         re.IGNORECASE)


def parts_alone(text: str) -> list[tuple[int, int]]:
    """(first month, last month) of each half or quarter `text` names without a year ("во втором полугодии")."""
    out = []
    for m in _PART_ALONE.finditer(text):
        months = months_of(f"{m.group()} 2000")
        if months is not None:
            out.append(months[1:])
    return out


# How a text names a part of a year besides its months: the short forms and "ordinal + half / quarter", in the
# forms the analyzer may stem apart ("IV квартал" and "в IV квартале" give two stems)
_NAMED_ORDINALS = {
    1: "1 first 1st первый первом первого первое первая первой I",
    2: "2 second 2nd второй втором второго второе вторая второй II",
    3: "3 third 3rd третий третьем третьего третье третья третьей III",
    4: "4 fourth 4th четвёртый четвёртом четвёртого четвертый четвертом четвертого IV",
}
_NAMED = {"half": "half полугодие полугодии полугодия половина половине половины",
          "quarter": "quarter квартал квартале квартала"}


def part_names(first: int, last: int) -> list[list[tuple[str, ...]]]:
    """The words that name the months `first`..`last` of a year as a half or a quarter, besides the year: alternatives,
    each a list of groups a text must all hold (one word of each): [[("Q4", "4Q")], [("fourth", …, "IV"), ("quarter",
    "квартал", …)]] for October-December. [] for any other months."""
    size = last - first + 1
    if size not in (3, 6) or (first - 1) % size:
        return []
    n, kind, short = (first - 1) // size + 1, "half" if size == 6 else "quarter", "H" if size == 6 else "Q"
    return [[(f"{short}{n}", f"{n}{short}")], [tuple(_NAMED_ORDINALS[n].split()), tuple(_NAMED[kind].split())]]
