"""The default store: one SQLite file (``./dateline.db``), readable with any SQLite tool.

Tables are plain (TEXT / INTEGER / REAL, lists and objects as JSON text). The schema lives in
numbered files under ``migrations/`` (``0001_initial.sql``, ...), applied in order on open and
recorded in ``schema_migrations``; a database written by a newer dateline is refused.
The queries are shared with the PostgreSQL store (:mod:`dateline.store.sqlbase`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dateline.errors import StoreError
from dateline.store.dialect import SQLITE
from dateline.store.migrate import MIGRATIONS_DIR, migrate
from dateline.store.sqlbase import EVENT_COLUMNS, LATER_COLUMNS, SQLStore

__all__ = ["DEFAULT_PATH", "EVENT_COLUMNS", "SQLiteStore"]

DEFAULT_PATH = "dateline.db"


class SQLiteStore(SQLStore):
    """A :class:`dateline.store.Store` in one SQLite file (WAL journal, foreign keys on).

    Opening migrates an older database; a database from a newer dateline raises StoreError.
    ``":memory:"`` gives a private in-memory database. ``migrations_dir`` is for tests.
    """

    _dialect = SQLITE
    _errors = (sqlite3.Error,)
    _conn: sqlite3.Connection

    def __init__(
        self, path: str | Path = DEFAULT_PATH, *, migrations_dir: Path = MIGRATIONS_DIR
    ) -> None:
        self.path = str(path)
        self._label = repr(self.path)
        self.schema_version = 0
        self._migrations_dir = migrations_dir
        self._fields = False  # the evidence table has the fields column (0003)
        self._method = False  # and the method column (0004)
        try:
            self._conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open the database {self.path!r}: {exc}",
                hint="check that the directory exists and is writable",
            ) from exc
        try:
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self.schema_version = migrate(self._conn, self._migrations_dir, self._label)
            columns = {row[1] for row in self._conn.execute("PRAGMA table_info(events)")}
            self._later = tuple(c for c in LATER_COLUMNS if c in columns)
            self._source_id = any(row[1] == "source_id" for row in self._conn.execute(
                "PRAGMA table_info(articles)"))
            evidence = {row[1] for row in self._conn.execute("PRAGMA table_info(evidence)")}
            self._fields, self._method = "fields" in evidence, "method" in evidence
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(
                f"{self.path!r} cannot be used as a dateline database: {exc}",
                hint="give --db a new file name, or the path of a dateline database",
            ) from exc
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"

    def _error(self, action: str, exc: Exception) -> StoreError:
        hint = "another process may hold the database; retry, or check disk space and permissions"
        if isinstance(exc, sqlite3.ProgrammingError):
            hint = "the store is closed; open a new SQLiteStore"
        return StoreError(f"cannot {action} in {self.path!r}: {exc}", hint=hint)
