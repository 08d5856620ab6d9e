"""One event from the reports of several articles.

The lead report (the most precise in time, then in place, then the most confident) gives the
date, the place and the notes; the sub-event type and actors are those most reports agree on.
Figures follow ACLED's conservative rule: ``fatalities`` is the lowest figure a source gave
(0 counts as "not stated" when another source gives a number); the range of the figures is kept
as ``fatalities_low`` / ``fatalities_best`` (the median) / ``fatalities_high``, as UCDP does.
Injured and displaced take the lowest stated figure too. Confidence rises with each independent
source (a syndicated copy is not one).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from typing import Any

from dateline.events.taxonomy import interaction
from dateline.model import Event, EventReport, union_evidence

CONFIDENCE_PER_SOURCE = 0.05
MAX_CONFIDENCE = 0.99


def _lead_key(report: EventReport) -> tuple[int, int, float, str]:
    event = report.event
    return (event.time_precision, event.geo_precision, -event.confidence, report.report_id)


def _majority(values: Sequence[str]) -> str:
    """The most frequent non-empty value; ties go to the first (the lead's order)."""
    counts = Counter(v for v in values if v)
    if not counts:
        return ""
    top = max(counts.values())
    return next(v for v in values if v and counts[v] == top)


def _lowest_stated(values: Sequence[int]) -> int:
    stated = [v for v in values if v]
    return min(stated) if stated else 0


def fatality_range(values: Sequence[int]) -> tuple[int, int, int]:
    """(low, best, high) of the figures the sources gave; zeros ("not stated") are left out
    unless no source gives a number. Best is the median (the lower one of an even count)."""
    stated = sorted(v for v in values if v) or [0]
    return stated[0], stated[(len(stated) - 1) // 2], stated[-1]


def _union(names: list[str], leave_out: set[str]) -> str:
    parts = [p.strip() for n in names for p in n.split(";") if p.strip()]
    return "; ".join(dict.fromkeys(p for p in parts if p not in leave_out))


def _actors(events: Sequence[Event]) -> dict[str, Any]:
    """Actor 1 and 2 as most reports name them, their inter codes, ACLED's interaction code,
    and every associated actor any report names."""
    actor1 = _majority([e.actor1 for e in events])
    actor2 = _majority([e.actor2 for e in events if e.actor2 != actor1])
    inter1 = next((e.inter1 for e in events if e.actor1 == actor1), 0) if actor1 else 0
    inter2 = next((e.inter2 for e in events if e.actor2 == actor2), 0) if actor2 else 0
    return {
        "actor1": actor1, "inter1": inter1, "actor2": actor2, "inter2": inter2,
        "interaction": interaction(inter1 or None, inter2 or None),
        "assoc_actor_1": _union([e.assoc_actor_1 for e in events], {actor1, actor2}),
        "assoc_actor_2": _union([e.assoc_actor_2 for e in events], {actor1, actor2}),
    }


def combine(event_id: str, reports: Sequence[EventReport], independent: int) -> Event:
    """The merged event ``event_id`` from its reports; ``independent`` counts the sources
    that are not copies of one another."""
    ordered = sorted(reports, key=_lead_key)
    lead = ordered[0].event
    events = [r.event for r in ordered]
    sub_type = _majority([e.sub_event_type for e in events])
    typed = next(e for e in events if e.sub_event_type == sub_type)
    place = min(events, key=lambda e: (e.geo_precision, e.latitude is None))
    low, best, high = fatality_range([e.fatalities for e in events])
    evidence = union_evidence(*(e.evidence for e in events))
    article_ids = tuple(dict.fromkeys(r.article_id for r in ordered))
    confidence = max(e.confidence for e in events)
    confidence = min(MAX_CONFIDENCE, confidence + CONFIDENCE_PER_SOURCE * (independent - 1))
    sources = "; ".join(dict.fromkeys(s.strip() for e in events for s in e.source.split(";")
                                      if s.strip()))
    return dataclasses.replace(
        lead,
        event_id=event_id,
        disorder_type=typed.disorder_type, event_type=typed.event_type, sub_event_type=sub_type,
        civilian_targeting=next((e.civilian_targeting for e in events if e.civilian_targeting),
                                ""),
        country=place.country, iso3=place.iso3, admin1=place.admin1, admin2=place.admin2,
        location=place.location, latitude=place.latitude, longitude=place.longitude,
        geo_precision=place.geo_precision, geonames_id=place.geonames_id,
        source=sources, fatalities=low, fatalities_low=low, fatalities_best=best,
        fatalities_high=high,
        injured=_lowest_stated([e.injured for e in events]),
        displaced=_lowest_stated([e.displaced for e in events]),
        confidence=round(confidence, 2), evidence=evidence, article_ids=article_ids,
        sources_count=len(article_ids),
        source_ids=tuple(dict.fromkeys(s for r in ordered for s in r.event.source_ids)),
        source_urls=tuple(dict.fromkeys(s for r in ordered for s in r.event.source_urls)),
        **_actors(events),
    )
