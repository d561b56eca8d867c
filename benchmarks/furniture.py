#!/usr/bin/env python
"""What ingest removes from a corpus, by rule, and the titles it gives: for checking the
furniture rules (issue 13) and the human titles (issue 17) on real crawls.

    python benchmarks/furniture.py [--corpus corpus/] [--show] [--speed MB]

Prints, per rule, how many lines were kept out of every item's text (page chrome by kind,
photo credits, captions, bylines and caption names, dateline lines, dateline prefixes cut off a
lead, headlines used as titles), then each document's title and site and each item's date and
title. --show also prints every removed line. --speed MB also times the pure parse (furniture,
items, titles: ``parse_text``) of the corpus's texts repeated to about MB megabytes, in CPU
seconds per megabyte (median of 3), so rule changes can be compared on one machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.ingest import load_corpus, parse_text  # noqa: E402
from qa.ingest.paragraphs import classify, lines  # noqa: E402


def removed_lines(text: str, markdown: bool, items) -> list[tuple[str, str]]:
    """(kind, line) for every line of ``text`` that no item block holds, and every dateline
    prefix cut off a block."""
    covered = [(b.start, b.end) for it in items for b in it.blocks]
    out = []
    for p in classify(text, lines(text), markdown):
        line = text[p.start : p.end]
        inside = [(s, e) for s, e in covered if s < p.end and p.start < e]
        if not inside:
            kind = f"furniture: {p.why or 'other'}" if p.kind == "furniture" else p.kind
            out.append((kind, line))
        elif p.body is not None and any(s == p.body for s, _ in inside):
            out.append(("dateline prefix", text[p.start : p.body]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / "samples" / "corpus"))
    ap.add_argument("--show", action="store_true", help="print every removed line")
    ap.add_argument("--speed", type=float, metavar="MB", help="also time parse_text on ~MB megabytes")
    args = ap.parse_args()
    docs, skipped = load_corpus(Path(args.corpus))
    counts: Counter[str] = Counter()
    for doc in docs:
        for kind, line in removed_lines(doc.text, doc.path.endswith((".md", ".markdown")), doc.items):
            counts[kind] += 1
            if args.show:
                print(f"{doc.path}: [{kind}] {line[:100]}")
    print(f"lines kept out of items, {len(docs)} documents ({len(skipped)} skipped):")
    for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:5d}  {kind}")
    print("\ntitles:")
    for doc in docs:
        print(f"  {doc.path}: {doc.title!r} (site: {doc.site})")
        for it in doc.items:
            print(f"    [{it.index}] {it.date or '-':10} {it.title}")
    if args.speed:
        parse_speed(docs, args.speed)


def parse_speed(docs, megabytes: float) -> None:
    texts = [(d.text, d.path.endswith((".md", ".markdown"))) for d in docs]
    size = sum(len(t.encode("utf-8")) for t, _ in texts)
    repeat = max(1, round(megabytes * 1e6 / size))
    for t, md in texts:
        parse_text(t, markdown=md)  # patterns compiled outside the timing
    runs = []
    for _ in range(3):
        started = time.process_time()
        for _ in range(repeat):
            for t, md in texts:
                parse_text(t, markdown=md)
        runs.append(time.process_time() - started)
    mb = repeat * size / 1e6
    print(f"\nparse_text: {statistics.median(runs) / mb:.3f} CPU s per MB ({mb:.1f} MB, median of 3)")


if __name__ == "__main__":
    main()
