#!/usr/bin/env python
"""Screen sentence features from an item's context, and sort the misses of the sentence choice by kind;
or (--gate) screen the abstention gate's evidence features.

    QA_SENTENCE_VECTORS=pooled QA_BENCH_OUT=/work/cache/fit python benchmarks/screen_features.py \
        [--folds article|question] [--variants lead_cov prev_cov ...] [--analyse]
    QA_SENTENCE_VECTORS=pooled QA_BENCH_OUT=/work/cache/fit python benchmarks/screen_features.py --gate \
        [--folds article|question] --variants FEATURE [FEATURE+FEATURE ...] [rule:KEY ...]

--gate: every question's evidence (qa.answer.evidence.evidence, every key it returns, in
CONF_FEATURES or not; "none" is CONF_FEATURES without the variants) is computed once, for the best sentence of the
sentence model fitted without its fold; then the gate's trees are refitted per fold on that evidence with the shipped
flags (bundled weight 0.25, no match / match_top, the answer-type rules of abstain_gate), without each variant and
with it. It prints gate AUC per group and "not found" at a per-group and at fit_answer.py's rule threshold.
A variant "rule:KEY" is screened as a rule instead (the gate is 0 where the evidence KEY is 1, as the count
rule does), and how often it fires beyond the shipped rules is printed per set, answerable (right) or not.
It ranks features as fit_answer.py does within about 0.01 of AUC (its training rows are out-of-fold,
not in-sample); a feature that passes is cross-validated whole with fit_answer.py.

This refits the sentence model per fold, as benchmarks/fit_answer.py does, with the matcher's cached
scores and the neighbour rule, without each feature and with it. For every set it prints the sentence
hit@1 (the best sentence, shown or not, holds a gold answer), with the questions the feature won (+)
and lost (-). It is a screen, not the verdict: a feature that passes it is cross-validated whole with
fit_answer.py, since the confidence and abstention read the sentence chosen. Each feature is the
IDF-weighted share of the question's terms, as "lex" is, and 0 where there is no such sentence:
  prev_cov / next_cov  terms the previous / next sentence of the item holds and the sentence lacks
  prev_all             terms the previous sentence holds, all of them
  title_cov            terms the item's title holds and the sentence lacks
  lead_cov             terms the item's first sentence holds and the sentence lacks (shipped:
                       qa.answer.features.CONTEXT_FEATURES)
  pos                  log(1 + the sentence's position in its item)
  resid                of the question's terms the item's lead and title do not state (what the question
                       asks beyond naming the event), the share the sentence holds (0 for the lead itself)
  resid_abs            the same terms the sentence holds, as a share of all the question's terms
  resid_title(_abs)    the same with the title's terms only left out
  resid(_abs)_dated    resid / resid_abs in a dated item, 0 elsewhere (SQuAD's paragraphs are undated)
  prox / prox_idf      a span of the asked kind (typed_span's readers, every span) with a question term
                       within PROX_WORDS words in its clause (not across ';' or ':'); prox_idf: the largest
                       IDF-weighted share of the question's terms so near one span (0.5 for an untyped question)
  prox_resid           prox_idf counting only the question's terms the item's title does not state
--base FEATURE ...: features the model without the variants has too (lead_cov: the shipped sentence model), so
the +/- counts are against it.
--analyse sorts each held-out miss of the model without the features into a kind (--show N prints N of the
wrong-sentence ones per set: the question, the sentence chosen, the first gold one and the item's lead). The kinds are:
trimmed, no sentence holds it, the wrong sentence of the right item, the same document's other item,
another document. For the wrong-sentence kinds it also prints where the gold sentence ranked.
docs/quality.md, "The right sentence", has its figures.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import answer_data  # noqa: E402
from benchmarks import fit_models as fm  # noqa: E402
from benchmarks.fit_answer import FIT_SETS, folds_of  # noqa: E402
from benchmarks.qsets import BUNDLED  # noqa: E402
from qa import answer  # noqa: E402
from qa.answer import neighbours  # noqa: E402
from qa.answer.features import CONTEXT_FEATURES, item_leads  # noqa: E402
from qa.evaluate import contains_gold  # noqa: E402
from qa.ingest.titles import date_words  # noqa: E402
from qa.answer.question import question_type  # noqa: E402
from qa.lang import analyze, detect, get  # noqa: E402

VARIANTS = ("prev_cov", "next_cov", "prev_all", "title_cov", "lead_cov", "pos", "resid", "resid_abs", "resid_title",
            "resid_title_abs", "prox", "prox_idf", "prox_resid", "resid_dated",
            "resid_abs_dated")


def context(a, stems: dict) -> None:
    """The screened features of every candidate of a cached question (neighbours from its index)."""
    index = fm._lexical(a.set)
    total = sum(a.idf.values()) or 1.0
    share = lambda terms, own: sum(w for t, w in a.idf.items() if t in terms and t not in own) / total  # noqa: E731

    def row(sid):
        got = index.sentences(sid, 1) if sid >= 0 else []
        return got[0] if got else None

    def terms(r):
        if (a.set, r.id) not in stems:
            stems[(a.set, r.id)] = set(analyze(r.text))
        return stems[(a.set, r.id)]

    leads = item_leads(index, [r for r, _, _ in a.feats])
    q = a.question.question
    qtype, qwords = question_type(q), set(re.findall(r"\w+", q.lower()))
    for r, p, f in a.feats:
        own = terms(r)
        for name, nid in (("prev", r.id - 1), ("next", r.id + 1)):
            nb = row(nid)
            same = nb is not None and (nb.doc, nb.item) == (r.doc, r.item)
            f[f"{name}_cov"] = share(terms(nb), own) if same else 0.0
            if name == "prev":
                f["prev_all"] = share(terms(nb), set()) if same else 0.0
        lead = leads[(r.doc, r.item)]
        f["lead_cov"] = 0.0 if lead.id == r.id else share(terms(lead), own)
        f["title_cov"] = share(set(analyze(p.item.title)), own) if p.item is not None else 0.0
        f["pos"] = float(np.log1p(r.id - lead.id))
        title = set(analyze(f"{p.item.title} {date_words(p.item.date)}")) if p.item is not None else set()
        f["prox"], f["prox_idf"] = proximity(r.text, qtype, qwords, a.idf, total, r.lang)
        # the same, counting only the question's terms the item's title does not state (its predicate)
        f["prox_resid"] = proximity(r.text, qtype, qwords, {t: w for t, w in a.idf.items() if t not in title},
                                    total, r.lang)[1]
        # residual: the question's terms the item's lead (and title) do not state, the part the
        # question asks beyond naming the event; the share of them the sentence holds
        for name, named in (("resid", terms(lead) | title), ("resid_title", title)):
            rest = {t: w for t, w in a.idf.items() if t not in named}
            rest_total = sum(rest.values())
            f[name] = sum(w for t, w in rest.items() if t in own) / rest_total if rest_total else 0.0
            f[name + "_abs"] = sum(w for t, w in rest.items() if t in own) / total
            # only in a dated (news) item, whose lead sets the scene; 0 elsewhere (SQuAD's paragraphs)
            dated = p.item is not None and p.item.date is not None
            f[name + "_dated"] = f[name] if dated else 0.0
            f[name + "_abs_dated"] = f[name + "_abs"] if dated else 0.0


_WORD = re.compile(r"\w+")
PROX_WORDS = 6  # how near (in words) a question term must be to the asked-type span


@functools.lru_cache(maxsize=200_000)
def _stem(word: str, lang: str) -> str:
    got = analyze(word, lang)
    return got[0] if got else ""


def proximity(text: str, qtype: str | None, qwords: set[str], idf: dict[str, float], total: float,
              lang: str | None) -> tuple[float, float]:
    """(prox, prox_idf): whether a span of the asked type (the spans typed_span reads, each) has a question
    term within PROX_WORDS words in the same clause (not across ';' or ':'), and the largest IDF-weighted
    share of the question's terms so near one span. 0.5 / 0.5 when the question asks for no kind."""
    if qtype is None:
        return 0.5, 0.5
    language = get(lang or detect(text))
    pattern = language.span_patterns.get(qtype)
    if pattern is None:
        return 0.0, 0.0
    date = language.span_patterns.get("date") if qtype == "number" else None
    dates = [d.span() for d in date.finditer(text)] if date is not None else []
    toks = [(m.start(), m.end(), _stem(m.group().lower(), language.code)) for m in _WORD.finditer(text)]
    best = 0.0
    for m in pattern.finditer(text):
        g = 1 if m.re.groups else 0
        a0, b0 = m.start(g), m.end(g)
        if any(x <= a0 and b0 <= y and (x, y) != (a0, b0) for x, y in dates):
            continue
        words = set(_WORD.findall(m.group(g).lower())) - language.span_ignore
        if not words or words <= qwords:
            continue
        inside = [i for i, (s0, e0, _) in enumerate(toks) if s0 < b0 and e0 > a0]
        if not inside:
            continue
        lo, hi = inside[0], inside[-1]
        near = set()
        for rng in (range(lo - 1, max(-1, lo - 1 - PROX_WORDS), -1),
                    range(hi + 1, min(len(toks), hi + 1 + PROX_WORDS))):
            for i in rng:
                gap = text[toks[i][1]:toks[lo][0]] if i < lo else text[toks[hi][1]:toks[i][0]]
                if ";" in gap or ":" in gap:
                    break
                near.add(toks[i][2])
        best = max(best, sum(w for t, w in idf.items() if t in near) / total)
    return float(best > 0), best


def held_out(data: list, fold: np.ndarray, names: list[str], k: int) -> dict[int, list]:
    """Each question's candidates ranked by the sentence model fitted without its fold, then the rule."""
    ranked = {}
    for f in range(k):
        train = [a for a, g in zip(data, fold) if g != f]
        parts = [(0.4, [(fm.matrix(a, names), a.y) for a in train if fm.GROUP.get(a.set) == "bundled" and a.ok]),
                 (0.6, [(fm.matrix(a, names), a.y) for a in train if fm.GROUP.get(a.set) != "bundled" and a.ok])]
        w = fm.listwise(parts, len(names))
        for i in np.flatnonzero(fold == f):
            a = data[i]
            s = fm.matrix(a, names) @ w
            r = [answer.Candidate(*a.feats[j], float(s[j])) for j in np.argsort(-s, kind="stable")]
            ranked[i] = neighbours.prefer_typed_neighbour(r, a.question.question)
    return ranked


def kind(a, ranked: list) -> tuple[str, int] | None:
    """None when the best sentence is right, else (kind of miss, rank of the first gold sentence)."""
    best = ranked[0].sentence
    if fm._shown(a, best)[1]:
        return None
    if contains_gold(best.text, a.question.answers):
        return "trimmed", 0
    gold = [i for i, c in enumerate(ranked) if contains_gold(c.sentence.text, a.question.answers)]
    if not gold:
        return "no sentence holds it", -1
    g = ranked[gold[0]].sentence
    if g.doc != best.doc:
        return "another document", gold[0]
    return ("wrong sentence, same item" if g.item == best.item else "same document, other item"), gold[0]


def gate_rows(data: list, fold: np.ndarray, k: int) -> list[tuple[dict, bool]]:
    """Each question's evidence (qa.answer.evidence.evidence, every key it computes) for the best
    candidate of the sentence model fitted without its fold, as fit_answer.py's sentence model is
    (benchmarks/fit_models.fit_all's features and bundled share), and whether that answer is right."""
    names = fm.BASE + list(CONTEXT_FEATURES) + list(fm.TYPE_FEATURES) + ["match", "match_rel"]
    out: list = [None] * len(data)
    for f in range(k):
        train = [a for a, g in zip(data, fold) if g != f]
        parts = [(0.4, [(fm.matrix(a, names), a.y) for a in train if fm.GROUP.get(a.set) == "bundled" and a.ok]),
                 (0.6, [(fm.matrix(a, names), a.y) for a in train if fm.GROUP.get(a.set) != "bundled" and a.ok])]
        model = fm.Model(names, fm.listwise(parts, len(names)))
        for i in np.flatnonzero(fold == f):
            ranked = model.ranked(data[i])
            out[i] = (model.conf_features(data[i], ranked), model.right(data[i], ranked))
    return out


def gate_screen(data: list, fold: np.ndarray, k: int, variants: list[str], gate_weight: dict[str, float]) -> None:
    """The abstention gate (monotone trees, the answer-type rules, fit_answer.py's shipped flags) refitted per
    fold on the held-out evidence of gate_rows, without each candidate feature and with it: gate AUC
    per group of sets, "not found" at a per-group threshold abstaining on 10 % / 15 % of the
    answerable questions, and at the one threshold of fit_answer.py's rule (the highest whose bundled
    answerable abstention stays <= 10 % and squad1-fit hit@1 >= 75.5)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    from qa.answer import evidence

    rows = gate_rows(data, fold, k)
    sets = [a.set for a in data]
    ok = np.array([a.ok for a in data])
    w = fm._group_weights(sets, {**fm.CONF_GROUP_WEIGHT, **gate_weight})
    # "rule:KEY" vetoes (gate 0) where the evidence KEY is 1, as the count rule does, instead of adding a feature
    screened = {n for v in variants for n in v.split("+") if not n.startswith("rule:")}  # "none": without them
    base = [n for n in evidence.CONF_FEATURES if n in rows[0][0] and n not in {"match", "match_top"} | screened]
    groups = {"bundled": BUNDLED, "squad2": ("squad2",)}
    print(f"gate, {k}-fold CV ({', '.join(f'{g} {v}' for g, v in gate_weight.items())})\n")
    print("| features added | AUC bundled / squad2 | not found at 10 % / 15 % | rule threshold: bundled not found / "
          "abstained; squad2 not found / abstained; squad1-fit hit@1 |\n|---|---|---|---|")
    for v in ["none", *variants]:
        parts = [] if v == "none" else v.split("+")
        rules = [n[len("rule:"):] for n in parts if n.startswith("rule:")]
        names = base + [n for n in parts if not n.startswith("rule:")]
        X = np.array([[r[n] for n in names] for r, _ in rows])
        gate = np.zeros(len(data))
        for f in range(k):
            tr, te = fold != f, fold == f
            # fit_models.fit_trees' model, read through sklearn (the same trees, faster than qa.answer.trees)
            clf = HistGradientBoostingClassifier(
                **fm.TREES, monotonic_cst=[evidence.SIGNS.get(n, 0) for n in names], early_stopping=False,
                random_state=0).fit(X[tr], ok[tr], sample_weight=w[tr] / w[tr].mean())
            gate[te] = clf.predict_proba(X[te])[:, 1]
        # the shipped answer-type rules (qa.answer.evidence.abstain_gate with count_veto)
        shipped = np.array([r.get("uncounted", 0.0) >= 1.0 or evidence.SCENE_RULE and r.get("scene", 0.0) >= 1.0
                            for r, _ in rows])
        gate[shipped] = 0.0
        for rule in rules:
            fires = np.array([r.get(rule, 0.0) >= 1.0 for r, _ in rows]) & ~shipped
            gate[fires] = 0.0
            _fired(rule, fires, sets, ok, [r for _, r in rows])
        auc, at = [], []
        for g, (pct, members) in zip(groups, ((10, groups["bundled"]), (15, groups["squad2"]))):
            m = np.isin(sets, members)
            auc.append(roc_auc_score(ok[m], gate[m]))
            t = np.percentile(gate[m & ok], pct)
            at.append(100 * np.mean(gate[m & ~ok] < t))
        sq1 = np.array(sets) == "squad1-fit"
        right = np.array([r for _, r in rows])
        bund = np.isin(sets, groups["bundled"])
        t_rule = 0.05
        for t in np.round(np.arange(0.05, 0.95, 0.01), 2):
            if 100 * np.mean(right[sq1] & (gate[sq1] >= t)) >= 75.5 and 100 * np.mean(gate[bund & ok] < t) <= 10.0:
                t_rule = float(t)
        cell = []
        for members in groups.values():
            m = np.isin(sets, members)
            cell.append(f"{100 * np.mean(gate[m & ~ok] < t_rule):.1f} / {100 * np.mean(gate[m & ok] < t_rule):.1f}")
        print(f"| {v} | {auc[0]:.3f} / {auc[1]:.3f} | {at[0]:.1f} / {at[1]:.1f} | {t_rule}: {'; '.join(cell)}; "
              f"{100 * np.mean(right[sq1] & (gate[sq1] >= t_rule)):.1f} |", flush=True)


def _fired(rule: str, fires: np.ndarray, sets: list[str], ok: np.ndarray, right: list[bool]) -> None:
    """How often a veto rule fires beyond the shipped rules, per set: on unanswerable questions, and on
    answerable ones (of which otherwise answered right)."""
    cells = []
    for s in dict.fromkeys(sets):
        m = (np.array(sets) == s) & fires
        cells.append(f"{s} {int((m & ~ok).sum())} unanswerable, {int((m & ok).sum())} answerable "
                     f"({sum(right[i] for i in np.flatnonzero(m & ok))} right)")
    print(f"  {rule} fires (beyond the shipped rules): " + "; ".join(cells), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", choices=("question", "article"), default="article")
    ap.add_argument("--variants", nargs="*", default=["lead_cov"], help=f"features to add, one run each; "
                    f"join with + for several at once (of {', '.join(VARIANTS)})")
    ap.add_argument("--base", nargs="*", default=[], help="features the model without the variants has too "
                    "(lead_cov: the shipped sentence model)")
    ap.add_argument("--analyse", action="store_true")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="with --analyse: print N wrong-sentence "
                    "misses per set (question, the sentence chosen, the first gold one, the item's lead)")
    ap.add_argument("--gate", action="store_true", help="screen evidence features (qa.answer.evidence) for the "
                    "abstention gate instead of sentence features")
    ap.add_argument("--relevance", default="8b0dce6497845cff")
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--sets", nargs="+", default=list(FIT_SETS))
    args = ap.parse_args()
    data, stems = [], {}
    for s in args.sets:
        part = answer_data.load(s)
        for a, m in zip(part, answer_data.load_relevance(s, args.relevance)):
            a.match = m
        for a in part:
            fm.enrich(a)
            if not args.gate:
                context(a, stems)
        data.extend(part)
    fold = folds_of(data, args.cv, by=args.folds)
    if args.gate:
        gate_screen(data, fold, args.cv, args.variants, {"bundled": 0.25})
        return
    base = [n for n in fm.BASE + args.base + list(fm.TYPE_FEATURES) + ["match", "match_rel"]]
    runs = {"none": held_out(data, fold, base, args.cv)}
    for v in args.variants:
        runs[v] = held_out(data, fold, base + v.split("+"), args.cv)
    right = {v: {i: data[i].ok and fm._shown(data[i], r[0].sentence)[1] for i, r in rk.items()}
             for v, rk in runs.items()}
    groups = {"bundled": BUNDLED, **{s: (s,) for s in args.sets}}
    print(f"sentence hit@1, {args.cv}-fold CV by {args.folds} (questions won / lost against no feature)\n")
    print("| feature added | " + " | ".join(groups) + " |\n|---|" + "---|" * len(groups))
    for v, out in right.items():
        cells = []
        for sets in groups.values():
            ok = [i for i in out if data[i].set in sets and data[i].ok]
            won = sum(out[i] and not right["none"][i] for i in ok)
            lost = sum(right["none"][i] and not out[i] for i in ok)
            cells.append(f"{100 * np.mean([out[i] for i in ok]):.1f} (+{won} -{lost})")
        print(f"| {v} | " + " | ".join(cells) + " |", flush=True)
    if args.analyse:
        print("\nmisses of the model without the features, by kind:")
        for s in args.sets:
            kinds, ranks = Counter(), Counter()
            idx = [i for i in runs["none"] if data[i].set == s and data[i].ok]
            for i in idx:
                k = kind(data[i], runs["none"][i])
                if k is not None:
                    kinds[k[0]] += 1
                    if k[1] > 0:
                        ranks[min(k[1] + 1, 6)] += 1
            print(f"{s}: {len(idx)} answerable, {sum(kinds.values())} missed: "
                  + ", ".join(f"{n} {c}" for n, c in kinds.most_common())
                  + "; gold sentence's rank (6 = 6th or lower): "
                  + ", ".join(f"{r}: {c}" for r, c in sorted(ranks.items())))
            if args.show:
                show(data, runs["none"], idx, args.show)


def show(data: list, ranked: dict, idx: list[int], n: int) -> None:
    """Print n held-out misses whose gold sentence is another of the same document's (the kinds a
    sentence feature can reach): the question, the sentence chosen, the first gold one and the item's lead."""
    shown = 0
    for i in idx:
        k = kind(data[i], ranked[i])
        if k is None or not k[0].startswith(("wrong sentence", "same document")) or shown >= n:
            continue
        a, rk = data[i], ranked[i]
        g = rk[k[1]].sentence
        lead = item_leads(fm._lexical(a.set), [g])[(g.doc, g.item)]
        print(f"\n[{a.set}] Q: {a.question.question}  (gold: {a.question.answers[:2]}; gold rank {k[1] + 1})")
        for tag, r in (("chosen", rk[0].sentence), ("gold", g), ("lead", lead)):
            pos = f"#{r.id - lead.id}" if (r.doc, r.item) == (g.doc, g.item) else "other item"
            print(f"  {tag:6} {pos:>10} {r.text[:300]}")
        shown += 1


if __name__ == "__main__":
    main()
