from __future__ import annotations

import pytest

from dateline.nlp.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty-five", 25), ("3,000", 3000), ("two hundred", 200), ("dozens", 12),
     ("hundreds", 100), ("1.5 million", 1_500_000), ("five thousand", 5000)],
)
def test_parse_number(words: str, value: int) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("sentence", "value", "measure", "qualifier", "cumulative"),
    [
        ("At least 12 civilians were killed in the strike.", 12, "killed", "at least", False),
        ("Dozens were wounded.", 12, "injured", None, False),
        ("More than 39,000 people arrived, fleeing the fighting.", 39000, "displaced", "more than",
         False),
        ("The war has claimed more than 360,000 lives since 2011.", 360000, "killed", "more than",
         True),
        ("Police arrested 14 protesters.", 14, "arrested", None, False),
        ("The 2,000 or so US troops deployed to Syria.", 2000, "troops", "about", False),
        ("Twenty gunmen surrendered to the army.", 20, "troops", None, False),
        # the fate of armed men told after a relative clause of what they had done
        ("Two gunmen who had opened fire on worshippers were killed by commandos.", 2, "killed",
         None, False),
        ("The two militants who attacked the temple on Tuesday were shot dead by commandos.", 2,
         "killed", None, False),
    ],
)
def test_quantities(sentence: str, value: int, measure: str, qualifier: str | None,
                    cumulative: bool) -> None:
    found = [q for q in find_quantities(sentence) if q.value == value]
    assert found, find_quantities(sentence)
    q = found[0]
    assert (q.measure, q.qualifier, q.cumulative) == (measure, qualifier, cumulative)
    assert sentence[q.start:q.end] == q.text


@pytest.mark.parametrize("sentence", ["He was given several times for dead.",
                                      "The town is 40 km away.", "In 2014 the group rose."])
def test_not_counts(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_a_part_of_a_count_is_not_a_count() -> None:
    text = ("The blast killed 12 people, including three children, and wounded 30, among them "
            "four women. Two of the injured later died of their wounds.")
    assert [(q.value, q.measure) for q in find_quantities(text)] == [(12, "killed"),
                                                                    (30, "injured")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("She is one of 300 women and children, mostly Iraqi, recently out of the enclave.", 300),
        ("About 40 families from the village of Tal Abyad, most of them farmers, fled on foot.",
         40),
        ("Some 250 civilians living in the besieged district were evacuated by bus on Sunday.",
         250),
        ("Some 60 families from Raqqa, mostly farmers, left their homes after the shelling.", 60),
    ],
)
def test_people_who_left_are_displaced_however_far_the_verb(sentence: str, value: int) -> None:
    assert [(q.value, q.measure) for q in find_quantities(sentence)] == [(value, "displaced")]


@pytest.mark.parametrize("sentence", [
    "Around 200 residents of the camp gathered to protest the cuts in aid.",
    "About 120 people attended the funeral before leaving for the cemetery.",
])
def test_people_who_stay_are_no_count(sentence: str) -> None:
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(("sentence", "victim"), [
    ("A supporter was killed when the police opened fire.", "A supporter"),
    ("a youth died in the firing.", "a youth"),
    ("Police shot dead a 22-year-old man near the station.", "a 22-year-old man"),
    ("A police constable succumbed to his injuries on Sunday.", "A police constable"),
    ("The blast killed a soldier and wounded two others.", "a soldier"),
    ("A Bharatiya Janata Party worker was shot dead by the police.",
     "A Bharatiya Janata Party worker"),
    ("A 20-year-old was shot dead by the police.", "A 20-year-old"),
    ("Police gunned down a suspected militant.", "a suspected militant"),
    ("The army murdered a shopkeeper.", "a shopkeeper"),
    ("The youth was killed in police firing near the mosque.", "The youth"),
    ("His son was killed in police firing on Thursday.", "His son"),
    ("The boy died in the firing.", "The boy"),
])
def test_one_victim_without_a_number_is_one_killed(sentence: str, victim: str) -> None:
    killed = [q for q in find_quantities(sentence) if q.measure == "killed"]
    assert [(q.text, q.value) for q in killed] == [(victim, 1)]
    assert sentence[killed[0].start:killed[0].end] == victim


@pytest.mark.parametrize("sentence", [
    "A man was not killed.",                      # denied
    "A man who died last year was buried.",       # not said of the man
    "A man was injured in the firing.",           # not killed
    "A group of people died.",                    # no singular person
])
def test_no_victim_counted(sentence: str) -> None:
    assert not [q for q in find_quantities(sentence) if q.measure == "killed"]


def test_one_victim_gives_way_to_a_count_of_the_dead() -> None:
    sentence = "The toll rose to eight after a woman died of her injuries."
    killed = [q for q in find_quantities(sentence) if q.measure == "killed"]
    assert [(q.text, q.value) for q in killed] == [("eight", 8)]


def test_ages_are_neither_counts_nor_a_stop_for_the_count() -> None:
    text = ("Two shepherds, brothers aged 14 and 16, were killed by a landmine. Four people aged "
            "between 20 and 30 were arrested.")
    assert [(q.value, q.measure) for q in find_quantities(text)] == [(2, "killed"),
                                                                    (4, "arrested")]


@pytest.mark.parametrize(("sentence", "value"), [
    ("The death toll rose to 12 on Monday.", 12),
    ("However, the Surat police put the toll at five.", 5),
    ("He said that the toll on this count was only 13.", 13),
    ("The death toll from the bombing stood at 40, officials said.", 40),
])
def test_a_death_toll_counts_the_dead(sentence: str, value: int) -> None:
    (toll,) = find_quantities(sentence)
    assert (toll.value, toll.measure, toll.cumulative) == (value, "killed", False)


def test_the_toll_of_a_wave_of_violence_is_a_running_total() -> None:
    (toll,) = find_quantities("The toll in the communal violence has climbed to 430.")
    assert (toll.value, toll.measure, toll.cumulative) == (430, "killed", True)
    assert not find_quantities("Road tolls rose by 5 percent.")


@pytest.mark.parametrize(("sentence", "value", "cumulative"), [
    ("The blast claimed 12 lives in the market.", 12, False),
    ("Police firing claimed two lives in Vadodara.", 2, False),
    ("The riots have already claimed 700 lives.", 700, True),
    ("The violence claimed over 700 lives.", 700, True),
    ("It is the main front of the war in Syria that has claimed more than 360,000 lives.",
     360000, True),
    ("Four people fell to police bullets.", 4, False),
    # an area's toll and official figures
    ("Most deaths were in Ahmedabad, where the toll is now quoted at 233.", 233, True),
    ("According to figures in the state control room, 73 have been killed in police firing.",
     73, True),
    ("The state-wide figures show 40 people killed in the firing.", 40, True),
])
def test_which_tolls_are_running_totals(sentence: str, value: int, cumulative: bool) -> None:
    (q,) = [q for q in find_quantities(sentence) if q.value == value]
    assert (q.measure, q.cumulative) == ("killed", cumulative)


def test_a_part_of_a_running_total_is_a_running_total_too() -> None:
    text = "The toll in the state stood at 233, including 30 killed in police firing."
    assert [(q.value, q.measure, q.cumulative) for q in find_quantities(text)] == [
        (233, "killed", True), (30, "killed", True)]


def test_a_victim_named_by_name_is_one_killed_and_an_age_is_no_count() -> None:
    text = "Mohammed Yunus, 22, was killed in police firing. Police shot dead Rafiq Sheikh."
    people = [(0, 14), (text.index("Rafiq"), text.index("Rafiq") + 12)]
    assert [(q.text, q.value, q.measure) for q in find_quantities(text, people)] == [
        ("Mohammed Yunus", 1, "killed"), ("Rafiq Sheikh", 1, "killed")]
    assert find_quantities("Mohammed Yunus, 22, was arrested.") == []


@pytest.mark.parametrize(("text", "value"), [
    ("Seven people were burnt alive when a mob set fire to a house.", 7),
    ("Three were charred to death.", 3),
    ("Another person died in the firing.", 1),
    ("A rioter was killed in the clash.", 1),
    ("'The police fired at us and killed my son,' said Rasool.", 1),
    ("'Our son was shot dead,' she said.", 1),
    ("Two more succumbed to their injuries.", 2),
])
def test_deaths_by_fire_another_or_own_victim_and_those_who_succumbed(text: str,
                                                                      value: int) -> None:
    assert [(q.value, q.measure) for q in find_quantities(text)] == [(value, "killed")]


def test_counts_in_statistics_are_running_totals() -> None:
    text = "Out of the 286 people killed, some 41 were killed in police firing."
    assert [(q.value, q.cumulative) for q in find_quantities(text)] == [(286, True), (41, True)]
    assert [q.value for q in find_quantities("57 per cent (23 out of 40) of them died.")
            if q.value == 23] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Many people were killed in police firing.", 3),
    ("A number of people were killed in the clashes.", 3),
    ("Scores were killed in the riots.", 20),
    ("It is not known how many were killed.", None),
])
def test_many_is_the_fewest_it_can_mean(text: str, value: int | None) -> None:
    assert [q.value for q in find_quantities(text) if q.measure == "killed"] == (
        [value] if value else [])
