"""The fits behind benchmarks/fit_answer.py: sentence, passage, confidence, calibration, short answer.

Works on benchmarks/answer_data.Asked records (candidates cached per question); every model is
the one the answer step applies at run time (qa.answer, qa.confidence, qa.short_answer), so the
cross-validated figures are those of the product, up to retrieval (unchanged by these fits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import minimize

from benchmarks import calibrate
from benchmarks.qsets import BUNDLED
from benchmarks.quality_metrics import span_right
from qa import answer
from qa.answer import evidence as conf_mod
from qa.answer import short as short_answer
from qa.answer import trees as trees_mod
from qa.answer.features import (
    ACROSS, ACROSS_SCORE, CONTEXT_FEATURES, item_leads, lead_coverage, names_feature, question_names, typed_feature,
)
from qa.answer.neighbours import prefer_typed_neighbour
from qa.answer.pick import _trim
from qa.answer.question import question_type
from qa.answer.types import TYPE_FEATURES, type_features
from qa.evaluate import contains_gold
from qa.lang import analyze
from qa.answer.shown import shown_answer, within_cap

BASE = list(answer.WEIGHTS)
# sentence features one embedder's fit adds to BASE, present in every candidate's features
# (benchmarks/fit_e5.py: qa.answer.features.UNCENTRED, e5's uncentred cosine)
EXTRA_SENTENCE: list[str] = []
PASS = list(answer.PASSAGE_WEIGHTS)
GROUP = {**{s: "bundled" for s in BUNDLED}, "squad2": "squad2", "squad1-fit": "squad1", "xquad": "xquad"}
# total weight of each group of sets in the confidence and short-answer fits: the bundled corpus
# is what the tool is for and squad2 holds the real unanswerable questions
CONF_GROUP_WEIGHT = {"bundled": 1.0, "squad2": 1.0, "squad1": 0.5, "xquad": 0.25}
CAL_GROUP_WEIGHT = {"bundled": 1.0, "squad2": 1.0, "squad1": 0.1, "xquad": 0.05}


_INDEXES: dict = {}
# whether the answerability scores (fit_answer.py --answerable) also enter the sentence model, not
# only the confidence and abstention evidence
ANSWERABLE_IN_SENTENCE = False
# how raw confidence becomes "share right" (fit_answer.py --calibration): one of
# benchmarks/calibrate.METHODS ("pooled": one isotonic table over every set, weighted by
# CAL_GROUP_WEIGHT; "worst": per group of sets the lowest; "bound": pooled, blocks of at least
# calibrate.MIN_BLOCK effective questions at a lower bound of their share right)
CALIBRATION = "pooled"


# qa.answer.neighbours.prefer_typed_neighbour applied after the sentence model (fit_answer.py --no-neighbour-rule)
NEIGHBOUR_RULE = True
# the cross-encoder's scores (fit_answer.py --rerank): re-rank the sentence model's best RERANK_TOP
# candidates with them (RERANK_RANK) and/or give them to the confidence and abstention evidence
# (RERANK_EVIDENCE)
RERANK_TOP = 0
RERANK_RANK = True
RERANK_EVIDENCE = True


def _lexical(set_name: str):
    """The lexical index of a set's corpus (for IDF), opened once."""
    from benchmarks import qsets
    from qa.store import Index, current_generation

    key = "bundled" if set_name in BUNDLED else ("squad1" if set_name.startswith("squad1") else set_name)
    if key not in _INDEXES:
        _INDEXES[key] = Index(current_generation(qsets.index_dir(key)))
    return _INDEXES[key]


def enrich(a) -> None:
    """Add the answer-type features to each cached candidate (once), the question terms' IDF and
    the retrieved passages' terms."""
    if getattr(a, "_enriched", False):
        return
    a.idf = _lexical(a.set).idf(sorted(set(a.terms)))
    a.pool = conf_mod.pool_stems(a.passages)
    a._m = {}
    q = a.question.question
    match = getattr(a, "match", None)  # the matcher's scores, when benchmarks/answer_data.py --relevance ran
    if match is not None:
        top = float(np.max(match))
        for (_, _, f), m in zip(a.feats, match):
            f["match"], f["match_rel"] = float(m), float(m) - top
    ans = getattr(a, "ans", None)  # qa.answer.answerable's scores, when fit_answer.py --answerable gave them
    if ans is not None:
        top = float(np.max(ans))
        for (_, _, f), v in zip(a.feats, ans):
            f["ans"], f["ans_rel"] = float(v), float(v) - top
    add_context(a)
    # "type" is cached when the candidates are collected; recomputed so that a fit reads the span
    # patterns the answer step reads now, not those of the day the cache was collected
    qtype, qwords = question_type(q), set(re.findall(r"\w+", q.lower()))
    names = question_names(q)
    for row, p, f in a.feats:
        item = p.item
        f["type"] = typed_feature(row.text, qtype, qwords, row.lang)
        # as "type": a cache keeps the names of the day it was collected (possessives came later)
        f["names"] = names_feature(names, row.text, _stems(a.set, row))
        f.update(type_features(q, row.text, item.title if item else "", item.date if item else None,
                               bool(f["news_lead"])))
    a._enriched = True


_STEMS: dict[tuple[str, int], set[str]] = {}  # (set, sentence id) -> its terms, for add_context
_LEADS: dict[tuple[str, int], str] = {}  # (set, sentence id) -> its item's lead, for evidence


def _stems(name: str, row) -> set[str]:
    key = (name, row.id)
    if key not in _STEMS:
        _STEMS[key] = set(analyze(row.text))
    return _STEMS[key]


def _lead_text(name: str, row) -> str:
    key = (name, row.id)
    if key not in _LEADS:
        _LEADS[key] = conf_mod.lead_text(_lexical(name), row)
    return _LEADS[key]


def add_context(a) -> None:
    """qa.answer.features' CONTEXT_FEATURES for caches collected before they existed, from the
    same index rows the answer step reads (an item's lead through qa.answer.features.item_leads)."""
    if all(k in f for _, _, f in a.feats for k in CONTEXT_FEATURES):
        return
    index = _lexical(a.set)
    total = sum(a.idf.values()) or 1.0
    leads = item_leads(index, [r for r, _, _ in a.feats])

    for r, _, f in a.feats:
        lead = leads[(r.doc, r.item)]
        f["lead_cov"] = lead_coverage(a.idf, total, _stems(a.set, r), None if lead.id == r.id else _stems(a.set, lead))


def _shown(a, row) -> tuple[str, bool, str, bool]:
    """What the answer step shows for a candidate sentence (qa.answer.shown: its trimmed part, after
    the sentence before it when it refers back to it, read from the set's index) and whether it holds
    a gold answer; then the same for the sentence's part alone (what the short answer is found in,
    and "sentence alone" hit@1). Memoised per question, since refits keep choosing among the same
    sentences."""
    memo = a.__dict__.setdefault("_shown", {})
    if row.id not in memo:
        s = shown_answer(_lexical(a.set), row, a.question.question, a.terms)
        memo[row.id] = (s.text, _holds(a, s.text, s.sentence_text), s.sentence_text,
                        _holds(a, s.sentence_text, s.sentence_text))
    return memo[row.id]


def _holds(a, text: str, sentence_text: str) -> bool:
    return a.ok and within_cap(text, sentence_text) and contains_gold(text, a.question.answers)


def fill(n: int, head: np.ndarray, vals: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Per candidate (n of them): the cross-encoder's logit of the scored ones (positions `head`), the
    lowest scored logit for the rest (so re-scoring leaves their order alone); each minus the best;
    and the best."""
    best = float(vals.max())
    fx = np.full(n, float(vals.min()))
    fx[head] = vals
    return fx, fx - best, best


def xenc_features(a, s1: np.ndarray, top: int) -> tuple[np.ndarray, np.ndarray]:
    """The cross-encoder features of every candidate of a cached question (what a re-ranking stage
    would read), from the scores fit_answer.py --rerank attached as a.xenc (NaN where not scored): the
    logit of each of the stage-1 model's best `top` (one not scored reads as the lowest scored), the lowest of
    them for every other candidate, and each minus the best; written into the candidates' feature
    dicts with "xenc_top" (the best minus the no-answer logit) for the evidence."""
    head = np.argsort(-s1, kind="stable")[:top]
    vals = a.xenc[head]
    if np.isnan(vals).all():
        vals = np.full(len(head), a.xenc_null)
    vals = np.where(np.isnan(vals), np.nanmin(vals), vals)
    fx, fr, best = fill(len(s1), head, vals)
    for (_, _, f), x, r in zip(a.feats, fx, fr):
        f["xenc"], f["xenc_rel"], f["xenc_top"] = float(x), float(r), best - a.xenc_null
    return fx, fr


def matrix(a, names: list[str]) -> np.ndarray:
    key = tuple(names)
    if key not in a._m:
        a._m[key] = np.array([[f[n] for n in names] for _, _, f in a.feats])
    return a._m[key]


def pad(items: list[tuple[np.ndarray, np.ndarray]], n_features: int):
    q, c = len(items), max(len(y) for _, y in items)
    X, mask, Y = np.zeros((q, c, n_features)), np.zeros((q, c), bool), np.zeros((q, c), bool)
    for i, (x, y) in enumerate(items):
        X[i, : len(y)], mask[i, : len(y)], Y[i, : len(y)] = x, True, y
    return X, mask, Y


def listwise(parts: list[tuple[float, list[tuple[np.ndarray, np.ndarray]]]], n: int, l2: float = 1e-3,
             fixed: np.ndarray | None = None) -> np.ndarray:
    """Weights maximising the share-weighted mean log softmax mass on each list's gold items
    (lists without a gold item are skipped), fitted by L-BFGS on standardised features and
    returned in raw units. `fixed`: the weights of the first len(fixed) features, kept as they are
    (their score is an offset); only the others are fitted."""
    k = 0 if fixed is None else len(fixed)
    padded = []
    for share, items in parts:
        items = [(x, y) for x, y in items if y.any()]
        if items and share > 0:
            X, m, Y = pad(items, n)
            padded.append((share, X[..., k:], np.where(m, X[..., :k] @ fixed, 0.0) if k else 0.0, m, Y))
    real = np.concatenate([X[m] for _, X, _, m, _ in padded])
    mu, sd = real.mean(axis=0), real.std(axis=0) + 1e-9
    padded = [(s, (X - mu) / sd, o, m, Y) for s, X, o, m, Y in padded]

    def f(z):
        val, grad = 0.5 * l2 * z @ z, l2 * z
        for share, X, o, m, Y in padded:
            s = np.where(m, X @ z + o, -np.inf)
            top = s.max(axis=1, keepdims=True)
            e = np.exp(s - top)
            eg = np.where(Y, e, 0.0)
            val -= share * np.mean(np.log(eg.sum(axis=1)) - np.log(e.sum(axis=1)))
            p, pg = e / e.sum(axis=1, keepdims=True), eg / eg.sum(axis=1, keepdims=True)
            grad -= share * np.einsum("qcf,qc->f", X, pg - p) / len(s)
        return val, grad

    z = minimize(f, np.zeros(n - k), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return np.r_[fixed if k else [], z / sd]


@dataclass
class Model:
    sent_names: list[str]
    sent_w: np.ndarray
    pass_w: np.ndarray = None
    conf_w: dict = field(default_factory=dict)
    conf_b: float = 0.0
    cal: tuple = ((), ())
    span_w: dict = field(default_factory=dict)
    span_b: float = 0.0
    span_threshold: float = 0.5
    abstain_below: float = 0.5
    # optional separate abstention model, "the documents hold the answer" (None: abstain on confidence)
    abst_w: dict | None = None
    abst_b: float = 0.0
    abst_trees: dict | None = None  # qa.answer.trees constants, when abstention uses boosted trees
    matcher: str | None = None
    # stage 2 (fit_answer.py --rerank, an experiment the answer step does not run: never written):
    # weights of the stage-1 score and the cross-encoder features over the best rerank_top candidates
    rerank_w: dict | None = None
    rerank_top: int = 0
    count_veto: bool = False  # qa.answer.evidence.abstain_gate's count rule (fit_answer.py --count-veto)
    scene_veto: bool = False  # its scene rule alone (fit_e5.py --scene-veto)

    @property
    def abstain_trees(self) -> dict | None:  # the names qa.answer.evidence.abstain_gate reads
        return self.abst_trees

    @property
    def abstain(self) -> dict | None:
        return self.abst_w

    @property
    def abstain_bias(self) -> float:
        return self.abst_b

    def gate(self, cf: dict, conf: float) -> float:
        """What the abstention threshold applies to: the answer step's own rule."""
        return conf_mod.abstain_gate(cf, self, conf)

    @classmethod
    def from_constants(cls, c: dict) -> "Model":
        """The model a fitted constants module holds (qa/answer/fitted_e5.py's FITTED_E5): constants() read back."""
        return cls(
            list(c["sentence"]), np.array(list(c["sentence"].values())), np.array([c["passage"][n] for n in PASS]),
            conf_w=dict(c["confidence"]), conf_b=c["confidence_bias"], cal=c["calibration"],
            span_w=dict(c["span"]), span_b=c["span_bias"], span_threshold=c["span_threshold"],
            abstain_below=c["abstain_below"], abst_w=c["abstain"], abst_b=c["abstain_bias"],
            abst_trees=c["abstain_trees"], matcher=c["matcher"], count_veto=c["count_veto"],
            scene_veto=c["scene_veto"],
        )

    def ranked(self, a) -> list:
        enrich(a)
        s = matrix(a, self.sent_names) @ self.sent_w
        if a.feats and ACROSS[0] in a.feats[0][2]:
            # the part of the score the features across languages give, which the evidence reads the score without
            # (qa.answer.evidence.fitted_score), as qa.answer.features.add_across marks it at run time
            mine = [i for i, n in enumerate(self.sent_names) if n in ACROSS]
            part = matrix(a, [self.sent_names[i] for i in mine]) @ self.sent_w[mine] if mine else np.zeros(len(s))
            for (_, _, f), v in zip(a.feats, part):
                f[ACROSS_SCORE] = float(v)
        if self.rerank_top:
            fx, fr = xenc_features(a, s, self.rerank_top)
            if self.rerank_w:
                w = self.rerank_w
                s = w["stage1"] * s + w["xenc"] * fx + w["xenc_rel"] * fr
        order = np.argsort(-s, kind="stable")
        out = [answer.Candidate(a.feats[i][0], a.feats[i][1], a.feats[i][2], float(s[i])) for i in order]
        return prefer_typed_neighbour(out, a.question.question) if NEIGHBOUR_RULE else out

    def conf_features(self, a, ranked=None) -> dict:
        ranked = ranked or self.ranked(a)
        return conf_mod.evidence(a.question.question, a.terms, ranked, a.passages, a.idf, a.pool,
                                 lead=_lead_text(a.set, ranked[0].sentence))

    def raw_probability(self, a, ranked=None) -> float:
        return conf_mod.probability(self.conf_features(a, ranked), self.conf_w, self.conf_b)

    def answer_text(self, a, ranked=None) -> tuple[str, object]:
        """The answer sentence's shown part (what the short answer is found in) and its candidate."""
        best = (ranked or self.ranked(a))[0]
        return _shown(a, best.sentence)[2], best

    def right(self, a, ranked=None) -> bool:
        """Whether the text shown (the sentence before included) holds a gold answer."""
        best = (ranked or self.ranked(a))[0]
        return _shown(a, best.sentence)[1]

    def fit_calibration(self, raw: np.ndarray, right: np.ndarray, sets: list[str]) -> None:
        # the sets with unanswerable questions dominate: a confidence must hold where questions
        # may have no answer, so it is conservative on sets where all of them have one
        groups = np.array([GROUP.get(s, s) for s in sets])
        self.cal = calibrate.fit(CALIBRATION, raw, right, groups, _group_weights(sets, CAL_GROUP_WEIGHT))

    def constants(self) -> dict:
        """The keyword arguments of qa.answer.weights.Fitted (all but fitted_for)."""
        r = lambda d: {k: round(float(v), 4) for k, v in d.items()}  # noqa: E731
        return {
            "sentence": r(dict(zip(self.sent_names, self.sent_w))),
            "passage": r(dict(zip(PASS, self.pass_w))),
            "confidence": r(self.conf_w),
            "confidence_bias": round(self.conf_b, 4),
            "abstain_below": round(self.abstain_below, 4),
            "calibration": (tuple(round(x, 4) for x in self.cal[0]), tuple(round(y, 4) for y in self.cal[1])),
            "abstain": None if self.abst_w is None else r(self.abst_w),
            "abstain_bias": round(self.abst_b, 4),
            "abstain_trees": self.abst_trees,
            "span": r(self.span_w),
            "span_bias": round(self.span_b, 4),
            "span_threshold": round(self.span_threshold, 4),
            "matcher": self.matcher,
            "typed_neighbour": NEIGHBOUR_RULE,
            "count_veto": self.count_veto,
            "scene_veto": self.scene_veto,
        }


def write_constants(model: "Model", path, command: str) -> None:
    """The fitted constants as a Python module (qa/answer/fitted_minilm.py), generated, not edited."""
    import os
    import pprint

    # the settings the caches were built with are part of the command (a fit on pooled sentence
    # vectors is not one on separate ones)
    env = " ".join(f"{k}={os.environ[k]}" for k in ("QA_SENTENCE_VECTORS", "QA_BENCH_OUT") if os.environ.get(k))
    command = f"{env} {command}" if env else command
    body = pprint.pformat(model.constants(), width=110, sort_dicts=False)
    path.write_text(
        f'"""Fitted answer-model constants for all-MiniLM-L6-v2: GENERATED by\n\n    {command}\n\n'
        "Do not edit by hand: refit. The fit, its data and its cross-validated figures: docs/quality.md."
        '\n"""\n\nFITTED_MINILM = ' + body + "\n",
        encoding="utf-8",
    )


def _group_weights(sets: list[str], table: dict | None = None) -> np.ndarray:
    table = table or CONF_GROUP_WEIGHT
    groups = [GROUP.get(s, s) for s in sets]
    counts = {g: groups.count(g) for g in set(groups)}
    return np.array([table.get(g, 0.5) / counts[g] for g in groups]) * len(groups)


def signed_logistic(X: np.ndarray, y: np.ndarray, w: np.ndarray, names: list[str], l2: float = 1.0):
    """Weighted L2 logistic regression whose weights keep the sign each feature's meaning gives it
    (qa.answer.evidence.SIGNS: evidence for an answer counts for, evidence against counts against).
    Unconstrained fits gave correlated features opposite signs ("ctx" against, "score" for) that
    hold on the fitting distribution and break on a small corpus; fitted by L-BFGS-B with bounds
    on standardised features, returned in raw units."""
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-9
    Z = (X - mu) / sd
    w = w / w.sum()
    n = Z.shape[1]

    def f(theta):
        z = Z @ theta[:n] + theta[n]
        p = 1 / (1 + np.exp(-z))
        loss = (-np.sum(w * (y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12)))
                + 0.5 * l2 * theta[:n] @ theta[:n] / len(y))
        g = w * (p - y)
        return loss, np.concatenate([Z.T @ g + l2 * theta[:n] / len(y), [g.sum()]])

    signs = [conf_mod.SIGNS.get(k, 0) for k in names]
    bounds = [(0, None) if s > 0 else (None, 0) if s < 0 else (None, None) for s in signs] + [(None, None)]
    theta = minimize(f, np.zeros(n + 1), jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 1000}).x
    coef = theta[:n] / sd
    return dict(zip(names, coef)), float(theta[n] - coef @ mu)


# boosted trees for abstention: small and shallow (what ~40 unanswerable questions of the bundled
# corpus and SQuAD 2.0's can support), each feature monotone in its SIGNS direction
TREES = {"max_iter": 150, "max_depth": 3, "learning_rate": 0.05, "l2_regularization": 1.0, "min_samples_leaf": 40}


def fit_trees(X: np.ndarray, y: np.ndarray, w: np.ndarray, names: list[str]) -> dict:
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(
        **TREES, monotonic_cst=[conf_mod.SIGNS.get(k, 0) for k in names], early_stopping=False, random_state=0,
    ).fit(X, y, sample_weight=w / w.mean())
    return trees_mod.from_sklearn(clf, names)


# deletion negatives (benchmarks/deletion.py, fit_answer.py --deletion): their group's total weight
# in the abstention fit, and whether they enter the confidence fit too
NEG_WEIGHT = 0.5
NEG_CONFIDENCE = False
# keep only the negatives whose evidence `key` is at least the `pct` percentile of the answerable
# training questions' of their set (None: all): removing the gold sentence leaves mostly weak
# candidates, an easy negative unlike the real unanswerable questions, which look answerable
NEG_HARD: tuple[str, float] | None = None
# per group of sets, a weight in the abstention fit other than CONF_GROUP_WEIGHT's (fit_answer.py
# --gate-weight bundled=0.25): the confidence and the calibration keep theirs
GATE_GROUP_WEIGHT: dict[str, float] = {}
# evidence features the abstention model leaves out (fit_answer.py --gate-drop match,match_top): the
# matcher's absolute scores sit a whole unit lower on the bundled news items than on SQuAD for
# answerable questions alike (it was trained on SQuAD), so one threshold abstained on the bundled
# corpus long before SQuAD 2.0; its score relative to the best candidate (match_rel) stays
GATE_DROP: set[str] = set()
# qa.answer.evidence.uncounted and scene_only as rules of the gate (fit_answer.py --count-veto), or
# scene_only alone (fit_e5.py --scene-veto)
COUNT_VETO = False
SCENE_VETO = False


def fit_all(
    train: list, bundled_share: float = 0.4, drop: set[str] = frozenset(), conf_c: float = 1.0,
    abstain_target: str = "right", abstain_model: str = "logistic", negatives: list = (),
) -> Model:
    """The models fitted on `train`; `negatives` (unanswerable rows made from answerable ones,
    benchmarks/deletion.py) join the abstention fit (and the confidence fit with NEG_CONFIDENCE)."""
    for a in train:
        enrich(a)
    extra = ["match", "match_rel"] if all(getattr(a, "match", None) is not None for a in train) else []
    if ANSWERABLE_IN_SENTENCE and all(getattr(a, "ans", None) is not None for a in train):
        extra += ["ans", "ans_rel"]
    names = [n for n in BASE + list(CONTEXT_FEATURES) + EXTRA_SENTENCE + list(TYPE_FEATURES) + extra if n not in drop]
    bundled = [a for a in train if GROUP.get(a.set) == "bundled" and a.ok]
    rest = [a for a in train if GROUP.get(a.set) != "bundled" and a.ok]
    sent_w = listwise(
        [(bundled_share, [(matrix(a, names), a.y) for a in bundled]),
         (1 - bundled_share, [(matrix(a, names), a.y) for a in rest])],
        len(names),
    )
    model = Model(names, sent_w)
    if RERANK_TOP and all(getattr(a, "xenc", None) is not None for a in train):
        model.rerank_top = RERANK_TOP
        if RERANK_RANK:
            def stage2(a):
                s1 = matrix(a, names) @ sent_w
                return np.column_stack([s1, *xenc_features(a, s1, RERANK_TOP)]), a.y

            w2 = listwise([(bundled_share, [stage2(a) for a in bundled]),
                           (1 - bundled_share, [stage2(a) for a in rest])], 3)
            model.rerank_w = dict(zip(("stage1", "xenc", "xenc_rel"), w2))
        else:  # evidence only: the order stays the stage-1 order
            model.rerank_w = {"stage1": 1.0, "xenc": 0.0, "xenc_rel": 0.0}
    ranked = {id(a): model.ranked(a) for a in train}

    def plist(group):
        out = []
        for a in group:
            feats = answer.passage_features(a.passages, ranked[id(a)])
            keep = [i for i, p in enumerate(a.passages) if p.chunk.id in feats]
            X = np.array([[feats[a.passages[i].chunk.id][n] for n in PASS] for i in keep]).reshape(len(keep), len(PASS))
            out.append((X, a.pgold[keep]))
        return out

    model.pass_w = listwise([(bundled_share, plist(bundled)), (1 - bundled_share, plist(rest))], len(PASS))

    # confidence: "the answer shown is right", on every question (unanswerable ones included)
    feats = [model.conf_features(a, ranked[id(a)]) for a in train]
    y = np.array([model.right(a, ranked[id(a)]) for a in train])
    w = _group_weights([a.set for a in train])
    off = set() if RERANK_EVIDENCE else {"xenc", "xenc_rel", "xenc_top"}
    names = [k for k in conf_mod.CONF_FEATURES if k in feats[0] and k not in drop | off]
    X = np.array([[f[k] for k in names] for f in feats])
    ok = np.array([a.ok for a in train])
    if negatives:
        nf = [(n.set, model.conf_features(n)) for n in negatives]
        if NEG_HARD:
            key, pct = NEG_HARD
            cut = {s: np.percentile([f[key] for a, f in zip(train, feats) if a.set == s and a.ok], pct)
                   for s in {a.set for a in train if a.ok}}
            nf = [(s, f) for s, f in nf if f[key] >= cut.get(s, np.inf)]
        negatives = nf
        nX = np.array([[f[k] for k in names] for _, f in nf]).reshape(len(nf), len(names))
        X_all, ok_all = np.vstack([X, nX]), np.r_[ok, np.zeros(len(negatives), bool)]
    else:
        X_all, ok_all = X, ok
    sets = [a.set for a in train] + ["synthetic"] * len(negatives)
    w_gate = _group_weights(sets, {**CONF_GROUP_WEIGHT, **GATE_GROUP_WEIGHT, "synthetic": NEG_WEIGHT})
    if negatives and NEG_CONFIDENCE:
        w_all = _group_weights(sets, {**CONF_GROUP_WEIGHT, "synthetic": NEG_WEIGHT})
        model.conf_w, model.conf_b = signed_logistic(X_all, np.r_[y, np.zeros(len(negatives), bool)], w_all, names,
                                                     1.0 / conf_c)
    else:
        model.conf_w, model.conf_b = signed_logistic(X, y, w, names, 1.0 / conf_c)
    if abstain_target == "answerable":
        keep = [i for i, k in enumerate(names) if k not in GATE_DROP]
        gate_names, X_gate = [names[i] for i in keep], X_all[:, keep]
        model.abst_w, model.abst_b = signed_logistic(X_gate, ok_all, w_gate, gate_names, 1.0 / conf_c)
        if abstain_model == "trees":
            model.abst_trees = fit_trees(X_gate, ok_all, w_gate, gate_names)
    model.count_veto = COUNT_VETO
    model.scene_veto = SCENE_VETO

    # short answer: every candidate span of the (trimmed) answer sentence of every question,
    # target "a right short answer" (benchmarks/fit_short.py: unanswerable questions count as wrong)
    from benchmarks.fit_short import fit_span, samples

    items = []
    for a in train:
        text, best = model.answer_text(a, ranked[id(a)])
        p = conf_mod.probability(model.conf_features(a, ranked[id(a)]), model.conf_w, model.conf_b)
        items.append(samples(text, a.question.question, a.question.answers, a.ok, p, best.features["lex"], a.idf))
    model.span_w, model.span_b = fit_span(items, w)
    return model


def predict_rows(model: Model, a) -> dict:
    """The outcome row (benchmarks/quality_metrics) of one question under the model, as if it were
    answered; `gate` is what the abstention threshold applies to (see at_threshold)."""
    ranked = model.ranked(a)
    cf = model.conf_features(a, ranked)
    raw = conf_mod.probability(cf, model.conf_w, model.conf_b)
    conf = conf_mod.calibrate(raw, model.cal)
    gate = model.gate(cf, conf)
    best = ranked[0]
    shown, top_right, text, alone_right = _shown(a, best.sentence)
    feats = answer.passage_features(a.passages, ranked)
    pscore = {cid: np.array([f[n] for n in PASS]) @ model.pass_w for cid, f in feats.items()}
    order = sorted(a.passages, key=lambda p: -pscore.get(p.chunk.id, -np.inf))
    gold = {p.chunk.id for p, g in zip(a.passages, a.pgold) if g}
    found, span_p = short_answer.pick(text, a.question.question, raw, best.features["lex"], model.span_w,
                                      model.span_b, 0.0, a.idf)
    span = None if found is None else text[found[0]:found[1]]
    return {
        "answerable": a.ok,
        "gate": gate,
        "raw": raw,
        "confidence": conf,
        "hit1": top_right,
        "top_right": top_right,
        "alone_hit1": alone_right,  # the answer sentence alone, without the sentence before it
        "with_before": shown != text,
        "doc_ok": a.question.doc is not None and best.sentence.doc == a.question.doc,
        "r1": bool(order) and order[0].chunk.id in gold,
        "r5": any(p.chunk.id in gold for p in order[:5]),
        "span": span,
        "span_p": span_p,
        "span_ok": span is not None and a.ok and span_right(span, a.question.answers),
        "text": text,  # what benchmarks/fit_short.py re-fits the short answer from
        "shown": shown,
        "lex": float(best.features["lex"]),
        # the swaps the evidence read (qa.answer.swaps): how confident an answer about another name is
        "name_swap": float(cf.get("name_swap", 0.0)),
        "antonym": float(cf.get("antonym", 0.0)),
    }


def baseline_rows(a) -> dict:
    """The outcome row of the answer model before this work (qa.answer's constants, its trim and
    typed span), for comparison on the same cached candidates."""
    import re

    from benchmarks import baseline_confidence
    from qa.answer.question import question_type, typed_span

    enrich(a)
    model = Model(BASE, np.array([answer.WEIGHTS[n] for n in BASE]),
                  np.array([answer.PASSAGE_WEIGHTS[n] for n in PASS]))
    ranked = model.ranked(a)
    conf = baseline_confidence.confidence(baseline_confidence.abstain_features(ranked))
    best = ranked[0]
    s, e = _trim(best.sentence, a.terms)
    text = best.sentence.text[s - best.sentence.start:e - best.sentence.start]
    top_right = a.ok and len(text) <= answer.MAX_ANSWER_CHARS and contains_gold(text, a.question.answers)
    feats = answer.passage_features(a.passages, ranked)
    pscore = {cid: np.array([f[n] for n in PASS]) @ model.pass_w for cid, f in feats.items()}
    order = sorted(a.passages, key=lambda p: -pscore.get(p.chunk.id, -np.inf))
    gold = {p.chunk.id for p, g in zip(a.passages, a.pgold) if g}
    q = a.question.question
    qtype = question_type(q)
    found = typed_span(text, qtype, set(re.findall(r"\w+", q.lower()))) if qtype else None
    span = None if found is None else text[found[0]:found[1]]
    return {
        "answerable": a.ok, "gate": conf, "confidence": conf, "hit1": top_right, "top_right": top_right,
        "doc_ok": a.question.doc is not None and best.sentence.doc == a.question.doc,
        "r1": bool(order) and order[0].chunk.id in gold, "r5": any(p.chunk.id in gold for p in order[:5]),
        "span": span, "span_ok": span is not None and a.ok and span_right(span, a.question.answers),
    }


def at_threshold(row: dict, threshold: float, span_threshold: float = 0.5) -> dict:
    """The row as shown when questions whose gate is below threshold get "not found" and short
    answers below span_threshold are not shown."""
    answered = row["gate"] >= threshold
    out = dict(row, answered=answered)
    if row.get("span_p", 1.0) < span_threshold:
        out.update(span=None, span_ok=False)
    if not answered:
        out.update(confidence=None, hit1=False, alone_hit1=False, doc_ok=False, span=None, span_ok=False)
    return out
