"""A first honest event coder: clause-level triggers, roles from the parse, and the time, place
and counts that govern the clause. Each event keeps the sentence it came from as evidence.

What is not an event: background (a time long before publication), cumulative totals,
hypotheticals and negations; forward-looking statements go to ``Document.watch``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dateline.events.combine import (
    VIOLENT_TYPES,
    add_casualties,
    merge_same,
    one_demonstration,
    rekeyed,
)
from dateline.events.evidence import ValueSources, event_evidence
from dateline.events.modality import skip_reason, told_in_past
from dateline.events.parties import (
    ARMED_KINDS,
    KIND_OF_INTER,
    STATE_KINDS,
    ClauseCues,
    Party,
    generic_actor,
)
from dateline.events.resolve import TERRITORY, Clause, choose
from dateline.events.roles import (
    Roles,
    assign_roles,
    names_no_actor,
    relative_clause,
    role_at,
    role_for,
)
from dateline.events.taxonomy import Taxonomy
from dateline.events.triggers import TriggerHit, TriggerLexicon
from dateline.model import (
    Document,
    Entity,
    Event,
    Evidence,
    Place,
    Span,
    TimeExpr,
    Watch,
    evidence_fields,
    union_evidence,
)
from dateline.nlp.actors import ActorLexicon
from dateline.nlp.entities import main_armed_actors, party_entities
from dateline.nlp.quantities import PART_WORDS
from dateline.nlp.times import MONTH_NAMES, WEEKDAYS

BACKGROUND_DAYS = 120
PRECISION_CODE = {"day": 1, "week": 2, "month": 3}
GEO_PRECISION = {"town": 1, "nearby": 2, "district": 2, "province": 2, "region": 3, "country": 3}
_CIVILIANS = re.compile(r"\b(?:civilians?|villagers?|residents?|worshipp?ers?|passengers?|"
                        r"students?|children|women|farmers?|shoppers?|displaced people|"
                        r"refugees|patients|aid workers?|journalists?)\b", re.I)
_LONG_RUNNING = re.compile(r"\b(?:(?:has|have) been \w+ing\b.*\bfor (?:more than |over |nearly |"
                           r"almost |about )?(?:\w+ )?(?:years|decades)|since (?:19|20)\d\d|"
                           r"since the (?:start|beginning|outbreak))", re.I)
_PRESENT = re.compile(r"\b(?:is|are|am|remains?|continues?|there are|there is|now|still|today|"
                      r"this (?:morning|afternoon|evening))\b", re.I)
_UNREAL = re.compile(r"\b(?:would|could|might|may|if|feared|fear|no one|nobody|not|denied|"
                     r"refuted|disputed|claimed|excludes?|excluding|except|apart from|"
                     r"besides)\b", re.I)  # counts not said to be this event's
_BACK_REFERENCE = re.compile(r"\b(?:in|during|after) (?:the|this|that) (?:firing|shooting|incident|"
                             r"violence|clash(?:es)?|attack|riots?|rioting|explosion|blast|"
                             r"lathi-?charge|stampede)\b", re.I)
_ELSEWHERE = re.compile(r"\b(?:elsewhere|in (?:a|another|yet another) (?:separate |similar |"
                        r"different )?(?:incident|case|attack|clash))\b", re.I)  # another one
_RETALIATION = re.compile(r"\b(?:retaliat\w*|returned (?:the )?fire|fired back|return firing|"
                          r"counter-?firing)\b", re.I)  # the side attacked hits back
_ARMED_INTER = frozenset({1, 2, 3, 4, 8})
# How far (characters) a word of force may lie from the state forces that use it: a clause's
# reach, so that a run-on 'sentence' of a thousand clauses pairs each party with its own words
_NEAR = 300
_MAX_TOLD = 8  # triggers of violence read for a sentence's running totals, at most
# Strategic developments that one actor makes of itself: its only side is actor1, whatever the
# parse says ('members of an armed group were seen', passive)
_ONE_SIDED = frozenset({"Change to group/activity", "Headquarters or base established"})
# Cues read in the whole report, not only the clause: a fight the report tells with machetes
# or with dead in another sentence is no brawl ('... clashed in Bante. Ten people were wounded
# in the clashes. Security forces seized seven firearms.')
_STORY_CUES = frozenset({"weapons", "deaths"})
_LEAD = 7  # characters of one word before a time that opens a sentence ('On', 'Around')
# Why a trigger tells no event of its own while the violence it names did happen: a running
# total in its sentence is still that violence's ('77 deaths due to police firing so far').
_TOLD_OF = frozenset({"cause of another happening", "habitual, not one happening",
                      "a past happening referred to (proceedings, remembrance)",
                      "refers to the article's main event"})
_PART_AFTER = re.compile(rf"\b(?:{PART_WORDS})\b", re.I)  # '233, including 30 killed in ...'
_SHOOTING = re.compile(r"fir|shot|rounds", re.I)  # state-force words that can kill
_FAILURE = re.compile(r"\b(?:failure|inaction|negligence|apathy|indifference|complicity|"
                      r"connivance|failed to (?:protect|secure|save|stop|prevent|act))\b",
                      re.I)  # the dead of the forces' failing, not of their force
_OTHER_MEANS = re.compile(r"burn|charred|stab|hack|lynch|strangl|torch|ablaze|set (?:on )?fire",
                          re.I)  # killings that are not the state forces' unless they do them
_CASUALTY_WORD = re.compile(r"killed|killing|died|dead|deaths?|injured|wounded|hurt|"
                            r"lost (?:their|his|her) lives?")
_SPEAKER = re.compile(r"(?P<who>[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,3})\s+(?:assures?|says?|said|"
                      r"announced|warned|predicted|promised|insists?|told)\b")


@dataclass(frozen=True)
class CoderResources:
    taxonomy: Taxonomy
    triggers: TriggerLexicon
    actors: ActorLexicon
    country_names: dict[str, str]
    cues: ClauseCues = field(default_factory=ClauseCues.load)


@dataclass(frozen=True)
class _Context:
    doc: Document
    resources: CoderResources
    published: dt.date
    main_actors: tuple[str, ...]
    main_place: Place | None
    country_place: Place | None
    dated: bool = True  # the article has its own publication date
    # start of a running total of the killed or injured -> (actor, inter) of who caused it
    totals: dict[int, tuple[str, int]] = field(default_factory=dict)
    narrative: list[TimeExpr] = field(default_factory=list)  # the day the report is telling
    story_cues: frozenset[str] = frozenset()  # _STORY_CUES the whole report has


def _inside(span: Span, start: int, end: int) -> bool:
    return span.start <= start and end <= span.end


def _main_place(places: tuple[Place, ...]) -> tuple[Place | None, Place | None]:
    usable = [p for p in places if p.role == "mention" and p.latitude is not None
              and p.country]  # a continent or region ("Europe") is no event location
    towns = Counter(p.name for p in usable if p.precision == "town")
    town = next((p for p in usable if towns and p.name == towns.most_common(1)[0][0]), None)
    countries = Counter(p.country for p in usable if p.country)
    top = countries.most_common(1)[0][0] if countries else None
    country = next((p for p in usable if p.country == top and p.precision == "country"), None)
    if town is None:
        ranked = sorted(usable, key=lambda p: GEO_PRECISION[p.precision])
        town = next((p for p in ranked if p.country == top), None)
    return town, country or town


def _clause_time(ctx: _Context, sentence: Span, hit: TriggerHit) -> TimeExpr | None:
    """The time of a trigger's clause: a time told in the sentence's own words before one in
    brackets ('Around 19 October 2020 (between 19 - 20 October)'), a day named before one
    counted from the publication ('On 12 March, overnight, ...'), one that opens the sentence,
    then the nearest."""
    times = [t for t in ctx.doc.times if _inside(sentence, t.start, t.end)]
    if not times:
        return None
    text = ctx.doc.clean_text
    return min(times, key=lambda t: (_bracketed(text, sentence.start, t.start),
                                     _from_publication(t),
                                     not _opens(text, sentence.start, t.start),
                                     abs(t.start - hit.start)))


def _opens(text: str, start: int, at: int) -> bool:
    """Whether a time opens its sentence ('On 1 May 2019, in Kandi, rioters burned ... against
    the election held on April 28'): the time of the whole sentence, not of a noun in it."""
    lead = text[start:at].strip().lower()
    return len(lead) <= _LEAD and lead.isalpha()


def _bracketed(text: str, start: int, at: int) -> bool:
    """Whether ``at`` lies inside brackets opened after ``start``."""
    before = text[start:at]
    return before.count("(") > before.count(")")


def _from_publication(time: TimeExpr) -> bool:
    """A day counted from the publication ('overnight', 'yesterday', 'today'), not named by
    its date or weekday."""
    words = time.text.lower()
    return time.precision == "day" and not any(c.isdigit() for c in words) and not any(
        name in words for name in (*WEEKDAYS, *MONTH_NAMES))


def _narrative(ctx: _Context, sentence: Span, clause: Clause) -> None:
    """The day a report tells of: the time of the last sentence that tells a happening with a
    day of its own ('On 13 September 2020, herders attacked a farmer. The farmer was disabled
    by the assault.'), which a later sentence without a time of its own goes on telling."""
    if not clause.hits:
        return
    time = _clause_time(ctx, sentence, clause.hits[0])
    if time is not None and time.precision == "day" and time.value and (
            time.direction != "future") and not _is_background(time, ctx):
        ctx.narrative[:] = [time]


def _told_day(ctx: _Context, sentence: Span) -> TimeExpr | None:
    """The day the report is telling at a sentence without a time of its own: that of the
    last sentence that told a happening with its day (:func:`_narrative`), else the last day
    the report named before ('02 May. Riots in Cotonou resumed.')."""
    if ctx.narrative:
        return ctx.narrative[0]
    named = [t for t in ctx.doc.times if t.end <= sentence.start and t.precision == "day"
             and t.value and t.direction != "future" and not _is_background(t, ctx)]
    return named[-1] if named else None


def _is_background(time: TimeExpr | None, ctx: _Context) -> bool:
    if time is None or time.value is None:
        return False
    if time.precision == "year":
        return True
    if not ctx.dated:
        return False  # no publication date to measure from: a dated happening is kept
    value = time.value
    try:
        if len(value) == 7:
            day = dt.date.fromisoformat(value + "-01")
        elif "W" in value:
            return False
        else:
            day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return True
    return (ctx.published - day).days > BACKGROUND_DAYS


def _date_fields(time: TimeExpr | None, sentence_text: str, ctx: _Context) -> tuple[str, int]:
    if time is not None and time.value and time.precision in ("day", "month"):
        value = time.value if time.precision == "day" else time.value + "-01"
        return value, PRECISION_CODE[time.precision]
    if time is not None and time.value and time.precision == "week":
        year, week = time.value.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
        return monday.isoformat(), 2
    precision = 1 if _PRESENT.search(sentence_text) else 2
    return ctx.published.isoformat(), precision


def _place_for(ctx: _Context, sentence: Span) -> Place | None:
    """The event's place: the most precise place its sentence names (of two as precise, the
    first named that is not the dateline's, where the reporter files from), within the
    article's main place where it names no town; else the article's main place."""
    here = [p for p in ctx.doc.places
            if _inside(sentence, p.start, p.end) and p.role == "mention" and p.latitude is not None
            and p.country]
    if here:
        best = min(here, key=lambda p: (GEO_PRECISION[p.precision],
                                        p.text == ctx.doc.dateline_place))
        main = ctx.main_place
        if GEO_PRECISION[best.precision] == 1 or main is None:
            return best
        within = main.country == best.country and (
            best.precision == "country" or main.admin1 == best.admin1)
        return main if within else best
    return ctx.main_place


def _counts(ctx: _Context, sentence: Span, others: tuple[tuple[int, int], ...] = (),
            own: tuple[int, int] | None = None, first: bool = True) -> dict[str, int]:
    """The sentence's counts of killed, injured and displaced (the lowest where it gives
    several), not running totals; with the reach of this event's trigger (``own``) and of the
    other events' triggers of the sentence (``others``), a count that lies in the reach of
    another trigger but not in a reach of this one at least as small belongs to that one ('one
    person was stabbed to death even as police burst teargas shells at a mob': the count is the
    stabbing's, not the riot's). A count in no trigger's reach is the sentence's ``first``
    event's only: 'eleven were killed when suicide bombers stormed a temple and engaged the
    police in a gunbattle' counts eleven dead once, not in the bombing and again in the clash."""
    out = {"killed": 0, "injured": 0, "displaced": 0}
    for q in ctx.doc.quantities:
        if _inside(sentence, q.start, q.end) and q.measure in out and not q.cumulative and \
                _own_count(q.start, own, others, first):
            value = q.value or 0
            out[q.measure] = min(out[q.measure], value) if out[q.measure] else value
    return out


def _own_count(start: int, own: tuple[int, int] | None,
               others: tuple[tuple[int, int], ...], first: bool = True) -> bool:
    holding = [end - left for left, end in others if left <= start < end]
    if own is None:
        return True
    if not holding:  # no other event's trigger governs it
        return first or own[0] <= start < own[1]
    return own[0] <= start < own[1] and own[1] - own[0] <= min(holding)


def _reach(spacy_doc: Any, hit: TriggerHit) -> tuple[int, int] | None:
    """The text a trigger governs: the subtree of its verb (a noun's: the verb it is an object
    or subject of, 'opened fire at mobs'; a gerund's, as a noun's: 'two killed in police
    firing')."""
    span = spacy_doc.char_span(hit.start, hit.end, alignment_mode="expand") if spacy_doc \
        else None
    if span is None:
        return None
    node = span.root
    for _ in range(4):
        if (node.pos_ in ("VERB", "AUX") and node.dep_ not in ("pobj", "pcomp")) or (
                node.dep_ == "ROOT" or node.head is node):
            break
        node = node.head
    left, right = node.left_edge, node.right_edge
    return left.idx, right.idx + len(right.text)


@dataclass(frozen=True)
class _Sides:
    roles: Roles
    inter1: int
    inter2: int
    borrowed: tuple[str, ...] = ()  # actors taken from the article, not named in the sentence


# Which unnamed parties may stand as an actor of an event type, and as what kind.
_PARTY_ROLES: dict[str, dict[str, str]] = {
    "Battles": {"police": "police", "military": "military", "armed": "armed",
                "civilians": "communal"},  # farmers fighting herders: communal militias
    "Protests": {"protesters": "protesters", "civilians": "protesters", "police": "police",
                 "military": "military"},
    "Riots": {"rioters": "rioters", "protesters": "rioters", "police": "police",
              "military": "military", "civilians": "civilians", "armed": "armed"},
}
_GENERIC_INTER = {"police": 1, "military": 1, "armed": 3, "civilians": 7, "protesters": 6,
                  "rioters": 5, "communal": 4}
_ETHNIC_REACH = 25  # characters before a party where the ethnic group it belongs to is named
_CROWD = {"Protests": "protesters", "Riots": "rioters"}


def _party_entities(ctx: _Context, clause: Clause, sub_event_type: str, country: str | None
                    ) -> tuple[list[Entity], dict[str, int]]:
    """Unnamed parties of the clause as actors with ACLED's generic names of ``country``, and
    their inter."""
    event_type = ctx.resources.taxonomy.event_type_of(sub_event_type)
    allowed = _PARTY_ROLES.get(event_type)
    armed = any(p.kind in ARMED_KINDS | {"rioters"} for p in clause.parties)  # civilians: victims
    out: list[Entity] = []
    inter: dict[str, int] = {}
    for party in clause.parties:
        kind = party.kind if allowed is None else allowed.get(party.kind)
        if party.actor or kind is None:
            continue
        if event_type == "Riots" and kind == "civilians" and party.role == "1":
            kind = "rioters"  # the residents who beat a thief are the mob
        if event_type == "Violence against civilians" and kind == "civilians" and not armed and (
                party.role == "1" or (party.role is None and party is _first_before(clause))):
            kind = "communal"  # farmers who attacked a Fulani camp: a communal militia
        if kind == "communal" and event_type == "Battles" and sub_event_type != "Armed clash":
            continue  # civilians are a militia only where they fight, not in a town retaken
        group = party.group if kind in ("communal", "armed") and country else None
        home = country  # 'Afghan forces', 'Beninese soldiers': that country's forces
        if kind in STATE_KINDS:
            home = _nationality(ctx, party) or country
        if group and home:
            militia = ctx.resources.actors.ethnic_militia(group, home)
            name, inter[militia.name] = militia.name, militia.inter
        else:
            name = _generic(ctx, kind, home)
            inter[name] = _GENERIC_INTER[kind]
        out.append(Entity(party.start, party.end, party.text, "PARTY", name))
    return out, inter


def _first_before(clause: Clause) -> Party | None:
    """The party told first in a clause whose act the parse did not tie to anyone."""
    return clause.parties[0] if clause.parties else None


def _nationality(ctx: _Context, party: Party) -> str | None:
    """The country a nationality right before a party names ('Afghan forces', 'Beninese
    soldiers', 'the Nigerian army'): the places module reads it as the party's origin."""
    return next((p.country for p in ctx.doc.places if p.role == "origin" and p.country
                 and 0 <= party.start - p.end <= 1), None)


def _ethnic_group(ctx: _Context, party: Party) -> str | None:
    """The ethnic group a fighting party belongs to, named in it or right before it ('Fulani
    pastoralists', 'Bariba farmers', 'the Fulanis'): its militia is the actor."""
    text = ctx.doc.clean_text
    spans = ctx.resources.cues.cue_spans("ethnic", text, max(0, party.start - _ETHNIC_REACH),
                                         party.end)
    if not spans:
        return None
    start, end = spans[-1]
    word = text[start:end]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _generic(ctx: _Context, kind: str, country: str | None) -> str:
    return generic_actor(ctx.resources.actors, ctx.resources.country_names, kind, country)


def _roles(ctx: _Context, sentence: Span, hit: TriggerHit, clause: Clause,
           spacy_doc: Any, where: Place | None = None) -> _Sides:
    """actor1 and actor2: named actors first, then the clause's unnamed parties (ACLED's
    generic actors of the country of the event's place ``where``, else of the article's),
    then the article's main armed actors."""
    country = _event_country(ctx, where)
    actors = [e for e in ctx.doc.entities if e.actor and _inside(sentence, e.start, e.end)]
    scope = relative_clause(spacy_doc, hit.start, hit.end)  # 'men who had lobbed grenades'
    if scope is not None:  # the noun and its clause hold the parties, roles towards the hit
        actors = [e for e in actors if scope[0] <= e.start and e.end <= scope[1]]
        clause = dataclasses.replace(clause, parties=tuple(
            p for p in clause.parties if scope[0] <= p.start and p.end <= scope[1]))
    trigger = (hit.start, hit.end) if scope is not None else None
    armed = [e for e in actors if _inter(ctx, e.actor) in _ARMED_INTER]
    roles = assign_roles(armed or actors, spacy_doc, trigger)
    actor1, actor2 = roles.actor1, roles.actor2
    event_type = ctx.resources.taxonomy.event_type_of(hit.sub_event_type)
    generic, inter = _party_entities(ctx, clause, hit.sub_event_type, country)
    if generic and not (actor1 and actor2):
        acting = [e for e in generic if inter[e.actor or ""] != 7]  # civilians never act
        both = sorted([*(armed or actors), *acting], key=lambda e: e.start)
        extra = assign_roles(both, spacy_doc, trigger)
        victims = [e.actor or "" for e in generic if inter[e.actor or ""] == 7]
        actor1 = actor1 or (extra.actor1 if extra.actor1 != actor2 else "")
        actor2 = actor2 or (extra.actor2 if extra.actor2 != actor1 else "") or (
            victims[0] if victims else "")
    if event_type == "Violence against civilians" and inter.get(actor1) == 1:
        party = next((e for e in generic if e.actor == actor1), None)
        if party is not None and (not _kills(spacy_doc, party, hit, clause) or (
                party.start not in clause.shooting and _FAILURE.search(
                    ctx.doc.clean_text, sentence.start, sentence.end))):
            actor1 = ""  # 'stabbed to death even as police burst teargas shells'

    crowd = _CROWD.get(event_type)
    forces = clause.forces_acting() if crowd == "rioters" else None
    if forces is not None:  # 'police opened fire on the mob': who used force comes first
        actor1 = forces.actor or _generic(ctx, forces.kind, country)
        actor2 = _generic(ctx, "rioters", country)
        inter[actor1], inter[actor2] = forces.inter, 5
    elif crowd is not None:
        if inter.get(actor1) == 1 or _inter(ctx, actor1) in (1, 8):
            actor1, actor2 = "", actor1 if not actor2 or inter.get(actor2) in (5, 6) else actor2
        if not actor1:
            actor1 = _generic(ctx, crowd, country)
            inter[actor1] = _GENERIC_INTER[crowd]
        if actor2 == actor1 and not _two_crowds(generic, actor1):
            actor2 = ""  # 'the protesters were arrested': the crowd is actor1, not both sides
        if not actor2 and hit.sub_event_type == "Mob violence" and _two_crowds(generic, actor1):
            actor2 = actor1  # 'farmers and herders fought each other': rioters against rioters
    text = ctx.doc.clean_text[sentence.start:sentence.end]
    civilians = event_type == "Violence against civilians" or (
        event_type == "Explosions/Remote violence" and not actor2 and _CIVILIANS.search(text)
    )
    if civilians and not actor2:
        actor2 = _civilians_actor(ctx, country)
    if event_type == "Battles" and actor1 and not actor2:
        actor2 = _other_side(generic, actor1, inter)  # 'farmers and herders clashed'
    if hit.sub_event_type in _ONE_SIDED and actor2 and not actor1:
        actor1, actor2 = actor2, ""  # 'armed men were seen': the group that moved is actor1
    opponents = [a for a in ctx.main_actors if a not in (actor1, actor2)]
    borrowed = []
    if not actor1 and opponents and (actor2 or event_type != "Protests"):
        actor1 = opponents.pop(0)
        borrowed.append(actor1)
    if not actor2 and event_type == "Battles" and opponents:
        actor2 = opponents.pop(0)
        borrowed.append(actor2)
    inter1 = inter.get(actor1) or _inter(ctx, actor1)
    inter2 = 7 if actor2.startswith("Civilians") else inter.get(actor2) or _inter(ctx, actor2)
    named = {e.actor for e in actors}
    return _Sides(Roles(actor1, actor2, roles.assoc1, roles.assoc2), inter1, inter2,
                  tuple(a for a in borrowed if a not in named))


def _dated(ctx: _Context, sides: _Sides, date: str) -> _Sides:
    """The sides named as ACLED names them on the event's date: the Taliban before August
    2021 ('Taliban', inter 2), a country's forces with the period of the regime in power
    ('Military Forces of Benin (2016-)')."""
    actors = ctx.resources.actors
    (actor1, inter1), (actor2, inter2) = (actors.on(sides.roles.actor1, date),
                                          actors.on(sides.roles.actor2, date))
    roles = Roles(actor1, actor2, actors.on(sides.roles.assoc1, date)[0],
                  actors.on(sides.roles.assoc2, date)[0])
    borrowed = tuple(actors.on(name, date)[0] for name in sides.borrowed)
    return _Sides(roles, inter1 or sides.inter1, inter2 or sides.inter2, borrowed)


def _two_crowds(generic: list[Entity], crowd: str) -> bool:
    """Two groups of one crowd fighting each other ('farmers and herders fought each other'):
    ACLED's rioters against rioters."""
    return len({(e.start, e.end) for e in generic if e.actor == crowd}) >= 2


def _other_side(generic: list[Entity], actor1: str, inter: dict[str, int]) -> str:
    """In a fight between two unnamed groups, the second group, though ACLED may name both
    alike ('Unidentified Communal Militia (Benin)' against 'Unidentified Communal Militia
    (Benin)'): the armed party told after the first one named as actor1."""
    first = next((i for i, e in enumerate(generic) if e.actor == actor1), None)
    if first is None:
        return ""
    return next((e.actor or "" for e in generic[first + 1:]
                 if inter.get(e.actor or "") in (2, 3, 4)), "")


def _event_country(ctx: _Context, where: Place | None) -> str | None:
    """The country of an event: its place's, else the article's."""
    if where is not None and where.country:
        return where.country
    return ctx.country_place.country if ctx.country_place else None


def _civilians_actor(ctx: _Context, country: str | None) -> str:
    actor = ctx.resources.actors.civilians(country) if country else None
    return actor.name if actor else "Civilians"


def _inter(ctx: _Context, name: str | None) -> int:
    if not name:
        return 0
    actor = ctx.resources.actors.get(name)
    return actor.inter if actor else 0


def _event_id(article_id: str, event_type: str, date: str, location: str) -> str:
    key = f"{article_id}|{event_type}|{date}|{location}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _confidence(hit: TriggerHit, roles: Roles, place: Place | None, time: TimeExpr | None) -> float:
    """How sure the coder is of the event and its type: mostly how surely the words signal the
    sub-event type (the trigger's weight, raised where actors and cues agree), then whether
    the actors, the town and the day are known."""
    score = 0.3 + 0.45 * hit.weight
    score += 0.1 if roles.actor1 else 0.0
    score += 0.05 if roles.actor2 else 0.0
    score += 0.05 if place is not None and place.precision == "town" else 0.0
    score += 0.05 if time is not None and time.precision == "day" else 0.0
    return round(min(score, 0.95), 2)


def _only_cumulative_toll(ctx: _Context, sentence: Span) -> bool:
    tolls = [q for q in ctx.doc.quantities
             if _inside(sentence, q.start, q.end) and q.measure in ("killed", "injured")]
    return bool(tolls) and all(q.cumulative for q in tolls)


def _attribute_totals(ctx: _Context, sentence: Span, hit: TriggerHit, clause: Clause,
                      spacy_doc: Any) -> None:
    """Who caused the running totals of the killed or injured in a sentence of violence ('73
    have been killed in firing by the police so far'): the actor1 the clause names (not one
    taken from the rest of the article), kept in ``ctx.totals`` for the quantities; not a total
    whose part the trigger tells ('the toll in the city is 233, including 30 killed in police
    firing': the 233 is not the police's)."""
    text = ctx.doc.clean_text
    counts = [q for q in ctx.doc.quantities if _inside(sentence, q.start, q.end)]
    totals = [q for q in counts if q.cumulative and q.start not in ctx.totals
              and q.measure in ("killed", "injured")
              and not _PART_AFTER.search(text, q.end, max(q.end, hit.start))
              and not any(q.end <= o.start < hit.start and o.measure == q.measure
                          for o in counts)]  # 'out of the 286 killed, 41 were killed by ...'
    if not totals or ctx.resources.taxonomy.event_type_of(hit.sub_event_type) not in (
            VIOLENT_TYPES):
        return
    sides = _roles(ctx, sentence, hit, clause, spacy_doc)
    actor = sides.roles.actor1
    if actor and actor not in sides.borrowed and sides.inter1 != 7:
        for q in totals:
            ctx.totals[q.start] = (actor, sides.inter1)


def _totals_of_violence_told(ctx: _Context, sentence: Span, clause: Clause,
                             spacy_doc: Any) -> None:
    """Who caused a sentence's running totals where no event of the sentence names them: the
    first trigger of violence that tells violence that did happen, as the cause of the dead
    or as the past ('77 deaths due to police firing had been reported so far', 'out of the
    286 people killed, 41 were killed in firing by the police')."""
    if not any(q.cumulative and q.start not in ctx.totals and _inside(sentence, q.start, q.end)
               for q in ctx.doc.quantities):
        return
    taxonomy = ctx.resources.taxonomy
    violent = [h for h in clause.hits if taxonomy.event_type_of(h.sub_event_type) in VIOLENT_TYPES]
    for hit in violent[:_MAX_TOLD]:  # a run-on 'sentence' of a thousand triggers
        if (skip_reason(ctx.doc.clean_text, hit, sentence.start, sentence.end, spacy_doc)
                in _TOLD_OF | {None}):
            _attribute_totals(ctx, sentence, hit, clause, spacy_doc)
            if any(_inside(sentence, start, start) for start in ctx.totals):
                return


def _build(ctx: _Context, sentence: Span, hit: TriggerHit, clause: Clause, spacy_doc: Any,
           story: dict[str, tuple[str, int, TimeExpr | None]],
           rivals: tuple[TriggerHit, ...] = (), first: bool = True) -> Event | None:
    """The event a trigger signals in its sentence. ``story`` holds the last explicit date of
    each event type in the article (and the time expression that gave it): a later sentence
    without a time of its own continues it. ``rivals``: the triggers of the sentence's other
    events, which may hold some of its counts (:func:`_counts`)."""
    taxonomy = ctx.resources.taxonomy
    _attribute_totals(ctx, sentence, hit, clause, spacy_doc)
    time = _clause_time(ctx, sentence, hit)
    if time is not None and time.direction == "future" and told_in_past(spacy_doc, hit):
        time = None  # 'fired on friday': a weekday read forward in a report of the past
    if _is_background(time, ctx) or (time is not None and time.direction == "future"):
        return None
    text = ctx.doc.clean_text[sentence.start:sentence.end]
    if _LONG_RUNNING.search(text) and (time is None or time.precision != "day"):
        return None
    if _only_cumulative_toll(ctx, sentence):
        return None  # "4,500 killed since the coup": a running total, not an event
    event_type = taxonomy.event_type_of(hit.sub_event_type)
    if time is None and event_type in story:
        date, time_precision, dated_by = story[event_type]
    elif time is None and (told := _told_day(ctx, sentence)) is not None:
        date, time_precision = _date_fields(told, text, ctx)
        dated_by = told
    else:
        date, time_precision = _date_fields(time, text, ctx)
        dated_by = time if time is not None and time.value and time.precision in (
            "day", "week", "month") else None
    if time is not None and time.value:
        story[event_type] = (date, time_precision, dated_by)
    date_basis = ""
    if not ctx.dated and not (dated_by is not None and _names_year(dated_by.text)):
        # no publication date and no year in the text's time: a day counted from the run would
        # be invented ('on Saturday' of an undated story); the event is undated
        date, time_precision, date_basis = ctx.published.isoformat(), 3, "run"
    place = _place_for(ctx, sentence)
    sides = _dated(ctx, _roles(ctx, sentence, hit, clause, spacy_doc, place), date)
    roles, inter1, inter2 = sides.roles, sides.inter1, sides.inter2
    if hit.sub_event_type == "Attack" and inter1 in _ARMED_INTER and inter2 in _ARMED_INTER:
        # violence against civilians targets the unarmed: armed men killed by the forces, or
        # soldiers killed by rebels, were fought (ACLED codes an Armed clash)
        hit = dataclasses.replace(hit, sub_event_type="Armed clash")
    others = tuple(r for r in (_reach(spacy_doc, h) for h in rivals) if r is not None) + (
        clause.described)
    counts = _counts(ctx, sentence, others, _reach(spacy_doc, hit), first)
    if event_type == "Strategic developments" or hit.sub_event_type == "Peaceful protest":
        counts.update(killed=0, injured=0)  # no one is hurt in an arrest: the dead are another's
    hit = dataclasses.replace(hit, sub_event_type=_territory_side(hit.sub_event_type, inter1))
    location = place.name if place else ""
    sources = ValueSources(
        sentence, dated_by, place if place and _inside(sentence, place.start, place.end) else None,
        tuple(name for name, actor in (("actor1", roles.actor1), ("actor2", roles.actor2))
              if actor and actor not in sides.borrowed),
        tuple(name for name, measure in (("fatalities", "killed"), ("injured", "injured"),
                                         ("displaced", "displaced")) if counts[measure]))
    return Event(
        event_id=_event_id(ctx.doc.id, taxonomy.event_type_of(hit.sub_event_type), date, location),
        event_date=date, time_precision=time_precision,
        disorder_type=taxonomy.disorder_type_of(hit.sub_event_type),
        event_type=taxonomy.event_type_of(hit.sub_event_type), sub_event_type=hit.sub_event_type,
        actor1=roles.actor1, assoc_actor_1=roles.assoc1, inter1=inter1,
        actor2=roles.actor2, assoc_actor_2=roles.assoc2, inter2=inter2,
        interaction=taxonomy.interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if inter2 == 7 else "",
        country=_country_name(ctx, place), iso3=(place.iso3 or "") if place else "",
        admin1=(place.admin1 or "") if place else "", admin2=(place.admin2 or "") if place else "",
        location=location, latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=GEO_PRECISION[place.precision] if place else 3,
        geonames_id=place.geonames_id if place else None,
        source="; ".join(s for s in (ctx.doc.outlet, ctx.doc.agency) if s),
        notes=_notes(ctx, hit, text), fatalities=counts["killed"], injured=counts["injured"],
        displaced=counts["displaced"], confidence=_confidence(hit, roles, place, time),
        evidence=event_evidence(ctx.doc.id, ctx.doc.clean_text, sources),
        article_ids=(ctx.doc.id,), sources_count=1, date_basis=date_basis,
        source_ids=(ctx.doc.source_id,) if ctx.doc.source_id else (),
        source_urls=(ctx.doc.url,) if ctx.doc.url else (),
    )


def _country_name(ctx: _Context, place: Place | None) -> str:
    if place is None or not place.country:
        return ""
    return ctx.resources.country_names.get(place.country, place.country)


def _notes(ctx: _Context, hit: TriggerHit, text: str) -> str:
    summary = text if len(text) <= 300 else text[:297] + "..."
    source = ctx.doc.outlet or ctx.doc.agency or "a source"
    if not ctx.dated:
        return f"{source[:1].upper()}{source[1:]} reported (no publication date): {summary}"
    return f"On {ctx.published.isoformat()}, {source} reported: {summary}"


def _names_year(text: str) -> bool:
    """Whether a time expression names its year ('13 September 2020', '2020-09-13')."""
    return any(len(word) == 4 and word.isdigit() for word in
               "".join(c if c.isalnum() else " " for c in text).split())


def _watch(ctx: _Context, sentence: Span) -> Watch | None:
    text = ctx.doc.clean_text[sentence.start:sentence.end]
    future_time = any(t.direction == "future" for t in ctx.doc.times
                      if _inside(sentence, t.start, t.end))
    if not (future_time or re.search(r"\bwill\b", text)) or re.search(r"\bwould\b", text):
        return None
    speaker = _SPEAKER.search(text)
    quote = next((q for q in ctx.doc.quotes if _inside(sentence, q.start, q.end)), None)
    who = speaker.group("who") if speaker else (quote.speaker if quote else None)
    when = next((t.text for t in ctx.doc.times
                 if _inside(sentence, t.start, t.end) and t.direction == "future"), None)
    return Watch(sentence.start, sentence.end, text, who, when)


def _territory_side(sub_event_type: str, inter1: int) -> str:
    """Who took the ground decides the sub-event type: state forces regain, others overtake."""
    if sub_event_type not in TERRITORY or not inter1:
        return sub_event_type
    return "Government regains territory" if inter1 == 1 else "Non-state actor overtakes territory"


def _less_descriptions(hits: tuple[TriggerHit, ...], taxonomy: Taxonomy, spacy_doc: Any
                       ) -> tuple[tuple[TriggerHit, ...], tuple[tuple[int, int], ...]]:
    """A sentence's triggers less violence told in a relative clause of what someone had done,
    which describes them where the sentence tells other violence ('two gunmen who had opened
    fire on worshippers were killed by commandos' is the killing; not 'the blast, which killed
    12', a clause of the event itself); and the reaches of those left out."""
    def describes(hit: TriggerHit) -> bool:
        scope = relative_clause(spacy_doc, hit.start, hit.end)
        return scope is not None and not any(o.start <= scope[2] < o.end for o in hits)

    violent = [h for h in hits if taxonomy.event_type_of(h.sub_event_type) in VIOLENT_TYPES]
    told = {h.start for h in violent if describes(h)}
    if not told or all(h.start in told for h in violent):
        return hits, ()
    reaches = (_reach(spacy_doc, h) for h in hits if h.start in told)
    return (tuple(h for h in hits if h.start not in told),
            tuple(r for r in reaches if r is not None))


def _clause(ctx: _Context, sentence: Span, spacy_doc: Any) -> Clause:
    """Triggers, parties (named actors and party words, less sources and modifiers such as
    'police station') and cues of a sentence."""
    text, cues = ctx.doc.clean_text, ctx.resources.cues
    named = []
    for entity in ctx.doc.entities:
        inter = _inter(ctx, entity.actor)
        if entity.actor and inter and _inside(sentence, entity.start, entity.end):
            named.append(Party(entity.start, entity.end, entity.text, KIND_OF_INTER[inter],
                               inter, entity.actor))
    words = [dataclasses.replace(p, group=_ethnic_group(ctx, p) or "")
             for p in cues.parties(text, sentence.start, sentence.end)
             if all(p.end <= n.start or n.end <= p.start for n in named)]
    hits, described = _less_descriptions(
        tuple(ctx.resources.triggers.find(text, sentence.start, sentence.end)),
        ctx.resources.taxonomy, spacy_doc)
    parties = tuple(sorted((dataclasses.replace(p, role=role_at(spacy_doc, p.start, p.end))
                            for p in named + words
                            if not names_no_actor(spacy_doc, p.start, p.end)),
                           key=lambda p: p.start))
    forces = cues.cue_spans("state_force", text, sentence.start, sentence.end)
    used = {p.start: [(s, e) for s, e in forces if abs(s - p.start) <= _NEAR
                      and role_for(spacy_doc, p.start, p.end, s, e) == "1"]
            for p in parties if p.kind in STATE_KINDS}
    told = cues.cues(text, sentence.start, sentence.end) | ctx.story_cues
    return Clause(hits, parties, told,
                  forcing=frozenset(start for start, spans in used.items() if spans),
                  shooting=frozenset(start for start, spans in used.items()
                                     if any(_SHOOTING.search(text, s, e) for s, e in spans)),
                  described=described)



def _kills(spacy_doc: Any, party: Entity, hit: TriggerHit, clause: Clause) -> bool:
    """Whether state forces named in a clause are the ones who kill: they act in the killing
    ('police shot dead two'), or they shoot (``clause.shooting``: 'one person was killed when
    the police fired 15 rounds'); not when they do something else beside it ('one person was
    stabbed to death even as police burst teargas shells'); or the trigger names their fire
    ('fell to police bullets'). Killings by fire, knives or lynching are theirs only where the
    trigger names them."""
    if hit.start <= party.start and party.end <= hit.end:
        return True
    if _OTHER_MEANS.search(hit.text):
        return False  # 'stabbed to death even as the police opened fire', 'charred to death'
    return party.start in clause.shooting or role_for(
        spacy_doc, party.start, party.end, hit.start, hit.end) == "1"


def _casualties_of_last(ctx: _Context, sentence: Span, hits: tuple[TriggerHit, ...],
                        events: list[Event]) -> bool:
    """'Three persons were injured in the firing, police said': casualties in a sentence with
    no event and no time of its own belong to the event told before it. True where the
    sentence tells casualties of another happening (a time or place of its own, another act),
    whose own later report ('the boy died of his injuries') is then not the event's either."""
    counts = _counts(ctx, sentence)
    text = ctx.doc.clean_text[sentence.start:sentence.end]
    if not (counts["killed"] or counts["injured"]) or _UNREAL.search(text):
        return False
    if _ELSEWHERE.search(text):
        return True  # 'elsewhere, 12 people were burnt to death'
    acts = [h for h in hits if not _CASUALTY_WORD.fullmatch(h.text.lower())]
    back = _BACK_REFERENCE.search(text)
    if not (back or (not acts and len(text.split()) <= 15)):
        return True  # another act named ('died after a stabbing'), not a back reference
    violent = [e for e in events if e.event_type in VIOLENT_TYPES]
    if (not back and violent and violent[-1].fatalities and counts["killed"]
            and all(e.fatalities < counts["killed"] for e in violent)):
        return True  # more dead than the event's own count, not said to be its: another toll
    if any(_inside(sentence, t.start, t.end) for t in ctx.doc.times) or any(
            _inside(sentence, p.start, p.end) for p in ctx.doc.places):
        return True  # a time or place of its own: maybe another happening
    add_casualties(events, Evidence(ctx.doc.id, sentence.start, sentence.end, text),
                   counts["injured"], counts["killed"])
    return False


def _retaliation(ctx: _Context, sentence: Span, clause: Clause, events: list[Event]
                 ) -> Event | None:
    """'A mob attacked the police ... A youth was killed in the retaliatory firing': force with
    no one named using it, said to hit back, is the force of the side the last violent event
    attacked (an armed side) on the side that attacked it: that event with the sides turned,
    dated and placed as it, with this sentence's counts. None where the sentence is not such."""
    text = ctx.doc.clean_text[sentence.start:sentence.end]
    if not events or _perpetrator(clause) or not _RETALIATION.search(text) or _UNREAL.search(
            text) or not any(_SHOOTING.search(h.text) for h in clause.hits):
        return None
    last = events[-1]
    if last.event_type not in VIOLENT_TYPES or last.inter2 not in _ARMED_INTER:
        return None
    counts = _counts(ctx, sentence)
    fields = evidence_fields(("event_type",), ("fatalities",) if counts["killed"] else (),
                             ("injured",) if counts["injured"] else ())
    taxonomy = ctx.resources.taxonomy
    return dataclasses.replace(
        rekeyed(last, f"{last.actor2}|{last.actor1}"),
        actor1=last.actor2, assoc_actor_1=last.assoc_actor_2, inter1=last.inter2,
        actor2=last.actor1, assoc_actor_2=last.assoc_actor_1, inter2=last.inter1,
        interaction=taxonomy.interaction(last.inter2, last.inter1),
        civilian_targeting="Civilian targeting" if last.inter1 == 7 else "",
        fatalities=counts["killed"], injured=counts["injured"], displaced=0,
        confidence=round(last.confidence * 0.85, 2),
        evidence=union_evidence(_turned(last.evidence), (
            Evidence(ctx.doc.id, sentence.start, sentence.end, text, fields),)))


_TURNED = {"actor1": "actor2", "actor2": "actor1", "event_date": "event_date",
           "location": "location"}


def _turned(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
    """An event's evidence for its sides, date and place, read for the event with its sides
    turned (what supported actor1 supports actor2)."""
    out = []
    for item in evidence:
        fields = evidence_fields(_TURNED[f] for f in item.fields if f in _TURNED)
        if fields:
            out.append(dataclasses.replace(item, fields=fields))
    return tuple(out)


def _state_killing_beside(ctx: _Context, sentence: Span, clause: Clause,
                          told: list[TriggerHit], spacy_doc: Any) -> list[TriggerHit]:
    """'Four persons were burnt alive and two killed in police firing': where a killing told is
    one the state forces do not do (by fire, knives, lynching) and state forces shoot in the
    clause, their shooting is a second killing of the sentence, with the count it governs."""
    means = next((h for h in told if h.sub_event_type == "Attack" and _OTHER_MEANS.search(
        h.text)), None)
    if not clause.shooting or means is None:
        return []
    fire = min((h for h in clause.hits if h.sub_event_type == "Attack" and _SHOOTING.search(
        h.text) and not _OTHER_MEANS.search(h.text)), key=lambda h: abs(h.start - means.start),
        default=None)  # the shooting told beside that killing
    hit = _happened(ctx, sentence, fire, clause, spacy_doc) if fire is not None else None
    return [hit] if hit is not None else []


def _happened(ctx: _Context, sentence: Span, chosen: TriggerHit, clause: Clause,
              spacy_doc: Any) -> TriggerHit | None:
    """The chosen trigger where it tells a happening; else a later trigger of the same
    sub-event type in the sentence that does, read as the chosen one ('arrested for refusing to
    act against a mob, ... fired at mobs in which four were killed': the second 'mobs'); None
    where no such trigger tells one."""
    text = ctx.doc.clean_text
    raw = {h.sub_event_type for h in clause.hits if h.start == chosen.start}
    same = [h for h in clause.hits if h.start > chosen.start and h.sub_event_type in raw]
    for hit in (chosen, *(dataclasses.replace(chosen, start=h.start, end=h.end, text=h.text)
                          for h in same)):
        if skip_reason(text, hit, sentence.start, sentence.end, spacy_doc) is None:
            return hit
    return None


def _perpetrator(clause: Clause) -> bool:
    return any(p.role == "1" and p.kind in ARMED_KINDS for p in clause.parties)


def code_events(doc: Document, spacy_doc: Any, resources: CoderResources) -> Document:
    """Events and forward-looking statements of a processed Document.

    The coder reads the body's times (a caption's offsets index the caption) and the entities
    that can be parties: not names nested in a longer mention, monitors or states named by
    their country (:func:`~dateline.nlp.entities.party_entities`)."""
    doc = dataclasses.replace(doc, times=tuple(t for t in doc.times if t.caption is None),
                              entities=party_entities(doc.entities, resources.actors))
    dated = bool(doc.published) and not any(f.startswith("no publication date")
                                            for f in doc.flags)
    published = dt.date.fromisoformat((doc.published or dt.date.today().isoformat())[:10])
    town, country = _main_place(doc.places)
    ctx = _Context(doc, resources, published,
                   tuple(main_armed_actors(list(doc.entities), resources.actors)), town, country,
                   dated, story_cues=resources.cues.cues(doc.clean_text) & _STORY_CUES)
    events: list[Event] = []
    watch: list[Watch] = []
    story: dict[str, tuple[str, int, TimeExpr | None]] = {}
    uncoded = False  # the last violence told was not coded (a past, hoped-for or denied one)
    for sentence in doc.sentences:
        clause = _clause(ctx, sentence, spacy_doc)
        found = len(events)
        told, violent = [], False
        for chosen in choose(clause, resources.taxonomy):
            violent = violent or (resources.taxonomy.event_type_of(
                chosen.sub_event_type) in VIOLENT_TYPES and not _CASUALTY_WORD.fullmatch(
                chosen.text.lower()))
            if chosen.sub_event_type == "Attack" and events and not _perpetrator(clause):
                continue  # victims without a perpetrator after an event: its casualties
            hit = _happened(ctx, sentence, chosen, clause, spacy_doc)
            if hit is not None:
                told.append(hit)
        _totals_of_violence_told(ctx, sentence, clause, spacy_doc)
        _narrative(ctx, sentence, clause)
        told.extend(_state_killing_beside(ctx, sentence, clause, told, spacy_doc))
        lead = next((h for h in told if resources.taxonomy.event_type_of(h.sub_event_type)
                     in VIOLENT_TYPES), told[0] if told else None)
        for hit in told:
            rivals = tuple(h for h in told if h is not hit)
            event = _build(ctx, sentence, hit, clause, spacy_doc, story, rivals, hit is lead)
            if event is not None and any(e.event_id == event.event_id for e in events[found:]):
                event = rekeyed(event, str(hit.start))  # two happenings told in one sentence
            if event is not None:
                events.append(event)
        hitting_back = _retaliation(ctx, sentence, clause, events) if len(
            events) == found else None
        if hitting_back is not None:
            events.append(hitting_back)
        apart = bool(len(events) == found and events and not uncoded and _casualties_of_last(
            ctx, sentence, clause.hits, events))
        # a casualty report right after violence told but not coded is that violence's
        coded = any(e.event_type in VIOLENT_TYPES for e in events[found:])
        uncoded = apart or (violent and not coded) or (uncoded and len(events) == found)
        item = _watch(ctx, sentence)
        if item is not None:
            watch.append(item)
    quantities = tuple(dataclasses.replace(q, actor=ctx.totals[q.start][0],
                                           inter=ctx.totals[q.start][1])
                       if q.start in ctx.totals else q for q in doc.quantities)
    return dataclasses.replace(doc, events=tuple(one_demonstration(merge_same(events))),
                               watch=tuple(watch),
                               quantities=quantities)
