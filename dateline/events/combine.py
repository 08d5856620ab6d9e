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
from collections.abc import Sequence

from dateline.events.taxonomy import interaction
from dateline.model import Event, Evidence, evidence_fields, union_evidence

# Event types whose casualties a later sentence may report without naming who caused them.
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians",
                           "Riots"})
FORCE_ON_PROTESTS = frozenset({"Protest with intervention", "Excessive force against protesters"})
# A demonstration's course, from the mildest: ACLED codes one event per demonstration, at its most
# serious (demonstrators turning violent make it a riot; force on them an intervention).
DEMONSTRATION = ("Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters", "Violent demonstration")
_CROWDS = frozenset({5, 6})  # rioters, protesters
_STATE = frozenset({1, 8})


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


def lead_event(events: Sequence[Event]) -> Event | None:
    """The event a report leads with: the one whose evidence starts first (news tells its main
    event first), the more confident of two that start together."""
    if not events:
        return None
    return min(events, key=lambda e: (min((x.start for x in e.evidence), default=0),
                                      -e.confidence))


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


def one_demonstration(events: list[Event]) -> list[Event]:
    """A demonstration told over several sentences is one event, as ACLED codes it: the
    protest, the stones thrown and the police's tear gas on the same day at the same place are
    one record at the most serious course told (a Violent demonstration where the crowd turned
    violent: rioters against the forces that intervened; Excessive force against protesters;
    a Protest with intervention: protesters against the forces), with every mention's evidence.
    An arrest of the crowd makes the protest one with intervention and stays a record of its
    own; so does a riot where the forces are the ones that used force ('police opened fire on
    the mob'), which is not merged into the crowd's."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, event in enumerate(events):
        if event.sub_event_type in DEMONSTRATION:
            groups.setdefault((event.event_date, event.location), []).append(i)
    merged: dict[int, Event] = {}
    dropped: set[int] = set()
    for (date, location), members in groups.items():
        told = [events[i] for i in members]
        force = [e for e in told if e.event_type == "Riots" and e.inter1 in _STATE]
        arrests = [e for e in events if e.sub_event_type == "Arrests" and e.inter2 in _CROWDS
                   and (e.event_date, e.location) == (date, location)]
        if force or len(members) + len(arrests) < 2:
            continue
        merged[members[0]] = _demonstration(told, arrests)
        dropped.update(members[1:])
    return [merged.get(i, e) for i, e in enumerate(events) if i not in dropped]


def _demonstration(told: list[Event], arrests: list[Event]) -> Event:
    rank = max(DEMONSTRATION.index(e.sub_event_type) for e in told)
    if arrests:
        rank = max(rank, 1)  # demonstrators arrested: an intervention
    sub_event_type = DEMONSTRATION[rank]
    first = told[0]
    crowd = next((e for e in told if e.sub_event_type == sub_event_type), first)
    forces = [(a, i) for e in (*told, *arrests)  # the police, or an armed group that rules
              for a, i in ((e.actor1, e.inter1), (e.actor2, e.inter2))
              if a and i and i not in _CROWDS and i != 7]
    forces.sort(key=lambda side: side[1] not in _STATE)
    demonstrators = next(((a, i) for a, i in ((crowd.actor1, crowd.inter1),
                                              (crowd.actor2, crowd.inter2)) if i in _CROWDS),
                         (crowd.actor1, crowd.inter1))
    force = forces[0] if forces and rank else ("", 0)
    sides = (force, demonstrators) if sub_event_type == DEMONSTRATION[2] else (
        demonstrators, force)
    (actor1, inter1), (actor2, inter2) = sides
    evidence: tuple[Evidence, ...] = ()
    for event in told:
        evidence = union_evidence(evidence, event.evidence)
    return dataclasses.replace(
        first, event_type=crowd.event_type, disorder_type=crowd.disorder_type,
        sub_event_type=sub_event_type, actor1=actor1, inter1=inter1, actor2=actor2,
        inter2=inter2, assoc_actor_1="", assoc_actor_2="",
        interaction=interaction(inter1, inter2),
        civilian_targeting="", fatalities=max(e.fatalities for e in told),
        injured=max(e.injured for e in told), displaced=max(e.displaced for e in told),
        time_precision=min(e.time_precision for e in told),
        confidence=round(min(0.95, max(e.confidence for e in told) + 0.05), 2),
        evidence=evidence)
