"""The extraction cache: an unchanged file is not parsed again; a damaged entry is only a miss."""

from __future__ import annotations

import pytest

import docgen
from qa.ingest import DocumentError
from qa.ingest.extract_cache import ExtractCache
from qa.ingest.pdf import read_pdf


def test_second_extraction_of_the_same_content_does_not_parse(tmp_path):
    cache = ExtractCache(tmp_path)
    calls = []

    def reader(data):
        calls.append(1)
        return read_pdf(data)

    data = docgen.report_pdf()
    first = cache.extract("pdf", "abc", data, reader)
    second = ExtractCache(tmp_path).extract("pdf", "abc", data, reader)
    assert len(calls) == 1
    assert second == first


def test_failures_are_cached_with_their_reason(tmp_path):
    cache = ExtractCache(tmp_path)
    calls = []

    def reader(data):
        calls.append(1)
        return read_pdf(data)

    for _ in range(2):
        with pytest.raises(DocumentError, match="password-protected"):
            cache.extract("pdf", "locked", docgen.encrypted_pdf(), reader)
    assert len(calls) == 1


def test_a_damaged_entry_is_a_miss_and_prune_keeps_only_wanted(tmp_path):
    cache = ExtractCache(tmp_path)
    data = docgen.report_pdf()
    cache.extract("pdf", "one", data, read_pdf)
    cache.extract("pdf", "two", data, read_pdf)
    for entry in tmp_path.glob("*one*"):
        entry.write_bytes(b"not gzip")
    assert cache.get("pdf", "one") is None
    assert cache.prune({("pdf", "two")}) == 1
    assert cache.get("pdf", "two") is not None
