"""Page furniture: whole-line rules for page chrome that is not content (cookie banners, rating
widgets, pagination, share bars, bylines), and whether a run of it separates news items. The
words of each rule, per language, are in qa.lang (see ``wording``)."""

from __future__ import annotations

import functools
import re

from qa.ingest import wording


_SEP, _NOSEP = True, False
# (rule, does a run of it separate items?, its language-free part) in the order they are tried;
# each language's words for a rule come from qa.lang (``wording``). Whole-line matches on short
# lines only.
_RULES = [
    ("rating", _SEP, ""),
    ("pagination", _SEP, ""),
    ("read-more", _SEP, ""),
    ("share", _SEP, ""),
    ("related", _SEP, ""),
    ("counter", _SEP, r"[\w ]{1,40}\(\d+\)"),  # "Breaking news (456)", "Comments (3)"
    ("views", _SEP, ""),  # "Views: 1,234", "Просмотров: 1234"
    ("label", _SEP, ""),
    ("press-release", _SEP, ""),  # "CARICC PRESS RELEASE", "ПРЕСС-РЕЛИЗ": a press release starts
    ("press-end", _SEP, ""),  # "###", "-ends-": a press release ends
    # "Media contact: …", "Контакты для СМИ: …": a press release's closing label (its signature,
    # "Press service of CARICC", is told by its place: qa.ingest.paragraphs)
    ("press-contact", _NOSEP, ""),
    ("rule", _SEP, r"(?:[-=*_~]\s*){3,}"),  # horizontal rules
    ("consent", _NOSEP, ""),
    ("chrome", _NOSEP, r"(?:©|\(c\)).{0,80}"),
]
_NOTICE_MAX = 400  # a cookie banner or a reprint notice is one paragraph, not a page
# rules a line longer than _SHORT_LINE may match whole: a contact label lists names, phones and addresses
_LONG_RULES = frozenset({"press-contact"})


@functools.cache
def _line_res() -> list[tuple[re.Pattern, bool, str]]:
    return [(re.compile(wording.line_rule(why, generic), re.IGNORECASE), sep, why) for why, sep, generic in _RULES]


@functools.cache
def _notice_res() -> list[tuple[re.Pattern, str]]:
    # matched against the lower-cased line: IGNORECASE makes these scans of long lines ~1.3x slower
    return [(re.compile(wording.notice(why)), why) for why in wording.notice_rules()]


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
    if len(line) <= _NOTICE_MAX:
        low = line.lower()
        for regex, why in _notice_res():
            if regex.search(low):
                return _NOSEP, why
    short = len(line) <= _SHORT_LINE
    if not short and len(line) > _NOTICE_MAX:
        return None
    for regex, separates, why in _line_res():
        if (short or why in _LONG_RULES) and regex.fullmatch(line):
            return separates, why
    if not short:
        return None
    parts = _MENU_SEP_RE.split(line)
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return _NOSEP, "menu"  # "Home | About | Contact"
    return None


def is_name_line(line: str) -> bool:
    """2-3 capitalised words and nothing else: a byline or a photo-caption name."""
    return len(line) <= 60 and not _HAS_DIGIT_RE.search(line) and bool(_NAME_RE.fullmatch(line))



@functools.cache
def _signature_re() -> re.Pattern:
    return re.compile(wording.line_rule("press-signature"), re.IGNORECASE)


def is_press_signature(line: str) -> bool:
    """Is the short line worded as a press release's signature ("Press service of CARICC", "Пресс-служба
    ЦАРИКЦ")? Whether it closes a release is for its place to say (qa.ingest.paragraphs)."""
    return len(line) <= _SHORT_LINE and bool(_signature_re().fullmatch(line))
