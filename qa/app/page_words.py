"""The words of the page's controls, in the language of the conversation's last question.

The page opens in English; after each reply qa.app.web relabels the controls a reader works with next (the question
box's hint, the buttons, the filters, the sources panel) in the reply's language, with one gr.update per control
(Gradio sets a label, placeholder or button text from an event handler like a value). The words are
qa.lang.ReplyWords.ui's "control.*" keys; the heading, the Corpus tab and the controls inside it (Refresh, the upload
box, Re-index and their status boxes) too, and the tab's counts panel is drawn again in that language
(qa.app.render.render_corpus, its "corpus.*" keys). The browser tab's title stays as built (English): a page's title
is no component; so do the messages of the upload and re-index machinery shown in the status boxes.
"""

from __future__ import annotations

from qa import lang

# control -> {property: ReplyWords.ui key}. A button's text is its `value`; a download button's is its `label`.
CONTROLS: dict[str, dict[str, str]] = {
    "intro": {"value": "control.intro"},  # the page's heading and the line under it (Markdown)
    "corpus_tab": {"label": "control.tab_corpus"},
    "question": {"placeholder": "control.placeholder"},
    "ask": {"value": "control.ask"},
    "new": {"value": "control.new"},
    "k": {"label": "control.k"},
    "show_passages": {"label": "control.show_passages"},
    "since": {"label": "control.since", "placeholder": "control.date_hint"},
    "until": {"label": "control.until", "placeholder": "control.date_hint"},
    "sources": {"label": "control.sources"},
    "active": {"label": "control.active"},
    "sources_tab": {"label": "control.tab_sources"},
    "citations": {"label": "control.citations"},
    "export_md": {"label": "control.export_md"},
    "export_csv": {"label": "control.export_csv"},
    "download": {"label": "control.download"},
    "refresh": {"value": "control.refresh"},
    "upload": {"label": "control.upload"},  # fills in {types} and {mb}: control_words' `parts`
    "upload_status": {"label": "control.upload_status"},
    "reindex": {"value": "control.reindex"},
    "report": {"label": "control.report"},
}


def control_words(language: str = lang.DEFAULT, **parts: object) -> dict[str, dict[str, str]]:
    """Each control's words in `language`: {"ask": {"value": "Спросить"}, "question": {"placeholder": …}, …}."""
    words = lang.reply_words(language)
    # `parts` fill the values some words name (the upload box's file types and size limit); the others ignore them
    return {name: {prop: words.say(key, **parts) for prop, key in props.items()} for name, props in CONTROLS.items()}


def conversation_language(turns, before: str | None = None) -> str:
    """The language the page speaks after these turns: the one most of its questions were asked in, the earlier on
    a tie (English before any). Each reply is worded in its own question's language; the page's controls do not
    turn over with every question of a mixed conversation (three testers found the page "reloaded" in the other
    language after one question in it). `before`: the language the page spoke when the conversation began (a
    conversation started with "New conversation"), which counts as its first question: one question in the other
    language does not turn the page over either (two more testers found every control renamed by a new
    conversation's first question)."""
    counts: dict[str, int] = {before: 1} if before else {}
    for turn in turns:
        counts[turn.language] = counts.get(turn.language, 0) + 1
    if not counts:
        return lang.DEFAULT
    return max(counts, key=lambda code: counts[code])  # dicts keep order: the earliest of the most asked
