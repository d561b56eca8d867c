"""A letter is one item: its letterhead, addressee, salutation, body, complimentary close and signature block.

A formal letter is laid out in short lines: the letterhead ("STATE CUSTOMS SERVICE …"), a reference ("Ref. No.
04-11/2287"), a place and date, the addressee's name and post, a subject line, "Dear Mr. Kholmatov,", the body, "Yours
sincerely,", then the signer's name, post, office, telephone and e-mail. Read as a news page, its short lines are
headlines that each open a story: the addressee's post became an item of its own and the signature block a title, so
no question about who signed the letter or how to reach them could be answered.

A text with one salutation among its first paragraphs and one complimentary close after it is read as one letter:
titled by its subject line (else its letterhead), dated by its place-and-date line or reference, and every other line
is a sentence of it (qa.answer.letters reads the signature block under the close). Two or
more salutations or closes are a thread of messages (qa.ingest.messages), left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

# "Dear Mr. Kholmatov,", "Dear Director,", "Dear colleagues:", "Уважаемый господин Директор!", "Уважаемая Анна
# Петровна!", "Здравствуйте,"
SALUTATION = re.compile(r"^\s*(?:dear|уважаем(?:ый|ая|ые)|дорог(?:ой|ая|ие)|здравствуйте)\b[^\n]{0,80}?[,!:]?\s*$",
                        re.I)
# an official document's signature line: an office, a gap of three spaces or a tab, initials and a surname
SIGNED_LINE = re.compile(r"^\s*[^\W\d_][^\n]{0,100}?(?: {3,}|\t)\s*(?:[A-ZА-ЯЁ]\.\s?){1,2}"
                         r"[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?\s*$")
# a letter's complimentary close, on a line of its own before the signature (or before the name on the same line)
CLOSE = re.compile(r"^\s*(?:yours\s+(?:sincerely|faithfully|truly)|"
                   r"(?:very\s+)?(?:sincerely|respectfully)(?:\s+yours)?|"
                   r"(?:with\s+)?(?:kind|best|warm)(?:est)?\s+regards|regards|с\s+(?:глубоким\s+)?уважением|"
                   r"с\s+наилучшими\s+пожеланиями|искренне\s+ваш\w*)\s*[,.!]?\s*(?:\n|$)", re.I)
# a subject line: "Subject: …", "Re: …", "Тема: …", "О …" / "Об …" as the Russian letter's own subject
_SUBJECT = re.compile(r"^\s*(?:subject|re|тема)\s*:\s*\S", re.I)
# the salutation stands among a letter's first paragraphs: letterhead, reference, date, addressee, subject
_OPENING_PARAS = 14


class _Para(Protocol):
    start: int
    end: int


def letter_parts(text: str, paras: Sequence[_Para]) -> tuple[int, int] | None:
    """(index of the salutation, index of the close) among `paras` when the text is one letter, else None."""
    salutations = [i for i, p in enumerate(paras) if SALUTATION.match(text[p.start:p.end])]
    closes = [i for i, p in enumerate(paras) if CLOSE.match(text[p.start:p.end])]
    if len(salutations) != 1 or len(closes) != 1:
        return None
    hello, close = salutations[0], closes[0]
    if hello >= _OPENING_PARAS or close <= hello + 1:
        return None
    return hello, close


def subject_line(text: str, paras: Sequence[_Para], before: int) -> int | None:
    """The index of the subject line among the first `before` paragraphs, if there is one."""
    return next((i for i, p in enumerate(paras[:before]) if _SUBJECT.match(text[p.start:p.end])), None)
