"""Choosing the PostgreSQL store without a server: URLs, passwords kept out of messages, and a
clear error where psycopg is not installed (the default install has SQLite only)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from dateline.cli.main import cli
from dateline.errors import StoreError
from dateline.store import describe_location, is_postgres_url, open_store, store_exists
from dateline.store.postgres import redact_url


@pytest.mark.parametrize(("location", "expected"), [
    ("postgresql://u:p@h/db", True), ("postgres://h/db", True), ("dateline.db", False),
    (":memory:", False), ("data/postgresql.db", False),
])
def test_postgres_urls_are_recognised(location: str, expected: bool) -> None:
    assert is_postgres_url(location) is expected


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://ana:s3cret@db.example.org:5432/events",
     "postgresql://ana:***@db.example.org:5432/events"),
    ("postgresql://ana@db/events", "postgresql://ana@db/events"),
    ("postgres://db/events?sslmode=require&password=s3cret",
     "postgres://db/events?sslmode=require&password=***"),
    ("postgresql://ana:p%40ss@db/events", "postgresql://ana:***@db/events"),
])
def test_passwords_are_redacted(url: str, shown: str) -> None:
    assert redact_url(url) == shown == describe_location(url)


def test_a_url_is_not_a_missing_file() -> None:
    assert store_exists("postgresql://u@h/db")
    assert not store_exists("no/such/file.db")


def test_the_default_install_does_not_import_psycopg() -> None:
    code = ("import sys, dateline.store; "
            "sys.exit(1 if 'psycopg' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_without_psycopg_opening_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError
    with pytest.raises(StoreError, match="psycopg") as info:
        open_store("postgresql://ana:s3cret@localhost/events")
    assert "pip install 'dateline[postgres]'" in str(info.value)
    result = CliRunner().invoke(cli, ["events", "--db", "postgresql://ana:s3cret@localhost/x"])
    assert result.exit_code == 3
    assert "dateline[postgres]" in result.output and "s3cret" not in result.output
