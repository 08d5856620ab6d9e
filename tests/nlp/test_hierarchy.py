"""Places named inside their district and province: found, resolved inside them, and the
fallback to the smallest area known where the gazetteer lacks the place itself."""

from __future__ import annotations

import pytest

from dateline.model import Entity
from dateline.nlp.gazetteer import Gazetteer
from dateline.nlp.hierarchy import PlaceHierarchy
from dateline.nlp.places import find_places


@pytest.fixture(scope="module")
def gazetteer(resources) -> Gazetteer:  # type: ignore[no-untyped-def]
    return resources.gazetteer  # type: ignore[no-any-return]


def _by_text(text: str, gazetteer: Gazetteer, *model: tuple[str, str]) -> dict[str, object]:
    entities = [Entity(text.index(s), text.index(s) + len(s), s, label) for s, label in model]
    return {p.text: p for p in find_places(text, entities, gazetteer)}


@pytest.mark.parametrize(("text", "head", "containers"), [
    ("Gunmen abducted a man in Soka (Sinende, Borgou).", "Soka", ["Sinende", "Borgou"]),
    ("In Kandi (Kandi, Alibori) women marched.", "Kandi", ["Kandi", "Alibori"]),
    ("Clashes in Murghab district, Badghis, left five dead.", "Murghab", ["Badghis"]),
    ("A blast in the Bazar area of Adraskan district, Herat.", "Bazar", ["Adraskan", "Herat"]),
    ("in Tchanhoun-Centre [Tchanhoun-Cossi] (Materi, Atacora).", "Tchanhoun-Centre",
     ["Materi", "Atacora"]),
])
def test_templates_find_the_place_and_its_containers(text: str, head: str,
                                                     containers: list[str]) -> None:
    found = PlaceHierarchy.load().find(text)
    assert [(n.text, [c[2] for c in n.containers]) for n in found][:1] == [(head, containers)]


def test_a_namesake_abroad_gives_way_to_the_district_named(gazetteer: Gazetteer) -> None:
    soka = _by_text("Hunters abducted a herder in Soka (Sinende, Borgou).", gazetteer)["Soka"]
    assert (soka.country, soka.admin1, soka.admin2, soka.precision) == (  # type: ignore[attr-defined]
        "BJ", "Borgou", "Sinende", "district")  # Soka is a town in Japan, not this village


def test_a_district_named_with_its_province(gazetteer: Gazetteer) -> None:
    place = _by_text("Clashes in Murghab district, Badghis.", gazetteer)["Murghab"]
    assert (place.country, place.admin1) == ("AF", "Badghis")  # type: ignore[attr-defined]


def test_a_town_found_inside_its_containers(gazetteer: Gazetteer) -> None:
    text = "On 4 May, residents marched in Kalale (Kalale, Borgou)."
    places = find_places(text, [], gazetteer)
    assert [(p.text, p.country, p.precision) for p in places] == [
        ("Kalale", "BJ", "town"), ("Kalale", "BJ", "district"), ("Borgou", "BJ", "province")]


def test_a_model_entity_running_into_the_areas_does_not_hide_the_place(
        gazetteer: Gazetteer) -> None:
    """spaCy reads 'Tchaourou (Tchaourou' as one FAC: the town is still found inside its
    district and province (it once left only the province)."""
    text = "People clashed with police in Tchaourou (Tchaourou, Borgou)."
    model = [Entity(30, 50, "Tchaourou (Tchaourou", "FAC"), Entity(52, 58, "Borgou", "GPE")]
    places = find_places(text, model, gazetteer)
    assert [(p.text, p.precision, p.admin2, p.admin1) for p in places] == [
        ("Tchaourou", "town", "Tchaourou", "Borgou"),
        ("Tchaourou", "district", "Tchaourou", "Borgou"),
        ("Borgou", "province", None, "Borgou")]


@pytest.mark.parametrize("text", [
    "An interview with Dozhd (Rain) TV on Monday.",  # no place at all
    "Protests in Cotonou, Dakar and Bamako.",  # a list, not Cotonou inside Dakar
    "a kid at Arizona (Ayton) got $100,000.",  # Arizona is known elsewhere: no fallback
])
def test_no_nesting_without_evidence(text: str, gazetteer: Gazetteer) -> None:
    found = _by_text(text, gazetteer, *[(w, "GPE") for w in ("Cotonou", "Arizona") if w in text])
    assert all(p.precision != "district" for p in found.values())  # type: ignore[attr-defined]
    if "Cotonou" in text:
        assert found["Cotonou"].country == "BJ"  # type: ignore[attr-defined]
    if "Dozhd" in text:
        assert "Dozhd" not in found


def test_district_names_without_their_type_prefix(gazetteer: Gazetteer) -> None:
    """GeoNames' 'Commune of Zangnanado' is found and shown as Zangnanado; a town GeoNames
    gives no district takes the district of its name (a commune's seat)."""
    assert [e.name for e in gazetteer.lookup("Zangnanado")][:1] == ["Zangnanado"]
    porto_novo = next(e for e in gazetteer.lookup("Porto-Novo") if e.country == "BJ")
    assert porto_novo.admin2 == "Porto-Novo"
