"""What every store offers: the :class:`Store` protocol and the :class:`EventQuery` options."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

from dateline.model import (
    ArticleRef,
    ArticleSignature,
    Document,
    Event,
    EventReport,
    Outcome,
    Watch,
)

# Columns events can be sorted by, and counted by (``Store.tally``).
SORT_KEYS: tuple[str, ...] = ("event_date", "fatalities", "confidence", "sources_count",
                              "country", "event_type")
TALLY_KEYS: tuple[str, ...] = ("event_date", "event_type", "sub_event_type", "country", "iso3",
                               "admin1")


@dataclass(frozen=True)
class EventQuery:
    """Which stored events to return. Every filter is optional; results are ordered by
    ``order_by`` (default ``event_date``), then ``event_date`` and ``event_id``.

    ``date_from``/``date_to`` are inclusive ISO dates. ``country`` matches the country name or
    its ISO3 code, ignoring case; ``admin1`` the province, ignoring case. ``actor`` is a
    substring of actor1, actor2 or an associated actor; ``text`` a substring of the notes,
    location, actors or evidence. ``bbox`` is ``(west, south, east, north)`` in degrees (west
    greater than east crosses the antimeridian). ``article_id`` keeps the events that cite that
    article. ``order_by`` is one of :data:`SORT_KEYS`. ``limit`` ``None`` means all.
    """

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    article_id: str | None = None
    min_confidence: float | None = None
    limit: int | None = None
    offset: int = 0
    admin1: str | None = None
    text: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    order_by: str = "event_date"
    descending: bool = False


@runtime_checkable
class Store(Protocol):
    """Where processed articles, events and run records are kept.

    Writes are idempotent: saving the same Document twice leaves the same rows. An event
    whose ``event_id`` is already stored is updated, its evidence and article ids unioned.
    Failures raise :class:`dateline.errors.StoreError`.
    """

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    def has_article(self, article_id: str) -> bool: ...

    def save_document(self, doc: Document, run_id: str | None = None) -> bool: ...

    def save_events(self, events: Iterable[Event]) -> int: ...

    def save_outcome(self, run_id: str, outcome: Outcome) -> None: ...

    def start_run(self, command: str, inputs: list[str]) -> str: ...

    def finish_run(self, run_id: str, counts: dict[str, int]) -> None: ...

    def events(self, query: EventQuery | None = None) -> list[Event]: ...

    def count_events(self, query: EventQuery | None = None) -> int: ...

    def tally(self, keys: tuple[str, ...], query: EventQuery | None = None
              ) -> list[dict[str, Any]]: ...

    def get_event(self, event_id: str) -> Event: ...

    def article(self, article_id: str) -> dict[str, Any]: ...

    def run(self, run_id: str) -> dict[str, Any]: ...

    def counts(self) -> dict[str, int]: ...


@runtime_checkable
class MergeStore(Store, Protocol):
    """A store that also keeps what cross-article merging decided (:mod:`dateline.merge`):
    near-duplicate signatures, each article's event reports, story links; and answers the
    briefing's questions. :class:`dateline.store.SQLiteStore` and
    :class:`dateline.store.PostgresStore` are."""

    def near_duplicate_candidates(self, bands: Sequence[str], article_id: str
                                  ) -> list[ArticleSignature]: ...

    def is_merged(self, article_id: str) -> bool: ...

    def unmerged_articles(self) -> list[str]: ...

    def original_of(self, article_id: str) -> str | None: ...

    def article_reports(self, article_id: str) -> list[EventReport]: ...

    def reports_near(self, date_from: str, date_to: str, country: str) -> list[EventReport]: ...

    def cluster_reports(self, event_ids: Iterable[str]) -> dict[str, list[EventReport]]: ...

    def apply_merge(self, signature: ArticleSignature, reports: Sequence[EventReport],
                    merged: Sequence[Event], retired: Sequence[str]) -> None: ...

    def stories_of(self, event_ids: Iterable[str]) -> dict[str, str]: ...

    def story_members(self, story_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]: ...

    def link_stories(self, links: dict[str, str], renames: dict[str, str]) -> None: ...

    def events_reported_on(self, day: str) -> list[str]: ...

    def watch_items(self, day: str) -> list[tuple[str, Watch]]: ...

    def article_refs(self, article_ids: Iterable[str]) -> dict[str, ArticleRef]: ...
