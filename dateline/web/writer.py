"""Posted articles into the store: the same ingest, pipeline and run records as `dateline run`.

The pipeline's models take seconds to load, so the :class:`Writer` builds it once, on the first
post, and keeps it; one post is processed at a time.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dateline.ingest import IngestOptions, read_bytes
from dateline.model import Outcome, RawDoc, to_dict
from dateline.pipeline import Pipeline, Result
from dateline.runner import RunOptions, run_batch
from dateline.store import EventQuery, open_store

COMMAND = "serve: POST /api/articles"


@dataclass(frozen=True)
class PostedBody:
    """One request body and what the request said about it. ``defaults`` (published, source,
    title, url) fill the fields an article does not carry itself."""

    data: bytes
    origin: str
    max_bytes: int
    defaults: dict[str, str] = dataclasses.field(default_factory=dict)


def _with_defaults(items: Iterator[RawDoc | Outcome], defaults: dict[str, str]
                   ) -> Iterator[RawDoc | Outcome]:
    for item in items:
        if isinstance(item, RawDoc) and defaults:
            missing: dict[str, Any] = {key: value for key, value in defaults.items()
                                       if not getattr(item, key)}
            item = dataclasses.replace(item, **missing)
        yield item


class Writer:
    """Processes posted bodies into the database at ``db_path``."""

    def __init__(self, factory: Callable[[], Pipeline] | None = None) -> None:
        self._factory = factory
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def _get_pipeline(self) -> Pipeline:
        if self._pipeline is None:
            if self._factory is None:
                from dateline.api import build_pipeline

                self._factory = build_pipeline
            self._pipeline = self._factory()
        return self._pipeline

    def process(self, db_path: str, body: PostedBody) -> dict[str, Any]:
        """Read ``body`` (text, HTML, JSON Lines...), process and store its articles; returns
        the run id, counts by outcome, every outcome and the ids of the articles' events."""
        items = _with_defaults(read_bytes(body.data, body.origin,
                                          IngestOptions(max_bytes=body.max_bytes)), body.defaults)
        outcomes: list[Outcome] = []

        def keep(result: Result) -> None:
            outcomes.append(result.outcome)

        with self._lock:
            pipeline = self._get_pipeline()
            with open_store(db_path) as store:
                summary = run_batch([body.origin], lambda: pipeline, store, RunOptions(),
                                    pipeline=pipeline, on_result=keep, command=COMMAND,
                                    items=items)
                event_ids = [event.event_id for article_id in _article_ids(outcomes)
                             for event in store.events(EventQuery(article_id=article_id))]
        return {"run_id": summary.run_id, "counts": summary.as_dict(), "events": summary.events,
                "outcomes": [to_dict(o) for o in outcomes],
                "event_ids": list(dict.fromkeys(event_ids))}


def _article_ids(outcomes: list[Outcome]) -> list[str]:
    return list(dict.fromkeys(o.article_id for o in outcomes
                              if o.article_id and o.status in ("processed", "skipped")))
