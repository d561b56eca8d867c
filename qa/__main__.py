"""`python -m qa …` runs the same command line as `qa …` (the console script)."""

from qa.app.cli import main

main(prog_name="qa")
