"""Word-list repairs: glued words and profanity-filter damage, on English text only."""

from __future__ import annotations

import pytest

from dateline.clean import CleaningData, EditLog, repair_text
from dateline.clean.english import best_split, glued_words, looks_english


@pytest.fixture(scope="module")
def data() -> CleaningData:
    return CleaningData.load()


def clean(text: str, data: CleaningData) -> str:
    log = EditLog(text)
    repair_text(log, data)
    return log.text


@pytest.mark.parametrize(
    ("token", "split"),
    [("bombssaid", ("bombs", "said")), ("airin", ("air", "in")),
     ("foreignersaccording", ("foreigners", "according")), ("marketsaid", ("market", "said"))],
)
def test_glued_tokens_split(token: str, split: tuple[str, str], data: CleaningData) -> None:
    assert best_split(token, data.glue) == split


@pytest.mark.parametrize(
    "token",
    # compounds of clean news text: the pair is no likelier than the token, or an affix
    ["tarball", "multilink", "electrohydraulic", "overproducing", "photofinishing",
     "microenvironments", "hairlike", "inefficacy", "apocalyptical", "backen"],
)
def test_compounds_do_not_split(token: str, data: CleaningData) -> None:
    assert best_split(token, data.glue) is None


@pytest.mark.parametrize(
    "text",
    [
        "Check the tarball at example.org/stunnel_rsync.tar.gz before you unpack it again.",
        "The comité provincial resaltó la etapa: Rafael Pérez repasó el debate del comité.",
        "The multilink suspension and the electrohydraulic brakes were tested in the lab.",
        "Wire copy: suivi.reformes@gmail.com and https://example.org/airin/page carry no damage.",
    ],
)
def test_urls_accents_and_compounds_are_left_alone(text: str, data: CleaningData) -> None:
    assert clean(text, data) == text


def test_a_word_that_comes_back_is_no_damage(data: CleaningData) -> None:
    text = ("Tyvak builds the smallsat bus. Each smallsat carries a camera, and the company "
            "said the smallsat line will grow.")
    assert glued_words(text, data) == []


def test_other_languages_are_not_split_into_english(data: CleaningData) -> None:
    german = ("Die Mandelplätzchen zu einem glatten Teig verarbeiten und backen. Auch das slippen "
              "der Boote an der Rampe gehört zur Ausbildung der Taucher, die dabei lernen, wie "
              "man die Boote sicher ins Wasser bringt und wieder herausholt, sollen sie sagen.")
    spanish = ("La deuda externa total aumentó en 884,3 millones de dólares respecto a 2020, "
               "según el informe del banco central, que también mostró que los desembolsos "
               "externos fueron para la industria manufacturera y el comercio del país.")
    for text in (german, spanish):
        assert not looks_english(text)
        assert clean(text, data) == text


def test_english_is_recognised() -> None:
    assert looks_english("According to badysts the group would be foreignersaccording to him, "
                         "and the attacks took place in the open airin arid areas of the east, "
                         "where the fighters were hiding in tunnels under the village.")
    assert looks_english("Trump badures that")  # too short to tell: repaired as English
