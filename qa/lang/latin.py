"""A Russian question's names as an English text writes them: "Кто такой Рустам Мирализода?" -> "Rustam Miralizoda",
and an English question's as a Russian text writes them: "Korday" -> "Кордай".

Across languages no word of the question can be found in the passages but the few written alike (numbers,
Latin acronyms): retrieval's BM25 and every word-counting feature of the answer step read nothing. A person's
or a place's name is the exception: an English text writes it in Latin letters, mostly as a romanisation of
the Russian spelling ("Miralizoda", "Abilova", "Almaty", "Osh", "Kazakhstan"). So a question routed across
languages also looks its names up romanised (qa.app.service). Acronyms are left out: an organisation's
acronym is translated, not romanised ("ЦАРИКЦ" is "CARICC", "ОБСЕ" is "OSCE").

The same holds within one index of English and Russian texts: a Russian question about the Farap post finds the
English story only by "Farap", and an English question about «Кордай» the Russian one only by "Кордай". Romanising
back into Cyrillic is guesswork ("e" is "е" or "э", "y" is "ы" or "й"), which is why every form is only a candidate:
the caller keeps those the documents write (qa.app.service.question_terms).
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


# English romanisations back into Cyrillic, longest first ("shch" before "sh" before "s")
_BACK = (("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
         ("yo", "ё"), ("ye", "е"), ("j", "дж"), ("x", "кс"), ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"),
         ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("k", "к"), ("q", "к"), ("c", "к"), ("l", "л"), ("m", "м"),
         ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"))
_VOWELS = "aeiouy"
# a capitalised Latin word with a lower-case letter: a name, not an acronym
_LATIN_NAME = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?![\w-])")


def cyrillised(word: str) -> list[str]:
    """The ways a Russian text may write a romanised name ("Korday" -> "кордай"; "Ergashev" -> "эргашев", "ергашев"),
    lower-case: "y" after a vowel is "й", else "ы"; an initial "e" is "э" or "е"."""
    low = word.lower()
    out, i = [], 0
    while i < len(low):
        if low[i] == "y" and not low.startswith(("ya", "yu", "yo", "ye"), i):
            out.append("й" if i and low[i - 1] in _VOWELS else "ы")
            i += 1
            continue
        for latin, cyr in _BACK:
            if low.startswith(latin, i):
                out.append(cyr)
                i += len(latin)
                break
        else:
            out.append(low[i])
            i += 1
    written = "".join(out)
    return [written, "э" + written[1:]] if written.startswith("е") else [written]


def other_script_names(question: str) -> list[tuple[str, list[str], str]]:
    """Each name of the question (a capitalised word after its first; no acronym) as written, its forms in the
    other script (romanised, or every Cyrillic form), and the language those forms are written in."""
    rest = question.split(" ", 1)[1] if " " in question else ""
    out = [(m.group(0), [romanised(m.group(0))], "en") for m in _NAME.finditer(rest) if len(m.group(0)) >= 3]
    out += [(m.group(0), cyrillised(m.group(0)), "ru") for m in _LATIN_NAME.finditer(rest) if len(m.group(0)) >= 3]
    return out
