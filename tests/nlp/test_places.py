"""Places: candidates from entities and the gazetteer, namesakes, nationalities, given spans."""

from __future__ import annotations

import pytest

from dateline.model import Entity
from dateline.nlp.gazetteer import Gazetteer, distance_km
from dateline.nlp.places import find_places, resolve_places


@pytest.fixture(scope="module")
def gazetteer(resources) -> Gazetteer:  # type: ignore[no-untyped-def]
    return resources.gazetteer  # type: ignore[no-any-return]


def _entities(text: str, *spans: tuple[str, str]) -> list[Entity]:
    out = []
    for surface, label in spans:
        start = text.index(surface)
        out.append(Entity(start, start + len(surface), surface, label))
    return out


def test_nationalities_are_origins_not_event_places(gazetteer: Gazetteer) -> None:
    text = "Syrian forces shelled Idlib, Russians said."
    places = find_places(text, _entities(text, ("Syrian", "NORP"), ("Idlib", "GPE"),
                                         ("Russians", "NORP")), gazetteer)
    by_text = {p.text: p for p in places}
    assert (by_text["Syrian"].country, by_text["Syrian"].role) == ("SY", "origin")
    assert (by_text["Russians"].country, by_text["Russians"].role) == ("RU", "origin")
    assert by_text["Idlib"].role == "mention"


def test_the_country_an_organisation_is_named_after(gazetteer: Gazetteer) -> None:
    text = "The Pakistan Army moved into Waziristan."
    places = find_places(text, _entities(text, ("Pakistan Army", "ORG")), gazetteer)
    assert [(p.text, p.country, p.role) for p in places if p.role == "origin"] == [
        ("Pakistan", "PK", "origin")]


@pytest.mark.parametrize(("mention", "country", "precision"), [
    ("South Korea", "KR", "country"), ("northern Syria", "SY", "region"),
    ("West Virginia", "US", "province"),
])
def test_directions(gazetteer: Gazetteer, mention: str, country: str, precision: str) -> None:
    text = f"Talks were held in {mention} on Monday."
    (place,) = find_places(text, _entities(text, (mention, "GPE")), gazetteer)
    assert (place.country, place.precision) == (country, precision)


def test_large_town_abroad_and_country_over_namesakes(gazetteer: Gazetteer) -> None:
    text = "Police in Texas and Ohio met envoys from London and Mexico."
    places = find_places(text, _entities(text, ("Texas", "GPE"), ("Ohio", "GPE"),
                                         ("London", "GPE"), ("Mexico", "GPE")), gazetteer)
    by_text = {p.text: p for p in places}
    assert by_text["London"].country == "GB"
    assert (by_text["Mexico"].country, by_text["Mexico"].precision) == ("MX", "country")


def test_washington_is_the_capital(gazetteer: Gazetteer) -> None:
    text = "The envoy flew to Washington."
    (place,) = find_places(text, _entities(text, ("Washington", "GPE")), gazetteer)
    assert (place.precision, place.admin1) == ("town", "District of Columbia")


def test_acronyms_name_countries_and_regions_only(gazetteer: Gazetteer) -> None:
    text = "The EU and the US met in Eu."
    eu, us, town = resolve_places(text, [(4, 6), (15, 17), (25, 27)], [], gazetteer)
    assert eu is not None and (eu.name, eu.precision, eu.country) == ("Europe", "region", None)
    assert us is not None and us.country == "US"
    assert town is not None and town.country == "FR"  # the town in Normandy: not an acronym


def test_countries_have_reference_points_and_demonyms(gazetteer: Gazetteer) -> None:
    us = gazetteer.country("US")
    assert us is not None and us.latitude is not None and us.longitude is not None
    assert distance_km((us.latitude, us.longitude), (39.83, -98.58)) < 25  # Lebanon, Kansas
    american = gazetteer.demonym("Americans")
    assert american is not None and american.country == "US"  # the most populous 'American'
    assert gazetteer.demonym("British") == gazetteer.country("GB")


def test_regions_are_places_without_a_country(gazetteer: Gazetteer) -> None:
    text = "Foreign fighters returned to Europe and the Middle East, a European official said."
    places = find_places(text, _entities(text, ("European", "NORP")), gazetteer)
    by_text = {p.text: p for p in places}
    assert (by_text["Europe"].precision, by_text["Europe"].country) == ("region", None)
    assert by_text["Middle East"].precision == "region"
    assert by_text["European"].role == "origin"


def test_a_province_misread_as_a_person(gazetteer: Gazetteer) -> None:
    text = "Farmers in the state of Tamil Nadu protested. Adnan Afrin said so."
    places = find_places(text, _entities(text, ("Tamil Nadu", "PERSON"),
                                         ("Adnan Afrin", "PERSON")), gazetteer)
    assert [(p.text, p.country) for p in places] == [("Tamil Nadu", "IN")]


def test_resolve_given_spans(gazetteer: Gazetteer) -> None:
    text = "Refugees from Deir Ezzor reached Baghuz; Iraqi troops watched."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Deir Ezzor", "Baghuz", "Iraqi")]
    deir, baghuz, iraqi = resolve_places(text, spans, [], gazetteer)
    assert deir is not None and deir.country == "SY"
    assert baghuz is not None and baghuz.name == "Al-Baghuz Fawqani"
    assert iraqi is not None and (iraqi.country, iraqi.role) == ("IQ", "origin")


def test_a_name_inside_a_compound_adjective_is_an_origin(gazetteer: Gazetteer) -> None:
    text = "A US-led coalition and a London-based monitor reported strikes near Raqqa."
    places = {p.text: p for p in find_places(text, _entities(text, ("US", "GPE")), gazetteer)}
    assert places["US"].role == "origin" and places["London"].role == "origin"
    assert places["Raqqa"].role == "mention"


def test_state_abbreviations_and_nicknames(gazetteer: Gazetteer) -> None:
    (ala,) = gazetteer.lookup("Ala.")[:1]
    assert (ala.name, ala.kind, ala.country) == ("Alabama", "admin1", "US")
    assert all(e.name != "Golden" for e in gazetteer.lookup("California"))  # 'Golden State'


def test_places_inside_organisation_names_are_origins(gazetteer: Gazetteer) -> None:
    text = "The U.S. Navy and the Pakistan Army said the New York Times was wrong."
    entities = _entities(text, ("U.S. Navy", "ORG"), ("Pakistan Army", "ORG"),
                         ("New York Times", "ORG"))
    places = {p.text: p for p in find_places(text, entities, gazetteer)}
    assert places["U.S."].country == "US" and places["Pakistan"].country == "PK"
    assert places["New York"].admin1 == "New York"
    assert {p.role for p in places.values()} == {"origin"}


def test_a_given_name_of_an_institution_resolves_to_its_place(gazetteer: Gazetteer) -> None:
    text = "She studied at the University of Toronto."
    (place,) = resolve_places(text, [(19, 40)], [], gazetteer)
    assert place is not None and place.name == "Toronto" and place.text == "University of Toronto"


def test_seas_are_regions(gazetteer: Gazetteer) -> None:
    text = "Houthi forces fired missiles at a ship in the Red Sea."
    (sea,) = [p for p in find_places(text, [], gazetteer) if p.text == "Red Sea"]
    assert (sea.precision, sea.country) == ("region", None)


def test_a_town_the_model_calls_a_nationality_is_a_place(gazetteer: Gazetteer) -> None:
    text = "Troops drove the fighters out of the radio complex in Omdurman during Ramadan."
    places = find_places(text, _entities(text, ("Omdurman", "NORP")), gazetteer)
    assert [(p.text, p.country) for p in places] == [("Omdurman", "SD")]


def test_world_regions_and_curated_landmarks(gazetteer: Gazetteer) -> None:
    text = "Rebels in Eastern Ghouta, far from North Africa, said the White House was silent."
    places = {p.text: p for p in find_places(text, [], gazetteer)}
    assert (places["Eastern Ghouta"].country, places["Eastern Ghouta"].precision) == (
        "SY", "district")
    assert (places["North Africa"].precision, places["North Africa"].country) == ("region", None)
    assert places["White House"].admin1 == "District of Columbia"


def _spans(text: str, *surfaces: str) -> list[tuple[int, int]]:
    return [(text.index(s), text.index(s) + len(s)) for s in surfaces]


def test_a_toponym_the_gazetteer_lacks_is_put_at_the_article_main_place(
        gazetteer: Gazetteer) -> None:
    text = "Shots were fired on Royal Street in Mosul; police in Mosul closed Royal Street."
    street, mosul, *_ = resolve_places(text, _spans(text, "Royal Street", "Mosul"), [],
                                       gazetteer)
    assert mosul is not None and mosul.country == "IQ"
    assert street is not None and street.precision == "nearby"
    assert (street.name, street.text, street.geonames_id) == (mosul.name, "Royal Street", None)
    assert resolve_places("Royal Street was closed.", [(0, 12)], [], gazetteer) == [None]


def test_context_picks_the_namesake_in_a_named_province(gazetteer: Gazetteer) -> None:
    text = "Nelson residents opened a new office, B.C. officials said in Nelson."
    nelson, bc = resolve_places(text, _spans(text, "Nelson", "B.C."), [], gazetteer)
    assert bc is not None and (bc.name, bc.precision) == ("British Columbia", "province")
    assert nelson is not None and nelson.country == "CA"


def test_abbreviations_demonyms_and_towns_named_like_countries(gazetteer: Gazetteer) -> None:
    text = "Tunis hosted T&T and Kurdish and English delegates; China, Maine, was quiet."
    tunis, tt, kurdish, english, china, maine = resolve_places(
        text, _spans(text, "Tunis", "T&T", "Kurdish", "English", "China", "Maine"), [],
        gazetteer)
    assert tunis is not None and (tunis.name, tunis.precision) == ("Tunis", "town")
    assert tt is not None and tt.country == "TT"
    assert kurdish is not None and (kurdish.precision, kurdish.country) == ("region", None)
    assert english is not None and (english.name, english.role) == ("England", "origin")
    assert maine is not None and maine.country == "US"
    assert china is not None and (china.country, china.precision) == ("CN", "country")
    assert gazetteer.is_abbreviation("BC") and not gazetteer.is_abbreviation("PA")
    pa, = resolve_places("PA officials met.", [(0, 2)], [], gazetteer)
    assert pa is None or pa.name != "Pennsylvania"  # the Palestinian Authority, most often
