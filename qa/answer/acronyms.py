"""What an acronym stands for: questions that ask it, and the sentences that spell it out.

"What does CADAP stand for?" and "What is FIIAPP's full name?" are answered only by a sentence that
defines the acronym ("... the Central Asia Drug Action Programme (CADAP) ..."); a sentence that merely
uses it names the thing without saying what was asked (issue 13, pattern 1). And a question that spells
out a name ("the State Revenue Committee") asks about what a passage calls by its acronym ("the SRC").
"""

from __future__ import annotations

import functools
import re

# "VASPs", "NGOs", "MTs": an acronym's plural names what the acronym names
ACRONYM_PLURAL = re.compile(r"\b([A-ZА-ЯЁ][A-ZА-ЯЁ\d]+)s\b")

# how a question asks for an acronym's expansion, in English and Russian ("Как расшифровывается
# ЦАРИКЦ?", "полное название")
_ASKS = re.compile(
    r"\b(?:stands?|stood)\s+for\b|\bshort\s+for\b|\bfull\s+(?:name|title|form)\b|\babbreviat\w*|\bacronym\b"
    r"|\bspelled?\s+out\b|\bexpan(?:d|sion)\b"
    r"|расшифров\w*|аббревиатур\w*|сокращени\w*|означа\w*|полн\w+\s+(?:названи|наименовани)\w*",
    re.I,
)
_CAPS = "A-ZА-ЯЁ"
# "What is CARICC?", "Что такое ЦАРИКЦ?": a question that is the acronym alone asks what it is
_WHAT_IS = re.compile(
    rf"^\s*(?i:what\s+(?:is|was|are|were)\s+(?:the\s+)?|что\s+такое\s+)([{_CAPS}][{_CAPS}\d&-]{{1,11}})s?\s*\??\s*$"
)
_ACRONYM = re.compile(rf"\b([{_CAPS}][{_CAPS}\d&]{{1,11}})(?:['’]s|s)?\b")
_ENDS = re.compile(r"\s*(?:\?|$|(?:stands?|stood|mean|means|означает|расшифровывается)\b)")
_SMALL = frozenset("of and for the on in to de del la le du des et y a an и по в на для с о".split())


@functools.lru_cache(maxsize=4096)
def asked_acronym(question: str) -> str | None:
    """The acronym whose expansion the question asks for, or None."""
    m = _WHAT_IS.match(question)
    if m:
        return m.group(1)
    cues = list(_ASKS.finditer(question))
    for m in _ACRONYM.finditer(question):
        if m.group(1).isdigit():
            continue
        for cue in cues:
            # "What does CADAP stand for?", "FIIAPP's full name": the acronym just before the cue;
            # "the full name of CADAP?", "the acronym FISS stand for": just after it, ending its phrase
            before = m.end() <= cue.start() and len(question[m.end():cue.start()].split()) <= 2
            after = cue.end() <= m.start() and len(question[cue.end():m.start()].split()) <= 2 and \
                bool(_ENDS.match(question[m.end():]))
            if before or after:
                return m.group(1)
    return None


def _initials_match(text: str, acronym: str) -> bool:
    """Whether a run of capitalised words in text (small words allowed inside) has the acronym's
    letters as its initials ("Time And Relative Dimension In Space" for TARDIS)."""
    letters = acronym.replace("&", "").replace("-", "").lower()
    words = re.findall(r"[\w'’-]+", text)
    for i, w in enumerate(words):
        if not w[:1].isupper() or w[:1].lower() != letters[0]:
            continue
        got, j = "", i
        while j < len(words) and len(got) < len(letters):
            word = words[j]
            if word[:1].isupper():
                got += word[0].lower()
            elif word.lower() not in _SMALL:
                break
            if not letters.startswith(got):
                break
            j += 1
        if got == letters:
            return True
    return False


def defines(text: str, acronym: str) -> bool:
    """Whether text spells out the acronym: spells_out(), or its letters as the initials of a capitalised name."""
    return spells_out(text, acronym) or len(acronym) >= 3 and _initials_match(text, acronym)


def spells_out(text: str, acronym: str) -> bool:
    """Whether text says in so many words what the acronym stands for: "Full Name (ACR)", "ACR (Full Name)", "ACR
    stands for ...", or a glossary's entry. A run of capitalised words whose initials begin with its letters
    (defines()) may be another name ("California State Automobile Association" for CSA)."""
    a = re.escape(acronym)
    if re.search(rf"\(\s*{a}\s*[),;/]|\b{a}\s*\(\s*[{_CAPS}]|\b{a}\s+(?:stands|stood|is\s+short)\s+for\b", text):
        return True
    return len(acronym) >= 3 and (_glossary_match(text, acronym) or _abbreviated_entry(text, acronym))


def _glossary_match(text: str, acronym: str) -> bool:
    """Whether text is a glossary's entry of the acronym: the acronym, a dash or a colon, then words whose initials
    are its letters in any case ("**NPS** — new psychoactive substances", "ATS: amphetamine-type stimulants")."""
    m = re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])[*_]*\s*[—–:-]\s*(.+)", text)
    if m is None:
        return False
    letters = acronym.replace("&", "").replace("-", "").lower()
    initials = "".join(w[0].lower() for w in re.findall(r"[^\W_]+", m.group(1)) if w.lower() not in _SMALL)
    return initials.startswith(letters)


def _abbreviated_entry(text: str, acronym: str) -> bool:
    """Whether text is a glossary's entry of the full name that says the acronym is short for it: "Pre-export
    notification — A notice … sent before a shipment leaves; abbreviated PEN." (its term's initials are the
    acronym's letters)."""
    a = re.escape(acronym)
    if not re.search(rf"\b(?:abbreviated(?:\s+as)?|short(?:ened)?\s+(?:to|as)|known\s+as|сокращ[её]нно)\s+{a}(?![\w-])",
                     text, re.I):
        return False
    term = re.match(r"[\s*_•-]*(.+?)\s*(?:[—–:]|\s-\s)", text)
    if term is None:
        return False
    letters = acronym.replace("&", "").replace("-", "").lower()
    return "".join(w[0].lower() for w in re.findall(r"[^\W_]+", term.group(1)) if w.lower() not in _SMALL) == letters


def phrase_acronym(phrase: list[str]) -> set[str]:
    """The lower-case acronym a counted noun phrase (its words as written) may also go by: a
    plural acronym's singular ("MTs" -> mt), or the initials of a name of two or more capitalised
    words at its end ("Master Trainers" -> mt, "Japan Customs experts" -> none)."""
    if not phrase:
        return set()
    plural = ACRONYM_PLURAL.fullmatch(phrase[-1])
    if plural:
        return {plural.group(1).lower()}
    run = []
    for w in reversed(phrase):
        if not w[:1].isupper() or w.isupper():
            break
        run.append(w)
    return {"".join(w[0] for w in reversed(run)).lower()} if len(run) >= 2 else set()


# a name of capitalised words, small words allowed inside ("State Revenue Committee", "Bank of China")
_NAME_RUN = re.compile(rf"[{_CAPS}][\w'’-]*(?:\s+(?:(?:of|and|for|the|on|de|и|по)\s+)*[{_CAPS}][\w'’-]*)+")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w'’-]+", name) if w[:1].isupper())


def acronym_alike(question: str, text: str) -> set[str]:
    """The question's names that `text` writes the other way: "State Revenue Committee" where it says
    "SRC", "SRC" where it spells out "State Revenue Committee" (three letters or more either way). The
    gate's missing-name evidence must not count a name as absent when the passage uses its acronym."""
    # the question's first word is capitalised for being first ("Who", "Which"), not for being a name
    body = question.split(" ", 1)[1] if " " in question else ""
    out = set()
    for m in _NAME_RUN.finditer(body):
        letters = _initials(m.group(0))
        if len(letters) >= 3 and re.search(rf"\b{re.escape(letters)}(?:s|['’]s)?\b", text):
            out.add(m.group(0))
    for m in _ACRONYM.finditer(body):
        acronym = m.group(1)
        if len(acronym) >= 3 and not any(c.isdigit() for c in acronym) and _initials_match(text, acronym):
            out.add(acronym)
    return out
