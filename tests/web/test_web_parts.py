"""The web package's parts: highlighting segments, the packaged map data, `dateline serve`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from webdata import build_db

from dateline.cli.main import cli
from dateline.web import create_app
from dateline.web.assets import atlas_path
from dateline.web.highlight import Segment, segments


def test_segments_mark_evidence_and_edits() -> None:
    text = "ab cd ef"
    edits = [{"start": 3, "end": 5, "before": "c  d", "rule": "spaces"}]
    assert segments(text, [(0, 5)], edits) == [
        Segment("ab ", evidence=True),
        Segment("cd", evidence=True, edit_rule="spaces", edit_before="c  d"),
        Segment(" ef"),
    ]


def test_segments_survive_bad_offsets() -> None:
    got = segments("abc", [(2, 99), (-5, 1), (2, 2)], [{"start": 1, "end": 1, "rule": "x"}])
    assert "".join(s.text for s in got) == "abc"
    assert [(s.text, s.evidence, s.removed) for s in got] == [
        ("a", True, False), ("", False, True), ("b", False, False), ("c", True, False)]


def test_removed_text_is_marked_where_it_was() -> None:
    edits = [{"start": 2, "end": 2, "before": "Look also", "rule": "furniture"}]
    got = segments("abcd", [], edits)
    assert got == [Segment("ab"), Segment("", edit_rule="furniture", edit_before="Look also",
                                          removed=True), Segment("cd")]


def test_the_map_outlines_are_installed_and_served(tmp_path: Path) -> None:
    if atlas_path() is None:
        message = "world-atlas is not installed: run `make install` (npm ci --prefix dateline/web)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    client = TestClient(create_app(build_db(tmp_path / "a.db")))
    world = client.get("/assets/world.json")
    assert world.status_code == 200
    assert world.json()["type"] == "Topology"
    assert len(world.json()["objects"]["countries"]["geometries"]) > 200
    assert "Natural Earth" in client.get("/assets/world-license.txt").text


def test_missing_outlines_say_how_to_install_them(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.web.assets as assets

    monkeypatch.setattr(assets, "ATLAS_DIR", tmp_path / "nowhere")
    monkeypatch.setattr(assets, "atlas_path", lambda directory=None: None)
    client = TestClient(create_app(build_db(tmp_path / "b.db")))
    error = client.get("/assets/world.json").json()["error"]
    assert error["status"] == 404 and "make install" in error["hint"]


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 3
    assert "dateline run INPUT" in result.output and not (tmp_path / "none.db").exists()


def test_serve_runs_uvicorn_on_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(app=app, **options))
    db = build_db(tmp_path / "s.db")
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", "8123"],
                                env={"DATELINE_TOKEN": "from-env"})
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].state.web.token == "from-env"  # type: ignore[attr-defined]
    assert "writing on" in result.output
