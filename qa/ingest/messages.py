"""An e-mail thread saved as text: each message is dated by its header, and the thread is named by its subject.

A thread holds its messages newest first, each under a header ("From: … / Sent: Tuesday, 20 January 2026 11:42 / To:
… / Subject: RE: …"), its body broken by greetings and signatures into several items. Their text names the dates the
messages talk about ("We confirm the course for 17-19 March 2026"), which are plans, not when anyone wrote: every item
carries the date of the header above it. English and Russian field names ("От:", "Отправлено:", "Тема:")."""

from __future__ import annotations

import re

from qa.ingest.dates import find_date
from qa.ingest.document import Item

# a header's field lines: "From: …", "Sent: …", "Date: …", "To: …", "Cc: …", "Subject: …" (English, Russian)
_FIELD_RE = re.compile(
    r"^[ \t]*(?P<field>From|Sent|Date|To|Cc|Subject|От|Отправлено|Дата|Кому|Копия|Тема)[ \t]*:[ \t]*(?P<value>.*)$",
    re.MULTILINE | re.IGNORECASE,
)
_DATE_FIELDS = {"sent", "date", "отправлено", "дата"}
_SUBJECT_FIELDS = {"subject", "тема"}
_MIN_FIELDS = 2  # "From:" and "Sent:" at least: one "Date:" line is a document's date, not a message's header
_REPLY_RE = re.compile(r"^(?:(?:re|fw|fwd|ответ|пересл)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)


def headers(text: str) -> list[tuple[int, str | None, str | None]]:
    """(offset, date, subject) of every message header in `text`: a run of field lines, one of them "From:"/"От:",
    at least _MIN_FIELDS of them."""
    out: list[tuple[int, str | None, str | None]] = []
    run: list[re.Match] = []

    def close() -> None:
        fields = {m["field"].lower() for m in run}
        if len(run) >= _MIN_FIELDS and fields & {"from", "от"}:
            date = next((d for m in run if m["field"].lower() in _DATE_FIELDS and (d := find_date(m["value"]))), None)
            subject = next((m["value"].strip() for m in run if m["field"].lower() in _SUBJECT_FIELDS), None)
            out.append((run[0].start(), date, subject))

    for m in _FIELD_RE.finditer(text):
        if run and text[run[-1].end():m.start()].strip():
            close()
            run = []
        run.append(m)
    if run:
        close()
    return out


def is_thread(text: str) -> bool:
    """Whether `text` opens with a message header (an e-mail or a thread saved as text)."""
    found = headers(text[:3000])
    return bool(found) and not text[: found[0][0]].strip()


def messages_dated(text: str, items: list[Item]) -> bool:
    """Date each item of a thread by the header it holds or follows (in place); False, changing nothing, when `text`
    is no thread."""
    if not is_thread(text):
        return False
    found = headers(text)
    k, current = 0, None
    for item in items:
        while k < len(found) and found[k][0] < item.end:
            current = found[k][1] or current
            k += 1
        if current is not None:
            item.date = current
    return True


def subject(text: str) -> str | None:
    """A thread's subject without its "RE:" and "FW:" ("RE: RE: Joint training - Osh" -> "Joint training - Osh")."""
    found = headers(text[:3000])
    if not found or not found[0][2]:
        return None
    return _REPLY_RE.sub("", found[0][2]).strip() or None
