"""Cross-article merging over a real SQLite store, with hand-made articles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from mergedata import GOMA, document, event, rebased, save_and_merge, snapshot

from dateline.merge import merge_pending
from dateline.model import content_id
from dateline.store import SQLiteStore


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with SQLiteStore(tmp_path / "merge.db") as opened:
        yield opened


def test_two_reports_of_one_strike_become_one_event_with_both_sources(store) -> None:
    a = document("reuters", lambda i: event(i))
    b = document("ledger", lambda i: event(i, text="Eight people died when a missile hit the "
                                                   "market in Kramatorsk.", fatalities=8))
    save_and_merge(store, a)
    result = save_and_merge(store, b)
    (merged,) = store.events()
    assert result.joined == (merged.event_id,) and not result.new_events
    assert merged.sources_count == 2 and set(merged.article_ids) == {a.id, b.id}
    assert {ev.article_id for ev in merged.evidence} == {a.id, b.id}
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_best,
            merged.fatalities_high) == (7, 7, 7, 8)


def test_conflicting_figures_are_kept_as_a_range_with_the_lowest_as_fatalities(store) -> None:
    for name, killed in (("one", 9), ("two", 11), ("three", 10), ("four", 0)):
        save_and_merge(store, document(name, lambda i, k=killed, who=name: event(
            i, text=f"The strike killed {k} people, {who} said.", fatalities=k)))
    (merged,) = store.events()
    assert merged.sources_count == 4
    assert (merged.fatalities_low, merged.fatalities_best, merged.fatalities_high) == (9, 10, 11)
    assert merged.fatalities == 9  # ACLED: the most conservative figure; 0 is "not stated"


def _protest(article_id: str) -> object:
    return event(article_id, "protest", "Police fired tear gas at students marching in Goma.",
                 event_type="Protests", sub_event_type="Protest with intervention",
                 disorder_type="Demonstrations", actor1="Protesters (Democratic Republic of "
                 "Congo)", actor2="Police Forces of the Democratic Republic of Congo (2019-)",
                 fatalities=0, civilian_targeting="", **GOMA)


def _shelling(article_id: str) -> object:
    return event(article_id, "shelling", "Shells fell on the Mugunga camp near Goma.",
                 actor1="M23: March 23 Movement", actor2="Civilians (Democratic Republic of "
                 "Congo)", fatalities=4, **GOMA)


def test_two_different_events_on_the_same_day_in_the_same_town_stay_two(store) -> None:
    save_and_merge(store, document("lucha", _protest))
    save_and_merge(store, document("wire", _shelling))
    save_and_merge(store, document("both", _protest, _shelling))  # one article telling both
    events = store.events()
    assert len(events) == 2
    assert sorted(e.sources_count for e in events) == [2, 2]
    assert len({e.sub_event_type for e in events}) == 2


def test_same_type_with_other_named_actors_or_far_away_stays_apart(store) -> None:
    save_and_merge(store, document("a", lambda i: event(i)))
    save_and_merge(store, document("b", lambda i: event(
        i, text="Ukrainian shells hit Kramatorsk.", actor1="Military Forces of Ukraine (2019-)",
        actor2="")))
    save_and_merge(store, document("c", lambda i: event(
        i, text="A missile hit Kharkiv.", location="Kharkiv", latitude=49.98, longitude=36.25)))
    assert len(store.events()) == 3


def test_dates_within_their_precision_merge(store) -> None:
    save_and_merge(store, document("day", lambda i: event(i)))
    save_and_merge(store, document("week", lambda i: event(
        i, text="This week a missile destroyed the Kramatorsk market.", event_date="2024-03-14",
        time_precision=2)))
    save_and_merge(store, document("month", lambda i: event(
        i, text="A missile hit Kramatorsk in February.", event_date="2024-02-01",
        time_precision=3)))
    assert sorted(e.sources_count for e in store.events()) == [1, 2]


def test_merging_again_or_reprocessing_changes_nothing(store) -> None:
    docs = [document("a", lambda i: event(i)),
            document("b", lambda i: event(i, text="Eight died in Kramatorsk.", fatalities=8)),
            document("c", _shelling), document("d", _protest)]
    for doc in docs:
        save_and_merge(store, doc)
    before = snapshot(store)
    for doc in reversed(docs):
        save_and_merge(store, doc)
    assert snapshot(store) == before


def test_an_article_that_no_longer_reports_the_event_leaves_it(store) -> None:
    a = document("a", lambda i: event(i))
    b = document("b", lambda i: event(i, text="Eight died in Kramatorsk.", fatalities=8))
    save_and_merge(store, a)
    save_and_merge(store, b)
    save_and_merge(store, dataclasses.replace(b, events=()))  # reprocessed: nothing found
    (left,) = store.events()
    assert left.article_ids == (a.id,) and left.sources_count == 1 and left.fatalities == 7


LONG = " ".join(f"Paragraph {n} of the wire story tells what the residents saw in the market "
                f"and what the officials said about the strike number {n}." for n in range(40))


def test_a_syndicated_copy_adds_a_source_not_events(store) -> None:
    original = document("afp", lambda i: event(i), lambda i: event(
        i, "b", "Drones were shot down over Kharkiv overnight.", event_date="2024-03-14",
        location="Kharkiv", latitude=49.98, longitude=36.25, fatalities=0), text=STRIKE_TEXT)
    save_and_merge(store, original)
    copy_id = content_id("copy")
    copy = rebased(original, copy_id)
    copy = dataclasses.replace(copy, clean_text="Another headline. " + STRIKE_TEXT
                               + " Subscribe to our newsletter.", outlet="Syndicator")
    # the copy's other dateline moved one event elsewhere: it is still the original's event
    copy = dataclasses.replace(copy, events=(copy.events[0], dataclasses.replace(
        copy.events[1], location="Kyiv", latitude=50.45, longitude=30.52)))
    result = save_and_merge(store, copy)
    assert result.original_id == original.id and result.similarity > 0.8
    events = store.events()
    assert len(events) == 2 and all(e.sources_count == 2 for e in events)
    assert not result.new_events


STRIKE_TEXT = (LONG + " Drones were shot down over Kharkiv overnight. "
               "A Russian missile struck the central market of Kramatorsk on Wednesday evening.")


def test_new_text_in_a_copy_can_still_add_an_event(store) -> None:
    original = document("afp", lambda i: event(i), text=STRIKE_TEXT)
    save_and_merge(store, original)
    copy = rebased(original, content_id("update"))
    extra = "Separately, protesters were dispersed in Goma on Wednesday."
    copy = dataclasses.replace(copy, clean_text=STRIKE_TEXT + " " + extra,
                               events=(*copy.events, _protest(copy.id)))
    result = save_and_merge(store, copy)
    assert result.original_id == original.id and len(result.new_events) == 1
    assert len(store.events()) == 2


def _baghuz(day: str, sub: str, key: str) -> object:
    etype = "Battles" if sub == "Armed clash" else "Explosions/Remote violence"
    return lambda i: event(
        i, key, f"Fighting in Baghuz on {day}.", event_date=day, event_type=etype,
        sub_event_type=sub, actor1="SDF: Syrian Democratic Forces",
        actor2="Islamic State (Syria)", civilian_targeting="", location="Al-Baghuz Fawqani",
        country="Syria", admin1="Deir ez-Zor", latitude=34.4586, longitude=40.9506)


def test_events_on_different_days_of_one_offensive_make_a_story(store) -> None:
    save_and_merge(store, document("sat", _baghuz("2019-02-09", "Armed clash", "a")))
    save_and_merge(store, document("thu", _baghuz("2019-02-14", "Armed clash", "b"),
                                   _baghuz("2019-02-12", "Suicide bomb", "c")))
    save_and_merge(store, document("elsewhere", lambda i: event(
        i, text="Shelling in Idlib.", event_date="2019-02-12", location="Idlib",
        country="Syria", latitude=35.93, longitude=36.63)))
    stories = store.stories_of(e.event_id for e in store.events())
    assert len(stories) == 3 and len(set(stories.values())) == 1
    members = store.story_members(set(stories.values()))
    assert [day for day, _ in next(iter(members.values()))] == [
        "2019-02-09", "2019-02-12", "2019-02-14"]


def test_an_older_database_is_merged_when_the_next_run_ends(store) -> None:
    a = document("a", lambda i: event(i))
    b = document("b", lambda i: event(i, text="Eight died in Kramatorsk.", fatalities=8))
    store.save_document(a)  # stored by a dateline without merging
    store.save_document(b)
    assert len(store.events()) == 2 and len(store.unmerged_articles()) == 2
    results = merge_pending(store)
    assert len(results) == 2 and not store.unmerged_articles()
    (merged,) = store.events()
    assert merged.sources_count == 2
