"""Sentence features for Russian questions and for the multilingual (e5) fit (issue 14): e5's
uncentred cosine, names matched across Russian case endings, and the answer types of Russian
questions over Russian sentences. Invented text; a hash embedder except where e5's vectors are
the point (their geometry is made up here too)."""

from __future__ import annotations

import numpy as np
import pytest

from qa.answer import WEIGHTS, sentence_features
from qa.answer.evidence import uncounted
from qa.answer.features import UNCENTRED, add_uncentred, uncentred
from qa.answer.needs import needs
from qa.answer.pick import ranked_candidates
from qa.answer.types import typed_match, unit_match
from qa.answer.weights import E5_IDENTITY, fitted_for
from qa.app.service import QAService
from qa.embed.e5_center import MEAN
from qa.lang import analyze
from qa.retrieve import retrieve

RU_NEWS = """Итоги сезона

Команда Северных Волков провела сезон в Каменске. Защита команды была лучшей в лиге.
Её лидером был Ярослав Кедров, капитан команды. Он сделал 136 перехватов за карьеру.
Тренер Ольга Лесная пришла в команду в 2012 году.
"""


def centred(u: np.ndarray) -> np.ndarray:
    """What qa.embed.e5_small stores for e5's unit vector u."""
    c = u - np.asarray(MEAN)
    return c / np.linalg.norm(c)


def e5_like(rng, n: int) -> np.ndarray:
    """Unit vectors near e5's mean direction, as e5's are (cosines 0.7-0.9)."""
    m = np.asarray(MEAN)
    v = m + 0.35 * rng.standard_normal((n, len(m))) / np.sqrt(len(m))
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_uncentred_vectors_are_recovered_from_the_centred_ones_the_index_stores():
    u = e5_like(np.random.default_rng(0), 5)
    c = np.array([centred(x) for x in u])
    assert np.allclose(uncentred(c), u, atol=1e-6)
    # a hybrid index stores [MiniLM, e5] / sqrt 2 and a hybrid question carries e5 * sqrt 2:
    # only e5's part is read, whatever its scale
    hybrid = np.hstack([np.ones((5, 384)) / np.sqrt(384), c]) / np.sqrt(2)
    assert np.allclose(uncentred(hybrid), u, atol=1e-6)
    assert np.allclose(uncentred(np.r_[np.zeros(384), c[0] * np.sqrt(2)]), u[0], atol=1e-6)


def test_the_uncentred_cosine_is_the_cosine_of_e5s_own_vectors():
    rng = np.random.default_rng(1)
    u = e5_like(rng, 4)
    q = e5_like(rng, 1)[0]
    stored = np.array([centred(x) for x in u], np.float16)  # sentence vectors are stored in float16
    feats = [(type("Row", (), {"id": i, "lang": None})(), None, {}) for i in range(4)]
    add_uncentred(centred(q), feats, stored)
    raw = [f["dense_raw"] for _, _, f in feats]
    assert np.allclose(raw, u @ q, atol=2e-3)
    assert max(f["dense_raw_rel"] for _, _, f in feats) == 0.0
    assert all(np.isclose(f["dense_raw_rel"], f["dense_raw"] - max(raw)) for _, _, f in feats)


def test_a_reply_reads_the_better_of_its_own_and_its_questions_uncentred_cosine():
    # an interview's "— Мефедрон." says what it answers only through the question above it (non_answers.reply_heading)
    rng = np.random.default_rng(3)
    u = e5_like(rng, 4)
    q = e5_like(rng, 1)[0]
    stored = np.array([centred(x) for x in u], np.float16)
    feats = [(type("Row", (), {"id": i, "lang": None})(), None, {}) for i in range(3)]
    add_uncentred(centred(q), feats, stored, replies={1: 3})  # sentence 1 replies to question 3
    raw = [f["dense_raw"] for _, _, f in feats]
    assert u[3] @ q > u[1] @ q + 0.004  # the question is nearer the asked than its reply's own words
    assert np.isclose(raw[1], u[3] @ q, atol=2e-3)
    assert np.allclose([raw[0], raw[2]], [u[0] @ q, u[2] @ q], atol=2e-3)


def test_a_sentence_in_the_other_language_is_read_without_e5s_uncentred_language_offset():
    """e5 puts each language's own vectors around its own mean: among English and Russian candidates, an English
    question's uncentred cosine with a Russian sentence was lower for its language alone. It is read without that
    offset (RU_MINUS_EN_RAW, as the centred cosine is read without RU_MINUS_EN); the order within a language, and
    a pool in one language, are as before."""
    from qa.embed.e5_language import RU_MINUS_EN_RAW

    rng = np.random.default_rng(2)
    u = e5_like(rng, 4)
    stored = np.array([centred(x) for x in u], np.float16)
    m = np.asarray(MEAN)
    d = np.asarray(RU_MINUS_EN_RAW)
    q = m - 2.0 * d  # an English-like question: on the English side of the offset
    q /= np.linalg.norm(q)
    share = float(d @ q)
    assert share < -0.1

    def read(langs):
        feats = [(type("Row", (), {"id": i, "lang": lang})(), None, {}) for i, lang in enumerate(langs)]
        add_uncentred(centred(q), feats, stored)
        return [f["dense_raw"] for _, _, f in feats]

    alone = read(["en"] * 4)
    assert np.allclose(alone, u @ q, atol=2e-3)
    assert read(["ru"] * 4) == alone  # one language: nothing to take off
    mixed = read(["en", "en", "ru", "ru"])
    assert mixed[:2] == alone[:2]  # the question's own language as it was
    assert np.allclose(np.array(mixed[2:]) - np.array(alone[2:]), -share, atol=1e-4)  # the other raised by the offset


def test_only_the_e5_fit_reads_the_uncentred_cosine():
    """The refit of qa/answer/fitted_e5.py weighs it; MiniLM's weights do not name it, so an
    English index never computes it."""
    assert set(UNCENTRED) <= set(fitted_for(E5_IDENTITY).sentence)
    assert not set(UNCENTRED) & set(fitted_for("model").sentence)
    assert not set(UNCENTRED) & set(WEIGHTS)


@pytest.fixture
def ru_service(tmp_path, settings_for, hash_embedder):
    corpus = tmp_path / "ru"
    corpus.mkdir()
    (corpus / "season.txt").write_text(RU_NEWS, encoding="utf-8")
    service = QAService(settings_for(corpus), embedder=hash_embedder)
    service.build()
    return service


def features_of(service, question: str) -> dict[str, dict[str, float]]:
    index = service.index()
    qvec = service.embedder.encode([question], role="query")[0]
    terms = analyze(question)
    passages = retrieve(index, qvec, terms, 5)
    return {row.text: f for row, _, f in sentence_features(question, qvec, terms, passages, index)}


def test_a_name_in_another_case_still_names_the_same_person(ru_service):
    # "Ярослава Кедрова" (genitive) is the "Ярослав Кедров" of the text
    feats = features_of(ru_service, "Сколько перехватов было у Ярослава Кедрова?")
    named = next(f for t, f in feats.items() if t.startswith("Её лидером"))
    other = next(f for t, f in feats.items() if t.startswith("Тренер"))
    assert named["names"] == 1.0
    assert other["names"] == 0.0


def test_english_names_are_matched_as_before():
    # no Cyrillic anywhere: the words as written, so "Kenya's" is not "Kenya"
    from qa.answer.features import _NAME_OR_NUMBER, _name_keys

    assert _name_keys(_NAME_OR_NUMBER.findall("did Kenya win in 2019")) == {"kenya", "2019"}


def test_the_noun_a_russian_how_many_question_counts_is_the_one_after_the_question_word():
    assert needs("Сколько перехватов сделала защита Волков?").units == frozenset(analyze("перехватов"))
    # an adjective before it agrees with it and is not the noun
    assert needs("Сколько квадратных километров занимает бассейн?").units == frozenset(analyze("километров"))
    assert needs("Сколько было лет капитану?").units == frozenset(analyze("лет"))
    # a verb before it is not the noun either ("сколько *погибло* людей")
    assert needs("Сколько погибло людей при шторме?").units == frozenset(analyze("людей"))
    assert needs("Сколько насчитывалось паромов в порту?").units == frozenset(analyze("паромов"))
    # "сколько времени" asks for a duration, as "how much time" does: no noun is counted
    assert needs("Сколько было времени на часах?").units == frozenset()
    # nor a short passive participle ("сколько было *изъято* патронов")
    assert needs("Сколько было изъято патронов?").units == frozenset(analyze("патронов"))
    assert needs("Сколько всего задержано человек?").units == frozenset(analyze("человек"))


def test_by_how_much_in_russian_counts_no_noun_and_is_answered_by_a_share():
    # "на сколько сократилась площадь" asks by how much the area shrank: "площадь" is what changed, not a count,
    # so "на 95 процентов" answers it, and the count rule does not refuse it
    n = needs("На сколько сократилась площадь посевов мака?")
    assert n.units == frozenset()
    assert unit_match("Площадь посевов мака сократилась на 95 процентов.", n) == 1.0
    passage = set(analyze("Площадь посевов мака сократилась на 95 процентов."))
    assert uncounted("На сколько сократилась площадь посевов мака?", [1.0], passage) == 0.0
    # "на сколько процентов" names its unit straight after
    assert needs("На сколько процентов сократилась площадь?").units == frozenset(analyze("процентов"))


def test_how_much_of_a_mass_in_russian_is_answered_by_a_quantity_in_any_unit():
    # "сколько героина" (a genitive singular) asks how much heroin, as English "how much" does: "1 050 кг" answers
    n = needs("Сколько героина изъяли в Таджикистане?")
    assert n.units == frozenset()
    assert unit_match("Наибольший объём изъятий героина пришёлся на Таджикистан: 1 050 кг.", n) == 1.0
    assert unit_match("Таджикистан провёл три операции против героина.", n) == 0.0
    # a count's noun is in the genitive plural, and counted
    assert needs("Сколько стран приняли участие?").units == frozenset(analyze("стран"))


def test_a_russian_question_about_a_price_counts_no_noun():
    # "сколько стоит" asks for money as "how much does it cost" does: "стоит" is no counted noun ("сто", a
    # hundred, as it stems), so the count rule cannot refuse the price the documents give
    for question in ("Сколько стоит входной билет?", "Сколько стоил ремонт маяка?", "Сколько стоят билеты?",
                     "Сколько денег выделили на ремонт?"):
        n = needs(question)
        assert n.money and n.units == frozenset(), question
    passage = set(analyze("Входной билет в музей стоит 350 рублей."))
    assert uncounted("Сколько стоит входной билет?", [0.0], passage) == 0.0
    # a count is still a count
    assert needs("Сколько столов стоит в зале?").units == frozenset(analyze("столов"))


def test_drugs_and_vehicles_are_no_funds():
    # "средства" are funds alone or as "денежных средств", but "наркотических средств" are drugs: a question about
    # them must not be refused with "None of the best passages states an amount of money."
    assert needs("Сколько средств выделено на проект?").money
    assert needs("Сколько денежных средств выделил Евросоюз?").money
    assert not needs("Сколько наркотических средств изъято в Кыргызской Республике?").money
    assert not needs("Сколько транспортных средств задержано на границе?").money


def test_a_russian_count_of_the_asked_noun_matches_and_a_count_of_something_else_does_not():
    n = needs("Сколько перехватов сделал Кедров?")
    assert unit_match("Он сделал 136 перехватов за карьеру.", n) == 1.0
    assert unit_match("Он сделал четыре перехвата в финале.", n) == 1.0  # a number written as a word
    assert unit_match("За сезон он сделал шестьдесят перехватов.", n) == 1.0  # in any of them
    assert unit_match("Из двухсот перехватов лиги его были лучшими.", n) == 1.0  # and in any case
    assert unit_match("Тренер пришла в команду в 2012 году.", n) == 0.0
    # a year-like number counts the noun right after it, as an English plural after it does ("2000 guests")
    assert unit_match("За карьеру он сделал 1388 перехватов.", n) == 1.0
    assert unit_match("В 2012 году перехваты стали его сильной стороной.", n) == 0.0
    n = needs("Насколько выросли продажи?")  # how much, no noun: a quantity with a unit
    assert unit_match("Продажи выросли на 12 процентов.", n) == 1.0
    assert unit_match("Продажи выросли за 3 года.", n) == 0.0


def test_a_russian_sentence_is_read_with_russian_patterns_for_the_asked_kind():
    q = "Кто был лидером защиты?"
    assert typed_match("Её лидером был Ярослав Кедров, капитан команды.", q, needs(q)) == 1.0
    assert typed_match("Защита команды была лучшей в лиге.", q, needs(q)) == 0.0
    q = "Когда тренер пришла в команду?"
    assert typed_match("Тренер пришла в команду в 2012 году.", q, needs(q)) == 1.0
    # an English question over a Russian sentence: the sentence's language decides the patterns
    q = "When did the coach join the team?"
    assert typed_match("Тренер пришла в команду в 2012 году.", q, needs(q)) == 1.0


def test_ranked_candidates_add_the_uncentred_cosine_only_when_the_weights_name_it(ru_service):
    index = ru_service.index()
    q = "Кто был лидером защиты?"
    qvec = ru_service.embedder.encode([q], role="query")[0]
    terms = analyze(q)
    passages = retrieve(index, qvec, terms, 5)
    plain = ranked_candidates(q, qvec, terms, passages, index, fitted_for("hash-64").sentence)
    assert plain and not any("dense_raw" in c.features for c in plain)


def test_a_sentence_in_the_other_language_than_the_questions_is_marked_for_the_fit_and_only_it():
    """The word-counting features are 0 for a sentence in the other language whatever it says, so a fit on mixed
    pools needs to know which sentences they could not count: "other" is 1 for a sentence in another language than
    the question's and "other_dense" its uncentred cosine's distance to the best; within the question's language
    both are 0, and in a pool of one language "other" is the same for every sentence (it cannot reorder it)."""
    from qa.answer.features import add_across

    def read(question, langs):
        feats = [(type("Row", (), {"id": i, "lang": lang})(), None, {"dense_raw_rel": -0.1 * i})
                 for i, lang in enumerate(langs)]
        add_across(question, feats)
        return [(f["other"], f["other_dense"]) for _, _, f in feats]

    assert read("Who built the customs post?", ["en", "ru", None]) == [(0.0, 0.0), (1.0, -0.1), (0.0, 0.0)]
    assert read("Кто построил таможенный пост?", ["en", "ru"]) == [(1.0, 0.0), (0.0, 0.0)]
    assert {o for o, _ in read("Who built the customs post?", ["ru", "ru", "ru"])} == {1.0}
