"""The lines of a letter that answer who-questions about it: its signature, and the line labelled as the question asks.

A letter names who signed it in its signature block, under the complimentary close ("С уважением,", "Yours
sincerely,", "Kind regards,"), and whom to contact on a labelled line ("Контактное лицо: подполковник …", "Contact
person: …"). Neither shares many words with the question: the sentence model ranks the letterhead, the addressee or
the body above them. A question asking who signed or wrote a letter takes the signature block of the best candidate's
document; a who-question naming a line's whole label ("Кто контактное лицо …?") takes that line when it names someone
(qa.answer.persons.named_person: not "Border Liaison Offices: Annual Report 2023", a title).
"""

from __future__ import annotations

import re

from qa.answer.features import Candidate, swap
from qa.answer.needs import needs
from qa.answer.persons import named_person, names_person
from qa.answer.points import names_document
from qa.ingest.letters import CLOSE, SIGNED_LINE
from qa.lang import analyze
from qa.store import Index

# a question asking who signed a letter
_ASKS_SIGNER = re.compile(r"\b(?:sign(?:ed|s)?|signatory|signature)\b|(?<!\w)(?:подписал\w*|подписа\w*|подпись\w*)",
                          re.I)
# "Label: value" opening a line: a label of one to three words
_LABEL = re.compile(r"^\s*(?P<label>[A-ZА-ЯЁ][^\W\d_]*(?:\s+[^\W\d_]+){0,2})\s*:\s*\S")


def prefer_letter_line(question: str, ranked: list[Candidate], index: Index) -> list[Candidate]:
    """ranked with the letter's line answering a who-question first (the module): its signature block when the
    question asks who signed, the line whose label the question names when it names one."""
    if len(ranked) < 2 or needs(question).wants != "person":
        return ranked
    if _ASKS_SIGNER.search(question):
        doc = ranked[0].sentence.doc
        for i, c in enumerate(ranked):
            if c.sentence.doc == doc and _signature(c, index):
                return ranked if i == 0 else swap(ranked, i)
        # "Кто подписал приказ № 217-п?": the best may be another document's; the one the question names by its
        # number (its head states it) is the one whose signature answers
        for i, c in enumerate(ranked[1:], 1):
            if signs_named_document(question, c, index):
                return swap(ranked, i)
        return ranked
    asked = set(analyze(question))
    for i, c in enumerate(ranked):
        m = _LABEL.match(c.text)
        if m is None or c.features.get("typed") != 1.0:
            continue
        label = set(analyze(m["label"]))
        # a title written as "Label: subtitle" ("Border Liaison Offices: Annual Report 2023") names no one
        if len(label) >= 2 and label <= asked and named_person(c.text, question, c.sentence.lang) != 0.0:
            return ranked if i == 0 else swap(ranked, i)
    return ranked


def signs_named_document(question: str, c: Candidate, index: Index) -> bool:
    """Whether `c` is the signature of the document a who-signed question names by its number ("Кто подписал приказ
    № 217-п?"): the document says who signed what the question names, as a table's named cell says its figure."""
    return bool(_ASKS_SIGNER.search(question)) and _signature(c, index) and names_document(question, c.sentence.doc,
                                                                                          index)


# how many signers' lines close a document at most (an agreement's parties)
_SIGNERS = 4


def _signed(text: str) -> bool:
    """Whether a sentence may be a signer's line: one short line, no sentence's end, naming someone."""
    text = text.strip()
    return 0 < len(text) <= 160 and "\n" not in text and text[-1] not in ".!?:;" and names_person(text, "")


def _signature(c: Candidate, index: Index) -> bool:
    """Whether a candidate is a letter's signature block: it opens with the complimentary close and goes on, or
    the line before it is the close, and it names someone (its "typed" feature); or an order's or a decree's
    signature line, its document's last: the signer's office, a wide gap, the signer's initials and name
    ("Председатель                А. Токтосунов"), or one of its last lines naming the signer with no full stop."""
    if SIGNED_LINE.match(c.text):
        after = index.sentences(c.sentence.id + 1, 1)
        return not after or after[0].doc != c.sentence.doc
    if _signed(c.sentence.text):
        # a closing run of lines naming signers ("Директор Агентства, генерал-лейтенант Хуршед Рахмонзода"; an
        # agreement's "За Правительство … — Фаридун Саидзода, …" for each party): all lines after it are such too
        after = [r for r in index.sentences(c.sentence.id + 1, _SIGNERS) if r.doc == c.sentence.doc]
        return len(after) < _SIGNERS and all(_signed(r.text) for r in after)
    if c.features.get("typed") != 1.0:
        return False
    if CLOSE.match(c.text):
        return bool(CLOSE.sub("", c.text, count=1).strip())
    row = c.sentence
    if row.id <= 0:
        return False
    before = index.sentences(row.id - 1, 1)
    return bool(before) and before[0].doc == row.doc and bool(CLOSE.match(before[0].text))
