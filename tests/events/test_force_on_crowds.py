"""State forces using force on a rioting crowd, and casualty reports that join the event they
follow; sentences written for these tests."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from dateline.events.combine import add_casualties, merge_same, same_sides
from dateline.events.parties import ClauseCues, Party
from dateline.events.resolve import Clause
from dateline.model import Event, Evidence, RawDoc


@pytest.fixture(scope="module")
def india_2002(resources):  # type: ignore[no-untyped-def]
    """The pipeline with the cues of the 2002 Indian register on (police parties, jawans,
    miscreants, lathi charges), which these police-report sentences are written in."""
    from dateline.api import build_pipeline

    return build_pipeline(resources.with_registers(frozenset({"in-2002"})))


def _events(pipeline: Any, text: str, published: str = "2023-05-10") -> list[Any]:
    result = pipeline.run(RawDoc(text, "text", "test", published=published))
    assert result.document is not None, result.outcome.reason
    return list(result.document.events)


def _riots(events: list[Any]) -> list[Any]:
    return [e for e in events if e.event_type == "Riots"]


@pytest.mark.parametrize("text", [
    "Police opened fire on a stone-pelting mob in Nagpur on Monday.",
    "In Nagpur, police used batons on a rampaging mob on Monday.",
    "Police fired tear gas shells to disperse rioters in Nagpur on Monday.",
])
def test_forces_using_force_on_a_mob_come_first(pipeline: Any, text: str) -> None:
    (riot,) = _riots(_events(pipeline, text))
    assert riot.inter1 == 1 and riot.inter2 == 5
    assert riot.actor1.startswith("Police Forces")


@pytest.mark.parametrize("text", [
    "A mob attacked policemen in Nagpur on Monday.",
    "Rioters torched shops in Nagpur on Monday as police watched.",
])
def test_a_mob_acting_stays_actor1(pipeline: Any, text: str) -> None:
    riots = _riots(_events(pipeline, text))
    assert riots and all(e.inter1 == 5 for e in riots)


def test_killed_in_police_firing_during_a_riot(pipeline: Any) -> None:
    text = ("Two people were killed in police firing as mobs went on the rampage in Nagpur "
            "on Monday.")
    (riot,) = _riots(_events(pipeline, text))
    assert riot.inter1 == 1 and riot.fatalities == 2


def test_forces_acting_needs_a_word_of_force() -> None:
    police = Party(0, 6, "Police", "police", 1, role="1")
    assert Clause((), (police,), frozenset({"state_force"})).forces_acting() == police
    assert Clause((), (police,), frozenset()).forces_acting() is None
    passive = Party(0, 6, "Police", "police", 1, role="2")
    assert Clause((), (passive,), frozenset({"state_force"})).forces_acting() is None


def test_state_force_cues() -> None:
    cues = ClauseCues.load()
    assert "state_force" in ClauseCues.load(frozenset({"in-2002"})).cues(
        "Police lathi-charged the crowd.")
    assert "state_force" in cues.cues("They fired 12 rounds in the air.")
    assert "state_force" not in cues.cues("The mob set fire to a bus.")


def _event(actor1: str, actor2: str, event_type: str = "Riots") -> Event:
    sub = "Armed clash" if event_type == "Battles" else "Violent demonstration"
    return Event("e1", "2023-05-08", 1, "", event_type, sub, actor1, actor2, confidence=0.7)


def test_order_of_sides_matters_outside_battles() -> None:
    police, mob = "Police Forces of India", "Rioters (India)"
    assert not same_sides(_event(police, mob), _event(mob, police))
    assert same_sides(_event(police, "Army", "Battles"), _event("Army", police, "Battles"))
    assert len(merge_same([_event(police, mob), _event(mob, police)])) == 2


def test_mentions_kept_apart_under_a_shared_id_still_merge_and_ids_stay_unique() -> None:
    force = Event("e1", "2023-05-08", 1, "", "Protests", "Excessive force against protesters",
                  "HTS", "Protesters (Syria)", confidence=0.8)
    arrests = dataclasses.replace(force, sub_event_type="Protest with intervention",
                                  actor1="Protesters (Syria)", actor2="", injured=3)
    retold = dataclasses.replace(arrests, sub_event_type="Peaceful protest", injured=0,
                                 confidence=0.6)
    merged = merge_same([force, arrests, retold])
    assert len(merged) == 2 and len({e.event_id for e in merged}) == 2
    assert merged[1].sub_event_type == "Protest with intervention" and merged[1].injured == 3


def test_strategic_developments_of_different_kinds_are_two_happenings(pipeline: Any) -> None:
    arrest = Event("e1", "2023-05-08", 1, "", "Strategic developments", "Arrests",
                   "Police Forces of India", "", confidence=0.7)
    looting = dataclasses.replace(arrest, sub_event_type="Looting/property destruction",
                                  actor1="Rioters (India)", confidence=0.8)
    assert len(merge_same([arrest, looting])) == 2
    assert len(merge_same([arrest, dataclasses.replace(arrest, confidence=0.8)])) == 1
    text = ("Rioters looted shops in Kalupur on Monday. About 35 persons were arrested in this "
            "connection.")
    assert {e.sub_event_type for e in _events(pipeline, text, "2002-03-05")} >= {
        "Arrests", "Looting/property destruction"}


def test_casualty_report_joins_the_event_before_it(pipeline: Any) -> None:
    text = ("Police opened fire on a stone-pelting mob in Nagpur on Monday. "
            "Three persons were injured in the firing, police said.")
    (riot,) = _riots(_events(pipeline, text))
    assert len(riot.evidence) == 2 and riot.injured == 3


@pytest.mark.parametrize("second", [
    "Three persons could have been injured in the firing.",   # not said to have happened
    "In 1998 three persons were injured in the firing.",      # a time of its own
])
def test_casualty_report_of_another_happening_stays_apart(pipeline: Any, second: str) -> None:
    text = f"Police opened fire on a stone-pelting mob in Nagpur on Monday. {second}"
    (riot,) = _riots(_events(pipeline, text))
    assert len(riot.evidence) == 1


def test_add_casualties_keeps_fatalities_and_skips_non_violent_events() -> None:
    riot = _event("Police Forces of India", "Rioters (India)")
    arrests = Event("e2", "2023-05-08", 1, "", "Strategic developments", "Arrests", "Police")
    evidence = Evidence("a", 0, 10, "Two injured.")
    events = [riot, arrests]
    assert add_casualties(events, evidence, injured=2)
    assert events[0].evidence == (dataclasses.replace(evidence, fields=("injured",)),)
    assert events[0].injured == 2
    assert events[0].fatalities == 0 and events[1] is arrests
    assert not add_casualties([arrests], evidence)


def test_a_quoted_toll_after_the_firing_gives_the_fatalities(pipeline: Any) -> None:
    text = ("Police had to open fire to quell a rioting mob in Bharuch on Tuesday. "
            '"Four persons have been killed and five are injured," the collector said.')
    (riot,) = _riots(_events(pipeline, text))
    assert (riot.fatalities, riot.injured) == (4, 5)
    assert "fatalities" in riot.evidence[-1].fields


def test_add_casualties_fills_fatalities_the_event_lacked_and_keeps_its_own() -> None:
    evidence = Evidence("a", 0, 10, "Four killed.")
    events = [_event("Police Forces of India", "Rioters (India)")]
    assert add_casualties(events, evidence, killed=4)
    assert events[0].fatalities == 4 and events[0].evidence[0].fields == ("fatalities",)
    told = [dataclasses.replace(_event("Police Forces of India", "Rioters (India)"),
                                fatalities=2)]
    assert add_casualties(told, evidence, killed=9) and told[0].fatalities == 2


def test_a_stabbing_after_the_firing_is_another_happening(pipeline: Any) -> None:
    text = ("Police opened fire on a stone-pelting mob in Nagpur on Monday. "
            "One person died following a stabbing.")
    (riot,) = _riots(_events(pipeline, text))
    assert riot.fatalities == 0 and len(riot.evidence) == 1


def test_forces_made_to_fire_use_force(pipeline: Any) -> None:
    text = ("Trouble began when mobs gathered at the bazaar in Bharuch on Tuesday and indulged "
            "in rioting, forcing the police to open fire.")
    (riot,) = _riots(_events(pipeline, text))
    assert riot.actor1.startswith("Police Forces") and riot.actor2.startswith("Rioters")


def test_a_later_trigger_of_the_type_tells_the_happening(pipeline: Any) -> None:
    text = ("While one officer was arrested for refusing to act against a mob, the police in "
            "Bhavnagar opened fire at mobs on Monday in which four persons were killed.")
    (riot,) = _riots(_events(pipeline, text))
    assert riot.actor1.startswith("Police Forces") and riot.fatalities == 4
    assert riot.evidence[0].text.startswith("While one officer")


def test_who_finds_the_dead_did_not_kill_them(pipeline: Any) -> None:
    text = ("In Ghodasar on Wednesday the police found 13 bodies of residents who had been "
            "slaughtered by a mob.")
    events = _events(pipeline, text, published="2002-03-06")
    assert events and all(not e.actor1.startswith("Police") for e in events)


def test_forces_beside_a_killing_are_not_its_killers(pipeline: Any) -> None:
    text = ("One person was stabbed to death in Surat on Sunday night even as police burst "
            "teargas shells at a mob in Prantij.")
    attacks = [e for e in _events(pipeline, text) if e.sub_event_type == "Attack"]
    assert attacks and not attacks[0].actor1.startswith("Police")
    text = "One person was killed when the police fired 15 rounds in Santrampur on Monday."
    attacks = [e for e in _events(pipeline, text) if e.sub_event_type == "Attack"]
    assert attacks and attacks[0].actor1.startswith("Police")


def test_each_event_of_a_sentence_keeps_its_own_count(pipeline: Any) -> None:
    text = ("While one officer was arrested for refusing to act against a mob in Kutch, the "
            "police in Bhavnagar opened fire at mobs on Monday in which four persons were killed.")
    events = _events(pipeline, text)
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].fatalities == 0
    assert [e.fatalities for e in _riots(events)] == [4]


@pytest.mark.parametrize(("text", "fatalities"), [
    ("Four people fell to police bullets in Bapunagar on Friday.", 4),
    ("A boy died after being hit by a police bullet in Nagpur on Friday.", 1),
    ("A man succumbed to bullet injuries sustained in police firing in Nagpur on Friday.", 1),
    ("One person died in the firing by the police in Nagpur on Friday.", 1),
    ("Police firing claimed two lives in Nagpur on Friday.", 2),
    ("A 20-year-old was shot dead by the police in Nagpur on Friday.", 1),
    ("Police gunned down a suspected militant in Nagpur on Friday.", 1),
])
def test_deaths_from_police_fire_are_the_police_s_killing(pipeline: Any, text: str,
                                                           fatalities: int) -> None:
    events = _events(pipeline, text, "2002-03-05")
    assert [(e.event_type, e.inter1, e.fatalities) for e in events if e.fatalities] == [
        (events[0].event_type, 1, fatalities)]
    assert events[0].event_type in ("Violence against civilians", "Battles")
    assert events[0].actor1.startswith("Police Forces")


@pytest.mark.parametrize("text", [
    "A youth was killed when a stone-pelting mob attacked a police party, which opened fire, "
    "in Nagpur on Friday.",
    "A constable opened fire on the rioters in Nagpur on Friday, killing one of them.",
])
def test_a_police_party_and_a_constable_are_the_police(india_2002: Any, text: str) -> None:
    events = _events(india_2002, text, "2002-03-05")
    assert any(e.inter1 == 1 and e.fatalities == 1 for e in events), events


def test_a_town_that_fell_is_not_a_death_by_bullets(pipeline: Any) -> None:
    (event,) = _events(pipeline, "The town fell to the rebels on Friday.", "2002-03-05")
    assert event.event_type == "Strategic developments" or "territory" in event.sub_event_type


def test_a_toll_after_violence_not_coded_is_not_the_earlier_event_s(pipeline: Any) -> None:
    text = ("Police opened fire on a mob in Nagpur on Monday, killing two people. The town had "
            "seen a massacre in 1992, which residents still remember. Sixty-five people were "
            "killed in the incident.")
    events = _events(pipeline, text)
    assert [e.fatalities for e in events if e.fatalities] == [2]
    assert all("Sixty-five" not in text[v.start:v.end] for e in events for v in e.evidence)


def test_firing_by_the_police_names_who_fired(pipeline: Any) -> None:
    events = _events(pipeline, "Two persons were killed in firing by the state reserve police "
                               "in Nagpur on Monday.")
    assert [(e.inter1, e.fatalities) for e in events] == [(1, 2)]


def test_running_totals_are_no_event_s_count_but_keep_who_killed(pipeline: Any) -> None:
    text = ("Police opened fire on a mob in Deodhar on Sunday, killing two people. According to "
            "figures in the state police control room, 73 have been killed in firing by the "
            "police. Most of the deaths were in Ahmedabad, where the toll is now quoted at 233, "
            "including 30 killed in police firing.")
    result = pipeline.run(RawDoc(text, "text", "test", published="2002-03-04"))
    doc = result.document
    assert [e.fatalities for e in doc.events if e.fatalities] == [2]
    totals = {q.value: (q.actor, q.inter) for q in doc.quantities if q.cumulative}
    assert totals[73] == totals[30] == ("Police Forces of India", 1)
    assert totals[233] == ("", 0)  # the whole toll, of which the police's 30 are a part


def test_a_later_report_of_another_happening_s_victim_stays_apart(pipeline: Any) -> None:
    text = ("Police opened fire on a rioting mob in Bharuch on Tuesday, killing two. On Monday "
            "evening a student was killed near the temple while returning home. The boy died "
            "of serious head injuries.")
    events = _events(pipeline, text, "2002-03-05")
    assert all("The boy" not in text[v.start:v.end] for e in events for v in e.evidence)
    assert [e.fatalities for e in events if e.inter1 == 1] == [2]


@pytest.mark.parametrize("text", [
    "Police arrested 72 people in Surat on Monday after complaints of looting.",
    "Four men were held in connection with the burning of a truck in Surat on Monday.",
    "The leader was sent to jail by a magistrate in Surat on Monday.",
    "Police put behind bars 12 rioters in Surat on Monday.",
])
def test_an_arrest_is_coded_beside_another_strategic_development(pipeline: Any,
                                                                  text: str) -> None:
    assert "Arrests" in [e.sub_event_type for e in _events(pipeline, text, "2002-03-05")]


def test_a_killing_by_fire_or_knife_is_not_the_police_s(pipeline: Any) -> None:
    text = ("Two persons were stabbed to death in Kalupur on Monday even as the police opened "
            "fire to disperse the mob.")
    assert all(e.inter1 != 1 for e in _events(pipeline, text) if e.fatalities)
    text = ("The police have arrested 65 persons in connection with the burning of a train in "
            "Godhra, in which 58 passengers were charred to death so far.")
    result = pipeline.run(RawDoc(text, "text", "test", published="2002-03-05"))
    doc = result.document
    assert all(e.inter1 != 1 for e in doc.events if e.fatalities)
    assert all(q.inter != 1 for q in doc.quantities if q.measure == "killed")


def test_the_police_s_killing_beside_a_burning_is_its_own_event(pipeline: Any) -> None:
    text = ("There was also a clash in Deodhar on Sunday, where four persons were burnt alive "
            "and two persons were killed in police firing.")
    events = [e for e in _events(pipeline, text) if e.sub_event_type == "Attack"]
    assert sorted((e.inter1 == 1, e.fatalities) for e in events) == [(False, 4), (True, 2)]


def test_an_arrest_has_no_dead(pipeline: Any) -> None:
    text = ("Police arrested 700 people in Surat on Monday after riots in which 58 people "
            "were killed.")
    arrests = [e for e in _events(pipeline, text) if e.sub_event_type == "Arrests"]
    assert arrests and all(e.fatalities == 0 and e.injured == 0 for e in arrests)


def test_firing_in_retaliation_is_the_attacked_side_s(pipeline: Any) -> None:
    text = ("A mob attacked the police at the Naroda crossing on Friday evening. A youth was "
            "killed in the retaliatory firing. Another person died in the firing later.")
    events = _events(pipeline, text, "2002-03-05")
    (back,) = [e for e in events if e.inter1 == 1]
    assert (back.inter2, back.fatalities) == (5, 1)
    assert any(text[v.start:v.end].startswith("A youth") and "fatalities" in v.fields
               for v in back.evidence)
    assert not any(text[v.start:v.end].startswith("A youth") and "actor1" in v.fields
                   for v in back.evidence)  # the sentence does not name who fired


@pytest.mark.parametrize("second", [
    "elsewhere, 12 people were burnt to death in the naroda area.",
    "in a separate incident, 12 people died in the naroda area.",
    "twelve people have died in the city.",
])
def test_a_larger_toll_after_an_event_s_own_count_is_not_its(pipeline: Any,
                                                              second: str) -> None:
    # lowercased, as some archives give their text: no place is known by its capital
    text = f"the police fired 40 rounds at a mob in bapunagar, killing two youths. {second}"
    (police,) = [e for e in _events(pipeline, text, "2002-03-05") if e.inter1 == 1]
    assert police.fatalities == 2
    assert all(not text[v.start:v.end].startswith(second[:8]) for v in police.evidence)


def test_dead_in_no_trigger_s_reach_are_counted_once(pipeline: Any) -> None:
    text = ("Eleven people were killed when two suicide bombers stormed a temple in Jammu on "
            "Saturday and engaged the police in a gunbattle.")
    events = _events(pipeline, text, "2002-03-31")
    assert len(events) >= 2
    assert sum(e.fatalities for e in events) == 11


@pytest.mark.parametrize(("text", "value", "inter"), [
    ("Advani said 77 deaths due to police firing had been reported from the state so far.",
     77, 1),
    ("The state figures, unlike those of the city, show that of the 100 who succumbed to the "
     "police firing, 60 were from the majority community.", 100, 1),
    ("Of the 571 people who died in the violence, 494 were killed by rioting mobs as compared "
     "to 77 in other incidents.", 494, 5),
])
def test_statistics_are_running_totals_with_who_caused_them(pipeline: Any, text: str,
                                                            value: int, inter: int) -> None:
    doc = pipeline.run(RawDoc(text, "text", "test", published="2002-04-10")).document
    assert not [e for e in doc.events if e.fatalities]
    totals = {q.value: q.inter for q in doc.quantities if q.cumulative}
    assert totals[value] == inter


def test_unidentified_men_and_miscreants_are_an_armed_party(india_2002: Any) -> None:
    for text in ("Two persons were killed when unidentified persons opened fire on them near "
                 "the bus stand on Monday, the police said.",
                 "Police sources said two persons were shot dead by miscreants on Monday."):
        events = [e for e in _events(india_2002, text, "2002-03-05") if e.fatalities]
        assert [(e.sub_event_type, e.inter1, e.fatalities) for e in events] == [
            ("Attack", 3, 2)]


def test_the_dead_of_the_police_s_failure_are_not_their_killing(pipeline: Any) -> None:
    text = ("Scores of people have been killed in rural Gujarat due to police failure, and the "
            "police are now obstructing the legal process.")
    doc = pipeline.run(RawDoc(text, "text", "test", published="2002-03-25")).document
    assert all(e.inter1 != 1 for e in doc.events)
    assert all(q.inter != 1 for q in doc.quantities)
    text = "Two persons were killed when the police fired at a mob in Surat on Monday."
    assert [e.inter1 for e in _events(pipeline, text, "2002-03-25") if e.fatalities] == [1]


@pytest.mark.parametrize("text", [
    "One person was killed when a mob clashed with the police at Kalupur on Monday.",
    "One person was killed in a clash between a mob and the police at Kalupur on Monday.",
])
def test_a_mob_clashing_with_the_police_is_a_riot_not_an_armed_clash(pipeline: Any,
                                                                     text: str) -> None:
    events = _events(pipeline, text)
    assert [(e.sub_event_type, e.inter1, e.inter2, e.fatalities) for e in events] == [
        ("Violent demonstration", 5, 1, 1)]


@pytest.mark.parametrize("text", [
    "A mob attacked the police station at Kalol on Monday, forcing the police to open fire in "
    "which one person was killed.",
    "A mob of 500 attacked the police outpost at Naroda on Monday, and one person was killed "
    "when police fired.",
])
def test_a_mob_attacking_a_police_post_is_a_riot_with_its_dead_counted_once(
        pipeline: Any, text: str) -> None:
    """A police post is a military target, but a mob is no armed group: no Armed clash with
    one side beside the riot, holding the same dead a second time."""
    events = _events(pipeline, text)
    assert [(e.sub_event_type, e.inter1, e.fatalities) for e in events] == [
        ("Violent demonstration", 1, 1)]
