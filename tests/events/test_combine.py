"""One event per happening in an article: a demonstration told over several sentences."""

from __future__ import annotations

import dataclasses

from dateline.events.combine import one_demonstration
from dateline.model import Event, Evidence


def _demo(sub: str, actor1: str, inter1: int, actor2: str = "", inter2: int = 0,
          start: int = 0) -> Event:
    from dateline.events.taxonomy import Taxonomy

    taxonomy = Taxonomy.load()
    return Event(f"e{start}", "2020-11-01", 1, taxonomy.disorder_type_of(sub),
                 taxonomy.event_type_of(sub), sub, actor1, actor2, inter1=inter1, inter2=inter2,
                 location="Nikki", confidence=0.8,
                 evidence=(Evidence("a", start, start + 5, "text"),))


def test_a_demonstration_told_in_several_sentences_is_one_riot() -> None:
    """'Youths marched to the police station. The mob threw stones and fought with the police.
    Two people were arrested.': one Violent demonstration, rioters against the police."""
    events = [_demo("Peaceful protest", "Protesters (Benin)", 6, start=0),
              _demo("Violent demonstration", "Rioters (Benin)", 5, start=50),
              _demo("Arrests", "Police Forces of Benin (2016-)", 1, "Rioters (Benin)", 5, 90)]
    one, arrest = one_demonstration(events)
    assert (one.sub_event_type, one.actor1, one.actor2, one.interaction) == (
        "Violent demonstration", "Rioters (Benin)", "Police Forces of Benin (2016-)", 15)
    assert len(one.evidence) == 2
    assert arrest == events[2]  # the arrest stays a record of its own


def test_protest_and_its_dispersal_is_a_protest_with_intervention() -> None:
    events = [_demo("Peaceful protest", "Protesters (Benin)", 6, start=0),
              _demo("Protest with intervention", "Protesters (Benin)", 6,
                    "Police Forces of Benin (2016-)", 1, 40)]
    [one] = one_demonstration(events)
    assert (one.sub_event_type, one.actor1, one.actor2) == (
        "Protest with intervention", "Protesters (Benin)", "Police Forces of Benin (2016-)")


def test_a_protest_whose_demonstrators_were_arrested_had_an_intervention() -> None:
    events = [_demo("Peaceful protest", "Protesters (Benin)", 6, start=0),
              _demo("Arrests", "Police Forces of Benin (2016-)", 1, "Protesters (Benin)", 6, 40)]
    protest, arrest = one_demonstration(events)
    assert (protest.sub_event_type, protest.actor2) == (
        "Protest with intervention", "Police Forces of Benin (2016-)")
    assert arrest == events[1]


def test_a_riot_the_forces_fired_on_stays_apart() -> None:
    """'Police opened fire on the mob': the forces' own use of force is not folded into the
    crowd's record (its sides would turn)."""
    events = [_demo("Violent demonstration", "Rioters (Benin)", 5, start=0),
              _demo("Violent demonstration", "Police Forces of Benin (2016-)", 1,
                    "Rioters (Benin)", 5, 40)]
    assert one_demonstration(events) == events


def test_other_days_places_and_mob_violence_stay_apart() -> None:
    protest = _demo("Peaceful protest", "Protesters (Benin)", 6)
    elsewhere = dataclasses.replace(_demo("Violent demonstration", "Rioters (Benin)", 5, start=9),
                                    location="Kandi")
    mob = _demo("Mob violence", "Rioters (Benin)", 5, "Civilians (Benin)", 7, 20)
    assert one_demonstration([protest, elsewhere, mob]) == [protest, elsewhere, mob]
