"""The command line end to end: run, extract, show, events, export; bad inputs; idempotence."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli
from dateline.export import ACLED_COLUMNS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GOOD_ARTICLE = """Militants attack army post in northern Mali – 12/03/2024

Suspected jihadists attacked an army post in Diabaly on Tuesday, killing four soldiers, \
the Malian army said on Wednesday.

The army said its troops repelled the assault and killed several attackers.
"""


def invoke(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def test_help_lists_commands_and_exit_codes() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("run", "extract", "show", "events", "export", "bench"):
        assert command in result.output
    assert "Exit codes" in result.output


def test_extract_seed(shared: Path) -> None:
    result = invoke("extract", str(shared / "samples/seed/article.txt"), "--format", "jsonl",
                    "--quiet")
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(events) >= 3
    assert any(e["sub_event_type"] == "Suicide bomb" and e["event_date"] == "2019-02-12"
               for e in events)
    assert any(e["event_date"] == "2019-02-09" for e in events)
    assert all(e["evidence"] for e in events)


def test_show_json_evidence_offsets(shared: Path) -> None:
    result = invoke("show", str(shared / "samples/seed/article.txt"), "--json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    for key in ("id", "url", "title", "published", "outlet", "agency", "language", "clean_text",
                "captions", "edits", "entities", "places", "times", "quotes", "quantities",
                "events", "watch"):
        assert key in doc
    text = doc["clean_text"]
    spans = [ev for e in doc["events"] for ev in e["evidence"]]
    assert spans
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
    assert all("event_type" in e["evidence"][0]["fields"] for e in doc["events"])
    for edit in doc["edits"]:
        assert text[edit["start"]:edit["end"]] == edit["after"]


def _bad_folder(root: Path) -> int:
    (root / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "noise.bin").write_bytes(bytes(range(256)) * 40)
    (root / "latin1.txt").write_bytes(
        "Protesta en Bamako - 12/03/2024\n\nDes manifestants ont dénoncé la junte à Bamako."
        .encode("latin-1"))
    (root / "broken.jsonl").write_text('{"text": "A short note about Goma."}\n{not json\n',
                                       encoding="utf-8")
    (root / "nocol.csv").write_text("id,headline\n1,Hello\n", encoding="utf-8")
    with gzip.open(root / "bomb.txt.gz", "wb") as bomb:
        chunk = b"\0" * 1_000_000
        for _ in range(300):
            bomb.write(chunk)
    return 8  # good, empty, noise, latin1, 2 jsonl lines, csv, bomb


def test_bad_inputs_are_named_and_counted(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    expected = _bad_folder(inputs)
    db = tmp_path / "t.db"
    result = invoke("run", str(inputs), "--db", str(db), "--quiet",
                    "--max-bytes", "50000000")
    assert result.exit_code == 1, result.output
    summary = result.stderr
    assert f"{expected} inputs" in summary
    for name in ("empty.txt", "noise.bin", "broken.jsonl:2", "nocol.csv", "bomb.txt.gz"):
        assert name in summary or name.split(":")[0] in summary, name
    with sqlite3.connect(db) as conn:
        outcomes = conn.execute("select count(*) from outcomes").fetchone()[0]
    assert outcomes == expected


def test_run_twice_changes_nothing_and_exports(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    first = invoke("run", str(EXAMPLES), "--db", str(db), "--quiet")
    assert first.exit_code == 0, first.stderr
    with sqlite3.connect(db) as conn:
        before = [conn.execute(f"select count(*) from {t}").fetchone()[0]
                  for t in ("articles", "events", "evidence")]
    second = invoke("run", str(EXAMPLES), "--db", str(db), "--quiet")
    assert second.exit_code == 0
    with sqlite3.connect(db) as conn:
        after = [conn.execute(f"select count(*) from {t}").fetchone()[0]
                 for t in ("articles", "events", "evidence")]
    assert before == after and before[1] > 10
    out = tmp_path / "events.csv"
    assert invoke("export", "--db", str(db), "--format", "acled-csv", "-o", str(out)).exit_code == 0
    header = next(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert header == list(ACLED_COLUMNS)
    geo = tmp_path / "events.geojson"
    assert invoke("export", "--db", str(db), "--format", "geojson", "-o", str(geo)).exit_code == 0
    collection = json.loads(geo.read_text("utf-8"))
    assert collection["type"] == "FeatureCollection" and collection["features"]
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "Point" and -180 <= lon <= 180 and -90 <= lat <= 90
    listing = invoke("events", "--db", str(db), "--country", "Ukraine", "--format", "jsonl")
    rows = [json.loads(line) for line in listing.stdout.splitlines()]
    assert rows and all(r["country"] == "Ukraine" for r in rows)


def test_stdin_and_missing_database(tmp_path: Path) -> None:
    result = invoke("extract", "-", "--format", "jsonl", "--quiet", stdin=GOOD_ARTICLE)
    assert result.exit_code == 0
    assert any(json.loads(line)["country"] == "Mali" for line in result.stdout.splitlines())
    missing = invoke("events", "--db", str(tmp_path / "nope.db"))
    assert missing.exit_code == 3
    assert "dateline run" in missing.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "acled-csv"])
def test_extract_formats(fmt: str) -> None:
    result = invoke("extract", "-", "--format", fmt, "--quiet", stdin=GOOD_ARTICLE)
    assert result.exit_code == 0 and result.stdout.strip()


def test_workers_give_the_same_store(tmp_path: Path) -> None:
    inputs = [str(EXAMPLES / "txt" / name) for name in
              ("2024-03-14_afp_mogadishu_bombing.txt", "2024-03-12_afp_baghuz_ambush.txt")]
    counts = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        result = invoke("run", *inputs, "--db", str(db), "--workers", workers, "--quiet")
        assert result.exit_code == 0, result.stderr
        with sqlite3.connect(db) as conn:
            counts.append(sorted(conn.execute("select event_id from events").fetchall()))
    assert counts[0] == counts[1] and counts[0]


def test_undated_inputs_are_counted_and_published_dates_them(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli.main import cli

    story = tmp_path / "story.txt"
    story.write_text("ahmedabad: a mob set fire to two shops on saturday and police opened "
                     "fire, killing one man.\n", "utf-8")
    runner = CliRunner()
    plain = runner.invoke(cli, ["extract", str(story)])
    said = " ".join(plain.output.split())
    assert "1 article without a publication date" in said and "--published" in said
    assert '"date_basis": "run"' in plain.output
    dated = runner.invoke(cli, ["extract", str(story), "--published", "2002-03-10", "-q"])
    assert dated.exit_code == 0, dated.output
    assert '"event_date": "2002-03-09"' in dated.output and '"date_basis": ""' in dated.output
    bad = runner.invoke(cli, ["extract", str(story), "--published", "10/03/2002"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_a_records_own_id_and_url_follow_its_events(tmp_path: Path) -> None:
    """A JSON Lines record's id and url reach its events: extract, the store, every export."""
    from click.testing import CliRunner

    from dateline.cli.main import cli

    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({
        "id": "desk-0042", "url": "https://example.org/kalale",
        "published": "2020-09-14",
        "text": "On 13 September 2020, herders attacked a farmer in Kalale, Borgou. He died.",
    }) + "\n", "utf-8")
    runner = CliRunner()
    shown = runner.invoke(cli, ["extract", str(feed), "-q"])
    record = json.loads(shown.output.splitlines()[0])
    assert record["source_ids"] == ["desk-0042"]
    assert record["source_urls"] == ["https://example.org/kalale"]
    db = tmp_path / "s.db"
    assert runner.invoke(cli, ["run", str(feed), "--db", str(db), "-q"]).exit_code == 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT source_id, url FROM articles").fetchall() == [
            ("desk-0042", "https://example.org/kalale")]
    finally:
        conn.close()
    out = tmp_path / "events.csv"
    assert runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "-o",
                               str(out)]).exit_code == 0
    with out.open(encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert json.loads(row["source_ids"]) == ["desk-0042"]
    parquet = tmp_path / "events.parquet"
    assert runner.invoke(cli, ["export", "--db", str(db), "--format", "parquet", "-o",
                               str(parquet)]).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).column("source_ids").to_pylist() == [["desk-0042"]]
