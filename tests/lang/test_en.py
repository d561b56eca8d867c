"""English span patterns (qa.lang.en): what a place looks like in a sentence (invented text)."""

from __future__ import annotations

from qa.answer.needs import needs
from qa.answer.types import typed_match
from qa.lang import get


def _places(text: str) -> list[str]:
    return [m.group(1) for m in get("en").span_patterns["place"].finditer(text)]


def test_a_month_or_a_weekday_after_a_preposition_is_no_place():
    assert _places("The harbour was closed from July 19 to June 30 for repairs.") == []
    assert _places("The fair opens in May and runs until Sunday at Skarn Quay.") == ["Skarn Quay"]
    assert _places("The ferry left on Monday from Wenlow.") == ["Wenlow"]
    # an abbreviation is a month only before a day: "Mar del Plata" is a place
    assert _places("The forum moved to Mar del Plata on Mar. 3.") == ["Mar"]


def test_a_place_named_after_its_kind_is_found():
    assert _places("The forum was held in the city of Skarn.") == ["Skarn"]
    assert _places("She grew up in the village of Wenlow Cross.") == ["Wenlow Cross"]
    assert _places("The delegates met in the capital, Astavel, last week.") == ["Astavel"]
    assert _places("Officials from the Republic of Skarnia attended.") == ["Republic of Skarnia"]


def test_a_where_question_is_not_answered_by_a_date():
    q = "Where was the Skarn harbour forum held?"
    n = needs(q)
    assert typed_match("The Skarn harbour forum ran from July 19 to June 30.", q, n) == 0.0
    assert typed_match("The Skarn harbour forum was held in the city of Wenlow.", q, n) == 1.0


def test_may_the_month_is_a_term_and_may_the_verb_a_stop_word():
    from qa.lang import analyze

    # "What happened in May 2024?" must find "on 14 May 2024" as "in March 2024" finds "on 3 March 2024"
    for text in ("in May 2024", "On 14 May 2024, officers", "since May", "mid-May", "April–May 2025", "the 1st May"):
        assert "may" in analyze(text), text
    for text in ("The figures may change.", "It may be late", "May be"):
        assert "may" not in analyze(text), text
