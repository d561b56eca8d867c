"""A label line naming what the question asks answers it, in the document the question names (qa.answer.labelled)."""

from __future__ import annotations

from qa.answer.labelled import label_after, label_candidate

HALF_YEAR = "Half-Year Report on Harbour Seizures, January–June 2031"
ANNUAL = "Годовой отчёт о контрабанде в портах Скарна за 2031 год"
LINES = [
    "In the first half of 2031 the harbour agencies seized 9,874 kg of contraband goods.",
    "Reporting period: 1 January – 30 June 2031",
    "Published: 29 August 2031",
]
TYPED = [0.0, 1.0, 1.0]  # the label lines hold a date the patterns read; the sentence none


def _pick(question: str, title: str = HALF_YEAR, lines=LINES, typed=TYPED, section: str = "") -> int | None:
    return label_candidate(question, lines, typed, lambda i: f"{title} {section}", lambda i: title, lambda i: title)


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


def test_a_list_entry_labelled_with_the_act_answers_under_a_heading_that_names_its_kind():
    # "Dates and deadlines" over the call's dates names deadlines as the section's kind, not the call's own act
    lines = ["- The fellowship runs from 15 September to 10 October 2031 at the Wenlow Training Centre.",
             "- Deadline for applications: 15 July 2031, 18:00 Wenlow time."]
    assert _pick("What is the deadline for applications for the Wenlow Customs Fellowship 2031?",
                 "Call for applications: Wenlow Customs Fellowship 2031", lines, [1.0, 1.0],
                 section="Dates and deadlines") == 1


DECISIONS = [
    "2. A joint mobile patrol exercise will be held at the Wenlow section in November 2031.",
    "1. The offices will exchange monthly statistics on seizures by the 5th day of each month.",
    "Responsible: Border Troops of Ostravia.",
    "Responsible: Customs Service of Velania.",
]
# (document, item, sentence id): the exercise is sentence 7, its label line 8; the statistics 5, its label line 6
IDS = [("minutes.docx", 2, 7), ("minutes.docx", 2, 5), ("minutes.docx", 2, 8), ("minutes.docx", 2, 6)]


def test_who_answers_for_a_decision_is_the_label_line_after_it():
    # the decision words the question and outranks the line naming who answers for it
    assert label_after("Who is responsible for the joint mobile patrol exercise at the Wenlow section?",
                       DECISIONS, IDS) == 2
    assert label_after("Who is responsible for exchanging the monthly statistics on seizures?", DECISIONS, IDS) == 3
    ru = ["1. Подготовить единый перечень подконтрольных прекурсоров до 30 июня 2031 г.",
          "Ответственный: Таможенный комитет Остравии."]
    assert label_after("Какое ведомство отвечает за подготовку единого перечня прекурсоров?", ru,
                       [("p.docx", 1, 3), ("p.docx", 1, 4)]) == 1


def test_a_label_line_after_another_task_or_naming_another_act_answers_nothing():
    assert label_after("Who is responsible for the canine training in Skarn?", DECISIONS, IDS) is None
    # a record's line before another record's is no task: each row of a table of donors read as "Donor: …"
    rows = ["Donor: Ostravia; Project: Mobile interdiction teams in Wenlow; Amount: USD 1.8 million",
            "Donor: Velania; Project: Precursor laboratory network; Amount: EUR 2.3 million"]
    assert label_after("Which donor funds the mobile interdiction teams in Wenlow?", rows,
                       [("donors.docx", 0, 3), ("donors.docx", 0, 4)]) is None
    dated = [DECISIONS[0], "Deadline: 30 June 2031."]
    assert label_after("Who is responsible for the joint mobile patrol exercise at the Wenlow section?", dated,
                       IDS[:1] + [("minutes.docx", 2, 8)]) is None


def test_a_tables_rows_read_with_their_header_are_no_label_lines():
    # "Квартал: Итого за 2031 год; 13 484 кг Гашиш" reads like a label line "Квартал:" naming the question's
    # quarter, and had been put first over the row of the quarter asked
    from dataclasses import replace
    from types import SimpleNamespace

    from qa.answer.minutes import prefer_field
    from tests.candidates import lone_candidate

    def row(text: str, reading: str, score: float):
        return replace(lone_candidate(text, "2032-01-20", score, "bulletin.docx"), reading=reading)

    ranked = [row("II квартал | 905 | 3 066", "Квартал: II квартал; 905 кг Героин; 3 066 кг Гашиш", 30.0),
              row("Итого за 2031 год | 3 339 | 13 484", "Квартал: Итого за 2031 год; 3 339 кг Героин; 13 484 кг Гашиш",
                  29.0)]
    title = "Статистический бюллетень за 2031 год"
    section = f"{title} Изъятия гашиша по кварталам 2031 года"
    heads = SimpleNamespace(title=lambda r: section, head_lines=lambda r: "II квартал", doc_title=lambda d: title)
    assert prefer_field("Сколько гашиша изъято во II квартале 2031 года?", ranked, heads) == (ranked, False)
