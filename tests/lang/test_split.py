"""Russian sentence splitting, per item language, and over-long sentences cut at clause ends."""

from __future__ import annotations

from qa.ingest.chunking import document_sentences, split_sentences
from qa.ingest.document import Document
from qa.ingest.files import parse_bytes

RU = (
    "Центр был создан в 2009 г. в Алматы. Его возглавил А. С. Иванов, бывший посол. "
    "Делегации прибыли из г. Бишкек и г. Ош. Встреча завершилась 5 мая."
)
RU_SENTENCES = [
    "Центр был создан в 2009 г. в Алматы.",
    "Его возглавил А. С. Иванов, бывший посол.",
    "Делегации прибыли из г. Бишкек и г. Ош.",
    "Встреча завершилась 5 мая.",
]


def _texts(text: str, lang: str | None = None) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang=lang)]


def test_russian_abbreviations_and_initials_do_not_end_sentences():
    assert _texts(RU) == RU_SENTENCES
    # the English rules cut after "г." and initials: why the language is detected per text
    assert _texts(RU, "en")[:2] == ["Центр был создан в 2009 г.", "в Алматы."]


def test_russian_false_splits_after_abbreviations_and_initials_are_rejoined():
    text = (
        "Духовенство не может подчиняться Риму, т.е. иностранной державе. Так считали многие. "
        "Данные Петрова и соавт. и Сидорова совпали. Например, Э. Смит основал фабрику."
    )
    assert _texts(text, "ru") == [
        "Духовенство не может подчиняться Риму, т.е. иностранной державе.",
        "Так считали многие.",
        "Данные Петрова и соавт. и Сидорова совпали.",
        "Например, Э. Смит основал фабрику.",
    ]
    # never across a line break: a heading ending in an abbreviation stays apart
    assert _texts("Итоги за 2020 г.\nвстреча прошла в мае.", "ru") == ["Итоги за 2020 г.", "встреча прошла в мае."]


def test_a_transliterated_two_letter_initial_does_not_end_an_english_sentence():
    # Ш, Ж, Х ... written Sh., Zh., Kh.: the names of the region's officials
    text = ("The seminar was attended by CARICC analyst Sh. Komilzoda. Zh. Almazov and R.Kh. Nazarov "
            "opened it. The report of Kh.A. Rakhimov followed.")
    assert _texts(text, "en") == [
        "The seminar was attended by CARICC analyst Sh. Komilzoda.",
        "Zh. Almazov and R.Kh. Nazarov opened it.",
        "The report of Kh.A. Rakhimov followed.",
    ]
    # never across a line break: a list line ending in an initial stays apart
    assert _texts("Signed: Sh.\nKomilzoda arrived later.", "en") == ["Signed: Sh.", "Komilzoda arrived later."]


def test_english_splitting_is_unchanged():
    text = "Mr. Smith arrived on Monday. The meeting began at 9 a.m. and ended at noon. It was held in Almaty."
    assert _texts(text) == _texts(text, "en")


def _doc(text: str, name: str = "d.txt") -> Document:
    return parse_bytes(name, text.encode("utf-8"))


def test_each_item_is_split_by_its_own_language():
    text = "# Regional meeting\n\nMr. Smith arrived in Almaty. He met the director.\n\n# Итоги\n\n" + RU + "\n"
    doc = _doc(text, "news.md")
    assert len(doc.items) == 2
    sentences = [s.text for s in document_sentences(doc)]
    assert "Mr. Smith arrived in Almaty." in sentences
    assert set(RU_SENTENCES) <= set(sentences)


def test_a_sentence_over_the_window_is_cut_at_a_clause_end_not_mid_phrase():
    clauses = [f"участники {i}-го совещания обсудили обмен данными о грузах" for i in range(12)]
    text = "Итоги\n\nВ ходе встречи " + ", ".join(clauses) + ".\n"

    def fits(t: str) -> bool:
        return len(t.split()) <= 30

    pieces = [s for s in document_sentences(_doc(text), fits) if s.text != "Итоги"]
    assert len(pieces) > 1 and all(fits(p.text) for p in pieces)
    assert all(p.text == text[p.start:p.end] for p in pieces)
    # every piece but the last ends a clause, so the next one starts one
    assert all(p.text.endswith(",") for p in pieces[:-1])
    assert all(p.text.startswith("участники") for p in pieces[1:])
