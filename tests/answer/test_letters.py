"""A letter's lines that answer who-questions about it (qa.answer.letters): the signature block under the
complimentary close, the line whose label the question names ("Контактное лицо: …"). Small invented documents; the
real model (slow)."""

from __future__ import annotations

import pytest

NOTE = (
    "Kelso River Authority\n"
    "12 Quay Street, Kelso\n\n"
    "To the Director of the Tamsin Rescue Centre\n\n"
    "Dear Director,\n\n"
    "The Kelso River Authority proposes a joint rescue exercise on the Tamsin river on 10 June 2025 at Ressa. The "
    "Authority will cover the accommodation of the participants.\n\n"
    "Contact person: Captain Hugo Marsh, Head of Training, phone +44 000 111 2233.\n\n"
    "Yours sincerely,\n"
    "Dr. Alma Fenwick, Chief Executive\n"
)


@pytest.fixture(scope="module")
def service(invented_service):
    import docgen

    return invented_service({"pismo.txt": docgen.RIVER_LETTER_RU, "note.txt": NOTE,
                             "harbour_letter.txt": docgen.HARBOUR_LETTER})


@pytest.mark.slow
@pytest.mark.parametrize(("question", "name"), [
    # the English one got the letter's proposal before; the Russian one is answered by both
    ("Кто контактное лицо агентства речной безопасности по вопросу учений?", "Власов"),
    ("Who is the contact person of the Kelso River Authority for the rescue exercise?", "Hugo Marsh"),
])
def test_the_line_labelled_as_asked_answers(service, question, name):
    answer = service.ask(question).answer
    assert answer is not None and name in answer.text


@pytest.mark.slow
@pytest.mark.parametrize(("question", "name"), [
    # got the letter's body before
    ("Who signed the Kelso River Authority's letter about the rescue exercise?", "Alma Fenwick"),
    # a letter laid out in short lines: its signature block was an item's title, never a sentence
    ("Who signed the Harbour Safety Authority's letter about the Tamsin Tide exercise?", "Teodor Ansel"),
])
def test_the_signature_answers_who_signed(service, question, name):
    answer = service.ask(question).answer
    assert answer is not None and name in answer.text


def test_a_title_written_as_label_and_subtitle_is_no_labelled_answer():
    from qa.answer import Candidate
    from qa.answer.letters import prefer_letter_line
    from qa.answer.types import type_features
    from qa.contracts import Passage
    from qa.store import ChunkRow, SentenceRow

    q = "Who led the Border Liaison Offices programme?"
    passage = Passage(1, ChunkRow(0, "r.pdf", 0, 0, 2, "text", 0, 9), None, 1.0, 0.5, 1.0, 3.0)
    texts = ["The programme was led by Ms. Aigerim Nurlanovna, the Regional Coordinator.",
             "Border Liaison Offices: Annual Report 2023"]
    ranked = [Candidate(SentenceRow(i, "r.pdf", 0, 0, len(t), t), passage, type_features(q, t, "", None, False),
                        10.0 - i) for i, t in enumerate(texts)]
    ranked[1].features["typed"] = 1.0  # as the person patterns read "Annual Report"
    assert prefer_letter_line(q, ranked, None)[0].text == texts[0]


class _Closing:
    """An index whose document closes with signers' lines (an agreement's parties), as the signature rule reads it."""

    LINES = [
        "Совершено в городе Скарне 14 сентября 2023 года в двух подлинных экземплярах.",
        "За Правительство Республики Тарров — Эдвин Марлов, заместитель министра",
        "За Правительство Республики Венлоу — Ольга Пайкова, первый заместитель министра",
    ]

    def sentences(self, first: int, n: int):
        from qa.store import SentenceRow

        return [SentenceRow(k, "agreement.txt", 0, 0, 9, self.LINES[k]) for k in range(first, min(first + n,
                                                                                                len(self.LINES)))]


@pytest.mark.parametrize(("k", "signed"), [(1, True), (2, True), (0, False)])
def test_a_document_s_closing_lines_naming_its_signers_are_its_signature(k, signed):
    # an agreement or an order signed on lines of their own, with no complimentary close and no gap before the name
    from qa.answer.features import Candidate
    from qa.answer.letters import _signature
    from qa.contracts import Passage
    from qa.store import ChunkRow, SentenceRow

    passage = Passage(1, ChunkRow(0, "agreement.txt", 0, 0, 9, "text", 0, 9), None, 1.0, 0.5, 1.0, 3.0)
    index = _Closing()
    line = index.LINES[k]
    c = Candidate(SentenceRow(k, "agreement.txt", 0, 0, len(line), line), passage, {"typed": 1.0}, 1.0)
    assert _signature(c, index) is signed
