"""test_filters.py's checks (EventQuery's filters, sort order, count_events, tally) against
the PostgreSQL store. Skipped unless DATELINE_TEST_POSTGRES names a server (pgtesting.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pgtesting import fresh_store, server_url
from test_filters import (  # noqa: F401  (collected here, against PostgreSQL)
    EVENTS,
    test_count_events_ignores_the_page,
    test_new_filters_and_order,
    test_sorting_by_another_column_is_refused,
    test_tally_groups_counts_and_sums_fatalities,
    test_tally_refuses_other_columns,
)

URL = server_url()


@pytest.fixture
def store() -> Iterator[Any]:
    for opened in fresh_store(URL):
        opened.save_events(EVENTS)
        yield opened


def test_tally_gives_plain_integers(store: Any) -> None:
    (row,) = store.tally(("iso3",))
    assert type(row["count"]) is int and type(row["fatalities"]) is int
