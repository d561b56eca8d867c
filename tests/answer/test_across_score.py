"""The e5 weights across languages (qa/answer/fitted_e5.py's `other`, `other_dense`, benchmarks/fit_e5.py across):
they re-order the candidates of a pool holding both languages, and the confidence and abstention evidence reads each
candidate's score without their part, as those models were fitted. Invented sentences."""

from __future__ import annotations

from collections import defaultdict

from qa.answer.evidence import evidence, fitted_score
from qa.answer.features import ACROSS, ACROSS_SCORE, add_across
from qa.answer.weights import E5_IDENTITY, fitted_for
from qa.lang import analyze
from tests.candidates import lone_candidate

QUESTION = "Which firm built the customs post at Port Ellery?"
ENGLISH = "The customs post at Port Ellery opened in March 2019."
RUSSIAN = "Таможенный пост в порту Эллери построила инженерная фирма «Калдер и Восс»."


def candidate(text: str, score: float, lang: str, across: float | None = None):
    features = defaultdict(float, {"typed": 1.0})
    if across is not None:
        features[ACROSS_SCORE] = across
    return lone_candidate(text, "2024-05-01", score, doc=f"{lang}.txt", lang=lang, features=features)


def test_the_shipped_e5_weights_weigh_a_sentence_in_the_other_language_by_its_closeness_to_the_question():
    sentence = fitted_for(E5_IDENTITY).sentence
    assert set(ACROSS) <= set(sentence)
    # the farther a sentence in the other language is from the question than the best candidate, the lower it ranks
    assert sentence["other_dense"] > 0


def test_across_features_are_zero_in_the_questions_language_and_their_part_of_the_score_is_marked():
    english, russian = candidate(ENGLISH, 0.0, "en"), candidate(RUSSIAN, 0.0, "ru")
    feats = [(c.sentence, c.passage, c.features) for c in (english, russian)]
    for _, _, f in feats:
        f["dense_raw_rel"] = -0.05
    add_across(QUESTION, feats, {"other": 1.0, "other_dense": 30.0})
    assert (english.features["other"], english.features["other_dense"], english.features[ACROSS_SCORE]) == (0, 0, 0)
    assert russian.features["other"] == 1.0 and russian.features[ACROSS_SCORE] == 1.0 + 30.0 * -0.05


def test_a_sentence_promoted_across_languages_reads_no_surer_than_its_own_score():
    # the Russian sentence ranks first only by its across part (3.0): the evidence sees 7.0 against 9.0, a negative
    # margin, as the confidence model was fitted on scores without that part
    promoted, english = candidate(RUSSIAN, 10.0, "ru", across=3.0), candidate(ENGLISH, 9.0, "en", across=0.0)
    assert fitted_score(promoted) == 7.0
    terms = analyze(QUESTION)
    passages = [promoted.passage, english.passage]
    seen = evidence(QUESTION, terms, [promoted, english], passages, {t: 1.0 for t in terms})
    assert seen["score"] == 7.0 and seen["margin"] == -2.0
    # without weights across languages (an English index, MiniLM's weights) the score is read as it is
    plain = [candidate(RUSSIAN, 10.0, "ru"), candidate(ENGLISH, 9.0, "en")]
    seen = evidence(QUESTION, terms, plain, passages, {t: 1.0 for t in terms})
    assert seen["score"] == 10.0 and seen["margin"] == 1.0
