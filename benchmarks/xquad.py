#!/usr/bin/env python
"""Issue 14's table on XQuAD, for each direction: answer hit@1, recall@1, recall@5, "not found".

    python benchmarks/xquad.py [--xquad ../shared/data/xquad] [--directions ru-ru,en-ru,ru-en,en-en]
                               [--out benchmarks/out] [--no-baseline] [--rows FILE.jsonl]

Definitions (the issue's): each XQuAD paragraph is one .txt file, written exactly as the JSON's
`context` (so the Russian paragraphs that begin with U+FEFF are files with a BOM), indexed with
default settings (`Settings()`, the default model) into one index per paragraph language. A
question of language Q against paragraphs of language D is asked in Q (the same question id's
text) with D's answers as gold. answer hit@1: the answer sentence (at most MAX_ANSWER_CHARS)
contains a gold answer (case- and whitespace-insensitive, qa.evaluate); recall@k: one of the top k
passages does; "not found": the share of these (all answerable) questions that got no answer.

The baseline row (per same-language direction): plain bm25s over the paragraphs with that
language's Snowball stemmer and stop words (bm25s.tokenize), the top paragraph's sentence (pysbd)
with the most question stems as the answer; recall@k as above, over whole paragraphs.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shared_data import SHARED, need  # noqa: E402

XQUAD = SHARED / "data" / "xquad"
DIRECTIONS = ("ru-ru", "en-ru", "ru-en", "en-en")
_SNOWBALL = {"en": "english", "ru": "russian"}


def load(folder: Path, code: str) -> list[dict]:
    """Paragraphs of one language in file order: {name, context, qas: {id: (question, answers)}}."""
    data = json.loads(need(folder / f"xquad.{code}.dev-half.json").read_text(encoding="utf-8"))["data"]
    out = []
    for a, article in enumerate(data):
        for i, para in enumerate(article["paragraphs"]):
            # names by position, not title: the same paragraph has the same name in both languages
            qas = {q["id"]: (q["question"], sorted({x["text"] for x in q["answers"]})) for q in para["qas"]}
            out.append({"name": f"a{a:02d}_p{i:02d}.txt", "context": para["context"], "qas": qas})
    return out


def write_corpus(paragraphs: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for p in paragraphs:
        path = folder / p["name"]
        data = p["context"].encode("utf-8")
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)


def gold(questions_from: list[dict], docs_from: list[dict]):
    from qa.evaluate import GoldQuestion

    out = []
    for qp, dp in zip(questions_from, docs_from):
        assert qp["qas"].keys() == dp["qas"].keys(), "the two files must hold the same question ids"
        for qid, (question, _) in qp["qas"].items():
            out.append(GoldQuestion(question, dp["qas"][qid][1], True, dp["name"], qid))
    return out


class Checked:
    """The service, checking every answer and passage against its file as Python reads it
    (issue 14: verbatim, BOM or not) and counting short answers (shown; containing a gold answer)."""

    def __init__(self, service, corpus: Path):
        self.service, self.corpus = service, corpus
        self.cited = self.verbatim = self.short = self.short_right = 0
        self._texts: dict[str, str] = {}
        self.gold: list[str] = []  # set by the caller before each ask

    def _text(self, doc: str) -> str:
        if doc not in self._texts:
            with open(self.corpus / doc, encoding="utf-8", newline="") as f:
                self._texts[doc] = f.read()
        return self._texts[doc]

    def ask(self, question: str, k: int):
        from qa.evaluate import contains_gold

        result = self.service.ask(question, k)
        a = result.answer
        for x in ([a] if a is not None else []) + [p.chunk for p in result.passages[:k]]:
            self.cited += 1
            self.verbatim += self._text(x.doc)[x.start:x.end] == x.text
        if a is not None and a.span is not None:
            self.short += 1
            self.short_right += contains_gold(a.span_text or "", self.gold) or any(
                contains_gold(g, [a.span_text or ""]) for g in self.gold
            )
        return result


def baseline(paragraphs: list[dict], questions, code: str) -> dict:
    """Plain bm25s with the language's Snowball stemmer: see the module docstring."""
    import bm25s
    import pysbd
    import Stemmer

    from qa.answer import MAX_ANSWER_CHARS
    from qa.evaluate import contains_gold

    stemmer = Stemmer.Stemmer(_SNOWBALL[code])
    stop = code  # bm25s's own list for the language
    texts = [p["context"] for p in paragraphs]
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords=stop, stemmer=stemmer, show_progress=False), show_progress=False)
    segmenter = pysbd.Segmenter(language=code, clean=False)
    hit1 = r1 = r5 = 0
    for q in questions:
        qtok = bm25s.tokenize([q.question], stopwords=stop, stemmer=stemmer, show_progress=False)
        docs, _ = retriever.retrieve(qtok, k=5, show_progress=False)
        top = [int(d) for d in docs[0]]
        r1 += contains_gold(texts[top[0]], q.answers)
        r5 += any(contains_gold(texts[d], q.answers) for d in top)
        qstems = set(stemmer.stemWords(re.findall(r"\w+", q.question.lower())))
        sentences = [s for s in segmenter.segment(texts[top[0]]) if s.strip()]
        best = max(sentences, key=lambda s: len(qstems & set(stemmer.stemWords(re.findall(r"\w+", s.lower())))))
        hit1 += len(best.strip()) <= MAX_ANSWER_CHARS and contains_gold(best, q.answers)
    n = len(questions)
    return {"answer_hit@1": round(100 * hit1 / n, 1), "recall@1": round(100 * r1 / n, 1),
            "recall@5": round(100 * r5 / n, 1)}


class _Golden:
    """Hands Checked the gold answers of the question being asked (evaluate asks in order)."""

    def __init__(self, checked: Checked, questions):
        self._checked, self._gold = checked, {q.question: q.answers for q in questions}

    def ask(self, question: str, k: int):
        self._checked.gold = self._gold.get(question, [])
        return self._checked.ask(question, k)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xquad", default=str(XQUAD))
    ap.add_argument("--out", default=str(ROOT / "benchmarks/out"))
    ap.add_argument("--directions", default=",".join(DIRECTIONS), help="question-document pairs, e.g. ru-ru,en-ru")
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--rows", help="write every question's row (JSON lines) to this file")
    args = ap.parse_args()
    folder = need(Path(args.xquad), "--xquad")
    directions = [d.strip() for d in args.directions.split(",") if d.strip()]
    for d in directions:
        if d not in DIRECTIONS:
            print(f"Error: unknown direction {d!r}: one of {', '.join(DIRECTIONS)}.", file=sys.stderr)
            raise SystemExit(2)

    from qa.app.service import QAService
    from qa.build import console_progress
    from qa.config import Settings
    from qa.evaluate import evaluate

    out = Path(args.out)
    paragraphs = {code: load(folder, code) for code in ("en", "ru")}
    services = {}
    rows_out = open(args.rows, "w", encoding="utf-8") if args.rows else None
    table = []
    extra: list[str] = []
    for d in directions:
        qlang, dlang = d.split("-")
        if dlang not in services:
            corpus = out / f"xquad-corpus-{dlang}"
            write_corpus(paragraphs[dlang], corpus)
            services[dlang] = QAService(Settings().with_(corpus_dir=corpus, index_dir=out / f"xquad-index-{dlang}"))
            t0 = time.perf_counter()
            report = services[dlang].build(progress=console_progress())
            print(f"index {dlang}: {report.summary().splitlines()[0]} ({time.perf_counter() - t0:.1f} s)",
                  file=sys.stderr)
        questions = gold(paragraphs[qlang], paragraphs[dlang])
        checked = Checked(services[dlang], out / f"xquad-corpus-{dlang}")
        result = evaluate(_Golden(checked, questions), questions, k=args.k)
        m = result["metrics"]
        table.append((f"{qlang}->{dlang}", m["answer_hit@1"], m["recall@1"], m["recall@5"], m["abstained_answerable"],
                      m["p50_ms"], len(questions)))
        extra.append(
            f"{qlang}->{dlang}: verbatim {checked.verbatim}/{checked.cited} answers and passages; short answer "
            f"shown for {checked.short} of {len(questions)} questions, {checked.short_right} of them a gold answer"
        )
        if rows_out:
            for r in result["rows"]:
                rows_out.write(json.dumps({"direction": d, **r}, ensure_ascii=False) + "\n")
        if qlang == dlang and not args.no_baseline:
            b = baseline(paragraphs[dlang], questions, dlang)
            table.append((f"{qlang}->{dlang} plain bm25s", b["answer_hit@1"], b["recall@1"], b["recall@5"], None, None,
                          len(questions)))
        print(f"done {d}", file=sys.stderr)
    print(f"{'direction':24s} {'n':>5s} {'hit@1':>6s} {'rec@1':>6s} {'rec@5':>6s} {'not found %':>11s} {'p50 ms':>7s}")
    for name, h, r1, r5, nf, p50, n in table:
        nf_s = "—" if nf is None else f"{nf:.1f}"
        p50_s = "" if p50 is None else f"{p50:.1f}"
        print(f"{name:24s} {n:5d} {h:6.1f} {r1:6.1f} {r5:6.1f} {nf_s:>11s} {p50_s:>7s}")
    for line in extra:
        print(line)


if __name__ == "__main__":
    main()
