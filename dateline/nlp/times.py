"""Time expressions resolved against the publication date.

News reads backwards: "on Tuesday", "last Saturday", "in December" in a story are the most recent
ones on or before the publication date unless the clause looks ahead ("next", "coming", "will",
"scheduled to"). A date or month written without its year is read the past way unless the future
one is much nearer (more than ``FUTURE_BIAS`` times nearer): "Dec. 7" in a story of 30 October is
7 December of the same year, "in December" in a story of 14 February is last December. A weekday
written with the date ("Saturday, April 25") picks the year in which that date is that weekday.

Precision is day, week, month or year; quarters, seasons, decades and "in recent weeks" are
``vague`` (no value) with their direction. Measured on TimeBank in ``bench/times.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.model import TimeExpr

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")
UNITS = ("ones", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TENS = ("", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
FUTURE_BIAS = 2.0
PAST_BIAS = 4.0
_MON = "|".join(MONTH_NAMES + ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep",
                               "oct", "nov", "dec"))
_WD = "|".join(WEEKDAYS)
_WD_PREFIX = rf"(?:(?P<wd>{_WD}),? (?:the )?)?"
_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|going to|(?:is|are|was|were) (?:due|set|scheduled|expected|about) to|"
    r"(?:is|are) to|plans? to|planned for|scheduled (?:to|for)|expected (?:to|in|on|by)|"
    r"set to|would)\b|'ll\b", re.I)
_PAST_BEFORE = re.compile(
    r"\b(?:said|told|announced|reported|stated|added|ago|last|since|was|were|had|"
    r"(?<!\bbe )(?!(?:scheduled|expected|planned|slated|postponed|delayed|deferred|adjourned|moved|"
    r"extended|set|needed|intended|proposed|required|called)\b)[a-z]+ed)\s+(?:(?:on|in)\s+)?$",
    re.I)
_SPELLED_YEAR = (rf"nineteen[- ](?:{'|'.join(TENS[1:])})(?:[- ](?:{'|'.join(UNITS[1:])}))?|"
                 rf"nineteen[- ](?:{'|'.join(TEENS)})|two thousand(?: and)? (?:{'|'.join(TEENS)}|"
                 rf"{'|'.join(UNITS[1:])})")
_COUNT = (r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
          r"a few|a couple of|several|many|some)")
_NOT_YEAR_AFTER = re.compile(
    r"\s*(?:%|percent|per cent|km|kilomet|miles?\b|met(?:er|re)s|feet|tons?|tonnes|dollars|"
    r"euros|people|persons|troops|soldiers|fighters|civilians|men|women|children|families|"
    r"refugees|homes|houses|residents|workers|members|cases|deaths|dead|rounds|votes|shares|"
    r"jobs|cars|vehicles|units|hectares|acres|gmt|utc|hours|hrs|local time|h\b)", re.I)
_NOT_YEAR_BEFORE = re.compile(r"(?:resolution|no\.|number|flight|route|highway|room|"
                              r"article|section|paragraph|model|code|box|suite|page|at)\s+$", re.I)
_FUNCTION_WORDS = frozenset(("in", "on", "by", "since", "until", "of", "last", "this", "next",
                             "early", "late", "through", "from", "during", "before", "after",
                             "and", "or", "the", "for", "to", "till"))
_SENTENCE_START = re.compile(r"(?:^|[.!?\"“”'\n]\s*|\(\s*)$")

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("dmy_slash", re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b")),
    ("day_month_year", re.compile(rf"\b{_WD_PREFIX}(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
                                  rf"(?P<m>{_MON})\.?,? (?P<y>\d{{4}})\b", re.I)),
    ("month_day_year", re.compile(rf"\b{_WD_PREFIX}(?P<m>{_MON})\.? (?P<d>\d{{1,2}})"
                                  rf"(?:st|nd|rd|th)?,? (?P<y>\d{{4}})\b", re.I)),
    ("month_rel_year", re.compile(rf"\b(?P<m>{_MON})\.?,? (?:of )?(?P<which>this|last|next|"
                                  r"the previous|the following) year\b", re.I)),
    ("month_year", re.compile(rf"\b(?:in |since |until |by )?(?:early |late |mid-?)?"
                              rf"(?P<m>{_MON})\.?,? (?P<y>\d{{4}})\b", re.I)),
    ("day_month", re.compile(rf"\b(?:on )?{_WD_PREFIX}(?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)? "
                             rf"(?:of )?(?P<m>{_MON})\b\.?", re.I)),
    ("month_day", re.compile(rf"\b(?:on )?{_WD_PREFIX}(?P<m>{_MON})\.? (?P<d>\d{{1,2}})"
                             r"(?:st|nd|rd|th)?\b(?![,.]?\s?\d)", re.I)),
    ("ago", re.compile(rf"\b(?:(?:about|around|nearly|almost|some|more than|over|just|only|"
                       rf"roughly|barely) )?{_COUNT} (?:or (?:so|more|two) )?"
                       r"(?P<unit>day|week|month|year|decade)s?(?: or so)? ago\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<mod>last|this|next|on|early|late|this coming|"
                           rf"this past|coming|past) )?(?:(?:early|late) )?(?P<wd>{_WD})"
                           r"(?: (?:morning|afternoon|evening|night))?\b", re.I)),
    ("relative_day", re.compile(r"\b(?P<word>today|tonight|this (?:morning|afternoon|evening)|"
                                r"yesterday|last night|overnight|the day before yesterday|"
                                r"tomorrow)\b", re.I)),
    ("anchored", re.compile(
        rf"\b(?:{_COUNT} (?P<unit>day|week|month|year)s? (?P<dir>earlier|later)|"
        r"the (?P<dir2>following|previous|preceding|next) (?P<unit2>day|week|month|year)|"
        r"(?P<same>that|the same) (?P<unit3>day|week|month|year))\b", re.I)),
    ("relative_span", re.compile(r"\b(?:(?P<when>earlier|later) )?(?:the )?"
                                 r"(?P<which>last|this|next|past|previous|coming|current) "
                                 r"(?:fiscal )?(?P<unit>week|month|year|weekend)\b", re.I)),
    ("year_edge", re.compile(r"\b(?:(?:the )?(?:end|beginning|start|middle) of (?:the|this) "
                             r"(?:calendar )?year|(?:earlier|later) in the year|the (?:full |"
                             r"fiscal |calendar )?year(?![- ]\d| of|-)|year-ago|year-earlier)\b",
                             re.I)),
    ("decade", re.compile(r"\b(?:the )?(?:(?:early|late|mid)[- ])?(?:19|20)\d0s\b|"
                          r"\bthe (?:(?:early|late|mid)[- ])?(?:\d0s\b|'\d0s\b|"
                          r"(?:nineteen )?(?:twenties|thirties|forties|fifties|sixties|"
                          r"seventies|eighties|nineties)\b)", re.I)),
    ("quarter", re.compile(r"\b(?:(?P<mod>last|this|next|the|current|latest|previous|coming) )?"
                           r"(?:(?:fiscal|financial) )?(?:first|second|third|fourth|1st|2nd|3rd|"
                           r"4th)[- ](?:quarter|half)\b", re.I)),
    ("season", re.compile(r"\b(?:(?P<mod>(?i:last|this|next|this past|this coming)) "
                          r"(?:spring|summer|autumn|fall|winter)|(?:(?i:early|late|the|the early|"
                          r"the late|in|during|over|since|in the|during the|over the) )"
                          r"(?:spring|summer|autumn|winter))\b")),
    ("month", re.compile(r"\b(?P<mod>(?i:in|since|during|until|last|this|next|early|late|mid-|by|"
                         r"through|before|after|from)) ?(?P<m>(?i:january|february|april|june|"
                         r"july|august|september|october|november|december)|May|March)\b")),
    ("bare_month", re.compile(r"\b(?P<m>January|February|March|April|May|June|July|August|"
                              r"September|October|November|December)\b(?! [A-Z]| \d)")),
    ("year", re.compile(r"\b(?i:in|since|during|until|by|of|from|before|after|through) "
                        r"(?:early |late |mid-)?(?P<y>(?:19|20)\d{2})\b(?!s)")),
    ("bare_year", re.compile(r"(?<![\w$£€#./-])(?:(?:early|late|mid|fiscal)[- ])?"
                             r"(?P<y>(?:19|20)\d{2})(?![\w%]|[.,/-]\d|-\d)")),
    ("spelled_year", re.compile(rf"\b(?:the year (?P<big>two thousand)\b|(?:the year )?"
                                rf"(?P<spelled>{_SPELLED_YEAR}))\b", re.I)),
    ("vague", re.compile(r"\b(?:in|over|during|for|within) (?:the )?(?P<which>recent|past|last|"
                         r"coming|next) (?:few |several |couple of )?(?:days|weeks|months|years)\b",
                         re.I)),
]


@dataclass(frozen=True)
class Resolution:
    value: str | None
    precision: str
    direction: str


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, full in enumerate(MONTH_NAMES, 1) if full.startswith(name[:3]))


def _direction(later: bool) -> str:
    return "future" if later else "past"


def _day(d: dt.date | None, ref: dt.date) -> Resolution | None:
    return Resolution(d.isoformat(), "day", _direction(d > ref)) if d else None


def _month(index: int, ref: dt.date) -> Resolution:
    """The month ``index`` (year * 12 + month - 1)."""
    year, month = divmod(index, 12)
    return Resolution(f"{year}-{month + 1:02d}", "month",
                      _direction(index > ref.year * 12 + ref.month - 1))


def _year(year: int, ref: dt.date) -> Resolution:
    return Resolution(str(year), "year", _direction(year > ref.year))


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _pick(past: float, future: float, lean: str) -> bool:
    """Whether the future reading wins. An open clause reads the past way unless the past
    reading is ``FUTURE_BIAS`` times farther off; a clause that looks ahead reads the future
    way unless the future reading is ``PAST_BIAS`` times farther off ('the Feb. 23 accord' in
    a story of 6 March is not next February's)."""
    if lean == "future":
        return not past * PAST_BIAS < future
    return lean == "open" and future * FUTURE_BIAS < past


def _month_day(ref: dt.date, month: int, day: int, lean: str,
               weekday: str | None) -> dt.date | None:
    """The date of 'March 3' (no year) nearest to ``ref`` the past way, or the one of the three
    years around ``ref`` on which it falls on ``weekday`` ('Saturday, April 25')."""
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1)
               if (d := _safe_date(y, month, day)) is not None]
    if weekday:
        named = [d for d in options if d.weekday() == WEEKDAYS.index(weekday.lower())]
        if named:
            return min(named, key=lambda d: abs((d - ref).days))
    past = [d for d in options if d <= ref]
    ahead = [d for d in options if d > ref]
    if not past or not ahead:
        return past[-1] if past else ahead[0] if ahead else None
    if _pick((ref - past[-1]).days, (ahead[0] - ref).days, lean):
        return ahead[0]
    return past[-1]


def _month_index(ref: dt.date, month: int, modifier: str, lean: str) -> int:
    now = ref.year * 12 + ref.month - 1
    back = (ref.month - month) % 12
    if modifier == "this":
        return ref.year * 12 + month - 1
    if modifier == "last":
        return now - (back or 12)
    if modifier == "since":
        lean = "past"
    forward = (month - ref.month) % 12 or 12
    if modifier == "next" or _pick(back, forward, lean):
        return now + forward
    return now - back


def _resolve(kind: str, m: re.Match[str], ref: dt.date, lean: str) -> Resolution | None:
    g = m.groupdict()
    if kind in ("iso", "dmy_slash"):
        if kind == "iso":
            day, month = int(g["d"]), int(g["m"])
        else:
            first, second = int(g["a"]), int(g["b"])
            day, month = (second, first) if first <= 12 < second else (first, second)
        return _day(_safe_date(int(g["y"]), month, day), ref)
    if kind in ("day_month_year", "month_day_year"):
        return _day(_safe_date(int(g["y"]), _month_number(g["m"]), int(g["d"])), ref)
    if kind in ("day_month", "month_day"):
        found = _month_day(ref, _month_number(g["m"]), int(g["d"]), lean, g.get("wd"))
        return Resolution(found.isoformat(), "day", _direction(found > ref)) if found else None
    if kind == "month_year":
        return _month(int(g["y"]) * 12 + _month_number(g["m"]) - 1, ref)
    if kind == "month_rel_year":
        which = g["which"].lower().replace("the ", "")
        step = {"this": 0, "last": -1, "previous": -1, "next": 1, "following": 1}[which]
        return _month((ref.year + step) * 12 + _month_number(g["m"]) - 1, ref)
    if kind in ("month", "bare_month"):
        modifier = (g.get("mod") or "").lower()
        return _month(_month_index(ref, _month_number(g["m"]), modifier, lean), ref)
    if kind in ("year", "bare_year"):
        return _year(int(g["y"]), ref)
    if kind == "spelled_year":
        year = _spelled_year(g["spelled"] or g["big"])
        return _year(year, ref) if year else None
    return _resolve_relative(kind, m, ref, lean == "future")


def _resolve_relative(kind: str, m: re.Match[str], ref: dt.date, future: bool
                      ) -> Resolution | None:
    g = m.groupdict()
    if kind == "weekday":
        return _weekday(ref, WEEKDAYS.index(g["wd"].lower()), (g["mod"] or "").lower(), future)
    if kind == "relative_day":
        word = g["word"].lower()
        offset = {"yesterday": -1, "last night": -1, "the day before yesterday": -2,
                  "tomorrow": 1}.get(word, 0)
        return Resolution((ref + dt.timedelta(days=offset)).isoformat(), "day",
                          _direction(offset > 0))
    if kind == "relative_span":
        later = (g["when"] or "").lower() == "later"
        res = _relative_span(g["which"].lower(), g["unit"].lower(), ref)
        return Resolution(res.value, res.precision, "future") if later else res
    if kind == "ago":
        return _ago(g["n"].lower(), g["unit"].lower(), ref)
    if kind == "year_edge":
        if m.group().lower() in ("year-ago", "year-earlier"):
            return _year(ref.year - 1, ref)
        return Resolution(str(ref.year), "year", _direction(future))
    if kind in ("decade", "quarter", "season"):
        modifier = (g.get("mod") or "").lower()
        ahead = modifier in ("next", "coming", "this coming") or future and modifier != "last"
        return Resolution(None, "vague", _direction(ahead))
    if kind == "vague":
        return Resolution(None, "vague", _direction(g["which"].lower() in ("coming", "next")))
    return None


def _weekday(ref: dt.date, weekday: int, modifier: str, future: bool) -> Resolution:
    if modifier in ("next", "coming", "this coming") or (
            future and modifier not in ("last", "past", "this past")):
        delta = (weekday - ref.weekday()) % 7 or 7
        return Resolution((ref + dt.timedelta(days=delta)).isoformat(), "day", "future")
    delta = (ref.weekday() - weekday) % 7
    if delta == 0 and modifier in ("last", "past", "this past"):
        delta = 7
    return Resolution((ref - dt.timedelta(days=delta)).isoformat(), "day", "past")


def _ago(count: str, unit: str, ref: dt.date) -> Resolution:
    """'two weeks ago', 'a year ago', '10 days ago'; 'several years ago' is vague."""
    n = int(count) if count.isdigit() else {"a": 1, "an": 1}.get(count)
    if n is None and count in NUMBER_WORDS:
        n = NUMBER_WORDS.index(count)
    if n is None or unit == "decade":
        return Resolution(None, "vague", "past")
    if unit == "day":
        return Resolution((ref - dt.timedelta(days=n)).isoformat(), "day", "past")
    if unit == "week":
        return Resolution(_iso_week(ref - dt.timedelta(weeks=n)), "week", "past")
    if unit == "month":
        return _month(ref.year * 12 + ref.month - 1 - n, ref)
    return _year(ref.year - n, ref)


def _relative_span(which: str, unit: str, ref: dt.date) -> Resolution:
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
            "coming": 1}[which]
    direction = _direction(step > 0)
    if unit in ("week", "weekend"):
        return Resolution(_iso_week(ref + dt.timedelta(weeks=step)), "week", direction)
    if unit == "month":
        return _month(ref.year * 12 + ref.month - 1 + step, ref)
    return Resolution(str(ref.year + step), "year", direction)


def _spelled_year(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    parts = re.split(r"[- ]+", words.lower().replace(" and ", " "))
    if parts[:2] == ["two", "thousand"]:
        rest = parts[2:]
        return 2000 + (_number_word(rest[0]) if rest else 0)
    if parts[0] != "nineteen" or len(parts) < 2:
        return None
    tens = TEENS.index(parts[1]) + 10 if parts[1] in TEENS else TENS.index(parts[1]) * 10
    return 1900 + tens + (UNITS.index(parts[2]) if len(parts) > 2 else 0)


def _number_word(word: str) -> int:
    return TEENS.index(word) + 10 if word in TEENS else UNITS.index(word)


def _is_expression(text: str, kind: str, m: re.Match[str]) -> bool:
    """Matches that are not time expressions: 'May' opening a sentence, 'Theresa May',
    '1973' after 'resolution', '2000 people'."""
    start, end = m.start(), m.end()
    if kind == "bare_month":
        before = text[max(0, start - 40):start]
        name = re.search(r"([A-Z][\w.'-]*)\s+$", before)
        if name and name.group(1).lower() not in _FUNCTION_WORDS:
            return False  # part of a name: 'Theresa May', 'Black September'
        return m.group("m") not in ("May", "March") or not _SENTENCE_START.search(before)
    if kind in ("year", "bare_year", "spelled_year"):
        return not (_NOT_YEAR_AFTER.match(text, end) or
                    _NOT_YEAR_BEFORE.search(text, max(0, start - 20), start))
    return True


def _lean(text: str, start: int, end: int) -> str:
    """Which way the clause around ``text[start:end]`` reads: 'future' (a cue such as 'will',
    'scheduled to', 'by' a date), 'past' ('last', 'ago', 'since', right after 'said') or 'open'."""
    if re.search(r"\b(?:last|ago|yesterday|past|previous|since)\b", text[start:end], re.I) or \
            _PAST_BEFORE.search(text, max(0, start - 20), start):
        return "past"
    if re.search(r"\bby\s+(?:the\s+)?$", text[max(0, start - 8):start], re.I):
        return "future"
    clause_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), start - 120)
    clause_end_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    clause_end = min(clause_end_candidates + [end + 80])
    return "future" if _FUTURE_CUE.search(text, clause_start + 1, clause_end) else "open"


def _reference(published: str) -> dt.date:
    return dt.date.fromisoformat(published[:10])


def _time_at(text: str, kind: str, m: re.Match[str], ref: dt.date) -> TimeExpr | None:
    if not _is_expression(text, kind, m):
        return None
    start, end = m.start(), m.end()
    res = _resolve(kind, m, ref, _lean(text, start, end))
    if res is None:
        return None
    return TimeExpr(start, end, m.group(), res.value, res.precision, res.direction)  # type: ignore[arg-type]


ANCHOR_REACH = 400  # characters back to the time that 'a year earlier' counts from


def _anchored(m: re.Match[str], anchor: str | None, ref: dt.date) -> Resolution:
    """'a year earlier', 'the following month', 'that year': counted from ``anchor`` (the value
    of the time last named before it, or the publication date). Vague where the anchor is
    coarser than the unit ('the following day' after '2014')."""
    g = m.groupdict()
    unit = (g["unit"] or g["unit2"] or g["unit3"]).lower()
    way = (g["dir"] or g["dir2"] or "").lower()
    if g["same"]:
        step = 0
    else:
        count = (g["n"] or "a").lower()
        n = int(count) if count.isdigit() else {"a": 1, "an": 1}.get(count)
        if n is None and count in NUMBER_WORDS:
            n = NUMBER_WORDS.index(count)
        if n is None:
            return Resolution(None, "vague", _direction(way in ("later", "following", "next")))
        step = n if way in ("later", "following", "next") else -n
    base = anchor or ref.isoformat()
    parts = base.split("-")
    if unit == "year":
        return _year(int(parts[0]) + step, ref)
    if unit == "month" and len(parts) >= 2 and not parts[1].startswith("W"):
        return _month(int(parts[0]) * 12 + int(parts[1]) - 1 + step, ref)
    if unit == "week" and len(parts) == 3:
        return Resolution(_iso_week(dt.date.fromisoformat(base) + dt.timedelta(weeks=step)),
                          "week", _direction(step > 0))
    if unit == "day" and len(parts) == 3:
        day = dt.date.fromisoformat(base) + dt.timedelta(days=step)
        return Resolution(day.isoformat(), "day", _direction(day > ref))
    return Resolution(None, "vague", _direction(step > 0))


def _anchor(times: list[TimeExpr], start: int) -> str | None:
    before = [t for t in times if t.end <= start and t.value and start - t.end <= ANCHOR_REACH]
    return max(before, key=lambda t: t.end).value if before else None


def _anchored_time(m: re.Match[str], times: list[TimeExpr], ref: dt.date,
                   offset: int = 0) -> TimeExpr:
    """``times`` are the ones found before the match; their offsets count from ``offset``."""
    res = _anchored(m, _anchor(times, m.start() - offset), ref)
    return TimeExpr(m.start(), m.end(), m.group(), res.value, res.precision,  # type: ignore[arg-type]
                    res.direction)  # type: ignore[arg-type]


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """Every time expression of ``text``, resolved against ``published`` (ISO date)."""
    if not published:
        return []
    ref = _reference(published)
    out: list[TimeExpr] = []
    anchored: list[re.Match[str]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(t.start < m.end() and m.start() < t.end for t in out) or any(
                    a.start() < m.end() and m.start() < a.end() for a in anchored):
                continue
            if kind == "anchored":
                anchored.append(m)
            elif (time := _time_at(text, kind, m, ref)) is not None:
                out.append(time)
    for m in sorted(anchored, key=lambda a: a.start()):
        out.append(_anchored_time(m, out, ref))
    return sorted(out, key=lambda t: t.start)


def caption_times(captions: Sequence[str], published: str | None) -> list[TimeExpr]:
    """The time expressions of photo captions, resolved like the body's: each carries the index
    of its caption (``caption``), and its ``start``/``end`` index that caption."""
    return [dataclasses.replace(time, caption=index) for index, caption in enumerate(captions)
            for time in find_times(caption, published)]


def resolve_time(text: str, start: int, end: int, published: str) -> TimeExpr | None:
    """The time expression at ``text[start:end]`` (a span found by someone else: an annotator,
    another tagger), resolved against ``published`` with the clause around it as context.

    The expression that covers most of the span wins ('Saturday, April 25' for the span
    'April 25'); the clause decides its direction as in :func:`find_times`, and 'the following
    year' counts from the time named before it. None when no expression overlaps the span.
    """
    ref = _reference(published)
    window_start, window_end = max(0, start - 40), min(len(text), end + 40)
    best: tuple[int, int] | None = None
    found: TimeExpr | None = None
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text, window_start, window_end):
            overlap = min(end, m.end()) - max(start, m.start())
            rank = (overlap, -(m.end() - m.start()))
            if overlap <= 0 or best is not None and rank <= best:
                continue
            if kind == "anchored":
                lo = max(0, m.start() - ANCHOR_REACH)
                time: TimeExpr | None = _anchored_time(
                    m, find_times(text[lo:m.start()], published), ref, lo)
            else:
                time = _time_at(text, kind, m, ref)
            if time is not None:
                best, found = rank, time
    return found
