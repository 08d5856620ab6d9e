"""The cleaner's curated data, loaded once per pipeline from ``dateline/data/cleaning.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class GlueWords:
    """Affixes and short words that decide whether a glued token splits (see cleaning.json)."""

    suffixes: frozenset[str]
    prefixes: frozenset[str]
    short_left: frozenset[str]
    short_right: frozenset[str]
    speech_verbs: frozenset[str]


@dataclass(frozen=True)
class CleaningData:
    furniture_lines: tuple[re.Pattern[str], ...]
    furniture_fragments: tuple[re.Pattern[str], ...]
    agency_lines: tuple[tuple[str, re.Pattern[str]], ...]
    agencies: dict[str, tuple[str, ...]]
    caption_credit: re.Pattern[str]
    caption_max_words: int
    profanity: dict[str, tuple[str, ...]]
    leftovers: dict[str, str]
    entity_codes: dict[str, str]
    glue: GlueWords
    # 'This story is from March 10, 2002': a line stating the publication date (group 'rest')
    date_line: re.Pattern[str] | None = None

    @classmethod
    def load(cls) -> CleaningData:
        text = resources.files("dateline.data").joinpath("cleaning.json").read_text("utf-8")
        data = json.loads(text)
        agencies = {k: tuple(v) for k, v in data["agency_lines"]["agencies"].items()}
        agency_lines = []
        for canonical, names in agencies.items():
            alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
            for pattern in data["agency_lines"]["line_patterns"]:
                regex = re.compile(pattern.replace("{agency}", f"(?:{alts})") + r"\s*$", re.I)
                agency_lines.append((canonical, regex))
        return cls(
            furniture_lines=tuple(
                re.compile(p + r"\s*$", re.I) for p in data["furniture_lines"]["patterns"]
            ),
            furniture_fragments=tuple(
                re.compile(p, re.I) for p in data["furniture_fragments"]["patterns"]
            ),
            agency_lines=tuple(agency_lines),
            agencies=agencies,
            caption_credit=re.compile(data["caption_credit"]["pattern"]),
            caption_max_words=int(data["caption_credit"]["max_words"]),
            profanity={k: tuple(v) for k, v in data["profanity_filter"]["substitutions"].items()},
            leftovers=dict(data["translation_leftovers"]["words"]),
            entity_codes=dict(data["entity_remnants"]["codes"]),
            glue=GlueWords(**{key: frozenset(data["glued_words"][key]) for key in (
                "suffixes", "prefixes", "short_left", "short_right", "speech_verbs")}),
            date_line=re.compile(
                r"[ \t]*(?:" + "|".join(re.escape(p) for p in sorted(
                    data["date_lines"]["phrases"], key=len, reverse=True))
                + r")\b[ \t]*[:\-–]?[ \t]*(?P<rest>[^\n]{4,60}?)[ \t]*(?:\n|$)", re.I),
        )
