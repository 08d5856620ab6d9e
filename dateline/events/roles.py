"""Who did what to whom: actor1 (the one acting) and actor2 (the one acted on) in a clause.

Read from the dependency parse: an agent phrase ("attacks by X") and an active subject act; a
passive subject, the subject of a verb of suffering ("X suffered two attacks"), an object or an
"against"/"on" phrase is acted on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.model import Entity

SUFFER_VERBS = frozenset({"suffer", "face", "endure", "sustain", "lose", "come", "receive",
                          "repel", "repulse", "withstand"})
TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "toward", "towards", "into"})


@dataclass(frozen=True)
class Roles:
    actor1: str = ""
    actor2: str = ""
    assoc1: str = ""
    assoc2: str = ""


def _role_of(token: Any) -> str | None:
    """'1', '2' or None for the head word of an actor mention."""
    for node in [token, *token.ancestors]:
        dep = node.dep_
        head = node.head
        if dep == "pobj" and head.lower_ == "by":
            return "1"
        if dep == "pobj" and head.lower_ in TARGET_PREPS:
            return "2"
        if dep == "nsubjpass":
            return "2"
        if dep == "nsubj":
            return "2" if head.lemma_ in SUFFER_VERBS else "1"
        if dep in ("dobj", "obj"):
            return "2"
        if dep in ("ROOT", "ccomp", "advcl", "relcl"):
            return None
    return None


def assign_roles(sentence_actors: list[Entity], spacy_doc: Any | None) -> Roles:
    """actor1/actor2 from the parse where it speaks, else in order of mention."""
    first: list[str] = []
    second: list[str] = []
    unknown: list[str] = []
    for ent in sentence_actors:
        assert ent.actor is not None
        role = None
        if spacy_doc is not None:
            span = spacy_doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is not None:
                role = _role_of(span.root)
        bucket = first if role == "1" else second if role == "2" else unknown
        if ent.actor not in bucket:
            bucket.append(ent.actor)
    for name in unknown:
        if name in first or name in second:
            continue
        (first if not first else second).append(name)
    first = [n for n in first if n not in second] or first
    actor1 = first[0] if first else ""
    rest1 = [n for n in first[1:] if n != actor1]
    second = [n for n in second if n != actor1]
    actor2 = second[0] if second else ""
    return Roles(actor1, actor2, "; ".join(rest1), "; ".join(second[1:]))
