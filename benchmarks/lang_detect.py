#!/usr/bin/env python
"""Accuracy of qa.lang.detect on XQuAD's English and Russian paragraphs, questions and answers.

    python benchmarks/lang_detect.py [--xquad ../shared/data/xquad]

Every text of the English file should be "en" and every text of the Russian file "ru". Answers
are the short texts (one to a few words: names, numbers, dates); those made of digits and
punctuation only, or of Latin words inside the Russian file (the same name in both), carry no
language evidence and are counted apart.
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

from qa.lang import detect  # noqa: E402

from benchmarks.shared_data import SHARED, need  # noqa: E402

XQUAD = SHARED / "data" / "xquad"


def texts(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"paragraphs": [], "questions": [], "answers": []}
    for article in json.loads(path.read_text(encoding="utf-8"))["data"]:
        for para in article["paragraphs"]:
            out["paragraphs"].append(para["context"])
            for qa in para["qas"]:
                out["questions"].append(qa["question"])
                out["answers"].extend(sorted({a["text"] for a in qa["answers"]}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xquad", default=str(XQUAD))
    args = ap.parse_args()
    folder = need(Path(args.xquad), "--xquad")
    print("set        kind         n   accuracy %  wrong (first 3)")
    for code in ("en", "ru"):
        path = need(folder / f"xquad.{code}.dev-half.json")
        for kind, items in texts(path).items():
            if kind == "answers":
                # only answers with letters of the file's own script carry evidence
                own = r"[А-Яа-яЁё]" if code == "ru" else r"[A-Za-z]"
                items = [t for t in items if re.search(own, t)]
            t0 = time.perf_counter()
            got = [detect(t) for t in items]
            us = (time.perf_counter() - t0) / max(1, len(items)) * 1e6
            wrong = [t for t, g in zip(items, got) if g != code]
            acc = 100 * (1 - len(wrong) / len(items))
            print(f"{code:3s}  {kind:12s} {len(items):5d}   {acc:6.2f}     {[w[:40] for w in wrong[:3]]}  "
                  f"({us:.0f} µs each)")


if __name__ == "__main__":
    main()
