"""The gate's answer-type rules (qa.answer.evidence.uncounted, scene_only / abstain_gate), on invented
sentences and end to end.

A how-many question whose counted noun the documents name but never count is "not found": the
issue's pattern 1 ("a sentence about the same event with no count of that thing"). So is a question
about a detail of an event (who chaired, how much it cost) that only the item's dated lead names."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.answer.evidence import abstain_gate, scene_only, uncounted, undated, unmeasured, unpriced
from qa.answer.needs import needs
from qa.answer.types import typed_match
from qa.answer.weights import MINILM
from qa.lang import analyze

PASSAGE = set(analyze("Island news. The harbour forum discussed ferry safety and the repair of the breakwater."))
QUESTION = "How many ferries were inspected at the harbour forum?"


def test_a_noun_the_passage_names_but_no_candidate_counts_is_uncounted():
    assert uncounted(QUESTION, [0.0, 0.0, 0.0], PASSAGE) == 1.0


def test_a_candidate_that_counts_the_noun_clears_the_rule():
    assert uncounted(QUESTION, [0.0, 1.0, 0.0], PASSAGE) == 0.0


def test_a_noun_the_passage_never_names_is_left_to_the_fitted_gate():
    # nothing says the documents speak of the asked thing at all: no rule, the model decides
    assert uncounted("How many lighthouses were repainted at the harbour forum?", [0.0, 0.0], PASSAGE) == 0.0


def test_a_unit_the_passage_writes_short_is_named_by_it():
    # "How many kilograms ...?" over a passage that weighs in kg speaks of the asked unit
    weighed = set(analyze("Island news. Divers lifted 12 kg of stone and 3 km of cable from the harbour."))
    assert uncounted("How many kilograms of sand did the divers lift?", [0.0, 0.0], weighed) == 1.0
    assert uncounted("How many kilometres of rope did the divers lift?", [0.0, 0.0], weighed) == 1.0
    assert uncounted("How many litres of oil did the divers lift?", [0.0, 0.0], weighed) == 0.0


def test_questions_that_count_no_noun_are_not_ruled():
    assert uncounted("How much did the harbour forum cost?", [0.0, 0.0], PASSAGE) == 0.0
    assert uncounted("When did the harbour forum discuss ferry safety?", [0.0, 0.0], PASSAGE) == 0.0


WEIGHED = ["The harbour forum discussed ferry safety.", "Divers lifted 12 tonnes of stone from the breakwater."]


def test_a_question_about_money_that_no_candidate_prices_is_unpriced():
    assert unpriced("How much did the repair of the breakwater cost?", WEIGHED) == 1.0
    assert unpriced("What was the price of a ferry ticket?", WEIGHED) == 1.0
    priced = [*WEIGHED, "The repair of the breakwater cost 40,000 euros."]
    assert unpriced("How much did the repair of the breakwater cost?", priced) == 0.0
    # a quantity question that is not about money is the fitted gate's
    assert unpriced("How much stone was lifted from the breakwater?", WEIGHED) == 0.0


def test_a_question_about_a_measure_that_no_candidate_measures_is_unmeasured():
    # a weight and a date are no length; "12 tonnes" does not say how long the breakwater is
    assert unmeasured("How long is the breakwater?", WEIGHED) == 1.0
    assert unmeasured("How long is the breakwater?", [*WEIGHED, "The breakwater runs 1.2 km into the bay."]) == 0.0
    assert unmeasured("How long did the repair of the breakwater take?",
                      [*WEIGHED, "The repair took six weeks."]) == 0.0
    # days of one month give a duration: "from 3 to 7 February", "July 19-21", "с 3 по 7 февраля"
    for days in ("The repair ran from 3 to 7 February 2025.", "The repair ran July 19-21.",
                 "Ремонт шёл с 3 по 7 февраля."):
        assert unmeasured("How long did the repair of the breakwater take?", [days]) == 0.0
    assert unmeasured("How long did the repair of the breakwater take?",
                      ["The repair ended on 7 February 2025."]) == 1.0
    # a question about no measure is the fitted gate's
    assert unmeasured("How much stone was lifted from the breakwater?", WEIGHED) == 0.0


@pytest.mark.parametrize(("question", "measured"), [
    ("How many kilograms of stone did the divers lift?", "Divers lifted 1.2 tonnes of stone."),
    ("How many square kilometres does the harbour cover?", "The harbour covers 3 km² of the bay."),
    ("How many litres of fuel does the ferry burn?", "The ferry burns 400 litres of fuel a crossing."),
    ("How many miles does the breakwater run?", "The breakwater runs 1.2 km into the bay."),
    ("Сколько килограммов камня подняли водолазы?", "Водолазы подняли 1,2 т камня."),
])
def test_a_count_of_a_unit_asks_for_a_measure_in_any_unit_of_its_kind(question, measured):
    # a share, a count of something else and a date weigh nothing: "12 % more" does not say how many kilograms
    unmeasured_ = ["Divers lifted 12 % more stone than in 2020, with 14 boats."]
    assert unmeasured(question, unmeasured_) == 1.0
    assert unmeasured(question, [measured]) == 0.0
    # counting money is the money rule's: "how many pounds did it cost" is answered by "300 pounds"
    assert needs("How many pounds did the repair cost?").measure == ()
    # and a unit of another kind after the asked one leaves unclear what is measured
    assert needs("How many tonnes of stone per hectare did the divers lift?").measure == ()


def test_a_quantifier_before_a_unit_states_a_measure():
    # "hundreds of kilograms" is what the documents say: vague, but no "not found" for want of a weight
    assert unmeasured("How many kilograms of stone did the divers lift?",
                      ["Divers lifted hundreds of kilograms."]) == 0.0
    assert unmeasured("Сколько килограммов камня подняли водолазы?",
                      ["Водолазы подняли сотни килограммов камня."]) == 0.0
    assert unmeasured("How many kilograms of stone did the divers lift?", ["Divers lifted several boats."]) == 1.0


@pytest.mark.parametrize(("question", "sentence"), [
    # the question's own month and year give no day
    ("On which day in March 2022 was the ferry inspected?", "In March 2022 the ferry was inspected at Wenlow."),
    ("On what date was the ferry inspected?", "The ferry was inspected by the harbour council."),
    ("In what year was the breakwater repaired?", "The breakwater was repaired by the harbour council."),
    ("In which month of 2021 did the divers lift the stone?", "The divers lifted the stone in 2021."),
    ("In which century was the breakwater built?", "The breakwater was built by the harbour council."),
    # Russian, and a Russian question over English text: each read in its own language
    ("В каком году отремонтировали мол?", "Мол отремонтировал портовый совет."),
    ("Какого числа в марте 2022 года осмотрели паром?", "В марте 2022 года паром осмотрели в Уэнлоу."),
    ("В каком месяце 2021 года водолазы подняли камень?", "Водолазы подняли камень в 2021 году."),
    ("В каком году отремонтировали мол?", "The breakwater was repaired by the harbour council."),
    # a time of day: the question's own date gives none
    ("What time did the ferry leave on 14 March 2022?", "On 14 March 2022 the ferry left Wenlow for Tarrow."),
    ("Во сколько паром отправился 14 марта?", "14 марта паром отправился из Уэнлоу."),
    # "в частности" (in particular) is no hour
    ("В котором часу паром отправился 14 марта?", "14 марта паром, в частности, отправился из Уэнлоу."),
    ("What time of year was the ferry inspected?", "The ferry was inspected by the harbour council."),
])
def test_a_question_asking_a_date_the_sentence_does_not_give_at_that_grain_is_undated(question, sentence):
    assert undated(question, sentence) == 1.0


def test_a_sentence_that_refers_back_is_read_with_the_text_before_it():
    question = "In what year were the harbour rules changed?"
    sentence = "These included closing the harbour at night."
    assert undated(question, sentence, before="The harbour rules were changed in 1906.") == 0.0
    assert undated(question, sentence, before="The harbour council met in the town hall.") == 1.0


@pytest.mark.parametrize(("question", "sentence"), [
    ("On which day in March 2022 was the ferry inspected?", "On 14 March 2022 the ferry was inspected at Wenlow."),
    ("On what date was the ferry inspected?", "The ferry was inspected on March 14."),
    ("What day of the week is the ferry inspected?", "The ferry is inspected every Tuesday."),
    ("On which day was the ferry inspected?", "The ferry was inspected the next day."),
    ("In what year was the breakwater repaired?", "The breakwater was repaired in 1998."),
    ("In what year was the casket made?", "The casket is dated c1180."),  # read loosely: a rule refuses
    ("In which month of 2021 did the divers lift the stone?", "The divers lifted the stone in October 2021."),
    ("In which month did the divers lift the stone?", "The divers lifted the stone in early spring."),
    ("In which century was the breakwater built?", "The breakwater was built in the 12th century."),
    ("In what decade was the breakwater built?", "The breakwater was built in the '60s."),
    ("In which century was the breakwater built?", "The breakwater was built in 1154."),
    # "what date" asks for any date: a year is given for it too
    ("Between what dates was the breakwater repaired?", "The breakwater was repaired between 1931 and 1938."),
    ("On what date was the breakwater repaired?", "The breakwater was repaired in 1998."),
    # shown after the sentence before it, which may give the date; unread, it may
    ("In what year were the harbour rules changed?", "These included closing the harbour at night."),
    # a when-question asks for no grain ("in spring", "after the storm" answer it): the fitted gate's
    ("When was the breakwater repaired?", "The breakwater was repaired by the harbour council."),
    ("В каком году отремонтировали мол?", "Мол отремонтировали в 1998 г."),
    ("Какого числа в марте 2022 года осмотрели паром?", "Паром осмотрели 14 марта 2022 года."),
    ("В каком месяце водолазы подняли камень?", "Водолазы подняли камень весной."),
    ("В каком веке построили мол?", "Мол построили в XII веке."),
    ("В каком году отремонтировали мол?", "The breakwater was repaired in 1998."),
    # "год" without a question word before it asks for no grain: "в прошлом году" is the question's own time
    ("Кто отремонтировал мол в прошлом году?", "Мол отремонтировал портовый совет."),
    ("What time did the ferry leave on 14 March 2022?", "The ferry left Wenlow at 9:30 a.m. on 14 March 2022."),
    ("At what hour did the ferry leave?", "The ferry left at noon."),
    ("Во сколько паром отправился 14 марта?", "Паром отправился в 10.00."),
    ("What time of year was the ferry inspected?", "The ferry was inspected in early spring."),
    # a time period, a time frame and "во сколько раз" ask for no time of day
    ("What time period does the survey cover?", "The survey covers the harbour's fishing fleet."),
    ("Во сколько раз выросли перевозки?", "Перевозки выросли втрое."),
])
def test_a_date_at_the_asked_grain_or_a_question_asking_no_grain_clears_the_date_rule(question, sentence):
    assert undated(question, sentence) == 0.0


@pytest.mark.parametrize("rule", ["unpriced", "unmeasured", "undated"])
def test_the_money_and_measure_rules_abstain_only_where_a_fit_switched_the_answer_type_rules_on(rule):
    stump = {"features": ["share"], "bias": 2.0, "trees": []}
    facts = {"share": 0.9, "uncounted": 0.0, rule: 1.0}
    assert abstain_gate(facts, replace(MINILM, abstain_trees=stump, count_veto=True), 0.5) == 0.0
    assert abstain_gate(facts, replace(MINILM, abstain_trees=stump, count_veto=False, scene_veto=True), 0.5) == 0.0
    assert abstain_gate(facts, replace(MINILM, abstain_trees=stump, count_veto=False, scene_veto=False), 0.5) > 0.8


def test_the_rule_abstains_only_where_the_fit_switched_it_on():
    stump = {"features": ["share"], "bias": 2.0, "trees": []}  # P(answerable) ~ 0.88 for everyone
    on = replace(MINILM, abstain_trees=stump, count_veto=True)
    off = replace(MINILM, abstain_trees=stump, count_veto=False)
    facts = {"share": 0.9, "uncounted": 1.0}
    assert abstain_gate(facts, on, 0.5) == 0.0
    assert abstain_gate(facts, off, 0.5) > 0.8
    assert abstain_gate({**facts, "uncounted": 0.0}, on, 0.5) > 0.8


def _kinds(question: str, sentences: list[str]) -> list[float]:
    """typed_match of each candidate, as qa.answer.evidence reads it from the candidates' features."""
    n = needs(question)
    return [typed_match(s, question, n) for s in sentences]


def test_a_count_of_the_asked_noun_after_a_verb_the_question_goes_on_with_clears_the_rule():
    # the counted noun is "storms", not the verb "hit" nor "harbour" further on: a passage that
    # counts the storms answers the question, one that only names them does not
    question = "How many storms hit Wenlow harbour last year?"
    answered = ["Wenlow harbour was hit by eleven storms last year.", "The harbour wall was repaired in May."]
    own = set(analyze(" ".join(answered)))
    assert uncounted(question, _kinds(question, answered), own) == 0.0
    unanswered = ["Storms hit Wenlow harbour last year.", "The harbour lost 40 boats in the floods."]
    own = set(analyze(" ".join(unanswered)))
    assert uncounted(question, _kinds(question, unanswered), own) == 1.0


# The scene rule (qa.answer.evidence.scene_only): an item's dated lead names every word that singles
# out its event, so it is chosen for questions about any detail of that event; it states when, where
# and who organised, not who chaired or how much it cost.
LEAD = ("On 14 March 2023, in Dunmore, the spring meeting of the Harlow beekeepers' council was held in the town "
        "library.")


def test_a_lead_chosen_for_who_chaired_sets_only_the_scene():
    assert scene_only("Who chaired the spring meeting of the Harlow beekeepers' council?", LEAD, True) == 1.0


def test_a_lead_chosen_for_how_many_or_how_much_sets_only_the_scene():
    assert scene_only("How many beekeepers attended the spring meeting of the Harlow council?", LEAD, True) == 1.0
    assert scene_only("How much did the spring meeting of the Harlow beekeepers' council cost?", LEAD, True) == 1.0


def test_a_lead_that_states_the_asked_detail_answers_it():
    counted = "On 14 March 2023, in Dunmore, 42 beekeepers attended the spring meeting of the Harlow council."
    assert scene_only("How many beekeepers attended the spring meeting of the Harlow council?", counted, True) == 0.0
    chaired = "On 14 March 2023 Mrs Edith Carrow chaired the spring meeting of the Harlow beekeepers' council."
    assert scene_only("Who chaired the spring meeting of the Harlow beekeepers' council?", chaired, True) == 0.0


def test_the_lead_s_own_date_is_no_count():
    dated = "On October 25-26, 2021 the delegation of the Harlow beekeepers' council visited Dunmore."
    assert scene_only("How many delegates visited Dunmore?", dated, True) == 1.0


def test_a_lead_that_names_someone_without_a_title_answers_who():
    lead = "On 2 May 2023, in Dunmore, beekeeper Edith Carrow opened the spring meeting of the Harlow council."
    assert scene_only("Who opened the spring meeting of the Harlow council?", lead, True) == 0.0


def test_a_how_long_question_is_left_alone_since_a_lead_s_dates_can_answer_it():
    lead = "From 3 May to 9 June 2023 the Harlow beekeepers' council ran its spring course in Dunmore."
    assert scene_only("How long did the Harlow beekeepers' spring course run?", lead, True) == 0.0


def test_when_and_where_questions_are_what_a_lead_answers():
    assert scene_only("When was the spring meeting of the Harlow beekeepers' council held?", LEAD, True) == 0.0
    assert scene_only("Where was the spring meeting of the Harlow beekeepers' council held?", LEAD, True) == 0.0


TITLE = "Beekeepers meet in Dunmore"


def test_a_lead_s_date_does_not_date_another_event():
    # the lead's date is its meeting's; the question asks when the council was founded
    assert scene_only("When was the Harlow beekeepers' council founded?", LEAD, True, None, TITLE) == 1.0
    assert scene_only("In which year did Harlow ban imported honey?", LEAD, True, None, TITLE) == 1.0


def test_a_lead_s_date_answers_when_its_own_event_happened_began_or_is_planned():
    assert scene_only("When did the spring meeting of the Harlow beekeepers' council take place?", LEAD, True, None,
                      TITLE) == 0.0
    assert scene_only("In what year did the Harlow beekeepers meet in Dunmore?", LEAD, True, None, TITLE) == 0.0
    course = "From 3 May to 9 June 2023 the Harlow beekeepers' council held its spring course in Dunmore."
    assert scene_only("When did the Harlow beekeepers' spring course begin?", course, True, None, TITLE) == 0.0
    planned = "On 2 June 2024, a meeting of the Harlow beekeepers' council will be held in Dunmore."
    assert scene_only("On what date is the council meeting in Dunmore scheduled?", planned, True, None, TITLE) == 0.0


def test_a_lead_s_date_answers_a_question_that_frames_its_event_in_other_words():
    # "via" and "roughly" name nothing the lead must state; "sit down with" is a meeting
    planned = "On 2 June 2024, a meeting on honey shipped from Harlow through Dunmore will be held in Dunmore."
    assert scene_only("On which day is the meeting on honey shipped from Harlow via Dunmore scheduled?", planned, True,
                      None, TITLE) == 0.0
    met = "On 14 March 2023 the chair of the Harlow beekeepers' council met with the mayor of Dunmore."
    assert scene_only("When did the Harlow council's chair sit down with Dunmore's mayor?", met, True, None,
                      TITLE) == 0.0
    assert scene_only("When did the Harlow council's chair quarrel with Dunmore's mayor?", met, True, None,
                      TITLE) == 1.0


def test_a_lead_that_reports_an_act_dates_that_act_however_the_question_words_it():
    # not a gathering: the lead's date is the act's, and "leave" words "withdrew" another way
    act = "On 14 March 2023 the Harlow beekeepers' council withdrew from the national federation."
    assert scene_only("When did the Harlow council leave the national federation?", act, True, None, TITLE) == 0.0


def test_a_question_asking_when_a_gathering_took_place_is_what_its_lead_answers():
    # "reforms" is not in the lead: the topic of the meeting the question asks about, not another event
    question = "When was the Harlow beekeepers' meeting on hive reforms held?"
    assert scene_only(question, LEAD, True, None, TITLE) == 0.0
    assert scene_only("When did the Harlow beekeepers' council adopt the hive reforms?", LEAD, True, None, TITLE) == 1.0


def test_the_item_title_states_the_event_too():
    lead = "On 14 March 2023, in Dunmore, the council's spring meeting was held in the town library."
    assert scene_only("When did the beekeepers hold their spring meeting?", lead, True, None,
                      "Harlow beekeepers meet") == 0.0


def test_when_questions_are_left_alone_without_the_item_title():
    assert scene_only("When was the Harlow beekeepers' council founded?", LEAD, True) == 0.0


def test_russian_is_left_to_the_fitted_gate():
    # the person marks and question words are English: a Russian lead names no one they can read
    lead_ru = "14 марта 2023 года в Данморе прошло весеннее заседание совета пчеловодов Харлоу."
    assert scene_only("Who chaired the spring meeting of the Harlow beekeepers' council?", lead_ru, True) == 0.0
    assert scene_only("Кто председательствовал на весеннем заседании совета пчеловодов?", lead_ru, True) == 0.0


def test_a_sentence_that_is_not_a_lead_is_left_to_the_fitted_gate():
    assert scene_only("Who chaired the spring meeting of the Harlow beekeepers' council?", LEAD, False) == 0.0


def test_the_scene_rule_abstains_with_the_count_rule_switch():
    stump = {"features": ["share"], "bias": 2.0, "trees": []}
    on = replace(MINILM, abstain_trees=stump, count_veto=True)
    off = replace(MINILM, abstain_trees=stump, count_veto=False)
    facts = {"share": 0.9, "uncounted": 0.0, "scene": 1.0}
    assert abstain_gate(facts, on, 0.5) == 0.0
    assert abstain_gate(facts, off, 0.5) > 0.8


MEETING = (
    "Valley news\n\n"
    "Spring meeting of the Harlow beekeepers' council\n\n"
    "On 14 March 2023, in Dunmore, the spring meeting of the Harlow beekeepers' council was held in the "
    "town library. The members discussed the winter losses of hives and new rules for moving colonies "
    "between districts.{detail} A summer field day at the Dunmore apiary was announced.\n\n"
    "Ferry timetable changes\n\n"
    "On 2 April 2023 the Tarrow ferry company announced a new summer timetable with two extra crossings "
    "on Saturdays.\n"
)
STATED = " The meeting was chaired by Mrs Edith Carrow, the council's secretary, and cost the council 300 pounds."


@pytest.fixture(scope="module")
def unstated(invented_service):
    return invented_service({"valley.txt": MEETING.format(detail="")})


@pytest.fixture(scope="module")
def stated(invented_service):
    return invented_service({"valley.txt": MEETING.format(detail=STATED)})


@pytest.mark.slow
def test_who_chaired_an_event_only_the_lead_names_gets_not_found_and_its_stated_twin_an_answer(unstated, stated):
    question = "Who chaired the spring meeting of the Harlow beekeepers' council?"
    result = unstated.ask(question)
    assert result.answer is None
    assert result.not_found == "The best passage sets the scene of this event but names no one for what was asked."
    answer = stated.ask(question).answer
    assert answer is not None and "Edith Carrow" in answer.text


@pytest.mark.slow
def test_how_much_an_event_only_the_lead_names_cost_gets_not_found_and_its_stated_twin_an_answer(unstated, stated):
    question = "How much did the spring meeting of the Harlow beekeepers' council cost?"
    assert unstated.ask(question).answer is None
    answer = stated.ask(question).answer
    assert answer is not None and "300 pounds" in answer.text


def test_the_scene_rule_alone_leaves_the_count_rule_out():
    # the e5 fit takes the scene rule without the count rule (Fitted.scene_veto)
    stump = {"features": ["share"], "bias": 2.0, "trees": []}
    scene_only_fit = replace(MINILM, abstain_trees=stump, count_veto=False, scene_veto=True)
    assert abstain_gate({"share": 0.9, "uncounted": 0.0, "scene": 1.0}, scene_only_fit, 0.5) == 0.0
    assert abstain_gate({"share": 0.9, "uncounted": 1.0, "scene": 0.0}, scene_only_fit, 0.5) > 0.8


@pytest.mark.parametrize(("question", "sentence"), [
    # the count of an acronym's plural is a count of what the acronym stands for, either way round
    ("How many Master Rangers have been trained in the valleys?", "To date, 340 MRs in the valleys have been trained."),
    ("How many MRs have been trained in the valleys?", "To date, 340 Master Rangers in the valleys have been trained."),
    # a counted noun after five modifiers is still the asked one
    ("How many courses do the harbour pilots take?",
     "The harbour pilots take seven progressive pilotage and night-time navigation courses over two years."),
])
def test_a_count_under_another_name_or_after_many_modifiers_clears_the_rule(question, sentence):
    own = set(analyze(sentence))
    assert typed_match(sentence, question, needs(question)) == 1.0
    assert uncounted(question, _kinds(question, [sentence]), own) == 0.0


def test_initials_that_spell_no_acronym_of_the_noun_do_not_count_it():
    question = "How many Master Rangers have been trained in the valleys?"
    sentence = "To date, 340 MTs in the valleys have been trained by Master Rangers."
    assert uncounted(question, _kinds(question, [sentence]), set(analyze(sentence))) == 1.0


# a question, a detail that weighs but neither prices nor measures, what "not found" then says, and the
# twin detail that answers. Without the money rule (evidence.unpriced) the price question was answered
# at confidence 0.75 with the honey sentence; without the measure rule (evidence.unmeasured), the length one
WEIGHED_NOT_STATED = [
    ("What was the price of the honey sold at the spring meeting?",
     " The council sold 40 kg of honey at the meeting to pay for the new hives.",
     "None of the best passages states an amount of money.",
     " The honey sold at the spring meeting fetched a price of 12 pounds a jar.", "12 pounds"),
    ("How long is the new apiary fence at Dunmore?",
     " The council sold 40 kg of honey at the meeting to pay for the new apiary fence at Dunmore.",
     "The best passage states no length or duration.",
     " The new apiary fence at Dunmore is 300 metres long.", "300 metres"),
    ("How many kilograms of honey did the council sell at the spring meeting?",
     " The council sold 20 % more honey at the meeting than a year before.",
     "The best passage states no weight.",
     " The council sold 40 kg of honey at the meeting.", "40 kg"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("question", "weighed", "why", "stated", "answer"), WEIGHED_NOT_STATED)
def test_a_price_or_length_question_over_documents_that_only_weigh_is_not_found_and_says_why(
    invented_service, question, weighed, why, stated, answer,
):
    result = invented_service({"valley.txt": MEETING.format(detail=weighed)}).ask(question)
    assert result.answer is None and result.not_found == why and result.to_json()["not_found"] == why
    result = invented_service({"valley.txt": MEETING.format(detail=weighed + stated)}).ask(question)
    assert result.answer is not None and answer in result.answer.text
    assert result.not_found is None and "not_found" not in result.to_json()


@pytest.mark.slow
def test_a_question_that_holds_a_meeting_elsewhere_is_not_found_and_says_so(invented_service):
    # Tarrow is in the documents (the ferry news), so the fitted gate alone could not name what is missing
    meeting, ferry = MEETING.format(detail=STATED).split("Ferry timetable changes")
    service = invented_service({"valley.txt": meeting, "ferry.txt": f"Ferry news\n\nFerry timetable changes{ferry}"})
    result = service.ask("Who chaired the beekeepers' meeting in Tarrow?")
    assert result.answer is None
    assert result.not_found == "The best passage holds this event in Dunmore, not in Tarrow."
    answer = service.ask("Who chaired the beekeepers' meeting in Dunmore?").answer
    assert answer is not None and "Edith Carrow" in answer.text



# a question that asks for a date at a grain (a day, a month, a year), a detail that gives a coarser date or
# none, what "not found" then says, and the twin detail that answers. Without the date rule
# (evidence.undated) the coarser sentence was given as the answer at confidence 0.64
DRAFTED = " The new rules for moving colonies had been drafted by the district inspectors{when}."
DATED_NOT_STATED = [
    ("On which day in 2021 did the district inspectors draft the new rules for moving colonies?",
     " in 2021", "The best passage states no day.", " on 9 November 2021", "9 November 2021"),
    ("In which month of 2021 were the new rules for moving colonies drafted?",
     " in 2021", "The best passage states no month.", " on 9 November 2021", "9 November 2021"),
    ("In what year did the district inspectors draft the new rules for moving colonies?",
     "", "The best passage states no year.", " in 2019", "2019"),
    ("At what time of day did the district inspectors draft the new rules for moving colonies?",
     " on 9 November 2021", "The best passage states no time of day.", " on 9 November 2021 at 10:30", "10:30"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("question", "coarse", "why", "stated", "answer"), DATED_NOT_STATED)
def test_a_date_question_over_documents_that_date_coarser_is_not_found_and_says_why(
    invented_service, question, coarse, why, stated, answer,
):
    result = invented_service({"valley.txt": MEETING.format(detail=DRAFTED.format(when=coarse))}).ask(question)
    assert result.answer is None and result.not_found == why
    result = invented_service({"valley.txt": MEETING.format(detail=DRAFTED.format(when=stated))}).ask(question)
    assert result.answer is not None and answer in result.answer.text
    assert result.not_found is None


SERIES = (
    "Valley news\n\nBeekeepers meet on colony health\n\n"
    "The second HX seminar on colony health was held in Dunmore from 3 to 5 May 2024. "
    "Twelve beekeepers from four valleys took part and shared how they treat mites. "
    "The district inspectors presented the new rules for moving colonies. "
    "Looking ahead, the third HX seminar is expected to take place in Tarrow in October 2024.\n"
)


@pytest.mark.slow
def test_a_numbered_name_the_documents_write_as_an_ordinal_is_no_missing_word(invented_service):
    # "HX3" is in no document, "the third HX seminar" is: the gate's missing-word evidence counted "hx3" as missing
    service = invented_service({"valley.txt": SERIES})
    for question, place in (("Where is HX3 expected to be held?", "Tarrow"), ("Where was HX2 held?", "Dunmore")):
        answer = service.ask(question).answer
        assert answer is not None and place in answer.text, question
    assert service.ask("Where is HX4 expected to be held?").answer is None  # the series has no fourth


# The same over Russian news, whose verb follows the place ("в Данморе прошёл семинар"), and with the chosen
# sentence the item's lead itself: Tarrow is in another document, so no missing word can say it.
SEMINAR_RU = ("Новости долины\n\nСеминар пчеловодов в Данморе\n\n"
              "С 3 по 5 мая 2023 года в Данморе прошёл семинар пчеловодов совета Харлоу. Семинар провела инспектор "
              "Эдит Кэрроу. Участники изучили новые правила перевозки пчелиных семей между районами.\n")
FERRY_RU = "Новости паромов\n\nПаром из Тарроу на остров Скарн отправляется каждый вторник в полдень.\n"


@pytest.mark.slow
def test_a_russian_question_that_holds_a_seminar_elsewhere_is_not_found_and_says_so(tmp_path):
    from qa.app.service import QAService
    from qa.build import run_build
    from qa.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "valley.txt").write_text(SEMINAR_RU, encoding="utf-8")
    (corpus / "ferry.txt").write_text(FERRY_RU, encoding="utf-8")
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index")  # Russian: the e5 index
    run_build(settings)
    service = QAService(settings)
    result = service.ask("Когда прошёл семинар пчеловодов в Тарроу?")
    assert result.answer is None
    assert result.not_found == "По лучшему фрагменту событие прошло в Данморе, а не в Тарроу."
    answer = service.ask("Когда прошёл семинар пчеловодов в Данморе?").answer
    assert answer is not None and answer.text.startswith("С 3 по 5 мая 2023 года")


@pytest.mark.slow
def test_a_lead_that_holds_a_seminar_elsewhere_is_not_found_and_says_so(invented_service):
    seminar = ("Valley news\n\nBeekeepers' seminar in Dunmore\n\nFrom 3 to 5 May 2023 the seminar of the Harlow "
               "beekeepers' council was held in Dunmore. It was led by the inspector Edith Carrow. The members "
               "studied new rules for moving colonies between districts.\n")
    ferry = "Ferry news\n\nThe ferry from Tarrow to Skarn Island leaves every Tuesday at noon.\n"
    service = invented_service({"valley.txt": seminar, "ferry.txt": ferry})
    result = service.ask("When was the beekeepers' seminar in Tarrow held?")
    assert result.answer is None
    assert result.not_found == "The best passage holds this event in Dunmore, not in Tarrow."
    answer = service.ask("When was the beekeepers' seminar in Dunmore held?").answer
    assert answer is not None and answer.text.startswith("From 3 to 5 May 2023")


def test_a_share_of_an_income_is_no_question_about_money():
    # "How much of the national income …?" asks a share: "12 %" answers it, no sum of money is needed
    assert unpriced("How much of the region's income does the port produce?",
                    ["The port produces 12% of the region's income."]) == 0.0
    assert unpriced("Какую часть бюджета порта составили расходы на связь?",
                    ["Расходы на связь составили 4 % бюджета порта."]) == 0.0
