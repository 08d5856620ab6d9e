"""Entity corrections that need no model: names, places in a place's slot, actors."""

from __future__ import annotations

import pytest

from dateline.model import Entity
from dateline.nlp.actors import ActorLexicon
from dateline.nlp.entities import merge_entities, outermost, party_entities


@pytest.fixture(scope="module")
def lexicon(resources) -> ActorLexicon:  # type: ignore[no-untyped-def]
    return resources.coder.actors  # type: ignore[no-any-return]


def _entities(text: str, *spans: tuple[str, str]) -> list[Entity]:
    out = []
    for surface, label in spans:
        start = text.index(surface)
        out.append(Entity(start, start + len(surface), surface, label))
    return out


def _labels(entities: list[Entity]) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in entities]


def test_first_names_and_surnames_of_people_named_in_full(lexicon: ActorLexicon) -> None:
    text = "Karim smiled. Karim Wasifi conducts; said Wasifi."
    model = [Entity(0, 5, "Karim", "GPE"), *_entities(text, ("Karim Wasifi", "PERSON")),
             Entity(text.rindex("Wasifi"), len(text) - 1, "Wasifi", "ORG")]
    assert _labels(merge_entities(text, model, lexicon)) == [
        ("Karim", "PERSON"), ("Karim Wasifi", "PERSON"), ("Wasifi", "PERSON")]


def test_a_country_in_a_name_stays_a_country(lexicon: ActorLexicon) -> None:
    text = "Israel Katz visited Israel."
    model = [Entity(0, 11, "Israel Katz", "PERSON"), Entity(20, 26, "Israel", "GPE")]
    assert _labels(merge_entities(text, model, lexicon))[-1] == ("Israel", "GPE")


@pytest.mark.parametrize(("text", "surface", "label"), [
    ("Strikes hit ISIL-held Karabilah at dawn.", "Karabilah", "PERSON"),
    ("The army reached the town of Dabiq.", "Dabiq", "ORG"),
    ("Fighters massed in Raqqah overnight.", "Raqqah", "PERSON"),
    ("Shelling went on in Aleppo for days.", "Aleppo", "NORP"),
])
def test_places_in_a_place_slot(lexicon: ActorLexicon, text: str, surface: str,
                                label: str) -> None:
    found = merge_entities(text, _entities(text, (surface, label)), lexicon)
    assert (surface, "GPE") in _labels(found)


def test_one_sense_per_article_and_near(lexicon: ActorLexicon) -> None:
    text = "Near Palmyra, two strikes. In Raqqah, one. Raqqah is quiet."
    model = [Entity(0, 12, "Near Palmyra", "PERSON"), Entity(30, 36, "Raqqah", "PERSON"),
             Entity(43, 49, "Raqqah", "PERSON")]
    assert _labels(merge_entities(text, model, lexicon)) == [
        ("Palmyra", "GPE"), ("Raqqah", "GPE"), ("Raqqah", "GPE")]


def test_people_are_not_places_after_from(lexicon: ActorLexicon) -> None:
    text = "A letter from Smith arrived in Trump's office."
    model = _entities(text, ("Smith", "PERSON"), ("Trump", "PERSON"))
    assert _labels(merge_entities(text, model, lexicon)) == [("Smith", "PERSON"),
                                                              ("Trump", "PERSON")]


def test_directions_belong_to_the_place(lexicon: ActorLexicon) -> None:
    text = "Clashes in northern Iraq."
    (entity,) = merge_entities(text, _entities(text, ("Iraq", "GPE")), lexicon)
    assert entity.text == "northern Iraq"


def test_monitors_and_states_are_named_with_their_actor(lexicon: ActorLexicon) -> None:
    text = ("More than 200 people died, according to the Syrian Observatory for Human Rights "
            "(OSDH). The US envoy said the United States would stay.")
    model = _entities(text, ("the Syrian Observatory for Human Rights", "ORG"), ("US", "GPE"),
                      ("the United States", "GPE"))
    found = [(e.text, e.label, e.actor) for e in merge_entities(text, model, lexicon)]
    sohr, usa = "Syrian Observatory for Human Rights", "Government of the United States (2025-)"
    assert found == [(sohr, "ORG", sohr), ("OSDH", "ORG", sohr), ("US", "GPE", usa),
                     ("the United States", "GPE", usa)]


def test_a_state_only_where_the_model_saw_its_name(lexicon: ActorLexicon) -> None:
    text = "U.S. Central Command said U.S. aircraft hit the target."
    model = _entities(text, ("U.S. Central Command", "ORG"))
    assert [(e.text, e.label) for e in merge_entities(text, model, lexicon)] == [
        ("U.S. Central Command", "ORG")]


def test_names_nested_in_an_actor_mention(lexicon: ActorLexicon) -> None:
    text = ("Rebels backed by the international coalition led by the United States fought the "
            "regime of Bashar Al Asad, helped by the Democratic Forces for the Liberation of "
            "Rwanda.")
    model = _entities(text, ("Bashar Al Asad", "ORG"),
                      ("the Democratic Forces for the Liberation of Rwanda", "ORG"))
    entities = merge_entities(text, model, lexicon)
    found = [(e.text, e.label, e.actor) for e in entities]
    assert found == [
        ("international coalition led by the United States", "ORG",
         "Global Coalition Against Daesh"),
        ("United States", "GPE", "Government of the United States (2025-)"),
        ("regime of Bashar Al Asad", "ORG", "Military Forces of Syria (2000-2024)"),
        ("Bashar Al Asad", "PERSON", None),
        ("Democratic Forces for the Liberation of Rwanda", "ORG",
         "FDLR: Democratic Forces for the Liberation of Rwanda"),
    ]
    assert [e.text for e in outermost(entities)] == [
        "international coalition led by the United States", "regime of Bashar Al Asad",
        "Democratic Forces for the Liberation of Rwanda"]


def test_the_coder_sees_parties_only(lexicon: ActorLexicon) -> None:
    text = "The US envoy met the SDF, said the Syrian Observatory for Human Rights."
    parties = party_entities(merge_entities(text, _entities(text, ("US", "GPE")), lexicon),
                             lexicon)
    assert [(e.text, e.actor) for e in parties] == [
        ("US", None), ("SDF", "SDF: Syrian Democratic Forces"),
        ("Syrian Observatory for Human Rights", None)]
