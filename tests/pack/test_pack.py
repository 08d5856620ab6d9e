"""Region packs: reading exports, learning places, actors and a classifier, using a pack.

The export below is written for these tests (invented villages and events, in ACLED's layout);
nothing in it comes from ACLED's data.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.pack.actors import mentions, without_period
from dateline.pack.classify import NO_EVENT, Example, TypeClassifier, train
from dateline.pack.places import spellings
from dateline.pack.read import ExportReader, iso_date

COLUMNS = ["event_id_cnty", "event_date", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
           "actor2", "assoc_actor_2", "inter2", "country", "admin1", "admin2", "location",
           "latitude", "longitude", "geo_precision", "notes", "fatalities"]
TYPES = frozenset({"Attack", "Peaceful protest", "Armed clash", "Mob violence"})
# An invented village (no gazetteer knows it), placed inside Kalale commune, Borgou.
VILLAGE = ("Gbetoukou", "Borgou", "Kalale", 10.31, 3.41)


def _rows(count: int = 40) -> list[dict[str, str]]:
    rows = []
    for i in range(count):
        day = f"2019-{1 + i % 12:02d}-{1 + i % 27:02d}"
        name, admin1, admin2, lat, lon = VILLAGE
        if i % 2 == 0:
            rows.append(dict(zip(COLUMNS, [
                f"TST{i}", day, "Attack", "Kourou Brigade", "", "3", "Civilians (Benin)", "",
                "7", "Benin", admin1, admin2, name, str(lat), str(lon), "1",
                f"On {day}, gunmen of the Kourou Brigade attacked herders near Gbetokou "
                f"({admin2}, {admin1}) and killed one of them.", "1"], strict=True)))
        else:
            rows.append(dict(zip(COLUMNS, [
                f"TST{i}", day, "Peaceful protest", "Protesters (Benin)", "", "6", "", "", "0",
                "Benin", "Borgou", "Parakou", "Parakou", "9.337", "2.630", "1",
                f"On {day}, traders marched peacefully in Parakou (Parakou, Borgou) against "
                "the new market tax.", "0"], strict=True)))
    return rows


def _write(path: Path, rows: list[dict[str, str]], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_dates_in_both_of_acleds_layouts() -> None:
    assert iso_date("2020-03-15") == iso_date("15 March 2020") == "2020-03-15"
    assert iso_date("the ides of March") == ""


def test_bad_rows_are_counted_and_the_good_ones_used(tmp_path: Path) -> None:
    rows = _rows(6)
    rows[1] = {**rows[1], "notes": ""}
    rows[2] = {**rows[2], "sub_event_type": "Dance-off"}
    rows[3] = {**rows[3], "latitude": "", "longitude": ""}
    rows.append(dict(rows[0]))  # a duplicate id
    reader = ExportReader(TYPES)
    used = list(reader.rows([_write(tmp_path / "a.csv", rows)]))
    report = reader.report
    assert (report.rows, report.used, len(used)) == (7, 6, 6)
    problems = " | ".join(report.messages())
    for words in ("no notes", "unknown sub-event type 'Dance-off'", "no coordinates",
                  "duplicate id"):
        assert words in problems
    assert used[2].sub_event_type == "" and used[2].actors  # still teaches its actors
    assert used[3].point is None and used[3].notes


def test_a_file_without_the_columns_is_named_and_the_others_go_on(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("name,age\nAda,36\n", "utf-8")
    no_notes = _write(tmp_path / "b.csv", _rows(4), [c for c in COLUMNS if c != "notes"])
    reader = ExportReader(TYPES)
    used = list(reader.rows([other, no_notes, tmp_path / "missing.csv"]))
    assert len(used) == 4 and all(not r.notes and r.point for r in used)
    text = " | ".join(reader.report.messages())
    assert "other.csv: not an ACLED-format export" in text
    assert "no column 'notes'" in text and "missing.csv: no such file" in text


def test_a_broken_quote_stops_one_file_with_a_message(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.csv", _rows(3))
    path.write_text(path.read_text("utf-8") + 'TSTX,2019-01-01,"Attack\n', "utf-8")
    reader = ExportReader(TYPES)
    assert len(list(reader.rows([path]))) == 3
    assert any("malformed" in line or "different number" in line
               for line in reader.report.messages())


def test_spellings_and_mentions() -> None:
    assert spellings("Abomey-Calavi", "clashes in Abomet-Calavi on Monday") == ["Abomet-Calavi"]
    assert spellings("Parakou", "in Parakou and Kandi") == []
    assert {"Kourou Brigade", "Kourou"} <= mentions("Gunmen of the Kourou Brigade attacked.")
    assert without_period("Police Forces of Benin (2016-)") == "Police Forces of Benin"


def _examples() -> list[Example]:
    out = []
    for i in range(60):
        day = (dt.date(2019, 1, 1) + dt.timedelta(days=i)).isoformat()
        if i % 3 == 0:  # the rules call a sit-in a riot; the coders, a protest
            out.append(Example(f"traders held a sit-in number {i}", "Mob violence",
                               "Peaceful protest", day))
        elif i % 3 == 1:
            out.append(Example(f"gunmen killed herder {i}", "Attack", "Attack", day))
        else:
            out.append(Example(f"a crowd beat a thief {i}", NO_EVENT, "Mob violence", day))
    return out


def test_the_classifier_learns_where_the_rules_err_and_round_trips_as_json() -> None:
    classifier, scores = train(_examples(), seed=0)
    assert classifier is not None and scores["trained"]
    assert scores["with_classifier_accuracy"] > scores["rules_accuracy"]
    again = TypeClassifier.from_json(json.loads(json.dumps(classifier.to_json())))
    decision = again.decide("traders held a sit-in again", "Mob violence")
    assert decision is not None and decision[0] == "Peaceful protest"
    assert again.decide("gunmen killed a herder", "Attack") is None
    probs = again.probabilities("gunmen killed a herder", "Attack")
    assert abs(sum(probs.values()) - 1) < 1e-9


def test_too_few_examples_train_nothing() -> None:
    classifier, scores = train(_examples()[:5])
    assert classifier is None and "5 examples" in scores["reason"]


@pytest.fixture(scope="module")
def pack_folder(resources, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from dateline.pack.learn import learn

    folder = tmp_path_factory.mktemp("pack")
    export = _write(folder / "export.csv", _rows())
    learn([export], folder / "pack", resources=resources)
    return folder / "pack"


def test_learning_writes_a_card_and_plain_data(pack_folder: Path) -> None:
    card = json.loads((pack_folder / "pack.json").read_text("utf-8"))
    assert card["rows"] == card["rows_used"] == 40
    assert card["countries"][0]["iso3"] == "BEN"
    assert len(card["learned_from"][0]["sha256"]) == 64
    places = json.loads((pack_folder / "places.json").read_text("utf-8"))["entries"]
    village = next(p for p in places if p["name"] == "Gbetoukou")
    assert village["aliases"] == ["Gbetokou"] and village["country"] == "BJ"
    actors = json.loads((pack_folder / "actors.json").read_text("utf-8"))["actors"]
    brigade = next(a for a in actors if a["name"] == "Kourou Brigade")
    assert brigade["inter"] == 3 and brigade["aliases"] == ["Kourou Brigade"]  # Kourou: a town
    assert not any(a["name"].startswith(("Civilians", "Protesters")) for a in actors)


def test_learning_is_reproducible(pack_folder: Path, resources, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dateline.pack.learn import learn

    learn([pack_folder.parent / "export.csv"], tmp_path / "again", resources=resources)
    for name in ("places.json", "actors.json", "classifier.json"):
        assert (tmp_path / "again" / name).read_text("utf-8") == (
            pack_folder / name).read_text("utf-8")


def test_a_pack_places_its_villages_and_names_its_actors(pack_folder: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from dateline.api import Resources, build_pipeline, process

    text = ("On 3 May 2023, gunmen of the Kourou Brigade attacked herders in Gbetoukou "
            "(Kalale, Borgou), killing two.")
    before = process(text, "2023-05-04", pipeline=pipeline).events[0]
    with_pack = build_pipeline(Resources.load(pack=pack_folder))
    after = process(text, "2023-05-04", pipeline=with_pack).events[0]
    assert before.location != "Gbetoukou"
    assert after.location == "Gbetoukou" and after.admin2 == "Kalale"
    assert (after.latitude, after.longitude) == (10.31, 3.41)
    assert after.actor1 == "Kourou Brigade" and after.inter1 == 3


def test_a_pack_folder_that_is_not_one_says_so(tmp_path: Path) -> None:
    from dateline.errors import DatelineError
    from dateline.pack import RegionPack

    with pytest.raises(DatelineError, match="not a region pack"):
        RegionPack.load(tmp_path)


def test_the_learn_command_names_what_it_left_out(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from dateline.cli.main import cli

    other = tmp_path / "other.csv"
    other.write_text("name,age\nAda,36\n", "utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["learn", str(other), "-o", str(tmp_path / "p")])
    assert result.exit_code == 3 and "not an ACLED-format export" in " ".join(
        result.output.split())
    rows = _rows(4)
    rows[0] = {**rows[0], "latitude": "", "longitude": ""}
    export = _write(tmp_path / "e.csv", rows)
    result = runner.invoke(cli, ["learn", str(export), str(other), "-o", str(tmp_path / "p"),
                                 "--no-classifier", "-q"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "4 rows read, 4 used" in said and "no coordinates" in said
    assert (tmp_path / "p" / "pack.json").exists()
    shown = runner.invoke(cli, ["extract", "--pack", str(tmp_path / "nowhere"), str(export)])
    assert shown.exit_code == 2 and "no such pack folder" in " ".join(shown.output.split())
