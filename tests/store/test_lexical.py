"""The lexical side: one analyzer for passages and questions, and BM25 that finds rare words."""

from __future__ import annotations

import numpy as np
import pytest

from qa.lang import analyze
from qa.store.lexical import LexicalIndex

TEXTS = [
    "The CARICC-coordinated operations seized 740 kg of drugs, including heroin and mephedrone.",
    "The WCO held a risk management workshop for customs officers in Astana.",
    "OSCE experts trained Kyrgyz border guards to counter trafficking of small arms.",
    "The EU programme CADAP 7 supports drug demand reduction in Central Asia.",
    "Customs officers from five countries attended the workshop on risk profiling.",
]


def test_analyze_keeps_numbers_and_model_names():
    assert "740" in analyze("740 kg of drugs")
    assert "7" in analyze("CADAP 7")
    assert analyze("CADAP 7") == ["cadap", "7"]


def test_analyze_lowercases_and_stems_so_word_forms_match():
    assert analyze("Seized") == analyze("seize") == analyze("seizes")
    assert analyze("operations") == analyze("Operation")
    assert analyze("trained officers") == analyze("training officer")


def test_analyze_drops_stop_words():
    assert analyze("the and of to in") == []
    assert analyze("the workshop of the officers") == analyze("workshop officers")


def test_analyze_of_punctuation_only_is_empty():
    assert analyze("?!... — ()") == []
    assert analyze("") == []


def test_question_wording_adds_no_content_terms():
    assert analyze("How much did the operations seize?") == analyze("operations seize")


def test_apostrophes_leave_no_stray_letters():
    # "Tajikistan's" must not add a term "s" that every possessive in the corpus shares
    assert analyze("Tajikistan's agency") == analyze("Tajikistan agency")
    assert analyze("we'll see, they don't, it's") == analyze("see don")


@pytest.fixture(scope="module")
def lex():
    return LexicalIndex.build(TEXTS)


def ranking(index, question):
    s = index.scores(analyze(question))
    return list(np.argsort(-s, kind="stable")), s


@pytest.mark.parametrize(
    ("question", "best"),
    [
        ("How many kilograms did the operations seize?", 0),
        ("risk management workshop in Astana", 1),
        ("Who trained Kyrgyz border guards?", 2),
        ("What does CADAP 7 support?", 3),
    ],
)
def test_bm25_ranks_the_text_with_the_questions_rare_words_first(lex, question, best):
    order, scores = ranking(lex, question)
    assert order[0] == best
    assert scores[best] > scores[order[1]]


def test_bm25_scores_zero_for_unknown_words(lex):
    s = lex.scores(analyze("zebra giraffe"))
    assert s.shape == (len(TEXTS),)
    assert not s.any()
    assert not lex.scores([]).any()


def test_idf_of_an_unknown_term_is_the_highest(lex):
    terms = analyze("zebra workshop customs CARICC heroin")
    idf = lex.idf(terms)
    assert set(idf) == set(terms)
    assert idf["zebra"] > max(v for t, v in idf.items() if t != "zebra")
    # a term in two texts weighs less than a term in one
    assert idf[analyze("workshop")[0]] < idf["caricc"]
    assert lex.known("workshop") and not lex.known("zebra")


def test_save_and_load_give_identical_scores(lex, tmp_path):
    lex.save(tmp_path / "bm25")
    loaded = LexicalIndex.load(tmp_path / "bm25")
    assert loaded.n_docs == lex.n_docs
    for q in ["customs workshop", "740 kg heroin", "CADAP 7", "zebra", "border guards trafficking"]:
        terms = analyze(q)
        np.testing.assert_array_equal(np.asarray(loaded.scores(terms)), np.asarray(lex.scores(terms)))
        assert loaded.idf(terms) == lex.idf(terms)


def test_saved_index_has_no_pickles(lex, tmp_path):
    folder = tmp_path / "bm25"
    lex.save(folder)
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    assert not [p for p in files if p.suffix in (".pkl", ".pickle")]
    npys = [p for p in files if p.suffix == ".npy"]
    assert npys
    for p in npys:
        np.load(p, allow_pickle=False)  # raises if any array holds Python objects


def test_empty_texts_do_not_break_the_index():
    index = LexicalIndex.build(["", "customs workshop", "   "])
    s = index.scores(analyze("customs"))
    assert list(np.argsort(-s))[0] == 1


def test_british_and_american_spellings_of_a_word_are_one_term():
    assert analyze("organised programme centre") == analyze("organized program center")
    assert analyze("labour defence harmonisation") == analyze("labor defense harmonization")
    assert analyze("travelled catalogue") == analyze("traveled catalog")
    # two words, not two spellings, stay apart
    assert analyze("tonnes") != analyze("tons") and analyze("tyres") != analyze("tires")
    assert analyze("draught") != analyze("draft")


def test_a_question_spelled_the_british_way_finds_a_passage_spelled_the_american_way():
    idx = LexicalIndex.build([
        "The seminar on risk profiling was organized by the border management program at its training center.",
        "The seminar on risk profiling gathered customs officers from five countries in Almaty.",
    ])
    scores = idx.scores(analyze("Which programme organised the risk profiling seminar at the training centre?"))
    assert scores[0] > scores[1]
    assert idx.known(analyze("organisation")[0])  # in no text, but "organized" is, and they share a stem
