"""Who held a post in a year that a span of years holds (qa.answer.tenures). Invented sentences."""

from __future__ import annotations

from qa.answer.tenures import prefer_span_of_year
from test_neighbours import ranked

NOW = "• Ms. Ilse Marr, Deputy Director, Wenlow Centre"
BEFORE = "She succeeds Mr. Oren Vale, who served as Deputy Director from 2016 to 2020."
OTHER_POST = "Mr. Oren Vale served as liaison officer from 2011 to 2016."


def test_the_holder_in_a_year_is_the_one_whose_span_holds_it():
    question = "Who was Deputy Director of the Wenlow Centre in 2018?"
    r = ranked(question, [(0, 1, NOW, 9.0), (1, 1, BEFORE, 7.5)])
    r[1].features["typed"] = 1.0  # it names someone
    assert prefer_span_of_year(question, r)[0].sentence.text == BEFORE
    # a span of another post does not answer; nor does a span of the post asked when the year is outside it
    r = ranked(question, [(0, 1, NOW, 9.0), (1, 1, OTHER_POST, 8.5)])
    r[1].features["typed"] = 1.0
    assert prefer_span_of_year(question, r)[0].sentence.text == NOW
    question = "Who was Deputy Director of the Wenlow Centre in 2022?"
    r = ranked(question, [(0, 1, NOW, 9.0), (1, 1, BEFORE, 7.5)])
    r[1].features["typed"] = 1.0
    assert prefer_span_of_year(question, r)[0].sentence.text == NOW


def test_a_figure_of_a_year_is_not_looked_for_in_a_span_ending_in_it():
    # "between 1992 and 2008 … rose from 6.1 % to 7.8 %" is no figure of 2008 itself
    question = "What was the share of pupils in private schools in 2008?"
    best, span = "The share of pupils in private schools reached 11.1 %.", "Between 1992 and 2008 it rose to 7.8 %."
    r = ranked(question, [(0, 1, best, 9.0), (1, 1, span, 8.5)])
    r[1].features["typed"] = 1.0
    assert prefer_span_of_year(question, r)[0].sentence.text == best


def test_a_question_about_a_span_of_years_takes_the_line_naming_it():
    question = "What post did Oren Vale hold between 2011 and 2016?"
    r = ranked(question, [(0, 1, BEFORE, 9.0), (1, 1, OTHER_POST, 7.0)])
    assert prefer_span_of_year(question, r)[0].sentence.text == OTHER_POST  # "from 2011 to 2016"
    # a span that only holds the asked one is not it
    r = ranked(question, [(0, 1, BEFORE, 9.0), (1, 1, "He served in Tarrow from 2010 to 2018.", 7.0)])
    assert prefer_span_of_year(question, r)[0].sentence.text == BEFORE


def test_a_best_that_names_no_year_keeps_its_place_for_a_question_about_a_span():
    # the list of 2030–2032 courses: its closing total answers "… in 2030–2032?", not its opening line naming the years
    question = "Сколько всего сотрудников прошли обучение в учебном центре Скарна в 2030–2032 годах?"
    total = "Всего за три года обучение прошли 177 сотрудников."
    opening = "Учебный центр Скарна в 2030–2032 гг. провёл девять учебных курсов для сотрудников портовых служб."
    r = ranked(question, [(0, 1, total, 9.0), (1, 1, opening, 8.0)])
    assert prefer_span_of_year(question, r)[0].sentence.text == total


def test_a_best_giving_someone_another_post_in_the_year_gives_way_to_the_holder_of_the_one_asked():
    question = "Who headed the Wenlow Centre in 2018?"
    deputy = "In 2012 Ms. Ilse Marr moved to the Wenlow Centre as its Deputy Head, a post she held until 2021."
    head = "In 2016 Mr. Oren Vale was appointed Head of the Wenlow Centre, a post he held until August 2021."
    r = ranked(question, [(0, 1, deputy, 9.0), (1, 1, head, 7.5)])
    r[1].features["typed"] = 1.0
    assert prefer_span_of_year(question, r)[0].sentence.text == head
    # the holder of the post asked keeps the place it has
    r = ranked(question, [(1, 1, head, 9.0), (0, 1, deputy, 7.5)])
    assert prefer_span_of_year(question, r)[0].sentence.text == head


ROSTER = """# Wenlow Precursor Bureau: directory of senior officials, 2012-2025

Wenlow, 3 February 2025

The table below lists the holders of the Bureau's senior posts since it was founded in Wenlow in 2012.

| Post | Name | Country | Years in post |
|---|---|---|---|
| Director | Oren Vale | Ostravia | 2012-2016 |
| Director | Ilse Marr | Velania | 2016-2021 |
| Director | Tarn Oskel | Wenland | 2021-present |
| Deputy Director | Pell Arvo | Skarn | 2012-2018 |
| Deputy Director | Mina Dorr | Ostravia | 2018-2023 |
| Head of Training Section | Aida Kern | Velania | 2017-2024 |

The Director is appointed by the Council of the Bureau for a term of five years.
"""
NEWS = ("Bureau trains officers in Wenlow\n\nWENLOW, 12 March 2024 — The Wenlow Precursor Bureau trained 40 customs "
        "officers in risk profiling of precursor consignments.\n")


def test_who_held_a_post_in_a_year_is_read_from_a_roster_s_span_of_years(invented_service):
    # the row "2016-2021" holds 2018, which it never writes; the deputy's row "2012-2018" writes it and is another
    # office. A year before the Bureau existed has no holder
    service = invented_service({"directory.md": ROSTER, "news.txt": NEWS})
    answer = service.ask("Who was Director of the Wenlow Precursor Bureau in 2018?").answer
    assert answer is not None and "Ilse Marr" in answer.text
    answer = service.ask("Who was Deputy Director of the Wenlow Precursor Bureau in 2020?").answer
    assert answer is not None and "Mina Dorr" in answer.text
    assert service.ask("Who was Director of the Wenlow Precursor Bureau in 2009?").answer is None
    # how long someone served is the row's span of years, though its header does not say "how long"
    answer = service.ask("How long did Pell Arvo serve as Deputy Director of the Wenlow Precursor Bureau?").answer
    assert answer is not None and "Pell Arvo" in answer.text and answer.span is not None
    assert answer.text[answer.span[0] - answer.start:answer.span[1] - answer.start] == "2012-2018"


def test_a_who_question_names_a_roster_s_row_by_its_office_in_either_language():
    # "директором" names the row "Director | …" as "Director" does; a deputy's row is another office's
    from qa.answer.rows import names_office

    row = "| Director | Ilse Marr | Velania | 2016-2021 |"
    assert names_office("Кто был директором бюро в 2018 году?", row)
    assert names_office("Who was Director of the Bureau in 2018?", row)
    assert not names_office("Кто был заместителем директора бюро в 2018 году?", row)
    deputy = "| Deputy Director | Pell Arvo | Skarn | 2012-2018 |"
    assert not names_office("Who was Director of the Bureau in 2018?", deputy)
    assert names_office("Who was Deputy Director of the Bureau in 2020?", deputy)
    # an office in a later cell is one row's detail, not its key: the delegation's head of another country
    assert not names_office("Кто возглавлял делегацию Скарна на встрече?", "| Велания | Ильзе Марр | глава делегации |")
