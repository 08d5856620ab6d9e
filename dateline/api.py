"""The default pipeline and the one-call API, ``dateline.process``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from dateline.clean import CleaningData, clean_document
from dateline.errors import PipelineError
from dateline.events.coder import CoderResources, code_events
from dateline.events.parties import ClauseCues
from dateline.events.taxonomy import Taxonomy
from dateline.events.triggers import TriggerLexicon
from dateline.model import Document, RawDoc
from dateline.nlp.actors import ActorLexicon
from dateline.nlp.entities import merge_entities, outermost, spacy_entities
from dateline.nlp.gazetteer import Gazetteer
from dateline.nlp.model import load_spacy
from dateline.nlp.places import find_places
from dateline.nlp.quantities import find_quantities
from dateline.nlp.quotes import find_quotes
from dateline.nlp.times import caption_times, find_times
from dateline.pack import RegionPack
from dateline.pipeline import NO_PUBLICATION_DATE, Component, Pipeline, sentence_spans

FROM_ENVIRONMENT: Any = "$DATELINE_PACK"  # Resources.load's default: the pack it names, if any
MAX_PARSE_CHARS = 200_000  # longer bodies are parsed in their first part only, and flagged


@dataclass(frozen=True)
class Resources:
    """Everything the default pipeline loads once: models, gazetteer and curated data."""

    nlp: Any
    cleaning: CleaningData
    gazetteer: Gazetteer
    coder: CoderResources
    pack: RegionPack | None = None

    @classmethod
    def load(cls, registers: frozenset[str] | None = None,
             pack: RegionPack | str | Path | None = FROM_ENVIRONMENT) -> Resources:
        """Load everything; ``registers``: the register-specific cues to use (triggers.json's
        'registers', e.g. 'in-2002'; None: those the DATELINE_REGISTERS environment variable
        names, else none). ``pack``: a region pack or its folder (``dateline learn``); by
        default the one the DATELINE_PACK environment variable names, else none; None: none."""
        if pack is FROM_ENVIRONMENT:
            pack = RegionPack.from_environment()
        elif isinstance(pack, (str, Path)):
            pack = RegionPack.load(pack)
        places, extra = (pack.places, pack.actors) if pack is not None else ((), ())
        gazetteer = Gazetteer.load(pack_places=places)
        actors = ActorLexicon.load(extra)
        return cls(load_spacy(), CleaningData.load(), gazetteer,
                   coder_resources(actors, gazetteer.country_names(), registers), pack)

    def with_registers(self, registers: frozenset[str]) -> Resources:
        """The same models and gazetteer with the event coder's cues of other registers."""
        coder = self.coder
        return dataclasses.replace(self, coder=coder_resources(
            coder.actors, coder.country_names, registers))


def coder_resources(actors: ActorLexicon, country_names: dict[str, str],
                    registers: frozenset[str] | None) -> CoderResources:
    return CoderResources(Taxonomy.load(), TriggerLexicon.load(registers), actors,
                          country_names, ClauseCues.load(registers))


def _clean(res: Resources) -> Component:
    def run(doc: Document) -> Document:
        return clean_document(doc, res.cleaning)

    return Component("clean", run, ("raw_text",),
                     ("clean_text", "edits", "captions", "agency", "published", "title"))


def _parse(res: Resources) -> Component:
    def run(doc: Document) -> Document:
        text = doc.clean_text
        flags = doc.flags
        if len(text) > MAX_PARSE_CHARS:
            flags += (f"body longer than {MAX_PARSE_CHARS} characters: the rest was not parsed",)
            text = text[:MAX_PARSE_CHARS]
        spacy_doc = res.nlp(text)
        entities = merge_entities(doc.clean_text, spacy_entities(spacy_doc), res.coder.actors)
        return dataclasses.replace(
            doc, sentences=sentence_spans(spacy_doc), entities=tuple(entities), flags=flags,
            meta={**doc.meta, "spacy": spacy_doc},
        )

    return Component("parse", run, ("clean_text",), ("sentences", "entities"))


def _language(res: Resources) -> Component:
    def run(doc: Document) -> Document:
        published = doc.published
        flags = doc.flags
        if not published:  # left empty: the run's day is only the base of relative times
            published = dt.date.today().isoformat()
            flags += (NO_PUBLICATION_DATE,)
        text = doc.clean_text
        return dataclasses.replace(
            doc, flags=flags,
            times=(*find_times(text, published), *caption_times(doc.captions, published)),
            quantities=tuple(find_quantities(text, [(e.start, e.end) for e in doc.entities
                                                    if e.label == "PERSON"])),
            quotes=tuple(find_quotes(text, list(doc.entities))),
            places=tuple(find_places(text, outermost(doc.entities), res.gazetteer,
                                     doc.dateline_place)),
        )

    return Component("language", run, ("clean_text", "captions", "entities"),
                     ("times", "quantities", "quotes", "places"))


def _events(res: Resources) -> Component:
    def run(doc: Document) -> Document:
        coded = code_events(doc, doc.meta.get("spacy"), res.coder)
        if res.pack is not None:
            coded = res.pack.review(coded, res.coder.taxonomy)
        return dataclasses.replace(doc, events=coded.events, watch=coded.watch,
                                   quantities=coded.quantities)

    return Component("events", run,
                     ("sentences", "entities", "places", "times", "quantities", "quotes"),
                     ("events", "watch", "quantities"))


def build_pipeline(resources: Resources | None = None) -> Pipeline:
    res = resources or Resources.load()
    return Pipeline([_clean(res), _parse(res), _language(res), _events(res)])


def process(text_or_html: str, published: str | None = None, source: str | None = None,
            *, url: str | None = None, title: str | None = None,
            pipeline: Pipeline | None = None) -> Document:
    """Process one article (plain text or HTML) and return its Document.

    Loading the models takes a second or two: pass a ``pipeline`` from :func:`build_pipeline`
    to process many articles.
    """
    kind: Literal["text", "html"] = "html" if text_or_html.lstrip()[:1] == "<" else "text"
    raw = RawDoc(text_or_html, kind, "<string>", url=url, title=title, published=published,
                 source=source)
    result = (pipeline or build_pipeline()).run(raw)
    if result.document is None:
        raise PipelineError(result.outcome.reason, "see the reason above")
    return result.document
