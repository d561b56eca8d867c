"""Where the evaluation data lives, and one clear line when it is not there.

The question sets and SQuAD are not part of the repository: they sit in a folder named `shared`
beside the clone (`../shared`; for a worktree, beside a folder further up; or $QA_SHARED).
README.md, "Evaluation data", says what is in it. Every benchmark finds it through ``SHARED``.
A benchmark that needs a file from it calls `need()`, which exits with one `Error:` line naming
the file and how to get it, instead of a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shared() -> Path:
    """../shared beside the repository ($QA_SHARED overrides; a worktree looks further up)."""
    if os.environ.get("QA_SHARED"):
        return Path(os.environ["QA_SHARED"])
    for parent in ROOT.parents:
        if (parent / "shared").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


SHARED = _shared()

DEV = SHARED / "eval" / "dev_seeds.jsonl"
DEV2 = SHARED / "eval" / "dev2_seeds.jsonl"
SQUAD = SHARED / "data" / "squad" / "dev-v1.1.json"

WHERE = (
    "the evaluation data is not in the repository: put the `shared` folder beside the clone "
    "(or set QA_SHARED=/path/to/shared); README.md, section 'Evaluation data', says what it holds"
)


def need(path: Path | str, option: str | None = None) -> Path:
    """path if it exists; else print one Error: line (naming `option` to point elsewhere) and exit 2."""
    path = Path(path)
    if path.exists():
        return path
    alt = f", or pass {option} FILE" if option else ""
    print(f"Error: {path} not found: {WHERE}{alt}.", file=sys.stderr)
    raise SystemExit(2)
