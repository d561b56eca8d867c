#!/usr/bin/env python
"""Indexing throughput against the model's own forward pass, and encoder backends compared.

    python benchmarks/indexing_speed.py [--paragraphs 300] [--backends torch onnx onnx-int8]

1. Pipeline vs raw: `qa index` (QAService.build, --rebuild) of N SQuAD paragraphs, then raw
   `SentenceTransformer.encode` of exactly the texts the build embedded (its sentences and
   chunks), in the same process. Pipeline texts/s as a share of raw texts/s; also the share of the
   build spent in its embedding stage.
2. Backends: each backend's `encode` of the same texts (texts/s, ratio to torch), and
   recall@5 / hit@1 on the dev questions over corpus/ with an index built by that backend
   (benchmarks/out/scale-dev-<backend>).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa import index as store  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.embedding import make_embedder  # noqa: E402
from qa.evaluate import evaluate, load_jsonl  # noqa: E402
from qa.service import QAService  # noqa: E402

OUT = ROOT / "benchmarks/out"
SQUAD = ROOT.parent / "shared/data/squad/dev-v1.1.json"
DEV = ROOT.parent / "shared/eval/dev_seeds.jsonl"


def squad_corpus(n: int) -> Path:
    folder = OUT / f"scale-idx-corpus-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    paras = [p["context"] for a in json.loads(SQUAD.read_text())["data"] for p in a["paragraphs"]][:n]
    for i, t in enumerate(paras):
        f = folder / f"p{i:05d}.txt"
        if not f.exists():
            f.write_text(t, encoding="utf-8")
    return folder


def embedded_texts(index_dir: Path) -> list[str]:
    gen = store.current_generation(index_dir)
    conn = sqlite3.connect(f"file:{gen / 'meta.sqlite'}?mode=ro", uri=True)
    seen, out = set(), []
    for table in ("sentences", "chunks"):
        for key, text in conn.execute(f"SELECT key, text FROM {table} ORDER BY id"):
            if key not in seen:
                seen.add(key)
                out.append(text)
    return out


def squad_quality(emb: dict, n: int) -> None:
    import random

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from squad import write_corpus

    questions = random.Random(0).sample(write_corpus(SQUAD, OUT / "squad-corpus"), n)
    for b, e in emb.items():
        if b == "onnx-int8":
            s = Settings().with_(corpus_dir=OUT / "squad-corpus", index_dir=OUT / "scale-squad-int8")
            t0 = time.perf_counter()
            QAService(s, embedder=e).build()
            print(f"  SQuAD index with {b}: {time.perf_counter() - t0:.0f} s")
        else:
            s = Settings().with_(index_dir=OUT / "squad-index")
        m = evaluate(QAService(s, embedder=e), questions, k=5)["metrics"]
        print(f"  SQuAD {n} questions, backend {b:10s}: "
              + ", ".join(f"{k} {v}" for k, v in m.items() if k in ("recall@1", "recall@5", "answer_hit@1", "recall_at_1", "r1", "hit1") or "recall" in k or "hit" in k))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=300)
    ap.add_argument("--backends", nargs="+", default=["torch", "onnx", "onnx-int8"])
    ap.add_argument("--no-dev", action="store_true", help="skip the dev-set recall per backend")
    ap.add_argument("--squad", type=int, default=0, metavar="N",
                    help="also: SQuAD recall/hit@1 on a seeded sample of N questions; torch and onnx ask "
                         "benchmarks/out/squad-index (read only), onnx-int8 builds benchmarks/out/scale-squad-int8")
    ap.add_argument("--only-squad", action="store_true")
    args = ap.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores)")
    model = Settings().model
    emb = {b: make_embedder(model, 32, b) for b in args.backends}
    for e in emb.values():
        e.encode(["warm up"] * 4 + ["warm up the batch path"] * 8)

    if args.squad:
        squad_quality(emb, args.squad)
        if args.only_squad:
            return
    # 1. pipeline vs raw forward pass (torch)
    corpus = squad_corpus(args.paragraphs)
    idx = OUT / f"scale-idx-torch-{args.paragraphs}"
    svc = QAService(Settings().with_(corpus_dir=corpus, index_dir=idx), embedder=emb["torch"])
    calls = []
    inner = emb["torch"].encode

    def timed(texts, progress=False):
        t = time.perf_counter()
        try:
            return inner(texts, progress)
        finally:
            calls.append((len(texts), time.perf_counter() - t))

    emb["torch"].encode = timed
    t0 = time.perf_counter()
    report = svc.build(rebuild=True)
    t_build = time.perf_counter() - t0
    emb["torch"].encode = inner
    n_emb = report.chunks_embedded + report.sentences_embedded
    t_stage = sum(t for _, t in calls)
    texts = embedded_texts(idx)
    raw = emb["torch"]._model
    # raw, pipeline stage, raw again: the machine is shared, so bracket the build and compare
    # against the faster of the two raw runs
    raws = []
    for _ in range(2):
        t0 = time.perf_counter()
        raw.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
        raws.append(time.perf_counter() - t0)
        if len(raws) == 1:
            calls.clear()
            emb["torch"].encode = timed
            t0 = time.perf_counter()
            report = svc.build(rebuild=True)
            t_build = time.perf_counter() - t0
            emb["torch"].encode = inner
            t_stage = sum(t for _, t in calls)
    print(f"  raw runs: {', '.join(f'{r:.1f} s' for r in raws)}")
    t_raw = min(raws)
    print(f"{args.paragraphs} SQuAD paragraphs -> {report.chunks} chunks + {report.sentences} sentences; "
          f"{n_emb} texts embedded ({len(texts)} distinct stored)")
    print(f"  raw SentenceTransformer.encode: {len(texts) / t_raw:.1f} texts/s ({t_raw:.1f} s)")
    print(f"  pipeline embedding stage:      {n_emb / t_stage:.1f} texts/s ({t_stage:.1f} s) = "
          f"{100 * (n_emb / t_stage) / (len(texts) / t_raw):.0f}% of raw")
    print(f"  whole `qa index --rebuild`:    {n_emb / t_build:.1f} texts/s ({t_build:.1f} s) = "
          f"{100 * (n_emb / t_build) / (len(texts) / t_raw):.0f}% of raw; "
          f"{args.paragraphs / t_build:.1f} paragraphs/s")

    # 2. backends on the same texts
    speeds = {}
    for b, e in emb.items():
        t0 = time.perf_counter()
        e.encode(texts)
        speeds[b] = len(texts) / (time.perf_counter() - t0)
    for b, s in speeds.items():
        print(f"  backend {b:10s} {s:7.1f} texts/s  x{s / speeds.get('torch', s):.2f} vs torch")
    qs = [json.loads(line)["question"] for line in DEV.read_text().splitlines() if line.strip()]
    for b, e in emb.items():
        ts = []
        for q in qs:
            t0 = time.perf_counter()
            e.encode([q])
            ts.append(time.perf_counter() - t0)
        ts.sort()
        print(f"  backend {b:10s} one question p50 {1000 * ts[len(ts) // 2]:.1f} ms")

    if not args.no_dev:
        gold = load_jsonl(DEV)
        for b, e in emb.items():
            svc = QAService(Settings().with_(corpus_dir=ROOT / "corpus", index_dir=OUT / f"scale-dev-{b}"), embedder=e)
            svc.build(rebuild=True)
            m = evaluate(svc, gold, k=5)["metrics"]
            print(f"  dev set, backend {b:10s}: " + ", ".join(f"{k} {v}" for k, v in m.items() if not isinstance(v, dict)))
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
