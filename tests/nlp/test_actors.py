"""The actor lexicon: aliases in several languages, ACLED names and inter codes."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from dateline.nlp.actors import ActorLexicon

SDF = "SDF: Syrian Democratic Forces"
IS_SYRIA = "Islamic State (Syria)"


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load()


@pytest.mark.parametrize("alias", ["SDF", "SDS", "FDS", "QSD", "Syrian Democratic Forces",
                                   "syrian democratic forces", "Fuerzas Democraticas Sirias",
                                   "Fuerzas Democráticas Sirias", "Forces démocratiques syriennes",
                                   "Arab-Kurdish alliance", SDF])
def test_sdf_aliases(lexicon: ActorLexicon, alias: str) -> None:
    actor = lexicon.get(alias)
    assert actor is not None and actor.name == SDF


@pytest.mark.parametrize("alias", ["IS", "ISIS", "ISIL", "Daesh", "EI", "EIIL", "Islamic State",
                                   "Estado Islamico", "Estado Islámico", "État islamique", "Isis"])
def test_islamic_state_aliases(lexicon: ActorLexicon, alias: str) -> None:
    actor = lexicon.get(alias)
    assert actor is not None and actor.name == IS_SYRIA


def test_isis_and_daesh_in_text_are_one_actor(lexicon: ActorLexicon) -> None:
    text = "ISIS fighters fled; Daesh still holds the village, the SDS and the FDS said."
    found = {text[s:e]: actor.name for s, e, actor in lexicon.match(text)}
    assert found == {"ISIS": IS_SYRIA, "Daesh": IS_SYRIA, "SDS": SDF, "FDS": SDF}


def test_the_country_picks_the_branch(lexicon: ActorLexicon) -> None:
    [(_, _, actor)] = lexicon.match("ISIS attacked a checkpoint", country="IQ")
    assert actor.name == "Islamic State (Iraq)"


def test_longest_match_wins(lexicon: ActorLexicon) -> None:
    text = ("backed by the international coalition led by the United States. "
            "The regime of Bashar Al Asad")
    found = [(text[s:e], actor.name) for s, e, actor in lexicon.match(text)]
    assert found == [
        ("international coalition led by the United States", "Global Coalition Against Daesh"),
        ("regime of Bashar Al Asad", "Military Forces of Syria (2000-2024)"),
    ]


def test_acronyms_are_case_sensitive_and_words_bounded(lexicon: ActorLexicon) -> None:
    assert lexicon.match("this is isis and sdf in lowercase; SDFs; ISISK") == []
    assert lexicon.match("WHAT IS NEXT FOR THE REGION") == []


def test_generic_aliases_need_one_meaning(lexicon: ActorLexicon) -> None:
    assert lexicon.is_generic("the jihadists") and lexicon.is_generic("government forces")
    assert not lexicon.is_generic("ISIS")
    [(_, _, actor)] = lexicon.match("the jihadists held out")
    assert actor.name == IS_SYRIA
    assert lexicon.match("government forces shelled the town") == []
    [(_, _, forces)] = lexicon.match("government forces shelled the town", country="SY")
    assert forces.name == "Military Forces of Syria (2000-2024)"


def test_monitors_are_sources_not_actors(lexicon: ActorLexicon) -> None:
    text = "according to the Syrian Observatory for Human Rights (OSDH), and SOHR"
    assert lexicon.match(text) == []
    names = [name for _, _, name in lexicon.sources(text)]
    assert names == ["Syrian Observatory for Human Rights"] * 3
    assert lexicon.is_source("SOHR") and lexicon.is_source("OSDH") and not lexicon.is_source("SDF")
    assert lexicon.get("SOHR") is None


@pytest.mark.parametrize(("alias", "inter"), [
    ("SDF", 2), ("ISIS", 2), ("Syrian army", 1), ("international coalition", 8), ("RSF", 2),
    ("Sudanese army", 1), ("Al Shabaab", 2), ("JNIM", 2), ("ISWAP", 2), ("Boko Haram", 2),
    ("M23", 2), ("VDP", 3), ("CODECO", 4), ("Wagner Group", 8), ("Houthis", 1),
])
def test_inter_codes(lexicon: ActorLexicon, alias: str, inter: int) -> None:
    actor = lexicon.get(alias)
    assert actor is not None and actor.inter == inter


def test_generic_actors_by_country(lexicon: ActorLexicon) -> None:
    syria = lexicon.generic("Syria")
    assert (syria.civilians.name, syria.civilians.inter) == ("Civilians (Syria)", 7)
    assert (syria.protesters.name, syria.protesters.inter) == ("Protesters (Syria)", 6)
    assert (syria.rioters.name, syria.rioters.inter) == ("Rioters (Syria)", 5)
    assert lexicon.civilians("SY") == syria.civilians
    assert lexicon.civilians("CD").name == "Civilians (Democratic Republic of Congo)"
    [(_, _, actor)] = lexicon.match("villagers fled", country="SY")
    assert actor.name == "Civilians (Syria)"


def test_acled_names_by_date(lexicon: ActorLexicon) -> None:
    troops = lexicon.get("US troops")
    assert troops is not None
    in_2019 = lexicon.at(troops, "2019-02-14")
    assert in_2019.name == "Military Forces of the United States (2017-2021)"
    assert lexicon.inter_in(troops, "SY") == 8 and lexicon.inter_in(troops, "US") == 1
    taliban = lexicon.at("Taliban", "2019")
    assert (taliban.name, taliban.inter) == ("Taliban", 2)
    assert lexicon.at("Taliban", "2023-01-01").inter == 1


def test_every_actor_has_a_source_and_an_inter_code() -> None:
    data = json.loads(resources.files("dateline.data").joinpath("actors.json").read_text("utf-8"))
    names = [item["name"] for item in data["actors"]]
    assert len(names) == len(set(names))
    for item in data["actors"]:
        assert item["source"].strip(), item["name"]
        assert item["inter"] in range(1, 9), item["name"]
        assert item["country"] is None or len(item["country"]) == 2, item["name"]


def test_states_named_by_their_country_are_named_not_parties(lexicon: ActorLexicon) -> None:
    text = "Officials in the United States and the US envoy met; US troops stayed."
    assert [a.name for _, _, a in lexicon.match(text)] == [
        "Military Forces of the United States (2025-)"]
    named = [(text[s:e], kind) for s, e, _, kind in lexicon.named(text)]
    assert named == [("United States", "state"), ("US", "state")]
    (name,) = {n for _, _, n, _ in lexicon.named(text)}
    assert lexicon.at(name, "2019-02-14").name == "Government of the United States (2017-2021)"
    assert not lexicon.is_party(name)
    assert not lexicon.is_party("Syrian Observatory for Human Rights")
    assert lexicon.is_party("SDF: Syrian Democratic Forces")
    assert lexicon.is_party("Civilians (Syria)")


def test_every_state_and_monitor_has_a_source() -> None:
    data = json.loads(resources.files("dateline.data").joinpath("actors.json").read_text("utf-8"))
    for item in data["states"]["entries"] + data["monitors"]["entries"]:
        assert item["source"].strip(), item["name"]
