#!/usr/bin/env python
"""Incremental re-indexing on SQuAD v1.1 dev: 2,067 paragraphs, one .txt file each.

    .venv/bin/python benchmarks/incremental.py [--out benchmarks/out] [--keep-index] [--cli]

Writes the paragraphs to <out>/incr-corpus (fresh every run), does a full build into
<out>/incr-index with the real model, then times a re-index after changing one document,
deleting one, adding one, renaming one and copying one, plus a run with nothing changed.
Prints seconds, the ratio to the full build and how many chunks/sentences were embedded;
writes the same as JSON to <out>/incremental.json. With --cli it also times the `qa index`
command for a one-document change end to end (Python start-up and model load included).
--keep-index re-uses an existing full build (its time is then read from the last JSON).
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.squad import SQUAD, write_corpus  # noqa: E402
from qa.build import build_index  # noqa: E402
from qa.config import Settings  # noqa: E402
from qa.embed.torch_encoder import SentenceTransformerEmbedder  # noqa: E402

NEW_DOC = (
    "The Rosehill Observatory opened in 1911 on a hill above the river. Its brass refractor, "
    "built by the Halden workshop, was the largest telescope in the region for forty years. "
    "Volunteers still open the dome to visitors on the first Saturday of every month."
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--squad", default=str(SQUAD))
    ap.add_argument("--out", default=str(ROOT / "benchmarks/out"))
    ap.add_argument("--keep-index", action="store_true")
    ap.add_argument("--cli", action="store_true")
    args = ap.parse_args()

    out = Path(args.out)
    corpus, index_dir, result_file = out / "incr-corpus", out / "incr-index", out / "incremental.json"
    shutil.rmtree(corpus, ignore_errors=True)
    write_corpus(Path(args.squad), corpus)
    files = sorted(corpus.iterdir())
    settings = Settings().with_(corpus_dir=corpus, index_dir=index_dir)

    t0 = time.perf_counter()
    embedder = SentenceTransformerEmbedder(settings.model, settings.batch_size)
    load_s = time.perf_counter() - t0
    print(f"model load: {load_s:.1f} s", file=sys.stderr)

    rows = []

    def run(step: str, **kw) -> None:
        t = time.perf_counter()
        r = build_index(settings, embedder, **kw)
        s = time.perf_counter() - t
        rows.append(
            {
                "step": step,
                "seconds": round(s, 3),
                "chunks_embedded": r.chunks_embedded,
                "sentences_embedded": r.sentences_embedded,
                "documents": r.documents,
                "chunks": r.chunks,
                "sentences": r.sentences,
                "summary": r.summary().splitlines()[0],
            }
        )
        print(f"{step:22s} {s:8.2f} s  {r.summary().splitlines()[0]}", file=sys.stderr)

    if args.keep_index and (index_dir / "CURRENT").exists() and result_file.exists():
        full = next(r for r in json.loads(result_file.read_text())["rows"] if r["step"] == "full build")
        rows.append(full)
        run("catch up (no change)")
    else:
        shutil.rmtree(index_dir, ignore_errors=True)
        run("full build", rebuild=True)
    full_s = rows[0]["seconds"]

    run("nothing changed")
    changed = files[100]
    changed.write_text(changed.read_text(encoding="utf-8") + " The committee later revised this account twice.")
    run("change one document")
    files[200].unlink()
    run("delete one document")
    (corpus / "Rosehill_Observatory_000.txt").write_text(NEW_DOC)
    run("add one document")
    files[300].rename(corpus / ("renamed_" + files[300].name))
    run("rename one document")
    shutil.copy(files[400], corpus / ("copy_" + files[400].name))
    run("copy one document")

    if args.cli:
        changed.write_text(changed.read_text(encoding="utf-8") + " A second note was added.")
        qa = Path(sys.executable).parent / "qa"
        t = time.perf_counter()
        done = subprocess.run(
            [str(qa), "index", "--corpus", str(corpus), "--index", str(index_dir), "--json"],
            capture_output=True, text=True, check=True,
        )
        s = time.perf_counter() - t
        r = json.loads(done.stdout)
        rows.append(
            {"step": "`qa index` command, one change", "seconds": round(s, 3),
             "chunks_embedded": r["chunks_embedded"], "sentences_embedded": r["sentences_embedded"],
             "documents": r["documents"], "chunks": r["chunks"], "sentences": r["sentences"],
             "summary": "whole command incl. start-up and model load"}
        )
        print(f"{'qa index (cli)':22s} {s:8.2f} s", file=sys.stderr)

    for r in rows:
        r["ratio_to_full"] = round(r["seconds"] / full_s, 5)
    meta = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {platform.processor() or '?'}, python {platform.python_version()}",
        "cpus": __import__("os").cpu_count(),
        "model_load_seconds": round(load_s, 2),
    }
    result_file.write_text(json.dumps({"meta": meta, "rows": rows}, indent=1))

    print(f"\n{'step':32s} {'seconds':>8s} {'ratio':>8s} {'chunks emb.':>11s} {'sent. emb.':>10s}")
    for r in rows:
        print(
            f"{r['step']:32s} {r['seconds']:8.2f} {100 * r['ratio_to_full']:7.2f}% "
            f"{r['chunks_embedded']:11d} {r['sentences_embedded']:10d}"
        )
    print(f"({rows[0]['documents']} documents, {rows[0]['chunks']} chunks, {rows[0]['sentences']} sentences)")


if __name__ == "__main__":
    main()
