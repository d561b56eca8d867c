"""Filters: ask within a time range or a set of sources.

``core`` says what a filter means (date ranges with year / month / day precision and inclusive
ends, undated items left out and counted, sources as globs or folders under the corpus) and turns
one into a row mask from per-row facts of a generation (``RowFacts``; the store's ``Index.select``
builds and caches them). ``question`` reads the dates a question names ("in August 2022",
"last year", "before the Vienna meeting"). ``scope`` is what the service does with both: the
explicit filters of a ``contracts.Query`` are hard filters; a date read from the question is tried
as a filter and dropped when nothing in the range answers (measured in
benchmarks/question_dates.py, docs/filters.md). The masks themselves are applied inside
``store.Index.search`` before either retriever takes its top n.
"""

from qa.filters.core import (
    DateRange, FilterError, RowFacts, Selection, clean_sources, describe, match_sources, parse_bound,
)  # fmt: skip
from qa.filters.question import QuestionDates, parse_question_dates

__all__ = [
    "DateRange", "FilterError", "QuestionDates", "RowFacts", "Selection", "clean_sources", "describe",
    "match_sources", "parse_bound", "parse_question_dates",
]  # fmt: skip
