"""A question naming a numbered point of an order or a decision is answered by that point (qa.answer.points)."""

from __future__ import annotations

import re

import pytest

from qa.answer.features import Candidate
from qa.answer.points import asked_point, point_at, prefer_asked_point, prefer_point_part
from qa.contracts import Passage
from qa.store import ChunkRow, SentenceRow

ORDER = [
    "В целях усиления контроля за перевозками по реке Тамсин ПРИКАЗЫВАЮ:",
    "1. Управлению речного надзора создать мобильную группу на посту «Скарн» в срок до 15 мая 2024 года.",
    "2. Учебному центру обучить 40 инспекторов в срок до 30 сентября 2024 года.",
    "5. Управлению международного сотрудничества подготовить проект соглашения в срок до 1 декабря 2024 года.",
]
PASSAGE = Passage(1, ChunkRow(0, "order.txt", 0, 0, 9, "text", 0, 9), None, 1.0, 0.5, 1.0, 3.0)


class _Text:
    """An index of one document's text, as the point rules read it (document_slice)."""

    def __init__(self, text: str, doc: str = "order.txt") -> None:
        self.text, self.doc = text, doc

    def document_slice(self, doc: str, start: int, end: int) -> str:
        return self.text[start:end] if doc == self.doc else ""


def candidates(lines: list[str], scores: list[float], doc_of=lambda text: "order.txt") -> tuple[list[Candidate], _Text]:
    """Each sentence of the lines as a candidate at its offset in their text, with its score; best first."""
    text = "\n".join(lines)
    out, at, k = [], 0, 0
    for line in lines:
        for sentence in re.split(r"(?<=[а-яё»)]\.)\s+", line):  # not after a point's number ("1. ")
            if not sentence:
                continue
            start = text.index(sentence, at)
            at = start + len(sentence)
            typed = {"typed": 1.0 if re.search(r"[А-Я]\w+ [А-Я]\w+ов", sentence) else 0.0}
            out.append(Candidate(SentenceRow(k, doc_of(sentence), 0, start, at, sentence), PASSAGE, typed, scores[k]))
            k += 1
    return sorted(out, key=lambda c: -c.score), _Text(text)


def ranked(doc_of_point: str = "order.txt") -> list[Candidate]:
    """The order's lines as the sentence model ranked them: the preamble first, the point asked for last."""
    return candidates(ORDER, [10.0, 9.0, 8.0, 7.0], lambda text: doc_of_point if text.startswith("5.") else
                      "order.txt")[0]


INDEX = _Text("\n".join(ORDER))


@pytest.mark.parametrize(("question", "number"), [
    ("Каков срок исполнения пункта 5 приказа № 217-п?", "5"),
    ("Что предписывает п. 2 приказа?", "2"),
    ("What does item 3 of the decision say?", "3"),
    ("Who is responsible for point 12 of the order?", "12"),
    ("Сколько инспекторов обучили в 2024 году?", None),
    ("What happened to the 5 points of the plan?", None),
])
def test_the_asked_point_is_read_from_the_question(question, number):
    assert asked_point(question) == number


def test_the_point_named_by_its_number_answers_however_the_model_ranked_it():
    out = prefer_asked_point("Каков срок исполнения пункта 5 приказа?", ranked(), INDEX)
    assert out[0].sentence.text.startswith("5. ") and out[0].score == 10.0
    # not a point of another document, and nothing moves for a question naming no point
    assert prefer_asked_point("Каков срок исполнения пункта 5 приказа?", ranked("other.txt"), INDEX)[0].sentence.id == 0
    assert prefer_asked_point("Каков срок обучения инспекторов?", ranked(), INDEX)[0].sentence.id == 0


# an order whose points say who answers for them and by when, each in a sentence of its own
POINTS = [
    "ПРИКАЗЫВАЮ:",
    "1. Создать мобильную группу на посту «Скарн». Ответственный — полковник Эдвин Марлов. Срок — до 1 мая 2024 г.",
    "2. Обучить 40 инспекторов речного надзора. Ответственный — майор Ольга Пайкова. Срок — до 30 сентября 2024 г.",
    "3. Подготовить проект соглашения. Ответственный — Тимур Вельсов. Срок — до 1 декабря 2024 года.",
    "",
    "Начальник службы Олег Тарров",
]
# the sentence model's order: the points' first sentences before the sentences saying who and by when
SCORES = [1.0, 9.0, 4.0, 3.0, 8.5, 5.0, 4.5, 7.0, 6.0, 5.5, 2.0]


@pytest.mark.parametrize(("question", "expected"), [
    ("Кто отвечает за пункт 2 приказа?", "Ответственный — майор Ольга Пайкова."),
    ("Какой срок установлен по пункту 3 приказа?", "Срок — до 1 декабря 2024 года."),
    ("Каков срок исполнения пункта 1 приказа?", "Срок — до 1 мая 2024 г."),
    # the point named by what it orders: the best is its first sentence
    ("Кто отвечает за обучение инспекторов речного надзора?", "Ответственный — майор Ольга Пайкова."),
])
def test_who_answers_for_a_point_and_by_when_are_its_later_sentences(question, expected):
    ranked_, index = candidates(POINTS, SCORES)
    if asked_point(question) is None:  # the model put the asked point's first sentence first
        ranked_ = [c for c in ranked_ if c.sentence.text.startswith("2.")] + \
            [c for c in ranked_ if not c.sentence.text.startswith("2.")]
    out = prefer_point_part(question, prefer_asked_point(question, ranked_, index), index)
    assert out[0].sentence.text == expected


def test_a_point_s_part_is_of_the_point_and_answers_only_what_it_says():
    ranked_, index = candidates(POINTS, SCORES)
    assert [point_at(index, "order.txt", c.sentence.start) for c in sorted(ranked_, key=lambda c: c.sentence.id)] == \
        [None, "1", "1", "1", "2", "2", "2", "3", "3", "3", None]  # the signature after the blank line is no point's
    # a question asking neither who nor by when keeps the point's first sentence
    out = prefer_point_part("Что предписывает пункт 2 приказа?", prefer_asked_point("Что предписывает пункт 2 приказа?",
                                                                                   ranked_, index), index)
    assert out[0].sentence.text.startswith("2. ")
    # a best that is no point's is left alone
    assert prefer_point_part("Кто подписал приказ?", ranked_, index) == ranked_


@pytest.mark.slow
def test_an_order_s_point_and_its_signer_are_found(tmp_path):
    from qa.app.service import QAService
    from qa.build import run_build
    from qa.config import Settings

    order = ("РЕЧНАЯ СЛУЖБА ОБЛАСТИ ТАРРОУ\n\nПРИКАЗ\n\n№ 41-п\nг. Скарн, 3 апреля 2024 года\n\n"
             "О мерах по усилению контроля за перевозками по реке Тамсин\n\n" + "\n\n".join(ORDER) +
             "\n\n6. Контроль за исполнением настоящего приказа возложить на заместителя начальника Э. Марш.\n\n"
             "Начальник службы                              О. Пайк\n")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "order.txt").write_text(order, encoding="utf-8")
    # a second order, whose points say who answers for them and by when, signed on a line of its own
    second = ("ПРИКАЗ\n\n№ 42-п\nг. Скарн, 10 апреля 2024 года\n\nОб обучении инспекторов речного надзора\n\n"
              + "\n".join(POINTS))
    (tmp_path / "corpus" / "order_42.txt").write_text(second, encoding="utf-8")
    settings = Settings().with_(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    run_build(settings)  # a Russian order: the multilingual model, as a user's `qa index` chooses
    service = QAService(settings)
    point = service.ask("Каков срок исполнения пункта 5 приказа № 41-п?").answer
    assert point is not None and "1 декабря 2024" in point.text
    signer = service.ask("Кто подписал приказ № 41-п о перевозках по реке Тамсин?").answer
    assert signer is not None and "О. Пайк" in signer.text
    responsible = service.ask("Кто отвечает за пункт 2 приказа № 42-п?").answer
    assert responsible is not None and responsible.text == "Ответственный — майор Ольга Пайкова."
    term = service.ask("Какой срок установлен по пункту 3 приказа № 42-п?").answer
    assert term is not None and "1 декабря 2024" in term.text
    signer = service.ask("Кто подписал приказ № 42-п?").answer
    assert signer is not None and signer.text == "Начальник службы Олег Тарров"


class _Order:
    """An index's one order, as names_document and the signature rule read it."""

    TEXT = "ПРИКАЗ\n\n№ 41-п\nг. Скарн, 3 апреля 2024 года\n\n" + "\n\n".join(ORDER) + \
        "\n\nНачальник службы                              О. Пайк\n"

    def document_slice(self, doc: str, start: int, end: int) -> str:
        return self.TEXT[start:end] if doc == "order.txt" else "Новости гавани\n\nСовет Скарна сохранил маяк."

    def sentences(self, first: int, n: int) -> list[SentenceRow]:
        return []  # the signature line is its document's last


def test_a_question_names_the_order_by_its_number_and_its_signature_answers_it():
    # "Кто подписал приказ № 217-п?" got another document's sentence: the signature rule read only the best's document
    from dataclasses import replace

    from qa.answer.letters import prefer_letter_line, signs_named_document
    from qa.answer.points import names_document

    index = _Order()
    assert names_document("Кто подписал приказ № 41-п?", "order.txt", index)
    assert not names_document("Кто подписал приказ № 300-п?", "order.txt", index)
    assert not names_document("Кто подписал приказ о перевозках?", "order.txt", index)  # no number: not named
    assert not names_document("Кто подписал приказ № 41-п?", "news.txt", index)
    line = "Начальник службы                              О. Пайк"
    other = Candidate(SentenceRow(0, "news.txt", 0, 0, 9, "Совет Скарна сохранил маяк."), PASSAGE, {"typed": 0.0}, 9.0)
    signed = Candidate(SentenceRow(7, "order.txt", 0, 0, len(line), line), PASSAGE, {"typed": 1.0}, 5.0)
    question = "Кто подписал приказ № 41-п?"
    out = prefer_letter_line(question, [other, signed], index)
    assert out[0].sentence.text == line and signs_named_document(question, out[0], index)
    assert prefer_letter_line("Кто подписал приказ № 300-п?", [other, signed], index)[0] is other
    assert not signs_named_document("Когда издан приказ № 41-п?", replace(signed), index)
