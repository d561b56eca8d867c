"""How a raw confidence becomes "share right": the calibration tables fit_answer.py can fit.

A table is a pair of breakpoint tuples (raw probability -> confidence shown) that
qa.answer.evidence.calibrate interpolates. Every method is monotone (isotonic regression first) and
is fitted on cross-validated raw probabilities of every question set, weighted per group of sets
(fit_models.CAL_GROUP_WEIGHT):

- "pooled": the isotonic share right of each block of raw values.
- "worst": per group of sets (fit_models.GROUP) its own isotonic table, and the lowest of them at
  each raw value (a confidence that holds on the hardest kind of set; far too low on the others).
- "worst-bound": per group of sets its own "bound" table (unweighted), and the lowest of them at
  each raw value: what "worst" is to "pooled". For a fit whose groups disagree at the top (the e5
  fit: XQuAD's answers right 90 % of the time where the bundled news questions' were right 55 %). A
  group too small for two blocks of MIN_BLOCK is cut in two blocks (its weaker and stronger half).
- "bound": the pooled blocks, merged from the top down until each holds MIN_BLOCK effective
  questions (under the group weights), each shown at a lower confidence bound of its share right
  (the BOUND_LEVEL quantile of a Beta posterior, Jeffreys prior, over that effective number). A
  block of a few heavily weighted questions, or of a few dozen, can no longer say "0.9": a high
  confidence needs many right answers behind it. Large blocks keep their share within a point or
  two. The bounds are made monotone again by a running maximum, which never lifts a block above
  its own share.
- "bound-linear": the "bound" blocks, each at its centre (the mean raw value of its questions,
  weighted), interpolated between the centres: the same confidences, without steps. A step table
  showed two answers whose raw probabilities differ by 0.0005 (0.4437, 0.4442) at 0.23 and 0.47
  (twenty-second session, docs/quality.md); interpolated, confidence moves as the evidence does.
- "worst-bound-linear": "worst-bound" over the groups' "bound-linear" tables (the e5 fit's).

How each transfers to a question set it never saw: benchmarks/calibration_cv.py.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import beta
from sklearn.isotonic import IsotonicRegression

METHODS = ("pooled", "worst", "bound", "worst-bound", "bound-linear", "worst-bound-linear")
# the one-sided level of "bound": a block's true share right lies under the shown one with this
# posterior probability (0.25: a block shown at 0.7 is right at least 70 % of the time with 75 %
# probability). Chosen with MIN_BLOCK by benchmarks/calibration_cv.py (docs/quality.md, "Calibration").
BOUND_LEVEL = 0.25
# a block of fewer effective questions (under the group weights) joins the block below it before
# its bound is taken: at the top, single heavily weighted bundled answers and a few dozen SQuAD v1.1
# ones made blocks of their own that said 0.9 where SQuAD 2.0's answers are right 75 % of the time
MIN_BLOCK = 30.0
# a group needs this many questions for its own isotonic table in the "worst" calibration
WORST_MIN_ROWS = 100

Table = tuple[tuple[float, ...], tuple[float, ...]]


def _isotonic(raw: np.ndarray, right: np.ndarray, w: np.ndarray) -> IsotonicRegression:
    return IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(raw, right.astype(float), sample_weight=w)


def pooled(raw: np.ndarray, right: np.ndarray, w: np.ndarray) -> Table:
    iso = _isotonic(raw, right, w)
    return tuple(float(x) for x in iso.X_thresholds_), tuple(float(y) for y in iso.y_thresholds_)


def bound(raw: np.ndarray, right: np.ndarray, w: np.ndarray, level: float | None = None,
          min_block: float | None = None, linear: bool = False) -> Table:
    """The pooled isotonic blocks at a lower bound of their share right (see the module doc); `linear`:
    each block's bound at its centre (its mean raw value), interpolated between them."""
    level = BOUND_LEVEL if level is None else level
    min_block = MIN_BLOCK if min_block is None else min_block
    order = np.argsort(raw, kind="stable")
    x, y, w = raw[order], right[order].astype(float), w[order]
    fitted = _isotonic(x, y, w).predict(x)
    # the blocks: runs of one fitted value (adjacent blocks differ, or the fit would have pooled them)
    cuts = list(np.flatnonzero(np.r_[True, np.diff(fitted) != 0])) + [len(x)]
    # from the top down, a block with fewer than min_block effective questions joins the one below
    # it (its share then lies between the two: still monotone)
    merged = [len(x)]
    for c in reversed(cuts[:-1]):
        ww = w[c:merged[-1]]
        if ww.sum() ** 2 / (ww ** 2).sum() >= min_block or c == 0:
            merged.append(c)
    merged = merged[::-1]
    if merged[0] != 0:  # the lowest blocks are too small: they join the block above them
        merged[0] = 0
    xs: list[float] = []
    ys: list[float] = []
    low = 0.0
    for s, e in zip(merged, merged[1:]):
        ww = w[s:e]
        n = ww.sum() ** 2 / (ww ** 2).sum()  # the effective number of questions in the block
        share = float(np.dot(ww, y[s:e]) / ww.sum())
        low = max(low, float(beta.ppf(level, share * n + 0.5, (1 - share) * n + 0.5)))
        if linear:
            xs.append(float(np.dot(ww, x[s:e]) / ww.sum()))
            ys.append(low)
        else:
            xs += [float(x[s]), float(x[e - 1])]
            ys += [low, low]
    keep = np.r_[True, np.diff(xs) > 0]  # a one-question block has one breakpoint, not two
    return tuple(np.array(xs)[keep].tolist()), tuple(np.array(ys)[keep].tolist())


def _lowest(raw: np.ndarray, groups: np.ndarray, table, linear: bool = False) -> Table:
    """The pointwise minimum over the groups of sets (those with WORST_MIN_ROWS questions or more)
    of table(mask, grid): each group's own confidence at the grid's raw values. `linear`: the tables
    are piecewise linear, so the breakpoints kept are where the slope of the minimum changes."""
    grid = np.unique(np.round(raw, 4))
    low = np.ones(len(grid))
    for g in np.unique(groups):
        m = groups == g
        if m.sum() >= WORST_MIN_ROWS:
            low = np.minimum(low, table(m, grid))
    if linear:
        slope = np.diff(low) / np.diff(grid)
        bend = np.abs(np.diff(slope)) > 1e-6 * (1.0 + np.abs(slope[1:]))
        keep = np.r_[True, bend, True]
    else:
        keep = np.r_[True, np.diff(low) != 0] | np.r_[np.diff(low) != 0, True]  # the breakpoints
    return tuple(float(x) for x in grid[keep]), tuple(float(y) for y in low[keep])


def worst(raw: np.ndarray, right: np.ndarray, groups: np.ndarray) -> Table:
    """The pointwise minimum, over the groups of sets, of each group's isotonic share right:
    monotone, and on every group at most what that group shows (up to the fit's noise)."""
    return _lowest(raw, groups, lambda m, grid: _isotonic(raw[m], right[m], np.ones(int(m.sum()))).predict(grid))


def worst_bound(raw: np.ndarray, right: np.ndarray, groups: np.ndarray, linear: bool = False) -> Table:
    """The pointwise minimum, over the groups of sets, of each group's own "bound" table: a
    confidence holds on every kind of set at once, and a group's few high-raw answers can no longer
    borrow the share right of another group's many (the e5 fit: English news questions at raw 0.9
    were right 55 % of the time where XQuAD's were right 90 %)."""
    # a group of fewer than two blocks' questions gets two blocks (its lower and upper half by raw
    # value): one block is flat at the group's overall share right, and as the minimum it capped every
    # confidence there (the e5 fit's 132 bundled questions, blocks of 120: every e5 answer at most
    # 0.57, where XQuAD's answers on the strongest evidence were right 80-90 % of the time)
    return _lowest(raw, groups, lambda m, grid: np.interp(grid, *bound(
        raw[m], right[m], np.ones(int(m.sum())), min_block=min(MIN_BLOCK, m.sum() / 2), linear=linear)), linear)


def fit(method: str, raw: np.ndarray, right: np.ndarray, groups: np.ndarray, w: np.ndarray) -> Table:
    """The calibration table of `method` (METHODS); groups = each question's group of sets,
    w = its weight."""
    if method == "worst":
        return worst(raw, right, groups)
    if method == "bound":
        return bound(raw, right, w)
    if method == "bound-linear":
        return bound(raw, right, w, linear=True)
    if method == "worst-bound":
        return worst_bound(raw, right, groups)
    if method == "worst-bound-linear":
        return worst_bound(raw, right, groups, linear=True)
    if method == "pooled":
        return pooled(raw, right, w)
    raise ValueError(f"unknown calibration {method!r}: one of {', '.join(METHODS)}")
