#!/usr/bin/env python
"""pypdfium2 against pypdf on what decided the PDF reader: speed, text order on two-column pages,
running headers and footers, and a word hyphenated at a line end.

    .venv/bin/python benchmarks/pdf_readers.py [--pages 300]

pypdf is not a dependency of qa (`pip install pypdf` to run this). The PDFs are the test
fixtures (tests/docgen.py, written with fpdf2): the five-page report, the same report with its
two columns written line by line across the page, and a plain many-page report for speed.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import docgen  # noqa: E402


def pdfium_pages(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    out = []
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        out.append(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    return out


def pypdf_pages(data: bytes) -> list[str]:
    import pypdf

    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def checks(pages: list[str]) -> dict:
    page2 = flat(pages[1])
    return {
        # the right column's sentence is whole when the columns are read one after the other
        "right_column_sentence_whole": "engineer of the board is Tomasz Wendell, who joined" in page2,
        "left_column_sentence_whole": "holds twelve million cubic metres" in page2,
        "header_on_every_page": all(docgen.HEADER in p for p in pages),
        "hyphen_at_line_end": "marked (U+FFFE)" if "embank\ufffement" in pages[1]
        else "kept as '-' + line break" if "embank-\n" in pages[1].replace("\r\n", "\n") else "other",
        "cyrillic_page": "Ирина Полозова" in pages[3],
    }


def speed(fn, data: bytes, pages: int, runs: int = 3) -> float:
    best = min(_time(fn, data) for _ in range(runs))
    return round(pages / best, 1)


def _time(fn, data: bytes) -> float:
    t0 = time.perf_counter()
    fn(data)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=300)
    args = ap.parse_args()
    report, interleaved, long = (docgen.report_pdf(), docgen.report_pdf(interleaved_columns=True),
                                 docgen.long_pdf(args.pages))
    out = {}
    for name, fn in (("pypdfium2", pdfium_pages), ("pypdf", pypdf_pages)):
        out[name] = {
            "pages_per_s": speed(fn, long, args.pages),
            "columns_written_one_after_the_other": checks(fn(report)),
            "columns_written_line_by_line": checks(fn(interleaved)),
        }
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
