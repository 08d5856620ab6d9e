"""``dateline brief``: the daily briefing from the database, printed or e-mailed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from dateline.cli.common import fail, stderr
from dateline.errors import DatelineError, StoreError
from dateline.store import DEFAULT_PATH, MergeStore, open_store, store_exists


@click.command()
@click.option("--db", default=str(DEFAULT_PATH), show_default=True,
              help="SQLite file or postgresql:// URL.")
@click.option("--date", "day", help="The day (YYYY-MM-DD); default today (UTC).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "atom"]), default="md",
              show_default=True, help="Markdown, self-contained HTML, or an Atom feed of the "
              "last seven days' briefings.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write to this file "
              "instead of stdout.")
@click.option("--send-to", "send_to", metavar="ADDR", help="E-mail the briefing (text and HTML "
              "parts) to ADDR.")
@click.option("--smtp", metavar="HOST:PORT", help="Mail server for --send-to.")
@click.option("--from", "sender", default="dateline@localhost", show_default=True,
              help="Sender address of the e-mail.")
def brief(db: str, day: str | None, fmt: str, output: str | None, send_to: str | None,
          smtp: str | None, sender: str) -> None:
    """Write the daily briefing: what happened (ranked, by country, with sources and a map),
    the numbers against the previous seven days, and what to watch."""
    from dateline.brief import build_feed, render, send_briefing

    if bool(send_to) != bool(smtp):
        raise click.UsageError("--send-to and --smtp go together")
    day = day or dt.datetime.now(dt.UTC).date().isoformat()
    try:
        if not store_exists(db):
            raise StoreError(f"no database at {db}",
                             "create it with `dateline run INPUT --db PATH`")
        with open_store(db) as store:
            if not isinstance(store, MergeStore):
                raise StoreError(f"the store at {db} cannot answer briefing queries",
                                 "use a SQLite database")
            briefings = build_feed(store, day, days=7 if fmt == "atom" else 1)
        text = render(briefings, fmt)
        if send_to and smtp:
            send_briefing(briefings[0], send_to, smtp, sender)
            stderr.print(f"Briefing for {day} sent to {send_to} through {smtp}")
    except DatelineError as exc:
        fail(str(exc))
        return
    if output:
        Path(output).write_text(text, "utf-8")
    elif not send_to:
        click.echo(text, nl=False)
