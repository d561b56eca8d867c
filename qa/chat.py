"""The web app's service layer: conversation, follow-ups, citations, corpus panel, uploads, re-index.

Everything the UI shows is computed here (and rendered to escaped HTML by qa.render), so the
Gradio callbacks in qa.web stay one-liners and all of this is tested without a browser.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from qa import render
from qa.build import BuildError, build_index
from qa.documents import iter_corpus_files
from qa.index import IndexProblem
from qa.lexical import analyze
from qa.render import Citation
from qa.service import QAService, QuestionError, Result
from qa.uploads import UPLOAD_MAX_BYTES, UploadReport, save_uploads

log = logging.getLogger("qa.web")

GENERIC_ERROR = "Something went wrong while answering; the details are in the server log."


def index_message(e: Exception) -> str:
    """An index problem as one line for the page, naming the fix the page itself offers."""
    text = " ".join(str(e).split())
    if "qa index" in text and "Re-index" not in text:
        text += " (or click Re-index in the Corpus tab)"
    return text

# ----------------------------------------------------------------------------- follow-ups
_PRONOUNS = {
    "it", "its", "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "hers",
    "this", "that", "these", "those", "there", "then", "such", "same", "former", "latter",
}
_OPENERS = re.compile(
    r"^\s*(?:and|but|also|so|then|ok(?:ay)?|what about|how about|and what about|and how about|"
    r"what of|same for|and for|and in|and on)\b[\s,]*",
    re.I,
)
_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<rest>.+?)\s*[?.!]*\s*$", re.I)
_WH = r"(?:who|whom|whose|what|which|when|where|why|how)"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WORD = re.compile(r"[\w][\w'’\-]*", re.UNICODE)
_QUESTION_WORDS = {"who", "whom", "whose", "what", "which", "when", "where", "why", "how", "much", "many"}
# Verbs that frame a question rather than name its topic: not carried over to a follow-up.
_LIGHT_VERBS = {
    "did", "do", "does", "done", "is", "was", "were", "are", "be", "been", "has", "have", "had",
    "held", "hold", "happen", "happened", "take", "took", "taken", "make", "made", "get", "got",
    "say", "said", "tell", "told", "give", "gave", "go", "went", "come", "came", "kind", "part",
}


def content_words(text: str) -> list[str]:
    """The words of text that carry meaning (not stop words or question words), in order."""
    out, seen = [], set()
    for w in _WORD.findall(text):
        low = w.lower()
        if low in _QUESTION_WORDS or low in _PRONOUNS or low in _LIGHT_VERBS or not analyze(low.replace("-", " ")):
            continue
        if low not in seen:
            seen.add(low)
            out.append(w)
    return out


def is_followup(question: str) -> bool:
    """True if the question leans on an earlier turn (opener, pronoun in a short question, or too few words)."""
    words = [w.lower() for w in _WORD.findall(question)]
    if not words:
        return False
    n_content = len(content_words(question))
    if _OPENERS.match(question):
        return True
    if n_content <= 1:
        return True
    return n_content <= 3 and any(w in _PRONOUNS for w in words)


def resolve_followup(question: str, previous: list[str], previous_title: str | None = None) -> str:
    """The question to search for, given the earlier resolved questions (oldest first).

    A standalone question comes back unchanged. A follow-up gets the key content words of the
    previous resolved question (and of the previous answer's item title) that it lacks:
    "And who organised it?" after "When was the Astana workshop?" becomes
    "Who organised it? Astana workshop". "What about 2021?" re-asks the previous question with
    the year swapped (or added).
    """
    q = " ".join(question.split())
    if not previous or not is_followup(q):
        return q
    prev = previous[-1]
    about = _ABOUT.match(q)
    if about:
        rest = about.group("rest")
        years = _YEAR.findall(rest)
        if years and _YEAR.search(prev):
            return _YEAR.sub(years[0], prev, count=1) + (" " + rest if len(years) < len(content_words(rest)) else "")
        return f"{prev.rstrip(' ?.!')} {rest}?"
    core = _OPENERS.sub("", q, count=1).strip() or q
    core = core[0].upper() + core[1:]
    have = {w.lower() for w in content_words(core)}
    have_terms = set(analyze(core))
    extra: list[str] = []
    prev_words = content_words(prev)
    # the answer's item title names the topic when the previous question said little itself
    title_words = [w for w in content_words(previous_title or "") if not w[0].isdigit()][:4]
    for w in prev_words + (title_words if len(prev_words) < 3 else []):
        terms = set(analyze(w.replace("-", " ")))
        if w.lower() in have or (terms and terms <= have_terms):
            continue
        have.add(w.lower())
        have_terms |= terms
        extra.append(w)
        if len(extra) >= 8:
            break
    if not extra:
        return core
    return f"{core} {' '.join(extra)}"


# ----------------------------------------------------------------------------- conversation
@dataclass
class Turn:
    question: str  # as typed
    searched: str  # what was actually searched (the follow-up resolved)
    answer: dict | None  # Result.to_json()["answer"] + "n", or None
    citations: list[Citation]
    reply_html: str
    error: str | None = None

    @property
    def title(self) -> str | None:
        return self.answer["title"] if self.answer else None


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)

    def resolved_questions(self) -> list[str]:
        return [t.searched for t in self.turns if t.error is None]

    def last_title(self) -> str | None:
        for t in reversed(self.turns):
            if t.error is None:
                return t.title
        return None

    def messages(self) -> list[dict]:
        """Chatbot value (messages format)."""
        out = []
        for t in self.turns:
            out.append({"role": "user", "content": render.render_question(t.question)})
            out.append({"role": "assistant", "content": t.reply_html})
        return out

    def citation(self, turn: int, n: int) -> Citation | None:
        if not 0 <= turn < len(self.turns):
            return None
        for c in self.turns[turn].citations:
            if c.n == n:
                return c
        return None


def citations_of(result: Result) -> list[Citation]:
    a = result.answer
    out = []
    for p in result.passages:
        holds = a is not None and p.rank == a.passage_rank
        out.append(
            Citation(
                n=p.rank,
                doc=p.chunk.doc,
                title=p.item.title if p.item else p.chunk.doc,
                date=p.item.date if p.item else None,
                item=p.item.index if p.item else None,
                start=p.chunk.start,
                end=p.chunk.end,
                text=p.chunk.text,
                score=round(float(p.score), 4),
                answer=(a.start, a.end) if holds else None,
                span=a.span if holds else None,
            )
        )
    return out


def answer_json(result: Result) -> dict | None:
    a = result.to_json()["answer"]
    if a is not None:
        a["n"] = result.answer.passage_rank
    return a


# ----------------------------------------------------------------------------- re-index
class ProgressEmbedder:
    """Wraps an embedder so a build reports how many texts it has embedded so far."""

    def __init__(self, inner, report: Callable[[int, int], None], batch: int = 64):
        self._inner = inner
        self._report = report
        self._batch = batch
        self.name = inner.name
        self.dim = inner.dim
        self.identity = getattr(inner, "identity", inner.name)

    def fits(self, text: str) -> bool:
        return self._inner.fits(text)

    def encode(self, texts, progress: bool = False):
        texts = list(texts)
        if not texts:
            return self._inner.encode(texts)
        parts = []
        self._report(0, len(texts))
        for i in range(0, len(texts), self._batch):
            parts.append(self._inner.encode(texts[i:i + self._batch]))
            self._report(min(i + self._batch, len(texts)), len(texts))
        return np.vstack(parts)


@dataclass
class BuildStatus:
    running: bool = False
    phase: str = ""
    done: int = 0
    total: int = 0
    started: float = 0.0
    report: dict | None = None
    error: str | None = None

    def fraction(self) -> float | None:
        return self.done / self.total if self.total else None


# ----------------------------------------------------------------------------- the service
class ChatService:
    """One per process: wraps QAService (model + index loaded once) for the web page."""

    def __init__(self, service: QAService, upload_max_bytes: int | None = None):
        self.service = service
        self.settings = service.settings
        self.upload_max_bytes = min(upload_max_bytes or UPLOAD_MAX_BYTES, self.settings.max_file_bytes)
        self._build_lock = threading.Lock()
        self._status = BuildStatus()
        self._thread: threading.Thread | None = None

    # -- asking
    def ask(self, conv: Conversation, question: str, k: int | None = None, show_passages: bool = True) -> Turn:
        """Answer one chat message; the turn (with an error message on failure) is added to conv."""
        k = self.settings.top_k if k is None else int(k)
        idx = len(conv.turns)
        asked = " ".join(str(question or "").split())
        searched = resolve_followup(asked, conv.resolved_questions(), conv.last_title()) if asked else asked
        try:
            result = self.service.ask(searched, k)
        except QuestionError as e:
            turn = Turn(asked, searched, None, [], render.render_error(str(e)), error=str(e))
        except IndexProblem as e:
            msg = index_message(e)
            turn = Turn(asked, searched, None, [], render.render_error(msg), error=msg)
        except Exception:  # noqa: BLE001 - never a traceback on the page
            log.exception("answering %r failed", searched)
            turn = Turn(asked, searched, None, [], render.render_error(GENERIC_ERROR), error=GENERIC_ERROR)
        else:
            cites = citations_of(result)
            answer = answer_json(result)
            html = render.render_reply(
                idx, answer, cites,
                searched=result.question if result.question != asked else None,
                show_passages=show_passages, notes=result.notes,
            )
            turn = Turn(asked, result.question, answer, cites, html)
        conv.turns.append(turn)
        return turn

    def ask_api(self, question: str, k: int | None = None, previous: list[str] | None = None) -> dict:
        """The `ask` API endpoint: Result JSON + the searched question + the rendered reply."""
        conv = Conversation()
        for p in previous or []:
            conv.turns.append(Turn(p, p, None, [], ""))
        turn = self.ask(conv, question, k)
        if turn.error:
            return {"error": turn.error, "question": turn.question, "searched": turn.searched}
        return {
            "question": turn.question,
            "searched": turn.searched,
            "answer": turn.answer,
            "citations": [
                {"n": c.n, "doc": c.doc, "title": c.title, "date": c.date, "start": c.start, "end": c.end,
                 "score": c.score, "text": c.text}
                for c in turn.citations
            ],
            "reply_html": turn.reply_html,
        }

    # -- sources
    def source_html(self, conv: Conversation, turn: int, n: int) -> str:
        c = conv.citation(turn, n)
        if c is None:
            return render.render_source_placeholder("That source is no longer available.")
        return self.citation_html(c)

    def citation_html(self, c: Citation) -> str:
        try:
            index = self.service.index()
            text = index.document_text(c.doc)
        except IndexProblem as e:
            return render.render_error(index_message(e))
        note = None
        if text is None or text[c.start:c.end] != c.text:
            return render.render_source_placeholder(
                f"{c.doc} has changed or been removed since this answer (re-indexed); ask again to see its current text."
            )
        item = index.item(c.doc, c.item) if c.item is not None else None
        if item is not None and item.start <= c.start and c.end <= item.end:
            start, end = item.start, item.end
        else:  # no item: show the passage with some context around it
            start, end = max(0, c.start - 1500), min(len(text), c.end + 1500)
            note = "Showing the passage with the text around it."
        return render.render_source(c, text[start:end], start, note)

    @staticmethod
    def source_choices(conv: Conversation, turn: int | None = None) -> list[tuple[str, str]]:
        """(label, "turn:n") for the citations of a turn (default: the last one with any)."""
        if turn is None:
            turn = next((i for i in range(len(conv.turns) - 1, -1, -1) if conv.turns[i].citations), None)
        if turn is None or not 0 <= turn < len(conv.turns):
            return []
        return [(c.label(), f"{turn}:{c.n}") for c in conv.turns[turn].citations]

    @staticmethod
    def parse_ref(ref: str | None) -> tuple[int, int] | None:
        m = re.fullmatch(r"\s*(\d+)\s*:\s*(\d+)\s*", str(ref or ""))
        return (int(m.group(1)), int(m.group(2))) if m else None

    @staticmethod
    def default_ref(turn: Turn, index: int) -> str | None:
        """The citation the side panel opens after an answer: the answer's own, else the first."""
        if turn.answer is not None:
            return f"{index}:{turn.answer['n']}"
        if turn.citations:
            return f"{index}:{turn.citations[0].n}"
        return None

    # -- corpus
    def corpus_panel(self) -> dict:
        try:
            index = self.service.index()
        except IndexProblem as e:
            return {"error": index_message(e), "pending": self._pending(set())}
        m = index.manifest
        docs = index.documents()
        names = {d["doc"] for d in docs}
        skipped = m.get("skipped", [])
        # a skipped file is listed with its reason, not as "not indexed yet": re-indexing won't help
        known = names | {s.get("path") for s in skipped if isinstance(s, dict)}
        return {
            "built_at": m.get("built_at"),
            "generation": index.generation,
            "counts": m.get("counts", {}),
            "documents": docs,
            "skipped": skipped,
            "pending": self._pending(known),
            "missing": sorted(n for n in names if not (Path(self.settings.corpus_dir) / n).exists()),
        }

    def _pending(self, indexed: set[str]) -> list[str]:
        root = Path(self.settings.corpus_dir)
        try:
            files = iter_corpus_files(root) if root.is_dir() else []
        except OSError:
            return []
        return [p.relative_to(root).as_posix() for p in files if p.relative_to(root).as_posix() not in indexed]

    def corpus_html(self) -> str:
        return render.render_corpus(self.corpus_panel())

    # -- uploads
    def upload(self, files: list[tuple[str, Path | bytes]]) -> UploadReport:
        return save_uploads(Path(self.settings.corpus_dir), files, self.upload_max_bytes)

    # -- re-index
    def status(self) -> BuildStatus:
        return self._status

    def start_reindex(self) -> bool:
        """Start a build in a background thread; False if one is already running here."""
        if not self._build_lock.acquire(blocking=False):
            return False
        self._status = BuildStatus(running=True, phase="Reading the corpus", started=time.time())
        self._thread = threading.Thread(target=self._run_build, name="qa-reindex", daemon=True)
        self._thread.start()
        return True

    def _run_build(self) -> None:
        st = self._status
        try:
            def progress(done: int, total: int) -> None:
                st.phase, st.done, st.total = "Embedding new text", done, total

            embedder = ProgressEmbedder(self.service.embedder, progress)
            report = build_index(self.settings, embedder)
            st.report = report.to_json()
            self.service.index()  # open the new generation now, not on the next question
        except (BuildError, IndexProblem) as e:
            st.error = str(e)
        except Exception:  # noqa: BLE001
            log.exception("re-index failed")
            st.error = "Re-indexing failed; the details are in the server log. The previous index is still in use."
        finally:
            st.running = False
            self._build_lock.release()

    def reindex(self, on_progress: Callable[[BuildStatus], None] | None = None, poll: float = 0.25) -> str:
        """Run a re-index (in the background thread) and wait for it; returns the report text."""
        if not self.start_reindex():
            return "A re-index is already running; wait for it to finish."
        st = self._status
        while st.running:
            if on_progress:
                on_progress(st)
            time.sleep(poll)
        if st.error:
            return f"Re-index failed: {st.error}"
        return render.render_build_report(st.report or {})
