"""Lines of decoded text -> paragraphs with a kind (prose, furniture, name, dateline, headline,
markdown heading), offsets exact.

Furniture carries the rule that removed it (``Para.why``: "rating", "photo-credit", "caption"
...), for reports. A prose paragraph that opens with a dateline ("ALMATY, 12 October 2022 —")
keeps the dateline out of its text: ``Para.body`` is where the story's own words start.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from qa.ingest.captions import is_caption_by_form, is_photo_credit
from qa.ingest.labels import label_of
from qa.ingest.datelines import dateline_prefix, is_date_line
from qa.ingest.furniture import furniture_rule, is_name_line, is_press_signature
from qa.ingest.leads import CLOSERS, is_dated_lead, opening_date
from qa.ingest.wraps import goes_on
from qa.lang.contacts import CONTACT_SPANS

REPEAT_MAX = 40  # short lines repeated this short or shorter are page chrome


_PROSE, _FURNITURE, _NAME, _DATELINE, _HEADLINE, _HEADING = (
    "prose", "furniture", "name", "dateline", "headline", "heading",
)  # fmt: skip
_MD_HEADING_RE = re.compile(r"(#{1,6})\s+(.*?)(?:\s+#+)?")
_BULLET_RE = re.compile(r"(?:[-*+•]|\d{1,3}[.)])\s")
_HEADLINE_WORDS = (4, 30)
_HEADLINE_MAX_CHARS = 250
_PAGE_HEADING_WORDS = 3  # a page's own heading above its first story: "News", "Latest news"
_CAPS_HEADLINE_LETTERS = 15
_ARCHIVE_STORIES = 2  # stories opened by a date line over a headline that make a page an archive of them
@dataclass
class Para:
    start: int
    end: int
    kind: str
    separates: bool = False  # furniture only
    level: int = 0  # markdown headings only
    title: str = ""  # markdown headings only
    dated_lead: bool = False
    why: str = ""  # furniture only: the rule that removed it ("rating", "caption" ...)
    body: int | None = None  # prose only: where its text starts after a dateline prefix
    dateline_date: str | None = None  # prose only: the ISO date of that dateline
    opening_date: str | None = None  # prose only: the ISO date its own text opens with ("3 апреля 2024 г. ...")
    row: bool = False  # a table's row

    @property
    def text_start(self) -> int:
        return self.start if self.body is None else self.body


def lines(text: str) -> list[tuple[int, int, bool]]:
    """Non-blank lines as (start, end, blank_line_before), trimmed of surrounding whitespace."""
    out: list[tuple[int, int, bool]] = []
    prev_end = 0
    for m in re.finditer(r"[^\r\n]+", text):
        line = m.group()
        stripped = line.strip().lstrip("\ufeff").strip()  # a UTF-8 BOM starts the text, not a line
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip().lstrip("\ufeff").lstrip()))
        end = start + len(stripped)
        gap = text[prev_end:start]
        blank_before = (gap.count("\n") or gap.count("\r")) >= 2
        out.append((start, end, blank_before))
        prev_end = end
    return out


def _looks_hard_wrapped(text: str, lines: list[tuple[int, int, bool]]) -> bool:
    """Blank-line paragraphs whose lines are wrapped at a fixed width (e.g. hand-written .md)."""
    if not any(blank for _, _, blank in lines):
        return False  # one paragraph per line, as scraped pages are
    # a line that the next outruns was broken by its writer (a headline over its one-line lead), not wrapped
    inner = [
        text[s:e] for (s, e, _), (s2, e2, blank) in zip(lines, lines[1:])
        if not blank and e - s >= 30 and not _outruns(text[s:e], text[s2:e2])
    ]
    if len(inner) < 3:
        return False
    open_ended = sum(1 for ln in inner if ln.rstrip(CLOSERS)[-1:] not in ".!?:;")
    lengths = sorted(len(ln) for ln in inner)
    return open_ended / len(inner) >= 0.5 and lengths[len(lengths) // 2] >= 40


# A line its writer broke, not the wrap: the next line runs this much longer than it (a wrap at a fixed width leaves
# every line of a paragraph about as long, give or take the next word).
_OUTRUN_SHARE, _OUTRUN_CHARS = 1.2, 10


def _outruns(prev: str, line: str) -> bool:
    """Does ``line`` run far longer than ``prev``: ``prev`` ends where its writer broke it (a headline over its
    one-line lead, "Стартовала операция «Кордон»" / "27 марта 2023 года начался …"), not at a wrap?"""
    return len(line) > _OUTRUN_SHARE * len(prev.rstrip()) + _OUTRUN_CHARS


def _is_headline_like(line: str) -> bool:
    if len(line) > _HEADLINE_MAX_CHARS:
        return False
    if not (_HEADLINE_WORDS[0] <= len(line.split()) <= _HEADLINE_WORDS[1]):
        return False
    first = line.lstrip(CLOSERS + "“‘«(")[:1]
    if not first.isupper() or line.rstrip(CLOSERS)[-1:] in ".,;:":
        return False
    # Some sites set headlines in capitals ("CUSTOMS OFFICERS SEIZE 40 KG OF HEROIN"); a short
    # all-capital line of codes or figures ("CADAP 7 2021 2022") has too few letters to be one.
    return any(c.islower() for c in line) or sum(c.isalpha() for c in line) >= _CAPS_HEADLINE_LETTERS


# A Markdown table (trafilatura writes an HTML <table> so): rows "| a | b |" around a rule row "|---|---|"
_PIPE_ROW_RE = re.compile(r"\|.*\|")
_PIPE_RULE_RE = re.compile(r"\|(?:\s*:?-{3,}:?\s*\|)+")
# A plain text's table, its cells parted by bars with no bar at either end ("Port Ellery | 118 | 340 | 458", as a
# report exported to text writes it): a run of two rows or more with as many cells each, one of them a figure
_BARE_ROW_RE = re.compile(r"[^|\s][^|]*(?:\s\|\s[^|]*){2,}[^|\s]")
_FIGURE_CELL_RE = re.compile(r"(?:^|\|)\s*[-+]?\d[\d.,\s\u00a0\u202f]*%?\s*(?:\||$)")


def _table_lines(text: str, lines: list[tuple[int, int, bool]]) -> dict[int, bool]:
    """Line index -> whether it is the rule row, for the lines of the Markdown tables in the text: a run of
    pipe rows holding a rule row, or of two rows or more with as many cells each (trafilatura writes no rule
    row under a header of <td> cells); and a plain text's table (_BARE_ROW_RE), which needs a figure in a cell. The
    menu rule would take each row for a menu ("Home | About")."""
    out: dict[int, bool] = {}
    run: list[int] = []
    bare = False  # the run is of rows with no bar at either end
    for i, (s, e, blank_before) in enumerate([*lines, (0, 0, True)]):
        line = text[s:e].strip() if e > s else ""
        kind = (False if _PIPE_ROW_RE.fullmatch(line) else True if _BARE_ROW_RE.fullmatch(line) else None) \
            if line else None
        if run and (blank_before or kind is None or kind != bare):
            rows = [text[lines[j][0]:lines[j][1]].strip() for j in run]
            rules = {j for j, row in zip(run, rows) if _PIPE_RULE_RE.fullmatch(row)}
            widths = {row.count("|") for j, row in zip(run, rows) if j not in rules}
            table = rules or (len(run) >= 2 and len(widths) == 1)
            if bare:
                table = len(run) >= 2 and len(widths) == 1 and any(_FIGURE_CELL_RE.search(row) for row in rows)
            if len(run) > len(rules) and table:
                out.update({j: j in rules for j in run})
            run = []
        if kind is not None:
            bare = kind if not run else bare
            run.append(i)
    return out


def classify(text: str, lines: list[tuple[int, int, bool]], markdown: bool) -> list[Para]:
    """One Para per line (or per wrapped paragraph), with its kind."""
    short_counts = Counter(
        text[s:e] for s, e, _ in lines if e - s <= REPEAT_MAX
    )
    paras: list[Para] = []
    wrapped = _looks_hard_wrapped(text, lines)
    table = _table_lines(text, lines)
    for i, (start, end, blank_before) in enumerate(lines):
        line = text[start:end]
        if i in table:  # a table's row is a paragraph of its own (qa.answer.tables); its rule row is no content
            rule = Para(start, end, _FURNITURE, why="table-rule")
            paras.append(rule if table[i] else Para(start, end, _PROSE, row=True))
            continue
        para = _classify_line(line, start, end, markdown, short_counts)
        prev = paras[-1] if paras else None
        # a label line ("Отчётный период: …") under a wrapped title is a field of its own, not the title's last line
        if prev is not None and not blank_before and i - 1 not in table and prev.kind in (_PROSE, _HEADLINE) and (
            label_of(line) is None
        ) and (
            (wrapped and para.kind in (_PROSE, _HEADLINE) and not _BULLET_RE.match(line)
             and not _outruns(text[prev.start : prev.end], line))
            # A line break in mid-sentence (a page's <p> wrapped in its source, a <br>): the line that reads on
            # joins its paragraph, which is then no headline ("… наибольшая партия гашиша" / "(640 кг) была …").
            or (para.kind in (_PROSE, _HEADLINE, _NAME) and goes_on(text[prev.start : prev.end], line))
        ):
            prev.end = end  # a wrapped continuation line joins its paragraph
            prev.kind = _PROSE
            continue
        paras.append(para)
    for i, p in enumerate(paras):
        if p.kind == _PROSE and p.row:
            continue  # a row dated "6–10 июня 2022 г." is a line of its table, not the lead of a story of its own
        if p.kind == _PROSE:
            para = text[p.start : p.end]
            p.dated_lead = is_dated_lead(para)
            if p.dated_lead and (bullet := _BULLET_RE.match(para)):
                # a list's entry dated in its sentence ("- Nominations must be received by 25 July 2025.") is a line
                # of its list; only one that opens with its date ("• 12 March 2024: …") may be a story of a news list
                p.dated_lead = opening_date(para[bullet.end():]) is not None
            if dl := dateline_prefix(para):
                p.body, p.dateline_date = p.start + dl.body, dl.date
                _headline_before(text, paras, i)
            p.opening_date = opening_date(text[p.text_start : p.end])
        elif p.kind == _DATELINE:
            _headline_before(text, paras, i)
    under = [i for i, p in enumerate(paras) if p.kind == _DATELINE and _headline_under(text, paras, i)]
    # several stories so opened: the page is an archive that heads each story with its date line, then its headline
    _page_heading(text, paras, archive=len(under) >= _ARCHIVE_STORIES)
    _mark_captions(text, paras)
    _mark_press_signatures(text, paras)
    # A headline-like line is a headline only if content follows it; else it is prose. Captions,
    # credits and the names under a photo may stand between a headline and its story.
    for i, p in enumerate(paras):
        if p.kind != _HEADLINE:
            continue
        after = (q for q in itertools.islice(paras, i + 1, None) if not _under_photo(q))
        if not any(q.kind in (_PROSE, _HEADLINE) for q in itertools.islice(after, 3)):
            p.kind = _PROSE
    return paras


def _headline_before(text: str, paras: list[Para], i: int) -> None:
    """A title-like line right above a story's dateline is its headline, however short ("Border
    patrols agreed" / "ALMATY, 12 October 2022 — ..."): a dateline opens a story."""
    prev = paras[i - 1] if i else None
    if prev is None or prev.kind != _PROSE or prev.body is not None:
        return
    if _title_like(text[prev.start : prev.end]):
        prev.kind = _HEADLINE


def _headline_under(text: str, paras: list[Para], i: int) -> bool:
    """A title-like line right under a story's date line, right above its first sentence, is its headline, however
    short ("28.03.2023" / "Стартовала операция «Кордон»" / "27 марта 2023 года начался …"): a news archive's
    stories each open so, and the line names the story rather than saying anything of it. A line that ends a
    sentence ("Border reopened.") or a date line with no sentence under it changes nothing."""
    if i + 2 >= len(paras):
        return False
    line, lead = paras[i + 1], paras[i + 2]
    if line.kind not in (_PROSE, _HEADLINE) or line.body is not None or not _is_sentence(text, lead):
        return False
    if not _title_like(text[line.start : line.end]):
        return False
    line.kind = _HEADLINE
    return True


def _title_like(line: str) -> bool:
    """A line that may be a story's headline where its place says so: 2-30 words, no closing full stop,
    opening with a capital or a figure ("15th meeting of the Council held in Almaty"), not a list's item."""
    first = line.lstrip(CLOSERS + "“‘«(")[:1]
    return (
        (first.isupper() or first.isdigit()) and _ends_open(line) and not _BULLET_RE.match(line)
        and 2 <= len(line.split()) <= _HEADLINE_WORDS[1]
    )


def _is_sentence(text: str, p: Para) -> bool:
    """A prose paragraph that is a story's text, not a title-like line of its header."""
    line = text[p.start : p.end]
    return p.kind == _PROSE and (p.body is not None or not _ends_open(line) or len(line.split()) > _HEADLINE_WORDS[1])


def _page_heading(text: str, paras: list[Para], archive: bool = False) -> None:
    """The lines above the first story's headline that name the page, not the story, are no story's text: "News"
    / "15th meeting of the Council held in Almaty" / "12 October 2023" / lead, and a press release's agency
    lines ("PRESS RELEASE" / "United Nations Office on Drugs and Crime" / "Regional Office for Central Asia" / its
    title / "Tashkent, 15 June 2022 – ..."). Read where the text opens with a story's header, its title-like lines
    before the first sentence: its headline is the line right above the story's date line (its place-and-date
    line, or its lead's dateline), else the line right under that date line, else, under a press-release label,
    the line right above the lead. Under a press-release label every line before the headline is the agency's;
    elsewhere only a short one ("News", "Latest news", "Новости ЦАРИКЦ") is the page's: a longer title-like line
    stays in the header and names the story ("Minutes of the meeting" / "Council of Harbour Masters" / "Date: 12
    May 2024"). Without such a header (a date line, a dateline or a press-release label) nothing changes. In an
    ``archive`` (its stories each open with a date line and the headline under it) the first story's headline is
    the line under its date line too, and every line above that date line is the page's."""
    first = next((i for i, p in enumerate(paras) if _is_sentence(text, p)), len(paras))
    if first == len(paras):
        return
    dated = [i for i in range(first) if paras[i].kind == _DATELINE]
    anchor = dated[0] if dated else first
    press = any(p.why == "press-release" for p in paras[:first])
    if not dated and paras[first].body is None and not press:
        return
    heads = [i for i in range(first) if paras[i].kind in (_PROSE, _HEADLINE, _NAME)]
    before, after = [i for i in heads if i < anchor], [i for i in heads if anchor < i]
    under = archive and dated and after == [anchor + 1] and anchor + 2 == first  # date line / headline / lead
    if under and _title_like(text[paras[after[0]].start : paras[after[0]].end]):
        # an archive's story opens with its date line and its headline under it: the lines above the date line
        # name the page ("Таможенная служба …" / "Новости — архив" / "03.12.2024" / "Завершён …" / lead)
        paras[after[0]].kind = _HEADLINE
        for i in before:
            paras[i].kind, paras[i].why, paras[i].separates = _FURNITURE, "page-heading", False
        return
    if before and _title_like(text[paras[before[-1]].start : paras[before[-1]].end]):
        headline = before[-1]
    elif after and _title_like(text[paras[after[0]].start : paras[after[0]].end]):
        headline = after[0]
    else:
        return
    paras[headline].kind = _HEADLINE
    for i in heads:
        if i >= headline:
            continue
        line = text[paras[i].start : paras[i].end]
        if press or paras[i].kind == _NAME or len(line.split()) <= _PAGE_HEADING_WORDS or not _title_like(line):
            paras[i].kind, paras[i].why, paras[i].separates = _FURNITURE, "page-heading", False
        else:
            paras[i].kind = _HEADLINE


def _under_photo(p: Para) -> bool:
    return p.kind == _NAME or (p.kind == _FURNITURE and not p.separates)


def _ends_open(line: str) -> bool:
    """No closing full stop, question mark or colon: a title, a caption, not a sentence."""
    return line.rstrip(CLOSERS)[-1:] not in ".!?:;"


def _opens_story(paras: list[Para], i: int) -> bool:
    """Does a story open right under ``paras[i]`` (past a picture's credits, captions and names):
    a date line, or a lead that opens with its dateline or its date?"""
    for q in itertools.islice(paras, i + 1, None):
        if _under_photo(q):
            continue
        return q.kind == _DATELINE or (q.kind == _PROSE and (q.body is not None or q.dated_lead))
    return False


def _mark_captions(text: str, paras: list[Para]) -> None:
    """Title-like lines that sit under a picture become furniture: one next to a photo credit
    ("Officers at the checkpoint" / "Photo: OSCE"), unless a story opens under it, and an extra
    title-like line in an item's header that bare names follow (the people in the picture, or who
    took it). The item's own headline comes first in its header and stays."""
    headline_seen = False  # since the last sentence: we are in an item's header
    for i, p in enumerate(paras):
        line = text[p.start : p.end]
        if p.kind == _PROSE and not _ends_open(line):
            headline_seen = False
        if p.kind not in (_HEADLINE, _PROSE) or not _ends_open(line) or len(line.split()) > _HEADLINE_WORDS[1]:
            continue
        prev = paras[i - 1] if i else None
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        # A credit closes the story above as readily as it sits by a caption: a headline that a
        # date line or a dated lead follows stays the next story's, as it would be without the credit.
        by_credit = any(q is not None and q.why == "photo-credit" for q in (prev, nxt))
        by_credit = by_credit and not (p.kind == _HEADLINE and _opens_story(paras, i))
        by_names = p.kind == _HEADLINE and headline_seen and nxt is not None and nxt.kind == _NAME
        if by_credit or by_names:
            p.kind, p.why, p.separates = _FURNITURE, "caption", False
        elif p.kind == _HEADLINE:
            headline_seen = True


def _mark_press_signatures(text: str, paras: list[Para]) -> None:
    """A press release's signature ("Press service of CARICC", "Пресс-служба ЦАРИКЦ") after a story's text
    becomes furniture where nothing of a story follows it: the text's end, furniture ("Media contact: …",
    "###"), a name or a line of contact details. Above a dateline or a lead the same words head a story."""
    seen_text = closing = False
    for i, p in enumerate(paras):
        if p.kind == _FURNITURE:
            closing = p.why in _PRESS_CLOSING or (closing and p.why != "press-release")
            continue
        line = text[p.start : p.end]
        if p.kind not in (_PROSE, _HEADLINE, _NAME) or p.body is not None:
            closing = False
        elif seen_text and is_press_signature(line) and _closing_follows(text, paras, i + 1):
            p.kind, p.why, p.separates = _FURNITURE, "press-signature", False
        elif closing and (p.kind == _NAME or _contact_lines(line)):
            # the closing's contact lines ("Jane Doe" / "press@skarn.org" under "Media contact:" or "-ends-")
            p.kind, p.why, p.separates = _FURNITURE, "press-contact", False
        else:
            closing = False
        closing = closing or p.why == "press-signature"
        seen_text = seen_text or _is_sentence(text, p)


_PRESS_CLOSING = frozenset({"press-end", "press-contact", "press-signature"})
_CONTACT_LINE = 80  # a line of contact details under a closing, not a sentence that gives one


def _holds_contact(line: str) -> bool:
    return any(span.search(line) for span in CONTACT_SPANS.values())


def _contact_lines(para: str) -> bool:
    """Short lines of contact details, no sentence ("Communications Unit, UNODC ROCA" / "Email: x@unodc.org")."""
    return (
        _holds_contact(para) and _ends_open(para)
        and all(len(line.strip()) <= _CONTACT_LINE for line in para.splitlines())
    )


def _closing_follows(text: str, paras: list[Para], i: int) -> bool:
    """Is ``paras[i]`` (if any) more of a press release's close: furniture, a name, a line holding an e-mail
    address, phone number or web address, or another signature?"""
    if i >= len(paras):
        return True
    p = paras[i]
    line = text[p.start : p.end]
    return (
        p.kind in (_FURNITURE, _NAME) or is_press_signature(line)
        or _holds_contact(line)
    )


def _classify_line(line: str, start: int, end: int, markdown: bool, short_counts: Counter) -> Para:
    if markdown and (m := _MD_HEADING_RE.fullmatch(line)):
        return Para(start, end, _HEADING, level=len(m[1]), title=m[2].strip())
    # Photo credits and captions go before the chrome rules, which would take "Photo: X" for a
    # separator: a picture inside a story must not cut the story in two.
    if is_photo_credit(line):
        return Para(start, end, _FURNITURE, why="photo-credit")
    if is_caption_by_form(line):
        return Para(start, end, _FURNITURE, why="caption")
    # A date line before the chrome rules, which would take "Опубликовано: 20 мая 2024" for a label: it dates
    # its story.
    if is_date_line(line):
        return Para(start, end, _DATELINE)
    if (rule := furniture_rule(line)) is not None:
        return Para(start, end, _FURNITURE, separates=rule[0], why=rule[1])
    if len(line) <= REPEAT_MAX and short_counts[line] >= 2 and not line.rstrip(CLOSERS).endswith("."):
        return Para(start, end, _FURNITURE, separates=True, why="repeated")  # per-item widget text
    if is_name_line(line):
        return Para(start, end, _NAME)
    if _is_headline_like(line):
        return Para(start, end, _HEADLINE)
    return Para(start, end, _PROSE)

