"""How a reader holds vectors: sentence vectors read a few rows at a time, and the FAISS index
searched single-threaded for a few queries at a time."""

from __future__ import annotations

import mmap
import os
from pathlib import Path

import numpy as np

class RowFile:
    """A 2-D .npy file whose rows a question reads a few at a time (the sentence vectors).

    ``rows[[i, j, ...]]`` and ``rows[i]`` read those rows with ``os.pread`` (one read per run of
    consecutive ids) into a new array: nothing stays resident in the process. Through a memory
    map, every first touch of a page maps up to 64 KB of neighbouring pages that happen to be
    in the page cache (kernel fault-around, which MADV_RANDOM does not stop), so the resident
    size of a long-running server grew towards the whole file (513 MB at a million passages).
    Slices (``rows[a:b]``, carrying a document forward while building) and whole-array use
    (``np.asarray(rows)``, ``rows @ v``) go through a memory map of the same file.
    The dtype is the file's (float16 since 2026-11-22, float32 before)."""

    def __init__(self, path: Path):
        self.array = _random_access(np.load(path, mmap_mode="r", allow_pickle=False))
        if self.array.ndim != 2 or not self.array.flags.c_contiguous:
            raise ValueError(f"{path.name} is not a 2-D C-ordered array")
        self.shape = self.array.shape
        self.dtype = self.array.dtype
        self.ndim = 2
        self._offset = int(self.array.offset)
        self._row_bytes = self.shape[1] * self.dtype.itemsize
        # its own descriptor: keeps working after the folder is deleted; closed when collected
        self._file = open(path, "rb", buffering=0) if hasattr(os, "pread") else None

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key):
        if self._file is None or isinstance(key, (slice, tuple)):
            return self.array[key]
        if isinstance(key, (int, np.integer)):
            return self._read(np.array([key], dtype=np.int64))[0]
        if isinstance(key, list) and key and all(type(i) is int for i in key):
            # the common case, one passage's sentences: consecutive ids, one read, no numpy set-up
            first = key[0]
            if 0 <= first and first + len(key) <= self.shape[0] and key == list(range(first, first + len(key))):
                return self._run(first, len(key)).copy()
        ids = np.asarray(key)
        if ids.ndim != 1 or not (ids.dtype.kind in "iu" or ids.size == 0):
            return self.array[key]
        return self._read(ids.astype(np.int64))

    def _read(self, ids: np.ndarray) -> np.ndarray:
        n = self.shape[0]
        if ids.size and (ids.min() < -n or ids.max() >= n):
            raise IndexError(f"row index out of range for {n} rows")
        ids = np.where(ids < 0, ids + n, ids)
        out = np.empty((len(ids), self.shape[1]), dtype=self.dtype)
        if not len(ids):
            return out
        order = np.argsort(ids, kind="stable")
        sorted_ids = ids[order]
        # runs of consecutive (or repeated) ids: one read each
        breaks = np.flatnonzero(np.diff(sorted_ids) > 1) + 1
        for run in np.split(np.arange(len(ids)), breaks):
            first, last = int(sorted_ids[run[0]]), int(sorted_ids[run[-1]])
            out[order[run]] = self._run(first, last - first + 1)[sorted_ids[run] - first]
        return out

    def _run(self, first: int, n: int) -> np.ndarray:
        """Rows first .. first + n - 1 (checked by the caller), read-only."""
        size = n * self._row_bytes
        buf = os.pread(self._file.fileno(), size, self._offset + first * self._row_bytes)
        if len(buf) != size:
            raise OSError(f"short read of {size} bytes at row {first}")
        return np.frombuffer(buf, dtype=self.dtype).reshape(n, self.shape[1])

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.array, dtype=dtype)

    def __matmul__(self, other):
        return np.asarray(self.array) @ other


def _random_access(arr: np.ndarray) -> np.ndarray:
    """Tell the kernel a memory-mapped array is read a few rows at a time (a question reads ~20
    sentence vectors of 1.5 KB), so a cold read does not pull in a large readahead window."""
    mm = getattr(arr, "_mmap", None)
    if mm is not None and hasattr(mm, "madvise") and hasattr(mmap, "MADV_RANDOM"):
        try:
            mm.madvise(mmap.MADV_RANDOM)
        except OSError:
            pass
    return arr


_ALL_THREADS: int | None = None


class DenseIndex:
    """The FAISS index, searched single-threaded for a few queries at a time.

    One question's search is a few milliseconds of work; spreading it over OpenMP threads on a
    small, shared machine costs more in thread wake-ups and spinning than it saves (measured on
    2 busy cores: 100k flat search 60 ms with 2 threads, 10 ms with 1). Everything else
    (ntotal, d, reconstruct, nprobe, ...) is the FAISS index's own."""

    SINGLE_THREAD_BELOW = 16  # queries per search

    def __init__(self, index):
        object.__setattr__(self, "_index", index)

    def search(self, x: np.ndarray, k: int, mask=None):
        """FAISS search; with a mask (one bool per vector, or a qa.store.masks.PreparedMask), only
        vectors it allows can be returned, filtered inside FAISS before the top k are taken (an
        IDSelectorBitmap)."""
        import faiss

        params = None
        if mask is not None:
            bits = getattr(mask, "bits", None)
            if bits is None:
                bits = np.packbits(np.asarray(mask, dtype=bool), bitorder="little")
            selector = faiss.IDSelectorBitmap(getattr(mask, "n", None) or len(mask), faiss.swig_ptr(bits))
            if hasattr(self._index, "nprobe"):  # SearchParametersIVF's own nprobe defaults to 1
                params = faiss.SearchParametersIVF(sel=selector, nprobe=self._index.nprobe)
            else:
                params = faiss.SearchParameters(sel=selector)
            params._keep = (bits, selector)  # the C++ side holds raw pointers into these
        if len(x) >= self.SINGLE_THREAD_BELOW:
            return self._index.search(x, k, params=params)
        global _ALL_THREADS
        if _ALL_THREADS is None:  # restore to this, not to "before" (see qa.embed.base.few_threads)
            _ALL_THREADS = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)
        try:
            return self._index.search(x, k, params=params)
        finally:
            faiss.omp_set_num_threads(_ALL_THREADS)

    def __getattr__(self, name):
        return getattr(self._index, name)

    def __setattr__(self, name, value):
        setattr(self._index, name, value)

