"""Small invented PDF and Word files for the reader tests, written with fpdf2 and python-docx.

Every fact in them is made up here, so no test depends on the bundled corpus. The report has
what real reports have and naive readers get wrong: two columns, a repeating header and footer
with page numbers, a word hyphenated across a line break, a table, and a Cyrillic page (the font
is Debian's DejaVu Sans, from fonts-dejavu-core, which `make test` installs when missing).
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)

HEADER = "Harrow Valley Water Board - Annual Report 2025"

# Facts by page (1-based), each on one line of the page so that the answer is one sentence.
PAGE1 = [
    "Introduction",
    "The Harrow Valley Water Board supplies drinking water to the towns of the valley.",
    "The board serves 48,300 households from three pumping stations.",
    "Its head office has been in the town of Kellsby since 1987.",
]
# Two columns. The left one ends a line in "embank-" and carries "ment" to the next line.
PAGE2_LEFT = [
    "Reservoirs",
    "The Caldmere reservoir holds twelve",
    "million cubic metres of water since the embank-",
    "ment was raised by four metres in 2023.",
    "Its catchment covers the northern moors.",
]
PAGE2_RIGHT = [
    "People",
    "The chief engineer of the board is",
    "Tomasz Wendell, who joined in 2019.",
    "The board employs 212 people in all.",
]
TABLE = [
    ("Station", "Output per day", "Staff"),
    ("Brindle", "8,400 cubic metres", "12"),
    ("Osgate", "5,100 cubic metres", "9"),
    ("Fenwick Mill", "2,750 cubic metres", "6"),
]
PAGE4_RU = [
    "Отчёт на русском языке",
    "Главным инженером станции Лисья Гора работает Ирина Полозова.",
    "Станция очищает семь тысяч кубометров воды в сутки.",
]
PAGE5 = [
    "Outlook",
    "The board plans a new filter hall at Osgate, to open in May 2027.",
    "The filter hall will cost 3.2 million pounds.",
]


def font_path() -> str:
    for p in FONT_PATHS:
        if Path(p).is_file():
            return p
    raise RuntimeError(
        "DejaVu Sans not found: install Debian's fonts-dejavu-core (`make test` does this)"
    )


def _pdf(header: str | None = HEADER, footer: bool = True, total: bool = True):
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            if header:
                self.set_font("DejaVu", size=9)
                self.cell(0, 6, header, align="C", new_x="LMARGIN", new_y="NEXT")
                self.ln(4)

        def footer(self):
            if footer:
                self.set_y(-15)
                self.set_font("DejaVu", size=9)
                self.cell(0, 8, f"Page {self.page_no()}" + (" of {nb}" if total else ""), align="C")

    pdf = Report(format="A4")
    pdf.add_font("DejaVu", fname=font_path())
    pdf.set_font("DejaVu", size=11)
    pdf.set_auto_page_break(True, margin=20)
    return pdf


def pdf_table(pdf, rows, widths: tuple[float, ...], borders: str = "ALL", align: str = "JUSTIFY",
              v_align: str = "MIDDLE") -> None:
    """A table of `rows` (the first is its header), columns `widths` millimetres wide, ruled as fpdf2's
    `borders` layout says ("ALL": every cell; "NO_HORIZONTAL_LINES": the columns only; "NONE"), or "BOOKTABS":
    a rule above the table, one under its header and one under the table, as reports draw them, or "BANDED":
    no rule, every other row shaded (cell by cell, as fpdf2 and Word fill them). Cells are justified (fpdf2's
    default), or aligned as `align` says; and centred in their row's height (fpdf2's default), or set at its top
    as Word sets them (`v_align` "TOP")."""
    if borders == "BOOKTABS":
        left, width = (pdf.w - sum(widths)) / 2, sum(widths)  # fpdf2 centres a table
        for part in (rows[:1], rows[1:]):
            pdf.line(left, pdf.get_y(), left + width, pdf.get_y())
            pdf_table(pdf, part, widths, "NONE", align, v_align)
        pdf.line(left, pdf.get_y(), left + width, pdf.get_y())
        return
    shading = {"cell_fill_color": (225, 230, 240), "cell_fill_mode": "ROWS"} if borders == "BANDED" else {}
    with pdf.table(col_widths=widths, width=sum(widths), first_row_as_headings=False, text_align=align,
                   v_align=v_align, borders_layout="NONE" if borders == "BANDED" else borders, **shading) as table:
        for row in rows:
            cells = table.row()
            for value in row:
                cells.cell(value)


def _lines(pdf, lines: list[str], x: float | None = None, width: float = 0) -> None:
    """One PDF line per list entry (no automatic wrapping), so line breaks are known."""
    for line in lines:
        if x is not None:
            pdf.set_x(x)
        pdf.cell(width, 6, line, new_x="LMARGIN" if x is None else "RIGHT", new_y="NEXT")


@functools.cache
def report_pdf(interleaved_columns: bool = False) -> bytes:
    """The five-page report. With interleaved_columns, the two columns of page 2 are written
    line by line across both columns (left 1, right 1, left 2, ...), as some producers do."""
    pdf = _pdf()
    pdf.add_page()
    _lines(pdf, PAGE1)
    pdf.add_page()
    top = pdf.get_y()
    left_x, right_x = pdf.l_margin, pdf.l_margin + 95
    if interleaved_columns:
        for i in range(max(len(PAGE2_LEFT), len(PAGE2_RIGHT))):
            y = top + 6 * i
            if i < len(PAGE2_LEFT):
                pdf.set_xy(left_x, y)
                pdf.cell(90, 6, PAGE2_LEFT[i])
            if i < len(PAGE2_RIGHT):
                pdf.set_xy(right_x, y)
                pdf.cell(90, 6, PAGE2_RIGHT[i])
    else:
        for i, line in enumerate(PAGE2_LEFT):
            pdf.set_xy(left_x, top + 6 * i)
            pdf.cell(90, 6, line)
        for i, line in enumerate(PAGE2_RIGHT):
            pdf.set_xy(right_x, top + 6 * i)
            pdf.cell(90, 6, line)
    pdf.add_page()
    _lines(pdf, ["Pumping stations"])
    pdf_table(pdf, TABLE, (50, 60, 30))
    pdf.add_page()
    _lines(pdf, PAGE4_RU)
    pdf.add_page()
    _lines(pdf, PAGE5)
    return bytes(pdf.output())


@functools.cache
def long_pdf(pages: int, lines_per_page: int = 30) -> bytes:
    """A plain many-page report (header, footer, page numbers) for speed and memory tests."""
    pdf = _pdf(header="Long Report of the Test Board", total=False)
    for n in range(1, pages + 1):
        pdf.add_page()
        for i in range(lines_per_page):
            pdf.cell(0, 6, f"Section {n}.{i}: the gauge at site {n * 100 + i} read {(n * 7 + i) % 97} units "
                     "on the morning of the survey.", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def table_pdf(pages: int, rows: int = 25, borders: str = "ALL") -> bytes:
    """A many-page report whose every page is a table under its header row (for speed tests of the cells), ruled
    as `borders` says (pdf_table)."""
    pdf = _pdf(header="Seizures of the Test Board", total=False)
    for n in range(1, pages + 1):
        pdf.add_page()
        _lines(pdf, [f"Table {n}", "The gauges reported these volumes for the year."])
        readings = [(f"Site {n}.{r}", *(f"{(r + 1) * (c + 7) * 13:,} litres" for c in (1, 2, 3)))
                    for r in range(1, rows + 1)]
        pdf_table(pdf, [("Site", "Spring", "Summer", "Autumn"), *readings], (45, 35, 35, 35), borders)
    return bytes(pdf.output())


# A table whose columns are tight: its data rows' cells are about 1 em apart, less than its header's.
TIGHT_TABLE = [
    ("Participant", "Organisation", "Role"),
    ("Elena Morozova", "OSCE Programme Office", "Observer"),
    ("Timur Rakhimov", "State Customs Service", "Rapporteur"),
    ("Ilhom Nazarov", "Drug Control Agency", "Member"),
]


def tight_table_pdf() -> bytes:
    """TIGHT_TABLE without rules: its cells are found by the gaps between them alone."""
    pdf = _pdf(header="Minutes of the Working Group")
    pdf.add_page()
    _lines(pdf, ["Participants", "The working group met in Tashkent on 12 September 2023."])
    pdf_table(pdf, TIGHT_TABLE, (34, 50, 24), borders="NONE")
    return bytes(pdf.output())


# A table whose cells wrap onto two or three lines (PDF writers write such a table cell by cell).
WRAPPED_TABLE = [
    ("Operation", "Agencies taking part", "Seized"),
    ("Kanal-Patrol Central Asia", "Border and customs services of Kazakhstan, Kyrgyzstan and Tajikistan",
     "1,240 kg of heroin and 310 kg of opium"),
    ("Northern Route", "Drug control agencies of Kazakhstan and Uzbekistan", "86 kg of synthetic drugs"),
    ("Caspian Gate", "Customs services of Turkmenistan, observed by the OSCE", "2.6 tonnes of precursors"),
]


def wrapped_table_pdf(borders: str = "ALL", framed_note: bool = False, align: str = "JUSTIFY",
                      v_align: str = "MIDDLE") -> bytes:
    """WRAPPED_TABLE between two paragraphs, ruled as `borders` says (pdf_table); with framed_note, a
    paragraph in a drawn frame follows it."""
    pdf = _pdf(header="Regional Centre Annual Report")
    pdf.add_page()
    _lines(pdf, ["Joint operations", "The centre coordinated three joint operations in 2023."])
    pdf_table(pdf, WRAPPED_TABLE, (45, 70, 50), borders=borders, align=align, v_align=v_align)
    _lines(pdf, ["The centre will report on the operations of 2024 next spring."])
    if framed_note:
        pdf.ln(4)
        pdf.multi_cell(165, 6, "Note: the figures of the Caspian Gate operation are provisional until the customs "
                       "services of Turkmenistan confirm them in their own annual report for 2023.", border=1)
    return bytes(pdf.output())


# A table with no rule at all, its cells wrapping and set at the top of their row, as Word sets them.
CROSSINGS_TABLE = [
    ("Crossing point", "Works completed", "Cost"),
    ("Kordai", "New passenger hall with eight inspection lanes and a waiting room", "EUR 2.4 million"),
    ("Farap", "Solar power for the crossing's lighting and the radio relay station", "EUR 0.9 million"),
    ("Oybek", "Kennels for the canine unit and a training ground for detection dogs", "EUR 0.6 million"),
]


def crossings_pdf() -> bytes:
    """CROSSINGS_TABLE, drawn without rules, between two paragraphs."""
    pdf = _pdf(header="Border Management Programme")
    pdf.add_page()
    _lines(pdf, ["Crossing points", "The programme upgraded three border crossing points in 2024."])
    pdf_table(pdf, CROSSINGS_TABLE, (40, 80, 40), borders="NONE", align="LEFT", v_align="TOP")
    _lines(pdf, ["All works were handed over to the national services by December."])
    return bytes(pdf.output())


# A fisheries inspectorate's table of a figure per quarter and a row for the whole year, between a sentence that
# introduces it and one that comments on it with no figure (what a report's tables look like: docs/pdf.md,
# "Thirty-sixth session").
QUARTERLY_TITLE = "Coastal Fisheries Inspectorate: Annual Report 2024"
QUARTERLY_TABLE = [
    ("Quarter", "Vessels boarded", "Nets seized", "Catch returned (tonnes)"),
    ("Q1 2024", "212", "38", "14"),
    ("Q2 2024", "305", "51", "22"),
    ("Q3 2024", "287", "46", "19"),
    ("Q4 2024", "198", "73", "31"),
    ("Total 2024", "1,002", "208", "86"),
]
QUARTERLY_BEFORE = ["Inspections at sea",
                    "The table gives the inspectorate's boardings and seizures in each quarter of 2024."]
QUARTERLY_AFTER = ["Boardings fell in the winter, while the seizures of illegal nets rose in the fourth quarter.",
                   "Most vessels were boarded in the spring, when the herring season opens."]


def quarterly_pdf() -> bytes:
    """QUARTERLY_TABLE, ruled, between QUARTERLY_BEFORE and QUARTERLY_AFTER."""
    pdf = _pdf(header=QUARTERLY_TITLE)
    pdf.add_page()
    _lines(pdf, QUARTERLY_BEFORE)
    pdf_table(pdf, QUARTERLY_TABLE, (35, 40, 35, 50))
    _lines(pdf, QUARTERLY_AFTER)
    return bytes(pdf.output())


def quarterly_docx() -> bytes:
    """QUARTERLY_TABLE in a Word report, between QUARTERLY_BEFORE and QUARTERLY_AFTER."""
    import docx

    d = docx.Document()
    d.core_properties.title = QUARTERLY_TITLE
    d.add_heading(QUARTERLY_TITLE, level=1)
    d.add_heading(QUARTERLY_BEFORE[0], level=2)
    d.add_paragraph(QUARTERLY_BEFORE[1])
    t = d.add_table(rows=0, cols=len(QUARTERLY_TABLE[0]))
    for values in QUARTERLY_TABLE:
        for cell, value in zip(t.add_row().cells, values):
            cell.text = value
    for line in QUARTERLY_AFTER:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# A page of prose as a writer wraps it, its lines running the full width and going on with a name or a figure
# ("... from 28 to" / "34 offices."): lines a reader must not take for a table's rows.
LIAISON_LINES = [
    "Border Liaison Offices",
    "In 2023 the network of Border Liaison Offices (BLOs) in Central Asia was expanded from 28 to",
    "34 offices. The new offices were opened along the Tajik-Afghan border, in the districts of",
    "Shamsiddin Shohin and Darvoz. The programme was led by Ms. Aigerim Nurlanovna, the",
    "Regional Programme Coordinator based in Bishkek. Total funding for the year amounted to USD",
    "4.2 million, contributed mainly by the Government of Japan and the European Union.",
]


def liaison_pdf() -> bytes:
    """LIAISON_LINES, a line of the PDF each, in 10 pt so the longest fits the page."""
    pdf = _pdf(header="Border Liaison Offices: Annual Report 2023")
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    _lines(pdf, LIAISON_LINES)
    return bytes(pdf.output())


# Two narrow columns of justified prose (fpdf2's default alignment): a line of two or three words is stretched
# across the column, its gaps as wide as a table's, and several lines go on with a name.
BULLETIN_COLUMNS = (
    "The regional workshop on container profiling was held in Almaty and brought together forty-two customs "
    "officers. The opening address was given by Ambassador Konstantin Zhakupov, who welcomed delegations from "
    "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan. Training was delivered by Eleanor "
    "Whitfield-Hargreaves of the World Customs Organization.",
    "In the second half of the year the mobile interdiction teams seized 2,315 kilograms of heroin and 740 "
    "kilograms of opium. Operation Kanal, coordinated by CARICC, accounted for most of the seizures. "
    "Superintendent Gulnara Abdrakhmanova received a commendation for her work at the Dostyk crossing.",
)


def bulletin_pdf() -> bytes:
    """BULLETIN_COLUMNS side by side, 62 mm wide each, justified."""
    pdf = _pdf(header=None, footer=False)
    pdf.set_font("DejaVu", size=10)
    pdf.add_page()
    top = pdf.get_y()
    for x, text in zip((10, 78), BULLETIN_COLUMNS):
        pdf.set_xy(x, top)
        pdf.multi_cell(62, 5, text)
    return bytes(pdf.output())


def titled_pdf(title: str, body: list[str], title_size: float = 20) -> bytes:
    """A report with no title in its metadata and no running header: its title printed in a larger size at the top,
    wrapped over lines where it does not fit one (fpdf2's multi_cell, as a word processor wraps it), a date line
    and the body's paragraphs in 11 points."""
    pdf = _pdf(header=None, footer=False)
    pdf.add_page()
    pdf.set_font("DejaVu", size=title_size)
    pdf.multi_cell(0, title_size * 0.5, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=11)
    for paragraph in ["Published on 26 June 2024.", *body]:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def paged_table_pdf(rows: list[tuple[str, ...]], widths: tuple[float, ...], title: str, intro: str) -> bytes:
    """A ruled table of `rows` (the first its header) long enough to run over several pages, its header row
    printed on the first page only (fpdf2 repeats no row that is not a heading)."""
    pdf = _pdf(header=title, total=False)
    pdf.add_page()
    _lines(pdf, [title, intro])
    pdf_table(pdf, rows, widths)
    return bytes(pdf.output())


def gauges_pdf(sites: int = 80) -> bytes:
    """A table of gauge readings, one row a site, over two or more pages."""
    rows = [(f"Site {n}", f"{n * 17 % 997:,} litres", f"{n * 29 % 991:,} litres") for n in range(1, sites + 1)]
    return paged_table_pdf([("Site", "Spring reading", "Autumn reading"), *rows], (50, 50, 50),
                           "Gauge readings of the Harrow Valley Water Board",
                           "The board lists every gauge's readings for the year, site by site.")


# A review whose pages were broken where the page was full, as a writer breaks them: sentences run over the page
# breaks (on in lower case, and on with a figure after "to"), a table leaves its last row atop the next page, and a
# list's item that closes no sentence ends a page whose next opens on a heading. Each entry is a page: a string is a
# line of the PDF, a tuple the table's rows (the first its header).
BROKEN_HEADER = "Border Liaison Office Review 2023"
BROKEN_TABLE = [
    ("Office", "Hashish (kg)", "Heroin (kg)", "Joint checks"),
    ("Termez", "612", "205", "311"),
    ("Panji Poyon", "540", "198", "247"),
    ("Ishkashim", "301", "87", "129"),
    ("Khorog", "288", "142", "164"),
]
BROKEN_ROW = ("Ayvadj", "197", "64", "98")
BROKEN_PAGES = [
    ["Cooperation",
     "The review covers the twelve Border Liaison Offices on the Tajik-Afghan and Uzbek-Afghan borders.",
     "The evaluator recommends that the mentoring programme be extended to the office in Ayvadj by the"],
    ["end of 2024, together with a common template for the monthly reports of every office.",
     "Seizures",
     "Table 1 shows the seizures recorded by the five busiest offices in the years 2021 to 2023.",
     tuple(BROKEN_TABLE)],
    [(BROKEN_ROW,),
     "Staffing",
     "Staff turnover remained high in every office visited by the evaluator over the summer of 2023.",
     "In 2023 the number of women among the trained officers of the twelve offices rose from 6 to"],
    ["19 of 210, a share the evaluator still finds too low.",
     "• Radio and secure messaging equipment was delivered to all twelve offices"],
    ["Conclusion",
     "The mechanism has proved a useful tool for cooperation across the border."],
]


def broken_pages_pdf(borders: str = "NONE") -> bytes:
    """BROKEN_PAGES, under BROKEN_HEADER and a "Page N of 5" footer, the table ruled as `borders` says (pdf_table),
    in 10 pt so the longest line fits."""
    pdf = _pdf(header=BROKEN_HEADER)
    pdf.set_font("DejaVu", size=10)
    for page in BROKEN_PAGES:
        pdf.add_page()
        for part in page:
            if isinstance(part, tuple):
                pdf_table(pdf, list(part), (50, 40, 40, 40), borders, align="LEFT")
            else:
                _lines(pdf, [part])
    return bytes(pdf.output())


def gauges_docx(sites: int = 300) -> bytes:
    """Word minutes with one long table of seasonal gauge readings, a row a site."""
    import docx

    d = docx.Document()
    d.add_heading("Gauge readings of the year", level=1)
    d.add_paragraph("The board lists every gauge's readings for the year, site by site.")
    t = d.add_table(rows=0, cols=4)
    for n in range(sites + 1):
        values = ("Site", "Spring", "Summer", "Autumn") if n == 0 else (
            f"Site {n}", *(f"{n * k % 9973:,} litres" for k in (13, 17, 21)))
        for cell, value in zip(t.add_row().cells, values):
            cell.text = value
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@functools.cache
def encrypted_pdf() -> bytes:
    pdf = _pdf()
    # RC4, fpdf2's default: AES would need the cryptography package just for this fixture.
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    _lines(pdf, PAGE1)
    return bytes(pdf.output())


def _png(width: int = 400, height: int = 200) -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle((20, 20, width - 20, height - 20), outline="black", width=3)
    draw.text((40, 80), "SCANNED PAGE", fill="black")  # pixels, not a text layer
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


@functools.cache
def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that are only pictures: what a scanner without OCR produces."""
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(_png()), x=10, y=10, w=180)
    return bytes(pdf.output())


def truncated_pdf() -> bytes:
    data = report_pdf()
    return data[: len(data) // 3]


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


# ------------------------------------------------------------------------------------ Word

DOCX_TITLE = "Minutes of the Kellsby Allotment Society"


@functools.cache
def minutes_docx() -> bytes:
    """Headings, paragraphs, a bulleted and a numbered list, and a table."""
    import docx

    d = docx.Document()
    d.core_properties.title = DOCX_TITLE
    d.add_heading(DOCX_TITLE, level=1)
    d.add_paragraph("The society met in the old school hall on 14 March 2026.")
    d.add_paragraph("The treasurer, Agnes Morrow, reported a balance of 1,845 pounds.")
    d.add_heading("Decisions", level=2)
    d.add_paragraph("Plot rents rise to 38 pounds a year from April.", style="List Bullet")
    d.add_paragraph("The water trough by the east gate will be replaced.", style="List Bullet")
    d.add_paragraph("Elect a new secretary.", style="List Number")
    d.add_paragraph("Order seed potatoes.", style="List Number")
    d.add_heading("Plot holders", level=2)
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("Plot", "Holder", "Crop"), ("7", "Hamish Dunmore", "leeks"),
                             ("12", "Priya Castellan", "runner beans")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("The next meeting is on 9 May 2026.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


WORKING_GROUP_TITLE = "Minutes of the Joint Working Group on Precursor Control"


def _headed_docx(title: str, parts: list[str]) -> bytes:
    """A Word file: `title` as its Title, then `parts` in order, each a paragraph, ("# ...") a Heading 1 or ("- ...")
    a bulleted line."""
    import docx

    d = docx.Document()
    d.add_heading(title, level=0)
    for part in parts:
        if part.startswith("# "):
            d.add_heading(part[2:], level=1)
        elif part.startswith("- "):
            d.add_paragraph(part[2:], style="List Bullet")
        else:
            d.add_paragraph(part)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@functools.cache
def working_group_docx() -> bytes:
    """Minutes dated on a "Date:" line at the top, whose sections mention other dates: a past
    session (November 2023) and a deadline (30 June 2024)."""
    return _headed_docx(WORKING_GROUP_TITLE, [
        "Date: 14 March 2024",
        "Venue: Almaty, Kazakhstan",
        "# Attendees",
        "Representatives of the customs and drug control agencies of five countries attended.",
        "# 1. Opening",
        "The chair recalled the conclusions of the previous session held in Dushanbe in November 2023.",
        "# 2. Seizure statistics",
        "Members reported 4,200 litres of acetic anhydride seized at the borders in the last quarter.",
        "# 3. Decisions",
        "The working group decided to set up a joint precursor watch list, to be circulated by 30 June 2024.",
    ])


FISHERIES_TITLE = "Minutes of the 9th Meeting of the North Atlantic Fisheries Council"
# news of another meeting of the same council, whose sentences share the questions' words
FISHERIES_NEWS = (
    "Fisheries Council news\n\n"
    "At the 8th meeting of the North Atlantic Fisheries Council, the members recommended that a representative of "
    "Iceland be appointed to the post of Executive Secretary in the order of rotation. The meeting was attended by "
    "members of the Council and their delegated representatives, and by staff of the secretariat. Finland has "
    "applied to join the Council as an observer.\n"
)


@functools.cache
def fisheries_minutes_docx() -> bytes:
    """Minutes whose attendee list gives one line per person and the party they stood for."""
    return _headed_docx(FISHERIES_TITLE, [
        "Date: 12 June 2024",
        "Venue: Council headquarters, Torshavn",
        "# Attendees",
        "- Mr. Olaf Brekke, National Delegate, Norway (Chair)",
        "- Ms. Sigrun Halldorsdottir, National Delegate, Iceland",
        "- Mr. Jonas Lindqvist, National Delegate, Sweden",
        "- Mr. Pavel Orlov, observer, Russian Federation",
        "- Ms. Ines Carvalho, FAO Fisheries Division",
        "# 1. Quotas for 2025",
        "The Council reviewed the herring quotas for 2025 and asked the scientific committee for a new stock estimate.",
        "# 2. Decisions",
        "The Council decided to hold the 10th meeting in Bergen in March 2025.",
    ])


HARBOUR_WORKSHOP_TITLE = "Regional Workshop on Harbour Safety: Programme and Minutes"


@functools.cache
def harbour_workshop_docx() -> bytes:
    """Minutes of a two-day workshop whose title names no place (its "Venue:" line does), whose "Participants"
    section opens with how many attended and lists its chair, and whose decisions set the next workshop elsewhere."""
    return _headed_docx(HARBOUR_WORKSHOP_TITLE, [
        "Date: 4-5 June 2024",
        "Venue: Harbour Hall, Port Ellery, Skarn",
        "Organisers: the Skarn Harbour Authority and the Coastal Pilots Association of Wenlow",
        "# Participants",
        "38 participants from the harbour authorities, pilot services and coast guards of four coastal provinces.",
        "- Edwin Marlow, Harbour Master of Port Ellery (Chair)",
        "- Mara Venn, Director of the Coastal Pilots Association",
        "- Ida Orrin, Rapporteur, Skarn Harbour Authority",
        "# Summary of discussions",
        "Participants of the workshop on harbour safety noted that only 6 harbour accidents were reported in Port "
        "Ellery in 2023.",
        "# Decisions",
        "1. Prepare a common pilotage checklist by 31 December 2024.",
        "2. Hold the next workshop in Wenlow in May 2025.",
    ])


# news of the harbour-safety workshop and of another one, whose sentences share the questions' words
HARBOUR_NEWS = {
    f"news{i:02d}.txt": f"Harbour news {i}\n\n{story}\n" for i, story in enumerate([
        "The workshop on harbour safety brought pilots and harbour masters together to discuss harbour safety, "
        "pilotage and the safety of small craft in the coastal provinces.",
        "Harbour safety was held to be the first concern of every harbour master at the workshop.",
        "A workshop on harbour safety for the northern ports was held in 2022, and its participants asked for a "
        "common pilotage checklist.",
        "Speakers at the workshop on harbour safety held that night pilotage needs two pilots on large tankers.",
        "The pilots' association held that the workshop on harbour safety should become a yearly event.",
        "Harbour masters held a round of talks on harbour safety during the workshop's coffee breaks.",
        "The coast guard held a demonstration of rescue boats for the workshop on harbour safety.",
        "Where the workshop on harbour safety should go next was held over to the decisions.",
        "Safety officers said the workshop on harbour safety was the best held in years.",
        "Small craft owners held that harbour safety rules are too strict for fishing boats.",
        "The harbour authority held its own safety drill a week after the workshop.",
        "Photos of the workshop on harbour safety were held in the harbour museum's archive.",
    ], 1)
}


@functools.cache
def harbour_minutes_pdf() -> bytes:
    """The workshop's minutes as a PDF: label lines, and headings that are lines of the page (no Word sections)."""
    return titled_pdf("Minutes of the Workshop on Harbour Safety", [
        "Date: 4-5 June 2024", "Venue: Harbour Hall, Port Ellery, Skarn", "Chair: Edwin Marlow, Harbour Master",
        "Participants", "38 participants from the harbour authorities of four provinces.",
        "Summary of discussions",
        "Participants of the workshop on harbour safety noted that only 6 harbour accidents were reported in 2023.",
        "Decisions", "1. Prepare a common pilotage checklist by 31 December 2024.",
        "2. Hold the next workshop in Wenlow in May 2025.",
    ])


def fisheries_council_docx(number: int, date: str, venue: str, chair: str, decision: str) -> bytes:
    """Minutes of one meeting of the North Atlantic Fisheries Council: its number, date, venue, chair, a decision."""
    return _headed_docx(f"Minutes of the {number}th Meeting of the North Atlantic Fisheries Council", [
        f"Date: {date}",
        f"Venue: {venue}",
        "# Attendees",
        f"- {chair} (Chair)",
        "- Ms. Ines Carvalho, FAO Fisheries Division",
        "# Decisions",
        f"1. {decision}",
    ])


RU_MINUTES_TITLE = "Протокол заседания рабочей группы по контролю над прекурсорами"


@functools.cache
def ru_minutes_docx() -> bytes:
    """Russian minutes: place, chair and participants on label lines at their head, then "Решили:" over the
    numbered decisions."""
    return _headed_docx(RU_MINUTES_TITLE, [
        "Дата: 14 марта 2024 г.",
        "Место проведения: гостиница «Достык», Алматы, Казахстан",
        "Председатель: Жумабаев Нурлан Серикович",
        "Участники:",
        "- Исмаилов Рустам – Агентство по контролю за наркотиками Таджикистана",
        "- Орлова Ирина – ФТС России",
        "Обсуждение",
        "Участники заседания рабочей группы обсудили рост изъятий прекурсоров на границах в 2023 году.",
        "Решили:",
        "1. Подготовить общий перечень контролируемых прекурсоров до 30 июня 2024 г.",
        "2. Провести следующее заседание в Ташкенте в октябре 2024 г.",
    ])


RU_NEWS = (
    "Новости\n\n"
    "Рабочая группа по контролю над прекурсорами провела заседание, на котором обсуждались изъятия прекурсоров "
    "на границах. Заседание рабочей группы по контролю над прекурсорами прошло в дружеской обстановке. Участники "
    "заседания рабочей группы обменялись опытом контроля над прекурсорами.\n"
)


@functools.cache
def field_diary_docx() -> bytes:
    """A diary whose entries are dated by their headings, or by a dateline under an undated heading,
    and end with an undated summary; the entries mention other dates."""
    return _headed_docx("Field diary of the border assessment mission", [
        "Written up on 20 May 2024 from the notes of the mission team.",
        "# 12 May 2024 — Visit to Osh",
        "The team inspected the Dostuk checkpoint, rebuilt in June 2021.",
        "# Monday, 13 May 2024",
        "The team met the regional customs chief, who retires on 1 September 2024.",
        "# Jalal-Abad",
        "JALAL-ABAD, 15 May 2024 — The team visited the provincial drug control office.",
        "# Summary",
        "The mission recommends new scanners by 31 December 2024.",
    ])


@functools.cache
def images_only_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_picture(io.BytesIO(_png()))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def fake_docx() -> bytes:
    """A zip of something else, named .docx."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("holiday/photo-list.txt", "beach.jpg\nhills.jpg\n")
    return buf.getvalue()


def write_all(folder: Path) -> dict[str, Path]:
    """Every fixture into folder, by name."""
    folder.mkdir(parents=True, exist_ok=True)
    made = {
        "report.pdf": report_pdf(),
        "minutes.docx": minutes_docx(),
        "locked.pdf": encrypted_pdf(),
        "scan.pdf": scanned_pdf(),
        "broken.pdf": truncated_pdf(),
        "garbage.pdf": corrupt_pdf(),
        "photos.docx": images_only_docx(),
        "archive.docx": fake_docx(),
    }
    out = {}
    for name, data in made.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


# A programme's annual report for 2025, published in February 2026: who ran it before its present coordinator, a
# table of units whose "Established" column holds years under an "Officers (2025)" header, and a table of seizures
# per year (qa.filters.scope: a question's period is what the answer is about, not when the report came out).
PROGRAMME_REPORT_TITLE = "Harbour Container Programme: Annual Report 2025"
PROGRAMME_UNITS = [
    ("Unit", "Country", "Established", "Officers (2025)"),
    ("Osh Rail Unit", "Kyrgyzstan", "2020", "11"),
    ("Termez Cargo Unit", "Uzbekistan", "2019", "9"),
    ("Aktobe Rail Unit", "Kazakhstan", "2023", "8"),
]
PROGRAMME_SEIZURES = [
    ("Item", "2021", "2022", "2023", "2024"),
    ("Heroin, kg", "120", "95", "143", "88"),
    ("Mephedrone, kg", "15", "48", "212", "390"),
]


def programme_report_docx() -> bytes:
    """PROGRAMME_REPORT_TITLE, dated 20 February 2026 at its top."""
    import docx

    d = docx.Document()
    d.add_heading(PROGRAMME_REPORT_TITLE, level=0)
    d.add_paragraph("Published in Vienna on 20 February 2026.")
    d.add_heading("Units and staffing", level=1)
    d.add_paragraph("At the end of 2025 three units were operational in three countries.")
    for rows in (PROGRAMME_UNITS, PROGRAMME_SEIZURES):
        if rows is PROGRAMME_SEIZURES:
            d.add_heading("Seizures by year", level=1)
            d.add_paragraph("The table gives the seizures made by the units in each year, in kilograms.")
        t = d.add_table(rows=0, cols=len(rows[0]))
        for values in rows:
            for cell, value in zip(t.add_row().cells, values):
                cell.text = value
    d.add_heading("Management of the programme", level=1)
    d.add_paragraph("Mr. Tomas Reed has been the Regional Coordinator of the programme since 1 June 2024.")
    d.add_paragraph("He succeeded Ms. Lena Varga, who coordinated the programme in the region from 2019 to May 2024.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def issue_pdf(title: str, issue_line: str, stories: list[tuple[str, str]]) -> bytes:
    """A one-page bulletin: its title in 15 points (wrapped where it does not fit), the issue's line ("Issue No. 3,
    October 2024 …"), then its short dated stories in two columns (fpdf2's text_columns), no metadata title."""
    pdf = _pdf(header=None, footer=False)
    pdf.add_page()
    pdf.set_font("DejaVu", size=15)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=10)
    pdf.multi_cell(0, 6, issue_line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    with pdf.text_columns(ncols=2, gutter=8, text_align="LEFT", balance=False) as cols:
        for head, body in stories:
            cols.write(head + "\n")
            cols.write(body + "\n\n")
    return bytes(pdf.output())


def monthly_memo_docx() -> bytes:
    """A Word memo of August 2025 on January-June 2025: a table of countries by month in kilograms, then what it
    shows ("June was the month with the highest seizures")."""
    import docx

    d = docx.Document()
    d.add_heading("MEMORANDUM", level=1)
    for line in ("To: Head of the Analysis Unit", "From: Regional Analyst, Cocaine Desk", "Date: 12 August 2025",
                 "Subject: Cocaine seizures reported by the harbour agencies, January-June 2025"):
        d.add_paragraph(line)
    d.add_paragraph("1. Partner agencies reported seizures of 212.4 kg of cocaine in the first half of 2025, compared "
                    "with 150.2 kg in the first half of 2024. The table below gives the monthly figures in kilograms "
                    "as reported by 31 July 2025.")
    rows = [("Country", "Jan", "Feb", "Mar", "Apr", "May", "Jun"),
            ("Northland", "10.1", "12.0", "9.5", "20.3", "17.2", "31.0"),
            ("Southland", "4.2", "6.6", "8.1", "5.0", "11.3", "33.7"),
            ("Eastland", "9.9", "3.1", "4.4", "7.5", "6.0", "8.5")]
    t = d.add_table(rows=0, cols=7)
    t.style = "Table Grid"
    for row in rows:
        cells = t.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    d.add_paragraph("2. Northland accounted for 47 per cent of the total. June was the month with the highest "
                    "seizures (73.2 kg), driven by a single seizure of 30 kg in the port of Southland on 21 June.")
    d.add_paragraph("Prepared by: Lena Varga, Regional Analyst")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@functools.cache
def broken_title_minutes_docx() -> bytes:
    """Minutes whose title goes on in a paragraph of its own under the Title ("MINUTES No. 3" / "of the meeting of
    the Working Group on …"), then the place and date line, the chair, who attended and the decisions."""
    return _headed_docx("MINUTES No. 3", [
        "of the meeting of the Working Group on the safety of river transport on the Tamsin",
        "Ressa, 4 May 2025",
        "Chair: Mr. Ivo Brandt, Deputy Head of the River Authority.",
        "Present: delegations of Kelso, Dunmore and Ashford (18 people in total). The town of Norbury took part in "
        "the meeting as an observer.",
        "# 1. The situation in the river ports",
        "Heard: Ms. Ada Quill, Head of the Secretariat of the Working Group.",
        "In January to April 2025 the river police seized 42 kg of cannabis in the ports of Ressa and Kelso.",
        "# 2. Decided",
        "1. To hold the fourth meeting of the Working Group in Lindford in October 2025.",
        "2. To ask the delegations to send their seizure figures to the Secretariat.",
    ])


# A Russian letter: letterhead in capitals, outgoing number and date, the courtesy formula, a contact line and a
# signature under the close (qa.answer.non_answers, qa.answer.letters)
RIVER_LETTER_RU = (
    "АГЕНТСТВО РЕЧНОЙ БЕЗОПАСНОСТИ\n"
    "ОБЛАСТИ ТАРРОУ\n\n"
    "Исх. № 14/22\n"
    "от 5 мая 2025 г.\n\n"
    "Директору Центра речного контроля\n\n"
    "Уважаемый господин Директор!\n\n"
    "Агентство речной безопасности области Тарроу выражает Вам свое уважение и предлагает провести совместные "
    "учения спасателей на реке Тамсин.\n\n"
    "Учения предлагается провести 10 июня 2025 года в г. Ресса. Расходы на проживание участников Агентство берет "
    "на себя.\n\n"
    "Контактное лицо: майор Власов Игорь Петрович, начальник отдела подготовки, тел. +7 000 111 22 33.\n\n"
    "С уважением,\n\n"
    "Директор Агентства                    П. С. Орлов\n"
)


# a formal letter laid out in short lines: letterhead, reference, place and date, addressee, subject, signature block
HARBOUR_LETTER = """HARBOUR SAFETY AUTHORITY OF THE TAMSIN ESTUARY

Ref. No. 12-07/5531
Ressa, 4 March 2025

Ms. Lina Varga
Director
Regional Rescue Coordination Centre
Port Ellery

Subject: Joint exercise "Tamsin Tide 2025"

Dear Ms. Varga,

The Authority confirms its participation in the joint exercise "Tamsin Tide 2025" on 10-12 June 2025.

We propose Captain Oren Malik as our liaison officer for the exercise.

Yours sincerely,

Teodor Ansel
Deputy Head
Harbour Safety Authority of the Tamsin Estuary
Tel.: +44 000 555 1212
E-mail: t.ansel@harbour.example
"""
