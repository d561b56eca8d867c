"""The answerability model (qa/answer/answerable.py): loading, determinism, answerable vs. not, cost."""

from __future__ import annotations

import statistics
import time

import numpy as np
import pytest

from qa.answer import answerable, relevance

# Invented passages. Each: the passage's sentences, a question it answers, and a question on the
# same topic asking for something the passage does not say (a swapped detail or an absent fact).
CASES = [
    (
        [
            "The canine centre of the Customs Service opened in Khujand in May 2019.",
            "Forty-two dog handlers from four provinces completed its first training course.",
            "The course was funded by the Japanese government and lasted eleven weeks.",
        ],
        "How many dog handlers completed the first training course?",
        "How many dogs died during the first training course?",
    ),
    (
        [
            "The new border crossing at Kalai-Khumb was opened by the governor on 14 March 2022.",
            "It can process up to 300 lorries a day and has a laboratory for testing seized substances.",
            "Officers at the crossing were trained by experts from the regional office.",
        ],
        "Who opened the new border crossing at Kalai-Khumb?",
        "Who designed the laboratory's building at Kalai-Khumb?",
    ),
    (
        [
            "Police in the port city seized 312 kg of heroin hidden in a lorry carrying onions.",
            "The driver, a 45-year-old man, was arrested at the scene.",
            "The investigation into the smuggling network continues.",
        ],
        "What was the heroin hidden in?",
        "What was the cocaine hidden in?",
    ),
    (
        [
            "The annual meeting of the drug control agencies took place in Tashkent.",
            "Delegates from seven countries adopted a plan to share intelligence on precursors.",
            "The next meeting will be held in Bishkek.",
        ],
        "In which city did the annual meeting of the drug control agencies take place?",
        "In which city did the founding meeting of the drug control agencies take place in 1996?",
    ),
]


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(relevance.RelevanceError, match="not found"):
        answerable.AnswerabilityModel(tmp_path / "absent.safetensors")


def test_a_file_of_another_kind_is_refused(tmp_path):
    from safetensors.numpy import save_file

    path = tmp_path / "other.safetensors"
    save_file({"x": np.zeros(2, np.float32)}, str(path), metadata={"format": "qa-matcher-1"})
    with pytest.raises(relevance.RelevanceError, match="format"):
        answerable.read_metadata(path)


def test_shipped_file_is_small():
    # the condition: what ships in the repository is at most 30 MB
    assert answerable.MODEL_FILE.stat().st_size < 30 * 1024 * 1024


def test_soft_min_lies_between_the_minimum_and_the_weighted_mean():
    x = np.array([[0.9, 0.2], [0.1, 0.3], [0.8, 0.25]])
    w = np.array([0.5, 0.25, 0.25])
    m = answerable.soft_min(x, w)
    assert (m >= x.min(axis=0) - 1e-9).all() and (m <= w @ x + 1e-9).all()
    assert m[0] < 0.5  # one unmatched token of a quarter's weight pulls a high mean down


@pytest.fixture(scope="module")
def model():
    return answerable.AnswerabilityModel()


@pytest.mark.slow
def test_scores_are_deterministic_and_one_per_sentence(model):
    sents, question, _ = CASES[0]
    ctx = [" ".join(sents)] * len(sents)
    first = model.score(question, sents, ctx)
    assert first.dtype == np.float32 and first.shape == (3,)
    assert np.array_equal(first, model.score(question, sents, ctx))
    assert np.array_equal(first, answerable.AnswerabilityModel().score(question, sents, ctx))
    assert model.score(question, [], []).shape == (0,)
    with pytest.raises(ValueError):
        model.score(question, sents, ctx[:1])


@pytest.mark.slow
def test_a_question_the_passage_answers_scores_above_one_it_does_not(model):
    for sents, asked, absent in CASES:
        ctx = [" ".join(sents)] * len(sents)
        assert model.answerability(asked, sents, ctx) > model.answerability(absent, sents, ctx), asked


@pytest.mark.slow
def test_scoring_thirty_candidates_fits_the_question_budget(model):
    # 30 candidate sentences from 10 passages of ~200 tokens, as the answer step sees them
    sents = [f"{s} ({k})" for k in range(10) for s in CASES[k % len(CASES)][0]]
    ctx = [" ".join(CASES[k % len(CASES)][0] * 4) + f" ({k})" for k in range(10) for _ in range(3)]
    model.score("How many dog handlers completed the course?", sents, ctx)  # warm
    cpu = []
    for _ in range(15):
        t0 = time.process_time()
        model.score("How many dog handlers completed the course?", sents, ctx)
        cpu.append(time.process_time() - t0)
    # the whole question may take 60 ms p50; this signal must leave most of it to the rest
    assert statistics.median(cpu) < 0.015
