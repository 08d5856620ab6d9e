"""Trigger words and phrases for ACLED sub-event types, from ``dateline/data/triggers.json``.

A trigger is one phrase ('air strike'); a frame is two word lists that signal a sub-event type
together when a word of each is near the other ('seized ... ammunition' is Disrupted weapons use).

    >>> lexicon = TriggerLexicon.load()
    >>> [h.sub_event_type for h in lexicon.find("Police seized 12 rifles and two grenades.")]
    ['Disrupted weapons use']
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dateline.errors import DatelineError


@dataclass(frozen=True)
class TriggerHit:
    start: int
    end: int
    text: str
    sub_event_type: str
    weight: float


def _last_word(word: str) -> str:
    """A regex for a word and its inflections (attack: attacks, attacked, attacking, attackers;
    rally: rallies, rallied; seize: seized, seizing)."""
    last = re.escape(word)
    if not (re.fullmatch(r"[a-z]+", word) and len(word) > 3):
        return last
    if word.endswith("y") and word[-2] not in "aeiou":
        stem = last[:-1]
        return rf"(?:{last}|{stem}(?:ies|ied|ying|ier|iers)|{last}ing)"
    stem = last[:-1] if last.endswith("e") else last
    return rf"(?:{last}|{stem}(?:s|es|ed|d|ing|ers?))"


def _variants(phrase: str) -> str:
    """A regex for a phrase whose last word may be inflected; a hyphen may stand for a space."""
    words = phrase.split()
    separator = r"[\s-]+"
    head = "".join(re.escape(w) + separator for w in words[:-1])
    return rf"(?<![\w-]){head}{_last_word(words[-1])}(?![\w-])"


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    longest_first = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return re.compile("|".join(_variants(p) for p in longest_first), re.I)


def _entries(raw: Any) -> list[tuple[str, float]]:
    out = []
    for item in raw:
        if isinstance(item, str):
            out.append((item, 0.7))
        else:
            out.append((item.get("text") or item.get("phrase") or item["trigger"],
                        float(item.get("weight", 0.7))))
    return out


_WORD_CHARS = 40  # characters a word and the space after it take, at most, in news text


@dataclass(frozen=True)
class Frame:
    """Two word lists that signal ``sub_event_type`` together within ``within`` words."""

    sub_event_type: str
    weight: float
    within: int
    ordered: bool
    first: re.Pattern[str]
    second: re.Pattern[str]

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Frame:
        return cls(spec["sub_event_type"], float(spec["weight"]), int(spec.get("within", 6)),
                   bool(spec.get("ordered", False)), _alternation(spec["first"]),
                   _alternation(spec["second"]))

    def find(self, text: str, start: int, stop: int) -> list[TriggerHit]:
        firsts = list(self.first.finditer(text, start, stop))
        seconds = list(self.second.finditer(text, start, stop))
        hits = []
        reach = _WORD_CHARS * (self.within + 1)  # no longer a gap can hold 'within' words
        for a in firsts:
            for b in seconds:
                if b.start() < a.end() and (self.ordered or b.end() > a.start()):
                    continue
                if max(a.start(), b.start()) - min(a.end(), b.end()) > reach:
                    continue  # far apart: a run-on 'sentence' pairs thousands of words
                begin, end = min(a.start(), b.start()), max(a.end(), b.end())
                gap = text[min(a.end(), b.end()):max(a.start(), b.start())]
                if len(gap.split()) <= self.within and not re.search(r"[.;:!?]", gap):
                    hits.append(TriggerHit(begin, end, text[begin:end], self.sub_event_type,
                                           self.weight))
        return hits


def registers_in_use(names: frozenset[str] | None) -> frozenset[str]:
    """The registers to use: ``names`` where given, else those the environment variable
    DATELINE_REGISTERS names (comma-separated), else none: the general vocabulary."""
    if names is not None:
        return names
    chosen = os.environ.get("DATELINE_REGISTERS", "")
    return frozenset(n.strip() for n in chosen.split(",") if n.strip() and n.strip() != "none")


def register_specs(data: dict[str, Any], names: frozenset[str] | None) -> list[dict[str, Any]]:
    """The sections of ``triggers.json``'s 'registers' in use (see :func:`registers_in_use`)."""
    table = {k: v for k, v in data.get("registers", {}).items() if isinstance(v, dict)}
    chosen = registers_in_use(names)
    unknown = chosen - set(table)
    if unknown:
        raise DatelineError(f"unknown register {', '.join(sorted(unknown))}",
                            f"choose from {', '.join(sorted(table))} (DATELINE_REGISTERS)")
    return [table[n] for n in sorted(chosen)]


KEY_CHARS = 3  # phrases are indexed by the first letters of their first word
_WORD = re.compile(r"[a-z0-9]+")


def _key(phrase: str) -> str:
    """Only phrases whose first word starts like a word of the sentence are tried: inflection
    changes the end of a word, never its first three letters ('die' -> 'died')."""
    words = _WORD.findall(phrase)
    return words[0][:KEY_CHARS] if words and phrase[:1].isalnum() else ""


class TriggerLexicon:
    def __init__(self, table: dict[str, list[tuple[str, float]]],
                 frames: tuple[Frame, ...] = ()) -> None:
        self._patterns: dict[str, list[tuple[str, float, re.Pattern[str]]]] = {}
        for sub, phrases in table.items():
            for phrase, weight in phrases:
                key = _key(phrase.lower())
                pattern = re.compile(_variants(phrase.lower()), re.I)
                self._patterns.setdefault(key, []).append((sub, weight, pattern))
        self._frames = frames

    @classmethod
    def load(cls, registers: frozenset[str] | None = None) -> TriggerLexicon:
        """The lexicon of ``triggers.json`` with the triggers of the registers named (None:
        those :func:`registers_in_use` says, by default none)."""
        text = resources.files("dateline.data").joinpath("triggers.json").read_text("utf-8")
        data = json.loads(text)
        body = data.get("sub_event_types", data)
        table = {}
        for sub, spec in body.items():
            if sub.startswith("_") or sub in ("about", "note", "source"):
                continue
            raw = spec.get("triggers", []) if isinstance(spec, dict) else spec
            table[sub] = _entries(raw)
        for register in register_specs(data, registers):
            for sub, raw in register.get("sub_event_types", {}).items():
                table.setdefault(sub, []).extend(_entries(raw))
        frames = tuple(Frame.from_spec(item) for item in data.get("frames", {}).get("items", ()))
        return cls(table, frames)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TriggerHit]:
        """Every trigger and frame in text[start:end]; where two overlap, the longer (then
        heavier) wins."""
        stop = len(text) if end is None else end
        keys = {word[:KEY_CHARS] for word in _WORD.findall(text[start:stop].lower())} | {""}
        hits = [
            TriggerHit(m.start(), m.end(), m.group(), sub, weight)
            for key in keys.intersection(self._patterns)
            for sub, weight, pattern in self._patterns[key]
            for m in pattern.finditer(text, start, stop)
        ]
        for frame in self._frames:
            hits.extend(frame.find(text, start, stop))
        hits.sort(key=lambda h: (-(h.end - h.start), -h.weight))
        kept: list[TriggerHit] = []
        for hit in hits:
            if not any(k.start < hit.end and hit.start < k.end for k in kept):
                kept.append(hit)
        return sorted(kept, key=lambda h: h.start)
