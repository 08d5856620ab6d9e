"""Components over a Document, checked once for order; per-document failures become outcomes.

A component is a named function ``(Document) -> Document`` that declares the fields it requires
and assigns. :class:`Pipeline` checks at construction that every requirement is assigned by an
earlier component, and :meth:`Pipeline.run` turns any failure of one document into an
:class:`~dateline.model.Outcome` with its reason, so a batch never dies on one input.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from dateline.errors import DatelineError, InputError, PipelineError
from dateline.model import Document, Outcome, RawDoc, Span, content_id

# The flag of an article with no publication date, given or read from its text.
NO_PUBLICATION_DATE = ("no publication date: events are dated by the years their text names, "
                       "else undated (the run's day, time_precision 3, date_basis 'run')")
BASE_FIELDS = frozenset({"id", "raw_text", "kind", "origin", "url", "title", "published",
                         "outlet", "language"})


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[[Document], Document]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    """A processed document (None unless processed) and the outcome of its input."""

    document: Document | None
    outcome: Outcome


def document_from_raw(raw: RawDoc) -> Document:
    return Document(
        id=content_id(raw.text), raw_text=raw.text, kind=raw.kind, origin=raw.origin,
        url=raw.url, title=raw.title, published=_iso_date(raw.published), outlet=raw.source,
        language=raw.language, source_id=raw.id or None,
    )


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        import dateparser

        parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first"})
        return parsed.date().isoformat() if parsed else None


class Pipeline:
    def __init__(self, components: Iterable[Component]) -> None:
        self.components = tuple(components)
        assigned = set(BASE_FIELDS)
        for component in self.components:
            missing = [name for name in component.requires if name not in assigned]
            if missing:
                raise PipelineError(
                    f"component '{component.name}' requires {', '.join(missing)}, "
                    "which no earlier component assigns",
                    "reorder the components or add the one that assigns it",
                )
            assigned.update(component.assigns)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.components)

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            doc = component.func(doc)
        return dataclasses.replace(doc, meta={k: v for k, v in doc.meta.items() if k != "spacy"})

    def run(self, raw: RawDoc) -> Result:
        """Process one input; never raises for a bad document."""
        doc = document_from_raw(raw)
        stage = "start"
        try:
            for component in self.components:
                stage = component.name
                doc = component.func(doc)
        except InputError as exc:
            return Result(None, Outcome(raw.origin, "quarantined", str(exc), doc.id))
        except (DatelineError, Exception) as exc:  # noqa: BLE001 - recorded, the batch goes on
            reason = f"{stage} failed: {type(exc).__name__}: {exc}"
            return Result(None, Outcome(raw.origin, "failed", reason, doc.id))
        doc = dataclasses.replace(doc, meta={k: v for k, v in doc.meta.items() if k != "spacy"})
        return Result(doc, Outcome(raw.origin, "processed", "", doc.id, len(doc.events)))


def sentence_spans(spacy_doc: Any) -> tuple[Span, ...]:
    """The model's sentences, cut again at paragraph breaks and trimmed of the whitespace and
    stray closing quotes the model leaves at their edges."""
    text = spacy_doc.text
    out = []
    for sent in spacy_doc.sents:
        start = sent.start_char
        for piece in re.split(r"(\n\s*\n)", text[sent.start_char:sent.end_char]):
            begin, end = start, start + len(piece)
            start = end
            while begin < end and (text[begin].isspace() or text[begin] in "\"”’"
                                   and text[begin + 1:begin + 2].isspace()):
                begin += 1
            while end > begin and text[end - 1].isspace():
                end -= 1
            if end > begin:
                out.append(Span(begin, end, text[begin:end]))
    return tuple(out)


# Worker processes: each builds its own pipeline once, in its initializer.
_WORKER: dict[str, Pipeline] = {}


def _init_worker(factory: Callable[[], Pipeline]) -> None:
    _WORKER["pipeline"] = factory()


def run_in_worker(raw: RawDoc) -> Result:
    return _WORKER["pipeline"].run(raw)


def worker_pool(factory: Callable[[], Pipeline], workers: int) -> Any:
    """A pool of ``workers`` processes, each holding its own pipeline built by ``factory``."""
    context = multiprocessing.get_context("spawn")
    return context.Pool(workers, initializer=_init_worker, initargs=(factory,))
