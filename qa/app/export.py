"""Answers written up: a conversation (or one CLI answer) as Markdown or CSV.

One row per question: the question, the short answer, the quoted sentence, and where it is from
(document, title, date, page and a link). The link is a file URI with an RFC 5147 fragment
(`#char=start,end`) naming the quoted characters, so a reader can find the exact text again.
"""

from __future__ import annotations

import csv
import io
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from qa.contracts import marked, one_line
from qa.lang import detect, reply_words

FORMATS = ("md", "csv")


@dataclass(frozen=True)
class ExportRow:
    question: str
    answer: str  # the short answer when there is one, else the sentence; NOT_FOUND (and why) when not found
    quote: str  # the answer sentence, verbatim but on one line ("…" where it goes on beyond the part quoted)
    document: str
    title: str
    date: str
    page: str
    link: str
    header: str = ""  # the header row of the table whose row is quoted (Answer.header), else ""


HEADERS = {
    "question": "Question", "answer": "Answer", "quote": "Quoted sentence", "document": "Document",
    "title": "Title", "date": "Date", "page": "Page", "link": "Link", "header": "Table header",
}
NOT_FOUND = reply_words().not_found  # English's; a Russian question's row says it in Russian


def source_link(corpus_dir: Path | str | None, doc: str, start: int, end: int) -> str:
    """file:///…/doc.txt#char=start,end (RFC 5147), or just the document name when the folder is unknown."""
    if not doc:
        return ""
    if corpus_dir is None:
        return f"{doc}#char={start},{end}"
    return f"{(Path(corpus_dir) / doc).resolve().as_uri()}#char={start},{end}"


def row_from_answer(question: str, answer: dict | None, corpus_dir: Path | str | None = None,
                    not_found: str | None = None) -> ExportRow:
    """A row from the JSON answer shape of `qa ask --json` (None: not found, then `not_found` says
    what the passages lack when the answer step knows: Result.not_found)."""
    if answer is None:
        said = reply_words(detect(question)).not_found  # the reason beside it is worded in the question's language
        return ExportRow(question, said + (f" {not_found}" if not_found else ""), "", "", "", "", "", "")
    span = answer.get("span") or {}
    page = answer.get("page")
    # on one line: a spreadsheet cell would show a PDF's printed line ends inside the sentence; the link
    # still names the exact characters
    quote = marked(one_line(answer["text"]), bool(answer.get("cut_before")), bool(answer.get("cut_after")))
    return ExportRow(
        question=question,
        answer=one_line(span["text"]) if span.get("text") else quote,
        quote=quote,
        document=answer["doc"],
        title=answer.get("title") or "",
        date=answer.get("date") or "",
        page="" if page is None else str(page),
        link=source_link(corpus_dir, answer["doc"], answer["start"], answer["end"]),
        header=answer.get("header") or "",
    )


def to_csv(rows: list[ExportRow]) -> str:
    """RFC 4180 CSV with a header row; every field quoted only when it needs to be."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([HEADERS[f.name] for f in fields(ExportRow)])
    for r in rows:
        w.writerow([_no_formula(v) for v in astuple(r)])
    return buf.getvalue()


def _no_formula(value: str) -> str:
    # a cell starting with = + - @ is run as a formula by spreadsheets (CSV injection): a
    # document's text must never do that, so such a cell gets a leading apostrophe
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _md_text(text: str) -> str:
    """Text that Markdown shows as written: its syntax characters escaped, on one line."""
    out = one_line(str(text)).strip()
    for ch in "\\`*_{}[]<>()#+!|~":
        out = out.replace(ch, "\\" + ch)
    return out


def to_markdown(rows: list[ExportRow], heading: str = "Answers from the documents") -> str:
    """One section per question: the answer, the quoted sentence as a block quote, the source."""
    parts = [f"# {heading}", ""]
    for i, r in enumerate(rows, 1):
        parts += [f"## {i}. {_md_text(r.question)}", "", f"**Answer:** {_md_text(r.answer)}", ""]
        if r.quote:
            parts += [f"> {_md_text(r.quote)}", ""]
            if r.header:  # a table's row says what its cells are only under its header
                parts += [f"Under the table's header: {_md_text(r.header)}", ""]
            source = [f"*{_md_text(r.title)}*" if r.title else "", _md_text(r.date),
                      f"page {_md_text(r.page)}" if r.page else ""]
            where = ", ".join(s for s in source if s)
            link = f"[{_md_text(r.document)}](<{r.link}>)" if r.link else _md_text(r.document)
            parts += [f"Source: {where + ' — ' if where else ''}{link}", ""]
    return "\n".join(parts)


def render(rows: list[ExportRow], fmt: str) -> str:
    if fmt == "md":
        return to_markdown(rows)
    if fmt == "csv":
        return to_csv(rows)
    raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
