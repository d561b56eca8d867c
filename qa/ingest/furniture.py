"""Page furniture: whole-line rules for page chrome that is not content (cookie banners, rating
widgets, pagination, share bars, bylines), and whether a run of it separates news items."""

from __future__ import annotations

import re


_SEP, _NOSEP = True, False
# (pattern, does a run of it separate items?, what it is) Whole-line matches on short lines.
_FURNITURE_LINES = [
    (r"rate this (?:item|article|post|page)|\(?\d+ votes?\)?|rating:?\s*[\d.]+\s*(?:/\s*\d+)?", _SEP, "rating"),
    # "Page 13 of 38"; "« Start Prev 1 2 ... Next End »" (a bare number alone stays: it may be data)
    (r"page \d+ of \d+|(?=.*(?:[«»‹›]|\bprev|\bnext\b))(?:[«»‹›<>|…]|\.\.\.|\d+|start|first"
     r"|prev(?:ious)?|next|end|last|\s)+", _SEP, "pagination"),
    (r"read (?:more|full (?:story|article))\W*|continue reading\W*|more\W*", _SEP, "read-more"),
    (r"(?:share|print|e-?mail|tweet|facebook|twitter|linkedin|whatsapp|telegram|vk)"
     r"(?:\s*(?:this|article|page|on \w+))?\W*", _SEP, "share"),
    (r"other news in\b.*|(?:related|more|latest|recent|top) (?:news|articles|posts|stories)\W*"
     r"|see also\W*|back to (?:top|list)\W*", _SEP, "related"),
    (r"[\w ]{1,40}\(\d+\)", _SEP, "counter"),  # "Breaking news (456)", "Comments (3)"
    (r"(?:source|photo|photos|image|credit|credits|tags|author|posted by)\s*:.{0,80}", _SEP, "label"),
    (r"(?:[-=*_~]\s*){3,}", _SEP, "rule"),  # horizontal rules
    (r"i got it\W*|got it\W*|ok\W*|accept(?: all)?(?: cookies)?\W*|reject all\W*|decline\W*"
     r"|(?:manage )?(?:cookie )?(?:settings|preferences)\W*|(?:cookie|privacy) (?:policy|notice)\W*",
     _NOSEP, "consent"),
    # "Copyright" alone starts sentences too ("Copyright law was discussed."): a sign or a year
    # must follow it.
    (r"wrapper|advertisement|sponsored|menu|home|search|log ?in|sign ?in|sign up|subscribe"
     r"|skip to (?:main )?content|close|toggle navigation|all rights reserved\W*"
     r"|(?:©|\(c\)|copyright\s*(?:©|\(c\)|(?:19|20)\d\d\b)).{0,80}", _NOSEP, "chrome"),
]  # fmt: skip
_FURNITURE_RES = [(re.compile(p, re.IGNORECASE), sep, why) for p, sep, why in _FURNITURE_LINES]
_COOKIE_RE = re.compile(
    r"\b(?:we|this (?:web)?site) uses? cookies\b|\bcookie (?:policy|settings|consent)\b"
    r"|\bby continuing to (?:use|browse)\b",
    re.IGNORECASE,
)
_MENU_SEP_RE = re.compile(r"\s[|•·]\s")
_SHORT_LINE = 80
_NAME_RE = re.compile(r"(?:[A-ZА-ЯЁ][\w'’-]*\.?\s+){1,2}[A-ZА-ЯЁ][\w'’-]*")
_HAS_DIGIT_RE = re.compile(r"\d")


def furniture_kind(line: str) -> bool | None:
    """None if ``line`` is not furniture; else whether a run of it separates items."""
    found = furniture_rule(line)
    return None if found is None else found[0]


def furniture_rule(line: str) -> tuple[bool, str] | None:
    """None if ``line`` is not furniture; else (does a run of it separate items, which rule)."""
    if len(line) <= 400 and _COOKIE_RE.search(line):
        return _NOSEP, "cookie"
    if len(line) > _SHORT_LINE:
        return None
    for regex, separates, why in _FURNITURE_RES:
        if regex.fullmatch(line):
            return separates, why
    parts = _MENU_SEP_RE.split(line)
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return _NOSEP, "menu"  # "Home | About | Contact"
    return None


def is_name_line(line: str) -> bool:
    """2-3 capitalised words and nothing else: a byline or a photo-caption name."""
    return len(line) <= 60 and not _HAS_DIGIT_RE.search(line) and bool(_NAME_RE.fullmatch(line))

