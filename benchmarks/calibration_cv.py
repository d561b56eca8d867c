#!/usr/bin/env python
"""How well each calibration (benchmarks/calibrate.py) transfers to question sets it never saw.

    python benchmarks/fit_answer.py --cv 5 ... --dump rows.json      # the shipped fit command
    python benchmarks/calibration_cv.py rows.json [--methods pooled bound] [--buckets]

Reads the cross-validated rows of a fit_answer.py run (each question's raw confidence from models
fitted without its fold, whether its answer is right, whether it was answered) and refits only the
calibration, two ways:
- **5-fold**: the same question folds as fit_answer.py (seed 0); fold k is calibrated on the other
  folds' rows, as fit_answer.py does;
- **leave one group out**: each group of sets (bundled = dev + dev2, xquad, squad2, squad1-fit) is
  calibrated on the other groups only: a question set the calibration never saw, as the held-out
  sets of issue 13's bars are;
- and the reported SQuAD v1.1 sample (rows of --report-squad1, never in any fit) calibrated on every
  fitting set.
Per set it prints, over the answered questions: the answers shown at confidence >= 0.8 and the share
of them right (the bar: >= 85 % on every set), the mean gap between confidence and share right over
the confidence buckets (weighted by answers), and the largest gap over the thirds of the answers by
confidence (tests/answer/test_calibration.py allows 15 points), with whether the thirds' share right
rises. --buckets adds the bucket table (confidence bucket -> answers, share right) per set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import calibrate  # noqa: E402
from benchmarks.fit_answer import folds_of  # noqa: E402
from benchmarks.fit_models import CAL_GROUP_WEIGHT, GROUP, _group_weights  # noqa: E402
from benchmarks.qsets import FITTED_BUNDLED  # noqa: E402
from benchmarks.quality_metrics import BUCKETS, calibration, calibration_table  # noqa: E402

FIT_SETS = (*FITTED_BUNDLED, "xquad", "squad2", "squad1-fit")


def apply(table: calibrate.Table, raw: np.ndarray) -> np.ndarray:
    xs, ys = table
    return np.interp(raw, xs, ys) if xs else raw


def thirds(conf: np.ndarray, right: np.ndarray) -> tuple[bool, float]:
    """Whether the share right rises over the thirds of the answers by confidence, and the largest
    gap between a third's mean confidence and its share right (the calibration test's checks)."""
    order = np.argsort(conf, kind="stable")
    parts = np.array_split(order, 3)
    shares = [right[p].mean() for p in parts]
    gap = max(abs(conf[p].mean() - s) for p, s in zip(parts, shares))
    return bool(shares[0] < shares[1] < shares[2]), float(gap)


def set_figures(conf: np.ndarray, right: np.ndarray) -> dict:
    high = conf >= 0.8
    gaps, over, total = 0.0, 0.0, 0
    for lo, hi in zip(BUCKETS, BUCKETS[1:]):
        m = (conf >= lo) & (conf < hi)
        if m.any():
            gaps += m.sum() * abs(conf[m].mean() - right[m].mean())
            over += m.sum() * max(0.0, conf[m].mean() - right[m].mean())
            total += m.sum()
    rises, gap = thirds(conf, right)
    return {"n": len(conf), "high": int(high.sum()), "high_pct": 100 * high.mean(),
            "high_right": 100 * right[high].mean() if high.any() else None,
            "ece": 100 * gaps / max(total, 1), "over": 100 * over / max(total, 1), "thirds_rise": rises,
            "thirds_gap": 100 * gap}


def calibrated(method: str, rows: list[dict], scheme: str) -> np.ndarray:
    """Each fitting row's confidence under `scheme` ("5-fold" or "logo")."""
    sets = [r["set"] for r in rows]
    raw = np.array([r["raw"] for r in rows])
    right = np.array([bool(r["top_right"]) for r in rows])
    groups = np.array([GROUP.get(s, s) for s in sets])
    if scheme == "5-fold":
        data = [SimpleNamespace(set=s, question=SimpleNamespace(doc=r.get("doc"))) for s, r in zip(sets, rows)]
        part = folds_of(data, 5)
    else:
        part = np.unique(groups, return_inverse=True)[1]
    out = np.zeros(len(rows))
    for k in np.unique(part):
        train = part != k
        tr_sets = [s for s, t in zip(sets, train) if t]
        table = calibrate.fit(method, raw[train], right[train], groups[train],
                              _group_weights(tr_sets, CAL_GROUP_WEIGHT))
        out[~train] = apply(table, raw[~train])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dump", help="fit_answer.py --dump output")
    ap.add_argument("--methods", nargs="+", default=list(calibrate.METHODS))
    ap.add_argument("--level", type=float, nargs="+", default=[calibrate.BOUND_LEVEL], help="bound levels to try")
    ap.add_argument("--min-block", type=float, nargs="+", default=[calibrate.MIN_BLOCK],
                    help="bound min block sizes to try")
    ap.add_argument("--buckets", action="store_true", help="also print the bucket table per set")
    ap.add_argument("--threshold", type=float, default=0.5, help="abstention threshold when the dump has no 'answered'")
    args = ap.parse_args()
    rows_all = json.loads(Path(args.dump).read_text())
    rows = [r for r in rows_all if r["set"] in FIT_SETS]
    report = [r for r in rows_all if r["set"] == "squad1"]
    answered = np.array([r.get("answered", r["gate"] >= args.threshold) for r in rows])
    right = np.array([bool(r["top_right"]) for r in rows], float)
    sets = np.array([r["set"] for r in rows])
    variants = [(m, (lv, mb)) for m in args.methods for lv in (args.level if m.startswith("bound") else [None])
                for mb in (args.min_block if m.startswith("bound") else [None])]
    print("cells: answers at >= 0.8 (% of answered), right % · mean bucket gap (of it over-confident) · thirds rise, "
          "largest gap (points)\n")
    for scheme in ("5-fold", "logo"):
        names = (["bundled", *FITTED_BUNDLED, "xquad", "squad2", "squad1-fit"]
                 + (["squad1 (reported)"] if report else []))
        print(f"### {scheme}\n")
        print("| method | sample test | " + " | ".join(names) + " |")
        print("|---" * (len(names) + 2) + "|")
        for method, level in variants:
            if level[0] is not None:
                calibrate.BOUND_LEVEL, calibrate.MIN_BLOCK = level
            conf = calibrated(method, rows, scheme)
            cells = []
            for n in names[:-1] if report else names:
                m = answered & (np.isin(sets, list(FITTED_BUNDLED)) if n == "bundled" else sets == n)
                cells.append(_cell(set_figures(conf[m], right[m])))
            if report:
                groups = np.array([GROUP.get(s, s) for s in sets])
                keep = groups != "squad1" if scheme == "logo" else np.ones(len(rows), bool)
                table = calibrate.fit(method, np.array([r["raw"] for r in rows])[keep], right.astype(bool)[keep],
                                      groups[keep], _group_weights(list(sets[keep]), CAL_GROUP_WEIGHT))
                rep = [r for r in report if r.get("answered", r["gate"] >= args.threshold)]
                rc = apply(table, np.array([r["raw"] for r in rep]))
                cells.append(_cell(set_figures(rc, np.array([bool(r["top_right"]) for r in rep], float))))
            # the calibration test's own check: 600 seeded rows of every set, answered or not
            pick = np.random.default_rng(0).choice(len(rows), size=min(600, len(rows)), replace=False)
            rises, gap = thirds(conf[pick], right[pick])
            label = method + (f" {level[0]}, min {level[1]:g}" if level[0] is not None else "")
            if scheme == "5-fold":  # the table a refit would ship (every row): its highest confidence
                groups = np.array([GROUP.get(s, s) for s in sets])
                top = max(calibrate.fit(method, np.array([r["raw"] for r in rows]), right.astype(bool), groups,
                                        _group_weights(list(sets), CAL_GROUP_WEIGHT))[1])
                label += f" (top {top:.2f})"
            print(f"| {label} | {'rise' if rises else 'FLAT'}, {100 * gap:.1f} | " + " | ".join(cells) + " |")
            if args.buckets:
                by_set = {n: [dict(answered=True, confidence=c, hit1=bool(h)) for c, h in
                              zip(conf[answered & (sets == n)], right[answered & (sets == n)])] for n in FIT_SETS}
                print(f"\n{label}, {scheme}:\n\n"
                      + calibration_table({n: calibration(v) for n, v in by_set.items()}) + "\n")
        print()


def _cell(f: dict) -> str:
    high = "—" if f["high_right"] is None else f"{f['high_right']:.1f}"
    return (f"{f['high']} ({f['high_pct']:.1f} %), {high} | {f['ece']:.1f} ({f['over']:.1f} over) | "
            f"{'rise' if f['thirds_rise'] else 'FLAT'}, {f['thirds_gap']:.1f}").replace(" | ", " · ")


if __name__ == "__main__":
    main()
