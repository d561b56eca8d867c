"""Load test: N concurrent gradio_client clients against the running app, re-index in the middle.

    .venv/bin/python benchmarks/load.py [--duration 60] [--concurrency 16] [--reindex-at 0.5]

Starts the web app (real model, the bundled corpus copied to a temporary folder, its own index)
on a free 127.0.0.1 port in this process, runs the clients for --duration seconds, and halfway
through edits one document and re-indexes through the same code path as the page's Re-index
button. Prints throughput, p50/p95/max latency and the error count (must be 0; exit 1 otherwise),
and checks that the edited fact is answerable after the re-index. Only loopback traffic.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

QUESTIONS = [
    "Who hosted the workshop in Astana?",
    "How much drugs were seized as a result of the operations coordinated by CARICC?",
    "When was the meeting of the heads of drug control agencies held?",
    "Which countries took part in the training?",
    "What was discussed at the meeting?",
    "Who organised the conference?",
    "Where did the seminar take place?",
    "How many participants attended the training course?",
    "What is the boiling point of liquid nitrogen on Mars?",  # unanswerable on purpose
    "And who organised it?",
]
NEW_FACT = "The Harbour Logistics Forum opened in Kotor on 14 March 2025 with 212 delegates."
NEW_FACT_QUESTION = "How many delegates attended the Harbour Logistics Forum in Kotor?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load [60]")
    ap.add_argument("--concurrency", type=int, default=16, help="concurrent clients [16]")
    ap.add_argument("--reindex-at", type=float, default=0.5, help="when to re-index, as a share of the run [0.5]")
    ap.add_argument("--corpus", default=str(ROOT / "samples" / "corpus"), help="corpus to copy [bundled corpus]")
    ap.add_argument("--json", action="store_true", help="print one JSON object only")
    args = ap.parse_args(argv)

    from gradio_client import Client

    from qa.config import Settings
    from qa.app.service import QAService
    from qa.app.web import start

    work = Path(tempfile.mkdtemp(prefix="qa-load-"))
    corpus = work / "corpus"
    shutil.copytree(args.corpus, corpus)
    settings = Settings().with_(corpus_dir=corpus, index_dir=work / "index")
    service = QAService(settings)
    t0 = time.perf_counter()
    service.build()
    build_s = time.perf_counter() - t0
    demo, url = start(settings, service, host="127.0.0.1", port=free_port(), env={})
    assert url.startswith("http://127.0.0.1:"), url

    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + args.duration
    ready = threading.Barrier(args.concurrency + 1)

    def client_loop(n: int) -> None:
        try:
            client = Client(url, verbose=False)
        except Exception as e:  # noqa: BLE001
            with lock:
                errors.append(f"client {n} connect: {type(e).__name__}: {e}")
            ready.wait()
            return
        ready.wait()
        i = n
        while time.perf_counter() < stop_at:
            q = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            t = time.perf_counter()
            try:
                out = client.predict(q, 5, api_name="/ask")
                ok = isinstance(out, dict) and "error" not in out and "citations" in out
                err = None if ok else f"bad reply: {str(out)[:200]}"
            except Exception as e:  # noqa: BLE001
                err = f"{type(e).__name__}: {e}"
            dt = time.perf_counter() - t
            with lock:
                if err:
                    errors.append(err)
                else:
                    latencies.append(dt)

    reindex: dict = {}

    def reindex_midway() -> None:
        time.sleep(args.duration * args.reindex_at)
        doc = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")[0]
        with open(doc, "a", encoding="utf-8") as fh:
            fh.write(f"\n\nHarbour forum\n\n{NEW_FACT}\n")
        t = time.perf_counter()
        text = demo.chat_service.reindex()  # the Re-index button's code path
        reindex.update(seconds=round(time.perf_counter() - t, 2), report=text.splitlines()[0], doc=doc.name,
                       at_s=round(args.duration * args.reindex_at, 1))

    threads = [threading.Thread(target=client_loop, args=(n,), daemon=True) for n in range(args.concurrency)]
    for th in threads:
        th.start()
    ready.wait()
    started = time.perf_counter()
    stop_at = started + args.duration
    rt = threading.Thread(target=reindex_midway, daemon=True)
    rt.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - started
    rt.join()

    after = Client(url, verbose=False).predict(NEW_FACT_QUESTION, 5, api_name="/ask")
    new_fact_found = bool(after.get("answer")) and "212" in (after["answer"].get("text") or "")
    demo.close()
    shutil.rmtree(work, ignore_errors=True)

    result = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "command": "benchmarks/load.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "concurrency": args.concurrency,
        "duration_s": round(elapsed, 1),
        "index_build_s": round(build_s, 1),
        "requests": len(latencies),
        "errors": len(errors),
        "throughput_rps": round(len(latencies) / elapsed, 2),
        "p50_ms": round(percentile(latencies, 0.50) * 1000),
        "p95_ms": round(percentile(latencies, 0.95) * 1000),
        "max_ms": round(max(latencies) * 1000) if latencies else None,
        "mean_ms": round(statistics.fmean(latencies) * 1000) if latencies else None,
        "reindex": reindex,
        "new_fact_answered_after_reindex": new_fact_found,
        "first_errors": errors[:5],
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=2))
        print(
            f"\n{result['requests']} answers in {result['duration_s']} s from {args.concurrency} clients: "
            f"{result['throughput_rps']} req/s, p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
            f"errors {result['errors']}; re-index {reindex.get('seconds')} s mid-run"
        )
    return 0 if not errors and new_fact_found else 1


if __name__ == "__main__":
    sys.exit(main())
