"""Evidence per field: which span supports which event field, on sentences written for these
tests, and how merging unites the fields of one span."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events.evidence import LONG_SENTENCE
from dateline.model import Evidence, RawDoc, union_evidence

EVERY = ("event_type", "actor1", "actor2", "event_date", "location", "fatalities")


def _events(pipeline: Any, text: str) -> list[Any]:
    result = pipeline.run(RawDoc(text, "text", "test", published="2023-05-10"))
    assert result.document is not None, result.outcome.reason
    return list(result.document.events)


def _fields(event: Any) -> list[tuple[str, tuple[str, ...]]]:
    return [(ev.text, ev.fields) for ev in event.evidence]


def test_the_trigger_sentence_supports_what_it_says(pipeline: Any) -> None:
    text = "Gunmen killed two villagers in Maiduguri on Monday."
    (event,) = _events(pipeline, text)
    assert _fields(event) == [(text, EVERY)]


def test_a_publication_date_has_no_evidence(pipeline: Any) -> None:
    text = "Gunmen killed two villagers in Maiduguri."
    (event,) = _events(pipeline, text)
    assert event.event_date == "2023-05-10"
    assert all("event_date" not in ev.fields for ev in event.evidence)


def test_a_date_told_in_another_sentence_is_its_own_evidence(pipeline: Any) -> None:
    text = ("Gunmen killed two villagers in Maiduguri on Monday. "
            "Gunmen also killed three farmers in Damboa.")
    later = next(e for e in _events(pipeline, text) if e.location == "Damboa")
    assert later.event_date == "2023-05-08"
    assert _fields(later) == [
        ("Gunmen also killed three farmers in Damboa.",
         ("event_type", "actor1", "actor2", "location", "fatalities")),
        ("on Monday", ("event_date",)),
    ]


def test_a_long_sentence_gives_its_date_its_own_span(pipeline: Any) -> None:
    text = ("On Monday, in a long account given by residents who spoke on condition of anonymity "
            "because they feared reprisals from the armed men who still roam the surrounding "
            "countryside, gunmen riding motorcycles killed two villagers in Maiduguri and "
            "burned several houses before they fled.")
    assert len(text) > LONG_SENTENCE
    (event,) = _events(pipeline, text)
    assert event.evidence[0].text == text and "event_date" not in event.evidence[0].fields
    assert _fields(event)[1:] == [("On Monday", ("event_date",))]


def test_a_casualty_report_supports_the_wounded(pipeline: Any) -> None:
    text = ("Police opened fire on a stone-pelting mob in Nagpur on Monday. "
            "Three persons were injured in the firing, police said.")
    (riot,) = _events(pipeline, text)
    assert riot.injured == 3
    assert _fields(riot)[1] == ("Three persons were injured in the firing, police said.",
                                ("injured",))


@pytest.mark.parametrize("text", [
    "A supporter was killed when police opened fire on protesters in Nagpur on Monday.",
    "A youth died in the firing when police opened fire on a mob in Nagpur on Monday.",
])
def test_one_victim_without_a_number_is_one_fatality(pipeline: Any, text: str) -> None:
    (event,) = _events(pipeline, text)
    assert event.fatalities == 1
    assert "fatalities" in event.evidence[0].fields


def test_union_unites_the_fields_of_one_span() -> None:
    sentence = Evidence("a", 0, 40, "Gunmen killed two villagers on Monday.", ("event_type",))
    again = Evidence("a", 0, 40, sentence.text, ("fatalities", "actor1"))
    other = Evidence("b", 0, 20, "Two villagers died.", ("fatalities",))
    assert union_evidence((sentence,), (other, again)) == (
        Evidence("a", 0, 40, sentence.text, ("event_type", "actor1", "fatalities")), other)


def test_union_drops_a_span_its_sentence_already_covers() -> None:
    sentence = Evidence("a", 0, 40, "Gunmen killed two villagers on Monday.",
                        ("event_type", "event_date"))
    monday = Evidence("a", 31, 37, "Monday", ("event_date",))
    elsewhere = Evidence("b", 31, 37, "Monday", ("event_date",))
    assert union_evidence((sentence, monday, elsewhere)) == (sentence, elsewhere)
    undated = Evidence("a", 0, 40, sentence.text, ("event_type",))
    assert union_evidence((undated, monday)) == (undated, monday)
