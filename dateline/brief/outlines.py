"""Country outlines for the briefing's map, read from the TopoJSON that the npm package
world-atlas ships (Natural Earth 1:50m Admin 0 countries, public domain; world-atlas is ISC),
installed by ``make install`` into ``dateline/web/node_modules``. Without it the map keeps its
graticule and markers and draws no outlines.

TopoJSON stores each shared border once, as an "arc" of delta-encoded integer points; a country
is a list of rings, each ring a list of arc indexes (``~i`` is arc ``i`` reversed). Only the
arcs of countries whose box meets the map's view are decoded and drawn.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

ATLAS_DIR = Path(__file__).parent.parent / "web" / "node_modules" / "world-atlas"
ATLAS = ATLAS_DIR / "countries-50m.json"  # 1:50m for a region
WORLD_ATLAS = ATLAS_DIR / "countries-110m.json"  # 1:110m where the map spans 60 degrees or more
WIDE = 60.0
Point = tuple[float, float]  # lon, lat
Box = tuple[float, float, float, float]  # west, south, east, north


@lru_cache(maxsize=2)
def load_atlas(path: Path = ATLAS) -> tuple[tuple[tuple[Point, ...], ...],
                                             tuple[tuple[str, tuple[tuple[int, ...], ...]], ...]]:
    """(arcs in degrees, countries as (name, rings of arc indexes)); empty when the file is
    not installed or unreadable."""
    try:
        topology: dict[str, Any] = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return (), ()
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = ([geometry["arcs"]] if geometry.get("type") == "Polygon"
                    else geometry.get("arcs") or [])
        rings = tuple(tuple(ring) for polygon in polygons for ring in polygon)
        name = str((geometry.get("properties") or {}).get("name", ""))
        countries.append((name, rings))
    return tuple(arcs), tuple(countries)


def _ring(arcs: Sequence[Sequence[Point]], indexes: Sequence[int]) -> list[Point]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return points


def _meets(points: Sequence[Point], box: Box) -> bool:
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return not (max(lons) < box[0] or min(lons) > box[2] or max(lats) < box[1]
                or min(lats) > box[3])


def outline_paths(box: Box, project: Callable[[float, float], tuple[float, float]],
                  path: Path | None = None) -> list[tuple[str, str]]:
    """(country name, SVG path data) for every country with a ring inside ``box``, projected
    with ``project(lat, lon) -> (x, y)``; points closer than half a pixel are merged. ``path``:
    the TopoJSON file, by default 1:50m, or 1:110m for a map 60 degrees wide or more."""
    if path is None:
        path = WORLD_ATLAS if box[2] - box[0] >= WIDE else ATLAS
    arcs, countries = load_atlas(path)
    out = []
    for name, rings in countries:
        parts = []
        for indexes in rings:
            points = _ring(arcs, indexes)
            if len(points) < 3 or not _meets(points, box):
                continue
            drawn: list[tuple[float, float]] = []
            for lon, lat in points:
                x, y = project(lat, lon)
                if not drawn or abs(x - drawn[-1][0]) + abs(y - drawn[-1][1]) >= 0.5:
                    drawn.append((x, y))
            if len(drawn) >= 3:
                parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in drawn) + "Z")
        if parts:
            out.append((name, "".join(parts)))
    return out
