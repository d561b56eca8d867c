"""How benchmarks/fit_answer.py chooses the abstention threshold the answer step ships with."""

from __future__ import annotations

from types import SimpleNamespace

from benchmarks.fit_answer import auto_threshold


def rows(bundled_answerable: list[float], bundled_unanswerable: list[float], squad: list[float]):
    """Cross-validated rows (the set and each question's gate) as fit_answer.py's `data, pred`."""
    pred = (
        [dict(answerable=True, gate=g, top_right=True) for g in bundled_answerable]
        + [dict(answerable=False, gate=g, top_right=False) for g in bundled_unanswerable]
        + [dict(answerable=True, gate=g, top_right=True) for g in squad]
    )
    sets = ["dev"] * (len(bundled_answerable) + len(bundled_unanswerable)) + ["squad1-fit"] * len(squad)
    return [SimpleNamespace(set=s) for s in sets], pred


# 20 answerable bundled questions: the two lowest may be abstained on (10 %), so thresholds up to
# 0.61 are allowed; the unanswerable ones score 0.30 and 0.40: from 0.41 up both get "not found"
DATA = rows([0.35, 0.60, 0.61] + [0.9] * 17, [0.30, 0.40], [0.9] * 10)


def test_the_threshold_is_the_lowest_that_gives_the_most_not_found():
    assert auto_threshold(*DATA, min_hit=75.0) == 0.41


def test_the_old_rule_took_the_highest_allowed_and_abstained_on_more_for_nothing():
    assert auto_threshold(*DATA, min_hit=75.0, rule="highest") == 0.61


def test_more_not_found_is_taken_only_when_it_costs_fewer_answers_than_it_gains():
    # 10 unanswerable questions (10 % each), 5 of them under 0.31; one more at 0.50 costs 2 answerable
    # questions in 20 (10 %): "least" takes it, "balanced" (the default) does not
    data = rows([0.45, 0.46] + [0.9] * 18, [0.30] * 5 + [0.50] + [0.9] * 4, [0.9] * 10)
    assert auto_threshold(*data, min_hit=75.0, rule="least") == 0.51
    assert auto_threshold(*data, min_hit=75.0) == 0.31
    # the same step costing one answerable question is worth it
    data = rows([0.45] + [0.9] * 19, [0.30] * 5 + [0.50] + [0.9] * 4, [0.9] * 10)
    assert auto_threshold(*data, min_hit=75.0) == 0.51


def test_no_threshold_abstains_on_more_than_a_tenth_of_the_answerable_questions():
    data = rows([0.35, 0.45, 0.48] + [0.9] * 17, [0.30, 0.50], [0.9] * 10)
    # 0.51 would give both "not found" but abstain on 3 of 20 answerable questions
    assert auto_threshold(*data, min_hit=75.0) == 0.31


def test_the_squad_hit_bar_caps_the_threshold():
    data = rows([0.9] * 20, [0.30, 0.50], [0.2, 0.4, 0.9, 0.9])
    # at 0.41 the SQuAD sample's hit@1 would fall to 50 %
    assert auto_threshold(*data, min_hit=75.0) == 0.31
