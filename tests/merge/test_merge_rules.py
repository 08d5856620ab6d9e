"""Which pairs of event records may be one happening; combining reports; near-duplicates."""

from __future__ import annotations

import pytest
from mergedata import GOMA, event

from dateline.merge import MergeOptions, MergeRules
from dateline.merge.combine import combine, fatality_range
from dateline.merge.neardup import find_original, shingles, signature, similarity
from dateline.merge.similarity import date_interval, pair_score
from dateline.model import EventReport

RULES = MergeRules.load()


def test_the_same_strike_told_twice_scores_high() -> None:
    score = pair_score(event("a"), event("b", fatalities=8), RULES)
    assert score is not None and score >= MergeOptions().min_score


@pytest.mark.parametrize("changes", [
    {"event_type": "Protests", "sub_event_type": "Protest with intervention"},  # other type
    {"actor1": "Military Forces of Ukraine (2019-)", "actor2": ""},  # other named actors
    {"event_date": "2024-03-16"},  # three days later
    {"latitude": 49.98, "longitude": 36.25},  # Kharkiv, 150 km away
    {"country": "Russia"},
    {"event_type": "Strategic developments", "sub_event_type": "Arrests"},
    {"date_basis": "run", "time_precision": 3},  # undated: a shared run date says nothing
])
def test_pairs_that_cannot_be_one_event(changes: dict[str, object]) -> None:
    assert pair_score(event("a"), event("b", **changes), RULES) is None


def test_different_events_same_day_same_town_are_ruled_out() -> None:
    protest = event("a", event_type="Protests", sub_event_type="Protest with intervention",
                    actor1="Protesters (Democratic Republic of Congo)", **GOMA)
    shelling = event("b", actor1="M23: March 23 Movement", **GOMA)
    riot = event("c", event_type="Riots", sub_event_type="Violent demonstration", **GOMA)
    attack = event("d", event_type="Violence against civilians", sub_event_type="Attack",
                   actor1="Police Forces of the Democratic Republic of Congo (2019-)", **GOMA)
    assert pair_score(protest, shelling, RULES) is None
    assert pair_score(riot, attack, RULES) is None


def test_date_intervals_follow_time_precision() -> None:
    assert [d.isoformat() for d in date_interval(event("a", time_precision=3))] == [
        "2024-03-01", "2024-03-31"]
    week = date_interval(event("a", time_precision=2))
    assert (week[1] - week[0]).days == 12
    assert pair_score(event("a"), event("b", event_date="2024-03-14"), RULES) is not None


def test_fatality_range_leaves_out_unstated_figures() -> None:
    assert fatality_range([0, 9, 11, 10]) == (9, 10, 11)
    assert fatality_range([0, 0]) == (0, 0, 0)
    assert fatality_range([8, 7]) == (7, 7, 8)


def test_combine_takes_the_lead_report_and_counts_independent_sources() -> None:
    precise = event("a", fatalities=7, confidence=0.8)
    vague = event("b", fatalities=9, time_precision=2, geo_precision=2, location="Donetsk",
                  confidence=0.9)
    merged = combine("E1", [EventReport("b", vague), EventReport("a", precise)], independent=2)
    assert merged.event_id == "E1" and merged.location == "Kramatorsk"
    assert merged.time_precision == 1 and merged.sources_count == 2
    assert (merged.fatalities, merged.fatalities_high) == (7, 9)
    assert merged.confidence == pytest.approx(0.95)
    copies = combine("E1", [EventReport("b", vague), EventReport("a", precise)], independent=1)
    assert copies.confidence == pytest.approx(0.9)


TEXT = " ".join(f"Sentence {n} says something different about the war and its toll." for n in
                range(60))


def test_near_duplicates_are_found_and_different_articles_are_not() -> None:
    options = MergeOptions()
    original = signature("orig", TEXT, options)
    copy = signature("copy", "Other headline. Share this. " + TEXT + " Follow us.", options)
    other = signature("other", TEXT[: len(TEXT) // 3] + " A different ending." * 30, options)
    assert similarity(original, copy) > 0.85
    assert similarity(original, other) < options.duplicate_similarity
    assert set(original.bands) & set(copy.bands)
    assert find_original(copy, [original, other], options) == (
        "orig", round(similarity(original, copy), 4))
    assert shingles("", 5) == set() and shingles("two words", 5) == {"two words"}
