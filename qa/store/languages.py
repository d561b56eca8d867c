"""The language of every stored chunk and sentence: detected once when the index is built, stored
as a column, read at question time.

Retrieval (``qa.retrieve._cross_language``: e5's language offset between English and Russian
passages) and the answer step (a sentence's span patterns are its own language's) need the language
of indexed text. It used to be detected from the text at question time, for every candidate of
every question (cached per generation); text does not change after it is indexed, so its language
is a property of the index.

On disk (``FORMAT_VERSION`` 3): ``chunk_lang.npy`` and ``sentence_lang.npy`` in the generation,
one uint8 per row (row order of the chunks and sentences tables, memory-mapped like the vectors),
each a position in the manifest's ``"languages"`` list of codes (``["en", "ru"]``). A generation of
format 2 has neither: it still opens and answers, and its languages are detected as before, once
per text and generation (``Index.chunk_languages``); the next ``qa index`` writes them, carrying
every document and vector forward.

What is detected: a chunk's stored text (``text[start:end]``, what ``ChunkRow.text`` holds) and a
sentence's search text (what ``SentenceRow.text`` holds), by ``qa.lang.detect``, the same calls the
question-time code made, so a stored language equals what was detected before."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

LANG_DTYPE = np.uint8  # up to 256 languages; one byte a row (1 MB at a million chunks)
CHUNK_FILE = "chunk_lang.npy"
SENTENCE_FILE = "sentence_lang.npy"
CHUNK_DEFAULT = "en"  # what retrieval has always assumed for text without letters


def detect_chunk(text: str) -> str:
    from qa.lang import detect

    return detect(text, CHUNK_DEFAULT)


def detect_sentence(text: str) -> str:
    from qa.lang import detect

    return detect(text)


def of_document(
    text: str, search_text: str, sentences: Iterable[tuple[int, int]], chunks: Iterable[tuple[int, int]]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(each chunk's language, each sentence's language) of one document, given the (start, end)
    of its chunks in `text` and of its sentences in `search_text`. What both build engines call
    (and the writer, for a record carried forward from a format-2 generation)."""
    return (
        tuple(detect_chunk(text[a:b]) for a, b in chunks),
        tuple(detect_sentence(search_text[a:b]) for a, b in sentences),
    )


class Codes:
    """Language code <-> the byte stored for it, numbered in order of first appearance."""

    def __init__(self, codes: Iterable[str] = ()):
        self.codes: list[str] = list(codes)
        self._number = {c: i for i, c in enumerate(self.codes)}

    def encode(self, langs: Sequence[str]) -> bytes:
        out = bytearray(len(langs))
        for i, code in enumerate(langs):
            n = self._number.get(code)
            if n is None:
                if len(self.codes) > np.iinfo(LANG_DTYPE).max:
                    raise ValueError("more than 256 languages in one index")
                n = self._number[code] = len(self.codes)
                self.codes.append(code)
            out[i] = n
        return bytes(out)

    def decode(self, numbers: np.ndarray) -> list[str]:
        table = self.codes
        return [table[int(n)] for n in numbers]
