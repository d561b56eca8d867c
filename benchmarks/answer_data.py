"""Per question, everything the answer model is fitted from, computed once and cached.

    python benchmarks/answer_data.py [--sets dev dev2 squad1-fit squad2 xquad squad1] [--squad1-fit 4000]
    python benchmarks/answer_data.py --relevance [--crossfit 'DIR/matcher-fold{fold}.safetensors' --folds 5]

For each question: the retrieved passages (retrieval runs once), every candidate sentence with
its features (qa.answer.sentence_features) and which of them hold a gold answer. Cached per set in
benchmarks/out/features/<set>.pkl, so refitting and cross-validating the sentence, passage,
confidence and short-answer models (benchmarks/fit_answer.py) takes seconds, not a re-run of
retrieval. Features that are cheap to recompute from the cached sentences (answer types) are
computed at fit time, so they can change without re-collecting.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import qsets  # noqa: E402
from qa.answer.features import sentence_features  # noqa: E402
from qa.evaluate import GoldQuestion, contains_gold  # noqa: E402
from qa.lang import analyze  # noqa: E402
from qa.retrieve import retrieve  # noqa: E402

CACHE = qsets.OUT / "features"
VERSION = 1  # bump when what is cached changes


@dataclass
class Asked:
    """One question asked: its candidates (sentence row, passage, features) and what is gold."""

    set: str
    question: GoldQuestion
    terms: list[str]
    feats: list  # (SentenceRow, Passage, dict) as answer.sentence_features returns them
    passages: list  # retrieved passages, retrieval order
    y: np.ndarray  # per candidate: the sentence holds a gold answer
    pgold: np.ndarray  # per passage: the passage holds a gold answer

    @property
    def ok(self) -> bool:
        return self.question.answerable


def collect(service, name: str, questions: list[GoldQuestion]) -> list[Asked]:
    index = service.index()
    pool, cands = service.settings.answer_pool, service.settings.candidates
    vectors = service.embedder.encode([q.question for q in questions], role="query")
    out = []
    for q, qvec in zip(questions, vectors):
        terms = analyze(q.question)
        passages = retrieve(index, qvec, terms, pool, cands)
        feats = sentence_features(q.question, qvec, terms, passages, index)
        if not feats:
            continue
        y = np.array([q.answerable and contains_gold(r.text, q.answers) for r, _, _ in feats], bool)
        pgold = np.array([q.answerable and contains_gold(p.chunk.text, q.answers) for p in passages], bool)
        out.append(Asked(name, q, terms, feats, passages, y, pgold))
    return out


def path_for(name: str) -> Path:
    return CACHE / f"{name}.v{VERSION}.pkl"


class _Unpickler(pickle.Unpickler):
    """Caches written before the restructure (issue 12) name the row classes by their old modules."""

    MOVED = {
        ("qa.index", "SentenceRow"): ("qa.store", "SentenceRow"),
        ("qa.index", "ChunkRow"): ("qa.contracts", "ChunkRow"),
        ("qa.index", "ItemInfo"): ("qa.contracts", "ItemInfo"),
        ("qa.retrieve", "Passage"): ("qa.contracts", "Passage"),
    }

    def find_class(self, module, name):
        return super().find_class(*self.MOVED.get((module, name), (module, name)))


def load(name: str) -> list[Asked]:
    with open(path_for(name), "rb") as f:
        return _Unpickler(f).load()


def relevance_path(name: str, identity: str) -> Path:
    return CACHE / f"{name}.v{VERSION}.match-{identity}.pkl"


def load_relevance(name: str, identity: str) -> list:
    with open(relevance_path(name, identity), "rb") as f:
        return pickle.load(f)


# the sets whose SQuAD questions the shipped matcher was trained on (benchmarks/train_matcher.py): the bundled
# sets and the reported SQuAD sample never were
MATCHER_TRAINED = ("squad1-fit", "squad2", "xquad")


def crossfit_identity(identity: str, folds: int) -> str:
    """The key of the cross-fitted scores of the matcher `identity` (fit_answer.py --crossfit)."""
    return f"{identity}-cf{folds}"


def add_relevance(name: str, crossfit: str | None = None, folds: int = 2) -> None:
    """The learned relevance score (qa.answer.matcher) of every cached candidate, cached beside it.

    With `crossfit` (a file pattern with {fold}: benchmarks/train_matcher.py --fold K --folds F), a
    question of a set the shipped matcher was trained on is scored by the fold model that never saw its
    article, as any new question is by the shipped one; the others by the shipped one."""
    from benchmarks.train_matcher import FOLD_SEED
    from benchmarks.train_relevance import article_folds, title_of
    from qa.answer.matcher import Matcher, default_matcher

    m = default_matcher()
    out = relevance_path(name, crossfit_identity(m.identity, folds) if crossfit else m.identity)
    if out.exists():
        print(f"{name}: relevance cached", file=sys.stderr)
        return
    fold_of = article_folds(folds, FOLD_SEED) if crossfit and name in MATCHER_TRAINED else {}
    fold_models = {k: Matcher(crossfit.format(fold=k)) for k in set(fold_of.values())}

    def scorer(a: Asked) -> Matcher:
        k = fold_of.get(title_of(a.question.doc) or "")
        return m if k is None else fold_models[k]

    t0 = time.perf_counter()
    scores = [np.asarray(scorer(a).score(a.question.question, [r.text for r, _, _ in a.feats]), np.float32)
              for a in load(name)]
    with open(out, "wb") as f:
        pickle.dump(scores, f, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{name}: relevance of {sum(map(len, scores))} candidates in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=[*qsets.BUNDLED, "xquad", "squad2", "squad1-fit", "squad1"])
    ap.add_argument("--squad1-fit", type=int, default=4000, help="questions of SQuAD v1.1 outside the reported 2,000")
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--relevance", action="store_true", help="add the matcher's score of every cached candidate")
    ap.add_argument("--crossfit", metavar="PATTERN",
                    help="with --relevance: fold matchers' files ({fold} in the name), for the sets the shipped one "
                         "was trained on (benchmarks/train_matcher.py --fold)")
    ap.add_argument("--folds", type=int, default=2, help="with --crossfit: how many fold matchers")
    args = ap.parse_args()
    if args.relevance:
        for name in args.sets:
            add_relevance(name, args.crossfit, args.folds)
        return
    from benchmarks import answer_data as mod  # pickles must name benchmarks.answer_data.Asked, not __main__'s
    from benchmarks.quality import service_for

    CACHE.mkdir(parents=True, exist_ok=True)
    embedder = None
    for name in args.sets:
        if path_for(name).exists() and not args.force:
            print(f"{name}: cached", file=sys.stderr)
            continue
        try:
            qs = qsets.load(name)
        except FileNotFoundError as e:
            print(f"skipped {name}: {e} is missing")
            continue
        questions = qs.questions
        if name == "squad1-fit" and args.squad1_fit < len(questions):
            questions = random.Random(1).sample(questions, args.squad1_fit)
        service = service_for(qs.corpus, embedder)
        embedder = service.embedder
        t0 = time.perf_counter()
        data = mod.collect(service, name, questions)
        with open(path_for(name), "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        print(f"{name}: {len(data)} questions in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
