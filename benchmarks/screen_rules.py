#!/usr/bin/env python
"""Screen choosing rules applied after the sentence model, by 5-fold CV sentence hit@1 per set.

    QA_SENTENCE_VECTORS=pooled QA_BENCH_OUT=/work/cache/fit python benchmarks/screen_rules.py

Fits only the sentence model per fold (the folds and fit of benchmarks/fit_answer.py, with the
matcher's cached scores), then applies each variant of a rule to every question's held-out ranking
and prints sentence hit@1 per set, with how many best sentences the variant changed and how many
of those it made right (+) or wrong (-) against the sentence model alone. A screen, not the verdict:
a rule that passes it is then cross-validated whole (fit_answer.py --pick ...), since the
confidence and abstention models read the sentence a rule chooses.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import answer_data  # noqa: E402
from benchmarks import fit_models as fm  # noqa: E402
from benchmarks.fit_answer import FIT_SETS, folds_of  # noqa: E402
from qa import answer  # noqa: E402
from qa.answer import neighbours  # noqa: E402
from qa.answer.features import swap  # noqa: E402
from qa.answer.needs import needs  # noqa: E402
from qa.answer.persons import loose_person, named_person  # noqa: E402


def _set(**constants):
    """The shipped rule (qa.answer.neighbours.prefer_typed_neighbour) with some constants changed."""
    def rule(ranked, question):
        old = {k: getattr(neighbours, k) for k in constants}
        for k, v in constants.items():
            setattr(neighbours, k, v)
        try:
            return neighbours.prefer_typed_neighbour(ranked, question)
        finally:
            for k, v in old.items():
                setattr(neighbours, k, v)
    return rule


def _person_any(top: int, where: str, loose: bool = False):
    """A who-question's best sentence naming no person gives way to one of the best `top` that
    does, whatever the scores (where: adj = the sentence before or after it in the same item,
    item = the same item, any); loose: only when the best holds no capitalised name at all."""
    def rule(ranked, question):
        if len(ranked) < 2 or needs(question).wants != "person":
            return ranked
        if named_person(ranked[0].sentence.text, question) != 0.0:
            return ranked
        if loose and loose_person(ranked[0].sentence.text, question):
            return ranked
        b = ranked[0].sentence
        for i in range(1, min(top, len(ranked))):
            s = ranked[i].sentence
            same = s.doc == b.doc and s.item == b.item
            if {"adj": same and abs(s.id - b.id) == 1, "item": same, "any": True}[where] and \
                    named_person(s.text, question) == 1.0:
                return swap(ranked, i)
        return ranked
    return rule


OFF = dict(PERSON_MARGIN=0)
VARIANTS = {
    "sentence model alone": lambda r, q: r,
    "rule before (quantity: next sentence among the best 3)": _set(NEIGHBOUR_TOP=3, NEIGHBOUR_NEEDS_TERM=False, **OFF),
    "quantity: next sentence anywhere, adds a question word": _set(**OFF),
    "quantity: next sentence among the best 3, adds a question word": _set(NEIGHBOUR_TOP=3, **OFF),
    "person: near tie (within 0.25) among the best 3": _set(NEIGHBOUR_TOP=0, PERSON_MARGIN=0.25),
    "person: near tie (within 0.5) among the best 3": _set(NEIGHBOUR_TOP=0),
    "person: near tie (within 1.0) among the best 3": _set(NEIGHBOUR_TOP=0, PERSON_MARGIN=1.0),
    "person: the next or previous sentence among the best 3, any score": _person_any(3, "adj"),
    "person: same item among the best 3, any score": _person_any(3, "item"),
    "person: any of the best 2, any score": _person_any(2, "any"),
    "person: any of the best 3, any score": _person_any(3, "any"),
    "person: any of the best 3, best holds no capitalised name": _person_any(3, "any", loose=True),
    "shipped now (quantity + person near tie)": neighbours.prefer_typed_neighbour,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--relevance", default="8b0dce6497845cff", help="the matcher's cached scores (model identity)")
    ap.add_argument("--cv", type=int, default=5)
    args = ap.parse_args()
    data = []
    for s in FIT_SETS:
        part = answer_data.load(s)
        for a, m in zip(part, answer_data.load_relevance(s, args.relevance)):
            a.match = m
        data.extend(part)
    fold = folds_of(data, args.cv)
    for a in data:
        fm.enrich(a)
    names = fm.BASE + list(fm.TYPE_FEATURES) + ["match", "match_rel"]
    ranked = {}
    for k in range(args.cv):
        train = [a for a, f in zip(data, fold) if f != k]
        bundled = [(fm.matrix(a, names), a.y) for a in train if fm.GROUP.get(a.set) == "bundled" and a.ok]
        rest = [(fm.matrix(a, names), a.y) for a in train if fm.GROUP.get(a.set) != "bundled" and a.ok]
        w = fm.listwise([(0.4, bundled), (0.6, rest)], len(names))
        for i in np.flatnonzero(fold == k):
            a = data[i]
            s = fm.matrix(a, names) @ w
            ranked[i] = [answer.Candidate(*a.feats[j], float(s[j])) for j in np.argsort(-s, kind="stable")]
    sets = list(FIT_SETS)
    print("| rule | " + " | ".join(sets) + " |\n|---|" + "---|" * len(sets))
    ref = None
    for name, rule in VARIANTS.items():
        out = {}
        for i, r in ranked.items():
            a = data[i]
            best = rule(list(r), a.question.question)[0]
            out[i] = (a.ok and fm._shown(a, best.sentence)[1], best.sentence.id != r[0].sentence.id)
        ref = ref or out
        cells = []
        for s in sets:
            idx = [i for i in ranked if data[i].set == s]
            ok = [i for i in idx if data[i].ok]
            gain = sum(out[i][0] and not ref[i][0] for i in ok)
            loss = sum(ref[i][0] and not out[i][0] for i in ok)
            cells.append(f"{100 * np.mean([out[i][0] for i in ok]):.1f} "
                         f"({sum(out[i][1] for i in idx)}: +{gain} -{loss})")
        print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
