"""The daily briefing: what happened on a day (ranked, by country, with sources and a map), the
numbers against the week before, and what to watch; as Markdown, HTML, Atom or e-mail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dateline.brief.mail import briefing_message, send_briefing
from dateline.brief.render import render_atom, render_html, render_markdown
from dateline.brief.select import BriefOptions, build_briefing, parse_day
from dateline.model import Briefing
from dateline.store.base import MergeStore

__all__ = ["BriefOptions", "briefing_message", "build_briefing", "build_feed", "render",
           "render_atom", "render_html", "render_markdown", "send_briefing"]

FEED_DAYS = 7
FORMATS = ("md", "html", "atom")


def build_feed(store: MergeStore, day: str, days: int = FEED_DAYS,
               options: BriefOptions | None = None) -> list[Briefing]:
    """The briefings of ``day`` and the ``days - 1`` days before it that have events."""
    last = parse_day(day)
    options = options or BriefOptions()
    found = [build_briefing(store, (last - dt.timedelta(days=n)).isoformat(), options)
             for n in range(days)]
    return [b for b in found if b.items or b.day == last.isoformat()]


def render(briefings: Sequence[Briefing], fmt: str) -> str:
    """The newest briefing as ``md`` or ``html``, or all of them as an ``atom`` feed."""
    if fmt == "atom":
        return render_atom(briefings)
    newest = max(briefings, key=lambda b: b.day)
    return render_html(newest) if fmt == "html" else render_markdown(newest)
