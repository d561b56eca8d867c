#!/usr/bin/env python
"""Start-up: `qa serve` to the first answer over HTTP, one `qa ask` from the shell, heavy imports.

    python benchmarks/startup.py [--index benchmarks/out/scale-bundled-index-torch] [--runs 3]

The index must exist (benchmarks/query_speed.py --corpus bundled builds it). Prints the wall time
of each run and the slowest top-level imports of `qa ask` (python -X importtime).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QA = str(Path(sys.executable).with_name("qa"))
QUESTION = "How many kilograms of drugs were seized?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask_http(port: int, question: str, timeout: float) -> dict:
    """Gradio's HTTP API: POST the call, then read its event stream until the result."""
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/gradio_api/call/ask",
        data=json.dumps({"data": [question, 5]}).encode(),
        headers={"Content-Type": "application/json"},
    )
    event = json.loads(urllib.request.urlopen(req, timeout=timeout).read())["event_id"]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/call/ask/{event}", timeout=timeout) as r:
        for line in r.read().decode().splitlines():
            if line.startswith("data:"):
                return json.loads(line[5:])
    raise RuntimeError("no result")


def serve_to_first_answer(index: str) -> tuple[float, float]:
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([QA, "serve", "--index", index, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        t_listen = None
        while time.perf_counter() - t0 < 120:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    t_listen = time.perf_counter() - t0
                    break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError("qa serve exited")
                time.sleep(0.05)
        while True:
            try:
                ask_http(port, QUESTION, 60)
                return t_listen, time.perf_counter() - t0
            except OSError:
                if time.perf_counter() - t0 > 120:
                    raise
                time.sleep(0.1)
    finally:
        proc.terminate()
        proc.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", default=str(ROOT / "benchmarks/out/scale-bundled-index-torch"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores)")
    for i in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run([QA, "ask", "--index", args.index, QUESTION], check=True, capture_output=True)
        t_ask = time.perf_counter() - t0
        listen, first = serve_to_first_answer(args.index)
        print(f"run {i + 1}: `qa ask` {t_ask:.1f} s; `qa serve` listening {listen:.1f} s, first answer {first:.1f} s")
    t0 = time.perf_counter()
    subprocess.run([QA, "--help"], check=True, capture_output=True)
    print(f"`qa --help` {time.perf_counter() - t0:.2f} s")

    # where `qa ask` spends its import time (cumulative microseconds, top-level packages)
    out = subprocess.run([sys.executable, "-X", "importtime", QA, "ask", "--index", args.index, QUESTION],
                         capture_output=True, text=True).stderr
    top: dict[str, int] = {}
    for line in out.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m and len(m.group(2)) <= 1:
            top[m.group(3)] = max(top.get(m.group(3), 0), int(m.group(1)))
    print("slowest top-level imports of `qa ask` (s): "
          + ", ".join(f"{k} {v / 1e6:.2f}" for k, v in sorted(top.items(), key=lambda x: -x[1])[:10]))
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
