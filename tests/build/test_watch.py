"""`qa index --watch`: the index follows the corpus folder while the user edits documents."""

from __future__ import annotations

import os
import threading
import time

import pytest

from qa.build import writer_lock
from qa.app.service import QAService
from qa.build.watch import snapshot, watch


def wait_for(condition, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def corpus(tmp_path):
    c = tmp_path / "docs"
    c.mkdir()
    (c / "orchard.txt").write_text("Orchard\n\nThe Wenlow orchard grows forty varieties of pear.\n")
    return c


@pytest.fixture
def watcher(corpus, settings_for, hash_embedder):
    """Runs watch() in a thread with a fast poll; yields (settings, reports, errors)."""
    settings = settings_for(corpus)
    reports, errors, stop = [], [], threading.Event()
    thread = threading.Thread(
        target=watch,
        args=(settings, hash_embedder),
        kwargs=dict(interval=0.05, debounce=0.3, wait=0.1, on_report=reports.append,
                    on_error=errors.append, stop=stop),
    )
    thread.start()
    wait_for(lambda: reports)  # the first build brings the index up to date at start
    yield settings, reports, errors
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()


def test_snapshot_sees_what_an_index_run_reads(corpus):
    (corpus / ".draft.txt").write_text("hidden")
    (corpus / "slides.odp").write_bytes(b"PK\x03\x04")  # a type no reader takes
    (corpus / "sub").mkdir()
    (corpus / "sub" / "notes.md").write_text("# Notes\n\nSome notes.\n")
    snap = snapshot(corpus)
    assert sorted(snap) == ["orchard.txt", "sub/notes.md"]
    before = snap["orchard.txt"]
    (corpus / "orchard.txt").write_text("Orchard\n\nChanged.\n")
    os.utime(corpus / "orchard.txt", ns=(before[1] + 10**9, before[1] + 10**9))
    assert snapshot(corpus)["orchard.txt"] != before


def test_a_burst_of_saves_gives_one_update_once_the_folder_is_quiet(watcher, corpus, hash_embedder):
    settings, reports, errors = watcher
    assert reports[0].full_rebuild
    for i in range(3):  # an editor saving a file in several writes
        (corpus / "bridge.txt").write_text(f"Bridge\n\nThe Alder bridge reopened in March, draft {i}.\n")
        time.sleep(0.1)
    wait_for(lambda: len(reports) == 2)
    time.sleep(0.6)
    assert len(reports) == 2, "one build for the whole burst"
    assert reports[1].added == ["bridge.txt"] and errors == []
    top = QAService(settings, hash_embedder).ask("When did the Alder bridge reopen?").passages[0]
    assert top.chunk.doc == "bridge.txt" and "draft 2" in top.chunk.text


def test_a_deleted_file_is_dropped_from_the_index(watcher, corpus, hash_embedder):
    settings, reports, _ = watcher
    (corpus / "bridge.txt").write_text("Bridge\n\nThe Alder bridge reopened in March.\n")
    wait_for(lambda: len(reports) == 2)
    (corpus / "bridge.txt").unlink()
    wait_for(lambda: len(reports) == 3)
    assert reports[2].removed == ["bridge.txt"]
    docs = [d["doc"] for d in QAService(settings, hash_embedder).index().documents()]
    assert docs == ["orchard.txt"]


def test_a_failed_update_is_reported_and_the_next_change_is_picked_up(watcher, corpus):
    settings, reports, errors = watcher
    held, release = threading.Event(), threading.Event()

    def other_indexer():
        with writer_lock(settings.index_dir):
            held.set()
            release.wait(10)

    other = threading.Thread(target=other_indexer)
    other.start()
    held.wait()
    (corpus / "bridge.txt").write_text("Bridge\n\nThe Alder bridge reopened in March.\n")
    wait_for(lambda: errors)
    assert "another `qa index`" in errors[0]
    release.set()
    other.join()
    (corpus / "ferry.txt").write_text("Ferry\n\nThe ferry leaves at noon.\n")
    wait_for(lambda: len(reports) == 2)
    assert sorted(reports[1].added) == ["bridge.txt", "ferry.txt"]
