"""The gazetteer: resolutions the seed article and the demo corpus need, and find_all."""

from __future__ import annotations

import pytest

from dateline.nlp.gazetteer import Gazetteer, distance_km, fold, loose_keys, name_key


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("mention", ["Baghuz", "Al-Baghuz", "al Baghuz", "BAGHUZ", "Baghouz",
                                     "Al-Baghouz", "Al-Baghuz Fawqani"])
def test_baghuz_is_the_curated_al_baghuz_fawqani(gazetteer: Gazetteer, mention: str) -> None:
    entry = gazetteer.resolve(mention)
    assert entry is not None
    assert (entry.name, entry.country, entry.admin1, entry.source) == (
        "Al-Baghuz Fawqani", "SY", "Deir ez-Zor", "curated")
    assert entry.latitude is not None and entry.longitude is not None
    assert distance_km((entry.latitude, entry.longitude), (34.45, 40.94)) < 25
    assert entry.precision == "town"


@pytest.mark.parametrize("mention", ["Deir Ezzor", "Deir ez-Zor", "Deir ez Zor", "deir-ez-zor"])
def test_deir_ez_zor_is_the_syrian_city_or_governorate(gazetteer: Gazetteer, mention: str) -> None:
    entry = gazetteer.resolve(mention)
    assert entry is not None
    assert entry.country == "SY" and entry.kind in ("city", "admin1")
    assert entry.admin1 == "Deir ez-Zor"


def test_the_province_of_deir_ezzor_is_the_governorate(gazetteer: Gazetteer) -> None:
    for entry in (gazetteer.resolve("Deir Ezzor", kind="admin1"),
                  gazetteer.resolve("Deir Ezzor province")):
        assert entry is not None
        assert (entry.kind, entry.country, entry.name, entry.precision) == (
            "admin1", "SY", "Deir ez-Zor", "province")
        assert entry.latitude is not None  # the median of its towns


@pytest.mark.parametrize(("mention", "code"), [
    ("Syria", "SY"), ("Iraq", "IQ"), ("Great Britain", "GB"), ("Britain", "GB"), ("UK", "GB"),
    ("the United States", "US"), ("US", "US"), ("DRC", "CD"), ("DR Congo", "CD"),
    ("Democratic Republic of the Congo", "CD"), ("Ivory Coast", "CI"), ("Burma", "MM"),
    ("Palestine", "PS"), ("Siria", "SY"),
])
def test_countries(gazetteer: Gazetteer, mention: str, code: str) -> None:
    entry = gazetteer.resolve(mention)
    assert entry is not None
    assert (entry.kind, entry.country, entry.precision) == ("country", code, "country")


@pytest.mark.parametrize("code", ["SY", "sy", "SYR", "760", "Syria", "Syrian Arab Republic"])
def test_country_by_code_or_name(gazetteer: Gazetteer, code: str) -> None:
    entry = gazetteer.country(code)
    assert entry is not None
    assert (entry.country, entry.iso3, entry.kind) == ("SY", "SYR", "country")


def test_unknown_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.country("Atlantis") is None
    assert gazetteer.resolve("Qzxqzx") is None
    assert gazetteer.lookup("") == []


def test_kramatorsk_is_in_donetsk(gazetteer: Gazetteer) -> None:
    entry = gazetteer.resolve("Kramatorsk")
    assert entry is not None
    assert (entry.kind, entry.country, entry.admin1) == ("city", "UA", "Donetsk")
    assert entry.geonames_id == 704508


def test_afrin_is_a_syrian_town(gazetteer: Gazetteer) -> None:
    entry = gazetteer.lookup("Afrin")[0]
    assert (entry.kind, entry.country, entry.name) == ("city", "SY", "Afrin")


def test_a_town_comes_before_the_district_named_after_it(gazetteer: Gazetteer) -> None:
    entry = gazetteer.resolve("Ariha", country_hint="SY")
    assert entry is not None and entry.kind == "city"


def test_country_context_and_proximity_disambiguate(gazetteer: Gazetteer) -> None:
    by_country = gazetteer.resolve("Al-Susah", country_hint="Syria")
    by_distance = gazetteer.resolve("Al-Susah", near=(34.46, 40.95))
    for entry in (by_country, by_distance):
        assert entry is not None
        assert (entry.country, entry.admin1) == ("SY", "Deir ez-Zor")


def test_alternate_names_and_transliterations(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Jisr al-Shughur", country_hint="SY").kind == "city"  # type: ignore[union-attr]
    assert gazetteer.resolve("El Dher", country_hint="SO").name == "Ceeldheer"  # type: ignore[union-attr]
    assert gazetteer.resolve("Hodeidah", country_hint="YE").country == "YE"  # type: ignore[union-attr]


def test_entry_to_place(gazetteer: Gazetteer) -> None:
    entry = gazetteer.resolve("Baghuz")
    assert entry is not None
    place = entry.to_place(10, 16, "Baghuz")
    assert (place.start, place.end, place.text) == (10, 16, "Baghuz")
    assert place.name == "Al-Baghuz Fawqani"
    assert (place.country, place.precision, place.iso3) == ("SY", "town", "SYR")


SENTENCE = ("The police said the deal would split Mobile voters. Of the fighters in Baghuz, in the "
            "province of Deir ez-Zor, few will reach Great Britain; Baghuzville is no place.")


def test_find_all_finds_places(gazetteer: Gazetteer) -> None:
    found = gazetteer.find_all(SENTENCE)
    assert all(SENTENCE[start:end] == text for start, end, text in found)
    texts = [text for _, _, text in found]
    assert "Baghuz" in texts
    assert "Deir ez-Zor" in texts  # the longest match, not "Deir"
    assert "Great Britain" in texts


def test_find_all_skips_common_words_and_respects_word_boundaries(gazetteer: Gazetteer) -> None:
    texts = {text for _, _, text in gazetteer.find_all(SENTENCE)}
    assert not texts & {"The", "police", "Police", "deal", "split", "Mobile", "Of", "Deir", "Zor"}
    assert not any("Baghuzville" in text or text == "Baghuzv" for text in texts)


def test_find_all_matches_transliterations(gazetteer: Gazetteer) -> None:
    text = "their last stronghold in the province of Deir Ezzor, said Adnan Afrin"
    assert [t for _, _, t in gazetteer.find_all(text)] == ["Deir Ezzor", "Afrin"]


def test_find_all_needs_capitals(gazetteer: Gazetteer) -> None:
    assert gazetteer.find_all("clashes near baghuz and deir ez-zor") == []
    assert [t for _, _, t in gazetteer.find_all("in al-Baghuz")] == ["al-Baghuz"]


def test_fold_keeps_offsets() -> None:
    for text in ("‘Afrīn", "Ḩamāh – Deir ez-Zor", "Ålesund’s İzmir", "Şalāḩ ad Dīn"):
        assert len(fold(text)) == len(text)
    assert fold("Al-Baghūz") == "al baghuz"


def test_keys() -> None:
    assert name_key("The United States") == "united states"
    assert name_key("Sha'afah") == name_key("Shaafah")
    assert "deirezzor" in loose_keys(name_key("Deir ez-Zor"))
    ash, al = (loose_keys(name_key(n))[-1] for n in ("Jisr ash-Shughur", "Jisr al-Shughur"))
    assert ash == al
