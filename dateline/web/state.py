"""What the application holds between requests: the database path, the token, the options,
and the writer that loads the pipeline on the first POST. Nothing lives at module level."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastapi import Request

from dateline.store import Store, open_store

if TYPE_CHECKING:
    from dateline.pipeline import Pipeline
    from dateline.web.writer import Writer

DEFAULT_MAX_BODY = 5_000_000  # bytes of one POST /api/articles body


@dataclass(frozen=True)
class WebOptions:
    """``max_body_bytes`` bounds a posted body; ``pipeline_factory`` builds the pipeline on the
    first POST (default: :func:`dateline.api.build_pipeline`)."""

    max_body_bytes: int = DEFAULT_MAX_BODY
    pipeline_factory: Callable[[], Pipeline] | None = None

    def __post_init__(self) -> None:
        if self.max_body_bytes <= 0:
            raise ValueError("WebOptions.max_body_bytes must be a positive number of bytes")


@dataclass(frozen=True)
class WebState:
    db_path: str
    token: str | None
    options: WebOptions
    writer: Writer

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A store for one request (SQLite connections stay in the thread that opened them)."""
        with open_store(self.db_path) as store:
            yield store


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state
