"""Choosing the sub-event types of a clause from its triggers, the parties in it and its cues.

A trigger alone cannot tell some sub-event types apart; ACLED's codebook decides them by who
is involved and how things went:

- A protest (protest words or protesters) is a Violent demonstration when the demonstrators
  are violent (stones, arson, clashes with the police), Excessive force against protesters when
  lethal or seriously injuring force is used on them, Protest with intervention when they are
  dispersed, tear-gassed or arrested, else a Peaceful protest. A 'clash' between protesters and
  police is no Armed clash, and arrests at a protest are its intervention. A mob dispersed
  with tear gas is a riot, not a protest.
- Generic violence ('attack', 'killed', 'shot', 'opened fire') is an Armed clash when both
  sides are armed (state forces and an armed group, or a military target), an Attack when
  armed men or state forces in the clause turn on civilians or unnamed people, and nothing on
  its own when a more specific event (a battle, a bomb, a riot) already explains it or no one
  in the clause does it ("nine people were killed" restating the lede's bombing).

    >>> from dateline.events.parties import ClauseCues
    >>> from dateline.events.taxonomy import Taxonomy
    >>> from dateline.events.triggers import TriggerLexicon
    >>> text = "Protesters threw stones at police, who fired tear gas."
    >>> cues = ClauseCues.load()
    >>> clause = Clause(tuple(TriggerLexicon.load().find(text)), tuple(cues.parties(text)),
    ...                 cues.cues(text))
    >>> [h.sub_event_type for h in choose(clause, Taxonomy.load())]
    ['Violent demonstration']
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass

from dateline.events.parties import ARMED_KINDS, STATE_KINDS, Party
from dateline.events.taxonomy import Taxonomy
from dateline.events.triggers import TriggerHit

GENERIC_VIOLENCE = 0.6  # Attack triggers lighter than this say only that there was violence
PROTEST = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters")
RIOT = ("Violent demonstration", "Mob violence")
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
SPECIFIC_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Riots", "Protests"})
# Strategic developments that are happenings of their own beside another of the type: the
# police arresting 72 after looting is an arrest and a looting.
SEPARATE = frozenset({"Arrests"})


@dataclass(frozen=True)
class Clause:
    """What the coder reads in one sentence."""

    hits: tuple[TriggerHit, ...]
    parties: tuple[Party, ...]
    cues: frozenset[str]
    forcing: frozenset[int] = frozenset()  # starts of state parties that fire, charge, gas
    shooting: frozenset[int] = frozenset()  # those of them that fire or shoot
    # reaches of the triggers left out as told in a relative clause of what someone had done
    # ('the men who had lobbed grenades killing 30'): their counts are not the sentence's event's
    described: tuple[tuple[int, int], ...] = ()

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(p.kind for p in self.parties)

    def two_armed_sides(self, target: bool = True) -> bool:
        """Whether two armed sides are named (state forces and an armed group, two named armed
        actors) or, with ``target``, one attacked at a military target ('attacked the police
        post': the attacker may be named in no party)."""
        kinds = self.kinds
        named = {p.actor for p in self.parties if p.actor and p.kind in ARMED_KINDS}
        return (bool(kinds & STATE_KINDS) and "armed" in kinds) or len(named) >= 2 or (
            target and "military_target" in self.cues)

    def forces_acting(self) -> Party | None:
        """The state forces that use force in the clause ('police opened fire on the mob',
        'killed in police firing', 'forcing the police to open fire'): a state party the parse
        reads as the one acting in a word of state force (``forcing``), else one acting in the
        clause where it has such a word (``state_force`` cues); None otherwise."""
        if "state_force" not in self.cues:
            return None
        return next((p for p in self.parties if p.kind in STATE_KINDS and p.start in
                     self.forcing), None) or next(
            (p for p in self.parties if p.kind in STATE_KINDS and p.role == "1"), None)


def _as(hit: TriggerHit, sub_event_type: str, weight: float) -> TriggerHit:
    return dataclasses.replace(hit, sub_event_type=sub_event_type, weight=round(weight, 2))


_LONGEST_PARTY = 200  # characters: no party word or actor name is longer


def _outside_parties(hits: tuple[TriggerHit, ...], parties: tuple[Party, ...]
                     ) -> list[TriggerHit]:
    """'riot police' names a party, not a riot."""
    ordered = sorted(parties, key=lambda p: p.start)
    starts = [p.start for p in ordered]

    def named(hit: TriggerHit) -> bool:  # only parties begun shortly before the hit can hold it
        near = ordered[bisect.bisect_left(starts, hit.start - _LONGEST_PARTY):
                       bisect.bisect_right(starts, hit.start)]
        return any(hit.end <= p.end and p.end - p.start > hit.end - hit.start for p in near)

    return [h for h in hits if not named(h)]


def _strongest_by_sub(hits: list[TriggerHit]) -> dict[str, TriggerHit]:
    best: dict[str, TriggerHit] = {}
    for hit in hits:
        if hit.sub_event_type not in best or hit.weight > best[hit.sub_event_type].weight:
            best[hit.sub_event_type] = hit
    return best


def _protests(best: dict[str, TriggerHit], clause: Clause) -> dict[str, TriggerHit]:
    protest = [best[s] for s in PROTEST if s in best]
    if not protest:
        return best
    anchor = max(protest, key=lambda h: h.weight)
    kinds = clause.kinds
    clash = best.get("Armed clash")
    clash_of_protest = clash is not None and "armed" not in kinds
    out = {s: h for s, h in best.items() if s not in PROTEST}
    crowd_not_protest = "rioters" in kinds and "protesters" not in kinds and (
        PROTEST[0] not in best)
    if (any(s in best for s in RIOT) or "protest_violence" in clause.cues or clash_of_protest
            or crowd_not_protest):
        riot = max([best[s] for s in RIOT if s in best] + protest, key=lambda h: h.weight)
        out.pop("Mob violence", None)
        if clash_of_protest:
            out.pop("Armed clash", None)
        out["Violent demonstration"] = _as(riot, "Violent demonstration",
                                           max(riot.weight, 0.8))
    elif "Excessive force against protesters" in best or "lethal_force" in clause.cues:
        out["Excessive force against protesters"] = _as(anchor, PROTEST[2],
                                                        max(anchor.weight, 0.85))
        out.pop("Attack", None)
    elif "Protest with intervention" in best or "intervention" in clause.cues:
        out["Protest with intervention"] = _as(anchor, PROTEST[1], max(anchor.weight, 0.8))
        out.pop("Arrests", None)
    else:
        out["Peaceful protest"] = anchor if anchor.sub_event_type == PROTEST[0] else _as(
            anchor, PROTEST[0], anchor.weight)
    return out


def _violence(best: dict[str, TriggerHit], clause: Clause, taxonomy: Taxonomy
              ) -> dict[str, TriggerHit]:
    attack = best.get("Attack")
    if attack is None or attack.weight >= GENERIC_VIOLENCE:
        return best
    out = dict(best)
    del out["Attack"]
    specific = {taxonomy.event_type_of(s) for s in out} & SPECIFIC_VIOLENCE
    if specific or any(s in out for s in ("Sexual violence", "Abduction/forced disappearance")):
        return out
    kinds = clause.kinds
    acting = {p.kind for p in clause.parties if p.role == "1"} or _before(clause, attack)
    if clause.two_armed_sides():
        out["Armed clash"] = _as(attack, "Armed clash", 0.75)
    elif "rioters" in acting:
        out["Mob violence"] = _as(attack, "Mob violence", 0.7)
    elif acting & ARMED_KINDS:
        out["Attack"] = _as(attack, "Attack", 0.7 if "civilians" in kinds else 0.6)
    elif "civilians" in acting and "settlement_target" in clause.cues:
        out["Attack"] = _as(attack, "Attack", 0.65)  # farmers attacking a Fulani camp
    elif "civilians" in acting:  # residents beating a thief, farmers wounding a herder: a mob
        out["Mob violence"] = _as(attack, "Mob violence", 0.65)
    return out


def _before(clause: Clause, hit: TriggerHit) -> set[str]:
    """Where the parse names no one acting (the small model misreads 'a group of pastoralists
    equipped with blades attacked ...'), the party told last before the act, if the parse
    gives it no role either: news names the doer first."""
    earlier = [p for p in clause.parties if p.end <= hit.start]
    return {earlier[-1].kind} if earlier and earlier[-1].role is None else set()


def _riot_clash(best: dict[str, TriggerHit], clause: Clause) -> dict[str, TriggerHit]:
    """A mob clashing with state forces is a riot (ACLED's Violent demonstration), not an armed
    clash: a crowd is no organised armed group ('one person was killed as a mob clashed with
    the police', 'a mob attacked the police outpost'). The riot replaces the mob violence too,
    unless civilians are its victims."""
    clash = best.get("Armed clash")
    kinds = clause.kinds
    if clash is None or "rioters" not in kinds or not kinds & STATE_KINDS or (
            clause.two_armed_sides(target=False)):
        return best
    out = {s: h for s, h in best.items() if s != "Armed clash"}
    if "civilians" not in kinds:
        out.pop("Mob violence", None)
    riot = out.get("Violent demonstration")
    if riot is None or riot.weight < clash.weight:
        out["Violent demonstration"] = _as(clash, "Violent demonstration", max(clash.weight, 0.8))
    return out


def _brawl(best: dict[str, TriggerHit], clause: Clause) -> dict[str, TriggerHit]:
    """Civilians fighting one another with no weapon named and no one killed ('farmers and
    herders fought each other', 'two groups of taxi drivers fought over fees') is a brawl:
    ACLED's Mob violence, rioters against rioters. With machetes or firearms, or with dead,
    they fight as communal militias, an Armed clash. Not where an armed, state or rioting
    party, a named actor or a military target is in the clause."""
    clash = best.get("Armed clash")
    kinds = clause.kinds
    if clash is None or "civilians" not in kinds or kinds & (ARMED_KINDS | {"rioters"}) or any(
            p.actor for p in clause.parties) or clause.cues & {
            "military_target", "weapons", "deaths"}:
        return best
    out = {s: h for s, h in best.items() if s != "Armed clash"}
    out["Mob violence"] = _as(clash, "Mob violence", max(clash.weight - 0.1, 0.65))
    return out


def _rank(hit: TriggerHit, taxonomy: Taxonomy) -> tuple[int, float]:
    """The codebook's order of specificity first (a chemical agent over the shells that
    carried it, a suicide bomber over the car bomb, aircraft over their missiles), then the
    weight; a change of territory is more specific than the fighting that brought it."""
    territory = 0.5 if hit.sub_event_type in TERRITORY and hit.weight >= 0.7 else 0.0
    return taxonomy.specificity(hit.sub_event_type, hit.weight), hit.weight + territory


def _mob_killing(by_type: dict[str, TriggerHit], clause: Clause) -> bool:
    """'residents lynched and burned to death a thief': the killing is the mob's violence, not
    an Attack of its own, where no armed or state party acts in the clause."""
    riot = by_type.get("Riots")
    acting = {p.kind for p in clause.parties if p.role == "1"}
    return riot is not None and riot.sub_event_type == "Mob violence" and not (
        acting & ARMED_KINDS)


def choose(clause: Clause, taxonomy: Taxonomy) -> list[TriggerHit]:
    """The strongest sub-event type of each event type the clause signals, in text order."""
    best = _strongest_by_sub(_outside_parties(clause.hits, clause.parties))
    best = _brawl(_riot_clash(_violence(_protests(best, clause), clause, taxonomy), clause),
                  clause)
    by_type: dict[str, TriggerHit] = {}
    for hit in best.values():
        event_type = taxonomy.event_type_of(hit.sub_event_type)
        if hit.sub_event_type in SEPARATE:
            event_type = hit.sub_event_type
        if event_type not in by_type or (
                _rank(hit, taxonomy) > _rank(by_type[event_type], taxonomy)):
            by_type[event_type] = hit
    vac = by_type.get("Violence against civilians")
    if vac is not None and vac.sub_event_type == "Attack" and (
            "Explosions/Remote violence" in by_type or not clause.kinds & {"civilians", "armed",
                                                                            "police", "military"}
            or _mob_killing(by_type, clause)):
        del by_type["Violence against civilians"]
    return sorted(by_type.values(), key=lambda h: h.start)
