"""One event per happening within an article: mentions of the same happening merge into one
record, and a casualty report that names no one ("two people were injured in the firing")
joins the event it follows as evidence.

    >>> from dateline.model import Event
    >>> a = Event("e1", "2002-03-01", 1, "Demonstrations", "Riots", "Violent demonstration",
    ...           "Police Forces of India", "Rioters (India)", confidence=0.8)
    >>> b = dataclasses.replace(a, actor1="Rioters (India)", actor2="Police Forces of India")
    >>> len(merge_same([a, b]))  # who used force on whom differs: two records
    2
"""

from __future__ import annotations

import dataclasses
import hashlib

from dateline.model import Event, Evidence, evidence_fields, union_evidence

# Event types whose casualties a later sentence may report without naming who caused them.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians",
                           "Riots"})
FORCE_ON_PROTESTS = frozenset({"Protest with intervention", "Excessive force against protesters"})


def merge_same(events: list[Event]) -> list[Event]:
    """The same event type on the same date and place, between the same actors (or where one
    mention leaves an actor unsaid), is one event (a caption or a restated lede adds
    evidence); the most confident sub-event type stands. Different actors on the same day and
    place are different events, as in ACLED, and so are strategic developments of different
    sub-event types (an arrest and a looting are two happenings, not one told twice)."""
    merged: list[Event] = []
    for event in events:
        while True:
            index = next((i for i, prior in enumerate(merged)
                          if prior.event_id == event.event_id and _same_happening(prior, event)),
                         None)
            if index is not None:
                merged[index] = combine(merged[index], event)
                break
            if not any(prior.event_id == event.event_id for prior in merged):
                merged.append(event)
                break
            # another happening under the id: its own id, derived from its sides, under which
            # an earlier mention of it with the same sides was kept
            event = rekeyed(event, f"{event.actor1}|{event.actor2}")
    return merged


def _same_happening(a: Event, b: Event) -> bool:
    return same_sides(a, b) and (a.event_type != "Strategic developments"
                                 or a.sub_event_type == b.sub_event_type)


def rekeyed(event: Event, salt: str) -> Event:
    """The event under an id of its own, derived from its id and ``salt``: another happening
    that would otherwise share the id (other actors, the side hitting back, a second event
    told in the same sentence)."""
    key = f"{event.event_id}|{salt}"
    return dataclasses.replace(event, event_id=hashlib.sha256(key.encode()).hexdigest()[:16])


def same_sides(a: Event, b: Event) -> bool:
    """The same actors, or one left unsaid. In a battle the order does not matter (a clash has
    two sides); elsewhere actor1 is the side that acted, so the police firing on a mob and a
    mob attacking the police are two happenings."""
    if a.event_type == "Battles" and {a.actor1, a.actor2} == {b.actor1, b.actor2}:
        return True
    return all(not x or not y or x == y for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)))


def combine(a: Event, b: Event) -> Event:
    if b.confidence > a.confidence:
        a, b = b, a
    return dataclasses.replace(
        a,
        actor1=a.actor1 or b.actor1, actor2=a.actor2 or b.actor2,
        inter1=a.inter1 or b.inter1, inter2=a.inter2 or b.inter2,
        fatalities=max(a.fatalities, b.fatalities), injured=max(a.injured, b.injured),
        displaced=max(a.displaced, b.displaced),
        time_precision=min(a.time_precision, b.time_precision),
        confidence=round(min(0.95, max(a.confidence, b.confidence) + 0.05), 2),
        evidence=union_evidence(a.evidence, b.evidence),
    )


def add_casualties(events: list[Event], evidence: Evidence, injured: int = 0,
                   killed: int = 0) -> bool:
    """A sentence that reports casualties and no event of its own ('one person was injured in
    the firing') tells of a violent event before it: a toll no larger than an event's own
    count of the dead restates it ('six were killed ... The SDF initially gave a toll of five
    dead') and joins that event (the latest such); any other
    joins the last violent event, giving it its counts where it had none ('Police opened fire.
    "Four persons have been killed"'). Fatalities an event's own report gave stay: a later toll
    may be a running total (the caller passes no count flagged cumulative). The sentence
    supports ``injured`` where it counts wounded, and ``fatalities`` where it counts dead.
    False when there is no such event."""
    violent = [i for i, e in enumerate(events)
               if e.event_type in VIOLENT_TYPES or e.sub_event_type in FORCE_ON_PROTESTS]
    if not violent:
        return False
    index = next((i for i in reversed(violent) if killed and events[i].fatalities >= killed),
                 violent[-1])
    event = events[index]
    fields = evidence_fields(("injured",) if injured else (), ("fatalities",) if killed else ())
    events[index] = dataclasses.replace(
        event, evidence=union_evidence(
            event.evidence, (dataclasses.replace(evidence, fields=fields),)),
        injured=event.injured or injured, fatalities=event.fatalities or killed)
    return True
