"""Issue 13's answer patterns end to end, on small invented news items and the real model.

Each test is one pattern a user met: a how-many question the documents cannot answer, a
when-question whose date sits in the item's dated lead, a long sentence whose answer sits at its
end, a short answer shown only where one fits, and confidence that orders answers by how often
they are right.
"""

from __future__ import annotations

import pytest


FORUM = (
    "Island news\n\n"
    "Fifth Skarn Harbour Forum opens in Port Ellery\n\n"
    "On 14 March 2023 in Port Ellery, the fifth Skarn Harbour Forum opened with delegations from the "
    "island councils of Skarn, Wenlow and Tarrow.\n\n"
    "The forum discussed ferry safety on the northern route and the repair of the old breakwater. "
    "Its chair, Margaret Quill, thanked the island councils for their long support of the harbour.\n\n"
    "The delegates agreed that the harbour committee, which since its first meeting has been hosted by "
    "the town of Port Ellery, by the Wenlow fishermen's guild, by the Tarrow ferry company, by the "
    "island school board, by the lighthouse trust and, in later years, by the regional museum of "
    "maritime history together with several private donors from the mainland, will from now on meet "
    "in the new harbour hall that the councils opened on 2 February 2021.\n"
)
# other items of the same kind of site, so that word statistics look like a real small corpus
OTHER = (
    "Regional notes\n\n"
    "Tarrow ferry timetable changes\n\n"
    "On 2 April 2023 the Tarrow ferry company announced a new summer timetable with two extra "
    "crossings on Saturdays.\n\n"
    "The company said the change follows complaints from island shops about late deliveries.\n\n"
    "Lighthouse trust elects new board\n\n"
    "On 18 May 2023 the lighthouse trust of Port Ellery elected a new board of seven members. "
    "The board will oversee the repainting of the Skarn light.\n\n"
    "School board opens reading room\n\n"
    "On 6 June 2023 the island school board opened a reading room in Wenlow for pupils from the "
    "outer islands. The room holds about 2,000 books donated by mainland libraries.\n"
)
ORCHARD = (
    "Orchard report\n\n"
    "Wenlow orchard harvest\n\n"
    "On 9 October 2022 the Wenlow orchard finished its pear harvest. Pickers from three villages "
    "gathered 120 tonnes of pears, the largest harvest since the orchard was planted in 1871.\n"
)

# the answer sits in the sentence after the one that holds the question's words (pattern 4)
PATROLS = (
    "Coast guard news\n\n"
    "Joint patrols on the northern route\n\n"
    "On 3 March 2023 the Skarn Harbour Office reported on its joint patrols with the coast guards.\n\n"
    "As a result of work carried out on information from the Wenlow side, from 2019 to the present, "
    "under the coordination of the Skarn Harbour Office, 6 joint patrol operations have been carried "
    "out with the coast guards of Wenlow and Tarrow. As a result of the patrols, 310 kg of "
    "contraband tobacco were seized.\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    return invented_service({"forum.txt": FORUM, "orchard.txt": ORCHARD, "notes.txt": OTHER, "patrols.txt": PATROLS})


@pytest.mark.slow
def test_a_how_many_question_about_a_real_event_without_that_count_gets_not_found(service):
    # the item is about this very forum, but no sentence counts its ferries
    r = service.ask("How many ferries were inspected at the fifth Skarn Harbour Forum?")
    assert r.answer is None
    assert r.passages  # the passages are still shown


@pytest.mark.slow
def test_a_when_question_gets_the_date_of_the_dated_lead(service):
    r = service.ask("When did the fifth Skarn Harbour Forum open?")
    assert r.answer is not None
    assert "14 March 2023" in r.answer.text
    assert not (r.answer.cut_before or r.answer.cut_after)  # a whole sentence, shown whole


@pytest.mark.slow
def test_a_long_answer_sentence_keeps_the_answer(service):
    r = service.ask("When did the councils open the new harbour hall?")
    assert r.answer is not None
    assert len(r.answer.text) <= 400
    assert "2 February 2021" in r.answer.text
    # the part shown ends the sentence; the sentence began before it, and the reader is told so
    assert r.answer.cut_before and not r.answer.cut_after
    assert r.answer.marked_text == "… " + r.answer.text


@pytest.mark.slow
def test_no_short_answer_is_shown_where_none_fits(service):
    r = service.ask("What did the Skarn Harbour Forum discuss?")
    assert r.answer is not None and "ferry safety" in r.answer.text
    assert r.answer.span is None  # a "what did they discuss" question has no short typed answer


@pytest.mark.slow
def test_a_short_answer_when_shown_is_the_asked_quantity(service):
    r = service.ask("How many tonnes of pears did the Wenlow orchard harvest?")
    assert r.answer is not None and "120 tonnes" in r.answer.text
    assert r.answer.span_text is None or "120" in r.answer.span_text


@pytest.mark.slow
def test_a_clear_count_is_marked_as_the_short_answer(service):
    # one count in a sentence that holds every word of the question: the bold short answer is the count
    r = service.ask("How many books does the Wenlow reading room hold?")
    assert r.answer is not None and "2,000 books" in r.answer.text
    assert r.answer.span_text is not None and "2,000" in r.answer.span_text


@pytest.mark.slow
def test_a_how_much_question_gets_the_figure_in_the_sentence_after_the_one_with_its_words(service):
    # the sentence with the question's words sets the scene; the next one gives the quantity
    r = service.ask("How much did the Skarn Harbour Office-coordinated joint patrols seize?")
    assert r.answer is not None
    assert "310 kg" in r.answer.text


@pytest.mark.slow
def test_question_words_the_figure_sentence_lacks_do_not_cost_the_answer(service):
    # pattern 4: "in total", "since 2019" and "operations" sit in the sentence before the figure
    r = service.ask("How much did the Skarn Harbour Office-coordinated joint patrol operations seize in total "
                    "since 2019?")
    assert r.answer is not None
    assert "310 kg" in r.answer.text


# The issue's own cases over the bundled corpus (samples/corpus, via tests/conftest.py's real_service)


@pytest.mark.slow
def test_the_web_app_wording_of_the_seizure_question_is_answered_with_the_figure(real_service):
    # the figure sentence ranks fourth; the sentence before it holds "since 2020" and "coordination"
    r = real_service.ask("How much did the CARICC-coordinated controlled delivery operations seize in total "
                         "since 2020?")
    assert r.answer is not None
    assert "740 kg" in r.answer.text


@pytest.mark.slow
def test_who_heads_is_answered_by_a_sentence_that_names_the_head(real_service):
    # not by the near-tied sentence listing the agencies whose heads took part in a meeting
    r = real_service.ask("Who heads CARICC?")
    assert r.answer is not None
    assert "Director of CARICC" in r.answer.text
