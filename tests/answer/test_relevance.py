"""The learned relevance models (qa/answer/matcher.py, shipped; benchmarks/relevance_model.py, an experiment):
loading, identity, ranking."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks import relevance_model
from qa.answer import matcher

# Invented news-style examples: the answering sentence against a same-topic one without the
# asked-for thing (a count, a date, a person), the commonest wrong pick.
CASES = [
    (
        "How many customs officers completed the canine training course?",
        "Forty-two customs officers completed the canine training course in Dushanbe this spring.",
        "The canine training course for customs officers was organised with support from the donors.",
    ),
    (
        "When did the border post at Kalai-Khumb reopen?",
        "The border post at Kalai-Khumb reopened on 14 March 2022 after two years of repairs.",
        "The border post at Kalai-Khumb is one of the busiest crossings in the region.",
    ),
    (
        "Who heads the regional drug control office?",
        "The regional drug control office is headed by Colonel Rustam Nazarov, appointed last year.",
        "The regional drug control office coordinates seizures across five countries.",
    ),
    (
        "How much heroin was seized in the operation?",
        "In the operation, officers seized 312 kg of heroin hidden in a lorry carrying onions.",
        "The operation was planned jointly by the agencies of two neighbouring countries.",
    ),
]


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(matcher.RelevanceError, match="not found"):
        matcher.Matcher(tmp_path / "absent.safetensors")
    with pytest.raises(matcher.RelevanceError, match="not found"):
        relevance_model.RelevanceModel(tmp_path / "absent.safetensors")


def test_a_file_of_another_kind_is_refused(tmp_path):
    from safetensors.numpy import save_file

    path = tmp_path / "other.safetensors"
    save_file({"x": np.zeros(2, np.float32)}, str(path), metadata={"format": "something-else"})
    with pytest.raises(matcher.RelevanceError, match="format"):
        matcher.read_metadata(path)


def test_identity_follows_the_file_contents(tmp_path):
    path = tmp_path / "m.bin"
    path.write_bytes(b"one")
    first = matcher.identity(path)
    path.write_bytes(b"two, longer")
    assert matcher.identity(path) != first
    assert len(first) == 16


def test_shipped_files_are_small():
    # the condition: what ships in the repository is at most 30 MB
    assert matcher.MODEL_FILE.stat().st_size < 30 * 1024 * 1024


@pytest.mark.slow
def test_matcher_ranks_the_answering_sentence_first():
    m = matcher.Matcher()
    for question, answer, other in CASES:
        logits = m.score(question, [other, answer])
        assert logits.dtype == np.float32 and logits.shape == (2,)
        assert logits[1] > logits[0], question
    assert m.score("Anything?", []).shape == (0,)


@pytest.mark.slow
def test_matcher_probabilities_are_between_zero_and_one():
    p = matcher.Matcher().probabilities(CASES[0][0], [CASES[0][1], CASES[0][2], "Unrelated text about weather."])
    assert ((p > 0) & (p < 1)).all()
