"""Index generations on disk: atomic publishing, surviving kill -9, rollback, cleanup, damage,
and readers that keep answering while the index is rebuilt under them."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner, Result
from conftest import HARBOUR

from qa import store
from qa.build import BuildError, build_index, writer_lock
from qa.app.cli import main
from qa.app.service import QAService

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent

KEEPER = "Who is the lighthouse keeper of Port Ellery?"

# Fault injection for the kill -9 tests, run in the writer's own process before it starts: at
# the named point ("embed": the first encode; "write": metadata written, vectors not yet;
# "publish": the generation complete but not yet named in CURRENT) the writer says so in
# sys.argv[-1]'s file and stalls until it is killed.
PAUSE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path

    def pause_at(point, flag):
        def stall(*args, **kwargs):
            Path(flag).write_text(point)
            time.sleep(3600)

        def before(real):
            def wrapped(*args, **kwargs):
                stall()
            return wrapped

        if point == "embed":
            import qa.embed.onnx_encoder as onnx, qa.embed.torch_encoder as st
            for cls in (onnx.OnnxEmbedder, st.SentenceTransformerEmbedder):
                cls.encode = before(cls.encode)
                cls.encode_spans = before(cls.encode_spans)  # pooled sentence vectors (issue 18)
            try:
                from conftest import HashEmbedder
                HashEmbedder.encode = before(HashEmbedder.encode)
            except ImportError:
                pass
        elif point == "write":
            import qa.store.writer as writer
            writer._raw_to_npy = before(writer._raw_to_npy)
        elif point == "publish":
            import qa.store
            qa.store.publish = before(qa.store.publish)
    """
)

# A writer in its own process, built on the fake embedder so its timing is ours to control.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    {pause}
    pause_at(sys.argv[3], sys.argv[4])
    from conftest import HashEmbedder
    from qa.build import build_index
    from qa.config import Settings

    settings = Settings().with_(corpus_dir=Path(sys.argv[1]), index_dir=Path(sys.argv[2]))
    print(build_index(settings, HashEmbedder()).generation, flush=True)
    """
).format(tests=str(TESTS), pause=PAUSE)


@pytest.fixture
def settings(corpus, settings_for):
    return settings_for(corpus)


@pytest.fixture
def built(settings, hash_embedder):
    build_index(settings, hash_embedder)
    return settings


def keeper(service) -> str | None:
    return named(service.ask(KEEPER).answer)


def named(a) -> str | None:
    """The keeper the answer sentence names ("... of Port Ellery is Margaret Quill."): the short
    answer is only marked when the answer model is confident, so the sentence is what is read."""
    return a.text.rsplit(" is ", 1)[-1].rstrip(".") if a else None


def change_keeper(corpus: Path, name: str) -> None:
    (corpus / "harbour.txt").write_text(HARBOUR.replace("Margaret Quill", name))


def leftovers(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.glob(".tmp-gen-*"))


# ----------------------------------------------------------------------------- generations
def test_each_update_is_a_new_generation_and_the_previous_one_is_kept(built, corpus, hash_embedder):
    first = store.current_generation(built.index_dir)
    change_keeper(corpus, "Tobias Wren")
    report = build_index(built, hash_embedder)
    assert report.generation != first.name
    assert store.current_generation(built.index_dir).name == report.generation
    assert store.previous_generation(built.index_dir) == first
    assert (first / "manifest.json").exists()


def test_rollback_switches_to_the_previous_generation_and_back(built, corpus, hash_embedder):
    service = QAService(built, hash_embedder)
    change_keeper(corpus, "Tobias Wren")
    build_index(built, hash_embedder)
    assert keeper(service) == "Tobias Wren"

    store.rollback(built.index_dir)
    assert keeper(service) == "Margaret Quill"
    store.rollback(built.index_dir)
    assert keeper(service) == "Tobias Wren"


def test_a_second_rollback_undoes_the_first_and_says_it_moved_forward(built, corpus, hash_embedder):
    first = store.current_generation(built.index_dir).name
    change_keeper(corpus, "Tobias Wren")
    second = build_index(built, hash_embedder).generation

    assert store.rollback(built.index_dir) == store.Rollback(first, replaced=second, undo=False)
    assert store.rollback(built.index_dir) == store.Rollback(second, replaced=first, undo=True)
    assert store.rollback(built.index_dir) == store.Rollback(first, replaced=second, undo=False)


def qa_index_rollback(settings) -> Result:
    """`qa index --rollback`, as typed (no model is loaded for it)."""
    args = ["index", "--rollback", "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result


def test_qa_index_rollback_says_whether_it_went_back_or_undid_a_rollback(built, corpus, hash_embedder):
    first = store.current_generation(built.index_dir).name
    change_keeper(corpus, "Tobias Wren")
    second = build_index(built, hash_embedder).generation

    assert [qa_index_rollback(built).stdout for _ in range(3)] == [
        f"rolled back to {first}, the generation before {second}; `qa index --rollback` again returns to {second}\n",
        f"undid the last rollback: {second} is live again (the newer generation); "
        f"`qa index --rollback` goes back to {first}\n",
        f"rolled back to {first}, the generation before {second}; `qa index --rollback` again returns to {second}\n",
    ]


def test_qa_index_rollback_warns_when_the_restored_generation_does_not_match_the_corpus(built, corpus, hash_embedder):
    first = store.current_generation(built.index_dir).name
    change_keeper(corpus, "Tobias Wren")
    (corpus / "orchard.txt").unlink()
    build_index(built, hash_embedder)

    back = qa_index_rollback(built)
    assert back.stderr == (
        f"Warning: {first} does not match {corpus} (1 changed, 1 removed since it was built): answers may cite "
        "files that are gone or older text; `qa index` brings it up to date\n"
    )
    assert qa_index_rollback(built).stderr == ""  # the newer generation is the corpus as it is


def test_rollback_without_a_previous_generation_says_so(built):
    with pytest.raises(store.IndexProblem, match="no previous index generation"):
        store.rollback(built.index_dir)


def test_superseded_generations_are_removed_after_a_grace_period(built, corpus, hash_embedder):
    names = [store.current_generation(built.index_dir).name]
    for name in ("Tobias Wren", "Ada Finch"):
        change_keeper(corpus, name)
        names.append(build_index(built, hash_embedder).generation)
    # the first is neither CURRENT nor PREVIOUS, but a reader may have just read its name
    assert (built.index_dir / names[0]).exists()
    with writer_lock(built.index_dir):
        assert store.cleanup(built.index_dir, grace=0) == [names[0]]
    assert sorted(p.name for p in built.index_dir.glob("gen-*")) == names[1:]


def test_generation_names_are_never_reused(built, corpus, hash_embedder):
    seen = {store.current_generation(built.index_dir).name}
    for i in range(4):
        change_keeper(corpus, f"Keeper {i}")
        gen = build_index(built, hash_embedder).generation
        with writer_lock(built.index_dir):
            store.cleanup(built.index_dir, grace=0)
        assert gen not in seen
        seen.add(gen)


# ----------------------------------------------------------------------------- kill -9
def start_writer(settings, pause_at: str, tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    flag = tmp_path / f"paused-{pause_at}"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(settings.corpus_dir), str(settings.index_dir), pause_at, str(flag)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not flag.exists():
        if proc.poll() is not None:
            raise AssertionError(f"writer exited early: {proc.stderr.read().decode()[-2000:]}")
        assert time.monotonic() < deadline, "writer never reached the pause point"
        time.sleep(0.05)
    return proc, flag


@pytest.mark.parametrize("point", ["embed", "write", "publish"])
def test_kill_9_leaves_the_old_generation_answering_and_a_rerun_completes(
    built, corpus, hash_embedder, tmp_path, point
):
    """SIGKILL while embedding, half-way through writing the new generation, or with the new
    generation complete but not yet published: the old one answers; the next run finishes."""
    old = store.current_generation(built.index_dir)
    change_keeper(corpus, "Tobias Wren")
    proc, _ = start_writer(built, point, tmp_path)
    try:
        # one writer: while it runs, another build is refused at once
        with pytest.raises(BuildError, match="already updating"):
            build_index(built, hash_embedder)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    assert store.current_generation(built.index_dir) == old
    assert keeper(QAService(built, hash_embedder)) == "Margaret Quill"
    if point == "write":
        assert leftovers(built.index_dir), "a half-written generation was left to clean up"
    if point == "publish":
        assert len(list(built.index_dir.glob("gen-*"))) == 2  # complete, never named in CURRENT

    report = build_index(built, hash_embedder)  # the lock died with the writer
    assert report.changed == ["harbour.txt"] and not report.full_rebuild
    assert leftovers(built.index_dir) == []
    assert keeper(QAService(built, hash_embedder)) == "Tobias Wren"
    assert store.previous_generation(built.index_dir) == old
    with writer_lock(built.index_dir):
        store.cleanup(built.index_dir, grace=0)
    assert sorted(p.name for p in built.index_dir.glob("gen-*")) == sorted([old.name, report.generation])


@pytest.mark.slow
def test_kill_9_of_the_qa_index_command(built, corpus, tmp_path, real_embedder):
    """The real `qa index` (real model), killed while embedding a change."""
    settings = built.with_(index_dir=tmp_path / "real-index")
    build_index(settings, real_embedder)
    old = store.current_generation(settings.index_dir)
    change_keeper(corpus, "Tobias Wren")
    flag = tmp_path / "paused"
    qa = Path(sys.executable).parent / "qa"
    # the real `qa index` command, with the pause injected before it runs
    command = (PAUSE + "\npause_at('embed', sys.argv[1])\nfrom qa.app.cli import main\n"
               "sys.argv = ['qa'] + sys.argv[2:]\nmain()\n")
    proc = subprocess.Popen(
        [sys.executable, "-c", command, str(flag), "index", "--corpus", str(corpus),
         "--index", str(settings.index_dir), "--json"], cwd=ROOT,
    )
    deadline = time.monotonic() + 120
    while not flag.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert store.current_generation(settings.index_dir) == old
    assert keeper(QAService(settings, real_embedder)) == "Margaret Quill"
    done = subprocess.run(
        [str(qa), "index", "--corpus", str(corpus), "--index", str(settings.index_dir), "--json"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["changed"] == ["harbour.txt"], done.stdout
    assert keeper(QAService(settings, real_embedder)) == "Tobias Wren"


# ----------------------------------------------------------------------------- damage
def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _edit_counts(gen: Path) -> None:
    m = json.loads((gen / "manifest.json").read_text())
    m["counts"]["chunks"] += 1
    (gen / "manifest.json").write_text(json.dumps(m))


DAMAGE = {
    "truncated chunks.faiss": lambda gen: _truncate(gen / "chunks.faiss"),
    "manifest counts edited": _edit_counts,
    "manifest not JSON": lambda gen: (gen / "manifest.json").write_text("{ oops"),
    "meta.sqlite missing": lambda gen: (gen / "meta.sqlite").unlink(),
    "meta.sqlite garbage": lambda gen: (gen / "meta.sqlite").write_bytes(b"not a database" * 100),
    "vectors.npy truncated": lambda gen: _truncate(gen / "vectors.npy"),
    "sentences.npy missing": lambda gen: (gen / "sentences.npy").unlink(),
    "sentences.npy of integers": lambda gen: np.save(
        gen / "sentences.npy", np.zeros(np.load(gen / "sentences.npy").shape, dtype=np.int8)
    ),
    "bm25 missing": lambda gen: [p.unlink() for p in (gen / "bm25").iterdir()],
    "generation folder missing": lambda gen: gen.rename(gen.with_name("lost")),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_index_says_to_rebuild_and_qa_index_repairs_it(built, hash_embedder, damage):
    DAMAGE[damage](store.current_generation(built.index_dir))
    with pytest.raises(store.IndexProblem, match=r"qa index --rebuild"):
        store.Index.open(built.index_dir)
    with pytest.raises(store.IndexProblem, match=r"damaged|does not match.*qa index --rebuild"):
        QAService(built, hash_embedder).ask(KEEPER)

    report = build_index(built, hash_embedder)  # plain `qa index`, no --rebuild
    assert report.full_rebuild
    assert "damaged" in report.rebuild_reason or "does not match" in report.rebuild_reason
    assert keeper(QAService(built, hash_embedder)) == "Margaret Quill"


@pytest.mark.parametrize("damage", ["truncated chunks.faiss", "meta.sqlite missing"])
def test_rebuild_recovers_a_damaged_index_without_manual_cleanup(built, hash_embedder, damage):
    DAMAGE[damage](store.current_generation(built.index_dir))
    report = build_index(built, hash_embedder, rebuild=True)
    assert report.full_rebuild and report.rebuild_reason == "requested with --rebuild"
    assert keeper(QAService(built, hash_embedder)) == "Margaret Quill"


def test_no_index_yet_says_to_run_qa_index(settings, hash_embedder):
    with pytest.raises(store.IndexProblem, match=r"no index .*run `qa index` first"):
        QAService(settings, hash_embedder).ask(KEEPER)


# ----------------------------------------------------------------------------- storage
def test_sentence_vectors_are_stored_float16_and_score_like_float32(built, hash_embedder):
    gen = store.current_generation(built.index_dir)
    assert np.load(gen / "sentences.npy", mmap_mode="r").dtype == np.float16
    assert np.load(gen / "vectors.npy", mmap_mode="r").dtype == np.float32  # build-time only
    manifest = json.loads((gen / "manifest.json").read_text())
    assert manifest["storage"] == {"sentences": "float16", "chunks": "float32", "faiss": "float32"}
    index = store.Index.open(built.index_dir)
    rows = index.sentences(0, len(index.sentence_vectors))
    exact = hash_embedder.encode([r.text for r in rows])
    query = hash_embedder.encode([KEEPER])[0]
    stored = index.sentence_vectors[[r.id for r in rows]]  # as qa.answer reads them
    assert stored.dtype == np.float16
    scores = stored @ query
    assert scores.dtype == np.float32
    np.testing.assert_allclose(scores, exact @ query, atol=1e-3)
    index.close()


def _mapped_kb(path: Path) -> int:
    """Resident KB of this process's memory maps of path (Linux /proc/self/smaps)."""
    total, current = 0, None
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and len(head) >= 5:
            current = head[5] if len(head) > 5 else None
        elif line.startswith("Rss:") and current == str(path):
            total += int(head[1])
    return total


def test_sentence_rows_are_read_without_staying_resident(tmp_path):
    vecs = np.random.default_rng(0).normal(size=(5000, 48)).astype(np.float16)
    np.save(tmp_path / "sentences.npy", vecs)
    rows = store.vectors.RowFile(tmp_path / "sentences.npy")
    for ids in ([7, 8, 9], [4999, 0, 12, 12, 11], [], [-1]):
        got = rows[ids]
        assert got.dtype == np.float16 and np.array_equal(got, vecs[ids])
    assert np.array_equal(rows[42], vecs[42]) and np.array_equal(rows[10:20], vecs[10:20])
    with pytest.raises(IndexError):
        rows[[5000]]
    if Path("/proc/self/smaps").exists():
        rows = store.vectors.RowFile(tmp_path / "sentences.npy")  # its map untouched (the slice above used one)
        for i in range(0, 5000, 50):
            rows[[i, i + 1]]
        assert _mapped_kb((tmp_path / "sentences.npy").resolve()) == 0  # read, not mapped in
    (tmp_path / "sentences.npy").unlink()
    assert np.array_equal(rows[[3, 4]], vecs[[3, 4]])  # an open index outlives its folder


def test_an_index_with_float32_sentence_vectors_still_answers_and_updates(built, corpus, hash_embedder):
    """Indexes written before sentence vectors were float16 are read as they are, not rebuilt."""
    before = QAService(built, hash_embedder).ask(KEEPER).answer
    gen = store.current_generation(built.index_dir)
    np.save(gen / "sentences.npy", np.load(gen / "sentences.npy").astype(np.float32))  # the old format
    manifest = json.loads((gen / "manifest.json").read_text())
    del manifest["storage"]
    (gen / "manifest.json").write_text(json.dumps(manifest))

    service = QAService(built, hash_embedder)
    assert service.index().sentence_vectors.dtype == np.float32
    after = service.ask(KEEPER).answer
    assert (after.text, after.span_text) == (before.text, before.span_text)

    change_keeper(corpus, "Tobias Wren")
    report = build_index(built, hash_embedder)
    assert not report.full_rebuild and report.unchanged == ["orchard.txt"] and report.chunks_reused > 0
    assert store.Index.open(built.index_dir).sentence_vectors.dtype == np.float16
    assert keeper(service) == "Tobias Wren"


# ----------------------------------------------------------------------------- live readers
def test_a_running_service_serves_a_new_generation_on_the_next_question(built, corpus, hash_embedder):
    service = QAService(built, hash_embedder)
    first = service.ask(KEEPER)
    assert named(first.answer) == "Margaret Quill"
    change_keeper(corpus, "Tobias Wren")
    report = build_index(built, hash_embedder)
    second = service.ask(KEEPER)
    assert named(second.answer) == "Tobias Wren"
    assert (first.generation, second.generation) != (report.generation, report.generation)
    assert second.generation == report.generation


def test_a_question_in_flight_finishes_on_its_generation_even_if_that_is_deleted(
    built, corpus, hash_embedder, monkeypatch
):
    import qa.app.service

    service = QAService(built, hash_embedder)
    service.ask("warm up")
    old = store.current_generation(built.index_dir)
    real_retrieve = qa.app.service.retrieve

    def retrieve_after_two_updates(index, *args, **kwargs):
        # the question has its index in hand; meanwhile two updates land and the old
        # generation's folder is deleted
        for name in ("Tobias Wren", "Ada Finch"):
            change_keeper(corpus, name)
            build_index(built, hash_embedder)
        with writer_lock(built.index_dir):
            store.cleanup(built.index_dir, grace=0)
        assert not old.exists()
        monkeypatch.setattr(qa.app.service, "retrieve", real_retrieve)
        return real_retrieve(index, *args, **kwargs)

    monkeypatch.setattr(qa.app.service, "retrieve", retrieve_after_two_updates)
    result = service.ask(KEEPER)
    assert result.generation == old.name
    assert named(result.answer) == "Margaret Quill"
    assert result.answer.text == "The lighthouse keeper of Port Ellery is Margaret Quill."
    assert keeper(service) == "Ada Finch"  # the next question uses the newest generation


def test_an_open_generation_keeps_answering_after_its_folder_is_deleted(built, hash_embedder):
    import shutil

    index = store.Index.open(built.index_dir)
    shutil.rmtree(index.folder)
    vec = hash_embedder.encode(["lighthouse keeper"])
    _, ids = index.faiss.search(vec, 2)
    rows = index.chunks([int(i) for i in ids[0]])
    assert rows and index.sentences(rows[0].first_sentence, rows[0].n_sentences)
    assert index.document_text("harbour.txt") == HARBOUR
    assert index.lexical.scores(["lighthous"]).max() > 0
    assert float((index.sentence_vectors @ vec[0]).max()) > 0.5


WRITER_LOOP = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {tests!r})
    from conftest import HashEmbedder
    from qa.build import build_index
    from qa.config import Settings

    corpus, index_dir, log, rounds = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    settings = Settings().with_(corpus_dir=corpus, index_dir=index_dir)
    embedder = HashEmbedder()
    for r in range(1, rounds + 1):
        (corpus / "counter.txt").write_text(f"Repairs\\n\\nThe harbour crane was repaired {{r}} times.\\n")
        if r % 3 == 0:
            (corpus / f"extra-{{r}}.txt").write_text(f"Extra\\n\\nThe extra note number {{r}} is here.\\n")
        if r % 4 == 0:
            (corpus / "orchard.txt").rename(corpus / "orchard-moved.txt")
        elif r % 4 == 1 and (corpus / "orchard-moved.txt").exists():
            (corpus / "orchard-moved.txt").rename(corpus / "orchard.txt")
        gen = build_index(settings, embedder, wait=30).generation
        with open(log, "a") as f:
            f.write(f"{{gen}} {{r}}\\n")
        time.sleep(0.05)
    """
).format(tests=str(TESTS))


def test_readers_get_complete_generations_while_another_process_reindexes(corpus, settings, hash_embedder, tmp_path):
    """Four threads ask questions while a separate process re-indexes 12 times: no errors, and
    every answer is exactly what its generation's corpus said."""
    import re

    (corpus / "counter.txt").write_text("Repairs\n\nThe harbour crane was repaired 0 times.\n")
    first = build_index(settings, hash_embedder).generation
    log = tmp_path / "published.log"
    log.write_text(f"{first} 0\n")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER_LOOP, str(corpus), str(settings.index_dir), str(log), "12"],
        cwd=ROOT, stderr=subprocess.PIPE,
    )
    service = QAService(settings, hash_embedder)
    seen: list[tuple[str, str, list[str]]] = []
    errors: list[BaseException] = []

    def reader():
        while writer.poll() is None:
            try:
                crane = service.ask("How many times was the harbour crane repaired?")
                pear = service.ask("When was the oldest pear tree planted?")
                counts = [p.chunk.text for p in crane.passages if "crane was repaired" in p.chunk.text]
                seen.append((crane.generation, counts[0], [p.chunk.doc for p in crane.passages]))
                seen.append((pear.generation, "", [p.chunk.doc for p in pear.passages]))
            except BaseException as e:  # noqa: BLE001
                errors.append(e)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert writer.wait(timeout=60) == 0, writer.stderr.read().decode()[-2000:]
    assert errors == []

    published = dict(line.split() for line in log.read_text().splitlines())
    assert len(published) == 13
    assert len({g for g, _, _ in seen}) >= 2, "the readers never saw a new generation"
    for gen, crane_text, docs in seen:
        assert gen in published, f"{gen} was never published"
        r = int(published[gen])
        if crane_text:  # the crane count is the one that generation was built from
            assert re.search(r"repaired (\d+) times", crane_text).group(1) == str(r)
        orchard = "orchard-moved.txt" if r and r % 4 == 0 else "orchard.txt"
        assert orchard in docs or not any(d.startswith("orchard") for d in docs)
        assert not ({"orchard.txt", "orchard-moved.txt"} <= set(docs)), "a rename seen half-done"
