"""Answer extraction: a very long answer sentence is trimmed, and stays verbatim."""

from __future__ import annotations

from qa.answer import MAX_ANSWER_CHARS, _trim
from qa.index import SentenceRow
from qa.lexical import analyze

# the sentence of corpus/003_62543a975d45d663.txt that answers the product's headline question
CARICC = "As a result, 740 kg of drugs (heroin, mephedrone, MDMA, cannabis) were seized."


def row_of(doc: str, start: int, end: int) -> SentenceRow:
    return SentenceRow(0, "doc.txt", 0, start, end, doc[start:end])


def test_a_short_sentence_is_the_answer_as_it_is():
    doc = "Intro. " + CARICC
    row = row_of(doc, 7, len(doc))
    assert _trim(row, analyze("seized")) == (row.start, row.end)


def test_a_very_long_sentence_is_trimmed_to_the_part_with_the_question_terms_verbatim():
    clauses = [f"delegation number {i} discussed regional cooperation matters at length" for i in range(12)]
    sentence = ", ".join(clauses) + ", and in the end 740 kg of heroin were seized by the border police."
    doc = "Before. " + sentence + " After."
    start = doc.index(sentence)
    row = row_of(doc, start, start + len(sentence))
    assert len(sentence) > 2 * MAX_ANSWER_CHARS

    a, b = _trim(row, analyze("How much heroin was seized by the border police?"))
    piece = doc[a:b]
    assert row.start <= a < b <= row.end
    assert len(piece) <= MAX_ANSWER_CHARS
    assert piece == piece.strip()
    assert "740 kg of heroin were seized by the border police." in piece


def test_a_long_sentence_without_clause_breaks_is_still_at_most_the_limit():
    sentence = " ".join(["cooperation"] * 100) + "."
    row = row_of(sentence, 0, len(sentence))
    a, b = _trim(row, analyze("cooperation"))
    assert 0 < b - a <= MAX_ANSWER_CHARS
    assert sentence[a:b] == sentence[a:b].strip()
