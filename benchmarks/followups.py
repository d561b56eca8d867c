#!/usr/bin/env python
"""Follow-up questions in a conversation: the share answered right, and what each was rewritten to.

    python benchmarks/followups.py [--set benchmarks/followups.jsonl] [--corpus DIR] [--show all|misses|none]

The set (benchmarks/followups.jsonl) holds two- and three-turn conversations over the bundled
corpus, written for this benchmark: each turn has the question as a person would type it and
verbatim gold answers from the conversation's document. Every turn goes through the web app's
conversation service (`ChatService.ask`), so follow-ups are rewritten exactly as on the page.
A turn is right when its answer sentence contains a gold answer and comes from that document
(a turn may name its own document). Turns marked "switch" are standalone questions on another
topic asked mid-conversation: counted apart, against the same questions asked alone.

Also checks that a follow-up asked with no conversation before it (right after "New
conversation") gets a hint to ask a whole question instead of a bare "Not found".

Builds (or updates) an index of the bundled documents in benchmarks/out/followup-index.
Needs nothing outside the repository.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.evaluate import contains_gold, norm  # noqa: E402

# Follow-ups that lean entirely on an earlier turn, asked with no earlier turn.
ORPHANS = ["And on what dates?", "Who organised it?", "And heroin?", "What about 2021?", "Where was that?"]


def load_set(path: Path, corpus: Path) -> list[dict]:
    """The conversations, each gold answer checked to be verbatim in its document."""
    convs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        c = json.loads(line)
        for t in c["turns"]:
            doc = t.get("doc", c["doc"])
            text = norm((corpus / doc).read_text(encoding="utf-8"))
            missing = [a for a in t["answers"] if norm(a) not in text]
            if missing:
                raise SystemExit(f"Error: {path.name} line {n}: gold {missing} is not in {doc}")
        convs.append(c)
    return convs


def run(chat, convs: list[dict], k: int) -> list[dict]:
    from qa.app.chat import Conversation

    rows = []
    for c in convs:
        conv = Conversation()
        for i, t in enumerate(c["turns"]):
            turn = chat.ask(conv, t["q"], k, show_passages=False)
            a = turn.answer
            doc = t.get("doc", c["doc"])
            ok = a is not None and a.doc == doc and contains_gold(a.text, t["answers"])
            alone = None
            if t.get("switch"):  # the same question in a conversation of its own, to compare
                b = chat.ask(Conversation(), t["q"], k, show_passages=False).answer
                alone = b is not None and b.doc == doc and contains_gold(b.text, t["answers"])
            rows.append({
                "id": c["id"], "turn": i + 1, "followup": i > 0 and not t.get("switch"),
                "switch": bool(t.get("switch")),
                "alone": alone, "ok": ok, "question": t["q"],
                "searched": turn.searched, "shown": _shown(turn.reply_html), "answer": None if a is None else a.text,
                "doc": None if a is None else a.doc, "gold": t["answers"],
            })
    return rows


def _shown(html: str) -> str | None:
    """The "Searched for: …" line of a reply (what was searched, and in which news item)."""
    import html as h
    import re

    m = re.search(r'<div class="qa-searched">Searched for: <em>(.*?)</em>', html)
    return h.unescape(m.group(1)) if m else None


def orphan_hints(chat) -> list[dict]:
    from qa.app.chat import Conversation

    out = []
    for q in ORPHANS:
        turn = chat.ask(Conversation(), q, 5, show_passages=False)
        out.append({"question": q, "hint": "qa-hint" in turn.reply_html, "answered": turn.answer is not None})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default=str(ROOT / "benchmarks/followups.jsonl"))
    ap.add_argument("--corpus", default=str(ROOT / "samples" / "corpus"), help="the bundled documents [samples/corpus]")
    ap.add_argument("--index", default=str(ROOT / "benchmarks/out/followup-index"))
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--show", choices=("all", "misses", "none"), default="misses")
    ap.add_argument("--json", help="also write the rows and figures to this file")
    args = ap.parse_args()

    from qa.app.chat import ChatService
    from qa.config import Settings
    from qa.app.service import QAService

    corpus = Path(args.corpus)
    convs = load_set(Path(args.set), corpus)
    # index a private copy of just the set's documents: uploads in corpus/ do not change the figure
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "corpus"
        docs.mkdir()
        for name in sorted({t.get("doc", c["doc"]) for c in convs for t in c["turns"]}):
            shutil.copy2(corpus / name, docs / name)
        service = QAService(Settings().with_(corpus_dir=docs, index_dir=Path(args.index)))
        print(f"index: {service.build().summary().splitlines()[0]}", file=sys.stderr)
        chat = ChatService(service)
        rows = run(chat, convs, args.k)
        orphans = orphan_hints(chat)

    for r in rows:
        if args.show == "all" or (args.show == "misses" and not r["ok"]):
            mark = "ok  " if r["ok"] else "MISS"
            print(f"{mark} {r['id']}.{r['turn']} {r['question']}\n     searched: {r['shown'] or r['searched']}\n"
                  f"     answer:   {r['answer']}\n     gold:     {r['gold']}")
    first = [r for r in rows if r["turn"] == 1]
    follow = [r for r in rows if r["followup"]]
    switch = [r for r in rows if r["switch"]]
    figures = {
        "conversations": len(convs),
        "first_turns": len(first),
        "first_turns_right_pct": round(100 * sum(r["ok"] for r in first) / len(first), 1),
        "followups": len(follow),
        "followups_right": sum(r["ok"] for r in follow),
        "followups_right_pct": round(100 * sum(r["ok"] for r in follow) / len(follow), 1),
        # follow-ups whose first turn was right: the rewrite's own share, apart from first-turn misses
        "followups_right_after_right_first_pct": _after_right(rows),
        "orphan_followups_with_hint": f"{sum(o['hint'] for o in orphans)} of {len(orphans)}",
        # standalone questions on another topic in the middle of a conversation: the rules must
        # leave them alone (compared with the same questions asked with no conversation)
        "switches": len(switch),
        "switches_right": sum(r["ok"] for r in switch),
        "switches_right_when_asked_alone": sum(bool(r["alone"]) for r in switch),
    }
    print(json.dumps(figures, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps({"figures": figures, "rows": rows, "orphans": orphans}, indent=1))


def _after_right(rows: list[dict]) -> float | None:
    ok_first = {r["id"] for r in rows if r["turn"] == 1 and r["ok"]}
    sel = [r for r in rows if r["followup"] and r["id"] in ok_first]
    return round(100 * sum(r["ok"] for r in sel) / len(sel), 1) if sel else None


if __name__ == "__main__":
    main()
