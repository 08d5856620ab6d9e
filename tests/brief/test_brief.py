"""The daily briefing: selection and ranking, Markdown, HTML (escaped, self-contained), Atom."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from briefdata import SCRIPT, build
from click.testing import CliRunner

from dateline.brief import build_briefing, build_feed, render_atom, render_html, render_markdown
from dateline.brief.select import BriefOptions
from dateline.cli.main import cli
from dateline.errors import BriefError
from dateline.store import SQLiteStore

OPTIONS = BriefOptions(generated="2024-03-14T16:00:00+00:00")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("brief") / "brief.db")


@pytest.fixture(scope="module")
def briefing(db: Path):  # type: ignore[no-untyped-def]
    with SQLiteStore(db) as store:
        return build_briefing(store, "2024-03-14", OPTIONS)


def test_the_day_is_ranked_by_severity_and_grouped_by_country(briefing) -> None:
    assert [c.country for c in briefing.countries] == ["Ukraine",
                                                       "Democratic Republic of the Congo"]
    strike = briefing.countries[0].items[0]
    assert strike.event.sources_count == 2 and strike.event.fatalities == 7
    assert {ref.outlet for ref in strike.sources} == {"Reuters", f"The Kyiv Ledger {SCRIPT}"}
    assert strike.story_since == "2024-03-11"  # the Monday strike: the story goes on
    congo = [item.event.sub_event_type for item in briefing.countries[1].items]
    assert congo == ["Shelling/artillery/missile attack", "Protest with intervention"]
    late = briefing.countries[1].items[0]
    assert late.reported_late and late.event.event_date == "2024-03-13"


def test_numbers_against_the_previous_seven_days(briefing) -> None:
    figures = {f.label: (f.today, f.week_average) for f in briefing.figures}
    assert figures["Events"] == (2, pytest.approx(2 / 7, abs=0.05))
    assert figures["Fatalities"] == (7, pytest.approx(6 / 7, abs=0.05))


def test_what_to_watch_names_who_said_it(briefing) -> None:
    (note,) = briefing.watch
    assert note.who == "Minister" and note.text.startswith("Allies meet")


def test_html_is_self_contained_and_escapes_article_text(briefing) -> None:
    html = render_html(briefing)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in html
    assert "<svg" in html and "<circle" in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", html)
    assert "Kramatorsk" in html and "Reuters" in html


def test_markdown_escapes_article_text_and_plain_text_keeps_it(briefing) -> None:
    markdown = render_markdown(briefing)
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    assert "Ramstein" in markdown and "## What to watch" in markdown
    assert SCRIPT in render_markdown(briefing, plain=True)


def test_atom_feed_is_well_formed_with_one_entry_per_day(db: Path) -> None:
    with SQLiteStore(db) as store:
        feed = render_atom(build_feed(store, "2024-03-14", options=OPTIONS))
    root = ET.fromstring(feed)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert [e.findtext("a:id", namespaces=ns)[-10:] for e in entries] == [
        "2024-03-14", "2024-03-13", "2024-03-11"]
    content = entries[0].findtext("a:content", namespaces=ns)
    assert "<script" not in content.lower() and "&lt;script&gt;" in content


def test_cli_writes_each_format(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt, marker in (("md", "# Briefing"), ("html", "<!DOCTYPE html>"), ("atom", "<feed")):
        result = runner.invoke(cli, ["brief", "--db", str(db), "--date", "2024-03-14",
                                     "--format", fmt])
        assert result.exit_code == 0, result.output
        assert marker in result.output
    out = tmp_path / "b.html"
    result = runner.invoke(cli, ["brief", "--db", str(db), "--date", "2024-03-14", "--format",
                                 "html", "-o", str(out)])
    assert result.exit_code == 0 and "<svg" in out.read_text("utf-8")


def test_cli_refuses_a_bad_day_or_a_missing_database(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["brief", "--db", str(db), "--date", "14/03"]).exit_code == 3
    assert runner.invoke(cli, ["brief", "--db", str(tmp_path / "none.db")]).exit_code == 3
    assert runner.invoke(cli, ["brief", "--db", str(db), "--send-to", "a@b.c"]).exit_code == 2
    with pytest.raises(BriefError), SQLiteStore(db) as store:
        build_briefing(store, "yesterday")


def test_readme_shows_the_briefing_and_its_weekday_cron_line() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text("utf-8")
    assert "0 16 * * 1-5" in readme and "dateline brief --db" in readme
    assert "--send-to" in readme and "--smtp" in readme
