"""The places of a region pack: every coded location with its coordinates and areas, and the
spellings the notes use for it ('Abomet-Calavi' for Abomey-Calavi).

A location coded at geo_precision 3 (a province's or region's point) is not learned: its point
is the area's, not the place's. Where one location was coded at several points, the point coded
most often is kept.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dateline.nlp.gazetteer_names import fold
from dateline.pack.read import CodedRow

# Word tokens of a note, for finding a location's spellings (mechanics, not knowledge).
_WORD = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]")
SPELLING_RATIO = 0.85  # difflib ratio of two folded spellings of one place
COARSE_PRECISION = 3


@dataclass
class _Seen:
    points: Counter[tuple[float, float]] = field(default_factory=Counter)
    precisions: Counter[int] = field(default_factory=Counter)
    spellings: Counter[str] = field(default_factory=Counter)
    reports: int = 0
    first: str = ""
    last: str = ""


def spellings(location: str, notes: str) -> list[str]:
    """Spellings of ``location`` in ``notes`` other than its own: the word sequences of the
    same length whose folded form is close to the location's (and not equal to it)."""
    target = fold(location)
    width = len(location.replace("-", " ").split())
    words = [m.group(0) for m in _WORD.finditer(notes)]
    found = []
    for size in {width, 1} if "-" in location else {width}:
        for i in range(len(words) - size + 1):
            text = " ".join(words[i:i + size])
            candidate = fold(text)
            if (text[:1].isupper() and candidate != target
                    and abs(len(candidate) - len(target)) <= 2
                    and difflib.SequenceMatcher(None, candidate, target).ratio()
                    >= SPELLING_RATIO):
                found.append(text)
    return found


class PlaceLearner:
    """Collects the coded locations; ``country_code`` maps ACLED's country names to ISO codes."""

    def __init__(self, country_code: Callable[[str], str | None]) -> None:
        self._country_code = country_code
        self._places: dict[tuple[str, str, str, str], _Seen] = {}
        self.unknown_countries: Counter[str] = Counter()

    def add(self, row: CodedRow) -> None:
        if not row.location or row.point is None or row.geo_precision >= COARSE_PRECISION:
            return
        code = self._country_code(row.country)
        if code is None:
            self.unknown_countries[row.country] += 1
            return
        seen = self._places.setdefault((code, row.admin1, row.admin2, row.location), _Seen())
        seen.points[(round(row.point[0], 5), round(row.point[1], 5))] += 1
        seen.precisions[row.geo_precision] += 1
        seen.reports += 1
        if row.date:
            seen.first = min(seen.first or row.date, row.date)
            seen.last = max(seen.last, row.date)
        if row.notes:
            seen.spellings.update(spellings(row.location, row.notes))

    def __len__(self) -> int:
        return len(self._places)

    def entries(self, source: str) -> list[dict[str, Any]]:
        """The places in the format of ``dateline/data/places.json``'s entries."""
        out = []
        for (code, admin1, admin2, location), seen in sorted(self._places.items()):
            (lat, lon), _ = seen.points.most_common(1)[0]
            out.append({
                "name": location,
                "aliases": sorted(seen.spellings),
                "country": code, "admin1": admin1 or None, "admin2": admin2 or None,
                "latitude": lat, "longitude": lon, "feature": "town", "population": None,
                "geo_precision": seen.precisions.most_common(1)[0][0],
                "reports": seen.reports, "first": seen.first, "last": seen.last,
                "source": source,
            })
        return out
