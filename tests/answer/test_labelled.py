"""A label line naming what the question asks answers it, in the document the question names (qa.answer.labelled)."""

from __future__ import annotations

from qa.answer.labelled import label_candidate

HALF_YEAR = "Half-Year Report on Harbour Seizures, January–June 2031"
ANNUAL = "Годовой отчёт о контрабанде в портах Скарна за 2031 год"
LINES = [
    "In the first half of 2031 the harbour agencies seized 9,874 kg of contraband goods.",
    "Reporting period: 1 January – 30 June 2031",
    "Published: 29 August 2031",
]
TYPED = [0.0, 1.0, 1.0]  # the label lines hold a date the patterns read; the sentence none


def _pick(question: str, title: str = HALF_YEAR, lines=LINES, typed=TYPED) -> int | None:
    return label_candidate(question, lines, typed, lambda i: title, lambda i: title)


def test_when_a_report_came_out_is_its_publication_line():
    assert _pick("When was the half-year report on harbour seizures published?") == 2


def test_what_period_a_report_covers_is_its_reporting_period_line():
    assert _pick("What period does the half-year report on harbour seizures cover?") == 1


def test_another_reports_publication_line_answers_nothing():
    # the annual report is not the half-year one: "annual" is no word of this document's titles
    assert _pick("When was the annual report on harbour seizures published?") is None


def test_a_label_naming_the_documents_own_noun_is_not_the_act_asked():
    # "Отчётный период" shares "отчёт" with the question, but the title names the report: the act asked is
    # "опубликован", which "Дата публикации" names
    lines = ["Отчётный период: 1 января – 31 декабря 2031 г.", "Дата публикации: 15 марта 2032 г."]
    assert _pick("Когда был опубликован годовой отчёт о контрабанде в портах за 2031 год?", ANNUAL, lines,
                 [1.0, 1.0]) == 1


def test_a_label_whose_value_is_not_of_the_asked_kind_answers_nothing():
    lines = ["Published: by the Skarn Harbour Authority"]
    assert _pick("When was the half-year report on harbour seizures published?", lines=lines, typed=[0.0]) is None


def test_a_report_of_the_asked_period_answers_when_it_was_published(invented_service):
    # the publication line dated the report outside the period its title names, and "… for January–June 2031
    # published?" was refused as "about Aug 2031, not Jan 2031 – Jun 2031"; "What period …" got a sentence
    # that names no period
    report = "\n".join([HALF_YEAR, "Prepared by the Analytical Unit of the Skarn Harbour Authority", *LINES[1:],
                        LINES[0], "The largest seizure, 2,310 kg of tobacco, was made at Port Ellery in March.",
                        "Seizures of synthetic drugs grew most, mainly at the Wenlow ferry terminal."])
    service = invented_service({"half_year_2031.txt": report})
    reply = service.ask("When was the half-year report on harbour seizures for January–June 2031 published?")
    assert reply.answer is not None and reply.answer.text == "Published: 29 August 2031"
    reply = service.ask("What period does the half-year report on harbour seizures cover?")
    assert reply.answer is not None and reply.answer.text == "Reporting period: 1 January – 30 June 2031"
