"""Store: the on-disk index, as immutable generations (FAISS + BM25 + SQLite metadata + manifest).

Owns writing a generation (``writer``), publishing, rolling back, purging and cleaning up generations
under one writer lock (``generations``), reading one (``reader.Index``: ``search(query_vector,
terms, n, mask)`` and row look-ups), the lexical index (``lexical``), how vectors are held
(``vectors``), the language of each stored chunk and sentence (``languages``: detected at build
time, read at question time) and the stored row shapes (``rows``). Nothing outside this package touches FAISS,
bm25s or SQLite: retrieval goes through ``Index.search``, builds through ``write_generation``
and ``publish``. A retrieval filter is a boolean mask over chunk rows passed to ``search``.
"""

from qa.store.generations import (
    Rollback, cleanup, current_generation, now_iso, previous_generation, publish, purge, rollback, writer_lock,
)  # fmt: skip
from qa.store.reader import Index
from qa.store.rows import (
    FORMAT_CHANGE, FORMAT_VERSION, READABLE_FORMATS, ChunkRow, DocRecord, Hits, IndexProblem, ItemInfo, SentenceRow,
)  # fmt: skip
from qa.store.writer import write_generation

__all__ = [
    "FORMAT_CHANGE", "FORMAT_VERSION", "READABLE_FORMATS", "ChunkRow", "DocRecord", "Hits", "Index", "IndexProblem",
    "ItemInfo", "SentenceRow",
    "Rollback", "cleanup", "current_generation", "now_iso", "previous_generation", "publish", "purge", "rollback",
    "write_generation", "writer_lock",
]  # fmt: skip
