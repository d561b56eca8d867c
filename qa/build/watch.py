"""`qa index --watch`: keep the index up to date while the user edits documents.

The corpus folder is polled: once a second the (path, size, modification time) of every
supported file is listed, and when that listing changes and then stays unchanged for the
debounce period (2 s by default), an ordinary incremental build runs. Polling rather than
filesystem events (watchdog/inotify) because it needs no dependency, behaves the same on every
platform and on network, Docker and WSL mounts where change events are lost, and costs a few
milliseconds per second for thousands of files. The build itself compares contents by hash, so
a spurious wake-up (a file touched but not changed) costs a scan and publishes nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from qa.build.report import BuildError, BuildReport
from qa.build.run import run_build
from qa.config import Settings
from qa.embed import Embedder
from qa.ingest.files import iter_corpus_files, relative

Snapshot = dict[str, tuple[int, int]]


def snapshot(root: Path) -> Snapshot:
    """(size, mtime in ns) of every file an index run would read; hidden files are ignored."""
    root = Path(root)
    out: Snapshot = {}
    if not root.is_dir():
        return out
    for path in iter_corpus_files(root):
        try:
            st = path.stat()
        except OSError:  # deleted between listing and stat: the next poll sees it gone
            continue
        out[relative(path, root)] = (st.st_size, st.st_mtime_ns)
    return out


def watch(
    settings: Settings,
    embedder: Embedder,
    *,
    interval: float = 1.0,
    debounce: float = 2.0,
    wait: float = 60.0,
    rebuild: bool = False,
    on_report: Callable[[BuildReport], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    stop: threading.Event | None = None,
    route: bool = False,
) -> None:
    """Build once, then re-build whenever the corpus changes, until `stop` is set (or Ctrl-C).

    A change is acted on once the folder has been quiet for `debounce` seconds, so saving many
    files (or one file in several writes) gives one build. A build that cannot run (another
    `qa index` holds the lock for more than `wait` seconds, or the folder is empty) is reported
    to on_error and retried at the next change."""
    stop = stop or threading.Event()
    on_report = on_report or (lambda r: None)
    on_error = on_error or (lambda m: None)

    def run(force: bool) -> None:
        try:
            on_report(run_build(settings, embedder, rebuild=force, wait=wait, route=route))
        except BuildError as e:
            on_error(str(e))

    try:
        seen = snapshot(settings.corpus_dir)
        run(rebuild)
        changed_at: float | None = None
        while not stop.wait(interval):
            now = snapshot(settings.corpus_dir)
            if now != seen:
                seen, changed_at = now, time.monotonic()
            elif changed_at is not None and time.monotonic() - changed_at >= debounce:
                changed_at = None
                run(False)
    except KeyboardInterrupt:
        pass


def watch_command(settings: Settings, *, rebuild: bool = False, as_json: bool = False, wait: float = 60.0) -> None:
    """What `qa index --watch` runs: load the model once, print one summary (or JSON line) per build."""
    import json
    import sys

    from qa.embed import make_embedder

    embedder = make_embedder(settings.model, settings.batch_size, settings.backend)

    def report(r: BuildReport) -> None:
        if as_json:
            print(json.dumps(r.to_json()), flush=True)
        else:
            print(r.summary(), flush=True)

    def error(message: str) -> None:
        print(f"Error: {message}", file=sys.stderr, flush=True)

    if not as_json:
        print(f"watching {settings.corpus_dir} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    # route: the English model is only where watching starts; the corpus's languages choose
    watch(settings, embedder, rebuild=rebuild, wait=max(wait, 60.0), on_report=report, on_error=error, route=True)
