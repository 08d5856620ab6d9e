"""``dateline learn``: a region pack from a team's coded data."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape

from dateline.cli.common import EXIT_CODES_HELP, EXIT_OK, EXIT_SOME_FAILED, fail, stderr
from dateline.errors import DatelineError


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("exports", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the pack to (created; its pack files are replaced).")
@click.option("--name", default="", help="The pack's name (default: the folder's).")
@click.option("--max-examples", default=5000, show_default=True, type=click.IntRange(0),
              help="Notes kept (a seeded sample) to train the sub-event type classifier.")
@click.option("--seed", default=0, show_default=True, help="Seed of the sample and the model.")
@click.option("--no-classifier", is_flag=True, help="Learn places and actors only.")
@click.option("--quiet", "-q", is_flag=True, help="No progress display.")
def learn(exports: tuple[Path, ...], out: Path, name: str, max_examples: int, seed: int,
          no_classifier: bool, quiet: bool) -> None:
    """Learn a region pack from EXPORTS (ACLED-format CSV files).

    The pack holds every coded location (with its coordinates and the spellings the notes use),
    every actor (with its inter code, the periods of its names and the mentions that named it),
    a sub-event type classifier used beside the rules, and a card (pack.json) saying what it
    was learned from and how it scored. Use it with 'dateline run --pack FOLDER' (or
    DATELINE_PACK=FOLDER). Nothing is sent anywhere; the pack holds no article text beyond
    short mentions.
    """
    from dateline.pack.learn import LearnOptions
    from dateline.pack.learn import learn as learn_pack

    def progress(stage: str, done: int, total: int | None) -> None:
        if not quiet and stderr.is_terminal:
            stderr.print(f"  {stage}: {done}{f'/{total}' if total else ''}", end="\r")

    options = LearnOptions(name, max_examples, seed, classifier=not no_classifier)
    try:
        learned = learn_pack(list(exports), out, options, progress=progress)
    except DatelineError as exc:
        fail(str(exc))
        return
    card, report = learned.card, learned.report
    stderr.print(f"[bold]{report.rows} rows read[/bold], {report.used} used: "
                 f"{card['places']} places, {card['actors']} actors, "
                 f"{report.first_date} to {report.last_date}.")
    for line in report.messages():
        stderr.print(f"  [yellow]{escape(line)}[/yellow]", soft_wrap=True)
    scores = card["classifier"]
    if scores.get("trained"):
        stderr.print(f"Classifier (trained on the earlier 80% of the rows, measured on the "
                     f"latest 20%): rules alone "
                     f"{scores['rules_accuracy']}, with the classifier "
                     f"{scores['with_classifier_accuracy']}; {scores['threshold_note']}.")
    else:
        stderr.print(f"Classifier not trained: {scores.get('reason')}.")
    stderr.print(f"Pack written to {out}; use it with --pack {out}")
    sys.exit(EXIT_SOME_FAILED if report.problems or report.unread else EXIT_OK)
