"""An edit log that turns raw text into clean text and keeps the map between the two.

Repairs are applied in passes. Each pass proposes replacements in the *current* text; the log
rewrites them in raw coordinates, merging with earlier edits they touch, so that every clean span
maps back to the raw input whatever number of passes ran.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Edit


@dataclass(frozen=True)
class Replacement:
    """Replace ``text[start:end]`` of the current text with ``after``; ``rule`` names the repair."""

    start: int
    end: int
    after: str
    rule: str


@dataclass(frozen=True)
class _RawEdit:
    raw_start: int
    raw_end: int
    after: str
    rule: str


class EditLog:
    """The raw text, the edits made so far (in raw coordinates) and the current text."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._edits: list[_RawEdit] = []
        self._text = raw

    @property
    def text(self) -> str:
        return self._text

    def apply(self, replacements: list[Replacement]) -> int:
        """Apply non-overlapping replacements given in current-text offsets. Returns how many
        changed the text."""
        ordered = sorted(replacements, key=lambda r: (r.start, r.end), reverse=True)
        changed = 0
        last_start = len(self._text) + 1
        for rep in ordered:
            if rep.end > last_start or rep.start < 0 or rep.end < rep.start:
                continue  # overlapping or invalid: keep the rightmost, skip the rest
            last_start = rep.start
            if self._text[rep.start:rep.end] == rep.after:
                continue
            self._replace(rep)
            changed += 1
        return changed

    def _clean_spans(self) -> list[tuple[int, int]]:
        spans = []
        shift = 0
        for edit in self._edits:
            start = edit.raw_start + shift
            spans.append((start, start + len(edit.after)))
            shift += len(edit.after) - (edit.raw_end - edit.raw_start)
        return spans

    def _to_raw(self, clean_offset: int, spans: list[tuple[int, int]]) -> int:
        """Raw offset of a clean offset that lies outside every edit (or on its boundary)."""
        shift = 0
        for edit, (start, end) in zip(self._edits, spans, strict=True):
            if end <= clean_offset:
                shift = edit.raw_end - end
            elif start >= clean_offset:
                break
        return clean_offset + shift

    def _replace(self, rep: Replacement) -> None:
        spans = self._clean_spans()
        touched = [
            i for i, (start, end) in enumerate(spans) if start <= rep.end and end >= rep.start
        ]
        merged_start = min([rep.start] + [spans[i][0] for i in touched])
        merged_end = max([rep.end] + [spans[i][1] for i in touched])
        if touched:
            raw_start = self._edits[touched[0]].raw_start
            raw_end = self._edits[touched[-1]].raw_end
            if merged_start < spans[touched[0]][0]:
                raw_start = self._to_raw(merged_start, spans)
            if merged_end > spans[touched[-1]][1]:
                raw_end = self._to_raw(merged_end, spans)
            rules = [self._edits[i].rule for i in touched]
        else:
            raw_start = self._to_raw(merged_start, spans)
            raw_end = raw_start + (merged_end - merged_start)
            rules = []
        after = self._text[merged_start:rep.start] + rep.after + self._text[rep.end:merged_end]
        rule = "+".join(dict.fromkeys(rules + [rep.rule]))
        new_edit = _RawEdit(raw_start, raw_end, after, rule)
        keep = [e for i, e in enumerate(self._edits) if i not in set(touched)]
        keep.append(new_edit)
        keep.sort(key=lambda e: (e.raw_start, e.raw_end))
        self._edits = keep
        self._text = self._text[:merged_start] + after + self._text[merged_end:]

    def edits(self) -> tuple[Edit, ...]:
        """The log as :class:`dateline.model.Edit` records, in order, with clean and raw spans."""
        out = []
        for edit, (start, end) in zip(self._edits, self._clean_spans(), strict=True):
            if self.raw[edit.raw_start:edit.raw_end] == edit.after:
                continue
            out.append(
                Edit(start, end, edit.raw_start, edit.raw_end,
                     self.raw[edit.raw_start:edit.raw_end], edit.after, edit.rule)
            )
        return tuple(out)
