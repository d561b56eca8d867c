"""Answer-type consistency: whether a sentence holds what the question asks for (invented text; qa.answer.types)."""

from __future__ import annotations

import pytest

from qa.answer.evidence import uncounted
from qa.answer.needs import asked_grain, needs
from qa.answer.short import spans
from qa.answer.trim import MAX_ANSWER_CHARS, trim
from qa.answer.types import measure_match, money_match, type_features, typed_match, unit_match
from qa.lang import analyze


def test_a_count_of_the_asked_noun_matches_and_a_count_of_something_else_does_not():
    n = needs("How many volunteers planted trees on Skarn Island?")
    assert unit_match("Some 340 volunteers planted trees on the island.", n) == 1.0
    # same event, a number, but not a count of volunteers
    assert unit_match("The planting on Skarn Island took 3 days in May.", n) == 0.0
    assert unit_match("Volunteers planted trees on Skarn Island.", n) == 0.0


def test_a_how_much_question_without_a_noun_wants_a_quantity_with_a_unit():
    n = needs("How much grain did the Wenlow cooperative store?")
    assert unit_match("The Wenlow cooperative stored 1,200 tonnes last year.", n) == 1.0 or "grain" in n.units
    n = needs("How much did the Wenlow cooperative store?")
    assert unit_match("The cooperative stored 1,200 tonnes of grain.", n) == 1.0
    assert unit_match("The cooperative was founded by 12 farmers.", n) == 0.0


def test_a_question_about_money_wants_an_amount_in_a_currency_not_any_quantity():
    n = needs("What was the average street price of honey in Wenlow in 2022?")
    assert n.money
    assert money_match("As a result, 740 kg of honey were seized.", n) == 0.0
    assert money_match("Twelve pounds of honey were sold.", n) == 0.0  # a weight
    for priced in ("Honey sold for $25 a jar.", "The stall took 5 million euros.", "It cost EUR 2.5 million.",
                   "Honey fetched 300 pounds a barrel.", "A jar cost 1,200 tenge."):
        assert money_match(priced, n) == 1.0, priced
    russian = needs("Сколько стоил ремонт маяка в Скарнске?")
    assert russian.money
    assert money_match("Ремонт маяка обошёлся в 3 млн рублей.", russian) == 1.0
    assert money_match("На ремонт ушло 740 кг краски.", russian) == 0.0
    # any other question is neutral
    assert money_match("740 kg of honey were seized.", needs("How much honey was seized?")) == 0.5


@pytest.mark.parametrize(("question", "measured", "unmeasured"), [
    # a length: a weight or a date is no length
    ("How long is the breakwater at Wenlow?", "The breakwater runs 1.2 km into the bay.",
     "Divers lifted 12 tonnes of stone from the breakwater on 3 May 2021."),
    ("How far is the lighthouse from the harbour?", "The lighthouse stands half a mile from the harbour.",
     "The lighthouse was built in 1872 by 40 masons."),
    ("How far is the lighthouse from the harbour?", "The lighthouse is a 30-minute walk from the harbour.",
     "The lighthouse was built in 1872 by 40 masons."),
    # a duration: a count of time, a span of years, a century
    ("How long did the ferry strike last?", "The ferry strike lasted eight days.",
     "The ferry strike ended on 3 May 2021 with 12 crossings cancelled."),
    ("How long was the old ferry in service?", "The old ferry was in service from 1954 to 1981.",
     "The old ferry carried 300 passengers."),
    ("How long has the fair been held in Wenlow?", "The fair has been held in Wenlow since the 14th century.",
     "The fair was held in Wenlow with 80 stalls."),
    # a clock reading is a time
    ("How long did the ferry race take?", "The Skarn ferry won the race in 2:03:59.", "The Skarn ferry won the race."),
    # a height may be a temperature or a number of floors
    ("How high did the fever of the ferrymen run?", "The ferrymen ran a fever of 39 °C.",
     "Twelve ferrymen fell ill in May 2021."),
    ("How tall is the harbour office?", "The harbour office is a six-storey building.",
     "The harbour office employs 45 people."),
    # an age is any number
    ("How old was the keeper when he retired?", "The keeper retired at seventy.", "The keeper retired."),
    # Russian
    ("Как долго длилась забастовка паромщиков?", "Забастовка продолжалась три недели.",
     "Забастовка закончилась 3 мая 2021 года."),
    ("Какова протяжённость волнолома?", "Протяжённость волнолома составляет 1,2 км.",
     "С волнолома подняли 12 тонн камня."),
    # "сколько времени" counts no noun, as "how much time" does not: it asks for a duration
    ("Сколько времени оставалось до конца гонки паромов?", "Паром Скарна вышел вперёд, когда оставалось 3:08.",
     "Паром Скарна вышел вперёд в конце гонки."),
])
def test_a_question_about_a_measure_wants_a_quantity_of_that_measure(question, measured, unmeasured):
    n = needs(question)
    assert n.measure, question
    assert measure_match(measured, n) == 1.0, measured
    assert measure_match(unmeasured, n) == 0.0, unmeasured


@pytest.mark.parametrize("question", [
    "How long ago was the lighthouse built?",  # a date
    "How far back does the fair date?",  # a date
    "How far does the fair date back to?",
    "How many years did the ferry strike last?",  # a count: the count rule reads it
    "Сколько лет длилась забастовка?",
    "How much did the ferry strike cost?",
    "When did the ferry strike end?",
])
def test_questions_that_ask_for_no_measure_are_neutral(question):
    n = needs(question)
    assert n.measure == ()
    assert measure_match("The strike ended on 3 May.", n) == 0.5


def test_questions_that_ask_for_no_quantity_are_neutral():
    assert unit_match("Anything at all.", needs("Who keeps the Port Ellery light?")) == 0.5


def test_a_dated_lead_answers_a_when_question():
    f = type_features("When did the Harbour Forum meet?", "On 3 May 2022, the Harbour Forum met in Skarn.",
                      "Harbour Forum", "2022-05-03", news_lead=True)
    assert f["date_lead"] == 1.0
    f = type_features("Who chaired the Harbour Forum?", "On 3 May 2022, the Harbour Forum met in Skarn.",
                      "Harbour Forum", "2022-05-03", news_lead=True)
    assert f["date_lead"] == 0.0


def test_short_answer_candidates_skip_spans_that_repeat_the_question():
    text = "In 2021 the Skarn ferry carried 57,000 people, up from 210 in 1998."
    found = [text[a:b] for a, b in spans(text, "How many people did the Skarn ferry carry in 2021?")]
    assert "2021" not in found
    assert any("57,000" in s for s in found)
    assert spans(text, "Why does the ferry run?") == []


def test_a_long_sentence_keeps_the_answer_of_the_asked_type():
    # the question's words sit at the start, the date it asks for at the far end
    filler = ", ".join(f"after a delegation from district {i} had praised the committee at length" for i in range(9))
    sentence = "The mayor of Port Ellery opened the Harbour Forum, " + filler + ", on 14 March 1998."
    assert len(sentence) > 1.5 * MAX_ANSWER_CHARS
    q = "When was the Harbour Forum opened by the mayor of Port Ellery?"
    a, b = trim(sentence, q, analyze(q))
    assert b - a <= MAX_ANSWER_CHARS
    assert "14 March 1998" in sentence[a:b]
    assert sentence[a:b] == sentence[a:b].strip()


def test_a_sentence_that_fits_is_shown_whole():
    s = "The ferry to Skarn Island leaves every Tuesday at noon."
    assert trim(s, "When does the ferry leave?", ["ferri"]) == (0, len(s))


def test_the_count_must_be_of_the_head_noun_not_of_a_word_before_it():
    # "Wenlow harbour pilots": the count must be of pilots, not of anything "harbour"
    n = needs("How many Wenlow harbour pilots trained on the new tug?")
    assert n.units == frozenset(analyze("pilots"))
    assert unit_match("Twelve Wenlow harbour pilots trained on the tug.", n) == 1.0
    assert unit_match("The 3 Wenlow harbour tugs were refitted.", n) == 0.0


def test_people_counted_under_another_name_still_count():
    n = needs("How many participants attended the Skarn seminar?")
    assert unit_match("Some 45 people attended the seminar in Skarn.", n) == 1.0
    assert unit_match("The seminar in Skarn lasted 3 days.", n) == 0.0


@pytest.mark.parametrize(("question", "sentence"), [
    ("How many kilograms of honey did the council sell?", "The council sold 40 kg of honey."),
    ("How many tonnes of pears were gathered?", "Pickers gathered 120 tons of pears."),
    ("How many kilometres long is the new fence?", "The fence runs for 3.5 km along the river."),
    ("Сколько килограммов мёда продал совет?", "Совет продал 40 кг мёда."),
])
def test_a_count_of_a_unit_may_be_written_in_any_of_its_forms(question, sentence):
    assert unit_match(sentence, needs(question)) == 1.0
    # another unit is no count of the asked one
    assert unit_match(sentence.replace("40 kg", "40 litres").replace("120 tons", "120 crates")
                      .replace("3.5 km", "3.5 hours").replace("40 кг", "40 банок"), needs(question)) == 0.0


def test_a_title_question_wants_the_quoted_title_not_a_sentence_about_the_same_event():
    q = "What was the title of the May 2023 conference in Port Ellery?"
    n = needs(q)
    assert n.wants == "title"
    lead = "From 10 to 12 May 2023, a conference was held in the town of Port Ellery, “Safe harbours for small fleets”."
    assert typed_match(lead, q, n) == 1.0
    assert typed_match("The event was attended by more than 40 delegates in person.", q, n) == 0.0
    # quotes that only repeat the question's words are no title
    assert typed_match("The conference was held in “Port Ellery” in May 2023.", q, n) == 0.0
    # Russian titles stand in guillemets
    ru = "Под каким названием прошла конференция в Порт-Эллери?"
    assert typed_match("В мае 2023 года прошла конференция «Безопасные гавани для малого флота».", ru, needs(ru)) == 1.0


def test_a_question_about_a_time_of_day_wants_one_and_counts_nothing():
    # "во сколько" asks for a time, not for a count of the exhibition: the count rule must not read it
    for question in ("Во сколько открылась выставка мёда?", "What time did the honey fair open?"):
        n = needs(question)
        assert n.qtype == "date" and n.units == frozenset()
        assert typed_match("The fair opened at 10:30 on 14 May.", question, n) == 1.0
        assert typed_match("Выставка открылась в 9 часов утра.", question, n) == 1.0
        assert typed_match("The fair opened on 14 May in Wenlow.", question, n) == 0.0
    assert needs("Во сколько раз выросли продажи мёда?").qtype == "number"
    # "части" (part) is no hour
    assert asked_grain("В которой части города открылась выставка?") is None


def test_typed_match_needs_a_span_of_the_asked_kind_the_question_does_not_name():
    q = "Which Skarn official opened the harbour?"
    n = needs(q)
    assert typed_match("The harbour was opened by Mayor Ilse Braun of Skarn.", q, n) == 1.0
    # the same event, no name but the question's own
    assert typed_match("Officials of Skarn opened the harbour in May.", q, n) == 0.0
    assert typed_match("Anything at all.", "Why does the ferry run?", needs("Why does the ferry run?")) == 0.5


@pytest.mark.parametrize("question, measured, unmeasured", [
    # a span of days is how long an event lasted, though no number in it carries a unit
    ("How long did the Skarn lighthouse survey last?",
     "The survey was held from 3 to 7 February 2025 on Skarn.", "The survey was opened by Mayor Ilse Braun."),
    # a weight in another unit answers a count of kilograms
    ("How many kilograms of honey did the Wenlow cooperative sell?",
     "The cooperative sold 1.2 tonnes of honey in 2022.", "Honey sales of the cooperative rose by 12 % in 2022."),
    ("How far is the Skarn lighthouse from the harbour?",
     "The lighthouse stands half a mile from the harbour.", "The lighthouse was built in 1871."),
])
def test_typed_match_reads_a_measure_in_any_unit_of_its_kind(question, measured, unmeasured):
    n = needs(question)
    assert typed_match(measured, question, n) == 1.0
    assert typed_match(unmeasured, question, n) == 0.0



def test_a_count_several_modifiers_or_a_number_word_before_its_noun_still_counts_it():
    n = needs("How many deep-water berths did Wenlow port open?")
    assert unit_match("In May the port opened two new Wenlow deep-water cargo berths.", n) == 1.0
    assert unit_match("Wenlow port now has seventeen berths.", n) == 1.0
    assert unit_match("Wenlow port opened 2 new cranes beside its berths.", n) == 0.0
    assert unit_match("Two ferries moor at the berths of Wenlow port.", n) == 0.0


# A date is no count (qa.answer.types.unit_match): its day and its year are figures the number
# reader would otherwise read as counting the words after them.


def test_a_dated_lead_with_no_count_does_not_count_the_asked_noun():
    n = needs("How many delegations came to the Skarn harbour forum?")
    lead = "On October 25-26, 2021 the delegation of Wenlow visited the Skarn harbour forum."
    assert unit_match(lead, n) == 0.0
    assert typed_match(lead, "How many delegations came to the Skarn harbour forum?", n) == 0.0
    assert type_features("How many delegations came to the Skarn harbour forum?", lead, "", None, True)["unit"] == 0.0
    # the same lead stating the count
    assert unit_match("On October 25-26, 2021, five delegations visited the Skarn harbour forum.", n) == 1.0
    assert unit_match("On 12 March 2021 twelve delegations visited the forum.", n) == 1.0


def test_a_year_counts_nothing_unless_a_plural_follows_it_directly():
    n = needs("How many ferries does the Skarn company run?")
    assert unit_match("In 2004, the company bought a ferry from Wenlow.", n) == 0.0
    assert unit_match("Between 1975 and 1990 the ferries sailed twice a day.", n) == 0.0
    assert unit_match("It was a hit in the 1993–94 season of ferries.", n) == 0.0
    # a figure that only looks like a year is still a count
    assert unit_match("The harbour was built for 2000 ferries a year.", n) == 1.0
    assert unit_match("The company bought 1 ferry in 2004.", n) == 1.0


def test_an_amount_that_looks_like_a_year_is_still_an_amount():
    n = needs("How much did the Skarn ferry ticket cost?")
    assert unit_match("A ticket cost $1900 in 2019.", n) == 1.0
    assert unit_match("The ticket office opened in 2019.", n) == 0.0


def test_the_counted_noun_is_read_within_its_clause_past_an_aside_or_quotes():
    n = needs("How many lead authors does a Skarn report chapter have?")
    assert unit_match('A chapter has two "coordinating lead authors" and ten reviewers.', n) == 1.0
    n = needs("How many ferry companies are in Skarn?")
    assert unit_match("There were 1,388 (0.9%) ferry companies in Skarn.", n) == 1.0
    # the noun after a comma belongs to the next clause, not to the number before it
    assert unit_match("By 1,200, companies had left Skarn.", n) == 0.0
    n = needs("How many U.S. presidents visited Skarn?")
    assert unit_match("Skarn was visited by eight U.S. presidents.", n) == 1.0


def test_a_russian_date_is_no_count():
    n = needs("Сколько судов прибыло в порт Скарн?")
    assert unit_match("25 октября 2021 года суда из Венлоу прибыли в порт Скарн.", n) == 0.0
    assert unit_match("В 2021 году суда прибыли в порт Скарн.", n) == 0.0
    assert unit_match("25 октября 2021 года 12 судов прибыли в порт Скарн.", n) == 1.0


def test_a_russian_count_of_a_noun_in_ii_is_read_as_that_noun():
    # "-ий" after "сколько" ends a genitive plural noun, not an adjective ("сколько операций")
    n = needs("Сколько операций провела таможня Скарна?")
    assert n.units == frozenset(analyze("операций"))
    assert unit_match("Таможня Скарна провела 14 операций.", n) == 1.0
    assert needs("Сколько новых операций провела таможня?").units == frozenset(analyze("операций"))


def test_an_abbreviated_unit_does_not_end_the_counted_noun():
    n = needs("Сколько человек участвовало в семинаре в Скарнске?")
    assert unit_match("В семинаре в Скарнске участвовали 5 тыс. человек.", n) == 1.0
    n = needs("How many square miles does the Skarn forest cover?")
    assert unit_match("The Skarn forest covers 160 sq. miles of the island.", n) == 1.0


def test_documents_that_date_the_asked_thing_but_never_count_it_give_not_found():
    # the count rule (qa.answer.evidence.uncounted) reads typed_match: a date before the noun must
    # not pass for its count, or "How many delegations ...?" is answered by a sentence with none
    question = "How many delegations visited the Skarn harbour forum?"
    dated = ["In March 2023 the delegation of Wenlow visited the Skarn harbour forum.",
             "On 14 March 2023, delegations were welcomed at the Skarn harbour forum by the mayor."]
    n = needs(question)
    kinds = [typed_match(s, question, n) for s in dated]
    assert uncounted(question, kinds, set(analyze(" ".join(dated)))) == 1.0
    counted = [*dated, "Nine delegations visited the Skarn harbour forum."]
    kinds = [typed_match(s, question, n) for s in counted]
    assert uncounted(question, kinds, set(analyze(" ".join(counted)))) == 0.0


FORUM = (
    "Harbour news\n\n"
    "Skarn harbour forum\n\n"
    "The Skarn harbour forum on ferry safety opened in the town library on 14 March 2023. "
    "In March 2023 the delegation of Wenlow presented a report on the repair of the breakwater.{detail} "
    "The forum closed with a visit to the Dunmore lighthouse.\n\n"
    "Ferry timetable changes\n\n"
    "On 2 April 2023 the Tarrow ferry company announced a new summer timetable with two extra crossings "
    "on Saturdays.\n"
)


@pytest.mark.slow
def test_how_many_delegations_over_a_dated_sentence_with_none_counted_is_not_found(invented_service):
    # "2023 the delegation" is no count of delegations: without a count the answer is "not found",
    # and the twin document that states the count answers with it
    question = "How many delegations took part in the Skarn harbour forum?"
    assert invented_service({"news.txt": FORUM.format(detail="")}).ask(question).answer is None
    stated = " Nine delegations from the island towns took part in the forum."
    answer = invented_service({"news.txt": FORUM.format(detail=stated)}).ask(question).answer
    assert answer is not None and "Nine delegations" in answer.text


def test_the_day_or_year_of_a_date_is_no_span_for_a_how_many_question():
    # the sentence feature "type" (qa.answer.features) and the typed answer read typed_span
    from qa.answer.question import question_type, typed_span

    question = "How many delegations came to the Skarn harbour forum?"
    qtype, qwords = question_type(question), {"how", "many", "delegations", "came", "to", "the", "skarn"}
    assert typed_span("On October 7-8, 2021, in Wenlow, the forum opened.", qtype, qwords) is None
    text = "On 7 October 2021, nine delegations came to the forum."
    found = typed_span(text, qtype, qwords)
    assert found is not None and text[found[0]:found[1]] == "nine"
    # a when-question still gets the whole date
    found = typed_span(text, question_type("When did the forum open?"), set())
    assert text[found[0]:found[1]] == "7 October 2021"


def test_a_which_country_question_is_answered_by_a_list_of_country_names():
    # no "in" before them: the place pattern alone read none ("The member states are Azerbaijan, …")
    q = "Which countries are members of the Skarn Pact?"
    n = needs(q)
    assert typed_match("The member states of the Skarn Pact are Estonia, Latvia and Lithuania.", q, n, "en") == 1.0
    assert typed_match("Latvian experts chaired the Skarn Pact meeting.", q, n, "en") == 0.0  # an adjective names none
    q = "Which country besides Estonia signed the Skarn Pact?"
    assert typed_match("Estonia signed the Skarn Pact first.", q, needs(q), "en") == 0.0  # the question's own


def test_a_lead_that_says_today_states_its_items_date():
    from qa.answer.types import dated_by_item

    lead = "The Skarn Agency and the Wenlow Fund today formally launched the Border Watch project in Tarrow."
    question = "When was the Border Watch project launched?"
    assert type_features(question, lead, "", "2022-06-15", False, lead=True)["typed"] == 1.0
    # not when it is no lead, or the item has no date: "today" is then any day
    assert type_features(question, lead, "", "2022-06-15", False, lead=False)["typed"] == 0.0
    assert type_features(question, lead, "", None, False, lead=True)["typed"] == 0.0
    assert dated_by_item(lead, "2022-06-15", True).endswith("(15 June 2022)")
    assert dated_by_item("Вчера в Тарроу открылся семинар.", "2024-03-12", True).endswith("(12 March 2024)")
    # a how-many question reads no figure into the date
    assert type_features("How many projects were launched?", lead, "", "2022-06-15", False, lead=True)["typed"] == 0.0


LAUNCH = (
    "PRESS RELEASE\n\n"
    "Skarn Agency and the Wenlow Fund launch the Border Watch in Central Asia project\n\n"
    "Tarrow, 15 June 2022 – The Skarn Agency and the Wenlow Fund today formally launched the project \"Border Watch "
    "in Central Asia\" (BWCA) at a ceremony in Tarrow attended by the border services of four countries.\n\n"
    "The project is funded by the Wenlow Fund with EUR 8.5 million. It started its inception phase in July 2021 "
    "and will run until December 2024.\n\n"
    "BWCA will open 12 border liaison offices and train 1,500 officers.\n"
)


@pytest.mark.slow
def test_when_a_press_release_says_today_the_lead_answers_when(invented_service):
    # the lead said "today" under its dateline; the sentence with the date of another phase answered instead
    service = invented_service({"release.txt": LAUNCH})
    answer = service.ask("When was the BWCA project launched?").answer
    assert answer is not None and "today formally launched" in answer.text
    assert answer.date == "2022-06-15"


@pytest.mark.parametrize(("question", "stated", "unstated"), [
    ("In which quarter of 2024 were the most synthetic drugs seized?",
     "Наибольший объём изъятий синтетических наркотиков пришёлся на IV квартал.",
     "Всего за 2024 год изъято 17 690 кг наркотиков."),
    ("В каком квартале 2024 года изъято больше всего гашиша?",
     "Наибольшее количество гашиша зафиксировано в III квартале (4 129 кг).",
     "Всего за 2024 год изъято 13 484 кг гашиша."),
    ("Which quarter saw the most seizures?", "Seizures peaked in the fourth quarter.", "Seizures peaked in 2023."),
])
def test_a_question_for_a_quarter_wants_a_quarter_not_a_year(question, stated, unstated):
    n = needs(question)
    assert (n.wants, asked_grain(question)) == ("date", "part")
    assert typed_match(stated, question, n) == 1.0 and typed_match(unstated, question, n) == 0.0


@pytest.mark.parametrize(("question", "wants"), [
    ("What is the final figure for hashish seized in Operation Dry Steppe 2024?", "number"),
    ("What were the final figures of the operation?", "number"),
    ("What is used to figure the relative strength of gravity?", None),  # a verb
])
def test_a_figure_or_a_total_asked_is_a_number(question, wants):
    assert needs(question).wants == wants


@pytest.mark.parametrize(("question", "sentence"), [
    ("How many suspects were detained in Operation Amber Road?",
     "Задержаны 17 подозреваемых, возбуждено 11 уголовных дел."),
    ("Сколько пунктов пропуска было охвачено операцией «Янтарный путь»?",
     "The operation took place at 14 border crossing points in three countries."),
    ("How many kilograms of heroin were seized at Skarn?", "На посту Скарн изъято 37 кг героина."),
])
def test_a_count_of_the_asked_thing_in_the_other_language_counts_it(question, sentence):
    assert unit_match(sentence, needs(question)) == 1.0


def test_across_languages_a_count_of_another_thing_still_does_not_count():
    assert unit_match("Задержаны 17 подозреваемых, возбуждено 11 уголовных дел.",
                      needs("How many dogs were trained in Operation Amber Road?")) == 0.0
    # within one language the table makes no synonyms: states are no countries
    assert unit_match("Delegates came from 12 countries.", needs("How many states sent delegates?")) == 0.0
