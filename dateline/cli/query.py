"""``dateline events`` and ``dateline export``: what the database holds."""

from __future__ import annotations

import re
import sys

import click
from rich.console import Console
from rich.table import Table

from dateline.cli.common import fail, stderr
from dateline.errors import DatelineError, StoreError
from dateline.export import FORMATS
from dateline.export import export as write_events
from dateline.model import Event
from dateline.store import DEFAULT_PATH, EventQuery, open_store, store_exists


def _filters(func):  # type: ignore[no-untyped-def]
    options = [
        click.option("--db", default=str(DEFAULT_PATH), show_default=True,
                     help="SQLite file or postgresql:// URL."),
        click.option("--from", "date_from", help="First event date (YYYY-MM-DD)."),
        click.option("--to", "date_to", help="Last event date (YYYY-MM-DD)."),
        click.option("--country", help="Country name or ISO3 code."),
        click.option("--type", "event_type", help="ACLED event type, e.g. Battles."),
        click.option("--sub-type", "sub_event_type", help="ACLED sub-event type."),
        click.option("--actor", help="Part of an actor's name."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), help="Lowest confidence."),
        click.option("--limit", type=click.IntRange(1), help="At most this many events."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _query(db: str, **filters: object) -> list[Event]:
    if not store_exists(db):
        raise StoreError(f"no database at {db}", "create it with `dateline run INPUT --db PATH`")
    with open_store(db) as store:
        return store.events(EventQuery(**filters))  # type: ignore[arg-type]


@click.command()
@_filters
@click.option("--format", "fmt", default="table", show_default=True,
              type=click.Choice(["table", *[f for f in FORMATS if f != "parquet"]]))
def events(db: str, fmt: str, **filters: object) -> None:
    """List stored events, filtered."""
    try:
        found = _query(db, **filters)
    except DatelineError as exc:
        fail(str(exc))
        return
    if fmt != "table":
        write_events(found, fmt, sys.stdout)
        return
    table = Table("date", "country", "location", "type", "actor1", "actor2", "fat.", "src",
                  "conf.", title=f"{len(found)} events")
    for e in found:
        table.add_row(e.event_date, e.country, e.location, e.sub_event_type, _short(e.actor1),
                      _short(e.actor2), str(e.fatalities), str(e.sources_count),
                      f"{e.confidence:.2f}")
    Console().print(table)


def _short(actor: str) -> str:
    """An actor's name for a narrow table: ACLED's period and the long form after an acronym
    go ("Military Forces of Russia (2000-)" -> "Military Forces of Russia", "SDF: Syrian
    Democratic Forces" -> "SDF"). The exports keep the full names."""
    name = re.sub(r"\s*\((?:\d{4}-(?:\d{4})?)\)", "", actor)
    return re.sub(r"^([A-Z0-9-]{2,8}): .*$", r"\1", name)


@click.command()
@_filters
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True,
              help="acled-csv (ACLED's columns), csv, jsonl, geojson or parquet.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), required=True,
              help="File to write ('-' for stdout, except parquet).")
def export(db: str, fmt: str, output: str, **filters: object) -> None:
    """Write stored events to a file analysts can open (Excel, QGIS, pandas...)."""
    try:
        found = _query(db, **filters)
        target = sys.stdout if output == "-" else output
        result = write_events(found, fmt, target)
    except (DatelineError, ValueError, OSError) as exc:
        fail(str(exc))
        return
    note = f" ({result.skipped} without coordinates left out)" if result.skipped else ""
    stderr.print(f"{result.written} events written to {output}{note}")
