"""Evidence per field: which characters of the article support which of an event's fields.

The trigger sentence comes first (``evidence[0]``, what quotes and highlighting show) and
supports the event type and the actors named in it; the time expression that gave the date
supports ``event_date``, the place mention that gave the location ``location``, the counts of
the sentence ``fatalities``, ``injured`` and ``displaced``. A time or place outside the
sentence, or a time in a long sentence, is evidence of its own (its span, that field only). A
value taken from the publication date, the article's main place or the article's main actors
has no span: no evidence claims it.

    >>> from dateline.model import Span, TimeExpr
    >>> text = "Gunmen killed two villagers in Kafin on Monday."
    >>> monday = TimeExpr(40, 46, "Monday", "2023-05-08")
    >>> (ev,) = event_evidence("a1", text, ValueSources(Span(0, 47, text), monday,
    ...                        actors=("actor1",), counts=("fatalities",)))
    >>> ev.fields
    ('event_type', 'actor1', 'event_date', 'fatalities')
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Evidence, Place, Span, TimeExpr, evidence_fields

# Characters: a longer trigger sentence does not stand as evidence of its date; the time
# expression's own span does.
LONG_SENTENCE = 250


@dataclass(frozen=True)
class ValueSources:
    """Where an event's values came from: the trigger sentence, the time expression that gave
    ``event_date`` and the place mention that gave ``location`` (None: no span gave it), the
    actor fields (``actor1``, ``actor2``) named in the sentence and the count fields
    (``fatalities``, ``injured``, ``displaced``) its numbers gave."""

    sentence: Span
    time: TimeExpr | None = None
    place: Place | None = None
    actors: tuple[str, ...] = ()
    counts: tuple[str, ...] = ()


def _inside(span: Span, start: int, end: int) -> bool:
    return span.start <= start and end <= span.end


def event_evidence(article_id: str, text: str, sources: ValueSources) -> tuple[Evidence, ...]:
    """The evidence of one event coded from ``sources`` (``text`` is the clean text), trigger
    sentence first."""
    sentence = sources.sentence
    short = sentence.end - sentence.start <= LONG_SENTENCE
    time, place = sources.time, sources.place
    date_here = time is not None and short and _inside(sentence, time.start, time.end)
    place_here = place is not None and _inside(sentence, place.start, place.end)
    fields = evidence_fields(("event_type",), sources.actors,
                             ("event_date",) if date_here else (),
                             ("location",) if place_here else (), sources.counts)
    out = [Evidence(article_id, sentence.start, sentence.end,
                    text[sentence.start:sentence.end], fields)]
    if time is not None and not date_here:
        out.append(Evidence(article_id, time.start, time.end, text[time.start:time.end],
                            ("event_date",)))
    if place is not None and not place_here:
        out.append(Evidence(article_id, place.start, place.end, text[place.start:place.end],
                            ("location",)))
    return tuple(out)
