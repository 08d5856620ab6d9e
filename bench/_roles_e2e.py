"""End-to-end scoring of suite `roles` on PLOVER: from the sentence (and the gold trigger, the
event's anchor) find the source and the target actor; no gold actor span is given.

Scored per gold actor mention: right when the system claims a mention overlapping it with its
role (an (SRC/TAR: ..) mention of a mutual event is right with either role); source and target
accuracy apart; precision of the system's claims (a claim is right when it overlaps a gold
mention of its role or a mutual one).

dateline: candidate actor mentions are its entities (:func:`dateline.nlp.entities.merge_entities`
over spaCy's entities with the actor lexicon) of actor types (PERSON, ORG, GPE, NORP, and the
lexicon's actors), and words that head a noun phrase naming actors where no entity covers them:
the party words of ``triggers.json`` (police, troops, rebels, villagers ...) and
:data:`dateline.events.roles.ACTOR_HEADS` (government, officials, president ...). Source and
target from :func:`dateline.events.role_claims.claim_roles` against the gold trigger (and,
ungated, against the sentence's main verb: no trigger): :func:`dateline.events.roles.pick_roles`
(the nearest candidate of each role with its conjuncts, modifiers, owner and apposition) and
every further target the trigger's clause governs (its object, an "of"/"by" phrase of the
object, a "to", "with", "against", "on" ... phrase of the verb or of its object). Baseline: plain
spaCy NER, the first named entity (PERSON, ORG, GPE, NORP) of the sentence is the source, the
next one the target.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from _roles_data import Mention, RoleSet

from dateline.events.parties import ClauseCues
from dateline.events.role_claims import claim_roles
from dateline.events.roles import ACTOR_HEADS, names_actors
from dateline.nlp.actors import ActorLexicon
from dateline.nlp.entities import merge_entities, spacy_entities

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
Claim = tuple[int, int, str]


def entity_order(spacy_doc: Any) -> list[Claim]:
    """The baseline: the first named entity of an actor type is the source, the next the
    target."""
    ents = [e for e in spacy_doc.ents if e.label_ in ACTOR_LABELS]
    return [(e.start_char, e.end_char, role) for e, role in zip(ents, ("1", "2"), strict=False)]


def candidates(spacy_doc: Any, lexicon: ActorLexicon, cues: ClauseCues) -> list[tuple[int, int]]:
    """dateline's candidate actor mentions: entities of actor types, then party words and
    actor heads no entity covers."""
    text = spacy_doc.text
    found = [(e.start, e.end) for e in merge_entities(text, spacy_entities(spacy_doc), lexicon)
             if e.label in ACTOR_LABELS or e.actor]
    words = [(p.start, p.end) for p in cues.parties(text)]
    words += [(t.idx, t.idx + len(t)) for t in spacy_doc
              if t.lower_ in ACTOR_HEADS and t.pos_ in ("NOUN", "PROPN")]
    for start, end in sorted(words):
        if not names_actors(spacy_doc, start, end):
            continue
        if not any(s < end and start < e for s, e in found):
            found.append((start, end))
    return sorted(found)


@dataclass
class Side:
    gold: list[str] = field(default_factory=list)  # per gold mention: its role
    right: list[bool] = field(default_factory=list)
    claims: int = 0
    claims_right: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, mentions: list[Mention], claims: list[Claim]) -> None:
        for m in mentions:
            over = [c for c in claims if c[0] < m.end and m.start < c[1]]
            ok = any(c[2] == m.gold or m.gold == "both" for c in over)
            self.gold.append(m.gold)
            self.right.append(ok)
            if not ok:
                self.errors["not found" if not over else "found, wrong role"] += 1
        for c in claims:
            self.claims += 1
            hit = any(c[0] < m.end and m.start < c[1] and m.gold in (c[2], "both")
                      for m in mentions)
            self.claims_right += hit
            if not any(c[0] < m.end and m.start < c[1] for m in mentions):
                self.errors["claim on no gold actor"] += 1

    def accuracy(self, role: str | None = None) -> float:
        pairs = [r for g, r in zip(self.gold, self.right, strict=True) if role in (None, g)]
        return sum(pairs) / len(pairs) if pairs else 0.0

    def precision(self) -> float:
        return self.claims_right / self.claims if self.claims else 0.0


@dataclass
class EndToEnd:
    ours: Side = field(default_factory=Side)
    alone: Side = field(default_factory=Side)  # dateline against the main verb, no trigger
    base: Side = field(default_factory=Side)


def evaluate(role_set: RoleSet, nlp: Any) -> EndToEnd:
    lexicon, cues = ActorLexicon.load(), ClauseCues.load()
    outcome = EndToEnd()
    for item, spacy_doc in zip(role_set.texts, nlp.pipe(t.text for t in role_set.texts),
                               strict=True):
        found = candidates(spacy_doc, lexicon, cues)
        trigger = item.trigger or (None, None)
        outcome.ours.add(item.mentions, claim_roles(spacy_doc, found, *trigger))
        outcome.alone.add(item.mentions, claim_roles(spacy_doc, found))
        outcome.base.add(item.mentions, entity_order(spacy_doc))
    return outcome


def report(outcome: EndToEnd) -> list[str]:
    lines = []
    for name, side in (("dateline", outcome.ours), ("dateline, no trigger", outcome.alone),
                       ("entity order", outcome.base)):
        lines.append(f"[roles/plover end to end] {name}: actor-role accuracy "
                     f"{side.accuracy():.3f} (source {side.accuracy('1'):.3f}, target "
                     f"{side.accuracy('2'):.3f}, mutual {side.accuracy('both'):.3f}), precision "
                     f"{side.precision():.3f} of {side.claims} claims; errors: "
                     + ", ".join(f"{label} {n}" for label, n in side.errors.most_common()))
    return lines
