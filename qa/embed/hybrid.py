"""Two models in one vector: the English model for English questions, the multilingual model for
the others, over the same index (what an English-only corpus is indexed with, qa.embed.choose).

A stored text's vector is [english(text), multilingual(text)] / sqrt(2). A question's vector is
the half of its own language's model, times sqrt(2), and zeros in the other half, so its inner
product with a stored vector is *exactly* that model's cosine: an English question scores what
it scored with the English model alone (same figures, same answer weights), and a Russian
question over English text gets the multilingual model's cross-language cosine. Nothing
downstream (store, retrieval, answer features) needs to know: they take inner products.
Questions are therefore not unit vectors; stored texts are.
"""

from __future__ import annotations

import math

import numpy as np

from qa.embed.base import Embedder, Progress, Role

_SCALE = math.sqrt(2.0)
ENGLISH = "en"


class HybridEmbedder:
    def __init__(self, english: Embedder, multilingual: Embedder):
        self.english = english
        self.multilingual = multilingual
        self.name = f"{english.name}+{multilingual.name}"
        self.dim = english.dim + multilingual.dim

    @property
    def identity(self) -> str:
        return f"{self.english.identity}+{self.multilingual.identity}"

    def answer_identity(self, question: str) -> str:
        """The identity whose cosines this question's vector carries (see encode), so whose fitted
        answer weights apply to it (qa.answer.weights.fitted_for): the English model's for an
        English question, the multilingual model's for any other."""
        from qa.lang import detect

        return self.english.identity if detect(question) == ENGLISH else self.multilingual.identity

    def encode(self, texts: list[str], role: Role = "passage", progress: Progress | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        d = self.english.dim
        if role == "query":
            from qa.lang import detect

            english = np.array([detect(t) == ENGLISH for t in texts])
            for mask, model, cols in ((english, self.english, slice(0, d)),
                                      (~english, self.multilingual, slice(d, None))):
                if mask.any():
                    rows = np.flatnonzero(mask)
                    out[rows, cols] = model.encode([texts[i] for i in rows], role="query") * _SCALE
            if progress is not None:
                progress(len(texts))
            return out
        n = len(texts)
        # progress over both passes: the English model's texts count once, then the other's
        first = None if progress is None else (lambda done: progress(done // 2))
        second = None if progress is None else (lambda done: progress((n + done) // 2))
        out[:, :d] = self.english.encode(texts, role="passage", progress=first)
        out[:, d:] = self.multilingual.encode(texts, role="passage", progress=second)
        out /= _SCALE
        return out

    @property
    def token_outputs(self) -> bool:
        """Sentence vectors pooled from the chunk's pass (qa.embed.pooling) when the English
        model can: its half is pooled, the multilingual half is encoded per sentence."""
        from qa.embed.pooling import supports_spans

        return supports_spans(self.english)

    def encode_spans(self, texts: list[str], spans, role: Role = "passage", progress: Progress | None = None):
        n = len(texts)
        first = None if progress is None else (lambda done: progress(done // 2))
        second = None if progress is None else (lambda done: progress((n + done) // 2))
        vecs_en, pooled_en = self.english.encode_spans(texts, spans, role, first)
        flat = [t[a:b] for t, ss in zip(texts, spans) for a, b in ss]
        both = self.multilingual.encode(list(texts) + flat, role=role, progress=second)
        d = self.english.dim
        vecs = np.zeros((n, self.dim), dtype=np.float32)
        vecs[:, :d], vecs[:, d:] = vecs_en, both[:n]
        vecs /= _SCALE
        pooled, at = [], n
        for rows in pooled_en:
            out = np.zeros((len(rows), self.dim), dtype=np.float32)
            out[:, :d], out[:, d:] = rows, both[at : at + len(rows)]
            out[~rows.any(axis=1)] = 0.0  # no token covered: the build encodes that span alone
            pooled.append(out / _SCALE)
            at += len(rows)
        return vecs, pooled

    def fits(self, text: str) -> bool:
        return self.english.fits(text) and self.multilingual.fits(text)

    def use_threads(self, threads: int) -> None:
        for model in (self.english, self.multilingual):
            if hasattr(model, "use_threads"):
                model.use_threads(threads)
