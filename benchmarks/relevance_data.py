#!/usr/bin/env python
"""The answer step's best candidates per question, for training and scoring the cross-encoder.

    QA_BENCH_OUT=/work/cache/fit python benchmarks/relevance_data.py [--sets dev dev2 xquad squad2 squad1-fit squad1]
        [--top 8] [--out DIR]

The cross-encoder (benchmarks/relevance_model.py) costs ~3 ms of CPU per (question, sentence) pair and
layer, so at question time it reads only the few sentences the fitted sentence model ranks first
(qa.answer.rerank). Training and scoring therefore use the same sentences: per question of the
answer step's feature caches (benchmarks/answer_data.py: every sentence of the passages retrieved
open-corpus), its --top candidates under the shipped sentence model (qa/answer/fitted_minilm.py,
the matcher's cached scores included), with which of them hold a gold answer, and the best-ranked
gold candidate outside them (training wants a positive; None when retrieval missed the answer).
Written per set to DIR/<set>.top<N>.pkl (default: the caches' folder, outside git).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import answer_data  # noqa: E402
from benchmarks.qsets import BUNDLED  # noqa: E402

SETS = (*BUNDLED, "xquad", "squad2", "squad1-fit", "squad1")


@dataclass(frozen=True)
class Top:
    """One question's best candidates under the shipped sentence model."""

    set: str
    question: str
    answerable: bool
    doc: str | None  # the gold paragraph's file (SQuAD-style sets: "<article>_<nnn>.txt")
    index: tuple[int, ...]  # candidate positions in the feature cache, best first
    texts: tuple[str, ...]
    gold: tuple[bool, ...]
    extra: tuple[int, str] | None  # the best-ranked gold candidate outside `index` (position, text)


def path_for(out: Path, name: str, top: int) -> Path:
    return out / f"{name}.top{top}.pkl"


def load(out: Path, name: str, top: int) -> list[Top]:
    with open(path_for(out, name, top), "rb") as f:
        return pickle.load(f)


def shipped_order(a) -> list[int]:
    """Candidate positions of one cached question, best first, under the shipped sentence model."""
    from benchmarks.fit_models import enrich
    from qa.answer.weights import MINILM

    names = list(MINILM.sentence)
    enrich(a)
    s = np.array([[f[n] for n in names] for _, _, f in a.feats]) @ np.array([MINILM.sentence[n] for n in names])
    return [int(i) for i in np.argsort(-s, kind="stable")]


def collect(name: str, top: int) -> list[Top]:
    from qa.answer.weights import MINILM

    part = answer_data.load(name)
    if MINILM.matcher:
        for a, m in zip(part, answer_data.load_relevance(name, MINILM.matcher)):
            a.match = m
    out = []
    for a in part:
        order = shipped_order(a)
        head = order[:top]
        extra = next((i for i in order[top:] if a.y[i]), None) if a.ok and not a.y[head].any() else None
        out.append(Top(
            name, a.question.question, a.ok, a.question.doc, tuple(head),
            tuple(a.feats[i][0].text for i in head), tuple(bool(a.y[i]) for i in head),
            None if extra is None else (extra, a.feats[extra][0].text),
        ))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=list(SETS))
    ap.add_argument("--top", type=int, default=8)
    ap.add_argument("--out", default=str(answer_data.CACHE))
    args = ap.parse_args()
    from benchmarks import relevance_data as mod  # pickles must name benchmarks.relevance_data.Top, not __main__'s

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.sets:
        t0 = time.perf_counter()
        rows = mod.collect(name, args.top)
        with open(path_for(out, name, args.top), "wb") as f:
            pickle.dump(rows, f, protocol=pickle.HIGHEST_PROTOCOL)
        hold = np.mean([any(r.gold) for r in rows if r.answerable]) if any(r.answerable for r in rows) else 0
        print(f"{name}: {len(rows)} questions, gold among the top {args.top}: {100 * hold:.1f} % of the answerable "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
