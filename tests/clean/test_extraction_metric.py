"""The extraction suite's metric (the article extraction benchmark's evaluate.py) and the gate
for a lower-is-better score."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from dateline.benchmarks import Score, SuiteResult, check

SUITE = Path(__file__).resolve().parents[2] / "bench" / "extraction.py"


@pytest.fixture(scope="module")
def suite() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extraction_under_test", SUITE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_shingles_keep_case_and_count_repeats(suite: ModuleType) -> None:
    assert suite.shingles("a b c d a b c d") == {
        ("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1, ("c", "d", "a", "b"): 1,
        ("d", "a", "b", "c"): 1}
    assert suite.shingles("Short text") == {("Short", "text"): 1}
    assert suite.shingles("") == {}
    assert ("The", "cat", "sat", "down") not in suite.shingles("the cat sat down")


def test_per_page_counts_are_normalised(suite: ModuleType) -> None:
    assert suite.shingle_match("one two three four five", "one two three four five") == (
        1.0, 0.0, 0.0)
    tp, fp, fn = suite.shingle_match("one two three four five", "one two three four")
    assert (tp, fp, fn) == pytest.approx((0.5, 0.0, 0.5))
    assert suite.shingle_match("", "") == (0.0, 0.0, 0.0)


def test_f1_is_of_the_averages(suite: ModuleType) -> None:
    pages = [(1.0, 0.0, 0.0), (0.5, 0.0, 0.5), (0.0, 0.0, 1.0)]  # the last: nothing predicted
    precision, recall, f1 = suite.precision_recall_f1(pages)
    assert precision == pytest.approx(1.0)  # a page without a prediction has no precision
    assert recall == pytest.approx(0.5)
    assert f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_a_lower_is_better_score_is_gated_by_its_maximum() -> None:
    pinned = {"extraction": {"false edits": {"max": 1.0, "data_hash": "h"}}}
    ok = SuiteResult("extraction", "h", [Score("false edits", 0.9, higher_is_better=False)])
    bad = SuiteResult("extraction", "h", [Score("false edits", 1.2, higher_is_better=False)])
    assert check(ok, pinned) == []
    assert check(bad, pinned) == ["extraction/false edits: 1.200 > pinned maximum 1.000"]
