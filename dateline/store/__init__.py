"""Where processed articles, events and runs are kept.

:class:`Store` is the protocol every backend implements; :class:`SQLiteStore` is the default
(one file, ``./dateline.db``). :func:`open_store` picks the backend from a path or URL.
"""

from __future__ import annotations

from pathlib import Path

from dateline.errors import StoreError
from dateline.store.base import EventQuery, MergeStore, Store
from dateline.store.sqlite import DEFAULT_PATH, SQLiteStore

__all__ = ["DEFAULT_PATH", "EventQuery", "MergeStore", "SQLiteStore", "Store", "open_store"]


def open_store(location: str | Path = DEFAULT_PATH) -> Store:
    """Open the store at ``location``: a file path (SQLite) or ``:memory:``."""
    text = str(location)
    if text.startswith(("postgres://", "postgresql://")):
        raise StoreError(
            f"no PostgreSQL store in this version of dateline ({text.split('@')[-1]})",
            hint="use a SQLite file path for --db",
        )
    return SQLiteStore(location)
