"""Lines a document holds that answer nothing asked of them, left out of the candidates as headings are.

- An e-mail's subject line ("Subject: RE: Joint training on parcel profiling - Osh", "Тема: …") repeats the words of
  the thread it heads, so it matches every question about it ("Why was the course moved?") and says nothing: it
  answers only a question asking for a subject or topic.
- A heading broken over lines: a line of its own that opens in lower case, holds no figure and ends with no
  punctuation, under a line that ends with none either ("ПРОТОКОЛ № 4" / "заседания Рабочей группы по …"), or a line
  of capitals with no figure and no closing punctuation ("ПРИ ПРЕЗИДЕНТЕ РЕСПУБЛИКИ ТАДЖИКИСТАН" under a letterhead's
  first line). It names the document, and holds every topic word of a question about it.
- A page's running line ("CACLN Annual Report 2025 | page 10", "Page 3 of 12", "— 7 —", "стр. 4 из 9"), where the reader
  did not drop it as a repeated header or footer (a page of its own, a footer that changes its words): it names the
  document, so it shares a question's topic words, and it states nothing.
- A table's caption: a line of its own right above a table's rows, with no cell of its own and no closing
  punctuation ("Table 1. Seizures of drugs by country and drug, 2023 (kg)" over "Country | Heroin | …"). It names what
  the table holds, so it holds a question's topic words, and it states none of the table's facts: a row does.
- A line of a reference number and no word ("№ 217-п", an order's number over its place and date): it matches a
  question naming the document by its number and states nothing, unless the question asks for a number.
- A letter's opening courtesy formula ("… выражает Вам свое уважение и предлагает …", "… presents its compliments
  to … and has the honour to …") names the sending body and no one: it does not answer a who-question, which the
  signature or the contact line does, unless it holds what the question asks first ("Кто предлагает …?").
"""

from __future__ import annotations

import re

from qa.answer.needs import needs
from qa.lang import analyze
from qa.contracts import ChunkRow
from qa.store import Index, SentenceRow

# an e-mail's subject line
_SUBJECT = re.compile(r"^\s*(?:subject|тема(?:\s+письма)?)\s*:", re.I)
# a question asking what a message is about, which its subject line answers
_ASKS_SUBJECT = re.compile(r"\b(?:subject|topic|titled?|entitled|about\s+what|what\b.*\babout\s*\?|тем[аеуы]|"
                           r"о\s+ч[её]м|называ\w*)", re.I)
# a letter's opening courtesy formula (a note verbale's and a letter's first sentence)
_COURTESY = re.compile(r"\b(?:presents?\s+(?:its|his|her|their)\s+compliments|has\s+the\s+hono(?:u)?r\s+to)\b|"
                       r"(?<!\w)(?:выража\w*|свидетельству\w*)\s+(?:\w+\s+){0,2}(?:уважени\w*|почтени\w*)", re.I)
_CLOSERS = ".!?…:;,"
# a page's running line: a page number, alone or after a title and a bar or a dash ("Annual Report 2025 | page 10")
_PAGE_LINE = re.compile(r"^(?:.{0,80}?(?:\||–|—|-|·|,)\s*)?(?:page|p\.|pp\.|стр\.?|страница|с\.)\s*\d{1,4}"
                        r"(?:\s*(?:of|/|из)\s*\d{1,4})?\s*$|^[—–-]\s*\d{1,4}\s*[—–-]$", re.I)
# a sentence that asks: an interviewer's or a FAQ's question, a rhetorical one
_ASKING = re.compile(r"\?[\s\"'»”*)\]]*$")
# a word of three letters or more: a line with none ("№ 217-п г.", "No. 41/2025") states nothing but a number
_WORD = re.compile(r"[^\W\d_]{3,}")
# a question asking for a number or reference, which such a line gives
_ASKS_NUMBER = re.compile(r"\b(?:number|numbered|no\.|reference|номер\w*|№)", re.I)
# how many sentences a reply runs under its question, at most
REPLY_REACH = 4
# how far back the line before a heading's fragment is looked for
_LOOK_BACK = 300


def never_answers(row: SentenceRow, chunk: ChunkRow, question: str, index: Index) -> bool:
    """Whether the sentence `row` of the passage's `chunk` answers nothing `question` may ask (the module)."""
    text = row.text.strip()
    if not text:
        return False
    if _PAGE_LINE.match(text) or asks(text):
        return True
    if not _WORD.search(text) and "|" not in text:  # "№ 217-п" ("г." broken off the place under it); no table row
        return not _ASKS_NUMBER.search(question)
    if _SUBJECT.match(text):
        return not _ASKS_SUBJECT.search(question)
    if _COURTESY.search(text):
        # "Кто предлагает провести учения?" is answered by the formula's own proposal; "Кто контактное лицо …?" or
        # "Who signed …?" asks for what its first word names, which the formula does not hold
        asked = analyze(question)
        return needs(question).wants == "person" and bool(asked) and asked[0] not in set(analyze(text))
    return heading_fragment(row, chunk, index) or table_caption(row, index)


# the longest line read as a table's caption
_CAPTION_MAX = 200


def asks(text: str) -> bool:
    """Whether the sentence asks (an interviewer's or a FAQ's question): it states nothing, its reply does."""
    return bool(_ASKING.search(text))


def reply_heading(row: SentenceRow, by_id: dict[int, SentenceRow]) -> SentenceRow | None:
    """The question `row` replies to: the sentence that asks, at most REPLY_REACH sentences back in its item. An
    interview's or a FAQ's reply ("— Мефедрон. Его производят …") says what it is about only through its question,
    as a table's row does through its header."""
    for nid in range(row.id - 1, row.id - 1 - REPLY_REACH, -1):
        nb = by_id.get(nid)
        if nb is None or nb.doc != row.doc or nb.item != row.item:
            return None
        if asks(nb.text):
            return nb
    return None


def table_caption(row: SentenceRow, index: Index) -> bool:
    """Whether `row` is (part of) a table's caption (the module): its line holds no cell and ends with no closing
    punctuation, and the next line that holds anything is a table's row (two cell bars at least)."""
    text = row.text.strip()
    if not text or text[-1] in _CLOSERS or "|" in text:
        return False  # most sentences: read without the document's text around them
    before = index.document_slice(row.doc, max(0, row.start - _CAPTION_MAX), row.start) or ""
    after = index.document_slice(row.doc, row.end, row.end + _CAPTION_MAX + 400) or ""
    head, _, rest = after.partition("\n")
    line = (before.rsplit("\n", 1)[-1] + row.text + head).strip()
    if not line or "|" in line or line[-1] in _CLOSERS or len(line) > _CAPTION_MAX or not rest:
        return False
    following = next((x for x in rest.split("\n") if x.strip()), "")
    return following.count("|") >= 2


def heading_fragment(row: SentenceRow, chunk: ChunkRow, index: Index) -> bool:
    """Whether `row` is a line of a heading broken over lines (the module): a line of its own with no figure and no
    closing punctuation that opens in lower case under a line ending with no punctuation, or is all capitals."""
    text = row.text.strip()
    if re.search(r"\d", text) or text[-1] in _CLOSERS or "\n" in text:
        return False
    letters = re.sub(r"[^\w]|[\d_]", "", text)
    capitals = len(letters) > 3 and letters.isupper() and len(text.split()) > 1
    if not (text[:1].islower() or capitals):
        return False
    before = index.document_slice(row.doc, max(0, row.start - _LOOK_BACK), row.start) or ""
    after = index.document_slice(row.doc, row.end, row.end + 2) or ""
    if before.rstrip(" \t")[-1:] not in ("", "\n") or after.lstrip(" \t")[:1] not in ("", "\n", "\r"):
        return False  # not a line of its own
    above = before.rstrip().rsplit("\n", 1)[-1].strip()
    if not above:
        return capitals  # a document's first line: a title in capitals
    return above[-1] not in _CLOSERS and (capitals or not re.search(r"[.!?…]\s*$", above))
