"""Start the web app over the bundled corpus: `python app.py [--host H] [--port P] [--corpus C] [--index I]`.

The same as `qa serve` (this calls its code): builds the index first when there is none, then
serves http://127.0.0.1:7860.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from qa.app.cli import main as cli

    args = sys.argv[1:] if argv is None else argv
    try:
        cli.main(["serve", *args], prog_name="app.py", standalone_mode=False)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
