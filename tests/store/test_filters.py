"""EventQuery's filters added for the API (admin1, free text, bounding box, sort order) and the
store's counting: count_events and tally."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import StoreError
from dateline.model import Event, Evidence
from dateline.store import EventQuery, SQLiteStore


def event(event_id: str, day: str, country: str, admin1: str, lat: float | None,
          lon: float | None, deaths: int, text: str, etype: str = "Battles") -> Event:
    return Event(event_id=event_id, event_date=day, time_precision=1, disorder_type="",
                 event_type=etype, sub_event_type="Armed clash", actor1="Army", country=country,
                 admin1=admin1, latitude=lat, longitude=lon, fatalities=deaths, notes=text,
                 evidence=(Evidence("a1", 0, 4, f"evidence of {event_id}"),))


# The events every test here starts with (test_postgres_filters.py stores them too).
EVENTS = (
    event("A", "2024-03-01", "Syria", "Idlib", 35.9, 36.6, 3, "a market"),
    event("B", "2024-03-02", "Syria", "Aleppo", 36.2, 37.2, 9, "near a school"),
    event("C", "2024-03-02", "Fiji", "Northern", -16.5, 179.5, 0, "a storm 50%"),
    event("D", "2024-03-03", "Mali", "Mopti", None, None, 1, "", etype="Protests"),
)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with SQLiteStore(tmp_path / "f.db") as opened:
        opened.save_events(EVENTS)
        yield opened


@pytest.mark.parametrize(("query", "expected"), [
    (EventQuery(admin1="idlib"), ["A"]),
    (EventQuery(text="school"), ["B"]),
    (EventQuery(text="evidence of d"), ["D"]),  # the evidence text
    (EventQuery(text="50%"), ["C"]),
    (EventQuery(text="5_%"), []),  # wildcards are literal
    (EventQuery(bbox=(35.0, 35.0, 38.0, 37.0)), ["A", "B"]),
    (EventQuery(bbox=(170.0, -20.0, -170.0, -10.0)), ["C"]),  # across the antimeridian
    (EventQuery(order_by="fatalities", descending=True), ["B", "A", "D", "C"]),
    (EventQuery(descending=True, limit=2), ["D", "C"]),
    (EventQuery(order_by="country", limit=2, offset=1), ["D", "A"]),
])
def test_new_filters_and_order(store: SQLiteStore, query: EventQuery, expected: list[str]
                               ) -> None:
    assert [e.event_id for e in store.events(query)] == expected


def test_count_events_ignores_the_page(store: SQLiteStore) -> None:
    assert store.count_events() == 4
    assert store.count_events(EventQuery(country="syria", limit=1, offset=1)) == 2


def test_tally_groups_counts_and_sums_fatalities(store: SQLiteStore) -> None:
    assert store.tally(("event_date", "event_type"), EventQuery(country="Syria")) == [
        {"event_date": "2024-03-01", "event_type": "Battles", "count": 1, "fatalities": 3},
        {"event_date": "2024-03-02", "event_type": "Battles", "count": 1, "fatalities": 9},
    ]
    assert store.tally(("country",)) == [
        {"country": "Fiji", "count": 1, "fatalities": 0},
        {"country": "Mali", "count": 1, "fatalities": 1},
        {"country": "Syria", "count": 2, "fatalities": 12},
    ]


@pytest.mark.parametrize("keys", [(), ("notes",), ("country; DROP TABLE events",)])
def test_tally_refuses_other_columns(store: SQLiteStore, keys: tuple[str, ...]) -> None:
    with pytest.raises(StoreError, match="count by one or more of"):
        store.tally(keys)


def test_sorting_by_another_column_is_refused(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="sort by one of"):
        store.events(EventQuery(order_by="notes"))
