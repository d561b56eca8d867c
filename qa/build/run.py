"""The one way to start an index build: the CLI, ``qa index --watch``, the web app's re-index
button, ``qa serve`` / ``app.py`` on an empty index and ``QAService.build`` all call ``run_build``."""

from __future__ import annotations

import sys

from qa.build.incremental import build_index
from qa.build.report import EMBEDDING_TEXTS, BuildError, BuildProgress, BuildReport, phase_unit
from qa.config import Settings
from qa.embed import Embedder, choose, make_embedder, names


def run_build(
    settings: Settings,
    embedder: Embedder | None = None,
    *,
    rebuild: bool = False,
    wait: float = 0,
    progress: BuildProgress | None = None,
    engine=None,
    route: bool = False,
    multilingual: Embedder | None = None,
    purge: bool = False,
) -> BuildReport:
    """Bring settings.index_dir up to date with settings.corpus_dir (loading the model if no
    embedder is given). Raises BuildError, ModelError or IndexProblem with a one-line reason.

    settings.engine "ray" parses, chunks and embeds new files on Ray (qa.build.ray_engine); the
    index it writes is the same. `engine` overrides the setting (tests pass a configured one).
    `route`: the caller chose `embedder` itself (not the user), so the corpus's languages may
    replace it (qa.embed.choose). With QA_CROSS_LANGUAGE=index, an English-only index also gets
    its multilingual vectors once the build is published (qa.embed.crosslang; `multilingual`:
    the model to make them with, default multilingual-e5-small). `purge`: delete every older
    generation once the index is up to date (``qa index --purge``: qa.build.build_index)."""
    choice = None
    if route or choose.routed(embedder, settings):  # the English or the multilingual model, by the corpus
        choice = choose.choose(settings, progress)
        # a build engine's workers make their embedder from settings: the chosen one
        settings = settings.with_(model=choice.model, backend=choice.backend)
        if embedder is None or embedder.identity != choice.identity:
            embedder = make_embedder(choice.model, settings.batch_size, choice.backend)
    own = engine is None and settings.engine != "local"
    if own:
        engine = make_engine(settings)
    try:
        report = build_index(settings, embedder, rebuild=rebuild, progress=progress, wait=wait, engine=engine,
                             purge=purge)
        report.model = embedder.identity
        report.model_name = names.readable(embedder.identity, settings.model)
        report.model_reason = choice.reason if choice is not None else None
        from qa.embed import crosslang

        # after publishing: English questions are answered meanwhile, and a failure here leaves the
        # new generation live (the first question in another language tries again)
        report.cross_language = crosslang.prepare_after_build(settings, progress, multilingual)
        return report
    finally:
        if own:
            engine.close()  # a local Ray instance stops with the build: no idle processes left


def make_engine(settings: Settings):
    """The build engine settings.engine names ("local" is None: this process)."""
    name = (settings.engine or "local").lower()
    if name == "local":
        return None
    if name == "ray":
        from qa.build.ray_engine import RayEngine, RayOptions

        return RayEngine(RayOptions(address=settings.ray_address, workers=settings.ray_workers))
    raise BuildError(f"unknown build engine {settings.engine!r}: use local or ray")


# A bar appears only once its phase has run this long: a small corpus indexes without any.
QUIET_SECONDS = 1.0


def console_progress() -> BuildProgress | None:
    """Progress bars on stderr, one per phase (reading the corpus, a long PDF's pages, embedding
    files, a long document's texts), when stderr is a terminal (else None). Reading bars and a
    document's texts bar vanish when done; the embedding bar stays."""
    if not sys.stderr.isatty():
        return None
    bars: dict = {}

    def show(phase: str, done: int, total: int) -> None:
        if not total:
            return
        bar = bars.get(phase)
        if bar is None:
            from tqdm.auto import tqdm

            # tqdm shows the rate and the time left; the local and Ray builds count files
            transient = phase.startswith(("Reading ", EMBEDDING_TEXTS))
            named = transient or phase.startswith("Preparing ")  # QA_CROSS_LANGUAGE=index: after the build
            bar = bars[phase] = tqdm(total=total, desc=phase if named else "Embedding", unit=phase_unit(phase),
                                     leave=not transient, delay=QUIET_SECONDS)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()
            del bars[phase]

    return show
