"""The `qa` command: index a folder of documents, ask questions, serve the web app."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click

from qa.config import DEFAULT_HOST, DEFAULT_K, DEFAULT_PORT, MAX_K, Settings, runtime_env
from qa.contracts import LOW_CONFIDENCE, confidence_text, one_line
from qa.lang import detect, reply_words

if TYPE_CHECKING:
    from qa.store import Rollback

# Errors a user can fix; anything else is a bug and keeps its traceback.
_USER_ERRORS: tuple[type[Exception], ...] = ()


def _user_errors() -> tuple[type[Exception], ...]:
    global _USER_ERRORS
    if not _USER_ERRORS:
        from qa.app.service import QuestionError
        from qa.build import BuildError
        from qa.embed import ModelError
        from qa.ingest import DocumentError
        from qa.store import IndexProblem

        _USER_ERRORS = (BuildError, DocumentError, ModelError, IndexProblem, QuestionError)
    return _USER_ERRORS


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def _settings(corpus: str | None = None, index: str | None = None, model: str | None = None) -> Settings:
    return Settings().with_(
        corpus_dir=Path(corpus) if corpus else None,
        index_dir=Path(index) if index else None,
        model=model,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="qa")
def main() -> None:
    """Ask questions about your documents and get answers copied from them, with citations."""
    runtime_env()


@main.command("index")
@click.option("--corpus", type=click.Path(), help="Folder of documents to index [corpus].")
@click.option("--index", "index_dir", type=click.Path(), help="Where the index lives [embeddings].")
@click.option("--model", help="Local sentence-transformers model folder (default: bundled MiniLM).")
@click.option("--rebuild", is_flag=True, help="Re-embed everything instead of updating.")
@click.option("--rollback", is_flag=True,
              help="Switch back to the previous index generation (run again: undo, back to the newer one).")
@click.option("--purge", is_flag=True,
              help="Update, then delete every older generation at once: a deleted document's text leaves the disk "
              "(no rollback afterwards).")
@click.option("--wait", type=float, default=0, help="Seconds to wait for another running indexer.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--watch", is_flag=True, help="Keep running: re-index whenever files in the corpus change.")
@click.option("--engine", type=click.Choice(["local", "ray"]), default=None,
              help="Where new files are parsed and embedded: this process, or Ray (pip install 'qa[ray]') [local].")
@click.option("--ray-address", help="Ray cluster to join (HOST:PORT, ray://HOST:PORT, auto); none: a local instance.")
@click.option("--ray-workers", type=click.IntRange(1),
              help="Encoder actors on Ray [one per core (at most 4) locally, one per CPU on a cluster].")
def index_cmd(corpus, index_dir, model, rebuild, rollback, purge, wait, as_json, watch, engine, ray_address,
              ray_workers) -> None:
    """Build the index, or update it with what changed in the corpus."""
    settings = _settings(corpus, index_dir, model).with_(
        engine=engine, ray_address=ray_address, ray_workers=ray_workers
    )
    if (ray_address or ray_workers) and settings.engine != "ray":
        _fail("--ray-address and --ray-workers need --engine ray")
    if purge and (rollback or watch):
        _fail("--purge cannot be combined with --rollback or --watch: run `qa index --purge` on its own")
    if rollback:
        _rollback(settings, wait, as_json)
        return
    if not settings.corpus_dir.is_dir():
        _fail(
            f"corpus folder not found: {settings.corpus_dir} (create it, pass --corpus DIR, or start "
            "with the bundled documents: cp -r samples/corpus corpus)"
        )
    if watch:
        from qa.build.watch import watch_command

        try:
            watch_command(settings, rebuild=rebuild, as_json=as_json, wait=wait)
        except _user_errors() as e:
            _fail(str(e))
        return
    from qa.build import console_progress, run_build
    from qa.ingest import iter_corpus_files
    from qa.ingest.readers import describe_types

    if not iter_corpus_files(settings.corpus_dir):
        # checked before the model loads, so the mistake costs no wait
        _fail(f"no readable documents in {settings.corpus_dir} (add {describe_types()} files)")
    try:
        progress = None if as_json else console_progress()
        report = run_build(settings, rebuild=rebuild, wait=wait, progress=progress, purge=purge)
    except _user_errors() as e:
        _fail(str(e))
    click.echo(json.dumps(report.to_json()) if as_json else report.summary())


def _rollback(settings: Settings, wait: float, as_json: bool) -> None:
    """`qa index --rollback`: swap CURRENT and PREVIOUS, say which way that went, and warn when the
    generation now live does not match the corpus folder (answers would cite what is not there).
    The check runs after the lock is released: it only reads and hashes the corpus files."""
    from filelock import Timeout

    from qa import store
    from qa.build.changes import corpus_changes, describe

    try:
        with store.writer_lock(settings.index_dir, timeout=wait):
            done = store.rollback(settings.index_dir)
    except Timeout:
        _fail("another `qa index` is running on this index; try again when it ends (or pass --wait)")
    except _user_errors() as e:
        _fail(str(e))
    changes = corpus_changes(settings.corpus_dir, settings.index_dir / done.generation, settings.max_file_bytes)
    differs = describe(changes) if changes is not None else ""
    if as_json:
        click.echo(json.dumps({"generation": done.generation, "replaced": done.replaced, "undo": done.undo,
                               "corpus_differs": differs or None}))
    else:
        click.echo(_rollback_message(done))
    if differs:
        click.echo(
            f"Warning: {done.generation} does not match {settings.corpus_dir} ({differs} since it was built): "
            "answers may cite files that are gone or older text; `qa index` brings it up to date",
            err=True,
        )


def _rollback_message(done: Rollback) -> str:
    """Rolling back swaps the two generations, so say which way this one went."""
    if done.undo:
        return (f"undid the last rollback: {done.generation} is live again (the newer generation); "
                f"`qa index --rollback` goes back to {done.replaced}")
    if done.replaced is None:  # CURRENT named a folder that is gone: nothing to return to
        return f"rolled back to {done.generation}"
    return (f"rolled back to {done.generation}, the generation before {done.replaced}; "
            f"`qa index --rollback` again returns to {done.replaced}")


@main.command("ask")
@click.argument("question", required=False)
@click.option("--index", "index_dir", type=click.Path(), help="Where the index lives [embeddings].")
@click.option("--model", help="Local sentence-transformers model folder (default: bundled MiniLM).")
@click.option("-k", "k", type=click.IntRange(1, MAX_K), default=DEFAULT_K, show_default=True, help="Passages to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per question).")
@click.option("--short", is_flag=True, help="Print only the answer and its citation.")
@click.option("--corpus", type=click.Path(), help="Where the documents are, for the links of --format md/csv [corpus].")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "md", "csv"]), default=None,
    help="text (default), json (same as --json), or md / csv: the answer written up with its source.",
)
@click.option(
    "--questions",
    type=click.Path(dir_okay=False),
    help="JSON Lines file with a `question` field per line (and optional `id`, echoed in its answer, and `since`, "
    "`until`, `source`; use with --json); '-' reads stdin.",
)
@click.option("--since", help="Only items dated on or after this: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", help="Only items dated on or before this (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--source", "sources", multiple=True,
              help='Only these documents: a file glob or folder under the corpus ("003_*", "news/"); repeatable.')
def ask_cmd(question, index_dir, model, k, as_json, short, corpus, fmt, questions, since, until, sources) -> None:
    """Answer QUESTION from the indexed documents."""
    from qa.app.service import QAService
    from qa.contracts import Filters

    fmt = fmt or ("json" if as_json else "text")
    settings = _settings(corpus, index=index_dir, model=model)
    service = QAService(settings)
    filters = Filters(since, until, tuple(sources))
    if questions:
        if fmt in ("md", "csv"):
            _export_many(service, questions, k, fmt, filters)
        else:
            _ask_many(service, questions, k, filters)
        return
    if question is None:
        _fail('give a question, e.g. qa ask "Who hosted the workshop?", or --questions FILE')
    try:
        result = service.ask(question, k, filters, progress=preparing_progress())
    except _user_errors() as e:
        _fail(str(e))
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False))
    elif fmt in ("md", "csv"):
        from qa.app import export

        rows = [export.row_from_answer(question, _answer_json(result), settings.corpus_dir, result.not_found)]
        click.echo(export.render(rows, fmt), nl=False)
    elif short:
        click.echo(render_short(result))
    else:
        click.echo(render_text(result))


def preparing_progress():
    """progress(done, total) for the one wait a question in another language may have over an
    English-only index (its multilingual vectors, made once: qa.embed.crosslang), on stderr: a
    bar with rate and time left on a terminal, else a line when it starts and one when it ends."""
    from qa.embed.crosslang import PREPARING

    bar = None
    said = False

    def show(done: int, total: int) -> None:
        nonlocal bar, said
        if not total:
            return
        if not sys.stderr.isatty():
            if not said:
                click.echo(f"{PREPARING}: embedding {total} texts of the index with the multilingual model…", err=True)
                said = True
            if done >= total:
                click.echo(f"{PREPARING}: done", err=True)
            return
        if bar is None:
            from tqdm.auto import tqdm

            bar = tqdm(total=total, desc=PREPARING, unit="text")
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return show


def _line_filters(record: dict, default):
    """A line's own `since` / `until` / `source` (a string or a list) over the command's filters."""
    from qa.contracts import Filters

    src = record.get("source", record.get("sources"))
    sources = default.sources if src is None else tuple([src] if isinstance(src, str) else src)
    return Filters(record.get("since", default.since), record.get("until", default.until), sources)


def _answer_json(result) -> dict | None:
    return None if result.answer is None else result.answer.to_json()


def _export_many(service, path: str, k: int, fmt: str, filters=None) -> None:
    """All the questions of a JSON Lines file, written up in one Markdown or CSV document."""
    from qa.app import export

    rows = []
    for line in _lines(path):
        try:
            record = json.loads(line)
            q = record.get("question") if isinstance(record, dict) else None
        except json.JSONDecodeError:
            q = None
        if not isinstance(q, str):
            continue
        try:
            result = service.ask(q, k, _line_filters(record, filters) if filters is not None else None,
                                 progress=preparing_progress())
            rows.append(export.row_from_answer(q, _answer_json(result), service.settings.corpus_dir, result.not_found))
        except _user_errors() as e:
            _fail(str(e))
    click.echo(export.render(rows, fmt), nl=False)


def _lines(path: str) -> list[str]:
    try:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as e:
        _fail(f"cannot read questions file {path}: {e.strerror}")
    with stream:
        return [line for line in stream if line.strip()]


def _ask_many(service, path: str, k: int, filters=None) -> None:
    """One JSON object per input line, in order; the model and index load once."""
    from qa.app.service import QuestionError
    from qa.contracts import Filters

    filters = filters or Filters()

    try:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as e:
        _fail(f"cannot read questions file {path}: {e.strerror}")
    try:
        service.index()  # fail early, once, if there is no index
        service.embedder
    except _user_errors() as e:
        _fail(str(e))
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            record = None
            try:
                record = json.loads(line)
                q = record["question"] if isinstance(record, dict) else None
                if not isinstance(q, str):
                    raise KeyError
                out = service.ask(q, k, _line_filters(record, filters), progress=preparing_progress()).to_json()
            except (json.JSONDecodeError, KeyError):
                out = {"line": n, "error": "not a JSON object with a string `question` field"}
            except QuestionError as e:
                out = {"line": n, "question": record.get("question"), "error": str(e)}
            if isinstance(record, dict) and "id" in record:
                out = {"id": record["id"], **out}  # the input line's own id: answers are matched to questions by it
            click.echo(json.dumps(out, ensure_ascii=False))


def render_text(result, excerpt_chars: int = 300) -> str:
    """A human-readable answer with numbered citations and a short excerpt of each passage."""
    lines = []
    a = result.answer
    # worded in the question's language, as the web page's reply is
    code = detect(result.question)
    words = reply_words(code)
    if result.scope is not None:
        # counted in the scope line's language ("Искали: материалы с датой 2024 (3 материала).")
        lines.append(f"{result.scope.reading} ({words.items(result.scope.items, code)}).")
    # before the answer, which they qualify ("the question was cut to its first 2000 characters")
    lines += [words.note.format(note=note) for note in result.notes]
    if a is None:
        lines.append(_not_found_line(result))
        if result.passages:
            lines.append(words.say("cli.related"))
    else:
        # an answer the documents may not hold is offered as a possibility, not stated as the answer
        said = "cli.unsure" if a.score < LOW_CONFIDENCE else "cli.answer"
        lines.append(words.say(said, answer=one_line(a.span_text or a.marked_text)))
        if a.span_text:
            lines.append(words.say("cli.in", text=a.marked_text))
        if a.header:
            lines.append(words.say("cli.header", header=a.header))
        lines.append(words.say("cli.cited", n=a.passage_rank, cite=_cite(a, code), start=a.start, end=a.end,
                               confidence=confidence_text(a.score, words.low)))
        if a.disagreement is not None:
            d = a.disagreement
            lines.append(disagreement_text(a, code))
            lines.append(words.say("cli.in", text=d.marked_text))
            lines.append(words.say("cli.other_cited", n=d.passage_rank, cite=_cite(d, code), start=d.start, end=d.end))
        lines.append("")
        lines.append(words.say("cli.passages"))
    for p in result.passages:
        lines.append(f"[{p.rank}] {_cite(p, code)}  ({words.say('cli.score')} {p.score:.2f})")
        text = one_line(p.shown_text).strip()  # a sentence over a page break without the footer between its halves
        if len(text) > excerpt_chars:
            text = text[:excerpt_chars].rsplit(" ", 1)[0] + " …"
        lines.append(textwrap.indent(textwrap.fill(text, 100), "    "))
    return "\n".join(lines)


def render_short(result) -> str:
    """`qa ask --short`: the answer and its citation, nothing else."""
    a = result.answer
    # a question cut to the length allowed was not the question asked: said even here
    from qa.app.service import QUESTION_CUT

    code = detect(result.question)
    words = reply_words(code)
    cut = [words.note.format(note=note) for note in result.notes if note.startswith(QUESTION_CUT)]
    if a is None:
        # the reason is part of the answer ("None of the best passages gives a phone number."), not detail
        return "\n".join([*cut, _not_found_line(result)])
    head = one_line(a.span_text or a.marked_text)
    out = [*cut, head]
    if a.span_text:
        out.append(f'  "{a.marked_text}"')
    if a.header:
        out.append(words.say("cli.header", header=a.header))
    out.append(f"  — {_cite(a, code)}")
    if a.disagreement is not None:
        out.append(disagreement_text(a, code))
        out.append(f'  "{a.disagreement.marked_text}" — {_cite(a.disagreement, code)}')
    return "\n".join(out)


def _not_found_line(result) -> str:
    """"Not found in the documents." and why, in the question's language as the reason is."""
    said = reply_words(detect(result.question)).not_found
    return said + (f" {result.not_found}" if result.not_found else "")


def disagreement_text(a, language: str = "en") -> str:
    """The line that says another document states otherwise, and which of the two is dated later, in `language`."""
    from qa.app.render import disagreement_line

    return disagreement_line(a, language)


def _cite(x, language: str = "en") -> str:
    """An answer's or a passage's source: its human title first, the file name (and page, in `language`) after it."""
    from qa.app.render import cite_text

    doc_title = getattr(x, "doc_title", None)
    if doc_title is None and getattr(x, "item", None) is not None:
        doc_title = getattr(x.item, "doc_title", None)
    return cite_text(x.doc, x.title, x.date, getattr(x, "page", None), doc_title, language)


def _inside(path: str, corpus: Path) -> str | None:
    """``path`` as a document name (its path inside the corpus folder, "/"-separated), if it is a
    file path under that folder; else None."""
    try:
        rel = Path(path).resolve().relative_to(Path(corpus).resolve())
    except (ValueError, OSError):
        return None
    return rel.as_posix() if rel.parts else None


@main.command("text")
@click.argument("doc")
@click.option("--index", "index_dir", type=click.Path(), help="Where the index lives [embeddings].")
@click.option("--corpus", type=click.Path(), help="The corpus folder, for a DOC given as a file path [corpus].")
@click.option("--json", "as_json", is_flag=True, help='Print {"doc", "text", "pages"} as one JSON object.')
def text_cmd(doc, index_dir, corpus, as_json) -> None:
    """Print the stored text of DOC (its path in the corpus), exactly as answers index it.

    An answer's start/end are offsets into this text: answer.text == text[start:end]. For PDF
    and Word files it is the text extracted from the file (pages of a PDF end with a form feed
    line); for .txt and .md files it is the file itself."""
    from qa import store

    settings = _settings(corpus, index=index_dir)
    try:
        index = store.Index.open(settings.index_dir)
    except _user_errors() as e:
        _fail(str(e))
    text = index.document_text(doc)
    if text is None and (inside := _inside(doc, settings.corpus_dir)) is not None:
        doc, text = inside, index.document_text(inside)  # "corpus/report.pdf", as the shell completes it
    if text is None:
        _fail(f"no document {doc!r} in the index (names are paths inside the corpus folder; see `qa index`)")
    if as_json:
        click.echo(json.dumps({"doc": doc, "text": text, "pages": index.document_pages(doc)}, ensure_ascii=False))
    else:
        sys.stdout.write(text)  # exactly the stored text: no newline added
        sys.stdout.flush()


@main.command("serve")
@click.option("--index", "index_dir", type=click.Path(), help="Where the index lives [embeddings].")
@click.option("--corpus", type=click.Path(), help="Corpus folder uploads go to [corpus].")
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to bind (this machine only by default).")
@click.option("--port", type=int, default=DEFAULT_PORT, show_default=True)
def serve_cmd(index_dir, corpus, host, port) -> None:
    """Start the web app (indexing the corpus first when there is no index yet)."""
    code = serve(_settings(corpus, index_dir), host, port)
    if code:
        sys.exit(code)


def serve(settings: Settings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> int:
    """What `qa serve` and `python app.py` run: check the password rule and the port before
    loading anything, build the index first when there is none (with progress), then serve until Ctrl-C."""
    runtime_env()
    from qa.app.auth import AuthError, auth_for
    from qa.app.ports import PortBusy, check_port
    from qa.app.service import QAService
    from qa.build import console_progress

    try:
        auth_for(host)  # a public address without a password stops here, before any loading
        check_port(host, port)  # so does a taken port: one line, before Gradio or the model load
    except (AuthError, PortBusy) as e:
        click.echo(f"Error: {e}", err=True)
        return 1
    try:
        from qa.app.web import launch
    except ImportError as e:  # gradio missing from a partial install
        click.echo(f"Error: the web app is not available: {e}", err=True)
        return 1
    service = QAService(settings)
    try:
        report = service.ensure_index(progress=console_progress(), say=lambda m: click.echo(m))
    except _user_errors() as e:
        click.echo(f"Error: {e}", err=True)
        return 1
    if report is not None:
        click.echo(report.summary())
    try:
        launch(settings, host=host, port=port, service=service)
    except (AuthError, PortBusy) as e:  # QA_AUTH_FILE changed, or the port was taken, since the checks above
        click.echo(f"Error: {e}", err=True)
        return 1
    return 0


if __name__ == "__main__":
    main()
