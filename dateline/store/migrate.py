"""Numbered schema migrations, for every SQL store.

``migrations/NNNN_name.sql`` (SQLite) and ``migrations/postgres/NNNN_name.sql`` (PostgreSQL)
are applied in order, each in its own transaction, and recorded in
``schema_migrations (version, name, applied_at)``. A database whose version is newer than the
newest file here was written by a newer dateline and is refused.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from dateline.errors import StoreError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
POSTGRES_MIGRATIONS_DIR = MIGRATIONS_DIR / "postgres"


class Connection(Protocol):
    """What the stores need of a connection in autocommit mode (``sqlite3.Connection`` is one;
    :class:`dateline.store.postgres.PostgresConnection` another). Statements use ``?``."""

    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...

    def close(self) -> None: ...
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, str, str]]:
    """The numbered migrations as ``(version, file name, SQL)``, in order."""
    found: list[tuple[int, str, str]] = []
    for path in sorted(directory.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if match is None:
            raise StoreError(
                f"migration file {path.name!r} is not named NNNN_name.sql",
                hint="rename it, e.g. 0002_add_column.sql",
            )
        found.append((int(match.group(1)), path.name, path.read_text(encoding="utf-8")))
    versions = [version for version, _, _ in found]
    if len(set(versions)) != len(versions):
        raise StoreError(f"two migrations share a number in {directory}", hint="renumber one")
    return found


def split_statements(sql: str) -> list[str]:
    """Split a migration script into complete statements (triggers included)."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip().rstrip(";").strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in pending.splitlines()
    ):
        raise StoreError("a migration ends with an incomplete statement", hint="add the final ';'")
    return statements


def applied_version(conn: Connection) -> int:
    """The newest migration recorded in the database (0 for a new one)."""
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: Connection, directory: Path, label: str,
            begin: Sequence[str] = ("BEGIN IMMEDIATE",)) -> int:
    """Bring the database on ``conn`` (autocommit mode) up to the newest migration in
    ``directory``; returns its version. ``label`` names the database in errors; ``begin``
    starts a write transaction that excludes other writers."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    known = migrations(directory)
    latest = known[-1][0] if known else 0
    current = applied_version(conn)
    if current > latest:
        raise StoreError(
            f"the database {label} has schema version {current}, newer than this dateline "
            f"knows ({latest})",
            hint="upgrade dateline (pip install -U dateline) to open it",
        )
    for version, name, sql in known:
        if version > current:
            _apply(conn, begin, version, name, sql)
    return applied_version(conn)


def _apply(conn: Connection, begin: Sequence[str], version: int, name: str, sql: str) -> None:
    """Apply one migration in one transaction, unless another process just did."""
    for statement in begin:
        conn.execute(statement)
    try:
        done = conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,))
        if done.fetchone() is None:
            for statement in split_statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
