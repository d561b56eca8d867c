"""Confidence means probability of being right: the calibration is monotone (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from qa.answer.evidence import calibrate
from qa.answer.weights import MINILM

SAMPLE = Path(__file__).resolve().parent.parent / "fixtures/calibration_sample.json"


def test_the_calibration_table_never_lowers_confidence_when_the_evidence_grows():
    grid = np.linspace(0.0, 1.0, 201)
    out = np.array([calibrate(p, MINILM.calibration) for p in grid])
    assert np.all(np.diff(out) >= 0)
    assert out.min() >= 0.0 and out.max() <= 1.0
    assert out[-1] > out[0]  # it says something: high evidence, higher confidence


def test_on_a_fixed_sample_higher_confidence_is_right_more_often():
    # cross-validated (confidence shown, answer right) pairs of the fitted procedure (see the file)
    pairs = json.loads(SAMPLE.read_text())["conf_right"]
    conf = np.array([c for c, _ in pairs])
    right = np.array([r for _, r in pairs], float)
    order = np.argsort(conf, kind="stable")
    thirds = [right[part].mean() for part in np.array_split(order, 3)]
    assert thirds[0] < thirds[1] < thirds[2]
    # and the confidence is close to the share right in each third (within 15 points)
    for part, share in zip(np.array_split(order, 3), thirds):
        assert abs(conf[part].mean() - share) < 0.15


def test_the_answer_weights_were_fitted_on_the_shipped_matcher():
    # a retrained matcher gives other scores: the sentence weights must be refitted with it
    if "match" not in MINILM.sentence:
        return
    from qa.answer.matcher import default_matcher

    assert MINILM.matcher == default_matcher().identity
