"""The one way to start an index build: the CLI, ``qa index --watch``, the web app's re-index
button, ``qa serve`` / ``app.py`` on an empty index and ``QAService.build`` all call ``run_build``."""

from __future__ import annotations

import sys

from qa.build.incremental import build_index
from qa.build.report import BuildProgress, BuildReport
from qa.config import Settings
from qa.embed import Embedder, make_embedder


def run_build(
    settings: Settings,
    embedder: Embedder | None = None,
    *,
    rebuild: bool = False,
    wait: float = 0,
    progress: BuildProgress | None = None,
) -> BuildReport:
    """Bring settings.index_dir up to date with settings.corpus_dir (loading the model if no
    embedder is given). Raises BuildError, ModelError or IndexProblem with a one-line reason."""
    if embedder is None:
        embedder = make_embedder(settings.model, settings.batch_size, settings.backend)
    return build_index(settings, embedder, rebuild=rebuild, progress=progress, wait=wait)


def console_progress() -> BuildProgress | None:
    """A progress bar on stderr while embedding, when stderr is a terminal (else None)."""
    if not sys.stderr.isatty():
        return None
    bar = None

    def show(phase: str, done: int, total: int) -> None:
        nonlocal bar
        if not total:
            return
        if bar is None:
            from tqdm.auto import tqdm

            bar = tqdm(total=total, desc="Embedding", unit="text")
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return show
