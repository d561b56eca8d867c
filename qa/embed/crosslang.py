"""Questions in another language over an English-only index, with default settings (issue 14).

An English-only corpus is indexed with the English model alone: a build at the speed of one
English pass (issue 18), and English questions exactly as before. A question in another language
(Russian) finds nothing through that model, so the first such question over a generation has the
multilingual model (multilingual-e5-small) embed the generation's chunks and sentences once
(``qa.store.companion``: written beside the generation's own files, atomically, re-used by every
later question and process and, for unchanged texts, by later generations). The question is then
answered as the hybrid index would answer it (``qa.embed.hybrid``): the multilingual model's
cosines for retrieval and sentences, and the answer weights fitted for it (qa/answer/fitted_e5.py).

``Settings.cross_language`` ($QA_CROSS_LANGUAGE) says when the companion is made:

* ``auto`` (default): on the first question that needs it, with a progress bar (CLI) or status
  (web app); English-only users never pay for it;
* ``index``: by ``qa index`` too, right after the English build is published (English questions
  are answered meanwhile), so no question ever waits;
* ``off``: never; such a question is answered through the English model, with a note saying why.

Not used for indexes that already read the question's language: a multilingual (e5) or hybrid
index, and ``QA_MULTILINGUAL=never`` (the user asked for the English model only).
"""

from __future__ import annotations

from dataclasses import dataclass

from qa.config import Settings

AUTO, INDEX, OFF = "auto", "index", "off"
MODES = (AUTO, INDEX, OFF)
PREPARING = "Preparing cross-language search, once"


@dataclass(frozen=True)
class Need:
    """Whether a question over an index needs the companion, and what to tell the user if not."""

    needed: bool
    language: str  # the question's detected language
    reason: str | None = None  # why not, when the question is not in English and it is not built


def mode(settings: Settings) -> str:
    value = (getattr(settings, "cross_language", AUTO) or AUTO).lower()
    if value not in MODES:
        from qa.embed import ModelError

        raise ModelError(f"unknown cross-language setting {value!r}: use {', '.join(MODES)} (QA_CROSS_LANGUAGE)")
    return value


def multilingual_index(settings: Settings, model: str | None) -> bool:
    """True if an index built with this model identity already reads other languages."""
    from qa.embed import choose

    return model in (choose.MULTILINGUAL_IDENTITY, choose.hybrid_identity(settings)) or bool(
        model and model.endswith("+" + choose.MULTILINGUAL_IDENTITY)
    )


def english_index(settings: Settings, model: str | None) -> bool:
    """True if an index built with this model identity was built with the English model these
    settings choose for an English-only corpus (any of its backends). An index built with another
    embedder a caller passed in (tests, benchmarks) may hold any language: it is left alone."""
    from qa.embed import choose

    return model in {choose.english_identity(settings, b) for b in ("auto", "torch", "onnx", "onnx-int8")}


def need(settings: Settings, index_model: str | None, question: str, given: bool = False) -> Need:
    """Does this question over an index built with `index_model` go through the companion?
    `given`: the caller supplied the multilingual embedder, so any index not built with a
    multilingual model qualifies (tests use small stand-ins for both models)."""
    from qa.lang import DEFAULT as ENGLISH, detect

    lang = detect(question, ENGLISH)
    if lang == ENGLISH or multilingual_index(settings, index_model):
        return Need(False, lang)
    if not (given or english_index(settings, index_model)):
        return Need(False, lang)
    if (settings.multilingual or "auto").lower() == "never":
        return Need(False, lang, "QA_MULTILINGUAL=never keeps the English model only")
    if mode(settings) == OFF:
        return Need(False, lang, "cross-language search is off (QA_CROSS_LANGUAGE=off)")
    return Need(True, lang)


def make_multilingual(settings: Settings):
    """The multilingual embedder the companion is made with and such questions are embedded by."""
    from qa.embed import choose, make_embedder

    return make_embedder("", settings.batch_size, choose.MULTILINGUAL_BACKEND)


def prepare(index, embedder, settings: Settings, progress=None, wait=None):
    """The view of `index` through its companion of `embedder`'s vectors, made now if missing
    (qa.store.companion.build_companion; progress(done, total) while embedding)."""
    from qa.store.companion import build_companion, open_companion

    found = open_companion(index, embedder.identity)
    if found is not None:
        return found
    return build_companion(
        index, embedder.identity, embedder.dim, lambda texts, done: _encode(embedder, texts, done),
        progress=progress, exact_search_max=settings.exact_search_max, wait=wait,
    )


# Texts per encoder call while making a companion, and so per progress step: the e5 engine's own
# call size. Smaller steps would report progress more often but cost more: 8 texts a call took 114 s
# wall / 64 s CPU for the bundled corpus's companion against 61 s / 41 s with 32 (same run, load ~5:
# `python benchmarks/companion_speed.py`), the engine's threads waiting at the end of every call.
STEP_TEXTS = 32


def _encode(embedder, texts: list[str], done=None):
    """embedder.encode(texts) in steps of STEP_TEXTS, longest first (a step's texts finish
    together), reporting done(n) after each step."""
    import numpy as np

    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    for s in range(0, len(order), STEP_TEXTS):
        part = order[s : s + STEP_TEXTS]
        out[part] = embedder.encode([texts[i] for i in part], role="passage")
        if done is not None:
            done(min(s + STEP_TEXTS, len(texts)))
    return out


def prepare_after_build(settings: Settings, progress=None, embedder=None) -> str | None:
    """With QA_CROSS_LANGUAGE=index: make the live generation's companion now (after `qa index`
    published it). Returns a line for the build report, or None when nothing was needed."""
    if mode(settings) != INDEX or (settings.multilingual or "auto").lower() == "never":
        return None
    from qa import store

    index = store.Index.open(settings.index_dir)
    try:
        model = index.manifest.get("model")
        if multilingual_index(settings, model) or not (embedder is not None or english_index(settings, model)):
            return None
        step = None if progress is None else (lambda done, total: progress(PREPARING, done, total))
        try:
            embedder = embedder or make_multilingual(settings)
            view = prepare(index, embedder, settings, step)
        except Exception as e:  # noqa: BLE001 - the English index is built and live: say so, not fail
            return (f"cross-language search not prepared ({type(e).__name__}: {e}); the first question in "
                    "another language will try again")
        return (f"cross-language search ready ({embedder.identity} vectors of "
                f"{view.manifest['counts']['chunks']} chunks)")
    finally:
        index.close()
