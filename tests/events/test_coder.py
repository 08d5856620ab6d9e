"""The event coder on sentences written for these tests: sub-event typing from triggers, frames,
parties and cues; roles in passive voice and nominalisations; what is not an event."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events.modality import skip_reason
from dateline.events.parties import ClauseCues
from dateline.events.resolve import Clause, choose
from dateline.events.taxonomy import Taxonomy
from dateline.events.triggers import TriggerLexicon
from dateline.model import RawDoc


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()


@pytest.fixture(scope="module")
def cues() -> ClauseCues:
    return ClauseCues.load()


def _events(pipeline: Any, text: str, published: str = "2023-05-10") -> list[Any]:
    result = pipeline.run(RawDoc(text, "text", "test", published=published))
    assert result.document is not None, result.outcome.reason
    return sorted(result.document.events, key=lambda e: -e.confidence)


def _top(pipeline: Any, text: str) -> str:
    events = _events(pipeline, text)
    return events[0].sub_event_type if events else "none"


@pytest.mark.parametrize(("text", "sub"), [
    ("Rebels rallied in the square and rallies followed.", "Peaceful protest"),
    ("Customs officers seized 40 rifles and 3,000 rounds of ammunition at the port.",
     "Disrupted weapons use"),
    ("Engineers defused a bomb left under a bridge.", "Disrupted weapons use"),
    ("The army captured two villages north of the river.", "Non-state actor overtakes territory"),
    ("The battalion set up a new base outside the town.", "Headquarters or base established"),
])
def test_triggers_and_frames(lexicon: TriggerLexicon, text: str, sub: str) -> None:
    hits = lexicon.find(text)
    assert max(hits, key=lambda h: (h.end - h.start, h.weight)).sub_event_type == sub


def test_a_frame_outranks_the_weapon_inside_it(lexicon: TriggerLexicon) -> None:
    hits = lexicon.find("Police found grenades and mortar shells in a farmhouse.")
    assert [h.sub_event_type for h in hits] == ["Disrupted weapons use"]


def test_accord_is_not_according(lexicon: TriggerLexicon) -> None:
    assert not lexicon.find("According to the mayor, the market reopened.")


@pytest.mark.parametrize(("text", "sub"), [
    ("Students marched peacefully through the capital demanding lower fees.",
     "Peaceful protest"),
    ("Protesters threw stones at the police and set tyres on fire.", "Violent demonstration"),
    ("Demonstrators clashed with police near the parliament.", "Violent demonstration"),
    ("Police fired tear gas to disperse the protesters.", "Protest with intervention"),
    ("Police detained 30 demonstrators at the protest.", "Protest with intervention"),
    ("Soldiers opened fire on the protesters, killing four.",
     "Excessive force against protesters"),
    ("Police used tear gas to disperse a mob that had gathered outside the mosque.",
     "Violent demonstration"),
    ("Gunmen killed five villagers in an overnight raid.", "Attack"),
    ("Militants attacked an army checkpoint on the highway.", "Armed clash"),
    ("Soldiers killed 12 insurgents near the border.", "Armed clash"),
])
def test_clause_typing(lexicon: TriggerLexicon, cues: ClauseCues, text: str, sub: str) -> None:
    clause = Clause(tuple(lexicon.find(text)), tuple(cues.parties(text)), cues.cues(text))
    chosen = choose(clause, Taxonomy.load())
    assert sub in [h.sub_event_type for h in chosen]


def test_riot_police_is_no_riot(lexicon: TriggerLexicon, cues: ClauseCues) -> None:
    text = "Riot police guarded the embassy."
    clause = Clause(tuple(lexicon.find(text)), tuple(cues.parties(text)), cues.cues(text))
    assert not any(h.sub_event_type == "Violent demonstration"
                   for h in choose(clause, Taxonomy.load()))


@pytest.mark.parametrize(("text", "trigger", "reason"), [
    ("The rebels threatened to attack the town.", "attack", "hypothetical"),
    ("The militia said it would attack the town.", "attack", "hypothetical"),
    ("No one was arrested.", "arrested", "negated"),
    ("Police arrested two men in connection with the abduction of a trader.", "abduction",
     "a past happening referred to (proceedings, remembrance)"),
    ("A victory would pave the way for the announcement of troops deployed abroad.",
     "deployed", "hypothetical"),
    ("The party chief has demanded the arrest of the militia leaders.", "arrest",
     "demanded, not told as done"),
    ("Some have called for a ban on the group and the arrest of its leaders.", "arrest",
     "demanded, not told as done"),
    ("Apprehending trouble, shopkeepers downed their shutters.", "apprehending",
     "apprehension (fear), not an arrest"),
    ("Hundreds gathered outside the courthouse demanding the release of prisoners.",
     "release of prisoners", "demanded, not told as done"),
    ("The protests, the largest since the group took control of the region, erupted in "
     "February.", "took control", "a past happening referred to (proceedings, remembrance)"),
])
def test_not_an_event(resources: Any, text: str, trigger: str, reason: str) -> None:
    hits = [h for h in TriggerLexicon.load().find(text) if trigger in h.text.lower()]
    assert hits, trigger
    assert skip_reason(text, hits[0], 0, len(text), resources.nlp(text)) == reason


@pytest.mark.parametrize("text", [
    "Police apprehended three suspects in the market.",
    "The arrest of the commander on Monday sparked protests.",
])
def test_arrests_told_as_done(resources: Any, text: str) -> None:
    hits = [h for h in TriggerLexicon.load().find(text) if h.sub_event_type == "Arrests"]
    assert hits and skip_reason(text, hits[0], 0, len(text), resources.nlp(text)) is None


def test_modal_of_another_clause_does_not_count(resources: Any) -> None:
    text = "Officials said the toll could rise after militants killed five farmers."
    hit = next(h for h in TriggerLexicon.load().find(text) if h.text == "killed")
    assert skip_reason(text, hit, 0, len(text), resources.nlp(text)) is None


def test_passive_and_agent(pipeline: Any) -> None:
    events = _events(pipeline, "On Tuesday, the SDF suffered two suicide attacks by Islamic "
                               "State fighters near Raqqa, Syria.")
    bomb = next(e for e in events if e.sub_event_type == "Suicide bomb")
    assert bomb.actor1.startswith("Islamic State")
    assert bomb.actor2.startswith("SDF")


@pytest.mark.parametrize(("text", "actor1"), [
    ("Idris, one of the two militants who were shot dead by the police in Ranchi on Monday, "
     "gave a dying declaration.", "Police"),
    ("Idris, one of the two militants who were shot dead in Ranchi on Monday, gave a dying "
     "declaration.", ""),
])
def test_the_noun_of_a_passive_relative_clause_is_the_one_harmed(pipeline: Any, text: str,
                                                                 actor1: str) -> None:
    (event,) = [e for e in _events(pipeline, text, "2002-01-30") if e.fatalities]
    assert event.inter2 in (2, 3) and event.actor1.startswith(actor1)
    assert event.inter1 in ((1,) if actor1 else (0,))


def test_what_a_party_had_done_describes_it_and_the_sentence_tells_what_befell_it(
        pipeline: Any) -> None:
    """A relative clause tells what the victims had done: the sentence's event is the
    killing, with the commandos acting, and the dead of the earlier attack are not theirs."""
    text = ("The two terrorists, who had lobbed grenades and fired at devotees killing 30 "
            "people, were shot dead by commandos after a gun battle on Wednesday.")
    events = _events(pipeline, text, "2002-09-26")
    assert events and all(e.inter1 == 1 and e.inter2 in (2, 3) for e in events)
    assert all(e.fatalities != 30 and e.sub_event_type != "Grenade" for e in events)
    text = "Two gunmen who had opened fire on worshippers were killed by commandos on Wednesday."
    assert [(e.inter1, e.fatalities) for e in _events(pipeline, text, "2002-09-26")] == [(1, 2)]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Two militants were shot dead by the police in Ranchi on Monday.", "Armed clash"),
    ("Two villagers were shot dead by the police in Ranchi on Monday.", "Attack"),
])
def test_violence_against_civilians_targets_the_unarmed(pipeline: Any, text: str,
                                                        sub_event_type: str) -> None:
    """Armed men killed by the forces were fought: ACLED codes an Armed clash, not an Attack."""
    assert [(e.sub_event_type, e.inter1, e.fatalities) for e in _events(
        pipeline, text, "2002-03-05")] == [(sub_event_type, 1, 2)]


@pytest.mark.parametrize("text", [
    "The blast, which killed 12 people, was claimed by the Islamic State on Monday.",
    "The police resorted to firing which killed 12 persons in Surat on Monday.",
])
def test_a_relative_clause_of_the_violence_itself_tells_its_dead(pipeline: Any,
                                                                  text: str) -> None:
    assert [e.fatalities for e in _events(pipeline, text, "2002-03-05")] == [12]


def test_nominalised_police_firing(pipeline: Any) -> None:
    events = _events(pipeline, "Two people were killed in police firing in Ahmedabad, India, "
                               "on Monday.", published="2002-03-05")
    attack = next(e for e in events if e.sub_event_type == "Attack")
    assert attack.inter1 == 1 and attack.actor1.startswith("Police Forces")
    assert attack.actor2.startswith("Civilians") and attack.fatalities == 2


def test_speaker_is_no_actor(pipeline: Any) -> None:
    events = _events(pipeline, "Police said gunmen killed five villagers in Kaduna, Nigeria, "
                               "on Sunday.")
    attack = next(e for e in events if e.sub_event_type == "Attack")
    assert attack.inter1 == 3 and attack.actor2.startswith("Civilians")


def test_speaker_who_speaks_of_itself_acts(pipeline: Any) -> None:
    events = _events(pipeline, "The Somali National Army said it had recaptured the town of "
                               "Bulo Burde in Somalia from Al Shabaab on Monday.")
    assert any(e.sub_event_type == "Government regains territory" for e in events)


def test_casualty_restatement_is_no_new_event(pipeline: Any) -> None:
    events = _events(pipeline, "A car bomb exploded at a checkpoint in Mogadishu, Somalia, on "
                               "Tuesday. Three police officers and two civilians were killed.")
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]


def test_protest_actors_follow_acled(pipeline: Any) -> None:
    events = _events(pipeline, "Police fired tear gas at protesters in Nairobi, Kenya, on "
                               "Tuesday.")
    protest = next(e for e in events if e.sub_event_type == "Protest with intervention")
    assert protest.actor1.startswith("Protesters") and protest.inter1 == 6
    assert protest.actor2.startswith("Police Forces") and protest.inter2 == 1
    events = _events(pipeline, "The protesters were arrested in Nairobi on Tuesday.")
    protest = next(e for e in events if e.sub_event_type == "Protest with intervention")
    assert protest.actor1.startswith("Protesters") and not protest.actor2  # not both sides


def test_undated_snippet_keeps_a_dated_event(pipeline: Any) -> None:
    result = pipeline.run(RawDoc("Rebels seized the town of Kidal in Mali on 3 March 2012.",
                                 "text", "test"))
    assert result.document is not None
    assert result.document.events


def test_confidence_in_unit_interval(pipeline: Any) -> None:
    for event in _events(pipeline, "Jets bombed a market in Idlib, Syria, on Friday, killing "
                                   "nine civilians."):
        assert 0 < event.confidence <= 1


@pytest.mark.parametrize(("text", "sub"), [
    ("Government helicopters dropped barrel bombs loaded with chlorine on the town.",
     "Chemical weapon"),
    ("Army units shelled the district with rockets carrying toxic gas.", "Chemical weapon"),
    ("A suicide bomber drove a car bomb into the gate of the police headquarters.",
     "Suicide bomb"),
    ("Warplanes fired missiles at a market in the northern town.", "Air/drone strike"),
    ("Fighter jets pounded militant hideouts in the mountains.", "Air/drone strike"),
    ("Rebels fired mortar rounds and rockets at the army barracks.",
     "Shelling/artillery/missile attack"),
])
def test_the_most_specific_weapon_decides(lexicon: TriggerLexicon, cues: ClauseCues, text: str,
                                          sub: str) -> None:
    """ACLED codes the most specific weapon: the chemical agent, the suicide attacker, the
    aircraft (``precedence`` in acled_taxonomy.json)."""
    clause = Clause(tuple(lexicon.find(text)), tuple(cues.parties(text)), cues.cues(text))
    chosen = [h.sub_event_type for h in choose(clause, Taxonomy.load())]
    assert chosen == [sub]


def test_serious_injuries_at_a_protest_are_excessive_force(pipeline: Any) -> None:
    text = "Police fired rubber bullets at demonstrators, seriously wounding twelve of them."
    assert _top(pipeline, text) == "Excessive force against protesters"
