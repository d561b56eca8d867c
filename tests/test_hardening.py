"""What real users feed the assistant: bad files through build_index, bad questions through
QAService, the CLI and the chat page. Every bad input is indexed correctly or skipped with a
one-line reason, answered or refused with a clear message, in bounded time, and nothing already
indexed is lost. HashEmbedder keeps all of this fast; the big inputs are marked slow.
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from conftest import CORPUS, HashEmbedder
from qa import store
from qa.build import build_index
from qa.app.chat import ChatService, Conversation
from qa.config import Settings
from qa.app.render import esc
from qa.ingest import DocumentError, decode, load_document, parse_text
from qa.ingest.files import parse_bytes, read_bytes
from qa.app.service import QAService, QuestionError

RUSSIAN = (
    "Совещание руководителей антинаркотических ведомств\n\n"
    "Совещание руководителей антинаркотических ведомств стран региона состоялось 10 августа "
    "2022 года в Ташкенте. Участники обсудили контрабанду героина через границу.\n\n"
    "В работе совещания приняли участие представители пяти государств.\n"
)
LONG_LINE_WORDS = 30_000


def _one_line(reason: str, max_chars: int = 200) -> bool:
    return bool(reason) and "\n" not in reason and len(reason) < max_chars and "Traceback" not in reason


def _skipped(report) -> dict[str, str]:
    return {s["path"]: s["reason"] for s in report.skipped}


def _docs(settings: Settings) -> set[str]:
    idx = store.Index.open(settings.index_dir)
    try:
        return {d["doc"] for d in idx.documents()}
    finally:
        idx.close()


@pytest.fixture
def built(corpus_copy, settings_for):
    """The bundled corpus indexed with HashEmbedder: (settings, embedder, the original documents)."""
    settings = settings_for(corpus_copy)
    embedder = HashEmbedder()
    build_index(settings, embedder)
    return settings, embedder, _docs(settings)


# ----------------------------------------------------------------------------- bad documents
def _write_bad_files(corpus: Path) -> dict[str, str | None]:
    """Write every kind of bad file; returns name -> expected skip-reason prefix (None: indexed)."""
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n" + bytes(range(256)) * 8
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.md").write_bytes(b"  \n\t\n\r\n")
    (corpus / "bom-only.txt").write_bytes(b"\xef\xbb\xbf\n")
    (corpus / "scan.txt").write_bytes(pdf)
    (corpus / "photo.txt").write_bytes(png)
    (corpus / "noise.md").write_bytes(os.urandom(4096))
    (corpus / "zip.html").write_bytes(b"PK\x03\x04" + os.urandom(500))
    (corpus / "russian-cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (corpus / "russian-koi8.txt").write_bytes(RUSSIAN.encode("koi8_r"))
    utf8 = RUSSIAN.encode("utf-8")
    (corpus / "russian-one-bad-byte.txt").write_bytes(utf8[:60] + b"\xff" + utf8[60:])
    (corpus / "latin1.txt").write_bytes("Die Sitzung über Grenzsicherheit fand in Köln statt.\n".encode("latin-1"))
    (corpus / "utf16.txt").write_bytes("\ufeffThe UTF-16 memo was filed in Vienna.\n".encode("utf-16-le"))
    (corpus / "longline.txt").write_text(" ".join(f"word{i % 97}" for i in range(LONG_LINE_WORDS)))
    (corpus / "furniture.html").write_text("<html><body><nav>Home | About | Contact</nav><p>Read more</p>"
                                           "</body></html>")
    (corpus / "script.html").write_text(
        "<html><head><title>Memo</title><script>alert('x')</script></head>"
        "<body><p>The <b>memo</b> says [a link](javascript:alert(1)) and <script>alert(2)</script> ok.</p>"
        "</body></html>"
    )
    (corpus / "notes.pdf").write_bytes(pdf)  # a damaged PDF: the PDF reader refuses it
    (corpus / "slides.odp").write_bytes(png)  # unsupported type: skipped, never parsed
    loop = corpus / "loop"
    loop.mkdir()
    os.symlink(corpus, loop / "back-to-root")  # directory loop
    os.symlink(corpus / "missing.txt", corpus / "dangling.txt")
    os.symlink(corpus / "cycle-b.txt", corpus / "cycle-a.txt")  # file symlink loop
    os.symlink(corpus / "cycle-a.txt", corpus / "cycle-b.txt")
    os.mkfifo(corpus / "pipe.txt")
    return {
        "empty.txt": "empty file",
        "blank.md": "empty file",
        "bom-only.txt": "empty file",
        "scan.txt": "damaged or truncated PDF",  # sniffed as a PDF whatever its name
        "photo.txt": "binary file",
        "noise.md": "binary file",
        "zip.html": "binary file",
        "russian-cp1251.txt": None,
        "russian-koi8.txt": None,
        "russian-one-bad-byte.txt": None,
        "latin1.txt": None,
        "utf16.txt": None,
        "longline.txt": None,
        "furniture.html": "no text content",
        "script.html": None,
        "notes.pdf": "damaged or truncated PDF",
        "slides.odp": "unsupported type .odp",
        "dangling.txt": "broken symbolic link",
        "cycle-a.txt": "unreadable: too many levels of symbolic links",
        "cycle-b.txt": "unreadable: too many levels of symbolic links",
        "pipe.txt": "not a regular file",
    }


def test_bad_files_are_indexed_or_skipped_with_one_line_reasons_and_nothing_is_lost(built):
    settings, embedder, original = built
    corpus = Path(settings.corpus_dir)
    expected = _write_bad_files(corpus)
    # (the FIFO would block a reader forever; the first build has no stored documents to hash,
    # so load_document's regular-file check guards it: see the xfail below for the second build)
    os.unlink(corpus / "pipe.txt")
    expected.pop("pipe.txt")
    started = time.process_time()  # CPU, not wall time: a busy machine must not fail it
    report = build_index(settings, embedder)
    assert time.process_time() - started < 60
    skipped = _skipped(report)
    assert all(_one_line(r) for r in skipped.values()), skipped
    for name, reason in expected.items():
        if reason is None:
            assert name in report.added, (name, skipped.get(name))
        else:
            assert skipped.get(name, "").startswith(reason), (name, skipped.get(name))
    assert report.unchanged == sorted(original)  # nothing already indexed is lost
    assert not report.removed and not report.changed
    indexed = _docs(settings)
    assert original <= indexed
    assert indexed == original | {n for n, r in expected.items() if r is None}

    # the same reasons in `qa index --json` (the report's JSON) and in the corpus panel
    assert {s["path"] for s in report.to_json()["skipped"]} == set(skipped)
    chat = ChatService(QAService(settings, embedder=embedder))
    panel = chat.corpus_html()
    for name, reason in skipped.items():
        assert f"<li>{esc(name)}: {esc(reason)}</li>" in panel
    assert not set(skipped) & set(chat.corpus_panel()["pending"])  # skipped is not "not indexed yet"


def test_legacy_and_damaged_encodings_read_as_the_original_text(built):
    settings, embedder, _ = built
    corpus = Path(settings.corpus_dir)
    _write_bad_files(corpus)
    os.unlink(corpus / "pipe.txt")
    build_index(settings, embedder)
    idx = store.Index.open(settings.index_dir)
    try:
        assert idx.document_text("russian-cp1251.txt") == RUSSIAN
        assert idx.document_text("russian-koi8.txt") == RUSSIAN
        damaged = idx.document_text("russian-one-bad-byte.txt")
        assert damaged.replace("\ufffd", "") == RUSSIAN  # one replacement char, not mojibake
        assert "Köln" in idx.document_text("latin1.txt")
        html = idx.document_text("script.html")
        assert "alert(2)" not in html and "memo" in html
    finally:
        idx.close()
    # the Russian document is found by a Russian question, with its date read from Russian text
    result = QAService(settings, embedder=embedder).ask(
        "Где состоялось совещание руководителей антинаркотических ведомств?")
    assert any(p.chunk.doc.startswith("russian") for p in result.passages)
    dated = [p for p in result.passages if p.chunk.doc == "russian-cp1251.txt"]
    assert dated and dated[0].item.date == "2022-08-10"


def test_unreadable_file_is_skipped_with_reason(built, monkeypatch):
    """chmod 000 does not stop root (the tests run as root), so the read itself is made to fail."""
    settings, embedder, original = built
    corpus = Path(settings.corpus_dir)
    (corpus / "locked.txt").write_text("Locked memo.\n\nNobody may read this file today.\n")
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if Path(str(file)).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("qa.ingest.files.open", guarded_open, raising=False)
    report = build_index(settings, embedder)
    assert _skipped(report) == {"locked.txt": "unreadable: permission denied"}
    assert report.unchanged == sorted(original)


def test_a_file_that_vanishes_while_indexing_is_skipped(built, monkeypatch):
    settings, embedder, original = built
    corpus = Path(settings.corpus_dir)
    (corpus / "fleeting.txt").write_text("Fleeting memo.\n\nThis file is deleted mid-scan.\n")
    (corpus / "stays.txt").write_text("Steady memo.\n\nThe harbour opens at noon on Fridays.\n")
    real_read = read_bytes

    def read_then_vanish(path, max_bytes):
        if Path(path).name == "fleeting.txt":
            Path(path).unlink()  # gone between the directory listing and the read
        return real_read(path, max_bytes)

    monkeypatch.setattr("qa.ingest.files.read_bytes", read_then_vanish)
    report = build_index(settings, embedder)
    assert _skipped(report) == {"fleeting.txt": "the file disappeared while indexing"}
    assert report.added == ["stays.txt"] and report.unchanged == sorted(original)


def test_a_file_that_changes_while_indexing_is_indexed_as_read_and_updated_next_time(built, monkeypatch):
    settings, embedder, original = built
    corpus = Path(settings.corpus_dir)
    doc = corpus / "moving.txt"
    doc.write_text("Moving memo.\n\nThe first version names the city of Lyon.\n")
    real_read = read_bytes

    def read_then_change(path, max_bytes):
        out = real_read(path, max_bytes)
        if Path(path).name == "moving.txt":
            doc.write_text("Moving memo.\n\nThe second version names the city of Porto.\n")
        return out

    monkeypatch.setattr("qa.ingest.files.read_bytes", read_then_change)
    report = build_index(settings, embedder)
    assert report.added == ["moving.txt"]
    idx = store.Index.open(settings.index_dir)
    try:
        text = idx.document_text("moving.txt")
        assert "Lyon" in text and "Porto" not in text  # consistent: text and hash of one read
    finally:
        idx.close()
    monkeypatch.undo()
    report = build_index(settings, embedder)
    assert report.changed == ["moving.txt"] and set(report.unchanged) == original
    assert "Porto" in QAService(settings, embedder=embedder).index().document_text("moving.txt")


def test_a_file_that_grows_past_the_limit_while_read_is_skipped(tmp_path):
    root = tmp_path / "c"
    root.mkdir()
    f = root / "growing.txt"
    f.write_text("x" * 50)
    real_stat = Path.stat

    class Small:
        def __init__(self, st):
            self.st_mode, self.st_size = st.st_mode, 10

    def small_stat(self, *a, **k):  # stat() saw a small file; the read finds a bigger one
        st = real_stat(self, *a, **k)
        return Small(st) if self.name == "growing.txt" else st

    import unittest.mock

    with unittest.mock.patch.object(Path, "stat", small_stat):
        with pytest.raises(DocumentError, match="too large"):
            load_document(f, root, max_bytes=20)


def test_a_fifo_named_txt_does_not_block_an_update(built):
    settings, embedder, _ = built
    fifo = Path(settings.corpus_dir) / "pipe.txt"
    os.mkfifo(fifo)
    done = {}
    worker = threading.Thread(target=lambda: done.setdefault("report", build_index(settings, embedder)), daemon=True)
    worker.start()
    worker.join(3)
    blocked = worker.is_alive()
    if blocked:  # release the reader so the thread can end
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        worker.join(10)
    assert not blocked
    assert _skipped(done["report"]) == {"pipe.txt": "not a regular file"}


def test_a_long_line_without_sentence_breaks_is_cut_into_window_sized_pieces(tmp_path, settings_for):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "longline.txt").write_text(" ".join(f"token{i}" for i in range(LONG_LINE_WORDS)))
    embedder = HashEmbedder()
    settings = settings_for(corpus)
    started = time.process_time()  # CPU, not wall time: a busy machine must not fail it
    report = build_index(settings, embedder)
    assert time.process_time() - started < 30
    assert report.documents == 1 and report.chunks >= LONG_LINE_WORDS // embedder.max_words
    result = QAService(settings, embedder=embedder).ask("token12345")
    assert result.passages and "token12345" in result.passages[0].chunk.text


# ----------------------------------------------------------------------------- big inputs (slow)
@pytest.mark.slow
def test_ten_thousand_tiny_files(tmp_path, settings_for):
    corpus = tmp_path / "many"
    for i in range(10_000):
        d = corpus / f"d{i // 500:02d}"
        d.mkdir(parents=True, exist_ok=True)
        (d / f"n{i:05d}.txt").write_text(f"Note {i}. Delegation {i} visited office {i % 97} on 3 May 2021.\n")
    settings = settings_for(corpus)
    embedder = HashEmbedder()
    # CPU time of this process (the build's threads included), not wall time: a quadratic step
    # fails it, a busy machine does not
    started = time.process_time()
    report = build_index(settings, embedder)
    first = time.process_time() - started
    assert report.documents == 10_000 and not report.skipped
    assert first < 120, f"10,000 files took {first:.0f} s of CPU"
    (corpus / "d00" / "n00000.txt").write_text("Note zero changed. The delegation went to Oslo.\n")
    started = time.process_time()
    report = build_index(settings, embedder)
    again = time.process_time() - started
    assert report.changed == ["d00/n00000.txt"] and len(report.unchanged) == 9_999
    assert again < 30, f"one change among 10,000 files took {again:.0f} s of CPU"
    print(f"\n10,000 tiny files: first build {first:.1f} s CPU, one change {again:.1f} s CPU "
          f"({report.seconds:.1f} s wall)")


def _big_text(n_bytes: int) -> str:
    page = (CORPUS / "004_17874ed063c49d3f.txt").read_text(encoding="utf-8")
    return (page + "\n") * (n_bytes // len(page.encode("utf-8")) + 1)


@pytest.mark.slow
def test_a_50_mb_file_is_read_and_parsed_in_bounded_time(tmp_path):
    root = tmp_path / "big"
    root.mkdir()
    (root / "big.txt").write_text(_big_text(50 * 1024 * 1024), encoding="utf-8")
    with pytest.raises(DocumentError, match="split it into smaller files"):
        load_document(root / "big.txt", root)  # over config.MAX_TEXT_CHARS: refused before parsing
    data = (root / "big.txt").read_bytes()
    started = time.process_time()  # CPU, not wall time: a busy machine must not fail it
    doc = parse_bytes("big.txt", data, max_chars=len(data))  # the parser itself stays linear
    took = time.process_time() - started
    assert len(doc.items) > 1000
    assert took < 120, f"parsing 50 MB took {took:.0f} s of CPU"
    print(f"\n50 MB: read + parse {took:.1f} s CPU, {len(doc.items)} items")


@pytest.mark.slow
def test_a_multi_megabyte_file_indexes_in_bounded_time(tmp_path, settings_for):
    """The whole build (parse, sentence split, chunk, embed, write) of a 2 MB file; 50 MB is
    measured in docs/reliability.md (sentence splitting dominates, linearly)."""
    root = tmp_path / "big"
    root.mkdir()
    (root / "big.txt").write_text(_big_text(2 * 1024 * 1024), encoding="utf-8")
    settings = settings_for(root)
    started = time.process_time()  # CPU, not wall time: a busy machine must not fail it
    report = build_index(settings, HashEmbedder())
    assert report.documents == 1 and report.chunks > 500
    assert time.process_time() - started < 90


# ----------------------------------------------------------------------------- bad questions
@pytest.fixture(scope="module")
def small_service(tmp_path_factory):
    base = tmp_path_factory.mktemp("hardening-qa")
    corpus = base / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = Settings().with_(corpus_dir=corpus, index_dir=base / "index")
    service = QAService(settings, embedder=HashEmbedder())
    service.build()
    return service


BAD_QUESTIONS = {
    "empty": "",
    "spaces": "   \t\n  ",
    "controls only": "\x00\x01\x1b[31m\x7f",
    "long": "Who hosted the workshop? " * 4000,  # 100,000 characters
    "one long word": "x" * 100_000,
    "controls": "Who\x00 hosted\x1b[2J the\u200b workshop\u202e?",
    "emoji": "🤔🤔 who hosted the workshop 🏛️?",
    "only emoji": "🔥🔥🔥",
    "cyrillic": "Кто провёл семинар в Астане?",
    "arabic": "من استضاف ورشة العمل في أستانا؟",
    "cjk": "谁主持了阿斯塔纳的研讨会？",
    "html": "<script>alert('x')</script><img src=x onerror=alert(1)> who hosted?",
    "markdown": "[click me](javascript:alert(1)) **who** hosted ![img](http://evil/x.png)?",
    "sql": "'; DROP TABLE chunks; -- who hosted?",
    "surrogates": "who hosted \ud800 the workshop?",
    "rtl override": "\u202ewho hosted the workshop?",
    "format string": "{0} %s %(x)s {__class__} who?",
}


@pytest.mark.parametrize("name", list(BAD_QUESTIONS))
def test_bad_questions_get_a_clear_message_or_a_sane_answer(small_service, name):
    question = BAD_QUESTIONS[name]
    started = time.process_time()  # CPU, not wall time: a busy machine must not fail it
    try:
        result = small_service.ask(question)
    except QuestionError as e:
        assert _one_line(str(e)) and ("empty" in str(e) or "no words" in str(e))
        assert not any(ch.isalnum() for ch in question), name  # refused only with nothing to look up
        return
    finally:
        assert time.process_time() - started < 5
    max_chars = small_service.settings.max_question_chars
    assert 0 < len(result.question) <= max_chars
    assert result.question.isprintable()
    if len(question) > max_chars:
        assert any("cut" in n for n in result.notes)
    for p in result.passages:
        assert p.chunk.text  # citations point at real text


@pytest.mark.parametrize("name", list(BAD_QUESTIONS))
def test_bad_questions_on_the_chat_page_never_show_a_traceback(small_service, name):
    chat = ChatService(small_service)
    conv = Conversation()
    turn = chat.ask(conv, BAD_QUESTIONS[name], 3)
    html = turn.reply_html + "".join(m["content"] for m in conv.messages())
    assert "Traceback" not in html and "<script" not in html and "<img" not in html
    assert "javascript:alert" not in html.replace("&#40;", "(") or "&#91;" in html
    api = chat.ask_api(BAD_QUESTIONS[name], 3)
    assert ("error" in api and _one_line(api["error"])) or "citations" in api


@pytest.mark.parametrize("name", ["empty", "controls only", "long", "html", "surrogates", "cjk"])
def test_bad_questions_in_the_cli_never_show_a_traceback(small_service, monkeypatch, name):
    from qa.app.cli import main

    monkeypatch.setattr("qa.app.service.make_embedder", lambda *a, **k: HashEmbedder())
    question = BAD_QUESTIONS[name].replace("\x00", "")  # argv cannot hold NUL
    for extra in ([], ["--json"]):
        result = CliRunner().invoke(
            main, ["ask", question, "--index", str(small_service.settings.index_dir), "-k", "3", *extra]
        )
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        if result.exit_code:
            assert result.exit_code == 1 and result.output.startswith("Error: ")
            assert result.output.count("\n") == 1


def test_question_file_with_bad_lines_answers_the_rest(small_service, monkeypatch, tmp_path):
    from qa.app.cli import main

    monkeypatch.setattr("qa.app.service.make_embedder", lambda *a, **k: HashEmbedder())
    lines = ['{"question": "Who hosted the workshop?"}', "not json", '{"question": 5}', '{"question": "   "}',
             '["a list"]', '{"question": "' + "long " * 30000 + '"}']
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(main, ["ask", "--questions", str(qfile), "--json", "--index",
                                       str(small_service.settings.index_dir)])
    assert result.exit_code == 0 and "Traceback" not in result.output
    import json

    outs = [json.loads(line) for line in result.output.splitlines()]
    assert len(outs) == 6 and "passages" in outs[0] and "passages" in outs[5]
    assert all("error" in o for o in outs[1:5])


@hsettings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=st.text(max_size=3000))
def test_any_text_question_is_answered_or_refused_cleanly(small_service, question):
    try:
        result = small_service.ask(question, 3)
    except QuestionError as e:
        assert _one_line(str(e))
        return
    assert result.question and result.question.isprintable()
    assert len(result.question) <= small_service.settings.max_question_chars
    assert len(result.passages) <= 4


@hsettings(max_examples=40, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    question=st.lists(
        st.sampled_from(["who", "hosted", "the", "workshop", "Astana", "2021", "?", "<b>", "[x](y)", "🙂",
                         "\x00", "\n", "Кто", "семинар", "ورشة", "研讨会", " ", "CARICC", "kg"]),
        max_size=40,
    ).map("".join)
)
def test_word_salad_questions_are_answered_or_refused_cleanly(small_service, question):
    try:
        result = small_service.ask(question, 5)
    except QuestionError as e:
        assert _one_line(str(e))
        return
    if result.answer is not None:
        a = result.answer
        text = small_service.index().document_text(a.doc)
        assert text[a.start : a.end] == a.text  # an answer is always a verbatim span


# ----------------------------------------------------------------------------- the parser
_LINES = st.sampled_from(
    [
        "Rate this item", "(3 votes)", "Page 2 of 9", "Read more", "Share", "Home | About | Contact",
        "We use cookies to improve the site.", "4 March 2024", "Monday, 04.03.2024 10:30",
        "Officials Meet in Astana to Discuss Border Security", "# Heading", "## Sub heading",
        "On 28-29 October 2021, the workshop was held in Astana.", "John Smith",
        "The delegation visited the laboratory. It met the director.", "Совещание прошло 10 августа 2022 года.",
        "---", "", "   ", "\t", "<script>alert(1)</script>", "[link](http://x)", "Mr. R.A. Smith arrived.",
    ]
)
_DOC = st.lists(st.one_of(_LINES, st.text(max_size=120)), max_size=40).flatmap(
    lambda lines: st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n"]).map(lambda sep: sep.join(lines))
)


def _check_items(text: str, items) -> None:
    prev_end = 0
    for n, item in enumerate(items):
        assert item.index == n and item.title and item.blocks
        assert 0 <= item.start <= item.end <= len(text)
        assert item.start == item.blocks[0].start and item.end == item.blocks[-1].end
        for b in item.blocks:
            assert prev_end <= b.start < b.end <= len(text)
            piece = text[b.start : b.end]
            assert piece == piece.strip() and piece
            prev_end = b.end
        if item.date is not None:
            assert len(item.date) in (4, 7, 10)


@hsettings(max_examples=150, deadline=2000)
@given(text=_DOC, markdown=st.booleans())
def test_parse_text_gives_exact_ordered_blocks_for_any_page(text, markdown):
    _check_items(text, parse_text(text, markdown=markdown))


@hsettings(max_examples=150, deadline=2000)
@given(text=st.text(max_size=2000), markdown=st.booleans())
def test_parse_text_never_fails_on_any_text(text, markdown):
    _check_items(text, parse_text(text, markdown=markdown))


@hsettings(max_examples=150, deadline=2000)
@given(data=st.binary(max_size=4000))
def test_decode_gives_text_or_a_one_line_reason_for_any_bytes(data):
    try:
        text = decode(data)
    except DocumentError as e:
        assert _one_line(str(e))
        return
    assert isinstance(text, str)
    _check_items(text, parse_text(text))


# ----------------------------------------------------------------------------- damaged index, on the page
def _truncate_faiss(gen: Path) -> None:
    f = gen / "chunks.faiss"
    f.write_bytes(f.read_bytes()[: f.stat().st_size // 3])


def _edit_manifest_dim(gen: Path) -> None:
    import json

    m = json.loads((gen / "manifest.json").read_text())
    m["dim"] = 32
    (gen / "manifest.json").write_text(json.dumps(m))


def _garble_manifest(gen: Path) -> None:
    (gen / "manifest.json").write_text('{"format": 1, "model": ')


def _drop_meta(gen: Path) -> None:
    (gen / "meta.sqlite").unlink()


def _drop_generation(gen: Path) -> None:
    shutil.rmtree(gen)


def _drop_languages(gen: Path) -> None:
    (gen / "chunk_lang.npy").unlink()  # store format 3: a language column (qa.store.languages)


@pytest.mark.parametrize(
    "damage", [_truncate_faiss, _edit_manifest_dim, _garble_manifest, _drop_meta, _drop_generation, _drop_languages],
    ids=["truncated-faiss", "edited-manifest", "garbled-manifest", "missing-meta", "missing-generation",
         "missing-languages"],
)
def test_a_damaged_index_shows_one_line_naming_the_fix_and_the_app_still_starts(built, damage):
    from qa.app.web import build_app

    settings, embedder, original = built
    damage(store.current_generation(settings.index_dir))
    service = QAService(settings, embedder=embedder)  # a fresh process: nothing opened yet
    demo = build_app(settings, service)  # the page builds (its corpus panel shows the problem)
    chat = demo.chat_service
    panel = chat.corpus_html()
    assert 'class="qa-error"' in panel and "rebuild" in panel and "Re-index" in panel
    conv = Conversation()
    turn = chat.ask(conv, "Who hosted the workshop?")
    assert turn.error and _one_line(turn.error, 500) and "qa index --rebuild" in turn.error and "Re-index" in turn.error
    assert "Traceback" not in turn.reply_html
    assert "error" in chat.ask_api("Who hosted the workshop?")
    # the page's Re-index button recovers without manual cleanup
    text = chat.reindex(poll=0.01)
    assert text.startswith("Re-indexed"), text
    assert _docs(settings) == original
    assert chat.ask(Conversation(), "Who hosted the workshop?").error is None


def test_a_fifo_named_txt_is_skipped_by_the_parser_without_blocking(tmp_path):
    from qa.ingest import load_corpus

    (tmp_path / "ok.txt").write_text("Memo.\n\nThe harbour opens at noon.\n")
    os.mkfifo(tmp_path / "pipe.txt")
    docs, skipped = load_corpus(tmp_path)
    assert [d.path for d in docs] == ["ok.txt"]
    assert [(s.path, s.reason) for s in skipped] == [("pipe.txt", "not a regular file")]


@pytest.mark.slow
def test_a_half_megabyte_line_without_sentence_breaks_indexes_quickly(tmp_path, settings_for):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "line.txt").write_text(" ".join(f"w{i % 1000}" for i in range(100_000)))
    started = time.process_time()  # CPU, not wall time: a busy machine must not fail it
    build_index(settings_for(corpus), HashEmbedder())
    took = time.process_time() - started
    assert took < 2, f"a half-megabyte line took {took:.1f} s of CPU"
