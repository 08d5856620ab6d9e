"""ACLED's taxonomy, the interaction code, and the trigger lexicon's agreement with both."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from dateline.events.taxonomy import Taxonomy, interaction

EVENT_TYPES = {
    "Battles": ["Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"],
}
DISORDER_TYPES = {"Political violence", "Demonstrations", "Strategic developments",
                  "Political violence; Demonstrations"}


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def test_25_sub_event_types_in_6_event_types(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.sub_event_types) == 25
    assert set(taxonomy.event_types) == set(EVENT_TYPES)
    for event_type, subs in EVENT_TYPES.items():
        assert list(taxonomy.sub_event_types_of(event_type)) == subs
        for sub in subs:
            assert taxonomy.event_type_of(sub) == event_type
            assert taxonomy.disorder_type_of(sub) in DISORDER_TYPES
            assert taxonomy.definition(sub)


@pytest.mark.parametrize(("sub", "disorder"), [
    ("Armed clash", "Political violence"), ("Air/drone strike", "Political violence"),
    ("Attack", "Political violence"), ("Peaceful protest", "Demonstrations"),
    ("Violent demonstration", "Demonstrations"), ("Mob violence", "Political violence"),
    ("Excessive force against protesters", "Political violence; Demonstrations"),
    ("Arrests", "Strategic developments"),
])
def test_disorder_types(taxonomy: Taxonomy, sub: str, disorder: str) -> None:
    assert taxonomy.disorder_type_of(sub) == disorder


def test_spellings(taxonomy: Taxonomy) -> None:
    assert taxonomy.canonical("air/drone STRIKE") == "Air/drone strike"
    protestors = taxonomy.canonical("Excessive force against protestors")
    assert protestors == "Excessive force against protesters"
    with pytest.raises(KeyError, match="not an ACLED sub-event type"):
        taxonomy.event_type_of("Bank robbery")


@pytest.mark.parametrize(("inter1", "inter2", "code"), [
    (1, 2, 12), (2, 1, 12), (1, 7, 17), (7, 1, 17), (2, 7, 27), (1, 1, 11), (8, 2, 28),
    (1, None, 10), (6, 0, 60), (None, 3, 30), (None, None, 0),
])
def test_interaction(taxonomy: Taxonomy, inter1: int | None, inter2: int | None, code: int) -> None:
    assert interaction(inter1, inter2) == code
    assert taxonomy.interaction(inter1, inter2) == code


def test_interaction_rejects_unknown_codes() -> None:
    with pytest.raises(ValueError, match="1 to 8"):
        interaction(9, 1)


def test_triggers_cover_every_sub_event_type(taxonomy: Taxonomy) -> None:
    data = json.loads(resources.files("dateline.data").joinpath("triggers.json").read_text("utf-8"))
    table = data["sub_event_types"]
    assert set(table) == set(taxonomy.sub_event_types)
    for sub, spec in table.items():
        assert spec["note"].strip(), sub
        triggers = spec["triggers"]
        # a list, not a corpus: Attack, the widest sub-event type (every way of killing or
        # hurting someone, in English and translated), is the longest at about fifty
        assert 10 <= len(triggers) <= 60, sub
        texts = [t["text"] for t in triggers]
        assert len(texts) == len(set(texts)), sub
        assert all(0 < t["weight"] <= 1 for t in triggers), sub


def test_register_cues_are_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 2002 Indian register (lathi charges, dharnas, jawans) is data kept apart from the
    general vocabulary: off by default, on where asked for."""
    from dateline.errors import DatelineError
    from dateline.events.parties import ClauseCues
    from dateline.events.triggers import TriggerLexicon

    text = "Police resorted to a lathi charge to break up the dharna of CRPF jawans."
    monkeypatch.delenv("DATELINE_REGISTERS", raising=False)
    assert not {h.text for h in TriggerLexicon.load().find(text)} & {"lathi charge", "dharna"}
    assert [p.text for p in ClauseCues.load().parties(text)] == ["Police"]
    register = frozenset({"in-2002"})
    assert {h.text for h in TriggerLexicon.load(register).find(text)} >= {"lathi charge",
                                                                          "dharna"}
    assert "jawans" in [p.text for p in ClauseCues.load(register).parties(text)]
    monkeypatch.setenv("DATELINE_REGISTERS", "in-2002")
    assert "dharna" in {h.text for h in TriggerLexicon.load().find(text)}
    with pytest.raises(DatelineError):
        TriggerLexicon.load(frozenset({"no-such-register"}))
