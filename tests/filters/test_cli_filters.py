"""The issue's bars over the bundled corpus, through the `qa ask` command and the real model."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from qa.app.cli import main

pytestmark = pytest.mark.slow


@pytest.fixture
def ask(real_service, monkeypatch):
    monkeypatch.setattr("qa.app.service.make_embedder", lambda *a, **k: real_service.embedder)

    def run(*args, input=None):
        out = CliRunner().invoke(main, ["ask", "--index", str(real_service.settings.index_dir), *args], input=input)
        return out

    return run


def in_range(date, lo, hi):
    return date is not None and lo <= date[: len(lo)] and date[: len(hi)] <= hi


@pytest.mark.parametrize("extra", [[], ["--source", "003_*"]])
def test_a_date_range_returns_only_passages_dated_in_it_and_still_answers(ask, extra):
    out = ask("--json", "--since", "2022-07", "--until", "2022-08", *extra, "What meetings did CARICC hold?")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["passages"] and all(in_range(p["date"], "2022-07", "2022-08") for p in data["passages"])
    assert data["answer"] is not None and in_range(data["answer"]["date"], "2022-07", "2022-08")
    if extra:
        assert all(p["doc"].startswith("003_") for p in data["passages"])
    assert data["filters"]["items"] >= 1


def test_a_question_naming_a_month_and_year_is_answered_from_that_month(ask):
    data = json.loads(ask("--json", "What did CARICC do in August 2022?").output)
    assert data["filters"]["from_question"] and data["filters"]["reading"] == "Searched items dated Aug 2022"
    assert data["answer"] is not None and data["answer"]["date"].startswith("2022-08")
    assert all(p["date"].startswith("2022-08") for p in data["passages"])


def test_a_range_with_no_items_is_a_clear_message(ask):
    out = ask("--since", "2030-01", "What meetings did CARICC hold?")
    assert out.exit_code == 0
    assert "No items dated since 2030" in out.output and "Traceback" not in out.output


def test_filters_per_line_of_a_questions_file(ask):
    lines = "\n".join(json.dumps(x) for x in [
        {"question": "What meetings did CARICC hold?", "since": "2021-10", "until": "2021-10"},
        {"question": "What meetings did CARICC hold?", "source": ["003_*"]},
        {"question": "What meetings did CARICC hold?", "since": "2021-13"},
    ])
    out = ask("--json", "--questions", "-", input=lines)
    first, second, third = (json.loads(x) for x in out.output.splitlines())
    assert all(p["date"].startswith("2021-10") for p in first["passages"])
    assert all(p["doc"].startswith("003_") for p in second["passages"])
    assert "2021-13" in third["error"]
