"""Direct quotes and their speakers."""

from __future__ import annotations

import re

from dateline.model import Entity, Quote

SPEECH = r"said|says|told|added|stated|explained|declared|insisted|warned|claimed|according to"
_QUOTE = re.compile(r"[\"“]([^\"”\n]{12,}?)[\"”]")
_AFTER = re.compile(rf"^[,.]?\s*(?:{SPEECH})\s+(?P<who>[A-Z][\w'-]+(?: [A-Z][\w'-]+){{0,3}})")
_AFTER_NAME_FIRST = re.compile(
    rf"^[,.]?\s*(?P<who>[A-Z][\w'-]+(?: [A-Z][\w'-]+){{0,3}}|he|she|they)\s+(?:{SPEECH})\b"
)
_BEFORE = re.compile(rf"(?P<who>[A-Z][\w'-]+(?: [A-Z][\w'-]+){{0,3}})\s+(?:{SPEECH}):?\s*$")


def _person_at(name: str, people: list[Entity]) -> str:
    """Resolve a surname or partial name to the full PERSON mention seen in the article."""
    for person in people:
        if name == person.text or name in person.text.split():
            return person.text
    return name


def find_quotes(text: str, entities: list[Entity]) -> list[Quote]:
    people = [e for e in entities if e.label == "PERSON"]
    out: list[Quote] = []
    last_speaker: str | None = None
    for m in _QUOTE.finditer(text):
        after = text[m.end():m.end() + 80]
        before = text[max(0, m.start() - 80):m.start()]
        speaker = None
        for pattern, chunk in ((_AFTER, after), (_AFTER_NAME_FIRST, after), (_BEFORE, before)):
            found = pattern.search(chunk)
            if found:
                speaker = found.group("who")
                break
        if speaker in ("he", "she", "they"):
            speaker = last_speaker
        elif speaker:
            speaker = _person_at(speaker, people)
        if speaker is None and not re.search(r"[.!?,]$", m.group(1).strip()):
            continue  # a scare-quoted phrase, not speech
        if speaker:
            last_speaker = speaker
        out.append(Quote(m.start(), m.end(), m.group(), speaker))
    return out
