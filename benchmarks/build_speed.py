#!/usr/bin/env python
"""The full index build against one raw pass of the model over the same paragraphs (issue 18).

    nice -n 10 python benchmarks/build_speed.py [--limit N] [--rounds R]
        [--sentence-vectors pooled separate] [--english-only] [--backend auto] [--json FILE]

In one process, interleaved round by round (the build as `qa index` runs it, the model chosen by
the corpus's languages, qa.embed.choose: MiniLM on this English corpus, plus the multilingual model
under QA_MULTILINGUAL=hybrid; --english-only gives it the English model explicitly):
  raw     one `SentenceTransformer.encode` pass (batch 32, torch, the bundled model loaded
          beforehand) over the SQuAD v1.1 dev paragraph texts (all 2,067, or the first --limit);
  build   `qa index --rebuild` of the same paragraphs as .txt files (one per paragraph, written
          once under benchmarks/out/squad-corpus, as benchmarks/quality.py does), with default
          settings but --sentence-vectors, into a fresh folder; the model load is included, as a
          user waits for it.
The figure is build seconds / raw seconds (wall; process CPU seconds beside it: other jobs on a
shared machine move them less). Per build: the stage split (``qa.timing``: exclusive seconds per
stage, stages on different threads overlap), texts and model tokens per second, and the share of
the build outside the model's forward pass.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import qsets  # noqa: E402
from qa import timing  # noqa: E402
from qa.build import run_build  # noqa: E402
from qa.config import Settings, runtime_env  # noqa: E402
from qa.embed import make_embedder  # noqa: E402

OUT = qsets.OUT / "build-speed"
# the build's stages in pipeline order (qa.timing names); others found are printed after these
STAGES = [
    "model load", "scan + read + parse", "read + parse", "split", "chunk", "tokenise", "stored vectors", "encode",
    "pool + glue", "SQLite rows", "vector files", "BM25", "FAISS", "fsync + verify",
]


def corpus(limit: int) -> tuple[Path, list[str]]:
    """The paragraphs as files (benchmarks/out/squad-corpus; a --limit run gets its own folder of
    the first N files in name order) and their texts, in the same order."""
    src = qsets.SOURCES["squad1"]
    if not src.exists():
        sys.exit(f"Error: {src} is missing (the shared data folder sits beside the repository, or set QA_SHARED)")
    qsets.load("squad1")  # writes benchmarks/out/squad-corpus once
    full = qsets.corpus_dir("squad1")
    files = sorted(full.glob("*.txt"))
    if not limit or limit >= len(files):
        return full, [f.read_text(encoding="utf-8") for f in files]
    folder = OUT / f"corpus-{limit}"
    folder.mkdir(parents=True, exist_ok=True)
    for f in files[:limit]:
        if not (folder / f.name).exists():
            shutil.copyfile(f, folder / f.name)
    return folder, [f.read_text(encoding="utf-8") for f in files[:limit]]


def raw_pass(model, texts: list[str]) -> dict:
    t0, c0 = time.perf_counter(), time.process_time()
    model.encode(texts, batch_size=32, show_progress_bar=False, convert_to_numpy=True)
    return {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0}


def build(folder: Path, mode: str, backend: str, n: int, routed: bool, counter) -> dict:
    index = OUT / f"index-{mode}-{n}"
    shutil.rmtree(index, ignore_errors=True)
    settings = Settings().with_(corpus_dir=folder, index_dir=index, backend=backend, sentence_vectors=mode)
    t0, c0 = time.perf_counter(), time.process_time()
    with timing.collect() as stages:
        if routed:  # as `qa index` does: the build picks (and loads) the model(s) for the corpus
            report = run_build(settings, rebuild=True)
        else:  # the English model alone, given explicitly
            with timing.stage("model load"):
                embedder = make_embedder(settings.model, settings.batch_size, settings.backend)
            report = run_build(settings, embedder, rebuild=True)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    texts, tokens = embedded_texts(index, counter)
    return {
        "mode": mode, "wall": wall, "cpu": cpu, "stages": dict(stages), "texts": texts, "tokens": tokens,
        "chunks": report.chunks, "sentences": report.sentences,
        "embedder": getattr(report, "model", None) or "model",
    }


def embedded_texts(index: Path, counter) -> tuple[int, int]:
    """(texts the English model ran over, their tokens by its tokenizer): the chunks, plus the
    sentences when they were encoded on their own (counted after the build, outside its timing)."""
    gen = index / (index / "CURRENT").read_text().strip()
    manifest = json.loads((gen / "manifest.json").read_text())
    conn = sqlite3.connect(gen / "meta.sqlite")
    chunks = sorted({t for (t,) in conn.execute("SELECT text FROM chunks")})
    texts = list(chunks)
    if manifest.get("sentence_vectors", "separate") == "separate":
        sents = {t for (t,) in conn.execute("SELECT text FROM sentences")}
        texts += sorted(sents - set(chunks))
    conn.close()
    counts = [len(x) for x in counter(texts, add_special_tokens=True)["input_ids"]] if texts else []
    return len(texts), sum(min(c, 256) for c in counts)


def show(rows: list[dict], raws: list[dict], n_par: int, par_tokens: int) -> None:
    raw = min(raws, key=lambda r: r["wall"])
    print(f"\nraw SentenceTransformer.encode (torch, batch 32), {n_par} paragraphs, {par_tokens} tokens: "
          f"best {raw['wall']:.1f} s wall ({raw['cpu']:.1f} s CPU); every round: "
          + ", ".join(f"{r['wall']:.1f}" for r in raws))
    print(f"  {n_par / raw['wall']:.1f} texts/s, {par_tokens / raw['wall']:.0f} tokens/s")
    for mode in dict.fromkeys(r["mode"] for r in rows):
        mine = [r for r in rows if r["mode"] == mode]
        best = min(mine, key=lambda r: r["wall"])
        print(f"\nbuild, sentence vectors {mode} ({best['embedder']}): best {best['wall']:.1f} s wall "
              f"({best['cpu']:.1f} s CPU); every round: " + ", ".join(f"{r['wall']:.1f}" for r in mine))
        print(f"  build / raw pass: {best['wall'] / raw['wall']:.2f}x wall, {best['cpu'] / raw['cpu']:.2f}x CPU; "
              "per round (same round's raw): "
              + ", ".join(f"{r['wall'] / w['wall']:.2f}" for r, w in zip(mine, raws)))
        print(f"  {best['chunks']} chunks, {best['sentences']} sentences; the model ran over {best['texts']} texts, "
              f"{best['tokens']} tokens: {best['texts'] / best['wall']:.1f} texts/s, "
              f"{best['tokens'] / best['wall']:.0f} tokens/s")
        st = best["stages"]
        cpu = {k[len(timing.CPU):]: v for k, v in st.items() if k.startswith(timing.CPU)}
        wall = {k: v for k, v in st.items() if not k.startswith(timing.CPU)}
        names = [s for s in STAGES if s in wall] + sorted(set(wall) - set(STAGES))
        # CPU: the thread's own CPU per stage; "encode" is the rest of the process's CPU (ONNX
        # Runtime's threads do the forward pass), so the shares add up to the build's CPU
        outside_cpu = sum(v for k, v in cpu.items() if k != "encode")
        encode_cpu = best["cpu"] - outside_cpu
        print("  | stage | wall s | share of wall | CPU s | share of CPU |\n  |---|---|---|---|---|")
        for s in names:
            c = encode_cpu if s == "encode" else cpu.get(s, 0.0)
            print(f"  | {s} | {wall[s]:.2f} | {100 * wall[s] / best['wall']:.1f} % | {c:.2f} | "
                  f"{100 * c / best['cpu']:.1f} % |")
        print(f"  | whole build | {best['wall']:.2f} | 100 % | {best['cpu']:.2f} | 100 % |")
        outside = best["wall"] - wall.get("encode", 0.0)
        print(f"  outside the forward pass: {outside:.2f} s wall = {100 * outside / best['wall']:.1f} % of the "
              f"build's wall; {outside_cpu:.2f} CPU-s = {100 * outside_cpu / best['cpu']:.1f} % of its CPU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N paragraphs (0: all 2,067)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--sentence-vectors", nargs="+", default=["pooled", "separate"], choices=["pooled", "separate"])
    ap.add_argument("--backend", default="auto", help="the build's backend (Settings.backend); the raw pass is torch")
    ap.add_argument("--english-only", action="store_true",
                    help="give the build the English model explicitly (no model choice by the corpus's "
                         "languages, qa.embed.choose: with QA_MULTILINGUAL=hybrid `qa index` adds the multilingual "
                         "model)")
    ap.add_argument("--json", help="also write every round's figures here")
    args = ap.parse_args()

    runtime_env()
    folder, texts = corpus(args.limit)
    from sentence_transformers import SentenceTransformer

    settings = Settings()
    model = SentenceTransformer(settings.model, device="cpu")
    par_tokens = sum(min(len(x), 256) for x in model.tokenizer(texts, add_special_tokens=True)["input_ids"])
    print(f"{len(texts)} paragraphs from {folder}; load average {os.getloadavg()[0]:.1f}", flush=True)
    raws, rows = [], []
    for r in range(args.rounds):
        raws.append(raw_pass(model, texts))
        print(f"round {r + 1}: raw {raws[-1]['wall']:.1f} s", flush=True)
        for mode in args.sentence_vectors if r % 2 == 0 else args.sentence_vectors[::-1]:
            rows.append(build(folder, mode, args.backend, len(texts), not args.english_only, model.tokenizer))
            print(f"round {r + 1}: build {mode} {rows[-1]['wall']:.1f} s (load {os.getloadavg()[0]:.1f})", flush=True)
    show(rows, raws, len(texts), par_tokens)
    if args.json:
        Path(args.json).write_text(json.dumps({"raw": raws, "builds": rows, "paragraphs": len(texts)}, indent=1))


if __name__ == "__main__":
    main()
