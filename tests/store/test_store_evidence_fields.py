"""Evidence per field in the SQL stores: the ``fields`` column (0003) written, read back,
united for the same span, and added to an older database. The PostgreSQL store runs the same
checks (test_postgres.py)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from test_sqlite import make_document, make_event

from dateline.model import Evidence
from dateline.store import SQLiteStore
from dateline.store.migrate import MIGRATIONS_DIR

SENTENCE = ("event_type", "actor1", "event_date", "fatalities")


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with SQLiteStore(tmp_path / "dateline.db") as opened:
        yield opened


def _with_fields(fields: tuple[str, ...]) -> Any:
    doc = make_document()
    (event,) = doc.events
    evidence = (Evidence(doc.id, 31, 77, doc.clean_text[31:77], fields),
                Evidence(doc.id, 69, 77, "Saturday", ("event_date",)))
    return make_document(doc.raw_text, (make_event(evidence=evidence,
                                                   article_ids=event.article_ids),))


def test_evidence_fields_are_stored_and_read_back(store: Any) -> None:
    doc = _with_fields(SENTENCE)
    store.save_document(doc)
    assert store.get_event("NGA-1").evidence == doc.events[0].evidence
    (event,) = store.article(doc.id)["events"]
    assert [ev["fields"] for ev in event["evidence"]] == [list(SENTENCE), ["event_date"]]


def test_fields_of_the_same_span_are_united(store: Any) -> None:
    first = _with_fields(("event_type", "fatalities")).events[0]
    store.save_events([first])
    again = make_event(evidence=(Evidence(first.evidence[0].article_id, 31, 77,
                                          first.evidence[0].text, ("actor1", "event_type")),))
    store.save_events([again])
    evidence = store.get_event("NGA-1").evidence
    assert [ev.fields for ev in evidence] == [("event_type", "actor1", "fatalities"),
                                              ("event_date",)]


def test_database_of_schema_2_gains_the_fields_column(tmp_path: Path) -> None:
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    for name in ("0001_initial.sql", "0002_merge.sql"):
        shutil.copy(MIGRATIONS_DIR / name, old_dir)
    path = tmp_path / "db.sqlite"
    with SQLiteStore(path, migrations_dir=old_dir) as old:
        old.save_document(_with_fields(SENTENCE))  # no column yet: the fields are not kept
        assert [ev.fields for ev in old.get_event("NGA-1").evidence] == [(), ()]
    with SQLiteStore(path) as new:
        assert new.schema_version >= 3
        assert [ev.fields for ev in new.get_event("NGA-1").evidence] == [(), ()]
        new.save_document(_with_fields(SENTENCE))
        assert new.get_event("NGA-1").evidence[0].fields == SENTENCE


def test_the_method_of_a_decision_is_stored_and_read_back(tmp_path: Path) -> None:
    """Evidence whose values a region pack's classifier decided says so, in the store too."""
    import dataclasses

    doc = make_document()
    first = doc.events[0]
    marked = dataclasses.replace(first.evidence[0], method="pack classifier (t): Attack 0.93")
    event = dataclasses.replace(first, evidence=(marked, *first.evidence[1:]))
    with SQLiteStore(tmp_path / "m.db") as store:
        store.save_document(dataclasses.replace(doc, events=(event, *doc.events[1:])))
        assert store.get_event(first.event_id).evidence[0].method == marked.method
