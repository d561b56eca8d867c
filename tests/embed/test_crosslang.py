"""A question in another language over an English-only index, with default settings (issue 14):
the multilingual vectors of the index's text are made on the first such question, once per
generation, beside it (qa.store.companion), and re-used by later questions, processes and builds.

A fake multilingual model stands in for e5: a tiny Russian-English glossary, then the hashing
embedder, so a Russian question lands on the English passage that says it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from qa.app.service import QAService
from qa.store import companion
from tests.conftest import HashEmbedder

GLOSSARY = {
    "смотритель": "keeper", "смотрителем": "keeper", "маяка": "lighthouse", "маяк": "lighthouse",
    "паром": "ferry", "парома": "ferry", "острова": "island", "остров": "island", "скарн": "skarn",
    "груш": "pear", "сортов": "varieties", "сад": "orchard", "венлоу": "wenlow",
    "порт-эллери": "port ellery", "эллери": "ellery", "когда": "when", "отходит": "leaves", "до": "to",
    "сколько": "how many", "в": "in", "саду": "orchard",
}
RU_FERRY = "Когда отходит паром до острова Скарн?"
RU_PEARS = "Сколько сортов груш в саду Венлоу?"
EN_FERRY = "When does the ferry to Skarn Island leave?"


class FakeMultilingual(HashEmbedder):
    """Reads Russian through the glossary; counts the passages it embeds. fail_after: raise once
    that many passages have been embedded (a crash half-way through the companion)."""

    name = identity = "fake-multilingual-512"
    dim = 512  # few hash collisions: unrelated texts score near 0

    def __init__(self, fail_after: int | None = None):
        super().__init__()
        self.passages = 0
        self.fail_after = fail_after

    def encode(self, texts, role="passage", progress=None):
        if role == "passage":
            self.passages += len(texts)
            if self.fail_after is not None and self.passages > self.fail_after:
                raise RuntimeError("the model process was killed")
        words = [" ".join(GLOSSARY.get(w.strip("?.,").lower(), w) for w in t.split()) for t in texts]
        return super().encode(words, role, progress)


# more invented English documents, so that finding the right one by chance is unlikely
OTHERS = {
    "market.txt": "Market day\n\nThe cheese market of Oldbury opens on Saturdays. Traders come from six villages.\n",
    "bridge.txt": "Bridge works\n\nThe stone bridge over the Lenn was repaired in spring. It carries the mail coach.\n",
    "school.txt": "School notes\n\nThe village school teaches forty pupils. Its headmistress is Ada Finch.\n",
    "weather.txt": "Weather\n\nThe wettest month in Oldbury was November, with ninety millimetres of rain.\n",
}


@pytest.fixture
def built(corpus, tmp_path):
    """An English-only index of six invented documents, made with the English (hash) model."""
    from qa.config import Settings

    for name, text in OTHERS.items():
        (corpus / name).write_text(text)

    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index", cross_language="auto")
    english = HashEmbedder()
    QAService(settings, english).build()
    return settings


def service(settings, multi=None, english=None):
    return QAService(settings, english or HashEmbedder(), multilingual=multi or FakeMultilingual())


def companions(settings) -> list[Path]:
    return sorted(Path(settings.index_dir).glob(f"gen-*/{companion.PREFIX}*"))


def top_doc(result) -> str:
    return result.passages[0].chunk.doc


def test_a_russian_question_over_english_documents_prepares_the_companion_once_and_finds_the_passage(built):
    multi = FakeMultilingual()
    qa = service(built, multi)
    seen = []
    r = qa.ask(RU_FERRY, progress=lambda done, total: seen.append((done, total)))
    assert top_doc(r) == "harbour.txt" and "ferry" in r.passages[0].chunk.text
    assert r.passages[0].dense > 0.4  # the multilingual cosine: the fake reads the glossary
    assert any("prepared for this index" in n for n in r.notes)
    made = multi.passages
    assert made > 0 and seen and seen[-1] == (made, made)  # the progress reached the end
    assert len(companions(built)) == 1
    r2 = qa.ask(RU_PEARS)
    assert top_doc(r2) == "orchard.txt"
    assert multi.passages == made  # once per generation
    assert not any("prepared" in n for n in r2.notes)


def test_a_russian_question_finds_a_name_the_english_text_writes_in_latin_letters(built):
    # "Финч" is no word the model reads (not in the glossary): only the name romanised ("Finch") finds the passage,
    # through the lexical index, where no Cyrillic stem can match an English text
    r = service(built).ask("Кто такая Ада Финч?")
    assert top_doc(r) == "school.txt" and r.passages[0].bm25 > 0
    # an acronym is translated, not romanised
    from qa.app.service import question_terms
    from qa.lang import analyze

    assert question_terms("Кто возглавляет ЦАРИКЦ в Алматы?", lambda t: True)[-1:] == ["almati"]
    # a romanisation the documents never write is left out; an English question is analysed as before
    assert question_terms("Кто такая Ада Финч?", {"finch"}.__contains__) == analyze("Кто такая Ада Финч?") + ["finch"]
    assert question_terms("Кто такая Ада Финч?", lambda t: False) == analyze("Кто такая Ада Финч?")
    # nor a romanisation that English analysis makes another word: "Menning" stems as "men", a hyphen splits
    assert question_terms("Где играл Мэннинг в Тайн-энд-Уир?", lambda t: True) == analyze(
        "Где играл Мэннинг в Тайн-энд-Уир?")
    assert question_terms("Кто такая Ада Финч?") == analyze("Кто такая Ада Финч?")


def test_a_second_process_reuses_the_companion_from_disk(built):
    service(built).ask(RU_FERRY)
    multi = FakeMultilingual()
    r = service(built, multi).ask(RU_PEARS)  # a new service: nothing shared in memory
    assert multi.passages == 0
    assert top_doc(r) == "orchard.txt"


def test_english_questions_never_make_the_companion(built):
    multi = FakeMultilingual()
    r = service(built, multi).ask(EN_FERRY)
    assert top_doc(r) == "harbour.txt"
    assert multi.passages == 0 and not companions(built)


def test_a_failure_half_way_leaves_the_index_answering_and_the_next_question_prepares_it(built):
    gen = sorted(Path(built.index_dir).glob("gen-*"))[-1]
    before = sorted(p.name for p in gen.iterdir())
    broken = service(built, FakeMultilingual(fail_after=1))
    r = broken.ask(RU_FERRY)  # no traceback: answered through the English model, with the reason
    assert any("could not be prepared" in n and "killed" in n for n in r.notes)
    assert sorted(p.name for p in gen.iterdir()) == before  # nothing left in the generation
    assert top_doc(broken.ask(EN_FERRY)) == "harbour.txt"
    r = service(built).ask(RU_FERRY)
    assert top_doc(r) == "harbour.txt" and len(companions(built)) == 1


def test_a_crashed_writer_leftover_is_removed_and_a_damaged_companion_is_made_again(built):
    qa = service(built)
    qa.ask(RU_FERRY)
    (folder,) = companions(built)
    (folder.parent / ".tmp-companion-99999").mkdir()  # a writer killed before its rename
    (folder / "vectors.npy").write_bytes(b"not numpy")
    multi = FakeMultilingual()
    r = service(built, multi).ask(RU_PEARS)
    assert multi.passages > 0 and top_doc(r) == "orchard.txt"
    assert not list(folder.parent.glob(".tmp-companion-*"))


def test_a_rebuild_embeds_only_the_changed_text_again(built, corpus):
    service(built).ask(RU_FERRY)
    (corpus / "mill.txt").write_text("Mill notes\n\nThe Wenlow mill grinds rye on Fridays.\n")
    QAService(built, HashEmbedder()).build()
    multi = FakeMultilingual()
    service(built, multi).ask(RU_PEARS)
    new = json.loads((companions(built)[-1] / "manifest.json").read_text())
    assert new["embedded"] == multi.passages > 0
    assert new["reused"] > 0 and multi.passages <= 4  # the new file's chunk and sentences only


def test_the_companion_vectors_are_the_models_own(built):
    multi = FakeMultilingual()
    qa = service(built, multi)
    qa.ask(RU_FERRY)
    view = companion.open_companion(qa.index(), multi.identity)
    chunks, sentences = companion.texts_of(qa.index())
    want = FakeMultilingual().encode(chunks + sentences)
    got = np.vstack([np.asarray(view.chunk_vectors()), np.asarray(view.sentence_vectors, dtype=np.float32)])
    assert np.allclose(got, want, atol=2e-3)


def test_off_and_never_keep_the_english_model_with_a_note(built):
    for change in ({"cross_language": "off"}, {"multilingual": "never"}):
        multi = FakeMultilingual()
        r = service(built.with_(**change), multi).ask(RU_FERRY)
        assert multi.passages == 0 and not companions(built)
        assert r.passages[0].dense < 0.3  # the English model's cosine of a Russian question: noise
        assert any("English model only" in n for n in r.notes)


def test_index_mode_prepares_it_with_the_build(corpus, tmp_path):
    from qa.config import Settings

    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index", cross_language="index")
    multi = FakeMultilingual()
    report = QAService(settings, HashEmbedder(), multilingual=multi).build()
    assert len(companions(settings)) == 1 and "cross-language search ready" in report.summary()
    later = FakeMultilingual()
    assert top_doc(service(settings, later).ask(RU_FERRY)) == "harbour.txt" and later.passages == 0


def test_index_mode_survives_a_failure_and_says_so(corpus, tmp_path):
    from qa.config import Settings

    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index", cross_language="index")
    qa = QAService(settings, HashEmbedder(), multilingual=FakeMultilingual(fail_after=0))
    report = qa.build()  # the English index is built and live whatever happens after
    assert "cross-language search not prepared" in report.summary() and not companions(settings)
    assert top_doc(qa.ask(EN_FERRY)) == "harbour.txt"


def test_the_web_chat_reports_progress_while_preparing(built):
    from qa.app.chat import ChatService, Conversation

    seen = []
    turn = ChatService(service(built)).ask(Conversation(), RU_FERRY, progress=lambda d, t: seen.append((d, t)))
    assert turn.error is None and seen and seen[-1][0] == seen[-1][1] > 0
    assert "prepared for this index" in turn.reply_html


def test_the_cli_says_when_it_prepares_and_when_it_is_done(capsys):
    from qa.app.cli import preparing_progress

    show = preparing_progress()  # stderr is not a terminal under pytest: two lines, no bar
    for done in (0, 32, 64, 70):
        show(done, 70)
    err = capsys.readouterr().err.splitlines()
    assert err == ["Preparing cross-language search, once: embedding 70 texts of the index with the multilingual "
                   "model…",
                   "Preparing cross-language search, once: done"]
