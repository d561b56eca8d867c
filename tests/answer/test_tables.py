"""A table row answers read against its header row: the cell the question asks for, and no header as an answer."""

from __future__ import annotations

import pytest

from qa.answer.tables import Tables, asked_cell, cells, heads_table, lacks_kind, named_column, reading, table_row
from qa.contracts import ItemInfo
from qa.store import SentenceRow

STATIONS = ["Pumping stations", "Station | Output per day | Staff", "Brindle | 8,400 cubic metres | 12",
            "Osgate | 5,100 cubic metres | 9", "Fenwick Mill | 2,750 cubic metres | 6"]
PLOTS = ["Plot | Holder | Crop", "7 | Hamish Dunmore | leeks", "12 | Priya Castellan | runner beans"]
SEIZURES = ["Country | 2021 | 2022", "Kazakhstan | 1,240 kg | 980 kg", "Tajikistan | 3,100 kg | 2,650 kg"]
COURSES = ["Course | Held with | Place and dates | Participants",
           "Cargo risk profiling | World Customs Organization | Almaty, 14-18 March 2023 | 32 customs officers",
           "Canine handling | Border Guard Academy | Osh, 2-6 October 2023 | 18 dog handlers"]
PATROLS = ["Patrol | Units taking part | Period", "Mountain Pass | Border troops of two states | 1 to 30 November 2023"]
PRECURSORS = ["Country | Acetic anhydride seized (litres) | Cases", "Kazakhstan | 1,250 | 7", "Uzbekistan | 920 | 5"]
DEPOTS = ["Depot | Vehicles | Fuel used | Supervisor", "Eastwick | 15 | 41,200 litres | Tomasz Nowak"]
ИЗЪЯТИЯ = ["Страна | 2021 год | 2022 год", "Казахстан | 1 240 кг | 980 кг", "Таджикистан | 3 100 кг | 2 650 кг"]


class Rows:
    """The part of an index a table needs: its sentences in order (one item per list), and its items (with
    paged, item n is page n + 1 of a PDF)."""

    def __init__(self, *items: list[str], paged: bool = False):
        self.paged = paged
        self.rows, at = [], 0
        for item, lines in enumerate(items):
            for line in lines:
                self.rows.append(SentenceRow(len(self.rows), "doc.pdf", item, at, at + len(line), line, "en"))
                at += len(line) + 1

    def sentences(self, first: int, n: int) -> list[SentenceRow]:
        self.fetched = getattr(self, "fetched", 0) + n
        return self.rows[first:first + n]

    def item(self, doc: str, index: int) -> ItemInfo:
        return ItemInfo(doc, index, "", None, 0, 0, page=index + 1 if self.paged else None)

    def find(self, text: str) -> SentenceRow:
        return next(r for r in self.rows if r.text == text)


def _cell(index: Rows, question: str, row: str) -> str | None:
    r = index.find(row)
    table = table_row(index, r)
    assert table is not None
    span = asked_cell(question, table, r.text)
    return None if span is None else r.text[span[0]:span[1]]


def test_cells_are_the_parts_between_separators():
    text = "Fenwick Mill | 2,750 cubic metres | 6"
    assert [text[a:b] for a, b in cells(text)] == ["Fenwick Mill", "2,750 cubic metres", "6"]
    assert cells("One cell only") == [] and cells("a | b\nc | d") == []


def test_a_row_finds_the_first_row_of_its_table_as_its_header():
    index = Rows(STATIONS)
    table = table_row(index, index.find("Fenwick Mill | 2,750 cubic metres | 6"))
    assert table.header.text == "Station | Output per day | Staff"
    assert table_row(index, index.find("Station | Output per day | Staff")) is None  # a header has none


def test_a_row_far_down_a_long_table_finds_its_header():
    rows = [f"Site {n} | {n * 40:,} litres | {n % 9}" for n in range(1, 120)]
    index = Rows(["Gauges", "Site | Volume | Staff", *rows])
    assert table_row(index, index.find(rows[-1])).header.text == "Site | Volume | Staff"


def test_a_question_walks_up_a_long_table_once_for_all_its_rows():
    rows = [f"Site {n} | {n * 40:,} litres | {n % 9}" for n in range(1, 1001)]
    index = Rows(["Gauges", "Site | Volume | Staff", *rows])
    tables = Tables(index)
    for row in rows[-30:]:  # the candidates of one question: rows deep down the table
        assert tables.row(index.find(row)).header.text == "Site | Volume | Staff"
    assert index.fetched < 1100  # once up the table, not 30 times (30,000 rows)


def test_a_table_of_data_rows_only_has_no_header():
    index = Rows(STATIONS[2:])  # no header row: the first row holds figures in the same columns
    assert table_row(index, index.find("Osgate | 5,100 cubic metres | 9")) is None


def test_a_table_of_labels_and_values_has_no_header_and_its_first_row_is_a_fact():
    facts = ["Date | 12 September 2023", "Venue | Tashkent", "Chair | Aigerim Sadykova"]
    index = Rows(["Meeting", *facts])
    assert table_row(index, index.find("Chair | Aigerim Sadykova")) is None
    first, second = index.find(facts[0]), index.find(facts[1])
    assert not heads_table(first, index.find("Meeting"), second)  # a candidate answer like the others


def test_a_header_of_years_is_a_header():
    index = Rows(SEIZURES)
    assert table_row(index, index.find(SEIZURES[2])).header.text == SEIZURES[0]


def test_a_russian_table_is_read_as_an_english_one():
    index = Rows(ИЗЪЯТИЯ)
    row = index.find(ИЗЪЯТИЯ[2])
    table = table_row(index, row)
    assert table.header.text == ИЗЪЯТИЯ[0]  # "2021 год" is a year: a header, not a row of figures
    span = asked_cell("Сколько героина изъял Таджикистан в 2022 году?", table, row.text, "ru")
    assert row.text[span[0]:span[1]] == "2 650 кг"


def test_a_table_ends_at_its_item():
    index = Rows(STATIONS[:2], STATIONS[2:])  # the header in another section than the rows
    assert table_row(index, index.find("Osgate | 5,100 cubic metres | 9")) is None


def test_a_pdf_table_run_over_pages_is_read_against_its_header_on_the_first():
    index = Rows(STATIONS[:3], STATIONS[3:4], STATIONS[4:], paged=True)  # a row a page after the header's
    for text in STATIONS[3:]:
        table = table_row(index, index.find(text))
        assert table is not None and table.header.text == STATIONS[1]
    # only when the page before ends with a row of the table
    index = Rows(STATIONS[:3], ["Staff figures are for March."], STATIONS[3:], paged=True)
    assert table_row(index, index.find(STATIONS[3])) is None


@pytest.mark.parametrize("notes", [
    ["¹ Output measured at the outlet.", "Figures are provisional."],
    ["Source: station logbooks."],
    ["Примечание: данные предварительные."],
])
def test_notes_at_a_page_s_foot_do_not_end_its_table(notes):
    # a report's table ran from page 3 to page 4 under a footnote; the rows on page 4 were read with no header
    index = Rows([*STATIONS[:3], *notes], STATIONS[3:], paged=True)
    for text in STATIONS[3:]:
        table = table_row(index, index.find(text))
        assert table is not None and table.header.text == STATIONS[1]
    # a paragraph is no note, and four lines are more than a page's foot holds
    index = Rows([*STATIONS[:3], "Staff figures are for March.", *notes], STATIONS[3:], paged=True)
    assert table_row(index, index.find(STATIONS[3])) is None
    index = Rows([*STATIONS[:3], "¹ A note.", "Two.", "Three.", "Four."], STATIONS[3:], paged=True)
    assert table_row(index, index.find(STATIONS[3])) is None


@pytest.mark.parametrize(
    "question, row, cell",
    [
        ("What is the output per day of the Osgate station?", STATIONS[3], "5,100 cubic metres"),
        ("How many staff work at Fenwick Mill?", STATIONS[4], "6"),
        ("Which station has 9 staff?", STATIONS[3], "Osgate"),
        ("What crop does Priya Castellan grow?", PLOTS[2], "runner beans"),
        ("Which plot does Hamish Dunmore hold?", PLOTS[1], "7"),
        ("How much heroin did Tajikistan seize in 2022?", SEIZURES[2], "2,650 kg"),
    ],
)
def test_the_short_answer_is_the_cell_under_the_column_asked(question, row, cell):
    assert _cell(Rows(STATIONS, PLOTS, SEIZURES), question, row) == cell


def test_without_a_column_named_the_one_cell_of_the_kind_asked_answers():
    index = Rows(PLOTS)
    assert _cell(index, "Who holds plot 12?", PLOTS[2]) == "Priya Castellan"  # "holds" is not "Holder"


@pytest.mark.parametrize(
    "question, row, cell",
    [
        # "course" names the Course column, but a how-many question is answered by a figure
        ("How many customs officers attended the cargo risk profiling course?", COURSES[1], "32 customs officers"),
        # a date is no count: the place-and-dates cell holds figures, only the participants' cell a number
        ("How many dog handlers took part in the canine handling course?", COURSES[2], "18 dog handlers"),
        # "take place" shares "take" with "Units taking part"; a when-question is answered by a date
        ("When did the Mountain Pass patrol take place?", PATROLS[1], "1 to 30 November 2023"),
    ],
)
def test_a_column_named_by_the_question_answers_only_with_the_kind_asked(question, row, cell):
    assert _cell(Rows(COURSES, PATROLS), question, row) == cell


@pytest.mark.parametrize(
    "question, cell",
    [
        # "acetic anhydride" names the other column more fully, but the question counts cases
        ("How many acetic anhydride cases did Kazakhstan have?", "7"),
        ("How many litres of acetic anhydride did Kazakhstan seize?", "1,250"),
        ("How much acetic anhydride did Kazakhstan seize?", "1,250"),
    ],
)
def test_a_how_many_question_is_answered_from_the_column_of_what_it_counts(question, cell):
    assert _cell(Rows(PRECURSORS), question, PRECURSORS[1]) == cell


def test_a_verb_names_the_column_of_its_agent_noun():
    # "supervises" and "Supervisor" are two Snowball stems: the question named no column, and the gate, which the
    # table overrules only for a named row and column, refused it while "Who is the supervisor …?" was answered
    index = Rows(DEPOTS)
    row = index.find(DEPOTS[1])
    table = table_row(index, row)
    for question in ("Who supervises the Eastwick depot?", "Who is the supervisor of the Eastwick depot?"):
        span = named_column(question, table, row.text)
        assert span is not None and row.text[span[0]:span[1]] == "Tomasz Nowak", question
    assert named_column("Who drives at the Eastwick depot?", table, row.text) is None


def test_no_short_answer_when_no_one_cell_is_asked_for():
    index = Rows(PLOTS, SEIZURES)
    assert _cell(index, "What does Hamish Dunmore grow?", PLOTS[1]) is None
    # both years' figures are quantities and the question names neither year
    assert _cell(index, "How much heroin did Tajikistan seize?", SEIZURES[2]) is None


def test_a_header_row_heads_its_table_and_a_data_row_does_not():
    index = Rows(STATIONS, PLOTS[:1] + ["Hamish Dunmore | leeks | east", "Priya Castellan | beans | west"])
    heading, header, first, second, third = (index.find(t) for t in STATIONS)
    assert heads_table(header, heading, first)
    assert not heads_table(first, header, second) and not heads_table(second, first, third)
    assert not heads_table(heading, None, header)
    # rows of words only: the row under the header is no header, though no figure tells it from one
    plots, hamish, priya = index.rows[5:8]
    assert heads_table(plots, None, hamish) and not heads_table(hamish, plots, priya)


@pytest.mark.slow
def test_a_web_page_table_answers_with_the_cell_of_the_year_asked(invented_service):
    rows = [("Country", "Heroin 2021", "Heroin 2022"), ("Kazakhstan", "1,240 kg", "980 kg"),
            ("Tajikistan", "3,100 kg", "2,650 kg")]
    table = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    page = ("<html><head><title>Drug seizures by country</title></head><body><article><h1>Drug seizures by country</h1>"
            "<p>The regional centre published its annual figures on drug seizures across Central Asia in March 2023, "
            f"covering every member state.</p><table>{table}</table>"
            "<p>The figures include joint operations coordinated by the centre with its partners.</p>"
            "</article></body></html>")
    service = invented_service({"seizures.html": page})
    answer = service.ask("How much heroin did Tajikistan seize in 2022?").answer
    assert answer is not None
    assert (answer.text, answer.header) == ("| Tajikistan | 3,100 kg | 2,650 kg |",
                                            "| Country | Heroin 2021 | Heroin 2022 |")
    assert answer.span_text == "2,650 kg"


def test_a_row_reads_as_a_sentence_of_its_header_and_cells():
    index = Rows(STATIONS, ["Year | Operations | Drugs seized (kg) | Next review",
                            "2023 | 12 | 905 | 1 May 2024", "2024 | 9 | 780 | 3 May 2025"])
    row = index.find("Fenwick Mill | 2,750 cubic metres | 6")
    # a quantity before its header, as what it counts ("How many staff ...")
    assert reading(table_row(index, row), row.text) == (
        "Station: Fenwick Mill; 2,750 cubic metres Output per day; 6 Staff.")
    row = index.find("2023 | 12 | 905 | 1 May 2024")
    # a year and a date are no counts, and a header's unit goes with its bare figures
    assert reading(table_row(index, row), row.text) == (
        "Year: 2023; 12 Operations; 905 kg Drugs seized; Next review: 1 May 2024.")
    russian = Rows(ИЗЪЯТИЯ)
    row = russian.find(ИЗЪЯТИЯ[2])
    assert reading(table_row(russian, row), row.text, "ru") == (
        "Страна: Таджикистан; 2021 год: 3 100 кг; 2022 год: 2 650 кг.")


@pytest.mark.slow
def test_a_russian_table_answers_a_question_naming_its_row_in_another_case(tmp_path):
    # "в Казахстане" asks about the row "Казахстан": one term in every case (qa.lang.ru.whole_names)
    from qa.app.service import QAService
    from qa.build import run_build
    from qa.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "obzor.md").write_text(
        "# Изъятия наркотиков по странам\n\n"
        "Национальные ведомства сообщили об изъятиях наркотиков за 2023 год.\n\n"
        "| Страна | Героин | Опий |\n|---|---|---|\n| Казахстан | 412 кг | 1 050 кг |\n"
        "| Кыргызстан | 96 кг | 310 кг |\n| Таджикистан | 1 380 кг | 2 240 кг |\n\n"
        "В таблицу вошли итоги всех ведомств каждой страны.\n", encoding="utf-8")
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index")
    run_build(settings)
    answer = QAService(settings).ask("Сколько героина изъяли в Казахстане?").answer
    assert answer is not None
    assert (answer.text, answer.header) == ("| Казахстан | 412 кг | 1 050 кг |", "| Страна | Героин | Опий |")
    assert answer.span_text == "412 кг"


def _candidates(index: Rows, scored: list[tuple[str, float]]) -> list:
    """The rows as the answer step's candidates, best first, each with its reading."""
    from qa.answer import Candidate
    from qa.contracts import Passage
    from qa.store import ChunkRow

    passage = Passage(1, ChunkRow(0, "doc.pdf", 0, 0, 9, "text", 0, 9), None, 1.0, 0.5, 1.0, 3.0)
    tables = Tables(index)
    out = [Candidate(index.find(t), passage, {}, score, tables.reading(index.find(t))) for t, score in scored]
    return sorted(out, key=lambda c: -c.score)


def test_the_row_the_question_names_wins_over_a_row_whose_figure_holds_the_same_digits():
    from qa.answer.rows import prefer_named_row
    from qa.lang import analyze

    rows = ["Site 677 | 8,804 litres | 1,353 litres", "Site 1971 | 5,677 litres | 3,588 litres"]
    index = Rows(["Site | Spring | Summer", *rows])
    question = "What was the summer reading at Site 677?"
    ranked = _candidates(index, [(rows[1], 9.0), (rows[0], 8.0)])  # the sentence model's order
    assert prefer_named_row(ranked, analyze(question), Tables(index))[0].sentence.text == rows[0]


def test_a_row_holding_more_of_the_question_wins_over_the_prose_that_introduces_its_table():
    from qa.answer.rows import prefer_named_row
    from qa.lang import analyze

    intro = "Five crossing points took part in the joint profiling exercise."
    rows = ["Karasu | Kyrgyzstan–Uzbekistan | 85", "Farap | Turkmenistan–Uzbekistan | 64"]
    index = Rows([intro, "Crossing point | Border | Officers", *rows])
    question = "How many officers work at the Karasu crossing point?"
    ranked = _candidates(index, [(intro, 9.5), (rows[0], 9.2), (rows[1], 6.0)])
    assert prefer_named_row(ranked, analyze(question), Tables(index))[0].sentence.text == rows[0]


def test_the_period_asked_does_not_count_for_the_summary_above_a_table_of_that_period():
    # the summary repeats the caption's period, the row never does: "first half of 2024" made the summary hold more
    # of the question than Kyrgyzstan's row, and the row lost
    from qa.answer.rows import prefer_named_row
    from qa.lang import analyze

    summary = "In the first half of 2024 the agencies of the five states seized a total of 12 186 kg of drugs."
    rows = ["Kazakhstan | 84 | 1 420 | 1 504", "Kyrgyzstan | 41 | 610 | 651"]
    index = Rows([summary, "Country | Heroin | Hashish | Total", *rows])
    question = "How much hashish was seized in Kyrgyzstan in the first half of 2024?"
    ranked = _candidates(index, [(summary, 9.5), (rows[0], 9.2), (rows[1], 9.0)])
    assert prefer_named_row(ranked, analyze(question), Tables(index), question)[0].sentence.text == rows[1]
    # without the question's date read, the summary keeps its place (the rule reads the date, not every word)
    assert prefer_named_row(ranked, analyze(question), Tables(index))[0].sentence.text == summary


def test_a_row_far_down_that_the_question_names_wins_over_the_prose_that_introduces_its_table():
    from qa.answer.rows import prefer_named_row
    from qa.lang import analyze

    intro = "The board lists every gauge's readings for the year, site by site."
    rows = [f"Site {n} | {n * 13} litres | {n * 17} litres" for n in range(1, 8)]
    index = Rows([intro, "Site | Spring | Summer", *rows])
    question = "What was the summer reading at Site 7?"
    # the rows nearest the introduction rank above the one asked for
    ranked = _candidates(index, [(intro, 9.5), *((r, 8.0 - i / 10) for i, r in enumerate(rows))])
    assert prefer_named_row(ranked, analyze(question), Tables(index))[0].sentence.text == rows[6]


def test_the_named_row_wins_on_whichever_page_of_its_table_it_is_printed():
    from qa.answer.rows import prefer_named_row
    from qa.lang import analyze

    first, second = ["Site 677 | 8,804 litres | 1,353 litres"], ["Site 1971 | 5,677 litres | 3,588 litres"]
    index = Rows(["Site | Spring | Summer", *second], first, paged=True)  # the row asked for on page 2
    ranked = _candidates(index, [(second[0], 9.0), (first[0], 8.0)])
    question = "What was the summer reading at Site 677?"
    assert prefer_named_row(ranked, analyze(question), Tables(index))[0].sentence.text == first[0]


@pytest.mark.slow
def test_a_long_table_answers_for_the_row_and_column_the_question_names(tmp_path, real_embedder):
    # the gate, fitted on prose, reads the rows of one table as near ties and refused 57 of 129 such
    # questions; a row named by a whole cell under a column named by its header is the table's own answer
    import docgen

    from qa.app.service import QAService
    from qa.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gauges.docx").write_bytes(docgen.gauges_docx(300))
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index"), embedder=real_embedder)
    service.build()
    for site, column, k in ((262, "spring", 13), (269, "summer", 17), (290, "autumn", 21)):
        answer = service.ask(f"What was the {column} reading at Site {site}?").answer
        assert answer is not None and answer.text.startswith(f"Site {site} |"), (site, column)
        assert answer.span_text == f"{site * k:,} litres"
        assert answer.score >= 0.7  # not the prose calibration's 0.17-0.3 (pick.NAMED_CELL_CONFIDENCE)
    # a site past the table's last row names no row: still "not found"
    assert service.ask("What was the spring reading at Site 512?").answer is None


@pytest.mark.slow
def test_a_row_without_a_cell_of_the_kind_asked_does_not_answer(tmp_path):
    # over e5, whose gate passed them at confidence 0.05-0.18, "who" got a row of agencies and figures
    import docgen

    from qa.app.service import QAService
    from qa.build import run_build
    from qa.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "operations.pdf").write_bytes(docgen.wrapped_table_pdf())
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index", multilingual="always")
    run_build(settings)
    service = QAService(settings)
    assert service.ask("Who commanded the Caspian Gate operation?").answer is None
    assert service.ask("Who headed the Kanal-Patrol Central Asia operation?").answer is None
    answer = service.ask("Which agencies took part in operation Northern Route?").answer
    assert answer is not None and answer.span_text == "Drug control agencies of Kazakhstan and Uzbekistan"


def test_a_row_lacks_the_kind_asked_when_only_the_cell_the_question_names_has_it():
    index = Rows(PATROLS)
    table = table_row(index, index.find(PATROLS[1]))
    # "Mountain Pass" reads as a name, but the question names it: it picks the row, it does not answer
    assert lacks_kind("Who commanded the Mountain Pass patrol?", table, PATROLS[1])
    assert not lacks_kind("When did the Mountain Pass patrol take place?", table, PATROLS[1])


QUARTERS = ["Quarter | Heroin (kg) | Hashish (kg) | Methamphetamine (kg)", "Q1 2023 | 455 | 2,100 | 85",
            "Q2 2023 | 310 | 1,750 | 120", "Q3 2023 | 275 | 990 | 64", "Q4 2023 | 190 | 1,310 | 141",
            "Total 2023 | 1,230 | 6,150 | 410"]


def _asked_period_first(index: Rows, question: str, scored: list[tuple[str, float]], unit: float = 1.0) -> str:
    """The text of the candidate prefer_asked_period puts first; a sentence's `unit` feature (whether it holds a
    quantity of what is asked) as the answer types give it."""
    from qa.answer.rows import prefer_asked_period
    from qa.lang import analyze

    ranked = _candidates(index, scored)
    for c in ranked:
        c.features["unit"] = 1.0 if c.reading is not None else unit
    return prefer_asked_period(ranked, question, analyze(question), Tables(index))[0].sentence.text


def test_a_question_naming_a_year_is_answered_by_the_years_row_not_a_quarters():
    index = Rows(QUARTERS)
    # the sentence model ranks the quarters' rows above the year's: they share the same words
    scored = [(QUARTERS[1], 9.0), (QUARTERS[2], 8.9), (QUARTERS[5], 8.5), (QUARTERS[4], 8.0)]
    assert _asked_period_first(index, "How much hashish was seized in 2023?", scored) == QUARTERS[5]
    # a quarter's row still answers for its quarter, "fourth quarter" naming "Q4"
    scored = [(QUARTERS[5], 9.0), (QUARTERS[1], 8.9), (QUARTERS[4], 8.0)]
    question = "How much methamphetamine was seized in the fourth quarter of 2023?"
    assert _asked_period_first(index, question, scored) == QUARTERS[4]
    assert _asked_period_first(index, "How much opium was seized in Q1 2023?", scored) == QUARTERS[1]
    # no row of the year asked: the model's order stands
    assert _asked_period_first(index, "How much hashish was seized in 2022?", scored) == QUARTERS[5]


def test_a_total_naming_no_year_answers_for_the_year_its_rows_are_parts_of():
    rows = ["Month | Vessels boarded", "January 2024 | 71", "February 2024 | 64", "Total | 135"]
    index = Rows(rows)
    scored = [(rows[1], 9.0), (rows[2], 8.5), (rows[3], 8.0)]
    assert _asked_period_first(index, "How many vessels were boarded in 2024?", scored) == rows[3]
    assert _asked_period_first(index, "How many vessels were boarded in February 2024?", scored) == rows[2]


def test_a_russian_table_answers_a_year_with_its_total_row():
    rows = ["Период | Героин (кг) | Опий (кг)", "I квартал 2023 г. | 455 | 1 240", "II квартал 2023 г. | 310 | 980",
            "Итого за 2023 год | 765 | 2 220"]
    index = Rows([(r) for r in rows])
    scored = [(rows[1], 9.0), (rows[2], 8.5), (rows[3], 8.0)]
    assert _asked_period_first(index, "Сколько опия изъято в 2023 году?", scored) == rows[3]


def test_the_years_row_of_the_place_asked_wins_not_another_places():
    rows = ["Country | Year | Heroin (kg)", "Kazakhstan | 2023 | 412", "Tajikistan | 2022 | 1,380",
            "Tajikistan | 2023 | 1,120"]
    index = Rows(rows)
    scored = [(rows[2], 9.0), (rows[1], 8.5), (rows[3], 8.0)]
    assert _asked_period_first(index, "How much heroin did Tajikistan seize in 2023?", scored) == rows[3]


def test_a_row_with_the_figure_wins_over_a_sentence_that_states_none():
    after = "Heroin seizures fell in every quarter of 2023, while methamphetamine seizures rose in the fourth quarter."
    index = Rows([*QUARTERS, after])
    question = "How much methamphetamine did the border offices seize in the fourth quarter of 2023?"
    scored = [(after, 12.0), (QUARTERS[5], 9.0), (QUARTERS[4], 8.0), (QUARTERS[1], 7.9)]
    assert _asked_period_first(index, question, scored, unit=0.0) == QUARTERS[4]
    assert _asked_period_first(index, "How much methamphetamine was seized in 2023?", scored, unit=0.0) == QUARTERS[5]
    # a sentence that states a quantity of what is asked keeps its place: the model weighs the two
    assert _asked_period_first(index, question, scored, unit=1.0) == after
    # a column no header names ("cocaine") states nothing of what is asked
    assert _asked_period_first(index, "How much cocaine was seized in 2023?", scored, unit=0.0) == after


def test_a_quarters_label_is_no_count_and_the_asked_column_answers():
    index = Rows(QUARTERS)
    question = "How much methamphetamine was seized in the fourth quarter of 2023?"
    assert _cell(index, question, QUARTERS[4]) == "141"  # not "Q4 2023" under "Quarter"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["report.pdf", "report.docx"])
def test_a_reports_quarterly_table_answers_for_the_period_asked(invented_service, name):
    # docgen.QUARTERLY_TABLE: a row a quarter and one for the year, and a sentence after it that names the fourth
    # quarter with no figure
    import docgen

    service = invented_service({name: docgen.quarterly_pdf() if name.endswith(".pdf") else docgen.quarterly_docx()})
    for question, row, cell in (
        # the year's row, not a quarter's the model ranks above it
        ("How many vessels did the inspectorate board in 2024?", "Total 2024 | 1,002 | 208 | 86", "1,002"),
        # a quarter's row, "second quarter" naming "Q2"
        ("How many vessels did the inspectorate board in the second quarter of 2024?", "Q2 2024 | 305 | 51 | 22",
         "305"),
        ("How many vessels were boarded in Q2 2024?", "Q2 2024 | 305 | 51 | 22", "305"),
        # the row stating the figure, not the sentence that states none
        ("How many illegal nets did the inspectorate seize in the fourth quarter of 2024?", "Q4 2024 | 198 | 73 | 31",
         "73"),
    ):
        answer = service.ask(question).answer
        assert answer is not None, question
        assert (answer.text, answer.span_text) == (row, cell), question
    assert service.ask("How many vessels did the inspectorate board in the first quarter of 2025?").answer is None


def test_a_total_row_ranked_first_keeps_its_place_beside_rows_of_no_period():
    rows = ["Month | Vessels boarded", "January 2024 | 71", "Chartered boats | 12", "Total | 83"]
    index = Rows(rows)
    scored = [(rows[3], 9.0), (rows[2], 8.5), (rows[1], 8.0)]
    assert _asked_period_first(index, "How many vessels were boarded in 2024?", scored) == rows[3]


def test_a_sentence_on_another_period_gives_way_to_the_asked_quarters_row():
    # it states a figure, of the third quarter or of the whole year: not the second quarter's
    question = "How much methamphetamine was seized in the second quarter of 2023?"
    for other in ("Most methamphetamine was seized in the fourth quarter (141 kg).",
                  "In 2023 the agencies seized a total of 410 kg of methamphetamine."):
        index = Rows([*QUARTERS, other])
        scored = [(other, 12.0), (QUARTERS[5], 9.0), (QUARTERS[2], 8.0), (QUARTERS[1], 7.9)]
        assert _asked_period_first(index, question, scored, unit=1.0) == QUARTERS[2]
    # for the whole year a sentence on the year keeps its place: the model weighs it against the total's row
    index = Rows([*QUARTERS, other])
    assert _asked_period_first(index, "How much methamphetamine was seized in 2023?", scored, unit=1.0) == other


def test_the_substance_asked_names_its_column_in_another_language():
    rows = ["Квартал | Героин, кг | Гашиш, кг", "I квартал | 712 | 2 418", "II квартал | 905 | 3 066"]
    index = Rows(rows)
    assert _cell(index, "How much hashish was seized in the second quarter of 2024?", rows[2]) == "3 066"
    assert _cell(index, "How much heroin was seized in Q2 2024?", rows[2]) == "905"


PROGRAMME = ["Time | Session | Room", "09:00-10:30 | Opening session | Hall A", "11:00-12:30 | Border control | Room 3",
             "Time | Session | Room", "09:30-11:00 | Forensic laboratories | Hall B"]


def test_a_header_written_again_heads_the_next_table_and_is_no_row():
    # a web page's second table under the same header, with no line between the two
    index = Rows(PROGRAMME)
    tables = Tables(index)
    again = index.rows[3]
    assert tables.repeats_header(again) and tables.row(again) is None
    assert not tables.repeats_header(index.rows[4]) and tables.row(index.rows[4]) is not None
    assert not tables.repeats_header(index.rows[0])


def test_a_time_of_day_answers_when_a_session_starts():
    index = Rows(PROGRAMME)
    question = "What time does the session on forensic laboratories start?"
    row = index.find(PROGRAMME[4])
    assert not lacks_kind(question, table_row(index, row), row.text)
    assert _cell(index, question, PROGRAMME[4]) == "09:30-11:00"


def test_a_substance_the_named_column_does_not_name_is_not_answered_by_the_table_itself():
    # "Drugs seized (kg)" is all drugs: its row of 2023 says nothing of cocaine, so the table does not vouch for it
    from qa.answer.rows import row_and_column_named
    from qa.lang import analyze

    drugs = ["Year | Operations | Drugs seized (kg)", "2022 | 9 | 780", "2023 | 12 | 905"]
    heroin = ["Year | Operations | Heroin seized (kg)", "2022 | 9 | 120", "2023 | 12 | 140"]
    index = Rows(drugs, heroin)

    def named(question: str, text: str) -> bool:
        row = index.find(text)
        return row_and_column_named(question, analyze(question), table_row(index, row), row)

    assert named("How much was seized in 2023?", drugs[2])
    assert named("How much heroin was seized in 2023?", heroin[2])
    assert not named("How much cocaine was seized in 2023?", drugs[2])
    # a question for another cell names the substance of the row's figure, not of its own column
    countries = ["Country | Heroin | Cannabis", "Kyrgyzstan | 96 kg | 5,870 kg"]
    index = Rows(drugs, heroin, countries)
    assert named("Which country seized 5,870 kg of cannabis?", countries[1])


def test_a_row_and_column_the_question_names_take_over_from_a_near_sentence_without_a_figure(invented_service):
    # "How much heroin did Ostravia seize in 2031?" got the report's sentence that most heroin is still seized in
    # Ostravia, a little above the row under "Героин, кг"
    report = "\n".join([
        "Годовой отчёт о незаконном обороте наркотиков в регионе за 2031 год",
        "В 2031 году компетентными органами изъято 9 210 кг наркотических средств.",
        "",
        "Страна | Героин, кг | Опий, кг | Гашиш, кг | Всего, кг",
        "Остравия | 1 274 | 1 530 | 2 455 | 5 259",
        "Велания | 203 | 31 | 2 870 | 3 104",
        "Итого | 1 477 | 1 561 | 5 325 | 8 363",
        "",
        "Наибольший объём изъятий героина по-прежнему приходится на Остравию.",
    ])
    service = invented_service({"otchet_2031.txt": report})
    answer = service.ask("Сколько героина изъяла Остравия в 2031 году?").answer
    assert answer is not None and "1 274" in answer.text


COURSE_LIST = """# Перечень курсов Учебного центра Скарна, 2030–2032 гг.

Учебный центр Скарна в 2030–2032 гг. провёл пять курсов для сотрудников портовых служб.

| № | Курс | Даты | Место | Участники |
|---|---|---|---|---|
| 1 | Досмотр контейнеров | 14–18 марта 2030 г. | Порт-Эллери | 18 |
| 2 | Контролируемые поставки | 6–10 июня 2030 г. | Венлоу | 22 |
| 3 | Контролируемые поставки | 5–9 июня 2031 г. | Скарн | 25 |
| 4 | Выявление прекурсоров | 3–7 октября 2031 г. | Скарн | 16 |
| 5 | Финансовые расследования | 18–22 ноября 2032 г. | Венлоу | 21 |
"""
COURSE_NEWS = """В Скарне завершился курс по контролируемым поставкам

СКАРН, 9 июня 2031 г. — В Скарне завершился пятидневный учебный курс по контролируемым поставкам, организованный \
Учебным центром Скарна.

Слушатели отработали проведение контролируемой поставки на учебном грузовом терминале порта.

Сертификаты участникам вручил заместитель директора центра Ерлан Тобольский.
"""


def test_a_course_list_answers_its_rows_and_a_row_of_another_year_is_no_answer(invented_service):
    # the list's dated rows had each become an item; as one item titled "2030–2032 гг." its 2032 row answered the
    # question about a 2031 course of that name; and its course row, which names no one, hid the news sentence that
    # says who handed out the certificates
    other = ("В порту Венлоу открыт новый досмотровый комплекс\n\nВЕНЛОУ, {} — В порту Венлоу открыт новый "
             "досмотровый комплекс для контейнеров и грузовиков.\n")
    service = invented_service({"kursy.md": COURSE_LIST, "novosti_skarn_2031.txt": COURSE_NEWS,
                                "novosti_venlou_2030.txt": other.format("3 мая 2030 г."),
                                "novosti_venlou_2032.txt": other.format("12 апреля 2032 г.")})
    answer = service.ask("Сколько участников было на курсе по выявлению прекурсоров в 2031 году?").answer
    assert answer is not None and "16" in answer.text
    reply = service.ask("Сколько участников было на курсе по финансовым расследованиям в 2031 году?")
    assert reply.answer is None
    answer = service.ask("Кто вручил сертификаты участникам курса по контролируемым поставкам в Скарне?").answer
    assert answer is not None and "Ерлан Тобольский" in answer.text


def test_a_row_with_no_date_is_not_replaced_by_a_sentence_about_something_else(invented_service):
    # the row naming the asked crossing point holds no date: "not found", not the report's sentence that names
    # the year of other works
    report = "\n".join([
        "# Border Management Programme: Progress Report 2031",
        "",
        "The programme upgraded four border crossing points in 2031.",
        "",
        "| Crossing point | Border | Works completed | Cost |",
        "|---|---|---|---|",
        "| Wenlow | Skarn-Ostravia | Scanning equipment for rail cargo installed | EUR 1.8 million |",
        "| Tarrow | Skarn-Velania | New passenger hall with eight inspection lanes | EUR 2.4 million |",
        "| Oskby | Ostravia-Velania | Kennels and a training ground for detection dogs | EUR 0.6 million |",
        "",
        "All works were handed over to the national services by December.",
    ])
    service = invented_service({"programme_2031.md": report})
    assert service.ask("When did the new passenger hall at Tarrow open?").answer is None


HARBOUR_NET = """# Operation Harbour Net 2024: final report

Operation Harbour Net 2024 ran from 1 to 30 November 2024 in the ports of the Lake Region.

| Agency | Country | Drugs seized (kg) | Arrests |
|---|---|---|---|
| Harbour Police | Amberland | 455 | 21 |
| Coast Guard | Brightmoor | 301 | 14 |
| Port Customs | Coldharbour | 1 024 | 13 |

The agencies will meet again in Skarn in March 2025.
"""


def test_a_row_and_column_named_do_not_answer_for_a_year_the_table_is_not_about(invented_service):
    # the table's row and column are named, so it used to answer past the gate at 0.7, whatever year was asked
    service = invented_service({"harbour_net_2024.md": HARBOUR_NET})
    answer = service.ask("How many arrests did the Harbour Police of Amberland make in Operation Harbour Net 2024?") \
        .answer
    assert answer is not None and answer.span_text == "21" and answer.score >= 0.7
    other = service.ask("How many arrests did the Harbour Police of Amberland make in Operation Harbour Net 2022?") \
        .answer
    assert other is None or other.score < 0.7


def test_a_table_of_all_drugs_does_not_say_how_much_of_one_was_seized(invented_service):
    # "Drugs seized (kg)" is every drug: the Port Customs' 1 024 kg is no answer about cocaine
    service = invented_service({"harbour_net_2024.md": HARBOUR_NET})
    answer = service.ask("How many kilograms of drugs did the Port Customs of Coldharbour seize in Harbour Net 2024?") \
        .answer
    assert answer is not None and answer.span_text == "1 024"
    assert service.ask("How much cocaine did the Port Customs of Coldharbour seize in Harbour Net 2024?").answer is None


def test_a_named_cell_far_down_answers_a_how_much_question_whose_best_states_no_quantity():
    # "Heroin seizures were concentrated on the Tajik-Afghan border, while opium was seized mostly in Tajikistan, …"
    # held every word of the question and no figure; the row asked for ranked eighth, far behind
    from qa.answer.features import Candidate
    from qa.answer.pick import prefer_named_cell
    from qa.lang import analyze
    from qa.contracts import Passage
    from qa.store import ChunkRow

    table = ["Seizures by country (kg)", "Country | Heroin | Opium", "Kazakhstan | 612 | 95",
             "Tajikistan | 1,706 | 1,218"]
    index = Rows([*table, "Heroin seizures were concentrated on the border, while opium was seized mostly in "
                  "Tajikistan and Kazakhstan."])
    passage = Passage(1, ChunkRow(0, "doc.pdf", 0, 0, 9, "text", 0, 9), None, 1.0, 0.5, 1.0, 3.0)
    prose = index.rows[-1]

    def ranked(question: str, behind: float, unit: float = 0.0) -> list[Candidate]:
        best = Candidate(prose, passage, {"typed": 0.0, "unit": unit}, 30.0)
        row = Candidate(index.find("Tajikistan | 1,706 | 1,218"), passage, {"typed": 0.0, "unit": 0.0}, 30.0 - behind)
        others = [Candidate(index.rows[0], passage, {"typed": 0.0, "unit": 0.0}, 29.9 - k * 0.1) for k in range(4)]
        return [best, *others, row] if behind > 1 else [best, row, *others]

    q = "How much heroin did Tajikistan seize?"
    terms = analyze(q)
    assert prefer_named_cell(q, terms, ranked(q, 6.0), Tables(index))[0].sentence.text.startswith("Tajikistan")
    # not when the best states a quantity, nor for another kind of question, nor past the best ten
    assert prefer_named_cell(q, terms, ranked(q, 6.0, unit=1.0), Tables(index))[0].sentence is prose
    who = "Which country reported heroin seizures in Tajikistan?"
    assert prefer_named_cell(who, analyze(who), ranked(who, 6.0), Tables(index))[0].sentence is prose
    far = ranked(q, 6.0)
    far = [far[0], *far[1:5] * 3, far[5]]
    assert prefer_named_cell(q, terms, far, Tables(index))[0].sentence is prose


def test_a_row_whose_table_says_nothing_of_the_question_s_event_gives_way_to_the_sentence_that_does():
    # a monthly table of one service's seizures names the month and "drugs" of a question about a public destruction
    # in another city; the news item that tells of it holds more of the question's words and a figure
    from qa.answer import Candidate
    from qa.answer.pick import past_unsaid_row
    from qa.answer.rows import date_terms
    from qa.answer.tables import says_asked_terms
    from qa.contracts import Passage
    from qa.lang import analyze
    from qa.store import ChunkRow

    rows = ["Month | Heroin, kg | Hashish, kg | Total, kg", "March | 17.5 | 130.8 | 152.3",
            "April | 44.0 | 158.3 | 207.1"]
    news = "The agency publicly destroyed 3.4 tonnes of drugs in Skarn, seized in earlier years."
    index = Rows(rows, [news])
    passage = Passage(1, ChunkRow(0, "doc.pdf", 0, 0, 9, "Seizures of drugs by the Tamsin customs", 0, 9), None,
                      1.0, 0.5, 1.0, 3.0)
    tables = Tables(index)
    march = index.find(rows[1])
    question = "How many tonnes of drugs were publicly destroyed in Skarn in March 2024?"
    terms = analyze(question)
    assert not says_asked_terms(terms, passage, tables.row(march), march.text, date_terms(question))
    ranked = [Candidate(march, passage, {"typed": 1.0, "lex": 0.2}, 9.0, tables.reading(march)),
              Candidate(index.find(news), passage, {"typed": 1.0, "lex": 0.6}, 6.0)]
    assert past_unsaid_row(question, terms, ranked, tables)[0].sentence.text == news
    # the table's own question keeps its row
    asked = "How much hashish did the Tamsin customs seize in March 2024?"
    assert says_asked_terms(analyze(asked), passage, tables.row(march), march.text, date_terms(asked))
    assert past_unsaid_row(asked, analyze(asked), ranked, tables)[0].sentence.text == rows[1]


@pytest.mark.parametrize(("question", "row", "cell"), [
    # a Russian question names an English table's column by the thing it counts, and the other way round
    ("Сколько совместных патрулей было проведено во втором квартале 2024 года?", "Q2 (April-June) | 58 | 205", "58"),
    ("How much did Wenlow contribute to the harbour project?", "Венлоу | 700 000 | 15 %", "700 000"),
])
def test_a_column_is_named_by_what_the_question_counts_in_the_other_language(question, row, cell):
    header = "Quarter | Joint patrols | Officers trained" if row.startswith("Q2") else "Донор | Взнос, долл. США | Доля"
    index = Rows([header, row])
    r = index.find(row)
    span = named_column(question, table_row(index, r), r.text, "ru" if row.startswith("В") else "en")
    assert span is not None and r.text[span[0]:span[1]] == cell
    # within one language the table of counted things names nothing: "officers" is no column "Officials"
    same = Rows(["Quarter | Officials | Patrols", "Q2 | 12 | 58"])
    r = same.find("Q2 | 12 | 58")
    assert named_column("How many officers were trained in Q2?", table_row(same, r), r.text, "en") is None
