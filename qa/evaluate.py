"""Answer and retrieval accuracy on questions with known verbatim answers."""

from __future__ import annotations

import json
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from qa.answer.shown import within_cap
from qa.config import DEFAULT_K


@dataclass(frozen=True)
class GoldQuestion:
    question: str
    answers: list[str]
    answerable: bool = True
    doc: str | None = None
    kind: str | None = None


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


def contains_gold(text: str, answers: list[str]) -> bool:
    t = norm(text)
    return any(norm(a) in t for a in answers if a.strip())


def load_jsonl(path: Path) -> list[GoldQuestion]:
    """Questions from JSON lines (question, answers, answerable, doc, kind); ValueError names a bad line."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"line {n}: {e.msg}") from None
            if not isinstance(d, dict) or not isinstance(d.get("question"), str):
                raise ValueError(f'line {n}: not an object with a "question"')
            out.append(
                GoldQuestion(
                    d["question"], d.get("answers", []), d.get("answerable", True), d.get("doc"), d.get("kind")
                )
            )
    return out


def evaluate(service, questions: list[GoldQuestion], k: int = DEFAULT_K) -> dict:
    """Runs every question through service.ask and returns the metrics (percentages) and details."""
    rows = []
    for q in questions:
        t0 = time.perf_counter()
        r = service.ask(q.question, k)
        ms = (time.perf_counter() - t0) * 1000
        a = r.answer
        passages = r.passages[:k]
        rows.append(
            {
                "question": q.question,
                "kind": q.kind,
                "answerable": q.answerable,
                "answer": None if a is None else a.text,
                "answer_doc": None if a is None else a.doc,
                "hit1": a is not None and within_cap(a.text, a.sentence_text) and contains_gold(a.text, q.answers),
                "r1": bool(passages) and contains_gold(passages[0].chunk.text, q.answers),
                "r5": any(contains_gold(p.chunk.text, q.answers) for p in passages[:5]),
                "doc_ok": a is not None and q.doc is not None and a.doc == q.doc,
                "ms": ms,
            }
        )
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]

    def pct(xs, key) -> float | None:
        return round(100 * sum(bool(x[key]) for x in xs) / len(xs), 1) if xs else None

    ms = sorted(r["ms"] for r in rows)
    metrics = {
        "questions": len(rows),
        "answerable": len(ans),
        "unanswerable": len(una),
        "answer_hit@1": pct(ans, "hit1"),
        "recall@1": pct(ans, "r1"),
        "recall@5": pct(ans, "r5"),
        "cited_right_doc": pct(ans, "doc_ok") if any(q.doc for q in questions) else None,
        "abstained_unanswerable": round(100 * sum(r["answer"] is None for r in una) / len(una), 1) if una else None,
        "abstained_answerable": round(100 * sum(r["answer"] is None for r in ans) / len(ans), 1) if ans else None,
        "p50_ms": round(statistics.median(ms), 1) if ms else None,
        "p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1) if ms else None,
    }
    return {"metrics": metrics, "rows": rows}
