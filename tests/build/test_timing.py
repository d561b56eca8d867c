"""Stage timing for benchmarks/build_speed.py: exclusive times, per collect() block, any thread."""

from __future__ import annotations

import threading
import time

from qa import timing


def test_nested_stages_are_exclusive_and_threads_add_up():
    with timing.collect() as acc:
        with timing.stage("split"):
            with timing.stage("tokenise"):
                time.sleep(0.3)

        def work():
            with timing.stage("encode"):
                time.sleep(0.05)

        t = threading.Thread(target=work)
        t.start()
        t.join()
    assert acc["tokenise"] >= 0.3
    assert 0 <= acc["split"] < 0.15  # the tokenising inside it is not counted twice
    assert acc["encode"] >= 0.05
    with timing.stage("split"):  # outside collect(): nothing is recorded
        pass
    assert acc["split"] < 0.15 and {k for k in acc if not k.startswith("cpu:")} == {"split", "tokenise", "encode"}
    assert 0 <= acc["cpu:tokenise"] < 0.1  # asleep: no CPU
