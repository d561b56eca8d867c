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


def test_a_long_sentence_keeps_a_title_given_after_a_colon():
    # the question's words before the colon, the theme it asks for after it
    sentence = ("Mr. Edwin Amos Marlowe, Director of the Island Skarns Regional Information and Coordination Centre "
                "for combating unlicensed piloting of unlicensed pilots, unsafe ferry routes and their passengers "
                "(SRICCC) together with Mr. Tobias Wren, Head of the ISLCO Programme Office in Wenlowland, took "
                "part in the Pilots Working Group meeting to support II thematic section of the Skarn Declaration: "
                "Detecting and blocking ferry captains linked to unlicensed piloting of pilots operating from Port "
                "Ellery (Ferry Pact Initiative) (hereinafter referred to as the PWG meeting).")
    assert len(sentence) > MAX_ANSWER_CHARS
    q = "What is the theme of the second thematic section of the Skarn Declaration?"
    a, b = trim(sentence, q, analyze(q))
    assert "Detecting and blocking ferry captains linked to unlicensed piloting" in sentence[a:b]


def test_a_cut_piece_does_not_end_on_a_conjunction_or_a_preposition():
    # no clause break and no span of an asked kind: the piece runs on as far as it fits, which here is right after an
    # "and"; it must stop before it ("… training courses and …" read as if the list ended there)
    sentence = ("The partners agreed" + " very" * 15 + " to continue "
                + " ".join(["training courses and study visits"] * 20) + ".")
    question = "What did the partners agree to continue?"
    a, b = trim(sentence, question, analyze(question))
    assert sentence[a:b].endswith("study visits training courses")
