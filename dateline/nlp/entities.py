"""Entities: spaCy's mentions corrected by the article itself, and actors from the lexicon.

Corrections that need no model: a single-word mention that repeats the surname of a person named
earlier is that person ("said Afrin" after "Adnan Afrin"); an acronym defined in the text
("The Syrian Democratic Forces (SDF)") binds to the actor of its long form; a generic mention
("the jihadists") resolves to the armed group the article is about when only one is named.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from dateline.model import Actor, Entity
from dateline.nlp.actors import ActorLexicon

KEEP_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "EVENT"})
ARMED_INTER = frozenset({1, 2, 3, 4, 8})
_ACRONYM_DEF = re.compile(r"(?P<long>(?:[A-Z][\w'-]+\s+){1,6}[A-Z][\w'-]+)\s+\((?P<short>[A-Z]{2,6})\)")


def spacy_entities(doc: Any) -> list[Entity]:
    return [
        Entity(ent.start_char, ent.end_char, ent.text, ent.label_)
        for ent in doc.ents
        if ent.label_ in KEEP_LABELS
    ]


def _overlaps(a: Entity, start: int, end: int) -> bool:
    return a.start < end and start < a.end


def _surname_fixes(entities: list[Entity]) -> list[Entity]:
    surnames: set[str] = set()
    out = []
    for ent in entities:
        if ent.label == "PERSON" and len(ent.text.split()) >= 2:
            surnames.add(ent.text.split()[-1])
        elif ent.label in ("GPE", "ORG", "LOC") and ent.text in surnames:
            ent = Entity(ent.start, ent.end, ent.text, "PERSON")
        out.append(ent)
    return out


def _acronym_bindings(text: str, lexicon: ActorLexicon) -> dict[str, Actor]:
    bindings = {}
    for m in _ACRONYM_DEF.finditer(text):
        long_form = re.sub(r"^(?:The|the)\s+", "", m.group("long"))
        actor = lexicon.get(long_form)
        if actor is not None:
            bindings[m.group("short")] = actor
    return bindings


def _actor_entities(text: str, lexicon: ActorLexicon) -> list[Entity]:
    bindings = _acronym_bindings(text, lexicon)
    found = [Entity(s, e, text[s:e], "ORG", actor.name) for s, e, actor in lexicon.match(text)]
    for short, actor in bindings.items():
        for m in re.finditer(rf"(?<!\w){re.escape(short)}(?!\w)", text):
            if not any(_overlaps(f, m.start(), m.end()) for f in found):
                found.append(Entity(m.start(), m.end(), short, "ORG", actor.name))
    return found


def _resolve_generic(entities: list[Entity], lexicon: ActorLexicon) -> list[Entity]:
    """Generic mentions ('the jihadists') take the one armed group of that kind the article names."""
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
    actors = _actor_entities(text, lexicon)
    kept = [
        e for e in _surname_fixes(model_entities)
        if not any(_overlaps(a, e.start, e.end) for a in actors)
        or e.label == "PERSON" and not any(a.start <= e.start and e.end <= a.end for a in actors)
    ]
    actors = [a for a in actors if not any(
        k.label == "PERSON" and _overlaps(k, a.start, a.end) for k in kept
    )]
    merged = sorted(kept + actors, key=lambda e: (e.start, -e.end))
    return _resolve_generic(merged, lexicon)


def main_armed_actors(entities: list[Entity], lexicon: ActorLexicon) -> list[str]:
    """Armed actors of the article, most mentioned first."""
    counts: Counter[str] = Counter()
    for ent in entities:
        actor = lexicon.get(ent.actor) if ent.actor else None
        if actor is not None and actor.inter in ARMED_INTER:
            counts[actor.name] += 1
    return [name for name, _ in counts.most_common()]
