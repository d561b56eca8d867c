"""`qa index --purge`: a document deleted for a reason leaves the disk, not only the live index.

An ordinary update keeps the generation before it for `qa index --rollback`, so a deleted text
stays in that folder; running `qa index` again does not remove it (nothing changed, nothing is
written). `--purge` brings the index up to date and then deletes every older generation at once.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HashEmbedder

from qa import store
from qa.app.cli import main
from qa.app.service import QAService
from qa.build import build_index

# A phrase only orchard.txt holds (conftest.ORCHARD), as the tester grepped for it.
DELETED = b"Wenlow orchard"


@pytest.fixture
def settings(corpus, settings_for):
    return settings_for(corpus)


def files_holding(index_dir: Path, phrase: bytes) -> list[str]:
    """Every file under the index folder whose bytes hold `phrase` (grep -rl)."""
    return sorted(str(p.relative_to(index_dir)) for p in index_dir.rglob("*")
                  if p.is_file() and phrase in p.read_bytes())


def generations(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.glob("gen-*"))


def test_purge_after_an_update_leaves_no_trace_of_a_deleted_document(settings, corpus, hash_embedder):
    build_index(settings, hash_embedder)
    (corpus / "orchard.txt").unlink()
    live = build_index(settings, hash_embedder).generation
    older = store.previous_generation(settings.index_dir).name
    # running `qa index` again does not help: nothing changed, nothing is written
    assert build_index(settings, hash_embedder).up_to_date
    assert files_holding(settings.index_dir, DELETED) == [f"{older}/meta.sqlite"]

    report = build_index(settings, hash_embedder, purge=True)

    assert report.up_to_date and report.generation == live
    assert report.purged == [older]
    assert files_holding(settings.index_dir, DELETED) == []
    assert generations(settings.index_dir) == [live]
    with pytest.raises(store.IndexProblem, match="no previous index generation"):
        store.rollback(settings.index_dir)


def test_purge_right_after_deleting_updates_and_purges_in_one_run(settings, corpus, hash_embedder):
    first = build_index(settings, hash_embedder).generation
    (corpus / "orchard.txt").unlink()

    report = build_index(settings, hash_embedder, purge=True)

    assert report.removed == ["orchard.txt"] and report.purged == [first]
    assert generations(settings.index_dir) == [report.generation]
    assert files_holding(settings.index_dir, DELETED) == []
    result = QAService(settings, hash_embedder).ask("How many varieties of pear does the Wenlow orchard grow?")
    assert result.passages and all(p.doc == "harbour.txt" for p in result.passages)


def test_an_ordinary_update_still_keeps_the_previous_generation_for_rollback(settings, corpus, hash_embedder):
    first = build_index(settings, hash_embedder).generation
    (corpus / "orchard.txt").unlink()
    report = build_index(settings, hash_embedder)
    assert report.purged is None
    assert store.previous_generation(settings.index_dir).name == first
    assert store.rollback(settings.index_dir).generation == first


def test_purge_after_a_rollback_keeps_the_live_generation_and_never_reuses_a_name(settings, corpus, hash_embedder):
    """Rolled back to gen 1 (PREVIOUS is the newer gen 2): purge deletes gen 2, and the next
    update is gen 3, not a second gen 2 (a running app tells generations apart by name)."""
    first = build_index(settings, hash_embedder).generation
    (corpus / "orchard.txt").unlink()
    second = build_index(settings, hash_embedder).generation
    store.rollback(settings.index_dir)
    (corpus / "orchard.txt").write_text("Orchard report\n\nThe Wenlow orchard grows forty varieties of pear. "
                                        "Its oldest tree was planted in 1871.\n")

    report = build_index(settings, hash_embedder, purge=True)

    assert report.up_to_date and report.generation == first and report.purged == [second]
    (corpus / "orchard.txt").unlink()
    newer = build_index(settings, hash_embedder).generation
    assert newer not in (first, second)
    assert int(newer.split("-")[1]) > int(second.split("-")[1])


def test_a_purge_that_dies_part_way_leaves_the_live_generation_answering(settings, corpus, hash_embedder, monkeypatch):
    """Killed while deleting a folder: PREVIOUS is already gone (nothing points at a half-deleted
    generation), CURRENT answers, and running `qa index --purge` again removes what is left."""
    build_index(settings, hash_embedder)
    (corpus / "orchard.txt").unlink()
    live = build_index(settings, hash_embedder).generation

    def crash(path: Path) -> None:
        raise KeyboardInterrupt  # stands for kill -9 in the middle of deleting

    monkeypatch.setattr("qa.store.generations._remove", crash)
    with pytest.raises(KeyboardInterrupt):
        build_index(settings, hash_embedder, purge=True)
    monkeypatch.undo()

    assert store.current_generation(settings.index_dir).name == live
    assert store.previous_generation(settings.index_dir) is None
    assert generations(settings.index_dir) == [live]
    assert QAService(settings, hash_embedder).ask("Who is the lighthouse keeper of Port Ellery?").answer is not None
    assert build_index(settings, hash_embedder, purge=True).generation == live
    assert sorted(p.name for p in settings.index_dir.iterdir() if p.is_dir()) == [live]
    assert files_holding(settings.index_dir, DELETED) == []


def test_qa_index_purge_says_what_it_deleted_and_that_rollback_is_gone(settings, corpus, hash_embedder, monkeypatch):
    monkeypatch.setattr("qa.build.run.make_embedder", lambda *a, **k: HashEmbedder())
    build_index(settings, hash_embedder)
    (corpus / "orchard.txt").unlink()
    first = store.current_generation(settings.index_dir).name
    args = ["index", "--corpus", str(corpus), "--index", str(settings.index_dir)]

    result = CliRunner().invoke(main, [*args, "--purge"])

    assert result.exit_code == 0, result.output
    live = store.current_generation(settings.index_dir).name
    assert "removed: orchard.txt" in result.output
    assert (f"purged: deleted {first}; only {live} is left, so `qa index --rollback` has nothing to go back to"
            in result.output)
    assert files_holding(settings.index_dir, DELETED) == []
    rollback = CliRunner().invoke(main, [*args, "--rollback"])
    assert rollback.exit_code == 1
    assert "Error: no previous index generation to roll back to" in rollback.output


def test_qa_index_purge_cannot_be_combined_with_rollback(settings, corpus):
    result = CliRunner().invoke(main, ["index", "--corpus", str(corpus), "--index", str(settings.index_dir),
                                       "--purge", "--rollback"])
    assert result.exit_code == 1
    assert "--purge cannot be combined with --rollback" in result.output
