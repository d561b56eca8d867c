#!/usr/bin/env python
"""Indexing throughput against the model's own forward pass, and encoder backends compared.

    python benchmarks/indexing_speed.py [--paragraphs 120] [--rounds 5] [--threads 2]
        [--ab torch onnx] [--only-ab] [--backends torch onnx onnx-int8] [--no-dev]

1. Pipeline vs raw, per side (torch, onnx): `qa index --rebuild` of N SQuAD paragraphs
   (QAService.build = build_index, the model already loaded) against a raw encode of exactly the
   texts that build embeds (its distinct sentences and chunks): `SentenceTransformer.encode` for
   torch, `RawOnnx` (sentence-transformers' procedure on the embedder's own ORT session) for onnx.
   The machine is shared and its load varies, so raw and pipeline runs are interleaved for
   --rounds rounds (order alternating), each timed in wall seconds and in process CPU seconds
   (time.process_time: every thread of this process), with the same pinned thread count on both
   sides. Reported per round and as medians: the embedding stage alone and the whole build as a
   share of raw texts/s; and the onnx build against raw torch (what users gain).
2. Backends: each backend's `encode` of the same texts (texts/s, ratio to torch), and
   recall@5 / hit@1 on the dev questions over corpus/ with an index built by that backend
   (benchmarks/out/scale-dev-<backend>).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.config import Settings  # noqa: E402
from qa.embed import make_embedder  # noqa: E402
from qa.evaluate import evaluate, load_jsonl  # noqa: E402
from qa.app.service import QAService  # noqa: E402

OUT = ROOT / "benchmarks/out"
from benchmarks.shared_data import DEV, SQUAD, need  # noqa: E402


def squad_corpus(n: int) -> Path:
    folder = OUT / f"scale-idx-corpus-{n}"
    folder.mkdir(parents=True, exist_ok=True)
    paras = [p["context"] for a in json.loads(need(SQUAD).read_text())["data"] for p in a["paragraphs"]][:n]
    for i, t in enumerate(paras):
        f = folder / f"p{i:05d}.txt"
        if not f.exists():
            f.write_text(t, encoding="utf-8")
    return folder


def pin_threads(emb: dict, threads: int) -> str:
    """The same thread count for both sides of every comparison: torch's intra-op pool, and the
    ONNX embedders' batch session re-made with intra_op_num_threads=threads (their one-text
    question session is untouched). Raw and pipeline then share one model / one session."""
    import torch

    from qa.embed.onnx_encoder import OnnxEmbedder

    torch.set_num_threads(threads)
    for e in emb.values():
        if isinstance(e, OnnxEmbedder):
            e.use_threads(threads)  # its batch session re-made with intra_op_num_threads=threads
    return f"torch.set_num_threads({threads}), ORT intra_op_num_threads={threads} inter_op=1"


class RawOnnx:
    """The ONNX counterpart of raw `SentenceTransformer.encode`: what sentence-transformers does,
    on the embedder's own session: sort by characters (longest first), batches of 32 tokenized by
    the HF tokenizer with padding and truncation to the window, forward pass, mean pooling, L2."""

    def __init__(self, e, batch_size: int = 32):
        import numpy as np
        from tokenizers import Tokenizer

        self.np, self.e, self.batch_size = np, e, batch_size
        self.tok = Tokenizer.from_file(os.path.join(e.name, "tokenizer.json"))
        self.tok.enable_truncation(e._max_tokens)
        self.tok.enable_padding()
        self.forward = 0.0  # wall seconds inside session.run, last call

    def encode(self, texts: list[str]):
        np = self.np
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), self.e.dim), dtype=np.float32)
        sess, self.forward = self.e._batch, 0.0
        for s in range(0, len(order), self.batch_size):
            part = order[s : s + self.batch_size]
            encs = self.tok.encode_batch([texts[i] for i in part])
            ids = np.array([x.ids for x in encs], dtype=np.int64)
            mask = np.array([x.attention_mask for x in encs], dtype=np.int64)
            t = time.perf_counter()
            hidden = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
            self.forward += time.perf_counter() - t
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(1) / np.maximum(m.sum(1), 1e-9)
            out[part] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out


def clocked(fn):
    """(result, wall s, process CPU s): CPU of every thread of this process, so a forward pass on
    2 threads counts both; other jobs' load moves it far less than it moves wall time."""
    gc.collect()
    w, c = time.perf_counter(), time.process_time()
    r = fn()
    return r, time.perf_counter() - w, time.process_time() - c


def forward_only(e, texts: list[str], batch_size: int = 32):
    """The bound: the model's forward pass alone on batches sorted by token count (least padding),
    tokenized and padded beforehand, untimed. torch: SentenceTransformer.forward (its modules,
    pooling and normalisation included); onnx: session.run alone."""
    import numpy as np

    from qa.embed.onnx_encoder import OnnxEmbedder

    if isinstance(e, OnnxEmbedder):
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(os.path.join(e.name, "tokenizer.json"))
        tok.no_padding()
        tok.enable_truncation(e._max_tokens)
        lens = [len(x.ids) for x in tok.encode_batch(texts)]
        tok.enable_padding()
        order = np.argsort(lens, kind="stable")[::-1]
        feeds = []
        for s in range(0, len(order), batch_size):
            encs = tok.encode_batch([texts[i] for i in order[s : s + batch_size]])
            ids = np.array([x.ids for x in encs], dtype=np.int64)
            mask = np.array([x.attention_mask for x in encs], dtype=np.int64)
            feeds.append({"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})

        def run():
            for f in feeds:
                e._batch.run(None, f)
    else:
        import torch

        m = e._model
        lens = [len(x) for x in m.tokenizer(texts, truncation=True, max_length=e._max_tokens)["input_ids"]]
        order = np.argsort(lens, kind="stable")[::-1]
        prep = getattr(m, "preprocess", None) or m.tokenize
        feats = [prep([texts[i] for i in order[s : s + batch_size]]) for s in range(0, len(order), batch_size)]

        def run():
            with torch.inference_mode():
                for f in feats:
                    m.forward(dict(f))
    return run, sum(len(order[s : s + batch_size]) * max(lens[i] for i in order[s : s + batch_size])
                    for s in range(0, len(order), batch_size))


def pipeline_vs_raw(emb: dict, sides: list[str], paragraphs: int, rounds: int) -> dict:
    """Interleaved runs per side on the texts the build embeds: raw encode, the forward-only bound,
    and `qa index --rebuild` (QAService.build = build_index as the CLI calls it, model already
    loaded). Each round rotates the order of the three, and alternates the order of the sides."""
    import statistics

    import numpy as np

    corpus = squad_corpus(paragraphs)
    svc, texts, steps, stage = {}, {}, {}, {}
    for side in sides:
        e = emb[side]
        # separate sentence vectors: this compares the build's one encode() of its texts with a raw
        # encode of the same texts (the pooled build and one raw pass: benchmarks/build_speed.py)
        svc[side] = QAService(Settings().with_(corpus_dir=corpus, index_dir=OUT / f"scale-idx-{side}-{paragraphs}",
                                               sentence_vectors="separate"), embedder=e)
        inner = e.encode
        calls: list = []

        def timed(ts, role="passage", progress=None, inner=inner, calls=calls):
            w, c = time.perf_counter(), time.process_time()
            try:
                return inner(ts, role=role, progress=progress)
            finally:
                calls.append((list(ts), time.perf_counter() - w, time.process_time() - c))

        e.encode = timed
        stage[side] = calls
        svc[side].build(rebuild=True)  # warm-up, untimed: first-use imports, pysbd's regex cache
        texts[side] = ts = [t for batch, _, _ in calls for t in batch]
        if side == "torch":
            def raw(ts=ts, m=e._model):
                return m.encode(ts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True)
        else:
            def raw(ts=ts, r=RawOnnx(e)):  # noqa: B008 - made once, here, on purpose
                return r.encode(ts)
        fwd, padded = forward_only(e, ts)
        steps[side] = {"raw": raw, "fwd": fwd, "build": lambda s=svc[side]: s.build(rebuild=True)}
        cos = float(np.min(np.sum(raw()[:64] * inner(ts[:64]), axis=1)))
        print(f"  {side}: the build embeds {len(ts)} texts (its distinct sentences and chunks, one encode call; "
              f"{padded} tokens padded by token count); raw vs pipeline vectors, min cosine: {cos:.5f}")
    if len(set(map(len, texts.values()))) > 1:
        print("  warning: the sides embed different text sets")

    rows = []
    for r in range(rounds):
        order = sides if r % 2 == 0 else sides[::-1]
        row = {"round": r + 1, "load": os.getloadavg()[0]}
        for k, side in enumerate(order):
            names = ["raw", "fwd", "build"]
            names = names[(r + k) % 3 :] + names[: (r + k) % 3]
            row[f"{side}-order"] = "/".join(names)
            for name in names:
                stage[side].clear()
                rep, row[f"{side}-{name}-w"], row[f"{side}-{name}-c"] = clocked(steps[side][name])
                if name == "build":
                    n = rep.chunks_embedded + rep.sentences_embedded
                    assert n == len(texts[side]) == sum(len(ts) for ts, _, _ in stage[side]), (n, len(texts[side]))
                    row[f"{side}-stage-w"] = sum(w for _, w, _ in stage[side])
                    row[f"{side}-stage-c"] = sum(c for _, _, c in stage[side])
        rows.append(row)
        print(f"  round {r + 1}/{rounds} (load {row['load']:.2f}): " + "; ".join(
            f"{s} " + ", ".join(f"{n} {row[f'{s}-{n}-w']:.1f} s / {row[f'{s}-{n}-c']:.1f} CPU-s"
                                for n in ("raw", "fwd", "stage", "build")) for s in order), flush=True)

    def t(x: dict, side: str, what: str) -> str:
        return f"{x[f'{side}-{what}-w']:.1f} ({x[f'{side}-{what}-c']:.1f})"

    def share(x: dict, num: tuple[str, str], den: tuple[str, str], clock: str) -> float:
        # texts/s of num as a share of texts/s of den (the same texts: a time ratio)
        return x[f"{den[0]}-{den[1]}-{clock}"] / x[f"{num[0]}-{num[1]}-{clock}"]

    print("\n| round | load | side | order | raw encode s (CPU s) | forward only | embedding stage | whole build "
          "| build / raw, wall | build / raw, CPU | build / forward, wall | build / forward, CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for x in rows:
        for s in sides:
            print(f"| {x['round']} | {x['load']:.2f} | {s} | {x[f'{s}-order']} | {t(x, s, 'raw')} | {t(x, s, 'fwd')} "
                  f"| {t(x, s, 'stage')} | {t(x, s, 'build')} | "
                  + " | ".join(f"{share(x, (s, 'build'), (s, d), c):.0%}" for d in ("raw", "fwd") for c in "wc") + " |")
    comparisons = []
    for s in sides:
        comparisons += [((s, "stage"), (s, "raw")), ((s, "build"), (s, "raw")),
                        ((s, "stage"), (s, "fwd")), ((s, "build"), (s, "fwd"))]
    if "torch" in sides:
        comparisons += [((s, "build"), ("torch", "raw")) for s in sides if s != "torch"]
    names = {"raw": "raw encode", "fwd": "forward only", "stage": "embedding stage", "build": "whole build"}
    med = {}
    print("\nmedian over rounds (min-max): texts/s as a share of texts/s, the same texts, the same round")
    print("| pipeline | against | wall: median | (min-max) | CPU: median | (min-max) |")
    print("|---|---|---|---|---|---|")
    for num, den in comparisons:
        cells = []
        for clock in "wc":
            v = [share(x, num, den, clock) for x in rows]
            med[(num, den, clock)] = statistics.median(v)
            cells += [f"**{statistics.median(v):.0%}**", f"{min(v):.0%}-{max(v):.0%}"]
        print(f"| {num[0]} {names[num[1]]} | {den[0]} {names[den[1]]} | " + " | ".join(cells) + " |")
    for s in sides:
        for clock, name in (("w", "wall"), ("c", "CPU")):
            rate = {w: statistics.median(len(texts[s]) / x[f"{s}-{w}-{clock}"] for x in rows) for w in names}
            print(f"  {s}: median texts per {name}-second: " + ", ".join(f"{names[w]} {v:.1f}" for w, v in rate.items())
                  + f" (whole build: {paragraphs * rate['build'] / len(texts[s]):.1f} paragraphs)")
    return {"texts": texts, "rows": rows, "median": med}


def squad_quality(emb: dict, n: int) -> None:
    import random

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from squad import write_corpus

    questions = random.Random(0).sample(write_corpus(need(SQUAD), OUT / "squad-corpus"), n)
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
              + ", ".join(f"{k} {v}" for k, v in m.items() if "recall" in k or "hit" in k))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, default=300)
    ap.add_argument("--backends", nargs="+", default=["torch", "onnx", "onnx-int8"])
    ap.add_argument("--no-dev", action="store_true", help="skip the dev-set recall per backend")
    ap.add_argument("--squad", type=int, default=0, metavar="N",
                    help="also: SQuAD recall/hit@1 on a seeded sample of N questions; torch and onnx ask "
                         "benchmarks/out/squad-index (read only), onnx-int8 builds benchmarks/out/scale-squad-int8")
    ap.add_argument("--only-squad", action="store_true")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved raw/pipeline rounds per side")
    ap.add_argument("--ab", nargs="+", default=["torch", "onnx"], help="sides of the raw/pipeline comparison")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1,
                    help="torch and ONNX Runtime intra-op threads, the same for raw and pipeline")
    ap.add_argument("--only-ab", action="store_true", help="stop after the raw/pipeline comparison")
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
    # 1. pipeline vs raw forward pass, interleaved rounds
    sides = [b for b in args.ab if b in emb]
    print(f"threads: {pin_threads(emb, args.threads)}")
    ab = pipeline_vs_raw(emb, sides, args.paragraphs, args.rounds)
    texts = next(iter(ab["texts"].values()))
    if args.only_ab:
        print(f"load average at end: {os.getloadavg()[0]:.2f}")
        return

    # 2. backends on the same texts
    speeds = {}
    for b, e in emb.items():
        t0 = time.perf_counter()
        e.encode(texts)
        speeds[b] = len(texts) / (time.perf_counter() - t0)
    for b, s in speeds.items():
        print(f"  backend {b:10s} {s:7.1f} texts/s  x{s / speeds.get('torch', s):.2f} vs torch")
    qs = [json.loads(line)["question"] for line in need(DEV).read_text().splitlines() if line.strip()]
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
            svc = QAService(Settings().with_(corpus_dir=ROOT / "samples" / "corpus", index_dir=OUT / f"scale-dev-{b}"),
                            embedder=e)
            svc.build(rebuild=True)
            m = evaluate(svc, gold, k=5)["metrics"]
            print(f"  dev set, backend {b:10s}: "
                  + ", ".join(f"{k} {v}" for k, v in m.items() if not isinstance(v, dict)))
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
