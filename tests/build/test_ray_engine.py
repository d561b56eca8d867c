"""The Ray build engine on a local Ray instance: the index it writes is the local build's, it
re-uses stored content the same way, an unreachable cluster is one line, and a worker killed
mid-build neither stops the build nor touches the live index.

These run in the default suite (CI installs `qa[ray]`); one local Ray instance serves the
module (~15-30 s to start on 2 busy cores). Embedding uses the hashing test embedder; the real
model's equality is in benchmarks/ray_build.py (docs/scale.md)."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

ray = pytest.importorskip("ray")

from conftest import HARBOUR, ORCHARD, HashEmbedder, SpanHashEmbedder, free_port  # noqa: E402
from qa import store  # noqa: E402
from qa.app.service import QAService  # noqa: E402
from qa.build import BuildError, build_index, run_build  # noqa: E402
from qa.build.ray_engine import RayEngine, RayOptions  # noqa: E402
from qa.config import Settings  # noqa: E402

# Ray workers import functions by module name; the test modules are not importable there, so
# their classes travel by value.
ray.cloudpickle.register_pickle_by_value(sys.modules[HashEmbedder.__module__])
ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])

CANALS = (
    "Canal notes\n\n"
    "The Brindle canal was dug in 1794 to carry slate. Its longest lock lifts boats nine metres.\n\n"
    "Narrowboats may moor at Oxley wharf for two nights at most.\n"
)
BEES = "Apiary\n\nThe Hollin apiary keeps sixty hives of black bees. Honey is sold at the gate on Fridays.\n"
CUSTOMS = (  # Russian: the workers store each chunk's and sentence's language as the local build does
    "Таможенные новости\n\n"
    "Сотрудники таможни изъяли 420 килограммов гашиша на границе. Груз был спрятан под арбузами.\n"
)


def write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def engine():
    """One local Ray instance for the module, stopped at the end (no idle Ray processes left)."""
    eng = RayEngine(RayOptions(workers=1, threads=1, docs_per_batch=2, factory=HashEmbedder))
    yield eng
    eng.close()
    assert not ray.is_initialized()


def snapshot(index_dir: Path) -> dict:
    idx = store.Index.open(index_dir)
    try:
        n = idx.size
        return {
            "documents": idx.documents(),
            "chunks": [(c.doc, c.start, c.end, c.text) for c in idx.chunks(list(range(n)))],
            "vectors": np.asarray(idx.chunk_vectors(), dtype=np.float32).copy(),
            "sentences": np.asarray(idx.sentence_vectors, dtype=np.float32).copy(),
            "counts": idx.manifest["counts"],
            "model": idx.manifest["model"],
            "files": idx.manifest["files"],
            "languages": (idx.chunk_languages(list(range(n))),
                          [r.lang for r in idx.sentences(0, idx.manifest["counts"]["sentences"])]),
        }
    finally:
        idx.close()


def same_index(a: dict, b: dict) -> None:
    assert a["counts"] == b["counts"]
    assert a["documents"] == b["documents"]
    assert a["chunks"] == b["chunks"]
    assert a["model"] == b["model"] and a["files"] == b["files"]
    assert a["languages"] == b["languages"] and None not in a["languages"][1]
    for key in ("vectors", "sentences"):
        x, y = a[key], b[key]
        assert x.shape == y.shape
        cos = (x * y).sum(1) / np.maximum(np.linalg.norm(x, axis=1) * np.linalg.norm(y, axis=1), 1e-12)
        assert cos.min() >= 0.9999


def answers(settings, questions) -> list:
    service = QAService(settings, embedder=HashEmbedder())
    out = []
    for q in questions:
        r = service.ask(q)
        out.append((r.answer.text if r.answer else None, [p.doc for p in r.passages]))
    return out


REPORT_FIELDS = ("documents", "items", "chunks", "sentences", "added", "changed", "removed", "renamed",
                 "copied", "unchanged", "chunks_embedded", "sentences_embedded", "chunks_reused", "skipped")


def test_ray_build_with_pooled_sentence_vectors_equals_local_build(tmp_path, engine):
    """Pooled sentence vectors (issue 18): the same keys and vectors from the cluster as locally,
    and an added file costs only its own chunks' pass on both."""
    pooled = RayEngine(RayOptions(workers=1, threads=1, docs_per_batch=2, factory=SpanHashEmbedder))
    engine._ray()  # the module's Ray instance (the pooled engine joins it, and leaves it running)
    settings = {}
    for name in ("local", "ray"):
        write(tmp_path / f"corpus-{name}", {"harbour.txt": HARBOUR, "orchard.txt": ORCHARD})
        settings[name] = Settings().with_(
            corpus_dir=tmp_path / f"corpus-{name}", index_dir=tmp_path / f"index-{name}", sentence_vectors="pooled"
        )
    for step in range(2):
        if step:
            for name in settings:
                write(settings[name].corpus_dir, {"canals.md": CANALS})
        local = build_index(settings["local"], SpanHashEmbedder())
        remote = build_index(settings["ray"], SpanHashEmbedder(), engine=pooled)
        for f in REPORT_FIELDS:
            assert getattr(local, f) == getattr(remote, f), f
        same_index(snapshot(settings["local"].index_dir), snapshot(settings["ray"].index_dir))
        assert store.Index.open(settings["ray"].index_dir).manifest["sentence_vectors"] == "pooled"
    # canals.md: one chunk of four sentences ("Canal notes" is one); the rest carried forward
    assert remote.added == ["canals.md"] and remote.chunks_embedded == remote.chunks - remote.chunks_reused == 1
    assert remote.sentences_embedded == 4

class WordUnitsEmbedder(HashEmbedder):
    """Sizes chunks in its own tokens (words here), as e5 does (qa.ingest.chunking.Window.units)."""

    name = identity = "word-units-hash-64"
    max_tokens = 256
    chunk_units = "words"

    def token_counts(self, texts):
        return [len(t.split()) + 2 for t in texts]


def test_ray_build_sizes_chunks_in_the_models_own_tokens_as_the_local_build(tmp_path, engine):
    """An embedder whose chunks are sized in its own tokens (e5) gets the budget
    Settings.model_chunk_tokens on the cluster too, not chunk_tokens."""
    words = WordUnitsEmbedder
    engine._ray()
    remote_engine = RayEngine(RayOptions(workers=1, threads=1, docs_per_batch=2, factory=words))
    settings = {}
    for name in ("local", "ray"):
        write(tmp_path / f"corpus-{name}", {"harbour.txt": HARBOUR, "canals.md": CANALS, "customs.txt": CUSTOMS})
        settings[name] = Settings().with_(corpus_dir=tmp_path / f"corpus-{name}", index_dir=tmp_path / f"index-{name}",
                                          model_chunk_tokens=12)
    build_index(settings["local"], words())
    build_index(settings["ray"], words(), engine=remote_engine)
    local, remote = snapshot(settings["local"].index_dir), snapshot(settings["ray"].index_dir)
    same_index(local, remote)
    assert local["counts"]["chunks"] > local["documents"].__len__()  # the small budget split documents


def test_ray_build_equals_local_build_and_reuses_content_the_same_way(tmp_path, engine):
    files = {"harbour.txt": HARBOUR, "orchard.txt": ORCHARD, "canals.md": CANALS, "bees.txt": BEES,
             "customs.txt": CUSTOMS, "empty.txt": "   \n"}
    corpora = {name: tmp_path / f"corpus-{name}" for name in ("local", "ray")}
    settings = {}
    for name, folder in corpora.items():
        write(folder, files)
        settings[name] = Settings().with_(corpus_dir=folder, index_dir=tmp_path / f"index-{name}")

    def both(rebuild=False):
        local = build_index(settings["local"], HashEmbedder(), rebuild=rebuild)
        remote = build_index(settings["ray"], HashEmbedder(), rebuild=rebuild, engine=engine)
        for f in REPORT_FIELDS:
            assert getattr(local, f) == getattr(remote, f), f
        same_index(snapshot(settings["local"].index_dir), snapshot(settings["ray"].index_dir))
        return remote

    first = both()
    assert first.documents == 5 and first.skipped[0]["path"] == "empty.txt"
    assert set(snapshot(settings["ray"].index_dir)["languages"][0]) == {"en", "ru"}
    questions = ["Who keeps the Port Ellery lighthouse?", "When was the Brindle canal dug?",
                 "How many hives does the Hollin apiary keep?"]
    assert answers(settings["ray"], questions) == answers(settings["local"], questions)
    assert "Margaret Quill" in answers(settings["ray"], questions[:1])[0][0]

    # one edited sentence, one new file, one deleted, one renamed, one that cannot be read:
    # only the new text travels to the cluster, and both engines report the same
    for folder in corpora.values():
        (folder / "harbour.txt").write_text(HARBOUR.replace("every Tuesday", "every Thursday"), encoding="utf-8")
        write(folder, {"new.txt": "Ferry notice\n\nThe Skarn ferry now also sails on Sundays at dawn.\n"})
        (folder / "orchard.txt").unlink()
        (folder / "bees.txt").rename(folder / "apiary.txt")
        (folder / "broken.html").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    second = both()
    assert second.changed == ["harbour.txt"] and second.added == ["new.txt"]
    assert second.removed == ["orchard.txt"] and second.renamed == [["bees.txt", "apiary.txt"]]
    # only the edited and new sentences and their chunks (of 17 texts)
    assert 0 < second.chunks_embedded + second.sentences_embedded <= 6
    assert answers(settings["ray"], ["Which day does the Skarn ferry leave?"]) == answers(
        settings["local"], ["Which day does the Skarn ferry leave?"])

    # nothing changed: nothing is sent, nothing is published
    gen = store.current_generation(settings["ray"].index_dir).name
    third = build_index(settings["ray"], HashEmbedder(), engine=engine)
    assert third.up_to_date and store.current_generation(settings["ray"].index_dir).name == gen


def test_unreachable_cluster_is_one_line_and_keeps_the_index(tmp_path, settings_for, monkeypatch):
    from click.testing import CliRunner

    from qa.app import cli

    corpus = tmp_path / "corpus"
    write(corpus, {"harbour.txt": HARBOUR})
    settings = settings_for(corpus)
    build_index(settings, HashEmbedder())
    gen = store.current_generation(settings.index_dir).name
    write(corpus, {"orchard.txt": ORCHARD})
    address = f"127.0.0.1:{free_port()}"  # nothing listens there
    t = time.perf_counter()
    with pytest.raises(BuildError) as err:
        run_build(settings.with_(engine="ray", ray_address=address), HashEmbedder())
    assert time.perf_counter() - t < 20
    assert str(err.value) == f"cannot reach the Ray cluster at {address}: connection refused"
    assert store.current_generation(settings.index_dir).name == gen

    monkeypatch.setattr("qa.build.run.make_embedder", lambda *a, **k: HashEmbedder())
    result = CliRunner().invoke(cli.main, ["index", "--corpus", str(corpus), "--index", str(settings.index_dir),
                                           "--engine", "ray", "--ray-address", address])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: cannot reach the Ray cluster at {address}: connection refused"]
    result = CliRunner().invoke(cli.main, ["index", "--corpus", str(corpus), "--ray-address", address])
    assert result.exit_code == 1 and "need --engine ray" in result.output


class SlowEmbedder(HashEmbedder):
    """Announces its worker process (a file named by its pid) and embeds slowly, so the test can
    kill the process while it works."""

    marks = None  # set on the class before the build; travels by value to the workers

    def encode(self, texts, role="passage", progress=None):
        Path(self.marks, f"{os.getpid()}").write_text("encoding")
        time.sleep(1.0)
        return super().encode(texts, role, progress)


def test_killed_encoder_worker_is_retried_and_the_old_index_stays_live(tmp_path, settings_for, engine):
    corpus = tmp_path / "corpus"
    write(corpus, {"harbour.txt": HARBOUR, "orchard.txt": ORCHARD})
    settings = settings_for(corpus)
    build_index(settings, HashEmbedder())
    old = store.current_generation(settings.index_dir).name
    write(corpus, {f"note{i}.txt": f"Note {i}\n\nThe tide gauge number {i} reads {i * 7} centimetres.\n"
                   for i in range(8)})

    marks = tmp_path / "marks"
    marks.mkdir()
    SlowEmbedder.marks = str(marks)
    slow = RayEngine(RayOptions(workers=1, threads=1, docs_per_batch=2, factory=SlowEmbedder))
    outcome: dict = {}

    def build():
        try:
            outcome["report"] = build_index(settings, HashEmbedder(), engine=slow)
        except Exception as e:  # noqa: BLE001
            outcome["error"] = e

    thread = threading.Thread(target=build)
    thread.start()
    try:
        _kill_and_check(thread, marks, settings, old, outcome)
    finally:
        thread.join(300)
        slow.close()  # stops Ray only if this engine started it


def _kill_and_check(thread, marks, settings, old, outcome) -> None:
    deadline = time.time() + 180
    while not any(marks.iterdir()) and time.time() < deadline:
        time.sleep(0.2)
    victims = [int(p.name) for p in marks.iterdir()]
    assert victims, "the encoder never started"
    os.kill(victims[0], signal.SIGKILL)  # an encoder actor's worker process, mid-batch

    # while the build goes on, the old generation is live, whole and answering
    assert store.current_generation(settings.index_dir).name == old
    assert "Margaret Quill" in answers(settings, ["Who keeps the Port Ellery lighthouse?"])[0][0]

    thread.join(300)
    assert not thread.is_alive()
    assert "error" not in outcome, outcome.get("error")
    report = outcome["report"]
    assert report.added == [f"note{i}.txt" for i in range(8)] and report.documents == 10
    assert len({p.name for p in marks.iterdir()} - {str(victims[0])}) >= 1  # a new actor took over
    assert store.current_generation(settings.index_dir).name != old
    assert "note3.txt" in answers(settings, ["What does tide gauge number 3 read?"])[0][1]


@pytest.mark.slow
def test_real_model_ray_build_equals_local_build(tmp_path):
    """The bundled corpus with the real encoder (ONNX by default): the Ray engine's default
    local instance (the model loaded in each actor) writes the local build's index."""
    from conftest import CORPUS

    from qa.embed import make_embedder

    base = Settings().with_(corpus_dir=CORPUS)
    embedder = make_embedder(base.model, base.batch_size, base.backend)
    local = base.with_(index_dir=tmp_path / "local")
    remote = base.with_(index_dir=tmp_path / "ray", engine="ray")
    a = run_build(local, embedder)
    running = ray.is_initialized()  # the module's instance, if the fast tests ran first
    b = run_build(remote, embedder)  # else it starts and stops its own local instance
    assert ray.is_initialized() == running
    for f in REPORT_FIELDS:
        assert getattr(a, f) == getattr(b, f), f
    same_index(snapshot(local.index_dir), snapshot(remote.index_dir))
    questions = ["Who hosted the CCASP workshop?", "How much did the CARICC-coordinated operations seize?"]
    x = [QAService(s, embedder=embedder).ask(q) for s in (local, remote) for q in questions]
    assert [(r.answer.text if r.answer else None, [p.doc for p in r.passages]) for r in x[:2]] == [
        (r.answer.text if r.answer else None, [p.doc for p in r.passages]) for r in x[2:]
    ]
