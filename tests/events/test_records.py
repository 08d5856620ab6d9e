"""Whole records, as an analyst reads them: type, sides named as ACLED names them on the day,
place, date and toll together. Texts written for these tests in the style of local reporting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dateline.model import Event, RawDoc


def _records(pipeline: Any, text: str, published: str) -> list[Event]:
    doc = pipeline.run(RawDoc(text, "text", "test", published=published)).document
    assert doc is not None
    return list(doc.events)


def test_a_crowd_beating_a_thief_to_death_is_mob_violence(pipeline: Any) -> None:
    [event] = _records(pipeline, "On 4 March 2021, a number of residents beat and killed a "
                       "suspected thief at the market in Kandi (Kandi, Alibori).", "2021-03-05")
    assert (event.sub_event_type, event.actor1, event.actor2, event.fatalities) == (
        "Mob violence", "Rioters (Benin)", "Civilians (Benin)", 1)
    assert (event.event_date, event.location, event.admin1) == ("2021-03-04", "Kandi", "Alibori")


def test_farmers_attacking_a_camp_are_a_communal_militia(pipeline: Any) -> None:
    [event] = _records(pipeline, "On 9 May 2021, a group of farmers attacked a Fulani camp near "
                       "Segbana (Segbana, Alibori) and burned several huts.", "2021-05-10")
    assert (event.sub_event_type, event.actor1, event.inter1) == (
        "Attack", "Unidentified Communal Militia (Benin)", 4)


def test_armed_men_seen_are_a_change_to_group_activity(pipeline: Any) -> None:
    [event] = _records(pipeline, "On 2 June 2022, dozens of gunmen were seen on motorbikes near "
                       "Porga (Materi, Atacora).", "2022-06-03")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Change to group/activity", "Unidentified Armed Group (Benin)", "")


@pytest.mark.parametrize(("published", "actor", "inter"), [
    ("2020-03-15", "Taliban", 2),  # a rebel group before it took Kabul
    ("2022-03-15", "Military Forces of Afghanistan (2021-)", 1),
])
def test_actors_take_the_name_of_the_events_day(pipeline: Any, published: str, actor: str,
                                                inter: int) -> None:
    events = _records(pipeline, "The Taliban attacked a checkpoint in Garmsir district, Helmand "
                      "province, on Monday.", published)
    sides = {(e.actor1, e.inter1) for e in events} | {(e.actor2, e.inter2) for e in events}
    assert (actor, inter) in sides


def test_a_countrys_forces_named_by_nationality_with_the_regimes_period(pipeline: Any) -> None:
    [event] = _records(pipeline, "On 8 February 2021, Beninese soldiers clashed with gunmen near "
                       "Porga (Materi, Atacora).", "2021-02-09")
    assert "Military Forces of Benin (2016-)" in (event.actor1, event.actor2)


def test_a_demonstration_told_in_two_sentences_is_one_record(pipeline: Any) -> None:
    events = _records(pipeline, "On 3 May 2021, hundreds of teachers marched in Parakou (Parakou, "
                      "Borgou) to demand unpaid bonuses. Police fired tear gas to disperse the "
                      "demonstrators.", "2021-05-04")
    protests = [e for e in events if e.event_type in ("Protests", "Riots")]
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in protests] == [
        ("Protest with intervention", "Protesters (Benin)", "Police Forces of Benin (2016-)")]


def test_the_time_opening_a_sentence_is_its_events(pipeline: Any) -> None:
    [event] = _records(pipeline, "On 1 May 2019, rioters burned the town hall of Kandi (Kandi, "
                       "Alibori) in protest at the election held on April 28.", "2019-05-02")
    assert event.event_date == "2019-05-01"


def test_a_village_the_gazetteer_lacks_is_placed_in_its_district(pipeline: Any) -> None:
    [event] = _records(pipeline, "On 12 January 2022, gunmen abducted a herder in Gbessassi "
                       "(Kalale, Borgou).", "2022-01-13")
    assert (event.country, event.admin1, event.admin2) == ("Benin", "Borgou", "Kalale")
    assert event.geo_precision in (1, 2)


@pytest.mark.parametrize(("text", "sub_event_type", "actor2"), [
    ("On 5 July 2021, farmers and herders fought each other over a damaged field in Kandi "
     "(Kandi, Alibori).", "Mob violence", "Rioters (Benin)"),  # a brawl: rioters on both sides
    ("On 5 July 2021, farmers and herders clashed with machetes over a damaged field in Kandi "
     "(Kandi, Alibori).", "Armed clash", "Unidentified Communal Militia (Benin)"),
])
def test_civilians_fighting_brawl_or_militias(pipeline: Any, text: str, sub_event_type: str,
                                              actor2: str) -> None:
    [event] = _records(pipeline, text, "2021-07-06")
    assert (event.sub_event_type, event.actor2) == (sub_event_type, actor2)


def test_no_invented_dates_for_an_undated_article(pipeline) -> None:  # type: ignore[no-untyped-def]
    """Without a publication date, a day counted from the run ('on saturday') is not the
    event's: the event is undated (the run's day, precision 3, date_basis 'run'); a date the
    text gives with its year stays."""
    from dateline.api import process

    undated = process("ahmedabad: a mob set fire to two shops on saturday and police opened "
                      "fire, killing one man.", pipeline=pipeline)
    assert undated.published is None
    assert any(f.startswith("no publication date") for f in undated.flags)
    (event,) = undated.events
    assert (event.time_precision, event.date_basis) == (3, "run")
    assert event.event_date == dt.date.today().isoformat()
    assert "no publication date" in event.notes
    told = process("On 13 September 2020, herders attacked a farmer in Kalale. He died.",
                   pipeline=pipeline)
    assert [(e.event_date, e.time_precision, e.date_basis) for e in told.events] == [
        ("2020-09-13", 1, "")]


def test_a_date_line_gives_the_publication_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    from dateline.api import process

    doc = process("This story is from March 10, 2002\n\nahmedabad: a mob set fire to two shops "
                  "on saturday and police opened fire, killing one man.", pipeline=pipeline)
    assert doc.published == "2002-03-10" and doc.title is None
    assert doc.clean_text.startswith("ahmedabad")
    assert [(e.event_date, e.date_basis) for e in doc.events] == [("2002-03-09", "")]


@pytest.mark.parametrize("said", ["went to the streets", "took the street"])
def test_translated_ways_of_taking_to_the_streets(pipeline, said: str) -> None:  # type: ignore[no-untyped-def]
    from dateline.api import process

    doc = process(f"On 5 May 2019, primary school teachers {said} in Cotonou claiming their "
                  "bonus.", "2019-05-06", pipeline=pipeline)
    assert [(e.sub_event_type, e.actor1) for e in doc.events] == [
        ("Peaceful protest", "Protesters (Benin)")]
