"""The store for a shared server: a PostgreSQL database, given as a URL
(``postgresql://user:password@host:5432/dbname``; ``postgres://`` too).

The tables, queries and upserts are the SQLite store's (:mod:`dateline.store.sqlbase`); the
schema is the same, numbered and recorded, under ``migrations/postgres/``. Writers take one
advisory lock per transaction, so they follow one another as SQLite's do; readers never wait.
psycopg 3 is imported only here, when a PostgreSQL store is opened:
``pip install 'dateline[postgres]'`` installs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from dateline.errors import StoreError
from dateline.store.dialect import POSTGRES
from dateline.store.migrate import POSTGRES_MIGRATIONS_DIR, migrate
from dateline.store.sqlbase import LATER_COLUMNS, SQLStore

if TYPE_CHECKING:
    import psycopg

__all__ = ["PostgresStore", "is_postgres_url", "redact_url"]

URL_SCHEMES = ("postgresql://", "postgres://")
_PASSWORD_PARAM = re.compile(r"(password=)[^&]*", re.IGNORECASE)


def is_postgres_url(location: object) -> bool:
    """Whether ``location`` (a ``--db`` value) names a PostgreSQL database."""
    return str(location).startswith(URL_SCHEMES)


def redact_url(url: str) -> str:
    """``url`` with its password (in the address or as a parameter) replaced by ``***``."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostinfo = netloc.rpartition("@")
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":***"
        netloc = f"{userinfo}@{hostinfo}"
    query = _PASSWORD_PARAM.sub(r"\1***", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


class Row:
    """A row indexed by position or by column name, like ``sqlite3.Row``."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = tuple(values)
        self._index = index

    def __getitem__(self, key: int | str) -> Any:
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    index = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


def _postgres_sql(sql: str) -> str:
    """The shared SQL (``?`` parameters) as psycopg takes it (``%s``; a literal ``%`` doubled).
    The shared SQL has no ``?`` or ``%`` outside its parameters."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresConnection:
    """A psycopg connection (autocommit) with the ``sqlite3.Connection`` methods the stores
    use: ``execute`` and ``executemany`` with ``?`` parameters, and ``in_transaction``."""

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.raw = conn

    @property
    def in_transaction(self) -> bool:
        import psycopg

        status = self.raw.info.transaction_status
        return status not in (psycopg.pq.TransactionStatus.IDLE,
                              psycopg.pq.TransactionStatus.UNKNOWN)

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        return self.raw.execute(_postgres_sql(sql), tuple(parameters))

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any:
        rows = [tuple(row) for row in parameters]
        cursor = self.raw.cursor()
        if rows:
            cursor.executemany(_postgres_sql(sql), rows)
        return cursor

    def close(self) -> None:
        self.raw.close()


def _import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(
            "the PostgreSQL store needs psycopg 3, which is not installed",
            hint="pip install 'dateline[postgres]' (or pip install 'psycopg[binary]')",
        ) from exc
    return psycopg


class PostgresStore(SQLStore):
    """A :class:`dateline.store.Store` in a PostgreSQL database, shared by every process and
    machine that opens the same URL. Opening migrates an older schema; a schema from a newer
    dateline raises StoreError. ``migrations_dir`` is for tests."""

    _dialect = POSTGRES

    def __init__(self, url: str, *, migrations_dir: Path = POSTGRES_MIGRATIONS_DIR,
                 connect_timeout: int = 10) -> None:
        psycopg = _import_psycopg()
        self._errors = (psycopg.Error,)
        self.url = url
        self._label = redact_url(url)
        self.schema_version = 0
        self._fields = False
        self._method = False
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                  connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to the PostgreSQL database {self._label}: {exc}".strip(),
                hint="check the URL (postgresql://user:password@host:port/dbname), that the "
                     "server runs and accepts connections from here, and the user's password",
            ) from exc
        self._conn = PostgresConnection(raw)
        try:
            self.schema_version = migrate(self._conn, migrations_dir, self._label, POSTGRES.begin)
            columns = {(row["table_name"], row["column_name"]) for row in self._conn.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() "
                "AND table_name IN ('events', 'evidence', 'articles')").fetchall()}
            self._later = tuple(c for c in LATER_COLUMNS if ("events", c) in columns)
            self._source_id = ("articles", "source_id") in columns
            self._fields = ("evidence", "fields") in columns
            self._method = ("evidence", "method") in columns
        except psycopg.Error as exc:
            raw.close()
            raise StoreError(
                f"the PostgreSQL database {self._label} cannot be used for dateline: {exc}",
                hint="give the dateline user the right to create tables in the database, or "
                     "give --db the URL of another database",
            ) from exc
        except BaseException:
            raw.close()
            raise

    def __repr__(self) -> str:
        return f"PostgresStore({self._label!r})"

    def _error(self, action: str, exc: Exception) -> StoreError:
        hint = "check that the server is up and reachable, then retry"
        if isinstance(self._conn, PostgresConnection) and self._conn.raw.closed:
            hint = "the store is closed (or the server closed it); open a new PostgresStore"
        return StoreError(f"cannot {action} in {self._label}: {exc}", hint=hint)
