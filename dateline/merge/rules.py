"""What may be merged: the curated rules in ``dateline/data/merge_rules.json`` and the options
(thresholds, MinHash settings) of a merge."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class MergeOptions:
    """Thresholds of near-duplicate detection and cross-article event merging.

    ``duplicate_similarity``: estimated Jaccard similarity of two articles' word shingles above
    which one is a copy of the other (a syndicated copy with other furniture scores 0.8-1.0; two
    outlets' own stories of one event, under 0.2). ``min_score``: the lowest pair score
    (:func:`dateline.merge.similarity.pair_score`, 0-1) at which two event reports are merged.
    ``num_perm``/``bands``: MinHash permutations and LSH bands (``num_perm`` divisible by
    ``bands``; 128/32 finds pairs down to a similarity of about 0.4 and checks each).
    """

    duplicate_similarity: float = 0.6
    min_score: float = 0.62
    shingle_words: int = 5
    num_perm: int = 128
    bands: int = 32
    seed: int = 1


@dataclass(frozen=True)
class MergeRules:
    """The curated data: families of event types, sub-event types that may describe one event,
    distances by geo_precision, story window, generic actor names."""

    families: dict[str, str]
    loose_types: frozenset[str]
    compatible: frozenset[frozenset[str]]
    radius_km: dict[int, float]
    day_slack: int
    story_window_days: int
    story_radius_km: float
    generic_prefixes: tuple[str, ...]

    @classmethod
    def load(cls) -> MergeRules:
        text = resources.files("dateline.data").joinpath("merge_rules.json").read_text("utf-8")
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MergeRules:
        families = {k: v for k, v in data["families"].items() if k != "note"}
        radius = {int(k): float(v) for k, v in data["radius_km"].items() if k != "note"}
        return cls(
            families=families,
            loose_types=frozenset(data["loose_types"]["types"]),
            compatible=frozenset(frozenset(item["pair"]) for item in data["compatible_sub_events"]),
            radius_km=radius,
            day_slack=int(data["day_slack"]["days"]),
            story_window_days=int(data["story"]["window_days"]),
            story_radius_km=float(data["story"]["radius_km"]),
            generic_prefixes=tuple(data["generic_actors"]["prefixes"]),
        )

    def family(self, event_type: str) -> str:
        return self.families.get(event_type, event_type)

    def radius(self, geo_precision: int) -> float:
        return self.radius_km.get(geo_precision, max(self.radius_km.values()))
