#!/usr/bin/env python
"""Should a date named in a question be a hard filter or a ranking signal? Measured here.

    python benchmarks/question_dates.py [--questions FILE ...] [--boost 0.1 0.2]

For every question with a date reading (qa.filters.question) from the dev sets and from
benchmarks/data/date_questions.jsonl (our own, written so that the date is what tells items
apart), the same retrieval + answer pipeline runs in several modes:

* none: the date is ignored (today's behaviour);
* filter: only passages of items dated in the reading (the mask, before the top k);
* filter+fallback: the filter, and the unfiltered answer when the filtered search finds none;
* boost W: every passage of an item dated in the reading gets +W on its fused score.

The bundled corpus has 69 passages, so retrieval asks for all of them and the masked variant is
exactly "the top k among the allowed rows". Prints answer hit@1, passage recall@1/@5 and
abstention on unanswerable questions per set and mode.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.answer import pick_answer  # noqa: E402
from qa.answer.shown import within_cap  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.evaluate import contains_gold, load_jsonl  # noqa: E402
from qa.app.service import QAService  # noqa: E402
from qa.filters import DateRange  # noqa: E402
from qa.filters.question import parse_question_dates  # noqa: E402
from qa.lang import analyze  # noqa: E402
from qa.retrieve import retrieve  # noqa: E402

from benchmarks.shared_data import DEV, DEV2, WHERE  # noqa: E402

SETS = {
    "dev": DEV,
    "dev2": DEV2,
    "own": ROOT / "benchmarks/data/date_questions.jsonl",
}


def run(service, question: str, mode: str, dates: DateRange | None, boost: float = 0.0):
    settings = service.settings
    index = service.index()
    qvec = service.embedder.encode([question], role="query")[0]
    terms = analyze(question)
    everything = retrieve(index, qvec, terms, index.size, index.size)

    def inside(p) -> bool:
        return dates is not None and p.item is not None and dates.keeps(p.item.date)

    if mode == "none" or dates is None:
        ranked = everything
    elif mode.startswith("filter"):
        ranked = [p for p in everything if inside(p)]
    else:  # boost
        ranked = sorted(everything, key=lambda p: -(p.score + (boost if inside(p) else 0.0)))
    pool = [dataclasses.replace(p, rank=i + 1, score=p.score + (boost if mode == "boost" and inside(p) else 0.0))
            for i, p in enumerate(ranked[: max(settings.top_k, settings.answer_pool)])]
    picked = pick_answer(question, qvec, terms, pool, index, service.embedder.identity) if pool else None
    answer, passages = (picked.answer, picked.passages) if picked else (None, [])
    if mode == "filter+fallback" and answer is None:
        return run(service, question, "none", None)
    return answer, passages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default=str(ROOT / "benchmarks/out/dev-index"))
    ap.add_argument("--corpus", default=str(ROOT / "samples" / "corpus"))
    ap.add_argument("--boost", type=float, nargs="*", default=[0.05, 0.1, 0.2])
    ap.add_argument("--show", action="store_true", help="print each question's reading and outcome")
    args = ap.parse_args()
    service = QAService(Settings().with_(corpus_dir=Path(args.corpus), index_dir=Path(args.index)))
    service.build()
    index = service.index()
    newest = index.row_facts().newest()
    modes = [("none", 0.0), ("filter", 0.0), ("filter+fallback", 0.0)] + [("boost", b) for b in args.boost]
    report = {}
    for name, path in SETS.items():
        if not path.exists():
            print(f"skipped {name}: {path} not found ({WHERE})")
            continue
        qs = [q for q in load_jsonl(path)]
        dated = [(q, parse_question_dates(q.question, newest=newest)) for q in qs]
        dated = [(q, r) for q, r in dated if r is not None]
        for mode, w in modes:
            label = mode if mode != "boost" else f"boost {w}"
            hits = r1 = r5 = abst = 0
            for q, reading in dated:
                answer, passages = run(service, q.question, mode, reading.range, w)
                if q.answerable:
                    hits += (answer is not None and within_cap(answer.text, answer.sentence_text)
                             and contains_gold(answer.text, q.answers))
                    r1 += bool(passages) and contains_gold(passages[0].chunk.text, q.answers)
                    r5 += any(contains_gold(p.chunk.text, q.answers) for p in passages[:5])
                else:
                    abst += answer is None
                if args.show and mode in ("none", "filter"):
                    ok = ((answer is not None and contains_gold(answer.text, q.answers)) if q.answerable
                          else answer is None)
                    print(f"{name:4} {label:15} {'ok ' if ok else 'BAD'} [{reading.reading()}] {q.question}")
            na = sum(q.answerable for q, _ in dated)
            nu = len(dated) - na
            report.setdefault(name, {})[label] = {
                "questions": len(dated), "answerable": na,
                "hit@1": round(100 * hits / na, 1) if na else None,
                "recall@1": round(100 * r1 / na, 1) if na else None,
                "recall@5": round(100 * r5 / na, 1) if na else None,
                "abstained_unanswerable": f"{abst}/{nu}",
            }
    for name, rows in report.items():
        print(f"\n{name}: {next(iter(rows.values()))['questions']} questions with a date reading")
        for label, m in rows.items():
            print(f"  {label:16} hit@1 {m['hit@1']}  recall@1 {m['recall@1']}  recall@5 {m['recall@5']}  "
                  f"abstained on unanswerable {m['abstained_unanswerable']}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
