"""The hybrid embedder (qa.embed.hybrid): a question scores a stored text with exactly its own
language's model's cosine, so English questions see the English model's figures unchanged."""

from __future__ import annotations

import numpy as np

from qa.embed.hybrid import HybridEmbedder


class Fake:
    """Unit vectors from a seeded projection of each text's characters: two instances with
    different seeds are two different "models"."""

    def __init__(self, seed: int, dim: int, max_chars: int = 1000):
        self.rng = np.random.default_rng(seed)
        self.proj = self.rng.normal(size=(0x500, dim)).astype(np.float32)
        self.dim, self.name, self.identity, self.max_chars = dim, f"fake{seed}", f"fake{seed}", max_chars
        self.roles: list[str] = []

    def encode(self, texts, role="passage", progress=None):
        self.roles.append(role)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t:
                out[i] += self.proj[min(ord(ch), 0x4FF)]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)
        if progress is not None:
            progress(len(texts))
        return out

    def fits(self, text):
        return len(text) <= self.max_chars


def test_each_question_gets_its_own_languages_cosine():
    en, multi = Fake(1, 8), Fake(2, 12)
    hybrid = HybridEmbedder(en, multi)
    assert hybrid.dim == 20 and hybrid.identity == "fake1+fake2"
    stored = ["The customs post opened in 2019.", "Пост открылся в 2019 году."]
    questions = ["When did the customs post open?", "Когда открылся пост?"]
    s = hybrid.encode(stored)
    q = hybrid.encode(questions, role="query")
    np.testing.assert_allclose(np.linalg.norm(s, axis=1), 1.0, atol=1e-6)  # stored texts: unit vectors
    np.testing.assert_allclose(q[0] @ s.T, (en.encode(questions[:1]) @ en.encode(stored).T)[0], atol=1e-5)
    np.testing.assert_allclose(q[1] @ s.T, (multi.encode(questions[1:]) @ multi.encode(stored).T)[0], atol=1e-5)
    assert "query" in en.roles and "query" in multi.roles  # each model told it embeds a question


def test_progress_runs_to_the_count_once_over_both_models_and_fits_needs_both():
    hybrid = HybridEmbedder(Fake(1, 4), Fake(2, 4, max_chars=10))
    seen: list[int] = []
    hybrid.encode([f"text {i}" for i in range(6)], progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 6
    assert hybrid.fits("short") and not hybrid.fits("longer than ten characters")
    assert hybrid.encode([]).shape == (0, 8)


class FakeSpans(Fake):
    def encode_spans(self, texts, spans, role="passage", progress=None):
        pooled = [self.encode([t[a:b] for a, b in ss]) if ss else np.zeros((0, self.dim), np.float32)
                  for t, ss in zip(texts, spans)]
        pooled[0][0] = 0.0  # as if no token covered the first span
        return self.encode(texts, role, progress), pooled


def test_pooled_sentence_vectors_keep_each_half_and_a_zero_row_stays_zero():
    from qa.embed.pooling import supports_spans

    assert not supports_spans(HybridEmbedder(Fake(1, 4), Fake(2, 4)))  # the English model cannot pool
    en, multi = FakeSpans(1, 4), Fake(2, 6)
    hybrid = HybridEmbedder(en, multi)
    assert supports_spans(hybrid)
    texts = ["One sentence. Two sentences.", "Третье предложение."]
    spans = [[(0, 13), (14, 28)], [(0, 19)]]
    vecs, pooled = hybrid.encode_spans(texts, spans)
    np.testing.assert_allclose(vecs, hybrid.encode(texts), atol=1e-6)
    assert not pooled[0][0].any()  # zero: encoded alone by the build
    np.testing.assert_allclose(pooled[0][1], hybrid.encode(["Two sentences."])[0], atol=1e-6)
    np.testing.assert_allclose(pooled[1][0], hybrid.encode(["Третье предложение."])[0], atol=1e-6)


def test_a_question_is_answered_with_the_weights_of_the_model_that_embedded_it():
    """The answer weights are keyed to the model whose cosines a question's vector carries: the
    English model's for an English question, the multilingual model's for a Russian one
    (qa.app.service.answer_identity), not the hybrid's own identity, which nobody fitted."""
    from qa.app.service import answer_identity

    en, multi = Fake(1, 8), Fake(2, 12)
    hybrid = HybridEmbedder(en, multi)
    assert answer_identity(hybrid, "When did the customs post open?") == "fake1"
    assert answer_identity(hybrid, "Когда открылся пост?") == "fake2"
    assert answer_identity(en, "Когда открылся пост?") == "fake1"  # one model: its own identity
