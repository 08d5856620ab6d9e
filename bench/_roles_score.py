"""Scoring of suite `roles`: each gold mention's role from dateline and from word order.

The trigger a mention's role is read against, the same for both sides and the same parse:
PLOVER, the gold trigger; cameo_ner, the sentence's main verb
(:func:`dateline.events.roles.main_verb`: the root, or what a reporting root reports: CAMEO
codes a sentence's main event); MUC-4, the trigger of ``dateline/data/triggers.json`` nearest
the mention in its sentence (not inside it), else the main verb (MUC-4's templates are the
attacks, not what is said of them).

dateline: :func:`dateline.events.roles.role_for` ('source', a speaker outside the event, is
read by word order like the baseline). Baseline: word order, a mention that starts before the
trigger acts ("1"), one after it is acted on ("2"). A second baseline, printed beside it: plain
spaCy, the mention's noun phrase is a subject or a passive's 'by' agent ("1"), else "2". And
dateline given no trigger (its own clause, then the main verb), as the event coder reads roles.

MUC-4 texts are upper case; they are parsed in sentence case (lower case, the first letter of
each sentence raised; line breaks as spaces), which keeps every offset.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from _roles_data import Mention, RoleSet, RoleText

from dateline.events.roles import main_verb, role_for
from dateline.events.triggers import TriggerLexicon

BOTH = "both"


def sentence_case(text: str) -> str:
    lowered = text.replace("\n", " ").lower()
    return re.sub(r"(^\s*|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), lowered)


def reference_trigger(item: RoleText, spacy_doc: Any, mention: Mention,
                      lexicon: TriggerLexicon | None) -> tuple[int, int] | None:
    """The gold trigger; else, with a lexicon, its trigger nearest the mention in the
    mention's sentence; else (or with no trigger there) the sentence's main verb."""
    if item.trigger is not None:
        return item.trigger
    span = spacy_doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    hits = [h for h in lexicon.find(spacy_doc.text, sent.start_char, sent.end_char)
            if h.end <= mention.start or mention.end <= h.start] if lexicon else []
    if hits:
        near = min(hits, key=lambda h: min(abs(h.start - mention.end),
                                           abs(mention.start - h.end)))
        return near.start, near.end
    verb = main_verb(sent)
    return verb.idx, verb.idx + len(verb)


def word_order(mention: Mention, trigger: tuple[int, int]) -> str:
    return "1" if mention.start < trigger[0] else "2"


def subject_rule(spacy_doc: Any, mention: Mention) -> str:
    """The second baseline: plain spaCy, the head of the mention's noun phrase is a subject or a
    passive's 'by' agent ("1"), anything else is acted on ("2")."""
    span = spacy_doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return "2"
    token = span.root
    while token.dep_ in ("compound", "amod", "conj", "appos", "poss", "nmod", "nummod"):
        token = token.head
    agent = token.dep_ == "pobj" and token.head.dep_ == "agent"
    return "1" if token.dep_ in ("nsubj", "csubj") or agent else "2"


@dataclass
class SetOutcome:
    name: str
    gold: list[str] = field(default_factory=list)
    ours: list[str] = field(default_factory=list)
    base: list[str] = field(default_factory=list)
    rule: list[str] = field(default_factory=list)  # the spaCy subject rule
    clause: list[str] = field(default_factory=list)  # dateline given no trigger
    entities: list[str] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)  # error classes, not texts
    unaligned: int = 0

    def accuracy(self, side: list[str]) -> float:
        right = sum(g in (p, BOTH) for g, p in zip(self.gold, side, strict=True))
        return right / len(self.gold) if self.gold else 0.0

    def entity_accuracy(self, side: list[str]) -> float:
        """Per gold entity: the majority of its mentions' roles (the first mention on a tie)."""
        votes: dict[str, list[str]] = {}
        gold: dict[str, str] = {}
        for entity, g, p in zip(self.entities, self.gold, side, strict=True):
            votes.setdefault(entity, []).append(p)
            gold[entity] = g
        right = 0
        for entity, roles in votes.items():
            counts = Counter(roles).most_common()
            top = roles[0] if len(counts) > 1 and counts[0][1] == counts[1][1] else counts[0][0]
            right += top == gold[entity]
        return right / len(votes) if votes else 0.0


def _error_class(spacy_doc: Any, mention: Mention, gold: str, predicted: str) -> str:
    span = spacy_doc.char_span(mention.start, mention.end, alignment_mode="expand")
    dep = span.root.dep_ if span is not None else "?"
    return f"gold {gold} read {predicted} ({dep})"


def evaluate(role_set: RoleSet, nlp: Any, lexicon: TriggerLexicon | None) -> SetOutcome:
    """Every gold mention read by dateline and by word order against the same trigger (the
    lexicon's, when one is given, where the set has no gold trigger)."""
    outcome = SetOutcome(role_set.name, unaligned=role_set.unaligned)
    texts = [sentence_case(t.text) if role_set.name == "muc4" else t.text
             for t in role_set.texts]
    for item, spacy_doc in zip(role_set.texts, nlp.pipe(texts), strict=True):
        for number, mention in enumerate(item.mentions):
            trigger = reference_trigger(item, spacy_doc, mention, lexicon)
            if trigger is None:
                continue
            base = word_order(mention, trigger)
            ours = role_for(spacy_doc, mention.start, mention.end, *trigger)
            ours = ours if ours in ("1", "2") else base
            outcome.gold.append(mention.gold)
            outcome.ours.append(ours)
            outcome.base.append(base)
            outcome.rule.append(subject_rule(spacy_doc, mention))
            alone = role_for(spacy_doc, mention.start, mention.end)
            outcome.clause.append(alone if alone in ("1", "2") else base)
            outcome.entities.append(mention.entity or f"{item.id}:{number}")
            if mention.gold not in (ours, BOTH):
                outcome.examples.append(_error_class(spacy_doc, mention, mention.gold, ours))
    return outcome


def report(outcome: SetOutcome) -> list[str]:
    counts = Counter(outcome.gold)
    lines = [f"[roles/{outcome.name}] {len(outcome.gold)} mentions ({counts['1']} acting, "
             f"{counts['2']} acted on, {counts[BOTH]} mutual); {outcome.unaligned} gold spans "
             f"not found in the text; dateline {outcome.accuracy(outcome.ours):.3f}, "
             f"word order {outcome.accuracy(outcome.base):.3f}, spaCy subject rule "
             f"{outcome.accuracy(outcome.rule):.3f}",
             f"[roles/{outcome.name}] dateline's errors by gold role, reading and the "
             f"mention head's dependency:"]
    lines += [f"  {n:4}  {label}" for label, n in Counter(outcome.examples).most_common(10)]
    return lines
