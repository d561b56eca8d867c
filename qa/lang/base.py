"""The shape of a language record (what ``qa.lang`` looks up by code)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Followup:
    """Word lists that tell a follow-up question ("And who organised it?") from a standalone one."""

    pronouns: frozenset[str]
    openers: re.Pattern  # "and", "what about", ... at the start
    about: re.Pattern  # "what about <rest>"; group "rest"
    question_words: frozenset[str]
    light_verbs: frozenset[str]  # verbs that frame a question rather than name its topic
    # Optional (None: the rule is off for the language). A question phrase at the start of a
    # question ("on what dates", "who"), that of a whole previous question up to its verb ("which
    # Japanese ambassador" did ...), and what may follow a bare question phrase ("was it held").
    question_phrase: re.Pattern | None = None
    previous_phrase: re.Pattern | None = None
    elliptic_tail: re.Pattern | None = None
    # text plus other spellings of its words that stemming keeps apart ("organised" -> "organized")
    spellings: Callable[[str], str] | None = None


@dataclass(frozen=True)
class Language:
    code: str
    stemmer: str  # PyStemmer algorithm
    pysbd: str  # pysbd's language code for sentence splitting
    stop_words: Callable[[], frozenset[str]]  # lazy: the base list may come from a library
    # question analysis (qa.answer.question)
    question_types: tuple[tuple[str, re.Pattern], ...]  # (answer type, question pattern), first match wins
    span_patterns: dict[str, re.Pattern]  # what a span of each answer type looks like in a sentence
    span_ignore: frozenset[str]  # words that do not make a span new ("Mr", "the", "in")
    head_words: frozenset[str]  # "what", "which", "whose": a noun phrase follows
    count_words: frozenset[str]  # "how" + one of these asks for a count ("many", "much")
    head_skip: frozenset[str]  # auxiliaries skipped before / ending the asked-for noun phrase
    verb_questions: frozenset[str]  # "What did X do?": no noun phrase asked for
    # follow-up questions in a conversation (qa.app.followups)
    followup: Followup
    # the writing system of its words ("latin", "cyrillic"): words of another script in a text of
    # this language are analysed by the language registered for that script (qa.lang.analyze)
    script: str = "latin"
