"""The language of every chunk and sentence is stored when the index is built (store format 3,
qa.store.languages) and read at question time: a mixed English / Russian corpus stores "en" and
"ru" per chunk and sentence, carrying a document forward keeps its languages without detecting
them again, retrieval and sentence scoring no longer run the detector, and an index written by the
previous format still opens and answers and is rewritten by the next `qa index` with every vector
reused. Invented documents, the hashing test embedder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import HARBOUR, HashEmbedder

import qa.lang.detection
from qa import store
from qa.answer.features import sentence_features
from qa.answer.pick import ranked_candidates
from qa.answer.weights import fitted_for
from qa.app.service import QAService
from qa.build import build_index
from qa.embed.e5_small import IDENTITY as E5
from qa.lang import analyze
from qa.retrieve import retrieve
from qa.store import languages

# Invented documents: two English, one Russian, one page holding an English and a Russian story.
CUSTOMS = (
    "Таможенные новости\n\n"
    "Сотрудники таможни изъяли 420 килограммов гашиша на границе в понедельник. "
    "Груз был спрятан под арбузами в грузовике.\n\n"
    "Водитель задержан, возбуждено уголовное дело.\n"
)
BILINGUAL = (
    "# Border bulletin\n\n"
    "## Ferry inspections resume\n\n"
    "Inspectors at Skarn wharf resumed checks of every ferry on 3 March. They found nothing unusual.\n\n"
    "## Проверки на переправе\n\n"
    "Инспекторы проверили все паромы на переправе в марте. Нарушений не выявлено.\n"
)
BEES = "Apiary\n\nThe Hollin apiary keeps sixty hives of black bees. Honey is sold at the gate on Fridays.\n"


class E5Hash(HashEmbedder):
    """The hashing embedder under e5's identity: retrieval then applies e5's language offset
    (qa.retrieve._cross_language), which needs every candidate's language."""

    name = identity = E5
    dim = 384  # e5-small's: the offset is a vector of its space


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def mixed(tmp_path, settings_for):
    corpus = tmp_path / "docs"
    write(corpus, {"harbour.txt": HARBOUR, "customs.txt": CUSTOMS, "bulletin.md": BILINGUAL})
    return settings_for(corpus)


def chunk_langs(index: store.Index) -> dict[str, list[str]]:
    """doc -> its chunks' stored languages, in order."""
    rows = index.chunks(list(range(index.size)))
    out: dict[str, list[str]] = {}
    for row, lang in zip(rows, index.chunk_languages([r.id for r in rows])):
        out.setdefault(row.doc, []).append(lang)
    return out


def sentence_langs(index: store.Index) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in index.sentences(0, index.manifest["counts"]["sentences"]):
        out.setdefault(row.doc, []).append(row.lang)
    return out


def downgrade(gen: Path) -> None:
    """Make a generation look as the previous store format wrote it: no language columns."""
    for name in (languages.CHUNK_FILE, languages.SENTENCE_FILE):
        (gen / name).unlink()
    m = json.loads((gen / "manifest.json").read_text())
    m["format"] = 2
    del m["languages"]
    (gen / "manifest.json").write_text(json.dumps(m))


class Detector:
    """qa.lang.detection.detect, watched: records every text it is asked about and, when told,
    raises for any text but the allowed ones (the question's own language is detected on purpose)."""

    def __init__(self, monkeypatch, allowed: tuple[str, ...] | None = None):
        self.real = qa.lang.detection.detect
        self.allowed = allowed
        self.seen: list[str] = []
        monkeypatch.setattr(qa.lang.detection, "detect", self)

    def __call__(self, text, default=None):
        self.seen.append(text)
        if self.allowed is not None and text not in self.allowed:
            raise AssertionError(f"language detected at question time: {text[:60]!r}")
        return self.real(text, default)


def test_a_mixed_corpus_stores_english_and_russian_per_chunk_and_sentence(mixed):
    build_index(mixed, HashEmbedder())
    index = store.Index.open(mixed.index_dir)
    try:
        assert index.manifest["format"] == store.FORMAT_VERSION >= 3
        chunks = chunk_langs(index)
        assert set(chunks["harbour.txt"]) == {"en"} and set(chunks["customs.txt"]) == {"ru"}
        # one page, two stories: each chunk has its own story's language (chunks never cross items)
        assert set(chunks["bulletin.md"]) == {"en", "ru"}
        by_text = {r.text: lang for r, lang in zip(index.chunks(list(range(index.size))),
                                                    index.chunk_languages(list(range(index.size))))}
        assert all(lang == ("ru" if "Инспекторы" in t else "en") for t, lang in by_text.items()
                   if "паром" in t or "ferry" in t)
        sents = sentence_langs(index)
        assert set(sents["customs.txt"]) == {"ru"} and set(sents["harbour.txt"]) == {"en"}
        rows = index.sentences(0, index.manifest["counts"]["sentences"])
        assert [r.lang for r in rows] == [qa.lang.detect(r.text) for r in rows]  # what question time detected
        # on disk: one byte per row, memory-mapped like the vectors
        column = np.load(index.folder / languages.CHUNK_FILE, mmap_mode="r")
        assert column.dtype == np.uint8 and column.shape == (index.size,)
        assert set(index.manifest["languages"]) == {"en", "ru"}
        assert index.languages() == {"en", "ru"}  # what a "not found" asks before naming a missing word
    finally:
        index.close()


def test_carried_forward_documents_keep_their_languages_without_detecting_again(mixed, monkeypatch):
    build_index(mixed, HashEmbedder())
    before = store.Index.open(mixed.index_dir)
    old_chunks, old_sents = chunk_langs(before), sentence_langs(before)
    carried_texts = {r.text for r in before.chunks(list(range(before.size)))}
    before.close()
    watch = Detector(monkeypatch)
    write(mixed.corpus_dir, {"bees.txt": BEES})
    (mixed.corpus_dir / "customs.txt").rename(mixed.corpus_dir / "tamozhnya.txt")
    report = build_index(mixed, HashEmbedder())
    assert report.added == ["bees.txt"] and report.renamed == [["customs.txt", "tamozhnya.txt"]]
    # only the new file's texts were looked at
    assert watch.seen and not (set(watch.seen) & carried_texts)
    after = store.Index.open(mixed.index_dir)
    try:
        new_chunks, new_sents = chunk_langs(after), sentence_langs(after)
        old_chunks["tamozhnya.txt"] = old_chunks.pop("customs.txt")
        old_sents["tamozhnya.txt"] = old_sents.pop("customs.txt")
        assert {k: v for k, v in new_chunks.items() if k != "bees.txt"} == old_chunks
        assert {k: v for k, v in new_sents.items() if k != "bees.txt"} == old_sents
        assert set(new_chunks["bees.txt"]) == {"en"}
    finally:
        after.close()


def test_retrieval_and_sentence_scoring_read_stored_languages_and_never_run_the_detector(mixed, monkeypatch):
    build_index(mixed, E5Hash())
    question = "How many kilograms of hashish were seized under the watermelons?"
    qvec = E5Hash().encode([question], role="query")[0]
    terms = analyze(question)
    index = store.Index.open(mixed.index_dir)
    try:
        assert set(index.chunk_languages(list(range(index.size)))) == {"en", "ru"}  # the offset applies
        Detector(monkeypatch, allowed=(question,))
        passages = retrieve(index, qvec, terms, k=index.size)
        assert {p.chunk.doc for p in passages} == {"harbour.txt", "customs.txt", "bulletin.md"}
        feats = sentence_features(question, qvec, terms, passages, index)  # asks for a number: typed spans
        assert feats and {row.lang for row, _, _ in feats} == {"en", "ru"}
        # the whole sentence scoring of the answer step (answer-type features included), as e5 answers are scored
        fitted = fitted_for(E5)
        ranked = ranked_candidates(question, qvec, terms, passages, index, fitted.sentence, fitted.typed_neighbour)
        assert {c.sentence.lang for c in ranked} == {"en", "ru"}
    finally:
        index.close()


def test_an_index_of_the_previous_format_opens_answers_and_is_rewritten_with_its_vectors(mixed, monkeypatch):
    build_index(mixed, E5Hash())
    fresh = store.Index.open(mixed.index_dir)
    want_chunks, want_sents = chunk_langs(fresh), sentence_langs(fresh)
    fresh.close()
    gen = store.current_generation(mixed.index_dir)
    downgrade(gen)

    old = store.Index.open(mixed.index_dir)  # opens, and detects once what it lacks, as before format 3
    try:
        assert chunk_langs(old) == want_chunks
        assert old.languages() == {"en", "ru"}
        assert {r.lang for r in old.sentences(0, 5)} == {None}  # the answer step detects, as before
        watch = Detector(monkeypatch)
        question = "How many kilograms of hashish were seized?"
        retrieve(old, E5Hash().encode([question], role="query")[0], analyze(question), k=3)
        assert not watch.seen  # detected once per generation: already known from above
    finally:
        old.close()
    monkeypatch.undo()
    result = QAService(mixed, embedder=E5Hash()).ask("Who is the lighthouse keeper of Port Ellery?")
    assert result.passages and result.passages[0].doc == "harbour.txt"

    # the next `qa index` writes the current format although no file changed, re-embedding nothing
    report = build_index(mixed, E5Hash())
    assert not report.up_to_date and not report.full_rebuild
    assert f"index format 2 -> {store.FORMAT_VERSION}: {store.FORMAT_CHANGE}" in report.summary()
    assert report.chunks_embedded == report.sentences_embedded == 0 and report.chunks_reused == report.chunks
    assert store.current_generation(mixed.index_dir) != gen
    new = store.Index.open(mixed.index_dir)
    try:
        assert new.manifest["format"] == store.FORMAT_VERSION
        assert chunk_langs(new) == want_chunks and sentence_langs(new) == want_sents
    finally:
        new.close()
    assert build_index(mixed, E5Hash()).up_to_date  # and then it is up to date


def test_a_missing_language_column_is_damage_named_in_one_line_and_a_build_repairs_it(mixed):
    build_index(mixed, HashEmbedder())
    gen = store.current_generation(mixed.index_dir)
    (gen / languages.SENTENCE_FILE).unlink()
    with pytest.raises(store.IndexProblem) as e:
        store.Index.open(mixed.index_dir)
    assert "\n" not in str(e.value) and "qa index --rebuild" in str(e.value)
    report = build_index(mixed, HashEmbedder())
    assert report.full_rebuild and "damaged" in report.rebuild_reason
    assert set(chunk_langs(store.Index.open(mixed.index_dir))["customs.txt"]) == {"ru"}


def test_a_format_the_reader_does_not_know_is_rebuilt(mixed):
    build_index(mixed, HashEmbedder())
    gen = store.current_generation(mixed.index_dir)
    m = json.loads((gen / "manifest.json").read_text())
    m["format"] = 1
    (gen / "manifest.json").write_text(json.dumps(m))
    report = build_index(mixed, HashEmbedder())
    assert report.full_rebuild and f"index format changed (1 -> {store.FORMAT_VERSION})" in report.rebuild_reason
    shutil.rmtree(mixed.index_dir)
