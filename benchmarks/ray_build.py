#!/usr/bin/env python
"""The Ray build engine against the local build, on SQuAD v1.1 dev (2,067 paragraphs as files).

    nice -n 15 .venv/bin/python benchmarks/ray_build.py [--squad PATH] [--paragraphs N]
        [--runs local ray1 ray2] [--questions 200] [--seed 0]

Writes the paragraphs to benchmarks/out/ray-squad-corpus/ (one .txt each), then builds the
index from scratch once per run, each into its own folder, timing what a user waits for:
`qa index --rebuild` in-process, model loading included (for Ray: starting a local instance,
starting the encoder actors, each loading the model, and stopping it again).

    local   the local build (this process parses, chunks and embeds)
    ray1    Ray engine, 1 encoder actor with all cores' threads
    ray2    Ray engine, 2 encoder actors with cores/2 threads each

Then it checks that every Ray index equals the local one: documents, items, chunks and
sentences (counts and rows), chunk and sentence vectors (minimum cosine), and the answers to a
seeded sample of questions (answer sentence, document, and the top passages' documents).
Prints a table and writes benchmarks/out/ray_build.json. The load average is printed: the
machine is shared, so compare runs made together.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shared_data import SQUAD, need  # noqa: E402
from benchmarks.squad import write_corpus  # noqa: E402
from qa import store  # noqa: E402
from qa.app.service import QAService  # noqa: E402
from qa.build import build_index  # noqa: E402
from qa.config import Settings, runtime_env  # noqa: E402
from qa.embed import make_embedder  # noqa: E402


def build(run: str, settings: Settings) -> dict:
    t0 = time.perf_counter()
    embedder = make_embedder(settings.model, settings.batch_size, settings.backend)
    engine = None
    if run != "local":
        from qa.build.ray_engine import RayEngine, RayOptions

        engine = RayEngine(RayOptions(workers=int(run[3:])))
    try:
        report = build_index(settings, embedder, rebuild=True, engine=engine)
    finally:
        if engine is not None:
            engine.close()
    seconds = time.perf_counter() - t0
    return {"run": run, "seconds": round(seconds, 1), "build_seconds": report.seconds,
            "documents": report.documents, "chunks": report.chunks, "sentences": report.sentences,
            "texts_embedded": report.chunks_embedded + report.sentences_embedded,
            "load": round(os.getloadavg()[0], 1)}


def contents(index_dir: Path) -> dict:
    idx = store.Index.open(index_dir)
    try:
        n = idx.size
        return {
            "counts": idx.manifest["counts"],
            "documents": idx.documents(),
            "chunks": [(c.doc, c.item, c.start, c.end) for c in idx.chunks(list(range(n)))],
            "items": [(i.doc, i.index, i.title, i.date, i.start, i.end) for i in idx.items()],
            "chunk_vectors": np.asarray(idx.chunk_vectors(), dtype=np.float32).copy(),
            "sentence_vectors": np.asarray(idx.sentence_vectors, dtype=np.float32).copy(),
        }
    finally:
        idx.close()


def min_cosine(a: np.ndarray, b: np.ndarray) -> float:
    if a.shape != b.shape:
        return float("nan")
    cos = (a * b).sum(1) / np.maximum(np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1), 1e-12)
    return float(cos.min()) if len(cos) else 1.0


def answers(settings: Settings, embedder, questions: list[str]) -> list:
    service = QAService(settings, embedder=embedder)
    out = []
    for q in questions:
        r = service.ask(q)
        a = r.answer
        out.append([a.text if a else None, a.doc if a else None, [p.doc for p in r.passages]])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad", default=str(SQUAD), help="SQuAD v1.1 dev [../shared/data/squad/dev-v1.1.json]")
    ap.add_argument("--out", default=str(ROOT / "benchmarks/out"))
    ap.add_argument("--paragraphs", type=int, default=None, help="only the first N paragraphs (default: all)")
    ap.add_argument("--runs", nargs="+", default=["local", "ray1", "ray2"])
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    need(args.squad, "--squad")
    runtime_env()

    out = Path(args.out)
    corpus = out / "ray-squad-corpus"
    gold = write_corpus(Path(args.squad), corpus)
    names = sorted(p.name for p in corpus.iterdir())
    if args.paragraphs and args.paragraphs < len(names):  # a smaller corpus: a folder of its own
        keep = set(names[: args.paragraphs])
        small = out / f"ray-squad-corpus-{args.paragraphs}"
        small.mkdir(parents=True, exist_ok=True)
        for n in keep:
            if not (small / n).exists():
                (small / n).write_bytes((corpus / n).read_bytes())
        corpus, gold = small, [g for g in gold if g.doc in keep]
    questions = [g.question for g in random.Random(args.seed).sample(gold, min(args.questions, len(gold)))]
    print(f"corpus {corpus} ({len(list(corpus.iterdir()))} files), load {os.getloadavg()[0]:.1f}", file=sys.stderr)

    rows = []
    for run in args.runs:
        settings = Settings().with_(corpus_dir=corpus, index_dir=out / f"ray-bench-index-{run}")
        row = build(run, settings)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)

    base = next((r for r in rows if r["run"] == "local"), None)
    if base is not None:
        settings = {r["run"]: Settings().with_(corpus_dir=corpus, index_dir=out / f"ray-bench-index-{r['run']}")
                    for r in rows}
        embedder = make_embedder(Settings().model)
        ref = contents(settings["local"].index_dir)
        ref_answers = answers(settings["local"], embedder, questions)
        for row in rows:
            row["x_local"] = round(row["seconds"] / base["seconds"], 2)
            row["paragraphs_per_s"] = round(row["documents"] / row["seconds"], 2)
            if row["run"] == "local":
                continue
            got = contents(settings[row["run"]].index_dir)
            row["same_rows"] = all(got[k] == ref[k] for k in ("counts", "documents", "chunks", "items"))
            row["min_cos_chunks"] = round(min_cosine(got["chunk_vectors"], ref["chunk_vectors"]), 6)
            row["min_cos_sentences"] = round(min_cosine(got["sentence_vectors"], ref["sentence_vectors"]), 6)
            got_answers = answers(settings[row["run"]], embedder, questions)
            row["same_answers"] = sum(a == b for a, b in zip(got_answers, ref_answers))
            row["questions"] = len(questions)

    print(f"\nload average at end {os.getloadavg()[0]:.1f}")
    print("| run | wall s | x local | paragraphs/s | texts embedded | same rows | min cos chunks / sentences "
          "| same answers |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        same = f"{r.get('same_answers', '-')}/{r.get('questions', '-')}" if "same_answers" in r else "-"
        cos = f"{r['min_cos_chunks']:.6f} / {r['min_cos_sentences']:.6f}" if "min_cos_chunks" in r else "-"
        print(f"| {r['run']} | {r['seconds']} | {r.get('x_local', '-')} | {r.get('paragraphs_per_s', '-')} | "
              f"{r['texts_embedded']} | {r.get('same_rows', '-')} | {cos} | {same} |")
    (out / "ray_build.json").write_text(json.dumps({"corpus": str(corpus), "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
