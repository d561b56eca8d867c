"""Russian question types and typed short-answer spans."""

from __future__ import annotations

import pytest

from qa.lang import analyze
from qa.answer.question import question_head, question_type, typed_span


@pytest.mark.parametrize(
    ("question", "qtype"),
    [
        ("Кто возглавил делегацию Таджикистана?", "person"),
        ("Кому вручили награду?", "person"),
        ("Чей проект получил поддержку?", "person"),
        ("Когда состоялась встреча?", "date"),
        ("В каком году был создан центр?", "date"),
        ("Какого числа прошёл семинар?", "date"),
        ("Сколько килограммов героина изъяли?", "number"),
        ("Какой процент грузов проверяют?", "number"),
        ("Где прошёл семинар?", "place"),
        ("В каком городе находится штаб-квартира?", "place"),
        ("Откуда прибыл груз?", "place"),
        ("Почему операцию перенесли?", None),
        ("Что обсуждали участники?", None),
        ("Некто прислал письмо?", None),  # "кто" inside a word is not a question word
        ("Как долго длилась операция?", "number"),  # English's "how long"
        ("Насколько выросли изъятия?", "number"),  # "how much"
        ("Каков бюджет программы?", "number"),
        ("Какой период охватывает отчёт?", "date"),  # "what period"
        ("Под каким названием прошла конференция?", "title"),
        ("Какова тема форума?", "title"),
        # a question word written with a capital inside the question is a name ("Doctor Who")
        ("Где снимали сериал «Доктор Кто»?", "place"),
        ("Как называется первый сериал про Доктора Кто?", None),
        ("Кто сыграл Доктора Кто?", "person"),
    ],
)
def test_russian_question_types(question, qtype):
    assert question_type(question) == qtype


def test_english_question_types_are_unchanged():
    assert question_type("Who hosted the workshop?") == "person"
    assert question_type("How much heroin was seized?") == "number"
    assert question_type("When was it held?") == "date"
    assert question_type("Where was it held?") == "place"
    assert question_type("What enemy of Doctor Who is a Time Lord?") is None
    assert question_type("Who played Doctor Who?") == "person"


def test_the_asked_for_noun_of_a_russian_question():
    assert question_head("Сколько офицеров прошли обучение?")[0] == analyze("офицеров")[0]
    assert question_head("Какой город принял встречу?")[0] == analyze("город")[0]
    assert question_head("Почему встречу перенесли?") == []


@pytest.mark.parametrize(
    ("sentence", "qtype", "span"),
    [
        ("Встреча прошла 12 октября 2022 года в Бишкеке.", "date", "12 октября 2022 года"),
        ("Центр был создан в 2009 году.", "date", "2009 году"),
        ("Изъято более 740 кг героина.", "number", "более 740 кг"),
        ("Обучение прошли 57 000 человек.", "number", "57 000 человек"),
        ("Семинар прошёл в Душанбе при поддержке ОБСЕ.", "place", "Душанбе"),
        # after the place's kind, written out or abbreviated
        ("Семинар прошёл в городе Скарнске при поддержке ОБСЕ.", "place", "Скарнске"),
        ("Встреча состоялась в г. Венлоу.", "place", "Венлоу"),
        ("Делегацию возглавил А. С. Иванов.", "person", "А. С. Иванов"),
    ],
)
def test_typed_spans_in_russian_sentences(sentence, qtype, span):
    found = typed_span(sentence, qtype, set())
    assert found is not None and sentence[found[0]:found[1]] == span


def test_an_english_question_is_answered_by_a_span_of_the_russian_sentence():
    qtype = question_type("When was the centre founded?")
    sentence = "Центр был основан 5 мая 2009 года."
    found = typed_span(sentence, qtype, {"when", "was", "the", "centre", "founded"})
    assert sentence[found[0]:found[1]] == "5 мая 2009 года"


def test_a_russian_follow_up_gets_the_topic_of_the_previous_question():
    from qa.app.followups import Context, orphan_hint, rewrite

    previous = Context("Когда прошёл семинар по пограничному контролю в Душанбе?")
    searched = rewrite("А кто его организовал?", previous)
    assert searched.startswith("Кто его организовал?")
    assert {"семинар", "Душанбе"} <= set(searched.split()) and "прошёл" not in searched
    standalone = "Сколько человек участвовало в семинаре по пограничному контролю в Душанбе?"
    assert rewrite(standalone, previous) == standalone
    assert orphan_hint("А кто его организовал?") is not None and orphan_hint(standalone) is None


def test_the_question_word_of_the_main_clause_wins_over_one_in_a_subordinate_clause():
    # "когда" here opens "when the Franks entered", not the question
    assert question_type("Кто был лидером, когда франки вошли в долину?") == "person"
    assert question_type("Как и когда болезнь проникла в Европу?") == "date"
    assert question_type("На чей перевод повлияла эта книга?") == "person"


def test_a_country_name_is_one_term_in_every_case():
    # Snowball alone: Казахстан, Казахстана -> "казахста", Казахстане, Казахстаном -> "казахстан"
    forms = "Казахстан Казахстана Казахстану Казахстане Казахстаном"
    assert set(analyze(forms, "ru")) == {"казахстан"}
    assert set(analyze("Таджикистан в Таджикистане", "ru")) == {"таджикистан"}
    assert analyze("Иран Ирана", "ru") == ["иран", "иран"]
    # other words stem as before: "суда" (of a court) is not a form of Судан
    assert analyze("суда судам", "ru") == ["суд", "суд"]
