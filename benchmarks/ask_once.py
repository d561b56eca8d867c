#!/usr/bin/env python
"""Wall time of one question from a fresh process: `qa ask "..."`, median of N runs, warm disk cache.

    python benchmarks/ask_once.py [--runs 5] [--index DIR] [--corpus DIR] [--importtime] [--compare CHECKOUT]

Builds an index of the bundled documents in benchmarks/out/ask-once-index when there is none,
runs the question once to warm the disk cache (and the one-off ONNX export), then times, wall and CPU,
`--runs` runs of `qa ask QUESTION` (default output) and `qa ask --short QUESTION`.
The machine's load average is printed: on a busy shared machine the figures are higher.
With --importtime, also prints the total and the slowest top-level imports (python -X importtime, each
module's least time over --runs runs).
Python's bytecode cache is on, as for a user: when $PYTHONDONTWRITEBYTECODE turns it off here, the
runs keep theirs in benchmarks/out/pycache instead (otherwise every run compiles the qa package,
~0.08 s).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "How much did the CARICC-coordinated operations seize?"


def timed(cmd: list[str], env: dict, cwd: Path = ROOT) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run; CPU time depends less on how busy the machine is."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=cwd)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--index", default=str(ROOT / "benchmarks/out/ask-once-index"))
    ap.add_argument("--corpus", default=None, help="documents to index when there is no index [the bundled ones]")
    ap.add_argument("--question", default=QUESTION)
    ap.add_argument("--importtime", action="store_true")
    ap.add_argument("--compare", metavar="CHECKOUT",
                    help="another checkout of the repository (e.g. a clone at an older commit): its runs are "
                         "interleaved with this one's, so both see the same machine load")
    args = ap.parse_args()

    trees = [ROOT] + ([Path(args.compare).resolve()] if args.compare else [])
    envs = {tree: _env(tree) for tree in trees}
    base = [sys.executable, "-m", "qa.app.cli"]
    index = Path(args.index).resolve()
    if not (index / "CURRENT").exists():
        corpus = args.corpus or str(_bundled())
        print(f"building {index} from {corpus} …", file=sys.stderr)
        subprocess.run(base + ["index", "--corpus", corpus, "--index", str(index)], check=True, env=envs[ROOT],
                       cwd=ROOT)
    ask = base + ["ask", "--index", str(index), args.question]
    for tree in trees:
        timed(ask, envs[tree], tree)  # warm the disk cache (and the bytecode and ONNX caches)
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
    for label, cmd in (("qa ask", ask), ("qa ask --short", ask[:-1] + ["--short", args.question])):
        runs: dict[Path, list[tuple[float, float]]] = {tree: [] for tree in trees}
        for _ in range(args.runs):
            for tree in trees:
                runs[tree].append(timed(cmd, envs[tree], tree))
        for tree in trees:
            wall = [w for w, _ in runs[tree]]
            cpu = [c for _, c in runs[tree]]
            name = f" [{tree}]" if args.compare else ""
            print(f"{label}{name}: wall median {statistics.median(wall):.2f} s of {args.runs} runs "
                  f"({', '.join(f'{r:.2f}' for r in wall)}); CPU median {statistics.median(cpu):.2f} s")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    if args.importtime:
        # each module's least time over the runs: a busy machine only ever adds to it
        best: dict[Path, dict[str, int]] = {tree: {} for tree in trees}
        for _ in range(args.runs):
            for tree in trees:
                err = subprocess.run([sys.executable, "-X", "importtime"] + ask[1:], capture_output=True,
                                     text=True, env=envs[tree], cwd=tree).stderr
                for line in err.splitlines():
                    m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
                    if m and len(m.group(2)) <= 1:
                        name = m.group(3)
                        best[tree][name] = min(best[tree].get(name, 10**12), int(m.group(1)))
        for tree in trees:
            top = best[tree]
            name = f" [{tree}]" if args.compare else ""
            print(f"imports{name}: {sum(top.values()) / 1e6:.2f} s in all ({len(top)} top-level, least of "
                  f"{args.runs} runs each); slowest (s): "
                  + ", ".join(f"{k} {v / 1e6:.2f}" for k, v in sorted(top.items(), key=lambda x: -x[1])[:10]))


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(tree))
    if env.pop("PYTHONDONTWRITEBYTECODE", None):  # keep the bytecode cache out of the source tree
        env["PYTHONPYCACHEPREFIX"] = str(ROOT / "benchmarks/out/pycache" / tree.name)
    return env


def _bundled() -> Path:
    for candidate in (ROOT / "samples" / "corpus",):
        if candidate.is_dir():
            return candidate
    raise SystemExit("Error: no bundled documents found (samples/corpus or corpus); pass --corpus DIR")


if __name__ == "__main__":
    main()
