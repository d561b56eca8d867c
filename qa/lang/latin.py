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
