"""Places: mentions from the model and the gazetteer automaton, resolved to coordinates.

Disambiguation uses the article's country context (the countries it names, the dateline), the
provinces its place names belong to, proximity to places already resolved, and size: a country
or a large town abroad is meant rather than a village of the same name at home ('Mexico',
'London'). A mention that is a size comparison ("a country like Great Britain") or the
destination of a planned move is marked with its role; so are nationalities ('Syrian forces'),
the countries organisations are named after ('Pakistan Army') and places abroad standing for
their government ('the coalition led by Washington'): role 'origin'. None of these is ever the
place of an event. :func:`resolve_places` resolves spans found by someone else the same way.
Measured on GeoWebNews and LGL in ``bench/geo.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from dateline.model import Entity, Place
from dateline.nlp.gazetteer import NEAR_KM, Gazetteer, GazetteerEntry, distance_km, name_key
from dateline.nlp.hierarchy import resolve as resolve_nested

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP"})
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
LARGE_TOWN = 100_000
BIG_ABROAD = 500_000  # a town abroad this large is meant rather than a namesake at home ...
ABROAD_RATIO = 20  # ... that is this many times smaller
# Nationality suffixes and the endings of the country names they come from: Syrian -> Syria,
# Iraqi -> Iraq, Chinese -> China, Turkish -> Turkey, Canadian -> Canada, Ukrainian -> Ukraine.
_DEMONYM_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ian", ("ia", "a", "", "e", "y", "ium")), ("an", ("a", "", "o", "y", "any", "anistan")),
    ("ese", ("", "a", "on", "o")), ("ish", ("ey", "ain", "and", "eland", "en")),
    ("i", ("", "ia")), ("ic", ("",)), ("ine", ("ines", "ina")),  # 'Philippine', 'Argentine'
)
_AGENT_BEFORE = re.compile(r"\b(?:led|backed|supported|funded|armed|sponsored|brokered|"
                           r"mediated|ordered|sent|imposed|accused|condemned) by\s+(?:the\s+)?$",
                           re.I)
_AGENT_AFTER = re.compile(r"(?:['’]s\b|\s+(?:said|says|has said|announced|denied|accused|"
                          r"warned|condemned|insisted|claimed|urged|rejected|responded|vowed|"
                          r"threatened|demanded)\b)")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,4}$")
_FUTURE = re.compile(r"\b(?:will|would|to be|plans? to|is due to)\b", re.I)


def _role(text: str, start: int) -> str:
    """'comparison' ('a country like Great Britain'), 'destination' (a planned move), else
    'mention'. Nationalities and places standing for their people are 'origin' (callers)."""
    before = text[max(0, start - 60):start]
    if _COMPARISON.search(before):
        return "comparison"
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    clause = text[sentence_start:start]
    if _FUTURE.search(clause) and re.search(r"\b(?:to|towards|into)\b[^,.]*$", clause):
        return "destination"
    return "mention"


def _metonymic(text: str, start: int, end: int) -> bool:
    """A place abroad standing for its government or people: 'the coalition led by
    Washington', 'Moscow's support', 'Ankara said'. Never the place of an event."""
    return bool(_AGENT_BEFORE.search(text, max(0, start - 40), start)
                or _AGENT_AFTER.match(text, end))


def _locative_person(text: str, entity: Entity) -> bool:
    """A one-word PERSON right after a locative ("the village of Baghuz", "in Baghuz") is the
    model mistaking a place it does not know for a name."""
    if entity.label != "PERSON" or " " in entity.text:
        return False
    return bool(_LOCATIVE.search(text, max(0, entity.start - 30), entity.start))


def _place_named(name: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The country, province or large town (100,000 people and up) called exactly ``name``."""
    key = name_key(name)
    for entry in gazetteer.lookup(name):
        if entry.kind == "country" or name_key(entry.name) == key and (
                entry.kind == "admin1" or (entry.population or 0) >= LARGE_TOWN):
            return entry
    return None


def _misread_place(text: str, entity: Entity, gazetteer: Gazetteer) -> bool:
    """A model person or group that is a place: a one-word 'person' after a locative, a
    'person' of several words named exactly like a province or a large town ('Tamil Nadu'),
    a one-word 'group' named so ('Harare', 'DPRK'), a 'nationality' that is no demonym but a
    large town ('in Omdurman'). Actors and lone surnames stay as they are."""
    if entity.label == "NORP" and not entity.actor:
        return (_demonym_country(entity.text, gazetteer) is None
                and _place_named(entity.text, gazetteer) is not None)
    if entity.actor or entity.label not in ("PERSON", "ORG"):
        return False
    if _locative_person(text, entity):
        return True
    several = " " in entity.text
    if several != (entity.label == "PERSON"):
        return False
    return _place_named(entity.text, gazetteer) is not None


Candidate = tuple[int, int, bool]  # start, end, whether the model (not the automaton) found it


def _candidates(text: str, entities: list[Entity], gazetteer: Gazetteer) -> list[Candidate]:
    spans = [(e.start, e.end) for e in entities if e.label in PLACE_LABELS
             or _misread_place(text, e, gazetteer)]
    blocked = [(e.start, e.end) for e in entities
               if e.label in BLOCKING_LABELS and (e.start, e.end) not in spans]
    found = [(start, end, True) for start, end in spans]
    for start, end, _ in gazetteer.find_all(text):
        if not any(s < end and start < e for s, e in spans + blocked):
            spans.append((start, end))
            found.append((start, end, False))
    return sorted(set(found))


def country_context(text: str, entities: list[Entity], gazetteer: Gazetteer,
                    dateline_place: str | None) -> str | None:
    """The country the article is about: the one its place mentions name most. A name that
    several countries have towns of a size for ('Alexandria', 'Paris') counts for little."""
    counts: dict[str, float] = {}
    for ent in entities:
        if ent.label in PLACE_LABELS:
            name = _DIRECTION.sub("", ent.text)
            entries = gazetteer.lookup(name)
            if entries and entries[0].country:
                weight = 2.0 if entries[0].kind == "country" else 1.0
                country = entries[0].country
                counts[country] = counts.get(country, 0.0) + (
                    weight / 8 if _shared(name, entries) else weight)
    if dateline_place:
        entry = gazetteer.resolve(dateline_place)
        if entry is not None and entry.country:
            counts[entry.country] = counts.get(entry.country, 0.0) + 2
    return max(counts, key=lambda c: counts[c]) if counts else None


def _shared(name: str, entries: list[GazetteerEntry]) -> bool:
    """Whether another country has a place of this very name at least a hundredth the size."""
    first, key = entries[0], name_key(name)
    floor = (first.population or 0) / 100
    return first.kind == "city" and any(
        e.country != first.country and _same_name(e.name, key)
        and (e.population is None or e.population >= floor) for e in entries[1:])


def _to_place(start: int, end: int, text: str, entry: GazetteerEntry, role: str) -> Place:
    precision: str = entry.precision
    if _DIRECTION.match(text) and entry.kind == "country" and name_key(text) != name_key(
            entry.name):
        precision = "region"  # 'northern Syria', not 'South Korea'
    return Place(
        start, end, text, entry.name, entry.country, entry.admin1, entry.latitude,
        entry.longitude, entry.geonames_id, precision,  # type: ignore[arg-type]
        entry.admin2, entry.iso3, role,  # type: ignore[arg-type]
    )


def _compound_modifier(text: str, end: int) -> bool:
    """'Britain-based', 'US-led': a name inside a compound adjective is an origin, not a place
    where something happened."""
    return bool(re.match(r"-[a-z]", text[end:end + 2]))


def _named_countries(text: str, entities: list[Entity], gazetteer: Gazetteer) -> set[str]:
    named = set()
    for ent in entities:
        if ent.label in PLACE_LABELS:
            entry = gazetteer.country(_DIRECTION.sub("", re.sub(r"^(?:the|The)\s+", "", ent.text)))
            if entry is not None and entry.country:
                named.add(entry.country)
    return named


@dataclass(frozen=True)
class _Context:
    """What an article tells about its places: its country, the countries it names and the
    provinces (country, province) its place names belong to."""

    gazetteer: Gazetteer
    country: str | None
    named: frozenset[str]
    provinces: frozenset[tuple[str | None, str | None]] = frozenset()

    @classmethod
    def of(cls, text: str, entities: list[Entity], gazetteer: Gazetteer,
           dateline_place: str | None, mentions: list[str]) -> _Context:
        bare = cls(gazetteer, country_context(text, entities, gazetteer, dateline_place),
                   frozenset(_named_countries(text, entities, gazetteer)))
        provinces = set()
        for mention in mentions:
            entry = _entry(mention, bare, None)
            if entry is not None and entry.kind in ("admin1", "admin2"):
                provinces.add((entry.country, entry.admin1 or entry.name))
        return cls(bare.gazetteer, bare.country, bare.named, frozenset(provinces))


def _names(mention: str) -> list[str]:
    """A capitalised direction stays part of the name when the whole is a place ('South Korea',
    'West Virginia'); else it is dropped ('northern Syria')."""
    name = re.sub(r"^(?:the|The)\s+", "", mention)
    names = [name] if name[:1].isupper() and _DIRECTION.match(name) else []
    return [*names, _DIRECTION.sub("", name)] if not _DIRECTION.fullmatch(name + " ") else []


def _choose(entries: list[GazetteerEntry], key: str, ctx: _Context,
            near: tuple[float, float] | None) -> GazetteerEntry:
    """Among namesakes (best first): those of the provinces the article names ('Nelson' in a
    story that names B.C.), else those of the article's country, then those within NEAR_KM of
    the last town. Context picks among places called so, not among those that only list the
    name as an alternate one ('Liverpool' is also a name of a Washington in Indiana)."""
    named = [entries[0], *(e for e in entries[1:] if _same_name(e.name, key))]
    pool = [e for e in named if (e.country, e.admin1 or e.name) in ctx.provinces]
    if not pool:
        pool = [e for e in entries if e.country == ctx.country] or entries
        pool = [pool[0], *(e for e in pool[1:] if _same_name(e.name, key))]
    if near is not None:
        pool = [e for e in pool if e.latitude is not None and e.longitude is not None
                and distance_km((e.latitude, e.longitude), near) <= NEAR_KM] or pool
    return pool[0]


def _same_name(name: str, key: str) -> bool:
    return name_key(name).replace(" ", "") == key.replace(" ", "")


def _entry(mention: str, ctx: _Context, near: tuple[float, float] | None
           ) -> GazetteerEntry | None:
    """The gazetteer entry a mention means (:func:`_choose` among namesakes). Then: a town of
    half a million named like a province is meant rather than the province ('Washington'); a
    town rather than a county named so but for its type word ('Richmond', not Richmond
    County); a country named so rather than a town of the article's country ('Mexico', not
    Mexico, Missouri); a province or a large place abroad rather than a village at home
    ('Texas' in a story about Mexico; 'London', not London, Kentucky)."""
    for candidate in _names(mention):
        entries = ctx.gazetteer.lookup(candidate)
        if _ACRONYM.match(candidate):
            entries = [e for e in entries if e.kind in ("country", "region")  # not Us in France
                       or e.kind == "admin1" and ctx.gazetteer.is_abbreviation(candidate)]
        elif len(candidate) <= 3:
            entries = [e for e in entries if e.kind != "region"]  # 'Eu' in France, not the EU
        if not entries:
            continue
        key = name_key(candidate)
        if entries[0].kind == "region" and name_key(entries[0].name) == key:
            return entries[0]  # 'the Middle East', not a village of that name
        entry = _choose(entries, key, ctx, near)
        same = [e for e in entries if e.kind == "city" and e.country == entry.country
                and name_key(e.name) == key]
        if same and (entry.kind == "admin1" and (same[0].population or 0) >= BIG_ABROAD
                     or entry.kind == "admin2" and name_key(entry.name) != key):
            return same[0]
        country = ctx.gazetteer.country(candidate) if len(candidate) > 3 else None
        if entry.kind == "city" and country is not None and _same_name(country.name, key):
            return country  # 'China' in a story that names Maine: not China, Maine
        if entry.kind != "city" or not ctx.country or entry.country != ctx.country:
            return entry
        if country is not None:
            return country
        elsewhere = entries[0]
        if not _same_name(elsewhere.name, key):
            return entry
        if elsewhere.kind == "admin1" and (entry.population or 0) < LARGE_TOWN:
            return elsewhere  # 'Texas' in a story about Mexico: the state, not a village
        floor = max(BIG_ABROAD, ABROAD_RATIO * (entry.population or 0))
        return elsewhere if (elsewhere.population or 0) >= floor else entry
    return None


def _demonym_country(mention: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The country of a nationality word: 'Syrian', 'Syrians', 'Iraqi', 'Chinese', 'Turkish',
    'South Korean'. Suffix rules, checked against the gazetteer's country names."""
    word = mention.strip()
    listed = gazetteer.demonym(word)  # 'American', 'British', 'Filipino', 'European'
    if listed is not None and listed.latitude is not None:
        return listed
    if any(name_key(e.name) == name_key(word) for e in gazetteer.lookup(word)):
        return None  # 'Tunis' is the town, not a plural of 'Tunisian'
    if word.endswith("s") and not word.endswith(("ss", "ese")):
        word = word[:-1]
    for suffix, endings in _DEMONYM_RULES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[:len(word) - len(suffix)]
            for ending in endings:
                entry = gazetteer.country(stem + ending)
                if entry is not None and entry.latitude is not None:
                    return entry
    return None


def _origin_places(entities: list[Entity], gazetteer: Gazetteer) -> list[Place]:
    """Nationalities ('Russians', 'the Syrian regime') and the countries organisations are named
    after ('Pakistan Army', 'Air Zimbabwe') are the origin of people and groups: places with
    the role 'origin', never the place of an event."""
    out = []
    for ent in entities:
        if ent.label == "NORP" and ent.text[:1].isupper():
            entry = _demonym_country(ent.text, gazetteer)
            if entry is not None:
                out.append(_to_place(ent.start, ent.end, ent.text, entry, "origin"))
        elif ent.label == "ORG" and (whole := _named_body(ent.text, gazetteer)) is not None:
            out.append(_to_place(ent.start, ent.end, ent.text, whole, "origin"))  # 'the EU'
        elif ent.label in ("ORG", "FAC"):
            out += _named_after(ent, gazetteer)
    return out


def _named_after(ent: Entity, gazetteer: Gazetteer) -> list[Place]:
    """The places an organisation or a building is named after: a country, its alias or its
    people ('Pakistan Army', 'U.S. Navy', 'Syrian Observatory'), or a province or a city of
    100,000 ('New York Times', 'University of California', 'Toronto Police')."""
    found: list[tuple[int, int, GazetteerEntry]] = []
    for m in re.finditer(r"(?<![\w.])(?:[A-Z][a-z]{3,}|(?:[A-Z]\.){2,3}|[A-Z]{2,3})(?![\w.])"
                         r"|(?<![\w.])(?:[A-Z]\.){2,3}", ent.text):
        word = m.group()
        if word.isupper() or "." in word:
            entry = next((e for e in gazetteer.lookup(word) if e.kind == "country"), None)
        else:
            entry = _country_word(word, gazetteer)
        if entry is not None and entry.latitude is not None:
            found.append((m.start(), m.end(), entry))
    for start, end, name in gazetteer.find_all(ent.text):
        if any(s < end and start < e for s, e, _ in found):
            continue
        entry = next(iter(gazetteer.lookup(name)), None)
        if entry is not None and entry.latitude is not None and (
                entry.kind in ("country", "admin1") or (entry.population or 0) >= LARGE_TOWN):
            found.append((start, end, entry))
    return [_to_place(ent.start + s, ent.start + e, ent.text[s:e], entry, "origin")
            for s, e, entry in sorted(found, key=lambda f: f[0])]


def _named_body(name: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    """The country or region an organisation's whole name is an alias of ('EU', 'European
    Union' for Europe), as places.json lists it; None for any other organisation."""
    entries = [e for e in gazetteer.lookup(name) if e.kind in ("country", "region")]
    return entries[0] if entries and entries[0].latitude is not None else None


def _country_word(word: str, gazetteer: Gazetteer) -> GazetteerEntry | None:
    country = gazetteer.country(word)
    if country is not None and country.latitude is not None:
        return country
    return _demonym_country(word, gazetteer)


def _near(places: list[Place]) -> tuple[float, float] | None:
    towns = [p for p in places if p.precision == "town" and p.latitude is not None]
    return (towns[-1].latitude, towns[-1].longitude) if towns else None  # type: ignore[return-value]


def _nested_places(text: str, ctx: _Context, candidates: list[Candidate]
                   ) -> list[tuple[Place, int]]:
    """Places named with the areas that hold them ('Soka (Sinende, Borgou)', 'Murghab district,
    Badghis'), resolved inside them (:mod:`dateline.nlp.hierarchy`): the place where the
    gazetteer has it there, else the smallest area known (a quarter of a town is in the town);
    the areas themselves as places too (a candidate's span where one overlaps). Each with the
    number of names that agree on it."""
    out: list[tuple[Place, int]] = []
    for nested in ctx.gazetteer.hierarchy.find(text):
        first_area = nested.containers[0][0] if nested.containers else nested.end
        if any(s <= nested.start and nested.end <= e <= first_area
               and e - s > nested.end - nested.start for s, e, _ in candidates):
            continue  # a word of a longer name ('Republic of Korea'); not a model's entity
            # run on into the areas ('Tchaourou (Tchaourou' for 'Tchaourou (Tchaourou, Borgou)')
        model = any(s < nested.end and nested.start < e and found
                    for s, e, found in candidates)
        resolved = resolve_nested(nested, ctx.gazetteer, ctx.country, model)
        if resolved is None:
            continue
        place = _to_place(nested.start, nested.end, nested.text, resolved.entry,
                          _role(text, nested.start))
        if resolved.fallback:
            place = replace(place, geonames_id=None)
        out.append((place, resolved.support))
        for start, end, entry in resolved.containers:
            for s, e, _ in candidates:
                if s < end and start < e and not (s < nested.end and nested.start < e):
                    start, end = min(s, start), max(e, end)
            out.append((_to_place(start, end, text[start:end], entry, "mention"),
                        resolved.support))
    return out


def _with_nested_country(ctx: _Context, nested: list[tuple[Place, int]]) -> _Context:
    """Places named inside their provinces, two names agreeing, say which country an article
    is about where its place names alone do not."""
    countries = Counter(p.country for p, support in nested if p.country and support >= 2)
    if not countries or ctx.country is not None:
        return ctx
    return replace(ctx, country=countries.most_common(1)[0][0])


def find_places(text: str, entities: list[Entity], gazetteer: Gazetteer,
                dateline_place: str | None = None) -> list[Place]:
    candidates = _candidates(text, entities, gazetteer)
    ctx = _Context.of(text, entities, gazetteer, dateline_place,
                      [text[s:e] for s, e, _ in candidates])
    supported = _nested_places(text, ctx, candidates)
    ctx = _with_nested_country(ctx, supported)
    nested = [p for p, _ in supported]
    places: list[Place] = list(nested)
    for start, end, from_model in candidates:
        if any(p.start < end and start < p.end for p in nested):
            continue
        direction = _DIRECTION_BEFORE.search(text, max(0, start - 16), start)
        if direction:
            start = direction.start()
        mention = text[start:end]
        entry = _entry(mention, ctx, _near(places))
        if entry is None or _abroad_homonym(entry, ctx, from_model):
            continue
        # 'US-led', 'London-based': where someone comes from, not where anything happened
        role = "origin" if _compound_modifier(text, end) else _role(text, start)
        if role == "mention" and entry.country != ctx.country and _metonymic(text, start, end):
            role = "origin"
        places.append(_to_place(start, end, mention, entry, role))
    taken = [(p.start, p.end) for p in places]
    places += [p for p in _origin_places(entities, gazetteer)
               if not any(s < p.end and p.start < e for s, e in taken)]
    return sorted(places, key=lambda p: p.start)


def _abroad_homonym(entry: GazetteerEntry, ctx: _Context, from_model: bool) -> bool:
    """A small town abroad, in a story about elsewhere, is a namesake of some place the
    gazetteer lacks; a large town abroad ('London' in a story about Ireland) is meant, and so is
    a province the model took for a place ('Tamil Nadu')."""
    if entry.kind in ("country", "region") or ctx.country is None or entry.country in (
            ctx.country, *ctx.named):
        return False
    if (entry.population or 0) >= LARGE_TOWN:
        return False
    return not (from_model and entry.kind == "admin1")


def resolve_places(text: str, spans: list[tuple[int, int]], entities: list[Entity],
                   gazetteer: Gazetteer, dateline_place: str | None = None
                   ) -> list[Place | None]:
    """Each given span of ``text`` (a toponym found by someone else: an annotator, another
    tagger) resolved as :func:`find_places` resolves its own, in the article's context; a
    nationality ('Syrian') gives its country; a name the gazetteer lacks, the place it is
    named after ('Colorado State University').

    A toponym the gazetteer does not know otherwise (a street, a stadium, a river: 'Royal
    Street', 'Barclays Center') is put at the article's main place (:func:`article_anchor`)
    with precision ``nearby`` (geo_precision 2, as ACLED codes a place it can only tie to the
    nearest town); None where the article resolves no place at all."""
    ctx = _Context.of(text, entities, gazetteer, dateline_place,
                      [text[s:e] for s, e in spans])
    out: list[Place | None] = []
    resolved: list[Place] = []
    for start, end in spans:
        mention = text[start:end]
        entry, role = _demonym_country(mention, gazetteer), "origin"
        if entry is None:
            entry, role = _entry(mention, ctx, _near(resolved)), _role(text, start)
            if entry is not None and not _same_name(entry.name, name_key(mention)) and \
                    _abroad_homonym(entry, ctx, False):
                entry = None  # a village abroad named so: some place nearby the gazetteer lacks
        place = _to_place(start, end, mention, entry, role) if entry is not None else None
        if place is None:
            inside = _named_after(Entity(start, end, mention, "ORG"), ctx.gazetteer)
            place = replace(inside[0], start=start, end=end, text=mention) if inside else None
        if place is not None:
            resolved.append(place)
        out.append(place)
    anchor = article_anchor(resolved)
    if anchor is None:
        return out
    return [place if place is not None else _nearby(anchor, start, end, text[start:end])
            for place, (start, end) in zip(out, spans, strict=True)]


_ANCHOR_LEVELS = (("town", "district"), ("province",), ("country",))


def article_anchor(places: list[Place]) -> Place | None:
    """The article's main place: its most often named town or district (the first named of
    those tied), else its most often named province, else country; None without any."""
    for levels in _ANCHOR_LEVELS:
        named = [p for p in places if p.precision in levels and p.latitude is not None]
        if named:
            counts = Counter(p.name for p in named)
            top = max(counts.values())
            return next(p for p in named if counts[p.name] == top)
    return None


def _nearby(anchor: Place, start: int, end: int, mention: str) -> Place:
    """A place the gazetteer lacks, at ``anchor``: in its town (precision ``nearby``) or
    somewhere in its province or country (that precision)."""
    precision = "nearby" if anchor.precision in ("town", "district") else anchor.precision
    return replace(anchor, start=start, end=end, text=mention, geonames_id=None,
                   precision=precision, role="mention")
