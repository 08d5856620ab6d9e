"""Where processed articles, events and runs are kept.

:class:`Store` is the protocol every backend implements; :class:`SQLiteStore` is the default
(one file, ``./dateline.db``) and :class:`PostgresStore` the store for a shared server
(``postgresql://user:password@host/dbname``, with ``pip install 'dateline[postgres]'``).
:func:`open_store` picks the backend from a path or URL.
"""

from __future__ import annotations

from pathlib import Path

from dateline.store.base import EventQuery, MergeStore, Store
from dateline.store.postgres import PostgresStore, is_postgres_url, redact_url
from dateline.store.sqlite import DEFAULT_PATH, SQLiteStore

__all__ = ["DEFAULT_PATH", "EventQuery", "MergeStore", "PostgresStore", "SQLiteStore", "Store",
           "describe_location", "is_postgres_url", "open_store", "store_exists"]


def open_store(location: str | Path = DEFAULT_PATH) -> Store:
    """Open the store at ``location``: a ``postgresql://`` (or ``postgres://``) URL, a file path
    (SQLite) or ``:memory:``."""
    if is_postgres_url(location):
        return PostgresStore(str(location))
    return SQLiteStore(location)


def store_exists(location: str | Path) -> bool:
    """Whether there may be a database at ``location`` to read: a SQLite file that exists, or
    any PostgreSQL URL (opening it says whether the server has it)."""
    return is_postgres_url(location) or Path(location).exists()


def describe_location(location: str | Path) -> str:
    """``location`` as messages may show it: a PostgreSQL URL without its password."""
    return redact_url(str(location)) if is_postgres_url(location) else str(location)
