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


def test_byline_line_gives_the_agency_and_date() -> None:
    import datetime as dt

    header = read_header("By AFP | 14 March 2024\n\nYANGON, March 14 (AFP) - Body.", None,
                         dt.date(2024, 3, 20))
    assert (header.byline, header.published, header.place, header.agency) == (
        "AFP", "2024-03-14", "Yangon", "AFP")


@pytest.mark.parametrize(
    ("text", "place", "date", "body"),
    [
        ("TAWILA, North Darfur – March 14, 2024\n\nFighters attacked.", "Tawila, North Darfur",
         "2024-03-14", "Fighters attacked."),
        ("MOGADISHU – At least ten people died.", "Mogadishu", None, "At least ten people died."),
        ("SANAA — Houthi forces arrested six.", "Sanaa", None, "Houthi forces arrested six."),
        ("BREAKING – Nothing to see.", None, None, "BREAKING – Nothing to see."),
        ("By the time troops arrived, the village was empty.", None, None,
         "By the time troops arrived, the village was empty."),
    ],
)
def test_datelines_without_a_wire_agency(text: str, place: str | None, date: str | None,
                                         body: str, data: CleaningData) -> None:
    import datetime as dt

    from dateline.clean.editlog import EditLog

    header = read_header(text, None, dt.date(2024, 3, 20), known_title="Some page title")
    log = EditLog(text)
    log.apply(list(header.replacements))
    assert (header.place, header.published, log.text.strip()) == (place, date, body)


def test_a_web_page_keeps_a_first_line_that_is_not_its_title() -> None:
    import datetime as dt

    text = "Tested by: John Milbank RRP: 49.95 Euro\n\nIf you want a book that makes noise."
    header = read_header(text, None, dt.date(2024, 3, 20), known_title="Bike & Style review")
    assert header.title is None and header.replacements == ()
    header = read_header("Bike & Style review\n\nBody.", None, dt.date(2024, 3, 20),
                         known_title="Bike & Style review | MoreBikes")
    assert header.title == "Bike & Style review"


def test_structural_repeats_stay_but_near_copies_go(data: CleaningData) -> None:
    day = "Eat 60 to 90 minutes before your workout"
    recipe = "\n\n".join([day, "Asparagus and eggs", "Coffee", "Water", "Rest",
                          day, "Chicken and rice", "Tea", "Juice", "Sleep"])
    assert clean(recipe, data)[0] == recipe
    copy = "The convoy was hit by a roadside bomb near Djibo on Friday."
    assert clean(f"{copy}\n\n{copy}\n\nOther news.", data)[0] == f"{copy}\n\nOther news."
