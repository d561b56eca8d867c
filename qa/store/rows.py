"""What a generation stores, row by row, and the one error a reader raises."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.contracts import ChunkRow, ItemInfo

__all__ = ["ChunkRow", "DocRecord", "Hits", "IndexProblem", "ItemInfo", "SentenceRow"]

FORMAT_VERSION = 4  # 4: British and American spellings of a word are one term of the lexical index (qa.lang.spelling)
# 3: the language of every chunk and sentence (qa.store.languages)
# 2: page starts per document, a page per item (PDF)
# Older formats a reader still opens and a build still carries forward (their missing columns are
# filled: a format-2 generation's languages are detected once, as before format 3).
READABLE_FORMATS = (2, 3, 4)
# the last change, in words
FORMAT_CHANGE = "British and American spellings of a word are one term of the lexical index"
# How vectors are stored. Sentence vectors are read ~20 rows per question, only to be dotted with
# the question (qa.answer): float16 halves the file and the pages a question touches, and moves a
# cosine by < 1e-3 (numpy computes float16 @ float32 in float32). Chunk vectors (vectors.npy) are
# read only when building (incremental carry-forward, the FAISS index) and stay float32 so the
# exact index of a small corpus is built from the encoder's own vectors. Readers take the dtype
# from the .npy header: an index written with float32 sentence vectors opens as before.
SENTENCE_DTYPE = np.float16
CHUNK_DTYPE = np.float32


class IndexProblem(Exception):
    """The index is missing, incompatible or damaged; the message names the fix."""




@dataclass(frozen=True)
class SentenceRow:
    id: int
    doc: str
    item: int
    start: int
    end: int
    text: str
    lang: str | None = None  # stored at index time (format 3); None in an older generation


@dataclass
class DocRecord:
    """Everything a generation stores about one file, ready to write (or copy forward)."""

    path: str
    sha256: str
    text: str
    items: list[ItemInfo]
    sentences: list[tuple[int, int, int, str]]  # item, start, end, key
    chunks: list[tuple[int, int, int, int, int, int, str]]  # item, start, end, first, n, tokens, key
    sentence_vectors: np.ndarray
    chunk_vectors: np.ndarray
    pages: tuple[int, ...] | None = None  # start offset of each page (PDF); None: unpaged
    # the language of each chunk and each sentence (qa.store.languages); None: the writer detects them
    chunk_langs: tuple[str, ...] | None = None
    sentence_langs: tuple[str, ...] | None = None

    @property
    def search_text(self) -> str:
        """What sentence rows and BM25 hold: for PDFs, hyphenation at line ends joined (same length)."""
        if self.pages is None:
            return self.text
        from qa.ingest.pages import search_text

        return search_text(self.text)



@dataclass(frozen=True)
class Hits:
    """Candidates of one ``Index.search``: chunk ids with their dense cosine and raw BM25 score."""

    ids: np.ndarray
    dense: np.ndarray
    bm25: np.ndarray
