"""What a document needs embedded, and embedding it: shared by the local build and the Ray engine,
so both give the same keys and the same vectors.

Two ways to get sentence vectors (``Settings.sentence_vectors``):

* "separate": every sentence is encoded on its own (a second forward pass over the corpus);
  its key is its text's content key, so the same sentence text always has the same vector.
* "pooled": every sentence's vector is pooled from the token outputs of the first chunk that
  holds it (``qa.embed.pooling``): no second pass. The vector then depends on that chunk, so
  its key is made from the chunk's key and the sentence's place in it: an unchanged chunk keeps
  its sentences' vectors across incremental builds, exactly as it keeps its own.

"pooled" needs an embedder with token outputs (``supports_spans``); with any other embedder the
build uses "separate" and records that in the manifest (``sentence_mode``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from qa import timing
from qa.embed import Embedder, Progress
from qa.embed.pooling import supports_spans
from qa.ingest.chunking import Chunk, Sentence, content_key

POOLED = "pooled"
SEPARATE = "separate"


def sentence_mode(setting: str, embedder: Embedder) -> str:
    """The mode a build with this setting and embedder actually uses (recorded in the manifest)."""
    return POOLED if (setting or SEPARATE).lower() == POOLED and supports_spans(embedder) else SEPARATE


@dataclass(frozen=True)
class Job:
    """One text to run through the model: its own vector goes under `key`, and each (key, start,
    end) of `spans` gets the vector pooled over text[start:end] from the same pass."""

    key: str
    text: str
    spans: tuple[tuple[str, int, int], ...] = ()

    def keys(self) -> list[str]:
        return [self.key, *(k for k, _, _ in self.spans)]


def plan(sentences: Sequence[Sentence], chunks: Sequence[Chunk], mode: str) -> tuple[list[str], list[Job]]:
    """(each sentence's vector key, the jobs that give every chunk and sentence vector)."""
    if mode != POOLED:
        keys = [s.key for s in sentences]
        jobs = [Job(c.key, c.text) for c in chunks] + [Job(s.key, s.text) for s in sentences]
        return keys, jobs
    keys: list[str | None] = [None] * len(sentences)
    jobs = []
    for c in chunks:
        spans = []
        for i in range(c.first_sentence, c.first_sentence + c.n_sentences):
            if keys[i] is None:  # the first chunk holding a sentence pools it
                s = sentences[i]
                a, b = s.start - c.start, s.end - c.start
                keys[i] = content_key(f"pooled:{c.key}:{a}:{b}")
                spans.append((keys[i], a, b))
        jobs.append(Job(c.key, c.text, tuple(spans)))
    missing = [i for i, k in enumerate(keys) if k is None]  # every sentence is in a chunk; if not,
    for i in missing:  # it is encoded alone, under its text's key
        keys[i] = sentences[i].key
        jobs.append(Job(sentences[i].key, sentences[i].text))
    return keys, jobs  # type: ignore[return-value]


def languages(doc, sentences: Sequence[Sentence], chunks: Sequence[Chunk]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(each chunk's language, each sentence's language) of a parsed document, as the index stores
    them (qa.store.languages): detected where it is parsed, by the local build and the Ray workers alike."""
    from qa.store.languages import of_document

    return of_document(doc.text, doc.search_text, [(s.start, s.end) for s in sentences],
                       [(c.start, c.end) for c in chunks])


def needed(jobs: Iterable[Job], known: Callable[[str], bool]) -> list[Job]:
    """The jobs with a key no stored vector has, each text once; a job whose own vector is stored
    keeps only its unknown spans (it is run again for them: rare, e.g. after a crash)."""
    out: dict[str, Job] = {}
    for j in jobs:
        if j.key in out:
            continue
        spans = tuple(s for s in j.spans if not known(s[0]))
        if spans or not known(j.key):
            out[j.key] = Job(j.key, j.text, spans)
    return list(out.values())


def embed(embedder: Embedder, jobs: Sequence[Job], progress: Progress | None = None) -> dict[str, np.ndarray]:
    """key -> vector for every key of the jobs: one pass over the jobs' texts (spans pooled from it
    when the embedder can; a span no token covers is encoded on its own afterwards)."""
    if not jobs:
        return {}
    texts = [j.text for j in jobs]
    out: dict[str, np.ndarray] = {}
    if any(j.spans for j in jobs) and supports_spans(embedder):
        vecs, pooled = embedder.encode_spans(texts, [[(a, b) for _, a, b in j.spans] for j in jobs], "passage",
                                             progress)
        alone: list[tuple[str, str]] = []
        for j, rows in zip(jobs, pooled):
            for (key, a, b), row in zip(j.spans, rows):
                if np.any(row):
                    out[key] = row
                else:
                    alone.append((key, j.text[a:b]))
        if alone:
            extra = embedder.encode([t for _, t in alone], role="passage")
            out.update((k, extra[i]) for i, (k, _) in enumerate(alone))
    else:
        spans = [(k, j.text[a:b]) for j in jobs for k, a, b in j.spans]  # no token outputs: a second pass
        vecs = embedder.encode(texts + [t for _, t in spans], role="passage", progress=progress)
        out.update((k, vecs[len(texts) + i]) for i, (k, _) in enumerate(spans))
    out.update((j.key, vecs[i]) for i, j in enumerate(jobs))
    return out


def timed_embed(embedder: Embedder, jobs: Sequence[Job], progress: Progress | None = None) -> dict[str, np.ndarray]:
    with timing.stage("pool + glue"):
        return embed(embedder, jobs, progress)
