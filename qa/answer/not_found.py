"""What a "not found" tells the user: what the documents lack, so they can ask again in other words
or look elsewhere. An answer-type rule of the gate (qa.answer.evidence.rule_that_holds) names the
thing it found missing; the fitted gate's own "not found" has no one reason, so only the question's
words that no document uses at all are named, and only where a word absent is a topic absent: when
every document is in the word's own language (a collection that also holds another language may speak
of it in that language's words: "посол" in a Russian question, "ambassador" in an English page)."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from qa.answer.acronyms import asked_acronym
from qa.answer.country_swaps import asked_countries, candidate_country_swap
from qa.answer.detail_swaps import detail_swap, named
from qa.answer.events import asked_place, numbered_name, setting
from qa.answer.figure_swaps import unstated_figures
from qa.answer.identity import candidate_identity_swap
from qa.answer.needs import asked_grain, needs
from qa.answer.points import point_words
from qa.answer.roles import miscast, miscast_note
from qa.answer.substances import candidate_swap
from qa.lang import analyze, detect, get, registered, reply_words
from qa.lang.countries import country_name
from qa.lang.detection import script_of
from qa.lang.substances import named as named_substances

if TYPE_CHECKING:
    from qa.answer.features import Candidate
    from qa.store import Index

def not_found_note(
    rule: str | None, question: str, known: Callable[[str], bool] | None = None, lead: str = "",
    best: Candidate | None = None,
) -> str | None:
    """Why the documents were found not to answer `question`: what they lack, worded in the question's language
    (Language.reply's reasons). For a rule (rule_that_holds()) the thing it found missing ("None of the best passages
    states an amount of money."; `lead`, the first sentence of the best passage's item, says where an event
    misplaced was held; `best`, the best candidate, which substance it speaks of instead of the asked one); for the
    fitted gate's own "not found", which has no one reason, the question's words that no document uses at all
    (`known`: whether the documents may speak of a stem, mentioned()), when there are any ('None of the documents
    mentions “population”.'); else None."""
    code = detect(question)
    words = reply_words(code)
    if rule is None:
        missing = unmentioned(question, known) if known is not None else []
        if not missing:
            return None
        return words.reason("unmentioned", words=words.reasons["or"].join(f"“{w}”" for w in missing[:3]))
    if rule in ("substituted", "other_country"):
        return _swapped_note(rule, question, best, code, lead)
    if rule == "miscast":
        return miscast_note(miscast(question, best.text, best.sentence.lang) if best is not None else None, code)
    if rule == "other_figure":
        return _other_figure_note(question, best, lead)
    if rule == "other_detail":
        return _other_detail_note(question, best, lead)
    if rule == "other_event":
        return _other_event_note(question, best)
    if rule == "whole":  # a total over countries for one country's part (qa.answer.country_parts)
        lang = "ru" if code == "ru" else "en"
        asked = sorted(country_name(c, lang) for c in asked_countries(question))
        return words.reason("whole", asked=_listed(asked, words.reasons["or"])) if asked else words.reason("whole.any")
    if rule == "whole.substance":  # a total over substances for one the passage leaves out (qa.answer.substances)
        asked = [what.name("ru" if code == "ru" else "en") for what in named_substances(question)]
        return words.reason("whole.substance", asked=_listed(asked, words.reasons["or"]))
    if rule == "uncounted":
        return words.reason("uncounted")
    if rule == "unlisted":
        return words.reason("unlisted", contact=words.reason(f"contact.{needs(question).qtype}"))
    if rule == "unpriced":
        return words.reason("unpriced")
    if rule == "unmeasured":
        kinds = [words.reasons[f"measure.{k}"] for k in needs(question).measure if f"measure.{k}" in words.reasons]
        return words.reason("unmeasured", kinds=words.reasons["or"].join(kinds) or words.reasons["measure.any"])
    if rule == "undated":
        grain = asked_grain(question) or "date"
        if grain == "century" and re.search(r"\bdecades?\b|десятилети", question, re.I):
            grain = "decade"
        return words.reason("undated", grain=words.reasons.get(f"grain.{grain}", words.reasons["grain.date"]))
    if rule == "undefined":
        return words.reason("undefined", acronym=asked_acronym(question))
    if rule == "misplaced":
        asked, held = asked_place(question), setting(lead)
        if asked and held:
            return words.reason("misplaced", held=held, asked=asked)
        return words.reason("misplaced.other", asked=asked) if asked else words.reason("misplaced.any")
    if rule == "scene":
        wants = needs(question).wants
        return words.reason(f"scene.{wants}" if f"scene.{wants}" in words.reasons else "scene.any")
    return None


def _swapped_note(rule: str, question: str, best: Candidate | None, code: str, lead: str = "") -> str:
    """"The best passage speaks of heroin, not of cocaine." (substituted) or "… of Tajikistan, not of Kyrgyzstan."
    (other_country; `lead`: its item's first sentence): what it names instead of what was asked, named in the
    question's language."""
    words = reply_words(code)
    lang = "ru" if code == "ru" else "en"
    if rule == "substituted":
        swap = candidate_swap(question, best) if best is not None else None
        if swap is None:
            return words.reason("substance.other")
        told = [what.name(lang) for what in swap.told]
        asked = [what.name(lang) for what in swap.asked]
    else:
        swap = candidate_country_swap(question, best, lead) if best is not None else None
        if swap is None:
            return words.reason("country.other")
        told = sorted(country_name(c, lang) for c in swap.told)
        asked = sorted(country_name(c, lang) for c in swap.asked)
        if swap.origin:
            return words.reason("swapped.origin", told=_listed(told, words.reasons["and"]),
                                asked=_listed(asked, words.reasons["or"]))
    return words.reason("swapped", told=_listed(told, words.reasons["and"]), asked=_listed(asked, words.reasons["or"]))


def _other_figure_note(question: str, best: Candidate | None, lead: str) -> str:
    """"The best passage gives other figures than 3,792,261.": the question's figures the passage does not state."""
    words = reply_words(detect(question))
    figures = []
    if best is not None:
        item = best.passage.item
        figures = unstated_figures(question, best.text,
                                   f"{best.passage.chunk.text} {item.title if item else ''} {lead}")
    if not figures:
        return words.reason("figure.other")
    return words.reason("figure", figures=_listed(figures, words.reasons["or"]))


def _other_detail_note(question: str, best: Candidate | None, lead: str) -> str:
    """"The best passage speaks of the east, not of the south.": in the question's language."""
    code = detect(question)
    words = reply_words(code)
    item = best.passage.item if best is not None else None
    swap = detail_swap(question, best.text, f"{item.title if item else ''} {lead}") if best is not None else None
    if swap is None:
        return words.reason("detail.other")
    lang = "ru" if code == "ru" else "en"
    told = _listed(sorted(named(swap.kind, v, lang) for v in swap.told), words.reasons["and"])
    asked = _listed(sorted(named(swap.kind, v, lang) for v in swap.asked), words.reasons["or"])
    return words.reason("swapped", told=told, asked=asked)


def _other_event_note(question: str, best: Candidate | None) -> str:
    """"The best passage is about “fifth meeting”, not “fourth meeting”.": the words that single out each, as
    written (qa.answer.identity); for a count, the group its number counts; in the question's language."""
    words = reply_words(detect(question))
    swap = candidate_identity_swap(question, best) if best is not None else None
    if swap is None:
        return words.reason("event.other")
    if swap.kind == "qualifier":
        return words.reason("event.counted", told=swap.told, asked=swap.asked)
    if swap.kind == "group":
        return words.reason("event.group", asked=swap.asked)
    return words.reason("event", told=swap.told, asked=swap.asked)


def _listed(names: list[str], conjunction: str, most: int = 4) -> str:
    """"heroin", "heroin and opium", "heroin, opium and MDMA": the first `most` names (`conjunction`: " and ")."""
    names = names[:most]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])}{conjunction}{names[-1]}"


def unmentioned(question: str, known: Callable[[str], bool]) -> list[str]:
    """The question's words, as written, none of whose stems the documents use (`known`: whether they
    may speak of a stem, mentioned()), leaving out the words that only frame a question (its language's question
    words, light verbs, pronouns and frame words: "roughly", "in total"; and lower-case words under five
    letters: "far", "led", "near" frame a question as often as they name its topic): what the documents
    never speak of ("population", "INTERPOL"). A numbered name ("WG3") counts as mentioned when its name
    ("WG") is: the documents may number it otherwise ("WG 3", "the third WG")."""
    code = detect(question)
    language = get(code)
    words = language.followup
    frame = words.light_verbs | words.question_words | words.pronouns | language.frame_words | point_words(question)
    out: list[str] = []
    for word in re.findall(r"\w[\w'’-]*\w|\w", question):
        if word.lower() in frame or (word.islower() and len(word) < 5) or word in out:
            continue
        # a numbered name ("WG3") whose name the documents use is mentioned in another form ("the third WG")
        stems = analyze(numbered_name(word) or word, code)
        if stems and not any(known(t) for t in stems):
            out.append(word)
    return out


# per index generation: its items' and documents' titles, lower-cased, one per line (joined once, on the first
# "not found": a million titles join in a quarter of a second, where stemming them would take seconds)
_TITLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def mentioned(index: Index) -> Callable[[str], bool]:
    """Whether the documents of `index` may speak of a stem: one uses it, in its text or in a title, or some are
    in another language than the stem's (written_alike), whose words for it no stem of the question's can
    match. A headline's words ("Harbor City opens new library") may be nowhere else once the dateline
    ("HARBOR CITY, 5 September -") is cut from the text, and a "not found" must not say the documents never
    mention them. A title is read as written: a stem inside it counts ("harbor" in "Harbor City"), and a stem
    inside a longer word too, which at worst leaves a word out of the note."""
    titles = _TITLES.get(index)
    if titles is None:
        titles = _TITLES[index] = "\n".join(
            title.lower() for item in index.items() for title in {item.title, item.doc_title or ""} if title)
    languages = index.languages()
    return lambda stem: not written_alike(stem, languages) or index.lexical.known(stem) or stem in titles


def written_alike(stem: str, languages: frozenset[str]) -> bool:
    """Whether a document in any of `languages` would write `stem` itself to speak of what it names, so that
    its absence from the index says the documents never do: a stem without letters (a number) is written
    alike in every language; a word only when the documents are all in the one registered language written
    in its script ("population" over English documents, not over English and Russian ones, nor "UNODC" over
    Russian ones, which write "УНП ООН")."""
    script = script_of(stem)
    if script is None:
        return True
    own = [language.code for language in registered() if language.script == script]
    # two languages sharing a script (English and German) cannot be told apart by a stem: no word is sure
    return len(own) == 1 and languages == {own[0]}
