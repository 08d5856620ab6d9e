"""Reading ACLED-format exports, one row at a time, with every unusable row counted.

Column names are matched without regard to case ('EVENT_DATE' in ACLED's older layout,
'event_date' in the current one); dates are ISO ('2020-03-15') or ACLED's '15 March 2020'.
A row is used for what it can teach: a row without coordinates still names actors and types,
one without notes still places a location. What cannot be used is counted by kind
(:class:`ReadReport`) and the file goes on; a file that lacks every column a pack learns from
is named with the columns it needs.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# What each part of a pack needs from a row.
PLACE_COLUMNS = ("location", "latitude", "longitude", "country")
ACTOR_COLUMNS = ("actor1", "event_date")
TYPE_COLUMNS = ("notes", "sub_event_type")
ID_COLUMNS = ("event_id_cnty", "data_id", "event_id_no_cnty")
FIELD_LIMIT = 10_000_000  # characters in one field: ACLED's notes are a few hundred


@dataclass(frozen=True)
class CodedRow:
    """One coded event of an export: what a pack learns from."""

    id: str
    date: str  # ISO, "" when the row has none
    notes: str
    sub_event_type: str  # "" when absent or not one of ACLED's
    actors: tuple[tuple[str, int, str], ...]  # (name, inter, field): actor1, actor2, assoc...
    country: str
    admin1: str
    admin2: str
    location: str
    point: tuple[float, float] | None
    geo_precision: int
    fatalities: int | None


@dataclass
class FileReport:
    path: str
    sha256: str = ""
    rows: int = 0
    missing: tuple[str, ...] = ()  # columns a part of the pack needs that the file lacks


@dataclass
class ReadReport:
    """Rows read and used, problems counted by kind, each file's hash and row count."""

    files: list[FileReport] = field(default_factory=list)
    rows: int = 0
    used: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    first_date: str = ""
    last_date: str = ""
    unread: list[str] = field(default_factory=list)  # files that are not exports, and why

    def date_seen(self, day: str) -> None:
        if day:
            self.first_date = min(self.first_date or day, day)
            self.last_date = max(self.last_date, day)

    def messages(self) -> list[str]:
        """One line per kind of problem and per file missing columns, for the terminal."""
        out = list(self.unread)
        out += [f"{f.path}: no column {', '.join(repr(c) for c in f.missing)}; the parts of the "
               "pack that need it are learned from the other files only"
               for f in self.files if f.missing]
        out += [f"{count} row{'s' if count != 1 else ''}: {kind}"
                for kind, count in sorted(self.problems.items(), key=lambda kv: -kv[1])]
        return out


def iso_date(value: str) -> str:
    """'15 March 2020', '2020-03-15' or '15/03/2020' -> '2020-03-15'; '' if unreadable."""
    value = value.strip()
    for parse in (dt.date.fromisoformat,
                  lambda v: dt.datetime.strptime(v, "%d %B %Y").date(),
                  lambda v: dt.datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(value).isoformat()
        except ValueError:
            continue
    return ""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value not in (None, "", "NA") else None
    except ValueError:
        return None


def _point(row: dict[str, str]) -> tuple[float, float] | None:
    try:
        lat, lon = float(row.get("latitude", "")), float(row.get("longitude", ""))
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return (lat, lon)


def _text(row: dict[str, str], name: str) -> str:
    value = (row.get(name) or "").strip()
    return "" if value == "NA" else value


def _actors(row: dict[str, str]) -> tuple[tuple[str, int, str], ...]:
    out = []
    for name, inter in (("actor1", "inter1"), ("actor2", "inter2"),
                        ("assoc_actor_1", "inter1"), ("assoc_actor_2", "inter2")):
        for actor in _text(row, name).split(";"):
            if actor.strip():
                out.append((actor.strip(), _int(row.get(inter)) or 0, name))
    return tuple(out)


class ExportReader:
    """Rows of one or more exports; ``known_types``: ACLED's sub-event types (a row with
    another is used for places and actors only, and counted)."""

    def __init__(self, known_types: frozenset[str]) -> None:
        self.known_types = known_types
        self.report = ReadReport()
        self._ids: set[str] = set()

    def rows(self, paths: list[Path], progress: Callable[[int], None] | None = None
             ) -> Iterator[CodedRow]:
        for path in paths:
            yield from self._file(path, progress)

    def _file(self, path: Path, progress: Callable[[int], None] | None) -> Iterator[CodedRow]:
        if not path.is_file():
            self.report.unread.append(f"{path}: no such file, left out")
            return
        info = FileReport(str(path), sha256_of(path))
        self.report.files.append(info)
        csv.field_size_limit(min(FIELD_LIMIT, sys.maxsize))
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
            reader = csv.reader(handle)
            try:
                header = [h.strip().lower() for h in next(reader, [])]
            except csv.Error as exc:  # a binary file, a header line past the field limit
                self.report.unread.append(f"{path}: not a CSV file ({exc}), left out")
                return
            needed = [c for group in (PLACE_COLUMNS, ACTOR_COLUMNS, TYPE_COLUMNS) for c in group]
            info.missing = tuple(c for c in needed if c not in header)
            if not any(all(c in header for c in group)
                       for group in (PLACE_COLUMNS, ACTOR_COLUMNS, TYPE_COLUMNS)):
                info.missing = ()
                self.report.unread.append(
                    f"{path}: not an ACLED-format export, left out (columns found: "
                    f"{', '.join(header[:8]) or 'none'}; a pack learns from notes and "
                    "sub_event_type, actor1 and event_date, or location, latitude, longitude "
                    "and country)")
                return
            line = 1
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    self.report.problems[f"malformed CSV ({exc}); the rest of the file is "
                                         "not read"] += 1
                    break
                line += 1
                info.rows += 1
                self.report.rows += 1
                if progress is not None:
                    progress(1)
                row = self._row(dict(zip(header, values, strict=False)), len(values) != len(header),
                                f"{path.name}:{line}")
                if row is not None:
                    self.report.used += 1
                    yield row

    def _row(self, row: dict[str, str], ragged: bool, where: str) -> CodedRow | None:
        problems = self.report.problems
        if ragged:
            problems["a different number of fields than the header: left out"] += 1
            return None
        ident = next((_text(row, c) for c in ID_COLUMNS if _text(row, c)), where)
        if ident in self._ids:
            problems["duplicate id: the first row with the id is used"] += 1
            return None
        self._ids.add(ident)
        day = iso_date(row.get("event_date", ""))
        if not day and row.get("event_date"):
            problems["unreadable event_date: used for places only"] += 1
        self.report.date_seen(day)
        sub = _text(row, "sub_event_type")
        if sub and sub not in self.known_types:
            problems[f"unknown sub-event type {sub!r}: not used to learn types"] += 1
            sub = ""
        notes = _text(row, "notes")
        if not notes:
            problems["no notes: not used to learn types or mentions"] += 1
        point = _point(row)
        if point is None and _text(row, "location"):
            problems["no coordinates: the location is not learned"] += 1
        return CodedRow(
            ident, day, notes, sub, _actors(row) if day else (), _text(row, "country"),
            _text(row, "admin1"), _text(row, "admin2"), _text(row, "location"), point,
            _int(row.get("geo_precision")) or 1, _int(row.get("fatalities")))
