from __future__ import annotations

import datetime as dt

import pytest

from dateline.clean import CleaningData, EditLog, repair_text
from dateline.clean.header import read_header


@pytest.fixture(scope="module")
def data() -> CleaningData:
    return CleaningData.load()


def clean(text: str, data: CleaningData) -> tuple[str, list[str]]:
    log = EditLog(text)
    repair_text(log, data)
    return log.text, [e.rule for e in log.edits()]


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("According to badysts the group", "According to analysts the group"),
        ("Trump badures that", "Trump assures that"),
        ("troops to badist the army", "troops to assist the army"),
        ("in the open airin arid areas", "in the open air in arid areas"),
        ("would be foreignersaccording to him", "would be foreigners according to him"),
        ('"Cars or motorcycle bombssaid Afrin.', '"Cars or motorcycle bombs" said Afrin.'),
        ('two attacks "by kamikaze women"they said.', 'two attacks "by kamikaze women" they said.'),
        ("the Observatory of 39; Oenegé said", "the Observatory NGO said"),
        ("Bashar al-Asad dÃ©nonce", "Bashar al-Asad dénonce"),
        ("Tom &amp; Jerry", "Tom & Jerry"),
    ],
)
def test_repairs(damaged: str, repaired: str, data: CleaningData) -> None:
    assert clean(damaged, data)[0] == repaired


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian Democratic Forces launched an offensive on the village of Baghuz.",
        "Analysts said the assault on the embassy was badly planned; the bad weather helped.",
        'He said: "We will not leave." Then he left.',
        "Classes resumed in Kharkiv after 12 days, officials said.",
        "The airstrike hit Hajin at 3 a.m. on Tuesday, local residents told Reuters.",
    ],
)
def test_clean_text_is_left_alone(text: str, data: CleaningData) -> None:
    assert clean(text, data) == (text, [])


def test_furniture_captions_and_repeats(data: CleaningData) -> None:
    raw = ("First paragraph of the story is here.\n\nLook also\n\n"
           "Soldiers patrol the town (AFP).\n\nSoldiers patrol the town (AFP).\n\n"
           "First paragraph of the story is here.\n\nAFP Agency.\n\nSource link")
    log = EditLog(raw)
    report = repair_text(log, data)
    assert log.text == "First paragraph of the story is here."
    assert report.captions == ["Soldiers patrol the town (AFP)."]
    assert report.agency == "AFP"


def test_title_with_day_first_date() -> None:
    header = read_header("Title here – 03/02/2019\n\nBody.", None, dt.date.today())
    assert header.title == "Title here"
    assert header.published == "2019-02-03"


def test_wire_dateline() -> None:
    header = read_header("Headline\n\nBEIRUT, Feb 14 (AFP) - Body text.", "2019-02-15",
                         dt.date.today())
    assert (header.place, header.agency, header.published) == ("Beirut", "AFP", "2019-02-14")
