from __future__ import annotations

from dateline.model import Entity
from dateline.nlp.quotes import find_quotes


def test_speaker_after_quote_and_pronoun() -> None:
    text = ('"There are violent clashes, fierce battles", said Adnan Afrin, a spokesman. '
            '"There is strong resistance," he said.')
    people = [Entity(50, 61, "Adnan Afrin", "PERSON")]
    quotes = find_quotes(text, people)
    assert [q.speaker for q in quotes] == ["Adnan Afrin", "Adnan Afrin"]
    assert all(text[q.start:q.end] == q.text for q in quotes)


def test_surname_resolves_to_full_name() -> None:
    text = 'Adnan Afrin spoke. "Now there are a lot of tunnels in Baghuz," said Afrin.'
    quotes = find_quotes(text, [Entity(0, 11, "Adnan Afrin", "PERSON")])
    assert quotes[0].speaker == "Adnan Afrin"


def test_scare_quotes_are_not_speech() -> None:
    assert find_quotes('His self-proclaimed "Caliphate" was reduced.', []) == []
