"""Asking within filters, through the service: what a user sees in the result."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from qa.answer.pick import Picked
from qa.app.service import QAService, QuestionError
from qa.contracts import Filters, Query

FIXTURES = Path(__file__).parent.parent / "fixtures" / "filters"


@pytest.fixture
def service(tmp_path, settings_for, hash_embedder):
    corpus = tmp_path / "corpus"
    shutil.copytree(FIXTURES, corpus)
    s = QAService(settings_for(corpus, chunk_tokens=25, overlap_sentences=0), embedder=hash_embedder)
    s.build()
    return s


def dates(result):
    return [p.date for p in result.passages]


def test_a_date_filter_returns_only_passages_dated_in_the_range(service):
    r = service.ask("Who did the board meet?", 5, Filters(since="2021-08", until="2021-08-31"))
    assert r.passages and all(d.startswith("2021-08") for d in dates(r))
    assert r.scope.reading == "Searched items dated Aug 2021"
    assert r.scope.undated_left_out == 1
    assert "1 item without a date was left out (Orchard report · orchard.txt)" in r.notes
    j = r.to_json()
    assert j["filters"]["since"] == "2021-08" and all(p["date"].startswith("2021-08") for p in j["passages"])


def test_an_undated_item_a_questions_date_left_out_is_noted_only_when_it_bears_on_the_question(service):
    # the orchard report has no date: under every dated question the reply said it was left out, whatever was asked
    about_orchard = service.ask("Who did the orchard board choose as head gardener in August 2021?", 3)
    assert "1 item without a date was left out (Orchard report · orchard.txt)" in about_orchard.notes
    about_ferries = service.ask("Which daily crossing did the ferry company announce in August 2022?", 3)
    assert about_ferries.scope.undated_left_out == 1 and not about_ferries.scope.undated_relevant
    assert not any("without a date" in n for n in about_ferries.notes)


def test_a_query_carries_its_filters(service):
    r = service.ask(Query("Who did the board meet?", 3, Filters(sources=("ferries.md",))))
    assert r.passages and {p.doc for p in r.passages} == {"ferries.md"}
    assert r.scope.reading == "Searched items from ferries.md"


def test_a_source_filter_keeps_undated_items(service):
    r = service.ask("Who is the head gardener?", 3, Filters(sources=("orchard*",)))
    assert r.passages and {p.doc for p in r.passages} == {"orchard.txt"}
    assert r.scope.undated_left_out == 0


def test_a_range_without_items_is_a_message_not_an_error(service):
    r = service.ask("Who did the board meet?", 5, Filters(since="2030"))
    assert r.answer is None and r.passages == []
    assert any("No items dated since 2030" in n and "4 Mar 2019" in n for n in r.notes)


def test_unknown_sources_are_an_error_when_nothing_else_is_left(service):
    with pytest.raises(QuestionError, match="no indexed document matches the source 'reports/'"):
        service.ask("Who did the board meet?", 5, Filters(sources=("reports/",)))
    r = service.ask("Who did the board meet?", 5, Filters(sources=("reports/", "harbour/")))
    assert "no indexed document matches the source 'reports/'" in r.notes


@pytest.mark.parametrize(("since", "until"), [("2021-13", None), ("last week", None), ("2022", "2021")])
def test_bad_dates_are_a_clear_error(service, since, until):
    # the page labels the fields From and To, the command --since and --until: the message names both
    with pytest.raises(QuestionError, match=r"from \(since\)|swap the two dates"):
        service.ask("Who did the board meet?", 5, Filters(since=since, until=until))


def test_a_date_in_the_question_narrows_the_search_and_says_so(service):
    r = service.ask("Whom did the harbour board appoint in August 2021?", 3)
    assert r.scope.from_question and r.scope.question_words == "in August 2021"
    assert r.scope.reading.startswith("Searched items dated Aug 2021")
    if r.answer is not None:  # the date filter held: everything shown is from August 2021
        assert all(d.startswith("2021-08") for d in dates(r))


def test_the_question_date_is_dropped_when_nothing_in_its_range_answers(service, monkeypatch):
    calls = []
    real = QAService._answer

    def first_finds_nothing(self, text, qvec, terms, index, pool, selection, *rest):
        calls.append(selection)
        if len(calls) == 1:
            return Picked(None, [])
        return real(self, text, qvec, terms, index, pool, selection, *rest)

    monkeypatch.setattr(QAService, "_answer", first_finds_nothing)
    r = service.ask("Who chose the pilot boats in July 2019?", 3)
    assert calls[0] is not None and calls[1] is None  # filtered first, then everything
    assert not r.scope.from_question
    assert r.scope.reading == "Searched all items: none dated Jul 2019 answers this"


def test_a_relative_date_dropped_says_what_it_was_counted_from(service, monkeypatch):
    # "last year" is the year before the newest item's, not before today's: said when it is dropped too
    real = QAService._answer
    calls = []

    def first_finds_nothing(self, text, qvec, terms, index, pool, selection, *rest):
        calls.append(selection)
        return Picked(None, []) if len(calls) == 1 else real(self, text, qvec, terms, index, pool, selection, *rest)

    monkeypatch.setattr(QAService, "_answer", first_finds_nothing)
    r = service.ask("Who did the harbour board appoint last year?", 3)
    assert r.scope.reading.startswith("Searched all items: none dated 2021 (\"last year\" counted from the newest item")


def test_a_date_no_item_is_dated_in_is_searched_past_and_said(service):
    # no item is dated 2015: the answer may come from any date, and the reply says so, as it does when the
    # items of the date asked do not answer
    r = service.ask("Who did the harbour board appoint in March 2015?", 3)
    assert r.scope is not None and not r.scope.from_question
    assert r.scope.reading == "Searched all items: none is dated Mar 2015"


def results_press_release(corpus: Path) -> None:
    """A press release dated January 2022 on the harbour's results of 2021 (the fixture's items are dated 2019-2022)."""
    (corpus / "harbour" / "results.txt").write_text(
        "Port Ellery harbour board summarises 2021\n\nPort Ellery, 20 January 2022\n\n"
        "In 2021 the harbour board repaired 14 piers and dredged the north channel.\n\n"
        "The board thanked the Skarn quarry for its granite.\n", encoding="utf-8")


def test_a_year_asked_about_searches_the_items_that_report_it_as_well_as_those_dated_in_it(service):
    results_press_release(service.settings.corpus_dir)
    service.build()
    r = service.ask("How many piers did the harbour board repair in 2021?", 3)
    assert r.scope.from_question
    assert r.scope.reading.startswith("Searched items dated or mentioning 2021")
    assert r.answer is not None and r.answer.doc == "harbour/results.txt"  # dated 2022, about 2021
    assert "14 piers" in r.answer.text
    # an explicit filter stays a filter on the items' own dates
    r = service.ask("How many piers did the harbour board repair?", 3, Filters(since="2021", until="2021"))
    assert "harbour/results.txt" not in [p.doc for p in r.passages]


def harbour_news(service: QAService, files: dict[str, str]) -> None:
    """News items of the harbour (name -> text), added to the fixture's corpus and indexed."""
    for name, text in files.items():
        (service.settings.corpus_dir / "harbour" / name).write_text(text, encoding="utf-8")
    service.build()


def test_a_may_date_is_searched_in_the_items_that_report_it_later(service):
    # "may" is a stop word as the verb; as the month it must name the period like any other month's name
    harbour_news(service, {
        "grounding.txt": "Pilot boat aground\n\nPort Ellery, 14 May 2021\n\nThe pilot boat Gannet ran aground at the "
                         "north quay this morning.\n",
        "inquiry.txt": "Harbour inquiry reports\n\nPort Ellery, 20 November 2021\n\nThe inquiry found that the pilot "
                       "boat Gannet ran aground in May 2021 because its chart of the north quay was out of date.\n"})
    r = service.ask("Why did the pilot boat Gannet run aground in May 2021?", 3)
    assert r.scope.reading.startswith("Searched items dated or mentioning May 2021")
    assert "harbour/inquiry.txt" in [p.doc for p in r.passages]


def test_a_question_about_a_plan_searches_the_announcement_published_before_the_period(service):
    # the regatta of June 2022 was announced in January: "how many boats were expected" is the announcement's figure,
    # not the count of the report dated in June
    harbour_news(service, {
        "regatta_call.txt": "Regatta announced\n\nPort Ellery, 10 January 2022\n\nThe harbour board announced that "
                            "the summer regatta will be held in June 2022 and that 40 boats are expected to take "
                            "part.\n",
        "regatta.txt": "Regatta opened\n\nPort Ellery, 12 June 2022\n\nMargaret Quill opened the summer regatta; 35 "
                       "boats sailed past the north quay.\n"})
    r = service.ask("How many boats were expected to take part in the summer regatta in June 2022?", 3)
    assert r.scope.reading.startswith("Searched items dated or mentioning Jun 2022")
    assert "harbour/regatta_call.txt" in [p.doc for p in r.passages]
    # a question about what happened then is not answered by what was announced before it
    done = service.ask("How many boats sailed in the summer regatta in June 2022?", 3)
    assert done.answer is not None and done.answer.doc == "harbour/regatta.txt"
    assert "harbour/regatta_call.txt" not in [p.doc for p in done.passages]


def test_a_relative_date_is_answered_as_the_period_it_was_counted_to(service):
    # "last year" (counted from the newest item, January 2022) is 2021, which the text writes as "In 2021"
    results_press_release(service.settings.corpus_dir)
    service.build()
    r = service.ask("How many piers did the harbour board repair last year?", 3)
    assert r.question == "How many piers did the harbour board repair last year?"  # shown as asked
    assert r.scope.reading.startswith("Searched items dated or mentioning 2021 (\"last year\" counted from")
    assert r.answer is not None and "14 piers" in r.answer.text


def test_an_explicit_date_filter_wins_over_a_date_in_the_question(service):
    r = service.ask("What did the board do in July 2019?", 3, Filters(since="2021", until="2021"))
    assert not r.scope.from_question
    assert all(d.startswith("2021") for d in dates(r))


def test_a_question_without_dates_or_filters_has_no_scope(service):
    r = service.ask("Who is the head gardener?", 3)
    assert r.scope is None and "filters" not in r.to_json()


def test_a_year_asked_about_in_mostly_undated_texts_searches_everything(tmp_path, settings_for, hash_embedder):
    # reference texts: one opens with a date (so it is dated), the others carry none; the year
    # the question names is what it asks about, and the answer is in an undated text
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "lighthouse.txt").write_text(
        "On 3 May 2015 the lighthouse museum opened its doors. It shows old lenses.\n", encoding="utf-8")
    (corpus / "canal.txt").write_text(
        "The canal\n\nMost barges carry grain. The canal carried 4,000 barges in 2015.\n", encoding="utf-8")
    for name in ("mill", "bakery", "orchard"):
        (corpus / f"{name}.txt").write_text(f"The {name}\n\nThe {name} is by the river.\n", encoding="utf-8")
    s = QAService(settings_for(corpus), embedder=hash_embedder)
    s.build()
    r = s.ask("How many barges did the canal carry in 2015?", 3)
    assert r.scope is None  # not narrowed to the one dated text
    assert "canal.txt" in [p.doc for p in r.passages]


@pytest.fixture
def minutes_service(tmp_path, settings_for, hash_embedder):
    """Word minutes dated 14 March 2024 at their top, whose sections mention November 2023 and 30 June 2024."""
    import docgen

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "minutes.docx").write_bytes(docgen.working_group_docx())
    s = QAService(settings_for(corpus), embedder=hash_embedder)
    s.build()
    return s


def test_a_date_filter_finds_a_decision_in_minutes_whatever_deadline_it_names(minutes_service):
    r = minutes_service.ask("What did the working group decide?", 5, Filters(since="2024-03", until="2024-03"))
    assert r.scope.reading == "Searched items dated Mar 2024"
    decisions = [p for p in r.passages if p.title == "3. Decisions"]
    assert decisions and decisions[0].date == "2024-03-14"  # cited as the minutes' date, not the deadline's
    assert r.answer is not None and "decided to set up a joint precursor watch list" in r.answer.text



def test_a_question_naming_the_month_the_minutes_are_dated_gets_their_decision(minutes_service):
    # the month is stated once, at the top ("Date: 14 March 2024"); the Decisions section names only its deadline
    r = minutes_service.ask("What did the working group decide in March 2024?", 5)
    assert r.scope.reading == "Searched items dated Mar 2024"
    assert r.answer is not None and "decided to set up a joint precursor watch list" in r.answer.text


# A drug-control centre's news, dated by publication: the results of 2023 come out in January 2024.
CENTRE_NEWS = {
    "news1.txt": "Centre hosts customs officers\n\nAlmaty, 14 March 2022\n\nThe Regional Centre hosted 20 customs "
                 "officers from Kyrgyzstan for a week of training on risk profiling.\n",
    "news2.txt": "Centre signs agreement with border service\n\nAlmaty, 9 June 2022\n\nThe Regional Centre signed a "
                 "cooperation agreement with the Border Service of Tajikistan on the exchange of information.\n",
    "news3.txt": "Working group meets in Tashkent\n\nTashkent, 18 May 2023\n\nThe working group on precursors met in "
                 "Tashkent and agreed a common list of controlled substances.\n",
    "news4.txt": "Centre director visits Bishkek\n\nBishkek, 2 October 2023\n\nThe director of the Regional Centre "
                 "met the head of the Kyrgyz drug control service to discuss joint operations.\n",
    "results.txt": "Regional Centre summarises the results of 2023\n\nAlmaty, 25 January 2024\n\nIn 2023, operations "
                   "coordinated by the Regional Centre seized 6.3 tonnes of drugs, including 410 kilograms of "
                   "methamphetamine.\n\nThe Regional Centre supported 14 international controlled deliveries in "
                   "2023, against 9 in 2022.\n",
}


@pytest.mark.slow
def test_a_year_asked_about_is_answered_by_the_report_published_after_it(invented_service):
    service = invented_service(CENTRE_NEWS)
    r = service.ask("How many controlled deliveries did the Regional Centre support in 2023?", 3)
    assert r.scope.reading.startswith("Searched items dated or mentioning 2023")
    assert r.answer is not None and r.answer.doc == "results.txt" and "14 international" in r.answer.text
    # "last year" is 2023 here (counted from the newest item), written as the report writes it
    r = service.ask("How much did operations coordinated by the Regional Centre seize last year?", 3)
    assert r.answer is not None and "6.3 tonnes" in r.answer.text


@pytest.mark.slow
def test_a_report_that_names_a_year_only_in_passing_gives_no_answer_about_it(invented_service):
    # results.txt names 2022 once ("against 9 in 2022"): its 2023 methamphetamine figure is no answer about 2022
    service = invented_service(CENTRE_NEWS)
    r = service.ask("How much methamphetamine did operations coordinated by the Regional Centre seize in 2022?", 3)
    assert r.scope.reading.startswith("Searched all items: none dated or mentioning 2022 answers this")
    # nor, once the year is dropped, is the figure of the year it names
    assert r.answer is None and r.not_found == "The best passage is about 2023, not 2022."



# News dated before and after June 2024, and the programme's report for 2025 published in February 2026.
PROGRAMME_NEWS = {
    "osh_course.txt": "Training course on container profiling opens in Osh\n\nOsh, 12 April 2023\n\nMr. Ivo Marsh, "
                      "head of the regional training centre, opened a course on container profiling for 20 customs "
                      "officers.\n",
    "aktobe_unit.txt": "New rail unit opens in Aktobe\n\nAktobe, 5 September 2023\n\nA new rail unit of the Harbour "
                       "Container Programme opened at the Aktobe rail terminal with eight officers.\n",
    "scanners.txt": "Scanners handed over to Termez\n\nTermez, 14 March 2024\n\nThe programme handed over two "
                    "container scanners to the Termez Cargo Unit.\n",
    "workshop.txt": "Regional workshop on risk profiling\n\nAlmaty, 3 October 2025\n\nThirty officers from five "
                    "countries took part in a workshop on risk profiling of rail containers.\n",
}


@pytest.fixture(scope="module")
def programme_service(invented_service):
    import docgen

    return invented_service({**PROGRAMME_NEWS, "report.docx": docgen.programme_report_docx()})


@pytest.mark.slow
def test_who_ran_it_before_a_month_is_answered_by_a_report_published_after_it(programme_service):
    r = programme_service.ask("Who coordinated the programme in the region before June 2024?", 3)
    assert r.scope.reading.startswith("Searched items dated up to May 2024 or mentioning 2022–2024")
    assert r.answer is not None and r.answer.doc == "report.docx" and "Lena Varga" in r.answer.text


@pytest.mark.slow
def test_a_table_row_is_about_the_year_its_header_names(programme_service):
    # the row's "2020" is the year the unit was established; the header says its officers are those of 2025
    r = programme_service.ask("How many officers were working at the Osh Rail Unit in 2025?", 3)
    assert r.answer is not None and "Osh Rail Unit" in r.answer.text and "11" in r.answer.text


def test_a_row_under_a_header_of_years_is_about_the_years_its_header_names():
    # "Mephedrone, kg | 15 | 48 | 212 | 390" names no year; its header "Item | 2021 | 2022 | 2023 | 2024" says which
    # column is 2023's: an answer about 2023 from a report dated 2026, in the scope for naming 2023
    from types import SimpleNamespace

    from qa.contracts import Answer
    from qa.filters.question import parse_question_dates
    from qa.filters.scope import Plan, about_other_years, in_period

    reading = parse_question_dates("How much mephedrone was seized in 2023?")
    plan = Plan(Filters(), SimpleNamespace(mentioning=1), None, reading)
    row = Answer("Mephedrone, kg | 15 | 48 | 212 | 390", "report.docx", "Seizures by year", "2026-02-20", 0, 36, 0.7, 1,
                 header="Item | 2021 | 2022 | 2023 | 2024")
    assert in_period(row, plan)
    assert not in_period(dataclasses.replace(row, header=None), plan)
    # once the year is dropped: a row whose only year is another column's ("Established") is still about 2025
    unit = Answer("Osh Rail Unit | Kyrgyzstan | 2020 | 11", "report.docx", "Units", "2026-02-20", 0, 38, 0.7, 1,
                  header="Unit | Country | Established | Officers (2025)")
    plan = Plan(Filters(), SimpleNamespace(mentioning=1), None, parse_question_dates("How many officers in 2025?"))
    assert about_other_years(unit, plan, fell_back=True) is None
    assert about_other_years(dataclasses.replace(unit, header=None), plan, fell_back=True) == (
        "The best passage is about 2020, not 2025.")


def test_an_item_published_before_a_period_only_plans_it_and_is_not_searched_for_it(service):
    # June's item names "the second half of 2022" as a plan; September's reports the meeting
    harbour = service.settings.corpus_dir / "harbour"
    (harbour / "plan.txt").write_text(
        "Harbour board plans its autumn meeting\n\nPort Ellery, 10 June 2022\n\nThe harbour board agreed to hold its "
        "next meeting in Wenlow in the second half of 2022.\n", encoding="utf-8")
    (harbour / "autumn.txt").write_text(
        "Harbour board meets in Wenlow\n\nWenlow, 20 September 2022\n\nThe harbour board met in Wenlow and approved "
        "the dredging plan for the north channel.\n", encoding="utf-8")
    service.build()
    r = service.ask("Where did the harbour board meet in the second half of 2022?", 5)
    # the items searched first are those dated in the period: none was added for naming it
    assert "dated Jul 2022 – Dec 2022" in r.scope.reading and "mentioning" not in r.scope.reading


# Harbour news dated in the first half of 2025, the analysts' memo on that half written in August, and the board's
# news of March 2025 naming its previous secretary.
HARBOUR_NEWS = {
    "feb.txt": "Harbour agencies open a joint office\n\nPort Ellery, 11 February 2025\n\nThe harbour agencies of "
               "Northland and Southland opened a joint office in Port Ellery to share cargo data.\n",
    "apr.txt": "Sniffer dogs for the port of Wenlow\n\nWenlow, 8 April 2025\n\nSix sniffer dogs trained to find "
               "cocaine started work in the port of Wenlow in April.\n",
    "may.txt": "Harbour agencies train boarding teams\n\nPort Ellery, 20 May 2025\n\nTwelve officers of the harbour "
               "agencies completed a course on searching container ships.\n",
    "jun.txt": "Harbour board meets in Wenlow\n\nWenlow, 17 June 2025\n\nThe harbour board met in Wenlow and approved "
               "its work plan. In June, the board also welcomed Eastland as an observer.\n",
    "secretary.txt": "New secretary of the harbour board\n\nPort Ellery, 14 March 2025\n\nMs. Ana Rivas of Southland "
                     "was appointed secretary of the harbour board. She succeeded Mr. Piet Olsen of Northland, who "
                     "had held the post since 2019.\n",
    "board.txt": "Harbour board adopts its rules\n\nPort Ellery, 3 October 2023\n\nThe harbour board adopted its "
                 "rules of procedure and elected its chair for 2024.\n",
}


@pytest.fixture(scope="module")
def harbour_service(invented_service):
    import docgen

    return invented_service({**HARBOUR_NEWS, "memo.docx": docgen.monthly_memo_docx()})


def test_a_month_of_a_half_year_is_named_in_a_memo_written_after_it():
    # the memo of August 2025 on "the first half of 2025" names the month apart from its year: it is about the half
    from types import SimpleNamespace

    from qa.contracts import Answer
    from qa.filters.question import parse_question_dates
    from qa.filters.scope import Plan, in_period

    half = parse_question_dates("Which month had the highest cocaine seizures in the first half of 2025?")
    plan = Plan(Filters(), SimpleNamespace(mentioning=1), None, half)
    peak = Answer("June was the month with the highest seizures (73.2 kg).", "memo.docx", "MEMORANDUM", "2025-08-12",
                  0, 55, 0.3, 1)
    assert in_period(peak, plan)
    assert not in_period(dataclasses.replace(peak, text="July was the month with the highest seizures."), plan)
    # a row under the memo's header of months is about May
    may = Plan(Filters(), SimpleNamespace(mentioning=1), None,
               parse_question_dates("How much cocaine did Southland report for May 2025?"))
    row = dataclasses.replace(peak, text="Southland | 4.2 | 6.6 | 8.1 | 5.0 | 11.3 | 33.7",
                              header="Country | Jan | Feb | Mar | Apr | May | Jun")
    assert in_period(row, may)


@pytest.mark.slow
def test_a_month_asked_about_searches_the_memo_on_its_half_year(harbour_service):
    # "for May 2025": the memo names "the first half of 2025", not May beside its year
    from qa.filters.scope import plan

    index = harbour_service.index()
    p = plan(index, "How much cocaine did Southland report for May 2025?", None, None)
    assert "memo.docx" in dict(p.first.doc_items) and "memo.docx" not in dict(p.named.doc_items)


@pytest.mark.slow
def test_who_held_a_post_before_a_month_is_searched_in_the_news_of_that_month(harbour_service):
    # "before March 2025": the item of 14 March 2025 names who held the post until then
    r = harbour_service.ask("Who was the secretary of the harbour board before March 2025?", 3)
    assert r.scope.question_words == "before March 2025" and "up to Feb 2025" in r.scope.reading
    assert r.passages[0].doc == "secretary.txt"
    # the one she succeeded is asked (qa.answer.present_holder's prefer_predecessor puts "She succeeded Mr. Piet
    # Olsen …" first), and answers: "March 2025" is said by the item's date, which the question's date chose, not by
    # its sentences (the dateline is no sentence)
    assert r.answer is not None and "She succeeded Mr. Piet Olsen" in r.answer.text
    assert r.answer.doc == "secretary.txt"


def test_an_answer_about_another_part_of_the_asked_year_is_not_found_even_from_an_item_dated_in_the_period(service):
    # the bulletin on the first half of 2023 is dated in July: it is searched for July, and its figures are not July's
    harbour = service.settings.corpus_dir / "harbour"
    (harbour / "bulletin.txt").write_text(
        "Harbour seizures bulletin\n\nPort Ellery, 14 July 2023\n\nIn the first half of 2023 the harbour agencies "
        "seized 1,146 kg of cocaine in the port of Wenlow. The largest single seizure, 305 kg, was made on 9 March "
        "2023.\n", encoding="utf-8")
    service.build()
    r = service.ask("How much cocaine did the harbour agencies seize in July 2023?", 5)
    assert r.answer is None
    assert r.not_found == "The best passage is about Jan 2023 – Jun 2023, not Jul 2023."
    assert "1,146 kg" in service.ask("How much cocaine did the harbour agencies seize in the first half of 2023?",
                                     5).answer.text
    r = service.ask("Сколько кокаина изъяли портовые службы во втором полугодии 2023 года?", 5)
    assert r.answer is None and r.not_found.startswith("Лучший фрагмент относится к другой части года")


# A review of a year, published the next spring: its table stands under a heading that names the year, and its rows
# name none
REVIEW = """# Harbour seizure review

Published: 14 March 2024

The harbour agencies collected their seizure figures for 2023.

## Seizures by port, 2023 (kg)

| Port | Cocaine | Cannabis |
|---|---|---|
| Wenlow | 412.5 | 96.0 |
| Port Ellery | 118.2 | 340.7 |

## Training

In 2023 the agencies trained 412 officers in 19 courses.
"""


@pytest.fixture
def review_service(invented_service):
    news = ("Cocaine found in a container\n\nWenlow, 12 May 2023\n\nOfficers of the harbour agencies found 86 kg of "
            "cocaine in a container of bananas at the port of Wenlow on 10 May.\n")
    return invented_service({"review.md": REVIEW, "news.txt": news})


@pytest.mark.slow
def test_a_tables_heading_says_which_year_its_rows_give(review_service):
    # the heading names 2023: the table is searched for 2023 and answers it, said as searched in items about 2023
    r = review_service.ask("How much cannabis was seized at Port Ellery in 2023?", 3)
    assert r.scope.from_question and r.answer is not None and r.answer.doc == "review.md"
    assert "340.7" in r.answer.text
    # the report is dated 2024, but its table gives 2023: no answer about 2024, and the reply says which year it has
    r = review_service.ask("How much cannabis was seized at Port Ellery in 2024?", 3)
    assert r.answer is None
    assert r.not_found == "The best passage is about 2023, not 2024."


def test_a_report_is_about_the_period_its_title_names_not_the_year_it_was_published():
    # the annual report on 2023, published in March 2024: its sentences answer for 2023, not for 2024
    from types import SimpleNamespace

    from qa.contracts import Answer
    from qa.filters.question import parse_question_dates
    from qa.filters.scope import Plan, about_other_years, in_period

    def plan(question: str) -> Plan:
        return Plan(Filters(), SimpleNamespace(mentioning=1), None, parse_question_dates(question))

    products = Answer("The analytical unit prepared 46 analytical products.", "report.pdf",
                      "Wenlow Centre Annual Report 2023", "2024-03-15", 0, 52, 0.7, 1)
    assert in_period(products, plan("How many analytical products did the Centre prepare in 2023?"))
    in_2024 = plan("How many analytical products did the Centre prepare in 2024?")
    assert not in_period(products, in_2024)
    assert about_other_years(products, in_2024, fell_back=True) == "The best passage is about 2023, not 2024."
    # a year named only as what a figure is compared with does not take the sentence out of its report's year
    rose = dataclasses.replace(products, text="Methamphetamine seizures rose to 1 265 kg, 38 % more than in 2022.")
    assert in_period(rose, plan("How much methamphetamine was seized in 2023?"))
    # a sentence naming another year than its title's is about that year, wherever it was published
    cases = dataclasses.replace(products, text="The Centre coordinated 14 operations in 2023, among them 5 deliveries.")
    assert not in_period(cases, in_2024)
    # a report whose title names no year is read as before: dated in 2024, it answers for 2024
    assert in_period(dataclasses.replace(products, title="Annual report of the Wenlow Centre"), in_2024)


def test_a_years_total_is_no_figure_of_one_of_its_quarters():
    from types import SimpleNamespace

    from qa.contracts import Answer
    from qa.filters.question import parse_question_dates
    from qa.filters.scope import Plan, about_other_part

    question = "How much opium was seized in Q2 2024?"
    plan = Plan(Filters(), SimpleNamespace(mentioning=1), None, parse_question_dates(question))
    total = Answer("Всего за 2024 год изъято 17 690 кг наркотиков.", "bulletin.docx", "Бюллетень", "2025-01-20",
                   0, 46, 0.7, 1)
    reason = about_other_part(total, plan, question, figure=True)
    assert reason == "The best passage is about 2024, not Apr 2024 – Jun 2024."
    # what happened in 2024 may have happened in its second quarter: only a figure is another period's
    assert about_other_part(total, plan, question, figure=False) is None
    # an event's name holding the year is no year's figure
    operation = dataclasses.replace(total, text="Operation Steppe Shield 2024 seized 300 kg of opium.")
    assert about_other_part(operation, plan, question, figure=True) is None


def test_a_half_named_without_its_year_is_of_the_year_its_report_is_titled_by():
    from types import SimpleNamespace

    from qa.contracts import Answer
    from qa.filters.question import parse_question_dates
    from qa.filters.scope import Plan, in_period

    plan = Plan(Filters(), SimpleNamespace(mentioning=1), None,
                parse_question_dates("How many criminal cases were opened in the second half of 2024?"))
    cases = Answer("Число возбуждённых уголовных дел во втором полугодии составило 552.", "bulletin.docx",
                   "Комментарий", "2025-01-20", 0, 66, 0.3, 1, doc_title="Статистический бюллетень за 2024 год")
    assert in_period(cases, plan)
    assert not in_period(dataclasses.replace(cases, text=cases.text.replace("втором", "первом")), plan)
    assert not in_period(dataclasses.replace(cases, doc_title="Статистический бюллетень за 2023 год"), plan)


def test_a_month_a_row_names_is_of_the_year_its_reports_title_names(tmp_path, settings_for, hash_embedder):
    # the bulletin's rows name months, its title the year: "March 2025" is mentioned there, whatever a chunk holds
    from qa.filters.scope import plan

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bulletin.md").write_text(
        "# Harbour bulletin: seizures by month, January–June 2025\n\n*Skarn, 10 July 2025*\n\n"
        "The bulletin gives the seizures registered by the harbour offices.\n\n"
        "| Month | Cocoa, kg | Tobacco, kg |\n|---|---|---|\n| January | 118 | 410 |\n| February | 96 | 352 |\n"
        "| March | 143 | 505 |\n| April | 187 | 688 |\n| May | 164 | 611 |\n| June | 121 | 574 |\n")
    (corpus / "news.txt").write_text("Harbour office opens in Wenlow\n\nWenlow, 14 March 2025\n\nA new harbour office "
                                     "opened in Wenlow on 14 March 2025 with eight officers.\n")
    s = QAService(settings_for(corpus, chunk_tokens=25, overlap_sentences=0), embedder=hash_embedder)
    s.build()
    p = plan(s.index(), "How much tobacco was seized in March 2025?", None, None)
    assert p.first is not None and p.first.mentioning and p.first.n_items == 2


def test_a_figure_compared_with_the_year_asked_is_of_its_own_item_s_year():
    # the half-year report of 2031 says heroin fell "11 % less than in January-June 2030": no figure of 2030
    from types import SimpleNamespace

    from qa.contracts import Answer
    from qa.filters.question import parse_question_dates
    from qa.filters.scope import Plan, about_other_years

    plan = Plan(Filters(), SimpleNamespace(mentioning=1), None,
                parse_question_dates("How much heroin was seized in January-June 2030?"))
    line = Answer("- Heroin: 1,042 kg, 11 % less than in January-June 2030", "report.txt", "Seizures by drug type",
                  "2031-06", 0, 55, 0.7, 1)
    assert about_other_years(line, plan, fell_back=True, figure=True) == (
        "The best passage is about 2031, not Jan 2030 – Jun 2030.")
    assert about_other_years(line, plan, fell_back=True) is None  # who or what was compared is another question
    # a compared year given its own figure is that year's
    given = dataclasses.replace(line, text="Seizures rose by 9 %, against 2030 (13 058 kg).")
    assert about_other_years(given, plan, fell_back=True, figure=True) is None


def test_an_answer_found_once_the_year_was_dropped_is_not_said_to_miss_a_year_it_names():
    # "none dated or mentioning 2018 answers this" above "Director | Ilse Marr | 2016-2021" read as a contradiction
    from types import SimpleNamespace

    from qa.contracts import Answer
    from qa.filters.question import parse_question_dates
    from qa.filters.scope import Plan, scope_of

    plan = Plan(Filters(), SimpleNamespace(mentioning=1, n_items=1, unknown_sources=()), None,
                parse_question_dates("Who was Director of the Bureau in 2018?"))
    row = Answer("Director | Ilse Marr | Velania | 2016-2021", "directory.docx", "Directory", "2025-02-03", 0, 41,
                 0.7, 1, header="Post | Name | Country | Years in post")
    assert scope_of(plan, None, True, 51, answer=row).reading == "Searched all items"
    other = dataclasses.replace(row, text="Director | Tarn Oskel | Wenland | 2021-2024")
    assert scope_of(plan, None, True, 51, answer=other).reading == (
        "Searched all items: none dated or mentioning 2018 answers this")
