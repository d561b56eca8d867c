"""One question from a fresh process (`qa ask`) imports only what answering needs (issue 17: one
question in <= 0.6 s): no model framework, web app, file reader or build code. Checked in a new
interpreter, since the test process itself has imported everything."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import HARBOUR, ORCHARD, ROOT

# Each costs start-up time a question does not need (seconds for torch, ~0.1 s for the readers).
NOT_FOR_A_QUESTION = (
    "torch", "transformers", "sentence_transformers", "gradio", "fastapi", "uvicorn", "pypdfium2", "docx",
    "PIL", "trafilatura", "dateparser", "bm25s", "scipy", "ray", "pysbd", "tiktoken", "onnx", "filelock",
    "qa.build", "qa.app.web", "qa.ingest.files", "qa.ingest.items", "qa.ingest.pdf", "qa.ingest.word",
    "qa.ingest.html", "qa.ingest.chunking",
)  # fmt: skip

# A stand-in embedder (the index below was built with the hash embedder: same identity and size);
# the real model's modules are checked by the slow test.
ASK = """
import json, sys
from pathlib import Path

import numpy as np

import qa.app.cli  # what the `qa` command imports first
from qa.app.service import QAService
from qa.config import Settings


class Vectors:
    name = identity = "hash-64"
    dim = 64

    def encode(self, texts, role="passage", progress=None):
        return np.full((len(texts), 64), 0.125, dtype=np.float32)

    def fits(self, text):
        return True


service = QAService(Settings().with_(index_dir=Path(sys.argv[1])), embedder=Vectors())
result = service.ask("Who is the lighthouse keeper of Port Ellery?")
print(json.dumps({"answer": result.answer.text if result.answer else None, "modules": sorted(sys.modules)}))
"""


def _heavy(modules: list[str]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_FOR_A_QUESTION))


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")


def test_answering_a_question_imports_no_reader_model_framework_or_web_app(tmp_path, hash_embedder):
    from qa.app.service import QAService
    from qa.config import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "harbour.txt").write_text(HARBOUR)
    (corpus / "orchard.txt").write_text(ORCHARD)
    index = tmp_path / "index"
    QAService(Settings().with_(corpus_dir=corpus, index_dir=index), embedder=hash_embedder).build()
    out = subprocess.run([sys.executable, "-c", ASK, str(index)], capture_output=True, text=True,
                         env=_env(), cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout)
    assert seen["answer"]  # the question path really ran
    assert _heavy(seen["modules"]) == []


@pytest.mark.slow
def test_qa_ask_with_the_real_model_imports_no_reader_model_framework_or_web_app(real_service):
    """The `qa ask` command itself, with the default (ONNX) backend and the bundled model."""
    run = (
        "import json, runpy, sys\n"
        "sys.argv = ['qa', 'ask', '--short', '--index', sys.argv[1], 'How much did the operations seize?']\n"
        "try:\n"
        "    runpy.run_module('qa.app.cli', run_name='__main__')\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", run, str(real_service.settings.index_dir)], capture_output=True,
                         text=True, env=dict(_env(), QA_BACKEND="auto"), timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    assert "onnxruntime" in modules  # the default backend answered
    assert _heavy(modules) == []
