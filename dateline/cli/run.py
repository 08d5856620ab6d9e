"""``dateline run`` (into the database) and ``dateline extract`` (events to stdout)."""

from __future__ import annotations

import sys

import click

from dateline.api import build_pipeline
from dateline.cli.common import (
    EXIT_CODES_HELP,
    EXIT_OK,
    EXIT_SOME_FAILED,
    fail,
    pack_option,
    print_summary,
    progress,
    published_option,
    stderr,
)
from dateline.errors import DatelineError
from dateline.export import FORMATS
from dateline.export import export as write_events
from dateline.ingest import IngestOptions
from dateline.runner import RunOptions, run_batch
from dateline.store import DEFAULT_PATH, describe_location, open_store

_MAX_BYTES_HELP = "Largest article or record accepted, in bytes (larger ones are quarantined)."


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=str(DEFAULT_PATH), show_default=True,
              help="SQLite file or postgresql:// URL.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes.")
@click.option("--max-bytes", default=IngestOptions().max_bytes, show_default=True,
              type=click.IntRange(1), help=_MAX_BYTES_HELP)
@click.option("--reprocess", is_flag=True, help="Process articles the database already holds.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
@published_option
@pack_option
def run(inputs: tuple[str, ...], db: str, workers: int, max_bytes: int, reprocess: bool,
        quiet: bool, published: str | None) -> None:
    """Read INPUT..., extract events and store everything in the database.

    Re-running the same inputs changes nothing: articles are keyed by a hash of their content.
    """
    options = RunOptions(workers, IngestOptions(max_bytes=max_bytes), reprocess,
                         published=published)
    try:
        with open_store(db) as store, progress(not quiet) as advance:
            summary = run_batch(list(inputs), build_pipeline, store, options, on_result=advance)
            counts = store.counts()
    except DatelineError as exc:
        fail(str(exc))
        return
    print_summary(summary)
    stderr.print(f"Database: {describe_location(db)} ({counts.get('articles', 0)} articles, "
                 f"{counts.get('events', 0)} events in all)")
    sys.exit(EXIT_OK if summary.ok else EXIT_SOME_FAILED)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice([f for f in FORMATS if f != "parquet"]),
              default="jsonl", show_default=True, help="Output format on stdout.")
@click.option("--max-bytes", default=IngestOptions().max_bytes, show_default=True,
              type=click.IntRange(1), help=_MAX_BYTES_HELP)
@click.option("--quiet", "-q", is_flag=True, help="No progress display or summary.")
@published_option
@pack_option
def extract(inputs: tuple[str, ...], fmt: str, max_bytes: int, quiet: bool,
            published: str | None) -> None:
    """Print the events of INPUT... to stdout, without a database."""
    events = []

    def collect(result: object) -> None:
        document = getattr(result, "document", None)
        if document is not None:
            events.extend(document.events)

    options = RunOptions(1, IngestOptions(max_bytes=max_bytes), published=published)
    try:
        with progress(not quiet) as advance:
            def both(result: object) -> None:
                collect(result)
                advance(result)  # type: ignore[arg-type]

            summary = run_batch(list(inputs), build_pipeline, None, options, on_result=both)
    except DatelineError as exc:
        fail(str(exc))
        return
    write_events(events, fmt, sys.stdout)
    if not quiet:
        print_summary(summary)
    sys.exit(EXIT_OK if summary.ok else EXIT_SOME_FAILED)
