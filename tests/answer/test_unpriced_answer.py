"""A question about money answered by a sentence that names no sum: "What is the budget of Operation Breakwater 2026?"
over a plan that sets the operation's dates, beside a sum for something else ("The harbour survey's budget is
45,000 US dollars"), is "not found": the shown answer must hold an amount in a currency, not one of the next best."""

from __future__ import annotations

import pytest

PLAN = (
    "Minutes of the fourth meeting of the Harbour Board\n\n"
    "Decided:\n\n"
    "1. To approve the draft plan of the joint Operation Breakwater 2026 and to hold the operation from 1 to 30 "
    "April 2026.\n\n"
    "2. To set up a subgroup on refrigerated containers.\n\n"
    "3. To hold the fifth meeting of the Board in Kelmar in March 2026.\n"
)
SURVEY = (
    "Harbour survey\n\n"
    "The Harbour Board of Kelmar ordered a survey of the seabed near the northern piers. "
    "The harbour survey's budget is 45,000 US dollars. The survey will start in May 2026.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"decisions.txt": PLAN, "survey.txt": SURVEY})


@pytest.mark.slow
def test_an_operations_budget_the_documents_never_state_is_not_found(service):
    result = service.ask("What is the budget of Operation Breakwater 2026?", 5)
    assert result.answer is None, result.answer.text


@pytest.mark.slow
def test_a_budget_the_documents_state_is_still_answered(service):
    result = service.ask("What is the budget of the harbour survey?", 5)
    assert result.answer is not None and "45,000 US dollars" in result.answer.text
