"""Build: corpus folder -> a new, published index generation, incrementally.

Owns deciding what changed by content hash and carrying unchanged documents forward
(``incremental``), what a build reports (``report``), the one entry point every caller uses
(``run.run_build``) and the folder watcher behind ``qa index --watch`` (``watch``). It reads
files through ``qa.ingest``, embeds through ``qa.embed`` and writes through ``qa.store``.
"""

from qa.build.incremental import build_index
from qa.build.report import BuildError, BuildProgress, BuildReport
from qa.build.run import console_progress, run_build
from qa.store import writer_lock

__all__ = ["BuildError", "BuildProgress", "BuildReport", "build_index", "console_progress", "run_build", "writer_lock"]
