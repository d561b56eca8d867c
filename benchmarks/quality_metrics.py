"""Every figure of issue 13's bars from per-question outcome rows, one function for the end-to-end
benchmark (benchmarks/quality.py) and the cross-validation of the answer model (benchmarks/fit_answer.py).

A row is a dict with: answerable (bool), answered (bool), hit1 (the answer holds a gold answer,
within qa.answer.shown.within_cap: its answer sentence within 400 characters, the whole within 800), doc_ok (cites the
gold document), r1 / r5 (a gold answer in the first / first five passages), confidence (0..1, None when not answered),
span (the short answer shown or None) and span_ok (that short answer is right), ms (optional).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

BUCKETS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def _tokens(s: str) -> list[str]:
    s = re.sub(r"\b(a|an|the)\b", " ", s.lower())
    return re.findall(r"\w+", s)


def span_right(span: str, answers: list[str]) -> bool:
    """A short answer is right when its words match a gold answer's (SQuAD token F1 >= 0.5):
    "740 kg" for "740 kg of drugs" is right, "2020" for "a growth of 82.1 %" is not."""
    got = _tokens(span)
    for a in answers:
        gold = _tokens(a)
        common = sum((Counter(got) & Counter(gold)).values())
        if common and 2 * common / (len(got) + len(gold)) >= 0.5:
            return True
    return False


def _pct(n: int, d: int) -> float | None:
    return round(100.0 * n / d, 1) if d else None


def figures(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]
    answered = [r for r in rows if r["answered"]]
    spans = [r for r in answered if r.get("span")]
    out = {
        "questions": len(rows),
        "answerable": len(ans),
        "unanswerable": len(una),
        "answer_hit@1": _pct(sum(r["hit1"] for r in ans), len(ans)),
        # the answer sentence alone, without the sentence before it that an answer referring back to it
        # is shown with (qa.answer.shown); None for rows that do not say
        "alone_hit@1": (_pct(sum(bool(r["alone_hit1"]) for r in ans), len(ans))
                        if ans and "alone_hit1" in ans[0] else None),
        # the best sentence, whether shown or withheld (the answer model's choice before abstention)
        "sentence_hit@1": (_pct(sum(bool(r.get("top_right")) for r in ans), len(ans))
                           if ans and "top_right" in ans[0] else None),
        "cited_right_doc": _pct(sum(bool(r.get("doc_ok")) for r in ans), len(ans)),
        "recall@1": _pct(sum(bool(r.get("r1")) for r in ans), len(ans)),
        "recall@5": _pct(sum(bool(r.get("r5")) for r in ans), len(ans)),
        "unanswerable_not_found": _pct(sum(not r["answered"] for r in una), len(una)),
        "answerable_abstained": _pct(sum(not r["answered"] for r in ans), len(ans)),
        "short_answer_shown": _pct(len(spans), len(answered)),
        "short_answer_right": _pct(sum(bool(r.get("span_ok")) for r in spans), len(spans)),
        # the same over answers to answerable questions only (a set with unanswerable ones: SQuAD 2.0)
        "short_answer_right_answerable": _pct(sum(bool(r.get("span_ok")) for r in spans if r["answerable"]),
                                              sum(1 for r in spans if r["answerable"])) if una else None,
        "right_at_conf>=0.8": None,
        "answers_at_conf>=0.8": None,
    }
    high = [r for r in answered if r["confidence"] >= 0.8]
    out["answers_at_conf>=0.8"] = _pct(len(high), len(answered))
    out["right_at_conf>=0.8"] = _pct(sum(r["hit1"] for r in high), len(high))
    ms = sorted(r["ms"] for r in rows if r.get("ms") is not None)
    if ms:
        out["p50_ms"] = round(statistics.median(ms), 1)
        out["p95_ms"] = round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1)
    return out


def calibration(rows: list[dict]) -> list[tuple[str, int, float | None]]:
    """(confidence bucket, answers in it, share of them right); an answer to an unanswerable
    question is a wrong one."""
    out = []
    answered = [r for r in rows if r["answered"]]
    for lo, hi in zip(BUCKETS, BUCKETS[1:]):
        inside = [r for r in answered if lo <= r["confidence"] < hi]
        label = f"{lo:.1f}-{min(hi, 1.0):.1f}"
        out.append((label, len(inside), _pct(sum(r["hit1"] for r in inside), len(inside))))
    return out


def by_kind(rows: list[dict]) -> dict[str, tuple[int, int, int, int]]:
    """Per question kind (the question file's `kind`; "—" when it has none): answerable questions
    right, answerable asked, unanswerable questions given "not found", unanswerable asked."""
    out: dict[str, list[int]] = {}
    for r in rows:
        c = out.setdefault(r.get("kind") or "—", [0, 0, 0, 0])
        if r["answerable"]:
            c[0] += bool(r["hit1"])
            c[1] += 1
        else:
            c[2] += not r["answered"]
            c[3] += 1
    return {k: tuple(v) for k, v in sorted(out.items())}


def kind_table(kinds: dict[str, tuple[int, int, int, int]]) -> str:
    """A markdown table of by_kind: one line per kind."""
    lines = ["| kind | answerable: right / asked | unanswerable: \"not found\" / asked |", "|---|---|---|"]
    for kind, (right, asked, refused, unanswerable) in kinds.items():
        a = f"{right} / {asked} ({_pct(right, asked)} %)" if asked else "—"
        u = f"{refused} / {unanswerable} ({_pct(refused, unanswerable)} %)" if unanswerable else "—"
        lines.append(f"| {kind} | {a} | {u} |")
    return "\n".join(lines)


BAR_KEYS = (
    "answer_hit@1", "alone_hit@1", "sentence_hit@1", "cited_right_doc", "recall@1", "recall@5",
    "unanswerable_not_found", "answerable_abstained",
    "short_answer_shown", "short_answer_right", "answers_at_conf>=0.8", "right_at_conf>=0.8", "p50_ms",
)


def gate_separation(gate: list[float], answerable: list[bool], abstain_pct: float) -> tuple[float, float]:
    """How well the abstention gate tells answerable questions from unanswerable ones: its ROC AUC,
    and the share (%) of unanswerable questions below the threshold at which `abstain_pct` % of the
    answerable ones are abstained on (the issue's operating points: 10 % bundled, 15 % SQuAD 2.0)."""
    import numpy as np
    from sklearn.metrics import roc_auc_score

    g, ok = np.asarray(gate, float), np.asarray(answerable, bool)
    t = np.percentile(g[ok], abstain_pct)
    return float(roc_auc_score(ok, g)), float(100 * np.mean(g[~ok] < t))


def table(results: dict[str, dict]) -> str:
    """A markdown table: one column per set, one line per figure."""
    names = list(results)
    lines = ["| figure | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for key in ("questions", "answerable", "unanswerable") + BAR_KEYS:
        cells = []
        for n in names:
            v = results[n].get(key)
            cells.append("—" if v is None else str(v))
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def calibration_table(cal: dict[str, list]) -> str:
    names = list(cal)
    lines = ["| confidence | " + " | ".join(f"{n}: answers, right %" for n in names) + " |",
             "|---" * (len(names) + 1) + "|"]
    for i, (label, _, _) in enumerate(next(iter(cal.values()), [])):
        cells = []
        for n in names:
            _, count, share = cal[n][i]
            cells.append(f"{count}, {'—' if share is None else share}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
