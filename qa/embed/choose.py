"""Which embedding model a corpus is indexed with, chosen by the languages of its items.

* English-only corpus: the English model alone (all-MiniLM-L6-v2, ``Settings.model``); the first
  question in another language adds the multilingual model's vectors of the same text, once per
  index generation, beside it (qa.embed.crosslang, ``QA_CROSS_LANGUAGE``). With
  ``QA_MULTILINGUAL=hybrid`` the hybrid instead (qa.embed.hybrid): stored texts carry both the
  English model's vector and the multilingual model's; an English question is scored by the
  English model alone (the same cosines, figures and answer weights), a question in another
  language by the multilingual model (Russian questions over English text). Not the default: it
  costs about 4x the build and 2x the vector space on every English corpus, while the answer model
  (fitted on English questions) still says "not found" to most cross-language questions.
* A corpus with any non-English item: the multilingual model alone (multilingual-e5-small), for
  every question: Russian text is retrieved from Russian and English questions alike.

Why not one model for all: the multilingual model is slower (about 3.5x MiniLM per passage here)
and the answer model's weights are fitted to MiniLM's cosines; why not MiniLM alone: it does not
read Russian. Measured in docs/languages.md ("The embedding model").

The choice is made before each build from the languages of the corpus's items (qa.lang.detect),
kept per file content in ``<index>/languages.json`` so an unchanged file is not parsed twice;
the manifest records the model, and questions are embedded by the model the live index was built
with (``model_for_index``). ``Settings.multilingual`` ("auto", "always", "never";
$QA_MULTILINGUAL) overrides the choice. A build given another embedder (tests, benchmarks, a
plain English-model embedder) keeps it: only the models chosen here are swapped.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from qa.config import Settings
from qa.embed import Embedder

# The multilingual model: backend name in qa.embed.BACKENDS, and the identity it records.
MULTILINGUAL_BACKEND = "e5-small"
MULTILINGUAL_IDENTITY = "multilingual-e5-small-q4-c1"  # qa.embed.e5_small.IDENTITY
HYBRID_BACKEND = "hybrid"  # English model (backend auto) + the multilingual model: qa.embed.hybrid
ENGLISH = "en"
LANGUAGES_FILE = "languages.json"
_SAMPLE_CHARS = 20_000  # of an item: enough to tell its language, cheap for a book-length item


@dataclass(frozen=True)
class Choice:
    model: str  # what make_embedder gets
    backend: str
    identity: str
    reason: str  # one line for `qa index`: which model and why
    languages: dict[str, int]  # items per language code in the corpus


def english_identity(settings: Settings, backend: str | None = None) -> str:
    """The identity the English model records, without loading it (qa.embed.torch_encoder)."""
    model = settings.model
    base = os.path.basename(os.path.normpath(model)) if os.path.isdir(model) else model
    backend = settings.backend if backend is None else backend
    return f"{base}+onnx-int8-pc" if (backend or "").lower() == "onnx-int8" else base


def hybrid_identity(settings: Settings) -> str:
    return f"{english_identity(settings, 'auto')}+{MULTILINGUAL_IDENTITY}"


def _mode(settings: Settings) -> str:
    return (getattr(settings, "multilingual", "auto") or "auto").lower()


def routed(embedder: Embedder | None, settings: Settings) -> bool:
    """True if a build may swap this embedder for the one the corpus needs: none given, or one
    of the models only chosen here. An explicitly given English model (tests and benchmarks pass
    one) is kept; a service that chose it itself says so to run_build (``route=True``)."""
    return embedder is None or embedder.identity in (MULTILINGUAL_IDENTITY, hybrid_identity(settings))


def decide(languages: dict[str, int], mode: str, settings: Settings) -> Choice:
    """The model for a corpus with these item counts per language, under Settings.multilingual."""
    mode = (mode or "auto").lower()
    other = {code: n for code, n in languages.items() if code != ENGLISH and n}
    counts = ", ".join(f"{n} {code}" for code, n in sorted(languages.items(), key=lambda x: (-x[1], x[0])))
    langs = dict(languages)
    multi = ("", MULTILINGUAL_BACKEND, MULTILINGUAL_IDENTITY)
    if mode == "always":
        return Choice(*multi, "multilingual model: QA_MULTILINGUAL=always", langs)
    if mode == "never":
        return Choice(settings.model, settings.backend, english_identity(settings),
                      "English model only: QA_MULTILINGUAL=never", langs)
    if mode not in ("auto", "hybrid"):
        from qa.embed import ModelError

        raise ModelError(f"unknown multilingual setting {mode!r}: use auto, hybrid, always or never")
    if other:
        return Choice(*multi, f"multilingual model for every question: the corpus has non-English items ({counts})",
                      langs)
    if mode == "hybrid":
        return Choice(settings.model, HYBRID_BACKEND, hybrid_identity(settings),
                      "English model for English questions, multilingual model for others: every item is in "
                      f"English ({counts or 'no items'}), QA_MULTILINGUAL=hybrid",
                      langs)
    return Choice(settings.model, settings.backend, english_identity(settings),
                  f"English model: every item is in English ({counts or 'no items'}); a question in another language "
                  "first adds the multilingual model's vectors, once (QA_CROSS_LANGUAGE)",
                  langs)


def choose(settings: Settings, progress=None) -> Choice:
    """The model settings.corpus_dir needs now (parses only files whose languages are not known;
    progress(phase, done, total) as the build's scan reports it)."""
    mode = _mode(settings)
    if mode == "never":  # nothing to read
        return decide({}, mode, settings)
    return decide(corpus_languages(settings, progress), mode, settings)


def model_for_index(settings: Settings, identity: str | None) -> tuple[str, str]:
    """(model, backend) for make_embedder: the embedder that answers questions over an index built
    with model `identity`; with no index yet, the one a build would start from."""
    mode = _mode(settings)
    if mode != "never" and (identity == MULTILINGUAL_IDENTITY or (identity is None and mode == "always")):
        return "", MULTILINGUAL_BACKEND
    if mode != "never" and (identity == hybrid_identity(settings) or (identity is None and mode == "hybrid")):
        return settings.model, HYBRID_BACKEND
    return settings.model, settings.backend


def index_model(index_dir: Path) -> str | None:
    """The model identity the live generation of index_dir records (None: no readable index)."""
    from qa import store

    gen = store.current_generation(index_dir)
    if gen is None:
        return None
    try:
        return json.loads((Path(gen) / "manifest.json").read_text(encoding="utf-8")).get("model")
    except (OSError, ValueError, AttributeError):
        return None


# ----------------------------------------------------------------------------- languages
def item_languages(doc) -> list[str]:
    """The language code of each item of a parsed document (qa.lang.detect)."""
    from qa.lang import detect

    text = doc.text
    return ([detect(text[it.start : min(it.end, it.start + _SAMPLE_CHARS)]) for it in doc.items]
            or [detect(text[:_SAMPLE_CHARS])])


def corpus_languages(settings: Settings, progress=None) -> dict[str, int]:
    """Items per language code over the corpus. Files are read and hashed; only those whose
    content has no entry in <index>/languages.json are parsed (through the extraction cache)."""
    from qa.ingest import DocumentError, scan
    from qa.ingest.extract_cache import EXTRACT_CACHE_DIR, ExtractCache

    path = Path(settings.index_dir) / LANGUAGES_FILE
    known = _load(path)
    cache = ExtractCache(Path(settings.index_dir) / EXTRACT_CACHE_DIR)
    try:
        entries, _ = scan(settings.corpus_dir, settings.max_file_bytes,
                          {tuple(k.split(":", 1)) for k in known}, parse=True, cache=cache,
                          progress=progress, max_chars=settings.max_text_chars)
    except DocumentError:
        return {}  # the build says what is wrong with the corpus folder
    counts: Counter[str] = Counter()
    seen: dict[str, list[str]] = {}
    for e in entries:
        key = f"{e.sha256}:{e.kind}"
        langs = known.get(key) if e.doc is None else item_languages(e.doc)
        if langs is None:  # listed as known but not in the file: cannot happen; be safe
            continue
        seen[key] = langs
        counts.update(langs)
    if seen != known:
        _save(path, seen)
    return dict(counts)


def _load(path: Path) -> dict[str, list[str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {k: list(v) for k, v in data.items() if isinstance(v, list)}
    except (OSError, ValueError, AttributeError):
        return {}


def _save(path: Path, data: dict[str, list[str]]) -> None:
    """Atomically: a build stopped half-way leaves the old file or the new one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".languages-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, sort_keys=True)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache: the next build detects again
