"""Swapped details: a question written from a sentence by changing one detail of it.

SQuAD 2.0's unanswerable questions were often written so: the right sentence with one word
swapped for its opposite ("the *smallest* harvest" where the text says the largest) or one name
for another ("in *Tarrow's* orchards" where it says Wenlow's). The chosen sentence then matches
every other word of the question; the abstention gate reads these as evidence against an answer
(qa.answer.evidence)."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from qa.lang import analyze, registered, stopwords
from qa.lang.demonyms import found


# a quoted name: "the 'Future without drugs' conference", operation «Северный транзит – 2024». A single quote opens
# only after a space or a bracket (an apostrophe follows a letter: "CARICC's")
_QUOTED_NAME = re.compile(r"[\"“«„]([^\"”»“„]{1,200})[\"”»“]"
                          r"|(?:^|(?<=[\s(]))[‘']([^‘’']{1,200})[’'](?!\w)")


def unquoted(question: str) -> str:
    """`question` without its quoted names: what they say ("without", "Северный", "2024") names something, it is
    no detail the question asks about (a negation, a direction, a figure)."""
    return _QUOTED_NAME.sub("", question)


@functools.cache
def _antonyms() -> dict[str, frozenset[str]]:
    """Each stem of every registered language's opposites (Language.antonym_pairs) -> the stems of
    its opposites."""
    out: dict[str, set[str]] = {}
    for language in registered():
        for pair in language.antonym_pairs:
            a, b = (analyze(w, language.code)[0] for w in pair.split())
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


@functools.cache
def _negative_prefixes() -> tuple[tuple[str, int, str], ...]:
    """Every registered language's prefixes that make a word its opposite (Language.negative_prefixes)."""
    return tuple(rule for language in registered() for rule in language.negative_prefixes)


def negates(stem: str, other: str) -> bool:
    """Whether `other` is `stem` made its opposite by a prefix: "unnatur" of "natur", "illegitim" of "legitim"."""
    for prefix, shortest, first in _negative_prefixes():
        base = other[len(prefix):]
        # the stemmer may keep a final "e" in one and drop it in the other ("safe", "unsaf")
        same = base.rstrip("e") == stem.rstrip("e")
        if other.startswith(prefix) and same and len(stem) >= shortest and (not first or stem[0] in first):
            return True
    return False


def antonym_swap(terms: set[str], sentence: set[str]) -> float:
    """1.0 when the chosen sentence (`sentence`: its stems) lacks a question term (`terms`) and holds
    its opposite ("Which park is the *smallest*?" against "... is the largest park"; "an *indirect*
    relationship" against "a direct impact"), else 0.0. SQuAD 2.0's unanswerable questions were often
    written from an answerable one by such a swap, and nothing else the gate reads tells them apart: the
    sentence matches every other word. Read on the sentence alone, which screened a little better than
    with its neighbours."""
    opposite = _antonyms()
    # a question that names both opposites asks to choose between them ("high or low?"): no swap
    return float(any(
        t not in sentence and (
            (opposite.get(t, frozenset()) & sentence and not opposite.get(t, frozenset()) & terms)
            or any(s not in terms and (negates(t, s) or negates(s, t)) for s in sentence))
        for t in terms
    ))


_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")


def _words(text: str) -> list[str]:
    """The words of `text` as written, a possessive "'s" dropped ("Galileo's" -> "Galileo")."""
    return [re.sub(r"['’]s$", "", w) for w in _WORD.findall(text)]


def _name_runs(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised words."""
    runs, i = [], 0
    while i < len(words):
        if words[i][0].isupper():
            j = i
            while j < len(words) and words[j][0].isupper():
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _same_name(a: list[str], b: list[str]) -> bool:
    """Whether two runs of lower-case words may name one thing: a shared word start ("Victoria",
    "Victorian"; "Norman", "Normans"), a place and its adjective, or one the initials of the other
    ("UMC", "United Methodist Church")."""
    if any(x[:4] == y[:4] or found(x, {y}) for x in a for y in b):
        return True
    return "".join(a) == "".join(w[0] for w in b) or "".join(b) == "".join(w[0] for w in a)


def _one_word_swapped(name: list[str], other: list[str], told: set[str], stop: frozenset[str]) -> bool:
    """Whether `other`, a name of the sentence (whose words are `told`), is `name` with one word swapped for
    another that the sentence lacks in any spelling: "the *Lower* Rhine region" against "the Upper Rhine region"."""
    if len(other) != len(name):
        return False
    differ = [(x, y) for x, y in zip(name, other) if x != y]
    if len(differ) != 1:
        return False
    x, y = differ[0]
    return not (x in stop or y in stop or _same_name([x], [y]) or any(_spelled_alike(x, t) for t in told))


def _spelled_alike(a: str, b: str) -> bool:
    """Whether two words may be one name spelled two ways: with and without its accents ("Mongke", "Möngke"), or
    a letter or two apart ("Rhou", "Rou"; "Sentanta", "Setanta"). A question's typo is no swapped name."""
    a, b = _plain(a), _plain(b)
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def _plain(word: str) -> str:
    """`word` without its accents ("Möngke" -> "Mongke")."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _context(words: list[str], i: int, step: int, stop: frozenset[str], lang: str) -> tuple[str, ...] | None:
    """The words from i on (step -1: backwards) up to the first content word, at most two."""
    out = []
    for j in (i, i + step):
        if not 0 <= j < len(words):
            return None
        low = words[j].lower()
        if low in stop:
            out.append(low)
            continue
        if len(low) < 3 or not words[j][0].islower():
            return None
        return (*out, *analyze(low, lang)[:1])
    return None


def name_swap(question: str, sentence: str, lang: str = "en") -> float:
    """1.0 when a name of the question is absent from the chosen sentence and another name stands
    there in the same words ("In *Galileo's* view, ..." against "In Aristotle's view, ...";
    "until the work of *Galileo*" against "until the work of Isaac Newton"; "How many sports does
    *Yale* compete in" against "The Harvard Crimson competes in 42 ..."), else 0.0. It is how many
    of SQuAD 2.0's unanswerable questions were written: the right sentence with one name swapped,
    which matches every other word. The words beside the name are read up to the first content word
    (not a stop word, three letters or more, in lower case), at most two; a name at the very start
    of the sentence is not read (a capital there says nothing). A name with one of its words swapped for
    another counts too ("the *Lower* Rhine region" against "the Upper Rhine region"), unless the two may be one
    word spelled two ways ("Mongke", "Möngke")."""
    stop = stopwords(lang)
    asked, told = _words(question), _words(sentence)
    told_low = {w.lower() for w in told}

    others = [(c, d) for c, d in _name_runs(told) if not (c == 0 and d == 1)]
    for a, b in _name_runs(asked):
        if a == 0:  # the question's first word is capitalised anyway
            a += 1
            if a == b:
                continue
        name = [w.lower() for w in asked[a:b]]
        before, after = _context(asked, a - 1, -1, stop, lang), _context(asked, b, 1, stop, lang)
        part = bool(told_low & set(name))  # some of its words are there: is one of the others swapped?
        for c, d in others:
            other = [w for w in (w.lower() for w in told[c:d]) if w not in stop]
            if not other:
                continue
            if part and not _one_word_swapped(name, other, told_low, stop):
                continue
            if not part and _same_name(name, other):
                continue
            if (before and _context(told, c - 1, -1, stop, lang) == before) or (
                after and _context(told, d, 1, stop, lang) == after):
                return 1.0
    return 0.0
