"""The web page's filter controls, as plain functions (tested without a browser).

The controls are a "From" and a "To" box (YYYY, YYYY-MM or YYYY-MM-DD) and a multi-select of
sources (the indexed documents and their folders; globs may be typed). The active filters are
shown as chips in a second multi-select: removing a chip there clears that control. A filtered
reply also gets a small timeline of how many matching items fall in each month.
"""

from __future__ import annotations

from qa import lang
from qa.contracts import Filters, Scope


def filters_of(since: str | None, until: str | None, sources) -> Filters:
    """The controls' values as a Filters (blank boxes are no bound)."""
    if isinstance(sources, str):
        sources = [sources]
    return Filters((since or "").strip() or None, (until or "").strip() or None,
                   tuple(s.strip() for s in (sources or ()) if s and s.strip()))


def _chip(language: str, key: str, value: str) -> str:
    """One chip's words in `language` (ReplyWords.ui "chip.since", "chip.until", "chip.source")."""
    return lang.reply_words(language).say(key, value=value)


def chips(f: Filters, language: str = lang.DEFAULT) -> list[str]:
    """The active filters, one chip each: "from 2022-07", "to 2022-08", "source 003_*"; worded in `language`, the
    conversation's last question's ("с 2022-07", "по 2022-08", "источник 003_*")."""
    out = []
    if f.since:
        out.append(_chip(language, "chip.since", f.since))
    if f.until:
        out.append(_chip(language, "chip.until", f.until))
    out += [_chip(language, "chip.source", s) for s in f.sources]
    return out


def after_chips(kept: list[str] | None, f: Filters, language: str = lang.DEFAULT) -> Filters:
    """The filters left when the user removed chips (the remaining chips are `kept`, worded in `language`)."""
    kept = set(kept or ())
    return Filters(
        f.since if f.since and _chip(language, "chip.since", f.since) in kept else None,
        f.until if f.until and _chip(language, "chip.until", f.until) in kept else None,
        tuple(s for s in f.sources if _chip(language, "chip.source", s) in kept),
    )


def source_choices(docs: list[str]) -> list[str]:
    """Folders (as "folder/") first, then every document."""
    folders = sorted({d.rsplit("/", 1)[0] + "/" for d in docs if "/" in d})
    return folders + sorted(docs)


def timeline(scope: Scope | None):
    """A DataFrame of items per month for the plot, or None when the search was not narrowed or
    its items have no month dates."""
    if scope is None or not scope.months:
        return None
    import pandas as pd

    return pd.DataFrame({"month": [m for m, _ in scope.months], "items": [n for _, n in scope.months]})


# The lowest top the timeline's y-axis gets. Vega-Lite gives the 180 px plot about three y ticks (one per
# 40 px of bars) and steps them by whole items only when the axis spans some 0.7 items per tick: over
# 0..1 the ticks would be 0.2 apart, over 0..4 or more they are 1, 2, 5 ... items apart.
TIMELINE_MIN_TOP = 4


def timeline_y_lim(frame) -> list[int]:
    """The timeline's y-axis: from 0, up to the busiest month (at least TIMELINE_MIN_TOP: whole-item ticks).

    From 0 because Gradio's bar plot starts the axis at the lowest count otherwise (Vega-Lite `zero: false`):
    the months with the fewest items get bars of no height, and a single month no bar at all."""
    busiest = int(frame["items"].max()) if frame is not None and len(frame) else 0
    return [0, max(busiest, TIMELINE_MIN_TOP)]
