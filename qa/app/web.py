"""The Gradio page: layout and thin callbacks over qa.app.chat.ChatService (where all the logic is)."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import gradio as gr

from qa.app import filter_controls as fc
from qa.app.page_assets import CSS, HEAD, SCROLL_TO_FOCUS, SCROLL_TO_REPLY
from qa.app import render
from qa.app.page_words import control_words, conversation_language
from qa.app.auth import AuthError, auth_for  # noqa: F401 - AuthError re-exported for callers of launch
from qa.app.chat import ChatService, Conversation
from qa.app.ports import PortBusy, busy_message, check_port  # noqa: F401 - PortBusy for callers of launch
from qa.app.service import QAService
from qa.app.uploads import upload_suffixes
from qa.config import DEFAULT_HOST, DEFAULT_K, DEFAULT_PORT, Settings, runtime_env
from qa.embed.crosslang import PREPARING
from qa.lang import reply_words

log = logging.getLogger("qa.web")
# no example from the bundled documents: the user's own corpus holds no workshop in Astana. English's; the warning
# is worded in the conversation's language (ReplyWords.ui "error.blank")
BLANK_QUESTION = reply_words().say("error.blank")

# System fonts only: the default theme fetches Google Fonts, which an offline machine cannot reach.
THEME = gr.themes.Default(
    font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
)


def build_app(settings: Settings, service: QAService | None = None) -> gr.Blocks:
    """The whole page. The service (model + index) is created once here and shared by all sessions."""
    chat = ChatService(service or QAService(settings))
    max_mb = chat.upload_max_bytes / 1e6
    # what the upload box's label names, in every language (page_words.control_words' `parts`)
    upload_parts = dict(types=", ".join(upload_suffixes()), mb=f"{max_mb:.0f}")
    # Gradio serves files from its own folder only; one subfolder per conversation
    exports = upload_folder() / "qa-exports"

    # ------------------------------------------------------------------ callbacks (thin)
    def language_of(conv) -> str:
        """The language the page speaks in this conversation (English before any question)."""
        if not isinstance(conv, Conversation):
            return conversation_language([])
        return conversation_language(conv.turns, conv.language_before)

    def on_ask(question, conv, k, show_passages, since, until, srcs, progress=gr.Progress()):
        conv = conv if isinstance(conv, Conversation) else Conversation()
        if not str(question or "").strip():
            words = reply_words(language_of(conv))
            gr.Warning(words.say("error.blank"), duration=6, title=words.say("control.warning"))
            return gr.skip(), conv, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()

        def preparing(done, total):  # a question in another language over an English-only index, once
            progress((done, total), desc=f"{PREPARING}: {done} of {total}", unit="texts")

        turn = chat.ask(conv, question, k, show_passages, fc.filters_of(since, until, srcs), preparing)
        i = len(conv.turns) - 1
        words = reply_words(turn.language)
        frame = fc.timeline(turn.scope)
        plot = gr.update(value=frame, visible=frame is not None,
                         label=words.say("timeline") if frame is not None else None,
                         x_title=words.say("timeline.x"), y_title=words.say("timeline.y"))
        ref = chat.default_ref(turn, i)
        choices = chat.source_choices(conv, i)
        view = chat.source_html(conv, *chat.parse_ref(ref)) if ref else render.render_source_placeholder(
            words.say("no_sources")
        )
        md, csv_ = export_files(conv)
        return conv.messages(), conv, "", gr.update(choices=choices, value=ref), view, plot, md, csv_

    def on_relabel(conv, since, until, srcs):
        """The controls' words in the language of the last question (qa.app.page_words), after each reply; the
        active filters' chips too."""
        language = language_of(conv)
        said = control_words(language, **upload_parts)
        kept = fc.chips(fc.filters_of(since, until, srcs), language)
        said["active"] = {**said["active"], "choices": kept, "value": kept}
        return tuple(gr.update(**said[name]) for name in relabelled)

    def on_timeline_axis(conv):
        """The timeline's y-axis for the latest reply, set after its bars: a new y_lim makes Gradio draw the
        plot again, and in the same update as new bars it drew the previous reply's bars on the new axis."""
        turns = conv.turns if isinstance(conv, Conversation) else []
        frame = fc.timeline(turns[-1].scope) if turns else None
        return gr.update(y_lim=fc.timeline_y_lim(frame)) if frame is not None else gr.skip()

    def export_files(conv):
        paths = chat.write_exports(conv, exports)
        return (gr.update(value=str(paths["md"]), interactive=True),
                gr.update(value=str(paths["csv"]), interactive=True))

    def on_filters(since, until, srcs, conv):
        f = fc.filters_of(since, until, srcs)
        language = language_of(conv)
        said = fc.chips(f, language)
        return gr.update(choices=said, value=said), chat.corpus_html(f, language)

    def on_corpus(since, until, srcs, conv):
        """The corpus panel, filtered like a question and worded in the conversation's language: after each reply
        (a question may change the language) and on Refresh."""
        return chat.corpus_html(fc.filters_of(since, until, srcs), language_of(conv))

    def on_chips(kept, since, until, srcs, conv):
        language = language_of(conv)
        f = fc.after_chips(kept, fc.filters_of(since, until, srcs), language)
        return f.since or "", f.until or "", list(f.sources)

    def source_list():
        try:
            docs = [d["doc"] for d in chat.service.index().documents()]
        except Exception:  # noqa: BLE001 - no index yet: an empty list, the page says why elsewhere
            docs = []
        return gr.update(choices=fc.source_choices(docs))

    def on_pick(ref, conv):
        parsed = chat.parse_ref(ref)
        if parsed is None or not isinstance(conv, Conversation):
            return gr.skip(), gr.skip(), gr.skip()
        return (
            chat.source_html(conv, *parsed),
            gr.update(choices=chat.source_choices(conv, parsed[0]), value=f"{parsed[0]}:{parsed[1]}"),
            gr.Tabs(selected="sources"),
        )

    def on_pick_radio(ref, conv):
        parsed = chat.parse_ref(ref)
        if parsed is None or not isinstance(conv, Conversation):
            return gr.skip()
        return chat.source_html(conv, *parsed)

    def on_download(ref, conv):
        """The download button follows the citation shown: the cited PDF or Word file, as indexed."""
        path = chat.source_file(conv, ref, upload_folder() / "qa-downloads") if isinstance(conv, Conversation) else None
        return gr.update(value=path, visible=path is not None)

    def on_clear(conv):
        """A new conversation, begun in the language the page speaks: its first question in another does not rename
        every control."""
        off = gr.update(value=None, interactive=False)
        return ([], Conversation(language_before=language_of(conv)), gr.update(choices=[], value=None),
                render.render_source_placeholder(), off, off)

    def on_upload(files, conv):
        paths = [f if isinstance(f, str) else getattr(f, "name", str(f)) for f in (files or [])]
        try:
            report = chat.upload([(Path(p).name, Path(p)) for p in paths])
        finally:
            discard_uploaded(paths)  # the corpus holds the copy now; Gradio's must not be served on
        # the report stays English (qa.app.uploads); None: empty the (now stale) file widget
        return report.message(), chat.corpus_html(language=language_of(conv)), None

    def on_reindex(conv, progress=gr.Progress()):
        def show(st):
            elapsed = __import__("time").time() - st.started
            if st.total:
                # the rate and the time left, from the progress so far (issue 18)
                rate = st.done / elapsed if elapsed > 0 else 0.0
                left = f", about {(st.total - st.done) / rate:.0f} s left" if rate > 0 else ""
                from qa.build.report import phase_unit

                unit = phase_unit(st.phase) + "s"
                progress((st.done, st.total), desc=f"{st.phase} ({elapsed:.0f} s, {rate:.1f} {unit}/s{left})",
                         unit=unit)
            else:
                progress(0.0, desc=f"{st.phase} ({elapsed:.0f} s)")

        text = chat.reindex(on_progress=show)  # the build's report, English
        return text, chat.corpus_html(language=language_of(conv))

    def api_ask(question: str, k: int = DEFAULT_K, since: str = "", until: str = "",
                sources: list[str] | None = None) -> dict:
        """Answer one question from the documents: the answer (or null), numbered citations, the rendered reply.
        Optionally only items dated from `since` to `until` (YYYY, YYYY-MM or YYYY-MM-DD, inclusive)
        and only `sources` (file globs or folders under the corpus, e.g. "003_*")."""
        return chat.ask_api(question, k, since=since, until=until, sources=sources)

    # ------------------------------------------------------------------ layout
    en = control_words(**upload_parts)  # the controls' words the page opens with; a reply relabels them
    with gr.Blocks(title="Ask your documents", fill_width=True) as demo:
        conv_state = gr.State(Conversation())
        intro = gr.Markdown(en["intro"]["value"])
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=420):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    show_label=False,
                    elem_id="qa-chat",
                    height=600,
                    render_markdown=False,
                    sanitize_html=True,
                    latex_delimiters=[],
                    feedback_options=None,
                    buttons=["copy"],
                    autoscroll=False,  # SCROLL_TO_REPLY shows the new answer, not the end of its sources
                    allow_tags=False,
                    placeholder="Ask a question about the documents: who, what, when, where, how many …",
                )
                with gr.Row():
                    question = gr.Textbox(
                        placeholder=en["question"]["placeholder"],
                        show_label=False,
                        scale=6,
                        elem_id="qa-question",
                        max_lines=4,
                    )
                    ask_btn = gr.Button(en["ask"]["value"], variant="primary", scale=1, min_width=80, elem_id="qa-ask")
                with gr.Row(elem_id="qa-filters"):
                    since = gr.Textbox(**en["since"], scale=1, elem_id="qa-since", max_lines=1)
                    until = gr.Textbox(**en["until"], scale=1, elem_id="qa-until", max_lines=1)
                    srcs = gr.Dropdown(choices=[], value=[], multiselect=True, allow_custom_value=True,
                                       **en["sources"], scale=2, elem_id="qa-source-filter")
                active = gr.Dropdown(choices=[], value=[], multiselect=True, **en["active"],
                                     elem_id="qa-active-filters", interactive=True, allow_custom_value=False)
                # y from 0 (its top set per reply: on_timeline_axis), ticks printed as whole numbers ("d": d3-format);
                # months in order also when a reply's bars replace the previous reply's in place
                timeline = gr.BarPlot(x="month", y="items", visible=False, height=260, elem_id="qa-timeline",
                                      label="Matching items per month", x_title="month", y_title="items",
                                      y_lim=[0, fc.TIMELINE_MIN_TOP], y_axis_format="d", sort="x")
                with gr.Row():
                    k = gr.Slider(1, 10, value=min(max(settings.top_k, 1), 10), step=1, **en["k"], scale=3)
                    show_passages = gr.Checkbox(value=False, **en["show_passages"], scale=2)
                    clear_btn = gr.Button(en["new"]["value"], scale=1, min_width=120, size="sm")
                with gr.Row():
                    export_md = gr.DownloadButton(
                        en["export_md"]["label"], size="sm", interactive=False, elem_id="qa-export-md", scale=1
                    )
                    export_csv = gr.DownloadButton(
                        en["export_csv"]["label"], size="sm", interactive=False, elem_id="qa-export-csv", scale=1
                    )
            with gr.Column(scale=2, min_width=360):
                with gr.Tabs() as tabs:
                    with gr.Tab(en["sources_tab"]["label"], id="sources") as sources_tab:
                        sources = gr.Dropdown(
                            choices=[], value=None, **en["citations"], elem_id="qa-sources",
                            interactive=True, allow_custom_value=False,
                        )
                        source_view = gr.HTML(
                            render.render_source_placeholder(), elem_id="qa-source-view", js_on_load=None
                        )
                        download = gr.DownloadButton(
                            en["download"]["label"], visible=False, size="sm", elem_id="qa-download"
                        )
                    with gr.Tab(en["corpus_tab"]["label"], id="corpus") as corpus_tab:
                        corpus_view = gr.HTML(chat.corpus_html(), elem_id="qa-corpus", js_on_load=None)
                        refresh_btn = gr.Button(en["refresh"]["value"], size="sm")
                        upload = gr.File(
                            **en["upload"],
                            file_count="multiple",
                            # no file_types: a refused type then gets the same status line as any
                            # other refusal, instead of a toast beside a stale status
                            type="filepath",
                            elem_id="qa-upload",
                            height=120,
                        )
                        upload_status = gr.Textbox(
                            **en["upload_status"], interactive=False, lines=2, elem_id="qa-upload-status"
                        )
                        reindex_btn = gr.Button(en["reindex"]["value"], variant="primary", elem_id="qa-reindex")
                        reindex_status = gr.Textbox(
                            **en["report"], interactive=False, lines=3, elem_id="qa-report"
                        )
        cite_ref = gr.Textbox(visible="hidden", elem_id="qa-cite-ref")
        cite_go = gr.Button("open", visible="hidden", elem_id="qa-cite-go")

        # ------------------------------------------------------------------ events
        ask_args = dict(
            fn=on_ask,
            inputs=[question, conv_state, k, show_passages, since, until, srcs],
            outputs=[chatbot, conv_state, question, sources, source_view, timeline, export_md, export_csv],
            api_visibility="private",
            concurrency_limit=4,
            show_progress_on=[chatbot],  # one status over the chat (e.g. preparing cross-language search)
        )
        # the controls relabelled after a reply, in qa.app.page_words.CONTROLS's names
        relabelled = {"intro": intro, "corpus_tab": corpus_tab, "question": question, "ask": ask_btn, "new": clear_btn,
                      "k": k, "show_passages": show_passages,
                      "since": since, "until": until, "sources": srcs, "active": active, "sources_tab": sources_tab,
                      "citations": sources, "export_md": export_md, "export_csv": export_csv, "download": download,
                      "refresh": refresh_btn, "upload": upload, "upload_status": upload_status, "reindex": reindex_btn,
                      "report": reindex_status}
        relabel_args = dict(fn=on_relabel, inputs=[conv_state, since, until, srcs], outputs=list(relabelled.values()),
                            api_visibility="private")
        axis_args = dict(fn=on_timeline_axis, inputs=[conv_state], outputs=[timeline], api_visibility="private")
        download_args = dict(fn=on_download, inputs=[sources, conv_state], outputs=[download], api_visibility="private")
        corpus_args = dict(fn=on_corpus, inputs=[since, until, srcs, conv_state], outputs=[corpus_view],
                           api_visibility="private")
        for asked in (question.submit(**ask_args), ask_btn.click(**ask_args)):
            asked.then(**axis_args)  # beside the scrolling, not before it: no wait for the reply's place
            asked.then(**relabel_args)
            asked.then(**corpus_args)  # apart from the relabelling: the panel reads the corpus folder
            asked.then(None, js=SCROLL_TO_FOCUS).then(None, js=SCROLL_TO_REPLY).then(**download_args)
        cite_go.click(
            on_pick, [cite_ref, conv_state], [source_view, sources, tabs], api_visibility="private"
        ).then(None, js=SCROLL_TO_FOCUS).then(**download_args)
        sources.input(on_pick_radio, [sources, conv_state], [source_view], api_visibility="private").then(
            None, js=SCROLL_TO_FOCUS
        ).then(**download_args)
        clear_btn.click(
            on_clear, [conv_state], [chatbot, conv_state, sources, source_view, export_md, export_csv],
            api_visibility="private"
        )
        upload.upload(on_upload, [upload, conv_state], [upload_status, corpus_view, upload], api_visibility="private")
        refresh_btn.click(**corpus_args).then(source_list, None, [srcs], api_visibility="private")
        reindex_btn.click(
            on_reindex, [conv_state], [reindex_status, corpus_view], api_visibility="private", concurrency_limit=1
        )
        demo.load(chat.corpus_html, None, [corpus_view], api_visibility="private")
        demo.load(source_list, None, [srcs], api_visibility="private")
        # one listener for the three controls: separate ones each had a queue of their own, and under load the
        # answer to "From" changed could arrive after the one to "To" and show the chips without "to …"
        gr.on([since.change, until.change, srcs.change], on_filters, [since, until, srcs, conv_state],
              [active, corpus_view], api_visibility="private", trigger_mode="always_last")
        active.input(on_chips, [active, since, until, srcs, conv_state], [since, until, srcs], api_visibility="private")
        gr.api(api_ask, api_name="ask")
    demo.chat_service = chat  # for tests and app.py
    return demo


def upload_folder() -> Path:
    """Where Gradio keeps uploaded files (the only files it serves back, to the uploader)."""
    return Path(os.environ.get("GRADIO_TEMP_DIR") or Path(tempfile.gettempdir()) / "gradio").resolve()


def discard_uploaded(paths) -> None:
    """Delete Gradio's temporary copies of uploaded files (and their per-upload folders)."""
    root = upload_folder()
    for p in paths:
        try:
            path = Path(p).resolve()
            if path.is_file() and path.is_relative_to(root) and path.parent != root:
                path.unlink()
                if not any(path.parent.iterdir()):
                    path.parent.rmdir()
        except OSError:
            continue


def blocked_paths(settings: Settings) -> list[str]:
    """Folders Gradio must never serve whatever else allows them: the project (source tree, index,
    corpus), the Python environment, and the index and corpus wherever they are. Gradio already
    serves only its upload folder and cache; this makes the rule explicit and survives a stray
    $GRADIO_ALLOWED_PATHS. The upload folder itself is never blocked (the file widget needs it)."""
    uploads = upload_folder()
    candidates = [
        Path.cwd(),
        Path(__file__).resolve().parent.parent,  # the project root (qa/, pyproject.toml, .venv)
        Path(sys.prefix),
        Path(settings.index_dir),
        Path(settings.corpus_dir),
        Path.home(),
        Path("/etc"),
        Path("/root"),
        Path("/proc"),
    ]
    out: list[str] = []
    for c in candidates:
        try:
            r = c.resolve()
        except OSError:
            continue
        if r == Path(r.anchor) or uploads.is_relative_to(r):
            continue  # blocking "/" or a parent of the upload folder would break uploads
        if str(r) not in out:
            out.append(str(r))
    return out


def launch_kwargs(settings: Settings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, auth=None) -> dict:
    """How the app is always launched: no share link, no extra served paths, page CSS and script.

    `auth` is a (user, password) -> bool checker (see qa.app.auth); None leaves the page open,
    which `launch` only allows on a loopback address."""
    return dict(
        server_name=host,
        server_port=port,
        share=False,
        auth=auth,
        auth_message="Sign in to ask your documents." if auth else None,
        allowed_paths=[],
        blocked_paths=blocked_paths(settings),
        css=CSS,
        head=HEAD,
        theme=THEME,
        max_file_size=int(min(settings.upload_max_bytes, settings.max_file_bytes)),
        footer_links=["api"],
        quiet=True,
        run_history=False,
        mcp_server=False,
        ssr_mode=False,
    )


def start(
    settings: Settings,
    service: QAService | None = None,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    env: dict | None = None,
):
    """Start the app without blocking; returns (demo, local URL). Used by tests and benchmarks.

    Raises AuthError (before anything loads) for a non-loopback host without credentials."""
    runtime_env()
    auth = auth_for(host, env)
    demo = build_app(settings, service)
    demo.queue(default_concurrency_limit=2)
    _, url, _ = demo.launch(prevent_thread_lock=True, **launch_kwargs(settings, host, port, auth))
    return demo, url


class _QuietLibraries(logging.Filter):
    """Our own INFO lines pass; other libraries' only from WARNING up (bm25s sets its own logger to
    DEBUG when imported, and its "Building index from tokens" would fill the server's output)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name == "qa" or record.name.startswith("qa.")


def configure_logging() -> None:
    """Server output: WARNING and up from libraries, INFO and up from qa, one line each."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_QuietLibraries())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("qa").setLevel(logging.INFO)  # our own events, not every HTTP request


def launch(settings: Settings, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
           service: QAService | None = None) -> None:
    """`qa serve` / `python app.py`: load the model and index once, serve until Ctrl-C.

    Raises AuthError (a one-line `Error: ...` under `qa serve`) before loading anything when
    `host` is not a loopback address and no QA_AUTH / QA_AUTH_FILE credentials are set, and
    PortBusy when the port is taken. "Serving … on URL" is printed only once the server listens."""
    runtime_env()
    auth = auth_for(host)
    check_port(host, port)  # before the model loads: a taken port should not cost seconds
    configure_logging()
    service = service or QAService(settings)
    service.embedder  # load the model now, once, not on the first question
    demo = build_app(settings, service)
    demo.queue(default_concurrency_limit=2)
    try:
        demo.launch(prevent_thread_lock=True, **launch_kwargs(settings, host, port, auth))
    except OSError as e:  # taken between the check and now ("Cannot find empty port")
        if "port" not in str(e).lower():
            raise
        raise PortBusy(busy_message(host, port)) from None
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
    note = "  (sign-in required)" if auth else ""
    print(f"Serving the question-answering app on {url}{note}  (Ctrl-C to stop)", flush=True)
    demo.block_thread()
