#!/usr/bin/env python
"""What the first question in another language costs over an English-only index: the time to make
the multilingual (e5) companion vectors of its chunks and sentences (qa.store.companion), in wall
and CPU seconds, on a copy of an existing index (the index itself is not touched).

    python benchmarks/companion_speed.py INDEX_DIR [INDEX_DIR ...]

e.g. `qa index` the bundled corpus into /tmp/idx first, then `python benchmarks/companion_speed.py
/tmp/idx`. CPU is the process's (time.process_time: every thread of the e5 engine). The model
load is timed apart. docs/languages.md has the figures.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure(index_dir: Path) -> dict:
    from qa import store
    from qa.config import Settings
    from qa.embed import crosslang
    from qa.store.companion import PREFIX

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "index"
        shutil.copytree(index_dir, copy)
        for old in copy.glob(f"gen-*/{PREFIX}*"):
            shutil.rmtree(old)
        settings = Settings().with_(index_dir=copy)
        t0, c0 = time.perf_counter(), time.process_time()
        e5 = crosslang.make_multilingual(settings)
        e5.encode(["warm-up"], role="passage")  # the engine loads its weights on first use
        t1, c1 = time.perf_counter(), time.process_time()
        index = store.Index.open(copy)
        view = crosslang.prepare(index, e5, settings)
        t2, c2 = time.perf_counter(), time.process_time()
        made = json.loads(next(copy.glob(f"gen-*/{PREFIX}*/manifest.json")).read_text())
        index.close()
    return {
        "index": str(index_dir), "chunks": view.manifest["counts"]["chunks"],
        "sentences": view.manifest["counts"]["sentences"], "texts_embedded": made["embedded"],
        "load_wall_s": round(t1 - t0, 2), "load_cpu_s": round(c1 - c0, 2),
        "wall_s": round(t2 - t1, 1), "cpu_s": round(c2 - c1, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("index", nargs="+", help="index folders (as `qa index --index` writes them)")
    args = ap.parse_args()
    import os

    for folder in map(Path, args.index):
        if not (folder / "CURRENT").is_file():
            print(f"Error: no index in {folder}: run `qa index --index {folder}` first.", file=sys.stderr)
            raise SystemExit(2)
    for folder in map(Path, args.index):
        r = measure(folder)
        print(f"{r['index']}: {r['chunks']} chunks, {r['sentences']} sentences, {r['texts_embedded']} texts embedded: "
              f"{r['wall_s']} s wall, {r['cpu_s']} s CPU (model load {r['load_wall_s']} s wall, "
              f"{r['load_cpu_s']} s CPU); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
