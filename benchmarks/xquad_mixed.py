#!/usr/bin/env python
"""XQuAD's English and Russian paragraphs in ONE index (issue 14: a mixed corpus), questions in both.

    python benchmarks/xquad_mixed.py [--xquad ../shared/data/xquad] [--out benchmarks/out] [--rows FILE.jsonl] [--split]

Every development-half paragraph is written twice, `en_aXX_pYY.txt` and `ru_aXX_pYY.txt`, and all
240 files are indexed together with default settings (the corpus has Russian items, so e5). Each
question is asked in English and in Russian. Per question language:
- recall@k (either): one of the top k passages holds a gold answer of its own language
  (the English answers in an English passage, the Russian ones in a Russian passage);
- recall@k (other language): one of the top k passages is from the other language's file of the
  question's paragraph and holds a gold answer;
- answer hit@1: the answer sentence holds a gold answer of either language (qa.evaluate);
- "not found": share of questions (all answerable) with no answer.

--split: each paragraph in ONE language only (English for even-numbered articles, Russian for odd
ones: 120 files), so half the questions of each language have their answer only in the other
language, among the other articles' passages in their own language (the case of a Russian file in
an English corpus). Rows "same"/"cross": questions whose paragraph is in their language / the other.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shared_data import need  # noqa: E402
from benchmarks.xquad import XQUAD, load, write_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xquad", default=str(XQUAD))
    ap.add_argument("--out", default=str(ROOT / "benchmarks/out"))
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--rows", help="write every question's row (JSON lines) to this file")
    ap.add_argument("--split", action="store_true", help="each paragraph in one language only (see above)")
    args = ap.parse_args()
    folder = need(Path(args.xquad), "--xquad")

    from qa.app.service import QAService
    from qa.build import console_progress
    from qa.config import Settings
    from qa.evaluate import contains_gold

    out = Path(args.out)
    paragraphs = {code: load(folder, code) for code in ("en", "ru")}
    tag = "split" if args.split else "mixed"
    corpus = out / f"xquad-corpus-{tag}"

    def kept(code: str, p: dict) -> bool:  # --split: English for even articles, Russian for odd
        return not args.split or (int(p["name"][1:3]) % 2 == 0) == (code == "en")

    for code in ("en", "ru"):
        write_corpus([{**p, "name": f"{code}_{p['name']}"} for p in paragraphs[code] if kept(code, p)], corpus)
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=out / f"xquad-index-{tag}"))
    t0 = time.perf_counter()
    report = service.build(progress=console_progress())
    print(f"index {tag}: {report.summary().splitlines()[0]} ({time.perf_counter() - t0:.1f} s)", file=sys.stderr)
    rows_out = open(args.rows, "w", encoding="utf-8") if args.rows else None
    k = args.k
    print(f"{'questions':10s} {'n':>5s} {'hit@1':>6s} {'r@1 any':>8s} {'r@5 any':>8s} {'r@1 other':>9s} "
          f"{'r@5 other':>9s} {'not found %':>11s} {'p50 ms':>7s}")
    groups = [(q, g) for q in ("en", "ru") for g in (("same", "cross") if args.split else ("all",))]
    for qlang, group in groups:
        other = "ru" if qlang == "en" else "en"
        n = hit = nf = 0
        r_any = [0] * k
        r_other = [0] * k
        times = []
        for pi, para in enumerate(paragraphs[qlang]):
            if group != "all" and kept(qlang, para) != (group == "same"):
                continue
            for qid, (question, _) in para["qas"].items():
                answers = {code: paragraphs[code][pi]["qas"][qid][1] for code in ("en", "ru")}
                t = time.perf_counter()
                result = service.ask(question, k)
                times.append(time.perf_counter() - t)
                n += 1
                a = result.answer
                if a is None:
                    nf += 1
                else:
                    hit += contains_gold(a.text, answers["en"] + answers["ru"])
                first_any = first_other = None
                for r, p in enumerate(result.passages[:k]):
                    lang = p.chunk.doc[:2]
                    holds = contains_gold(p.chunk.text, answers[lang])
                    if holds and first_any is None:
                        first_any = r
                    if holds and first_other is None and p.chunk.doc == f"{other}_{para['name']}":
                        first_other = r
                for r in range(k):
                    r_any[r] += first_any is not None and first_any <= r
                    r_other[r] += first_other is not None and first_other <= r
                if rows_out:
                    rows_out.write(json.dumps({"q": qlang, "id": qid, "question": question,
                                               "answer": a.text if a else None,
                                               "docs": [p.chunk.doc for p in result.passages[:k]],
                                               "first_any": first_any, "first_other": first_other},
                                              ensure_ascii=False) + "\n")
        times.sort()
        pct = lambda x: 100 * x / n  # noqa: E731
        print(f"{qlang + ' (' + group + ')':10s} {n:5d} {pct(hit):6.1f} {pct(r_any[0]):8.1f} {pct(r_any[k - 1]):8.1f} "
              f"{pct(r_other[0]):9.1f} {pct(r_other[k - 1]):9.1f} {pct(nf):11.1f} {1000 * times[len(times) // 2]:7.1f}")


if __name__ == "__main__":
    main()
