"""What the SQL stores share: tables, queries, upserts and transactions, written once with ``?``
parameters. :class:`dateline.store.sqlite.SQLiteStore` and
:class:`dateline.store.postgres.PostgresStore` add how to connect and what their database
spells differently (:mod:`dateline.store.dialect`).

Tables are plain (text, integer and real columns, lists and objects as JSON text). The schema
lives in numbered migrations (``migrations/``, ``migrations/postgres/``), applied in order on
open and recorded in ``schema_migrations``; a database written by a newer dateline is refused.
Every statement is parameterised; every write of one Document is one transaction.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from dateline.errors import NotFoundError, StoreError
from dateline.model import Document, Event, Evidence, Outcome, evidence_fields, to_dict
from dateline.store.base import EventQuery
from dateline.store.dialect import SQLITE, Dialect
from dateline.store.filters import like_escape, order_clause, tally_columns, where_clause
from dateline.store.migrate import Connection
from dateline.store.sql_merge import MergeTables

# The scalar Event fields, each a column of `events` (evidence and article_ids are stored apart).
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2", "interaction",
    "civilian_targeting", "country", "iso3", "admin1", "admin2", "location", "latitude",
    "longitude", "geo_precision", "geonames_id", "source", "notes", "fatalities", "injured",
    "displaced", "confidence", "fatalities_low", "fatalities_best", "fatalities_high",
    "date_basis", "source_ids", "source_urls",
)
# Added by 0002_merge.sql; written apart, so that a store opened on the first schema still works.
RANGE_COLUMNS: tuple[str, ...] = ("fatalities_low", "fatalities_best", "fatalities_high")
# Every column added after the first schema (0002's ranges, 0005's date_basis): written apart,
# those the database has (``_later``).
LATER_COLUMNS: tuple[str, ...] = (*RANGE_COLUMNS, "date_basis", "source_ids", "source_urls")
LIST_COLUMNS = frozenset({"source_ids", "source_urls"})  # JSON lists, unioned with the stored
_EVENT_INSERT_COLUMNS = (
    *(name for name in EVENT_COLUMNS if name not in LATER_COLUMNS),
    "article_ids", "sources_count", "created_at", "updated_at",
)
_EVENT_UPSERT_SQL = (
    f"INSERT INTO events ({', '.join(_EVENT_INSERT_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _EVENT_INSERT_COLUMNS)}) "
    "ON CONFLICT(event_id) DO UPDATE SET "
    + ", ".join(
        f"{name} = excluded.{name}"
        for name in _EVENT_INSERT_COLUMNS
        if name not in ("event_id", "created_at")
    )
)

# Document field -> annotations.kind
ANNOTATION_KINDS: dict[str, str] = {
    "entities": "entity", "places": "place", "times": "time", "quotes": "quote",
    "quantities": "quantity", "edits": "edit", "watch": "watch",
}
_ARTICLE_COLUMNS = (
    "id", "origin", "kind", "url", "title", "published", "outlet", "agency", "language",
    "dateline_place", "raw_text", "clean_text", "captions", "flags", "first_seen", "last_seen",
    "run_id",
)
_ARTICLE_UPSERT_SQL = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) "
    f"VALUES ({', '.join('?' for _ in _ARTICLE_COLUMNS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(
        f"{name} = excluded.{name}" for name in _ARTICLE_COLUMNS if name not in ("id", "first_seen")
    )
)
_SQL_CHUNK = 500  # ids per `IN (...)`, well under SQLite's and PostgreSQL's limits


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _union(*groups: Iterable[str]) -> tuple[str, ...]:
    """Ids of every group, first occurrence first, empty ids dropped."""
    return tuple(dict.fromkeys(item for group in groups for item in group if item))


class SQLStore(MergeTables):
    """A :class:`dateline.store.Store` over a SQL database (the protocol's methods, shared).

    A backend sets ``_conn`` (a connection in autocommit mode), ``_label`` (how messages name
    the database), ``_later`` (the columns added after the first schema that the events table
    has, :data:`LATER_COLUMNS`), ``_fields`` (the evidence table has the ``fields`` column,
    0003), and implements :meth:`_error`; ``_dialect`` says what its SQL spells differently.
    """

    _dialect: Dialect = SQLITE
    _errors: tuple[type[Exception], ...] = ()
    _conn: Connection
    _label: str
    _later: tuple[str, ...] = ()  # the LATER_COLUMNS the events table has
    _source_id: bool = False  # the articles table has the source_id column (0006)
    _fields: bool = True
    _method: bool = True  # the evidence table has the ``method`` column (0004)
    schema_version: int

    # -- lifecycle --------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self, action: str) -> Iterator[Connection]:
        """One write transaction (other writers wait); any database failure rolls back and
        becomes a StoreError."""
        try:
            for statement in self._dialect.begin:
                self._conn.execute(statement)
        except self._errors as exc:
            raise self._error(action, exc) from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, self._errors):
                raise self._error(action, exc) from exc
            raise

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """The rows of one query; each row is indexed by position or by column name."""
        try:
            return list(self._conn.execute(sql, params).fetchall())
        except self._errors as exc:
            raise self._error("read", exc) from exc

    def _error(self, action: str, exc: Exception) -> StoreError:
        """The StoreError, with a hint, for a database failure while doing ``action``."""
        raise NotImplementedError

    # -- articles ---------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def save_document(self, doc: Document, run_id: str | None = None) -> bool:
        """Store an article with its annotations, events and evidence in one transaction.

        Returns True if the article was new. Saving the same Document again leaves the same
        rows: the article is updated (``first_seen`` kept), its annotations replaced, its
        events upserted. Each event gets ``doc.id`` among its article ids.
        """
        now = _now()
        with self._transaction(f"save article {doc.id}") as conn:
            is_new = conn.execute("SELECT 1 FROM articles WHERE id = ?", (doc.id,)).fetchone()
            conn.execute(_ARTICLE_UPSERT_SQL, self._article_row(doc, run_id, now))
            if self._source_id:
                conn.execute("UPDATE articles SET source_id = ? WHERE id = ?",
                             (doc.source_id, doc.id))
            conn.execute("DELETE FROM annotations WHERE article_id = ?", (doc.id,))
            created: dict[str, str] = {}
            if is_new is not None:  # events withdrawn and coded again keep their creation time
                created = dict(conn.execute(
                    "SELECT event_id, created_at FROM events WHERE article_ids LIKE ? ESCAPE '\\'",
                    (f'%"{like_escape(doc.id)}"%',)).fetchall())
                self._forget_article_events(conn, doc.id)
            conn.executemany(
                'INSERT INTO annotations (article_id, kind, "start", "end", text, data) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                self._annotation_rows(doc),
            )
            for event in doc.events:
                self._upsert_event(conn, event, (doc.id,), now)
                if event.event_id in created:
                    conn.execute("UPDATE events SET created_at = ? WHERE event_id = ?",
                                 (created[event.event_id], event.event_id))
        return is_new is None

    @staticmethod
    def _forget_article_events(conn: Connection, article_id: str) -> None:
        """Withdraw what an article said before it is saved again (re-processing with a newer
        pipeline): its evidence goes, and an event no other article supports goes with it."""
        conn.execute("DELETE FROM evidence WHERE article_id = ?", (article_id,))
        rows = conn.execute(
            "SELECT event_id, article_ids FROM events WHERE article_ids LIKE ? ESCAPE '\\'",
            (f'%"{like_escape(article_id)}"%',),
        ).fetchall()
        for event_id, ids_json in rows:
            remaining = [i for i in json.loads(ids_json) if i != article_id]
            if remaining:
                conn.execute(
                    "UPDATE events SET article_ids = ?, sources_count = ? WHERE event_id = ?",
                    (json.dumps(remaining), len(remaining), event_id),
                )
            else:
                conn.execute("DELETE FROM evidence WHERE event_id = ?", (event_id,))
                conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))

    @staticmethod
    def _article_row(doc: Document, run_id: str | None, now: str) -> tuple[Any, ...]:
        return (
            doc.id, doc.origin, doc.kind, doc.url, doc.title, doc.published, doc.outlet,
            doc.agency, doc.language, doc.dateline_place, doc.raw_text, doc.clean_text,
            json.dumps(list(doc.captions), ensure_ascii=False),
            json.dumps(list(doc.flags), ensure_ascii=False), now, now, run_id,
        )

    @staticmethod
    def _annotation_rows(doc: Document) -> Iterator[tuple[Any, ...]]:
        for field_name, kind in ANNOTATION_KINDS.items():
            for record in getattr(doc, field_name):
                text = record.after if kind == "edit" else record.text
                data = json.dumps(to_dict(record), ensure_ascii=False)
                yield (doc.id, kind, record.start, record.end, text, data)

    def article(self, article_id: str) -> dict[str, Any]:
        """A stored article as a dict shaped like ``dateline show --json``: its columns, the
        annotations by Document field name (``entities``, ``places``, ...), and ``events``."""
        rows = self._read("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise NotFoundError(
                f"no article {article_id!r} in {self._label}",
                hint="article ids are content hashes; see `dateline show INPUT --json`",
            )
        result = dict(rows[0])
        result["captions"] = json.loads(result["captions"])
        result["flags"] = json.loads(result["flags"])
        for field_name in ANNOTATION_KINDS:
            result[field_name] = []
        kind_to_field = {kind: name for name, kind in ANNOTATION_KINDS.items()}
        for row in self._read(
            "SELECT kind, data FROM annotations WHERE article_id = ? ORDER BY rowid", (article_id,)
        ):
            result[kind_to_field[row["kind"]]].append(json.loads(row["data"]))
        result["events"] = [to_dict(e) for e in self.events(EventQuery(article_id=article_id))]
        return result

    # -- events -----------------------------------------------------------------------------

    def save_events(self, events: Iterable[Event]) -> int:
        """Upsert events (e.g. cross-article merges) in one transaction; returns how many."""
        now = _now()
        saved = 0
        with self._transaction("save events") as conn:
            for event in events:
                self._upsert_event(conn, event, (), now)
                saved += 1
        return saved

    def _upsert_event(self, conn: Connection, event: Event, extra_ids: tuple[str, ...],
                      now: str) -> None:
        """Insert or update one event; evidence and article ids are unioned with what is
        stored (the fields of a span stored before with those of the same span now), and
        ``sources_count`` is the number of article ids."""
        row = conn.execute(
            "SELECT article_ids FROM events WHERE event_id = ?", (event.event_id,)
        ).fetchone()
        stored: list[str] = json.loads(row[0]) if row else []
        article_ids = _union(
            stored, event.article_ids, (e.article_id for e in event.evidence), extra_ids
        )
        sources = len(article_ids) if article_ids else event.sources_count
        values = [getattr(event, name) for name in EVENT_COLUMNS if name not in LATER_COLUMNS]
        values += [json.dumps(list(article_ids), ensure_ascii=False), sources, now, now]
        conn.execute(_EVENT_UPSERT_SQL, values)
        if self._later:
            lists = [n for n in self._later if n in LIST_COLUMNS]
            known = conn.execute(f"SELECT {', '.join(lists)} FROM events WHERE event_id = ?",
                                 (event.event_id,)).fetchone() if lists else None
            values = [json.dumps(_union(json.loads(known[lists.index(n)] or "[]")
                                        if known else [], getattr(event, n)), ensure_ascii=False)
                      if n in LIST_COLUMNS else getattr(event, n) for n in self._later]
            conn.execute(f"UPDATE events SET {', '.join(f'{n} = ?' for n in self._later)} "
                         "WHERE event_id = ?", [*values, event.event_id])
        if not self._fields:
            conn.executemany(
                'INSERT INTO evidence (event_id, article_id, "start", "end", text) '
                'VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id, article_id, "start", "end") '
                "DO UPDATE SET text = excluded.text",
                [(event.event_id, e.article_id, e.start, e.end, e.text) for e in event.evidence],
            )
            return
        known = {(r[0], r[1], r[2]): json.loads(r[3]) for r in conn.execute(
            'SELECT article_id, "start", "end", fields FROM evidence WHERE event_id = ?',
            (event.event_id,)).fetchall()}
        if self._method:
            conn.executemany(
                'INSERT INTO evidence (event_id, article_id, "start", "end", text, fields, method) '
                'VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, article_id, "start", "end") '
                "DO UPDATE SET text = excluded.text, fields = excluded.fields, "
                "method = CASE WHEN excluded.method = '' THEN evidence.method "
                "ELSE excluded.method END",
                [(event.event_id, e.article_id, e.start, e.end, e.text,
                  json.dumps(list(evidence_fields(known.get(e.key, ()), e.fields))), e.method)
                 for e in event.evidence],
            )
            return
        conn.executemany(
            'INSERT INTO evidence (event_id, article_id, "start", "end", text, fields) '
            'VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id, article_id, "start", "end") '
            "DO UPDATE SET text = excluded.text, fields = excluded.fields",
            [(event.event_id, e.article_id, e.start, e.end, e.text,
              json.dumps(list(evidence_fields(known.get(e.key, ()), e.fields))))
             for e in event.evidence],
        )

    def events(self, query: EventQuery | None = None) -> list[Event]:
        """Stored events matching ``query`` (all if None), with their evidence, by event_date
        then event_id."""
        query = query or EventQuery()
        where, params = where_clause(query, self._dialect)
        sql = f"SELECT * FROM events{where}{order_clause(query)}"
        if query.limit is not None or query.offset:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit if query.limit is not None else self._dialect.no_limit,
                       query.offset]
        rows = self._read(sql, params)
        evidence = self._evidence([row["event_id"] for row in rows])
        return [_event_from_row(row, evidence.get(row["event_id"], ())) for row in rows]

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many stored events match ``query`` (its ``limit`` and ``offset`` ignored)."""
        where, params = where_clause(query or EventQuery(), self._dialect)
        return int(self._read(f"SELECT COUNT(*) FROM events{where}", params)[0][0])

    def tally(self, keys: tuple[str, ...], query: EventQuery | None = None
              ) -> list[dict[str, Any]]:
        """Events matching ``query`` counted by ``keys`` (columns from ``TALLY_KEYS``): one
        dict per group with the keys, ``count`` and the sum of ``fatalities``, in key order."""
        columns = tally_columns(keys)
        where, params = where_clause(query or EventQuery(), self._dialect)
        rows = self._read(
            f"SELECT {columns}, COUNT(*) AS count, "
            "CAST(COALESCE(SUM(fatalities), 0) AS BIGINT) AS fatalities "
            f"FROM events{where} GROUP BY {columns} ORDER BY {columns}", params)
        return [dict(row) for row in rows]

    def get_event(self, event_id: str) -> Event:
        rows = self._read("SELECT * FROM events WHERE event_id = ?", (event_id,))
        if not rows:
            raise NotFoundError(
                f"no event {event_id!r} in {self._label}",
                hint="list stored events with `dateline events --db PATH`",
            )
        return _event_from_row(rows[0], self._evidence([event_id]).get(event_id, ()))

    def _evidence(self, event_ids: list[str]) -> dict[str, list[Evidence]]:
        found: dict[str, list[Evidence]] = {}
        for i in range(0, len(event_ids), _SQL_CHUNK):
            chunk = event_ids[i : i + _SQL_CHUNK]
            marks = ", ".join("?" for _ in chunk)
            fields = (", fields" if self._fields else "") + (", method" if self._method else "")
            for row in self._read(
                f'SELECT event_id, article_id, "start", "end", text{fields} FROM evidence '
                f"WHERE event_id IN ({marks}) ORDER BY rowid",
                chunk,
            ):
                found.setdefault(row["event_id"], []).append(Evidence(
                    row["article_id"], row["start"], row["end"], row["text"],
                    tuple(json.loads(row["fields"])) if self._fields else (),
                    row["method"] if self._method else "",
                ))
        return found

    # -- runs and outcomes ------------------------------------------------------------------

    def start_run(self, command: str, inputs: list[str]) -> str:
        """Record the start of a run; returns its id (sortable: UTC time, then random)."""
        run_id = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
        with self._transaction("start a run") as conn:
            conn.execute(
                "INSERT INTO runs (run_id, started_at, command, inputs) VALUES (?, ?, ?, ?)",
                (run_id, _now(), command, json.dumps(list(inputs), ensure_ascii=False)),
            )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, int]) -> None:
        """Record the end of a run with its counts (processed / skipped / quarantined / failed)."""
        with self._transaction(f"finish run {run_id}") as conn:
            cursor = conn.execute(
                "UPDATE runs SET finished_at = ?, counts = ? WHERE run_id = ?",
                (_now(), json.dumps(dict(counts), sort_keys=True), run_id),
            )
            if cursor.rowcount == 0:
                raise self._no_run(run_id)

    def save_outcome(self, run_id: str, outcome: Outcome) -> None:
        """Record what happened to one input; the stored article (if any) gets its outcome."""
        with self._transaction(f"save an outcome for {outcome.origin}") as conn:
            if not conn.execute("SELECT 1 FROM runs WHERE run_id = ?", (run_id,)).fetchone():
                raise self._no_run(run_id)
            conn.execute(
                "INSERT INTO outcomes (run_id, origin, status, reason, article_id, events) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, outcome.origin, outcome.status, outcome.reason, outcome.article_id,
                 outcome.events),
            )
            if outcome.article_id:
                conn.execute(
                    "UPDATE articles SET outcome = ?, reason = ? WHERE id = ?",
                    (outcome.status, outcome.reason, outcome.article_id),
                )

    def run(self, run_id: str) -> dict[str, Any]:
        """A run record with ``inputs`` and ``counts`` decoded and its ``outcomes`` listed."""
        rows = self._read("SELECT * FROM runs WHERE run_id = ?", (run_id,))
        if not rows:
            raise self._no_run(run_id)
        result = dict(rows[0])
        result["inputs"] = json.loads(result["inputs"])
        result["counts"] = json.loads(result["counts"])
        result["outcomes"] = [
            dict(row)
            for row in self._read(
                "SELECT origin, status, reason, article_id, events FROM outcomes "
                "WHERE run_id = ? ORDER BY rowid",
                (run_id,),
            )
        ]
        return result

    def _no_run(self, run_id: str) -> StoreError:
        return NotFoundError(
            f"no run {run_id!r} in {self._label}", hint="start one with start_run() first"
        )

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, annotations, events, evidence, runs, outcomes."""
        row = self._read(
            "SELECT (SELECT COUNT(*) FROM articles) AS articles, "
            "(SELECT COUNT(*) FROM annotations) AS annotations, "
            "(SELECT COUNT(*) FROM events) AS events, "
            "(SELECT COUNT(*) FROM evidence) AS evidence, "
            "(SELECT COUNT(*) FROM runs) AS runs, "
            "(SELECT COUNT(*) FROM outcomes) AS outcomes"
        )[0]
        return {key: int(value) for key, value in dict(row).items()}


def _event_from_row(row: Any, evidence: Iterable[Evidence]) -> Event:
    present = row.keys()
    values = {name: row[name] for name in EVENT_COLUMNS if name in present}
    for name in LIST_COLUMNS & set(values):
        values[name] = tuple(json.loads(values[name] or "[]"))
    return Event(
        **values,
        evidence=tuple(evidence),
        article_ids=tuple(json.loads(row["article_ids"])),
        sources_count=row["sources_count"],
    )
