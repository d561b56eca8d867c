"""What a "not found" tells the user (qa.answer.not_found): what the documents lack, so they can ask
again in other words or look elsewhere. Invented questions and documents."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.answer.evidence import rule_that_holds
from qa.answer.not_found import not_found_note, unmentioned
from qa.answer.weights import MINILM
from qa.lang import analyze

HARBOUR = "The Wenlow harbour council met on 3 May 2021 and agreed to repair the breakwater before winter."
KNOWN = set(analyze(HARBOUR)).__contains__  # the stems the invented index would know


def test_a_rule_s_not_found_says_what_the_passages_lack():
    on = replace(MINILM, count_veto=True)
    assert rule_that_holds({"unmeasured": 1.0}, on) == "unmeasured"
    assert not_found_note("unmeasured", "How long is the breakwater?") == (
        "The best passage states no length or duration.")
    assert not_found_note("unmeasured", "How old was the keeper?") == "The best passage states no age."
    assert not_found_note("unmeasured", "How many tonnes of stone were lifted?") == "The best passage states no weight."
    assert not_found_note("unmeasured", "How many acres does the park cover?") == "The best passage states no area."
    assert rule_that_holds({"unlisted": 1.0}, on) == "unlisted"
    assert not_found_note("unlisted", "What is the harbour board's e-mail address?") == (
        "None of the best passages gives an e-mail address.")
    assert rule_that_holds({"undated": 1.0}, on) == "undated"
    assert not_found_note("undated", "On which day in May 2021 did the council meet?") == (
        "The best passage states no day.")
    assert not_found_note("undated", "In what year was the breakwater built?") == "The best passage states no year."
    assert not_found_note("undated", "On what date was the breakwater built?") == "The best passage states no date."
    assert not_found_note("undated", "In which century was the breakwater built?") == (
        "The best passage states no century.")
    assert not_found_note("undated", "In what decade was the breakwater built?") == "The best passage states no decade."
    # worded in the question's language
    assert not_found_note("undated", "Какого числа построили мол?") == "Лучший фрагмент не называет день."
    assert not_found_note("undated", "What time did the ferry leave?") == "The best passage states no time of day."
    assert not_found_note("undated", "В каком десятилетии построили мол?") == "Лучший фрагмент не называет десятилетие."
    assert not_found_note("unpriced", "What did the ferry cost?") == (
        "None of the best passages states an amount of money.")
    assert "FPA" in not_found_note("undefined", "What does FPA stand for?")
    assert not_found_note("scene", "Who chaired the spring meeting?") == (
        "The best passage sets the scene of this event but names no one for what was asked.")
    assert rule_that_holds({"misplaced": 1.0}, on) == "misplaced"
    assert not_found_note("misplaced", "Who chaired the council meeting in Tarrow?") == (
        "The best passage holds this event in another place than Tarrow.")
    assert not_found_note("misplaced", "Who chaired the council meeting in Tarrow?",
                          lead="On 14 March 2023, in Dunmore, the council met.") == (
        "The best passage holds this event in Dunmore, not in Tarrow.")
    # no rule holds where the fit switched the rules off
    assert rule_that_holds({"unmeasured": 1.0}, replace(MINILM, count_veto=False, scene_veto=False)) is None


def test_the_fitted_gate_s_not_found_names_the_words_no_document_uses():
    assert unmentioned("What is the population of Wenlow?", KNOWN) == ["population"]
    assert unmentioned("Which INTERPOL officer inspected the breakwater?", KNOWN) == [
        "INTERPOL", "officer", "inspected"]
    assert not_found_note(None, "What is the population of Wenlow?", KNOWN) == (
        "None of the documents mentions “population”.")


def test_words_that_only_frame_a_question_are_not_named():
    # question words, light verbs and short lower-case words ("far", "led") say nothing of the topic
    assert unmentioned("Who led the council so far?", KNOWN) == []
    assert not_found_note(None, "When did the Wenlow harbour council meet?", KNOWN) is None
    assert not_found_note(None, "What is the population of Wenlow?") is None  # no index to ask


def test_hedges_and_totals_are_not_named_as_what_the_documents_lack():
    # "Roughly", "in total", "not counting", "currently": no document has to use them to answer
    assert unmentioned("Roughly how many breakwaters did the council repair in total, not counting jetties?",
                       KNOWN) == ["jetties"]
    assert unmentioned("Who currently chairs the Wenlow council?", KNOWN) == ["chairs"]


def test_a_numbered_name_is_mentioned_when_its_name_is():
    # the council's third session may be written "the third council session"; a name no document uses is still named
    assert unmentioned("Where will Council3 meet?", KNOWN) == []
    assert unmentioned("Where will Senate3 meet?", KNOWN) == ["Senate3"]


@pytest.mark.slow
def test_a_question_about_what_no_document_mentions_says_so(invented_service):
    result = invented_service({"harbour.txt": HARBOUR + "\n"}).ask("What is the capital of France?")
    assert result.answer is None
    assert result.not_found == "None of the documents mentions “capital” or “France”."


def test_a_word_only_a_headline_holds_is_mentioned(tmp_path, settings_for, hash_embedder):
    # the dateline ("TARROW BAY, 5 May 2023 -") is cut from the text, so the place is left only in the headline (and
    # in the lexical index through it, qa.store.lexical.lexical_text): "None of the documents mentions “Tarrow”"
    # would be false
    from qa.answer.not_found import mentioned
    from qa.app.service import QAService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "news.txt").write_text(
        "Tarrow Bay opens a new lighthouse\n\nTARROW BAY, 5 May 2023 - The mayor opened the lighthouse on the pier.\n"
        "It cost 2 million dollars.\n", encoding="utf-8")
    service = QAService(settings_for(corpus), embedder=hash_embedder)
    service.build()
    index = service.index()
    known = mentioned(index)
    assert known("tarrow") and known("lighthous")
    assert not_found_note(None, "What is the population of Tarrow Bay?", known) == (
        "None of the documents mentions “population”.")


def _index_of(tmp_path, settings_for, hash_embedder, files: dict[str, str]):
    """The index of a corpus of `files` ({name: text}), built with the fast embedder."""
    from qa.app.service import QAService

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    service = QAService(settings_for(corpus), embedder=hash_embedder)
    service.build()
    return service.index()


# An English page that names the ambassador and a Russian one that does not: a Russian question's words are
# missing from the Russian text and the English page speaks of them in English ("ambassador", "Japan").
EMBASSY = "The Ambassador of Japan to Wenlow, Mr Ito Kenji, opened the harbour exhibition on 3 May 2021.\n"
FERRY_RU = "Паром из Венлоу на остров Скарн отправляется каждый вторник в полдень. Билет стоит 12 евро.\n"
AMBASSADOR_RU = "Кто является послом Японии в Венлоу?"


def test_a_word_missing_in_its_language_is_not_named_when_other_documents_may_say_it_in_theirs(
        tmp_path, settings_for, hash_embedder):
    from qa.answer.not_found import mentioned

    index = _index_of(tmp_path, settings_for, hash_embedder, {"embassy.txt": EMBASSY, "ferry_ru.txt": FERRY_RU})
    known = mentioned(index)
    # "послом" and "Японии" are in no Russian text, but the English page speaks of both: no word is the reason
    assert not index.lexical.known(analyze("послом")[0])
    assert not_found_note(None, AMBASSADOR_RU, known) is None
    assert index.languages() == {"en", "ru"}
    # nor is an English word the Russian file may say in Russian ("population": "население")
    assert not_found_note(None, "What is the population of Wenlow?", known) is None
    # a number is written alike in every language: no document holds it
    assert unmentioned("What happened in 1871?", known) == ["1871"]


def test_a_word_missing_from_a_collection_all_in_its_language_is_named(tmp_path, settings_for, hash_embedder):
    from qa.answer.not_found import mentioned

    index = _index_of(tmp_path, settings_for, hash_embedder, {"ferry_ru.txt": FERRY_RU})
    assert index.languages() == {"ru"}
    assert not_found_note(None, AMBASSADOR_RU, mentioned(index)) == (
        "Ни в одном документе не упоминается “послом” или “Японии”.")


def test_a_word_is_written_alike_only_where_every_document_is_in_its_language():
    from qa.answer.not_found import written_alike

    assert written_alike("popul", frozenset({"en"})) and written_alike("посл", frozenset({"ru"}))
    assert not written_alike("popul", frozenset({"en", "ru"})) and not written_alike("посл", frozenset({"en", "ru"}))
    # a Latin name over Russian documents: they may write it in Cyrillic ("UNODC": "УНП ООН")
    assert not written_alike("unodc", frozenset({"ru"})) and not written_alike("посл", frozenset({"en"}))
    assert written_alike("1871", frozenset({"en", "ru"}))
