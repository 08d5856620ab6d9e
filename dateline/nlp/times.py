"""Time expressions resolved against the publication date.

News reads backwards: "on Tuesday", "last Saturday", "in December" in a story are the most recent
ones on or before the publication date unless the clause looks ahead ("next", "coming", "will").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateline.model import TimeExpr

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
_MONTH_ALTS = "|".join(MONTH_NAMES + ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept",
                                      "sep", "oct", "nov", "dec"))
_WD = "|".join(WEEKDAYS)
_FUTURE_CUE = re.compile(r"\b(will|shall|to be|going to|is due|are due|plans? to|expected to)\b",
                         re.I)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dmy_slash", re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")),
    ("day_month_year", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)? ({_MONTH_ALTS})\.?,? (\d{{4}})\b", re.I)),
    ("month_day_year", re.compile(rf"\b({_MONTH_ALTS})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b", re.I)),
    ("day_month", re.compile(rf"\b(?:on )?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({_MONTH_ALTS})\b\.?", re.I)),
    ("month_day", re.compile(rf"\b(?:on )?({_MONTH_ALTS})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?!,? \d{{4}})", re.I)),
    ("month_year", re.compile(rf"\b(?:in |since |until )?(?:early |late |mid-)?({_MONTH_ALTS}) (\d{{4}})\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(last|this|next|on|early|late) )?(?:(?:early|late) )?({_WD})(?: (?:morning|afternoon|evening|night))?\b", re.I)),
    ("relative_day", re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening)|yesterday|last night|overnight|the day before yesterday|tomorrow)\b", re.I)),
    ("relative_span", re.compile(r"\b(last|this|next|past|previous|coming) (week|month|year|weekend)\b", re.I)),
    ("month", re.compile(rf"\b(?:in|since|during|until|last|this|next|early|late|mid-) ?({'|'.join(MONTH_NAMES)})\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|until|by|of|from) (?:early |late |mid-)?((?:19|20)\d{2})\b")),
    ("vague", re.compile(r"\b(?:in|over|during|for) (?:the )?(recent|past|last|coming|next) (?:few |several )?(days|weeks|months|years)\b", re.I)),
]


@dataclass(frozen=True)
class Resolution:
    value: str | None
    precision: str
    direction: str


def _past_weekday(ref: dt.date, weekday: int, allow_same_day: bool) -> dt.date:
    delta = (ref.weekday() - weekday) % 7
    if delta == 0 and not allow_same_day:
        delta = 7
    return ref - dt.timedelta(days=delta)


def _future_weekday(ref: dt.date, weekday: int) -> dt.date:
    delta = (weekday - ref.weekday()) % 7 or 7
    return ref + dt.timedelta(days=delta)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, full in enumerate(MONTH_NAMES, 1) if full.startswith(name[:3]))


def _past_month_day(ref: dt.date, month: int, day: int, future: bool) -> dt.date | None:
    candidate = _safe_date(ref.year, month, day)
    if candidate is None:
        return None
    if future and candidate < ref:
        return _safe_date(ref.year + 1, month, day)
    if not future and candidate > ref:
        return _safe_date(ref.year - 1, month, day)
    return candidate


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _resolve(kind: str, m: re.Match[str], ref: dt.date, future: bool) -> Resolution | None:
    g = m.groups()
    fut = "future" if future else "past"
    if kind == "iso":
        d = _safe_date(int(g[0]), int(g[1]), int(g[2]))
        return Resolution(d.isoformat(), "day", "past" if d <= ref else "future") if d else None
    if kind == "dmy_slash":
        first, second = int(g[0]), int(g[1])
        day, month = (second, first) if first <= 12 < second else (first, second)
        d = _safe_date(int(g[2]), month, day)
        return Resolution(d.isoformat(), "day", "past" if d <= ref else "future") if d else None
    if kind in ("day_month_year", "month_day_year"):
        day, month = (g[0], g[1]) if kind == "day_month_year" else (g[1], g[0])
        d = _safe_date(int(g[2]), _month_number(month), int(day))
        return Resolution(d.isoformat(), "day", "past" if d <= ref else "future") if d else None
    if kind in ("day_month", "month_day"):
        day, month = (g[0], g[1]) if kind == "day_month" else (g[1], g[0])
        d = _past_month_day(ref, _month_number(month), int(day), future)
        return Resolution(d.isoformat(), "day", fut) if d else None
    if kind == "month_year":
        month, year = _month_number(g[0]), int(g[1])
        direction = "past" if (year, month) <= (ref.year, ref.month) else "future"
        return Resolution(f"{year}-{month:02d}", "month", direction)
    return _resolve_relative(kind, m, ref, future)


def _resolve_relative(kind: str, m: re.Match[str], ref: dt.date, future: bool) -> Resolution | None:
    g = m.groups()
    if kind == "weekday":
        modifier = (g[0] or "").lower()
        weekday = WEEKDAYS.index(g[1].lower())
        if modifier == "next" or (future and modifier != "last"):
            return Resolution(_future_weekday(ref, weekday).isoformat(), "day", "future")
        same_day = modifier in ("this", "on", "early", "late", "")
        return Resolution(_past_weekday(ref, weekday, same_day).isoformat(), "day", "past")
    if kind == "relative_day":
        word = g[0].lower()
        offset = {"yesterday": -1, "last night": -1, "the day before yesterday": -2,
                  "tomorrow": 1}.get(word, 0)
        direction = "future" if offset > 0 else "past"
        return Resolution((ref + dt.timedelta(days=offset)).isoformat(), "day", direction)
    if kind == "relative_span":
        return _relative_span(g[0].lower(), g[1].lower(), ref)
    if kind == "month":
        month = _month_number(g[0])
        year = ref.year
        if future and month < ref.month:
            year += 1
        elif not future and month > ref.month:
            year -= 1
        direction = "past" if (year, month) <= (ref.year, ref.month) else "future"
        return Resolution(f"{year}-{month:02d}", "month", direction)
    if kind == "year":
        year = int(g[0])
        return Resolution(str(year), "year", "past" if year <= ref.year else "future")
    if kind == "vague":
        direction = "future" if g[0].lower() in ("coming", "next") else "past"
        return Resolution(None, "vague", direction)
    return None


def _relative_span(which: str, unit: str, ref: dt.date) -> Resolution:
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
    direction = "future" if step > 0 else "past"
    if unit in ("week", "weekend"):
        return Resolution(_iso_week(ref + dt.timedelta(weeks=step)), "week", direction)
    if unit == "month":
        month_index = ref.year * 12 + ref.month - 1 + step
        return Resolution(f"{month_index // 12}-{month_index % 12 + 1:02d}", "month", direction)
    return Resolution(str(ref.year + step), "year", direction)


def _clause_is_future(text: str, start: int, end: int) -> bool:
    clause_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 120)
    clause_end_candidates = [i for i in (text.find(".", end), text.find("\n", end)) if i != -1]
    clause_end = min(clause_end_candidates + [end + 80])
    return bool(_FUTURE_CUE.search(text, clause_start + 1, clause_end)) and not re.search(
        r"\b(last|ago|yesterday)\b", text[start:end], re.I
    )


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """Every time expression of ``text``, resolved against ``published`` (ISO date)."""
    if not published:
        return []
    ref = dt.date.fromisoformat(published[:10])
    taken: list[tuple[int, int]] = []
    out = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e in taken):
                continue
            future = _clause_is_future(text, start, end)
            res = _resolve(kind, m, ref, future)
            if res is None:
                continue
            taken.append((start, end))
            out.append(TimeExpr(start, end, m.group(), res.value, res.precision, res.direction))  # type: ignore[arg-type]
    return sorted(out, key=lambda t: t.start)
