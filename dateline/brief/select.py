"""What goes into the briefing of one day, read from the store.

What happened: the events dated that day, and the events of the week before it that were first
reported that day (a strike late in the evening is news the next morning), ranked by severity
(:func:`severity`) and grouped by country, the country of the most severe event first.
The numbers: the day's events, fatalities, civilian-targeting events and events per type against
the daily average of the seven days before. What to watch: the forward-looking statements of the
articles published that day, each once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.errors import BriefError
from dateline.model import (
    ArticleRef,
    BriefFigure,
    Briefing,
    BriefItem,
    CountryBrief,
    Event,
    WatchNote,
)
from dateline.store.base import EventQuery, MergeStore

# How much each ACLED event type weighs in the ranking: lethal violence first, then unrest.
TYPE_WEIGHT = {
    "Violence against civilians": 3.0, "Explosions/Remote violence": 3.0, "Battles": 2.5,
    "Riots": 1.5, "Protests": 1.0, "Strategic developments": 0.5,
}
EVENT_TYPES = tuple(TYPE_WEIGHT)
LOOKBACK_DAYS = 7
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class BriefOptions:
    """``generated``: the timestamp written into the briefing (now, when None)."""

    generated: str | None = None
    max_items: int = 50


def parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise BriefError(f"{text!r} is not a day", "write it as YYYY-MM-DD") from exc


def severity(event: Event, novel: bool) -> float:
    """The ranking score: fatalities (log scale) weigh most, then the event type, civilians
    targeted, the number of sources and whether the event opens a story (novelty)."""
    score = 2.0 * math.log1p(event.fatalities) + 0.5 * math.log1p(event.injured)
    score += TYPE_WEIGHT.get(event.event_type, 0.5)
    score += 1.5 if event.civilian_targeting else 0.0
    score += 0.5 * math.log2(max(1, event.sources_count))
    score += 1.0 if novel else 0.0
    return round(score, 3)


def _day_events(store: MergeStore, day: dt.date) -> list[tuple[Event, bool]]:
    """The day's events, and the week's events first reported on the day (flagged True)."""
    iso = day.isoformat()
    dated = store.events(EventQuery(date_from=iso, date_to=iso))
    seen = {e.event_id for e in dated}
    earliest = (day - dt.timedelta(days=LOOKBACK_DAYS)).isoformat()
    late: list[tuple[Event, bool]] = []
    refs: dict[str, ArticleRef] = {}
    for event_id in store.events_reported_on(iso):
        if event_id in seen:
            continue
        event = store.get_event(event_id)
        if not earliest <= event.event_date < iso:
            continue
        refs.update(store.article_refs(set(event.article_ids) - set(refs)))
        first = min((refs[a].published or iso)[:10] for a in event.article_ids if a in refs)
        if first >= iso:  # not told before the day
            late.append((event, True))
    return [(e, False) for e in dated] + late


def _item(store: MergeStore, event: Event, late: bool, day: str) -> BriefItem:
    refs = store.article_refs(event.article_ids)
    sources = tuple(refs[a] for a in event.article_ids if a in refs)
    story_id = store.stories_of([event.event_id]).get(event.event_id)
    since, count = None, 0
    if story_id:
        members = store.story_members([story_id]).get(story_id, [])
        count = len(members)
        first = members[0][0] if members else event.event_date
        since = first if first < event.event_date else None
    novel = since is None
    return BriefItem(event, severity(event, novel), sources, story_id, since, count, late)


def _by_country(items: Sequence[BriefItem]) -> tuple[CountryBrief, ...]:
    groups: dict[str, list[BriefItem]] = {}
    for item in sorted(items, key=lambda i: (-i.severity, i.event.event_id)):
        groups.setdefault(item.event.country or "Unknown country", []).append(item)
    return tuple(CountryBrief(country, tuple(found)) for country, found in groups.items())


def _figures(store: MergeStore, day: dt.date, events: Sequence[Event]) -> tuple[BriefFigure, ...]:
    start = (day - dt.timedelta(days=LOOKBACK_DAYS)).isoformat()
    end = (day - dt.timedelta(days=1)).isoformat()
    before = store.events(EventQuery(date_from=start, date_to=end))

    def numbers(found: Sequence[Event]) -> Counter[str]:
        counts: Counter[str] = Counter(e.event_type for e in found)
        counts["Events"] = len(found)
        counts["Fatalities"] = sum(e.fatalities for e in found)
        counts["Civilians targeted (events)"] = sum(bool(e.civilian_targeting) for e in found)
        return counts

    today, week = numbers(events), numbers(before)
    labels = ["Events", "Fatalities", "Civilians targeted (events)", *EVENT_TYPES]
    return tuple(BriefFigure(label, today[label], round(week[label] / LOOKBACK_DAYS, 1))
                 for label in labels if today[label] or week[label] or label == "Events")


def _watch(store: MergeStore, day: str) -> tuple[WatchNote, ...]:
    found = store.watch_items(day)
    refs = store.article_refs({article_id for article_id, _ in found})
    notes: dict[str, WatchNote] = {}
    for article_id, watch in found:
        key = " ".join(_WORDS.findall(watch.text.lower()))
        if key and key not in notes and article_id in refs:
            notes[key] = WatchNote(watch.text, watch.who, watch.time, refs[article_id])
    return tuple(notes.values())


def build_briefing(store: MergeStore, day: str, options: BriefOptions = BriefOptions()
                   ) -> Briefing:
    """The briefing of ``day`` (YYYY-MM-DD) from what the store holds."""
    date = parse_day(day)
    iso = date.isoformat()
    chosen = _day_events(store, date)
    items = [_item(store, event, late, iso) for event, late in chosen]
    items = sorted(items, key=lambda i: (-i.severity, i.event.event_id))[: options.max_items]
    generated = options.generated or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return Briefing(iso, generated, _by_country(items),
                    _figures(store, date, [e for e, late in chosen if not late]),
                    _watch(store, iso))
