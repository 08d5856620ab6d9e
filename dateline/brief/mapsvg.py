"""The briefing's map: an inline SVG in an equirectangular projection, drawn offline.

No tiles: country outlines from world-atlas where ``make install`` put it
(:mod:`dateline.brief.outlines`; none without it), a graticule every 5 or 10 degrees, labelled,
and one numbered circle per event (the number of its line in the briefing; the area grows with
the fatalities). Every piece of text is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from dateline.brief.outlines import outline_paths
from dateline.model import BriefItem

WIDTH = 720
MIN_SPAN = 24.0  # degrees of longitude shown at least
MARGIN = 4.0  # degrees around the events


@dataclass(frozen=True)
class View:
    """The part of the world shown: west, south, east, north in degrees."""

    west: float
    south: float
    east: float
    north: float

    @property
    def height(self) -> int:
        return max(120, round(WIDTH * (self.north - self.south) / (self.east - self.west)))

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        x = (lon - self.west) / (self.east - self.west) * WIDTH
        y = (self.north - lat) / (self.north - self.south) * self.height
        return round(x, 1), round(y, 1)


def view_of(points: Sequence[tuple[float, float]]) -> View:
    """A view around the points (lat, lon), at least MIN_SPAN wide, 2:1 at most; the whole
    world when there are none."""
    if not points:
        return View(-180.0, -90.0, 180.0, 90.0)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    west, east = min(lons) - MARGIN, max(lons) + MARGIN
    south, north = min(lats) - MARGIN, max(lats) + MARGIN
    if east - west < MIN_SPAN:
        middle = (east + west) / 2
        west, east = middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
    if north - south < (east - west) / 2:
        middle = (north + south) / 2
        south, north = middle - (east - west) / 4, middle + (east - west) / 4
    return View(max(-180.0, west), max(-90.0, south), min(180.0, east), min(90.0, north))


def _graticule(view: View) -> list[str]:
    step = 5 if view.east - view.west <= 60 else 10 if view.east - view.west <= 120 else 30
    parts = []
    for lon in range(math.ceil(view.west / step) * step, math.floor(view.east) + 1, step):
        x, _ = view.project(0, lon)
        parts.append(f'<line class="grid" x1="{x}" y1="0" x2="{x}" y2="{view.height}"/>'
                     f'<text class="lbl" x="{x + 2}" y="{view.height - 4}">{lon}°</text>')
    for lat in range(math.ceil(view.south / step) * step, math.floor(view.north) + 1, step):
        _, y = view.project(lat, 0)
        parts.append(f'<line class="grid" x1="0" y1="{y}" x2="{WIDTH}" y2="{y}"/>'
                     f'<text class="lbl" x="2" y="{y - 2}">{lat}°</text>')
    return parts


def _outlines(view: View) -> list[str]:
    box = (view.west, view.south, view.east, view.north)
    return [f'<path class="land" d="{d}"><title>{escape(name)}</title></path>'
            for name, d in outline_paths(box, view.project)]


def _marker(view: View, number: int, item: BriefItem) -> str:
    event = item.event
    x, y = view.project(event.latitude or 0.0, event.longitude or 0.0)
    radius = round(5 + 2.5 * math.sqrt(event.fatalities), 1)
    title = escape(f"{number}. {event.sub_event_type} in {event.location}, {event.country}: "
                   f"{event.fatalities} killed")
    return (f'<g class="ev"><title>{title}</title>'
            f'<circle cx="{x}" cy="{y}" r="{radius}"/>'
            f'<text x="{x}" y="{y + 3.5}" text-anchor="middle">{number}</text></g>')


def render_map(items: Sequence[BriefItem]) -> str:
    """The SVG of the numbered items that have coordinates (numbers count from 1 in order)."""
    located = [(n, item) for n, item in enumerate(items, 1)
               if item.event.latitude is not None and item.event.longitude is not None]
    view = view_of([(i.event.latitude or 0.0, i.event.longitude or 0.0) for _, i in located])
    located.sort(key=lambda pair: -pair[1].event.fatalities)  # small circles drawn on top
    body = "".join([*_outlines(view), *_graticule(view),
                    *(_marker(view, n, i) for n, i in located)])
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {view.height}" '
            f'width="100%" role="img" aria-label="Map of the day\'s events">'
            f'<rect class="sea" width="{WIDTH}" height="{view.height}"/>{body}</svg>')
