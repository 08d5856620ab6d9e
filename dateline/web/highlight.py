"""An article's clean text cut into segments for display: which characters are evidence, and
which the cleaner changed. The template escapes each segment's text; nothing here is markup."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    """A run of clean text with one set of marks: ``evidence`` (supports an event shown on the
    page) and ``edit`` (the cleaner's rule and what the raw text said there, if it changed)."""

    text: str
    evidence: bool = False
    edit_rule: str = ""
    edit_before: str = ""
    removed: bool = False  # a place where the cleaner removed ``edit_before`` (no text here)


def _clamp(value: int, length: int) -> int:
    return max(0, min(int(value), length))


def segments(text: str, evidence: Iterable[tuple[int, int]],
             edits: Sequence[Mapping[str, Any]] = ()) -> list[Segment]:
    """``text`` cut at every evidence and edit boundary (offsets are clamped to the text). An
    edit that removed text (empty in the clean text) is an empty ``removed`` segment where it
    was; empty evidence spans are not marked."""
    length = len(text)
    spans = [(_clamp(s, length), _clamp(e, length)) for s, e in evidence]
    spans = [(s, e) for s, e in spans if s < e]
    changed = [(_clamp(e["start"], length), _clamp(e["end"], length), e) for e in edits]
    changed = [(s, e, edit) for s, e, edit in changed if s < e]
    removals: dict[int, list[Mapping[str, Any]]] = {}
    for edit in edits:
        at = _clamp(edit["start"], length)
        if at >= _clamp(edit["end"], length):
            removals.setdefault(at, []).append(edit)
    cuts = {0, length, *(p for span in spans for p in span),
            *(p for s, e, _ in changed for p in (s, e)), *removals}
    bounds = sorted(cuts)
    result: list[Segment] = []
    for start, end in zip(bounds, [*bounds[1:], length], strict=True):
        result.extend(Segment("", edit_rule=str(removal.get("rule", "")),
                              edit_before=str(removal.get("before", "")), removed=True)
                      for removal in removals.get(start, ()))
        if start < end:
            covering = [edit for s, e, edit in changed if s <= start and end <= e]
            result.append(Segment(
                text[start:end], evidence=any(s <= start and end <= e for s, e in spans),
                edit_rule=str(covering[0].get("rule", "")) if covering else "",
                edit_before=str(covering[0].get("before", "")) if covering else "",
            ))
    return result
