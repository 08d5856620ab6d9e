"""Who is in a clause and how a protest went, from the ``clause_cues`` of
``dateline/data/triggers.json``.

A party is a word for a kind of actor ('police', 'militants', 'villagers', 'protesters', 'mob')
with the ACLED inter code of that kind; named actors found by the actor lexicon are parties too.
Cues are words about the course of a protest (violence by demonstrators, intervention, lethal
force) and military targets. The coder reads both to choose between sub-event types.

    >>> cues = ClauseCues.load()
    >>> [(p.kind, p.text) for p in cues.parties("Gunmen killed three villagers.")]
    [('armed', 'Gunmen'), ('civilians', 'villagers')]
    >>> sorted(cues.cues("Police fired tear gas at the stone-throwing crowd."))
    ['intervention', 'protest_violence']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from importlib import resources

from dateline.events.triggers import _alternation, register_specs
from dateline.nlp.actors import ActorLexicon

STATE_KINDS = frozenset({"police", "military"})
ARMED_KINDS = frozenset({"police", "military", "armed"})
KIND_OF_INTER = {1: "military", 2: "armed", 3: "armed", 4: "armed", 5: "rioters",
                 6: "protesters", 7: "civilians", 8: "military"}


@dataclass(frozen=True)
class Party:
    start: int
    end: int
    text: str
    kind: str  # police, military, armed, civilians, protesters, rioters
    inter: int
    actor: str = ""  # the named actor, where the actor lexicon found one
    role: str | None = None  # '1' acting, '2' acted on, as the parse says; None unknown
    group: str = ""  # the ethnic group the party belongs to, named in or before it ('Fulani')


@dataclass(frozen=True)
class ClauseCues:
    """Party words and protest cues; build it with :meth:`load`."""

    party_patterns: tuple[tuple[str, int, re.Pattern[str]], ...]
    cue_patterns: tuple[tuple[str, re.Pattern[str]], ...]
    armament: re.Pattern[str] | None = None  # 'equipped with machetes' right after a party

    @classmethod
    def load(cls, registers: frozenset[str] | None = None) -> ClauseCues:
        """The party words and cues of ``triggers.json``, with those of the registers in use
        (:func:`~dateline.events.triggers.registers_in_use`)."""
        text = resources.files("dateline.data").joinpath("triggers.json").read_text("utf-8")
        whole = json.loads(text)
        data = whole["clause_cues"]
        extra = register_specs(whole, registers)

        def words(section: str, name: str, base: list[str]) -> re.Pattern[str]:
            more = [w for spec in extra for w in spec.get(section, {}).get(name, [])]
            return _alternation(base + more)

        parties = tuple((kind, int(spec["inter"]), words("parties", kind, spec["words"]))
                        for kind, spec in data["parties"].items())
        cues = tuple((name, words("cues", name, spec["words"]))
                     for name, spec in data["cues"].items())
        spec = data["armament"]
        armament = re.compile(
            rf"\s*(?:,\s*)?(?:{_alternation(spec['words']).pattern})\s+(?:[\w-]+\s+){{0,3}}?"
            rf"(?:{_alternation(spec['weapons']).pattern})", re.I)
        return cls(parties, cues, armament)

    def parties(self, text: str, start: int = 0, end: int | None = None) -> list[Party]:
        """Party words in text[start:end], in order; the longer wins where two overlap. Civilians
        said to carry weapons ('pastoralists equipped with blade weapons') are an armed party."""
        stop = len(text) if end is None else end
        found = [Party(m.start(), m.end(), m.group(), kind, inter)
                 for kind, inter, pattern in self.party_patterns
                 for m in pattern.finditer(text, start, stop)]
        found.sort(key=lambda p: (p.start - p.end, p.start))
        kept: list[Party] = []
        for party in found:
            if all(party.end <= k.start or k.end <= party.start for k in kept):
                kept.append(party)
        return sorted((self._armed(text, p) for p in kept), key=lambda p: p.start)

    def _armed(self, text: str, party: Party) -> Party:
        if party.kind not in ("civilians", "rioters") or self.armament is None or (
                not self.armament.match(text, party.end)):
            return party
        return replace(party, kind="armed", inter=3)

    def cue_spans(self, name: str, text: str, start: int = 0, end: int | None = None
                  ) -> list[tuple[int, int]]:
        """Where the words of cue list ``name`` occur in text[start:end]."""
        stop = len(text) if end is None else end
        return [m.span() for cue, pattern in self.cue_patterns if cue == name
                for m in pattern.finditer(text, start, stop)]

    def cues(self, text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
        """The names of the cue lists with a word in text[start:end]."""
        stop = len(text) if end is None else end
        return frozenset(name for name, pattern in self.cue_patterns
                         if pattern.search(text, start, stop))


_TEMPLATE = {"armed": "unidentified", "civilians": "civilians", "protesters": "protesters",
             "rioters": "rioters", "communal": "communal"}
_BARE = {"armed": "Unidentified Armed Group", "civilians": "Civilians",
         "protesters": "Protesters", "rioters": "Rioters",
         "communal": "Unidentified Communal Militia"}


def generic_actor(actors: ActorLexicon, country_names: dict[str, str], kind: str,
                  country: str | None) -> str:
    """ACLED's name for an unnamed party of ``kind`` in ``country`` (ISO code): the country's
    police or military where the actor lexicon has them, else 'Police Forces of India' in
    ACLED's pattern; 'Civilians (Syria)', 'Rioters (India)'; without a country, the bare name."""
    if kind in STATE_KINDS:
        regime = actors.state_name(country, kind) if country else None
        if regime is not None:
            return regime  # the period of the event's date is added by ActorLexicon.on
        forces = actors.state_forces(country, kind) if country else None
        if forces is not None:
            return forces.name
        label = country_names.get(country, "") if country else ""
        base = "Police Forces" if kind == "police" else "Military Forces"
        return f"{base} of {label}" if label else base
    if country:
        return str(getattr(actors.generic(country), _TEMPLATE[kind]).name)
    return _BARE[kind]
