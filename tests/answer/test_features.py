"""The sentence feature "type" (qa.answer.features.typed_feature): whether a sentence holds what the
question asks for. The fits recompute it from cached sentences with the same function, so a change to
the span patterns reaches the fitted weights (benchmarks/fit_models.enrich)."""

from qa.answer.features import typed_feature
from qa.answer.question import question_type


def _typed(question: str, sentence: str) -> float:
    return typed_feature(sentence, question_type(question), set(question.lower().replace("?", "").split()), "en")


def test_a_count_in_the_sentence_is_what_a_how_many_question_asks_for():
    assert _typed("How many boats did the Wenlow harbour lose?", "The harbour lost 40 boats in the floods.") == 1.0


def test_a_date_s_day_or_year_is_no_count():
    assert _typed("How many boats did the Wenlow harbour lose?", "On 7 February 2016 the harbour was flooded.") == 0.0


def test_a_vague_count_counts_less():
    assert _typed("How many boats did the Wenlow harbour lose?", "The harbour lost several boats in the floods.") == 0.6


def test_a_question_that_asks_for_no_kind_reads_half():
    assert _typed("Why did the Wenlow harbour flood?", "The harbour lost 40 boats in the floods.") == 0.5
