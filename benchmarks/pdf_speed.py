#!/usr/bin/env python
"""PDF extraction speed alone and its share of a whole build, on a generated 300-page PDF.

    .venv/bin/python benchmarks/pdf_speed.py [--pages 300] [--runs 3] [--out benchmarks/out] [--compare]
        [--tables [ALL|NONE]]

Generates the PDF with fpdf2 (the test fixtures' writer: a running header, a page-number footer,
30 lines of text a page), then times
  1. extraction alone: qa.ingest.pdf.read_pdf (pypdfium2 + the page rules), best of --runs;
  2. the whole build of a corpus holding only that PDF with the default model and backend
     (read, chunk, embed, write), and how much of it was extraction;
  3. a `--rebuild` of the same corpus, where the extraction comes from the cache.
With --compare it also times pypdf's extract_text on the same file (pypdf is not a dependency
of qa: install it to compare) and pypdfium2's raw text, without the page rules.
With --tables every page is a 25-row table under its header row instead (docgen.table_pdf): what parting
each row's cells costs (qa.ingest.pdf.page_text reads PDFium's character boxes at the spaces of table rows); the
table is ruled (ALL, qa.ingest.ruled_tables) or has no rule (NONE, qa.ingest.text_tables).
Targets (issue 15): extraction >= 50 pages/s, and <= 15 % of the build.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import docgen  # noqa: E402

from qa.build import build_index  # noqa: E402
from qa.config import Settings, runtime_env  # noqa: E402
from qa.embed import make_embedder  # noqa: E402
from qa.ingest.pdf import read_pdf  # noqa: E402


def best_of(runs: int, fn) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def raw_pdfium(data: bytes) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    n = 0
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        n += len(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    return n


def raw_pypdf(data: bytes) -> int:
    import io

    import pypdf

    return sum(len(p.extract_text() or "") for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "out"))
    ap.add_argument("--compare", action="store_true")
    ap.add_argument("--tables", nargs="?", const="ALL", choices=["ALL", "NONE"],
                    help="pages of tables (docgen.table_pdf) instead of prose, ruled or not")
    args = ap.parse_args()
    runtime_env()
    data = docgen.table_pdf(args.pages, borders=args.tables) if args.tables else docgen.long_pdf(args.pages)
    out: dict = {"pages": args.pages, "tables": args.tables, "bytes": len(data), "machine": platform.machine(),
                 "runs": args.runs}

    seconds = best_of(args.runs, lambda: read_pdf(data))
    out["extract_seconds"] = round(seconds, 3)
    out["extract_pages_per_s"] = round(args.pages / seconds, 1)
    if args.compare:
        s = best_of(args.runs, lambda: raw_pdfium(data))
        out["pypdfium2_raw_pages_per_s"] = round(args.pages / s, 1)
        try:
            s = best_of(args.runs, lambda: raw_pypdf(data))
            out["pypdf_pages_per_s"] = round(args.pages / s, 1)
        except ImportError:
            out["pypdf_pages_per_s"] = None

    work = Path(tempfile.mkdtemp(prefix="pdf-speed-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        (corpus / "long.pdf").write_bytes(data)
        settings = Settings().with_(corpus_dir=corpus, index_dir=work / "index")
        embedder = make_embedder(settings.model, settings.batch_size, settings.backend)
        embedder.encode(["warm up the model"], role="passage")  # model load is not the build's
        t0 = time.perf_counter()
        report = build_index(settings, embedder)
        build = time.perf_counter() - t0
        out["build_seconds"] = round(build, 2)
        out["build_pages_per_s"] = round(args.pages / build, 2)
        out["chunks"] = report.chunks
        out["extract_share_of_build"] = round(seconds / build, 4)
        t0 = time.perf_counter()
        build_index(settings, embedder, rebuild=True)
        out["rebuild_seconds_extraction_cached"] = round(time.perf_counter() - t0, 2)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(json.dumps(out, indent=1))
    Path(args.out).mkdir(parents=True, exist_ok=True)
    name = {None: "", "ALL": "_tables", "NONE": "_tables_none"}[args.tables]
    (Path(args.out) / f"pdf_speed{name}.json").write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
