"""Replies, citations, source views and the corpus panel as escaped HTML for the web app.

Every piece of text that comes from a document, a file name or the user goes through `esc`,
which turns HTML *and* Markdown syntax into character references: the chat renders Markdown,
so a document holding `<script>`, `[a link](http://x)` or `**bold**` must still show as text.
The HTML produced here is one line (no blank lines), so Markdown never re-reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from qa import lang
from qa.answer.tables import cells
from qa.contracts import LOW_CONFIDENCE, Answer, blanked, confidence_text, marked, one_line

# Characters that mean something to HTML, Markdown, KaTeX or an HTML template engine.
_ESCAPES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "(": "&#40;",
    ")": "&#41;",
    "#": "&#35;",
    "|": "&#124;",
    "~": "&#126;",
    "$": "&#36;",
    "{": "&#123;",
    "}": "&#125;",
    "\\": "&#92;",
    "!": "&#33;",
    "\r": "",
    "\n": "<br>",
    "\t": " ",
}
_TABLE = str.maketrans(_ESCAPES)


def esc(text: object) -> str:
    """Text -> HTML that displays exactly that text, whatever Markdown or HTML it contains."""
    return str(text).translate(_TABLE)


def esc_block(text: str) -> str:
    """Like esc, but keeps newlines as characters (for `white-space: pre-wrap` containers)."""
    return esc(text.replace("\n", "\x00")).replace("\x00", "\n")


@dataclass(frozen=True)
class Citation:
    """One numbered source of a reply: a retrieved passage inside its news item."""

    n: int
    doc: str
    title: str
    date: str | None
    item: int | None  # the item's index in the document, None if the passage has no item
    start: int  # the passage: document[start:end]
    end: int
    text: str
    score: float
    answer: tuple[int, int] | None = None  # the answer shown, when this passage holds it
    span: tuple[int, int] | None = None  # the short answer inside it
    # where the answer sentence starts when the answer shows the sentence it refers back to before it
    sentence_start: int | None = None
    doc_title: str | None = None  # the document's own title (a news page: the site's name), if known
    page: int | None = None  # 1-based page of a PDF
    # the page furniture inside a sentence over a page break (Passage.furniture): left out of the excerpt
    furniture: tuple[tuple[int, int], ...] = ()
    related: bool = False  # a passage of a "not found" reply: possibly related, cited for no answer

    def label(self, language: str = lang.DEFAULT) -> str:
        """Plain text (no HTML): "[1] CARICC news, 10 Aug 2022 — Title · 003_x.txt",
        "[2] Annual report (1 Mar 2025) · report.pdf, p. 12" (its page in `language`: "с. 12")."""
        return f"[{self.n}] {cite_text(self.doc, self.title, self.date, self.page, self.doc_title, language)}"


def main_label(title: str, date: str | None, doc_title: str | None = None) -> str:
    """What a person calls the source (as qa.ingest.titles.item_label, which costs an import of
    qa.ingest here): "CARICC news, 19 Jul 2022 — De-briefing on …" for a story
    of a news page, "Kyrgyz Republic strengthens … (4 Mar 2024)" for a one-story file. The file
    name is never the main label unless nothing else is known. The date is worded in the language of
    the titles beside it: "Новости ЦАРИКЦ, 12 марта 2024 — …" (qa.lang.label_language)."""
    when = lang.written_date(date, lang.label_language(doc_title, title))
    if doc_title and doc_title != title:
        return f"{doc_title}{', ' + when if when else ''} — {title}"
    return f"{title} ({when})" if when else title


def _where(doc: str, page: int | None, language: str) -> str:
    """The file, and the page of a PDF in the reply's language: "report.pdf, p. 12", "report.pdf, с. 12"."""
    return doc if page is None else f"{doc}, {lang.reply_words(language).say('page_short', page=page)}"


def cite_text(doc: str, title: str, date: str | None, page: int | None = None, doc_title: str | None = None,
              language: str = lang.DEFAULT) -> str:
    """The source's label, then its file (and page of a PDF): "Title (19 Jul 2022) · a.txt"."""
    label = main_label(title, date, doc_title)
    where = _where(doc, page, language)
    return label if label == where else f"{label} · {where}"


def _cite_html(doc: str, title: str, date: str | None, page: int | None = None, doc_title: str | None = None,
               language: str = lang.DEFAULT) -> str:
    """The human title first; the file name (and page) after it, small: a secondary detail."""
    label = main_label(title, date, doc_title)
    where = _where(doc, page, language)
    # the item's ISO date as the tooltip: the label shows it in words ("19 Jul 2022")
    when = f' title="{esc(date)}"' if date else ""
    out = f'<span class="qa-title"{when}>{esc(label)}</span>'
    if label != doc:
        out += f' <span class="qa-doc">{esc(where)}</span>'
    return out


def cite_link(turn: int, n: int, language: str = lang.DEFAULT) -> str:
    """A clickable [n]: the page script sends "turn:n" to the sources panel."""
    tip = esc(lang.reply_words(language).show_source.format(n=n))
    return (
        f'<a class="qa-cite" href="#cite-{turn}-{n}" data-cite="{turn}:{n}" '
        f'title="{tip}">&#91;{n}&#93;</a>'
    )


def disagreement_line(answer: Answer, language: str = lang.DEFAULT) -> str:
    """"Another document says otherwise: June 2025 (20 May 2024, newer than the answer's 15 Jun 2022)": the other
    document's value, and the two documents' dates in order (qa.answer.disagreement), worded in `language`."""
    d = answer.disagreement
    if d is None:
        return ""
    words = lang.reply_words(language)
    # the dates read in the line's own language
    theirs, ours = lang.written_date(d.date, language), lang.written_date(answer.date, language)
    if d.newer == "other":
        when = words.newer.format(theirs=theirs, ours=ours)
    elif d.newer == "answer":
        when = words.older.format(theirs=theirs, ours=ours)
    elif theirs and theirs == ours:
        when = words.same_day.format(theirs=theirs)
    else:
        when = words.dated.format(theirs=theirs or words.undated, ours=ours or words.undated)
    return words.otherwise.format(value=one_line(d.value)) + when


def _disagreement_html(turn: int, answer: Answer, language: str = lang.DEFAULT) -> str:
    """The note under an answer that another document states a different value: its line, its sentence with the value
    marked, its source, cited like the answer."""
    d = getattr(answer, "disagreement", None)
    if d is None:
        return ""
    quote = marked(mark_span(d.text, d.start, d.span), d.cut_before, d.cut_after)
    return (f'<div class="qa-disagree"><strong>{esc(disagreement_line(answer, language))}</strong>: “{quote}” '
            f'{cite_link(turn, d.passage_rank, language)} · '
            f'{_cite_html(d.doc, d.title, d.date, d.page, d.doc_title, language)}</div>')


def mark_span(sentence: str, offset: int, span: tuple[int, int] | None) -> str:
    """The answer sentence (starting at document offset `offset`) with the span in <mark><strong>, on one
    line: a line break the document has inside it (a PDF's printed lines) reads as a space."""
    if span is None:
        return esc(one_line(sentence))
    a, b = span[0] - offset, span[1] - offset
    if not 0 <= a < b <= len(sentence):
        return esc(one_line(sentence))
    before, inside, after = (esc(one_line(part)) for part in (sentence[:a], sentence[a:b], sentence[b:]))
    return f"{before}<mark><strong>{inside}</strong></mark>{after}"


def _table(answer: Answer) -> str | None:
    """A table row's answer as a small table: its header row above it, the short answer's cell marked;
    None when the row and its header do not have the same cells."""
    text = answer.shown_text
    head, row = cells(answer.header), cells(text)
    if not row or len(head) != len(row):
        return None
    tds = "".join(f"<td>{mark_span(text[a:b], answer.start + a, answer.span)}</td>" for a, b in row)
    ths = "".join(f"<th>{esc(answer.header[a:b])}</th>" for a, b in head)
    return f'<table class="qa-row"><tr>{ths}</tr><tr>{tds}</tr></table>'


def _quote(answer: Answer) -> str:
    """The answer's text, its short answer marked; the sentence it refers back to (qa.answer.shown),
    when shown, in a muted span before the answer sentence: context, not the answer. "…" where the
    answer sentence goes on beyond the part shown (Answer.cut_before, cut_after). A table row shows
    under its header row."""
    if answer.header is not None and (table := _table(answer)) is not None:
        return table
    text = answer.shown_text  # a sentence over a page break without the footer and header between its halves
    if answer.sentence_start is None:
        return marked(mark_span(text, answer.start, answer.span), answer.cut_before, answer.cut_after)
    cut = answer.sentence_start - answer.start
    return (f'<span class="qa-before">{esc(one_line(text[:cut]))}</span>'
            + marked(mark_span(text[cut:], answer.sentence_start, answer.span), answer.cut_before,
                     answer.cut_after))


QUESTION_SHOWN_CHARS = 400


def render_question(text: str, most: int = QUESTION_SHOWN_CHARS) -> str:
    """The user's message, shown as typed but never interpreted; a very long one only in its start, so the reply
    below it stays in view (the whole question is still what was asked and exported)."""
    if len(text) > most:
        cut = text[:most].rsplit(" ", 1)[0] or text[:most]
        return f'<span class="qa-q">{esc(cut)} … <i>({len(text):,} characters)</i></span>'
    return f'<span class="qa-q">{esc(text)}</span>'


# a passage whose score (the passage model's likelihood against the best passage's: qa.answer.ordering) is below this
# is not listed among an answer's sources: e^-3, twenty times less likely than the best
SOURCE_FLOOR = 0.05


def render_reply(
    turn: int,
    answer: Answer | None,
    citations: list[Citation],
    searched: str | None = None,
    show_passages: bool = True,
    notes: list[str] | tuple[str, ...] = (),
    excerpt_chars: int = 320,
    scope: str | None = None,
    hint: str | None = None,
    not_found: str | None = None,
    language: str = lang.DEFAULT,
) -> str:
    """One assistant message: answer (span emphasised) + confidence + numbered citations, its own words in
    `language`, the question's (Language.reply).

    `answer` is the Result's answer (its citation number is its passage_rank), or None; then
    `not_found` says what the documents lack, when the answer step knows (Result.not_found).
    """
    words = lang.reply_words(language)
    parts = ['<div class="qa-reply">']
    if searched:
        head, _, tail = words.searched_for.partition("{question}")
        parts.append(f'<div class="qa-searched">{esc(head)}<em>{esc(searched)}</em>{esc(tail)}</div>')
    if scope:  # "Searched items dated Aug 2022"
        parts.append(f'<div class="qa-scope">{esc(scope)}</div>')
    if answer is not None:
        sentence = _quote(answer)
        # a low-confidence answer is a possibility: its short answer stays marked in the sentence, never a headline
        # above it (a bold "Kazakhstan" over "Confidence 0.00, low" reads as the answer)
        low = answer.score < LOW_CONFIDENCE
        short = f'<div class="qa-short">{esc(one_line(answer.span_text))}</div>' \
            if answer.span and not low else ""
        # and it says so before it is read, as `qa ask` does: the testers took a low one for an answer like any other
        unsure = f'<div class="qa-unsure">{esc(words.say("unsure"))}</div>' if low else ""
        parts.append(
            f'{short}{unsure}<div class="qa-answer{" qa-low" if low else ""}">{sentence} '
            f'{cite_link(turn, answer.passage_rank, language)}</div>'
            f'<div class="qa-conf">{esc(words.confidence)} {esc(confidence_text(answer.score, words.low))} · '
            # triple quotes: Python 3.11 allows a line break in an f-string's field only there
            f"""{_cite_html(answer.doc, answer.title, answer.date, answer.page, getattr(answer, 'doc_title', None),
                            language)}"""
            "</div>"
            + _disagreement_html(turn, answer, language)
        )
        heading = words.sources
    else:
        why = f' <span class="qa-why">{esc(not_found)}</span>' if not_found else ""
        parts.append(f'<div class="qa-none"><strong>{esc(words.not_found)}</strong>{why}</div>')
        heading = words.related if citations else ""
    left_out = 0
    if answer is not None:
        # under an answer, the passages the answer step found far less likely to hold it than the best one are no
        # sources of it (they stay in the sources panel)
        other = getattr(answer, "disagreement", None)
        cited = {answer.passage_rank, *((other.passage_rank,) if other is not None else ())}
        listed = [c for c in citations if c.score >= SOURCE_FLOOR or c.n in cited]
        left_out, citations = len(citations) - len(listed), listed
    if citations:
        # several passages of one news item are one source with several numbers, listed once
        groups: dict[tuple, list[Citation]] = {}
        for c in citations:
            groups.setdefault((c.doc, c.item, c.title, c.date), []).append(c)
        parts.append(f'<div class="qa-cites-head">{heading}:</div><ul class="qa-cites">')
        for group in groups.values():
            first = group[0]
            links = " ".join(cite_link(turn, c.n, language) for c in group)
            item = (f"<li>{links} "
                    f"{_cite_html(first.doc, first.title, first.date, first.page, first.doc_title, language)}")
            if show_passages:
                for c in group:
                    text = one_line(blanked(c.text, c.start, c.furniture)).strip()
                    if len(text) > excerpt_chars:
                        text = text[:excerpt_chars].rsplit(" ", 1)[0] + " …"
                    label = f'<span class="qa-excerpt-n">&#91;{c.n}&#93;</span> ' if len(group) > 1 else ""
                    item += f'<div class="qa-excerpt">{label}{esc(text)}</div>'
            parts.append(item + "</li>")
        parts.append("</ul>")
    if left_out:
        parts.append(f'<div class="qa-more">{esc(words.more_passages(left_out, language))}</div>')
    for note in notes:
        parts.append(f'<div class="qa-note">{esc(words.note.format(note=note))}</div>')
    if hint:
        parts.append(f'<div class="qa-hint">{esc(hint)}</div>')
    parts.append("</div>")
    return "".join(parts)


def render_error(message: str) -> str:
    return f'<div class="qa-error">⚠ {esc(message)}</div>'


def _furniture_gaps(text: str, start: int, furniture: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The document ranges of ``text`` (which starts at ``start``) that the page furniture ``furniture`` and the
    white space around it fill, merged: each reads as one space between the halves of its sentence."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(furniture):
        a, b = max(s, start) - start, min(e, start + len(text)) - start
        if a >= b:
            continue
        while a > 0 and text[a - 1].isspace():
            a -= 1
        while b < len(text) and text[b].isspace():
            b += 1
        if out and a + start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b + start))
        else:
            out.append((a + start, b + start))
    return out


def _without_gaps(text: str, start: int, a: int, b: int, gaps: list[tuple[int, int]]) -> str:
    """document[a:b] of ``text`` (which starts at ``start``) with each of ``gaps`` (_furniture_gaps) one space."""
    out, pos = [], a
    for g0, g1 in gaps:
        if g1 <= a or b <= g0:
            continue
        s, e = max(g0, a), min(g1, b)
        out.append(text[pos - start:s - start] + (" " if s == g0 else ""))
        pos = e
    out.append(text[pos - start:b - start])
    return "".join(out)


def render_source(
    citation: Citation,
    item_text: str,
    item_start: int,
    note: str | None = None,
    picture: str | None = None,
    download: bool = False,
    language: str = lang.DEFAULT,
) -> str:
    """The cited passage highlighted inside its whole news item, the answer span marked in it.

    item_text is document[item_start:item_start + len(item_text)]. For a PDF, `picture` is the
    cited page's picture with the answer outlined (qa.app.pageview), shown next to the text. Its labels
    are worded in `language`, the reply's.
    """
    words = lang.reply_words(language)
    c = citation
    end = item_start + len(item_text)
    cuts = {item_start, end}
    ranges = {"passage": (c.start, c.end)}
    if c.answer and c.sentence_start is not None:  # the sentence it refers to, then the answer sentence
        ranges["before"] = (c.answer[0], c.sentence_start)
        ranges["answer"] = (c.sentence_start, c.answer[1])
    elif c.answer:
        ranges["answer"] = c.answer
    if c.span:
        ranges["span"] = c.span
    for a, b in ranges.values():
        cuts.update(x for x in (a, b) if item_start <= x <= end)
    gaps = _furniture_gaps(item_text, item_start, c.furniture)
    cuts = sorted(cuts)
    body = []
    focus_done = picture is not None  # with a page picture, its outline is what the panel scrolls to
    for a, b in zip(cuts, cuts[1:]):
        shown = _without_gaps(item_text, item_start, a, b, gaps)
        if not shown:
            continue
        piece = esc_block(shown)
        inside = {k for k, (s, e) in ranges.items() if s <= a and b <= e}
        if not inside:
            body.append(piece)
            continue
        if "answer" in inside or "span" in inside:
            cls = "qa-hl-answer"
        else:
            cls = "qa-hl-before" if "before" in inside else "qa-hl-passage"
        attr = ""
        if not focus_done and ("answer" in inside or "before" in inside or "passage" in inside):
            attr = ' id="qa-focus"'
            focus_done = True
        if "span" in inside:
            piece = f"<strong>{piece}</strong>"
        body.append(f'<mark class="{cls}"{attr}>{piece}</mark>')
    legend = f'<mark class="qa-hl-passage">{esc(words.say("legend.related" if c.related else "legend.passage"))}</mark>'
    if "before" in ranges:
        legend += f' <mark class="qa-hl-before">{esc(words.say("legend.before"))}</mark>'
    if c.answer:
        legend += f' <mark class="qa-hl-answer">{esc(words.say("legend.answer_sentence"))}</mark>'
    if c.span:
        legend += f' <mark class="qa-hl-answer"><strong>{esc(words.say("legend.answer"))}</strong></mark>'
    meta = c.doc + (words.say("source_page", page=c.page) if c.page is not None else "")
    meta += words.say("source_chars", start=c.start, end=c.end)
    head = (
        f'<div class="qa-source-head"><div class="qa-source-n">{esc(words.say("source_n", n=c.n))}</div>'
        f'<div class="qa-source-title">{esc(main_label(c.title, c.date, c.doc_title))}</div>'
        f'<div class="qa-source-meta">{esc(meta)}</div>'
        f'<div class="qa-legend">{legend}</div></div>'
    )
    extra = f'<div class="qa-note">{esc(note)}</div>' if note else ""
    if download:
        extra += f'<div class="qa-note">{esc(words.say("download_below"))}</div>'
    text = f'<div class="qa-source-body">{"".join(body)}</div>'
    if picture:
        text = f'<div class="qa-source-cols">{picture}{text}</div>'
    return f'<div class="qa-source">{head}{extra}{text}</div>'


def render_source_placeholder(message: str | None = None) -> str:
    """The sources panel with no citation shown: `message`, or English's "Click a citation [n] in a reply …"."""
    message = lang.reply_words().say("pick_citation") if message is None else message
    return f'<div class="qa-source qa-empty">{esc(message)}</div>'


def render_corpus(panel: dict, language: str = lang.DEFAULT) -> str:
    """The corpus panel: documents with counts, last indexed time, skipped and pending files, files
    changed since indexed and indexed files gone from the folder; its own words in `language`."""
    if panel.get("error"):
        return render_error(panel["error"])
    words = lang.reply_words(language)
    counts = panel.get("counts", {})
    built = words.say("corpus.built", when=esc(panel.get("built_at") or words.say("corpus.never")))
    heads = "".join(f"<th>{words.say('corpus.' + h)}</th>" for h in ("document", "items", "chunks", "pages", "size"))
    parts = [
        '<div class="qa-corpus">',
        '<div class="qa-corpus-head">'
        + words.say("corpus.counts", documents=counts.get("documents", 0), items=counts.get("items", 0),
                    chunks=counts.get("chunks", 0))
        + f"<br>{built}"
        + (f" ({esc(panel['generation'])})" if panel.get("generation") else "")
        + "</div>",
        f'<table class="qa-docs"><thead><tr>{heads}</tr></thead><tbody>',
    ]
    if panel.get("matched"):  # the corpus panel filtered like a question
        parts.insert(2, f'<div class="qa-corpus-matched">{esc(panel["matched"])}</div>')
    for d in panel.get("documents", []):
        pages = d.get("pages")
        parts.append(
            f'<tr><td>{esc(d["doc"])}</td><td>{_items(d, words)}</td><td>{d["chunks"]}</td>'
            f'<td>{pages if pages is not None else "—"}</td><td>{_size(d["chars"], words)}</td></tr>'
        )
    parts.append("</tbody></table>")
    if panel.get("skipped"):
        parts.append(_file_list(words.say("corpus.skipped"), "qa-skipped",
                                [f"{s['path']}: {s['reason']}" for s in panel["skipped"]]))
    for key in ("pending", "changed", "missing"):
        if panel.get(key):
            parts.append(_file_list(words.say(f"corpus.{key}"), "qa-pending", panel[key]))
    parts.append("</div>")
    return "".join(parts)


def _file_list(title: str, cls: str, entries: list[str]) -> str:
    """A titled list of files in the corpus panel, each entry escaped (the title is the page's own words)."""
    items = "".join(f"<li>{esc(e)}</li>" for e in entries)
    return f'<div class="qa-sub">{title}</div><ul class="{cls}">{items}</ul>'


def _items(d: dict, words: lang.ReplyWords) -> str:
    """"3" or, in a filtered panel, "2 of 3" (items the filter allows)."""
    if "items_matching" in d:
        return words.say("corpus.of", matching=d["items_matching"], items=d["items"])
    return str(d["items"])


def _size(chars: int, words: lang.ReplyWords) -> str:
    """A document's length: "950 chars", "12k chars", "1.2M chars" (the numbers as in every language)."""
    if chars >= 1_000_000:
        return words.say("corpus.chars_m", n=f"{chars / 1_000_000:.1f}")
    if chars >= 1000:
        return words.say("corpus.chars_k", n=f"{chars / 1000:.0f}")
    return words.say("corpus.chars", n=chars)


def render_build_report(report: dict) -> str:
    """A short, plain-text report of a re-index (BuildReport.to_json())."""
    def names(key):
        vals = report.get(key) or []
        return len(vals)

    line = (
        f"Re-indexed in {report.get('seconds', 0):.1f} s: added {names('added')}, changed {names('changed')}, "
        f"removed {names('removed')}, unchanged {names('unchanged')}"
    )
    if report.get("renamed"):
        line += f", renamed {len(report['renamed'])}"
    if report.get("up_to_date"):
        line += " (already up to date)"
    lines = [line + f". Now {report.get('documents', 0)} documents, {report.get('chunks', 0)} chunks."]
    for key, label in (("added", "Added"), ("changed", "Changed"), ("removed", "Removed")):
        if report.get(key):
            lines.append(f"{label}: " + ", ".join(report[key]))
    for s in report.get("skipped") or []:
        lines.append(f"Skipped {s['path']}: {s['reason']}")
    return "\n".join(lines)
