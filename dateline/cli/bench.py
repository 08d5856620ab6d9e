"""``dateline bench``: the evaluations under bench/."""

from __future__ import annotations

import sys

import click

from dateline.cli.common import fail
from dateline.errors import DatelineError


@click.command()
@click.argument("suites", nargs=-1)
@click.option("--shared", default="../shared", show_default=True, type=click.Path(),
              help="The shared data folder.")
@click.option("--gate", is_flag=True,
              help="Fail (exit 1) when a score is below its pinned minimum.")
@click.option("--limit", type=click.IntRange(1), help="Evaluate at most this many items per suite.")
@click.option("--pin", "pin_scores", is_flag=True,
              help="Raise the pinned minimums in bench/minimums.json to this run's scores.")
def bench(suites: tuple[str, ...], shared: str, gate: bool, limit: int | None,
          pin_scores: bool) -> None:
    """Run evaluation SUITES (default: all) and print each score beside its baseline."""
    from dateline.benchmarks import run_suites

    try:
        ok = run_suites(list(suites), shared, gate=gate, limit=limit, pin_scores=pin_scores)
    except DatelineError as exc:
        fail(str(exc))
        return
    sys.exit(0 if ok else 1)
