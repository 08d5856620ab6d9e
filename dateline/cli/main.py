"""The ``dateline`` command: a thin layer over the library."""

from __future__ import annotations

import click

from dateline import __version__
from dateline.cli.bench import bench
from dateline.cli.brief import brief
from dateline.cli.common import EXIT_CODES_HELP
from dateline.cli.learn import learn
from dateline.cli.query import events, export
from dateline.cli.run import extract, run
from dateline.cli.serve import serve
from dateline.cli.show import show


@click.group(
    help="Turn raw news about armed conflict into clean text and evidence-linked event records."
    "\n\nINPUT is a file, a directory, a glob or '-' (stdin): plain text, HTML, JSON Lines, CSV,"
    " RSS/Atom, WARC or gzip of any of these, detected from content.\n\n" + EXIT_CODES_HELP,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="dateline")
def cli() -> None:
    pass


for command in (run, extract, show, events, export, serve, bench, brief, learn):
    cli.add_command(command)


def main() -> None:
    cli()
