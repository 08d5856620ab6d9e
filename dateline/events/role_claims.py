"""Every party on each side of an event, not only the nearest one (:func:`claim_roles`).

:func:`dateline.events.roles.pick_roles` claims, for each role, the candidate nearest the
trigger and whatever stands for the same noun (its conjuncts and modifiers). An event often has
more than one party on a side, and English says so in a few fixed ways, all read here from the
parse around the trigger:

- the verb's object and a recipient phrase of the same verb or of its object ("imposed
  sanctions on X", "signed a deal with Y", "sent troops to Z", "the suspension of talks with
  W"): everyone the trigger's clause names as acted on through an object, an "of" phrase of
  an act noun or a recipient preposition (to, with, against, on, toward, upon, between, ...)
  is a target;
- the owner of a claimed noun ("X's foreign minister") and its apposition ("the minister, Y")
  stand for the same actor, as PLOVER codes it (its actors are a country code with a sector:
  the country of an official is the actor): :func:`pick_roles` already claims them with the
  noun (``_anchor`` goes up through "poss" and "appos" links), so nothing is added for them.

Only the PLOVER end-to-end benchmark uses this (``bench/_roles_e2e.py``); the event coder reads
roles with :func:`dateline.events.roles.role_at` and is not changed by it.
"""

from __future__ import annotations

from typing import Any

from dateline.events.roles import candidate_reading, pick_roles

# Prepositions that name whom the act of a verb or of its object is done to or with.
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "upon",
                             "between", "among", "onto", "into", "over"})
# Links that keep a noun inside the trigger's own clause on the way down from the trigger.
_INSIDE = frozenset({"dobj", "obj", "dative", "iobj", "prep", "pobj", "conj", "appos", "cc",
                     "compound", "amod", "nmod", "poss", "attr", "oprd", "npadvmod", "xcomp"})

# The trigger's own objects, whose "of" and "by" phrases name whom the act is done to.
OWN_OBJECTS = frozenset({"dobj", "obj"})


def _governed(token: Any, trigger: Any) -> bool:
    """Whether the trigger's clause names the mention as acted on through its object, an "of"
    phrase or a recipient preposition ('imposed sanctions on X', 'talks with Y'), every link on
    the way staying inside the clause."""
    up = [token, *token.ancestors]
    if trigger not in up[1:]:
        return False
    path = up[: up.index(trigger)]
    if any(node.dep_ not in _INSIDE or (node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"))
           for node in path):
        return False
    preps = [node for node in path if node.dep_ == "prep"]
    if len(preps) > 2 or not all(_recipient(p, trigger) for p in preps):
        return False
    return bool(preps) or any(node.dep_ in ("dobj", "obj", "dative") for node in path)


def _recipient(prep: Any, trigger: Any) -> bool:
    """A preposition that names whom the trigger's act is done to: a recipient one ('to',
    'with', 'against' ...), or an 'of' or 'by' phrase of the trigger's object ('expelled
    members of X', 'rejected calls by X', 'violated a ban by X')."""
    word, head = prep.lower_, prep.head
    if word in RECIPIENT_PREPS:
        return True
    if word == "of":
        return head == trigger or (head.head == trigger and head.dep_ in OWN_OBJECTS)
    return word == "by" and head.head == trigger and head.dep_ in OWN_OBJECTS


def claim_roles(spacy_doc: Any, candidates: list[tuple[int, int]],
                trigger_start: int | None = None, trigger_end: int | None = None,
                ) -> list[tuple[int, int, str]]:
    """The sources ('1') and targets ('2') of the event at the trigger (else the main verb)
    among candidate actor mentions (start, end): :func:`pick_roles` (for each role the nearest
    candidate, with everything standing for the same noun), and every further candidate read
    as acted on (:func:`role_for`) that the trigger's clause governs (:func:`_governed`)."""
    out = pick_roles(spacy_doc, candidates, trigger_start, trigger_end)
    claimed = {(start, end) for start, end, _ in out}
    for start, end in candidates:
        reading = None if (start, end) in claimed else candidate_reading(
            spacy_doc, start, end, trigger_start, trigger_end)
        if reading is None:
            continue
        span, trigger, role = reading
        if role == "2" and _governed(span.root, trigger):
            out.append((start, end, "2"))
    return sorted(out)
