"""``dateline show``: one article, cleaned and coded, with everything it was built from."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from dateline.api import build_pipeline
from dateline.cli.common import EXIT_SOME_FAILED, fail, pack_option, stderr
from dateline.errors import DatelineError
from dateline.ingest import IngestOptions, iter_inputs
from dateline.model import Document, Outcome, to_dict


def _first_input(source: str) -> Document:
    pipeline = build_pipeline()
    for item in iter_inputs([source], IngestOptions()):
        if isinstance(item, Outcome):
            stderr.print(f"[red]{item.status}[/red] {item.origin}: {item.reason}")
            sys.exit(EXIT_SOME_FAILED)
        result = pipeline.run(item)
        if result.document is None:
            stderr.print(f"[red]{result.outcome.status}[/red] {item.origin}: "
                         f"{result.outcome.reason}")
            sys.exit(EXIT_SOME_FAILED)
        return result.document
    stderr.print(f"[red]skipped[/red] {source}: no article found")
    sys.exit(EXIT_SOME_FAILED)


def _render(doc: Document, console: Console) -> None:
    console.rule(f"[bold]{doc.title or doc.origin}")
    meta = {"id": doc.id, "published": doc.published, "outlet": doc.outlet,
            "agency": doc.agency, "url": doc.url, "dateline": doc.dateline_place}
    console.print("  ".join(f"[dim]{k}[/dim] {v}" for k, v in meta.items() if v))
    for flag in doc.flags:
        console.print(f"[yellow]flag[/yellow] {flag}")
    console.print()
    console.print(doc.clean_text, markup=False, highlight=False)
    edits = Table("rule", "before", "after", title=f"{len(doc.edits)} edits", show_lines=False)
    for edit in doc.edits:
        edits.add_row(edit.rule, repr(edit.before[:70]), repr(edit.after[:70]))
    console.print(edits)
    events = Table("date", "type", "actor1", "actor2", "location", "fat.", "conf.", "evidence",
                   title=f"{len(doc.events)} events", show_lines=True)
    for e in doc.events:
        evidence = " | ".join(ev.text[:120] for ev in e.evidence)
        events.add_row(e.event_date, e.sub_event_type, e.actor1, e.actor2, e.location,
                       str(e.fatalities), f"{e.confidence:.2f}", evidence)
    console.print(events)
    for item in doc.watch:
        console.print(f"[cyan]watch[/cyan] {item.text} [dim]({item.who or 'unattributed'})[/dim]")


@click.command()
@pack_option
@click.argument("source", metavar="INPUT")
@click.option("--json", "as_json", is_flag=True,
              help="Print the whole Document as one JSON object.")
def show(source: str, as_json: bool) -> None:
    """Process one article and show its clean text, edits, entities, events and evidence."""
    try:
        doc = _first_input(source)
    except DatelineError as exc:
        fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(to_dict(doc), ensure_ascii=False, indent=2))
    else:
        _render(doc, Console())
