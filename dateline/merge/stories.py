"""Story threads: events linked across days into one story (the Baghuz offensive: fighting on
9, 12 and 14 February 2019).

Two events belong to one story when they are of one family of event types (fighting, unrest,
violence against civilians, ...), no more than ``story.window_days`` apart, within
``story.radius_km`` of each other (or at the same named place) with at least town or district
precision, and their actors agree (both name a common organised actor, or they are at the same
named place and one names none). A new story takes the id of its first event and keeps it; when
an event links two stories, the one that starts later joins the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dateline.merge.rules import MergeRules
from dateline.merge.similarity import distance_km, named_actors
from dateline.model import Event
from dateline.store.base import EventQuery, MergeStore


def linked(a: Event, b: Event, rules: MergeRules) -> bool:
    """Whether two events belong to one story."""
    if a.event_id == b.event_id or rules.family(a.event_type) != rules.family(b.event_type):
        return False
    if "run" in (a.date_basis, b.date_basis):
        return False  # undated: the day it was processed links it to nothing
    try:
        gap = abs((dt.date.fromisoformat(a.event_date) - dt.date.fromisoformat(b.event_date)).days)
    except ValueError:
        return False
    if gap > rules.story_window_days or max(a.geo_precision, b.geo_precision) > 2:
        return False
    same_place = bool(a.location) and a.location == b.location and a.country == b.country
    km = distance_km(a, b)
    if not same_place and (km is None or km > rules.story_radius_km):
        return False
    mine, theirs = named_actors(a, rules), named_actors(b, rules)
    if mine and theirs:
        return bool(mine & theirs)
    return same_place and bool(mine or theirs)


def _neighbours(store: MergeStore, event: Event, rules: MergeRules) -> list[Event]:
    day = dt.date.fromisoformat(event.event_date)
    window = dt.timedelta(days=rules.story_window_days)
    query = EventQuery(date_from=(day - window).isoformat(), date_to=(day + window).isoformat(),
                       country=event.country or None)
    return [other for other in store.events(query) if linked(event, other, rules)]


def _first(events: Iterable[Event]) -> str:
    return min(events, key=lambda e: (e.event_date, e.event_id)).event_id


def thread_events(store: MergeStore, event_ids: Iterable[str], rules: MergeRules) -> set[str]:
    """Link each of ``event_ids`` (stored events) to the stories of its neighbours; returns the
    ids of the stories touched. Linking again changes nothing."""
    touched: set[str] = set()
    for event_id in sorted(set(event_ids)):
        try:
            event = store.get_event(event_id)
            neighbours = _neighbours(store, event, rules)
        except ValueError:  # an event_date that is not an ISO date
            continue
        if not neighbours:
            continue
        group = [event, *neighbours]
        stories = store.stories_of(e.event_id for e in group)
        members = store.story_members(set(stories.values()))
        firsts = {story: min(dates) for story, dates in members.items() if dates}
        story_id = min(firsts, key=lambda s: (firsts[s], s)) if firsts else _first(group)
        renames = {old: story_id for old in set(stories.values()) if old != story_id}
        links = {e.event_id: story_id for e in group if stories.get(e.event_id) != story_id}
        if links or renames:
            store.link_stories(links, renames)
        touched.add(story_id)
    return touched
