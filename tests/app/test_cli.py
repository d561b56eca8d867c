"""The `qa` console script, run as a user would: separate processes, offline, real model."""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"  # the bundled documents, never the user's corpus/
QA = Path(sys.executable).parent / "qa"
if not QA.exists():  # pragma: no cover - run from a venv without the script on sys.executable's path
    QA = ROOT / ".venv" / "bin" / "qa"

ANSWER_KEYS = {"text", "doc", "title", "date", "start", "end", "score", "low_confidence", "page"}
PASSAGE_KEYS = {"rank", "doc", "doc_title", "title", "date", "text", "start", "end", "score", "page", "furniture"}
# A question the bundled corpus answers plainly (000_48933f6eaf3e6675.txt).
QUESTION = "Which ambassador of Japan delivered opening remarks at the customs workshop in Astana?"


def _children_cpu() -> float:
    """CPU seconds used so far by the child processes this one has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(*args: str, cwd: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    # PYTHONPATH: the code of this checkout, whichever checkout the venv's `qa` was installed from
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONWARNINGS="ignore", PYTHONPATH=str(ROOT))
    env.pop("QA_INDEX", None)
    env.pop("QA_CORPUS", None)
    return subprocess.run(
        [str(QA), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("Error: ")
    for needle in needles:
        assert needle in lines[0]
    assert proc.stdout == ""
    return lines[0]


def original(doc: str) -> str:
    return (CORPUS / doc).read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cli")


@pytest.fixture(scope="module")
def built(workdir) -> tuple[Path, dict]:
    """One real index of the bundled corpus, built through the command line, shared by this module."""
    index = workdir / "index"
    proc = run("index", "--corpus", str(CORPUS), "--index", str(index), "--json", cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1, proc.stdout
    return index, json.loads(lines[0])


@pytest.mark.slow
def test_index_json_prints_one_summary_object(built):
    _, summary = built
    assert summary["documents"] == 5
    assert summary["chunks"] > 5
    assert isinstance(summary["seconds"], (int, float)) and summary["seconds"] > 0


@pytest.mark.slow
def test_ask_json_prints_the_documented_shape(built, workdir):
    index, _ = built
    proc = run("ask", QUESTION, "--index", str(index), "--json", "-k", "3", cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    out = json.loads(lines[0])
    assert set(out) == {"question", "answer", "passages"}
    assert out["question"] == QUESTION
    a = out["answer"]
    assert a is not None, "the bundled corpus answers this question"
    assert ANSWER_KEYS <= set(a)
    assert "IIJIMA" in a["text"]
    assert a["doc"] == "000_48933f6eaf3e6675.txt"
    assert a["text"] == original(a["doc"])[a["start"]:a["end"]]
    assert a["title"] and 0 <= a["score"] <= 1
    # what the shell shows as "Possible answer (low confidence)" a script reads without knowing the threshold
    assert a["low_confidence"] is (a["score"] < 0.3)
    assert len(out["passages"]) >= 3
    for rank, p in enumerate(out["passages"][:3], 1):
        assert set(p) == PASSAGE_KEYS
        assert p["rank"] == rank
        assert p["text"] == original(p["doc"])[p["start"]:p["end"]]
        assert p["date"] is None or re.fullmatch(r"\d{4}(-\d\d){0,2}", p["date"])


@pytest.mark.slow
def test_ask_prints_a_readable_answer_with_numbered_citations(built, workdir):
    index, _ = built
    proc = run("ask", QUESTION, "--index", str(index), cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "IIJIMA" in out
    for n in range(1, 6):
        # the source's title first, its file name after it as a detail
        assert re.search(rf"^\[{n}\] \w.* · \S+\.txt ", out, re.M), f"no citation [{n}] in:\n{out}"
    assert "000_48933f6eaf3e6675.txt" in out


@pytest.mark.slow
def test_ask_short_prints_the_answer_and_its_citation_only(built, workdir):
    index, _ = built
    proc = run("ask", QUESTION, "--index", str(index), "--short", cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert "IIJIMA" in lines[0] and len(lines) <= 3
    assert "000_48933f6eaf3e6675.txt" in lines[-1] and "Passages" not in proc.stdout


@pytest.mark.slow
def test_ask_format_csv_and_md_write_the_answer_up(built, workdir):
    import csv
    import io

    index, _ = built
    proc = run("ask", QUESTION, "--index", str(index), "--corpus", str(CORPUS), "--format", "csv", cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert rows[0] == ["Question", "Answer", "Quoted sentence", "Document", "Title", "Date", "Page", "Link",
                       "Table header"]
    question, answer, quote, doc, *_, link, header = rows[1]
    assert header == ""  # no table row
    assert question == QUESTION and "IIJIMA" in answer and doc == "000_48933f6eaf3e6675.txt"
    start, end = (int(x) for x in link.split("#char=")[1].split(","))
    assert original(doc)[start:end] == quote  # the link names exactly the quoted characters
    md = run("ask", QUESTION, "--index", str(index), "--format", "md", cwd=workdir).stdout
    assert md.startswith("# ") and "> " in md and "000\\_48933f6eaf3e6675.txt" in md


@pytest.mark.slow
def test_ask_many_prints_one_object_per_question_in_order_loading_the_model_once(built, workdir):
    index, _ = built
    base = [
        "Which ambassador of Japan delivered opening remarks at the customs workshop in Astana?",
        "How much did the CARICC-coordinated operations seize?",
        "Who trained Kyrgyz border guards on small arms?",
        "Where was the Eurasian AML/CFT forum held?",
        "When did the Council of National Coordinators meet in Almaty?",
        "What is the population of Mongolia?",
        "Which drugs were seized in the international controlled deliveries?",
        "What are virtual asset service providers?",
        "Who heads the CARICC?",
        "What did the EU border management seminar discuss?",
    ]
    questions = [f"{q} ({n})" for n in range(5) for q in base]
    assert len(questions) == 50
    lines = [json.dumps({"id": f"q{i}", "question": q}) for i, q in enumerate(questions)]
    lines.insert(10, "this line is not JSON")
    lines.insert(20, json.dumps({"question": "   "}))
    qfile = workdir / "questions.jsonl"
    qfile.write_text("\n".join(lines) + "\n", encoding="utf-8")

    before = _children_cpu()
    proc = run("ask", "--json", "--questions", str(qfile), "--index", str(index), cwd=workdir)
    elapsed = _children_cpu() - before  # CPU, not wall time: a busy machine must not fail it
    assert proc.returncode == 0, proc.stderr
    assert elapsed < 60, f"50 questions took {elapsed:.1f} s of CPU"

    outs = [json.loads(line) for line in proc.stdout.strip().splitlines()]
    assert len(outs) == 52
    assert outs[10] == {"line": 11, "error": "not a JSON object with a string `question` field"}
    assert outs[20]["line"] == 21 and "empty" in outs[20]["error"]
    answers = [o for i, o in enumerate(outs) if i not in (10, 20)]
    assert [o["question"] for o in answers] == questions
    assert [o["id"] for o in answers] == [f"q{i}" for i in range(50)]  # each line's id comes back with its answer
    for o in answers:
        # "not_found" only with no answer, when the answer step knows what the documents lack
        assert set(o) - {"not_found"} == {"id", "question", "answer", "passages"}
        assert "not_found" not in o or o["answer"] is None
        assert len(o["passages"]) >= 5
        if o["answer"] is not None:
            a = o["answer"]
            assert a["text"] == original(a["doc"])[a["start"]:a["end"]]
    assert sum(o["answer"] is not None for o in answers) >= 5


@pytest.mark.slow
def test_ask_without_an_index_says_to_run_qa_index(workdir):
    proc = run("ask", "Who hosted the workshop?", "--index", str(workdir / "no-index-here"), cwd=workdir)
    assert_one_line_error(proc, "qa index")


@pytest.mark.slow
def test_python_dash_m_qa_is_the_same_command_line(tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-m", "qa", "ask", "--index", str(tmp_path / "none"), "Who?"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert_one_line_error(proc, "qa index")
    usage = subprocess.run([sys.executable, "-m", "qa", "--help"], cwd=tmp_path, env=env, capture_output=True,
                           text=True, timeout=120)
    assert usage.returncode == 0 and usage.stdout.startswith("Usage: qa ")


def test_index_of_a_corpus_without_readable_documents_fails_clearly(workdir):
    corpus = workdir / "unreadable"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("")
    (corpus / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (corpus / "blank.md").write_text("   \n\n  ")
    proc = run("index", "--corpus", str(corpus), "--index", str(workdir / "idx-unreadable"), cwd=workdir)
    assert_one_line_error(proc, "no readable documents")


def test_an_empty_question_fails_clearly(tmp_path):
    proc = run("ask", "   ", "--index", str(tmp_path / "index"), cwd=tmp_path)
    assert_one_line_error(proc, "empty")


def test_ask_without_a_question_fails_clearly(tmp_path):
    proc = run("ask", "--index", str(tmp_path / "index"), cwd=tmp_path)
    assert_one_line_error(proc, "--questions")


def test_index_of_a_missing_corpus_folder_fails_clearly(tmp_path):
    missing = tmp_path / "no-such-corpus"
    proc = run("index", "--corpus", str(missing), "--index", str(tmp_path / "index"), cwd=tmp_path)
    line = assert_one_line_error(proc, "corpus folder not found", str(missing))
    assert not (tmp_path / "index").exists() or not any((tmp_path / "index").iterdir()), line


def test_an_index_that_is_a_file_fails_clearly_and_the_file_is_left_alone(tmp_path):
    mistyped = tmp_path / "notes.txt"
    mistyped.write_text("my notes", encoding="utf-8")
    asked = run("ask", "--index", str(mistyped), "Who hosted the workshop?", cwd=tmp_path)
    assert_one_line_error(asked, "is a file, not an index folder", str(mistyped))
    built = run("index", "--corpus", str(CORPUS), "--index", str(mistyped), cwd=tmp_path)
    assert_one_line_error(built, "is a file, not an index folder")
    assert mistyped.read_text(encoding="utf-8") == "my notes"


def test_a_missing_questions_file_fails_clearly(tmp_path):
    proc = run("ask", "--json", "--questions", str(tmp_path / "nope.jsonl"), "--index", str(tmp_path), cwd=tmp_path)
    assert_one_line_error(proc, "nope.jsonl")


def test_serve_on_an_empty_index_builds_it_first(tmp_path, monkeypatch, capsys):
    """`qa serve` and `python app.py` index the corpus before serving instead of failing."""
    from conftest import HARBOUR, HashEmbedder

    from qa.app.cli import serve
    from qa.config import Settings
    from qa.store import current_generation

    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR)
    settings = Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "index")
    launched = []
    monkeypatch.setattr("qa.app.service.make_embedder", lambda *a, **k: HashEmbedder())
    monkeypatch.setattr("qa.build.run.make_embedder", lambda *a, **k: HashEmbedder())  # the build's model choice
    monkeypatch.setattr("qa.app.web.launch", lambda s, host, port, service: launched.append(service.index()))
    assert serve(settings, "127.0.0.1", 0) == 0
    out = capsys.readouterr().out
    assert "No usable index" in out and "1 documents" in out
    assert current_generation(settings.index_dir) is not None
    assert launched and launched[0].generation == current_generation(settings.index_dir).name
    # a second start finds the index and builds nothing
    assert serve(settings, "127.0.0.1", 0) == 0
    assert "No usable index" not in capsys.readouterr().out


def test_ask_json_has_a_page_key_for_every_passage_and_the_answer(tmp_path):
    from conftest import HARBOUR, HashEmbedder

    from qa.app.service import QAService
    from qa.config import Settings

    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR)
    service = QAService(Settings().with_(corpus_dir=corpus, index_dir=tmp_path / "i"), HashEmbedder())
    service.build()
    out = service.ask("Who is the lighthouse keeper of Port Ellery?").to_json()
    assert all(p["page"] is None for p in out["passages"])
    assert out["answer"] is None or out["answer"]["page"] is None


def test_serve_on_a_busy_port_is_one_error_line_suggesting_port(workdir):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        started = time.perf_counter()
        proc = run("serve", "--port", str(port), "--index", str(workdir / "no-index"), cwd=workdir, timeout=60)
    line = assert_one_line_error(proc, f"port {port}", "--port")
    assert "Serving" not in proc.stdout + proc.stderr
    assert "GRADIO_SERVER_PORT" not in line
    assert time.perf_counter() - started < 30  # said before the model or Gradio load


@pytest.mark.slow
def test_a_russian_question_over_english_documents_prepares_once_and_the_next_process_reuses_it(tmp_path):
    """Each `qa ask` is a new process: the first Russian question makes the e5 vectors of the
    English index (saying so on stderr), the next process answers without making them again."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(
        "Harbour news\n\nThe lighthouse keeper of Port Ellery is Margaret Quill. The ferry to Skarn "
        "Island leaves every Tuesday at noon.\n")
    (corpus / "orchard.txt").write_text(
        "Orchard report\n\nThe Wenlow orchard grows forty varieties of pear. Its oldest tree was planted in 1871.\n")
    assert run("index", "--corpus", str(corpus), "--index", str(tmp_path / "idx"), cwd=tmp_path).returncode == 0
    ask = ("ask", "--json", "--corpus", str(corpus), "--index", str(tmp_path / "idx"))
    first = run(*ask, "Сколько сортов груш растёт в саду Венлоу?", cwd=tmp_path)
    assert first.returncode == 0 and "Preparing cross-language search, once" in first.stderr
    out = json.loads(first.stdout)
    assert out["passages"][0]["doc"] == "orchard.txt"
    assert any("prepared for this index" in n for n in out.get("notes", []))
    second = run(*ask, "Кто смотритель маяка в Порт-Эллери?", cwd=tmp_path)
    assert second.returncode == 0 and "Preparing" not in second.stderr
    assert json.loads(second.stdout)["passages"][0]["doc"] == "harbour.txt"


def test_a_not_found_says_what_the_passages_lack_in_the_shell_too():
    from qa.app.cli import render_short, render_text
    from qa.contracts import Result

    why = "The best passage states no length or duration."
    lacking = Result("How long is the pier?", None, [], "gen-1", 0.01, not_found=why)
    plain = Result("How long is the pier?", None, [], "gen-1", 0.01)
    assert render_text(lacking).splitlines()[0] == "Not found in the documents. " + why
    assert render_text(plain).splitlines()[0] == "Not found in the documents."
    # `qa ask --short` keeps the reason: it is the answer, not a detail
    assert render_short(lacking) == "Not found in the documents. " + why
    assert render_short(plain) == "Not found in the documents."


def test_a_table_row_answer_names_its_header_in_the_shell():
    from qa.app.cli import render_short, render_text
    from qa.contracts import Answer, Result

    row = "12 | Priya Castellan | runner beans"
    answer = Answer(text=row, doc="minutes.docx", title="Plot holders", date=None, start=400, end=400 + len(row),
                    score=0.48, passage_rank=1, span=(405, 420), header="Plot | Holder | Crop")
    result = Result("Who holds plot 12?", answer, [], "gen-1", 0.01)
    assert render_short(result).splitlines()[:3] == [
        "Priya Castellan", f'  "{row}"', "  under the table's header: Plot | Holder | Crop"]
    assert "  under the table's header: Plot | Holder | Crop" in render_text(result).splitlines()


def test_the_shell_reply_is_worded_in_the_questions_language_and_offers_an_unsure_answer_as_possible():
    # "Answer:", "Note:" and "Passages:" stayed English after a Russian question, and an answer at confidence 0.00
    # was printed as "Answer:"
    from qa.app.cli import render_short, render_text
    from qa.contracts import Answer, Result

    row = "12 | Priya Castellan | runner beans"
    answer = Answer(text=row, doc="minutes.docx", title="Plot holders", date=None, start=400, end=400 + len(row),
                    score=0.48, passage_rank=1, header="Plot | Holder | Crop")
    russian = Result("Кто держит участок 12?", answer, [], "gen-1", 0.01, notes=["вопрос обрезан"])
    lines = render_text(russian).splitlines()
    assert lines[:3] == ["Примечание: вопрос обрезан", f"Ответ: {row}",
                         "  под заголовком таблицы: Plot | Holder | Crop"]
    assert "уверенность 0.48" in lines[3] and "Фрагменты:" in lines
    assert "  под заголовком таблицы: Plot | Holder | Crop" in render_short(russian).splitlines()
    unsure = Result("Who holds plot 12?", Answer(**{**answer.__dict__, "score": 0.04}), [], "gen-1", 0.01)
    assert render_text(unsure).splitlines()[0] == f"Possible answer (low confidence): {row}"


def test_an_answer_printed_on_several_pdf_lines_reads_as_one_line_in_the_shell_and_verbatim_in_json():
    from qa.app.cli import render_short, render_text
    from qa.contracts import Answer, Result

    printed = "The evaluation\nrecommended that a second regional\ntraining centre open in Osh."
    span = (printed.index("a second"), printed.index(" open"))
    answer = Answer(text=printed, doc="review.pdf", title="Review", date=None, start=0, end=len(printed), score=0.7,
                    passage_rank=1, span=span, page=4)
    result = Result("What did the evaluation recommend?", answer, [], "gen-1", 0.01)
    one_line = "The evaluation recommended that a second regional training centre open in Osh."
    assert render_text(result).splitlines()[:2] == ["Answer: a second regional training centre", f"  in: {one_line}"]
    assert render_short(result).splitlines()[:2] == ["a second regional training centre", f'  "{one_line}"']
    without_span = Result(result.question, Answer(**{**answer.__dict__, "span": None}), [], "gen-1", 0.01)
    assert render_text(without_span).splitlines()[0] == f"Answer: {one_line}"
    # `qa ask --json` stays verbatim: answer.text == stored_text[start:end]
    assert result.to_json()["answer"]["text"] == printed
    assert result.to_json()["answer"]["span"]["text"] == "a second regional\ntraining centre"


def test_an_unsure_answer_says_its_confidence_is_low_in_the_shell():
    from qa.app.cli import render_text
    from qa.contracts import Answer, Result

    def cited(score: float) -> str:
        answer = Answer(text="The pier is 300 metres long.", doc="a.txt", title="Piers", date=None, start=0, end=28,
                        score=score, passage_rank=1)
        return render_text(Result("How long is the pier?", answer, [], "gen-1", 0.01)).splitlines()[1]

    assert cited(0.74).endswith("chars 0-28, confidence 0.74")
    assert cited(0.05).endswith("chars 0-28, confidence 0.05, low: the passage may not answer this")


def test_a_question_cut_to_the_length_allowed_says_so_before_the_answer_even_in_short():
    from qa.app.cli import render_short, render_text
    from qa.contracts import Result

    cut = "the question was cut to its first 1999 characters"
    result = Result("How long is the pier? " * 90, None, [], "gen-1", 0.01, notes=[cut])
    assert render_text(result).splitlines()[:2] == [f"Note: {cut}", "Not found in the documents."]
    assert render_short(result).splitlines() == [f"Note: {cut}", "Not found in the documents."]


def test_the_scope_line_counts_its_items_in_the_questions_language():
    from qa.app.cli import render_text
    from qa.contracts import Result, Scope

    def first_line(question: str, reading: str, n: int) -> str:
        scope = Scope("2024", "2024", (), reading, True, "в 2024 году", n, 0)
        return render_text(Result(question, None, [], "gen-1", 0.01, scope=scope)).splitlines()[0]

    assert first_line("Сколько изъято в 2024 году?", "Искали: материалы с датой 2024", 3) == (
        "Искали: материалы с датой 2024 (3 материала).")
    assert first_line("Сколько изъято в 2024 году?", "Искали: материалы с датой 2024", 5).endswith("(5 материалов).")
    assert first_line("How much was seized in 2024?", "Searched items dated 2024", 1) == (
        "Searched items dated 2024 (1 item).")
