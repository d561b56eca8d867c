#!/usr/bin/env python
"""Questions answered by table rows, in a PDF report, Word minutes and a web page (invented here).

    .venv/bin/python benchmarks/tables.py [--questions FILE] [--out benchmarks/out/tables] [--with-bundled]
    .venv/bin/python benchmarks/tables.py --wrapped --questions benchmarks/data/table_questions_wrapped.jsonl
    .venv/bin/python benchmarks/tables.py --borderless --questions benchmarks/data/table_questions_borderless.jsonl
    .venv/bin/python benchmarks/tables.py --long-table 2000 [--asks 40]
    .venv/bin/python benchmarks/tables.py --paged-table 200 [--asks 40]

Writes three documents whose facts sit in tables (a PDF review with a table of seizures by country and
one of border crossing points, Word minutes with a table of participants and one of actions, a web page
with a table of operations by year), builds their index with the default model and asks the 24 + 8
questions of benchmarks/data/table_questions.jsonl, which were written before any was run (three rules of
qa.answer.tables were then made on its misses: docs/pdf.md, "Tables"), or the 16 + 4 of
--questions benchmarks/data/table_questions_heldout.jsonl, written after those rules and run once. Prints each
question's answer and short answer, then the figures of benchmarks/quality.py (answer hit@1: the row
shown holds the gold cell; short answer right; unanswerable -> "not found"). --with-bundled adds the
bundled news pages beside them, as distractors.

--wrapped [ALL|BOOKTABS|BANDED|NONE] writes instead one PDF report whose two tables (every cell ruled; or
booktabs' three rules; or every other row shaded; or nothing drawn) wrap their cells onto two or three lines,
for the 12 + 4 questions of benchmarks/data/table_questions_wrapped.jsonl (written before the ruled-table
reader of qa.ingest.ruled_tables, and run once before and once after it).

--borderless writes instead one PDF progress report whose three tables have no rule at all, laid out three ways,
for the 14 + 4 questions of benchmarks/data/table_questions_borderless.jsonl (written with the report, after the
reader of qa.ingest.text_tables and before either was run). With --wrapped too, both reports are indexed: ask
them the 12 + 6 questions of benchmarks/data/table_questions_kinds.jsonl (when, where and who of a row named by
a cell, its column not named; written to decide on a rule of qa.answer.pick for them, which was not built:
docs/pdf.md, "Tables without rules").

--paged-table N writes the same table as a ruled PDF table running over several pages, with its header row on
the first page only (fpdf2 repeats none), and asks the same kind of questions.

--long-table N instead indexes one Word file holding an N-row table of gauge readings (Site | Spring |
Summer | Autumn) and asks --asks seeded questions about rows anywhere in it ("What was the summer reading at
Site 1731?"), and a quarter as many it cannot answer (a site past the last row, a "winter" reading): the figures,
and the time a question takes when every candidate is a row deep in a table.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import docgen  # noqa: E402

from benchmarks import qsets  # noqa: E402
from benchmarks.quality import _service, ask_all  # noqa: E402
from benchmarks.quality_metrics import figures, table  # noqa: E402
from qa.evaluate import GoldQuestion, load_jsonl  # noqa: E402

QUESTIONS = ROOT / "benchmarks" / "data" / "table_questions.jsonl"

SEIZURES = [
    ("Country", "Heroin", "Opium", "Cannabis"),
    ("Kazakhstan", "412 kg", "1,050 kg", "23,400 kg"),
    ("Kyrgyzstan", "96 kg", "310 kg", "5,870 kg"),
    ("Tajikistan", "1,380 kg", "2,240 kg", "3,150 kg"),
    ("Turkmenistan", "58 kg", "640 kg", "910 kg"),
    ("Uzbekistan", "720 kg", "1,860 kg", "2,030 kg"),
]
CROSSINGS = [
    ("Crossing point", "Border", "Officers", "Opened"),
    ("Zhibek Zholy", "Kazakhstan–Uzbekistan", "140", "1998"),
    ("Karasu", "Kyrgyzstan–Uzbekistan", "85", "2004"),
    ("Panji Poyon", "Tajikistan–Afghanistan", "120", "2007"),
    ("Farap", "Turkmenistan–Uzbekistan", "64", "2011"),
    ("Korday", "Kazakhstan–Kyrgyzstan", "97", "2001"),
]
PARTICIPANTS = [
    ("Participant", "Organisation", "Role"),
    ("Aigerim Sadykova", "Border Service of Kazakhstan", "Chair"),
    ("Timur Rakhimov", "State Customs Committee of Uzbekistan", "Rapporteur"),
    ("Elena Morozova", "OSCE Programme Office in Bishkek", "Observer"),
    ("Farrukh Nazarov", "Drug Control Agency of Tajikistan", "Member"),
]
ACTIONS = [
    ("Action", "Owner", "Deadline"),
    ("Draft the joint patrol plan", "Aigerim Sadykova", "31 October 2023"),
    ("Share the risk profiles", "Timur Rakhimov", "15 November 2023"),
    ("Organise the canine training", "Farrukh Nazarov", "1 February 2024"),
]
OPERATIONS = [
    ("Year", "Operations", "Arrests", "Drugs seized (kg)"),
    ("2019", "11", "38", "640"),
    ("2020", "7", "21", "415"),
    ("2021", "14", "57", "1,120"),
    ("2022", "9", "33", "780"),
    ("2023", "12", "46", "905"),
]


def review_pdf() -> bytes:
    pdf = docgen._pdf(header="Central Asia Drug Seizures Review 2023")
    pdf.add_page()
    docgen._lines(pdf, [
        "Seizures by country",
        "The national agencies reported their seizures of the three main drugs for 2023.",
        "The figures below are the totals of all agencies of each country.",
    ])
    docgen.pdf_table(pdf, SEIZURES, (45, 35, 35, 35))
    pdf.add_page()
    docgen._lines(pdf, [
        "Border crossing points",
        "Five crossing points took part in the joint profiling exercise.",
    ])
    docgen.pdf_table(pdf, CROSSINGS, (40, 60, 25, 25))
    return bytes(pdf.output())


def minutes_docx() -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = "Minutes of the Regional Border Working Group"
    d.add_heading("Minutes of the Regional Border Working Group", level=1)
    d.add_paragraph("The working group met in Tashkent on 12 September 2023.")
    d.add_heading("Participants", level=2)
    for rows in (PARTICIPANTS, None, ACTIONS):
        if rows is None:
            d.add_heading("Actions", level=2)
            d.add_paragraph("The group agreed on the following actions.")
            continue
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def operations_html() -> str:
    head = "".join(f"<th>{c}</th>" for c in OPERATIONS[0])
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in OPERATIONS[1:])
    return (
        "<html><head><title>Joint operations by year</title></head><body><article>"
        "<h1>Joint operations by year</h1>"
        "<p>The regional centre coordinated joint operations of the member states' agencies every year since 2019.</p>"
        f"<table><tr>{head}</tr>{body}</table>"
        "<p>The seizures include every drug and precursor taken in the operations.</p>"
        "</article></body></html>"
    )


OPERATIONS_2023 = [
    ("Operation", "Agencies taking part", "Period", "Seized"),
    ("Kanal-Patrol Central Asia", "Border and customs services of Kazakhstan, Kyrgyzstan and Tajikistan",
     "3 to 21 April 2023", "1,240 kg of heroin and 310 kg of opium"),
    ("Northern Route", "Drug control agencies of Kazakhstan and Uzbekistan with the Russian Federal Customs Service",
     "12 June to 2 July 2023", "86 kg of synthetic drugs"),
    ("Caspian Gate", "Customs services of Turkmenistan and Kazakhstan, observed by the OSCE",
     "4 to 18 September 2023", "2.6 tonnes of precursor chemicals"),
    ("Mountain Pass", "Border troops of Tajikistan and Kyrgyzstan", "1 to 30 November 2023",
     "412 kg of cannabis resin"),
]
COURSES_2023 = [
    ("Course", "Organised with", "Place and dates", "Participants"),
    ("Risk profiling of cargo and passengers", "World Customs Organization", "Almaty, 14-18 March 2023",
     "32 customs officers"),
    ("Detection of synthetic drugs and precursors", "UNODC Regional Office", "Tashkent, 5-9 June 2023",
     "27 officers of five agencies"),
    ("Controlled deliveries across borders", "OSCE Border Management Staff College", "Dushanbe, 2-6 October 2023",
     "41 investigators"),
]


def annual_report_pdf(borders: str = "ALL") -> bytes:
    """A PDF report whose two tables wrap their cells onto two or three lines, ruled as `borders` says
    (docgen.pdf_table: "ALL", "BOOKTABS", "NONE", ...)."""
    pdf = docgen._pdf(header="Regional Centre Annual Report 2023")
    pdf.add_page()
    docgen._lines(pdf, [
        "Joint operations",
        "The centre coordinated four joint operations of the member states' agencies in 2023.",
    ])
    docgen.pdf_table(pdf, OPERATIONS_2023, (42, 58, 38, 42), borders)
    pdf.add_page()
    docgen._lines(pdf, [
        "Training",
        "Three courses were delivered with the centre's partners.",
    ])
    docgen.pdf_table(pdf, COURSES_2023, (50, 45, 40, 35), borders)
    return bytes(pdf.output())


CROSSING_POINTS_2024 = [
    ("Crossing point", "Border", "Works completed", "Cost"),
    ("Dostyk-Alashankou", "Kazakhstan-China", "Scanning equipment for rail cargo installed and staff trained to use it",
     "EUR 1.8 million"),
    ("Kordai", "Kazakhstan-Kyrgyzstan", "New passenger hall with eight inspection lanes", "EUR 2.4 million"),
    ("Oybek", "Uzbekistan-Tajikistan", "Canine unit kennels and a training ground for detection dogs",
     "EUR 0.6 million"),
    ("Farap", "Turkmenistan-Uzbekistan", "Solar power for the crossing's lighting and the radio relay station",
     "EUR 0.9 million"),
]
KEY_FIGURES_2024 = [
    ("Indicator", "2024"),
    ("Officers trained in risk profiling", "640 officers, 210 of them women"),
    ("Mobile teams equipped", "14 teams with vehicles, radios and thermal cameras"),
    ("Seizures reported by the supported posts", "3.1 tonnes of drugs, most of it hashish"),
]
MEETINGS_2024 = [
    ("Meeting", "Venue", "Date", "Chair"),
    ("First meeting of the working group on risk analysis", "Almaty", "12 February 2024",
     "Aigerim Seitkali, State Revenue Committee of Kazakhstan"),
    ("Second meeting of the working group", "Bishkek", "3 June 2024", "Nurlan Abdyldaev, Border Service of Kyrgyzstan"),
    ("Third meeting of the working group", "Dushanbe", "21 October 2024",
     "Farrukh Rahimov, Customs Service of Tajikistan"),
]


def border_programme_pdf() -> bytes:
    """A PDF progress report whose three tables have no rule at all, laid out three ways (cells set at the top
    of their row or centred in it, left-aligned or justified, four columns or two), their cells wrapping."""
    pdf = docgen._pdf(header="Border Management Programme: Progress Report 2024")
    pdf.add_page()
    docgen._lines(pdf, ["Crossing points",
                        "The programme upgraded four border crossing points in 2024."])
    docgen.pdf_table(pdf, CROSSING_POINTS_2024, (38, 40, 70, 30), "NONE", align="LEFT", v_align="TOP")
    docgen._lines(pdf, ["All works were handed over to the national services by December."])
    pdf.ln(4)
    docgen._lines(pdf, ["Key figures"])
    docgen.pdf_table(pdf, KEY_FIGURES_2024, (70, 80), "NONE", align="LEFT")
    pdf.add_page()
    docgen._lines(pdf, ["Working group on risk analysis",
                        "The working group met three times in 2024."])
    docgen.pdf_table(pdf, MEETINGS_2024, (55, 28, 35, 57), "NONE", v_align="TOP")
    return bytes(pdf.output())


SEASONS = ("Spring", "Summer", "Autumn")


def gauge(site: int, season: int) -> str:
    return f"{site * (13 + 4 * season) % 9973:,} litres"


def long_table_docx(rows: int) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("Gauge readings of the year", level=1)
    d.add_paragraph("The board lists every gauge's readings for the year, site by site.")
    t = d.add_table(rows=0, cols=4)
    for r in range(rows + 1):
        values = ("Site", *SEASONS) if r == 0 else (f"Site {r}", *(gauge(r, s) for s in range(3)))
        for cell, value in zip(t.add_row().cells, values):  # table.cell(r, c) walks the whole table each time
            cell.text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def paged_table_pdf(rows: int) -> bytes:
    """The gauge table of long_table_docx as a ruled PDF table over several pages, its header on the first only."""
    readings = [(f"Site {r}", *(gauge(r, s) for s in range(3))) for r in range(1, rows + 1)]
    return docgen.paged_table_pdf([("Site", *SEASONS), *readings], (40, 40, 40, 40), "Gauge readings of the year",
                                  "The board lists every gauge's readings for the year, site by site.")


def long_table_questions(rows: int, asks: int, doc: str = "gauges.docx") -> list[GoldQuestion]:
    """Seeded questions about rows anywhere in long_table_docx(rows), each with its cell as the gold answer;
    then asks // 4 the table cannot answer, half about a site past its last row, half about a season it has no
    column for ("winter")."""
    rng = random.Random(0)
    out = []
    for _ in range(asks):
        site, season = rng.randint(1, rows), rng.randrange(3)
        question = f"What was the {SEASONS[season].lower()} reading at Site {site}?"
        out.append(GoldQuestion(question, [gauge(site, season)], True, doc, "number"))
    for k in range(asks // 4):
        if k % 2:
            question = f"What was the winter reading at Site {rng.randint(1, rows)}?"
        else:
            question = (f"What was the {SEASONS[rng.randrange(3)].lower()} reading at "
                        f"Site {rows + rng.randint(1, rows)}?")
        out.append(GoldQuestion(question, [], False, None, "number"))
    return out


def write_corpus(folder: Path, with_bundled: bool, wrapped: str | None = None, borderless: bool = False) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if borderless:
        (folder / "border_programme_report.pdf").write_bytes(border_programme_pdf())
    if wrapped:
        (folder / "centre_annual_report.pdf").write_bytes(annual_report_pdf(wrapped))
    if not borderless and not wrapped:
        (folder / "seizures_review.pdf").write_bytes(review_pdf())
        (folder / "working_group_minutes.docx").write_bytes(minutes_docx())
        (folder / "operations.html").write_text(operations_html(), encoding="utf-8")
    if with_bundled:
        for f in qsets.corpus_dir("bundled").glob("*.txt"):
            shutil.copy(f, folder / f.name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "tables")
    ap.add_argument("--questions", type=Path, default=QUESTIONS)
    ap.add_argument("--long-table", type=int, metavar="ROWS", help="one Word table of ROWS rows instead")
    ap.add_argument("--paged-table", type=int, metavar="ROWS",
                    help="one PDF whose ruled table of ROWS rows runs over several pages, its header on the first")
    ap.add_argument("--asks", type=int, default=40, help="with --long-table or --paged-table: how many questions")
    ap.add_argument("--with-bundled", action="store_true", help="the bundled news pages beside the documents")
    ap.add_argument("--wrapped", nargs="?", const="ALL", metavar="BORDERS",
                    help="instead of the three documents, a PDF report whose table cells wrap onto several lines, "
                         "ruled as BORDERS says: ALL (the default), BOOKTABS (rules above, under the header and "
                         "below), BANDED (every other row shaded, no rule), NONE (ask it "
                         "benchmarks/data/table_questions_wrapped.jsonl)")
    ap.add_argument("--borderless", action="store_true",
                    help="instead, a PDF progress report of three tables without rules, laid out three ways (ask it "
                         "benchmarks/data/table_questions_borderless.jsonl)")
    args = ap.parse_args()
    corpus, index = args.out / "corpus", args.out / "index"
    if args.long_table:
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir(parents=True)
        (corpus / "gauges.docx").write_bytes(long_table_docx(args.long_table))
        questions = long_table_questions(args.long_table, args.asks)
    elif args.paged_table:
        shutil.rmtree(corpus, ignore_errors=True)
        corpus.mkdir(parents=True)
        (corpus / "gauges.pdf").write_bytes(paged_table_pdf(args.paged_table))
        questions = long_table_questions(args.paged_table, args.asks, "gauges.pdf")
    else:
        write_corpus(corpus, args.with_bundled, args.wrapped, args.borderless)
        questions = load_jsonl(args.questions)
    if index.exists():
        shutil.rmtree(index)
    service = _service("tables", corpus, index)
    rows = ask_all(service, questions)
    for r in rows:
        if not r["answered"]:
            verdict = "not found" + (" (right)" if not r["answerable"] else " (MISSED)")
        elif not r["answerable"]:
            verdict = "ANSWERED an unanswerable question"
        else:
            verdict = (("row right" if r["hit1"] else "WRONG")
                       + (f", short {r['span']!r}" if r["span"] else ", no short"))
        print(f"{r['question']}\n    -> {r['answer']!r} ({r['confidence']}) {verdict}")
    (args.out / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print()
    print(table({"tables": figures(rows)}))


if __name__ == "__main__":
    main()
