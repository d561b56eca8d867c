#!/usr/bin/env python
"""How many sentences of XQuAD's paragraphs overflow the model window, and where the cuts fall.

    python benchmarks/window_cuts.py [--lang ru] [--xquad ../shared/data/xquad]

With the default model's `fits`, counts the paragraphs' sentences, those longer than the window,
the continuation pieces they are cut into, how many of those start after a clause end (a comma,
semicolon, colon, closing quote or before a dash) and how many start in lower case.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shared_data import SHARED, need  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xquad", default=str(SHARED / "data" / "xquad"))
    ap.add_argument("--lang", default="ru", choices=["en", "ru"])
    args = ap.parse_args()
    path = need(Path(args.xquad) / f"xquad.{args.lang}.dev-half.json", "--xquad")

    from qa.config import Settings
    from qa.embed.torch_encoder import SentenceTransformerEmbedder
    from qa.ingest.chunking import document_sentences, split_sentences
    from qa.ingest.files import parse_bytes

    fits = SentenceTransformerEmbedder(Settings().model).fits
    total = over = pieces = clause = lower = 0
    for article in json.loads(path.read_text(encoding="utf-8"))["data"]:
        for para in article["paragraphs"]:
            doc = parse_bytes("p.txt", para["context"].encode("utf-8"))
            text = doc.text
            for item in doc.items:
                for block in item.blocks:
                    for a, b in split_sentences(text, block.start, block.end):
                        total += 1
                        over += not fits(text[a:b])
            sentences = document_sentences(doc, fits)
            for prev, cur in zip(sentences, sentences[1:]):
                if not re.search(r"[.!?…][\"»”)]*$", prev.text):  # cur continues a cut sentence
                    pieces += 1
                    clause += prev.text[-1] in ",;:)»”" or cur.text[:1] in "—–-"
                    lower += cur.text[:1].islower()
    print(
        f"{args.lang}: sentences {total}, over the window {over}, continuation pieces {pieces}, "
        f"after a clause end {clause}, starting lower-case {lower}"
    )


if __name__ == "__main__":
    main()
