from __future__ import annotations

import pytest

from dateline.nlp.times import caption_times, find_times, resolve_time

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


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision", "direction"),
    [
        ("Five years ago the group held the town.", "Five years ago", "2014", "year", "past"),
        ("They fled two weeks ago.", "two weeks ago", "2019-W05", "week", "past"),
        ("The truce collapsed 10 days ago.", "10 days ago", "2019-02-04", "day", "past"),
        ("The siege began a month ago.", "a month ago", "2019-01", "month", "past"),
        ("Talks were held last year.", "last year", "2018", "year", "past"),
        ("Fighting eased earlier this month.", "earlier this month", "2019-02", "month", "past"),
        ("A vote is planned later this year.", "later this year", "2019", "year", "future"),
        ("They took the town in July last year.", "July last year", "2018-07", "month", "past"),
        ("Elections are due this September.", "this September", "2019-09", "month", "future"),
        ("The offensive began in January.", "in January", "2019-01", "month", "past"),
        ("The camp opened in 1992 as a transit site.", "in 1992", "1992", "year", "past"),
        ("Its 1988 budget was cut.", "1988", "1988", "year", "past"),
        ("The accord expires March 7.", "March 7", "2019-03-07", "day", "future"),
        ("A raid on Dec. 7 killed two.", "on Dec. 7", "2018-12-07", "day", "past"),
        ("The raid on Saturday, February 9 killed six.", "on Saturday, February 9",
         "2019-02-09", "day", "past"),
        ("The militia was formed in the 1990s.", "the 1990s", None, "vague", "past"),
        ("Losses rose in the third quarter.", "the third quarter", None, "vague", "past"),
        ("Fighting resumed last summer.", "last summer", None, "vague", "past"),
        ("Forces will leave by the end of the year.", "the end of the year", "2019", "year",
         "future"),
        ("Troops withdrew in 2014 and returned a year later.", "a year later", "2015", "year",
         "past"),
        ("The talks set to resume Monday will be hard.", "Monday", "2019-02-18", "day",
         "future"),
        ("Parliament said Friday it would meet.", "Friday", "2019-02-08", "day", "past"),
    ],
)
def test_more_resolutions(sentence: str, text: str, value: str | None, precision: str,
                          direction: str) -> None:
    found = [t for t in find_times(sentence, PUBLISHED) if t.text == text]
    assert found, find_times(sentence, PUBLISHED)
    (time,) = found
    assert (time.value, time.precision, time.direction) == (value, precision, direction)


@pytest.mark.parametrize(
    "sentence",
    [
        "Theresa May met the envoy.",
        "A convoy of 2000 troops arrived.",
        "Resolution 1973 was adopted.",
        "The fall of Raqqa ended the siege.",
        "Talks at 1930 GMT failed.",
        "Men in their 20s were detained.",
    ],
)
def test_not_times(sentence: str) -> None:
    assert find_times(sentence, PUBLISHED) == []


def test_resolve_time_reads_the_clause_around_a_given_span() -> None:
    text = "The town fell in 1988. The envoy arrived the following year."
    year = text.index("1988")
    time = resolve_time(text, year, year + 4, PUBLISHED)
    assert time is not None and time.value == "1988"
    following = text.index("the following year")
    time = resolve_time(text, following, following + 18, PUBLISHED)
    assert time is not None and time.value == "1989"
    assert resolve_time(text, 0, 8, PUBLISHED) is None


def test_caption_times_carry_their_caption() -> None:
    captions = ["Rescuers search the rubble (AFP).",
                "Families fled the town on Wednesday, a day after the strike (AFP)."]
    (time,) = caption_times(captions, PUBLISHED)
    assert (time.text, time.value, time.caption) == ("on Wednesday", "2019-02-13", 1)
    assert captions[1][time.start:time.end] == time.text
    assert all(t.caption is None for t in find_times(captions[1], PUBLISHED))
