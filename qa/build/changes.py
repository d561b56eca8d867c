"""Which indexed files were edited since they were indexed, decided the way a build decides it.

A build (``qa.build.incremental``) calls a corpus file *changed* when the index holds a document of
that path whose content key (the sha256 of its bytes and its reader kind: ``qa.ingest.content_key``)
is not the file's key now (``stored_keys``). Never by time stamp: a file saved again with the same
bytes is unchanged. Knowing it costs a read and a hash of every file, which a build pays anyway.
The web app's corpus panel asks far more often (on opening the page, on every filter change), so
``EditedFiles`` keeps each file's key with the size and modification time it was read at and reads
a file again only when one of those moved: a file touched but not edited is read once more, found
equal and not listed, as the build will call it unchanged.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

from qa.ingest.document import DocumentError
from qa.ingest.files import content_key, read_bytes
from qa.ingest.readers import kind_of

Key = tuple[str, str]  # (sha256, reader kind)


def stored_keys(documents: Iterable[dict]) -> dict[str, Key]:
    """Stored path -> content key, from ``Index.documents()`` (a stored kind is its path's)."""
    return {d["doc"]: (d["sha256"], kind_of(d["doc"])) for d in documents}


class EditedFiles:
    """``edited(root, stored)``: the stored paths whose files under root hold other content now, sorted
    (what the next build reports as "changed"). A file that is gone or unreadable is not listed: a
    build would not call it changed but removed or skipped."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._known: dict[Path, tuple[tuple[int, int], Key | None]] = {}  # file -> ((size, mtime ns), its key)
        self._lock = threading.Lock()  # the panel is drawn for several browser sessions at once

    def __call__(self, root: Path, stored: dict[str, Key]) -> list[str]:
        root = Path(root)
        with self._lock:
            return sorted(p for p, key in stored.items() if self._key(root / p, p) not in (key, None))

    def _key(self, path: Path, name: str) -> Key | None:
        """The file's content key now; read only when its size or modification time moved since."""
        try:
            st = path.stat()
        except OSError:
            return None
        stamp = (st.st_size, st.st_mtime_ns)
        known = self._known.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        try:
            key = content_key(name, read_bytes(path, self.max_bytes))
        except DocumentError:
            key = None
        self._known[path] = (stamp, key)
        return key
