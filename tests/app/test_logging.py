"""The server's output: our own events, library warnings, and none of the libraries' debug chatter."""

from __future__ import annotations

import logging

import pytest


@pytest.fixture
def restore_root():
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    yield
    root.handlers[:], root.level = saved[0], saved[1]


def test_bm25s_debug_lines_stay_out_of_the_server_output(restore_root, capsys):
    from qa.app.web import configure_logging

    configure_logging()
    noisy = logging.getLogger("bm25s")
    noisy.setLevel(logging.DEBUG)  # what `import bm25s` does to its own logger
    noisy.debug("Building index from tokens")
    noisy.info("Loaded index")
    noisy.warning("something a user should see")
    logging.getLogger("qa.web").info("re-index finished")
    err = capsys.readouterr().err
    assert "Building index from tokens" not in err and "Loaded index" not in err
    assert "WARNING bm25s: something a user should see" in err
    assert "INFO qa.web: re-index finished" in err
