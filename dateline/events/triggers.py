"""Trigger words and phrases for ACLED sub-event types, from ``dateline/data/triggers.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class TriggerHit:
    start: int
    end: int
    text: str
    sub_event_type: str
    weight: float


def _variants(phrase: str) -> str:
    """A regex for a phrase whose last word may be inflected (attack, attacks, attacked...)."""
    words = phrase.split()
    last = re.escape(words[-1])
    if re.fullmatch(r"[a-z]+", words[-1]) and len(words[-1]) > 3:
        stem = last[:-1] if last.endswith("e") else last
        last = rf"(?:{last}|{stem}(?:s|es|ed|d|ing|ers?))"
    separator = r"[\s-]+"
    head = "".join(re.escape(w) + separator for w in words[:-1])
    return rf"(?<![\w-]){head}{last}(?![\w-])"


def _entries(raw: Any) -> list[tuple[str, float]]:
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append((item, 0.7))
        else:
            out.append((item.get("text") or item.get("phrase") or item["trigger"],
                        float(item.get("weight", 0.7))))
    return out


class TriggerLexicon:
    def __init__(self, table: dict[str, list[tuple[str, float]]]) -> None:
        self._patterns = [
            (sub, weight, re.compile(_variants(phrase.lower()), re.I))
            for sub, phrases in table.items()
            for phrase, weight in phrases
        ]

    @classmethod
    def load(cls) -> TriggerLexicon:
        text = resources.files("dateline.data").joinpath("triggers.json").read_text("utf-8")
        data = json.loads(text)
        body = data.get("sub_event_types", data)
        table = {}
        for sub, spec in body.items():
            if sub.startswith("_") or sub in ("about", "note", "source"):
                continue
            raw = spec.get("triggers", []) if isinstance(spec, dict) else spec
            table[sub] = _entries(raw)
        return cls(table)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TriggerHit]:
        """Every trigger in text[start:end]; where two overlap, the longer (then heavier) wins."""
        stop = len(text) if end is None else end
        hits = [
            TriggerHit(m.start(), m.end(), m.group(), sub, weight)
            for sub, weight, pattern in self._patterns
            for m in pattern.finditer(text, start, stop)
        ]
        hits.sort(key=lambda h: (-(h.end - h.start), -h.weight))
        kept: list[TriggerHit] = []
        for hit in hits:
            if not any(k.start < hit.end and hit.start < k.end for k in kept):
                kept.append(hit)
        return sorted(kept, key=lambda h: h.start)
