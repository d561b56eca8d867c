#!/usr/bin/env python
"""Every figure of issue 13's bars, per question set, with default settings, end to end.

    python benchmarks/quality.py [--sets dev dev2 squad1 squad2 xquad] [--limit N] [--json FILE]
    python benchmarks/quality.py --questions MY.jsonl [--corpus DIR] [--by-kind]   # a set of your own

Sets (benchmarks/qsets.py): dev and dev2 over the bundled corpus; squad1 = the SQuAD v1.1
sample of `benchmarks/squad.py --sample 2000 --seed 0`; squad2 = the SQuAD 2.0 dev half asked
open-corpus (all 614 paragraphs indexed, every question against all of them); xquad = XQuAD-en
dev half, open-corpus. Indexes are built once into benchmarks/out/ and re-used (run the first
time under `nice`: SQuAD takes minutes on 2 cores). Per-question rows go to
benchmarks/out/quality/<set>.jsonl (--out DIR: elsewhere). Prints per set: answer hit@1, cited right document,
recall@1/@5, unanswerable -> "not found", answerable wrongly abstained, share of answers with a
short answer and its precision, share right at confidence >= 0.8, latency, and a calibration
table (confidence bucket -> share right).

--questions asks question files of your own (JSON lines in the format of ../shared/eval/dev_seeds.jsonl:
question, answers, answerable, doc, kind) against the bundled corpus or --corpus DIR, with the same
figures: how a set written outside the project (a blind set) is measured. --by-kind adds, per the
files' `kind` field, the answerable questions right and the unanswerable ones given "not found".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import qsets  # noqa: E402
from benchmarks.quality_metrics import (  # noqa: E402
    by_kind, calibration, calibration_table, figures, kind_table, span_right, table,
)
from qa.answer.shown import within_cap  # noqa: E402
from qa.app.service import QAService  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.evaluate import contains_gold, load_jsonl  # noqa: E402


def service_for(key: str, embedder=None) -> QAService:
    """The service over a set's corpus, its index built or updated (cached under benchmarks/out)."""
    return _service(key, qsets.corpus_dir(key), qsets.index_dir(key), embedder)


def _service(label: str, corpus: Path, index: Path, embedder=None) -> QAService:
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=index), embedder=embedder)
    t0 = time.perf_counter()
    report = service.build()
    print(f"[{label}] index: {report.summary().splitlines()[0]} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return service


def own_index(corpus: Path) -> Path:
    """Where a corpus of the user's own is indexed: one folder per corpus path, beside the sets' indexes."""
    return qsets.OUT / f"own-{hashlib.sha1(str(corpus.resolve()).encode()).hexdigest()[:10]}-index"


def own_questions(path: Path) -> list:
    """A question file of the user's own, or one Error: line saying what is wrong with it."""
    if not path.is_file():
        raise SystemExit(f"Error: question file {path} not found.")
    try:
        questions = load_jsonl(path)
    except (ValueError, UnicodeDecodeError) as e:
        raise SystemExit(f"Error: {path}, {e}: each line is a JSON object with a \"question\" (and \"answers\", "
                         "\"answerable\"), as in ../shared/eval/dev_seeds.jsonl.") from None
    if not questions:
        raise SystemExit(f"Error: {path} holds no questions.")
    return questions


def ask_all(service: QAService, questions, k: int = 5) -> list[dict]:
    rows = []
    for q in questions:
        t0 = time.perf_counter()
        r = service.ask(q.question, k)
        ms = (time.perf_counter() - t0) * 1000
        a, passages = r.answer, r.passages[:k]
        span = a.span_text if a is not None else None
        rows.append({
            "question": q.question,
            "kind": q.kind,
            "answerable": q.answerable,
            "gold": q.answers,
            "doc": q.doc,
            "answered": a is not None,
            "answer": None if a is None else a.text,
            "answer_doc": None if a is None else a.doc,
            "confidence": None if a is None else a.score,
            "hit1": a is not None and q.answerable and within_cap(a.text, a.sentence_text)
            and contains_gold(a.text, q.answers),
            # the answer sentence alone, without the sentence before it that a back-reference brings
            "alone_hit1": a is not None and q.answerable and contains_gold(a.sentence_text, q.answers),
            "with_before": a is not None and a.sentence_start is not None,
            "doc_ok": a is not None and q.doc is not None and a.doc == q.doc,
            "r1": bool(passages) and contains_gold(passages[0].chunk.text, q.answers),
            "r5": any(contains_gold(p.chunk.text, q.answers) for p in passages),
            "span": span,
            "span_ok": bool(span) and q.answerable and span_right(span, q.answers),
            # another document's different value, shown under the answer (qa.answer.disagreement)
            "disagreement": None if a is None or a.disagreement is None else {
                "value": a.disagreement.value, "text": a.disagreement.text, "doc": a.disagreement.doc,
                "date": a.disagreement.date, "answer_date": a.date, "newer": a.disagreement.newer,
                "gold_in_note": contains_gold(a.disagreement.text, q.answers)},
            "ms": ms,
        })
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", choices=list(qsets.SOURCES),
                    help=f"the project's sets (default: {' '.join(qsets.REPORTED)}; none with --questions)")
    ap.add_argument("--questions", nargs="+", type=Path, default=[], metavar="FILE",
                    help="question files of your own (JSON lines as ../shared/eval/dev_seeds.jsonl), one set each")
    ap.add_argument("--corpus", type=Path,
                    help="with --questions: the documents they ask about (default: the bundled ones)")
    ap.add_argument("--by-kind", action="store_true", help="also print each set's figures per question kind")
    ap.add_argument("--limit", type=int, default=0, help="ask only the first N questions of each set (quick looks)")
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--json", help="also write the figures and calibration tables to this file")
    ap.add_argument("--out", type=Path, default=qsets.OUT / "quality",
                    help="where the per-question rows go (<set>.jsonl; default: quality/ beside the indexes)")
    args = ap.parse_args()
    if args.corpus and not args.questions:
        ap.error("--corpus is for --questions: the project's sets each have their own corpus")
    if args.corpus and not args.corpus.is_dir():
        raise SystemExit(f"Error: --corpus {args.corpus} is not a folder of documents.")
    names = args.sets if args.sets is not None else ([] if args.questions else list(qsets.REPORTED))

    sets = []  # (name, corpus key, questions)
    for name in names:
        try:
            qs = qsets.load(name)
        except FileNotFoundError as e:
            print(f"skipped {name}: {e} is missing (the shared data folder sits beside the repository)")
            continue
        sets.append((name, qs.corpus, qs.questions))
    # without --corpus: the bundled documents, indexed where dev and dev2 are (or, when ../shared is not
    # there, their copy in samples/corpus)
    own = "bundled" if not args.corpus and qsets.corpus_dir("bundled").is_dir() else "own"
    corpus = args.corpus or ROOT / "samples" / "corpus"
    for path in args.questions:
        sets.append((path.stem, own, own_questions(path)))

    results, cals, kinds, services = {}, {}, {}, {}
    embedder = None
    out = args.out
    for name, key, questions in sets:
        if key not in services:
            if key == "own":
                services[key] = _service(str(corpus), corpus, own_index(corpus), embedder)
            else:
                services[key] = service_for(key, embedder)
            embedder = services[key].embedder
        questions = questions[: args.limit] if args.limit else questions
        rows = ask_all(services[key], questions, args.k)
        out.mkdir(parents=True, exist_ok=True)
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        results[name], cals[name], kinds[name] = figures(rows), calibration(rows), by_kind(rows)
        print(f"{name}: {json.dumps(results[name])}", flush=True)
    if not results:
        return
    print()
    print(table(results))
    print()
    print(calibration_table(cals))
    if args.by_kind:
        for name, per_kind in kinds.items():
            print(f"\n{name}, per question kind:\n")
            print(kind_table(per_kind))
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": results, "calibration": cals, "kinds": kinds}, indent=1))


if __name__ == "__main__":
    main()
