"""Is a trigger an event that happened? Negations, hypotheticals, plans and predictions,
habits, causes, and happenings referred to in proceedings or remembrance ('arrested in
connection with the abduction of') are not.

Where the dependency parse is there, the modal, the negation or the plan must govern the
trigger's own verb: in "police said the toll could rise after gunmen killed five", 'could'
belongs to 'rise', not to 'killed'. Without a parse, a cue anywhere in the sentence counts.

    >>> from dateline.events.triggers import TriggerHit
    >>> from dateline.nlp.model import load_spacy
    >>> nlp = load_spacy()
    >>> text = "The rebels threatened to attack the town."
    >>> hit = TriggerHit(26, 32, "attack", "Attack", 0.35)
    >>> skip_reason(text, hit, 0, len(text), nlp(text))
    'hypothetical'
    >>> text = "Police said the toll could rise after gunmen killed five."
    >>> skip_reason(text, TriggerHit(45, 51, "killed", "Attack", 0.3), 0, len(text), nlp(text))
"""

from __future__ import annotations

import re
from typing import Any

from dateline.events.triggers import TriggerHit

_NEGATION = re.compile(r"\b(?:no|not|never|denied|deny|denies|without|nor|false)\b[^.,;]{0,30}$",
                       re.I)
_HYPOTHETICAL = re.compile(r"\b(?:would|could|might|may|if|unless|threaten(?:s|ed)? to|"
                           r"plans? to|planning to|intends? to|vowed to|ready to)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|is going to|are going to|is expected to|are expected to|"
                     r"in the coming (?:days|weeks|months)|next week|tomorrow)\b", re.I)
_CAUSE = re.compile(r"\b(?:fleeing|fled|flee|escaping|escaped|because of|due to|amid|"
                    r"after years of|fear of)\s+(?:[\w-]+,?\s+){0,3}?(?:and\s+|or\s+)?$", re.I)
_REFERENCE = re.compile(r"\s+(?:came|comes|follows|followed|was the (?:latest|deadliest))\b", re.I)
_HABITUAL = re.compile(r"\b(?:(?:almost |nearly )?every (?:day|week|month|night)|regularly|"
                       r"routinely|frequently|often|usually|since the (?:winter|summer|spring|"
                       r"autumn|war|conflict|start|beginning))\b", re.I)
_PREVENTED = re.compile(r"\b(?:to prevent|to avert|to stop|to avoid|in anticipation of|"
                        r"in case of|for fear of|warned of|warning of|risk of|threat of)\s+"
                        r"(?:[\w-]+\s+){0,3}$", re.I)

_PROCEEDINGS = re.compile(r"\b(?:in connection with|accused of|charged with|suspected of|"
                          r"convicted of|acquitted of|involved in|blamed for|responsible for|"
                          r"masterminding|mastermind of|probe into|inquiry into|"
                          r"investigation into|investigating|trial (?:of|over|for)|"
                          r"sentenced for|complicity in|case of|cases of|fir (?:for|on)|"
                          r"booked for|arrested for|remembered?|anniversary of|memorial|"
                          r"claimed(?: responsibility for)?|condemned|denounced|"
                          r"saying it had)"
                          r"\s+(?:[\w'-]+\s+){0,6}?$", re.I)

# 'apprehending trouble': in Indian English, fearing it; not an arrest
_APPREHENSION = re.compile(r"\s+(?:(?:a|an|the|more|further|some|fresh|communal)\s+)?(?:trouble|"
                           r"violence|danger|attacks?|clash(?:es)?|tension|unrest|cross-voting|"
                           r"alienation|backlash|riots?|that|possibility|threat)\b", re.I)
# A noun trigger that is what someone demands ('demanded arrest of the leaders', 'called for a
# ban and the arrest of its leaders') tells no arrest.
DEMAND_VERBS = frozenset({"demand", "call", "seek", "urge", "want", "ask", "press", "favour",
                          "favor", "suggest", "recommend", "propose"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Sub-event types a noun can name as something demanded rather than done ('called for the
# arrest of', 'demanding the release of prisoners'); the rule for every type cost CASE snippets.
DEMANDABLE = frozenset({"Arrests", "Agreement"})
PLAN_VERBS = frozenset({"threaten", "plan", "intend", "vow", "want", "prepare", "aim", "seek",
                        "try", "attempt", "expect", "hope", "pledge", "promise", "propose",
                        "decide", "call", "urge", "demand", "ask", "warn", "fear", "allow",
                        "order", "refuse"})


def _own_modality(node: Any, trigger: Any) -> str | None:
    """The negation, modal or condition that a word itself carries."""
    for child in node.children:
        word = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and word == "no" and node is trigger):
            return "negated"
        if child.dep_ in ("aux", "auxpass") and word in HYPOTHETICAL_AUX:
            return "hypothetical"
        if child.dep_ in ("aux", "auxpass") and word in FUTURE_AUX:
            return "future"
        if child.dep_ == "mark" and word in ("if", "unless"):
            return "hypothetical"
    return None


def _parsed_modality(spacy_doc: Any, hit: TriggerHit) -> str | None:
    """Climb from the trigger to the verb of its own clause ('troops deployed' inside 'a
    victory would pave the way for the announcement of troops deployed' is governed by 'would
    pave'), reading the modality of each verb passed; stop at a clause of its own (an adverbial
    or relative clause, reported speech) unless a verb of planning or threatening governs it."""
    span = spacy_doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return None
    trigger = node = span.root
    if hit.sub_event_type in DEMANDABLE and trigger.pos_ == "NOUN" and _demanded(trigger):
        return "demanded, not told as done"  # 'demanding the release of prisoners'
    for _ in range(12):
        if node is trigger or node.pos_ in ("VERB", "AUX"):
            reason = _own_modality(node, trigger)
            if reason is not None:
                return reason
        dep, head = node.dep_, node.head
        if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since"
                                  for c in node.children) and told_in_past(spacy_doc, hit):
            return "a past happening referred to (proceedings, remembrance)"  # 'since it took'
        if dep in ("ROOT", "advcl", "relcl", "parataxis") or head is node:
            return None
        if dep in ("xcomp", "ccomp"):
            if head.lemma_ in PLAN_VERBS:
                return "hypothetical"
            if dep == "ccomp":
                return None
        node = head
    return None


def _demanded(noun: Any) -> bool:
    """Whether a noun trigger is the object of a demand, through conjuncts and prepositions
    ('demanded arrest', 'called for a ban and the arrest of its leaders')."""
    node = noun
    for _ in range(5):
        dep, head = node.dep_, node.head
        if head is node:
            return False
        if dep in ("dobj", "obj", "pobj") and head.pos_ in ("VERB", "AUX"):
            return head.lemma_ in DEMAND_VERBS
        if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            return head.head.lemma_ in DEMAND_VERBS
        if dep not in ("conj", "pobj", "prep", "compound", "amod"):
            return False
        node = head
    return False


def skip_reason(text: str, hit: TriggerHit, start: int, end: int, spacy_doc: Any | None
                ) -> str | None:
    """Why the trigger at ``hit`` in the sentence text[start:end] is no event; None if it is."""
    if hit.text.lower().startswith("apprehend") and _APPREHENSION.match(text, hit.end):
        return "apprehension (fear), not an arrest"
    before = text[start:hit.start]
    if _REFERENCE.match(text, hit.end):
        return "refers to the article's main event"
    if _NEGATION.search(before):
        return "negated"
    if _CAUSE.search(before):
        return "cause of another happening"
    if _PREVENTED.search(before):
        return "something prevented or feared"
    if _PROCEEDINGS.search(before):
        return "a past happening referred to (proceedings, remembrance)"
    clause = text[start:end]
    if _HABITUAL.search(clause):
        return "habitual, not one happening"
    if spacy_doc is not None:
        return _parsed_modality(spacy_doc, hit)
    if _HYPOTHETICAL.search(clause):
        return "hypothetical"
    if _FUTURE.search(clause):
        return "future"
    return None


def told_in_past(spacy_doc: Any | None, hit: TriggerHit) -> bool:
    """Whether the verb a trigger belongs to is in the past tense ('police fired', 'were
    killed'): a time read as future in such a clause was resolved the wrong way."""
    if spacy_doc is None:
        return False
    span = spacy_doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(6):
        if node.tag_ in ("VBD", "VBN") or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass")
                                              for c in node.children):
            return True
        if node.dep_ == "ROOT" or node.head is node:
            return False
        node = node.head
    return False
