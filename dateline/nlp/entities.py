"""Entities: spaCy's mentions corrected by the article itself, and actors from the lexicon.

Corrections that need no model: a single-word mention that repeats the surname of a person named
earlier is that person ("said Afrin" after "Adnan Afrin"); an acronym defined in the text
("The Syrian Democratic Forces (SDF)") binds to the actor of its long form; a generic mention
("the jihadists") resolves to the armed group the article is about when only one is named.

Monitors cited as sources ("the Syrian Observatory for Human Rights", "OSDH") and states named by
their country ("the United States", "US") are entities with their canonical name as ``actor``,
though never event parties (:func:`party_entities` is what the event coder reads). Entities may
nest: the name that ends an actor's mention after "of", "by" or "to" is an entity of its own,
the state or the person it names ("the coalition led by the United States", "the regime of
Bashar Al Asad"); :func:`outermost` leaves such names out.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from dateline.model import Actor, Entity
from dateline.nlp.actors import ActorLexicon

KEEP_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT"})
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
_PLACE_CUE = re.compile(
    r"(?:\b(?:city|town|village|province|district|governorate|region|outskirts|suburbs?|"
    r"liberation|capture|recapture|siege|countryside|north|south|east|west) of|\b(?:near|"
    r"outside|around)|[A-Za-z]+-held)\s+(?:the\s+)?$", re.I)
_DEMONYM = re.compile(r"(?:an|ans|ese|ish|i|is|ic|ite|ites|s)$")
_DIRECTION_BEFORE = re.compile(r"\b(?:northern|southern|eastern|western|central|north-?eastern|"
                               r"north-?western|south-?eastern|south-?western) $")
_LOCATIVE = re.compile(r"\b(?i:in|at|towards?|into|across)\s+$")
_ACRONYM_DEF = re.compile(
    r"(?P<long>(?:[A-Z][\w'-]+\s+){1,6}[A-Z][\w'-]+)\s+\((?P<short>[A-Z]{2,6})\)")
# The name that ends an actor's mention: 'regime of Bashar Al Asad', 'led by the United States'.
_NAME_IN_MENTION = re.compile(
    r"\b(?:of|by|to)\s+(?:the\s+)?(?P<name>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,4})$")


def spacy_entities(doc: Any) -> list[Entity]:
    return [
        Entity(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in KEEP_LABELS
    ]


def _overlaps(a: Entity, start: int, end: int) -> bool:
    return a.start < end and start < a.end


def _is_country(name: str, lexicon: ActorLexicon) -> bool:
    """Whether ``name`` names a country ('Israel' in 'Israel Katz' stays a country)."""
    return lexicon.civilians(name).country is not None


def _name_fixes(entities: list[Entity], lexicon: ActorLexicon) -> list[Entity]:
    """A one-word mention that repeats the first name or surname of a person the article names
    in full is that person: 'said Afrin' with 'Adnan Afrin', 'Karim replied' with 'Karim
    Wasifi'. Country names are left alone ('Israel' with 'Israel Katz')."""
    names: set[str] = set()
    for ent in entities:
        words = ent.text.split()
        if ent.label == "PERSON" and len(words) >= 2:
            names.update(w for w in (words[0], words[-1]) if len(w) > 2 and w[0].isupper())
    names = {n for n in names if not _is_country(n, lexicon)}
    return [Entity(e.start, e.end, e.text, "PERSON")
            if e.label in ("GPE", "ORG", "LOC", "FAC") and e.text in names else e
            for e in entities]


def _place_cue(text: str, ent: Entity) -> bool:
    """A name the model took for a person or a group, in a place's slot: 'the town of Dabiq',
    'near Sinjar', 'ISIL-held Karabilah'; a one-word 'person' also after 'in', 'at', 'toward',
    'into' or 'across'."""
    if ent.label not in ("PERSON", "ORG", "NORP") or ent.actor or ent.text.isupper():
        return False
    if ent.label == "NORP" and _DEMONYM.search(ent.text):
        return False  # 'Kurdish', 'Syrians', 'Yazidi': a people, wherever it stands
    before = text[max(0, ent.start - 40):ent.start]
    if _PLACE_CUE.search(before):
        return True
    return ent.label != "ORG" and " " not in ent.text and bool(_LOCATIVE.search(before)) \
        and not text.startswith("'s", ent.end)


def _with_direction(text: str, ent: Entity) -> Entity:
    """'northern Iraq', 'eastern Aleppo': the direction word belongs to the place mention."""
    if ent.label not in ("GPE", "LOC"):
        return ent
    found = _DIRECTION_BEFORE.search(text, max(0, ent.start - 16), ent.start)
    if found is None:
        return ent
    return Entity(found.start(), ent.end, text[found.start():ent.end], ent.label, ent.actor)


def _place_fixes(text: str, entities: list[Entity]) -> list[Entity]:
    """Model persons and groups that are places, by their slot (:func:`_place_cue`) or by a
    leading 'Near' ('Near Palmyra, one strike...'), and every other mention of the same name
    labelled the same way (one sense per article)."""
    places: set[tuple[str, str]] = set()
    out = []
    for ent in (_with_direction(text, e) for e in entities):
        if ent.label in ("PERSON", "ORG") and ent.text.startswith("Near ") and not ent.actor:
            ent = Entity(ent.start + 5, ent.end, ent.text[5:], "GPE")
        elif _place_cue(text, ent):
            places.add((ent.text, ent.label))
            ent = Entity(ent.start, ent.end, ent.text, "GPE")
        out.append(ent)
    return [_with_direction(text, Entity(e.start, e.end, e.text, "GPE"))
            if (e.text, e.label) in places else e for e in out]


def _acronym_bindings(text: str, lexicon: ActorLexicon) -> dict[str, Actor]:
    bindings = {}
    for m in _ACRONYM_DEF.finditer(text):
        long_form = re.sub(r"^(?:The|the)\s+", "", m.group("long"))
        actor = lexicon.get(long_form)
        if actor is not None:
            bindings[m.group("short")] = actor
    return bindings


def _actor_entities(text: str, lexicon: ActorLexicon, model: list[Entity]) -> list[Entity]:
    """Actors, then acronyms bound in the text, then monitors and states, each where nothing
    found before overlaps (:func:`_named_entity`)."""
    bindings = _acronym_bindings(text, lexicon)
    found = [Entity(s, e, text[s:e], "ORG", actor.name) for s, e, actor in lexicon.match(text)]
    for short, actor in bindings.items():
        for m in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)", text):
            if not any(_overlaps(f, m.start(), m.end()) for f in found):
                found.append(Entity(m.start(), m.end(), short, "ORG", actor.name))
    for start, end, name, kind in lexicon.named(text):
        if not any(_overlaps(f, start, end) for f in found):
            named = _named_entity(text, Entity(start, end, text[start:end], "ORG", name),
                                  kind, model)
            found += [named] if named else []
    return found


def _named_entity(text: str, mention: Entity, kind: str, model: list[Entity]) -> Entity | None:
    """A monitor is an entity of its own (without its 'the') unless a longer name holds it;
    a state named by its country only where the model saw that name, with the
    model's span and label ('the United States', not the 'US' of 'US Central Command' or of
    'US forces', a nationality)."""
    around = [e for e in model if e.start <= mention.start and mention.end <= e.end]
    seen = next((e for e in around if e.end == mention.end and re.fullmatch(
        r"(?:[Tt]he\s+)?", text[e.start:mention.start])), None)
    if kind != "state":
        if len(around) > (seen is not None):
            return None
        return mention if seen is None else dataclasses.replace(mention, label=seen.label)
    if seen is None:
        return None
    return Entity(seen.start, seen.end, seen.text, seen.label, mention.actor)


def _nested(text: str, actors: list[Entity], model: list[Entity], lexicon: ActorLexicon
            ) -> list[Entity]:
    """The name that ends an actor's mention after 'of', 'by' or 'to': the state it names
    ('the coalition led by the United States'), else a person where the model saw a name there
    that is no country ('the regime of Bashar Al Asad', which the model may call a group)."""
    out = []
    for outer in actors:
        found = _NAME_IN_MENTION.search(outer.text)
        if found is None or not outer.actor or not lexicon.is_party(outer.actor):
            continue
        start, end = outer.start + found.start("name"), outer.start + found.end("name")
        name = text[start:end]
        states = [n for n in lexicon.named(name) if n[3] == "state" and n[1] - n[0] == len(name)]
        if states:
            out.append(Entity(start, end, name, "GPE", states[0][2]))
        elif not _is_country(name, lexicon) and not lexicon.match(name) and any(
                e.label in ("PERSON", "ORG") and start <= e.start and e.end <= end for e in model):
            out.append(Entity(start, end, name, "PERSON"))
    return out


def outermost(entities: Sequence[Entity]) -> list[Entity]:
    """The entities that no longer one contains (``entities`` sorted by start, longest first)."""
    out: list[Entity] = []
    widest: Entity | None = None
    for ent in entities:
        if widest is not None and ent.end <= widest.end and (
                (widest.start, widest.end) != (ent.start, ent.end)):
            continue
        out.append(ent)
        if widest is None or ent.end > widest.end:
            widest = ent
    return out


def party_entities(entities: Sequence[Entity], lexicon: ActorLexicon) -> tuple[Entity, ...]:
    """What the event coder may take as parties: the outermost entities, with no ``actor`` where
    it names a monitor or a state by its country (never an event party)."""
    return tuple(dataclasses.replace(e, actor=None) if e.actor and not lexicon.is_party(e.actor)
                 else e for e in outermost(entities))


def _resolve_generic(entities: list[Entity], lexicon: ActorLexicon) -> list[Entity]:
    """Generic mentions ('the jihadists') take the one armed group of that kind the article
    names."""
    named = Counter(
        e.actor for e in entities if e.actor and not lexicon.is_generic(e.text)
    )
    out = []
    for ent in entities:
        if ent.actor and lexicon.is_generic(ent.text):
            actor = lexicon.get(ent.actor)
            candidates = [n for n in named if actor and n == actor.name]
            if not candidates:
                ent = Entity(ent.start, ent.end, ent.text, "NORP", None)
        out.append(ent)
    return out


def merge_entities(text: str, model_entities: list[Entity], lexicon: ActorLexicon) -> list[Entity]:
    """Model mentions and lexicon actors in one list, actors winning where they overlap."""
    actors = _actor_entities(text, lexicon, model_entities)
    kept = [
        e for e in _name_fixes(_place_fixes(text, model_entities), lexicon)
        if not any(_overlaps(a, e.start, e.end) for a in actors)
        or e.label == "PERSON" and not any(a.start <= e.start and e.end <= a.end for a in actors)
    ]
    actors = [a for a in actors if not any(
        k.label == "PERSON" and _overlaps(k, a.start, a.end) for k in kept
    )]
    nested = _nested(text, actors, model_entities, lexicon)
    merged = sorted(kept + actors + nested, key=lambda e: (e.start, -e.end))
    return _resolve_generic(merged, lexicon)


def main_armed_actors(entities: list[Entity], lexicon: ActorLexicon) -> list[str]:
    """Armed actors of the article, most mentioned first."""
    counts: Counter[str] = Counter()
    for ent in entities:
        actor = lexicon.get(ent.actor) if ent.actor else None
        if actor is not None and actor.inter in ARMED_INTER and lexicon.is_party(actor.name):
            counts[actor.name] += 1
    return [name for name, _ in counts.most_common()]
