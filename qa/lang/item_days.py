"""Words that date a news item's lead by the item's own day: "UNODC and the EU today launched the project",
"вчера в Ташкенте открылся семинар". A press release's dateline ("Tashkent, 15 June 2022 –") is its date and is no
part of its first sentence, so the sentence that says when the event happened holds no date of its own."""

from __future__ import annotations

import re

_ITEM_DAY = re.compile(
    r"\b(?:today|yesterday|this\s+(?:morning|afternoon|evening))\b"
    r"|(?<![а-яё])(?:сегодня|вчера|накануне)(?![а-яё])",
    re.I,
)


def says_item_day(text: str) -> bool:
    """Whether `text` dates what it tells by the day its item is dated ("today", "вчера")."""
    return _ITEM_DAY.search(text) is not None
