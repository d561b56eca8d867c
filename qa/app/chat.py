"""The web app's service layer: conversation, follow-ups, citations, corpus panel, uploads, re-index.

Everything the UI shows is computed here (and rendered to escaped HTML by qa.app.render), so the
Gradio callbacks in qa.app.web stay one-liners and all of this is tested without a browser.
"""

from __future__ import annotations

import logging
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from qa import lang
from qa.app import export, followups, pageview, render
from qa.app.render import Citation
from qa.app.service import NoIndex, QAService, QuestionError
from qa.app.uploads import UploadReport, save_uploads
from qa.build import BuildError
from qa.build.changes import EditedFiles, stored_keys
from qa.contracts import Answer, Filters, Result, Scope
from qa.ingest import iter_corpus_files
from qa.store import IndexProblem

log = logging.getLogger("qa.web")

GENERIC_ERROR = lang.reply_words().say("error.generic")  # English's; a reply words it in its question's language


def index_message(e: Exception, language: str = lang.DEFAULT) -> str:
    """An index problem as one line for the page, naming the fix the page itself offers; "no index yet" worded in
    `language` (other problems name files and models, and stay as the index reports them)."""
    if isinstance(e, NoIndex):
        return lang.reply_words(language).say("error.no_index", folder=e.folder)
    text = " ".join(str(e).split())
    if "qa index" in text and "Re-index" not in text:
        text += " (or click Re-index in the Corpus tab)"
    return text

# ----------------------------------------------------------------------------- conversation
@dataclass
class Turn:
    question: str  # as typed
    searched: str  # what was actually searched (the follow-up resolved)
    answer: Answer | None  # its citation number is answer.passage_rank
    citations: list[Citation]
    reply_html: str
    error: str | None = None
    scope: Scope | None = None  # what it was searched within (filters, a date in the question)
    item: int | None = None  # the news item (index in its document) the answer came from
    not_found: str | None = None  # with no answer: what the documents lack, when known (Result.not_found)
    language: str = lang.DEFAULT  # the language the question was asked in: the reply's own words are in it

    @property
    def title(self) -> str | None:
        return self.answer.title if self.answer else None


@dataclass
class Conversation:
    turns: list[Turn] = field(default_factory=list)
    filters: Filters = field(default_factory=Filters)  # kept for follow-ups until changed
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)  # names its export files
    # the language the page spoke when this conversation began ("New conversation"): page_words.conversation_language
    language_before: str | None = None

    def language(self, question: str) -> str:
        """The language a reply to `question` is worded in: the question's, or the conversation's so far when the
        question shows none ("2023?")."""
        before = self.turns[-1].language if self.turns else self.language_before or lang.DEFAULT
        return lang.detect(question, default=before)

    def context(self) -> followups.Context | None:
        """What the next question may lean on, or None when nothing was answered or asked yet."""
        done = [t for t in self.turns if t.error is None]
        if not done:
            return None
        prev = done[-1]
        a = prev.answer
        people: tuple[str, ...] = ()  # whom a "he" or "she" means, turn by turn ("his" after "he" is the same man)
        for t in done:
            people = followups.people_after(t.question, t.searched, t.answer.text if t.answer else None,
                                            t.answer.span_text if t.answer else None, people)
        base = next((t.searched for t in reversed(done) if followups.is_whole(t.question, t.searched)), None)
        return followups.Context(
            searched=prev.searched,
            base=base,
            title=a.title if a else None,
            span=a.span_text if a else None,
            doc=a.doc if a else None,
            item=prev.item,
            answer=a.text if a else None,
            people=people,
        )

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
                doc=p.doc,
                title=p.title,
                date=p.date,
                item=p.item.index if p.item else None,
                start=p.chunk.start,
                end=p.chunk.end,
                text=p.chunk.text,
                score=round(float(p.score), 4),
                answer=(a.start, a.end) if holds else None,
                span=a.span if holds else None,
                sentence_start=a.sentence_start if holds else None,
                doc_title=getattr(p.item, "doc_title", None),
                page=p.page,
                furniture=p.furniture,
                related=a is None,
            )
        )
    return out


def _item_of(result: Result) -> int | None:
    a = result.answer
    if a is None:
        return None
    p = next((p for p in result.passages if p.rank == a.passage_rank), None)
    return p.item.index if p is not None and p.item is not None else None


def answer_json(answer: Answer | None) -> dict | None:
    """The answer as the `ask` API returns it: Answer.to_json() plus "n", its citation number."""
    if answer is None:
        return None
    return {**answer.to_json(), "n": answer.passage_rank}


# ----------------------------------------------------------------------------- re-index
@dataclass
class BuildStatus:
    running: bool = False
    phase: str = ""
    done: int = 0
    total: int = 0
    started: float = 0.0
    report: dict | None = None
    error: str | None = None


# ----------------------------------------------------------------------------- the service
class ChatService:
    """One per process: wraps QAService (model + index loaded once) for the web page."""

    def __init__(self, service: QAService, upload_max_bytes: int | None = None):
        self.service = service
        self.settings = service.settings
        limit = upload_max_bytes or self.settings.upload_max_bytes
        self.upload_max_bytes = min(limit, self.settings.max_file_bytes)
        self._build_lock = threading.Lock()
        self._edited = EditedFiles(self.settings.max_file_bytes)  # remembers hashes: the panel is redrawn often
        self._status = BuildStatus()
        self._thread: threading.Thread | None = None

    # -- asking
    def ask(self, conv: Conversation, question: str, k: int | None = None, show_passages: bool = True,
            filters: Filters | None = None, progress: Callable[[int, int], None] | None = None) -> Turn:
        """Answer one chat message within `filters` (None: the conversation's, which follow-ups
        keep); the turn (with an error message on failure) is added to conv.

        A follow-up (qa.app.followups) is answered from the previous answer's news item first,
        and from all documents (within the filters) when that item does not answer it.
        `progress(done, total)`: while a question in another language waits, once per index, for
        the multilingual vectors of an English-only index (qa.embed.crosslang)."""
        k = self.settings.top_k if k is None else int(k)
        idx = len(conv.turns)
        asked = " ".join(str(question or "").split())
        language = conv.language(asked)
        if filters is not None:
            conv.filters = filters
        ctx = conv.context()
        if ctx is not None:  # after a "not found" there is no item a short question could be about
            ctx = replace(ctx, about=self._item_text(ctx.doc, ctx.item) if ctx.doc is not None else "")
        searched = followups.rewrite(asked, ctx)
        hint = followups.orphan_hint(asked, language) if ctx is None and asked else None
        try:
            result, within = self._answer(asked, searched, ctx, k, conv.filters, progress)
        except QuestionError as e:
            turn = Turn(asked, searched, None, [], render.render_error(str(e)), error=str(e), language=language)
        except IndexProblem as e:
            msg = index_message(e, language)
            turn = Turn(asked, searched, None, [], render.render_error(msg), error=msg, language=language)
        except Exception:  # noqa: BLE001 - never a traceback on the page
            log.exception("answering %r failed", searched)
            msg = lang.reply_words(language).say("error.generic")
            turn = Turn(asked, searched, None, [], render.render_error(msg), error=msg, language=language)
        else:
            cites = citations_of(result)
            answer = result.answer
            shown = searched if searched != asked else None
            if within is not None:  # answered inside the previous answer's news item
                shown = lang.reply_words(language).within.format(question=result.question, item=within)
            elif shown is not None and not followups.is_whole(asked, searched, language) and conv.turns \
                    and not followups.asks_about_another(asked, previous=conv.turns[-1].searched):
                # topic words added to the follow-up read as a jumble: the user sees which question it leans on
                # the question before as it was read when it was a whole one ("А шестое?" read as "Где прошло шестое
                # заседание …?"), else as it was typed. A question asked again of another year or edition ("А в
                # прошлом году?" as "Где прошло … в 2023 году?") is a whole one: it is shown as searched
                before = conv.turns[-1]
                previous = before.searched if followups.is_whole(before.question, before.searched, language) \
                    and before.searched != before.question else before.question
                shown = lang.reply_words(language).read_with.format(question=asked, previous=previous)
            notes = list(result.notes)
            html = render.render_reply(
                idx, answer, cites, searched=shown, show_passages=show_passages, notes=notes,
                scope=result.scope.reading if result.scope else None,
                hint=hint if answer is None or hint else None, not_found=result.not_found, language=language,
            )
            turn = Turn(asked, searched, answer, cites, html, scope=result.scope, item=_item_of(result),
                        not_found=result.not_found, language=language)
        conv.turns.append(turn)
        return turn

    def _item_text(self, doc: str, item: int | None, most: int = 20_000) -> str | None:
        """The text of a document's news item (the document's start when its item is not known), at most `most`
        characters (a follow-up stems it: a long document must not slow the reply), or None."""
        try:
            index = self.service.index()
            info = index.item(doc, item) if item is not None else None
            if info is not None:
                return index.document_slice(doc, info.start, min(info.end, info.start + most))
            return index.document_slice(doc, 0, most)
        except (IndexProblem, OSError):  # the index went away meanwhile: the question is asked as typed
            return None

    def _one_record(self, doc: str, most: int = 1000) -> bool:
        """Whether a document is the record of one gathering (minutes, whose sections are its items): its items,
        up to `most`, carry one date or none, where a news page's stories are dated apart."""
        try:
            index = self.service.index()
        except IndexProblem:
            return True
        dates = set()
        for i in range(most):
            info = index.item(doc, i)
            if info is None:
                break
            if info.date:
                dates.add(info.date)
        return len(dates) <= 1

    def _answer(
        self, asked: str, searched: str, ctx: followups.Context | None, k: int, filters: Filters,
        progress: Callable[[int, int], None] | None = None,
    ) -> tuple[Result, str | None]:
        """(result, the item title it was confined to or None): the previous answer's item first
        (it was found within the filters), then all documents within them."""
        if (ctx is not None and ctx.doc is not None and searched != asked
                and not followups.asks_about_another(asked, previous=ctx.searched)):
            item = followups.item_asked(searched, ctx.item)  # None: the whole document (its head's fields)
            if item is None and ctx.item is not None and not self._one_record(ctx.doc):
                # a page of stories dated apart is one event each: "Who chaired it?" asks the story answered, not
                # the next meeting's story on the page
                item = ctx.item
            inside = self.service.ask_within(followups.focus(asked, ctx), ctx.doc, item, k, progress)
            if inside is not None and inside.answer is not None:
                whole = item is None and ctx.item is not None
                return inside, (inside.answer.doc_title if whole else ctx.title) or ctx.doc
        return self.service.ask(searched, k, filters, progress), None

    def ask_api(self, question: str, k: int | None = None, previous: list[str] | None = None,
                since: str | None = None, until: str | None = None, sources=None) -> dict:
        """The `ask` API endpoint: Result JSON + the searched question + the rendered reply, within
        an optional date range (YYYY, YYYY-MM or YYYY-MM-DD) and sources (globs or folders)."""
        conv = Conversation()
        for p in previous or []:
            conv.turns.append(Turn(p, p, None, [], ""))
        if isinstance(sources, str):
            sources = [sources]
        turn = self.ask(conv, question, k, filters=Filters(since or None, until or None, tuple(sources or ())))
        if turn.error:
            return {"error": turn.error, "question": turn.question, "searched": turn.searched}
        return {
            "question": turn.question,
            "searched": turn.searched,
            "answer": answer_json(turn.answer),
            "not_found": turn.not_found,
            "citations": [
                {"n": c.n, "doc": c.doc, "title": c.title, "date": c.date, "start": c.start, "end": c.end,
                 "score": c.score, "text": c.text, "furniture": [list(r) for r in c.furniture]}
                for c in turn.citations
            ],
            "reply_html": turn.reply_html,
            "filters": turn.scope.to_json() if turn.scope else None,
        }

    # -- sources
    def source_html(self, conv: Conversation, turn: int, n: int) -> str:
        """The citation view of a reply's source [n], worded in the language of the question it answered."""
        language = conv.turns[turn].language if 0 <= turn < len(conv.turns) else conv.language("")
        c = conv.citation(turn, n)
        if c is None:
            return render.render_source_placeholder(lang.reply_words(language).say("source_gone"))
        return self.citation_html(c, language)

    def citation_html(self, c: Citation, language: str = lang.DEFAULT) -> str:
        words = lang.reply_words(language)
        try:
            index = self.service.index()
            text = index.document_text(c.doc)
        except IndexProblem as e:
            return render.render_error(index_message(e, language))
        note = None
        if text is None or text[c.start:c.end] != c.text:
            return render.render_source_placeholder(words.say("source_changed", doc=c.doc))
        item = index.item(c.doc, c.item) if c.item is not None else None
        if item is not None and item.start <= c.start and c.end <= item.end:
            start, end = item.start, item.end
        else:  # no item: show the passage with some context around it
            start, end = max(0, c.start - 1500), min(len(text), c.end + 1500)
            note = words.say("around")
        picture = None
        sha = index.document_sha256(c.doc)
        if c.page is not None and sha is not None:
            pages = index.document_pages(c.doc) or ()
            picture = pageview.page_html(
                Path(self.settings.corpus_dir), c.doc, sha, pages, c.page, c.answer or (c.start, c.end),
                self.settings.max_file_bytes, language, answer=c.answer is not None,
            )
            if picture is None:
                note = words.say("no_picture")
        download = sha is not None and c.doc.lower().endswith(pageview.DOWNLOAD_SUFFIXES)
        return render.render_source(c, text[start:end], start, note, picture=picture, download=download,
                                    language=language)

    def source_file(self, conv: Conversation, ref: str | None, folder: Path) -> str | None:
        """For the download button: a servable copy of a cited PDF or Word file, as indexed."""
        parsed = self.parse_ref(ref)
        c = conv.citation(*parsed) if parsed else None
        if c is None:
            return None
        try:
            sha = self.service.index().document_sha256(c.doc)
        except IndexProblem:
            return None
        if sha is None:
            return None
        return pageview.download_copy(Path(self.settings.corpus_dir), c.doc, sha, folder, self.settings.max_file_bytes)

    @staticmethod
    def source_choices(conv: Conversation, turn: int | None = None) -> list[tuple[str, str]]:
        """(label, "turn:n") for the citations of a turn (default: the last one with any)."""
        if turn is None:
            turn = next((i for i in range(len(conv.turns) - 1, -1, -1) if conv.turns[i].citations), None)
        if turn is None or not 0 <= turn < len(conv.turns):
            return []
        language = conv.turns[turn].language
        return [(c.label(language), f"{turn}:{c.n}") for c in conv.turns[turn].citations]

    @staticmethod
    def parse_ref(ref: str | None) -> tuple[int, int] | None:
        m = re.fullmatch(r"\s*(\d+)\s*:\s*(\d+)\s*", str(ref or ""))
        return (int(m.group(1)), int(m.group(2))) if m else None

    @staticmethod
    def default_ref(turn: Turn, index: int) -> str | None:
        """The citation the side panel opens after an answer: the answer's own, else the first."""
        if turn.answer is not None:
            return f"{index}:{turn.answer.passage_rank}"
        if turn.citations:
            return f"{index}:{turn.citations[0].n}"
        return None

    # -- corpus
    def corpus_panel(self, filters: Filters | None = None, language: str = lang.DEFAULT) -> dict:
        """Documents, counts, skipped and pending files, indexed files edited since ("changed") and gone
        ("missing"); with filters, only the documents holding items they allow (and a line saying what
        the filter matched, in `language`, as is "no index yet")."""
        try:
            index = self.service.index()
        except IndexProblem as e:
            return {"error": index_message(e, language), "pending": self._pending(set())}
        m = index.manifest
        docs = index.documents()
        names = {d["doc"] for d in docs}  # all of them: the filter below must not make any "pending"
        edited = self._edited(Path(self.settings.corpus_dir), stored_keys(docs))  # all of them too
        matched = None
        if filters is not None and not filters.empty:
            docs, matched = self._filtered(index, filters, docs, language)
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
            "changed": edited,
            "missing": sorted(n for n in names if not (Path(self.settings.corpus_dir) / n).exists()),
            "matched": matched,
        }

    @staticmethod
    def _filtered(index, filters: Filters, docs: list[dict], language: str) -> tuple[list[dict], str]:
        """The documents holding items `filters` allow (with how many) and the line saying so, in `language`; all
        of them when the filter is wrong (its error, from qa.filters, stays English)."""
        from qa.filters import FilterError
        from qa.filters.core import DateRange, describe
        from qa.filters.scope import clean_filters

        words = lang.reply_words(language)
        try:
            clean = clean_filters(filters)
            sel = index.select(clean)
        except FilterError as e:
            return docs, words.say("corpus.not_applied", error=e)
        allowed = dict(sel.doc_items)
        docs = [dict(d, items_matching=allowed[d["doc"]]) for d in docs if d["doc"] in allowed]
        # Selection.reading is English's; the same words in `language`
        what = describe(DateRange.parse(clean.since, clean.until), clean.sources, language)
        return docs, (words.say("corpus.matched", documents=len(docs), n=sel.n_items, what=what)
                      + "".join(f"; {n}" for n in sel.notes(language)))

    def _pending(self, indexed: set[str]) -> list[str]:
        root = Path(self.settings.corpus_dir)
        try:
            files = iter_corpus_files(root) if root.is_dir() else []
        except OSError:
            return []
        return [p.relative_to(root).as_posix() for p in files if p.relative_to(root).as_posix() not in indexed]

    def corpus_html(self, filters: Filters | None = None, language: str = lang.DEFAULT) -> str:
        """The corpus panel as HTML, its own words in `language` (the conversation's)."""
        return render.render_corpus(self.corpus_panel(filters, language), language)

    # -- export
    def export_rows(self, conv: Conversation) -> list[export.ExportRow]:
        """One row per answered (or not found) question of the conversation; failed turns are left out."""
        return [
            export.row_from_answer(t.question, None if t.answer is None else t.answer.to_json(),
                                   self.settings.corpus_dir, t.not_found)
            for t in conv.turns
            if t.error is None
        ]

    def write_exports(self, conv: Conversation, folder: Path) -> dict[str, Path]:
        """The conversation as conversation.md and conversation.csv, in a folder of its own."""
        out = Path(folder) / conv.uid
        out.mkdir(parents=True, exist_ok=True)
        rows = self.export_rows(conv)
        paths = {}
        for fmt in export.FORMATS:
            path = out / f"conversation.{fmt}"
            path.write_text(export.render(rows, fmt), encoding="utf-8", newline="")
            paths[fmt] = path
        return paths

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
            def progress(phase: str, done: int, total: int) -> None:
                st.phase, st.done, st.total = phase, done, total

            report = self.service.build(progress=progress)
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
