"""Places: mentions from the model and the gazetteer automaton, resolved to coordinates.

Disambiguation uses the article's country context (the countries it names, the dateline) and
proximity to places already resolved. A mention that is a size comparison ("a country like Great
Britain") or the destination of a planned move is marked with its role: never an event place.
"""

from __future__ import annotations

import re
from collections import Counter

from dateline.model import Entity, Place
from dateline.nlp.gazetteer import Gazetteer, GazetteerEntry

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP"})
PRECISION = {"city": "town", "admin2": "district", "admin1": "province", "country": "country"}
_COMPARISON = re.compile(
    r"(?:comparable to|compared to|the size of|as (?:big|large|small) as|like|larger than|"
    r"smaller than|bigger than)\s+(?:a |the )?(?:country |region |state )?(?:like |such as )?$",
    re.I,
)
_DIRECTION = re.compile(r"^(?:northern|southern|eastern|western|central|north|south|east|west|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western)\s+", re.I)
_LOCATIVE = re.compile(r"\b(?:in|near|at|around|outside|from|village of|town of|city of|"
                       r"region of|province of|of)\s+(?:the\s+)?$", re.I)
_DIRECTION_BEFORE = re.compile(r"\b(?:northern|southern|eastern|western|central|"
                               r"north-?eastern|north-?western|south-?eastern|south-?western)\s+$",
                               re.I)
_FUTURE = re.compile(r"\b(?:will|would|to be|plans? to|is due to)\b", re.I)


def _role(text: str, start: int) -> str:
    before = text[max(0, start - 60):start]
    if _COMPARISON.search(before):
        return "comparison"
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    clause = text[sentence_start:start]
    if _FUTURE.search(clause) and re.search(r"\b(?:to|towards|into)\b[^,.]*$", clause):
        return "destination"
    return "mention"


def _locative_person(text: str, entity: Entity) -> bool:
    """A one-word PERSON right after a locative ("the village of Baghuz", "in Baghuz") is the
    model mistaking a place it does not know for a name."""
    if entity.label != "PERSON" or " " in entity.text:
        return False
    return bool(_LOCATIVE.search(text, max(0, entity.start - 30), entity.start))


def _candidates(text: str, entities: list[Entity], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    spans = [(e.start, e.end) for e in entities if e.label in PLACE_LABELS]
    blocked = [(e.start, e.end) for e in entities
               if e.label in BLOCKING_LABELS and not _locative_person(text, e)]
    for start, end, _ in gazetteer.find_all(text):
        clash = any(s < end and start < e for s, e in spans + blocked)
        if not clash:
            spans.append((start, end))
    return sorted(set(spans))


def country_context(text: str, entities: list[Entity], gazetteer: Gazetteer,
                    dateline_place: str | None) -> str | None:
    """The country the article is about: the one its place mentions name most."""
    counts: Counter[str] = Counter()
    for ent in entities:
        if ent.label in PLACE_LABELS:
            entry = gazetteer.resolve(_DIRECTION.sub("", ent.text))
            if entry is not None and entry.country:
                counts[entry.country] += 2 if entry.kind == "country" else 1
    if dateline_place:
        entry = gazetteer.resolve(dateline_place)
        if entry is not None and entry.country:
            counts[entry.country] += 2
    return counts.most_common(1)[0][0] if counts else None


def _to_place(start: int, end: int, text: str, entry: GazetteerEntry, role: str) -> Place:
    precision = PRECISION.get(entry.kind, "town")
    if _DIRECTION.match(text) and entry.kind == "country":
        precision = "region"
    return Place(
        start, end, text, entry.name, entry.country, entry.admin1, entry.latitude,
        entry.longitude, entry.geonames_id, precision,  # type: ignore[arg-type]
        entry.admin2, entry.iso3, role,  # type: ignore[arg-type]
    )


def _compound_modifier(text: str, end: int) -> bool:
    """'Britain-based', 'US-led': a name inside a compound adjective is not a place mention."""
    return bool(re.match(r"-[a-z]", text[end:end + 2]))


def _named_countries(text: str, entities: list[Entity], gazetteer: Gazetteer) -> set[str]:
    named = set()
    for ent in entities:
        if ent.label in PLACE_LABELS:
            entry = gazetteer.country(_DIRECTION.sub("", re.sub(r"^(?:the|The)\s+", "", ent.text)))
            if entry is not None and entry.country:
                named.add(entry.country)
    return named


def find_places(text: str, entities: list[Entity], gazetteer: Gazetteer,
                dateline_place: str | None = None) -> list[Place]:
    country = country_context(text, entities, gazetteer, dateline_place)
    named = _named_countries(text, entities, gazetteer)
    places: list[Place] = []
    for start, end in _candidates(text, entities, gazetteer):
        direction = _DIRECTION_BEFORE.search(text, max(0, start - 16), start)
        if direction:
            start = direction.start()
        mention = text[start:end]
        name = _DIRECTION.sub("", re.sub(r"^(?:the|The)\s+", "", mention))
        towns = [p for p in places if p.precision == "town" and p.latitude is not None]
        near = (towns[-1].latitude, towns[-1].longitude) if towns else None
        entry = gazetteer.resolve(name, country_hint=country, near=near)  # type: ignore[arg-type]
        if entry is None or _compound_modifier(text, end):
            continue
        if entry.kind != "country" and country and entry.country != country \
                and entry.country not in named:
            continue  # a town abroad in a story about elsewhere: a homonym, not a place
        places.append(_to_place(start, end, mention, entry, _role(text, start)))
    return places
