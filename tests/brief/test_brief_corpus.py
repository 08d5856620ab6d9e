"""Acceptance on real articles: the seed's briefing names the Baghuz fighting with its sources;
the golden briefing of the demo day (2024-03-14) over examples/.

Regenerate the golden file with ``UPDATE_GOLDEN=1 pytest tests/brief/test_brief_corpus.py``
and review the diff, as for the other golden files.
"""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from dateline.brief import build_briefing, render_markdown
from dateline.brief.select import BriefOptions
from dateline.cli.main import cli
from dateline.runner import run_batch
from dateline.store import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "brief-2024-03-14.md"


def _store(path: Path, inputs: list[str], pipeline) -> Path:  # type: ignore[no-untyped-def]
    with SQLiteStore(path) as store:
        run_batch(inputs, lambda: pipeline, store, pipeline=pipeline)
    return path


def test_the_seed_briefing_names_the_baghuz_fighting_with_its_sources(
        tmp_path: Path, seed_text: str, pipeline) -> None:  # type: ignore[no-untyped-def]
    seed = tmp_path / "article.txt"
    seed.write_text(seed_text, "utf-8")
    db = _store(tmp_path / "seed.db", [str(seed)], pipeline)
    runner = CliRunner()
    result = runner.invoke(cli, ["brief", "--db", str(db), "--date", "2019-02-14"])
    assert result.exit_code == 0, result.output
    what_happened = result.output.split("## The numbers")[0]
    assert "Baghuz" in what_happened and "Armed clash" in what_happened
    assert "1 source: AFP" in what_happened
    html = runner.invoke(cli, ["brief", "--db", str(db), "--date", "2019-02-14", "--format",
                               "html"]).output
    assert "Baghuz" in html and "AFP" in html and "<script" not in html.lower()


def test_golden_briefing_of_the_demo_day(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    db = _store(tmp_path / "demo.db", [str(ROOT / "examples")], pipeline)
    with SQLiteStore(db) as store:
        briefing = build_briefing(store, "2024-03-14",
                                  BriefOptions(generated="2024-03-14T16:00:00+00:00"))
    got = render_markdown(briefing)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(got, "utf-8")
    assert got == GOLDEN.read_text("utf-8")
