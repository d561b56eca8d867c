"""The gate's evidence (qa.answer.evidence) end to end: a question with a swapped detail (qa.answer.swaps)
gets "not found" and its twin an answer; the names a question asks about and the documents lack."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.answer.evidence import evidence
from qa.answer.features import Candidate, names_feature, question_names
from qa.contracts import ChunkRow, ItemInfo, Passage
from qa.lang import analyze
from qa.store import SentenceRow
from tests.candidates import lone_candidate

ORCHARD = (
    "Orchard report\n\n"
    "Wenlow orchard harvest\n\n"
    "On 9 October 2022 the Wenlow orchard finished its pear harvest. Pickers from three villages "
    "gathered 120 tonnes of pears, the largest harvest since the orchard was planted in 1871.\n"
)
NOTES = (
    "Regional notes\n\n"
    "Tarrow ferry timetable changes\n\n"
    "On 2 April 2023 the Tarrow ferry company announced a new summer timetable with two extra "
    "crossings on Saturdays.\n\n"
    "Lighthouse trust elects new board\n\n"
    "On 18 May 2023 the lighthouse trust of Port Ellery elected a new board of seven members.\n"
)


GUILD = (
    "Guild news\n\n"
    "Orchard guilds elect their chairs\n\n"
    "On 3 March 2023 the orchard guilds of the valley met in Tarrow to elect their chairs. "
    "The Wenlow orchard guild elected Mara Voss as its chair. "
    "The meeting also agreed a common price for pears.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"orchard.txt": ORCHARD, "notes.txt": NOTES, "guild.txt": GUILD})


@pytest.mark.slow
def test_an_antonym_swapped_question_gets_not_found_and_its_twin_an_answer(service):
    assert service.ask("How many tonnes of pears made the smallest harvest at the Wenlow orchard?").answer is None
    answer = service.ask("How many tonnes of pears made the largest harvest at the Wenlow orchard?").answer
    assert answer is not None and "120 tonnes" in answer.text


@pytest.mark.slow
def test_an_answer_about_another_name_than_asked_is_shown_with_low_confidence(service):
    # "Tarrow" is in the documents (the guilds met there), so nothing is missing; only the sentence
    # names another guild in its place
    asked = service.ask("Whom did the Wenlow orchard guild elect as its chair?").answer
    swapped = service.ask("Whom did the Tarrow orchard guild elect as its chair?").answer
    assert asked is not None and "Mara Voss" in asked.text and asked.score >= 0.6
    assert swapped is None or swapped.score < 0.4


# What the gate reads as "the question's names the documents lack": a sentence deep in a news item
# leaves out the place its lead gave, and a possessive is no part of a name.

LEAD = "From 3 to 5 May 2024 the regional pollination workshop was held in Wenlow."
DEEP = "The workshop featured experts from the Orchard Guild and the Beekeepers' Union."


def deep_sentence_candidate() -> Candidate:
    """The best candidate: a sentence in the item's second passage, which does not hold its lead."""
    text = "Wenlow orchard news\n\n" + LEAD + " " + "Growers came from nine valleys. " * 30 + DEEP
    item = ItemInfo(doc="news.txt", index=0, title="Pollination workshop", date="2024-05-03", start=21, end=len(text))
    start = text.index(DEEP)
    chunk = ChunkRow(id=1, doc="news.txt", item=0, start=start, end=len(text), text=DEEP, first_sentence=32,
                     n_sentences=1)
    passage = Passage(rank=1, chunk=chunk, item=item, score=1.0, dense=0.5, lexical=1.0, bm25=3.0)
    row = SentenceRow(id=32, doc="news.txt", item=0, start=start, end=len(text), text=DEEP, lang="en")
    feats = {k: 0.5 for k in ("dense", "lex", "focus", "ctx", "window", "type", "head", "names", "typed")}
    return Candidate(row, passage, feats, 1.0)


def test_a_place_only_the_item_s_lead_names_is_not_missing_when_the_lead_is_given():
    best = deep_sentence_candidate()
    question = "Which organisations sent experts to the workshop in Wenlow?"
    terms = analyze(question)
    idf = {t: 5.0 if t == "wenlow" else 1.0 for t in terms}  # the place is the rarest word asked
    alone = evidence(question, terms, [best], [best.passage], idf)
    with_lead = evidence(question, terms, [best], [best.passage], idf, lead=LEAD)
    assert alone["names_missing"] == 1.0 and alone["missing_max"] == 1.0
    assert with_lead["names_missing"] == 0.0 and with_lead["missing_max"] < 0.5


def test_a_place_neither_the_passage_nor_the_lead_names_is_still_missing():
    best = deep_sentence_candidate()
    question = "Which organisations sent experts to the workshop in Tarrow?"
    terms = analyze(question)
    idf = {t: 5.0 if t == "tarrow" else 1.0 for t in terms}
    facts = evidence(question, terms, [best], [best.passage], idf, lead=LEAD)
    assert facts["names_missing"] == 1.0 and facts["missing_max"] == 1.0


def test_the_month_a_report_or_minutes_are_dated_by_is_not_missing_from_their_pages():
    # a PDF page or a Word section carries the date stated once at the document's top; a news item's date is
    # its own lead's or dateline's, which the gate reads from the lead itself
    question = "Which experts featured at the workshop in March 2024?"
    terms = analyze(question)
    idf = {t: 5.0 if t in ("march", "2024") else 1.0 for t in terms}
    news = deep_sentence_candidate()
    for doc, missing in (("news.txt", 1.0), ("minutes.docx", 0.0), ("report.pdf", 0.0)):
        item = replace(news.passage.item, doc=doc, date="2024-03-14")
        best = replace(news, passage=replace(news.passage, item=item))
        assert evidence(question, terms, [best], [best.passage], idf)["missing_max"] == missing, doc


def test_a_hedge_or_a_total_the_text_does_not_use_is_not_missing():
    # "roughly", "in total" and "on behalf of" frame the question; "parade" names something the passage never mentions
    best = deep_sentence_candidate()
    for question, missing in (("Roughly how many experts from the Orchard Guild featured in total?", 0.0),
                              ("How many experts featured on behalf of the Orchard Guild?", 0.0),
                              ("How many experts from the Orchard Guild featured in the parade?", 1.0)):
        terms = analyze(question)
        facts = evidence(question, terms, [best], [best.passage], {t: 1.0 for t in terms}, lead=LEAD)
        assert facts["missing_max"] == missing and facts["missing_pool_max"] == missing
        assert (facts["pool_cov"] == 1.0) == (missing == 0.0)


def test_a_count_that_leaves_something_out_is_no_negated_question():
    best = deep_sentence_candidate()
    for question, neg in (("How many experts featured, not counting the Orchard Guild's?", 0.0),
                          ("Which experts did not feature at the workshop?", 1.0)):
        assert evidence(question, analyze(question), [best], [best.passage], {}, lead=LEAD)["neg"] == neg


@pytest.mark.parametrize("question, neg", [
    ('Which experts featured at the "Growing without pesticides" workshop?', 0.0),
    ("Which experts featured at the 'No Frost' workshop?", 0.0),
    ("Which experts featured at the “Never Again” workshop?", 0.0),
    ("Which experts did not feature at the 'No Frost' workshop?", 1.0),
    ("Which experts didn't feature at the Orchard Guild's workshop?", 1.0),
    # a prefix negates a name or a noun as "not" does
    ("Which non-Guild experts featured at the workshop?", 1.0),
])
def test_a_negation_inside_a_quoted_name_is_no_negated_question(question, neg):
    best = deep_sentence_candidate()
    assert evidence(question, analyze(question), [best], [best.passage], {}, lead=LEAD)["neg"] == neg


@pytest.mark.parametrize("question, text, missing", [
    # the question spells out the name the passage gives as an acronym, and the other way round
    ("Who spoke for the Wenlow Orchard Guild at the workshop?", "Experts of the WOG spoke first.", 0.0),
    ("Who spoke for the WOG at the workshop?", "Experts of the Wenlow Orchard Guild spoke first.", 0.0),
    # other initials are another name
    ("Who spoke for the Wenlow Orchard Guild at the workshop?", "Experts of the WBU spoke first.", 1.0),
])
def test_a_name_the_passage_writes_as_its_acronym_is_not_missing(question, text, missing):
    best = deep_sentence_candidate()
    passage = replace(best.passage, chunk=replace(best.passage.chunk, text=text))
    best = Candidate(replace(best.sentence, text=text), passage, best.features, 1.0)
    terms = analyze(question)
    facts = evidence(question, terms, [best], [passage], {t: 1.0 for t in terms})
    assert facts["names_missing"] == missing
    assert (facts["missing_pool_max"] == 0.0) == (missing == 0.0)


@pytest.mark.parametrize("question", [
    "Which union sent the Orchard Guild's experts?",
    "Who spoke for the Beekeepers' Union?",
    "Who spoke for the Beekeepers’ Union?",
    "How many experts did the Guild-funded union send?",
])
def test_a_name_is_found_without_its_possessive_or_a_hyphenated_tail(question):
    best = deep_sentence_candidate()
    terms = analyze(question)
    facts = evidence(question, terms, [best], [best.passage], {t: 1.0 for t in terms})
    assert facts["names_missing"] == 0.0
    assert names_feature(question_names(question), DEEP, set()) == 1.0


def test_an_acronym_s_plural_is_the_acronym():
    question = "Which guild trained the MRs at the workshop?"
    assert question_names(question) == {"mr"}
    assert names_feature(question_names(question), "The MR programme of the Orchard Guild.", set()) == 1.0
    assert names_feature(question_names("Which guild trained the MR?"), "It trained 40 MRs.", set()) == 1.0



def test_a_place_named_by_its_adjective_is_not_missing():
    # "trained in Africa" against "in African countries": the same place, not a question about
    # something the documents never mention; "in Asia" against the same text still is one
    best = deep_sentence_candidate()
    text = "Since 2015, 210 trainers in African countries have trained 57,000 officers."
    passage = replace(best.passage, chunk=replace(best.passage.chunk, text=text))
    best = Candidate(replace(best.sentence, text=text), passage, best.features, 1.0)
    for place, missing in (("Africa", 0.0), ("Asia", 1.0)):
        question = f"How many trainers have been trained in {place}?"
        terms = analyze(question)
        idf = {t: 5.0 if t == place.lower() else 1.0 for t in terms}
        facts = evidence(question, terms, [best], [passage], idf)
        assert facts["names_missing"] == missing
        assert facts["missing_max"] == missing and facts["missing_pool_max"] == missing


def test_the_gate_is_told_when_the_answer_is_in_another_language_than_the_question():
    # none of a Russian question's words can be in an English sentence: the gate must not read that as "not found"
    best = deep_sentence_candidate()
    unknown = Candidate(replace(best.sentence, lang=None), best.passage, best.features, best.score)
    for question, candidate, cross in (
        ("Which organisations sent experts to the workshop in Wenlow?", best, 0.0),
        ("Какие организации прислали экспертов на семинар в Уэнлоу?", best, 1.0),
        ("Какие организации прислали экспертов на семинар в Уэнлоу?", unknown, 0.0),  # an index without languages
    ):
        terms = analyze(question)
        facts = evidence(question, terms, [candidate], [candidate.passage], {t: 1.0 for t in terms}, lead=LEAD)
        assert facts["cross"] == cross, question


def test_a_name_the_passage_writes_in_the_other_script_is_not_missing():
    # an English question answered by a Russian sentence: "Bishkek" is there as "Бишкеке", "Tarrow" nowhere
    russian = "Занятия в Бишкеке проведут Гульнара Сеитова и Маркус Эйхорн."
    best = lone_candidate(russian, "2024-05-28", 1.0, doc="kurs.txt", lang="ru",
                          features={k: 0.5 for k in ("dense", "lex", "focus", "ctx", "window", "type", "head", "names",
                                                     "typed")})
    for place, missing in (("Bishkek", 0.0), ("Tarrow", 1.0)):
        question = f"Who are the trainers of the controlled deliveries course in {place}?"
        terms = analyze(question)
        facts = evidence(question, terms, [best], [best.passage], {t: 1.0 for t in terms})
        assert facts["names_missing"] == missing
