from __future__ import annotations

import pytest

from dateline.nlp.times import find_times

PUBLISHED = "2019-02-14"  # a Thursday


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision", "direction"),
    [
        ("They were still defending this Thursday.", "this Thursday", "2019-02-14", "day", "past"),
        ("They launched last Saturday an offensive.", "last Saturday", "2019-02-09", "day", "past"),
        ("On Tuesday, the SDF suffered two attacks.", "On Tuesday", "2019-02-12", "day", "past"),
        ("More people arrived in December.", "in December", "2018-12", "month", "past"),
        ("ISIS conquered in 2014 large areas.", "in 2014", "2014", "year", "past"),
        ("It was broadcast in August 2018.", "in August 2018", "2018-08", "month", "past"),
        ("The end will arrive in the coming days.", "in the coming days", None, "vague", "future"),
        ("In recent weeks, fighters left.", "In recent weeks", None, "vague", "past"),
        ("Talks resume next Monday.", "next Monday", "2019-02-18", "day", "future"),
        ("Shells fell yesterday.", "yesterday", "2019-02-13", "day", "past"),
        ("The attack on 3 February killed two.", "on 3 February", "2019-02-03", "day", "past"),
        ("The talks on March 3 will decide.", "on March 3", "2019-03-03", "day", "future"),
        ("A raid on December 28 killed five.", "on December 28", "2018-12-28", "day", "past"),
        ("Clashes erupted last week.", "last week", "2019-W06", "week", "past"),
        ("The report dated 14/02/2019 said.", "14/02/2019", "2019-02-14", "day", "past"),
    ],
)
def test_resolution(sentence: str, text: str, value: str | None, precision: str,
                    direction: str) -> None:
    found = [t for t in find_times(sentence, PUBLISHED) if t.text == text]
    assert found, find_times(sentence, PUBLISHED)
    (time,) = found
    assert (time.value, time.precision, time.direction) == (value, precision, direction)
    assert sentence[time.start:time.end] == time.text


def test_no_date_no_times() -> None:
    assert find_times("On Tuesday they fought.", None) == []


def test_plain_words_are_not_times() -> None:
    assert find_times("May they rest. The march was peaceful.", PUBLISHED) == []
