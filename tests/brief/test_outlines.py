"""The briefing map's country outlines, decoded from TopoJSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.brief.mapsvg import View
from dateline.brief.outlines import ATLAS, load_atlas, outline_paths

# Two squares sharing one border, as TopoJSON stores them: the shared arc once, delta-encoded.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [0, 0]},
    "arcs": [[[10, 0], [0, 10]],                      # shared border x=10, south to north
             [[10, 10], [-10, 0], [0, -10], [10, 0]],  # west square, the rest of its ring
             [[10, 0], [10, 0], [0, 10], [-10, 0]]],   # east square, the rest of its ring
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"name": "West"}},
        {"type": "MultiPolygon", "arcs": [[[2, -1]]], "properties": {"name": "East"}},
    ]}},
}


@pytest.fixture()
def atlas(tmp_path: Path) -> Path:
    path = tmp_path / "squares.json"
    path.write_text(json.dumps(TOPOLOGY), "utf-8")
    return path


def test_arcs_are_decoded_and_shared_borders_reversed(atlas: Path) -> None:
    arcs, countries = load_atlas(atlas)
    assert arcs[0] == ((10, 0), (10, 10))
    assert [name for name, _ in countries] == ["West", "East"]
    view = View(0.0, 0.0, 20.0, 10.0)
    paths = dict(outline_paths((0, 0, 20, 10), view.project, atlas))
    assert paths["West"].startswith("M") and paths["West"].endswith("Z")
    assert paths["West"].count("L") == 4  # the border, then three sides back to the start
    east = dict(outline_paths((15, 0, 20, 10), view.project, atlas))
    assert list(east) == ["East"]  # the west square is outside this box


def test_a_missing_atlas_draws_no_outlines(tmp_path: Path) -> None:
    assert outline_paths((0, 0, 10, 10), lambda lat, lon: (lon, lat),
                         tmp_path / "absent.json") == []


@pytest.mark.skipif(not ATLAS.is_file(), reason="world-atlas is not installed (make install)")
def test_the_installed_atlas_outlines_syria() -> None:
    view = View(34.0, 31.0, 44.0, 38.0)
    names = {name for name, _ in outline_paths((34, 31, 44, 38), view.project)}
    assert {"Syria", "Iraq", "Turkey", "Lebanon"} <= names
