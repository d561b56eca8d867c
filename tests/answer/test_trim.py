"""The part of an over-long answer sentence that is shown (qa.answer.trim): the part with the answer."""

from __future__ import annotations

from qa.answer.trim import MAX_ANSWER_CHARS, trim
from qa.lang import analyze

FILLER = ", ".join(f"together with the delegation of district {i} and its harbour wardens" for i in range(8))
SENTENCE = ("The mayor of Port Ellery opened the Harbour Forum, " + FILLER
            + ", with a lecture on the topic: “Safe harbours for every fleet”.")


def _shown(question: str) -> str:
    a, b = trim(SENTENCE, question, analyze(question))
    assert b - a <= MAX_ANSWER_CHARS
    return SENTENCE[a:b]


def test_a_question_after_a_theme_or_a_title_keeps_the_quoted_part():
    assert len(SENTENCE) > 1.5 * MAX_ANSWER_CHARS
    assert "Safe harbours for every fleet" in _shown("What was the topic of the mayor's lecture at the Harbour Forum?")
    assert "Safe harbours for every fleet" in _shown("Under what title did the mayor of Port Ellery lecture?")


def test_other_questions_keep_the_part_with_their_words():
    assert "The mayor of Port Ellery opened the Harbour Forum" in _shown("Who opened the Harbour Forum in Port Ellery?")
