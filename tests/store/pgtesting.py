"""What the PostgreSQL store tests share: the server they run against and a fresh schema.

The tests run only when ``DATELINE_TEST_POSTGRES`` holds the URL of a database they may write
to (``postgresql://user:password@localhost/dateline_test``) and psycopg is installed
(``pip install 'dateline[postgres]'``); otherwise each module skips, saying why. They work in
their own schema, ``dateline_test``, dropped and created again for every test: the database's
other schemas are never touched.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

ENV = "DATELINE_TEST_POSTGRES"
SCHEMA = "dateline_test"


def server_url() -> str:
    """The server's URL, or skip the calling module with the reason."""
    url = os.environ.get(ENV, "")
    if not url:
        pytest.skip(f"{ENV} is unset: set it to the URL of a scratch PostgreSQL database "
                    "(postgresql://user:password@host/dbname) to run the PostgreSQL store tests",
                    allow_module_level=True)
    pytest.importorskip("psycopg", reason="psycopg is not installed: "
                        "pip install 'dateline[postgres]' to run the PostgreSQL store tests")
    return url


def schema_url(url: str) -> str:
    """``url`` with the test schema first on the search path."""
    option = quote(f"-csearch_path={SCHEMA}", safe="")
    return f"{url}{'&' if '?' in url else '?'}options={option}"


def reset_schema(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        conn.execute(f"CREATE SCHEMA {SCHEMA}")


def query(url: str, sql: str) -> list[dict[str, Any]]:
    """Rows of ``sql`` run in the test schema, as dicts."""
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(schema_url(url), autocommit=True, row_factory=dict_row) as conn:
        return list(conn.execute(sql).fetchall())


def fresh_store(url: str) -> Iterator[Any]:
    """A PostgresStore on an empty test schema (a fixture body)."""
    from dateline.store import PostgresStore

    reset_schema(url)
    with PostgresStore(schema_url(url)) as store:
        yield store
