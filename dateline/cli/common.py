"""What the commands share: exit codes, progress, the closing summary."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from dateline.pipeline import Result
from dateline.runner import RunSummary

EXIT_OK = 0
EXIT_SOME_FAILED = 1  # some inputs were quarantined or failed; the others were processed
EXIT_USAGE = 2  # click's own code for a bad command line
EXIT_FATAL = 3  # nothing could run: no model, unreadable database, ...

EXIT_CODES_HELP = (
    "Exit codes: 0 every input processed or skipped; 1 some inputs quarantined or failed (the "
    "rest were processed); 2 bad command line; 3 could not run at all (model or database)."
)

stderr = Console(stderr=True, highlight=False)


@contextmanager
def progress(enabled: bool) -> Iterator[Callable[[Result], None]]:
    """A progress display on stderr; yields the callback to call once per input."""
    if not enabled or not stderr.is_terminal:
        yield lambda result: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.completed} inputs"), BarColumn(),
               TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
               TextColumn("[dim]{task.fields[origin]}"))
    with Progress(*columns, console=stderr, transient=True) as bar:
        task = bar.add_task("run", total=None, events=0, origin="")
        events = 0

        def advance(result: Result) -> None:
            nonlocal events
            events += result.outcome.events
            bar.update(task, advance=1, events=events, origin=result.outcome.origin[-60:])

        yield advance


def print_summary(summary: RunSummary, console: Console = stderr) -> None:
    counts = summary.as_dict()
    parts = ", ".join(f"{n} {status}" for status, n in counts.items())
    console.print(f"[bold]{summary.total} inputs:[/bold] {parts}; {summary.events} events.")
    if summary.undated:
        console.print(
            f"  [yellow]{summary.undated} article{'s' if summary.undated != 1 else ''} without a "
            "publication date[/yellow]: their events are dated by the years their text names, "
            "else undated (time_precision 3, date_basis 'run'); give one with --published "
            "YYYY-MM-DD or a date field in the input", soft_wrap=True)
    for outcome in summary.notes:
        console.print(f"  [yellow]skipped[/yellow] {outcome.origin}: {outcome.reason}",
                      soft_wrap=True)
    for outcome in summary.problems:
        console.print(f"  [red]{outcome.status}[/red] {outcome.origin}: {outcome.reason}",
                      soft_wrap=True)


def fail(message: str) -> None:
    stderr.print(f"[red]error:[/red] {escape(message)}")  # the message may hold "[...]"
    sys.exit(EXIT_FATAL)


def echo_json_line(text: str) -> None:
    click.echo(text)


def _use_pack(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check the pack now (a clear error before any work) and hand it to the pipeline and its
    workers through DATELINE_PACK."""
    import os

    from dateline.errors import DatelineError
    from dateline.pack import ENVIRONMENT, RegionPack

    if not value:
        return None
    try:
        RegionPack.load(value)
    except DatelineError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc
    os.environ[ENVIRONMENT] = value
    return value


pack_option = click.option(
    "--pack", envvar="DATELINE_PACK", callback=_use_pack, expose_value=False,
    type=click.Path(file_okay=False), metavar="FOLDER",
    help="A region pack ('dateline learn CODED.csv -o FOLDER'): its places, actors and "
         "classifier are used beside dateline's own (default: $DATELINE_PACK).")


def _iso_day(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date as YYYY-MM-DD", ctx=ctx,
                                 param=param) from exc


published_option = click.option(
    "--published", callback=_iso_day, metavar="YYYY-MM-DD",
    help="Publication date of the inputs that give none (and whose text states none); without "
         "it, their events are dated only by the years their text names.")
