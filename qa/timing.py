"""Wall time per build stage (parse, split, chunk, tokenise, encode, SQLite, BM25, FAISS, ...),
summed over a build, for benchmarks/build_speed.py.

A stage is timed where its work is done (``with timing.stage("encode"): ...``); ``collect()``
gathers what the stages inside it took. Times are exclusive: a stage opened inside another
(tokenising inside sentence splitting) is taken out of the outer one. Stages run on several
threads at once (the build overlaps parsing and writing with encoding), so the sum of the stages
can exceed the wall time.
"""

from __future__ import annotations

import contextlib
import threading
import time

_lock = threading.Lock()
_active: list[dict[str, float]] = []  # the open collect() blocks
_open = threading.local()  # this thread's open stages, innermost last
# key prefix of a stage's CPU seconds on its own thread (time.thread_time): the work a stage does
# in native threads it starts (ONNX Runtime's, a tokenizer's) is not in it
CPU = "cpu:"


@contextlib.contextmanager
def stage(name: str):
    """Add this block's wall time to `name` in every open collect()."""
    if not _active:  # nobody is collecting: no cost beyond this check
        yield
        return
    stack = _open.__dict__.setdefault("stack", [])
    parent = stack[-1] if stack else None
    stack.append(name)
    t0, c0 = time.perf_counter(), time.thread_time()
    try:
        yield
    finally:
        dt, dc = time.perf_counter() - t0, time.thread_time() - c0
        stack.pop()
        with _lock:
            for acc in _active:
                for key, d in ((name, dt), (CPU + name, dc)):
                    acc[key] = acc.get(key, 0.0) + d
                if parent is not None:
                    acc[parent] = acc.get(parent, 0.0) - dt
                    acc[CPU + parent] = acc.get(CPU + parent, 0.0) - dc


@contextlib.contextmanager
def collect():
    """Yield a dict that fills with stage -> wall seconds (and "cpu:" + stage -> the CPU seconds of
    the thread that ran it) while the block runs."""
    acc: dict[str, float] = {}
    with _lock:
        _active.append(acc)
    try:
        yield acc
    finally:
        with _lock:
            _active.remove(acc)
