"""Start the web app over the bundled corpus: `python app.py [--host H] [--port P]`.

Builds the index first when there is none (or it cannot be opened), then serves
http://127.0.0.1:7860 — the same app as `qa serve`. The model loads once for both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qa.config import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Ask your documents: the web app.")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind [127.0.0.1: this machine only]")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--corpus", help="folder of documents [corpus, or $QA_CORPUS]")
    parser.add_argument("--index", help="index folder [embeddings, or $QA_INDEX]")
    args = parser.parse_args(argv)
    settings = Settings().with_(
        corpus_dir=Path(args.corpus) if args.corpus else None,
        index_dir=Path(args.index) if args.index else None,
    )

    from qa import index as store
    from qa.auth import AuthError, auth_for
    from qa.build import BuildError
    from qa.embedding import ModelError
    from qa.service import QAService
    from qa.web import launch

    try:
        auth_for(args.host)  # a public address without a password stops here, before any loading
    except AuthError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    service = QAService(settings)
    try:
        service.index()
    except store.IndexProblem:
        print(f"No usable index in {settings.index_dir}: indexing {settings.corpus_dir} first…", flush=True)
        try:
            print(service.build(progress=True).summary(), flush=True)
        except (BuildError, ModelError) as e:
            print(f"Error: {e}", file=sys.stderr)
            return 1
    except ModelError as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    try:
        launch(settings, host=args.host, port=args.port, service=service)
    except AuthError as e:  # QA_AUTH_FILE changed or vanished since the check above
        print(f"Error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
