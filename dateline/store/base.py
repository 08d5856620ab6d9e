"""What every store offers: the :class:`Store` protocol and the :class:`EventQuery` options."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

from dateline.model import Document, Event, Outcome


@dataclass(frozen=True)
class EventQuery:
    """Which stored events to return. Every filter is optional; results are ordered by
    ``event_date`` then ``event_id``.

    ``date_from``/``date_to`` are inclusive ISO dates. ``country`` matches the country name or
    its ISO3 code, ignoring case. ``actor`` is a substring of actor1, actor2 or an associated
    actor. ``article_id`` keeps the events that cite that article. ``limit`` ``None`` means all.
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

    def get_event(self, event_id: str) -> Event: ...

    def article(self, article_id: str) -> dict[str, Any]: ...

    def run(self, run_id: str) -> dict[str, Any]: ...

    def counts(self) -> dict[str, int]: ...
