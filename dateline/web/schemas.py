"""The shapes of the API's JSON responses, for the OpenAPI document.

The records themselves are :mod:`dateline.model`'s dataclasses; these models only wrap them.
Routes send plain JSON (``to_dict``); these describe it.
"""

from __future__ import annotations

from pydantic import BaseModel

from dateline.model import Edit, Entity, Event, Evidence, Place, Quantity, Quote, TimeExpr, Watch


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    next: str | None
    events: list[Event]


class Source(BaseModel):
    """An article an event cites; ``stored`` is false when the article is not in this
    database (an event merged from elsewhere)."""

    article_id: str
    stored: bool
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    agency: str | None = None
    published: str | None = None
    evidence: list[Evidence]


class EventDetail(BaseModel):
    event: Event
    sources: list[Source]
    story_id: str | None


class Story(BaseModel):
    story_id: str
    events: list[Event]


class Article(BaseModel):
    id: str
    origin: str
    kind: str
    url: str | None
    title: str | None
    published: str | None
    outlet: str | None
    agency: str | None
    language: str | None
    dateline_place: str | None
    raw_text: str
    clean_text: str
    captions: list[str]
    flags: list[str]
    outcome: str
    reason: str
    first_seen: str
    last_seen: str
    run_id: str | None
    edits: list[Edit]
    entities: list[Entity]
    places: list[Place]
    times: list[TimeExpr]
    quotes: list[Quote]
    quantities: list[Quantity]
    watch: list[Watch]
    events: list[Event]


class Counts(BaseModel):
    """Events counted by ``by``: each row has one value per key, ``count`` and the sum of
    ``fatalities``."""

    by: list[str]
    total: int
    rows: list[dict[str, str | int]]


class Status(BaseModel):
    version: str
    writing: bool
    counts: dict[str, int]


class PostedOutcome(BaseModel):
    origin: str
    status: str
    reason: str
    article_id: str | None
    events: int


class PostResult(BaseModel):
    run_id: str | None
    counts: dict[str, int]
    events: int
    outcomes: list[PostedOutcome]
    event_ids: list[str]
