"""Title lines and datelines of plain-text articles.

Two forms are read: a title line that ends in a date ("... – 14/02/2019", day first as the form
says), and a wire dateline opening the body ("BEIRUT, Feb 14 (AFP) - ").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.clean.editlog import Replacement

MONTHS = {
    name: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
TITLE_DATE = re.compile(
    r"\s*[–—-]\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$|\s*[–—-]\s*(\d{4})-(\d{2})-(\d{2})\s*$"
)
WIRE_DATELINE = re.compile(
    rf"(?P<place>[A-Z][A-Za-z'’.\- ]{{1,40}}?(?:, [A-Z][A-Za-z .]{{1,30}})?),\s+"
    rf"(?:(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_RE})\.?)"
    rf"(?:,?\s+(?P<year>\d{{4}}))?\s*(?:\((?P<agency>[A-Za-z][\w .&-]{{0,30}})\)\s*)?[-–—:]+\s*",
    re.I,
)


@dataclass(frozen=True)
class Header:
    title: str | None = None
    published: str | None = None
    place: str | None = None
    agency: str | None = None
    replacements: tuple[Replacement, ...] = ()


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _title_date(match: re.Match[str]) -> str | None:
    if match.group(4):
        return _date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if first <= 12 < second:  # month first: only when the form says so
        return _date(year, first, second)
    return _date(year, second, first)


def _looks_like_title(line: str, rest: str) -> bool:
    return bool(rest.strip()) and len(line) <= 250 and not line.rstrip().endswith((".", ":", ","))


def _latest_before(month: int, day: int, reference: dt.date) -> str | None:
    for year in (reference.year, reference.year - 1):
        value = _date(year, month, day)
        if value and value <= reference.isoformat():
            return value
    return _date(reference.year, month, day)


def read_header(text: str, published: str | None, today: dt.date) -> Header:
    """Find the title line and the dateline; return metadata and the replacements that take them
    out of the body."""
    reps: list[Replacement] = []
    title = date = place = agency = None
    first = re.match(r"\s*([^\n]+)\n", text)
    if first and _looks_like_title(first.group(1), text[first.end():]):
        line = first.group(1)
        found = TITLE_DATE.search(line)
        if found:
            date = _title_date(found)
            line = line[: found.start()]
        title = line.strip() or None
        reps.append(Replacement(first.start(), first.end(), "", "title"))
    body_start = first.end() if reps and first else 0
    body = re.match(r"\s*", text[body_start:])
    offset = body_start + (body.end() if body else 0)
    wire = WIRE_DATELINE.match(text, offset)
    if wire:
        place = wire.group("place").strip().title()
        agency = wire.group("agency")
        month = MONTHS[(wire.group("month") or wire.group("month2")).lower()]
        day = int(wire.group("day") or wire.group("day2"))
        if wire.group("year"):
            date = date or _date(int(wire.group("year")), month, day)
        else:
            base = dt.date.fromisoformat(published[:10]) if published else today
            date = date or _latest_before(month, day, base)
        reps.append(Replacement(wire.start(), wire.end(), "", "dateline"))
    return Header(title, date, place, agency, tuple(reps))
