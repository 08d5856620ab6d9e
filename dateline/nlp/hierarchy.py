"""Places named inside the areas that hold them, from ``dateline/data/place_hierarchy.json``.

Reports often give a place with its district and province: 'Noma Tounga (Malanville, Alibori)',
'Murghab district, Badghis', 'the Bazar area of Adraskan district, Herat'. The containers decide
which namesake is meant (Murghab in Badghis, not Murghob in Tajikistan), and where the gazetteer
lacks the place itself they still place it: in the smallest container known (geo_precision 2),
never in another country.

    >>> h = PlaceHierarchy.load()
    >>> [(n.text, [c[2] for c in n.containers]) for n in h.find(
    ...     "gunmen abducted a man in Soka (Sinende, Borgou) on Monday.")]
    [('Soka', ['Sinende', 'Borgou'])]
    >>> [(n.text, n.head_kind, [c[2] for c in n.containers]) for n in h.find(
    ...     "Fighting in Murghab district, Badghis, killed five.")]
    [('Murghab', 'admin2', ['Badghis'])]
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from dateline.errors import DatelineError

if TYPE_CHECKING:
    from dateline.nlp.gazetteer import Gazetteer, GazetteerEntry

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"


@dataclass(frozen=True)
class Nested:
    """A place named with its containers (smallest first): ``containers`` are
    ``(start, end, name)``; ``inside`` is 'admin' (subdivisions hold it) or 'town' (it is a part
    of the town ``containers[0]``); ``head_kind`` 'admin2' where a type word says the place is a
    district itself; ``consistent_only``: used only where the place lies in the containers."""

    start: int
    end: int
    text: str
    containers: tuple[tuple[int, int, str], ...]
    inside: str = "admin"
    head_kind: str | None = None
    consistent_only: bool = False
    alias: str | None = None
    typed: bool = False  # a type word says what the place or a container is


@dataclass(frozen=True)
class _Template:
    pattern: re.Pattern[str]
    inside: str
    head_kind: str | None
    consistent_only: bool


@dataclass(frozen=True)
class PlaceHierarchy:
    """The compiled patterns and word lists; build it with :meth:`load`."""

    templates: tuple[_Template, ...]
    lead_words: frozenset[str]
    prefixes: tuple[str, ...]
    type_words: re.Pattern[str]

    @classmethod
    def load(cls) -> PlaceHierarchy:
        try:
            data: dict[str, Any] = json.loads(resources.files("dateline.data").joinpath(
                "place_hierarchy.json").read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise DatelineError(f"cannot read dateline/data/place_hierarchy.json: {exc}",
                                "reinstall dateline or fix the file's JSON") from exc
        particles = "|".join(re.escape(p) for p in data["name"]["particles"])
        stops = "|".join(re.escape(w) for w in data["lead_words"]["words"])
        word = rf"(?!(?:{stops})\b)(?:(?:{particles})-)?[{_UPPER}][\w'\u2019-]*"
        name = rf"{word}(?: (?:(?:{particles}) )?{word}){{0,4}}"
        types = {level: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                 for level, words in data["type_words"].items() if level != "note"}
        any_type = "|".join(types.values())
        slots = {
            "head": rf"(?P<head>{name})", "head2": rf"(?P<head2>{name})",
            "alias": rf"(?P<alias>{name})",
            "type2": rf"(?i:{types['admin2']})", "type1": rf"(?i:{types['admin1']})",
            "town": rf"(?i:{types['town']})",
        }
        for n in (1, 2, 3):
            slots[f"c{n}"] = rf"(?P<c{n}>{name})(?: (?i:{any_type}))?"
        templates = tuple(
            _Template(re.compile(_fill(item["template"], slots)), item["inside"],
                      item.get("head_kind"), bool(item.get("consistent_only")))
            for item in data["patterns"]["items"])
        return cls(templates, frozenset(data["lead_words"]["words"]),
                   tuple(data["type_prefixes"]["prefixes"]),
                   re.compile(rf"(?i)\b(?:{any_type})\b"))

    def find(self, text: str) -> list[Nested]:
        """Places named with their containers, in text order; where templates overlap, the
        earliest place wins, and at one place the first template listed."""
        found: list[tuple[int, int, Nested]] = []
        for order, template in enumerate(self.templates):
            for match in template.pattern.finditer(text):
                found += [(n.start, order, n) for n in self._nested(match, template)]
        kept: list[Nested] = []
        taken: list[tuple[int, int]] = []  # the heads and containers of those kept
        for _, _, nested in sorted(found, key=lambda f: (f[0], f[1])):
            if all(nested.end <= s or e <= nested.start for s, e in taken):
                kept.append(nested)
                taken += [(nested.start, nested.end), *((s, e) for s, e, _ in nested.containers)]
        return sorted(kept, key=lambda n: n.start)

    def strip_prefix(self, name: str) -> str | None:
        """'Commune of Zangnanado' -> 'Zangnanado'; None where no type prefix leads the name."""
        for prefix in self.prefixes:
            if name.startswith(prefix + " ") and len(name) > len(prefix) + 1:
                return name[len(prefix) + 1:]
        return None

    def _nested(self, match: re.Match[str], template: _Template) -> list[Nested]:
        containers = tuple((match.start(g), match.end(g), match.group(g))
                           for g in ("c1", "c2", "c3") if match.groupdict().get(g))
        alias = match.groupdict().get("alias")
        residue = list(match.group())
        for name, value in match.groupdict().items():
            if value:
                left, right = match.start(name) - match.start(), match.end(name) - match.start()
                residue[left:right] = " " * (right - left)
        typed = bool(self.type_words.search("".join(residue)))
        out = []
        for group in ("head", "head2"):
            if group not in match.re.groupindex or not match.group(group):
                continue
            start, end = self._trimmed(match.string, match.start(group), match.end(group))
            if start < end:
                out.append(Nested(start, end, match.string[start:end], containers,
                                  template.inside, template.head_kind, template.consistent_only,
                                  alias if group == "head" else None, typed))
        return out

    def _trimmed(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Without the capitalised words that open a sentence ('In Kandi' -> 'Kandi')."""
        while start < end:
            word = text[start:end].split(" ", 1)[0]
            if word not in self.lead_words:
                break
            start += len(word) + 1
        return start, end


def _fill(template: str, slots: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: slots[m.group(1)], template)


# ------------------------------------------------------------------ resolution


@dataclass(frozen=True)
class Resolved:
    """A nested place resolved: the entry it means (its own, or the smallest container known
    where the gazetteer lacks it, ``fallback``), the containers' entries by span, and how many
    names agree (``support``: the containers known, and the place itself where found in them)."""

    entry: GazetteerEntry
    fallback: bool
    containers: tuple[tuple[int, int, GazetteerEntry], ...]
    support: int = 1


def _key(name: str | None) -> str:
    from dateline.nlp.gazetteer import name_key

    return name_key(name or "").replace(" ", "")


def within(entry: GazetteerEntry, outer: GazetteerEntry) -> bool:
    """Whether ``entry`` lies inside ``outer`` (a country, province, district or town)."""
    if entry.country != outer.country or outer.country is None:
        return False
    if outer.kind == "country":
        return entry.kind != "country"
    if outer.kind == "admin1":
        return entry.kind != "admin1" and _key(entry.admin1) == _key(outer.name)
    if outer.kind == "admin2":
        if entry.kind in ("admin1", "admin2"):
            return False
        if entry.admin2:
            return _key(entry.admin2) == _key(outer.name)
        return _key(entry.admin1) == _key(outer.admin1)
    if outer.kind == "city":  # a quarter of a town: the town's own district or province
        return _key(entry.admin1) == _key(outer.admin1) and (
            not outer.admin2 or not entry.admin2 or _key(entry.admin2) == _key(outer.admin2))
    return False


_CONTAINER_KINDS = ("admin1", "admin2", "country")


def _chain(nested: Nested, gazetteer: Gazetteer, country: str | None
           ) -> list[tuple[int, int, GazetteerEntry] | None]:
    """The containers' spans and entries (smallest first), each inside the next one resolved;
    None for a container the gazetteer lacks."""
    out: list[tuple[int, int, GazetteerEntry] | None] = [None] * len(nested.containers)
    outer: GazetteerEntry | None = None
    for i in reversed(range(len(nested.containers))):
        start, end, name = nested.containers[i]
        entries = gazetteer.lookup(name) or gazetteer.areas_like(name)
        areas = [e for e in entries if e.kind in _CONTAINER_KINDS]
        towns = [e for e in entries if e.kind == "city"]
        pool = towns + areas if nested.inside == "town" and i == 0 else areas + towns
        if outer is not None:
            pool = [e for e in pool if within(e, outer)]
        elif country:
            pool = [e for e in pool if e.country == country] or pool
        if pool:
            outer = pool[0]
            out[i] = (start, end, outer)
    return out


def resolve(nested: Nested, gazetteer: Gazetteer, country: str | None,
            known_place: bool = False) -> Resolved | None:
    """The entry a nested place means, inside its containers; None where no container is
    known, or (``consistent_only``) where the place is not found inside them. A place the
    gazetteer lacks there falls back to the smallest container known only on good evidence
    that it lies there: two containers that agree, a type word ('Chora and Tarinkot districts,
    Urozgan'; Chora, Greece, is no district of Urozgan), or ``known_place`` (a model's place
    entity named nowhere else), so that 'Dozhd (Rain)' or 'Arizona (Ayton)' place nothing."""
    spans = tuple(c for c in _chain(nested, gazetteer, country) if c is not None)
    known = [entry for _, _, entry in spans]
    if not known:
        return None
    inner = known[0]
    for name in (nested.text, nested.alias):
        found = _inside(name, inner, nested.head_kind, gazetteer,
                        exact=nested.consistent_only) if name else None
        if found is not None:
            return Resolved(found, False, spans, len(known) + 1)
    elsewhere = bool(gazetteer.lookup(nested.text))  # a namesake abroad: 'Arizona (Ayton)'
    if nested.consistent_only or not (len(known) >= 2 or nested.typed or (
            not elsewhere and known_place)):
        return None
    placed = next((e for e in known if e.latitude is not None), None)
    return Resolved(placed, True, spans, len(known)) if placed is not None else None


def _inside(name: str, inner: GazetteerEntry, head_kind: str | None,
            gazetteer: Gazetteer, exact: bool = False) -> GazetteerEntry | None:
    """The entry called ``name`` inside ``inner`` (or ``inner`` itself, a district or town
    named like it): places called exactly so before those that only list it as another name."""
    key = _key(name)
    pool = [e for e in gazetteer.lookup(name) if within(e, inner) or (
        e.kind == inner.kind and e.country == inner.country and _key(e.name) == _key(
            inner.name) and inner.kind in ("admin2", "city"))]
    if exact:
        pool = [e for e in pool if _key(e.name) == key]
    want = head_kind or "city"
    pool.sort(key=lambda e: (_key(e.name) != key, e.kind != want, e.latitude is None))
    return pool[0] if pool and pool[0].latitude is not None else None
