"""A question naming a numbered point of an order or a decision is answered by that point (qa.answer.points)."""

from __future__ import annotations

import pytest

from qa.answer.features import Candidate
from qa.answer.points import asked_point, prefer_asked_point
from qa.contracts import Passage
from qa.store import ChunkRow, SentenceRow

ORDER = [
    "В целях усиления контроля за перевозками по реке Тамсин ПРИКАЗЫВАЮ:",
    "1. Управлению речного надзора создать мобильную группу на посту «Скарн» в срок до 15 мая 2024 года.",
    "2. Учебному центру обучить 40 инспекторов в срок до 30 сентября 2024 года.",
    "5. Управлению международного сотрудничества подготовить проект соглашения в срок до 1 декабря 2024 года.",
]
PASSAGE = Passage(1, ChunkRow(0, "order.txt", 0, 0, 9, "text", 0, 9), None, 1.0, 0.5, 1.0, 3.0)


def ranked(doc_of_point: str = "order.txt") -> list[Candidate]:
    """The order's lines as the sentence model ranked them: the preamble first, the point asked for last."""
    out = []
    for k, text in enumerate(ORDER):
        doc = doc_of_point if text.startswith("5.") else "order.txt"
        out.append(Candidate(SentenceRow(k, doc, 0, 0, len(text), text), PASSAGE, {}, 10.0 - k))
    return out


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
    out = prefer_asked_point("Каков срок исполнения пункта 5 приказа?", ranked())
    assert out[0].sentence.text.startswith("5. ") and out[0].score == 10.0
    # not a point of another document, and nothing moves for a question naming no point
    assert prefer_asked_point("Каков срок исполнения пункта 5 приказа?", ranked("other.txt"))[0].sentence.id == 0
    assert prefer_asked_point("Каков срок обучения инспекторов?", ranked())[0].sentence.id == 0


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
    settings = Settings().with_(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    run_build(settings)  # a Russian order: the multilingual model, as a user's `qa index` chooses
    service = QAService(settings)
    point = service.ask("Каков срок исполнения пункта 5 приказа № 41-п?").answer
    assert point is not None and "1 декабря 2024" in point.text
    signer = service.ask("Кто подписал приказ № 41-п о перевозках по реке Тамсин?").answer
    assert signer is not None and "О. Пайк" in signer.text


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
