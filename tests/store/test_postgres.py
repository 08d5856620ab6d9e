"""The store contract (test_sqlite.py's checks) against the PostgreSQL store, and what is
PostgreSQL's own: numbered migrations under migrations/postgres/, ordering by code point
whatever the server's collation, no password in messages. Skipped unless
DATELINE_TEST_POSTGRES names a server (see pgtesting.py)."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pgtesting import fresh_store, query, reset_schema, schema_url, server_url
from test_sqlite import (  # noqa: F401  (collected here, against PostgreSQL)
    _citing_document,
    citing_orders,
    make_document,
    make_event,
    saved_summary,
    test_a_failed_save_writes_nothing,
    test_article_returns_clean_text_annotations_and_events,
    test_document_id_is_added_to_event_article_ids,
    test_event_query_filters,
    test_events_come_back_whole,
    test_finishing_an_unknown_run_raises,
    test_many_events_load_their_evidence,
    test_outcome_marks_the_stored_article,
    test_reprocessed_article_withdraws_its_old_events,
    test_resaving_keeps_first_seen_and_replaces_annotations,
    test_run_ids_are_unique,
    test_runs_and_outcomes_are_recorded,
    test_save_document_stores_article_annotations_events_and_evidence,
    test_save_events_upserts_without_a_document,
    test_unknown_article_and_event_raise_store_error,
    test_upsert_unions_evidence_and_article_ids,
)
from test_store_evidence_fields import (  # noqa: F401  (collected here, against PostgreSQL)
    SENTENCE,
    _with_fields,
    test_evidence_fields_are_stored_and_read_back,
    test_fields_of_the_same_span_are_united,
)

from dateline.errors import StoreError
from dateline.model import Event, Evidence, Outcome
from dateline.store import MergeStore, PostgresStore, Store, open_store
from dateline.store.migrate import MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR, migrations

URL = server_url()
TIMESTAMPS = ("first_seen", "last_seen", "updated_at", "rowid")


@pytest.fixture
def store() -> Iterator[PostgresStore]:
    yield from fresh_store(URL)


def table_rows(table: str, order: str) -> list[dict[str, Any]]:
    rows = query(URL, f"SELECT * FROM {table} ORDER BY {order}")
    return [{k: v for k, v in row.items() if k not in TIMESTAMPS} for row in rows]


# -- opening and migrations ----------------------------------------------------------------


def test_new_database_is_migrated_to_the_latest_version(store: PostgresStore) -> None:
    assert store.schema_version == migrations(POSTGRES_MIGRATIONS_DIR)[-1][0]
    assert store.counts() == dict.fromkeys(
        ("articles", "annotations", "events", "evidence", "runs", "outcomes"), 0)
    rows = query(URL, "SELECT * FROM schema_migrations ORDER BY version")
    assert [(r["version"], r["name"]) for r in rows] == [
        (v, name) for v, name, _ in migrations(POSTGRES_MIGRATIONS_DIR)]
    assert all(row["applied_at"] for row in rows)


def test_postgres_migrations_mirror_the_sqlite_ones() -> None:
    assert [(v, name) for v, name, _ in migrations(POSTGRES_MIGRATIONS_DIR)] == [
        (v, name) for v, name, _ in migrations(MIGRATIONS_DIR)]


def test_reopening_applies_nothing_twice(store: PostgresStore) -> None:
    PostgresStore(schema_url(URL)).close()
    assert len(query(URL, "SELECT * FROM schema_migrations")) == len(
        migrations(POSTGRES_MIGRATIONS_DIR))


def test_older_database_is_migrated_on_open(tmp_path: Path) -> None:
    reset_schema(URL)
    old_dir, new_dir = tmp_path / "old", tmp_path / "new"
    old_dir.mkdir()
    shutil.copy(POSTGRES_MIGRATIONS_DIR / "0001_initial.sql", old_dir)
    with PostgresStore(schema_url(URL), migrations_dir=old_dir) as old:
        assert old.schema_version == 1
        old.save_document(make_document())  # no fatality range columns yet
    shutil.copytree(POSTGRES_MIGRATIONS_DIR, new_dir)
    (new_dir / "0007_event_tags.sql").write_text(
        "ALTER TABLE events ADD COLUMN tags TEXT NOT NULL DEFAULT '';\n")
    with PostgresStore(schema_url(URL), migrations_dir=new_dir) as new:
        assert new.schema_version == 7
        assert new.get_event("NGA-1") == make_document().events[0]
    assert query(URL, "SELECT tags FROM events") == [{"tags": ""}]


def test_database_of_schema_2_gains_the_fields_column(tmp_path: Path) -> None:
    reset_schema(URL)
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    for name in ("0001_initial.sql", "0002_merge.sql"):
        shutil.copy(POSTGRES_MIGRATIONS_DIR / name, old_dir)
    with PostgresStore(schema_url(URL), migrations_dir=old_dir) as old:
        old.save_document(_with_fields(SENTENCE))  # no column yet: the fields are not kept
    with PostgresStore(schema_url(URL)) as new:
        assert new.schema_version >= 3
        assert [ev.fields for ev in new.get_event("NGA-1").evidence] == [(), ()]
        new.save_document(_with_fields(SENTENCE))
        assert new.get_event("NGA-1").evidence[0].fields == SENTENCE


def test_newer_database_asks_to_upgrade_dateline(store: PostgresStore) -> None:
    query(URL, "INSERT INTO schema_migrations (version, name, applied_at) "
               "VALUES (999, 'x.sql', 'now') RETURNING version")
    with pytest.raises(StoreError, match="upgrade dateline") as info:
        PostgresStore(schema_url(URL))
    assert "999" in str(info.value)


def test_open_store_picks_postgres_from_the_url(store: PostgresStore) -> None:
    with open_store(schema_url(URL)) as opened:
        assert isinstance(opened, PostgresStore)
        assert isinstance(opened, Store) and isinstance(opened, MergeStore)


def test_a_wrong_password_is_a_store_error_that_hides_it() -> None:
    scheme, rest = URL.split("://", 1)
    host = rest.rpartition("@")[2]
    with pytest.raises(StoreError, match="cannot connect to the PostgreSQL") as info:
        PostgresStore(f"{scheme}://dateline_nobody:s3cr3t-word@{host}", connect_timeout=5)
    assert "s3cr3t-word" not in str(info.value) and "***" in str(info.value)


def test_foreign_keys_are_enforced(store: PostgresStore) -> None:
    with pytest.raises(StoreError, match="no run"):
        store.save_outcome("no-such-run", Outcome("x.txt", "skipped", "empty"))


# -- saving ----------------------------------------------------------------------------------


def test_saving_the_same_document_twice_leaves_the_same_rows(store: PostgresStore) -> None:
    doc = make_document()
    orders = {"articles": "id", "annotations": "rowid", "events": "event_id",
              "evidence": "rowid"}
    assert store.save_document(doc) is True
    first = store.counts()
    snapshot = {table: table_rows(table, order) for table, order in orders.items()}
    assert store.save_document(doc) is False
    assert store.counts() == first
    assert {table: table_rows(table, order) for table, order in orders.items()} == snapshot


def test_closed_store_raises_store_error(store: PostgresStore) -> None:
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


def test_two_stores_share_one_database(store: PostgresStore) -> None:
    with PostgresStore(schema_url(URL)) as reader:
        store.save_document(make_document())
        assert reader.counts()["events"] == 1
        assert reader.get_event("NGA-1") == store.get_event("NGA-1")


def test_text_sorts_by_code_point_whatever_the_collation(store: PostgresStore) -> None:
    store.save_events([make_event(name, country=name, iso3="")
                       for name in ("bravo", "Zulu", "alpha", "Écija", "Alpha")])
    from dateline.store import EventQuery

    found = store.events(EventQuery(order_by="country"))
    assert [e.country for e in found] == ["Alpha", "Zulu", "alpha", "bravo", "Écija"]
    assert [e.event_id for e in store.events(EventQuery(country="ALPHA"))] == ["Alpha", "alpha"]


def test_floats_and_large_figures_round_trip(store: PostgresStore) -> None:
    event = make_event("BIG", latitude=-16.123456789012, longitude=179.987654321098,
                       confidence=0.123456789, fatalities=3_000_000_000, geonames_id=12_345_678)
    store.save_events([event])
    assert store.get_event("BIG") == dataclasses.replace(event, sources_count=1)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(st.integers(0, 3),
                       st.lists(st.sampled_from(["A", "B", "C"]), unique=True)),
             min_size=1, max_size=5),
    st.randoms(use_true_random=False),
)
def test_saving_in_any_order_and_repeating_gives_the_same_events(
    plan: list[tuple[int, list[str]]], rng: Any
) -> None:
    order, shuffled = citing_orders(plan, rng)

    def opener() -> PostgresStore:
        reset_schema(URL)
        return PostgresStore(schema_url(URL))

    assert saved_summary(opener, order) == saved_summary(opener, shuffled)


def test_concurrent_writers_lose_no_article_ids(store: PostgresStore) -> None:
    """Writers take turns (an advisory lock), so two stores adding sources to one event keep
    every source."""
    import threading

    def write(prefix: str) -> None:
        with PostgresStore(schema_url(URL)) as writer:
            for i in range(15):
                article = f"{prefix}{i}"
                writer.save_events([make_event("SHARED", article_ids=(article,), evidence=(
                    Evidence(article, 0, 4, "Text"),))])

    threads = [threading.Thread(target=write, args=(p,)) for p in "abc"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    shared: Event = store.get_event("SHARED")
    assert shared.sources_count == 45 and len(set(shared.article_ids)) == 45
