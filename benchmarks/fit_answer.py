#!/usr/bin/env python
"""Fit the answer model on every question set, and cross-validate it per set.

    python benchmarks/fit_answer.py [--cv 5] [--bundled-share 0.4] [--abstain 0.5] [--write FILE]

Reads the per-question caches of benchmarks/answer_data.py (dev, dev2, xquad, squad2,
squad1-fit; run it first). Fits, in order: the sentence model (log-linear, listwise likelihood of
the gold sentences, L-BFGS on standardised features), the passage model on top of it, the
confidence model (logistic: "the answer shown holds a gold answer", real unanswerable questions
included), an isotonic calibration of that probability, and the short-answer model
(qa.short_answer). With --cv K each set is split in K folds; every question is scored by models
fitted without its fold (the calibration too), and every figure of issue 13's bars is printed per
set (benchmarks/quality_metrics.py), for a sweep of abstention thresholds. The held-out bars are
measured on other question sets, so choices are made on these cross-validated figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import answer_data, calibrate  # noqa: E402
from benchmarks.qsets import BUNDLED, FITTED_BUNDLED  # noqa: E402
from benchmarks.fit_models import at_threshold, baseline_rows, fit_all, predict_rows, write_constants  # noqa: E402
from benchmarks.quality_metrics import calibration, calibration_table, figures, gate_separation, table  # noqa: E402

CAL_SAMPLE = ROOT / "tests/fixtures/calibration_sample.json"
FIT_SETS = (*FITTED_BUNDLED, "xquad", "squad2", "squad1-fit")
# the "not found" bars: each group's gate separation at its own abstention point
GATE_POINTS = {"bundled": (BUNDLED, 10.0), "squad2": (("squad2",), 15.0)}


def folds_of(data: list, k: int, seed: int = 0, by: str = "question") -> np.ndarray:
    """A fold number per question, balanced within each set. by="article": the questions of one
    article (a SQuAD / XQuAD paragraph file's title part, a bundled document) share a fold, so no
    fit sees the held-out questions' passages through their siblings; questions without a gold
    document (the unanswerable ones) are folded one by one. by="group": one fold per group of sets
    (fit_models.GROUP: bundled, xquad, squad2, squad1; k must be 4): every set is scored by models
    fitted on the other kinds of set only, as a new question set would be."""
    if by == "group":
        from benchmarks.fit_models import GROUP

        names = sorted({GROUP.get(a.set, a.set) for a in data})
        if k != len(names):
            raise SystemExit(f"Error: --folds group needs --cv {len(names)} (the groups: {', '.join(names)})")
        return np.array([names.index(GROUP.get(a.set, a.set)) for a in data])
    out = np.zeros(len(data), int)
    rng = np.random.default_rng(seed)
    by_set: dict[str, dict[str, list[int]]] = {}
    for i, a in enumerate(data):
        doc = a.question.doc
        key = re.sub(r"_\d+\.txt$", "", doc) if by == "article" and doc else f"q{i}"
        by_set.setdefault(a.set, {}).setdefault(key, []).append(i)
    for groups in by_set.values():
        keys = list(groups)
        perm = rng.permutation(len(keys))
        if by == "article":  # largest groups first, each to the emptiest fold: balanced sizes
            perm = sorted(perm, key=lambda p: (-len(groups[keys[p]]), p))
        size = np.zeros(k, int)
        for j, p in enumerate(perm):
            f = int(np.argmin(size)) if by == "article" else j % k
            out[groups[keys[p]]] = f
            size[f] += len(groups[keys[p]])
    return out


def auto_threshold(data: list, pred: list[dict], min_hit: float, rule: str = "balanced") -> float:
    """The abstention threshold: among those whose cross-validated answer hit@1 on the SQuAD v1.1
    fitting sample stays >= min_hit (that bar counts an abstention as a miss) while the bundled
    corpus abstains on at most 10 % of its answerable questions, the lowest with the most bundled
    "not found" less answerable questions abstained on, both in % of their kind (`rule` "balanced",
    since the twenty-fourth session); the lowest that gives the bundled unanswerable questions the
    most "not found" ("least", from the eleventh); or the highest ("highest", before it).

    Why "balanced": the bundled "not found" share moves in steps of one question in 38, and "least"
    took any step under the 10 % limit, however many answerable questions it cost. Which step is the
    last under the limit depends on the fold split alone, so the threshold moved 0.51-0.59 with the
    seed (docs/quality.md, "Twenty-fourth session"). "balanced" takes a step only when it gains more
    "not found" than it loses answers."""
    grid = np.round(np.arange(0.05, 0.95, 0.01), 2)
    sq = [r for a, r in zip(data, pred) if a.set == "squad1-fit"]
    bundled = [r for a, r in zip(data, pred) if a.set in BUNDLED]
    answerable = [r for r in bundled if r["answerable"]]
    unanswerable = [r for r in bundled if not r["answerable"]]
    ok, best = 0.05, -np.inf
    for t in grid:
        hit = 100 * np.mean([r["top_right"] and r["gate"] >= t for r in sq]) if sq else 100.0
        abst = 100 * np.mean([r["gate"] < t for r in answerable]) if answerable else 0.0
        if hit < min_hit or abst > 10.0:
            continue
        not_found = sum(r["gate"] < t for r in unanswerable)
        if rule == "balanced":
            # in points of each kind's share, so a question set with more unanswerable questions weighs alike
            not_found = 100 * not_found / max(1, len(unanswerable)) - abst
        if rule == "highest" or not_found > best + 1e-9:
            ok, best = float(t), not_found
    print(f"auto threshold: {ok}", flush=True)
    return ok


def auto_span(data: list, pred: list[dict], precision: float, abstain_below: float = 0.0) -> float:
    """The lowest short-answer threshold from which the short answers shown are right at least
    `precision` of the time on each group of sets (benchmarks/fit_short.choose_threshold: every
    answer shown on the bundled corpus, answerable questions elsewhere); an answer is shown when
    its gate clears abstain_below. The span model is re-fitted on the cross-validated answers with
    folds by DOCUMENT (benchmarks/fit_short.cv_by_document): question folds let a SQuAD article's
    sibling questions into the fit and set the threshold too low for held-out documents."""
    from benchmarks.fit_short import choose_threshold, cv_by_document, samples

    rows = [dict(set=a.set, answerable=a.ok, question=a.question.question, doc=a.question.doc) for a in data]
    items = [samples(r["text"], a.question.question, a.question.answers, a.ok, r["raw"], r["lex"],
                     getattr(a, "idf", None))
             for a, r in zip(data, pred)]
    p, pick = cv_by_document(rows, items)
    rows = [dict(row, answered=r["gate"] >= abstain_below, span_p=None if np.isnan(q) else float(q),
                 span_ok=bool(k and k[1])) for row, r, q, k in zip(rows, pred, p, pick)]
    t = choose_threshold(rows, precision)
    print(f"auto short-answer threshold: {t} (span model re-fitted by document folds)", flush=True)
    return t


def _attach_answerable(part: list, path: str) -> None:
    import pickle

    with open(path, "rb") as f:
        scores = pickle.load(f)
    if len(scores) != len(part) or any(len(s) != len(a.feats) for s, a in zip(scores, part)):
        raise SystemExit(f"Error: {path} is not aligned with the feature cache")
    for a, s in zip(part, scores):
        a.ans = np.asarray(s, np.float32)


def _attach_rerank(part: list, path: str) -> None:
    """benchmarks/score_relevance.py's scores of each question's best candidates, as a per-candidate
    array aligned with the feature cache (NaN where not scored) and the no-answer logit."""
    import pickle

    with open(path, "rb") as f:
        rows = pickle.load(f)
    if len(rows) != len(part) or any(max(r["index"], default=-1) >= len(a.feats) for r, a in zip(rows, part)):
        raise SystemExit(f"Error: {path} is not aligned with the feature cache")
    for a, r in zip(part, rows):
        x = np.full(len(a.feats), np.nan, np.float32)
        x[list(r["index"])] = r["score"]
        a.xenc, a.xenc_null = x, float(r["null"])


def report(rows_by_set: dict[str, list[dict]], label: str) -> None:
    figs = {s: figures(r) for s, r in rows_by_set.items()}
    bundled = [r for s in BUNDLED for r in rows_by_set.get(s, [])]
    if bundled:
        figs = {f"bundled ({'+'.join(s for s in BUNDLED if s in rows_by_set)})": figures(bundled), **figs}
    print(f"\n## {label}\n")
    print(table(figs))
    print()
    print(calibration_table({s: calibration(r) for s, r in rows_by_set.items()}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--sets", nargs="+", default=list(FIT_SETS))
    ap.add_argument("--bundled-share", type=float, default=0.4, help="weight of dev+dev2 in the sentence and "
                                                                     "passage fits")
    ap.add_argument("--abstain", type=float, nargs="+", default=[0.5], help="abstention thresholds to report "
                                                                            "(calibrated)")
    ap.add_argument("--features", default="", help="comma-separated sentence features to drop (ablation)")
    ap.add_argument("--abstain-target", choices=("right", "answerable"), default="right",
                    help="abstain on the confidence (P right) or on a separate model of P(the documents hold the "
                         "answer)")
    ap.add_argument("--abstain-model", choices=("logistic", "trees"), default="logistic",
                    help="the abstention model (with --abstain-target answerable): signed logistic or monotone "
                         "boosted trees")
    ap.add_argument("--conf-c", type=float, default=1.0, help="inverse L2 strength of the confidence models")
    ap.add_argument("--baseline", action="store_true", help="only score the model before issue 13 on the caches")
    ap.add_argument("--dump", help="write the cross-validated rows (gate, confidence, outcomes) as JSON here")
    ap.add_argument("--relevance", metavar="IDENTITY", help="use the matcher's cached scores (this model identity) "
                                                            "as features")
    ap.add_argument("--crossfit", type=int, metavar="FOLDS", default=None,
                    help="with --relevance: read the matcher's cross-fitted scores (answer_data.py --relevance "
                         "--crossfit --folds FOLDS): SQuAD questions it was trained on scored by fold models")
    ap.add_argument("--answerable", metavar="SCORES",
                    help="qa.answer.answerable's per-candidate scores as evidence: a file pattern with {set} "
                         "(lists aligned with the caches, as answer_data --relevance writes)")
    ap.add_argument("--answerable-in-sentence", action="store_true", help="with --answerable: in the sentence model "
                                                                          "too")
    ap.add_argument("--rerank", metavar="SCORES",
                    help="the cross-encoder's scores of each question's best candidates "
                         "(benchmarks/score_relevance.py): "
                         "a file pattern with {set}; re-rank the sentence model's best --rerank-top with them "
                         "and give them to the evidence (an experiment: the answer step runs no cross-encoder)")
    ap.add_argument("--rerank-top", type=int, default=5, help="with --rerank: how many candidates the cross-encoder "
                                                              "reads")
    ap.add_argument("--rerank-use", choices=("both", "rank", "gate"), default="both",
                    help="with --rerank: re-rank and evidence, re-rank only, or evidence only")
    ap.add_argument("--auto-abstain", type=float, default=0.0, metavar="HIT",
                    help="choose the abstention threshold among those keeping squad1-fit CV hit@1 >= HIT and the "
                         "bundled corpus's answerable questions abstained on <= 10 %% (see --auto-rule)")
    ap.add_argument("--auto-rule", choices=("balanced", "least", "highest"), default="balanced",
                    help="with --auto-abstain: among the allowed thresholds, the lowest with the most bundled "
                         "\"not found\" %% less answerable abstained %% (balanced), the lowest with the most \"not "
                         "found\" (least, the rule from the eleventh to the twenty-third session), or the highest "
                         "allowed "
                         "(highest, before)")
    ap.add_argument("--auto-span", type=float, default=0.0, metavar="PRECISION",
                    help="choose the short-answer threshold: the lowest whose CV precision is >= PRECISION on every "
                         "set")
    ap.add_argument("--span-threshold", type=float, default=0.5, help="show a short answer from this probability")
    ap.add_argument("--write", help="fit on everything and write the constants here (qa/answer/fitted_minilm.py)")
    ap.add_argument("--no-neighbour-rule", action="store_true", help="do not apply "
                                                                     "qa.answer.neighbours.prefer_typed_neighbour")
    ap.add_argument("--neighbour-top", type=int, default=0,
                    help="how far down the ranking the neighbour rule looks (qa.answer.neighbours.NEIGHBOUR_TOP; 0: "
                         "as shipped)")
    ap.add_argument("--pick", action="append", default=[], metavar="NAME=VALUE",
                    help="set a rule constant of qa.answer.pick, neighbours or rows (or of another qa.answer "
                         "module: types.PERSON_NOT_ORG=False, events.OWN_YEARS=False) "
                         "for this run (e.g. PERSON_MARGIN=0): measures a choosing rule against its variants; "
                         "repeatable")
    ap.add_argument("--calibration", choices=calibrate.METHODS, default="pooled",
                    help="one isotonic table over all sets, per group the lowest share right, pooled blocks of at "
                         "least 30 effective questions at a lower bound of their share right (bound-linear: "
                         "interpolated between "
                         "their centres), or per group such blocks and the lowest "
                         "(benchmarks/calibrate.py)")
    ap.add_argument("--min-block", type=float, default=calibrate.MIN_BLOCK,
                    help="bound calibrations: the fewest effective questions a block needs (benchmarks/calibrate.py "
                         "MIN_BLOCK)")
    ap.add_argument("--cal-sample", help="write the calibration test's sample here (with --write: by default "
                                          "tests/fixtures/calibration_sample.json)")
    ap.add_argument("--report-squad1", action="store_true", help="also score the reported SQuAD v1.1 sample")
    ap.add_argument("--seed", type=int, default=0,
                    help="which questions go to which fold: another seed measures how much a figure moves by the "
                         "folds alone")
    ap.add_argument("--folds", choices=("question", "article", "group"), default="question",
                    help="cross-validation folds by question (within each set), by article, or one per group of "
                         "sets (with --cv 4: each kind of set scored by models fitted on the others only)")
    ap.add_argument("--deletion", choices=("sentence", "passage", "both"),
                    help="add unanswerable rows made from the training folds' answerable questions "
                         "(benchmarks/deletion.py) to the abstention fit")
    ap.add_argument("--deletion-weight", type=float, default=0.5, help="with --deletion: the rows' total weight (a "
                                                                       "set's is 0.25-1)")
    ap.add_argument("--deletion-confidence", action="store_true", help="with --deletion: in the confidence fit too")
    ap.add_argument("--gate-weight", action="append", default=[], metavar="GROUP=W",
                    help="a group's total weight in the abstention fit (bundled, squad2, squad1, xquad; default the "
                         "confidence fit's: 1, 1, 0.5, 0.25); repeatable")
    ap.add_argument("--gate-drop", default="", metavar="FEATURES",
                    help="comma-separated evidence features the abstention model leaves out (e.g. match,match_top)")
    ap.add_argument("--count-veto", action="store_true",
                    help="a how-many question whose counted noun the best passage names and no candidate near the top "
                         "counts is \"not found\" (qa.answer.evidence.uncounted), and so is a count, amount or person "
                         "question answered by an item's dated lead that states none (evidence.scene_only; "
                         "--pick evidence.SCENE_RULE=False leaves it out)")
    ap.add_argument("--deletion-hard", metavar="FEATURE=PCT",
                    help="with --deletion: keep only negatives whose evidence FEATURE is at least the PCT "
                         "percentile of "
                         "their set's answerable training questions' (e.g. match_top=25)")
    args = ap.parse_args()
    if args.write and (args.answerable or args.rerank):
        # the answer step computes neither score at question time (qa.answer.pick has no hook for
        # them yet): weights fitted on them would be read without them and answer differently
        ap.error("--write cannot be combined with --answerable or --rerank: the answer step does not compute "
                 "those scores yet (docs/relevance.md says how to wire them first)")

    if args.no_neighbour_rule:
        import benchmarks.fit_models as fm

        fm.NEIGHBOUR_RULE = False
    import benchmarks.fit_models as fm_cal

    fm_cal.CALIBRATION = args.calibration
    calibrate.MIN_BLOCK = args.min_block
    fm_cal.NEG_WEIGHT, fm_cal.NEG_CONFIDENCE = args.deletion_weight, args.deletion_confidence
    for setting in args.gate_weight:
        group, _, value = setting.partition("=")
        if group not in fm_cal.CONF_GROUP_WEIGHT:
            ap.error(f"--gate-weight {setting}: the groups are {', '.join(fm_cal.CONF_GROUP_WEIGHT)}")
        fm_cal.GATE_GROUP_WEIGHT[group] = float(value)
    fm_cal.GATE_DROP = {f for f in args.gate_drop.split(",") if f}
    fm_cal.COUNT_VETO = args.count_veto
    if args.deletion_hard:
        key, _, pct = args.deletion_hard.partition("=")
        fm_cal.NEG_HARD = (key, float(pct))
    fm_cal.ANSWERABLE_IN_SENTENCE = args.answerable_in_sentence
    if args.rerank:
        fm_cal.RERANK_TOP = args.rerank_top
        fm_cal.RERANK_RANK = args.rerank_use != "gate"
        fm_cal.RERANK_EVIDENCE = args.rerank_use != "rank"
    if args.neighbour_top:
        import qa.answer.neighbours as neighbours_mod

        neighbours_mod.NEIGHBOUR_TOP = args.neighbour_top
    for setting in args.pick:
        import ast
        import importlib

        target, _, value = setting.partition("=")
        module, _, name = target.rpartition(".")  # NAME (a choosing rule's: pick's, neighbours', rows') or types.NAME
        if module:
            mod = importlib.import_module("qa.answer." + module)
        else:  # the choosing rules' constants, all pick's before its steps had modules of their own
            own = [importlib.import_module("qa.answer." + m) for m in ("pick", "neighbours", "rows")]
            mod = next((m for m in own if hasattr(m, name)), own[0])
        if not name.isupper() or not hasattr(mod, name):
            ap.error(f"--pick {setting}: {mod.__name__} has no rule constant {name}")
        setattr(mod, name, ast.literal_eval(value))
    scores_key = args.relevance and (answer_data.crossfit_identity(args.relevance, args.crossfit)
                                     if args.crossfit else args.relevance)
    data = []
    for s in args.sets:
        try:
            part = answer_data.load(s)
        except FileNotFoundError:
            print(f"skipped {s}: no cache (run benchmarks/answer_data.py)")
            continue
        if args.relevance:
            for a, m in zip(part, answer_data.load_relevance(s, scores_key)):
                a.match = m
        if args.answerable:
            _attach_answerable(part, args.answerable.format(set=s))
        if args.rerank:
            _attach_rerank(part, args.rerank.format(set=s))
        data.extend(part)
    drop = {f for f in args.features.split(",") if f}
    negs: list[list] = [[] for _ in data]  # per question, the unanswerable rows made from it
    if args.deletion:
        from benchmarks.deletion import negatives

        negs = [negatives([a], args.deletion, fm_cal._lexical) for a in data]
        print(f"deletion negatives: {sum(map(len, negs))} from {sum(a.ok for a in data)} answerable questions",
              file=sys.stderr, flush=True)
    if args.baseline:
        from qa.answer import ABSTAIN_BELOW

        rows: dict[str, list[dict]] = {}
        for a in data:
            rows.setdefault(a.set, []).append(at_threshold(baseline_rows(a), ABSTAIN_BELOW))
        report(rows, f"the answer model before issue 13 (abstain below {ABSTAIN_BELOW}), on the cached candidates")
        return
    if args.cv:
        fold = folds_of(data, args.cv, args.seed, by=args.folds)
        models = []
        for k in range(args.cv):
            train = [a for a, f in zip(data, fold) if f != k]
            train_negs = [n for ns, f in zip(negs, fold) if f != k for n in ns]
            models.append(fit_all(train, args.bundled_share, drop, args.conf_c, args.abstain_target, args.abstain_model,
                                  train_negs))
            print(f"fold {k}: fitted", file=sys.stderr, flush=True)
        # calibration of fold k: isotonic on the other folds' out-of-fold raw probabilities
        raw = np.zeros(len(data))
        for k, m in enumerate(models):
            for i in np.flatnonzero(fold == k):
                raw[i] = m.raw_probability(data[i])
        rights = np.array([models[fold[i]].right(data[i]) for i in range(len(data))])
        for k, m in enumerate(models):
            other = fold != k
            m.fit_calibration(raw[other], rights[other], [data[i].set for i in np.flatnonzero(other)])
        pred = [predict_rows(models[fold[i]], a) for i, a in enumerate(data)]
        if args.dump:
            dumped = [_dump_row(a, r) for a, r in zip(data, pred)]
        for name, (members, pct) in GATE_POINTS.items():
            part = [(r["gate"], a.ok) for a, r in zip(data, pred) if a.set in members]
            if len({ok for _, ok in part}) == 2:
                auc, nf = gate_separation(*zip(*part), pct)
                print(f"gate {name}: AUC {auc:.3f}; not found {nf:.1f} % at the threshold abstaining on {pct:g} % "
                      "of its answerable questions", flush=True)
        thresholds = list(args.abstain)
        if args.auto_abstain:
            thresholds.insert(0, auto_threshold(data, pred, args.auto_abstain, args.auto_rule))
            args.abstain = thresholds
        if args.auto_span:
            args.span_threshold = auto_span(data, pred, args.auto_span, thresholds[0])
        if args.write or args.cal_sample:
            _write_cal_sample(Path(args.cal_sample or CAL_SAMPLE), data, pred, thresholds[0])
        for t in thresholds:
            rows: dict[str, list[dict]] = {}
            for a, r in zip(data, pred):
                rows.setdefault(a.set, []).append(at_threshold(r, t, args.span_threshold))
            report(rows, f"{args.cv}-fold cross-validated, abstain below {t}")
    if args.write or args.report_squad1:
        model = fit_all(data, args.bundled_share, drop, args.conf_c, args.abstain_target, args.abstain_model,
                        [n for ns in negs for n in ns])
        if not args.cv:  # else: calibrate on the cross-validated predictions, not in-sample ones
            raw = np.array([model.raw_probability(a) for a in data])
            rights = np.array([model.right(a) for a in data])
        model.fit_calibration(raw, rights, [a.set for a in data])
        if args.report_squad1:
            rep = answer_data.load("squad1")
            if args.relevance:
                for a, m in zip(rep, answer_data.load_relevance("squad1", scores_key)):
                    a.match = m
            if args.answerable:
                _attach_answerable(rep, args.answerable.format(set="squad1"))
            if args.rerank:
                _attach_rerank(rep, args.rerank.format(set="squad1"))
            rep_rows = [predict_rows(model, a) for a in rep]
            report({"squad1": [at_threshold(r, args.abstain[0], args.span_threshold) for r in rep_rows]},
                   "reported SQuAD v1.1 sample")
            if args.dump and args.cv:
                dumped += [_dump_row(a, r) for a, r in zip(rep, rep_rows)]
        if args.write:
            model.abstain_below = args.abstain[0]
            model.span_threshold = args.span_threshold
            model.matcher = args.relevance
            write_constants(model, Path(args.write), "python benchmarks/fit_answer.py " + " ".join(sys.argv[1:]))
            print(f"wrote {args.write}")
    if args.dump and args.cv:
        for r in dumped:
            r["answered"] = bool(r["gate"] >= args.abstain[0])
        Path(args.dump).write_text(json.dumps(dumped))


def _write_cal_sample(path: Path, data: list, pred: list[dict], threshold: float, size: int = 2000) -> None:
    """A fixed seeded sample of the cross-validated rows for tests/answer/test_calibration.py: per
    question [confidence shown, answer right, set, answered at the abstention threshold]."""
    pick = np.random.default_rng(0).choice(len(data), size=min(size, len(data)), replace=False)
    sample = [[round(float(pred[i]["confidence"]), 4), bool(pred[i]["top_right"]), data[i].set,
               bool(pred[i]["gate"] >= threshold)] for i in sorted(pick)]
    path.write_text(json.dumps({"command": "python benchmarks/fit_answer.py " + " ".join(sys.argv[1:]),
                                "conf_right": sample}) + "\n")


def _dump_row(a, r: dict) -> dict:
    """A prediction row with what benchmarks/fit_short.py re-fits the short answer from."""
    q = a.question
    return dict(r, set=a.set, question=q.question, answers=q.answers, doc=q.doc)


if __name__ == "__main__":
    main()
