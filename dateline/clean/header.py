"""Title lines, bylines and datelines that open an article's text.

Read in this order, each optional: a title line, which may end in a date ("... – 14/02/2019", day
first as the form says; on a web page only a line that repeats the page's title); a byline line
("By AFP | 14 March 2024", "By Jane Doe, in Bamako - 13 March 2024"); and a dateline opening the
body, either a wire dateline ("BEIRUT, Feb 14 (AFP) - ") or an upper-case place with a dash
("MOGADISHU – ", or a line of its own: "TAWILA, North Darfur – March 14, 2024"). Each leaves the
body as an edit and becomes metadata.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

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

LOOSE_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_RE})\.?|(?P<month2>{_MONTH_RE})\.?\s+"
    rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>\d{{4}}))?\b",
    re.I,
)
# A dateline without a date: an upper-case city, maybe ", Region", then a dash.
PLACE_DATELINE = re.compile(
    r"(?P<place>(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ'’.\- ]{1,30}[A-ZÀ-Þ])(?:, [A-ZÀ-Þ][\w .'’-]{1,30}?)?)"
    r"\s*(?:[–—]|--?)\s+"
)
# A dateline in title case at the very start of a story ('Dhusamareb - The Somali army ...'),
# as Somali, Kenyan and Nigerian outlets write it: one or two capitalised words, a spaced dash
# and a capital. Only where no title or byline was read before it.
TITLE_CASE_DATELINE = re.compile(
    r"(?P<place>(?P<city>[A-ZÀ-Þ][a-zà-ÿ'’]+(?:[ -][A-ZÀ-Þ][a-zà-ÿ'’]+)?))\s+[–—-]\s+(?=[A-Z])")
NOT_PLACES = frozenset({"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "LIVE", "WATCH", "VIDEO",
                        "PHOTOS", "ANALYSIS", "OPINION", "EDITORIAL", "FACT CHECK", "NOTE"})
BYLINE = re.compile(r"(?:By|BY|Par|Por|Von)\s+(?P<rest>\S.*)$")
BYLINE_MAX_CHARS = 120
NAME_PARTICLES = frozenset({"and", "de", "del", "da", "al", "el", "bin", "ibn", "van", "von",
                            "der", "la", "le", "du", "y", "e", "&"})
TITLE_MATCH = 0.8  # share of a first line's words that must be the page title's
TITLE_COVER = 0.5  # share of the page title's words the first line must have


@dataclass(frozen=True)
class Header:
    title: str | None = None
    published: str | None = None
    place: str | None = None
    agency: str | None = None
    replacements: tuple[Replacement, ...] = ()
    byline: str | None = None


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_first(first: int, second: int, year: int) -> str | None:
    if first <= 12 < second:  # month first: only when the form says so
        return _date(year, first, second)
    return _date(year, second, first)


def _title_date(match: re.Match[str]) -> str | None:
    if match.group(4):
        return _date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
    return _day_first(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _looks_like_title(line: str, rest: str) -> bool:
    return (bool(rest.strip()) and len(line) <= 250 and not line.rstrip().endswith((".", ":", ","))
            and _byline(line) is None)


def same_title(line: str, title: str) -> bool:
    """Whether a line repeats a page's title (the title may carry the site's name: "Headline |
    Outlet"): most of the line's words are the title's and the line is most of the title."""
    words = re.findall(r"\w+", line.lower())
    title_words = set(re.findall(r"\w+", title.lower()))
    if not words or not title_words:
        return False
    shared = sum(w in title_words for w in words)
    return shared / len(words) >= TITLE_MATCH and shared / len(title_words) >= TITLE_COVER


def _latest_before(month: int, day: int, reference: dt.date) -> str | None:
    for year in (reference.year, reference.year - 1):
        value = _date(year, month, day)
        if value and value <= reference.isoformat():
            return value
    return _date(reference.year, month, day)


def loose_date(text: str, published: str | None, today: dt.date) -> str | None:
    """A date written out in a byline or dateline ("14 March 2024", "March 14, 2024",
    "2024-03-14", "14/03/2024"); a date without a year is the latest one not after the reference."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        return _date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    numeric = re.search(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b", text)
    if numeric:
        return _day_first(int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3)))
    named = LOOSE_DATE.search(text)
    if not named:
        return None
    month = MONTHS[(named.group("month") or named.group("month2")).lower()]
    day = int(named.group("day") or named.group("day2"))
    if named.group("year"):
        return _date(int(named.group("year")), month, day)
    return _latest_before(month, day, dt.date.fromisoformat(published[:10]) if published else today)


def _byline(line: str) -> str | None:
    """The name in a byline line ("By AFP | 14 March 2024", "By Jane Doe, in Bamako"), or None
    when the line is a sentence that happens to start with "By"."""
    match = BYLINE.match(line)
    if not match or len(line) > BYLINE_MAX_CHARS:
        return None
    who = re.split(r"\s*(?:[|·•]|,\s+in\s+|,\s+|\s[–—-]\s)\s*", match.group("rest"))[0].strip()
    words = who.split()
    if not 1 <= len(words) <= 6 or who.endswith("."):
        return None
    if not all(w[0].isupper() or w in NAME_PARTICLES for w in words):
        return None
    return who


@dataclass
class _Reader:
    """Reads the opening lines of a text one element at a time (title, byline, dateline)."""

    text: str
    published: str | None
    today: dt.date
    offset: int = 0
    reps: list[Replacement] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.skip_blank()

    def skip_blank(self) -> None:
        blank = re.compile(r"\s*").match(self.text, self.offset)
        self.offset = blank.end() if blank else self.offset

    def line(self) -> re.Match[str] | None:
        return re.compile(r"[ \t]*([^\n]+?)[ \t]*(?:\n+|$)").match(self.text, self.offset)

    def take(self, start: int, end: int, rule: str) -> None:
        self.reps.append(Replacement(start, end, "", rule))
        self.offset = end
        self.skip_blank()

    def date(self, text: str) -> str | None:
        return loose_date(text, self.published, self.today)


def _wire(reader: _Reader, header: dict[str, str | None]) -> bool:
    wire = WIRE_DATELINE.match(reader.text, reader.offset)
    if not wire:
        return False
    header["place"] = wire.group("place").strip().title()
    header["agency"] = wire.group("agency")
    month = MONTHS[(wire.group("month") or wire.group("month2")).lower()]
    day = int(wire.group("day") or wire.group("day2"))
    if wire.group("year"):
        value = _date(int(wire.group("year")), month, day)
    else:
        base = dt.date.fromisoformat(reader.published[:10]) if reader.published else reader.today
        value = _latest_before(month, day, base)
    header["date"] = header["date"] or value
    reader.take(wire.start(), wire.end(), "dateline")
    return True


def _place_dateline(reader: _Reader, header: dict[str, str | None]) -> bool:
    """'MOGADISHU – At least ...' or a line of its own: 'TAWILA, North Darfur – March 14, 2024'."""
    found = PLACE_DATELINE.match(reader.text, reader.offset) or (
        TITLE_CASE_DATELINE.match(reader.text, reader.offset) if reader.offset == 0 else None)
    if not found or found.group("city").strip().upper() in NOT_PLACES:
        return False
    header["place"] = found.group("place").strip().title()
    line = reader.line()
    rest = reader.text[found.end():line.end() if line else found.end()]
    date = reader.date(rest) if len(rest.strip()) <= 40 else None
    if date:  # the whole line is the dateline
        header["date"] = header["date"] or date
        reader.take(found.start(), line.end() if line else found.end(), "dateline")
    else:
        reader.take(found.start(), found.end(), "dateline")
    return True


def _date_line(reader: _Reader, header: dict[str, str | None],
               pattern: re.Pattern[str] | None) -> None:
    """A line that only states the publication date, with its year ('This story is from March
    10, 2002'): the date, and the line out of the body."""
    found = pattern.match(reader.text, reader.offset) if pattern is not None else None
    if found is None or not re.search(r"\b\d{4}\b", found.group("rest")):
        return
    date = loose_date(found.group("rest"), None, reader.today)
    if date:
        header["date"] = header["date"] or date
        reader.take(found.start(), found.end(), "date line")


def read_header(text: str, published: str | None, today: dt.date,
                known_title: str | None = None,
                date_line: re.Pattern[str] | None = None) -> Header:
    """Find the title line, a byline and the dateline; return metadata and the replacements that
    take them out of the body. With ``known_title`` (a web page's), the first line is a title
    only when it repeats that title: the text of a page starts with its body, not its headline.
    ``date_line``: the lines that state the publication date (cleaning.json's 'date_lines'),
    read first or right after the title."""
    reader = _Reader(text, published, today)
    header: dict[str, str | None] = dict.fromkeys(("title", "date", "place", "agency", "byline"))
    _date_line(reader, header, date_line)
    first = re.compile(r"\s*([^\n]+)\n").match(text, reader.offset)
    if first and _looks_like_title(first.group(1), text[first.end():]) and (
            known_title is None or same_title(first.group(1), known_title)):
        line = first.group(1)
        found = TITLE_DATE.search(line)
        if found:
            header["date"] = _title_date(found)
            line = line[: found.start()]
        header["title"] = line.strip() or None
        reader.take(first.start(), first.end(), "title")
        _date_line(reader, header, date_line)
    line = reader.line()
    who = _byline(line.group(1)) if line else None
    if line and who:
        header["byline"] = who
        header["date"] = header["date"] or reader.date(line.group(1))
        reader.take(line.start(), line.end(), "byline")
    if not _wire(reader, header):
        _place_dateline(reader, header)
    return Header(header["title"], header["date"], header["place"], header["agency"],
                  tuple(reader.reps), header["byline"])
