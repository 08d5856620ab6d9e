"""The cross-article merge (tests/merge/test_merge_events.py) against the PostgreSQL store:
near-duplicates, merged events with every source, fatality ranges, story threads, re-merging
that changes nothing. Skipped unless DATELINE_TEST_POSTGRES names a server (pgtesting.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pgtesting import fresh_store, server_url

URL = server_url()
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "merge"))

import test_merge_events  # noqa: E402
from test_merge_events import (  # noqa: E402, F401  (collected here, against PostgreSQL)
    test_a_syndicated_copy_adds_a_source_not_events,
    test_an_article_that_no_longer_reports_the_event_leaves_it,
    test_an_older_database_is_merged_when_the_next_run_ends,
    test_conflicting_figures_are_kept_as_a_range_with_the_lowest_as_fatalities,
    test_dates_within_their_precision_merge,
    test_events_on_different_days_of_one_offensive_make_a_story,
    test_merging_again_or_reprocessing_changes_nothing,
    test_new_text_in_a_copy_can_still_add_an_event,
    test_same_type_with_other_named_actors_or_far_away_stays_apart,
    test_two_different_events_on_the_same_day_in_the_same_town_stay_two,
    test_two_reports_of_one_strike_become_one_event_with_both_sources,
)

from dateline.model import ArticleSignature  # noqa: E402


def snapshot(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    """mergedata.snapshot without PostgreSQL's `rowid` columns (SQLite's are hidden)."""
    tables = {"events": "events", "evidence": "evidence", "event_reports": "event_reports",
              "stories": "story_events", "duplicates": "article_duplicates"}
    skip = ("created_at", "updated_at", "rowid")
    return {name: sorted(tuple(value for key, value in zip(row.keys(), row, strict=True)
                               if key not in skip)
                         for row in store._conn.execute(f"SELECT * FROM {table}").fetchall())
            for name, table in tables.items()}


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    monkeypatch.setattr(test_merge_events, "snapshot", snapshot)
    yield from fresh_store(URL)


def test_signatures_round_trip_as_bytes(store: Any) -> None:
    from mergedata import document, event

    doc = document("sig", lambda i: event(i))
    store.save_document(doc)
    signature = ArticleSignature(doc.id, 3, b"\x00\x01\xff\x10", bands=("b1", "b2"))
    store.apply_merge(signature, (), (), ())
    store.apply_merge(signature, (), (), ())  # again: nothing doubles
    assert store.is_merged(doc.id) and not store.unmerged_articles()
    other = document("other", lambda i: event(i))
    store.save_document(other)
    (found,) = store.near_duplicate_candidates(["b2", "zz"], other.id)
    assert found.article_id == doc.id and found.signature == b"\x00\x01\xff\x10"
