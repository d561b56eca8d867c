"""Controlled substances and precursors by name, in English and Russian, in any inflection (qa.lang.substances)."""

from __future__ import annotations

import pytest

from qa.lang.substances import identities, named


def names(text: str) -> list[str]:
    return [what.en for what in named(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officers seized 412 kilograms of heroin at the checkpoint.", ["heroin"]),
    ("Сколько кокаина изъято на пункте пропуска?", ["cocaine"]),
    ("изъято 40 кг героина, а также героиновая смесь", ["heroin"]),
    ("3.4 tonnes of precursor chemicals, mostly acetic anhydride", ["precursors", "acetic anhydride"]),
    ("партия уксусного ангидрида и перманганата калия", ["acetic anhydride", "potassium permanganate"]),
    ("Heroin seizures fell while methamphetamine seizures rose.", ["heroin", "methamphetamine"]),
    # the longer name first: a poppy is no opium of its own, a synthetic cannabinoid no class of cannabinoids
    ("fields of opium poppy", ["opium poppy"]),
    ("посевы опийного мака", ["opium poppy"]),
    ("amphetamine-type stimulants and synthetic cannabinoids", ["amphetamine-type stimulants",
                                                                "synthetic cannabinoids"]),
    # the bare words that cover every drug name none; the Conventions' class names every drug; a heroine is no heroin
    ("the fight against drug trafficking", []),
    ("незаконный оборот наркотиков", []),
    ("seizures of narcotic drugs and psychotropic substances", ["narcotic drugs"]),
    ("изъятие наркотических средств", ["narcotic drugs"]),
    ("The heroine of the novel", []),
    ("Героиня романа", []),
])
def test_a_text_names_its_substances_in_any_inflection(text, expected):
    assert names(text) == expected


def test_one_substance_across_languages_and_its_family():
    assert identities("героин") == identities("heroin") == {"heroin"}
    # the forms of one plant's product are one thing; heroin and opium are two
    assert identities("hashish") == identities("марихуана") == identities("конопля") == {"cannabis"}
    assert identities("opium poppy") == identities("опий") == {"opium"}
    assert identities("heroin") != identities("opium")
    # a class stands for its members
    assert {"acetic anhydride", "potassium permanganate"} <= identities("прекурсоры")
    assert "heroin" in identities("opiates")
    # narcotic drugs are every drug and no precursor
    assert {"heroin", "cannabis", "methamphetamine"} <= identities("narcotic drugs")
    assert not identities("наркотические средства") & identities("precursors")


@pytest.mark.parametrize("text", [
    # English stems that an everyday verb shares: "stimulate" is "stimulants", "design drugs" "designer drugs"
    "What was he hoping to stimulate with the toe squishing?",
    "Pharmaceutical companies design drugs for rare diseases.",
    # a heroine, in either language
    "Who is the heroine of the novel?",
    "Кто главная героиня романа?",
])
def test_everyday_words_name_no_substance(text):
    assert named(text) == []


def test_acetic_anhydride_is_named_by_either_russian_name():
    for text in ("изъято 4 850 литров ангидрида уксусной кислоты", "бочки с уксусным ангидридом", "acetic anhydride"):
        assert identities(text) == {"acetic anhydride"}, text
