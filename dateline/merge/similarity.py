"""Whether two event records may describe the same happening, and how surely (0-1).

A pair is scored on four things, each of which can also rule it out: the event type (the same
sub-event type; the same ACLED type where its sub-types are loose; or a curated compatible pair),
the dates (their intervals under time_precision overlap, with a day's slack for day-precise
reports), the places (within a distance set by the coarser geo_precision) and the actors (two
reports that both name organised actors must share one).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateline.merge.rules import MergeRules
from dateline.model import Event
from dateline.nlp.gazetteer import distance_km as great_circle_km

WEIGHTS = {"type": 0.3, "date": 0.25, "place": 0.25, "actors": 0.2}
_PERIOD = re.compile(r"\s*\((?:\d{4})?-?(?:\d{4})?-?\)\s*$")


def date_interval(event: Event) -> tuple[dt.date, dt.date]:
    """The days an event may have happened on: its day (precision 1), the week around it (2),
    its month (3)."""
    day = dt.date.fromisoformat(event.event_date[:10])
    if event.time_precision <= 1:
        return day, day
    if event.time_precision == 2:
        return day - dt.timedelta(days=6), day + dt.timedelta(days=6)
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def distance_km(a: Event, b: Event) -> float | None:
    """Great-circle distance between two events' points (None if either has no point)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    return great_circle_km((a.latitude, a.longitude), (b.latitude, b.longitude))


def actor_key(name: str) -> str:
    """An actor name without its period (``Military Forces of Sudan (2019-)`` -> ``military
    forces of sudan``), lowercased."""
    return _PERIOD.sub("", name).strip().lower()


def named_actors(event: Event, rules: MergeRules) -> frozenset[str]:
    """The organised actors an event names (generic ones such as civilians left out)."""
    names = [event.actor1, event.actor2, *event.assoc_actor_1.split(";"),
             *event.assoc_actor_2.split(";")]
    return frozenset(actor_key(n) for n in names
                     if n.strip() and not n.strip().startswith(rules.generic_prefixes))


def type_score(a: Event, b: Event, rules: MergeRules) -> float | None:
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.event_type == b.event_type and a.event_type in rules.loose_types:
        return 0.6
    if frozenset((a.sub_event_type, b.sub_event_type)) in rules.compatible:
        return 0.5
    return None


def date_score(a: Event, b: Event, rules: MergeRules) -> float | None:
    """How well two dates agree (None: they rule the pair out). An undated event (``date_basis``
    'run': its date is the day it was processed) agrees with no other: a shared run date says
    nothing about the happening."""
    if a.date_basis == "run" or b.date_basis == "run":
        return None
    try:
        a_from, a_to = date_interval(a)
        b_from, b_to = date_interval(b)
    except ValueError:
        return None
    if a.time_precision <= 1 and b.time_precision <= 1:
        gap = abs((a_from - b_from).days)
        if gap == 0:
            return 1.0
        return 0.4 if gap <= rules.day_slack else None
    if a_from <= b_to and b_from <= a_to:
        return 0.6
    return None


def place_score(a: Event, b: Event, rules: MergeRules) -> float | None:
    if a.country and b.country and a.country != b.country:
        return None
    km = distance_km(a, b)
    if km is None:
        same = a.location and a.location == b.location
        return 0.5 if same or not (a.location and b.location) else None
    radius = rules.radius(max(a.geo_precision, b.geo_precision))
    if km > radius:
        return None
    return 1.0 - 0.5 * km / radius


def actor_score(a: Event, b: Event, rules: MergeRules) -> float | None:
    mine, theirs = named_actors(a, rules), named_actors(b, rules)
    if mine and theirs:
        return 1.0 if mine & theirs else None
    return 0.5


def pair_score(a: Event, b: Event, rules: MergeRules) -> float | None:
    """How surely two event records tell the same happening (0-1), or None when one of type,
    date, place or actors rules it out."""
    parts = {"type": type_score(a, b, rules), "date": date_score(a, b, rules),
             "place": place_score(a, b, rules), "actors": actor_score(a, b, rules)}
    if any(value is None for value in parts.values()):
        return None
    return round(sum(WEIGHTS[name] * (value or 0.0) for name, value in parts.items()), 4)
