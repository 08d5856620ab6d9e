"""The briefing as Markdown, plain text, self-contained HTML (inline CSS and SVG map, no
scripts, no external resources) and an Atom feed. Every piece of article text is escaped for
its format: HTML and Atom through Jinja2's autoescaping, Markdown by escaping markup
characters."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dateline.brief import wording as w
from dateline.brief.mapsvg import render_map
from dateline.model import Briefing

FEED_ID = "urn:dateline:briefings"
_MARKDOWN = re.compile(r"([\\`*_\[\]|#])")


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("dateline.brief", "templates"),
        autoescape=select_autoescape(["html", "xml", "j2"], default=True),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )


def md(text: str) -> str:
    """Article text made inert in Markdown: HTML characters as entities, markup characters
    backslash-escaped."""
    return _MARKDOWN.sub(r"\\\1", escape(text, quote=False))


def render_markdown(briefing: Briefing, plain: bool = False) -> str:
    """The briefing in Markdown (``plain``: as plain text, for the e-mail's text part)."""
    esc = (lambda text: text) if plain else md
    lines = [f"# Briefing: {w.long_day(briefing.day)}", "", w.headline(briefing), "",
             "## What happened", ""]
    number = 0
    for country in briefing.countries:
        lines += [f"### {esc(country.country)}", ""]
        for item in country.items:
            number += 1
            event = item.event
            lines.append(f"{number}. **{esc(w.title(item))}**, {w.when(event)}. "
                         f"{esc(w.actors(event))}. {w.figures(event)}.")
            lines.append(f"   {esc(w.place(event))}; {w.story(item)}. {esc(w.sources(item))}.")
            if w.quote(item):
                lines.append(f"   > {esc(w.quote(item))}")
            lines.append("")
    if not briefing.items:
        lines += ["No events are stored for this day.", ""]
    lines += ["## The numbers", "", f"| | {w.short_day(briefing.day)} | daily average, 7 days "
              "before |", "| --- | ---: | ---: |"]
    lines += [f"| {f.label} | {f.today} | {f.week_average:.1f} |" for f in briefing.figures]
    lines += ["", "## What to watch", ""]
    lines += [f"- {esc(n.text)}" + (f" ({esc(n.who)})" if n.who else "")
              + f" — {esc(w.source_name(n.source))}" for n in briefing.watch]
    if not briefing.watch:
        lines.append("Nothing forward-looking was reported.")
    return "\n".join(lines) + "\n"


def render_html(briefing: Briefing) -> str:
    """A self-contained HTML page."""
    template = _environment().get_template("briefing.html.j2")
    return template.render(b=briefing, w=w, map_svg=Markup(render_map(briefing.items)))


@dataclass(frozen=True)
class _Entry:
    briefing: Briefing
    html: str


def render_atom(briefings: Sequence[Briefing]) -> str:
    """An Atom feed with one entry per briefing, newest first (the HTML page as content)."""
    ordered = sorted(briefings, key=lambda b: b.day, reverse=True)
    entries = [_Entry(b, render_html(b)) for b in ordered]
    updated = max((b.generated for b in ordered), default="1970-01-01T00:00:00+00:00")
    template = _environment().get_template("feed.atom.j2")
    return template.render(entries=entries, w=w, feed_id=FEED_ID, updated=updated)


RENDERERS = {"md": render_markdown, "html": render_html}
