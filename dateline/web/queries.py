"""Query parameters of the event endpoints, turned into a :class:`EventQuery`."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from typing import Annotated, Literal

from fastapi import Query
from pydantic import BeforeValidator

from dateline.store.base import SORT_KEYS, EventQuery
from dateline.web.errors import API_HINT, ApiError, ErrorDetail

MAX_LIMIT = 5000
DEFAULT_LIMIT = 100

SortParam = Literal[
    "event_date", "-event_date", "fatalities", "-fatalities", "confidence", "-confidence",
    "sources_count", "-sources_count", "country", "-country", "event_type", "-event_type",
]
FormatParam = Literal["json", "geojson", "acled-csv"]
CountKey = Literal["day", "type", "sub_type", "country", "iso3", "admin1"]
_LON = r"-?(180(\.0+)?|(1[0-7][0-9]|[0-9]{1,2})(\.[0-9]+)?)"
_LAT = r"-?(90(\.0+)?|[0-8]?[0-9](\.[0-9]+)?)"
# Documented (the parser below checks the same and says what is wrong).
BBOX_PATTERN = f"^{_LON},{_LAT},{_LON},{_LAT}$"
def _iso_day(value: object) -> object:
    """Only YYYY-MM-DD: pydantic alone also reads '0' or '1700000000' as a Unix time."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_day)]
# API name -> store column
COUNT_COLUMNS: dict[str, str] = {"day": "event_date", "type": "event_type",
                                 "sub_type": "sub_event_type", "country": "country",
                                 "iso3": "iso3", "admin1": "admin1"}
assert all(key.lstrip("-") in SORT_KEYS for key in SortParam.__args__)  # type: ignore[attr-defined]



def event_filters(
    date_from: Annotated[IsoDate | None, Query(alias="from",
                                            description="First event date, YYYY-MM-DD.")] = None,
    date_to: Annotated[IsoDate | None, Query(alias="to",
                                          description="Last event date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, Query(min_length=1, max_length=100,
                                         description="Country name or ISO3 code.")] = None,
    admin1: Annotated[str | None, Query(min_length=1, max_length=100,
                                        description="Province (admin1) name.")] = None,
    event_type: Annotated[str | None, Query(alias="type", min_length=1, max_length=100,
                                            description="ACLED event type.")] = None,
    sub_event_type: Annotated[str | None, Query(alias="sub_type", min_length=1, max_length=100,
                                                description="ACLED sub-event type.")] = None,
    actor: Annotated[str | None, Query(min_length=1, max_length=200,
                                       description="Part of an actor's name.")] = None,
    text: Annotated[str | None, Query(alias="q", min_length=1, max_length=200,
                                      description="Text in the notes, location, actors or "
                                                  "evidence.")] = None,
    bbox: Annotated[str | None, Query(
        max_length=200, description="west,south,east,north in degrees (WGS84); west greater "
        "than east crosses the antimeridian.", examples=["35.5,32.0,42.5,37.5"],
        json_schema_extra={"pattern": BBOX_PATTERN})] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1,
                                                  description="Lowest confidence, 0-1.")] = None,
) -> EventQuery:
    """The filters every event endpoint shares."""
    return EventQuery(
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        country=country, admin1=admin1, event_type=event_type, sub_event_type=sub_event_type,
        actor=actor, text=text, bbox=parse_bbox(bbox) if bbox is not None else None,
        min_confidence=min_confidence,
    )


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``"west,south,east,north"`` in degrees (the two latitudes in either order); raises
    ApiError (422) saying what is wrong."""
    parts = [part.strip() for part in value.split(",")]
    numbers = []
    if len(parts) == 4 and all(re.fullmatch(r"-?[0-9]{1,3}(\.[0-9]+)?", p) for p in parts):
        numbers = [float(part) for part in parts]
    problem = ""
    if len(numbers) != 4:
        problem = "bbox must be four numbers: west,south,east,north"
    elif not all(-180 <= n <= 180 for n in numbers[::2]):
        problem = "bbox longitudes (west, east) must lie in -180..180"
    elif not all(-90 <= n <= 90 for n in numbers[1::2]):
        problem = "bbox latitudes (south, north) must lie in -90..90"
    if problem:
        raise ApiError(422, f"invalid bbox {value[:80]!r}: {problem}",
                       f"e.g. bbox=35.5,32.0,42.5,37.5 for Syria; {API_HINT}",
                       details=[ErrorDetail(parameter="bbox", problem=problem)])
    west, south, east, north = numbers
    return (west, min(south, north), east, max(south, north))


def with_page(query: EventQuery, sort: str, limit: int, offset: int) -> EventQuery:
    return dataclasses.replace(query, order_by=sort.lstrip("-"),
                               descending=sort.startswith("-"), limit=limit, offset=offset)
