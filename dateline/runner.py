"""A batch: inputs in, documents processed and stored, every input accounted for."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from dateline.ingest import IngestOptions, iter_inputs
from dateline.merge import MergeOptions, MergeRules, merge_document, merge_pending
from dateline.model import OUTCOME_STATUSES, Outcome, RawDoc, content_id
from dateline.pipeline import NO_PUBLICATION_DATE, Pipeline, Result, run_in_worker, worker_pool
from dateline.store.base import MergeStore, Store

CHUNK = 64  # inputs handed to the worker processes at a time: memory stays flat
ALREADY_STORED = "already in the database (same content)"


@dataclass(frozen=True)
class RunOptions:
    workers: int = 1
    ingest: IngestOptions = field(default_factory=IngestOptions)
    reprocess: bool = False  # process articles the store already holds
    merge: MergeOptions = field(default_factory=MergeOptions)  # cross-article merging
    published: str | None = None  # the publication date of inputs that give none (ISO)


@dataclass
class RunSummary:
    """Counts by outcome (they add up to the inputs) and the outcomes that were not a success."""

    run_id: str | None = None
    counts: Counter[str] = field(default_factory=Counter)
    problems: list[Outcome] = field(default_factory=list)
    notes: list[Outcome] = field(default_factory=list)  # skipped, except "already stored"
    events: int = 0
    new_articles: int = 0
    undated: int = 0  # processed articles with no publication date (none given or read)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        self.events += outcome.events
        if outcome.status in ("quarantined", "failed"):
            self.problems.append(outcome)
        elif outcome.status == "skipped" and outcome.reason != ALREADY_STORED:
            self.notes.append(outcome)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, int]:
        return {status: self.counts.get(status, 0) for status in OUTCOME_STATUSES}


def _filter_known(items: Iterable[RawDoc | Outcome], store: Store | None, reprocess: bool
                  ) -> Iterator[RawDoc | Outcome]:
    """Drop articles already stored or repeated within the batch (recorded as skipped)."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Outcome):
            yield item
            continue
        article_id = content_id(item.text)
        if article_id in seen:
            yield Outcome(item.origin, "skipped", f"same content as {seen[article_id]}", article_id)
        elif store is not None and not reprocess and store.has_article(article_id):
            yield Outcome(item.origin, "skipped", ALREADY_STORED, article_id)
        else:
            seen[article_id] = item.origin
            yield item


def _results(factory: Callable[[], Pipeline], pipeline: Pipeline | None,
             items: Iterable[RawDoc | Outcome], workers: int) -> Iterator[Result]:
    if workers <= 1:
        pipe = pipeline or factory()
        for item in items:
            yield Result(None, item) if isinstance(item, Outcome) else pipe.run(item)
        return
    with worker_pool(factory, workers) as pool:
        for chunk in _chunks(items, CHUNK):
            raws = [item for item in chunk if isinstance(item, RawDoc)]
            results = iter(pool.imap(run_in_worker, raws, chunksize=2))
            for item in chunk:  # input order; the store is only touched in this thread
                yield Result(None, item) if isinstance(item, Outcome) else next(results)


def _chunks(items: Iterable[RawDoc | Outcome], size: int) -> Iterator[list[RawDoc | Outcome]]:
    chunk: list[RawDoc | Outcome] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(inputs: Sequence[str], factory: Callable[[], Pipeline], store: Store | None,
              options: RunOptions = RunOptions(), *, pipeline: Pipeline | None = None,
              on_result: Callable[[Result], None] | None = None,
              command: str = "run",
              items: Iterable[RawDoc | Outcome] | None = None) -> RunSummary:
    """Read, process and store ``inputs``. Never raises for a bad input.

    ``items`` are articles already read (e.g. :func:`dateline.ingest.read_bytes` of a request
    body); they are processed instead of reading ``inputs``, which then only name them."""
    summary = RunSummary()
    if store is not None:
        summary.run_id = store.start_run(command, list(inputs))
    read = iter_inputs(inputs, options.ingest) if items is None else items
    if options.published:
        read = (dataclasses.replace(item, published=options.published)
                if isinstance(item, RawDoc) and not item.published else item for item in read)
    known = _filter_known(read, store, options.reprocess)
    rules = MergeRules.load() if isinstance(store, MergeStore) else None
    for result in _results(factory, pipeline, known, options.workers):
        saved = store is not None and result.document is not None and store.save_document(
            result.document, summary.run_id)
        if saved:
            summary.new_articles += 1
        if isinstance(store, MergeStore) and result.document is not None:
            merge_document(store, result.document, options.merge, rules)
        if store is not None and summary.run_id:
            store.save_outcome(summary.run_id, result.outcome)
        summary.add(result.outcome)
        if result.document is not None and NO_PUBLICATION_DATE in result.document.flags:
            summary.undated += 1
        if on_result is not None:
            on_result(result)
    if isinstance(store, MergeStore):  # articles stored but never merged (an older database)
        merge_pending(store, options.merge, rules)
    if store is not None and summary.run_id:
        store.finish_run(summary.run_id, summary.as_dict())
    return summary
