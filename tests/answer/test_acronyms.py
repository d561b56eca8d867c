"""What an acronym stands for (qa.answer.acronyms): the question that asks it, the sentence that says
it, and what the answer step does with both, on invented sentences."""

from __future__ import annotations

import pytest

from qa.answer.acronyms import asked_acronym, defines
from qa.answer.evidence import undefined
from qa.answer.neighbours import prefer_typed_neighbour
from test_neighbours import ranked

USES = "The SHWA opened a new radar station in Skarn in 2021."
DEFINES = "The Skarn Harbour Wardens Association (SHWA) was founded by the island's pilots."


@pytest.mark.parametrize(("question", "acronym"), [
    ("What does SHWA stand for?", "SHWA"),
    ("What is the SHWA's full name as given in the TWCC report?", "SHWA"),
    ("What does the acronym SHWA stand for?", "SHWA"),
    ("What is the full name of SHWA?", "SHWA"),
    ("What is SHWA?", "SHWA"),
    ("Как расшифровывается СХВА?", "СХВА"),
    ("Что такое СХВА?", "СХВА"),
    # the office's full name, not the acronym's; and questions that ask something else
    ("What is the full name of the SHWA office in Skarn?", None),
    ("Who heads the SHWA?", None),
    ("When was the SHWA founded?", None),
])
def test_a_question_asks_what_an_acronym_stands_for(question, acronym):
    assert asked_acronym(question) == acronym


def test_a_sentence_spells_an_acronym_out_in_brackets_either_way_or_by_its_initials():
    assert defines(DEFINES, "SHWA")
    assert defines("The SHWA (Skarn Harbour Wardens Association) met.", "SHWA")
    assert defines("In the Skarn Harbour Wardens Association, pilots vote.", "SHWA")
    assert defines("Ассоциация смотрителей гавани Скарн (СХВА) провела встречу.", "СХВА")
    assert not defines(USES, "SHWA")


def test_a_glossary_entry_spells_an_acronym_out_in_lower_case_words_too():
    assert defines("- **SHWA** — skarn harbour wardens association.", "SHWA")
    assert defines("TWCC: tidal-water crossing control", "TWCC")
    # a dash after the acronym that leads to other words is no entry of it
    assert not defines("SHWA — see the list of members below.", "SHWA")


def test_only_an_acronym_spelled_out_in_so_many_words_answers_whatever_the_gate():
    from qa.answer.acronyms import spells_out

    for text in (DEFINES, "- **SHWA** — skarn harbour wardens association.", "SHWA stands for the wardens' board."):
        assert spells_out(text, "SHWA")
    # a longer name whose initials begin with the letters may be another name: the gate weighs it as before
    longer = "The Skarn Harbour Wardens Association of Tarrow met in May."
    assert defines(longer, "SHW") and not spells_out(longer, "SHW")
    # a glossary's entry of the full name that says what it is abbreviated to
    entry = "- Harbour exit notice — A notice the port sends before a vessel leaves; abbreviated HEN."
    assert spells_out(entry, "HEN")
    assert not spells_out("- Mirror statistics — A comparison of trade figures; abbreviated HEN.", "HEN")


def test_the_answer_is_the_sentence_that_spells_it_out():
    q = "What does SHWA stand for?"
    r = ranked(q, [(0, 3, USES, 9.0), (0, 1, "Skarn lies north of Wenlow.", 8.0), (0, 2, DEFINES, 4.0)])
    assert prefer_typed_neighbour(r, q)[0].sentence.text == DEFINES


def test_documents_that_only_use_the_acronym_do_not_answer():
    q = "What does SHWA stand for?"
    assert undefined(q, [USES, "Skarn lies north of Wenlow."]) == 1.0
    assert undefined(q, [USES, DEFINES]) == 0.0
    assert undefined("When did the SHWA open a radar station?", [USES]) == 0.0


HARBOUR = (
    "Harbour news\n\n"
    "Wardens meet in Skarn\n\n"
    "On 4 June 2023 the Skarn Harbour Wardens Association (SHWA) held its yearly meeting in Skarn. "
    "The SHWA elected a new board and opened a radar station.\n\n"
    "Ferry safety week\n\n"
    "On 9 July 2023 the TWCC ran a ferry safety week in Wenlow. The TWCC trained 40 pilots.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"harbour.txt": HARBOUR})


@pytest.mark.slow
def test_what_an_acronym_stands_for_is_answered_only_where_the_documents_say_it(service):
    answer = service.ask("What does SHWA stand for?").answer
    assert answer is not None and "Skarn Harbour Wardens Association (SHWA)" in answer.text
    # the TWCC is only ever used, never spelled out
    assert service.ask("What does TWCC stand for?").answer is None


GLOSSARY = ("Glossary of harbour abbreviations\n\n"
            "- **SHWA** — skarn harbour wardens association.\n"
            "- **TWCC** — tidal-water crossing control: the checks made at a ferry crossing.\n"
            "- **PCU** — Port Control Unit.\n")


@pytest.mark.slow
def test_a_glossary_entry_answers_whatever_the_words_of_the_question(invented_service):
    service = invented_service({"glossary.md": GLOSSARY})
    for question in ("What does TWCC stand for?", "What is the meaning of the abbreviation TWCC?"):
        answer = service.ask(question).answer
        assert answer is not None and "tidal-water crossing control" in answer.text and answer.score >= 0.7
    assert service.ask("What does AEO stand for?").answer is None


def _harbour_page() -> str:
    """A news page that uses SHWA in every item and spells it out once, in an item about something else."""
    places = ["Skarn", "Wenlow", "Tarrow", "Port Ellery", "Brask", "Orme", "Lune", "Kessel", "Vardo", "Mell",
              "Haddon", "Crail", "Fenn", "Ostry"]
    items = [f"SHWA news from {p}\n\nThe SHWA met in {p}. SHWA wardens inspected the {p} quay, and the SHWA "
             f"board thanked the SHWA pilots of {p}.\n" for p in places]
    items.insert(9, "Lighthouse news\n\nThe old lighthouse of Gale Point was repainted white and red in May, "
                    "and its lamp was replaced by a lens from the mainland. The work was paid for by the "
                    "Skarn Harbour Wardens Association (SHWA) and the island council.\n")
    return "\n".join(items)


@pytest.fixture(scope="module")
def busy_service(invented_service):
    return invented_service({"harbour.txt": _harbour_page()})


@pytest.mark.slow
def test_an_acronym_used_everywhere_is_spelled_out_from_the_one_passage_that_says_it(busy_service):
    from qa.lang import analyze
    from qa.retrieve import retrieve

    question = "What does SHWA stand for?"
    index = busy_service.index()
    qvec = busy_service.embedder.encode([question])[0]
    plain = retrieve(index, qvec, analyze(question), busy_service.settings.answer_pool,
                     busy_service.settings.candidates)
    assert not any("(SHWA)" in p.chunk.text for p in plain)  # the passages that use it most crowd it out
    answer = busy_service.ask(question).answer
    assert answer is not None and "Skarn Harbour Wardens Association (SHWA)" in answer.text
