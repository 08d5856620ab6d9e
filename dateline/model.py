"""Record types that carry an article through every stage.

Every record is a frozen dataclass. Spans (``start``, ``end``) index ``Document.clean_text``;
``Edit.raw_start``/``raw_end`` index ``Document.raw_text``. Dicts appear only at the I/O edges
(:func:`to_dict`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

OutcomeStatus = Literal["processed", "skipped", "quarantined", "failed"]
OUTCOME_STATUSES: tuple[OutcomeStatus, ...] = ("processed", "skipped", "quarantined", "failed")


def content_id(text: str) -> str:
    """Content-hash id of an article: the first 16 hex digits of SHA-256 of its raw text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class RawDoc:
    """One article as read by ``ingest``, before any processing.

    ``origin`` names where it came from (``path`` or ``path:record``) so that every outcome can
    point at its input. ``kind`` is ``"text"`` or ``"html"``.
    """

    text: str
    kind: Literal["text", "html"] = "text"
    origin: str = "<string>"
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str | None = None
    encoding: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: processed, skipped, quarantined or failed, and why."""

    origin: str
    status: OutcomeStatus
    reason: str = ""
    article_id: str | None = None
    events: int = 0


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Edit:
    """One change the cleaner made: ``before`` at raw[raw_start:raw_end] became ``after``
    at clean[start:end]."""

    start: int
    end: int
    raw_start: int
    raw_end: int
    before: str
    after: str
    rule: str


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    precision: Literal["town", "nearby", "district", "province", "country", "region"] = "town"
    admin2: str | None = None
    iso3: str | None = None
    role: Literal["mention", "comparison", "origin", "destination"] = "mention"


@dataclass(frozen=True)
class TimeExpr:
    """A time expression resolved against the publication date.

    ``caption`` is None for a time of the body; for a time of a photo caption it is the index
    into ``Document.captions``, and ``start``/``end`` then index that caption, not the body.
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: Literal["day", "week", "month", "year", "vague"] = "day"
    direction: Literal["past", "present", "future"] = "past"
    caption: int | None = None


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    speaker: str | None = None


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: int | None
    measure: str | None = None
    qualifier: str | None = None
    cumulative: bool = False
    # For a running total of the killed or injured ("73 have been killed in police firing so
    # far"): who the event coder reads as causing them, with ACLED's inter code. A running
    # total is no event, but who killed is still told; empty where no one acting is named.
    actor: str = ""
    inter: int = 0


@dataclass(frozen=True)
class Actor:
    """A canonical actor from ``dateline/data/actors.json``."""

    name: str
    inter: int
    country: str | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""


# The event fields a piece of evidence can support (``event_type`` stands for the disorder,
# event and sub-event types), in the order they are listed.
EVIDENCE_FIELDS: tuple[str, ...] = (
    "event_type", "actor1", "actor2", "event_date", "location", "fatalities", "injured",
    "displaced",
)


@dataclass(frozen=True)
class Evidence:
    """Characters of an article that support an event, and which of its fields they support
    (``fields``, from :data:`EVIDENCE_FIELDS`; empty: the span supports the event as a whole).
    A value taken from the publication date or the article's main place has no span.
    ``method``: what decided the values the span supports where it was not the rules, e.g.
    'pack classifier (benin): Attack 0.91, rules: Armed clash' (a region pack's classifier)."""

    article_id: str
    start: int
    end: int
    text: str
    fields: tuple[str, ...] = ()
    method: str = ""

    @property
    def key(self) -> tuple[str, int, int]:
        """The span: two pieces of evidence with the same key are one, their fields united."""
        return (self.article_id, self.start, self.end)


def evidence_fields(*groups: Iterable[str]) -> tuple[str, ...]:
    """The fields of every group, once each, in the order of :data:`EVIDENCE_FIELDS`."""
    found = {name for group in groups for name in group}
    return tuple(name for name in EVIDENCE_FIELDS if name in found)


def union_evidence(*groups: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """The evidence of every group, each span once (first occurrence first) with the fields of
    all its occurrences united. A span inside another of the same article that already
    supports all its fields (a time expression inside a sentence that supports the date) is
    left out."""
    merged: dict[tuple[str, int, int], Evidence] = {}
    for group in groups:
        for item in group:
            prior = merged.get(item.key)
            merged[item.key] = item if prior is None else dataclasses.replace(
                prior, fields=evidence_fields(prior.fields, item.fields),
                method=prior.method or item.method)
    by_article: dict[str, list[Evidence]] = {}
    for item in merged.values():
        by_article.setdefault(item.article_id, []).append(item)
    return tuple(item for item in merged.values() if not (
        item.fields and any(_covers(other, item) for other in by_article[item.article_id])))


def _covers(outer: Evidence, inner: Evidence) -> bool:
    return (outer.key != inner.key and outer.start <= inner.start and inner.end <= outer.end
            and set(inner.fields) <= set(outer.fields))


@dataclass(frozen=True)
class Watch:
    """A forward-looking statement for the briefing's "what to watch" section."""

    start: int
    end: int
    text: str
    who: str | None = None
    time: str | None = None


@dataclass(frozen=True)
class Event:
    """An event record with ACLED's field names where ACLED has one."""

    event_id: str
    event_date: str
    time_precision: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str = ""
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    inter1: int = 0
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    country: str = ""
    iso3: str = ""
    admin1: str = ""
    admin2: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    geonames_id: int | None = None
    source: str = ""
    notes: str = ""
    fatalities: int = 0
    injured: int = 0
    displaced: int = 0
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()
    article_ids: tuple[str, ...] = ()
    sources_count: int = 1
    # The range of the figures the sources gave (UCDP's low / best / high), set when events are
    # merged across articles (dateline.merge); None for an event read from one article only.
    # ``fatalities`` is then ``fatalities_low``: ACLED's rule, the most conservative figure.
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    # Where ``event_date`` came from when not from the text or the publication date: "run" for
    # an article with no publication date whose text gives no dated day for the event (the
    # date is then the day of the run, time_precision 3: undated; it never merges across
    # articles). Empty otherwise.
    date_basis: str = ""
    # The input records' own ids (a JSON Lines or CSV record's "id") and URLs of the articles the
    # event was read from, as the user gave them: what joins an event back to the user's data.
    source_ids: tuple[str, ...] = ()
    source_urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventReport:
    """One article's account of an event, as the coder read it, and the merged event it joined
    (``event_id``; None when a near-duplicate copy only repeats what its original said)."""

    article_id: str
    event: Event
    event_id: str | None = None

    @property
    def report_id(self) -> str:
        return self.event.event_id


@dataclass(frozen=True)
class ArticleSignature:
    """An article's MinHash signature over word shingles of its clean text, its LSH band keys,
    and the stored article it is a near-duplicate of (if any)."""

    article_id: str
    shingles: int
    signature: bytes
    bands: tuple[str, ...] = ()
    original_id: str | None = None
    similarity: float = 0.0


@dataclass(frozen=True)
class ArticleRef:
    """Who published an article, for citing it as a source."""

    id: str
    title: str | None = None
    outlet: str | None = None
    agency: str | None = None
    url: str | None = None
    published: str | None = None
    original_id: str | None = None  # set when the article is a near-duplicate of that one

    @property
    def name(self) -> str:
        """The outlet, with the agency it carried (``Golden Land Times (AFP)``)."""
        if self.outlet and self.agency and self.agency not in self.outlet:
            return f"{self.outlet} ({self.agency})"
        return self.outlet or self.agency or self.title or self.id


@dataclass(frozen=True)
class BriefItem:
    """One event in the briefing, with its severity score, its sources and its story so far
    (``story_since``: the first day of the story when it began before this event's day)."""

    event: Event
    severity: float
    sources: tuple[ArticleRef, ...] = ()
    story_id: str | None = None
    story_since: str | None = None
    story_events: int = 0
    reported_late: bool = False  # happened before the day, first reported on it


@dataclass(frozen=True)
class CountryBrief:
    country: str
    items: tuple[BriefItem, ...]


@dataclass(frozen=True)
class BriefFigure:
    """One number of the day beside the daily average of the seven days before it."""

    label: str
    today: int
    week_average: float


@dataclass(frozen=True)
class WatchNote:
    """A forward-looking statement for "what to watch", with who made it and where."""

    text: str
    who: str | None
    time: str | None
    source: ArticleRef


@dataclass(frozen=True)
class Briefing:
    """The daily briefing: what happened (by country, most severe first), the numbers against
    the previous seven days, and what to watch."""

    day: str
    generated: str  # ISO timestamp (UTC)
    countries: tuple[CountryBrief, ...] = ()
    figures: tuple[BriefFigure, ...] = ()
    watch: tuple[WatchNote, ...] = ()

    @property
    def items(self) -> tuple[BriefItem, ...]:
        """Every item, in the briefing's order."""
        return tuple(item for country in self.countries for item in country.items)


@dataclass(frozen=True)
class Document:
    """One article through every stage. Stages return a new Document (``dataclasses.replace``)."""

    id: str
    raw_text: str
    kind: Literal["text", "html"] = "text"
    origin: str = "<string>"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    agency: str | None = None
    language: str | None = None
    dateline_place: str | None = None
    source_id: str | None = None  # the input record's own id (JSON Lines, CSV), as given
    clean_text: str = ""
    captions: tuple[str, ...] = ()
    edits: tuple[Edit, ...] = ()
    flags: tuple[str, ...] = ()
    sentences: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    events: tuple[Event, ...] = ()
    watch: tuple[Watch, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def raw_offset(self, clean_offset: int) -> int:
        """Map an offset in ``clean_text`` to the matching offset in ``raw_text``."""
        shift = 0
        for edit in self.edits:
            if edit.end <= clean_offset:
                shift = edit.raw_end - edit.end
            elif edit.start <= clean_offset:
                inside = min(clean_offset - edit.start, edit.raw_end - edit.raw_start)
                return edit.raw_start + inside
            else:
                break
        return clean_offset + shift


_DOCUMENT_JSON_FIELDS = (
    "id", "source_id", "url", "title", "published", "outlet", "agency", "language", "clean_text",
    "captions",
    "edits", "entities", "places", "times", "quotes", "quantities", "events", "watch",
)


def to_dict(record: Any) -> Any:
    """A JSON-ready view of a record (recursively); Documents follow the DESIGN.md contract."""
    if isinstance(record, Document):
        out = {name: to_dict(getattr(record, name)) for name in _DOCUMENT_JSON_FIELDS}
        out["origin"] = record.origin
        out["flags"] = list(record.flags)
        return out
    if isinstance(record, Evidence) and not record.method:  # the rules': said by its absence
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)
                if f.name != "method"}
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an Event from :func:`to_dict` output (used by the store and the exporters)."""
    names = {f.name for f in dataclasses.fields(Event)}
    values = {key: value for key, value in data.items() if key in names}
    values["evidence"] = tuple(Evidence(**{**item, "fields": tuple(item.get("fields", ()))})
                               for item in data.get("evidence", ()))
    values["article_ids"] = tuple(data.get("article_ids", ()))
    for name in ("source_ids", "source_urls"):
        values[name] = tuple(data.get(name) or ())
    return Event(**values)
