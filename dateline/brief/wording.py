"""How the briefing words an event: day, place, actors, figures, story, sources (plain text;
each renderer escapes it for its format)."""

from __future__ import annotations

import datetime as dt

from dateline.model import ArticleRef, Briefing, BriefItem, Event

QUOTE_CHARS = 280


def long_day(iso: str) -> str:
    """``2024-03-14`` -> ``Thursday 14 March 2024``."""
    day = dt.date.fromisoformat(iso[:10])
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_day(iso: str) -> str:
    """``2024-03-14`` -> ``14 Mar 2024``."""
    day = dt.date.fromisoformat(iso[:10])
    return f"{day.day} {day:%b %Y}"


def when(event: Event) -> str:
    """The event's date as precisely as it is known."""
    if event.time_precision >= 3:
        return f"{dt.date.fromisoformat(event.event_date):%B %Y}"
    prefix = "week of " if event.time_precision == 2 else ""
    return prefix + short_day(event.event_date)


def place(event: Event) -> str:
    parts = [event.location, event.admin1, event.country]
    return ", ".join(dict.fromkeys(p for p in parts if p)) or "place unknown"


def actors(event: Event) -> str:
    first = event.actor1 or "Unidentified actor"
    return f"{first} against {event.actor2}" if event.actor2 else first


def figures(event: Event) -> str:
    killed = f"{event.fatalities} killed"
    low, high = event.fatalities_low, event.fatalities_high
    if low is not None and high is not None and high != low:
        killed += f" (sources say {low} to {high}; the lowest is kept)"
    parts = [killed]
    if event.injured:
        parts.append(f"{event.injured} injured")
    if event.displaced:
        parts.append(f"{event.displaced} displaced")
    if event.civilian_targeting:
        parts.append("civilians targeted")
    return "; ".join(parts)


def story(item: BriefItem) -> str:
    if item.story_since:
        return f"continues a story since {short_day(item.story_since)} ({item.story_events} events)"
    if item.story_events > 1:
        return f"opens a story ({item.story_events} events so far)"
    return "new"


def source_name(ref: ArticleRef) -> str:
    """The outlet (and agency); an unnamed outlet by the article's title; "(copy)" for a
    near-duplicate of another source."""
    name = ref.name if (ref.outlet or ref.agency) else f"unnamed outlet, “{ref.title or ref.id}”"
    return name + (" (copy)" if ref.original_id else "")


def sources(item: BriefItem) -> str:
    names = [source_name(ref) for ref in item.sources]
    return f"{len(names)} source{'s' if len(names) != 1 else ''}: " + "; ".join(names)


def quote(item: BriefItem) -> str:
    """The first piece of evidence, shortened."""
    text = next((ev.text for ev in item.event.evidence if ev.text.strip()), "")
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def headline(briefing: Briefing) -> str:
    items = briefing.items
    killed = sum(i.event.fatalities for i in items)
    countries = len(briefing.countries)
    return (f"{len(items)} event{'s' if len(items) != 1 else ''} in {countries} "
            f"countr{'ies' if countries != 1 else 'y'}; {killed} killed.")


def title(item: BriefItem) -> str:
    late = f" (on {short_day(item.event.event_date)}, reported today)" if item.reported_late else ""
    return f"{item.event.sub_event_type} in {item.event.location or item.event.country}{late}"
