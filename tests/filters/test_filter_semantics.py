"""Filter semantics at the edges: precision, inclusive ends, undated items, unknown sources."""

from __future__ import annotations

import numpy as np
import pytest

from qa.filters.core import DateRange, FilterError, RowFacts, clean_sources, match_sources, parse_bound, source_matches


@pytest.mark.parametrize(
    ("since", "until", "date", "kept"),
    [
        # month precision on the start, day precision on the end: both ends inclusive
        ("2022-01", "2022-08-31", "2022-01-01", True),
        ("2022-01", "2022-08-31", "2022-08-31", True),
        ("2022-01", "2022-08-31", "2021-12-31", False),
        ("2022-01", "2022-08-31", "2022-09-01", False),
        # month precision on the end keeps the whole month
        ("2022-07", "2022-08", "2022-08-31", True),
        ("2022-07", "2022-08", "2022-06-30", False),
        # year precision on both ends
        ("2021", "2021", "2021-12-31", True),
        ("2021", "2021", "2022-01-01", False),
        # an item dated at month precision lies in a range covering that month ...
        ("2022-07", "2022-08", "2022-08", True),
        # ... but not in a range covering only part of it
        ("2022-08-01", "2022-08-15", "2022-08", False),
        # an item dated only by its year is not certainly inside Jul-Aug 2022
        ("2022-07", "2022-08", "2022", False),
        # open ends
        ("2022", None, "2030-01-01", True),
        (None, "2021-10-13", "2021-10-13", True),
        (None, "2021-10-13", "2021-10-14", False),
        # undated items are never inside a date range
        ("2000", "2100", None, False),
    ],
)
def test_date_range_keeps_items_whose_whole_date_lies_inside(since, until, date, kept):
    assert DateRange.parse(since, until).keeps(date) is kept


def test_no_dates_keeps_everything_including_undated():
    assert DateRange.parse(None, "").keeps(None)


@pytest.mark.parametrize("bad", ["2022-13", "2022-02-30", "Aug 2022", "22-08", "yesterday", "20220"])
def test_a_bad_bound_is_a_clear_error(bad):
    with pytest.raises(FilterError, match="date"):
        parse_bound(bad, "--since")


def test_a_range_that_ends_before_it_starts_is_an_error():
    with pytest.raises(FilterError, match="swap"):
        DateRange.parse("2022-09", "2022-08")


def test_human_readings():
    assert DateRange.parse("2022-08", "2022-08").human() == "Aug 2022"
    assert DateRange.parse("2022-07", "2022-08").human() == "Jul 2022 – Aug 2022"
    assert DateRange.parse("2020", None).human() == "since 2020"
    assert DateRange.parse(None, "2021-10-13").human() == "up to 13 Oct 2021"
    assert DateRange.parse("2020", "2022").human() == "2020–2022"


@pytest.mark.parametrize(
    ("pattern", "doc", "hit"),
    [
        ("003_*", "003_abc.txt", True),
        ("003_*", "004_abc.txt", False),
        ("003_*", "news/003_abc.txt", True),  # a bare glob matches file names in any folder
        ("news/", "news/a.txt", True),
        ("news", "news/sub/a.txt", True),  # a folder without the slash
        ("news", "newsletter.txt", False),
        ("news/*.html", "news/a.html", True),
        ("news/*.html", "other/a.html", False),
        ("./a.txt", "a.txt", True),
        ("**/*.md", "x/y/z.md", True),
        ("", "a.txt", False),
    ],
)
def test_source_patterns(pattern, doc, hit):
    assert source_matches(pattern, doc) is hit


def test_unknown_sources_are_reported():
    hit, unknown = match_sources(["003_*", "wco/", "nothing*"], ["003_a.txt", "wco/b.txt", "c.txt"])
    assert hit == {"003_a.txt", "wco/b.txt"}
    assert unknown == ("nothing*",)


def test_sources_from_one_string():
    assert clean_sources(" 003_*, wco/ ,,003_*\n") == ("003_*", "wco/")


def _facts():
    # 3 documents; items: a (2022-08-10), b (undated), c (2021-10), d (2022); 2 chunks per item
    docs = ["003_x.txt", "004_y.txt", "wco/z.txt"]
    items = [(0, "2022-08-10"), (0, None), (1, "2021-10"), (2, "2022")]
    row_item = np.repeat(np.arange(4), 2)
    row_doc = np.array([items[i][0] for i in row_item])
    return RowFacts(docs, items, row_doc, row_item)


def test_rows_of_a_date_filter_and_the_undated_count():
    sel = _facts().select("2022-07", "2022-08")
    assert sel.rows.tolist() == [True, True, False, False, False, False, False, False]
    assert (sel.n_rows, sel.n_items) == (2, 1)
    assert sel.undated_left_out == 1
    # which item, when they are few: its document here (the facts know no titles)
    assert "1 item without a date was left out (003_x.txt)" in sel.notes()
    assert sel.reading == "items dated Jul 2022 – Aug 2022"
    assert sel.months == (("2022-08", 1),)


def test_rows_of_a_source_filter_keep_undated_items():
    sel = _facts().select(sources=["003_*"])
    assert sel.rows.tolist() == [True] * 4 + [False] * 4
    assert sel.undated_left_out == 0
    assert sel.reading == "items from 003_*"


def test_date_and_source_filters_combine():
    sel = _facts().select("2021", "2022", ["004_*", "wco/"])
    assert sel.rows.tolist() == [False] * 4 + [True] * 4
    assert sel.reading == "items dated 2021–2022 from 004_*, wco/"


def test_a_range_without_items_is_an_empty_selection_not_an_error():
    sel = _facts().select("2030", "2031")
    assert sel.empty and sel.n_items == 0


def test_unknown_source_in_selection():
    sel = _facts().select(sources=["nope/"])
    assert sel.empty
    assert sel.unknown_sources == ("nope/",)
    assert any("nope/" in n for n in sel.notes())


def test_no_filter_selects_every_row():
    sel = _facts().select()
    assert sel.rows is None and sel.n_rows == 8 and not sel.empty


def test_newest_date():
    assert _facts().newest() == "2022-08-10"


def test_row_facts_from_a_built_index(tmp_path, settings_for, hash_embedder):
    import shutil
    from pathlib import Path

    from qa.build import build_index
    from qa.store import Index

    corpus = tmp_path / "corpus"
    shutil.copytree(Path(__file__).parent.parent / "fixtures" / "filters", corpus)
    settings = settings_for(corpus)
    build_index(settings, hash_embedder)
    index = Index.open(settings.index_dir)
    facts = RowFacts.from_store(index._query)
    dates = {it.date for it in index.items()}
    assert {"2019-03-04", "2021-08-09", "2022-08-03", None} <= dates
    assert facts.n == index.faiss.ntotal
    sel = facts.select("2021-08", "2021-08")
    rows = index.chunks([int(i) for i in np.flatnonzero(sel.rows)])
    assert rows and all(r.doc == "harbour/board.txt" for r in rows)
    assert all(index.item(r.doc, r.item).date.startswith("2021-08") for r in rows)
    assert sel.undated_left_out == 1  # the orchard report
    by_source = facts.select(sources=["harbour/"])
    assert {r.doc for r in index.chunks([int(i) for i in np.flatnonzero(by_source.rows)])} == {"harbour/board.txt"}
    assert facts.newest() == "2022-08-03"
    index.close()


@pytest.mark.parametrize(
    ("since", "until", "reading"),
    [
        ("2021-08", "2021-08-31", "Aug 2021"),  # a whole month reads as the month
        ("2022-01-01", "2022-12-31", "2022"),
        ("2022-01", "2022-08-31", "Jan 2022 – Aug 2022"),
        ("2021-10-07", "2021-10-08", "7 Oct 2021 – 8 Oct 2021"),
    ],
)
def test_readings_say_whole_months_and_years_plainly(since, until, reading):
    assert DateRange.parse(since, until).human() == reading


def test_the_note_names_the_few_undated_items_it_left_out_or_their_few_documents():
    # a news page whose first story lost its date, and a report: titled items, named by title and document
    docs = ["news/harbour.html", "reports/orchard.txt"]
    items = [(0, None), (0, "2023-07-03"), (1, None)]
    titles = {0: "News", 2: "orchard.txt"}  # an item called after its file is named by its document alone
    row_item = np.arange(3)
    facts = RowFacts(docs, items, np.array([d for d, _ in items]), row_item, titles.get)
    assert facts.select("2023").notes() == [
        "2 items without a date were left out (News · news/harbour.html; reports/orchard.txt)"]
    # many items of one document (a programme's sessions): the document; of many documents: only their number
    many = RowFacts(["a.txt"], [(0, None)] * 4 + [(0, "2023")], np.zeros(5, int), np.arange(5), titles.get)
    assert many.select("2023").notes() == ["4 items without a date were left out (a.txt)"]
    spread = RowFacts(["a.txt", "b.txt", "c.txt", "d.txt"], [(i, None) for i in range(4)] + [(0, "2023")],
                      np.array([0, 1, 2, 3, 0]), np.arange(5), titles.get)
    assert spread.select("2023").notes() == ["4 items without a date were left out"]
