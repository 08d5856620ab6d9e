"""The tables behind cross-article merging, story threads and the briefing (0002_merge.sql).

A mixin of :class:`dateline.store.sqlbase.SQLStore` (so of the SQLite and PostgreSQL stores),
in SQL both databases accept: it reads and writes through the store's transaction and read
helpers, so every failure is a StoreError and every write is one
transaction. The decisions (what is a duplicate, which events are the same) are made in
:mod:`dateline.merge`; this module only keeps them.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from dateline.model import (
    ArticleRef,
    ArticleSignature,
    Event,
    EventReport,
    Watch,
    event_from_dict,
    to_dict,
)

if TYPE_CHECKING:
    from dateline.store.migrate import Connection

_CHUNK = 500  # ids per `IN (...)`


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _marks(items: Sequence[Any]) -> str:
    return ", ".join("?" for _ in items)


def _report(row: Any) -> EventReport:
    return EventReport(row["article_id"], event_from_dict(json.loads(row["data"])),
                       row["event_id"])


class MergeTables:
    """Near-duplicate signatures, event reports, story links and the briefing's reads."""

    if TYPE_CHECKING:
        def _transaction(self, action: str) -> AbstractContextManager[Connection]: ...

        def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]: ...

        def _upsert_event(self, conn: Connection, event: Event, extra_ids: tuple[str, ...],
                          now: str) -> None: ...

    # -- near-duplicate articles ------------------------------------------------------------

    def near_duplicate_candidates(self, bands: Sequence[str], article_id: str
                                  ) -> list[ArticleSignature]:
        """Stored articles sharing at least one LSH band with ``bands`` (``article_id`` left
        out), with their signatures, oldest first."""
        found: dict[str, ArticleSignature] = {}
        for chunk in _chunks(list(bands)):
            rows = self._read(
                "SELECT s.article_id, s.shingles, s.signature, d.original_id "
                "FROM article_signatures s LEFT JOIN article_duplicates d "
                "ON d.article_id = s.article_id "
                f"WHERE s.article_id IN (SELECT article_id FROM article_bands "
                f"WHERE band_key IN ({_marks(chunk)})) AND s.article_id != ? "
                "ORDER BY s.merged_at, s.article_id",
                [*chunk, article_id],
            )
            for row in rows:
                found[row["article_id"]] = ArticleSignature(
                    row["article_id"], row["shingles"], bytes(row["signature"]),
                    original_id=row["original_id"])
        return list(found.values())

    def is_merged(self, article_id: str) -> bool:
        """Whether the article went through merging (it has a signature row)."""
        return bool(self._read("SELECT 1 FROM article_signatures WHERE article_id = ?",
                               (article_id,)))

    def unmerged_articles(self) -> list[str]:
        """Stored, processed articles that never went through merging (a database written
        before merging existed, or a run stopped between storing and merging)."""
        rows = self._read(
            "SELECT id FROM articles WHERE outcome = 'processed' AND id NOT IN "
            "(SELECT article_id FROM article_signatures) ORDER BY first_seen, id")
        return [row["id"] for row in rows]

    def original_of(self, article_id: str) -> str | None:
        rows = self._read("SELECT original_id FROM article_duplicates WHERE article_id = ?",
                          (article_id,))
        return rows[0]["original_id"] if rows else None

    # -- event reports and merged events ----------------------------------------------------

    def article_reports(self, article_id: str) -> list[EventReport]:
        rows = self._read("SELECT * FROM event_reports WHERE article_id = ? ORDER BY report_id",
                          (article_id,))
        return [_report(row) for row in rows]

    def reports_near(self, date_from: str, date_to: str, country: str) -> list[EventReport]:
        """Reports that joined an event, dated within [date_from, date_to], in ``country``
        (or without a country; any country when ``country`` is empty)."""
        rows = self._read(
            "SELECT * FROM event_reports WHERE event_id IS NOT NULL "
            "AND event_date BETWEEN ? AND ? AND (? = '' OR country = ? OR country = '') "
            "ORDER BY report_id",
            (date_from, date_to, country, country),
        )
        return [_report(row) for row in rows]

    def cluster_reports(self, event_ids: Iterable[str]) -> dict[str, list[EventReport]]:
        """The reports that make up each merged event."""
        found: dict[str, list[EventReport]] = {}
        for chunk in _chunks(sorted(set(event_ids))):
            for row in self._read(
                f"SELECT * FROM event_reports WHERE event_id IN ({_marks(chunk)}) "
                "ORDER BY report_id", chunk,
            ):
                found.setdefault(row["event_id"], []).append(_report(row))
        return found

    def apply_merge(self, signature: ArticleSignature, reports: Sequence[EventReport],
                    merged: Sequence[Event], retired: Sequence[str]) -> None:
        """Record one article's merge in one transaction: its signature and duplicate link,
        its reports (replacing what it said before), the events that no longer stand alone
        (``retired``: absorbed into another or left without a report) and the merged events,
        rewritten whole (evidence and article ids are those of their reports)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction(f"merge article {signature.article_id}") as conn:
            self._write_signature(conn, signature, now)
            conn.execute("DELETE FROM event_reports WHERE article_id = ?",
                         (signature.article_id,))
            conn.executemany(
                "INSERT INTO event_reports "
                "(report_id, article_id, event_id, event_date, country, data) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(report_id) DO UPDATE SET "
                "article_id = excluded.article_id, event_id = excluded.event_id, "
                "event_date = excluded.event_date, country = excluded.country, "
                "data = excluded.data",
                [(r.report_id, r.article_id, r.event_id, r.event.event_date, r.event.country,
                  json.dumps(to_dict(r.event), ensure_ascii=False)) for r in reports],
            )
            for event_id in retired:
                conn.execute("DELETE FROM events WHERE event_id = ?", (event_id,))
            conn.execute(  # a story left with one event is no longer a story
                "DELETE FROM story_events WHERE story_id IN (SELECT story_id FROM story_events "
                "GROUP BY story_id HAVING COUNT(*) < 2)")
            for event in merged:
                conn.execute("DELETE FROM evidence WHERE event_id = ?", (event.event_id,))
                conn.execute("UPDATE events SET article_ids = '[]' WHERE event_id = ?",
                             (event.event_id,))
                self._upsert_event(conn, event, (), now)

    @staticmethod
    def _write_signature(conn: Connection, sig: ArticleSignature, now: str) -> None:
        conn.execute(
            "INSERT INTO article_signatures (article_id, shingles, signature, merged_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT(article_id) DO UPDATE SET "
            "shingles = excluded.shingles, signature = excluded.signature",
            (sig.article_id, sig.shingles, sig.signature, now),
        )
        conn.execute("DELETE FROM article_bands WHERE article_id = ?", (sig.article_id,))
        conn.executemany("INSERT INTO article_bands (band_key, article_id) VALUES (?, ?) "
                         "ON CONFLICT DO NOTHING", [(band, sig.article_id) for band in sig.bands])
        conn.execute("DELETE FROM article_duplicates WHERE article_id = ?", (sig.article_id,))
        if sig.original_id:
            conn.execute("INSERT INTO article_duplicates (article_id, original_id, similarity) "
                         "VALUES (?, ?, ?)", (sig.article_id, sig.original_id, sig.similarity))

    # -- story threads ----------------------------------------------------------------------

    def stories_of(self, event_ids: Iterable[str]) -> dict[str, str]:
        """event_id -> story_id for the events that belong to a story."""
        found: dict[str, str] = {}
        for chunk in _chunks(sorted(set(event_ids))):
            for row in self._read(
                f"SELECT event_id, story_id FROM story_events WHERE event_id IN "
                f"({_marks(chunk)})", chunk,
            ):
                found[row["event_id"]] = row["story_id"]
        return found

    def story_members(self, story_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """story_id -> its events as (event_date, event_id), by date."""
        found: dict[str, list[tuple[str, str]]] = {}
        for chunk in _chunks(sorted(set(story_ids))):
            for row in self._read(
                "SELECT s.story_id, e.event_date, e.event_id FROM story_events s "
                f"JOIN events e ON e.event_id = s.event_id WHERE s.story_id IN ({_marks(chunk)}) "
                "ORDER BY e.event_date, e.event_id", chunk,
            ):
                found.setdefault(row["story_id"], []).append((row["event_date"], row["event_id"]))
        return found

    def link_stories(self, links: dict[str, str], renames: dict[str, str]) -> None:
        """Put each event of ``links`` in its story, and move every event of a story named in
        ``renames`` (old -> new) to the new one (two stories found to be one)."""
        with self._transaction("link stories") as conn:
            for old, new in renames.items():
                conn.execute("UPDATE story_events SET story_id = ? WHERE story_id = ?", (new, old))
            conn.executemany(
                "INSERT INTO story_events (event_id, story_id) VALUES (?, ?) "
                "ON CONFLICT(event_id) DO UPDATE SET story_id = excluded.story_id",
                sorted(links.items()),
            )

    # -- what the briefing reads ------------------------------------------------------------

    def events_reported_on(self, day: str) -> list[str]:
        """Ids of the events that cite an article published on ``day`` (YYYY-MM-DD)."""
        rows = self._read(
            "SELECT DISTINCT v.event_id FROM evidence v JOIN articles a ON a.id = v.article_id "
            "WHERE substr(a.published, 1, 10) = ? ORDER BY v.event_id", (day,))
        return [row["event_id"] for row in rows]

    def watch_items(self, day: str) -> list[tuple[str, Watch]]:
        """Forward-looking statements (annotations of kind 'watch') of the articles published
        on ``day``, as (article_id, Watch)."""
        rows = self._read(
            "SELECT n.article_id, n.data FROM annotations n JOIN articles a ON a.id = n.article_id "
            "WHERE n.kind = 'watch' AND substr(a.published, 1, 10) = ? "
            "ORDER BY a.published, a.id, n.rowid", (day,))
        names = {f.name for f in dataclasses.fields(Watch)}
        return [(row["article_id"],
                 Watch(**{k: v for k, v in json.loads(row["data"]).items() if k in names}))
                for row in rows]

    def article_refs(self, article_ids: Iterable[str]) -> dict[str, ArticleRef]:
        """Title, outlet, agency, url and publication date of stored articles."""
        found: dict[str, ArticleRef] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            for row in self._read(
                "SELECT a.id, a.title, a.outlet, a.agency, a.url, a.published, d.original_id "
                "FROM articles a LEFT JOIN article_duplicates d ON d.article_id = a.id "
                f"WHERE a.id IN ({_marks(chunk)})", chunk,
            ):
                found[row["id"]] = ArticleRef(row["id"], row["title"], row["outlet"],
                                              row["agency"], row["url"], row["published"],
                                              row["original_id"])
        return found
