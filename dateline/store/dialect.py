"""What differs between the SQL stores' databases, as data: the statements and operators that
SQLite and PostgreSQL spell differently. Everything else (the tables, the queries, the upserts)
is shared by :class:`dateline.store.sqlbase.SQLStore`, written with ``?`` parameters."""

from __future__ import annotations

from dataclasses import dataclass

# The key of the PostgreSQL advisory lock that serialises writers (as SQLite's BEGIN IMMEDIATE
# does): the first eight bytes of "dateline" as a big-endian integer.
WRITE_LOCK_KEY = int.from_bytes(b"dateline", "big") & 0x7FFF_FFFF_FFFF_FFFF


@dataclass(frozen=True)
class Dialect:
    """``like``: the LIKE operator that ignores case (ASCII). ``equal_nocase``: a comparison of
    ``{column}`` with one parameter, ignoring case (ASCII). ``no_limit``: the LIMIT that means
    no limit. ``begin``: the statements that open a write transaction and wait for any other
    writer to finish."""

    name: str
    like: str
    equal_nocase: str
    no_limit: int | None
    begin: tuple[str, ...]


SQLITE = Dialect(
    name="sqlite",
    like="LIKE",
    equal_nocase="{column} = ? COLLATE NOCASE",
    no_limit=-1,
    begin=("BEGIN IMMEDIATE",),
)
POSTGRES = Dialect(
    name="postgres",
    like="ILIKE",
    equal_nocase="lower({column}) = lower(?)",
    no_limit=None,
    begin=("BEGIN", f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})"),
)
