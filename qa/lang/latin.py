"""A Russian question's names as an English text writes them: "Кто такой Рустам Мирализода?" -> "Rustam Miralizoda".

Across languages no word of the question can be found in the passages but the few written alike (numbers,
Latin acronyms): retrieval's BM25 and every word-counting feature of the answer step read nothing. A person's
or a place's name is the exception: an English text writes it in Latin letters, mostly as a romanisation of
the Russian spelling ("Miralizoda", "Abilova", "Almaty", "Osh", "Kazakhstan"). So a question routed across
languages also looks its names up romanised (qa.app.service). Acronyms are left out: an organisation's
acronym is translated, not romanised ("ЦАРИКЦ" is "CARICC", "ОБСЕ" is "OSCE").
"""

from __future__ import annotations

import re

# BGN/PCGN-like, as English texts romanise Central Asian and Russian names; "дж" is English "j" ("Джун Ямада":
# "Jun Yamada", "Таджикистан": "Tajikistan")
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
# a capitalised Cyrillic word of three letters or more with a lower-case letter: a name, not an acronym
_NAME = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*(?![\w-])")


def romanised(word: str) -> str:
    """A Cyrillic word in Latin letters ("Мирализода" -> "Miralizoda"); other letters as they are."""
    low = word.lower().replace("дж", "j")
    out = "".join(_LETTERS.get(ch, ch) for ch in low)
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


def names_romanised(question: str) -> list[str]:
    """The question's Cyrillic names (capitalised words after its first; no acronym) in Latin letters."""
    rest = question.split(" ", 1)[1] if " " in question else ""
    return [romanised(m.group(0)) for m in _NAME.finditer(rest) if len(m.group(0)) >= 3]


# Spellings that differ between romanisations of one name ("Yermekov" / "Ермеков", "Qurbonova" / "Курбонова",
# "Kordai" / "Кордай"): each is read as the one letter both forms share, in this order
_KEY_STEPS = (
    ("shch", "sh"), ("dzh", "j"), ("dj", "j"), ("kh", "h"), ("zh", "j"), ("ts", "c"), ("tz", "c"), ("ye", "e"),
    ("yo", "o"), ("yu", "u"), ("ya", "a"), ("y", "i"), ("w", "v"), ("q", "k"), ("x", "ks"), ("ck", "k"),
)
_LATIN_NAME = re.compile(r"(?<![\w-])[A-Z][A-Za-z'’]+(?:-[A-Za-z][a-z'’]+)*")
_CYRILLIC = re.compile(r"[а-яё]", re.I)
# a name written in the other script is that name with up to this many letters more (Russian inflects: "Бишкеке",
# "Садырова") and at least this many letters in all (a two-letter key matches too much)
_INFLECTION = 3
_MIN_KEY = 3


def latin_key(word: str) -> str:
    """A name in either script as its spellings compare: romanised, lower case, the letters romanisations disagree on
    made one, doubled letters single ("Yermekov", "Ермеков" -> "ermekov")."""
    key = romanised(word).lower()
    for a, b in _KEY_STEPS:
        key = key.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z0-9]", "", key))


def names_in_other_script(names: set[str], text: str) -> set[str]:
    """Those of `names` (lower-case words, as qa.answer.features.name_key keeps them) that `text` writes only in the
    other script: "bishkek" by "в Бишкеке", "садыров" by "Mr. Erlan Sadyrov". A Cyrillic name is read by its stem
    (Russian inflects it in the question too: "в Актау", "Садырова")."""
    from qa.lang import analyze

    latin = {latin_key(m.group(0)) for m in _LATIN_NAME.finditer(text)}
    cyrillic = {latin_key(m.group(0)) for m in _NAME.finditer(text)}
    out = set()
    for name in names:
        is_cyrillic = bool(_CYRILLIC.search(name))
        stem = (analyze(name, "ru")[-1:] or [name])[0] if is_cyrillic else name
        key = latin_key(stem)
        if len(key) < _MIN_KEY or key.isdigit():
            continue
        if any(w.startswith(key) and len(w) - len(key) <= _INFLECTION for w in (latin if is_cyrillic else cyrillic)):
            out.add(name)
    return out
