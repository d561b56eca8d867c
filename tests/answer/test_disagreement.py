"""Another document's different value for what was asked (qa.answer.disagreement), on invented candidates.

The answer is ranked[0]; a near candidate of another document that states a different date, quantity of the asked
unit or counted noun, or person is the note shown under it. One value written two ways, a figure of another thing,
a sentence of the answer's own document, or a candidate far below the answer are not.
"""

from __future__ import annotations

from qa.answer.disagreement import DISAGREE_MARGIN, agree, asked_kind, disagreeing, newer, values
from qa.answer.features import Candidate
from qa.answer.types import type_features
from tests.candidates import lone_candidate


def candidate(doc: str, text: str, score: float, question: str, date: str = "2024-01-01",
              title: str = "Harbour news") -> Candidate:
    """A candidate sentence alone in its passage of document `doc` (dated `date`), with its answer-type features."""
    features = {**type_features(question, text, title, date, False, "en"), "lex": 0.5}
    return lone_candidate(text, date, score, doc, title=title, lang="en", features=features)


def first_value(question: str, kind: str):
    """A short answer as the answer step marks it: here the first value of the asked kind in a sentence."""
    def short_answer(c: Candidate):
        found = values(c.sentence.text, question, kind, "en")
        return (found[0].start, found[0].end) if found else None
    return short_answer


def note(question: str, answer: Candidate, *others: Candidate):
    kind = asked_kind(question) or "number"
    short = first_value(question, kind)
    return disagreeing(question, [answer, *others], answer.sentence.text, short(answer), "en", short)


HOW_MUCH = "How much cocoa was seized at the Wenlow pier in March 2023?"
NEWS = "Customs officers seized 412 kilograms of cocoa paste at the Wenlow pier on 14 March 2023."
REPORT = "The largest seizure of the year was 398 kg of cocoa paste at the Wenlow pier on 14 March 2023."


def test_a_near_candidate_of_another_document_with_another_quantity_is_the_note():
    found = note(HOW_MUCH, candidate("news.txt", NEWS, 20.0, HOW_MUCH),
                 candidate("report.pdf", REPORT, 18.0, HOW_MUCH))
    assert found is not None and found.candidate.sentence.doc == "report.pdf"
    assert REPORT[found.value.start:found.value.end].startswith("398 kg")


def test_one_quantity_written_two_ways_is_no_disagreement():
    same = "The largest seizure of the year was 412 kg of cocoa paste at the Wenlow pier on 14 March 2023."
    assert note(HOW_MUCH, candidate("news.txt", NEWS, 20.0, HOW_MUCH), candidate("report.pdf", same, 18.0, HOW_MUCH)) \
        is None
    # and "398 kg" agrees with "398 kilograms"
    kg = values("It was 398 kg of cocoa.", HOW_MUCH, "number", "en")[0]
    kilograms = values("It was 398 kilograms of cocoa.", HOW_MUCH, "number", "en")[0]
    assert agree(kg, kilograms)


def test_a_number_grouped_by_spaces_is_the_number_grouped_by_commas():
    # Russian groups thousands by a space, often a no-break one: "8 120 кг" says what "8,120 kg" says, and "1,5 т"
    # is one and a half tonnes
    english = values("Operation Kum seized 8,120 kg of heroin in 2024.", HOW_MUCH, "number", "en")
    for space in (" ", "\u00a0", "\u202f"):
        russian = values(f"В ходе операции «Кум» в 2024 году изъято 8{space}120 кг героина.", HOW_MUCH, "number", "ru")
        assert [v.key for v in russian] == [8120.0] and agree(english[0], russian[0])
    assert [v.key for v in values("Изъято 1,5 тонны героина.", HOW_MUCH, "number", "ru")] == [1.5]
    assert [v.key for v in values("It was 1,500.5 kg of cocoa.", HOW_MUCH, "number", "en")] == [1500.5]


def test_a_quantity_of_another_unit_or_another_counted_noun_is_no_disagreement():
    tonnes = "In 2023 the Wenlow pier customs seized 6.3 tonnes of cocoa paste in all, at the pier and on the ships."
    assert note(HOW_MUCH, candidate("news.txt", NEWS, 20.0, HOW_MUCH),
                candidate("report.pdf", tonnes, 19.0, HOW_MUCH)) is None
    # tonnes of another stuff
    q = "How many tonnes of figs does the Wenlow valley produce?"
    figs = candidate("news.txt", "The Wenlow valley produces 270,000 tonnes of figs a year.", 20.0, q)
    fish = candidate("report.pdf", "The Wenlow valley's fishers landed 11,634 tonnes of fish.", 19.0, q)
    assert note(q, figs, fish) is None
    q = "How many officers graduated from the Wenlow staff course in February 2024?"
    answer = candidate("news.txt", "The Wenlow staff course graduated 28 officers in February 2024.", 20.0, q)
    other = candidate("report.pdf", "The Wenlow staff course in February 2024 lasted 12 weeks for its officers.", 19.0,
                      q)
    assert note(q, answer, other) is None


def test_the_answers_own_document_a_far_candidate_or_one_of_another_thing_is_no_note():
    answer = candidate("news.txt", NEWS, 20.0, HOW_MUCH)
    own = candidate("news.txt", REPORT, 19.0, HOW_MUCH)
    far = candidate("report.pdf", REPORT, 20.0 - DISAGREE_MARGIN - 0.1, HOW_MUCH)
    assert note(HOW_MUCH, answer, own) is None
    assert note(HOW_MUCH, answer, far) is None
    # a sentence whose passage does not name the pier the question and the answer name speaks of another seizure
    elsewhere = "The largest seizure of the year was 398 kg of cocoa paste at the Tarrow airport on 14 March 2023."
    assert note(HOW_MUCH, answer, candidate("report.pdf", elsewhere, 19.0, HOW_MUCH)) is None


UNTIL = "Until when does the Harbour Integrity project run?"


def test_a_deadline_is_contradicted_only_by_another_deadline():
    # a course's dates "disagreed" with a report's deadline
    q = "By what date must the harbour safety review be prepared?"
    deadline = candidate("minutes.txt", "1. Prepare the harbour safety review by 1 September 2025.", 15.0, q,
                         date="2025-03-12")
    course = candidate("course.txt", "From 5 to 16 June 2023 a harbour safety course was held in Wenlow.", 12.0, q,
                       date="2023-06-19")
    assert note(q, deadline, course) is None
    moved = candidate("minutes2.txt", "The harbour safety review is now due by 1 October 2025.", 12.0, q,
                      date="2025-05-02")
    found = note(q, deadline, moved)
    assert found is not None and moved.sentence.text[found.value.start:found.value.end] == "1 October 2025"


def test_an_until_when_question_compares_the_dates_after_until():
    launch = candidate("press.txt", "The Harbour Integrity project started in July 2021 and will run until December "
                       "2024.", 15.0, UNTIL, date="2022-06-15")
    extended = candidate("news.html", "The Harbour Integrity project has been extended until June 2025, with its "
                         "budget raised.", 10.0, UNTIL, date="2024-05-20")
    found = note(UNTIL, launch, extended)
    assert found is not None and extended.sentence.text[found.value.start:found.value.end] == "June 2025"
    assert newer("2022-06-15", "2024-05-20") == "other" and newer("2024-05-20", "2022-06-15") == "answer"
    assert newer("2024-05", "2024-05-20") is None and newer(None, "2024-05-20") is None
    # "Dec. 2024" elsewhere agrees; a date after "since" answers no "until when"
    again = candidate("news.html", "The Harbour Integrity project will run until 31 December 2024.", 12.0, UNTIL)
    since = candidate("news.html", "The Harbour Integrity project has had a new manager since January 2024.", 12.0,
                      UNTIL)
    assert note(UNTIL, launch, again) is None and note(UNTIL, launch, since) is None


def test_a_question_of_no_comparable_kind_gets_no_note():
    q = "What did the Harbour Integrity project deliver?"
    assert asked_kind(q) is None
    a = candidate("press.txt", "The Harbour Integrity project delivered 12 scanners.", 15.0, q)
    b = candidate("news.html", "The Harbour Integrity project delivered 14 scanners.", 14.0, q)
    assert note(q, a, b) is None


def test_an_undated_document_gives_no_note():
    # which of the two is current cannot be said; undated paragraphs of one article mostly speak of other things
    assert note(HOW_MUCH, candidate("news.txt", NEWS, 20.0, HOW_MUCH),
                candidate("report.pdf", REPORT, 18.0, HOW_MUCH, date=None)) is None
    assert note(HOW_MUCH, candidate("news.txt", NEWS, 20.0, HOW_MUCH, date=None),
                candidate("report.pdf", REPORT, 18.0, HOW_MUCH)) is None


def test_a_figure_of_one_drug_class_or_of_part_of_the_period_is_no_other_total():
    question = "How many kilograms of drugs were seized in 2024 in total?"
    total = "In 2024 the agencies seized a total of 17,690 kg of drugs."
    answer = candidate("bulletin.docx", total, 20.0, question, "2025-01-20")
    # one class of drugs from an operation's story: another thing than all drugs
    story = "During the operation officers seized 2,031 kg of hashish and 94 kg of synthetic drugs."
    assert note(question, answer, candidate("story.html", story, 18.0, question, "2024-11-22")) is None
    # the first half's preliminary figure: part of the period
    half = "According to preliminary data, in the first half of 2024 the agencies seized 9,715 kg of drugs."
    assert note(question, answer, candidate("review.pdf", half, 18.0, question, "2024-07-18")) is None
    # another report of the whole year's figure still is
    other = "The agencies seized 17,960 kg of drugs in 2024."
    found = note(question, answer, candidate("report.pdf", other, 18.0, question, "2025-03-01"))
    assert found is not None and found.candidate.sentence.doc == "report.pdf"


def test_what_an_earlier_report_said_is_no_other_value():
    question = "When was Operation Dry Steppe 2024 held?"
    answer = candidate("news.html", "Operation Dry Steppe 2024 was held from 7 to 31 October 2024.", 20.0, question,
                       "2024-11-22")
    restated = candidate("correction.txt", "The press release of 22 November 2024 on Operation Dry Steppe 2024 was "
                         "reported with a wrong figure.", 18.0, question, "2024-12-09")
    assert note(question, answer, restated) is None
