"""A question about a whole period is answered by the near tie that reports all of it, not by a figure for part of
it or an earlier report (qa.answer.whole_period). Invented documents and questions."""

from __future__ import annotations

import pytest

from qa.answer.features import Candidate
from qa.answer.whole_period import PERIOD_MARGIN, asked_period, partial, prefer_whole_period, reports_whole
from tests.candidates import lone_candidate

NINE_MONTHS = ("The director reported that in the first nine months of 2023, operations coordinated by the Regional "
               "Centre seized over 4.2 tonnes of narcotic drugs.")
YEAR = ("In 2023, international operations coordinated by the Regional Centre resulted in the seizure of 5.8 tonnes "
        "of narcotic drugs.")
NINE_MONTHS_RU = ("Директор сообщил, что за девять месяцев 2023 года операции, скоординированные Региональным центром, "
                  "позволили изъять более 4,2 тонны наркотиков.")
YEAR_RU = "В 2023 году в ходе операций, скоординированных Региональным центром, изъято 5,8 тонны наркотиков."


def candidate(text: str, date: str | None, score: float, doc: str = "news.txt", typed: float = 1.0) -> Candidate:
    return lone_candidate(text, date, score, doc, features={"typed": typed})


def story_and_release(story: str, release: str, gap: float = 1.5) -> list[Candidate]:
    """A story of October 2023 ranked `gap` above the results published in January 2024."""
    return [candidate(story, "2023-10-12", 20.0, "story.txt"), candidate(release, "2024-01-25", 20.0 - gap,
                                                                         "results.txt")]


@pytest.mark.parametrize("text", [
    NINE_MONTHS, "In the first half of 2023, customs seized 2 tonnes.", "Seizures so far this year stand at 900 kg.",
    "As of 30 September 2023, 41 deliveries had been supported.", "By the end of September, 3 tonnes were seized.",
    "In January-September 2023, 3 tonnes were seized.", "The nine-month total was 3 tonnes.",
    "In the third quarter of 2023, 410 kg were seized.",
    NINE_MONTHS_RU, "В первом полугодии 2023 года изъято 2 тонны.", "С начала года изъято 900 кг.",
    "По состоянию на 1 октября 2023 года изъято 3 тонны.", "В январе–сентябре 2023 года изъято 3 тонны.",
    "За III квартал изъято 410 кг.",
])
def test_a_figure_for_part_of_a_period_is_read_as_partial(text):
    assert partial(text)


@pytest.mark.parametrize("text", [
    YEAR, YEAR_RU, "It was the largest seizure to date.", "By the end of December, 3 tonnes had been seized.",
    "From January to December 2023, 3 tonnes were seized.", "Officers completed six months of training.",
    "С января по декабрь 2023 года изъято 3 тонны.",
])
def test_a_figure_for_the_whole_period_is_not(text):
    assert not partial(text)


def test_the_asked_period_is_a_closed_one_the_question_asks_whole():
    assert asked_period("How many tonnes were seized in 2023?").human() == "2023"
    assert asked_period("How much was seized in March 2023?").human() == "Mar 2023"
    assert asked_period("Сколько тонн изъято в 2023 году?").human() == "2023"
    assert asked_period("How many tonnes were seized in the first nine months of 2023?") is None
    assert asked_period("Сколько тонн изъято за девять месяцев 2023 года?") is None
    assert asked_period("How many tonnes have been seized since 2022?") is None  # open: no whole to report
    assert asked_period("How many tonnes were seized?") is None


Q = "How many tonnes of drugs did operations coordinated by the Regional Centre seize in 2023?"


def test_the_years_report_wins_over_a_nine_month_story():
    ranked = prefer_whole_period(Q, story_and_release(NINE_MONTHS, YEAR))
    assert ranked[0].text == YEAR and ranked[0].score == 20.0 and ranked[1].score == 18.5  # the two swap scores


def test_the_nine_month_figure_answers_a_question_that_asks_the_nine_months():
    q = ("How many tonnes of drugs did operations coordinated by the Regional Centre seize in the first nine months "
         "of 2023?")
    assert prefer_whole_period(q, story_and_release(NINE_MONTHS, YEAR))[0].text == NINE_MONTHS


def test_a_russian_pair():
    q = "Сколько тонн наркотиков изъяли в 2023 году в ходе операций, скоординированных Региональным центром?"
    assert prefer_whole_period(q, story_and_release(NINE_MONTHS_RU, YEAR_RU))[0].text == YEAR_RU
    # across languages: an English question, Russian documents
    assert prefer_whole_period(Q, story_and_release(NINE_MONTHS_RU, YEAR_RU))[0].text == YEAR_RU


def test_a_report_after_the_period_wins_over_one_within_it_when_both_report_the_whole():
    december = "In 2023, operations coordinated by the Regional Centre seized 5.1 tonnes of narcotic drugs."
    ranked = [candidate(december, "2023-12-20", 20.0, "december.txt"),
              candidate(YEAR, "2024-01-25", 19.0, "results.txt")]
    assert prefer_whole_period(Q, ranked)[0].text == YEAR
    # the other way round, or both within the period: the model's order stands
    ranked = [candidate(YEAR, "2024-01-25", 20.0, "results.txt"),
              candidate(december, "2023-12-20", 19.0, "december.txt")]
    assert prefer_whole_period(Q, ranked)[0].text == YEAR
    ranked = [candidate(december, "2023-12-20", 20.0, "december.txt"),
              candidate(YEAR, "2023-12-28", 19.0, "results.txt")]
    assert prefer_whole_period(Q, ranked)[0].text == december


def test_a_period_named_only_inside_a_finer_date_is_not_reported_whole():
    year, march = asked_period("How much was seized in 2023?"), asked_period("How much was seized in March 2023?")
    assert reports_whole(YEAR, year) and reports_whole(YEAR_RU, year) and reports_whole("За 2023 год изъято 5 т.", year)
    assert reports_whole("In March 2023, 40 kg were seized.", march)
    assert reports_whole("В марте 2023 года изъято 40 кг.", march)
    for day in ("On 14 March 2023, officers seized 412 kg.", "On March 14, 2023, officers seized 412 kg.",
                "14 марта 2023 года изъято 412 кг.", "Officers seized 412 kg on 14.03.2023."):
        assert not reports_whole(day, year) and not reports_whole(day, march)
    assert not reports_whole("In March 2023, 40 kg were seized.", year)  # a month of the year


def test_an_events_figure_stays_whoever_reported_it_later():
    # a story of the seizure and the year's report on it: both name a day of March 2023, neither the month's total
    story = "Officers seized 412 kilograms of heroin at the Dostuk checkpoint on 14 March 2023."
    report = "The largest single seizure of 2023 was 398 kg of heroin at the Dostuk checkpoint on 14 March 2023."
    ranked = [candidate(story, "2023-03-16", 20.0, "story.txt"), candidate(report, "2024-02-01", 19.5, "report.pdf")]
    assert prefer_whole_period("How much heroin was seized at the Dostuk checkpoint in March 2023?",
                               ranked)[0].text == story
    # nor does a day's figure take over from a figure for part of the year
    ranked = [candidate(NINE_MONTHS, "2023-10-12", 20.0, "story.txt"),
              candidate("On 14 March 2023, operations coordinated by the Regional Centre seized 412 kg of heroin.",
                        "2024-01-25", 19.5, "results.txt")]
    assert prefer_whole_period(Q, ranked)[0].text == NINE_MONTHS


def test_only_a_near_tie_that_states_a_quantity_and_names_the_period_takes_over():
    # beyond the near tie's margin
    assert prefer_whole_period(Q, story_and_release(NINE_MONTHS, YEAR, PERIOD_MARGIN + 0.5))[0].text == NINE_MONTHS
    # no quantity of the asked kind
    ranked = story_and_release(NINE_MONTHS, YEAR)
    ranked[1] = candidate(YEAR, "2024-01-25", 19.0, "results.txt", typed=0.0)
    assert prefer_whole_period(Q, ranked)[0].text == NINE_MONTHS
    # a figure that names another year
    other = "In 2022, operations coordinated by the Regional Centre seized 3.9 tonnes of narcotic drugs."
    assert prefer_whole_period(Q, story_and_release(NINE_MONTHS, other))[0].text == NINE_MONTHS
    # a question that names no period, or asks for no quantity
    assert prefer_whole_period("How many tonnes of drugs did the operations seize?",
                               story_and_release(NINE_MONTHS, YEAR))[0].text == NINE_MONTHS
    assert prefer_whole_period("Who coordinated the operations in 2023?",
                               story_and_release(NINE_MONTHS, YEAR))[0].text == NINE_MONTHS


# A centre's news page (a council meeting's story of October 2023 among two seizure stories) and its press release
# of January 2024 on the results of 2023: two documents, as a drug-control centre publishes them.
NEWS_PAGE = (
    "<!DOCTYPE html>\n"
    '<html lang="en"><head><meta charset="utf-8"><title>News | RICC</title></head>\n'
    "<body><main><h1>News</h1>\n"
    '<div class="news-item">\n'
    "<h2>Council of National Coordinators meets in Tarrow</h2>\n"
    '<div class="date">12 October 2023</div>\n'
    "<p>The 9th meeting of the Council of National Coordinators of RICC took place in Tarrow on 11-12 October "
    "2023 with delegations from all five member states.</p>\n"
    "<p>RICC Director Aliya Serikova reported that in the first nine months of 2023, operations coordinated "
    "by RICC seized over 4.2 tonnes of narcotic drugs.</p>\n"
    "<p>The Council approved the RICC work plan for 2024.</p>\n"
    "</div>\n"
    '<div class="news-item">\n'
    "<h2>Hashish seized at the Wenlow checkpoint</h2>\n"
    '<div class="date">14 June 2023</div>\n'
    "<p>Customs officers seized 310 kilograms of hashish hidden in a lorry at the Wenlow checkpoint on 12 "
    "June 2023.</p>\n"
    "<p>The driver was detained and the lorry was seized.</p>\n"
    "</div>\n"
    '<div class="news-item">\n'
    "<h2>Heroin seized on the Skarn border</h2>\n"
    '<div class="date">20 March 2023</div>\n'
    "<p>Border guards seized 95 kilograms of heroin at the Skarn border crossing on 18 March 2023.</p>\n"
    "</div>\n"
    "</main></body></html>\n"
)
RESULTS = (
    "RICC summarises the results of 2023\n"
    "\n"
    "Tarrow, 25 January 2024\n"
    "\n"
    "The Regional Information and Coordination Centre (RICC) presented the results of its work in 2023 to the "
    "Council of National Coordinators.\n"
    "\n"
    "In 2023, international operations coordinated by RICC resulted in the seizure of 5.8 tonnes of narcotic "
    "drugs, including 1.4 tonnes of heroin, 2.9 tonnes of hashish and 320 kilograms of methamphetamine.\n"
    "\n"
    "RICC supported 11 international controlled deliveries in 2023, against 7 in 2022.\n"
)
NEWS_PAGE_RU = (
    "<!DOCTYPE html>\n"
    '<html lang="ru"><head><meta charset="utf-8"><title>Новости | РИКЦ</title></head>\n'
    "<body><main><h1>Новости</h1>\n"
    '<div class="news-item">\n'
    "<h2>В Тарроу прошло заседание Совета национальных координаторов</h2>\n"
    '<div class="date">12 октября 2023</div>\n'
    "<p>Девятое заседание Совета национальных координаторов РИКЦ прошло в Тарроу 11-12 октября 2023 года с "
    "участием делегаций всех пяти государств-членов.</p>\n"
    "<p>Директор РИКЦ Алия Серикова сообщила, что за девять месяцев 2023 года в ходе операций, "
    "скоординированных РИКЦ, изъято более 4,2 тонны наркотиков.</p>\n"
    "<p>Совет утвердил план работы РИКЦ на 2024 год.</p>\n"
    "</div>\n"
    '<div class="news-item">\n'
    "<h2>На КПП Уэнлоу изъят гашиш</h2>\n"
    '<div class="date">14 июня 2023</div>\n'
    "<p>Таможенники изъяли 310 килограммов гашиша, спрятанного в грузовике, на КПП Уэнлоу 12 июня 2023 года.</p>\n"
    "</div>\n"
    '<div class="news-item">\n'
    "<h2>На границе Скарна изъят героин</h2>\n"
    '<div class="date">20 марта 2023</div>\n'
    "<p>Пограничники изъяли 95 килограммов героина на пункте пропуска Скарн 18 марта 2023 года.</p>\n"
    "</div>\n"
    "</main></body></html>\n"
)
RESULTS_RU = (
    "РИКЦ подвёл итоги 2023 года\n"
    "\n"
    "Тарроу, 25 января 2024 года\n"
    "\n"
    "Региональный информационный координационный центр (РИКЦ) представил Совету национальных координаторов "
    "итоги работы за 2023 год.\n"
    "\n"
    "В 2023 году в результате международных операций, скоординированных РИКЦ, изъято 5,8 тонны наркотиков, в "
    "том числе 1,4 тонны героина и 2,9 тонны гашиша.\n"
    "\n"
    "РИКЦ оказал содействие в проведении 11 международных контролируемых поставок в 2023 году против 7 в 2022 "
    "году.\n"
)


@pytest.mark.slow
def test_the_years_results_answer_a_question_about_the_year_end_to_end(invented_service):
    service = invented_service({"news.html": NEWS_PAGE, "results.txt": RESULTS})
    # the story words the question more closely (it "seized"); the sentence model puts it 0.35 ahead
    answer = service.ask("How many tonnes of drugs did RICC-coordinated operations seize in 2023?").answer
    assert answer is not None and answer.doc == "results.txt" and "5.8 tonnes" in answer.text
    # asked for the nine months, the story answers
    answer = service.ask("How many tonnes of drugs did RICC-coordinated operations seize in the first nine months of "
                         "2023?").answer
    assert answer is not None and answer.doc == "news.html" and "4.2 tonnes" in answer.text


@pytest.mark.slow
def test_a_russian_pair_end_to_end(invented_service):
    service = invented_service({"news.html": NEWS_PAGE_RU, "results.txt": RESULTS_RU})
    answer = service.ask("Сколько тонн наркотиков было изъято в 2023 году в ходе операций под координацией "
                         "РИКЦ?").answer
    assert answer is not None and answer.doc == "results.txt" and "5,8 тонны" in answer.text
    answer = service.ask("Сколько наркотиков изъято за девять месяцев 2023 года в ходе операций, скоординированных "
                         "РИКЦ?").answer
    assert answer is not None and answer.doc == "news.html" and "4,2 тонны" in answer.text


def test_a_part_of_a_year_asked_takes_the_sentence_on_that_part_over_the_years_total():
    from qa.answer.whole_period import prefer_asked_part

    total = lone_candidate("Всего за 2024 год изъято 17 690 кг наркотиков.", "2025-01-20", 10.0, "bulletin.docx")
    half = lone_candidate("Число возбуждённых уголовных дел во втором полугодии составило 552.", "2025-01-20",
                          10.0 - PERIOD_MARGIN / 2, "bulletin.docx", features={"typed": 0.0})
    question = "How many criminal cases were opened in the second half of 2024?"
    assert prefer_asked_part(question, [total, half])[0].text == half.text
    # the other half, or the year asked as a whole: the model's order stands
    assert prefer_asked_part(question.replace("second", "first"), [total, half])[0].text == total.text
    assert prefer_asked_part("How many criminal cases were opened in 2024?", [total, half])[0].text == total.text
    # too far behind: no near tie
    far = lone_candidate(half.text, "2025-01-20", 10.0 - 2 * PERIOD_MARGIN, "bulletin.docx")
    assert prefer_asked_part(question, [total, far])[0].text == total.text
