"""The asked edition of a series, named in another language than the question's.

"How much opium was seized in Operation Steppe Barrier-2024?" was refused, "The best passage is about Operation Steppe
Barrier-2023, not Operation Steppe Barrier-2024": the English story of the 2023 edition words the question best, and
the Russian story of «Степной заслон-2024», which answers it, ranked seventh, 7 below. The edition rule
(qa.answer.identity.edition_swap) reads names by their stems, and a name translated shares none with its original.

So when the best speaks of another edition of the asked series, a candidate of another language takes its place
(prefer_edition_across) when:
- it, its item's title or the passage before it names an edition of the asked year by a name in another language
  (none of the asked name's stems) — "Степной заслон-2024" for "Steppe Barrier-2024" — whose proper names are the
  asked name's romanised: "Канал — Фергана 2022" is another member of the family of "Kanal-Caspian 2022";
- it holds a span of the kind asked (its "typed" feature): a figure for how much, a person for who;
- its passage and the best's lie near under the index's multilingual vectors (preliminary.EVENT_COSINE, the cosine
  one event's reports in two languages keep): the two speak of one series, not of any operation of that year.
It is then the answer the gate reads, among the best ACROSS_TOP, at any margin: across languages the sentence model
scores a translation lower than a same-language near miss.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.answer.identity import candidate_identity_swap, editions_in
from qa.answer.preliminary import EVENT_COSINE, Similar
from qa.lang import detect
from qa.lang.latin import romanised

if TYPE_CHECKING:
    from qa.answer.features import Candidate

ACROSS_TOP = 15


def _context(c: Candidate) -> str:
    title = c.passage.item.title if c.passage.item is not None else ""
    return f"{title}\n{c.before}\n{c.text}"


# a word of a name after its first, capitalised in Cyrillic: a place or a person's name ("Канал — Фергана"), which
# another language romanises, where it translates the words of a series' name ("Степной заслон", "Steppe Barrier")
_CYRILLIC_NAME = re.compile(r"(?<=[\s—–-])[А-ЯЁ][а-яё]+")
_ROMAN_HEAD = 4  # letters of two words' romanised forms that must agree ("kanal" / "Kanal", "kaspiy" / "Caspian")


def _heads(written: str) -> set[str]:
    return {romanised(w).lower().replace("c", "k")[:_ROMAN_HEAD] for w in re.findall(r"[^\W\d_]+", written)}


def _may_translate(asked: str, told: str) -> bool:
    """Whether two editions' names in two scripts may be one name translated: every proper name the Cyrillic one
    holds after its first word is romanised in the other ("Канал — Каспий" is no "Kanal-Issyk-Kul", "Канал — Фергана"
    no "Kanal-Caspian"; "Степной заслон" may be "Steppe Barrier")."""
    cyrillic, latin = (asked, told) if re.search("[А-ЯЁа-яё]", asked) else (told, asked)
    names = _CYRILLIC_NAME.findall(cyrillic)
    return all(_heads(n) <= _heads(latin) for n in names)


def prefer_edition_across(question: str, ranked: list[Candidate], similar: Similar | None) -> list[Candidate]:
    """`ranked` with a candidate of another language naming the asked edition first, when the best speaks of another
    edition of the series (the module docstring); scores swapped, as the other near-tie rules do."""
    if similar is None or len(ranked) < 2:
        return ranked
    swap = candidate_identity_swap(question, ranked[0])
    if swap is None or swap.kind != "edition":
        return ranked
    asked = editions_in(question)
    lang = detect(question)
    for i in range(1, min(ACROSS_TOP, len(ranked))):
        c = ranked[i]
        if c.sentence.lang in (None, lang) or c.features.get("typed", 0.0) < 1.0:
            continue
        told = editions_in(_context(c))
        if not any(t.year == a.year and not t.name & a.name and _may_translate(a.written, t.written)
                   for a in asked for t in told):
            continue
        cosine = similar(ranked[0], c)
        if cosine is None or cosine < EVENT_COSINE:
            continue
        top = ranked[0]
        return [replace(c, score=top.score), *ranked[1:i], replace(top, score=c.score), *ranked[i + 1:]]
    return ranked
