"""Entity corrections that need no model: names, places in a place's slot, actors."""

from __future__ import annotations

import pytest

from dateline.model import Entity
from dateline.nlp.actors import ActorLexicon
from dateline.nlp.entities import merge_entities


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
