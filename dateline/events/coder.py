"""A first honest event coder: clause-level triggers, roles from the parse, and the time, place
and counts that govern the clause. Each event keeps the sentence it came from as evidence.

What is not an event: background (a time long before publication), cumulative totals,
hypotheticals and negations; forward-looking statements go to ``Document.watch``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from dateline.events.roles import Roles, assign_roles
from dateline.events.taxonomy import Taxonomy
from dateline.events.triggers import TriggerHit, TriggerLexicon
from dateline.model import Document, Entity, Event, Evidence, Place, Span, TimeExpr, Watch
from dateline.nlp.actors import ActorLexicon
from dateline.nlp.entities import main_armed_actors

BACKGROUND_DAYS = 120
PRECISION_CODE = {"day": 1, "week": 2, "month": 3}
GEO_PRECISION = {"town": 1, "district": 2, "province": 2, "region": 3, "country": 3}
_NEGATION = re.compile(r"\b(?:no|not|never|denied|deny|denies|without|nor|false)\b[^.,;]{0,30}$",
                       re.I)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may|if|unless|threaten(?:s|ed)? to|"
                           r"plans? to|planning to|intends? to|vowed to|ready to)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|is going to|are going to|is expected to|are expected to|"
                     r"in the coming (?:days|weeks|months)|next week|tomorrow)\b", re.I)
_CAUSE = re.compile(r"\b(?:fleeing|fled|flee|escaping|escaped|because of|due to|amid|"
                    r"after years of|fear of)\s+(?:[\w-]+,?\s+){0,3}?(?:and\s+|or\s+)?$", re.I)
_CIVILIANS = re.compile(r"\b(?:civilians?|villagers?|residents?|worshipp?ers?|passengers?|"
                        r"students?|children|women|farmers?|shoppers?|displaced people|"
                        r"refugees|patients|aid workers?|journalists?)\b", re.I)
_LONG_RUNNING = re.compile(r"\b(?:(?:has|have) been \w+ing\b.*\bfor (?:more than |over |nearly |"
                           r"almost |about )?(?:\w+ )?(?:years|decades)|since (?:19|20)\d\d|"
                           r"since the (?:start|beginning|outbreak))", re.I)
_REFERENCE = re.compile(r"\s+(?:came|comes|follows|followed|was the (?:latest|deadliest))\b", re.I)
_HABITUAL = re.compile(r"\b(?:(?:almost |nearly )?every (?:day|week|month|night)|regularly|"
                       r"routinely|frequently|often|usually|since the (?:winter|summer|spring|"
                       r"autumn|war|conflict|start|beginning))\b", re.I)
_PRESENT = re.compile(r"\b(?:is|are|am|remains?|continues?|there are|there is|now|still|today|"
                      r"this (?:morning|afternoon|evening))\b", re.I)
_SPEAKER = re.compile(r"(?P<who>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3})\s+(?:assures?|says?|said|"
                      r"announced|warned|predicted|promised|insists?|told)\b")


@dataclass(frozen=True)
class CoderResources:
    taxonomy: Taxonomy
    triggers: TriggerLexicon
    actors: ActorLexicon
    country_names: dict[str, str]


@dataclass(frozen=True)
class _Context:
    doc: Document
    resources: CoderResources
    published: dt.date
    main_actors: tuple[str, ...]
    main_place: Place | None
    country_place: Place | None


def _inside(span: Span, start: int, end: int) -> bool:
    return span.start <= start and end <= span.end


def _main_place(places: tuple[Place, ...]) -> tuple[Place | None, Place | None]:
    usable = [p for p in places if p.role == "mention" and p.latitude is not None]
    towns = Counter(p.name for p in usable if p.precision == "town")
    town = next((p for p in usable if towns and p.name == towns.most_common(1)[0][0]), None)
    countries = Counter(p.country for p in usable if p.country)
    top = countries.most_common(1)[0][0] if countries else None
    country = next((p for p in usable if p.country == top and p.precision == "country"), None)
    if town is None:
        ranked = sorted(usable, key=lambda p: GEO_PRECISION[p.precision])
        town = next((p for p in ranked if p.country == top), None)
    return town, country or town


def _clause_time(ctx: _Context, sentence: Span, hit: TriggerHit) -> TimeExpr | None:
    times = [t for t in ctx.doc.times if _inside(sentence, t.start, t.end)]
    if not times:
        return None
    return min(times, key=lambda t: abs(t.start - hit.start))


def _is_background(time: TimeExpr | None, ctx: _Context) -> bool:
    if time is None or time.value is None:
        return False
    if time.precision == "year":
        return True
    value = time.value
    try:
        if len(value) == 7:
            day = dt.date.fromisoformat(value + "-01")
        elif "W" in value:
            return False
        else:
            day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return True
    return (ctx.published - day).days > BACKGROUND_DAYS


def _date_fields(time: TimeExpr | None, sentence_text: str, ctx: _Context) -> tuple[str, int]:
    if time is not None and time.value and time.precision in ("day", "month"):
        value = time.value if time.precision == "day" else time.value + "-01"
        return value, PRECISION_CODE[time.precision]
    if time is not None and time.value and time.precision == "week":
        year, week = time.value.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
        return monday.isoformat(), 2
    precision = 1 if _PRESENT.search(sentence_text) else 2
    return ctx.published.isoformat(), precision


def _place_for(ctx: _Context, sentence: Span) -> Place | None:
    here = [p for p in ctx.doc.places
            if _inside(sentence, p.start, p.end) and p.role == "mention" and p.latitude is not None]
    if here:
        best = min(here, key=lambda p: GEO_PRECISION[p.precision])
        main = ctx.main_place
        if GEO_PRECISION[best.precision] == 1 or main is None:
            return best
        within = main.country == best.country and (
            best.precision == "country" or main.admin1 == best.admin1)
        return main if within else best
    return ctx.main_place


def _counts(ctx: _Context, sentence: Span) -> dict[str, int]:
    out = {"killed": 0, "injured": 0, "displaced": 0}
    for q in ctx.doc.quantities:
        if _inside(sentence, q.start, q.end) and q.measure in out and not q.cumulative:
            value = q.value or 0
            out[q.measure] = min(out[q.measure], value) if out[q.measure] else value
    return out


def _skip_reason(text: str, hit: TriggerHit, sentence: Span) -> str | None:
    before = text[sentence.start:hit.start]
    if _REFERENCE.match(text, hit.end):
        return "refers to the article's main event"
    if _NEGATION.search(before):
        return "negated"
    if _CAUSE.search(before):
        return "cause of another happening"
    clause = text[sentence.start:sentence.end]
    if _HABITUAL.search(clause):
        return "habitual, not one happening"
    if _HYPOTHETICAL.search(clause):
        return "hypothetical"
    if _FUTURE.search(clause):
        return "future"
    return None


def _roles(ctx: _Context, sentence: Span, sub_event_type: str, spacy_doc: Any) -> Roles:
    actors = [e for e in ctx.doc.entities if e.actor and _inside(sentence, e.start, e.end)]
    armed = [e for e in actors if _inter(ctx, e.actor) in (1, 2, 3, 4, 8)]
    roles = assign_roles(armed or actors, spacy_doc)
    actor1, actor2 = roles.actor1, roles.actor2
    text = ctx.doc.clean_text[sentence.start:sentence.end]
    event_type = ctx.resources.taxonomy.event_type_of(sub_event_type)
    civilians = event_type == "Violence against civilians" or (
        event_type == "Explosions/Remote violence" and not actor2 and _CIVILIANS.search(text)
    )
    if civilians and not actor2:
        actor2 = _civilians_actor(ctx)
    opponents = [a for a in ctx.main_actors if a not in (actor1, actor2)]
    if not actor1 and opponents and (actor2 or event_type != "Protests"):
        actor1 = opponents.pop(0)
    if not actor2 and event_type == "Battles" and opponents:
        actor2 = opponents.pop(0)
    return Roles(actor1, actor2, roles.assoc1, roles.assoc2)


def _civilians_actor(ctx: _Context) -> str:
    country = ctx.country_place.country if ctx.country_place else None
    actor = ctx.resources.actors.civilians(country) if country else None
    return actor.name if actor else "Civilians"


def _inter(ctx: _Context, name: str | None) -> int:
    if not name:
        return 0
    actor = ctx.resources.actors.get(name)
    return actor.inter if actor else 0


def _event_id(article_id: str, event_type: str, date: str, location: str) -> str:
    key = f"{article_id}|{event_type}|{date}|{location}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _confidence(hit: TriggerHit, roles: Roles, place: Place | None, time: TimeExpr | None) -> float:
    score = 0.25 + 0.3 * hit.weight
    score += 0.15 if roles.actor1 else 0.0
    score += 0.1 if roles.actor2 else 0.0
    score += 0.1 if place is not None and place.precision == "town" else 0.0
    score += 0.1 if time is not None and time.precision == "day" else 0.0
    return round(min(score, 0.95), 2)


def _build(ctx: _Context, sentence: Span, hit: TriggerHit, spacy_doc: Any,
           story: dict[str, tuple[str, int]]) -> Event | None:
    """The event a trigger signals in its sentence. ``story`` holds the last explicit date of
    each event type in the article: a later sentence without a time of its own continues it."""
    taxonomy = ctx.resources.taxonomy
    time = _clause_time(ctx, sentence, hit)
    if _is_background(time, ctx) or (time is not None and time.direction == "future"):
        return None
    text = ctx.doc.clean_text[sentence.start:sentence.end]
    if _LONG_RUNNING.search(text) and (time is None or time.precision != "day"):
        return None
    event_type = taxonomy.event_type_of(hit.sub_event_type)
    if time is None and event_type in story:
        date, time_precision = story[event_type]
    else:
        date, time_precision = _date_fields(time, text, ctx)
    if time is not None and time.value:
        story[event_type] = (date, time_precision)
    place = _place_for(ctx, sentence)
    roles = _roles(ctx, sentence, hit.sub_event_type, spacy_doc)
    counts = _counts(ctx, sentence)
    inter1, inter2 = _inter(ctx, roles.actor1), _inter(ctx, roles.actor2)
    hit = dataclasses.replace(hit, sub_event_type=_territory_side(hit.sub_event_type, inter1))
    if roles.actor2.startswith("Civilians"):
        inter2 = 7
    location = place.name if place else ""
    evidence = Evidence(ctx.doc.id, sentence.start, sentence.end, text)
    return Event(
        event_id=_event_id(ctx.doc.id, taxonomy.event_type_of(hit.sub_event_type), date, location),
        event_date=date, time_precision=time_precision,
        disorder_type=taxonomy.disorder_type_of(hit.sub_event_type),
        event_type=taxonomy.event_type_of(hit.sub_event_type), sub_event_type=hit.sub_event_type,
        actor1=roles.actor1, assoc_actor_1=roles.assoc1, inter1=inter1,
        actor2=roles.actor2, assoc_actor_2=roles.assoc2, inter2=inter2,
        interaction=taxonomy.interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if inter2 == 7 else "",
        country=_country_name(ctx, place), iso3=(place.iso3 or "") if place else "",
        admin1=(place.admin1 or "") if place else "", admin2=(place.admin2 or "") if place else "",
        location=location, latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=GEO_PRECISION[place.precision] if place else 3,
        geonames_id=place.geonames_id if place else None,
        source="; ".join(s for s in (ctx.doc.outlet, ctx.doc.agency) if s),
        notes=_notes(ctx, hit, text), fatalities=counts["killed"], injured=counts["injured"],
        displaced=counts["displaced"], confidence=_confidence(hit, roles, place, time),
        evidence=(evidence,), article_ids=(ctx.doc.id,), sources_count=1,
    )


def _country_name(ctx: _Context, place: Place | None) -> str:
    if place is None or not place.country:
        return ""
    return ctx.resources.country_names.get(place.country, place.country)


def _notes(ctx: _Context, hit: TriggerHit, text: str) -> str:
    day = ctx.published.isoformat()
    summary = text if len(text) <= 300 else text[:297] + "..."
    return f"On {day}, {ctx.doc.outlet or ctx.doc.agency or 'a source'} reported: {summary}"


def _merge_same(events: list[Event]) -> list[Event]:
    """One event per happening within an article: the same event type on the same date and
    place is one event (a caption or a restated lede adds evidence); the most confident
    sub-event type stands."""
    merged: dict[str, Event] = {}
    for event in events:
        prior = merged.get(event.event_id)
        if prior is None:
            merged[event.event_id] = event
            continue
        merged[event.event_id] = _combine(prior, event)
    return list(merged.values())


def _combine(a: Event, b: Event) -> Event:
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
        evidence=a.evidence + tuple(e for e in b.evidence if e not in a.evidence),
    )


def _watch(ctx: _Context, sentence: Span) -> Watch | None:
    text = ctx.doc.clean_text[sentence.start:sentence.end]
    future_time = any(t.direction == "future" for t in ctx.doc.times
                      if _inside(sentence, t.start, t.end))
    if not (future_time or re.search(r"\bwill\b", text)) or re.search(r"\bwould\b", text):
        return None
    speaker = _SPEAKER.search(text)
    quote = next((q for q in ctx.doc.quotes if _inside(sentence, q.start, q.end)), None)
    who = speaker.group("who") if speaker else (quote.speaker if quote else None)
    when = next((t.text for t in ctx.doc.times
                 if _inside(sentence, t.start, t.end) and t.direction == "future"), None)
    return Watch(sentence.start, sentence.end, text, who, when)


TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _rank(hit: TriggerHit) -> float:
    """A change of territory is more specific than the fighting that brought it."""
    return hit.weight + (0.5 if hit.sub_event_type in TERRITORY and hit.weight >= 0.7 else 0.0)


def _territory_side(sub_event_type: str, inter1: int) -> str:
    """Who took the ground decides the sub-event type: state forces regain, others overtake."""
    if sub_event_type not in TERRITORY or not inter1:
        return sub_event_type
    return "Government regains territory" if inter1 == 1 else "Non-state actor overtakes territory"


def _strongest_per_type(hits: list[TriggerHit], ctx: _Context, sentence: Span
                        ) -> list[TriggerHit]:
    """The strongest trigger of each event type in a sentence. A one-sided attack on civilians
    (Violence against civilians) needs civilians in the clause and no more specific weapon."""
    taxonomy = ctx.resources.taxonomy
    by_type: dict[str, TriggerHit] = {}
    for hit in hits:
        event_type = taxonomy.event_type_of(hit.sub_event_type)
        if event_type not in by_type or _rank(hit) > _rank(by_type[event_type]):
            by_type[event_type] = hit
    vac = by_type.get("Violence against civilians")
    if vac is not None and vac.sub_event_type == "Attack":
        text = ctx.doc.clean_text[sentence.start:sentence.end]
        if "Explosions/Remote violence" in by_type or not _CIVILIANS.search(text):
            del by_type["Violence against civilians"]
    return list(by_type.values())


def code_events(doc: Document, spacy_doc: Any, resources: CoderResources) -> Document:
    """Events and forward-looking statements of a processed Document."""

    published = dt.date.fromisoformat((doc.published or dt.date.today().isoformat())[:10])
    town, country = _main_place(doc.places)
    ctx = _Context(doc, resources, published,
                   tuple(main_armed_actors(list(doc.entities), resources.actors)), town, country)
    events: list[Event] = []
    watch: list[Watch] = []
    story: dict[str, tuple[str, int]] = {}
    for sentence in doc.sentences:
        hits = resources.triggers.find(doc.clean_text, sentence.start, sentence.end)
        for hit in _strongest_per_type(hits, ctx, sentence):
            reason = _skip_reason(doc.clean_text, hit, sentence)
            if reason is None:
                event = _build(ctx, sentence, hit, spacy_doc, story)
                if event is not None:
                    events.append(event)
        item = _watch(ctx, sentence)
        if item is not None:
            watch.append(item)
    return dataclasses.replace(doc, events=tuple(_merge_same(events)), watch=tuple(watch))
