"""Who acts and who is acted on towards a given trigger (`role_for`), on sentences written for
these tests: passives and 'by' agents, nominalisations, coordination, relative clauses, control,
recipients, stance participles, light verbs, reporting verbs."""

from __future__ import annotations

from typing import Any

import pytest

from dateline.events.role_claims import claim_roles
from dateline.events.roles import (
    _towards,
    _trigger_token,
    main_verb,
    names_actors,
    pick_roles,
    relative_clause,
    role_for,
)
from dateline.nlp.model import load_spacy


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy()


def _role(nlp: Any, text: str, mention: str, trigger: str | None) -> str | None:
    doc = nlp(text)
    start = text.index(mention)
    if trigger is None:
        return role_for(doc, start, start + len(mention))
    at = text.index(trigger)
    return role_for(doc, start, start + len(mention), at, at + len(trigger))


@pytest.mark.parametrize(("text", "mention", "trigger", "role"), [
    # passive voice and its 'by' agent
    ("The convoy was ambushed by gunmen near the bridge.", "convoy", "was ambushed by", "2"),
    ("The convoy was ambushed by gunmen near the bridge.", "gunmen", "was ambushed by", "1"),
    # nominalisations: the owner or the 'by' phrase acts, 'on' and 'of' are acted on
    ("The army's attack on the village lasted hours.", "army", "attack", "1"),
    ("The army's attack on the village lasted hours.", "village", "attack", "2"),
    ("An attack by militants on the depot was repelled.", "militants", "attack", "1"),
    ("The journalist's arrest angered his colleagues.", "journalist", "arrest", "2"),
    # coordination and apposition share the role of the first conjunct / the head
    ("Farmers and traders blocked the highway.", "traders", "blocked", "1"),
    ("Maria Lopez, the mayor, condemned the raid.", "the mayor", "condemned", "1"),
    # relative clauses: the noun is the relative pronoun's role
    ("The militia that seized the airport fled.", "militia", "seized", "1"),
    ("The town that the rebels shelled was evacuated.", "town", "shelled", "2"),
    # control: the subject (or, after 'urge', the object) does what the infinitive says
    ("The ministry agreed to release the detainees.", "ministry", "release", "1"),
    ("The ministry agreed to release the detainees.", "detainees", "release", "2"),
    ("The envoy urged the junta to free the prisoners.", "junta", "free", "1"),
    # recipients and complements
    ("The government offered to hand over the suspects to the tribunal.", "tribunal",
     "offered", "2"),
    ("The union accused the company of fraud.", "company", "accused", "2"),
    ("The union accused the company of fraud.", "union", "accused", "1"),
    ("Villagers protested against the mining firm.", "mining firm", "protested", "2"),
    # a stance, not something done: 'is opposed to'
    ("The party is opposed to the treaty.", "party", "opposed", "1"),
    # a clause with its own subject under the trigger is what the event is about
    ("The union threatened to strike unless the company raised wages.", "company",
     "threatened", "2"),
    # light verbs and verbs of suffering with an act as object
    ("The insurgents launched an offensive in the valley.", "insurgents", "offensive", "1"),
    ("The garrison suffered a heavy attack overnight.", "garrison", "attack", "2"),
])
def test_role_towards_trigger(nlp: Any, text: str, mention: str, trigger: str,
                              role: str) -> None:
    assert _role(nlp, text, mention, trigger) == role


def test_a_reporter_is_a_source_of_the_reported_event(nlp: Any) -> None:
    text = "Police said gunmen attacked a bus."
    assert _role(nlp, text, "Police", "attacked") == "source"
    assert _role(nlp, text, "gunmen", "attacked") == "1"
    assert _role(nlp, text, "bus", "attacked") == "2"


def test_main_verb_looks_through_reporting_verbs(nlp: Any) -> None:
    doc = nlp("Police said gunmen attacked a bus.")
    assert main_verb(next(iter(doc.sents))).text == "attacked"


def test_without_a_trigger_the_clause_decides_then_word_order(nlp: Any) -> None:
    text = "Gunmen attacked a bus near the market."
    assert _role(nlp, text, "Gunmen", None) == "1"
    assert _role(nlp, text, "bus", None) == "2"


def test_no_parse_no_role() -> None:
    assert role_for(None, 0, 4) is None


# End to end: the source and the target from the sentence (pick_roles, names_actors) ----------


def _picked(nlp: Any, text: str, words: list[str], trigger: str | None) -> dict[str, str]:
    doc = nlp(text)
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    at = text.index(trigger) if trigger else None
    end = at + len(trigger) if trigger and at is not None else None
    return {text[s:e]: role for s, e, role in pick_roles(doc, spans, at, end)}


def test_conjuncts_and_modifiers_share_the_role_of_their_noun(nlp: Any) -> None:
    text = "Kenyan and Ugandan officials signed a trade deal with Tanzania."
    picked = _picked(nlp, text, ["Kenyan", "Ugandan", "officials", "Tanzania"], "signed")
    assert picked == {"Kenyan": "1", "Ugandan": "1", "officials": "1", "Tanzania": "2"}


def test_a_name_wins_over_a_word_for_a_kind_of_people(nlp: Any) -> None:
    text = "The governor blamed Chile for the clash that injured several farmers."
    picked = _picked(nlp, text, ["governor", "Chile", "farmers"], "blamed")
    assert picked.get("Chile") == "2" and "farmers" not in picked


def test_a_speaker_who_reports_its_own_act_acts(nlp: Any) -> None:
    text = "Peru said it would expel the Bolivian ambassador."
    assert _role(nlp, text, "Peru", "expel") == "1"
    text = "The rebels said their fighters had left the valley."
    assert _role(nlp, text, "rebels", "left") == "1"


def test_who_is_told_is_outside_the_event(nlp: Any) -> None:
    text = "Soldiers shelled the village, officials told reporters."
    assert _role(nlp, text, "reporters", "shelled") == "source"


@pytest.mark.parametrize(("text", "word", "names"), [
    ("The ministry approved new military aid.", "military", False),
    ("Guards raided the police station.", "police", False),
    ("Ecuador withdrew its troops from the border.", "troops", False),
    ("Troops withdrew from the border.", "Troops", True),
])
def test_words_for_actors_that_name_no_actor(nlp: Any, text: str, word: str,
                                             names: bool) -> None:
    doc = nlp(text)
    start = text.index(word)
    assert names_actors(doc, start, start + len(word)) is names


def test_a_relative_clause_describing_the_speaker_names_no_actor(nlp: Any) -> None:
    """The allied group is neither side of the reported act: the parse around the trigger
    says nothing of it (before, the speaker's 'they' made it act)."""
    text = ('"They fired rockets and then they fled," said Omar Haddad, a spokesman for the '
            'local council, which is allied to the Northern Front.')
    doc = nlp(text)
    start, at = text.index("Northern Front"), text.index("fired")
    mention = doc.char_span(start, start + len("Northern Front"), alignment_mode="expand").root
    assert _towards(mention, _trigger_token(doc, mention, at, at + len("fired"))) is None


# Every party on the acted-on side (claim_roles) ----------------------------------------------


def _claimed(nlp: Any, text: str, words: list[str], trigger: str) -> dict[str, str]:
    doc = nlp(text)
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    at = text.index(trigger)
    return {text[s:e]: role for s, e, role in claim_roles(doc, spans, at, at + len(trigger))}


@pytest.mark.parametrize(("text", "words", "trigger", "targets"), [
    # the verb's object and a recipient phrase of the verb
    ("Norway sent medical teams to Chad.", ["Norway", "teams", "Chad"], "sent",
     {"teams", "Chad"}),
    # a recipient phrase of the verb's object, beside a target elsewhere in the sentence
    ("Brazil announced a suspension of flights to Venezuela, citing pressure from Guyana.",
     ["Brazil", "Venezuela", "Guyana"], "announced", {"Venezuela", "Guyana"}),
    # an 'of' phrase of the object, and a second object
    ("The army arrested leaders of the Farmers Union and several students.",
     ["army", "Farmers Union", "students"], "arrested", {"Farmers Union", "students"}),
    # a 'by' phrase of the object (whose act the trigger is done to) and a recipient beside it
    ("Canada rejected a proposal by Mexico on sanctions against Cuba.",
     ["Canada", "Mexico", "Cuba"], "rejected", {"Mexico", "Cuba"}),
    # control: the controlled verb's recipient phrase
    ("Poland urged the European Union to cut ties with Belarus.",
     ["Poland", "the European Union", "Belarus"], "urged", {"the European Union", "Belarus"}),
    ("Poland threatened to cut ties with Belarus unless Russia withdrew.",
     ["Poland", "Belarus", "Russia"], "threatened", {"Belarus", "Russia"}),
])
def test_every_target_the_trigger_governs_is_claimed(nlp: Any, text: str, words: list[str],
                                                    trigger: str, targets: set[str]) -> None:
    claimed = _claimed(nlp, text, words, trigger)
    assert {w for w, role in claimed.items() if role == "2"} == targets
    assert claimed[words[0]] == "1"


@pytest.mark.parametrize(("text", "words", "trigger", "left_out"), [
    # a phrase that is neither an object nor a recipient ('in the presence of')
    ("Peru signed a trade pact with Chile in the presence of Bolivian officials.",
     ["Peru", "Chile", "Bolivian", "officials"], "signed", "officials"),
    # a clause of its own under the trigger is not the trigger's clause
    ("Kenya accused Somalia of closing the border with Ethiopia.",
     ["Kenya", "Somalia", "Ethiopia"], "accused", "Ethiopia"),
])
def test_what_the_trigger_does_not_govern_is_not_claimed(nlp: Any, text: str, words: list[str],
                                                        trigger: str, left_out: str) -> None:
    assert left_out not in _claimed(nlp, text, words, trigger)


def test_the_owner_of_a_claimed_noun_is_claimed_with_it(nlp: Any) -> None:
    text = "Japan's foreign minister met the Indian envoy on Monday."
    claimed = _claimed(nlp, text, ["Japan", "minister", "Indian", "envoy"], "met")
    assert claimed == {"Japan": "1", "minister": "1", "Indian": "2", "envoy": "2"}


@pytest.mark.parametrize(("text", "trigger", "noun"), [
    ("The terrorists, who had lobbed grenades at devotees, were shot dead.", "grenades",
     "terrorists"),
    ("Two gunmen that opened fire on worshippers were killed.", "opened fire", "gunmen"),
    ("There was a clash in Deodhar, where two were killed in police firing.", "firing", None),
    ("The SP ordered firing at mobs in which four persons were killed.", "killed", None),
])
def test_the_relative_clause_of_what_a_noun_did(nlp: Any, text: str, trigger: str,
                                                noun: str | None) -> None:
    at = text.index(trigger)
    found = relative_clause(nlp(text), at, at + len(trigger))
    if noun is None:
        assert found is None
    else:
        assert found is not None and text[found[2]:].startswith(noun)
        assert found[0] <= text.index(noun) and at + len(trigger) <= found[1]
