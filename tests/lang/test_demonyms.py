"""A place and the adjective made from it are one name (qa.lang.demonyms)."""

from __future__ import annotations

import pytest

from qa.lang import analyze
from qa.lang.demonyms import found, same_place


@pytest.mark.parametrize("place, adjective", [
    ("africa", "african"), ("japan", "japanese"), ("kazakh", "kazakhstan"), ("kazakh", "kazakhstani"),
    ("canada", "canadian"), ("italy", "italian"), ("europe", "european"), ("uzbek", "uzbekistan"),
    ("mexico", "mexican"), ("korea", "korean"), ("pakistan", "pakistani"),
])
def test_a_place_and_its_adjective_are_the_same_place(place, adjective):
    assert same_place(place, adjective) and same_place(adjective, place)


def test_stems_pair_as_the_words_do():
    # the gate compares stems: "Chinese" is "chines", "Europe" is "europ", "Italy" is "itali"
    for place, adjective in (("China", "Chinese"), ("Europe", "European"), ("Italy", "Italian")):
        assert same_place(*analyze(f"{place} {adjective}"))


def test_russian_stems_pair_too():
    for place, adjective in (("Африка", "африканских"), ("Казахстан", "казахский"), ("Япония", "японский")):
        assert same_place(*analyze(f"{place} {adjective}"))


@pytest.mark.parametrize("a, b", [
    ("austria", "australia"), ("austria", "australian"), ("iran", "iraq"), ("niger", "nigeria"),
    ("india", "indiana"), ("paris", "parish"), ("raoulii", "raouliii"),
])
def test_places_that_only_look_alike_stay_apart(a, b):
    assert not same_place(a, b)


def test_found_looks_a_name_up_among_words():
    words = {"210", "mts", "in", "african", "countries"}
    assert found("africa", words) and found("210", words)
    assert not found("asia", words) and not found("21", words)
