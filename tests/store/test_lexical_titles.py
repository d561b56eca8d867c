"""A table's passage and an item's first passage are searched under their titles (qa.store.lexical.lexical_text).
Invented documents and questions."""

from __future__ import annotations

from qa.build import build_index
from qa.lang import analyze
from qa.retrieve import retrieve
from qa.store import Index
from qa.store.lexical import lexical_text

ROWS = "| Country | Heroin, kg |\n|---|---|\n| Ostravia | 342 |\n| Velania | 88 |"


def test_a_table_reads_under_its_titles_and_prose_under_none_but_its_items_first():
    titles = ("Review of the first half of 2031", "Table 1. Seizures by country, January–June 2031")
    assert lexical_text(ROWS, titles) == "\n".join([*titles, ROWS])
    prose = "Ostravia seized 500 kg of heroin in 2030."
    assert lexical_text(prose, titles) == prose
    # an item's first passage under its own title only (a news page's title heads none of its stories)
    assert lexical_text(prose, ("Skarn news", "Heroin found in a lorry of onions"), first=True) == (
        "Heroin found in a lorry of onions\n" + prose)
    # a title the text already words, or a file name standing in for one, adds nothing
    assert lexical_text(prose, ("news.txt", "Ostravia seized heroin"), "news.txt", first=True) == prose


def test_a_question_naming_the_period_of_a_tables_section_finds_the_table(tmp_path, settings_for, hash_embedder):
    # the table names its country and drug only; the period is in the review's and the section's titles
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "review.md").write_text(
        "# Review of drug seizures in the first half of 2031\n\nPublished: 12 August 2031\n\n## Main findings\n\n"
        "Seizures fell by 6 per cent against the same period of 2030.\n\n"
        f"## Table 1. Seizures by country, January–June 2031\n\n{ROWS}\n", encoding="utf-8")
    for year in (2029, 2030):
        (corpus / f"news{year}.txt").write_text(
            f"Ostravia heroin seizures in {year}\n\nOstravia seized {year - 1700} kg of heroin in {year}, its customs "
            "service said.\n", encoding="utf-8")
    settings = settings_for(corpus)
    build_index(settings, hash_embedder)
    index = Index.open(settings.index_dir)
    question = "How much heroin did Ostravia seize in the first half of 2031?"
    top = retrieve(index, hash_embedder.encode([question])[0], analyze(question), 1, 50)[0]
    assert top.doc == "review.md" and "| Ostravia | 342 |" in top.chunk.text
    index.close()
