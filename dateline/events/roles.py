"""Who did what to whom: actor1 (the one acting) and actor2 (the one acted on) in a clause.

Read from the dependency parse: an agent phrase ("attacks by X"), an active subject, the owner
or the modifier of an act named by a noun ("the army's offensive", "police firing", "at the hands
of X") act; a passive subject, the subject of a verb of suffering ("X suffered two attacks"), an
object or an "against"/"on" phrase is acted on. The one who speaks ("police said", "according to
the army") is a source, not an actor of the event. This is what the event coder uses
(:func:`assign_roles`, :func:`role_at`).

:func:`role_for` reads a mention against a given trigger (or the sentence's main verb,
:func:`main_verb`): the first dependency on the way from the trigger down to the mention that
says something decides (subject, passive subject, object, indirect object, "by" agent, "to",
"against", "on", "from" or "with" phrase, the owner of an act noun, "the removal of X"); a clause
under the trigger with its own subject ("threatened to strike unless Y ...", "demanded that Y
...") is what the event is about. Above the trigger: control ("X agreed to attack", "urged Y to
attack": the object controls), coordination of verbs, participles, light verbs ("X launched an
attack", "Y suffered an attack", "Y was killed in an attack"), relative and participle clauses
("rebels who attacked", "the town the rebels attacked", "refugees forced out"), a reporter
("police said gunmen attacked") as source. Stance participles ("X is opposed to") act; the
possessor of an act that befalls someone ("the journalist's arrest") is acted on. Where the parse
says nothing, word order: a mention before the trigger acts.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from dateline.model import Entity

SUFFER_VERBS = frozenset({"suffer", "face", "endure", "sustain", "lose", "come", "receive",
                          "repel", "repulse", "withstand"})
TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "toward", "towards", "into"})
ACT_NOUNS = frozenset({"attack", "firing", "fire", "shelling", "strike", "airstrike", "raid",
                       "action", "crackdown", "assault", "offensive", "bombardment", "operation",
                       "ambush", "onslaught", "advance", "incursion", "gunfire", "bombing",
                       "charge", "lathicharge", "killing", "shooting", "bullet"})
# Verbs of harm whose passive relative clause makes its noun the one harmed.
HARM_VERBS = frozenset({"kill", "shoot", "slay", "murder", "lynch", "stab", "wound", "injure",
                        "burn", "hack", "behead", "execute", "massacre", "abduct", "kidnap",
                        "arrest", "detain", "capture", "beat", "torture", "gun", "target",
                        "attack"})
# Act nouns whose owner, named right before them, fires: 'police firing' even where the parse
# reads 'in police firing' as a preposition's object followed by a verb.
FIRING_NOUNS = frozenset({"firing", "shelling", "gunfire", "bullet", "bullets"})
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "source",
                          "statement", "representative", "communique", "spokesmen"})
# Whoever finds the dead or a cache reports what others did ('police found 13 bodies').
FIND_VERBS = frozenset({"find", "discover", "exhume", "retrieve"})
SPEECH_VERBS = frozenset({"say", "tell", "claim", "report", "add", "confirm", "state", "announce",
                          "allege", "suspect", "believe", "deny", "accuse", "blame", "quote",
                          "estimate", "note", "insist", "warn"})


# The subject of a reported clause that is the speaker again ('X said it would', 'X said their
# forces had withdrawn').
SELF = frozenset({"it", "they", "we", "he", "she", "i"})
SELF_OWNERS = frozenset({"its", "their", "our", "his", "her", "my"})


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
            return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in SELF or any(
                g.dep_ == "poss" and g.lower_ in SELF_OWNERS for g in c.children))
                for c in clause.children)
    return False


def _role_of(token: Any) -> str | None:
    """'1', '2', 'source' or None for the head word of an actor mention."""
    if any(c.dep_ in ("acl", "amod") and c.lemma_ in ACT_NOUNS for c in token.children):
        return "1"  # 'in police firing' parsed as police <- firing
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if token.dep_ == "pobj" and after is not None and after.lower_ in FIRING_NOUNS:
        return "1"  # 'injuries sustained in police firing', the parse's 'firing' a verb
    if any(c.dep_ in ("relcl", "acl") and c.lemma_ in HARM_VERBS and _relative(token, c) == "2"
           for c in token.children):
        return "2"  # 'one of the terrorists who were shot dead, gave ...': the one harmed
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
        if dep == "nsubj" and head.lemma_ in FIND_VERBS:
            return "source"
        if dep == "nsubj":
            return "2" if head.lemma_ in SUFFER_VERBS else "1"
        if dep in ("dobj", "obj"):
            return "2"
        if dep in ("ROOT", "ccomp", "advcl", "relcl"):
            return None
    return None


def assign_roles(sentence_actors: list[Entity], spacy_doc: Any | None,
                 trigger: tuple[int, int] | None = None) -> Roles:
    """actor1/actor2 from the parse where it speaks, else in order of mention; with the
    ``trigger``'s (start, end), each actor's role towards that trigger (:func:`role_for`)."""
    first: list[str] = []
    second: list[str] = []
    unknown: list[str] = []
    for ent in sentence_actors:
        assert ent.actor is not None
        role = None
        if spacy_doc is not None and trigger is not None:
            role = role_for(spacy_doc, ent.start, ent.end, *trigger)
        elif spacy_doc is not None:
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


def relative_clause(spacy_doc: Any | None, start: int, end: int
                    ) -> tuple[int, int, int] | None:
    """Where the trigger at text[start:end] is told in a relative clause of what a noun did
    ('the terrorists, who had lobbed grenades, were shot dead'; not 'the town where two were
    killed'): the character span of that noun and its clause, whose words are the trigger's
    only parties, and where the noun's head word starts; None elsewhere."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand") if spacy_doc else None
    if span is None:
        return None
    node = span.root
    for _ in range(12):
        if node.dep_ == "relcl" and node.head.pos_ in ("NOUN", "PROPN", "PRON") and any(
                c.tag_ in ("WDT", "WP") or c.lower_ == "that" for c in node.children):
            noun, doc = node.head, span.doc
            first = doc[min(noun.left_edge.i, node.left_edge.i)]
            last = doc[max(noun.i, node.right_edge.i)]
            return first.idx, last.idx + len(last), noun.idx
        if node.dep_ == "ROOT" or node.head is node:
            return None
        node = node.head
    return None


def role_at(spacy_doc: Any | None, start: int, end: int) -> str | None:
    """The role ('1', '2', 'source' or None) of the mention at text[start:end]."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand") if spacy_doc else None
    return _role_of(span.root) if span is not None else None


# Role of a mention towards a given trigger (role_for) ------------------------------------------

SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
OBJECTS = frozenset({"dobj", "obj", "dative", "oprd", "iobj"})
RECIPIENT_PREPS = frozenset({"to", "against", "on", "at", "into", "toward", "towards", "upon",
                             "from", "with", "targeting", "onto"})
# Action nouns whose possessor is the one it happens to ("his arrest", "the envoy's release").
UNDERGOER_NOUNS = frozenset({"arrest", "release", "detention", "death", "murder", "killing",
                             "assassination", "execution", "removal", "expulsion", "abduction",
                             "kidnapping", "capture", "extradition", "deportation", "ouster",
                             "dismissal", "trial", "conviction", "imprisonment", "rescue"})
STANCE_PARTICIPLES = frozenset({"oppose", "engage", "commit", "determine", "prepare", "involve",
                                "dedicate", "resolve", "poise", "bind", "intend", "inclined"})


def _passive(verb: Any) -> bool:
    """A verb in the passive: its own passive auxiliary or subject, or a bare participle
    coordinated with a passive verb ('was attacked and robbed')."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
        return True
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and _passive(verb.head)
            and not any(c.dep_ in ("aux", "nsubj") for c in verb.children))


def _suffers(verb: Any) -> bool:
    """'X suffered an attack', 'Y came under fire': a verb of suffering with an act as object."""
    return verb.lemma_ in SUFFER_VERBS and any(
        c.dep_ in ("dobj", "prep") and (c.lemma_ in ACT_NOUNS or any(
            g.dep_ == "pobj" and g.lemma_ in ACT_NOUNS for g in c.children))
        for c in verb.children)


def _stative(verb: Any) -> bool:
    """A participle that tells a stance, not something done to the subject: 'X is opposed to',
    'X was engaged in', 'X is committed to' (no 'by' agent)."""
    return verb.lemma_ in STANCE_PARTICIPLES and not any(c.dep_ == "agent" for c in verb.children)


def _nominal(verb: Any) -> bool:
    """A gerund used as a noun ('killed in firing by the police'): a preposition's object or
    a subject or object of its own, without a subject."""
    return verb.tag_ == "VBG" and verb.dep_ in ("pobj", "nsubj", "dobj") and not _own_subject(verb)


def _own_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)


def _link_role(child: Any, head: Any, is_trigger: bool) -> str | None:
    """The role a dependent says of itself towards its head on the way up to the trigger;
    None when the link says nothing (determiners, noun modifiers below the trigger, ...)."""
    dep = child.dep_
    if dep in SUBJECTS:
        return "2" if _suffers(head) else "1"
    if dep == "nsubjpass" and _stative(head):
        return "1"
    if dep == "nsubjpass" or dep in OBJECTS:
        return "2"
    if dep == "agent":
        return "1"
    if dep == "prep":
        word = child.lower_
        if word == "by" and (head.pos_ in ("NOUN", "PROPN") or _passive(head) or _nominal(head)):
            return "1"
        if word in RECIPIENT_PREPS or (word == "of" and head.pos_ == "NOUN" and is_trigger):
            return "2"
        return None
    if dep == "poss" and is_trigger and head.pos_ == "NOUN":
        undergoer = head.lemma_ in UNDERGOER_NOUNS or any(c.dep_ == "prep" and c.lower_ == "by"
                                                          for c in head.children)
        return "2" if undergoer else "1"
    if dep in ("compound", "amod", "nmod") and is_trigger and head.pos_ in ("NOUN", "PROPN"):
        return "1"  # 'police firing', 'NATO air strikes'
    if dep == "ccomp" and is_trigger:
        return "2"  # what is said, demanded or reported is about the one it names
    return None


def _down_from(trigger: Any, path: list[Any]) -> str | None:
    """The first link that speaks, from the trigger down to the mention (path: mention first,
    the trigger's child last). A clause below the trigger with its own subject ('threatened to
    strike unless Y withdrew', 'demands that Y resign'), or one hanging from a noun ('a law
    signed by Y'), is what the event is about: whoever is in it is acted on."""
    head = trigger
    for child in reversed(path):
        role = _link_role(child, head, head is trigger)
        if role is not None:
            return role
        if child.dep_ in ("advcl", "ccomp", "acl", "relcl") and child.tag_ != "VBG" and (
                _own_subject(child) or head.pos_ in ("NOUN", "PROPN")):
            return "2"
        head = child
    return None


def _relative(noun: Any, clause: Any) -> str | None:
    """The noun a relative or participle clause (the trigger's) hangs from: 'rebels who
    attacked' act, 'the town the rebels attacked' and 'refugees forced out' are acted on."""
    if clause.dep_ == "acl":
        return "2" if clause.tag_ == "VBN" else "1" if clause.tag_ == "VBG" else None
    for c in clause.children:
        if c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that":
            if c.dep_ == "nsubj":
                return "1"
            if c.dep_ in ("nsubjpass", "dobj", "pobj"):
                return "2"
    if _passive(clause):
        return "2"
    return "2" if _own_subject(clause) else "1"


def _shares_subject(link: Any, chain: list[Any], mention_link: Any) -> str | None:
    """A mention that is subject (or object) of a verb above the trigger, the trigger's clause
    sharing that participant: control ('X agreed to attack', 'urged Y to attack'), coordination
    ('X rioted and demanded'), participles ('X fired, killing'), light verbs ('X launched an
    attack', 'Y suffered an attack', 'Y was killed in an attack')."""
    top = chain[-1]  # the trigger's clause as the verb above sees it
    head = top.head
    dep = mention_link.dep_
    trigger = chain[0]
    if top.dep_ in ("dobj", "attr") and trigger is top:
        if dep in SUBJECTS:
            return "2" if head.lemma_ in SUFFER_VERBS else "1"
        return "2" if dep == "nsubjpass" else None
    if top.dep_ == "pobj" or (top.dep_ == "prep" and trigger is not top):
        return "2" if dep == "nsubjpass" else None
    controlled = top.dep_ in ("xcomp", "advcl", "conj") and not _own_subject(top)
    if not controlled or top.pos_ not in ("VERB", "AUX"):
        return None
    has_object = any(c.dep_ in OBJECTS for c in head.children)
    if top.dep_ == "xcomp" and has_object:  # object control: 'urged Y to withdraw'
        return ("2" if _passive(trigger) else "1") if dep in OBJECTS else None
    if dep in SUBJECTS or (dep == "nsubjpass" and top.dep_ != "conj"):
        return "2" if _passive(trigger) else "1"
    if dep == "nsubjpass":
        return "2" if _passive(top) else "1"
    return None


_DEPTH = 40  # heads climbed from a word, at most


def _towards(mention: Any, trigger: Any) -> str | None:
    """The mention's role towards the trigger token, read from the tree around them (no
    further up than ``_DEPTH`` words: a run-on 'sentence' parses as a chain thousands deep)."""
    up = [mention, *itertools.islice(mention.ancestors, _DEPTH)]
    above = next((k for k, node in enumerate(up) if k and node.i == trigger.i), None)
    if above is not None:
        return _down_from(trigger, up[:above])
    chain = [trigger, *itertools.islice(trigger.ancestors, _DEPTH)]
    in_chain = {node.i for node in chain}  # token indices: comparing tokens is slow
    common = next((node for node in up if node.i in in_chain), None)
    if common is None:
        return None
    if common is mention:
        below = chain[chain.index(common) - 1]
        return _relative(mention, below) if below.dep_ in ("relcl", "acl") else None
    if any(node.dep_ == "relcl" for node in up[1:up.index(common)]):
        return None  # 'a spokesman for the council, which is affiliated to X': X describes
    mention_link = up[up.index(common) - 1]
    below = chain[: chain.index(common)]
    if mention_link.dep_ == "agent" and below and below[-1].dep_ == "prep":
        return "1"  # 'died in the firing by the police', the 'by' hung on the verb
    role = _shares_subject(mention_link, below, mention_link)
    if role is None and common.lemma_ in SPEECH_VERBS:
        if mention_link.dep_ == "nsubj":
            return "1" if _says_of_itself(common) else "source"
        if mention_link.dep_ in ("dobj", "dative") or mention_link.lower_ == "to":
            return "source"  # 'officials told a reporter': who is told is outside the event
    return role


def _trigger_token(spacy_doc: Any, mention: Any, start: int | None, end: int | None) -> Any:
    """The head word of the trigger at text[start:end], else the main verb of the mention's
    sentence."""
    if start is not None and end is not None:
        span = spacy_doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            verbs = [t for t in span if t.pos_ == "VERB"]  # 'has been attacked by': attacked
            return verbs[0] if verbs else span.root
    return main_verb(mention.sent)


def main_verb(sentence: Any) -> Any:
    """The verb that tells what happened in a sentence: its root, or, where the root reports
    ('police said the rebels attacked'), the verb of what is reported."""
    verb = sentence.root
    while verb.lemma_ in SPEECH_VERBS:
        said = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        if not said:
            break
        verb = said[0]
    return verb


def role_for(spacy_doc: Any, start: int, end: int, trigger_start: int | None = None,
             trigger_end: int | None = None) -> str | None:
    """The role of the mention at text[start:end]: '1' (acts), '2' (acted on) or 'source'
    (reports, outside the event). With a trigger at text[trigger_start:trigger_end], the
    mention's place in the parse around that trigger; without one, its own clause
    (:func:`_role_of`), then its place around the sentence's main verb. Where the parse is
    silent, word order: before the trigger acts. None only without a parse."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand") if spacy_doc else None
    if span is None:
        return None
    mention = span.root
    role = _role_of(mention) if trigger_start is None else None
    trigger = _trigger_token(spacy_doc, mention, trigger_start, trigger_end)
    if role is None and not span.start <= trigger.i < span.end:
        role = _towards(mention, trigger)
    return role or ("1" if span.start <= trigger.i else "2")


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


# Source and target from the sentence alone (pick_roles) ----------------------------------------

# Heads of noun phrases that name who acts in politics and war besides the party words of
# ``triggers.json`` ('the government', 'senior officials', 'the president').
ACTOR_HEADS = frozenset({"government", "governments", "official", "officials", "minister",
                         "ministers", "president", "leader", "leaders", "authorities",
                         "administration", "cabinet", "parliament", "delegation", "envoy",
                         "envoys", "diplomats", "regime", "opposition", "ministry", "court",
                         "prime", "premier", "king", "chancellor", "mayor", "governor"})
_SHARED = frozenset({"compound", "amod", "nmod", "nummod", "poss", "conj", "appos", "cc"})


def _anchor(token: Any) -> Any:
    """The noun a mention stands for in its clause: up through modifiers, owners and
    conjuncts ('Hungarian' in 'Hungarian and Romanian officials': officials; 'Jordan' in 'the
    United States and Jordan': States). Conjuncts and modifiers share the noun's role."""
    while token.dep_ in _SHARED and token.head is not token and token.head.pos_ in (
            "NOUN", "PROPN", "ADJ", "PRON"):
        token = token.head
    return token


def names_actors(spacy_doc: Any, start: int, end: int) -> bool:
    """Whether a word for a kind of actor at text[start:end] names actors of its own: not a
    modifier of another noun ('military aid', 'police station'; 'rebel leaders': the leaders),
    nor a noun owned by a pronoun ('its troops', 'their forces': the owner's, who is named
    elsewhere)."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ in ("amod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        return False
    return not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in root.children)


def _tree_distance(a: Any, b: Any) -> int:
    up_a, up_b = [a, *a.ancestors], [b, *b.ancestors]
    common = next((node for node in up_a if node in up_b), None)
    if common is None:
        return 99
    return up_a.index(common) + up_b.index(common)


def candidate_reading(spacy_doc: Any, start: int, end: int, trigger_start: int | None,
                      trigger_end: int | None) -> tuple[Any, Any, str | None] | None:
    """A candidate mention's span, the trigger token it is read against (the given trigger's,
    else its sentence's main verb) and its role there; None for a mention that is no span of
    the parse or overlaps the trigger."""
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if trigger_start is not None and trigger_end is not None:
        if start < trigger_end and trigger_start < end:
            return None
        trigger = _trigger_token(spacy_doc, span.root, trigger_start, trigger_end)
    else:
        trigger = main_verb(span.root.sent)
    return span, trigger, role_for(spacy_doc, start, end, trigger.idx, trigger.idx + len(trigger))


def pick_roles(spacy_doc: Any, candidates: list[tuple[int, int]],
               trigger_start: int | None = None, trigger_end: int | None = None,
               ) -> list[tuple[int, int, str]]:
    """The source ('1') and the target ('2') of the event at the trigger (else the main verb)
    among candidate actor mentions (start, end): each candidate's role (:func:`role_for`; a
    reporter is left out); for each role the candidate nearest the trigger in the parse (then in
    the text), with every candidate that stands for the same noun (its conjuncts, the noun's
    modifiers: 'Hungarian and Romanian officials')."""
    read: list[tuple[int, int, str, int, int]] = []
    for start, end in candidates:
        reading = candidate_reading(spacy_doc, start, end, trigger_start, trigger_end)
        if reading is None:
            continue
        span, trigger, role = reading
        if role not in ("1", "2"):
            continue
        anchor = _anchor(span.root)
        named = any(t.pos_ == "PROPN" or t.ent_type_ for t in span)
        read.append((start, end, role, anchor.i, (not named) * 100000
                     + _tree_distance(anchor, trigger) * 1000 + abs(span.root.i - trigger.i)))
    out: list[tuple[int, int, str]] = []
    for role in ("1", "2"):
        sided = [r for r in read if r[2] == role]
        if not sided:
            continue
        best = min(sided, key=lambda r: r[4])
        out += [(s, e, role) for s, e, _, anchor, _ in sided if anchor == best[3]]
    return out
