"""Who did what to whom: actor1 (the one acting) and actor2 (the one acted on) in a clause.

Read from the dependency parse: an agent phrase ("attacks by X"), an active subject, the owner
or the modifier of an act named by a noun ("the army's offensive", "police firing", "at the hands
of X") act; a passive subject, the subject of a verb of suffering ("X suffered two attacks"), an
object or an "against"/"on" phrase is acted on. The one who speaks ("police said", "according to
the army") is a source, not an actor of the event.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.model import Entity

SUFFER_VERBS = frozenset({"suffer", "face", "endure", "sustain", "lose", "come", "receive",
                          "repel", "repulse", "withstand"})
TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "toward", "towards", "into"})
ACT_NOUNS = frozenset({"attack", "firing", "fire", "shelling", "strike", "airstrike", "raid",
                       "action", "crackdown", "assault", "offensive", "bombardment", "operation",
                       "ambush", "onslaught", "advance", "incursion", "gunfire", "bombing",
                       "charge", "lathicharge", "killing", "shooting"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "source",
                          "statement", "representative", "communique", "spokesmen"})
SPEECH_VERBS = frozenset({"say", "tell", "claim", "report", "add", "confirm", "state", "announce",
                          "allege", "suspect", "believe", "deny", "accuse", "blame", "quote",
                          "estimate", "note", "insist", "warn"})


@dataclass(frozen=True)
class Roles:
    actor1: str = ""
    actor2: str = ""
    assoc1: str = ""
    assoc2: str = ""


def _says_of_itself(verb: Any) -> bool:
    """'the army said it had recaptured the town': the speaker is the one acting."""
    for clause in verb.children:
        if clause.dep_ == "ccomp":
            return any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PRON" and
                       c.lower_ in ("it", "they", "we") for c in clause.children)
    return False


def _role_of(token: Any) -> str | None:
    """'1', '2', 'source' or None for the head word of an actor mention."""
    if any(c.dep_ in ("acl", "amod") and c.lemma_ in ACT_NOUNS for c in token.children):
        return "1"  # 'in police firing' parsed as police <- firing
    for node in [token, *token.ancestors]:
        dep = node.dep_
        head = node.head
        if dep == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return "source"
        if dep == "pobj" and head.lower_ in ("for", "of") and head.head.lemma_ in SPOKESPEOPLE:
            return "source"
        if dep in ("compound", "poss") and head.lemma_ in ACT_NOUNS:
            return "1"
        if dep == "pobj" and head.lower_ == "of" and head.head.lower_ == "hands":
            return "1"
        if dep == "pobj" and head.lower_ == "by":
            return "1"
        if dep == "pobj" and head.lower_ in TARGET_PREPS:
            return "2"
        if dep == "nsubjpass":
            return "2"
        if dep == "nsubj" and head.lemma_ in SPEECH_VERBS:
            return "1" if _says_of_itself(head) else "source"
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
        if role == "source":
            continue
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


def role_at(spacy_doc: Any | None, start: int, end: int) -> str | None:
    """The role ('1', '2', 'source' or None) of the mention at text[start:end]."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand") if spacy_doc else None
    return _role_of(span.root) if span is not None else None


def names_no_actor(spacy_doc: Any | None, start: int, end: int) -> bool:
    """Whether a party word at text[start:end] names no one acting in the clause: a source
    ('police said', 'according to the army') or the modifier of a thing ('police station',
    'army headquarters')."""
    if spacy_doc is None:
        return False
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_ not in ACT_NOUNS:
        return True
    return _role_of(root) == "source"
