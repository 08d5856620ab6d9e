"""Region packs: what a team's coded data (an ACLED-format export) teaches dateline.

A pack is a folder of plain data files written by :func:`dateline.pack.learn.learn`
(``dateline learn``):

- ``places.json``: every coded location with its point, areas and the spellings the notes use,
  added to the gazetteer and preferred over namesakes elsewhere;
- ``actors.json``: every actor the export names, with its inter code, country, the periods of
  its names and the mentions that named it, added to the actor lexicon;
- ``classifier.json``: a sub-event type classifier used beside the rules, for events in the
  pack's countries only (see :mod:`dateline.pack.classify`);
- ``pack.json``: the pack card: what it was learned from (file hashes, row counts, dates), the
  scores measured while learning, the library versions.

:meth:`RegionPack.load` reads one; :meth:`RegionPack.from_environment` the one
``DATELINE_PACK`` names (how ``--pack`` reaches worker processes and the Python API).
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.model import Document, Event, Evidence
from dateline.pack.classify import TypeClassifier

PACK_FORMAT = 1
ENVIRONMENT = "DATELINE_PACK"
FILES = ("pack.json", "places.json", "actors.json", "classifier.json")
CLASSIFIER_METHOD = "pack classifier"


@dataclass(frozen=True)
class RegionPack:
    path: Path
    card: dict[str, Any]
    places: tuple[dict[str, Any], ...]
    actors: tuple[dict[str, Any], ...]
    classifier: TypeClassifier | None

    @classmethod
    def load(cls, path: str | Path) -> RegionPack:
        folder = Path(path)
        hint = "give the folder 'dateline learn CODED.csv -o FOLDER' wrote"
        if not folder.is_dir():
            raise DatelineError(f"{folder}: no such pack folder", hint)
        data: dict[str, Any] = {}
        for name in FILES:
            try:
                data[name] = json.loads((folder / name).read_text("utf-8"))
            except FileNotFoundError as exc:
                raise DatelineError(f"{folder}: not a region pack ({name} is missing)",
                                    hint) from exc
            except (OSError, ValueError) as exc:
                raise DatelineError(f"{folder / name}: cannot read it ({exc})",
                                    "learn the pack again") from exc
        card = data["pack.json"]
        if card.get("format") != PACK_FORMAT:
            raise DatelineError(f"{folder}: pack format {card.get('format')!r}, this dateline "
                                f"reads format {PACK_FORMAT}", "learn the pack again")
        model = data["classifier.json"]
        return cls(folder, card, tuple(data["places.json"]["entries"]),
                   tuple(data["actors.json"]["actors"]),
                   TypeClassifier.from_json(model) if model.get("classes") else None)

    @classmethod
    def from_environment(cls) -> RegionPack | None:
        path = os.environ.get(ENVIRONMENT, "").strip()
        return cls.load(path) if path else None

    @property
    def countries(self) -> frozenset[str]:
        """The pack's countries: ISO alpha-3 codes and ACLED's names."""
        return frozenset(c for item in self.card.get("countries", ())
                         for c in (item.get("iso3"), item.get("name")) if c)

    def review(self, doc: Document, taxonomy: Any) -> Document:
        """The events of ``doc`` with the classifier's sub-event type where it is confident
        and the event lies in the pack's countries; the decision is the first evidence's."""
        if self.classifier is None or not doc.events:
            return doc
        countries = self.countries
        events = tuple(self._review(e, taxonomy) if (e.iso3 in countries or e.country in
                                                      countries) and e.evidence else e
                       for e in doc.events)
        return dataclasses.replace(doc, events=events)

    def _review(self, event: Event, taxonomy: Any) -> Event:
        assert self.classifier is not None
        first = event.evidence[0]
        decision = self.classifier.decide(first.text, event.sub_event_type)
        if decision is None:
            return event
        sub, probability = decision
        marked = Evidence(first.article_id, first.start, first.end, first.text, first.fields,
                          f"{CLASSIFIER_METHOD} ({self.card.get('name', self.path.name)}): "
                          f"{sub} {probability:.2f}, rules: {event.sub_event_type}")
        return dataclasses.replace(
            event, sub_event_type=sub, event_type=taxonomy.event_type_of(sub),
            disorder_type=taxonomy.disorder_type_of(sub), evidence=(marked, *event.evidence[1:]),
            confidence=round(min(event.confidence, probability), 3))
