from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.errors import StoreError
from dateline.model import (
    Document,
    Edit,
    Entity,
    Event,
    Evidence,
    Outcome,
    Place,
    Quantity,
    Quote,
    TimeExpr,
    Watch,
    content_id,
)
from dateline.store import EventQuery, SQLiteStore, Store, open_store
from dateline.store.migrate import MIGRATIONS_DIR, migrations, split_statements
from dateline.store.sqlbase import SQLStore
from dateline.store.sqlite import EVENT_COLUMNS

TABLES = {"schema_migrations", "articles", "annotations", "events", "evidence", "runs", "outcomes"}

RAW = "<p>MAIDUGURI, Nigeria (Reuters) - Suicide bombers killed 12 people on Saturday.</p>"
CLEAN = "MAIDUGURI, Nigeria (Reuters) - Suicide bombers killed 12 people on Saturday."


def make_event(event_id: str = "NGA-1", **changes: Any) -> Event:
    event = Event(
        event_id=event_id,
        event_date="2019-02-09",
        time_precision=1,
        disorder_type="Political violence",
        event_type="Explosions/Remote violence",
        sub_event_type="Suicide bomb",
        actor1="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        actor2="Civilians (Nigeria)",
        assoc_actor_1="ISWAP",
        inter1=2,
        inter2=7,
        interaction=27,
        civilian_targeting="Civilian targeting",
        country="Nigeria",
        iso3="NGA",
        admin1="Borno",
        admin2="Maiduguri",
        location="Maiduguri",
        latitude=11.8464,
        longitude=13.1603,
        geo_precision=1,
        geonames_id=2331447,
        source="Reuters",
        notes="Suicide bombers killed 12 people in Maiduguri.",
        fatalities=12,
        confidence=0.83,
    )
    return dataclasses.replace(event, **changes)


def make_document(raw: str = RAW, events: tuple[Event, ...] | None = None) -> Document:
    doc_id = content_id(raw)
    if events is None:
        events = (
            make_event(
                evidence=(Evidence(doc_id, 31, 77, CLEAN[31:77]),), article_ids=(doc_id,)
            ),
        )
    return Document(
        id=doc_id,
        raw_text=raw,
        kind="html",
        origin="tests/example.html",
        url="https://example.org/a",
        title="Bombers kill 12",
        published="2019-02-10",
        outlet="Reuters",
        agency="Reuters",
        language="en",
        dateline_place="Maiduguri",
        clean_text=CLEAN,
        captions=("A market in Maiduguri",),
        edits=(Edit(0, 0, 0, 3, "<p>", "", "strip-markup"),),
        flags=("translated",),
        entities=(Entity(31, 46, "Suicide bombers", "NORP", "Boko Haram"),),
        places=(Place(0, 9, "MAIDUGURI", "Maiduguri", "Nigeria", "Borno", 11.8464, 13.1603),),
        times=(TimeExpr(69, 77, "Saturday", "2019-02-09"),),
        quotes=(Quote(0, 5, "MAIDU", None),),
        quantities=(Quantity(54, 63, "12 people", 12, "killed"),),
        events=events,
        watch=(Watch(0, 9, "MAIDUGURI"),),
    )


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with SQLiteStore(tmp_path / "dateline.db") as opened:
        yield opened


def table_rows(path: Path, table: str, skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        rows = [dict(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    finally:
        conn.close()
    return [{k: v for k, v in row.items() if k not in skip} for row in rows]


# -- opening and migrations ----------------------------------------------------------------


def test_new_database_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with SQLiteStore(path) as store:
        assert store.schema_version == migrations()[-1][0]
        assert store.counts() == dict.fromkeys(
            ("articles", "annotations", "events", "evidence", "runs", "outcomes"), 0
        )
    rows = table_rows(path, "schema_migrations")
    assert [row["version"] for row in rows] == [v for v, _, _ in migrations()]
    assert rows[0]["name"] == "0001_initial.sql" and rows[0]["applied_at"]


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    SQLiteStore(path).close()
    SQLiteStore(path).close()
    assert len(table_rows(path, "schema_migrations")) == len(migrations())


def test_older_database_is_migrated_on_open(tmp_path: Path) -> None:
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    shutil.copy(MIGRATIONS_DIR / "0001_initial.sql", old_dir)
    path = tmp_path / "db.sqlite"
    with SQLiteStore(path, migrations_dir=old_dir) as store:
        store.save_document(make_document())
    new_dir = tmp_path / "new"
    shutil.copytree(old_dir, new_dir)
    (new_dir / "0002_event_tags.sql").write_text(
        "-- a later migration\nALTER TABLE events ADD COLUMN tags TEXT NOT NULL DEFAULT '';\n"
    )
    with SQLiteStore(path, migrations_dir=new_dir) as store:
        assert store.schema_version == 2
        assert store.counts()["events"] == 1
    assert table_rows(path, "events")[0]["tags"] == ""
    assert [row["version"] for row in table_rows(path, "schema_migrations")] == [1, 2]


def test_newer_database_asks_to_upgrade_dateline(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'x.sql', 'now')"
        )
    conn.close()
    with pytest.raises(StoreError, match="upgrade dateline") as info:
        SQLiteStore(path)
    assert "999" in str(info.value)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not a database, just some text " * 100)
    with pytest.raises(StoreError, match="cannot be used as a dateline database"):
        SQLiteStore(path)


def test_a_missing_directory_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        SQLiteStore(tmp_path / "missing" / "dir" / "x.db")


def test_badly_named_migration_is_refused(tmp_path: Path) -> None:
    (tmp_path / "2_oops.sql").write_text("SELECT 1;")
    with pytest.raises(StoreError, match="NNNN_name.sql"):
        migrations(tmp_path)


def test_split_statements_keeps_triggers_whole() -> None:
    sql = (
        "-- comment\nCREATE TABLE t (a INTEGER);\n"
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n  UPDATE t SET a = 1;\nEND;\n-- trailing\n"
    )
    statements = split_statements(sql)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


def test_file_opens_with_plain_sqlite3(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    with SQLiteStore(path) as store:
        store.save_document(make_document())
    conn = sqlite3.connect(path)
    try:
        master = "SELECT name FROM sqlite_master WHERE type = ?"
        names = {row[0] for row in conn.execute(master, ("table",))}
        assert names >= TABLES
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        types = {
            row[2]
            for table in TABLES
            for row in conn.execute(f"PRAGMA table_info({table})")
        }
        assert types <= {"TEXT", "INTEGER", "REAL"}
        indexes = {row[0] for row in conn.execute(master, ("index",))}
        assert indexes >= {"events_date", "events_country", "events_type", "evidence_article"}
        captions, flags = conn.execute("SELECT captions, flags FROM articles").fetchone()
        assert json.loads(captions) == ["A market in Maiduguri"]
        assert json.loads(flags) == ["translated"]
    finally:
        conn.close()


def test_foreign_keys_are_enforced(store: SQLiteStore) -> None:
    assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(StoreError, match="no run"):
        store.save_outcome("no-such-run", Outcome("x.txt", "skipped", "empty"))


def test_sqlite_store_is_a_store(store: SQLiteStore) -> None:
    assert isinstance(store, Store)
    with open_store(":memory:") as memory:
        assert isinstance(memory, SQLiteStore)


def test_event_columns_cover_every_scalar_event_field() -> None:
    fields = {f.name for f in dataclasses.fields(Event)}
    assert set(EVENT_COLUMNS) == fields - {"evidence", "article_ids", "sources_count"}


# -- saving ----------------------------------------------------------------------------------


def test_save_document_stores_article_annotations_events_and_evidence(
    store: SQLiteStore,
) -> None:
    doc = make_document()
    assert not store.has_article(doc.id)
    assert store.save_document(doc) is True
    assert store.has_article(doc.id)
    assert store.counts() == {
        "articles": 1, "annotations": 7, "events": 1, "evidence": 1, "runs": 0, "outcomes": 0,
    }
    assert store.get_event("NGA-1") == doc.events[0]


def test_saving_the_same_document_twice_leaves_the_same_rows(tmp_path: Path) -> None:
    path = tmp_path / "twice.db"
    doc = make_document()
    with SQLiteStore(path) as store:
        assert store.save_document(doc) is True
        first = store.counts()
        snapshot = {
            table: table_rows(path, table, skip=("first_seen", "last_seen", "updated_at"))
            for table in ("articles", "annotations", "events", "evidence")
        }
        assert store.save_document(doc) is False
        assert store.counts() == first
        for table, rows in snapshot.items():
            assert table_rows(path, table, ("first_seen", "last_seen", "updated_at")) == rows


def test_resaving_keeps_first_seen_and_replaces_annotations(store: SQLiteStore) -> None:
    doc = make_document()
    store.save_document(doc, run_id="run-a")
    first_seen = store.article(doc.id)["first_seen"]
    store.save_document(dataclasses.replace(doc, entities=(), quotes=()), run_id="run-b")
    article = store.article(doc.id)
    assert article["first_seen"] == first_seen
    assert article["run_id"] == "run-b"
    assert article["entities"] == [] and article["quotes"] == []
    assert store.counts()["annotations"] == 5


def test_upsert_unions_evidence_and_article_ids(store: SQLiteStore) -> None:
    first = make_document()
    raw2 = "ABUJA - Twelve people died in a twin suicide attack in Maiduguri, police said."
    id2 = content_id(raw2)
    second_event = make_event(
        evidence=(Evidence(id2, 8, 58, raw2[8:58]),), article_ids=(id2,), fatalities=13
    )
    second = dataclasses.replace(make_document(raw2, (second_event,)), clean_text=raw2)
    store.save_document(first)
    store.save_document(second)
    event = store.get_event("NGA-1")
    assert event.article_ids == (first.id, id2)
    assert event.sources_count == 2
    assert [e.article_id for e in event.evidence] == [first.id, id2]
    assert event.fatalities == 13  # scalar fields take the latest values
    store.save_document(second)
    assert store.get_event("NGA-1").evidence == event.evidence
    assert store.counts()["evidence"] == 2


def test_document_id_is_added_to_event_article_ids(store: SQLiteStore) -> None:
    doc = make_document(events=(make_event(),))
    store.save_document(doc)
    event = store.get_event("NGA-1")
    assert event.article_ids == (doc.id,) and event.sources_count == 1


def test_save_events_upserts_without_a_document(store: SQLiteStore) -> None:
    events = [make_event("A", article_ids=("a1", "a2")), make_event("B")]
    assert store.save_events(events) == 2
    assert store.get_event("A").sources_count == 2
    assert store.get_event("B").sources_count == 1  # no article ids: kept as given
    assert store.save_events([make_event("A", article_ids=("a3",))]) == 1
    assert store.get_event("A").article_ids == ("a1", "a2", "a3")


def test_a_failed_save_writes_nothing(store: SQLiteStore) -> None:
    broken = make_event(event_date=cast(str, None))  # violates NOT NULL
    doc = make_document(events=(make_event("OK"), broken))
    with pytest.raises(StoreError, match="save article"):
        store.save_document(doc)
    assert store.counts()["articles"] == 0
    assert store.counts()["events"] == 0
    assert store.counts()["annotations"] == 0


def test_article_returns_clean_text_annotations_and_events(store: SQLiteStore) -> None:
    doc = make_document()
    store.save_document(doc)
    article = store.article(doc.id)
    assert article["clean_text"] == CLEAN and article["raw_text"] == RAW
    assert article["captions"] == ["A market in Maiduguri"]
    assert article["entities"] == [
        {"start": 31, "end": 46, "text": "Suicide bombers", "label": "NORP", "actor": "Boko Haram"}
    ]
    assert article["edits"][0]["rule"] == "strip-markup"
    assert [event["event_id"] for event in article["events"]] == ["NGA-1"]
    assert article["outcome"] == "processed"


def test_unknown_article_and_event_raise_store_error(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="no article"):
        store.article("0000")
    with pytest.raises(StoreError, match="no event"):
        store.get_event("missing")


def test_closed_store_raises_store_error(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "closed.db")
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.counts()


# -- runs and outcomes -----------------------------------------------------------------------


def test_runs_and_outcomes_are_recorded(store: SQLiteStore) -> None:
    doc = make_document()
    run_id = store.start_run("run", ["news/", "wire.jsonl"])
    store.save_document(doc, run_id)
    store.save_outcome(run_id, Outcome(doc.origin, "processed", "", doc.id, events=1))
    store.save_outcome(run_id, Outcome("empty.txt", "skipped", "no text"))
    store.finish_run(run_id, {"processed": 1, "skipped": 1, "quarantined": 0, "failed": 0})
    run = store.run(run_id)
    assert run["command"] == "run" and run["inputs"] == ["news/", "wire.jsonl"]
    assert run["counts"] == {"failed": 0, "processed": 1, "quarantined": 0, "skipped": 1}
    assert run["finished_at"] >= run["started_at"]
    assert [(o["origin"], o["status"]) for o in run["outcomes"]] == [
        (doc.origin, "processed"), ("empty.txt", "skipped"),
    ]
    assert store.article(doc.id)["run_id"] == run_id
    assert store.counts()["outcomes"] == 2


def test_outcome_marks_the_stored_article(store: SQLiteStore) -> None:
    doc = make_document()
    store.save_document(doc)
    run_id = store.start_run("run", [])
    store.save_outcome(run_id, Outcome(doc.origin, "quarantined", "mojibake", doc.id))
    assert (store.article(doc.id)["outcome"], store.article(doc.id)["reason"]) == (
        "quarantined", "mojibake",
    )


def test_finishing_an_unknown_run_raises(store: SQLiteStore) -> None:
    with pytest.raises(StoreError, match="no run"):
        store.finish_run("nope", {})
    with pytest.raises(StoreError, match="no run"):
        store.run("nope")


def test_run_ids_are_unique(store: SQLiteStore) -> None:
    assert len({store.start_run("run", []) for _ in range(20)}) == 20


# -- queries ---------------------------------------------------------------------------------

QUERY_EVENTS = (
    make_event("E1", event_date="2019-02-09", country="Nigeria", iso3="NGA", confidence=0.9,
               evidence=(Evidence("art-1", 0, 5, "12345"),)),
    make_event("E2", event_date="2019-02-10", country="Nigeria", iso3="NGA", confidence=0.4,
               event_type="Battles", sub_event_type="Armed clash",
               actor1="Military Forces of Nigeria", assoc_actor_1="", actor2="ISWAP"),
    make_event("E3", event_date="2019-03-01", country="Mali", iso3="MLI", confidence=0.7,
               event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Mali)",
               assoc_actor_1="Teachers (Mali)", actor2="", article_ids=("art-3",)),
    make_event("E0", event_date="2019-02-09", country="Chad", iso3="TCD", confidence=0.5,
               actor1="Rioters (Chad)", assoc_actor_1="100%_militia"),
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ["E0", "E1", "E2", "E3"]),
        (EventQuery(date_from="2019-02-10"), ["E2", "E3"]),
        (EventQuery(date_to="2019-02-10"), ["E0", "E1", "E2"]),
        (EventQuery(date_from="2019-02-10", date_to="2019-02-10"), ["E2"]),
        (EventQuery(country="nigeria"), ["E1", "E2"]),
        (EventQuery(country="mli"), ["E3"]),
        (EventQuery(event_type="Battles"), ["E2"]),
        (EventQuery(sub_event_type="Peaceful protest"), ["E3"]),
        (EventQuery(actor="iswap"), ["E1", "E2"]),  # assoc_actor_1 of E1, actor2 of E2
        (EventQuery(actor="Teachers"), ["E3"]),
        (EventQuery(actor="100%_"), ["E0"]),  # LIKE wildcards are literal
        (EventQuery(actor="0%"), ["E0"]),
        (EventQuery(min_confidence=0.7), ["E1", "E3"]),
        (EventQuery(article_id="art-1"), ["E1"]),
        (EventQuery(article_id="art-3"), ["E3"]),
        (EventQuery(limit=2), ["E0", "E1"]),
        (EventQuery(limit=2, offset=2), ["E2", "E3"]),
        (EventQuery(offset=3), ["E3"]),
        (EventQuery(country="Nigeria", min_confidence=0.5), ["E1"]),
    ],
)
def test_event_query_filters(store: SQLiteStore, query: EventQuery, expected: list[str]) -> None:
    store.save_events(QUERY_EVENTS)
    assert [event.event_id for event in store.events(query)] == expected


def test_events_come_back_whole(store: SQLiteStore) -> None:
    store.save_events(QUERY_EVENTS)
    by_id = {event.event_id: event for event in store.events()}
    for original in QUERY_EVENTS:
        article_ids = original.article_ids or tuple(e.article_id for e in original.evidence)
        expected = dataclasses.replace(
            original,
            article_ids=article_ids,
            sources_count=len(article_ids) or original.sources_count,
        )
        assert by_id[original.event_id] == expected


def test_many_events_load_their_evidence(store: SQLiteStore) -> None:
    events = [
        make_event(f"E{i:04d}", evidence=(Evidence("a", i, i + 1, "x"),)) for i in range(1200)
    ]
    store.save_events(events)
    loaded = store.events()
    assert len(loaded) == 1200
    assert all(len(event.evidence) == 1 for event in loaded)


def test_two_stores_share_one_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    with SQLiteStore(path) as writer, SQLiteStore(path) as reader:
        writer.save_document(make_document())
        assert reader.counts()["events"] == 1
        assert reader.get_event("NGA-1") == writer.get_event("NGA-1")


def _citing_document(index: int, event_ids: list[str]) -> Document:
    raw = f"Report number {index}."
    doc_id = content_id(raw)
    events = tuple(
        make_event(event_id, evidence=(Evidence(doc_id, 0, 6, "Report"),)) for event_id in event_ids
    )
    return dataclasses.replace(make_document(raw, events), clean_text=raw)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.lists(st.sampled_from(["A", "B", "C"]), unique=True)),
        min_size=1,
        max_size=6,
    ),
    st.randoms(use_true_random=False),
)
def test_saving_in_any_order_and_repeating_gives_the_same_events(
    plan: list[tuple[int, list[str]]], rng: Any
) -> None:
    """Upserts commute and are idempotent, up to the order of article ids and evidence."""
    order, shuffled = citing_orders(plan, rng)
    assert saved_summary(lambda: SQLiteStore(":memory:"), order) == saved_summary(
        lambda: SQLiteStore(":memory:"), shuffled)


def citing_orders(plan: list[tuple[int, list[str]]], rng: Any
                  ) -> tuple[list[Document], list[Document]]:
    """The planned documents in order, and shuffled with some saved twice."""
    docs = {index: _citing_document(index, ids) for index, ids in plan}
    order = list(docs.values())
    shuffled = order + rng.sample(order, len(order))
    rng.shuffle(shuffled)
    return order, shuffled


def saved_summary(opener: Callable[[], SQLStore], saved: list[Document]) -> dict[str, Any]:
    """Counts and events (ids, evidence, sources) after saving ``saved`` in a fresh store."""
    with opener() as store:
        for doc in saved:
            store.save_document(doc)
        return {
            "counts": store.counts(),
            "events": {
                e.event_id: (frozenset(e.article_ids), frozenset(e.evidence), e.sources_count)
                for e in store.events()
            },
        }


def test_reprocessed_article_withdraws_its_old_events(tmp_path: Path) -> None:
    def event(event_id: str, article_id: str) -> Event:
        return Event(event_id, "2024-03-14", 1, "Political violence", "Battles", "Armed clash",
                     "A", evidence=(Evidence(article_id, 0, 4, "Text"),),
                     article_ids=(article_id,))

    doc = Document(id="a1", raw_text="Text", clean_text="Text",
                   events=(event("old", "a1"), event("shared", "a1")))
    other = Document(id="b2", raw_text="Tex2", clean_text="Tex2", events=(event("shared", "b2"),))
    with SQLiteStore(tmp_path / "r.db") as store:
        store.save_document(doc)
        store.save_document(other)
        store.save_document(dataclasses.replace(doc, events=(event("new", "a1"),)))
        ids = {e.event_id: e for e in store.events()}
    assert set(ids) == {"new", "shared"}
    assert ids["shared"].article_ids == ("b2",)
    assert ids["shared"].sources_count == 1


def test_an_event_coded_again_keeps_its_creation_time(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.store.sqlbase as sqlbase

    path = tmp_path / "again.db"
    doc = make_document()
    with SQLiteStore(path) as store:
        monkeypatch.setattr(sqlbase, "_now", lambda: "2024-03-14T08:00:00+00:00")
        store.save_document(doc)
        monkeypatch.setattr(sqlbase, "_now", lambda: "2024-03-15T08:00:00+00:00")
        store.save_document(doc)
    rows = table_rows(path, "events")
    assert rows and {r["created_at"] for r in rows} == {"2024-03-14T08:00:00+00:00"}
