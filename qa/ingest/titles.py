"""Human names for documents: the page's own title, or its site's name, instead of its file name.

A crawled file is called something like ``003_62543a975d45d663.txt``; a person wants "CARICC
news" or "Kyrgyz Republic strengthens capacities in combatting illicit trafficking ...". The
document title is, in this order:

1. for a file holding one story: that story's title (its HTML ``<h1>`` or ``<title>``, its
   headline, or one made from its lead), so the document and its one item never disagree;
2. the title the file gives itself: the HTML ``<title>`` (without the site name it often
   carries, "… | OSCE"), else its ``<h1>``; a Markdown file's first level-1 heading;
3. for a news list of several stories: "<site> news", the site being named by the page
   ("Source: osce.org", ``og:site_name``) or, failing that, the organisation the page is about:
   the acronym that appears in (nearly) every story ("CARICC");
4. else "News, <months covered>", or the first story's title.

3 and 4 are worded in the page's language ("Новости ЦАРИКЦ", "Новости, март–апрель 2024"; the
words are the language record's ``news_titles``, English's for a language without them).

``item_label`` joins the three parts the way a citation reads:
"CARICC news, 19 Jul 2022 — A de-briefing will be held in Almaty", its date in the titles'
language ("Новости ЦАРИКЦ, 12 марта 2024 — …").
"""

from __future__ import annotations

import html as _html
import re
from collections import Counter

from qa import lang as _lang
from qa.lang.base import NewsTitles

_SITE_SEPARATORS_RE = re.compile(r"\s+(?:\||–|—|-|::|»|·)\s+")
_META_RE = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TAG_RE = re.compile(r"<[^>]+>")
_SOURCE_LINE_RE = re.compile(
    r"^\s*(?:source|источник)\s*:\s*(?P<site>[\w.-]+\.[a-z]{2,}|[A-ZА-ЯЁ][\w&.' -]{1,40})\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_ACRONYM_RE = re.compile(r"\b[A-ZА-ЯЁ][A-ZА-ЯЁ]{2,9}\b")
_SITE_SHARE = 0.75  # the site's acronym is in at least this share of the stories
_MIN_ITEMS_FOR_ACRONYM = 3


def _clean(text: str) -> str:
    return " ".join(_html.unescape(_TAG_RE.sub(" ", text)).split())


def _meta(html: str) -> dict[str, str]:
    """``<meta property|name=... content=...>`` pairs of a page, keys lower-cased."""
    out: dict[str, str] = {}
    for tag in _META_RE.findall(html[: 1 << 16]):
        attrs = {m[1].lower(): m[2] or m[3] or m[4] for m in _ATTR_RE.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key and "content" in attrs and key not in out:
            out[key] = _clean(attrs["content"])
    return out


def html_titles(html: str) -> tuple[str | None, str | None]:
    """(the page's title without its site part, the site name) from an HTML page's head."""
    meta = _meta(html)
    site = meta.get("og:site_name") or meta.get("application-name") or None
    title = None
    if m := re.search(r"<title\b[^>]*>(.*?)</title\s*>", html, re.IGNORECASE | re.DOTALL):
        title = _clean(m.group(1)) or None
    title = title or meta.get("og:title") or None
    if title:
        parts = _SITE_SEPARATORS_RE.split(title)
        if len(parts) > 1:
            # "Kyrgyz Republic strengthens ... | OSCE": the site is the last part, or the first
            # when the page's site name says so ("OSCE - Kyrgyz Republic strengthens ...").
            first_is_site = site is not None and parts[0].lower() == site.lower()
            site_part, rest = (parts[0], parts[1:]) if first_is_site else (parts[-1], parts[:-1])
            if site is None or site_part.lower() == site.lower():
                site = site or site_part
                title = " - ".join(rest)
        if site and title.lower() == site.lower():
            title = None
    h1 = re.search(r"<h1\b[^>]*>(.*?)</h1\s*>", html, re.IGNORECASE | re.DOTALL)
    h1_text = _clean(h1.group(1)) if h1 else ""
    # "News - CARICC" leaves "News": the page's main heading says more.
    if h1_text and (title is None or len(title.split()) <= 2):
        title = h1_text
    return title, site


def site_from_text(text: str, item_texts: list[str]) -> str | None:
    """The site a plain-text page comes from: a "Source: osce.org" line near its top, else the
    acronym (3-10 capitals) found in nearly every one of its stories, when it has several."""
    if m := _SOURCE_LINE_RE.search(text[:3000]):
        site = m.group("site").strip()
        return site[4:] if site.lower().startswith("www.") else site
    if len(item_texts) < _MIN_ITEMS_FOR_ACRONYM:
        return None
    in_items = Counter(a for t in item_texts for a in set(_ACRONYM_RE.findall(t)))
    total = Counter(_ACRONYM_RE.findall(text))
    if not in_items:
        return None
    best = max(in_items, key=lambda a: (in_items[a], total[a]))
    if in_items[best] < _SITE_SHARE * len(item_texts):
        return None
    # Two acronyms in every story: neither can be told to be the page's owner.
    rivals = [a for a in in_items if a != best and in_items[a] == in_items[best] and total[a] * 2 > total[best]]
    return None if rivals else best


_MD_TITLE_RE = re.compile(r"^#\s+(.+?)(?:\s+#+)?\s*$", re.MULTILINE)


def markdown_title(text: str) -> str | None:
    """A Markdown file's first level-1 heading ("# Annual report")."""
    m = _MD_TITLE_RE.search(text[:20000])
    return " ".join(m.group(1).split()) if m else None


def format_date(iso: str | None, language: str = "en") -> str:
    """ISO "2022-07-19" / "2022-07" / "2022" -> "19 Jul 2022" / "Jul 2022" / "2022" (in Russian
    "19 июля 2022" / "июль 2022": the language record's words, qa.lang.written_date)."""
    return _lang.written_date(iso, language)


_MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)


def date_words(iso: str | None) -> str:
    """An ISO date as words a question would use: "2022-07-19" -> "19 July 2022"."""
    if not iso:
        return ""
    parts = iso.split("-")
    try:
        month = _MONTH_NAMES[int(parts[1]) - 1] if len(parts) >= 2 else ""
    except (ValueError, IndexError):
        return iso
    return " ".join(x for x in (parts[2].lstrip("0") if len(parts) == 3 else "", month, parts[0]) if x)


def _news_titles(language: str) -> NewsTitles:
    """The fallback title's words of a language, English's when it has none or is not registered."""
    try:
        words = _lang.get(language).news_titles
    except ValueError:
        words = None
    return words or _lang.get("en").news_titles


def _month_year(ym: str, month_names: tuple[str, ...]) -> str:
    """"2024-03" -> "Mar 2024" / "март 2024"."""
    return f"{month_names[int(ym[5:7]) - 1]} {ym[:4]}"


def _months_covered(dates: list[str], month_names: tuple[str, ...]) -> str:
    months = sorted({d[:7] for d in dates if len(d) >= 7 and d[5:7].isdigit() and 1 <= int(d[5:7]) <= 12})
    if not months:
        return ""
    first, last = _month_year(months[0], month_names), _month_year(months[-1], month_names)
    if first == last:
        return first
    if months[0][:4] == months[-1][:4]:
        return f"{first.split()[0]}–{last}"
    return f"{first}–{last}"


def document_title(
    own_title: str | None, site: str | None, items: list[tuple[str, str | None]], language: str = "en"
) -> str:
    """The document's human title (see the module docstring); ``items`` are (title, date), ``language``
    the code of the page's language (qa.lang.detect), which words the fallback titles."""
    if own_title and own_title.strip():
        return " ".join(own_title.split())
    if len(items) == 1:
        return items[0][0]
    words = _news_titles(language)
    if site:
        return words.site.format(site=site)
    if covered := _months_covered([d for _, d in items if d], words.month_names):
        return words.months.format(months=covered)
    return items[0][0] if items else ""


def item_label(doc_title: str | None, item_title: str, date: str | None) -> str:
    """A citation's label: "CARICC news, 19 Jul 2022 — A de-briefing will be held in Almaty" for
    a story of a file that holds several (its document title differs from the story's), and
    "<title> (19 Jul 2022)" for a file that is one story. The date is worded in the titles' language
    ("Новости ЦАРИКЦ, 12 марта 2024 — …")."""
    when = format_date(date, _lang.label_language(doc_title, item_title))
    if doc_title and doc_title != item_title:
        head = f"{doc_title}, {when}" if when else doc_title
        return f"{head} — {item_title}"
    return f"{item_title} ({when})" if when else item_title
